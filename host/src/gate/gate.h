/*
 * gate.h - the gates of a run, shared by every caller that scores
 * (score, score --jsonl, a server): which findings count and whether an
 * article fails.
 *
 *  - which findings count: with a baseline file (baseline.h) the findings
 *    it holds are suppressed as "in the baseline"; with a diff base (a git
 *    revision, gitdiff.h) those on lines not changed since then as
 *    "unchanged since REV"; the article is merged again over what is left
 *    and keeps its real score beside (cs_scored.whole_score);
 *  - whether it fails: below the score threshold (the caller's fail_under,
 *    else the configuration's scoring.fail_under), unsourced when
 *    scoring.unsourced is fail, or more than N findings of a marker (the
 *    --max MARKER=N limits).  A narrowed article that is known and has
 *    nothing new is "untouched" and never fails.
 *
 * It knows nothing of the command line: the caller fills cs_gate_opts.
 * Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_GATE_H
#define CS_GATE_H

#include <stddef.h>

#include "baseline.h"
#include "config.h"
#include "report.h"
#include "result.h"

/* A limit on one marker's findings: more than `limit` fails the article. */
typedef struct cs_gate_max {
    const char *marker;
    long limit;
} cs_gate_max;

typedef struct cs_gate_opts {
    int has_fail_under;        /* fail_under given: it replaces scoring.fail_under */
    double fail_under;
    const cs_gate_max *maxes;  /* marker limits (the marker names must exist) */
    size_t nmax;
    const char *baseline;      /* a baseline file, or NULL */
    const char *diff_base;     /* a git revision, or NULL */
} cs_gate_opts;

typedef struct cs_gate {
    const cs_config *cfg;
    int has_threshold;         /* the score threshold in force, if any */
    double threshold;
    const cs_gate_max *maxes;  /* borrowed from the options */
    size_t nmax;
    cs_baseline baseline;      /* loaded when has_baseline */
    int has_baseline;
    const char *diff_base;     /* borrowed, or NULL */
    char unchanged[160];       /* the suppress_reason "unchanged since REV" (this pointer) */
} cs_gate;

/* Set g up for cfg (kept, as are o's strings and limits): check every
 * limit's marker exists ("--max: unknown marker 'x'") and load the
 * baseline.  -1 with d (g then holds nothing). */
int cs_gate_open(cs_gate *g, const cs_config *cfg, const cs_gate_opts *o, cs_diag *d);
void cs_gate_close(cs_gate *g);

/* Does g narrow articles (a baseline or a diff base)? */
int cs_gate_narrows(const cs_gate *g);

/* Whether a result fails: 0, or CS_FAIL_THRESHOLD, CS_FAIL_UNSOURCED or
 * CS_FAIL_MAX with why set ("" for the threshold; "3 vague findings, more
 * than --max vague=2" for a limit). */
int cs_gate_judge(const cs_gate *g, const cs_result *res, char *why, size_t whylen);

/* Narrow sc's findings (when g narrows) and judge it into sc->below and
 * sc->why; an untouched article is not judged.  -1 with d when git fails
 * or memory runs out. */
int cs_gate_settle(const cs_gate *g, cs_scored *sc, cs_diag *d);

#endif
