/* cmd_eval.c - `credscore eval LABELS.jsonl [--errors]`: score every
 * {"id","text","markers":[...]} line as its own article and compare the
 * set of markers found with the labelled set.  Prints per-marker precision,
 * recall and F1, micro-averaged F1, the exact-match rate and the false-alarm
 * rate (the share of passages labelled with no marker that get any finding);
 * --errors lists every passage whose sets differ.  Exit 0, or 2 on
 * unreadable input or a line that runs over --timeout (the run stops). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct counts {
    size_t tp, fp, fn, gold;
} counts;

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static double f1(size_t tp, size_t fp, size_t fn)
{
    double p = ratio(tp, tp + fp), r = ratio(tp, tp + fn);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void print_set(const cs_config *cfg, unsigned long long set)
{
    int first = 1;
    printf("[");
    for (size_t m = 0; m < cfg->nmarkers; m++)
        if (set & (1ull << m)) {
            printf("%s%s", first ? "" : ", ", cfg->markers[m].name);
            first = 0;
        }
    printf("]");
}

/* The guarded body: each line is an article under --timeout. */
static int eval(void *vctx, cs_guard *guard)
{
    const cs_cli *cli = vctx;
    int code = CS_EXIT_ERROR;
    cs_session ses;
    cs_result res;
    FILE *in = NULL;
    char *line = NULL;
    size_t cap = 0;
    counts *c = NULL;
    cs_result_init(&res);
    const char *path = cli->args[0];
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    cs_scorer_set_crash_note(ses.scorer, cs_guard_note(guard), CS_GUARD_NOTE_MAX);
    const cs_config *cfg = &ses.cfg;
    c = calloc(cfg->nmarkers, sizeof *c);
    in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (c == NULL || in == NULL) {
        cs_cli_errorf("%s: cannot open: %s", path, strerror(errno));
        goto out;
    }
    size_t lineno = 0, n = 0, exact = 0, bad = 0;
    size_t unmarked = 0, false_alarms = 0; /* passages labelled [] / of them found something */
    ssize_t len;
    while ((len = getline(&line, &cap, in)) >= 0) {
        lineno++;
        json_error_t je;
        json_t *root = json_loadb(line, (size_t)len, 0, &je);
        json_t *jt = root ? json_object_get(root, "text") : NULL;
        json_t *jm = root ? json_object_get(root, "markers") : NULL;
        json_t *jid = root ? json_object_get(root, "id") : NULL;
        if (root == NULL && strspn(line, " \t\r\n") == (size_t)len) {
            continue;
        }
        if (!json_is_string(jt) || !json_is_array(jm)) {
            cs_cli_errorf("%s:%zu: expected {\"id\", \"text\", \"markers\": [...]}",
                          path, lineno);
            json_decref(root);
            bad++;
            continue;
        }
        unsigned long long gold = 0, got = 0;
        size_t i;
        json_t *v;
        int unknown = 0;
        json_array_foreach(jm, i, v)
        {
            int m = json_is_string(v) ? cs_config_marker_index(cfg, json_string_value(v)) : -1;
            if (m < 0) {
                cs_cli_errorf("%s:%zu: unknown marker %s", path, lineno,
                              json_is_string(v) ? json_string_value(v) : "(not a string)");
                unknown = 1;
            } else {
                gold |= 1ull << m;
            }
        }
        if (unknown) {
            json_decref(root);
            bad++;
            continue;
        }
        const char *text = json_string_value(jt);
        size_t tlen = json_string_length(jt);
        cs_document doc;
        cs_diag d;
        int blank = strspn(text, " \t\r\n") == tlen;
        if (!blank) {
            char label[CS_GUARD_LABEL_MAX];
            snprintf(label, sizeof label, "%s:%zu", path, lineno);
            cs_guard_begin(guard, label);
            int rc = cs_document_load_memory(&doc, "eval", text, tlen, CS_FORMAT_TEXT, &d) != 0 ||
                     cs_scorer_score(ses.scorer, &doc, &res, &d) != 0;
            cs_guard_end(guard);
            if (rc) {
                cs_cli_errorf("%s:%zu: %s", path, lineno, d.msg);
                cs_document_free(&doc);
                json_decref(root);
                bad++;
                continue;
            }
            for (size_t f = 0; f < res.nfindings; f++)
                if (res.findings[f].note != CS_NOTE_SUPPRESSED)
                    got |= 1ull << res.findings[f].marker;
            cs_document_free(&doc);
        }
        n++;
        exact += got == gold;
        if (gold == 0) {
            unmarked++;
            false_alarms += got != 0;
        }
        for (size_t m = 0; m < cfg->nmarkers; m++) {
            int g = (gold >> m) & 1, p = (got >> m) & 1;
            c[m].tp += g && p;
            c[m].fp += !g && p;
            c[m].fn += g && !p;
            c[m].gold += g;
        }
        if (cli->show_zero && got != gold) { /* --errors */
            printf("%s:%zu %s  gold ", path, lineno, json_is_string(jid) ? json_string_value(jid) : "");
            print_set(cfg, gold);
            printf("  found ");
            print_set(cfg, got);
            printf("\n    %.*s\n", (int)(tlen > 400 ? 400 : tlen), text);
        }
        json_decref(root);
    }
    size_t tp = 0, fp = 0, fn = 0;
    printf("%-14s %6s %6s %6s %6s %5s %5s %5s\n", "marker", "gold", "tp", "fp", "fn", "P", "R",
           "F1");
    for (size_t m = 0; m < cfg->nmarkers; m++) {
        if (c[m].gold == 0 && c[m].fp == 0)
            continue;
        printf("%-14s %6zu %6zu %6zu %6zu %5.2f %5.2f %5.2f\n", cfg->markers[m].name, c[m].gold,
               c[m].tp, c[m].fp, c[m].fn, ratio(c[m].tp, c[m].tp + c[m].fp),
               ratio(c[m].tp, c[m].tp + c[m].fn), f1(c[m].tp, c[m].fp, c[m].fn));
        tp += c[m].tp;
        fp += c[m].fp;
        fn += c[m].fn;
    }
    printf("%-14s %6zu %6zu %6zu %6zu %5.2f %5.2f %5.2f\n", "micro", tp + fn, tp, fp, fn,
           ratio(tp, tp + fp), ratio(tp, tp + fn), f1(tp, fp, fn));
    printf("passages %zu, exact match %.3f", n, ratio(exact, n));
    if (bad)
        printf(", %zu unreadable line%s", bad, bad == 1 ? "" : "s");
    printf("\n");
    printf("false alarms: %zu of %zu passages without markers (%.1f%%)\n", false_alarms,
           unmarked, 100.0 * ratio(false_alarms, unmarked));
    code = bad ? CS_EXIT_ERROR : CS_EXIT_OK;
out:
    if (in && in != stdin)
        fclose(in);
    free(line);
    free(c);
    cs_result_free(&res);
    cs_session_close(&ses);
    return code;
}

int cs_cmd_eval(const cs_cli *cli)
{
    if (cli->nargs != 1) {
        cs_cli_error("eval: give one labels file (JSONL with id, text, markers)");
        return CS_EXIT_ERROR;
    }
    return cs_cli_guarded(cli, eval, (void *)cli);
}
