/*
 * matcher.h - one multi-pattern phrase matcher for every phrase of every rule.
 *
 * Phrases are folded (fold.h: case, quotes, apostrophes, dashes, white space)
 * and compiled into one Aho-Corasick automaton, a dense DFA over byte
 * classes, so a passage is scanned once whatever the number of phrases.
 * A hit must start and end on word boundaries; a phrase ending in '*' is a
 * word prefix ("anonym*" matches "anonymity").
 *
 * Lifecycle: new -> add* -> compile -> scan* -> free.  After compile the
 * matcher is read-only and may be scanned from several threads.  Errors:
 * 0 / -1 with a cs_diag.  The matcher owns its memory.
 */
#ifndef CS_MATCHER_H
#define CS_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define CS_PHRASE_MAX 240 /* folded bytes */

typedef struct cs_matcher cs_matcher;

/* Called for each hit in order of the offset where its phrase ends: pattern
 * id as given to cs_matcher_add and the hit's byte span [start, end) in the
 * scanned text (a word-prefix hit's span runs on to the end of the word, so
 * its end may lie past the ends of hits reported after it).
 * Returning non-zero stops the scan (the value is passed back). */
typedef int (*cs_match_cb)(void *ctx, uint32_t id, size_t start, size_t end);

cs_matcher *cs_matcher_new(void);
void cs_matcher_free(cs_matcher *m);

/* Register a phrase under an id (ids need not be unique or dense).
 * Refuses empty phrases and phrases longer than CS_PHRASE_MAX. */
int cs_matcher_add(cs_matcher *m, const char *phrase, uint32_t id, cs_diag *d);

/* Build the automaton; no add after this. */
int cs_matcher_compile(cs_matcher *m, cs_diag *d);

/* Scan text; returns 0 or the callback's non-zero value. */
int cs_matcher_scan(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb,
                    void *ctx);

/* Switch the scan to a table of half the size when the automaton allows
 * (the same hits; the table is rebuilt, about 0.3 ms for the default
 * pack: worth it for a stream, not for one draft).  Not while another
 * thread scans m. */
void cs_matcher_compact(cs_matcher *m);

/* Number of phrases and automaton states (for `credscore rules` / bench). */
size_t cs_matcher_phrase_count(const cs_matcher *m);
size_t cs_matcher_state_count(const cs_matcher *m);

#endif
