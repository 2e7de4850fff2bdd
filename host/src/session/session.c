/* session.c - load the configuration and the scorer a run scores with. */
#include "session.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle.h"
#include "paths.h"

/* The configuration file o names: the bundle's, o->config_path, or one
 * found upwards from the working folder (*found: a malloc'd path to free);
 * NULL for the built-in defaults.  -1 with d on a discovery error. */
static int config_path(cs_session *s, const cs_session_opts *o, const char **path,
                       char **found, cs_diag *d)
{
    *found = NULL;
    *path = o->config_path;
    if (o->bundle) {
        if (cs_bundle_open(o->bundle, &s->bundle_dir, d) != 0)
            return -1;
        *path = *found = cs_paths_join(s->bundle_dir, "config.yaml");
    } else if (*path == NULL && !o->no_config) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) && cs_config_discover(cwd, found, d) < 0)
            return -1;
        *path = *found;
    }
    if (*path == NULL && o->profile != NULL) /* profiles live in a config file */
        return cs_diag_set(d, "--profile %s: %s", o->profile,
                           o->no_config ? "cannot be used with --no-config (profiles are defined "
                                          "in a configuration file)"
                                        : "no credscore.yaml found in this folder or above "
                                          "(profiles are defined in one; give it with --config)");
    return 0;
}

/* Build a scorer from s->cfg (or the bundle's rules and plugins) into
 * *out; with a draft, as cs_session_draft_scorer says. */
static int open_scorer(const cs_session *s, const cs_session_opts *o, const cs_rule_draft *draft,
                       int draft_only, cs_scorer **out, cs_diag *d)
{
    static const char *const no_rules[1] = {NULL};
    cs_scorer_opts so = {0};
    so.plugin_dirs = o->plugin_dirs;
    so.nplugin_dirs = o->nplugin_dirs;
    const char *bundle_plugins[1];
    char *plugins_dir = NULL;
    cs_bundle_rules br = {0};
    int rc = -1;
    if (s->bundle_dir) { /* the bundle's rules and plugins, nothing else */
        if (cs_bundle_read_rules(s->bundle_dir, &br, d) != 0)
            goto out;
        plugins_dir = cs_paths_join(s->bundle_dir, "plugins");
        bundle_plugins[0] = plugins_dir;
        so.rule_files = br.n ? (const char *const *)br.paths : no_rules;
        so.rule_names = (const char *const *)br.names;
        so.nrule_files = br.n;
        so.plugin_dirs = bundle_plugins;
        so.nplugin_dirs = 1;
    }
    so.no_plugins = o->no_plugins;
    so.allow_insecure_plugins = o->allow_insecure_plugins;
    so.lenient = o->lenient;
    so.load_timeout = o->load_timeout;
    static const int quiet_level = CREDSCORE_LOG_ERROR, normal_level = CREDSCORE_LOG_INFO;
    so.log = o->log ? o->log : cs_log_stderr;
    so.log_ctx = o->log ? o->log_ctx : (void *)(o->quiet ? &quiet_level : &normal_level);
    so.draft = draft;
    if (draft_only) { /* as `credscore test draft.lua` */
        so.rule_files = no_rules;
        so.rule_names = NULL;
        so.nrule_files = 0;
        so.no_plugins = 1;
        so.skip_override_check = 1;
        so.verify_needs_starts = 1;
        so.lenient = 1;
        so.quiet_disable = 1;
    }
    rc = cs_scorer_new(out, &s->cfg, &so, d);
out:
    cs_bundle_rules_free(&br);
    free(plugins_dir);
    return rc;
}

int cs_session_open(cs_session *s, const cs_session_opts *o, int want_scorer, cs_diag *d)
{
    memset(s, 0, sizeof *s);
    const char *path;
    char *found;
    if (config_path(s, o, &path, &found, d) != 0) {
        free(found);
        goto fail;
    }
    int rc = path ? cs_config_load_profile(&s->cfg, path, o->profile, d)
                  : cs_config_default(&s->cfg, d);
    free(found);
    if (rc != 0) {
        cs_config_free(&s->cfg);
        goto fail;
    }
    s->cfg_loaded = 1;
    if (o->has_max_article) /* max_article_mb over limits.article_mb */
        s->cfg.limits.article_bytes = o->max_article_mb * 1024 * 1024;
    if (s->bundle_dir && cs_bundle_relocate_plugins(s->bundle_dir, &s->cfg, d) != 0)
        goto fail;
    if (want_scorer && open_scorer(s, o, NULL, 0, &s->scorer, d) != 0)
        goto fail;
    return 0;
fail:
    cs_session_close(s);
    return -1;
}

int cs_session_draft_scorer(const cs_session *s, const cs_session_opts *o,
                            const cs_rule_draft *draft, int draft_only, cs_scorer **out,
                            cs_diag *d)
{
    *out = NULL;
    return open_scorer(s, o, draft, draft_only, out, d);
}

void cs_session_close(cs_session *s)
{
    cs_scorer_free(s->scorer);
    s->scorer = NULL;
    if (s->cfg_loaded)
        cs_config_free(&s->cfg);
    s->cfg_loaded = 0;
    if (s->bundle_dir) {
        cs_bundle_remove(s->bundle_dir);
        free(s->bundle_dir);
        s->bundle_dir = NULL;
    }
}
