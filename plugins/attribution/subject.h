/*
 * subject.h - find and classify the source noun phrase of an attribution.
 *
 * Given the tokens of one sentence, at_np_left builds the noun phrase that
 * ends just before a verb ("Kremlin spokesman Dmitry Peskov" said), and
 * at_np_right the one that starts after it (said "the group's director";
 * according to "a report by news agency Interfax").  at_np_classify decides
 * what kind of source the phrase is: an identifiable person (on_record), an
 * unnamed knowledgeable person (anonymous), an organisation or document
 * (institutional), a news outlet (media) or a generic crowd of opinion
 * holders (vague: "experts", "many economists", "some critics").
 *
 * Contract: pure functions of the sentence and the document's name set;
 * they read tokens only inside [0, n) and allocate nothing.
 */
#ifndef AT_SUBJECT_H
#define AT_SUBJECT_H

#include <stddef.h>

#include "names.h"
#include "tokenizer.h"

/* One tokenised sentence of a passage. */
typedef struct at_sent {
    const char *text;       /* the passage text */
    const at_tok *t;        /* the sentence's tokens */
    size_t n;
    const at_names *names;  /* surnames seen so far in the document, or NULL */
    const at_names *orgs;   /* names introduced as organisations ("Halvorsen" of
                             * "Halvorsen Utilities"), or NULL */
} at_sent;

/* Does token t of sentence s read as the lower-case ASCII word w (a word
 * token, its letters folded to lower case)? */
int at_tok_is(const at_sent *s, const at_tok *t, const char *w);

typedef enum at_class { AT_NONE = 0, AT_ONREC, AT_ANON, AT_INST, AT_MEDIA, AT_VAGUE } at_class;

typedef enum at_rule {
    AT_R_NONE = 0,
    AT_R_NAMED,     /* named-speaker */
    AT_R_SURNAME,   /* surname */
    AT_R_PRONOUN,   /* pronoun */
    AT_R_TITLE,     /* title */
    AT_R_UNNAMED,   /* unnamed-source */
    AT_R_EXPLAINED, /* anonymity-explained */
    AT_R_KNOWLEDGE, /* source-knowledge */
    AT_R_BARE,      /* bare-source */
    AT_R_INST,      /* institution */
    AT_R_OUTLET,    /* outlet */
    AT_R_CROWD      /* crowd: a generic crowd of opinion holders */
} at_rule;

/* A source noun phrase: tokens [a, b], its head, and what it is. */
typedef struct at_np {
    size_t a, b;
    size_t head;
    int postmod;      /* a post-modifier follows the head (familiar with, in Kyiv) */
    int surname_seen; /* on_record via the document's name memory */
    at_class cls;
    at_rule rule;
    double conf;
} at_np;

/* Classes a phrase head may have. */
int at_head_capable(const at_tok *t);

/* Noun phrase whose last token is g (scanning left).  Tries "a source
 * familiar with the matter" shapes first.  0 when found, -1 otherwise. */
int at_np_left(const at_sent *s, size_t g, at_np *np);

/* Noun phrase starting at token r (scanning right), with up to two
 * prepositional attachments (of/for/from/at/by).  0 when found, -1 otherwise. */
int at_np_right(const at_sent *s, size_t r, at_np *np);

/* Is token h a broadcaster's call sign: K or W, two or three more capitals
 * and a band ("WKRT-TV", "KQLM-FM"), the shape North American stations
 * carry; with bare, also four capitals alone ("WKXR"), for the places only
 * an outlet can fill ("told WKXR", "in an interview with KTLV")? */
int at_call_sign(const at_sent *s, const at_tok *h, int bare);

/* Classify np.  `adjacent` says the phrase sits right next to its verb
 * (only auxiliaries or adverbs between), which lets a lone capitalised
 * surname count.  Sets cls, rule and conf (cls AT_NONE: not a source). */
void at_np_classify(const at_sent *s, at_np *np, int adjacent);

#endif
