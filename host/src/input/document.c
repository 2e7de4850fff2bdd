#include "document.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "swar.h"
#include "utf8.h"

/* What a line is made of, found out when a column on it is first asked. */
enum { LINE_UNKNOWN = 0, LINE_ASCII, LINE_NOT_ASCII };

struct cs_lc_cache {
    size_t line;  /* index into line_starts */
    size_t off;   /* source offset answered */
    int col;
    unsigned char *line_kind; /* LINE_* of each line */
    size_t kinds_cap;
};

cs_format cs_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return CS_FORMAT_TEXT;
    dot++;
    if (strcasecmp(dot, "md") == 0 || strcasecmp(dot, "markdown") == 0 ||
        strcasecmp(dot, "mdown") == 0 || strcasecmp(dot, "mkd") == 0)
        return CS_FORMAT_MARKDOWN;
    if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0 ||
        strcasecmp(dot, "xhtml") == 0)
        return CS_FORMAT_HTML;
    return CS_FORMAT_TEXT;
}

const char *cs_format_name(cs_format f)
{
    switch (f) {
    case CS_FORMAT_MARKDOWN: return "markdown";
    case CS_FORMAT_HTML: return "html";
    case CS_FORMAT_TEXT: return "text";
    default: return "auto";
    }
}

int cs_format_parse(const char *name, cs_format *out)
{
    static const struct { const char *name; cs_format f; } names[] = {
        {"text", CS_FORMAT_TEXT},   {"txt", CS_FORMAT_TEXT},  {"plain", CS_FORMAT_TEXT},
        {"markdown", CS_FORMAT_MARKDOWN}, {"md", CS_FORMAT_MARKDOWN},
        {"html", CS_FORMAT_HTML},   {"auto", CS_FORMAT_AUTO},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return 0;
        }
    return -1;
}

void cs_text_line_col(const char *data, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* Are the 8 bytes at s all ASCII and none of them NUL? */
static int ascii_no_nul8(const unsigned char *s)
{
    uint64_t w = cs_swar_load(s);
    return (cs_swar_high(w) | cs_swar_eq(w, 0)) == 0;
}

int cs_validate_utf8(const char *path, const char *data, size_t len, cs_diag *d)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len && ascii_no_nul8(s + i)) { /* a run of plain ASCII */
            i += 8;
            continue;
        }
        if (s[i] < 0x80) {
            if (s[i] == 0) {
                int line, col;
                cs_text_line_col(data, i, &line, &col);
                return cs_diag_at(d, path, line, col, CS_NUL_MESSAGE);
            }
            i++;
            continue;
        }
        unsigned cp;
        size_t n = cs_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            int line, col;
            cs_text_line_col(data, i, &line, &col);
            return cs_diag_at(d, path, line, col,
                              "invalid UTF-8 (byte 0x%02x); convert the file to UTF-8", s[i]);
        }
        i += n;
    }
    return 0;
}

/* Room for `need` elements in an array that grows one element at a time
 * (cs_array_grow), without a call while there is room: the builder adds
 * each line, segment, sentence and passage this way. */
static inline int room_for(void **items, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? 0 : cs_array_grow(items, cap, need, elem);
}

/* Are the bytes s[0..len) all ASCII?  Eight at a time. */
static int all_ascii(const char *s, size_t len)
{
    size_t i = 0;
    uint64_t any = 0;
    for (; i + 8 <= len; i += 8)
        any |= cs_swar_load(s + i);
    for (; i < len; i++)
        any |= (unsigned char)s[i];
    return cs_swar_high(any) == 0; /* the tail bytes sit in the low lane */
}

/* Where each line starts: one memchr per line, the arrays kept from an
 * earlier article when they are large enough; every line's kind unknown. */
static int build_line_index(cs_document *doc)
{
    const char *s = doc->source.data;
    size_t len = doc->source.len, start = 0;
    doc->nlines = 0;
    for (;;) {
        void *items = doc->line_starts;
        if (room_for(&items, &doc->lines_cap, doc->nlines + 1, sizeof(size_t)) != 0)
            return -1;
        doc->line_starts = items;
        doc->line_starts[doc->nlines++] = start;
        const char *nl = start < len ? memchr(s + start, '\n', len - start) : NULL;
        if (nl == NULL)
            break;
        start = (size_t)(nl - s) + 1;
    }
    struct cs_lc_cache *lc = doc->lc;
    void *kinds = lc->line_kind;
    if (cs_array_grow(&kinds, &lc->kinds_cap, doc->nlines, 1) != 0)
        return -1;
    lc->line_kind = kinds;
    memset(lc->line_kind, LINE_UNKNOWN, doc->nlines);
    return 0;
}

/* Room for what the format loader makes of the source, so that the text
 * and the arrays seldom grow step by step: the text is about as long as
 * the source (less markup, a space per joined line, a NUL per passage),
 * a passage at most a line, a segment about one per line and its join,
 * a sentence one per 64 bytes or so.  Growth past these is as usual. */
static int reserve_for_source(cs_document *doc)
{
    size_t len = doc->source.len, lines = doc->nlines;
    void *items;
    if (cs_buf_reserve(&doc->text, len + 64) != 0)
        return -1;
    items = doc->passages;
    if (cs_array_grow(&items, &doc->passages_cap, lines, sizeof(cs_passage)) != 0)
        return -1;
    doc->passages = items;
    items = doc->segs;
    if (cs_array_grow(&items, &doc->segs_cap, 2 * lines, sizeof(cs_offset_seg)) != 0)
        return -1;
    doc->segs = items;
    items = doc->sentences;
    if (cs_array_grow(&items, &doc->sent_cap, len / 64 + 1, sizeof(credscore_span)) != 0)
        return -1;
    doc->sentences = items;
    return 0;
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

int cs_doc_prepare(cs_document *doc, cs_diag *d)
{
    return cs_doc_prepare_flags(doc, 0, d);
}

int cs_doc_prepare_flags(cs_document *doc, unsigned flags, cs_diag *d)
{
    const char *path = doc->path;
    if (!(flags & CS_DOC_CHECKED_UTF8) &&
        cs_validate_utf8(path, doc->source.data, doc->source.len, d) != 0)
        return -1;
    if (is_blank(doc->source.data, doc->source.len))
        return cs_diag_at(d, path, 0, 0, "empty input: nothing to score");
    if ((doc->lc == NULL && (doc->lc = calloc(1, sizeof *doc->lc)) == NULL) ||
        build_line_index(doc) != 0 || reserve_for_source(doc) != 0)
        return cs_diag_at(d, path, 0, 0, "out of memory");
    doc->lc->line = (size_t)-1; /* nothing cached yet */
    return 0;
}

void cs_document_clear(cs_document *doc)
{
    free(doc->path);
    doc->path = NULL;
    doc->format = CS_FORMAT_AUTO;
    if (doc->source.borrowed)
        memset(&doc->source, 0, sizeof doc->source);
    doc->source.len = 0;
    doc->nlines = 0;
    if (doc->lc)
        doc->lc->line = (size_t)-1;
    doc->text.len = 0;
    doc->nsegs = doc->nsent = doc->npassages = 0;
    doc->building = 0;
    memset(&doc->cur, 0, sizeof doc->cur);
}

void cs_document_free(cs_document *doc)
{
    if (doc == NULL)
        return;
    free(doc->path);
    cs_buf_free(&doc->source);
    free(doc->line_starts);
    if (doc->lc)
        free(doc->lc->line_kind);
    free(doc->lc);
    cs_buf_free(&doc->text);
    free(doc->segs);
    free(doc->sentences);
    free(doc->passages);
    memset(doc, 0, sizeof *doc);
}

/* ---- builder ---- */

int cs_doc_begin(cs_document *doc, unsigned scopes)
{
    if (doc->building)
        return -1;
    doc->building = 1;
    memset(&doc->cur, 0, sizeof doc->cur);
    doc->cur.text_off = doc->text.len;
    doc->cur.seg_first = doc->nsegs;
    doc->cur.scopes = scopes;
    return 0;
}

static int push_seg(cs_document *doc, size_t len, size_t src_off, size_t src_len)
{
    /* Merge with the previous byte-for-byte segment when contiguous. */
    if (doc->nsegs > doc->cur.seg_first && len == src_len) {
        cs_offset_seg *last = &doc->segs[doc->nsegs - 1];
        if (last->len == last->src_len && last->src_off + last->src_len == src_off &&
            last->text_off + last->len == doc->text.len) {
            last->len += len;
            last->src_len += src_len;
            return 0;
        }
    }
    void *items = doc->segs;
    if (room_for(&items, &doc->segs_cap, doc->nsegs + 1, sizeof(cs_offset_seg)) != 0)
        return -1;
    doc->segs = items;
    doc->segs[doc->nsegs++] = (cs_offset_seg){doc->text.len, len, src_off, src_len};
    return 0;
}

int cs_doc_add(cs_document *doc, const char *bytes, size_t len, size_t src_off, size_t src_len)
{
    if (!doc->building || len == 0)
        return doc->building ? 0 : -1;
    if (push_seg(doc, len, src_off, src_len) != 0)
        return -1;
    return cs_buf_append(&doc->text, bytes, len);
}

int cs_doc_add_space(cs_document *doc, size_t src_off)
{
    if (!doc->building)
        return -1;
    if (doc->text.len == doc->cur.text_off || doc->text.data[doc->text.len - 1] == ' ')
        return 0;
    return cs_doc_add(doc, " ", 1, src_off, 0);
}

struct sent_ctx {
    cs_document *doc;
};

static int on_sentence(void *ctx, size_t start, size_t end)
{
    cs_document *doc = ((struct sent_ctx *)ctx)->doc;
    void *items = doc->sentences;
    if (room_for(&items, &doc->sent_cap, doc->nsent + 1, sizeof(credscore_span)) != 0)
        return -1;
    doc->sentences = items;
    doc->sentences[doc->nsent++] = (credscore_span){start, end};
    return 0;
}

static int is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int cs_doc_end(cs_document *doc)
{
    if (!doc->building)
        return -1;
    doc->building = 0;
    cs_passage p = doc->cur;
    const char *base = doc->text.data ? doc->text.data : "";
    size_t start = p.text_off, end = doc->text.len;
    for (;;) { /* ASCII white space and U+00A0 (C2 A0) at both ends */
        if (start < end && is_space_byte(base[start]))
            start++;
        else if (end - start >= 2 && (unsigned char)base[start] == 0xC2 &&
                 (unsigned char)base[start + 1] == 0xA0)
            start += 2;
        else
            break;
    }
    for (;;) {
        if (end > start && is_space_byte(base[end - 1]))
            end--;
        else if (end - start >= 2 && (unsigned char)base[end - 2] == 0xC2 &&
                 (unsigned char)base[end - 1] == 0xA0)
            end -= 2;
        else
            break;
    }
    if (start == end) {
        /* Nothing but white space: forget the passage. */
        doc->text.len = p.text_off;
        doc->nsegs = p.seg_first;
        if (doc->text.data)
            doc->text.data[doc->text.len] = '\0';
        return 0;
    }
    /* Move the trimmed text to the passage start and shift the segments. */
    size_t shift = start - p.text_off;
    size_t len = end - start;
    if (shift)
        memmove(doc->text.data + p.text_off, doc->text.data + start, len);
    size_t out = p.seg_first;
    for (size_t i = p.seg_first; i < doc->nsegs; i++) {
        cs_offset_seg s = doc->segs[i];
        size_t s_start = s.text_off, s_end = s.text_off + s.len;
        if (s_end <= start || s_start >= end)
            continue;
        if (s_start < start) { /* clip the front */
            size_t cut = start - s_start;
            s.text_off = start;
            s.len -= cut;
            if (s.src_len == s.len + cut) {
                s.src_off += cut;
                s.src_len -= cut;
            }
            s_start = start;
        }
        if (s_end > end) { /* clip the back */
            size_t cut = s_end - end;
            int linear = s.len == s.src_len;
            s.len -= cut;
            if (linear)
                s.src_len -= cut;
        }
        s.text_off -= shift;
        doc->segs[out++] = s;
    }
    doc->nsegs = out;
    doc->text.len = p.text_off + len;
    /* Each passage text is NUL-terminated for the convenience of callers. */
    if (cs_buf_putc(&doc->text, '\0') != 0)
        return -1;
    p.len = len;
    p.nsegs = doc->nsegs - p.seg_first;
    const cs_offset_seg *first = &doc->segs[p.seg_first];
    const cs_offset_seg *last = &doc->segs[doc->nsegs - 1];
    p.src_start = first->src_off;
    p.src_end = last->src_off + last->src_len;
    p.sent_first = doc->nsent;
    struct sent_ctx sc = {doc};
    if (cs_split_sentences(doc->text.data + p.text_off, len, on_sentence, &sc) != 0)
        return -1;
    p.nsent = doc->nsent - p.sent_first;
    void *items = doc->passages;
    if (room_for(&items, &doc->passages_cap, doc->npassages + 1, sizeof(cs_passage)) != 0)
        return -1;
    doc->passages = items;
    doc->passages[doc->npassages++] = p;
    return 0;
}

size_t cs_doc_src_offset(const cs_document *doc, const cs_passage *p, size_t off, int is_end)
{
    if (p->nsegs == 0)
        return p->src_start;
    size_t abs = p->text_off + off;
    const cs_offset_seg *segs = doc->segs + p->seg_first;
    /* Binary search for the segment holding abs (or, for an end offset, the
     * byte before it). */
    size_t key = is_end && off > 0 ? abs - 1 : abs;
    size_t lo = 0, hi = p->nsegs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (segs[mid].text_off <= key)
            lo = mid;
        else
            hi = mid;
    }
    const cs_offset_seg *s = &segs[lo];
    if (s->len == s->src_len) {
        size_t delta = abs > s->text_off ? abs - s->text_off : 0;
        if (delta > s->len)
            delta = s->len;
        return s->src_off + delta;
    }
    /* Non-linear piece: starts map to its start, ends to its end. */
    return is_end ? s->src_off + s->src_len : s->src_off;
}

/* Code points starting in data[from..to): the bytes that are not UTF-8
 * continuation bytes (10xxxxxx), eight at a time. */
static size_t count_code_points(const char *data, size_t from, size_t to)
{
    const uint64_t highs = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t n = 0, i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, sizeof w);
        /* the high bit of each byte whose bit 7 is set and bit 6 clear */
        uint64_t cont = w & ~(w << 1) & highs;
        n += 8 - (size_t)((((cont >> 7) * ones) >> 56) & 0xFF);
    }
    for (; i < to; i++)
        n += ((unsigned char)data[i] & 0xC0) != 0x80;
    return n;
}

/* Is line `line` all ASCII?  Looked at when first asked, then known. */
static int line_is_ascii(const cs_document *doc, size_t line)
{
    unsigned char *kind = &doc->lc->line_kind[line];
    if (*kind == LINE_UNKNOWN) {
        size_t start = doc->line_starts[line];
        size_t end = line + 1 < doc->nlines ? doc->line_starts[line + 1] : doc->source.len;
        *kind = all_ascii(doc->source.data + start, end - start) ? LINE_ASCII : LINE_NOT_ASCII;
    }
    return *kind == LINE_ASCII;
}

void cs_doc_line_col(const cs_document *doc, size_t src_off, int *line, int *col)
{
    if (doc->nlines == 0) {
        *line = 1;
        *col = 1;
        return;
    }
    if (src_off > doc->source.len)
        src_off = doc->source.len;
    /* The line: the last answer's line when it holds the offset (queries
     * come in runs along one line), else a binary search. */
    struct cs_lc_cache *cache = doc->lc;
    size_t lo = 0, hi = doc->nlines;
    if (cache && cache->line < doc->nlines && doc->line_starts[cache->line] <= src_off &&
        (cache->line + 1 == doc->nlines || src_off < doc->line_starts[cache->line + 1])) {
        lo = cache->line;
        hi = lo + 1;
    }
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (doc->line_starts[mid] <= src_off)
            lo = mid;
        else
            hi = mid;
    }
    /* On an ASCII line a column is a byte count.  Otherwise count code
     * points from the line start, or from the last answer when it is on
     * the same line and nearer (forward or back). */
    size_t from = doc->line_starts[lo];
    int c;
    if (cache && line_is_ascii(doc, lo)) {
        c = 1 + (int)(src_off - from);
    } else if (cache && cache->line == lo && cache->off <= src_off) {
        c = cache->col + (int)count_code_points(doc->source.data, cache->off, src_off);
    } else if (cache && cache->line == lo && cache->off - src_off < src_off - from) {
        c = cache->col - (int)count_code_points(doc->source.data, src_off, cache->off);
    } else {
        c = 1 + (int)count_code_points(doc->source.data, from, src_off);
    }
    if (cache) {
        cache->line = lo;
        cache->off = src_off;
        cache->col = c;
    }
    *line = (int)lo + 1;
    *col = c;
}
