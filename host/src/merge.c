#include "merge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static int cmp_position(const void *a, const void *b)
{
    const cs_finding *x = a, *y = b;
    if (x->passage != y->passage)
        return x->passage < y->passage ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->marker != y->marker)
        return x->marker < y->marker ? -1 : 1;
    int c = strcmp(x->rule_id, y->rule_id);
    if (c)
        return c;
    c = strcmp(x->source, y->source);
    if (c)
        return c;
    return (x->message && y->message) ? strcmp(x->message, y->message) : 0;
}

/* v limited to lo..hi; NaN (which no finite weight can make, but a score
 * must never be) gives lo, the failing end. */
static double clamp(double v, double lo, double hi)
{
    return !(v >= lo) ? lo : v > hi ? hi : v;
}

/* Order inside one passage: by marker, strongest first, then position. */

static int cmp_strength(const void *a, const void *b, void *ctx)
{
    const cs_finding *base = ctx;
    const cs_finding *x = &base[*(const size_t *)a], *y = &base[*(const size_t *)b];
    if (x->marker != y->marker)
        return x->marker < y->marker ? -1 : 1;
    double sx = fabs(x->weight * x->confidence), sy = fabs(y->weight * y->confidence);
    if (sx != sy)
        return sx > sy ? -1 : 1;
    size_t ix = *(const size_t *)a, iy = *(const size_t *)b;
    return ix < iy ? -1 : ix > iy;
}

/* Positions in a marker group (indices into its strength order), by the
 * start of their finding, then by finding index. */
typedef struct group_view {
    const cs_finding *f;
    const size_t *order; /* the group's findings, strongest first */
} group_view;

static int cmp_start(const void *a, const void *b, void *ctx)
{
    const group_view *g = ctx;
    size_t ia = g->order[*(const size_t *)a], ib = g->order[*(const size_t *)b];
    const cs_finding *x = &g->f[ia], *y = &g->f[ib];
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

/* Mark duplicates in one marker group (order: its n findings, strongest
 * first).  Findings are swept in start order into clusters of overlapping
 * spans; inside a cluster (a handful of findings) the strongest counts and
 * any finding overlapping a stronger counted one is a duplicate of it.
 * Suppressed findings neither count nor make duplicates.  `by_start` holds
 * n positions and `decided` n flags (scratch). */
static void mark_duplicates(cs_finding *f, const size_t *order, size_t n, size_t *by_start,
                            unsigned char *decided)
{
    if (n < 2)
        return;
    /* by_start: positions in order (so a position is also the strength
     * rank), sorted by start; decided[k]: by_start[k] was chosen to count. */
    for (size_t k = 0; k < n; k++)
        by_start[k] = k;
    group_view g = {f, order};
    qsort_r(by_start, n, sizeof(size_t), cmp_start, &g);
    memset(decided, 0, n);
    size_t c0 = 0;
    while (c0 < n) {
        size_t c1 = c0 + 1, end = f[order[by_start[c0]]].end;
        while (c1 < n && f[order[by_start[c1]]].start < end) {
            if (f[order[by_start[c1]]].end > end)
                end = f[order[by_start[c1]]].end;
            c1++;
        }
        /* Greedy, strongest first, inside the cluster [c0, c1). */
        for (size_t a = c0; a < c1 && c1 - c0 > 1; a++) {
            size_t best = n, bk = 0;
            for (size_t k = c0; k < c1; k++) /* next strongest not yet decided */
                if (f[order[by_start[k]]].note == CS_NOTE_NONE && !decided[k] &&
                    by_start[k] < best) {
                    best = by_start[k];
                    bk = k;
                }
            if (best == n)
                break;
            decided[bk] = 1;
            size_t bi = order[best];
            for (size_t k = c0; k < c1; k++) {
                cs_finding *o = &f[order[by_start[k]]];
                if (o->note == CS_NOTE_NONE && !decided[k] && o->start < f[bi].end &&
                    f[bi].start < o->end) {
                    o->note = CS_NOTE_DUPLICATE;
                    o->dup_of = bi;
                }
            }
        }
        c0 = c1;
    }
}

int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r)
{
    int rc = -1;
    size_t *order = NULL, *by_start = NULL;
    unsigned char *decided = NULL;
    if (r->nfindings > 1)
        qsort(r->findings, r->nfindings, sizeof(cs_finding), cmp_position);
    void *items = r->passages;
    if (cs_array_grow(&items, &r->passages_cap, npassages ? npassages : 1,
                      sizeof(cs_passage_score)) != 0)
        goto out;
    r->passages = items;
    r->npassages = npassages;
    items = r->markers;
    if (cs_array_grow(&items, &r->markers_cap, cfg->nmarkers ? cfg->nmarkers : 1,
                      sizeof(cs_marker_total)) != 0)
        goto out;
    r->markers = items;
    r->nmarkers = cfg->nmarkers;
    memset(r->markers, 0, cfg->nmarkers * sizeof(cs_marker_total));
    r->base = cfg->base;
    order = malloc((r->nfindings ? r->nfindings : 1) * sizeof(size_t));
    by_start = malloc((r->nfindings ? r->nfindings : 1) * sizeof(size_t));
    decided = malloc(r->nfindings ? r->nfindings : 1);
    if (order == NULL || by_start == NULL || decided == NULL)
        goto out;
    for (size_t i = 0; i < r->nfindings; i++)
        r->findings[i].dup_of = 0;

    size_t fi = 0;
    for (size_t p = 0; p < npassages; p++) {
        cs_passage_score *ps = &r->passages[p];
        ps->first = fi;
        while (fi < r->nfindings && r->findings[fi].passage == p)
            fi++;
        ps->count = fi - ps->first;
        ps->points = 0;
        for (size_t k = 0; k < ps->count; k++)
            order[k] = ps->first + k;
        if (ps->count > 1)
            qsort_r(order, ps->count, sizeof(size_t), cmp_strength, r->findings);
        /* Walk each marker group, strongest first. */
        size_t g = 0;
        while (g < ps->count) {
            int marker = r->findings[order[g]].marker;
            const cs_marker_conf *mc = &cfg->markers[marker];
            size_t gend = g;
            while (gend < ps->count && r->findings[order[gend]].marker == marker)
                gend++;
            for (size_t k = g; k < gend; k++) {
                cs_finding *f = &r->findings[order[k]];
                f->note = f->suppress_reason ? CS_NOTE_SUPPRESSED : CS_NOTE_NONE;
                f->points = 0;
                r->markers[marker].hits++;
            }
            mark_duplicates(r->findings, order + g, gend - g, by_start, decided);
            double sum = 0;
            int counted = 0;
            for (size_t k = g; k < gend; k++) {
                cs_finding *f = &r->findings[order[k]];
                if (f->note != CS_NOTE_NONE)
                    continue; /* suppressed or duplicate: 0 points */
                double pts = f->weight * f->confidence;
                if (mc->one_shot && counted) {
                    f->note = CS_NOTE_ONE_SHOT;
                    continue;
                }
                if (mc->passage_cap > 0 && fabs(sum + pts) > mc->passage_cap) {
                    double room = mc->passage_cap - fabs(sum);
                    if (room < 0)
                        room = 0;
                    pts = pts < 0 ? -room : room;
                    f->note = CS_NOTE_PASSAGE_CAP;
                }
                f->points = pts;
                sum += pts;
                counted = 1;
                if (pts != 0)
                    r->markers[marker].count++;
            }
            r->markers[marker].raw += sum;
            ps->points += sum;
            g = gend;
        }
        ps->score = clamp(cfg->base + ps->points, 0, 100);
    }
    r->raw_points = 0;
    for (size_t m = 0; m < r->nmarkers; m++) {
        cs_marker_total *t = &r->markers[m];
        double cap = cfg->markers[m].cap;
        t->points = t->raw;
        if (cap > 0 && fabs(t->raw) > cap) {
            t->points = t->raw < 0 ? -cap : cap;
            t->capped = 1;
        }
        r->raw_points += t->points;
    }
    r->score = clamp(cfg->base + r->raw_points, 0, 100);
    r->verdict = cs_config_verdict(cfg, r->score);
    rc = 0;
out:
    free(order);
    free(by_start);
    free(decided);
    return rc;
}
