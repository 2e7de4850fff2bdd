#include "fold.h"

/* Indexed by byte; bytes 0x80 to 0xff are left 0 (see fold.h). */
const unsigned char cs_fold_table[256] = {
    /* 0x00 */ 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
    /* 0x08 */ 0x08, ' ', ' ', ' ', ' ', ' ', 0x0e, 0x0f,
    /* 0x10 */ 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
    /* 0x18 */ 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    /* 0x20 */ ' ', '!', '"', '#', '$', '%', '&', '\'',
    /* 0x28 */ '(', ')', '*', '+', ',', '-', '.', '/',
    /* 0x30 */ '0', '1', '2', '3', '4', '5', '6', '7',
    /* 0x38 */ '8', '9', ':', ';', '<', '=', '>', '?',
    /* 0x40 */ '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g',
    /* 0x48 */ 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    /* 0x50 */ 'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    /* 0x58 */ 'x', 'y', 'z', '[', '\\', ']', '^', '_',
    /* 0x60 */ '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g',
    /* 0x68 */ 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    /* 0x70 */ 'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    /* 0x78 */ 'x', 'y', 'z', '{', '|', '}', '~', 0x7f,
    /* 0x80 to 0xff: 0, the bytes of UTF-8 sequences */
};

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Width of the white-space character at s[i], 0 if none (ASCII or NBSP). */
static size_t space_width(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (is_ascii_space(c))
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

/* The fold of U+20xx encoded E2 80 t: a curly quote or a dash, 0 for the
 * rest (left as they are). */
static unsigned char fold_e2_80(unsigned char t)
{
    if (t == 0x98 || t == 0x99 || t == 0x9B || t == 0xB2)
        return '\'';
    if (t == 0x9C || t == 0x9D || t == 0x9E || t == 0xB3)
        return '"';
    if (t == 0x93 || t == 0x94)
        return '-';
    return 0;
}

unsigned char cs_fold_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = *i;
    unsigned char c = u[p];
    size_t w = space_width(s, len, p);
    if (w) {
        p += w;
        while (p < len && (w = space_width(s, len, p)) != 0)
            p += w;
        *i = p;
        return ' ';
    }
    if (c < 0x80) {
        *i = p + 1;
        return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
    }
    if (c == 0xE2 && p + 2 < len && u[p + 1] == 0x80) {
        unsigned char out = fold_e2_80(u[p + 2]);
        if (out) {
            *i = p + 3;
            return out;
        }
    }
    if (c == 0xC2 && p + 1 < len && (u[p + 1] == 0xAB || u[p + 1] == 0xBB)) {
        *i = p + 2;
        return '"';
    }
    *i = p + 1;
    return c;
}

size_t cs_fold_prev(const char *s, size_t q)
{
    const unsigned char *t = (const unsigned char *)s;
    unsigned char b = t[q - 1];
    if (cs_fold_table[b] == ' ' || (q >= 2 && b == 0xA0 && t[q - 2] == 0xC2)) {
        while (q > 0) { /* to the start of the run */
            if (cs_fold_table[t[q - 1]] == ' ')
                q--;
            else if (q >= 2 && t[q - 1] == 0xA0 && t[q - 2] == 0xC2)
                q -= 2;
            else
                break;
        }
        return q;
    }
    if (q >= 3 && t[q - 3] == 0xE2 && t[q - 2] == 0x80 && fold_e2_80(b))
        return q - 3;
    if (q >= 2 && t[q - 2] == 0xC2 && (b == 0xAB || b == 0xBB))
        return q - 2;
    return q - 1;
}

size_t cs_fold_string(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned char c = cs_fold_next(s, len, &i);
        if (c == ' ' && n == 0)
            continue;
        if (n + 1 >= cap)
            return (size_t)-1;
        out[n++] = (char)c;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    if (cap)
        out[n] = '\0';
    return n;
}
