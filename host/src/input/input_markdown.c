/*
 * input_markdown.c - CommonMark articles (libcmark) into passages.
 *
 * Contract: cs_load_markdown(doc, d) hands a file of plain paragraphs to
 * input_markdown_plain.c (the same passages, without cmark) and any other
 * file to cs_load_markdown_cmark.  That parses doc->source
 * (CMARK_OPT_SOURCEPOS, no smart punctuation) and adds one passage per paragraph and heading, in
 * document order.  Scopes: HEADING for headings, PARAGRAPH for paragraphs,
 * plus QUOTE inside a block quote and LIST_ITEM inside a list item.  Code
 * blocks, HTML blocks (comments included), thematic breaks, inline HTML and
 * images are skipped; emphasis and links contribute their text (never the
 * URL); code spans their literal; soft and hard line breaks one space.
 * Returns 0, or -1 with d filled ("path: out of memory ...").  All cmark
 * memory is freed on every path.  The tree is walked with cmark's iterator
 * (no recursion on nesting depth).
 *
 * Offsets: every passage byte maps to its exact byte of the original file.
 * cmark reports reliable line:column only for blocks, so each inline
 * literal is located by searching forward from a cursor inside its block's
 * byte range, taking the earliest place where it matches: verbatim, or
 * character by character where it is not in the source verbatim (backslash
 * escapes, entities, a code span over a line break): "\*" or "&amp;" maps
 * its decoded bytes onto all of its source bytes (cs_doc_add with
 * src_len != len).  entity.c reads the entities (CommonMark syntax) and
 * keeps the byte-for-byte runs.  Link destinations, titles and
 * reference labels, image syntax and inline HTML move the cursor past them
 * so that they are never mistaken for text.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "entity.h"

typedef struct md_state {
    cs_document *doc;
    const char *src;
    size_t len;
    size_t *lines; /* line starts as cmark counts lines (\n, \r\n or \r) */
    size_t nlines;
    size_t cursor; /* where the next inline is searched from */
    size_t limit;  /* end of the current block */
    size_t drop;   /* leading literal bytes not to add (a doubled space) */
} md_state;

/* How far past the cursor a literal is looked for first (markup between
 * two literals is short; link tails and inline HTML are skipped apart). */
#define MD_WINDOW 1024
/* ... and as a last resort, verbatim. */
#define MD_FAR 65536
/* Start positions tried by the character aligner. */
#define MD_ALIGN_TRIES 64

static int is_ascii_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/* cs_align_emit for md_align (ctx is the md_state): add literal bytes
 * lit[l..l+take) standing for source [s, s+stake), leaving out the first
 * m->drop bytes of the literal. */
static int md_emit(void *ctx, const char *lit, size_t l, size_t take, size_t s, size_t stake)
{
    md_state *m = ctx;
    if (l < m->drop) {
        if (l + take <= m->drop)
            return 0;
        if (take != stake)
            return cs_doc_add(m->doc, lit + m->drop, l + take - m->drop, s, stake);
        size_t cut = m->drop - l;
        l += cut;
        s += cut;
        take -= cut;
        stake -= cut;
    }
    return cs_doc_add(m->doc, lit + l, take, s, stake);
}

/* Align literal lit[0..n) with the source from byte s on (up to m->limit).
 * With emit, add the pieces to the passage.  Returns 0 and the source end
 * in *end, or -1 when the literal does not match here (or out of memory
 * with emit: *end is then (size_t)-1). */
static int md_align(md_state *m, const char *lit, size_t n, size_t s, int emit, size_t *end)
{
    const char *src = m->src;
    size_t lim = m->limit;
    size_t l = 0;
    cs_align a;
    cs_entity e;
    cs_align_init(&a, lit, emit ? md_emit : NULL, m);
    *end = 0;
    while (l < n) {
        size_t take = 0, stake = 0; /* a non-linear piece: lit bytes, src bytes */
        /* The common case first: bytes equal on both sides that are neither
         * '\\' nor '&' (no escape or entity can begin there) are taken
         * verbatim, as the tests below would take them one by one. */
        size_t run = 0;
        while (l + run < n && s + run < lim && src[s + run] == lit[l + run] &&
               src[s + run] != '\\' && src[s + run] != '&')
            run++;
        if (run > 0) {
            cs_align_run(&a, l, s, run);
            l += run;
            s += run;
            continue;
        }
        if (s >= lim)
            return -1;
        unsigned char c = (unsigned char)src[s];
        size_t elen = cs_entity_decode(src + s, lim - s, CS_ENTITY_COMMONMARK, &e);
        if (c == '\\' && s + 1 < lim && is_ascii_punct((unsigned char)src[s + 1]) &&
            src[s + 1] == lit[l] && !(lit[l] == '\\' && l + 1 < n && lit[l + 1] == '\\')) {
            take = 1;
            stake = 2;
        } else if (elen > 0 && cs_entity_starts(&e, lit + l, n - l) &&
                   !(elen <= n - l && memcmp(src + s, lit + l, elen) == 0)) {
            /* A decoded entity (unless the literal has it verbatim, as a
             * code span does). */
            take = e.len;
            stake = elen;
        } else if (c == (unsigned char)lit[l]) {
            cs_align_byte(&a, l, s);
            l++;
            s++;
            continue;
        } else if (elen > 0 && e.name_len > 0 && e.len == 0) {
            /* A name we do not know: it stood for one character. */
            take = cs_entity_char_len((unsigned char)lit[l]);
            if (take > n - l)
                return -1;
            stake = elen;
        } else if (lit[l] == ' ' && (c == '\n' || c == '\r')) {
            /* A code span over a line break; the next line's indentation
             * and block quote markers are not in the literal. */
            stake = 1;
            if (c == '\r' && s + 1 < lim && src[s + 1] == '\n')
                stake = 2;
            while (s + stake < lim && (l + 1 >= n || src[s + stake] != lit[l + 1]) &&
                   (src[s + stake] == ' ' || src[s + stake] == '\t' || src[s + stake] == '>'))
                stake++;
            take = 1;
        } else {
            return -1;
        }
        if (cs_align_piece(&a, l, take, s, stake) != 0)
            goto oom;
        l += take;
        s += stake;
    }
    if (cs_align_flush(&a) != 0)
        goto oom;
    *end = s;
    return 0;
oom:
    *end = (size_t)-1;
    return -1;
}

/* Add one inline literal to the passage, mapped onto the source.  Its
 * leading spaces are left out when the passage already ends in a space
 * (text around a skipped image or inline HTML). */
static int md_literal(md_state *m, const char *lit, size_t n)
{
    if (n == 0)
        return 0;
    const cs_document *doc = m->doc;
    m->drop = 0;
    if (doc->text.len == doc->cur.text_off || doc->text.data[doc->text.len - 1] == ' ')
        while (m->drop < n && lit[m->drop] == ' ')
            m->drop++;
    size_t lim = m->limit;
    size_t win = m->cursor + n + MD_WINDOW < lim ? m->cursor + n + MD_WINDOW : lim;
    /* The earliest place from the cursor on where the literal matches,
     * verbatim or through escapes and entities.  A literal without '\\'
     * and '&' found verbatim is one run for md_align (its bytes taken one
     * for one): added here at once, without the aligner's two passes. */
    int plain = memchr(lit, '\\', n) == NULL && memchr(lit, '&', n) == NULL;
    int tries = 0;
    size_t end;
    for (size_t s = m->cursor; s < win && tries < MD_ALIGN_TRIES; s++) {
        char c = m->src[s];
        if (c != lit[0] && c != '\\' && c != '&' && !(lit[0] == ' ' && (c == '\n' || c == '\r')))
            continue;
        tries++;
        if (plain && n <= lim - s && memcmp(m->src + s, lit, n) == 0) {
            if (md_emit(m, lit, 0, n, s, n) != 0)
                return -1;
            m->cursor = s + n;
            return 0;
        }
        if (md_align(m, lit, n, s, 0, &end) != 0)
            continue;
        if (md_align(m, lit, n, s, 1, &end) != 0)
            return -1;
        m->cursor = end;
        return 0;
    }
    /* Farther away (should not happen): the first verbatim copy, looked
     * for in a bounded stretch so that the work stays linear. */
    size_t far = m->cursor + n + MD_FAR < lim ? m->cursor + n + MD_FAR : lim;
    const char *p = m->cursor < far ? memmem(m->src + m->cursor, far - m->cursor, lit, n) : NULL;
    if (p != NULL) {
        size_t off = (size_t)(p - m->src);
        m->cursor = off + n;
        return md_emit(m, lit, 0, n, off, n);
    }
    /* Not found at all (should not happen): map it onto the cursor. */
    return md_emit(m, lit, 0, n, m->cursor, 0);
}

/* Move the cursor past raw source text that is not passage text (inline
 * HTML), when it is found nearby. */
static void md_skip_raw(md_state *m, const char *raw, size_t n)
{
    if (n == 0 || m->cursor >= m->limit)
        return;
    size_t win = m->cursor + n + MD_WINDOW < m->limit ? m->cursor + n + MD_WINDOW : m->limit;
    const char *p = memmem(m->src + m->cursor, win - m->cursor, raw, n);
    if (p != NULL)
        m->cursor = (size_t)(p - m->src) + n;
}

/* A soft or hard line break: one space standing for the line ending. */
static int md_break(md_state *m)
{
    size_t s = m->cursor;
    while (s < m->limit && m->src[s] != '\n' && m->src[s] != '\r')
        s++;
    if (s >= m->limit)
        return cs_doc_add_space(m->doc, m->cursor);
    if (cs_doc_add_space(m->doc, s) != 0)
        return -1;
    s += m->src[s] == '\r' && s + 1 < m->limit && m->src[s + 1] == '\n' ? 2 : 1;
    m->cursor = s;
    return 0;
}

/* Index of the first unescaped c at or after s (m->limit if none). */
static size_t md_find(const md_state *m, size_t s, char c)
{
    while (s < m->limit && m->src[s] != c) {
        if (m->src[s] == '\\' && s + 1 < m->limit)
            s++;
        s++;
    }
    return s;
}

static int md_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s is just after the ']' of a link text or image description: skip an
 * inline destination and title "(url "title")" or a reference label "[x]". */
static size_t md_skip_link_tail(const md_state *m, size_t s)
{
    const char *src = m->src;
    size_t lim = m->limit;
    if (s >= lim)
        return lim;
    if (src[s] == '[') {
        size_t e = md_find(m, s + 1, ']');
        return e < lim ? e + 1 : s;
    }
    if (src[s] != '(')
        return s;
    size_t q = s + 1;
    while (q < lim && md_is_space(src[q]))
        q++;
    if (q < lim && src[q] == '<') {
        q = md_find(m, q + 1, '>');
        if (q < lim)
            q++;
    } else {
        int depth = 0;
        while (q < lim && !md_is_space(src[q])) {
            if (src[q] == '\\' && q + 1 < lim) {
                q += 2;
                continue;
            }
            if (src[q] == '(') {
                depth++;
            } else if (src[q] == ')') {
                if (depth == 0)
                    break;
                depth--;
            }
            q++;
        }
    }
    while (q < lim && md_is_space(src[q]))
        q++;
    if (q < lim && (src[q] == '"' || src[q] == '\'' || src[q] == '(')) {
        char close = src[q] == '(' ? ')' : src[q];
        q = md_find(m, q + 1, close);
        if (q < lim)
            q++;
        while (q < lim && md_is_space(src[q]))
            q++;
    }
    if (q < lim && src[q] == ')')
        q++;
    return q;
}

/* Leaving a link: step over "](url "title")", "][label]" or "]"; for an
 * autolink "<http://...>" over the ">" right after its text.  (Its opening
 * "[" or "<" needs no care: the search for its first literal passes it.) */
static void md_link_exit(md_state *m)
{
    if (m->cursor < m->limit && m->src[m->cursor] == '>') {
        m->cursor++;
        return;
    }
    size_t e = md_find(m, m->cursor, ']');
    if (e < m->limit)
        m->cursor = md_skip_link_tail(m, e + 1);
}

/* An image is skipped whole: step over "![description](url)" in the source. */
static void md_skip_image(md_state *m)
{
    size_t s = m->cursor;
    while (s + 1 < m->limit && !(m->src[s] == '!' && m->src[s + 1] == '[')) {
        if (m->src[s] == '\\')
            s++;
        s++;
    }
    if (s + 1 >= m->limit)
        return;
    int depth = 0;
    size_t q = s + 2;
    for (; q < m->limit; q++) {
        char c = m->src[q];
        if (c == '\\' && q + 1 < m->limit) {
            q++;
        } else if (c == '[') {
            depth++;
        } else if (c == ']') {
            if (depth == 0)
                break;
            depth--;
        }
    }
    if (q >= m->limit)
        return;
    m->cursor = md_skip_link_tail(m, q + 1);
}

/* Line starts as cmark counts lines: "\n", "\r\n" and a lone "\r" end one.
 * Line ends are found with memchr, the next '\r' looked for again only
 * once passed (most files have none). */
static int md_line_index(md_state *m)
{
    size_t cap = 0;
    void *items = NULL;
    if (cs_array_grow(&items, &cap, 1, sizeof(size_t)) != 0)
        return -1;
    m->lines = items;
    m->lines[m->nlines++] = 0;
    const char *s = m->src, *end = s + m->len, *p = s;
    const char *cr = m->len ? memchr(s, '\r', m->len) : NULL;
    while (p < end) {
        if (cr != NULL && cr < p)
            cr = memchr(p, '\r', (size_t)(end - p));
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (cr != NULL && (eol == NULL || cr < eol))
            eol = cr;
        if (eol == NULL)
            break;
        p = eol + 1 + (*eol == '\r' && eol + 1 < end && eol[1] == '\n');
        items = m->lines;
        if (cs_array_grow(&items, &cap, m->nlines + 1, sizeof(size_t)) != 0)
            return -1;
        m->lines = items;
        m->lines[m->nlines++] = (size_t)(p - s);
    }
    return 0;
}

/* Byte offset of 1-based line:column (a column may be 0: the line start;
 * an end column is inclusive, hence +1 by the caller). */
static size_t md_offset(const md_state *m, int line, int col)
{
    if (line < 1)
        return 0;
    if ((size_t)line > m->nlines)
        return m->len;
    size_t off = m->lines[line - 1] + (col > 1 ? (size_t)col - 1 : 0);
    return off < m->len ? off : m->len;
}

/* Set the cursor and limit to the byte range of block `node`. */
static void md_block_range(md_state *m, cmark_node *node)
{
    size_t start = md_offset(m, cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    int el = cmark_node_get_end_line(node), ec = cmark_node_get_end_column(node);
    size_t end = md_offset(m, el, ec + 1);
    if (ec == 0 && el >= 1 && (size_t)el <= m->nlines)
        end = m->lines[el - 1];
    if (el < 1 || end <= start)
        end = m->len; /* an odd position: search to the end of the file */
    m->cursor = start;
    m->limit = end;
}

int cs_load_markdown(cs_document *doc, cs_diag *d)
{
    if (cs_markdown_is_plain(doc->source.data, doc->source.len))
        return cs_load_markdown_plain(doc, d);
    return cs_load_markdown_cmark(doc, d);
}

int cs_load_markdown_cmark(cs_document *doc, cs_diag *d)
{
    int rc = -1;
    cmark_node *root = NULL;
    cmark_iter *it = NULL;
    md_state m = {doc, doc->source.data, doc->source.len, NULL, 0, 0, 0, 0};
    int quotes = 0, items = 0;

    if (md_line_index(&m) != 0)
        goto oom;
    root = cmark_parse_document(m.src, m.len, CMARK_OPT_SOURCEPOS);
    if (root == NULL)
        goto oom;
    it = cmark_iter_new(root);
    if (it == NULL)
        goto oom;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        int enter = ev == CMARK_EVENT_ENTER;
        const char *lit;
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
            quotes += enter ? 1 : -1;
            break;
        case CMARK_NODE_ITEM:
            items += enter ? 1 : -1;
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            if (enter) {
                unsigned scopes = cmark_node_get_type(node) == CMARK_NODE_HEADING
                                      ? CREDSCORE_SCOPE_HEADING
                                      : CREDSCORE_SCOPE_PARAGRAPH;
                if (quotes > 0)
                    scopes |= CREDSCORE_SCOPE_QUOTE;
                if (items > 0)
                    scopes |= CREDSCORE_SCOPE_LIST_ITEM;
                md_block_range(&m, node);
                if (cs_doc_begin(doc, scopes) != 0)
                    goto oom;
            } else if (cs_doc_end(doc) != 0) {
                goto oom;
            }
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            lit = cmark_node_get_literal(node);
            if (lit != NULL && doc->building && md_literal(&m, lit, strlen(lit)) != 0)
                goto oom;
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            if (doc->building && md_break(&m) != 0)
                goto oom;
            break;
        case CMARK_NODE_HTML_INLINE:
            lit = cmark_node_get_literal(node);
            if (lit != NULL)
                md_skip_raw(&m, lit, strlen(lit));
            break;
        case CMARK_NODE_LINK:
            if (!enter)
                md_link_exit(&m);
            break;
        case CMARK_NODE_IMAGE:
            if (enter) {
                md_skip_image(&m);
                cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
            }
            break;
        default:
            /* Code blocks, HTML blocks, thematic breaks: skipped.  Emphasis,
             * lists, the document: their children do the work. */
            break;
        }
    }
    rc = 0;
    goto out;
oom:
    cs_diag_at(d, doc->path, 0, 0, "out of memory while parsing Markdown");
out:
    if (it != NULL)
        cmark_iter_free(it);
    if (root != NULL)
        cmark_node_free(root);
    free(m.lines);
    return rc;
}
