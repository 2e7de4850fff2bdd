/* cmd_test.c - `credscore test [RULE FILES|FOLDERS|FIXTURES...]`: the
 * rules' examples and annotated fixture articles (the runner:
 * rule_tests.h); the run ends with "N passed, M failed" and exits 1 when
 * anything failed.
 *
 * Which rules: the rule files and folders given, else the configuration's
 * (the bundled pack for "@default"); --with-pack loads the configuration's
 * rules as well as the given ones.  Whose examples run: those of the rules
 * loaded, except when only fixtures are given (then none, unless
 * --with-pack).  The configuration is searched upwards from the first path
 * tested, not from the current folder (--config, --no-config and --bundle
 * as usual); paths under different configurations are refused.
 *
 * A check that fails at run time is reported once, as one failure naming
 * the rule and the place of the error ("FAIL file:line: rule 'id': ..."),
 * and disabled: the other rules' examples and the fixtures still run.  An
 * example or fixture that runs over --timeout stops the run (exit 2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "discover.h"
#include "paths.h"
#include "rule_tests.h"

static int is_rule_file(const char *p)
{
    size_t n = strlen(p);
    return n > 4 && strcmp(p + n - 4, ".lua") == 0;
}

/* Split the operands: rule files and folders holding rules into
 * rules[0..*nr), fixture articles (also those of the folders) into
 * fixtures.  0, or -1 after a message. */
static int split_operands(const cs_cli *cli, const char **rules, size_t *nr,
                          cs_path_list *fixtures)
{
    for (size_t i = 0; i < cli->nargs; i++) {
        const char *a = cli->args[i];
        struct stat st;
        if (stat(a, &st) != 0) {
            cs_cli_errorf("%s: cannot open", a);
            return -1;
        }
        int oom = 0;
        if (S_ISDIR(st.st_mode)) {
            /* A folder: its *.lua are rules, its *.md / *.html fixtures. */
            char **lua = NULL;
            size_t nl = 0;
            if (cs_paths_list(a, ".lua", &lua, &nl) != 0) {
                cs_cli_errorf("%s: cannot read the folder: %s", a, strerror(errno));
                return -1;
            }
            if (nl)
                rules[(*nr)++] = a;
            cs_paths_free_list(lua, nl);
            oom = cs_discover_fixtures(a, cs_cli_walk_warning, (void *)cli, fixtures) != 0;
        } else if (is_rule_file(a)) {
            rules[(*nr)++] = a;
        } else {
            oom = cs_path_list_add(fixtures, a) != 0;
        }
        if (oom) {
            cs_cli_error("out of memory");
            return -1;
        }
    }
    return 0;
}

/* The session to test with: the configuration found from the tested paths
 * (cs_rule_tests_config) unless --config, --no-config or --bundle say
 * otherwise; no scorer yet.  0, or -1 after a message. */
static int open_test_session(const cs_cli *cli, cs_session *ses)
{
    cs_session_opts so;
    cs_diag d;
    char *config = NULL;
    cs_cli_session_opts(cli, &so);
    if (cli->config_path == NULL && !cli->no_config && cli->bundle == NULL && cli->nargs > 0) {
        if (cs_rule_tests_config(cli->args, cli->nargs, &config, &d) != 0) {
            cs_cli_error(d.msg);
            return -1;
        }
        so.config_path = config;
        so.no_config = config == NULL;
    }
    int rc = cs_session_open(ses, &so, 0, &d);
    free(config);
    if (rc != 0)
        cs_cli_error(d.msg);
    return rc;
}

/* Build ses's scorer from the rules given (with --with-pack after the
 * configuration's; none given: the configuration's), lenient and quiet
 * about a broken check (the runner reports it).  *load: a list to free.
 * 0, or -1 after a message. */
static int build_scorer(const cs_cli *cli, cs_session *ses, const char **rules, size_t nr,
                        const char ***load)
{
    cs_scorer_opts o = {0};
    size_t nload = 0;
    cs_diag d;
    if (nr > 0 && cli->with_pack) { /* the configuration's rules, then the given ones */
        *load = calloc(ses->cfg.nrule_paths + nr + 1, sizeof(char *));
        if (*load == NULL) {
            cs_cli_error("out of memory");
            return -1;
        }
        for (size_t i = 0; i < ses->cfg.nrule_paths; i++)
            (*load)[nload++] = ses->cfg.rule_paths[i];
        for (size_t i = 0; i < nr; i++)
            (*load)[nload++] = rules[i];
    }
    o.rule_files = *load ? *load : nr ? rules : NULL;
    o.nrule_files = *load ? nload : nr;
    o.skip_override_check = nr > 0 && !cli->with_pack; /* the config's rules are not loaded */
    o.plugin_dirs = cli->plugin_dirs;
    o.nplugin_dirs = cli->nplugin_dirs;
    o.no_plugins = cli->no_plugins;
    o.allow_insecure_plugins = cli->allow_insecure_plugins;
    o.load_timeout = cli->timeout;
    o.verify_needs_starts = 1; /* a wrong starts_with_needs fails its examples */
    o.lenient = 1; /* a broken check is reported once (rule_tests.h), the rest still runs */
    o.quiet_disable = 1;
    static const int quiet_level = CREDSCORE_LOG_ERROR, normal_level = CREDSCORE_LOG_INFO;
    o.log = cs_log_stderr;
    o.log_ctx = (void *)(cli->quiet ? &quiet_level : &normal_level);
    if (cs_scorer_new(&ses->scorer, &ses->cfg, &o, &d) != 0) {
        cs_cli_error(d.msg);
        return -1;
    }
    return 0;
}

/* The guarded body: every example and fixture scored under --timeout. */
static int test(void *vctx, cs_guard *g)
{
    const cs_cli *cli = vctx;
    const char **rules = calloc(cli->nargs + 1, sizeof(char *));
    const char **load = NULL;
    cs_path_list fixtures = {0};
    size_t nr = 0;
    int code = CS_EXIT_ERROR, open = 0, tests = 0;
    cs_session ses;
    cs_rule_tests t;
    cs_diag d;
    if (!rules) {
        cs_cli_error("out of memory");
        goto out;
    }
    if (split_operands(cli, rules, &nr, &fixtures) != 0 || open_test_session(cli, &ses) != 0)
        goto out;
    open = 1;
    if (build_scorer(cli, &ses, rules, nr, &load) != 0)
        goto out;
    cs_scorer_set_crash_note(ses.scorer, cs_guard_note(g), CS_GUARD_NOTE_MAX);
    if (cs_rule_tests_init(&t, &ses, g, stdout, !cli->quiet, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    tests = 1;
    /* only fixtures given: their tests alone, unless --with-pack */
    if (!(nr == 0 && fixtures.n > 0 && !cli->with_pack))
        cs_rule_tests_examples(&t);
    for (size_t i = 0; i < fixtures.n; i++)
        cs_rule_tests_fixture(&t, fixtures.items[i], cli->input_format);
    printf("%zu passed, %zu failed\n", t.passed, t.failed);
    code = t.failed ? CS_EXIT_THRESHOLD : CS_EXIT_OK;
out:
    if (tests)
        cs_rule_tests_free(&t);
    if (open)
        cs_session_close(&ses);
    cs_path_list_free(&fixtures);
    free(rules);
    free(load);
    return code;
}

int cs_cmd_test(const cs_cli *cli)
{
    return cs_cli_guarded(cli, test, (void *)cli);
}
