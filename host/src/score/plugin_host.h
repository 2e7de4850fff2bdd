/*
 * plugin_host.h - loading plugins and calling them safely.
 *
 * Each configured plugin is found (by path, or by name in the search
 * folders), dlopen()ed with RTLD_NOW | RTLD_LOCAL, asked for its descriptor,
 * checked (ABI major and minor, struct size, name, version, markers,
 * declared options and rules, required callbacks, duplicate names,
 * world-writable files), copied into a zeroed descriptor of the host's size,
 * its `options:` checked against the options it declares, and created with
 * them.  Any refusal names the file (or the config line) and the reason;
 * nothing is ever aborted.
 *
 * Each plugin's cs_plugin (and so its credscore_host) is allocated before
 * the entry is called and never moves: the host pointer a plugin is given
 * stays valid until its destroy returns.
 *
 * At run time host->emit drops (with a warning naming the plugin) findings
 * with an undeclared marker or a span outside the passage, and warns once
 * per plugin and run (workers included) about a finding of confidence 0;
 * host->set_error keeps the
 * reason of a failing score_passage in the sink.
 *
 * Ownership: the set owns handles, instances and strings; cs_plugins_free
 * destroys instances and unloads.  Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_PLUGIN_HOST_H
#define CS_PLUGIN_HOST_H

#include <stdatomic.h>
#include <stddef.h>

#include "config.h"
#include "credscore/plugin.h"
#include "lua_sandbox.h"

typedef struct cs_plugin cs_plugin;

/* The scorer's side of a sink: receives every finding that passed checks.
 * `marker` is the config index, `rule_id` an interned "plugin/rule" id. */
typedef int (*cs_plugin_accept)(void *ctx, cs_plugin *pl, int marker, const char *rule_id,
                                const credscore_finding *f);

/* Longest reason kept from host->set_error. */
#define CS_PLUGIN_ERROR_MAX 300

struct credscore_sink {
    cs_plugin *plugin;
    size_t passage_len;
    cs_plugin_accept accept;
    void *ctx;
    const char *passage_text; /* the passage (valid UTF-8): spans must not split a character */
    char error[CS_PLUGIN_ERROR_MAX + 1]; /* set_error's reason, "" when none */
};

struct cs_plugin {
    void *handle;
    char *path;               /* the file loaded */
    char *source;             /* "plugin:NAME" */
    char *crash_note;         /* "plugin NAME", the scorer's crash note while it runs */
    size_t crash_note_len;
    credscore_plugin desc;    /* host-sized copy */
    credscore_host host;      /* this plugin's host API (host_data -> this) */
    credscore_options options;
    void *instance;
    int *markers;             /* config index of each declared marker */
    size_t nmarkers;
    char **rule_ids;          /* interned "name/rule" strings */
    size_t nrule_ids, rule_ids_cap;
    size_t noptions;          /* entries of desc.options (0 when NULL) */
    size_t nrules;            /* entries of desc.rules (0 when NULL) */
    unsigned warnings;        /* run-time warnings issued (rate limit) */
    /* The confidence-0 warning was given: a page shared with the workers
     * forked after loading (one warning per run), or warned_local. */
    atomic_int *warned_zero;
    atomic_int warned_local;
    cs_log_fn log;
    void *log_ctx;
};

typedef struct cs_plugin_set {
    cs_plugin **items; /* each plugin allocated alone: its host struct never moves */
    size_t n, cap;
} cs_plugin_set;

typedef struct cs_plugin_load_opts {
    const char *const *search_dirs; /* tried in order for plugins given by name */
    size_t nsearch_dirs;
    int allow_insecure;             /* accept world-writable plugin files/folders */
    cs_log_fn log;
    void *log_ctx;
} cs_plugin_load_opts;

/* Load every plugin of the config. */
int cs_plugins_load(cs_plugin_set *ps, const cs_config *cfg, const cs_plugin_load_opts *o,
                    cs_diag *d);

/* Load one plugin file (used by cs_plugins_load and the tests); pc, the
 * config entry (options, and the file they come from), may be NULL. */
int cs_plugin_open(cs_plugin_set *ps, const cs_config *cfg, const char *path,
                   const cs_plugin_conf *pc, const cs_plugin_load_opts *o, cs_diag *d);

/* The declared rule `rule` (the part after "NAME/") of pl, or NULL. */
const credscore_rule_info *cs_plugin_rule_info(const cs_plugin *pl, const char *rule);

/* The plugin of a "NAME/rule" id (ps may be NULL), or NULL; *info gets the
 * rule's declared info, or NULL. */
const cs_plugin *cs_plugins_find_rule(const cs_plugin_set *ps, const char *rule_id,
                                      const credscore_rule_info **info);

void cs_plugins_free(cs_plugin_set *ps);

#endif
