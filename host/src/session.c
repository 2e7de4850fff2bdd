/* session.c - load the configuration and the scorer for a command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cs_cli_error(const char *msg)
{
    fprintf(stderr, "credscore: %s\n", msg);
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

int cs_session_open(cs_session *s, const cs_cli *cli, int want_scorer)
{
    cs_diag d;
    memset(s, 0, sizeof *s);
    char *found = NULL;
    const char *path = cli->config_path;
    if (path == NULL && !cli->no_config) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) && cs_config_find(cwd, &found) < 0) {
            cs_cli_error("out of memory");
            return -1;
        }
        path = found;
    }
    int rc = path ? cs_config_load(&s->cfg, path, &d) : cs_config_default(&s->cfg, &d);
    free(found);
    if (rc != 0) {
        cs_cli_error(d.msg);
        cs_config_free(&s->cfg);
        return -1;
    }
    s->cfg_loaded = 1;
    if (!want_scorer)
        return 0;
    cs_scorer_opts o = {0};
    o.plugin_dirs = cli->plugin_dirs;
    o.nplugin_dirs = cli->nplugin_dirs;
    o.no_plugins = cli->no_plugins;
    o.allow_insecure_plugins = cli->allow_insecure_plugins;
    o.lenient = cli->lenient;
    static const int quiet_level = CREDSCORE_LOG_ERROR, normal_level = CREDSCORE_LOG_INFO;
    o.log = cs_log_stderr;
    o.log_ctx = (void *)(cli->quiet ? &quiet_level : &normal_level);
    if (cs_scorer_new(&s->scorer, &s->cfg, &o, &d) != 0) {
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
}

int cs_cli_check_max(const cs_cli *cli, const cs_config *cfg)
{
    for (size_t i = 0; i < cli->nmax; i++)
        if (cs_config_marker_index(cfg, cli->maxes[i].marker) < 0) {
            fprintf(stderr, "credscore: --max: unknown marker '%s'\n", cli->maxes[i].marker);
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
