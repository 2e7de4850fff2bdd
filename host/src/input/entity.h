/*
 * entity.h - character references (&amp; &#8217; &#x2019;) for the HTML
 * and Markdown loaders, and the bookkeeping that aligns decoded text with
 * the source bytes it came from.
 *
 * The loaders get decoded text from their parser (gumbo, cmark) and must
 * map every decoded byte back onto the original file.  They walk the text
 * and the source side by side: a byte that is the same on both sides joins
 * a pending byte-for-byte run; a reference (or any other piece that is not
 * byte for byte) ends the run and maps its decoded bytes onto all of its
 * source bytes.
 *
 * Errors and ownership: decoding never fails and never allocates; results
 * go into caller-owned structs.  The aligner owns nothing: it borrows the
 * text and the emit callback's context for its own lifetime, and its
 * functions return 0, or -1 exactly when the emit callback returned -1
 * (the callback's caller-side state, such as a cs_diag, says why).
 */
#ifndef CS_ENTITY_H
#define CS_ENTITY_H

#include <stddef.h>

/* Which syntax a reference is read in. */
typedef enum cs_entity_syntax {
    /* HTML text as browsers read it: the ';' is optional after a number
     * and after a legacy name ("&copy2020"), names run to 40 alphanumerics,
     * &#128;..&#159; mean their Windows-1252 characters, and the all-caps
     * names AMP LT GT QUOT COPY are known. */
    CS_ENTITY_HTML,
    /* CommonMark: &name; (at most 33 alphanumerics), &#D; (1-7 digits) or
     * &#xH; (1-6 hex digits), the ';' always required. */
    CS_ENTITY_COMMONMARK
} cs_entity_syntax;

/* One character reference as read from the source. */
typedef struct cs_entity {
    size_t src_len;  /* its bytes in the source; 0: no reference there */
    size_t len;      /* decoded bytes in utf8; 0: a name not in our table */
    size_t name_len; /* a named reference: its alphanumeric run; 0: numeric */
    char utf8[8];    /* the decoded character, when len > 0 */
} cs_entity;

/* Read the character reference that starts s[0..n) in `syntax`.  Returns
 * its length in the source (also e->src_len), or 0 when s does not start
 * one (e then holds zero lengths).  A number always decodes (0, a
 * surrogate or a code point past U+10FFFF become U+FFFD); a name only when
 * it is in the table of names common in news text, else e->len is 0 and
 * the reference is still measured.  s need not be NUL-terminated. */
size_t cs_entity_decode(const char *s, size_t n, cs_entity_syntax syntax, cs_entity *e);

/* 1 when e was decoded (e->len > 0) and its bytes begin text[0..n), else 0. */
int cs_entity_starts(const cs_entity *e, const char *text, size_t n);

/* How many decoded bytes a reference that could not be decoded stands for:
 * the length of the one UTF-8 character whose lead byte is `lead` (1-4;
 * the caller checks it against the text that is left). */
size_t cs_entity_char_len(unsigned char lead);

/* ---- aligning decoded text with its source ---- */

/* Receives one aligned piece: text[off, off+len) stands for the source
 * bytes [src_off, src_off+src_len) (len == src_len for a byte-for-byte
 * run).  Returns 0, or -1 to stop the alignment (out of memory). */
typedef int (*cs_align_emit)(void *ctx, const char *text, size_t off, size_t len,
                             size_t src_off, size_t src_len);

/* An alignment in progress.  Fields are private to entity.c. */
typedef struct cs_align {
    const char *text;
    cs_align_emit emit; /* NULL: pieces are measured, not emitted */
    void *ctx;
    size_t run_off, run_src, run_len; /* pending byte-for-byte run */
} cs_align;

/* Start aligning `text` (borrowed).  With emit NULL nothing is emitted,
 * so a caller can try an alignment before doing it for real. */
void cs_align_init(cs_align *a, const char *text, cs_align_emit emit, void *ctx);

/* text[off] is the source byte src_off, byte for byte: start the pending
 * run, or extend it (the caller passes consecutive bytes on both sides
 * until the next flush or piece). */
void cs_align_byte(cs_align *a, size_t off, size_t src_off);

/* The same for len (> 0) consecutive bytes at once: text[off..off+len) is
 * the source [src_off, src_off+len). */
void cs_align_run(cs_align *a, size_t off, size_t src_off, size_t len);

/* Emit the pending run, if any, and clear it.  Returns 0 or -1 (emit). */
int cs_align_flush(cs_align *a);

/* text[off, off+len) stands for the source bytes [src_off, src_off+
 * src_len) as a whole (a reference, an escape, a collapsed break): flush
 * the pending run, then emit this piece.  Returns 0 or -1 (emit). */
int cs_align_piece(cs_align *a, size_t off, size_t len, size_t src_off, size_t src_len);

#endif
