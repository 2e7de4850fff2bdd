/*
 * utf8.h - the few UTF-8 facts the attribution plugin needs.
 *
 * Contract: pure functions over a byte range [p, end); they never read at or
 * past `end` and accept invalid UTF-8 (an invalid byte decodes as U+FFFD of
 * length 1).  No state, no allocation: safe from any thread.
 */
#ifndef AT_UTF8_H
#define AT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at p (p < end).  Stores its byte length in *len
 * (1..4) and returns the code point, or 0xFFFD for an invalid sequence. */
uint32_t at_utf8_decode(const char *p, const char *end, size_t *len);

/* Character classes used by the tokenizer. */
typedef enum at_cclass {
    AT_C_SPACE,   /* white space, NBSP, zero-width characters */
    AT_C_LETTER,  /* a letter of any script */
    AT_C_DIGIT,   /* 0-9 */
    AT_C_DQUOTE,  /* " “ ” „ « » */
    AT_C_SQUOTE,  /* ' ‘ ’ ‚ */
    AT_C_DASH,    /* - – — */
    AT_C_PUNCT,   /* any other punctuation or symbol */
} at_cclass;

/* Class of a code point. */
at_cclass at_utf8_class(uint32_t cp);

/* Non-zero when cp is an upper-case letter (Latin, Greek, Cyrillic). */
int at_utf8_is_upper(uint32_t cp);

/* Length of the longest prefix of s[0..len) that is at most max bytes and
 * ends on a code point boundary. */
size_t at_utf8_clip(const char *s, size_t len, size_t max);

#endif
