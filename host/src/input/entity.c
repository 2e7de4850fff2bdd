/*
 * entity.c - character references and the decoded-text aligner.
 *
 * See entity.h for the contract.  One table of named references serves
 * both syntaxes: HTML also knows the all-caps spellings, and reads the
 * legacy names (those HTML accepts without ';') as a prefix of a longer
 * run ("&copy2020" is "(c)" then "2020").
 */
#include "entity.h"

#include <string.h>

/* Longest name run looked at, per syntax. */
#define HTML_NAME_MAX 40
#define COMMONMARK_NAME_MAX 33

enum {
    LEGACY = 1,    /* HTML also reads it without the final ';' */
    HTML_ONLY = 2, /* not decoded in CommonMark */
};

static const struct {
    const char *name;
    const char *utf8;
    unsigned flags;
} entities[] = {
    {"amp", "&", LEGACY},           {"AMP", "&", LEGACY | HTML_ONLY},
    {"lt", "<", LEGACY},            {"LT", "<", LEGACY | HTML_ONLY},
    {"gt", ">", LEGACY},            {"GT", ">", LEGACY | HTML_ONLY},
    {"quot", "\"", LEGACY},         {"QUOT", "\"", LEGACY | HTML_ONLY},
    {"apos", "'", 0},               {"nbsp", "\xC2\xA0", LEGACY},
    {"ndash", "\xE2\x80\x93", 0},   {"mdash", "\xE2\x80\x94", 0},
    {"hellip", "\xE2\x80\xA6", 0},  {"lsquo", "\xE2\x80\x98", 0},
    {"rsquo", "\xE2\x80\x99", 0},   {"ldquo", "\xE2\x80\x9C", 0},
    {"rdquo", "\xE2\x80\x9D", 0},   {"laquo", "\xC2\xAB", LEGACY},
    {"raquo", "\xC2\xBB", LEGACY},  {"copy", "\xC2\xA9", LEGACY},
    {"COPY", "\xC2\xA9", LEGACY | HTML_ONLY},
    {"reg", "\xC2\xAE", LEGACY},    {"trade", "\xE2\x84\xA2", 0},
    {"deg", "\xC2\xB0", LEGACY},    {"euro", "\xE2\x82\xAC", 0},
    {"pound", "\xC2\xA3", LEGACY},  {"yen", "\xC2\xA5", LEGACY},
    {"cent", "\xC2\xA2", LEGACY},   {"sect", "\xC2\xA7", LEGACY},
    {"para", "\xC2\xB6", LEGACY},   {"middot", "\xC2\xB7", LEGACY},
    {"bull", "\xE2\x80\xA2", 0},    {"times", "\xC3\x97", LEGACY},
    {"divide", "\xC3\xB7", LEGACY}, {"frac12", "\xC2\xBD", LEGACY},
    {"eacute", "\xC3\xA9", LEGACY}, {"egrave", "\xC3\xA8", LEGACY},
    {"aacute", "\xC3\xA1", LEGACY}, {"oacute", "\xC3\xB3", LEGACY},
    {"iacute", "\xC3\xAD", LEGACY}, {"uacute", "\xC3\xBA", LEGACY},
    {"ntilde", "\xC3\xB1", LEGACY}, {"ccedil", "\xC3\xA7", LEGACY},
    {"auml", "\xC3\xA4", LEGACY},   {"ouml", "\xC3\xB6", LEGACY},
    {"uuml", "\xC3\xBC", LEGACY},   {"szlig", "\xC3\x9F", LEGACY},
};

/* Windows-1252 meanings of &#128; .. &#159; in HTML (0: keep the code point). */
static const unsigned short html_c1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_alnum(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* cp (at most U+10FFFF) as UTF-8 in out[0..4); returns the byte count. */
static size_t utf8_encode(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* &#D; / &#xH; at s[0..n) (s[1] is '#').  Returns its length, 0 if none. */
static size_t numeric_ref(const char *s, size_t n, int html, cs_entity *e)
{
    int hex = n > 2 && (s[2] == 'x' || s[2] == 'X');
    size_t i = hex ? 3 : 2, digits = 0;
    unsigned long cp = 0;
    for (; i < n; i++, digits++) {
        unsigned char c = (unsigned char)s[i];
        unsigned v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            break;
        if (cp <= 0x10FFFF) /* past it the value no longer matters */
            cp = cp * (hex ? 16 : 10) + v;
    }
    if (digits == 0)
        return 0;
    if (html) {
        if (i < n && s[i] == ';')
            i++;
    } else {
        if (digits > (hex ? 6u : 7u) || i >= n || s[i] != ';')
            return 0;
        i++;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    else if (html && cp >= 0x80 && cp <= 0x9F && html_c1[cp - 0x80] != 0)
        cp = html_c1[cp - 0x80];
    e->len = utf8_encode(cp, e->utf8);
    return i;
}

/* &name; at s[0..n).  Returns its length, 0 if none.  In HTML a legacy
 * name may end without ';', also inside a longer run; the longest such
 * prefix is taken when the whole run with ';' is not a known name. */
static size_t named_ref(const char *s, size_t n, int html, cs_entity *e)
{
    size_t max = html ? HTML_NAME_MAX : COMMONMARK_NAME_MAX;
    size_t i = 1;
    while (i < n && i <= max && is_alnum((unsigned char)s[i]))
        i++;
    if (i == 1 || !is_alpha((unsigned char)s[1]))
        return 0;
    int semi = i < n && s[i] == ';';
    if (!html && !semi)
        return 0;
    e->name_len = i - 1;
    size_t best = 0, best_len = 0;
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
        if (!html && (entities[k].flags & HTML_ONLY))
            continue;
        size_t m = strlen(entities[k].name);
        if (m > i - 1 || memcmp(s + 1, entities[k].name, m) != 0)
            continue;
        if (m == i - 1 && semi) { /* exact, with ';' */
            best = k + 1;
            best_len = m + 2;
            break;
        }
        if (html && (entities[k].flags & LEGACY) && m + 1 > best_len) { /* prefix, no ';' */
            best = k + 1;
            best_len = m + 1;
        }
    }
    if (best) {
        e->len = strlen(entities[best - 1].utf8);
        memcpy(e->utf8, entities[best - 1].utf8, e->len);
        return best_len;
    }
    return semi ? i + 1 : i;
}

size_t cs_entity_decode(const char *s, size_t n, cs_entity_syntax syntax, cs_entity *e)
{
    int html = syntax == CS_ENTITY_HTML;
    e->src_len = 0;
    e->len = 0;
    e->name_len = 0;
    if (n < 2 || s[0] != '&')
        return 0;
    /* Both readers set e->len / e->name_len only once they accept. */
    e->src_len = s[1] == '#' ? numeric_ref(s, n, html, e) : named_ref(s, n, html, e);
    return e->src_len;
}

int cs_entity_starts(const cs_entity *e, const char *text, size_t n)
{
    return e->len > 0 && e->len <= n && memcmp(e->utf8, text, e->len) == 0;
}

size_t cs_entity_char_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* ---- aligner ---- */

void cs_align_init(cs_align *a, const char *text, cs_align_emit emit, void *ctx)
{
    a->text = text;
    a->emit = emit;
    a->ctx = ctx;
    a->run_off = 0;
    a->run_src = 0;
    a->run_len = 0;
}

void cs_align_byte(cs_align *a, size_t off, size_t src_off)
{
    if (a->run_len == 0) {
        a->run_off = off;
        a->run_src = src_off;
    }
    a->run_len++;
}

void cs_align_run(cs_align *a, size_t off, size_t src_off, size_t len)
{
    if (a->run_len == 0) {
        a->run_off = off;
        a->run_src = src_off;
    }
    a->run_len += len;
}

int cs_align_flush(cs_align *a)
{
    size_t n = a->run_len;
    a->run_len = 0;
    if (n == 0 || a->emit == NULL)
        return 0;
    return a->emit(a->ctx, a->text, a->run_off, n, a->run_src, n);
}

int cs_align_piece(cs_align *a, size_t off, size_t len, size_t src_off, size_t src_len)
{
    if (cs_align_flush(a) != 0)
        return -1;
    if (a->emit == NULL)
        return 0;
    return a->emit(a->ctx, a->text, off, len, src_off, src_len);
}
