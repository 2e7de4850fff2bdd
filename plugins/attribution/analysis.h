/*
 * analysis.h - the state of one sentence's analysis, shared by the files
 * that analyse it: attribution.c (the driver, anonymity and pronouns),
 * cues.c (verbs, phrase cues, quotes, media) and clause.c (the sentence's
 * structure).  Private to the attribution plugin.
 *
 * Contract: every function here reads the sentence in st->s only and adds
 * hits to st->hits (at most st->cap; further hits are dropped); none
 * allocates or fails.
 */
#ifndef AT_ANALYSIS_H
#define AT_ANALYSIS_H

#include <stddef.h>

#include "attribution.h"

typedef struct sent_state {
    at_sent s;
    at_hit *hits;
    size_t nhits, cap;
    int finite;       /* a finite attribution verb produced a hit */
    size_t cue;       /* index of an anonymity cue, (size_t)-1 if none */
    int headline;     /* headline case: "Mayor Tells Council" */
} sent_state;

#define NONE_IDX ((size_t)-1)

/* Bit of a special word id in a sentence's word-id mask. */
#define W(id) (1ull << ((id) & 63))

/* Add a hit unless one of the same class overlaps it. */
void at_add_hit(sent_state *st, at_class cls, at_rule rule, size_t ta, size_t tb, double conf,
                const at_np *np);

/* ---- cues.c: the cues of a sentence and the hits they make ---- */

/* "Beijing is particularly wary that ...": a stated stance. */
void at_stance_adjectives(sent_state *st);

/* Handle one attribution verb at index v. */
void at_verb(sent_state *st, size_t v, size_t *participle, size_t *npart);

/* "according to X", "per X", "in an interview with X", "media reports". */
void at_phrases(sent_state *st);

/* "the report appeared in the newspaper Volna", "the letter was published
 * in the Kestria Herald": an outlet as the place a claim appeared. */
void at_media_venue(sent_state *st);

/* A quotation closed and then its speaker and a verb of any kind:
 * "..." Senator Ilse Varga fumed", "..." she laughed": the verb is a
 * speech act because it reports the quotation.  Only verbs the lexicon
 * does not know already (those went through at_verb()). */
void at_quote_speaker(sent_state *st);

/* A named person, the past form of a verb of saying the lexicon does not
 * hold (WordNet verb.communication, at_comm_past) and a that-clause: "Sen.
 * Ferrante joked that ...", "Speaker Ebert signaled Monday that ...". */
void at_that_speaker(sent_state *st);

/* "(BBC Ukrainian Service)": an outlet credited in parentheses. */
void at_outlet_credit(sent_state *st);

/* An embedded post's sign-off: "— Jane Doe (@janedoe) April 3, 2022". */
void at_signoff(sent_state *st);

#endif
