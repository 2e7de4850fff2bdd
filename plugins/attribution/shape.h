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

void at_guess_from_shape(at_tok *t, const char *key, size_t keylen, const char *text,
                         int internal_dot);

#endif
