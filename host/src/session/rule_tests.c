/* rule_tests.c - rules' examples and annotated fixtures, run and reported
 * (rule_tests.h). */
#include "rule_tests.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "document_load.h"
#include "report_common.h"
#include "rule_examples.h"

int cs_rule_tests_init(cs_rule_tests *t, cs_session *ses, cs_guard *g, FILE *out, int verbose,
                       cs_diag *d)
{
    memset(t, 0, sizeof *t);
    t->ses = ses;
    t->guard = g;
    t->out = out;
    t->verbose = verbose;
    cs_result_init(&t->res);
    const cs_ruleset *rs = cs_scorer_rules(ses->scorer);
    if ((t->reported = calloc(rs->nrules + 1, 1)) == NULL)
        return cs_diag_set(d, "out of memory");
    return 0;
}

void cs_rule_tests_free(cs_rule_tests *t)
{
    free(t->reported);
    t->reported = NULL;
    cs_result_free(&t->res);
}

static void print_found(FILE *out, const cs_document *doc, const cs_result *res,
                        const cs_config *cfg, size_t passage, const char *only_rule)
{
    int any = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (f->passage != passage || (only_rule && strcmp(f->rule_id, only_rule) != 0))
            continue;
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]);
        fprintf(out, "      found %s at %d:%d-%d:%d \"%.*s\" [%s]\n", cfg->markers[f->marker].name,
                pos.line, pos.col, pos.end_line, pos.end_col, (int)(f->end - f->start),
                text + f->start, f->rule_id);
        any = 1;
    }
    if (!any)
        fprintf(out, "      found nothing%s\n", only_rule ? " from this rule" : "");
}

/* Report each rule disabled since the last call (a check that failed at
 * run time) once, as one failure; reported[i] remembers rule i. */
static void report_broken(cs_rule_tests *t)
{
    const cs_ruleset *rs = cs_scorer_rules(t->ses->scorer);
    const cs_rule *r;
    for (size_t i = 0; (r = cs_ruleset_next_broken(rs, t->reported, &i)) != NULL;) {
        t->failed++;
        if (r->fail_reason != NULL && strstr(r->fail_reason, r->id) != NULL)
            fprintf(t->out, "FAIL %s; the rule is disabled for the rest of the run\n",
                    r->fail_reason);
        else
            fprintf(t->out,
                    "FAIL %s: rule '%s': %s; the rule is disabled for the rest of the run\n",
                    r->source, r->id, r->fail_reason ? r->fail_reason : "it failed");
    }
}

void cs_rule_tests_examples(cs_rule_tests *t)
{
    cs_session *ses = t->ses;
    cs_guard *g = t->guard;
    cs_result *res = &t->res;
    FILE *out = t->out;
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
                if (g)
                    cs_guard_begin(g, label);
                int rc = cs_example_score(ses->scorer, r, ex[k], &doc, res, &d);
                if (g)
                    cs_guard_end(g);
                report_broken(t);
                if (r->failed) { /* this rule broke on its own example */
                    cs_document_free(&doc);
                    break;
                }
                if (rc != 0) {
                    fprintf(out, "FAIL %s %s: %s example %zu could not be scored: %s\n", r->source,
                            r->id, kind == 0 ? "hit" : "miss", k + 1, d.msg);
                    bad_here++;
                    cs_document_free(&doc);
                    continue;
                }
                if (cs_example_fired(res, r) == (kind == 0)) {
                    ok_here++;
                } else {
                    bad_here++;
                    fprintf(out, "FAIL %s %s: %s example %zu %s\n", r->source, r->id,
                            kind == 0 ? "hit" : "miss", k + 1,
                            kind == 0 ? "did not fire" : "fired");
                    fprintf(out, "    \"%s\"\n", ex[k]);
                    fprintf(out, "      expected %s%s from this rule\n", kind == 0 ? "" : "no ",
                            ses->cfg.markers[r->marker].name);
                    for (size_t p = 0; p < doc.npassages; p++)
                        print_found(out, &doc, res, &ses->cfg, p, kind == 0 ? NULL : r->id);
                }
                cs_document_free(&doc);
            }
        }
        t->passed += ok_here;
        t->failed += bad_here;
        if (r->failed)
            continue;
        if (t->verbose && (ok_here || bad_here))
            fprintf(out, "%s %s %s: %zu example%s\n", bad_here ? "FAIL" : "ok  ", r->source, r->id,
                    ok_here + bad_here, ok_here + bad_here == 1 ? "" : "s");
    }
}

/* Parse "<!-- expect: a, b -->" on a line; returns 1 and fills a marker
 * bit set (bit i = config marker i), 0 when the line is no annotation,
 * -1 on an unknown marker (message printed). */
static int parse_expect(FILE *out, const char *line, size_t len, const cs_config *cfg,
                        unsigned long long *set, const char *path, int lineno)
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
            fprintf(out, "FAIL %s:%d: unknown marker '%s' in the annotation\n", path, lineno, name);
            return -1;
        }
        *set |= 1ull << m;
    }
    return 1;
}

static void print_set(FILE *out, const cs_config *cfg, unsigned long long set)
{
    if (set == 0) {
        fprintf(out, "none");
        return;
    }
    int first = 1;
    for (size_t m = 0; m < cfg->nmarkers; m++)
        if (set & (1ull << m)) {
            fprintf(out, "%s%s", first ? "" : ", ", cfg->markers[m].name);
            first = 0;
        }
}

void cs_rule_tests_fixture(cs_rule_tests *t, const char *path, cs_format fmt)
{
    cs_session *ses = t->ses;
    cs_guard *g = t->guard;
    cs_result *res = &t->res;
    FILE *out = t->out;
    cs_document doc;
    cs_diag d;
    if (g)
        cs_guard_begin(g, path);
    int loaded = cs_document_load_file_max(&doc, path, fmt, ses->cfg.limits.article_bytes, &d) == 0;
    int rc = loaded ? cs_scorer_score(ses->scorer, &doc, res, &d) : -1;
    if (g)
        cs_guard_end(g);
    if (loaded)
        report_broken(t);
    if (rc != 0) {
        fprintf(out, "FAIL %s: %s\n", path, d.msg);
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
        int a = parse_expect(out, s + start, ll, &ses->cfg, &set, path, lineno);
        if (a < 0) {
            bad_here++;
        } else if (a == 1) {
            if (pending) {
                fprintf(out, "FAIL %s:%d: annotation followed by no passage\n", path, pending_line);
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
                    fprintf(out, "FAIL %s:%d: expected ", path, lineno);
                    print_set(out, &ses->cfg, want);
                    fprintf(out, "; found ");
                    print_set(out, &ses->cfg, got);
                    fprintf(out, "\n");
                    print_found(out, &doc, res, &ses->cfg, p, NULL);
                }
                pending = 0;
            } else if (!blank) {
                fprintf(out, "FAIL %s:%d: annotation is not followed by a passage start\n", path,
                        pending_line);
                bad_here++;
                pending = 0;
            }
        }
        start = i + 1;
    }
    if (pending) {
        fprintf(out, "FAIL %s:%d: annotation at the end of the file\n", path, pending_line);
        bad_here++;
    }
    if (t->verbose || bad_here)
        fprintf(out, "%s %s: %zu annotated passage%s\n", bad_here ? "FAIL" : "ok  ", path,
                ok_here + bad_here, ok_here + bad_here == 1 ? "" : "s");
    t->passed += ok_here;
    t->failed += bad_here;
    cs_document_free(&doc);
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

int cs_rule_tests_config(const char *const *paths, size_t n, char **out, cs_diag *d)
{
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        char *start = search_start(paths[i]), *found = NULL;
        if (start == NULL) {
            cs_diag_set(d, "out of memory");
            goto fail;
        }
        int rc = cs_config_discover(start, &found, d);
        free(start);
        if (rc < 0)
            goto fail;
        if (i == 0) {
            *out = found;
            continue;
        }
        int same = (found == NULL && *out == NULL) ||
                   (found != NULL && *out != NULL && strcmp(found, *out) == 0);
        if (!same) {
            cs_diag_set(d,
                        "test: %s and %s are under different configurations (%s, %s): "
                        "test them separately, or name one with --config",
                        paths[0], paths[i], *out ? *out : "none", found ? found : "none");
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
