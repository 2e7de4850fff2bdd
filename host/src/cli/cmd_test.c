/* cmd_test.c - `credscore test [RULE FILES|FOLDERS|FIXTURES...]`.
 *
 * Two kinds of test, one runner:
 *  - every rule's `examples`: each `hit` sentence must produce a finding of
 *    that rule, each `miss` sentence none;
 *  - annotated fixture articles (.md, .html): a comment line
 *        <!-- expect: anonymous, unverified -->      (or: expect: none)
 *    states the exact set of markers (from rules AND plugins) of the passage
 *    that starts on the next non-blank line.
 * Failures print expected vs found markers with their spans; the run ends
 * with "N passed, M failed" and exits 1 when anything failed.
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
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "paths.h"
#include "report.h"
#include "rule_examples.h"

typedef struct tally {
    size_t passed, failed;
} tally;

static int is_rule_file(const char *p)
{
    size_t n = strlen(p);
    return n > 4 && strcmp(p + n - 4, ".lua") == 0;
}

static void print_found(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                        size_t passage, const char *only_rule)
{
    int any = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (f->passage != passage || (only_rule && strcmp(f->rule_id, only_rule) != 0))
            continue;
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]);
        printf("      found %s at %d:%d-%d:%d \"%.*s\" [%s]\n", cfg->markers[f->marker].name,
               pos.line, pos.col, pos.end_line, pos.end_col, (int)(f->end - f->start),
               text + f->start, f->rule_id);
        any = 1;
    }
    if (!any)
        printf("      found nothing%s\n", only_rule ? " from this rule" : "");
}

/* Report each rule disabled since the last call (a check that failed at
 * run time) once, as one failure; reported[i] remembers rule i. */
static void report_broken(cs_session *ses, char *reported, tally *t)
{
    const cs_ruleset *rs = cs_scorer_rules(ses->scorer);
    for (size_t i = 0; i < rs->nrules; i++) {
        const cs_rule *r = &rs->rules[i];
        if (!r->failed || reported[i])
            continue;
        reported[i] = 1;
        t->failed++;
        if (r->fail_reason != NULL && strstr(r->fail_reason, r->id) != NULL)
            printf("FAIL %s; the rule is disabled for the rest of the run\n", r->fail_reason);
        else
            printf("FAIL %s: rule '%s': %s; the rule is disabled for the rest of the run\n",
                   r->source, r->id, r->fail_reason ? r->fail_reason : "it failed");
    }
}

static void run_examples(cs_session *ses, cs_guard *g, tally *t, cs_result *res, int verbose,
                         char *reported)
{
    const cs_ruleset *rs = cs_scorer_rules(ses->scorer);
    for (size_t i = 0; i < rs->nrules; i++) {
        const cs_rule *r = &rs->rules[i];
        size_t ok_here = 0, bad_here = 0;
        if (r->failed)
            continue; /* broken by an earlier example: reported once */
        for (int kind = 0; kind < 2 && !r->failed; kind++) {
            char **ex = kind == 0 ? r->hit_examples : r->miss_examples;
            size_t n = kind == 0 ? r->nhit_examples : r->nmiss_examples;
            for (size_t k = 0; k < n; k++) {
                cs_document doc;
                cs_diag d;
                char label[CS_GUARD_LABEL_MAX];
                snprintf(label, sizeof label, "%s %s: %s example %zu", r->source, r->id,
                         kind == 0 ? "hit" : "miss", k + 1);
                cs_guard_begin(g, label);
                int rc = cs_example_score(ses->scorer, r, ex[k], &doc, res, &d);
                cs_guard_end(g);
                report_broken(ses, reported, t);
                if (r->failed) { /* this rule broke on its own example */
                    cs_document_free(&doc);
                    break;
                }
                if (rc != 0) {
                    printf("FAIL %s %s: %s example %zu could not be scored: %s\n", r->source,
                           r->id, kind == 0 ? "hit" : "miss", k + 1, d.msg);
                    bad_here++;
                    cs_document_free(&doc);
                    continue;
                }
                if (cs_example_fired(res, r) == (kind == 0)) {
                    ok_here++;
                } else {
                    bad_here++;
                    printf("FAIL %s %s: %s example %zu %s\n", r->source, r->id,
                           kind == 0 ? "hit" : "miss", k + 1,
                           kind == 0 ? "did not fire" : "fired");
                    printf("    \"%s\"\n", ex[k]);
                    printf("      expected %s%s from this rule\n", kind == 0 ? "" : "no ",
                           ses->cfg.markers[r->marker].name);
                    for (size_t p = 0; p < doc.npassages; p++)
                        print_found(&doc, res, &ses->cfg, p, kind == 0 ? NULL : r->id);
                }
                cs_document_free(&doc);
            }
        }
        t->passed += ok_here;
        t->failed += bad_here;
        if (r->failed)
            continue;
        if (verbose && (ok_here || bad_here))
            printf("%s %s %s: %zu example%s\n", bad_here ? "FAIL" : "ok  ", r->source, r->id,
                   ok_here + bad_here, ok_here + bad_here == 1 ? "" : "s");
    }
}

/* Parse "<!-- expect: a, b -->" on a line; returns 1 and fills a marker
 * bit set (bit i = config marker i), 0 when the line is no annotation,
 * -1 on an unknown marker (message printed). */
static int parse_expect(const char *line, size_t len, const cs_config *cfg, unsigned long long *set,
                        const char *path, int lineno)
{
    const char *p = line, *end = line + len;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *open = "<!--";
    if ((size_t)(end - p) < 4 || strncmp(p, open, 4) != 0)
        return 0;
    p += 4;
    while (p < end && *p == ' ')
        p++;
    if ((size_t)(end - p) < 7 || strncmp(p, "expect:", 7) != 0)
        return 0;
    p += 7;
    const char *close = strstr(p, "-->");
    if (close == NULL || close > end)
        return 0;
    *set = 0;
    while (p < close) {
        while (p < close && (*p == ' ' || *p == ','))
            p++;
        const char *w = p;
        while (p < close && *p != ' ' && *p != ',')
            p++;
        if (p == w)
            break;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(p - w), w);
        if (strcmp(name, "none") == 0)
            continue;
        int m = cs_config_marker_index(cfg, name);
        if (m < 0) {
            printf("FAIL %s:%d: unknown marker '%s' in the annotation\n", path, lineno, name);
            return -1;
        }
        *set |= 1ull << m;
    }
    return 1;
}

static void print_set(const cs_config *cfg, unsigned long long set)
{
    if (set == 0) {
        printf("none");
        return;
    }
    int first = 1;
    for (size_t m = 0; m < cfg->nmarkers; m++)
        if (set & (1ull << m)) {
            printf("%s%s", first ? "" : ", ", cfg->markers[m].name);
            first = 0;
        }
}

static void run_fixture(cs_session *ses, cs_guard *g, const char *path, tally *t, cs_result *res,
                        int verbose, cs_format fmt, char *reported)
{
    cs_document doc;
    cs_diag d;
    cs_guard_begin(g, path);
    int loaded = cs_document_load_file_max(&doc, path, fmt, ses->cfg.limits.article_bytes,
                                           &d) == 0;
    int rc = loaded ? cs_scorer_score(ses->scorer, &doc, res, &d) : -1;
    cs_guard_end(g);
    if (loaded)
        report_broken(ses, reported, t);
    if (rc != 0) {
        printf("FAIL %s: %s\n", path, d.msg);
        t->failed++;
        cs_document_free(&doc);
        return;
    }
    const char *s = doc.source.data;
    size_t len = doc.source.len, start = 0;
    int lineno = 0, pending = 0, pending_line = 0;
    unsigned long long want = 0;
    size_t ok_here = 0, bad_here = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\n')
            continue;
        lineno++;
        size_t ll = i - start;
        unsigned long long set;
        int a = parse_expect(s + start, ll, &ses->cfg, &set, path, lineno);
        if (a < 0) {
            bad_here++;
        } else if (a == 1) {
            if (pending) {
                printf("FAIL %s:%d: annotation followed by no passage\n", path, pending_line);
                bad_here++;
            }
            pending = 1;
            pending_line = lineno;
            want = set;
        } else if (pending) {
            /* The passage that starts on this line, if any. */
            size_t p;
            for (p = 0; p < doc.npassages; p++) {
                int l, c;
                cs_doc_line_col(&doc, doc.passages[p].src_start, &l, &c);
                if (l == lineno)
                    break;
            }
            int blank = 1;
            for (size_t k = start; k < i; k++)
                if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
                    blank = 0;
            if (p < doc.npassages) {
                unsigned long long got = 0;
                for (size_t f = 0; f < res->nfindings; f++)
                    if (res->findings[f].passage == p)
                        got |= 1ull << res->findings[f].marker;
                if (got == want) {
                    ok_here++;
                } else {
                    bad_here++;
                    printf("FAIL %s:%d: expected ", path, lineno);
                    print_set(&ses->cfg, want);
                    printf("; found ");
                    print_set(&ses->cfg, got);
                    printf("\n");
                    print_found(&doc, res, &ses->cfg, p, NULL);
                }
                pending = 0;
            } else if (!blank) {
                printf("FAIL %s:%d: annotation is not followed by a passage start\n", path,
                       pending_line);
                bad_here++;
                pending = 0;
            }
        }
        start = i + 1;
    }
    if (pending) {
        printf("FAIL %s:%d: annotation at the end of the file\n", path, pending_line);
        bad_here++;
    }
    if (verbose || bad_here)
        printf("%s %s: %zu annotated passage%s\n", bad_here ? "FAIL" : "ok  ", path,
               ok_here + bad_here, ok_here + bad_here == 1 ? "" : "s");
    t->passed += ok_here;
    t->failed += bad_here;
    cs_document_free(&doc);
}

/* Append folder dir's fixtures to l: its *.md files, then its *.html (not
 * in sub-folders), each sorted, each real file once; a dangling link or an
 * unreadable entry is a warning (cs_paths_walk).  0, or -1 when out of
 * memory. */
static int list_fixtures(const cs_cli *cli, const char *dir, cs_path_list *l)
{
    static const char *const exts[] = {".md", ".html", NULL};
    cs_walk w = {.exts = exts, .max_depth = 0, .warn = cs_cli_walk_warning, .warn_ctx = (void *)cli};
    size_t before = l->n;
    int rc = cs_paths_walk(&w, dir, l) < 0 ? -1 : 0;
    cs_walk_free(&w);
    /* The .md files first (a stable partition of the sorted list). */
    size_t n = l->n - before, k = 0;
    char **tmp = n ? malloc(n * sizeof *tmp) : NULL;
    if (n && tmp == NULL)
        return -1;
    for (int html = 0; html < 2; html++)
        for (size_t i = before; i < l->n; i++) {
            size_t len = strlen(l->items[i]);
            int is_md = len >= 3 && strcasecmp(l->items[i] + len - 3, ".md") == 0;
            if (is_md != html)
                tmp[k++] = l->items[i];
        }
    if (n)
        memcpy(l->items + before, tmp, n * sizeof *tmp);
    free(tmp);
    return rc;
}

/* The folder the configuration of a tested path is searched from: the
 * path itself when it is a folder, else the folder holding it (malloc'd). */
static char *search_start(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return cs_strdup(path);
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return cs_strdup(".");
    if (slash == path)
        return cs_strdup("/");
    cs_buf b = {0};
    if (cs_buf_printf(&b, "%.*s", (int)(slash - path), path) != 0) {
        cs_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The configuration for the tested paths: searched upwards from each of
 * them (not from the current folder), which must all find the same one.
 * *out: the file (malloc'd) or NULL when none is found.  0, or -1 after
 * a message. */
static int find_test_config(const cs_cli *cli, char **out)
{
    *out = NULL;
    for (size_t i = 0; i < cli->nargs; i++) {
        char *start = search_start(cli->args[i]), *found = NULL;
        cs_diag d;
        if (start == NULL) {
            cs_cli_error("out of memory");
            goto fail;
        }
        int rc = cs_config_discover(start, &found, &d);
        free(start);
        if (rc < 0) {
            cs_cli_error(d.msg);
            goto fail;
        }
        if (i == 0) {
            *out = found;
            continue;
        }
        int same = (found == NULL && *out == NULL) ||
                   (found != NULL && *out != NULL && strcmp(found, *out) == 0);
        if (!same) {
            cs_cli_errorf("test: %s and %s are under different configurations (%s, %s): "
                          "test them separately, or name one with --config",
                          cli->args[0], cli->args[i], *out ? *out : "none",
                          found ? found : "none");
            free(found);
            goto fail;
        }
        free(found);
    }
    return 0;
fail:
    free(*out);
    *out = NULL;
    return -1;
}

/* The guarded body: every example and fixture scored under --timeout. */
static int test(void *vctx, cs_guard *g)
{
    const cs_cli *cli = vctx;
    /* Split operands: rule files/folders of rules vs fixture articles. */
    const char **rules = calloc(cli->nargs + 1, sizeof(char *));
    const char **load = NULL;
    char *reported = NULL, *config = NULL;
    cs_path_list fixtures = {0};
    size_t nr = 0;
    int code = CS_EXIT_ERROR;
    cs_session ses;
    int open = 0;
    cs_result res;
    cs_result_init(&res);
    if (!rules) {
        cs_cli_error("out of memory");
        goto out;
    }
    for (size_t i = 0; i < cli->nargs; i++) {
        const char *a = cli->args[i];
        struct stat st;
        if (stat(a, &st) != 0) {
            cs_cli_errorf("%s: cannot open", a);
            goto out;
        }
        int oom = 0;
        if (S_ISDIR(st.st_mode)) {
            /* A folder: its *.lua are rules, its *.md / *.html fixtures. */
            char **lua = NULL;
            size_t nl = 0;
            if (cs_paths_list(a, ".lua", &lua, &nl) != 0) {
                cs_cli_errorf("%s: cannot read the folder: %s", a,
                              strerror(errno));
                goto out;
            }
            if (nl)
                rules[nr++] = a;
            cs_paths_free_list(lua, nl);
            oom = list_fixtures(cli, a, &fixtures) != 0;
        } else if (is_rule_file(a)) {
            rules[nr++] = a;
        } else {
            oom = cs_path_list_add(&fixtures, a) != 0;
        }
        if (oom) {
            cs_cli_error("out of memory");
            goto out;
        }
    }
    cs_session_opts so;
    cs_cli_session_opts(cli, &so);
    if (cli->config_path == NULL && !cli->no_config && cli->bundle == NULL && cli->nargs > 0) {
        if (find_test_config(cli, &config) != 0)
            goto out;
        so.config_path = config;
        so.no_config = config == NULL;
    }
    cs_diag d;
    if (cs_session_open(&ses, &so, 0, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    open = 1;
    cs_scorer_opts o = {0};
    size_t nload = 0;
    if (nr > 0 && cli->with_pack) { /* the configuration's rules, then the given ones */
        load = calloc(ses.cfg.nrule_paths + nr + 1, sizeof(char *));
        if (load == NULL) {
            cs_cli_error("out of memory");
            goto out;
        }
        for (size_t i = 0; i < ses.cfg.nrule_paths; i++)
            load[nload++] = ses.cfg.rule_paths[i];
        for (size_t i = 0; i < nr; i++)
            load[nload++] = rules[i];
    }
    o.rule_files = load ? load : nr ? rules : NULL;
    o.nrule_files = load ? nload : nr;
    o.skip_override_check = nr > 0 && !cli->with_pack; /* the config's rules are not loaded */
    o.plugin_dirs = cli->plugin_dirs;
    o.nplugin_dirs = cli->nplugin_dirs;
    o.no_plugins = cli->no_plugins;
    o.allow_insecure_plugins = cli->allow_insecure_plugins;
    o.load_timeout = cli->timeout;
    o.verify_needs_starts = 1; /* a wrong starts_with_needs fails its examples */
    o.lenient = 1; /* a broken check is reported once (report_broken), the rest still runs */
    o.quiet_disable = 1;
    static const int quiet_level = CREDSCORE_LOG_ERROR, normal_level = CREDSCORE_LOG_INFO;
    o.log = cs_log_stderr;
    o.log_ctx = (void *)(cli->quiet ? &quiet_level : &normal_level);
    if (cs_scorer_new(&ses.scorer, &ses.cfg, &o, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    cs_scorer_set_crash_note(ses.scorer, cs_guard_note(g), CS_GUARD_NOTE_MAX);
    const cs_ruleset *rs = cs_scorer_rules(ses.scorer);
    if ((reported = calloc(rs->nrules + 1, 1)) == NULL) {
        cs_cli_error("out of memory");
        goto out;
    }
    tally t = {0, 0};
    int verbose = !cli->quiet;
    /* only fixtures given: their tests alone, unless --with-pack */
    if (!(nr == 0 && fixtures.n > 0 && !cli->with_pack))
        run_examples(&ses, g, &t, &res, verbose, reported);
    for (size_t i = 0; i < fixtures.n; i++)
        run_fixture(&ses, g, fixtures.items[i], &t, &res, verbose, cli->input_format, reported);
    printf("%zu passed, %zu failed\n", t.passed, t.failed);
    code = t.failed ? CS_EXIT_THRESHOLD : CS_EXIT_OK;
out:
    cs_result_free(&res);
    if (open)
        cs_session_close(&ses);
    cs_path_list_free(&fixtures);
    free(rules);
    free(load);
    free(reported);
    free(config);
    return code;
}

int cs_cmd_test(const cs_cli *cli)
{
    return cs_cli_guarded(cli, test, (void *)cli);
}
