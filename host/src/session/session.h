/*
 * session.h - the configuration and the scorer a run scores with.
 *
 * A session is what every scoring caller opens first: the configuration
 * (a --config file, credscore.yaml found upwards from the working folder,
 * or the built-in defaults; a profile applied over it; or everything from
 * a --bundle archive) and, on request, the scorer built from it (rules and
 * plugins).  It knows nothing of the command line: the CLI fills a
 * cs_session_opts from argv (cli.c), another caller (a server) fills it
 * itself.
 *
 * Errors: 0 / -1 with one line in a cs_diag (the CLI prints it as
 * "credscore: <msg>").  Warnings while loading (a disabled rule, a plugin
 * with confidence 0, ...) go to opts->log.
 */
#ifndef CS_SESSION_H
#define CS_SESSION_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "scorer.h"

typedef struct cs_session_opts {
    const char *config_path;          /* the configuration file, or NULL: discover */
    int no_config;                    /* built-in defaults only (no discovery) */
    const char *profile;              /* the config's profile to apply, or NULL */
    const char *bundle;               /* an archive of config, rules and plugins, or NULL */
    const char *const *plugin_dirs;   /* folders searched first for plugins */
    size_t nplugin_dirs;
    int no_plugins;                   /* load no plugin */
    int allow_insecure_plugins;       /* skip the plugin trust checks */
    int lenient;                      /* a failing rule is disabled, not fatal */
    int load_timeout;                 /* seconds for loading the rule files, 0 = none */
    int has_max_article;              /* max_article_mb given: it replaces... */
    long long max_article_mb;         /* ... limits.article_mb (MiB, 0 = no limit) */
    int quiet;                        /* log: errors only (else infos and warnings) */
    cs_log_fn log;                    /* warnings while loading; NULL = stderr */
    void *log_ctx;                    /* for log (ignored when log is NULL) */
} cs_session_opts;

/* Loaded configuration and (when asked) scorer. */
typedef struct cs_session {
    cs_config cfg;
    int cfg_loaded;
    cs_scorer *scorer;         /* NULL unless opened with want_scorer */
    char *bundle_dir;          /* unpacked bundle, removed on close */
} cs_session;

/* Open s: load the configuration as o says and, when want_scorer, the rules
 * and plugins (from the bundle only, when o->bundle is set).  On error s
 * holds nothing (no cs_session_close needed), d says what is wrong and -1
 * is returned; else 0. */
int cs_session_open(cs_session *s, const cs_session_opts *o, int want_scorer, cs_diag *d);

/* A second scorer of the open session s (opened with o), with a draft rule
 * file (cs_rule_draft, scorer.h): the session's rules, plugins and options
 * with the draft in place of the rule file of the same name; or, with
 * draft_only, the draft's rules alone, without plugins, as `credscore test
 * draft.lua` loads them (a check that fails is disabled, not fatal).  For
 * the playground of `credscore serve`.  The caller frees *out with
 * cs_scorer_free; it borrows s->cfg.  0, or -1 with d (the draft's errors
 * name it "draft:NAME.lua"). */
int cs_session_draft_scorer(const cs_session *s, const cs_session_opts *o,
                            const cs_rule_draft *draft, int draft_only, cs_scorer **out,
                            cs_diag *d);

/* Free what s holds and remove an unpacked bundle; s may be zeroed or
 * closed already. */
void cs_session_close(cs_session *s);

#endif
