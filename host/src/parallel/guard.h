/*
 * guard.h - the one time limit of --timeout: an article that takes longer
 * than the limit is stopped by killing the process that scores it (a rule
 * can run away inside one C call, a Lua pattern say, where nothing else
 * could stop it), and named with what was running: "took longer than 1 s
 * and was stopped in rule slow-pattern (slow.lua:1)".
 *
 * Two processes share a cs_deadline: the one that scores marks each
 * article (cs_deadline_begin / _end) and lets the scorer write what runs
 * into its note (cs_scorer_set_crash_note); the one that watches asks how
 * long is left (cs_deadline_left_ms) and kills the other when nothing is.
 * The worker pool (pool.h) keeps one per worker, for score and score
 * --jsonl: the article is lost, the run goes on.  cs_guard_run watches a
 * whole command body in one child process, for the commands that score in
 * their own process (explain, test, eval, baseline, each round of watch):
 * the body stops there, the caller gets the message.
 *
 * No global state: everything lives in the memory the two share.
 */
#ifndef CS_GUARD_H
#define CS_GUARD_H

#include <stdatomic.h>
#include <stddef.h>

#include "diag.h"

#define CS_GUARD_NOTE_MAX 96    /* what runs: "rule x (file.lua:3)", "plugin y" */
#define CS_GUARD_LABEL_MAX 256  /* the article: a path, "labels.jsonl:12", ... */
#define CS_GUARD_REPLY_MAX 256  /* bytes a guarded body can hand back */

/* Shared by the scoring process and its watcher (in a MAP_SHARED page). */
typedef struct cs_deadline {
    atomic_llong since;            /* when the article began (cs_guard_now_ms), 0 = none */
    char note[CS_GUARD_NOTE_MAX];  /* what runs now, written by the scorer ("" = nothing) */
    char label[CS_GUARD_LABEL_MAX];/* the article, when the scorer names it */
} cs_deadline;

/* Milliseconds of CLOCK_MONOTONIC, never 0. */
long long cs_guard_now_ms(void);

/* In the scoring process: an article named label (NULL: unnamed) begins
 * now (its note cleared), or ends (no article running). */
void cs_deadline_begin(cs_deadline *dl, const char *label);
void cs_deadline_end(cs_deadline *dl);

/* In the watcher: milliseconds left before the running article overruns
 * `seconds` (0: it has), or -1 when no article runs or seconds is 0. */
long long cs_deadline_left_ms(const cs_deadline *dl, int seconds, long long now);

/* "took longer than N s and was stopped", then " in NOTE" when note is
 * not empty, into buf (size n). */
void cs_deadline_describe(int seconds, const char *note, char *buf, size_t n);

/* ---- a command body in a watched child ---- */

typedef struct cs_guard cs_guard;

/* A guarded body: returns the command's exit code (0..125). */
typedef int (*cs_guard_fn)(void *ctx, cs_guard *g);

/* Run fn(ctx, g).  With seconds 0 it runs here, unguarded.  Else in a
 * child process (stdout and stderr flushed before; the child dies with
 * this process): when an article it marked runs longer than seconds, the
 * child is killed and -1 returned with d "LABEL: not scored: took longer
 * than N s and was stopped in NOTE"; when it dies of a signal during an
 * article, -1 with "LABEL: not scored: the worker died of signal N
 * (NAME) in NOTE" (outside an article: 128 + the signal), when it exits
 * during one (a plugin called exit), -1 with "LABEL: not scored: the
 * worker exited with status N in NOTE".  Otherwise fn's code.  reply (room for CS_GUARD_REPLY_MAX bytes) and *reply_len get
 * what fn handed back with cs_guard_reply (both may be NULL). */
int cs_guard_run(int seconds, cs_guard_fn fn, void *ctx, void *reply, size_t *reply_len,
                 cs_diag *d);

/* In fn: an article named label begins / ends (cs_deadline_begin);
 * begin flushes stdout first, so that what fn printed before survives
 * the child being killed. */
void cs_guard_begin(cs_guard *g, const char *label);
void cs_guard_end(cs_guard *g);

/* In fn: the note for cs_scorer_set_crash_note (CS_GUARD_NOTE_MAX bytes). */
char *cs_guard_note(cs_guard *g);

/* In fn: hand len bytes (at most CS_GUARD_REPLY_MAX) back to the caller
 * of cs_guard_run; -1 when they do not fit. */
int cs_guard_reply(cs_guard *g, const void *data, size_t len);

#endif
