/*
 * suggest.h - "did you mean" for misspelt names (config keys, markers,
 * profiles, plugin options, rule fields, rule ids in rule_overrides).
 *
 * Usage: start with best = NULL, bestd = (size_t)-1; call
 * cs_suggest_consider for every valid name; best is then the closest one,
 * or NULL when none is close (edit distance at most 2 and shorter than the
 * word, so "x" does not suggest "cap").  Names longer than 64 bytes are
 * never suggested.  No allocation, no state outside the caller's.
 */
#ifndef CS_SUGGEST_H
#define CS_SUGGEST_H

#include <stddef.h>

void cs_suggest_consider(const char *word, const char *cand, const char **best, size_t *bestd);

/* The closest of the NULL-terminated list valid, or NULL when none is
 * close enough (as cs_suggest_consider decides). */
const char *cs_suggest(const char *word, const char *const *valid);

#endif
