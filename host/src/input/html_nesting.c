/*
 * html_nesting.c - how deep the elements of an HTML source could nest,
 * scanned before gumbo sees it (html_nesting.h).
 *
 * gumbo's tree building costs time quadratic in the depth of the open
 * elements (200,000 nested <div> take minutes), and gumbo 0.10 has no
 * depth option.  So the source is scanned first, cheaply, for how deep its
 * elements could nest, with a simplified copy of the HTML tokenizer (tags,
 * attribute quoting, comments, raw text) and of the tree builder's rules,
 * erring towards more depth, never less:
 *   - a start tag opens an element, except void elements (br, img ...),
 *     elements closed by what follows them (p, li, tr, option ...: not
 *     counted) and self-closing tags inside svg or math; a td, th or
 *     caption first closes the cell of its table still open;
 *   - an end tag closes the nearest open element of its name and all the
 *     elements opened after it, unless one of those stops it as in HTML
 *     (any "special" element such as div or ul stops the end tag of an
 *     ordinary element such as span; a table, cell or other scope boundary
 *     stops any); otherwise it is ignored;
 *   - comments, doctypes and the text of script, style, textarea, title,
 *     xmp, iframe, noembed and noframes (outside svg and math) are
 *     skipped; plaintext ends the markup.
 * Past CS_HTML_MAX_DEPTH open elements the article is refused.
 */
#include "html_nesting.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct nest_name {
    const char *s;
    size_t len;
} nest_name;

/* Open elements by name: an open-addressing table of counts, rebuilt from
 * the stack when it fills up (it only needs the names on the stack). */
typedef struct nest_slot {
    nest_name name;
    size_t count;
} nest_slot;

#define NEST_SLOTS 32768 /* a power of two, more than twice CS_HTML_MAX_DEPTH */
/* How far down the open elements an end tag or a cell looks for what it
 * closes: beyond, it closes nothing (more depth, never less), so that a
 * scan costs time linear in the input. */
#define NEST_MAX_LOOK 256

typedef struct nest_state {
    nest_name *stack; /* open elements, CS_HTML_MAX_DEPTH entries */
    size_t depth;
    nest_slot *slots; /* NEST_SLOTS */
    size_t used;      /* slots holding a name */
    size_t foreign;   /* open svg and math elements */
} nest_state;

/* Names compare case-insensitively (ASCII), as gumbo's do. */
static int name_eq(nest_name a, nest_name b)
{
    return a.len == b.len && strncasecmp(a.s, b.s, a.len) == 0;
}

static int name_is(nest_name n, const char *lit)
{
    return n.len == strlen(lit) && strncasecmp(n.s, lit, n.len) == 0;
}

static int name_in(nest_name n, const char *const *list)
{
    for (; *list; list++)
        if (name_is(n, *list))
            return 1;
    return 0;
}

static size_t name_hash(nest_name n)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < n.len; i++)
        h = (h ^ (unsigned char)(n.s[i] | 0x20)) * 16777619u;
    return h;
}

/* The slot of name n: where it is, or the empty slot where it goes. */
static nest_slot *nest_find(nest_state *st, nest_name n)
{
    size_t k = name_hash(n) & (NEST_SLOTS - 1);
    while (st->slots[k].name.s != NULL && !name_eq(st->slots[k].name, n))
        k = (k + 1) & (NEST_SLOTS - 1);
    return &st->slots[k];
}

/* Count one more open element named n. */
static void nest_add(nest_state *st, nest_name n)
{
    if (st->used + 1 > NEST_SLOTS / 2) {
        /* Full of names no longer open: keep those on the stack. */
        memset(st->slots, 0, NEST_SLOTS * sizeof *st->slots);
        st->used = 0;
        for (size_t i = 0; i < st->depth; i++) {
            nest_slot *e = nest_find(st, st->stack[i]);
            if (e->name.s == NULL) {
                e->name = st->stack[i];
                st->used++;
            }
            e->count++;
        }
    }
    nest_slot *e = nest_find(st, n);
    if (e->name.s == NULL) {
        e->name = n;
        st->used++;
    }
    e->count++;
}

static const char *const void_tags[] = {
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr", NULL};
/* Closed by what follows them (or never nesting): not counted. */
static const char *const uncounted_tags[] = {
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "tbody", "thead", "tfoot", "colgroup",
    "rb", "rt", "rtc", "rp", "html", "head", "body", NULL};
static const char *const raw_text_tags[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", NULL};
/* Scope boundaries: no end tag closes an element below one of them. */
static const char *const boundary_tags[] = {
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    "svg", "math", "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext",
    "annotation-xml", "select", NULL};
/* HTML's "special" elements (the counted ones): they stop the end tag of
 * an ordinary element. */
static const char *const special_tags[] = {
    "address", "article", "aside", "blockquote", "button", "center", "details", "dialog",
    "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "listing", "main", "menu", "nav",
    "noscript", "ol", "pre", "section", "summary", "ul", NULL};

static void nest_pop(nest_state *st)
{
    nest_name top = st->stack[--st->depth];
    nest_slot *e = nest_find(st, top);
    if (e->count > 0)
        e->count--;
    if (name_is(top, "svg") || name_is(top, "math"))
        st->foreign--;
}

/* An end tag named n: close the nearest open n and what is above it,
 * unless something in between stops it (see above). */
static void nest_end_tag(nest_state *st, nest_name n)
{
    nest_slot *e = nest_find(st, n);
    if (e->name.s == NULL || e->count == 0)
        return; /* nothing of that name open: ignored */
    int special = name_in(n, special_tags) || name_in(n, boundary_tags);
    size_t k = st->depth;
    while (k > 0 && !name_eq(st->stack[k - 1], n)) {
        nest_name above = st->stack[k - 1];
        if (name_in(above, boundary_tags) || (!special && name_in(above, special_tags)) ||
            st->depth - k >= NEST_MAX_LOOK)
            return; /* stopped (or too far to look: counted as open) */
        k--;
    }
    while (st->depth >= k && st->depth > 0)
        nest_pop(st);
}

/* The first occurrence of "</name" (any case) in s[from..len), or len. */
static size_t find_end_tag(const char *s, size_t from, size_t len, nest_name n)
{
    size_t i = from;
    while (i + 2 + n.len <= len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (lt == NULL)
            return len;
        i = (size_t)(lt - s);
        if (i + 2 + n.len <= len && s[i + 1] == '/' && strncasecmp(s + i + 2, n.s, n.len) == 0)
            return i;
        i++;
    }
    return len;
}

/* Past a comment that starts at s[i] ("<!--"): HTML ends it at "-->",
 * "--!>", or at once for "<!-->" and "<!--->". */
static size_t skip_comment(const char *s, size_t i, size_t len)
{
    i += 4;
    if (i < len && s[i] == '>')
        return i + 1;
    if (i + 1 < len && s[i] == '-' && s[i + 1] == '>')
        return i + 2;
    for (; i + 2 < len; i++) {
        const char *dash = memchr(s + i, '-', len - i);
        if (dash == NULL)
            break;
        i = (size_t)(dash - s);
        if (i + 2 < len && s[i + 1] == '-' && s[i + 2] == '>')
            return i + 3;
        if (i + 3 < len && s[i + 1] == '-' && s[i + 2] == '!' && s[i + 3] == '>')
            return i + 4;
    }
    return len;
}

/* The rest of a tag from s[i] (after its name) as HTML's tokenizer reads
 * it: attributes, values quoted or not.  Returns the offset after its '>'
 * (len when the input ends first), *self_closed when it ends in "/>". */
static size_t skip_tag(const char *s, size_t i, size_t len, int *self_closed)
{
    enum { BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, UNQUOTED, SLASH } state = BEFORE_NAME;
    *self_closed = 0;
    while (i < len) {
        char c = s[i];
        int space = cs_html_space((unsigned char)c);
        switch (state) {
        case BEFORE_NAME:
        case AFTER_NAME:
            if (c == '>')
                return i + 1;
            if (c == '/')
                state = SLASH;
            else if (c == '=' && state == AFTER_NAME)
                state = BEFORE_VALUE;
            else if (!space)
                state = NAME;
            break;
        case NAME:
            if (c == '>')
                return i + 1;
            if (c == '/')
                state = SLASH;
            else if (c == '=')
                state = BEFORE_VALUE;
            else if (space)
                state = AFTER_NAME;
            break;
        case BEFORE_VALUE:
            if (c == '>')
                return i + 1;
            if (c == '"' || c == '\'') {
                const char *q = memchr(s + i + 1, c, len - i - 1);
                if (q == NULL)
                    return len;
                i = (size_t)(q - s);
                state = BEFORE_NAME; /* after a quoted value */
            } else if (!space) {
                state = UNQUOTED;
            }
            break;
        case UNQUOTED:
            if (c == '>')
                return i + 1;
            if (space)
                state = BEFORE_NAME;
            break;
        case SLASH:
            if (c == '>') {
                *self_closed = 1;
                return i + 1;
            }
            state = BEFORE_NAME;
            continue; /* read c again */
        }
        i++;
    }
    return len;
}

static int is_alpha(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Scan s[0..len) (see above).  0 when it nests at most CS_HTML_MAX_DEPTH
 * deep; 1 with *at the offset of the start tag that goes deeper; -1 when
 * memory runs out. */
int cs_html_nesting(const char *s, size_t len, size_t *at)
{
    nest_state st = {0};
    int rc = -1;
    st.stack = malloc(CS_HTML_MAX_DEPTH * sizeof *st.stack);
    st.slots = calloc(NEST_SLOTS, sizeof *st.slots);
    if (st.stack == NULL || st.slots == NULL)
        goto out;
    size_t i = 0;
    for (;;) {
        const char *lt = i < len ? memchr(s + i, '<', len - i) : NULL;
        if (lt == NULL)
            break;
        size_t t = (size_t)(lt - s);
        i = t + 1;
        if (i >= len)
            break;
        if (len - t >= 4 && memcmp(s + t, "<!--", 4) == 0) {
            i = skip_comment(s, t, len);
            continue;
        }
        int closing = s[i] == '/';
        if (s[i] == '!' || s[i] == '?' || (closing && i + 1 < len && !is_alpha(s[i + 1]))) {
            const char *gt = memchr(s + i, '>', len - i); /* a bogus comment */
            i = gt ? (size_t)(gt - s) + 1 : len;
            continue;
        }
        i += (size_t)closing;
        if (i >= len || !is_alpha(s[i]))
            continue; /* a '<' in text */
        size_t n0 = i;
        while (i < len && s[i] != '>' && s[i] != '/' && !cs_html_space((unsigned char)s[i]))
            i++;
        nest_name n = {s + n0, i - n0};
        int self_closed;
        i = skip_tag(s, i, len, &self_closed);
        if (closing) {
            nest_end_tag(&st, n);
            continue;
        }
        if (name_is(n, "plaintext") && st.foreign == 0)
            break;
        if (name_in(n, raw_text_tags) && st.foreign == 0) {
            i = find_end_tag(s, i, len, n);
            continue;
        }
        if (name_in(n, void_tags) || name_in(n, uncounted_tags) || (self_closed && st.foreign))
            continue;
        if (name_is(n, "td") || name_is(n, "th") || name_is(n, "caption")) {
            /* A new cell closes the open one of its table. */
            static const char *const cells[] = {"td", "th", "caption", NULL};
            size_t k = st.depth;
            while (k > 0 && st.depth - k < NEST_MAX_LOOK && !name_in(st.stack[k - 1], cells) &&
                   !name_is(st.stack[k - 1], "table"))
                k--;
            if (k > 0 && name_in(st.stack[k - 1], cells))
                while (st.depth >= k)
                    nest_pop(&st);
        }
        if (st.depth == CS_HTML_MAX_DEPTH) {
            *at = t;
            rc = 1;
            goto out;
        }
        st.stack[st.depth++] = n;
        nest_add(&st, n);
        if (name_is(n, "svg") || name_is(n, "math"))
            st.foreign++;
    }
    rc = 0;
out:
    free(st.stack);
    free(st.slots);
    return rc;
}
