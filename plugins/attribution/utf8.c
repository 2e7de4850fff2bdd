/*
 * utf8.c - UTF-8 decoding and character classes for the attribution plugin.
 *
 * Contract: see utf8.h.  Every function is pure and bounds-checked.
 */
#include "utf8.h"

/* Decode the code point at p (< end); invalid input gives U+FFFD, length 1. */
uint32_t at_utf8_decode(const char *p, const char *end, size_t *len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t avail = (size_t)(end - p);
    unsigned char c = s[0];
    uint32_t cp;
    size_t n;

    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07u;
    } else {
        *len = 1;
        return 0xFFFD;
    }
    if (avail < n) {
        *len = 1;
        return 0xFFFD;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0u) != 0x80u) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        *len = 1;
        return 0xFFFD;
    }
    *len = n;
    return cp;
}

/* Tokenizer class of a code point. */
at_cclass at_utf8_class(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
            return AT_C_SPACE;
        if ((cp | 0x20u) >= 'a' && (cp | 0x20u) <= 'z')
            return AT_C_LETTER;
        if (cp >= '0' && cp <= '9')
            return AT_C_DIGIT;
        if (cp == '"')
            return AT_C_DQUOTE;
        if (cp == '\'' || cp == '`')
            return AT_C_SQUOTE;
        if (cp == '-')
            return AT_C_DASH;
        if (cp < 0x20)
            return AT_C_SPACE;
        return AT_C_PUNCT;
    }
    switch (cp) {
    case 0x00A0: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return AT_C_SPACE;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E:
        return AT_C_DQUOTE;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return AT_C_SQUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
        return AT_C_DASH;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return AT_C_SPACE;
    if (cp == 0x00AA || cp == 0x00BA || cp == 0x00B5)
        return AT_C_LETTER;
    if ((cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7)
        return AT_C_PUNCT;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows, shapes */
        return AT_C_PUNCT;
    if (cp >= 0x3000 && cp <= 0x303F)
        return AT_C_PUNCT;
    if (cp >= 0xFE00 && cp <= 0xFE0F) /* variation selectors */
        return AT_C_PUNCT;
    if (cp >= 0x1F000 || cp == 0xFFFD) /* emoji, flags, invalid bytes */
        return AT_C_PUNCT;
    if (cp >= 0x0300 && cp <= 0x036F) /* combining marks stay inside words */
        return AT_C_LETTER;
    return AT_C_LETTER;
}

/* Upper-case letter of the Latin, Greek or Cyrillic scripts? */
int at_utf8_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) {
        /* Latin Extended-A alternates upper/lower, with a shift after U+0138. */
        if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177))
            return (cp & 1u) == 0;
        if (cp >= 0x139 && cp <= 0x148)
            return (cp & 1u) == 1;
        return cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D;
    }
    if (cp >= 0x180 && cp <= 0x24F) /* Latin Extended-B: rough, even = upper */
        return (cp & 1u) == 0;
    if (cp >= 0x391 && cp <= 0x3AB)
        return 1;
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    if (cp >= 0x460 && cp <= 0x4FF)
        return (cp & 1u) == 0;
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return (cp & 1u) == 0;
    return 0;
}

/* Longest prefix of at most max bytes ending on a character boundary. */
size_t at_utf8_clip(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && (((unsigned char)s[n]) & 0xC0u) == 0x80u)
        n--;
    return n;
}
