/*
 * lua_pattern_cost.h - the cost of a Lua pattern search, counted before it
 * runs.
 *
 * Lua's string.find, match, gmatch and gsub search by backtracking: with
 * several '-', '*' or '+' items a pattern can take time polynomial in the
 * subject's length inside one C call, out of reach of the instruction
 * hook.  cs_pattern_cost walks the same search (same order of attempts,
 * same errors) counting its steps and nothing else: it keeps no captures
 * for the caller and allocates nothing.  The sandbox charges the count to
 * the instruction budget, refusing the call when it exceeds what is left,
 * and only then lets Lua run the search for real.
 *
 * A step is one attempt of a pattern item at a subject position (about
 * the work of one Lua VM instruction).  Counting stops at max_steps + 1,
 * or when tick (called every CS_PATTERN_TICK steps) returns nonzero.
 * A pattern Lua would refuse gives its error message (as Lua words it),
 * found at the same point of the search as Lua would find it.
 */
#ifndef CS_LUA_PATTERN_COST_H
#define CS_LUA_PATTERN_COST_H

#include <stddef.h>

#define CS_PATTERN_TICK 65536

typedef int (*cs_pattern_tick_fn)(void *ctx);

typedef enum cs_pattern_mode {
    CS_PATTERN_FIRST, /* find, match: until the first match */
    CS_PATTERN_ALL    /* gsub, gmatch: every match */
} cs_pattern_mode;

typedef struct cs_pattern_search {
    const char *subject;
    size_t len;
    size_t init;            /* 0-based start, at most len */
    const char *pattern;
    size_t plen;
    cs_pattern_mode mode;
    int anchors;            /* a leading '^' anchors (not in gmatch) */
    long long max_matches;  /* CS_PATTERN_ALL: stop after this many; < 0: no limit */
    long long max_steps;
    cs_pattern_tick_fn tick; /* or NULL */
    void *tick_ctx;
} cs_pattern_search;

typedef enum cs_pattern_outcome {
    CS_PATTERN_COUNTED,  /* the whole search was counted */
    CS_PATTERN_STOPPED,  /* over max_steps, or tick said stop */
    CS_PATTERN_INVALID   /* Lua would raise `error` */
} cs_pattern_outcome;

/* Count the search's steps into *steps.  On CS_PATTERN_INVALID, error
 * (of errlen bytes) holds Lua's message, e.g. "malformed pattern (missing
 * ']')". */
cs_pattern_outcome cs_pattern_cost(const cs_pattern_search *q, long long *steps, char *error,
                                   size_t errlen);

/* Whether p has none of the characters that make a pattern special (a
 * plain search, as string.find does it without a pattern). */
int cs_pattern_is_plain(const char *p, size_t plen);

#endif
