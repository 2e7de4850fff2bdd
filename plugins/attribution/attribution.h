/*
 * attribution.h - find the attributions of one sentence.
 *
 * at_analyse_sentence tokenises a sentence, finds every speech, report or
 * cognition verb (and "according to", "per", "told CNN", "spoke on
 * condition of anonymity" ...), finds its source phrase, classifies it
 * (see subject.h) and returns the resulting hits.  Full personal names met
 * on the way are added to the document's name set, names of organisations
 * ("Halvorsen Utilities") to its organisation set, and *last_thing (may be
 * NULL) keeps the type of the last organisation, document or outlet that
 * spoke, which a later "it said" refers to.
 *
 * Contract: analyses text[start..end) of a passage of text_len bytes
 * (text[text_len], its NUL, is readable too: the tokenizer reads blocks of
 * bytes, see tokenizer.h); writes at most cap hits;
 * uses the caller's token buffer (toks, tcap) as scratch and allocates
 * only when adding to `names` or `orgs` (which may be NULL).  Returns 0, or -1 when
 * memory for the name set runs out.
 */
#ifndef AT_ATTRIBUTION_H
#define AT_ATTRIBUTION_H

#include <stddef.h>

#include "lexicon.h"
#include "names.h"
#include "subject.h"
#include "tokenizer.h"

typedef struct at_hit {
    at_class cls;
    at_rule rule;
    size_t start, end; /* byte span of the attribution words */
    double conf;
    int has_weight;
    double weight;
    int surname_seen;  /* on_record through the document's name memory */
    size_t src_start, src_end; /* byte span of the source phrase */
    size_t cue_start, cue_end; /* byte span of the cue (cue_end 0: none) */
    /* token indices, used while refining anonymous hits */
    size_t np_a, head;
    int postmod;
} at_hit;

int at_analyse_sentence(const at_lexicon *lx, at_names *names, at_names *orgs,
                        at_class *last_thing, const char *text, size_t text_len, size_t start,
                        size_t end, at_tok *toks, size_t tcap, at_hit *hits, size_t cap,
                        size_t *nhits);

#endif
