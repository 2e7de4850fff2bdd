/*
 * playground_draft.h - the playground's draft rule, scored for one request:
 *
 *   POST /v1/playground/score  {"text", "format"?, "rule"?: {"name", "source"}}
 *       200 {"report": <the JSON report of `score -f json`>,
 *            "html": "<section class=\"article\" ...>"}  (the HTML report's
 *       article: its summary, the text with the findings marked, the notes)
 *       scored with the configuration's rules and plugins plus the draft,
 *       which replaces the configuration's rule file NAME.lua, if any.
 *   POST /v1/playground/test   {"rule": {"name", "source"}}
 *       200 {"file", "passed", "failed", "results": [...]}: the draft's
 *       examples, run as `credscore test draft.lua` runs them (the draft's
 *       rules alone; a check that breaks is one failure and the rule's other
 *       examples are skipped).  Each result: {"rule", "source", "kind":
 *       "hit"|"miss", "index" (1-based), "example", "pass", "why"?,
 *       "found": [{"rule", "marker", "text"}]} or, for a broken rule,
 *       {"rule", "source", "pass": false, "why"}.
 *
 * Errors are JSON bodies {"error": CODE, "message": TEXT, ...} as the
 * server's others (serve_body.c): 400 bad_json (with "line", "column",
 * "byte") or bad_request (an empty body, an unknown or mistyped member, a
 * bad format or rule name); 422 rule_error, a draft that does not load or
 * fails while scoring, with "file" ("draft:NAME.lua", or the
 * configuration's file whose key it broke), "line" (null when unknown) and
 * "message" (what follows "file:line: "); 422 bad_article, an article
 * that cannot be read or scored (over the size limit, a NUL byte, ...).
 *
 * A draft is run by a scorer of its own (env->build: the same limits,
 * plugins and options as the server's), freed before the call returns.
 * Run these in a worker process: a draft that exhausts a limit stops in
 * the sandbox, but one that crashes a plugin, or any bug, then costs this
 * request only.
 */
#ifndef CS_PLAYGROUND_DRAFT_H
#define CS_PLAYGROUND_DRAFT_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "gate.h"
#include "scorer.h"

/* Build a scorer with draft (cs_session_draft_scorer does: the
 * configuration's rules with the draft in place of the file it replaces;
 * with draft_only, the draft's rules alone, as `credscore test` loads a
 * rule file).  0, or -1 with d. */
typedef int (*cs_playground_build_fn)(void *ctx, const cs_rule_draft *draft, int draft_only,
                                      cs_scorer **out, cs_diag *d);

typedef struct cs_playground_env {
    const cs_config *cfg;
    cs_scorer *scorer;            /* the configuration's: scores a request without a draft */
    const cs_gate *gate;          /* whether the article fails, as /v1/score says */
    cs_playground_build_fn build; /* a scorer for a draft, freed after the request */
    void *build_ctx;
    const char *tool_version;     /* for the report */
    long long max_bytes;          /* largest article in bytes (0 = no limit) */
    char *note;                   /* the worker's crash note (pool.h), or NULL */
    size_t note_size;
} cs_playground_env;

/* POST /v1/playground/score: the HTTP status; the JSON body appended to
 * out.  -1 only when memory runs out (out is then to be discarded). */
int cs_playground_score(const cs_playground_env *env, const char *body, size_t len,
                        cs_buf *out);

/* POST /v1/playground/test: the same contract. */
int cs_playground_test(const cs_playground_env *env, const char *body, size_t len, cs_buf *out);

/* {"error": code, "message": message} and a newline into out, as the
 * server's other errors; returns status (or -1 when memory runs out). */
int cs_playground_error(cs_buf *out, int status, const char *code, const char *message);

#endif
