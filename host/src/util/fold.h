/*
 * fold.h - the text folding shared by phrase patterns and passages.
 *
 * Folding reads one character at a time and yields one byte: ASCII letters
 * lower-cased, curly and straight apostrophes alike ('), curly, straight and
 * guillemet double quotes alike ("), en/em dashes as '-', and any run of
 * white space (including NBSP) as a single ' '.  Other bytes pass through.
 * Pure functions and constant tables; safe from any thread.
 */
#ifndef CS_FOLD_H
#define CS_FOLD_H

#include <stddef.h>

/* Fold the character at s[*i] (i < len) and advance *i past it (past the
 * whole white-space run for white space).  Returns the folded byte. */
unsigned char cs_fold_next(const char *s, size_t len, size_t *i);

/* The fold of each byte taken alone: ASCII letters lower-cased, ASCII white
 * space as ' ', other ASCII bytes as they are, and 0 for bytes >= 0x80
 * (only fold.c knows what a UTF-8 sequence folds to).  A value above
 * ' ' is the complete fold of that byte. */
extern const unsigned char cs_fold_table[256];

/* cs_fold_next with the common cases inline: a byte that folds on its own
 * (ASCII other than white space and control bytes) and a single ASCII white
 * space before such a byte; everything else goes to cs_fold_next.  Same
 * result and same *i as cs_fold_next for every input. */
static inline unsigned char cs_fold_next_fast(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = *i;
    unsigned char c = cs_fold_table[u[p]];
    if (c > ' ') {
        *i = p + 1;
        return c;
    }
    if (c == ' ' && (p + 1 == len || cs_fold_table[u[p + 1]] > ' ')) {
        *i = p + 1;
        return ' ';
    }
    c = cs_fold_next(s, len, &p); /* p, not i: i stays out of memory */
    *i = p;
    return c;
}

/* Where the folded character that ends right before s[q] begins, q > 0
 * being where one begins (or the end): the start of a white-space run, a
 * curly quote, dash or guillemet, else q - 1.  None of those characters'
 * bytes ends or begins another, so read backwards they split as
 * cs_fold_next reads them forwards. */
size_t cs_fold_prev(const char *s, size_t q);

/* cs_fold_prev with the common case inline: an ASCII byte that folds on
 * its own. */
static inline size_t cs_fold_prev_fast(const char *s, size_t q)
{
    if (cs_fold_table[(unsigned char)s[q - 1]] > ' ')
        return q - 1;
    return cs_fold_prev(s, q);
}

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
