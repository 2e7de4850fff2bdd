/*
 * clause.h - the structure of a tokenised sentence around an attribution
 * cue: verb groups, appositions, the phrase before a verb (its subject),
 * clause edges.  Predicates and scans over at_sent only: they read the
 * tokens, write only their out-parameters (an at_np, flags) and never fail.
 * Private to the attribution plugin.
 */
#ifndef AT_CLAUSE_H
#define AT_CLAUSE_H

#include <stddef.h>
#include <stdint.h>

#include "subject.h"
#include "tokenizer.h"

/* Is t a word (not punctuation, a number, a quote mark)?  Inline: every
 * pass over a sentence asks it of most tokens. */
static inline int at_word(const at_tok *t)
{
    return t->kind == AT_TK_WORD;
}

/* A lower-case word the lexicon does not know (often an adjective). */
int at_lower_is_mod(const at_tok *t);

/* Skip auxiliaries and adverbs left of token v; returns the index left of
 * the verb group, or NONE_IDX. */
size_t at_skip_verb_group(const at_sent *s, size_t v, int *saw_be, int *neg);

/* Is the token after an inverted subject ("said the envoy ...") compatible
 * with inversion (end, punctuation, a preposition), not a clause ("said the
 * envoy had left")? */
int at_inversion_ends(const at_sent *s, size_t after);

/* Does a word of class `cls` come within `span` tokens after i (words only)? */
int at_word_ahead(const at_sent *s, size_t i, size_t span, uint64_t cls, int quote_ok);

/* "claimed the trophy": a prize right after a claim verb. */
int at_prize_follows(const at_sent *s, size_t v);

/* The subject of the sentence, for a participle (", saying ..."). */
int at_sentence_subject(const at_sent *s, size_t limit, at_np *np);

/* A verb form that is also a noun ("reports", "claims", "note") is a verb
 * only when a clause or an object follows. */
int at_noun_verb_ok(const at_tok *next, const at_tok *next2);

/* "asked whether/if/why ...", "asked:", not "asked no questions". */
int at_ask_ok(const at_sent *s, const at_tok *next);

/* The subject before the verb group that ends at g: 0 with np to classify,
 * 1 with np already classified, -1 when there is none.  *adjacent: nothing
 * but the verb group between them; *thing: a "which" clause between. */
int at_subject_before(const at_sent *s, size_t g, at_np *np, int *adjacent, int *thing);

/* A modal between the subject at g and the verb v ("others may think"):
 * a supposition, not a report. */
int at_modal_between(const at_sent *s, size_t g, size_t v);

/* Does the complement of verb v start with a personal pronoun ("claims
 * she was", "said that his")? */
int at_person_follows(const at_sent *s, size_t v);

/* Is the verb group between g and the verb v future ("will testify", "is
 * to speak", "shall announce")?  What is yet to be said is no report. */
int at_future_between(const at_sent *s, size_t g, size_t v);


/* Does the verb group after the subject ending at b up to the verb v
 * agree with a plural subject: "have", "are", "were", "do" in it, or a
 * bare present form ("say", "believe") with no auxiliary? */
int at_plural_agreement(const at_sent *s, size_t b, size_t v);

/* A bare quantifier as the subject ("many believe", "some argue", "others
 * say") or a quantified part of a group ("some in the party", "many among
 * the delegates"): a generic crowd.  0 and np when the subject ending at g
 * is one, -1 otherwise. */
int at_crowd_quantifier(const at_sent *s, size_t g, at_np *np);

/* A verb of the WordNet reporting lists (AT_V_CLAUSE) reports only with
 * its sentential complement: "that", "whether", a quotation, a colon, a
 * zero-that clause ("reckons the deal will fail": a noun phrase and a
 * finite verb), possibly after adverbs or a "to"-phrase ("hinted to
 * reporters that"); or it closes a quotation ("..." she whispered). */
int at_clause_follows(const at_sent *s, size_t v);

/* Headline case ("Mayor Tells Council Budget Is Short"): at least three
 * words of four letters or more, all capitalised, and no sentence end. */
int at_headline_case(const at_sent *s);

#endif
