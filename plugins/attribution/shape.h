/*
 * shape.h - the classes of a word the lexicon does not know.
 *
 * at_guess_from_shape guesses them from the word's shape: an -ly adverb, a
 * hyphenated modifier ("Kremlin-backed", "pro-Kremlin") or name particle
 * ("al-Amr"), an acronym (two to six capitals), a capitalised name.
 *
 * Contract: the tokenizer calls it for a word token t whose classes hold
 * nothing but AT_L_ABBR; it adds at most one class to t->cls.  key is the
 * word's normalised key of keylen bytes (only the first AT_KEY_MAX are
 * read when it is longer), text the passage t->start points into;
 * internal_dot: the word has an inner period ("U.S.").  No allocation, no
 * state.
 */
#ifndef AT_SHAPE_H
#define AT_SHAPE_H

#include <stddef.h>

#include "tokenizer.h"

/* The hyphenated word's part of at_guess_from_shape (in shape.c): a name
 * particle before a name ("al-Amr") or a modifier ("Kremlin-backed",
 * "pro-Kremlin", "state-run"); key[0..n) with n <= AT_KEY_MAX.  Returns 1
 * when it gave a class, 0 when the word is guessed as any other. */
int at_guess_hyphenated(at_tok *t, const char *key, size_t n, const char *text);

/* See above.  Inline and small (the hyphen's tests are apart): a third of
 * the words come here, most of them to leave without a class or as a
 * name. */
static inline void at_guess_from_shape(at_tok *t, const char *key, size_t keylen,
                                       const char *text, int internal_dot)
{
    size_t n = keylen > AT_KEY_MAX ? AT_KEY_MAX : keylen;
    if (n >= 5 && key[n - 2] == 'l' && key[n - 1] == 'y' &&
        (!(t->flags & AT_TF_CAP) || (t->flags & AT_TF_SENTINIT))) {
        t->cls |= AT_L_ADV;
        return;
    }
    if ((t->flags & AT_TF_HYPHEN) && at_guess_hyphenated(t, key, n, text))
        return;
    if ((t->flags & AT_TF_ALLCAPS) && !internal_dot && n >= 2 && n <= 6) {
        t->cls |= AT_L_ACRONYM;
        return;
    }
    if (t->flags & AT_TF_CAP)
        t->cls |= AT_L_NAME;
}

#endif
