/* gate.c - which findings count and whether an article fails (gate.h). */
#include "gate.h"

#include <stdio.h>
#include <string.h>

#include "gitdiff.h"
#include "merge.h"

int cs_gate_open(cs_gate *g, const cs_config *cfg, const cs_gate_opts *o, cs_diag *d)
{
    memset(g, 0, sizeof *g);
    g->cfg = cfg;
    g->has_threshold = o->has_fail_under || cfg->has_threshold;
    g->threshold = o->has_fail_under ? o->fail_under : cfg->threshold;
    g->maxes = o->maxes;
    g->nmax = o->nmax;
    g->diff_base = o->diff_base;
    snprintf(g->unchanged, sizeof g->unchanged, "unchanged since %s",
             o->diff_base ? o->diff_base : "");
    for (size_t i = 0; i < o->nmax; i++)
        if (cs_config_marker_index(cfg, o->maxes[i].marker) < 0)
            return cs_diag_set(d, "--max: unknown marker '%s'", o->maxes[i].marker);
    if (o->baseline) {
        if (cs_baseline_load(&g->baseline, o->baseline, d) != 0)
            return -1;
        g->has_baseline = 1;
    }
    return 0;
}

void cs_gate_close(cs_gate *g)
{
    if (g->has_baseline)
        cs_baseline_free(&g->baseline);
    g->has_baseline = 0;
}

int cs_gate_narrows(const cs_gate *g)
{
    return g->has_baseline || g->diff_base != NULL;
}

/* A --max limit the result breaks: 1 with why, else 0.  Counts findings
 * that are not suppressed and not duplicates. */
static int over_max(const cs_gate *g, const cs_result *res, char *why, size_t whylen)
{
    for (size_t i = 0; i < g->nmax; i++) {
        int m = cs_config_marker_index(g->cfg, g->maxes[i].marker);
        long n = 0;
        for (size_t f = 0; f < res->nfindings; f++)
            n += res->findings[f].marker == m && res->findings[f].note != CS_NOTE_DUPLICATE &&
                 res->findings[f].suppress_reason == NULL;
        if (n > g->maxes[i].limit) {
            snprintf(why, whylen, "%ld %s finding%s, more than --max %s=%ld", n,
                     g->maxes[i].marker, n == 1 ? "" : "s", g->maxes[i].marker,
                     g->maxes[i].limit);
            return 1;
        }
    }
    return 0;
}

int cs_gate_judge(const cs_gate *g, const cs_result *res, char *why, size_t whylen)
{
    if (cs_merge_fails(g->cfg, res, g->has_threshold, g->threshold)) {
        if (res->unsourced)
            snprintf(why, whylen, "no sourcing to judge, and scoring.unsourced is fail");
        return res->unsourced ? CS_FAIL_UNSOURCED : CS_FAIL_THRESHOLD;
    }
    return over_max(g, res, why, whylen) ? CS_FAIL_MAX : 0;
}

/* Findings in the baseline, or outside the lines changed since the diff
 * base, are suppressed with that reason and the scores merged again; the
 * article's real score is kept beside. */
static int narrow(const cs_gate *g, cs_scored *sc, cs_diag *d)
{
    size_t marked = 0;
    int known = 1; /* not a new article (a new one is judged whole) */
    sc->narrowed = 1;
    sc->whole_score = sc->res.score;
    sc->whole_verdict = sc->res.verdict;
    if (g->has_baseline) {
        known = cs_baseline_knows(&g->baseline, sc->doc.path);
        if (cs_baseline_apply(&g->baseline, &sc->doc, g->cfg, &sc->res, &marked) != 0)
            return cs_diag_set(d, "out of memory");
    }
    if (g->diff_base) {
        cs_changes ch;
        if (cs_git_changed_lines(g->diff_base, sc->doc.path, &ch, d) != 0)
            return -1;
        known = known && !ch.all;
        for (size_t i = 0; i < sc->res.nfindings; i++) {
            cs_finding *f = &sc->res.findings[i];
            cs_pos pos;
            cs_finding_pos(&sc->doc, f, &pos);
            if (!f->suppress_reason && !cs_changes_touch(&ch, pos.line, pos.end_line)) {
                f->suppress_reason = g->unchanged;
                marked++;
            }
        }
        cs_changes_free(&ch);
    }
    if (marked && cs_merge(g->cfg, sc->doc.npassages, &sc->res) != 0)
        return cs_diag_set(d, "out of memory");
    sc->old = marked;
    sc->fresh = 0;
    for (size_t i = 0; i < sc->res.nfindings; i++)
        sc->fresh += !sc->res.findings[i].suppress_reason &&
                     sc->res.findings[i].note != CS_NOTE_DUPLICATE;
    sc->untouched = known && sc->fresh == 0;
    return 0;
}

int cs_gate_settle(const cs_gate *g, cs_scored *sc, cs_diag *d)
{
    if (cs_gate_narrows(g) && narrow(g, sc, d) != 0)
        return -1;
    sc->below = 0;
    if (sc->untouched)
        return 0;
    sc->below = cs_gate_judge(g, &sc->res, sc->why, sizeof sc->why);
    return 0;
}
