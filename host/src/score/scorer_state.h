/*
 * scorer_state.h - the scorer's state, shared by its parts (private to
 * scorer_load.c, scorer.c and scorer_batch.c; everyone else uses scorer.h).
 *
 * scorer_load.c builds a scorer (rule files, the phrase matcher, regexes,
 * plugins) and frees it; scorer.c runs each stage over an article;
 * scorer_batch.c runs the stages over one article or a batch.
 */
#ifndef CS_SCORER_STATE_H
#define CS_SCORER_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "scorer.h"

typedef struct hit {
    uint32_t phrase;
    uint32_t sent;
    size_t start, end;
} hit;

typedef struct cand {
    size_t start, end;
} cand;

struct cs_scorer {
    const cs_config *cfg;
    cs_ruleset rules;
    cs_lua_rules lua;
    int lua_open;
    cs_plugin_set plugins;
    pcre2_match_data *md;
    pcre2_match_context *mctx; /* carries the offset limit of a sentence window */
    char **files;            /* rule files loaded (display paths) */
    char **paths;            /* ... the path each was read from (NULL: the draft) */
    size_t nfiles;
    size_t *regex_rules, nregex;
    uint32_t *regex_place;   /* per rule: its place in regex_rules, or UINT32_MAX */
    uint64_t *regex_due;     /* per place, a bit: the regex rule may match in this passage
                              * (it has no needs, or one was hit), regex_words words */
    uint64_t *regex_always;  /* the same for the rules without needs */
    size_t regex_words;
    size_t *check_rules, ncheck;
    size_t *phrase_stamp;    /* per rule: passage serial of its last needs hit */
    size_t *done_stamp;      /* per rule: passage serial when its phrase hits were handled */
    size_t serial;
    hit *found;              /* the scan pass's hits, passage after passage */
    size_t nfound, found_cap;
    size_t *passage_hits;    /* per passage of the scan pass: where its hits begin in
                              * found, and one more entry: nfound */
    size_t passages_cap;
    hit *hits;               /* the hits of the passage being scored (inside found) */
    size_t nhits;
    credscore_span *spans;
    size_t nspans, spans_cap;
    cand *cands;
    size_t ncands, cands_cap;
    size_t *starts;          /* where one regex rule's needs hits begin, sorted */
    size_t starts_cap;
    uint64_t *unless;        /* (rule << 32 | sentence) of this passage's unless hits, sorted */
    size_t nunless, unless_cap;
    cs_log_fn log;
    void *log_ctx;
    int lenient;
    int verify_needs_starts;
    int quiet_disable;       /* lenient: no warning when a rule is disabled */
    /* per-call state */
    cs_result *res;          /* the article's result while a stage runs */
    size_t passage;
    const cs_rule *cur_rule;
    size_t check_offset;     /* sentence start when a check runs per sentence */
    size_t nfailed;          /* rules disabled after run-time errors (lenient mode) */
    size_t text_seen;        /* bytes of passages scored, until the regexes are JIT compiled */
    int jitted;
    char *crash_note;        /* shared note naming the running plugin, or NULL */
    size_t crash_note_size;
};

/* The stages of scoring an article (scorer.c), in the order
 * cs_scorer_score_batch runs them.  Each returns 0, or -1 with d set (not
 * yet naming the article).
 *
 * cs_scorer_scan_pass runs the phrase matcher over every passage of the n
 * articles, keeping each passage's hits (found, passage_hits) for the
 * rules pass; -1 only when memory runs out. */
int cs_scorer_scan_pass(cs_scorer *s, const cs_document *const *docs, size_t n, cs_diag *d);

/* cs_scorer_rules_pass resets res and runs the phrase, regex and Lua rules
 * over every passage of doc, on the hits the scan pass found for them
 * (doc's first passage is passage `first` of the scan pass); in lenient
 * mode res->warnings names the rules disabled so far. */
int cs_scorer_rules_pass(cs_scorer *s, const cs_document *doc, size_t first, cs_result *res,
                         cs_diag *d);

/* Plugin number `plugin` through doc: begin_document, score_passage on
 * every passage in order, end_document (also after a failing passage);
 * its findings go into res. */
int cs_scorer_plugin_pass(cs_scorer *s, size_t plugin, const cs_document *doc, cs_result *res,
                          cs_diag *d);

/* The article's suppression comments applied to res, then the merge. */
int cs_scorer_finish(cs_scorer *s, const cs_document *doc, cs_result *res, cs_diag *d);

#endif
