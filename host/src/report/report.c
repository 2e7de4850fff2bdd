/*
 * report.c - a run's report written article by article (cs_run_writer in
 * report.h): each article rendered as a fragment of its format (text in
 * report_text.c, JSON in report_json.c, GitHub in report_github.c) and
 * spliced in input order, the run's counts kept for its closing summary.
 */
#include "report.h"

#include <string.h>

int cs_report_is_old(const cs_run *run, const cs_finding *f)
{
    return f->suppress_reason &&
           (f->suppress_reason == run->baseline_reason || f->suppress_reason == run->unchanged_reason);
}

int cs_run_writer_begin(cs_run_writer *w, cs_run_kind kind, cs_buf *out, const cs_run *run)
{
    (void)run;
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->out = out;
    if (kind != CS_RUN_JSON)
        return 0;
    return cs_report_json_run_begin(w);
}

int cs_run_fragment(cs_run_kind kind, cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    switch (kind) {
    case CS_RUN_JSON: {
        cs_json j; /* an element of "articles": two levels down */
        cs_json_init_at(&j, out, 1, 2);
        return cs_report_json_scored(&j, run, sc);
    }
    case CS_RUN_GITHUB: {
        cs_buf path = {0}, tmp = {0};
        int rc = cs_report_github_article(out, &path, &tmp, run, sc);
        cs_buf_free(&path);
        cs_buf_free(&tmp);
        return rc;
    }
    case CS_RUN_TEXT:
    default:
        return cs_report_text_article(out, run, sc);
    }
}

int cs_run_writer_splice(cs_run_writer *w, const char *frag, size_t len, int below,
                         int untouched, double score)
{
    w->n++;
    w->untouched += untouched != 0;
    w->failed += below != 0;
    w->over_max += below == CS_FAIL_MAX;
    w->unsourced += below == CS_FAIL_UNSOURCED;
    w->sum += score;
    if (w->kind == CS_RUN_JSON) {
        cs_json_splice(&w->j, frag, len);
        return cs_json_failed(&w->j) ? -1 : 0;
    }
    return cs_buf_append(w->out, frag, len);
}

int cs_run_writer_article(cs_run_writer *w, const cs_run *run, const cs_scored *sc)
{
    w->frag.len = 0;
    if (cs_run_fragment(w->kind, &w->frag, run, sc) != 0)
        return -1;
    return cs_run_writer_splice(w, w->frag.data ? w->frag.data : "", w->frag.len, sc->below,
                                sc->untouched, sc->narrowed ? sc->whole_score : sc->res.score);
}

int cs_run_writer_end(cs_run_writer *w, const cs_run *run)
{
    switch (w->kind) {
    case CS_RUN_JSON:
        return cs_report_json_run_end(w, run);
    case CS_RUN_GITHUB:
        return 0;
    case CS_RUN_TEXT:
    default:
        return cs_report_text_run_end(w, run);
    }
}

void cs_run_writer_free(cs_run_writer *w)
{
    cs_buf_free(&w->frag);
}
