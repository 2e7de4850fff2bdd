/*
 * fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/.
 *
 * FUZZ_CHECK(cond) stops the process with __builtin_trap() when cond is
 * false, so libFuzzer records the input as a crash.  fuzz_check_document
 * walks a loaded cs_document and traps on the first broken invariant:
 *   - passages lie inside the text buffer, one after another, each
 *     NUL-terminated, non-empty, without white space at either end, and
 *     valid UTF-8 without NUL bytes;
 *   - their offset segments lie inside the passage and inside the source;
 *   - sentences lie inside their passage, are non-empty, in order, do not
 *     overlap and start and end on UTF-8 character boundaries;
 *   - cs_doc_src_offset is monotone over every byte of a passage (starts
 *     and ends alike), never past the source length, and a start never
 *     maps after the end of the same byte;
 *   - cs_doc_line_col gives the same 1-based line and column (code points)
 *     as a plain count over the source, queried in passage order.
 * Pure checks: nothing is written, all memory is freed before returning.
 */
#ifndef CS_FUZZ_COMMON_H
#define CS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "document_load.h"

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond))                                                                       \
            __builtin_trap();                                                              \
    } while (0)

static inline int fuzz_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Reference line and column (1-based, columns in code points) of every
 * source offset 0..len, by a plain count. */
static inline void fuzz_line_cols(const char *src, size_t len, int *lines, int *cols)
{
    int l = 1, c = 1;
    for (size_t i = 0; i <= len; i++) {
        lines[i] = l;
        cols[i] = c;
        if (i == len)
            break;
        if (src[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)src[i] & 0xC0) != 0x80) {
            c++;
        }
    }
}

static inline void fuzz_check_line_col(const cs_document *doc, size_t off, const int *lines,
                                const int *cols)
{
    int line = 0, col = 0;
    cs_doc_line_col(doc, off, &line, &col);
    FUZZ_CHECK(line >= 1 && col >= 1);
    FUZZ_CHECK(line == lines[off] && col == cols[off]);
}

static inline int fuzz_char_boundary(const char *text, size_t len, size_t off)
{
    return off == 0 || off >= len || ((unsigned char)text[off] & 0xC0) != 0x80;
}

static inline void fuzz_check_document(const cs_document *doc)
{
    const size_t srclen = doc->source.len;
    FUZZ_CHECK(doc->source.data != NULL && doc->source.data[srclen] == '\0');
    FUZZ_CHECK(doc->nlines >= 1 && doc->line_starts[0] == 0);
    int *lines = malloc((srclen + 1) * sizeof *lines);
    int *cols = malloc((srclen + 1) * sizeof *cols);
    FUZZ_CHECK(lines != NULL && cols != NULL);
    fuzz_line_cols(doc->source.data, srclen, lines, cols);
    FUZZ_CHECK(doc->nsegs <= doc->segs_cap && doc->nsent <= doc->sent_cap &&
               doc->npassages <= doc->passages_cap);
    FUZZ_CHECK(!doc->building);
    size_t text_end = 0, seg_end = 0, sent_end = 0;
    for (size_t pi = 0; pi < doc->npassages; pi++) {
        const cs_passage *p = &doc->passages[pi];
        /* text: in the buffer, after the previous passage, NUL-terminated */
        FUZZ_CHECK(p->text_off >= text_end);
        FUZZ_CHECK(p->len > 0 && p->text_off + p->len < doc->text.len);
        const char *t = cs_doc_text(doc, p);
        FUZZ_CHECK(t[p->len] == '\0');
        FUZZ_CHECK(memchr(t, '\0', p->len) == NULL);
        FUZZ_CHECK(!fuzz_is_space((unsigned char)t[0]) &&
                   !fuzz_is_space((unsigned char)t[p->len - 1]));
        FUZZ_CHECK(cs_validate_utf8("fuzz", t, p->len, NULL) == 0);
        text_end = p->text_off + p->len + 1;
        /* segments: this passage's, inside its text and the source */
        FUZZ_CHECK(p->seg_first == seg_end && p->nsegs >= 1);
        FUZZ_CHECK(p->seg_first + p->nsegs <= doc->nsegs);
        seg_end = p->seg_first + p->nsegs;
        size_t seg_text = p->text_off;
        for (size_t k = 0; k < p->nsegs; k++) {
            const cs_offset_seg *s = &doc->segs[p->seg_first + k];
            FUZZ_CHECK(s->text_off >= seg_text);
            FUZZ_CHECK(s->text_off + s->len <= p->text_off + p->len);
            FUZZ_CHECK(s->src_off <= srclen && s->src_len <= srclen - s->src_off);
            seg_text = s->text_off + s->len;
        }
        FUZZ_CHECK(p->src_start <= srclen && p->src_end <= srclen);
        /* sentences: inside the passage, non-empty, in order */
        FUZZ_CHECK(p->sent_first == sent_end && p->sent_first + p->nsent <= doc->nsent);
        sent_end = p->sent_first + p->nsent;
        size_t prev_end = 0;
        for (size_t k = 0; k < p->nsent; k++) {
            const credscore_span *sp = &doc->sentences[p->sent_first + k];
            FUZZ_CHECK(sp->start < sp->end && sp->end <= p->len);
            FUZZ_CHECK(sp->start >= prev_end);
            FUZZ_CHECK(fuzz_char_boundary(t, p->len, sp->start) &&
                       fuzz_char_boundary(t, p->len, sp->end));
            prev_end = sp->end;
            size_t a = cs_doc_src_offset(doc, p, sp->start, 0);
            size_t b = cs_doc_src_offset(doc, p, sp->end, 1);
            FUZZ_CHECK(a <= b && b <= srclen);
            fuzz_check_line_col(doc, a, lines, cols);
            fuzz_check_line_col(doc, b, lines, cols);
        }
        /* source offsets: monotone over the passage, inside the source */
        size_t last_start = 0, last_end = 0;
        for (size_t off = 0; off <= p->len; off++) {
            size_t a = cs_doc_src_offset(doc, p, off, 0);
            size_t b = cs_doc_src_offset(doc, p, off, 1);
            FUZZ_CHECK(a <= srclen && b <= srclen);
            FUZZ_CHECK(a >= last_start && b >= last_end);
            if (off < p->len) {
                size_t e = cs_doc_src_offset(doc, p, off + 1, 1);
                FUZZ_CHECK(a <= e);
            }
            last_start = a;
            last_end = b;
        }
    }
    FUZZ_CHECK(seg_end == doc->nsegs && sent_end == doc->nsent);
    free(lines);
    free(cols);
}

/* The document loaders' fuzz body: load data as fmt; on success check it. */
static inline int fuzz_load_and_check(const uint8_t *data, size_t size, cs_format fmt)
{
    cs_document doc;
    cs_diag d;
    d.msg[0] = '\0';
    if (cs_document_load_memory(&doc, "fuzz-input", (const char *)data, size, fmt, &d) == 0) {
        FUZZ_CHECK(doc.format == fmt);
        fuzz_check_document(&doc);
    } else {
        FUZZ_CHECK(d.msg[0] != '\0');
    }
    cs_document_free(&doc);
    return 0;
}

#endif
