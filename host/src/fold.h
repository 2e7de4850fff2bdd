/*
 * fold.h - the text folding shared by phrase patterns and passages.
 *
 * Folding reads one character at a time and yields one byte: ASCII letters
 * lower-cased, curly and straight apostrophes alike ('), curly, straight and
 * guillemet double quotes alike ("), en/em dashes as '-', and any run of
 * white space (including NBSP) as a single ' '.  Other bytes pass through.
 * Pure functions; safe from any thread.
 */
#ifndef CS_FOLD_H
#define CS_FOLD_H

#include <stddef.h>

/* Fold the character at s[*i] (i < len) and advance *i past it (past the
 * whole white-space run for white space).  Returns the folded byte. */
unsigned char cs_fold_next(const char *s, size_t len, size_t *i);

/* Is a folded byte part of a word (letters, digits, UTF-8 bytes)? */
static inline int cs_fold_is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Fold a whole string into out (capacity cap, NUL-terminated), trimming
 * white space at both ends.  Returns the folded length, or (size_t)-1 if
 * it does not fit. */
size_t cs_fold_string(const char *s, size_t len, char *out, size_t cap);

#endif
