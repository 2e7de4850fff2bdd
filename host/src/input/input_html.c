/*
 * input_html.c - HTML articles (gumbo) into passages.
 *
 * Contract: cs_load_html(doc, d) parses the whole doc->source with gumbo
 * (kGumboDefaultOptions) and adds passages in document order:
 *   - a block element (p, h1-h6, li, blockquote, td/th, dd/dt, figcaption,
 *     div, section, article, header, table rows ...) ends the passage being
 *     built; text directly inside a div/section/article forms a passage of
 *     its own, so does each paragraph inside a blockquote;
 *   - inline elements (a, em, strong, span, b, i, q, abbr, time, cite, sup,
 *     sub, mark, small, u, code outside pre, unknown tags) flow into the
 *     current passage; <br> is a space;
 *   - skipped with everything inside: head, script, style, noscript,
 *     template, nav, footer, aside, form, button, select, textarea, svg,
 *     math, iframe, object, embed, canvas, video, audio, pre (so <pre><code>
 *     blocks), img, comments, and any element with the hidden attribute,
 *     aria-hidden="true" or an inline style display:none/visibility:hidden.
 * Scopes: HEADING inside h1-h6, else PARAGRAPH; plus QUOTE inside a
 * blockquote and LIST_ITEM inside an li.
 *
 * Offsets: gumbo hands back each text node's decoded text and the raw
 * source piece it came from; the two are aligned so that every passage
 * byte maps to its byte in the original file.  A character reference
 * (&amp; &#8217; &nbsp; &copy without ';', read by entity.c in its HTML
 * syntax) maps its decoded bytes onto all of its source bytes.  White
 * space runs collapse to one space: a single source space maps 1:1, any
 * other run (a newline, several spaces) becomes cs_doc_add_space at the
 * run's first byte.  A byte of gumbo's decoded text that is not UTF-8
 * (gumbo 0.10 overflows on a numeric reference past 0x7FFFFFFF) becomes
 * U+FFFD, so passages are valid UTF-8 like the source.
 *
 * Nesting: an article whose elements could nest more than
 * CS_HTML_MAX_DEPTH deep is refused before gumbo parses it ("path:line:col:
 * HTML nested more than 10000 elements deep; refusing to parse it", at the
 * start tag that goes deeper): gumbo's time grows with the square of the
 * depth.  See html_nesting.c for how the depth is counted.
 *
 * Returns 0, or -1 with d filled ("path: out of memory ...").  The tree is
 * walked with an explicit heap stack (no recursion), so arbitrarily deep
 * nesting cannot overflow the C stack; gumbo_destroy_output runs on every
 * path.
 */
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "entity.h"
#include "html_nesting.h"
#include "utf8.h"

typedef struct html_frame {
    const GumboNode *node;
    unsigned next;  /* next child to visit */
    unsigned ctx;   /* CREDSCORE_SCOPE_HEADING/QUOTE/LIST_ITEM from ancestors */
    int block;      /* a block element: ends passages on entry and exit */
} html_frame;

typedef struct html_state {
    cs_document *doc;
    const char *src;
    size_t len;
    int open; /* a passage is being built */
    unsigned ctx;
} html_state;

/* Is the passage being built empty or ending in a space? */
static int text_ends_in_space(const cs_document *doc)
{
    return doc->text.len == doc->cur.text_off || doc->text.data[doc->text.len - 1] == ' ';
}

static int html_begin(html_state *h)
{
    if (h->open)
        return 0;
    unsigned scopes = h->ctx & (CREDSCORE_SCOPE_QUOTE | CREDSCORE_SCOPE_LIST_ITEM);
    scopes |= (h->ctx & CREDSCORE_SCOPE_HEADING) ? CREDSCORE_SCOPE_HEADING
                                                 : CREDSCORE_SCOPE_PARAGRAPH;
    if (cs_doc_begin(h->doc, scopes) != 0)
        return -1;
    h->open = 1;
    return 0;
}

static int html_flush(html_state *h)
{
    if (!h->open)
        return 0;
    h->open = 0;
    return cs_doc_end(h->doc);
}

/* cs_align_emit for the passage being built: ctx is the cs_document. */
static int html_emit(void *ctx, const char *text, size_t off, size_t len, size_t src_off,
                     size_t src_len)
{
    return cs_doc_add(ctx, text + off, len, src_off, src_len);
}

/* Add decoded text dec[0..dn) that came from source bytes [rs, re),
 * aligning the two.  White space runs collapse; no passage is opened for
 * white space alone. */
static int html_text(html_state *h, const char *dec, size_t dn, size_t rs, size_t re)
{
    cs_document *doc = h->doc;
    const char *src = h->src;
    size_t l = 0, s = rs;
    cs_align a;
    cs_entity e;
    cs_align_init(&a, dec, html_emit, doc);
    while (l < dn) {
        unsigned char c = (unsigned char)dec[l];
        size_t elen;
        if (cs_html_space(c)) {
            /* A white-space run: in the decoded text and in the source
             * (where a reference such as &#32; may stand for some of it). */
            size_t l2 = l;
            while (l2 < dn && cs_html_space((unsigned char)dec[l2]))
                l2++;
            /* Tags gumbo ignored inside the text ("a</b> b") come first. */
            while (s < re && src[s] == '<') {
                const char *gt = memchr(src + s, '>', re - s);
                if (gt == NULL)
                    break;
                s = (size_t)(gt - src) + 1;
            }
            size_t s2 = s;
            while (s2 < re) {
                if (cs_html_space((unsigned char)src[s2])) {
                    s2++;
                } else if ((elen = cs_entity_decode(src + s2, re - s2, CS_ENTITY_HTML, &e)) > 0 &&
                           e.len == 1 && cs_html_space((unsigned char)e.utf8[0])) {
                    s2 += elen;
                } else {
                    break;
                }
            }
            if (cs_align_flush(&a) != 0)
                return -1;
            if (h->open) {
                if (l2 - l == 1 && c == ' ' && s2 - s == 1 && src[s] == ' ') {
                    if (!text_ends_in_space(doc) && cs_doc_add(doc, " ", 1, s, 1) != 0)
                        return -1;
                } else if (cs_doc_add_space(doc, s) != 0) {
                    return -1;
                }
            }
            l = l2;
            s = s2;
            continue;
        }
        if (!h->open) {
            /* A leading no-break space does not open a passage. */
            if (c == 0xC2 && l + 1 < dn && (unsigned char)dec[l + 1] == 0xA0) {
                l += 2;
                if (s < re && src[s] == '&')
                    s += cs_entity_decode(src + s, re - s, CS_ENTITY_HTML, &e);
                else if (s + 1 < re && (unsigned char)src[s] == 0xC2)
                    s += 2;
                continue;
            }
            if (html_begin(h) != 0)
                return -1;
        }
        if (s >= re) /* Source exhausted (should not happen): map the rest onto re. */
            return cs_align_piece(&a, l, dn - l, re, 0);
        size_t take = 0, stake = 0;
        unsigned char r = (unsigned char)src[s];
        elen = cs_entity_decode(src + s, re - s, CS_ENTITY_HTML, &e);
        if (elen > 0 && cs_entity_starts(&e, dec + l, dn - l)) {
            take = e.len;
            stake = elen;
        } else if (r == c) {
            cs_align_byte(&a, l, s);
            l++;
            s++;
            continue;
        } else if (elen > 0) {
            /* A reference we cannot decode: it stood for one character.
             * It ends at its ';' when the text goes on as the source does
             * after it; else (a legacy name without ';', "&copy2020",
             * "&notit;") where the rest of its name reappears in the text. */
            take = cs_entity_char_len(c);
            if (take > dn - l)
                take = dn - l;
            stake = elen;
            size_t end = s + elen, nl = l + take;
            if (e.name_len > 0 && nl < dn && !(end < re && src[end] == dec[nl])) {
                for (size_t p = s + 2; p < end; p++)
                    if (end - p <= dn - nl && memcmp(src + p, dec + nl, end - p) == 0) {
                        stake = p - s;
                        break;
                    }
            }
        } else {
            /* Source bytes with no text: a stray tag gumbo ignored, or
             * anything else; skip them. */
            if (cs_align_flush(&a) != 0)
                return -1;
            if (r == '<') {
                const char *gt = memchr(src + s, '>', re - s);
                s = gt ? (size_t)(gt - src) + 1 : s + 1;
            } else {
                s++;
            }
            continue;
        }
        if (cs_align_piece(&a, l, take, s, stake) != 0)
            return -1;
        l += take;
        s += stake;
    }
    return cs_align_flush(&a);
}

/* Elements skipped with everything inside them. */
static int html_skipped(const GumboElement *e)
{
    if (e->tag_namespace != GUMBO_NAMESPACE_HTML)
        return 1; /* svg, math content */
    switch (e->tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME: case GUMBO_TAG_RP: case GUMBO_TAG_RT:
        return 1;
    default:
        break;
    }
    if (gumbo_get_attribute(&e->attributes, "hidden") != NULL)
        return 1;
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "aria-hidden");
    if (a != NULL && strcasecmp(a->value, "true") == 0)
        return 1;
    a = gumbo_get_attribute(&e->attributes, "style");
    if (a != NULL) {
        char norm[256];
        size_t n = 0;
        for (const char *p = a->value; *p && n + 1 < sizeof norm; p++)
            if (!cs_html_space((unsigned char)*p))
                norm[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        norm[n] = '\0';
        if (strstr(norm, "display:none") || strstr(norm, "visibility:hidden"))
            return 1;
    }
    return 0;
}

/* Elements that start and end passages (everything else flows inline). */
static int html_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_DIV: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_P: case GUMBO_TAG_HR: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR: case GUMBO_TAG_CENTER:
        return 1;
    default:
        return 0;
    }
}

/* Scope bits an element adds for its content. */
static unsigned html_ctx(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return CREDSCORE_SCOPE_HEADING;
    case GUMBO_TAG_BLOCKQUOTE:
        return CREDSCORE_SCOPE_QUOTE;
    case GUMBO_TAG_LI:
        return CREDSCORE_SCOPE_LIST_ITEM;
    default:
        return 0;
    }
}

/* gumbo 0.10 decodes a numeric reference past 0x7FFFFFFF ("&#xFddf8ddf")
 * through an int overflow into one stray byte, which need not be UTF-8.
 * Returns a copy of dec[0..*dn) with every byte that is not part of a
 * valid character replaced by U+FFFD (what entity.c reads such a
 * reference as), *dn updated; NULL when dec is valid (or out of memory:
 * *dn is then 0). */
static char *html_repair_utf8(const char *dec, size_t *dn)
{
    const unsigned char *s = (const unsigned char *)dec;
    unsigned cp;
    size_t n = *dn, bad = 0;
    for (size_t i = 0, k; i < n; i += k ? k : 1)
        bad += (k = cs_utf8_decode(s + i, n - i, &cp)) == 0;
    if (bad == 0)
        return NULL;
    char *out = malloc(n + 2 * bad + 1), *o = out;
    if (out == NULL) {
        *dn = 0;
        return NULL;
    }
    for (size_t i = 0, k; i < n; i += k ? k : 1) {
        k = cs_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(o, s + i, k);
            o += k;
        }
    }
    *o = '\0';
    *dn = (size_t)(o - out);
    return out;
}

/* A text node: find its raw source piece and add it. */
static int html_text_node(html_state *h, const GumboNode *node)
{
    const GumboText *t = &node->v.text;
    const char *dec = t->text ? t->text : "";
    size_t dn = strlen(dec);
    if (dn == 0)
        return 0;
    char *fixed = html_repair_utf8(dec, &dn);
    if (dn == 0)
        return -1; /* out of memory */
    if (fixed != NULL)
        dec = fixed;
    int rc;
    const char *raw = t->original_text.data;
    size_t rn = t->original_text.length;
    if (raw != NULL && raw >= h->src && raw <= h->src + h->len &&
        rn <= (size_t)(h->src + h->len - raw)) {
        size_t rs = (size_t)(raw - h->src);
        rc = html_text(h, dec, dn, rs, rs + rn);
    } else {
        /* No usable raw piece: map the text onto its start position. */
        size_t at = t->start_pos.offset <= h->len ? t->start_pos.offset : h->len;
        rc = html_text(h, dec, dn, at, at);
    }
    free(fixed);
    return rc;
}

int cs_load_html(cs_document *doc, cs_diag *d)
{
    int rc = -1;
    GumboOutput *output = NULL;
    html_frame *stack = NULL;
    size_t depth = 0, cap = 0;
    html_state h = {doc, doc->source.data, doc->source.len, 0, 0};

    /* The defaults, except that parse errors are not recorded: gumbo copies
     * the stack of open elements into every error, which is quadratic in
     * memory on deeply nested input, and we never report them. */
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    size_t at = 0;
    int deep = cs_html_nesting(h.src, h.len, &at);
    if (deep < 0)
        goto oom;
    if (deep > 0) {
        int line, col;
        cs_doc_line_col(doc, at, &line, &col);
        cs_diag_at(d, doc->path, line, col,
                   "HTML nested more than %d elements deep; refusing to parse it",
                   CS_HTML_MAX_DEPTH);
        goto out;
    }
    output = gumbo_parse_with_options(&opts, h.src, h.len);
    if (output == NULL || output->document == NULL)
        goto oom;
    void *items = NULL;
    if (cs_array_grow(&items, &cap, 64, sizeof(html_frame)) != 0)
        goto oom;
    stack = items;
    stack[depth++] = (html_frame){output->document, 0, 0, 0};
    while (depth > 0) {
        html_frame *top = &stack[depth - 1];
        const GumboNode *node = top->node;
        const GumboVector *kids = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                    : &node->v.element.children;
        if (top->next >= kids->length) {
            /* Leaving an element. */
            if (top->block && html_flush(&h) != 0)
                goto oom;
            depth--;
            if (depth > 0)
                h.ctx = stack[depth - 1].ctx;
            continue;
        }
        const GumboNode *child = kids->data[top->next++];
        h.ctx = top->ctx;
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            if (html_text_node(&h, child) != 0)
                goto oom;
            break;
        case GUMBO_NODE_ELEMENT: {
            const GumboElement *e = &child->v.element;
            if (html_skipped(e))
                break;
            if (e->tag == GUMBO_TAG_BR) {
                if (h.open && cs_doc_add_space(doc, e->start_pos.offset) != 0)
                    goto oom;
                break;
            }
            int block = html_block(e->tag);
            if (block && html_flush(&h) != 0)
                goto oom;
            items = stack;
            if (cs_array_grow(&items, &cap, depth + 1, sizeof(html_frame)) != 0)
                goto oom;
            stack = items;
            unsigned ctx = stack[depth - 1].ctx | html_ctx(e->tag);
            stack[depth++] = (html_frame){child, 0, ctx, block};
            break;
        }
        default:
            /* Comments, CDATA, template contents: no text. */
            break;
        }
    }
    if (html_flush(&h) != 0)
        goto oom;
    rc = 0;
    goto out;
oom:
    cs_diag_at(d, doc->path, 0, 0, "out of memory while parsing HTML");
out:
    if (output != NULL)
        gumbo_destroy_output(&opts, output);
    free(stack);
    return rc;
}
