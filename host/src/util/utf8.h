/*
 * utf8.h - strict decoding of one UTF-8 character.
 *
 * The one definition of "valid UTF-8" that every reader in the host shares
 * (input checks, the JSONL scanner, HTML repair, XML and YAML escaping):
 * no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
 * sequence.  Pure inline function; safe from any thread.
 */
#ifndef CS_UTF8_H
#define CS_UTF8_H

#include <stddef.h>

/* Decode the character at s, with avail >= 1 bytes readable there.  Returns
 * its length in bytes (1..4) and stores its code point in *cp, or returns 0
 * when the bytes are not a valid character (*cp is then unspecified).  A
 * NUL byte inside a sequence ends it as invalid, so a NUL-terminated string
 * may be read with avail = SIZE_MAX. */
static inline size_t cs_utf8_decode(const unsigned char *s, size_t avail, unsigned *cp)
{
    unsigned c = s[0], v, min;
    size_t n;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; v = c & 0x07; }
    else return 0;
    if (avail < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

#endif
