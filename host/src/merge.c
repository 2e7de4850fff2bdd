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

static int overlaps(const cs_finding *a, const cs_finding *b)
{
    return a->start < b->end && b->start < a->end;
}

int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r)
{
    int rc = -1;
    size_t *order = NULL;
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
    if (order == NULL)
        goto out;

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
            double sum = 0;
            int counted = 0;
            for (size_t k = g; k < gend; k++) {
                cs_finding *f = &r->findings[order[k]];
                double pts = f->weight * f->confidence;
                f->note = CS_NOTE_NONE;
                r->markers[marker].hits++;
                if (f->suppress_reason) {
                    f->note = CS_NOTE_SUPPRESSED;
                    f->points = 0;
                    continue;
                }
                size_t dup = (size_t)-1;
                for (size_t j = g; j < k; j++) {
                    const cs_finding *o = &r->findings[order[j]];
                    if (o->note == CS_NOTE_NONE || o->note == CS_NOTE_PASSAGE_CAP) {
                        if (o->points != 0 || o->note == CS_NOTE_PASSAGE_CAP)
                            if (overlaps(o, f)) {
                                dup = order[j];
                                break;
                            }
                    }
                }
                if (dup != (size_t)-1) {
                    f->note = CS_NOTE_DUPLICATE;
                    f->dup_of = dup;
                    f->points = 0;
                    continue;
                }
                if (mc->one_shot && counted) {
                    f->note = CS_NOTE_ONE_SHOT;
                    f->points = 0;
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
    return rc;
}
