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

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
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

static int cmp_start(const void *a, const void *b, void *ctx)
{
    const cs_finding *base = ctx;
    const cs_finding *x = &base[*(const size_t *)a], *y = &base[*(const size_t *)b];
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
    return ia < ib ? -1 : ia > ib;
}

/* Rank of each finding in strength order (its position in `order`). */
static size_t rank_of(const size_t *order, size_t n, size_t idx)
{
    for (size_t k = 0; k < n; k++)
        if (order[k] == idx)
            return k;
    return n;
}

/* Mark duplicates in one marker group (order: strongest first).  Findings
 * are swept in start order into clusters of overlapping spans; inside a
 * cluster (a handful of findings) the strongest counts and any finding
 * overlapping a stronger counted one is a duplicate of it.  Suppressed
 * findings neither count nor make duplicates.  `scratch` holds n indices. */
static void mark_duplicates(cs_finding *f, const size_t *order, size_t n, size_t *scratch)
{
    if (n < 2)
        return;
    memcpy(scratch, order, n * sizeof(size_t));
    qsort_r(scratch, n, sizeof(size_t), cmp_start, f);
    size_t c0 = 0;
    while (c0 < n) {
        size_t c1 = c0 + 1, end = f[scratch[c0]].end;
        while (c1 < n && f[scratch[c1]].start < end) {
            if (f[scratch[c1]].end > end)
                end = f[scratch[c1]].end;
            c1++;
        }
        /* Greedy, strongest first, inside the cluster [c0, c1). */
        for (size_t a = c0; a < c1 && c1 - c0 > 1; a++) {
            size_t best = n, bi = 0;
            for (size_t k = c0; k < c1; k++) { /* next strongest not yet decided */
                size_t rk = rank_of(order, n, scratch[k]);
                if (f[scratch[k]].note == CS_NOTE_NONE && rk < best &&
                    !(f[scratch[k]].dup_of == (size_t)-2)) {
                    best = rk;
                    bi = scratch[k];
                }
            }
            if (best == n)
                break;
            f[bi].dup_of = (size_t)-2; /* decided: counts */
            for (size_t k = c0; k < c1; k++) {
                cs_finding *o = &f[scratch[k]];
                if (o->note == CS_NOTE_NONE && o->dup_of != (size_t)-2 &&
                    o->start < f[bi].end && f[bi].start < o->end) {
                    o->note = CS_NOTE_DUPLICATE;
                    o->dup_of = bi;
                }
            }
        }
        for (size_t k = c0; k < c1; k++)
            if (f[scratch[k]].dup_of == (size_t)-2)
                f[scratch[k]].dup_of = 0;
        c0 = c1;
    }
}

int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r)
{
    int rc = -1;
    size_t *order = NULL, *byStart = NULL;
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
    byStart = malloc((r->nfindings ? r->nfindings : 1) * sizeof(size_t));
    if (order == NULL || byStart == NULL)
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
            mark_duplicates(r->findings, order + g, gend - g, byStart);
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
    free(byStart);
    return rc;
}
