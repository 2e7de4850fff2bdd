/* cli.c - what every command shares: error lines, the colour choice, the
 * session and the gates opened with the command line's options, the
 * --timeout guard. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "discover.h"

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

void cs_cli_session_opts(const cs_cli *cli, cs_session_opts *o)
{
    memset(o, 0, sizeof *o);
    o->config_path = cli->config_path;
    o->no_config = cli->no_config;
    o->profile = cli->profile;
    o->bundle = cli->bundle;
    o->plugin_dirs = cli->plugin_dirs;
    o->nplugin_dirs = cli->nplugin_dirs;
    o->no_plugins = cli->no_plugins;
    o->allow_insecure_plugins = cli->allow_insecure_plugins;
    o->lenient = cli->lenient;
    o->load_timeout = cli->timeout;
    o->has_max_article = cli->has_max_article;
    o->max_article_mb = cli->max_article_mb;
    o->quiet = cli->quiet;
}

int cs_cli_open_session(cs_session *s, const cs_cli *cli, int want_scorer)
{
    cs_session_opts o;
    cs_diag d;
    cs_cli_session_opts(cli, &o);
    if (cs_session_open(s, &o, want_scorer, &d) != 0) {
        cs_cli_error(d.msg);
        return -1;
    }
    return 0;
}

int cs_cli_open_gate(cs_gate *g, const cs_cli *cli, const cs_config *cfg, int with_narrowing)
{
    cs_gate_opts o = {.has_fail_under = cli->has_fail_under,
                      .fail_under = cli->fail_under,
                      .maxes = cli->maxes,
                      .nmax = cli->nmax,
                      .baseline = with_narrowing ? cli->baseline : NULL,
                      .diff_base = with_narrowing ? cli->diff_base : NULL};
    cs_diag d;
    if (cs_gate_open(g, cfg, &o, &d) != 0) {
        cs_cli_error(d.msg);
        return -1;
    }
    return 0;
}

int cs_cli_guarded(const cs_cli *cli, cs_guard_fn fn, void *ctx)
{
    cs_diag d;
    int code = cs_guard_run(cli->timeout, fn, ctx, NULL, NULL, &d);
    if (code < 0) {
        cs_cli_error(d.msg);
        return CS_EXIT_ERROR;
    }
    return code;
}

void cs_cli_walk_warning(void *ctx, const char *msg)
{
    if (!((const cs_cli *)ctx)->quiet)
        cs_cli_errorf("warning: %s", msg);
}

/* An operand that gives no article (ctx: unused). */
static void operand_error(void *ctx, const char *msg)
{
    cs_cli_error(msg);
}

int cs_cli_collect(const cs_cli *cli, const cs_session *ses, cs_path_list *l)
{
    cs_diag d;
    cs_discover_opts o = {&ses->cfg, ses->cfg.path && !ses->bundle_dir ? ses->cfg.dir : NULL,
                          cs_cli_walk_warning, operand_error, (void *)cli};
    int rc = cs_discover_articles(&o, cli->args, cli->nargs, l, &d);
    if (rc < 0)
        cs_cli_error(d.msg);
    return rc;
}

int cs_cli_check_output(const cs_cli *cli, const cs_session *ses, const char *output,
                        char *const *inputs, size_t n)
{
    cs_out_guard g;
    cs_diag d;
    cs_out_guard_init(&g, output);
    if (!g.armed)
        return 0;
    int clash = 0;
    for (size_t i = 0; i < n && !clash; i++)
        clash = cs_out_guard_check(&g, inputs[i], &d) != 0;
    if (!clash && cli->baseline)
        clash = cs_out_guard_check(&g, cli->baseline, &d) != 0;
    if (!clash && ses->cfg_loaded && ses->cfg.path)
        clash = cs_out_guard_check(&g, ses->cfg.path, &d) != 0;
    if (!clash && ses->scorer) {
        const char *const *rules;
        size_t nrules = cs_scorer_rule_files(ses->scorer, &rules);
        for (size_t i = 0; i < nrules && !clash; i++)
            clash = cs_out_guard_check(&g, rules[i], &d) != 0;
        const cs_plugin_set *ps = cs_scorer_plugins(ses->scorer);
        for (size_t i = 0; i < ps->n && !clash; i++)
            clash = cs_out_guard_check(&g, ps->items[i]->path, &d) != 0;
    }
    if (clash)
        cs_cli_error(d.msg);
    return clash ? -1 : 0;
}
