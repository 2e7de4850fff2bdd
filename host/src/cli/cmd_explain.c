/* cmd_explain.c - `credscore explain FILE:LINE`: for the passage at that
 * line, every rule and plugin that fired, the exact words, weights,
 * confidences, the notes and caps applied, each finding's claim, and how
 * the passage and article scores were computed from them (merge.h).  The
 * article is scored under --timeout (cs_cli_guarded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "merge.h"
#include "report.h"

static const char *const scope_names[] = {"paragraph", "heading", "quote", "list item"};

/* Points as every report prints them (cs_report_fmt_points: one decimal,
 * halves away from zero), so explain and score show the same number. */
static void print_points(double v)
{
    char buf[64];
    cs_report_fmt_points(buf, sizeof buf, v);
    fputs(buf, stdout);
}

/* What the guarded body explains. */
typedef struct explain_args {
    const cs_cli *cli;
    const char *path;
    long line;
} explain_args;

/* Score the article under the guard and print the explanation. */
static int explain(void *vctx, cs_guard *g)
{
    const explain_args *a = vctx;
    const cs_cli *cli = a->cli;
    const char *path = a->path;
    long line = a->line;
    int code = CS_EXIT_ERROR;
    cs_session ses;
    cs_document doc;
    cs_result res;
    cs_diag d;
    memset(&doc, 0, sizeof doc);
    cs_result_init(&res);
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    cs_scorer_set_crash_note(ses.scorer, cs_guard_note(g), CS_GUARD_NOTE_MAX);
    cs_guard_begin(g, path);
    int rc = cs_document_load_file_max(&doc, path, cli->input_format,
                                       ses.cfg.limits.article_bytes, &d) != 0 ||
             cs_scorer_score(ses.scorer, &doc, &res, &d) != 0;
    cs_guard_end(g);
    if (rc) {
        cs_cli_error(d.msg);
        goto out;
    }
    const cs_config *cfg = &ses.cfg;
    size_t pi = doc.npassages;
    int pl = 0, pel = 0;
    for (size_t p = 0; p < doc.npassages; p++) {
        int c1, c2;
        cs_doc_line_col(&doc, doc.passages[p].src_start, &pl, &c1);
        cs_doc_line_col(&doc, doc.passages[p].src_end, &pel, &c2);
        if (line >= pl && line <= pel) {
            pi = p;
            break;
        }
    }
    if (pi == doc.npassages) {
        cs_cli_errorf("%s:%ld: no passage on this line (blank, markup or skipped)",
                      path, line);
        goto out;
    }
    const cs_passage *p = &doc.passages[pi];
    const cs_passage_score *ps = &res.passages[pi];
    printf("%s:%d-%d: passage %zu of %zu (", path, pl, pel, pi + 1, doc.npassages);
    int first = 1;
    for (int b = 0; b < 4; b++)
        if (p->scopes & (1u << b)) {
            printf("%s%s", first ? "" : ", ", scope_names[b]);
            first = 0;
        }
    printf("), %zu sentence%s\n  \"%s\"\n\n", p->nsent, p->nsent == 1 ? "" : "s",
           cs_doc_text(&doc, p));
    if (ps->count == 0)
        printf("  no rule or plugin fired in this passage\n");
    for (size_t i = ps->first; i < ps->first + ps->count; i++) {
        const cs_finding *f = &res.findings[i];
        cs_pos pos;
        cs_finding_pos(&doc, f, &pos);
        printf("  %d:%d  %-13s weight ", pos.line, pos.col, cfg->markers[f->marker].name);
        print_points(f->weight);
        printf(" x confidence %.2f = ", f->confidence);
        print_points(f->weight * f->confidence);
        const char *note = cs_note_name(f->note);
        if (note) {
            printf(" -> ");
            print_points(f->points);
            printf(" (%s", note);
            if (f->note == CS_NOTE_DUPLICATE)
                printf(" of the %s finding at the same words",
                       res.findings[f->dup_of].rule_id);
            if (f->note == CS_NOTE_PASSAGE_CAP)
                printf(": %s stops at %g per passage", cfg->markers[f->marker].name,
                       cfg->markers[f->marker].passage_cap);
            if (f->note == CS_NOTE_ONE_SHOT)
                printf(": %s counts once per passage", cfg->markers[f->marker].name);
            if (f->note == CS_NOTE_SUPPRESSED)
                printf(": %s", f->suppress_reason);
            printf(")");
        }
        if (f->claim != 0)
            printf("  claim %+.2f (%s)", f->claim, f->claim > 0 ? "good" : "weak");
        else if ((f->note == CS_NOTE_NONE || f->note == CS_NOTE_PASSAGE_CAP) &&
                 f->weight * f->confidence != 0)
            printf("  claim 0 (the same source, counted once already)");
        printf("\n      \"%.*s\"  %s\n      rule %s  (%s)\n", (int)(f->end - f->start),
               cs_doc_text(&doc, p) + f->start, f->message ? f->message : "", f->rule_id,
               f->source);
    }
    printf("\n  passage score: points ");
    print_points(ps->points);
    if (ps->good + ps->weak > 0)
        printf(", claims good %.2f weak %.2f -> 100 x %.2f / %.2f = %.0f/100\n", ps->good,
               ps->weak, ps->good, ps->good + ps->weak, ps->score);
    else
        printf(", no claims -> base %.0f/100\n", ps->score);
    printf("\narticle %s:\n", path);
    for (size_t m = 0; m < res.nmarkers; m++) {
        const cs_marker_total *t = &res.markers[m];
        if (t->hits == 0)
            continue;
        printf("  %-13s ", cfg->markers[m].name);
        print_points(t->points);
        printf("  (%zu counted of %zu found", t->count, t->hits);
        if (t->capped) {
            printf("; raw ");
            print_points(t->raw);
            printf(", capped at %g", cfg->markers[m].cap);
        }
        printf("); %zu source%s, claims %+.2f\n", t->sources, t->sources == 1 ? "" : "s",
               t->claims);
    }
    printf("  each source counts once: a good claim is min(1, points / %g), a weak one "
           "min(1, -points / %g)\n",
           CS_FULL_GOOD, CS_FULL_WEAK);
    if (res.unsourced)
        printf("  no claims -> score %.0f/100 (base), %s\n", res.score,
               res.verdict ? res.verdict : "");
    else
        printf("  score = 100 x good / (good + weak) = 100 x %.2f / %.2f = %.1f -> score "
               "%.0f/100, %s\n",
               res.good, res.good + res.weak, 100 * res.good / (res.good + res.weak), res.score,
               res.verdict ? res.verdict : "");
    code = CS_EXIT_OK;
out:
    cs_document_free(&doc);
    cs_result_free(&res);
    cs_session_close(&ses);
    return code;
}

int cs_cmd_explain(const cs_cli *cli)
{
    if (cli->nargs != 1 || strrchr(cli->args[0], ':') == NULL) {
        cs_cli_error("explain: give FILE:LINE, e.g. credscore explain story.md:12");
        return CS_EXIT_ERROR;
    }
    const char *arg = cli->args[0];
    const char *colon = strrchr(arg, ':');
    char *end;
    long line = strtol(colon + 1, &end, 10);
    if (*end || line < 1) {
        cs_cli_error("explain: the line after ':' must be a positive number");
        return CS_EXIT_ERROR;
    }
    char *path = cs_strndup(arg, (size_t)(colon - arg));
    if (path == NULL)
        return CS_EXIT_ERROR;
    explain_args a = {cli, path, line};
    int code = cs_cli_guarded(cli, explain, &a);
    free(path);
    return code;
}
