/* session.c - load the configuration and the scorer for a command. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle.h"
#include "cli.h"
#include "paths.h"

void cs_cli_errorf(const char *fmt, ...)
{
    char with_prefix[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(with_prefix, sizeof with_prefix, "credscore: %s\n", fmt);
    if (n > 0 && (size_t)n < sizeof with_prefix) {
        vfprintf(stderr, with_prefix, ap); /* one stdio call: one write */
    } else {
        fputs("credscore: ", stderr);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
    }
    va_end(ap);
}

void cs_cli_error(const char *msg)
{
    cs_cli_errorf("%s", msg);
}

int cs_cli_use_color(const cs_cli *cli, int fd)
{
    if (cli->color >= 0)
        return cli->color;
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return 0;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(fd);
}

/* Report what is wrong with line n (text: the line, up to its newline) of
 * an unpacked bundle's MANIFEST; returns -1. */
static int manifest_error(size_t n, const char *text, const char *fmt, const char *what,
                          const char *why)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, what, why ? why : "out of memory");
    cs_cli_errorf("bundle: MANIFEST line %zu '%.*s': %s", n,
                  (int)strcspn(text, "\n") > 300 ? 300 : (int)strcspn(text, "\n"), text, msg);
    return -1;
}

/* A plugin name as plugin_host.c accepts it: 1-64 of [a-z0-9_-]. */
static int plugin_name_ok(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");
    return n > 0 && n <= 64 && s[n] == '\0';
}

/* In a bundle, plugins given by path in the configuration are the bundled
 * copies: the MANIFEST maps each original path to its plugin name (lines
 * "plugin NAME VERSION ORIGINAL"; NAME.so must be a file of the bundle's
 * plugins/ folder). */
static int relocate_plugins(cs_session *s)
{
    char *manifest_path = cs_paths_join(s->bundle_dir, "MANIFEST");
    cs_buf m = {0};
    int rc = 0;
    if (manifest_path == NULL || cs_read_file(manifest_path, &m) != 0) {
        cs_cli_error("bundle: cannot read its MANIFEST");
        rc = -1;
        goto out;
    }
    for (size_t i = 0; i < s->cfg.nplugins; i++) {
        cs_plugin_conf *pc = &s->cfg.plugins[i];
        if (pc->path == NULL)
            continue;
        char *found = NULL;
        size_t n = 1;
        for (char *line = m.data; line && *line; n++) {
            char *nl = strchr(line, '\n');
            char name[80], version[80], orig[4096];
            if (sscanf(line, "plugin %79s %79s %4095[^\n]", name, version, orig) == 3 &&
                strcmp(orig, pc->path) == 0) {
                char file[160];
                const char *why = "";
                snprintf(file, sizeof file, "plugins/%s.so", name);
                free(found);
                found = NULL;
                if (!plugin_name_ok(name) ||
                    cs_bundle_member(s->bundle_dir, file, &found, &why) != 0) {
                    rc = manifest_error(n, line, "plugin file '%s' %s", file,
                                        plugin_name_ok(name) ? why
                                                             : "is not named by a plugin name "
                                                               "([a-z0-9_-], at most 64)");
                    goto out;
                }
            }
            line = nl ? nl + 1 : NULL;
        }
        if (found == NULL) {
            cs_cli_errorf("bundle: plugin %s is not in the bundle", pc->path);
            rc = -1;
            goto out;
        }
        free(pc->path);
        pc->path = found;
    }
out:
    free(manifest_path);
    cs_buf_free(&m);
    return rc;
}

/* The rule files of an unpacked bundle, in load order, with the names they
 * had where the bundle was made (MANIFEST lines "rule REL ORIGINAL"; REL
 * must be a regular file inside the bundle folder, see cs_bundle_member). */
typedef struct bundle_rules {
    char **paths, **names;
    size_t n, cap;
} bundle_rules;

static void free_bundle_rules(bundle_rules *br)
{
    for (size_t i = 0; i < br->n; i++) {
        free(br->paths[i]);
        free(br->names[i]);
    }
    free(br->paths);
    free(br->names);
    memset(br, 0, sizeof *br);
}

/* Fill br from dir's MANIFEST; 0, or -1 after a message on stderr naming
 * the MANIFEST line at fault. */
static int read_bundle_rules(const char *dir, bundle_rules *br)
{
    char *manifest_path = cs_paths_join(dir, "MANIFEST");
    cs_buf m = {0};
    int rc = -1;
    if (manifest_path == NULL || cs_read_file(manifest_path, &m) != 0) {
        cs_cli_error("bundle: cannot read its MANIFEST");
        goto out;
    }
    size_t n = 1;
    for (char *line = m.data; line && *line; n++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(line, "rule ", 5) == 0) {
            char *sp = strchr(line + 5, ' ');
            if (sp == NULL) {
                manifest_error(n, line, "%s%s", "a rule line needs a file and a name", "");
                goto out;
            }
            *sp = '\0';
            char *path = NULL;
            const char *why = "";
            if (cs_bundle_member(dir, line + 5, &path, &why) != 0) {
                char rel[256];
                snprintf(rel, sizeof rel, "%s", line + 5);
                *sp = ' ';
                manifest_error(n, line, "rule file '%s' %s", rel, why);
                goto out;
            }
            *sp = ' ';
            size_t cap = br->cap;
            void *a = br->paths, *b = br->names;
            int grown = cs_array_grow(&a, &cap, br->n + 1, sizeof(char *)) == 0;
            if (grown)
                br->paths = a;
            cap = br->cap;
            grown = grown && cs_array_grow(&b, &cap, br->n + 1, sizeof(char *)) == 0;
            if (grown) {
                br->names = b;
                br->cap = cap;
            }
            char *name = grown ? cs_strdup(sp + 1) : NULL;
            if (name == NULL) {
                free(path);
                cs_cli_error("out of memory");
                goto out;
            }
            br->paths[br->n] = path;
            br->names[br->n] = name;
            br->n++;
        }
        line = nl ? nl + 1 : NULL;
    }
    rc = 0;
out:
    free(manifest_path);
    cs_buf_free(&m);
    return rc;
}

int cs_session_open(cs_session *s, const cs_cli *cli, int want_scorer)
{
    cs_diag d;
    memset(s, 0, sizeof *s);
    char *found = NULL;
    const char *path = cli->config_path;
    if (cli->bundle) {
        if (cs_bundle_open(cli->bundle, &s->bundle_dir, &d) != 0) {
            cs_cli_error(d.msg);
            return -1;
        }
        found = cs_paths_join(s->bundle_dir, "config.yaml");
        path = found;
    } else if (path == NULL && !cli->no_config) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) && cs_config_discover(cwd, &found, &d) < 0) {
            cs_cli_error(d.msg);
            return -1;
        }
        path = found;
    }
    if (path == NULL && cli->profile != NULL) {
        /* profiles live in a config file: without one --profile means nothing */
        cs_cli_errorf("--profile %s: %s", cli->profile,
                      cli->no_config ? "cannot be used with --no-config (profiles are defined in "
                                       "a configuration file)"
                                     : "no credscore.yaml found in this folder or above (profiles "
                                       "are defined in one; give it with --config)");
        return -1;
    }
    int rc = path ? cs_config_load_profile(&s->cfg, path, cli->profile, &d)
                  : cs_config_default(&s->cfg, &d);
    free(found);
    if (rc != 0) {
        cs_cli_error(d.msg);
        cs_config_free(&s->cfg);
        return -1;
    }
    s->cfg_loaded = 1;
    if (cli->has_max_article) /* --max-article-mb over limits.article_mb */
        s->cfg.limits.article_bytes = cli->max_article_mb * 1024 * 1024;
    if (s->bundle_dir && relocate_plugins(s) != 0) {
        cs_session_close(s);
        return -1;
    }
    if (!want_scorer)
        return 0;
    cs_scorer_opts o = {0};
    o.plugin_dirs = cli->plugin_dirs;
    o.nplugin_dirs = cli->nplugin_dirs;
    const char *bundle_plugins[1];
    char *plugins_dir = NULL;
    bundle_rules br = {0};
    if (s->bundle_dir) { /* the bundle's rules and plugins, nothing else */
        if (read_bundle_rules(s->bundle_dir, &br) != 0) {
            free_bundle_rules(&br);
            cs_session_close(s);
            return -1;
        }
        plugins_dir = cs_paths_join(s->bundle_dir, "plugins");
        bundle_plugins[0] = plugins_dir;
        static const char *const no_rules[1] = {NULL}; /* a bundle without rule files */
        o.rule_files = br.n ? (const char *const *)br.paths : no_rules;
        o.rule_names = (const char *const *)br.names;
        o.nrule_files = br.n;
        o.plugin_dirs = bundle_plugins;
        o.nplugin_dirs = 1;
    }
    o.no_plugins = cli->no_plugins;
    o.allow_insecure_plugins = cli->allow_insecure_plugins;
    o.lenient = cli->lenient;
    o.load_timeout = cli->timeout;
    static const int quiet_level = CREDSCORE_LOG_ERROR, normal_level = CREDSCORE_LOG_INFO;
    o.log = cs_log_stderr;
    o.log_ctx = (void *)(cli->quiet ? &quiet_level : &normal_level);
    int rc2 = cs_scorer_new(&s->scorer, &s->cfg, &o, &d);
    free_bundle_rules(&br);
    free(plugins_dir);
    if (rc2 != 0) {
        cs_cli_error(d.msg);
        cs_session_close(s);
        return -1;
    }
    return 0;
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

int cs_cli_check_max(const cs_cli *cli, const cs_config *cfg)
{
    for (size_t i = 0; i < cli->nmax; i++)
        if (cs_config_marker_index(cfg, cli->maxes[i].marker) < 0) {
            cs_cli_errorf("--max: unknown marker '%s'", cli->maxes[i].marker);
            return -1;
        }
    return 0;
}

int cs_cli_over_max(const cs_cli *cli, const cs_config *cfg, const cs_result *res, char *why,
                    size_t whylen)
{
    for (size_t i = 0; i < cli->nmax; i++) {
        int m = cs_config_marker_index(cfg, cli->maxes[i].marker);
        long n = 0;
        for (size_t f = 0; f < res->nfindings; f++)
            n += res->findings[f].marker == m && res->findings[f].note != CS_NOTE_DUPLICATE &&
                 res->findings[f].suppress_reason == NULL;
        if (n > cli->maxes[i].limit) {
            snprintf(why, whylen, "%ld %s finding%s, more than --max %s=%ld", n,
                     cli->maxes[i].marker, n == 1 ? "" : "s", cli->maxes[i].marker,
                     cli->maxes[i].limit);
            return 1;
        }
    }
    return 0;
}
