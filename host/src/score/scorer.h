/*
 * scorer.h - everything needed to score articles: the rule set, its Lua
 * state, the plugins, scratch space.  Build one per worker process (or
 * thread); two scorers share nothing mutable and may run side by side.
 * Built and freed in scorer_load.c, run in scorer.c.
 *
 * cs_scorer_score runs the phrase matcher over every passage, then, for
 * each passage: phrase rules (with unless); regex rules (gated by needs,
 * searched in the sentences holding a needs phrase); Lua checks (gated by
 * needs).  Then each plugin's score_passage over every passage, one
 * plugin after the other; then cs_merge computes the scores.
 *
 * Ownership: the scorer borrows the config (it must outlive the scorer) and
 * owns the rest.  Errors: 0 / -1 with a cs_diag; a rule failing at run time
 * fails the article in strict mode, otherwise the rule is disabled, a
 * warning logged and the result says which rule stopped.  Once rules and
 * plugins are loaded, every rule id named under rule_overrides (top level
 * and profiles) must name one of them: else cs_scorer_new fails with the
 * config file:line:col of the key and a "did you mean".
 */
#ifndef CS_SCORER_H
#define CS_SCORER_H

#include <stddef.h>

#include "config.h"
#include "document.h"
#include "lua_rules.h"
#include "plugin_host.h"
#include "result.h"
#include "rules.h"

/* A rule file given as text instead of read from disk (the playground's
 * draft rule): loaded after the other rule files and named
 * "draft:NAME.lua" in messages and rule sources; a rule file named
 * NAME.lua among the others (the configuration's, or rule_files) is not
 * loaded: the draft replaces it.  NAME is one or more letters, digits,
 * '-', '_' or '.' (at most 64; not starting with '.'; a trailing ".lua"
 * is dropped), else cs_scorer_new fails. */
typedef struct cs_rule_draft {
    const char *name;
    const char *source;
    size_t len;
} cs_rule_draft;

/* Is name usable as a draft's NAME (see cs_rule_draft)? */
int cs_rule_draft_name_ok(const char *name);

typedef struct cs_scorer_opts {
    const char *const *rule_files; /* when set: load these instead of cfg->rule_paths */
    size_t nrule_files;
    const char *const *rule_names;  /* optional: the name shown for each rule file */
    const char *const *plugin_dirs; /* --plugin-path folders, searched first */
    size_t nplugin_dirs;
    int no_plugins;                 /* do not load plugins */
    int allow_insecure_plugins;
    int lenient;                    /* a failing rule is disabled instead of failing */
    int verify_needs_starts;        /* search starts_with_needs regexes everywhere too and
                                     * fail when that finds more (credscore test) */
    int quiet_disable;              /* lenient: no warning when a rule is disabled (the
                                     * caller reports cs_rule.fail_reason itself) */
    int skip_override_check;        /* do not check that rule_overrides names loaded
                                     * rules (rule files given instead of the config's) */
    const cs_rule_draft *draft;     /* a rule file given as text, or NULL */
    int load_timeout;               /* seconds for loading all rule files (--timeout), 0 = none:
                                     * then "file:line: time limit of N s exceeded (raise
                                     * --timeout)" */
    cs_log_fn log;                  /* warnings; NULL = stderr */
    void *log_ctx;
} cs_scorer_opts;

typedef struct cs_scorer cs_scorer;

int cs_scorer_new(cs_scorer **out, const cs_config *cfg, const cs_scorer_opts *o, cs_diag *d);
void cs_scorer_free(cs_scorer *s);

/* Score doc into res (reset first).  0, or -1 with d naming the article. */
int cs_scorer_score(cs_scorer *s, const cs_document *doc, cs_result *res, cs_diag *d);

/* Score n articles, docs[k] into res[k] (each reset first), as n calls of
 * cs_scorer_score would, stage by stage: the phrase matcher over every
 * article, then the rules over every article, then each plugin through
 * every article, then each article's merge, so that a stage's code and
 * tables stay in the cache for the whole batch.
 * failed[k] is set to 1 for an article that could not be scored (*d[k]
 * names it and says why; res[k] is then to be ignored), else 0; the other
 * articles are scored all the same.  Returns 0 when every article was
 * scored, else -1. */
int cs_scorer_score_batch(cs_scorer *s, const cs_document *const *docs, cs_result *const *res,
                          cs_diag *const *d, int *failed, size_t n);

/* Read-only views for listings (`credscore rules`, `credscore plugins`). */
const cs_ruleset *cs_scorer_rules(const cs_scorer *s);
const cs_plugin_set *cs_scorer_plugins(const cs_scorer *s);
const cs_config *cs_scorer_config(const cs_scorer *s);

/* The rule files loaded, in order (display paths). */
size_t cs_scorer_rule_files(const cs_scorer *s, const char *const **files);

/* The path the rule file shown as `shown` (a cs_rule's file, one of
 * cs_scorer_rule_files) was read from; NULL for a draft or a name that was
 * not loaded. */
const char *cs_scorer_rule_file_path(const cs_scorer *s, const char *shown);

/* Where to write "plugin NAME" while a plugin runs (a worker's shared crash
 * note, CS_POOL_NOTE_MAX bytes), or NULL. */
void cs_scorer_set_crash_note(cs_scorer *s, char *note, size_t size);

/* Default log function: "credscore: warning: ..." on stderr.  ctx may
 * point at an int, the lowest level printed (default CREDSCORE_LOG_INFO). */
void cs_log_stderr(void *ctx, int level, const char *message);

#endif
