/*
 * plugin_host.h - loading plugins and calling them safely.
 *
 * Each configured plugin is found (by path, or by name in the search
 * folders), dlopen()ed with RTLD_NOW | RTLD_LOCAL, asked for its descriptor,
 * checked (ABI major and minor, struct size, name, version, markers,
 * required callbacks, duplicate names, world-writable files), copied into a
 * zeroed descriptor of the host's size and created with its options.  Any
 * refusal names the file and the reason; nothing is ever aborted.
 *
 * At run time host->emit drops (with a warning naming the plugin) findings
 * with an undeclared marker or a span outside the passage.
 *
 * Ownership: the set owns handles, instances and strings; cs_plugins_free
 * destroys instances and unloads.  Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_PLUGIN_HOST_H
#define CS_PLUGIN_HOST_H

#include <stddef.h>

#include "config.h"
#include "credscore/plugin.h"
#include "lua_sandbox.h"

typedef struct cs_plugin cs_plugin;

/* The scorer's side of a sink: receives every finding that passed checks.
 * `marker` is the config index, `rule_id` an interned "plugin/rule" id. */
typedef int (*cs_plugin_accept)(void *ctx, cs_plugin *pl, int marker, const char *rule_id,
                                const credscore_finding *f);

struct credscore_sink {
    cs_plugin *plugin;
    size_t passage_len;
    cs_plugin_accept accept;
    void *ctx;
    const char *passage_text; /* the passage (valid UTF-8): spans must not split a character */
};

struct cs_plugin {
    void *handle;
    char *path;               /* the file loaded */
    char *source;             /* "plugin:NAME" */
    credscore_plugin desc;    /* host-sized copy */
    credscore_host host;      /* this plugin's host API (host_data -> this) */
    credscore_options options;
    void *instance;
    int *markers;             /* config index of each declared marker */
    size_t nmarkers;
    char **rule_ids;          /* interned "name/rule" strings */
    size_t nrule_ids, rule_ids_cap;
    unsigned warnings;        /* run-time warnings issued (rate limit) */
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

/* Load one plugin file (used by cs_plugins_load and the tests). */
int cs_plugin_open(cs_plugin_set *ps, const cs_config *cfg, const char *path,
                   const credscore_options *options, const cs_plugin_load_opts *o, cs_diag *d);

void cs_plugins_free(cs_plugin_set *ps);

#endif
