/*
 * propernoun.h - multi-word units in a tokenised sentence.
 *
 * After tokenising, at_mark_units gives every token of a lexicon phrase
 * ("White House", "Associated Press", "United States") the phrase's class,
 * and recognises outlet names by pattern: a capitalised run ending in an
 * outlet word ("Kyiv Post", "Moscow Times"), a media noun followed by a
 * name ("news agency Interfax", "outlet RBC") or a name followed by one
 * ("Russia-1 TV channel", "Kommersant daily").
 *
 * Contract: rewrites the classes of toks[0..n) in place (words are
 * compared by lexicon entry index).  No allocation, no state.
 */
#ifndef AT_PROPERNOUN_H
#define AT_PROPERNOUN_H

#include <stddef.h>

#include "lexicon.h"
#include "tokenizer.h"

/* sum describes toks as at_tokenize left them; the classes given to units
 * are added to sum->cls (which stays a superset of the tokens' classes). */
void at_mark_units(const at_lexicon *lx, at_tok *toks, size_t n, at_tok_summary *sum);

#endif
