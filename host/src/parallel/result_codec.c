#include "result_codec.h"

#include <stdint.h>
#include <string.h>

#include "merge.h"

#define NO_STRING UINT32_MAX

static int put(cs_buf *b, const void *p, size_t n)
{
    return cs_buf_append(b, p, n);
}

static int put_str(cs_buf *b, const char *s)
{
    uint32_t n = s ? (uint32_t)strlen(s) : NO_STRING;
    return put(b, &n, sizeof n) || (s && put(b, s, n));
}

int cs_result_encode(const cs_result *r, cs_buf *out)
{
    uint64_t counts[3] = {r->nfindings, r->npassages, r->nmarkers};
    double totals[6] = {r->base, r->raw_points, r->score, r->good, r->weak, r->unsourced};
    int rc = put(out, counts, sizeof counts) || put(out, totals, sizeof totals) ||
             put_str(out, r->error) || put_str(out, r->warnings);
    for (size_t i = 0; i < r->nfindings && !rc; i++) {
        cs_finding f = r->findings[i];
        const char *strs[4] = {f.rule_id, f.source, f.message, f.suppress_reason};
        f.rule_id = f.source = f.message = f.suppress_reason = NULL;
        rc = put(out, &f, sizeof f);
        for (int k = 0; k < 4 && !rc; k++)
            rc = put_str(out, strs[k]);
    }
    if (!rc && r->npassages)
        rc = put(out, r->passages, r->npassages * sizeof(cs_passage_score));
    if (!rc && r->nmarkers)
        rc = put(out, r->markers, r->nmarkers * sizeof(cs_marker_total));
    return rc ? -1 : 0;
}

typedef struct reader {
    const char *p, *end;
} reader;

static int get(reader *rd, void *dst, size_t n)
{
    if ((size_t)(rd->end - rd->p) < n)
        return -1;
    memcpy(dst, rd->p, n);
    rd->p += n;
    return 0;
}

static int get_str(reader *rd, cs_result *r, const char **out)
{
    uint32_t n;
    if (get(rd, &n, sizeof n) != 0)
        return -1;
    if (n == NO_STRING) {
        *out = NULL;
        return 0;
    }
    if ((size_t)(rd->end - rd->p) < n)
        return -1;
    *out = cs_result_strdup(r, rd->p, n);
    rd->p += n;
    return *out ? 0 : -1;
}

static int grow(void **items, size_t *cap, size_t need, size_t elem)
{
    return cs_array_grow(items, cap, need ? need : 1, elem);
}

int cs_result_decode(const char *data, size_t len, const cs_config *cfg, cs_result *r)
{
    reader rd = {data, data + len};
    uint64_t counts[3];
    double totals[6];
    cs_result_reset(r);
    if (get(&rd, counts, sizeof counts) != 0 || get(&rd, totals, sizeof totals) != 0)
        return -1;
    if (counts[2] != cfg->nmarkers || counts[0] > len || counts[1] > len)
        return -1;
    const char *err;
    if (get_str(&rd, r, &err) != 0)
        return -1;
    r->error = (char *)err;
    if (get_str(&rd, r, &r->warnings) != 0)
        return -1;
    void *items = r->findings;
    if (grow(&items, &r->findings_cap, counts[0], sizeof(cs_finding)) != 0)
        return -1;
    r->findings = items;
    for (size_t i = 0; i < counts[0]; i++) {
        cs_finding f;
        if (get(&rd, &f, sizeof f) != 0 || get_str(&rd, r, &f.rule_id) != 0 ||
            get_str(&rd, r, &f.source) != 0 || get_str(&rd, r, &f.message) != 0 ||
            get_str(&rd, r, &f.suppress_reason) != 0)
            return -1;
        if (f.marker < 0 || (size_t)f.marker >= cfg->nmarkers || !f.rule_id || !f.source)
            return -1;
        r->findings[r->nfindings++] = f;
    }
    items = r->passages;
    if (grow(&items, &r->passages_cap, counts[1], sizeof(cs_passage_score)) != 0)
        return -1;
    r->passages = items;
    r->npassages = counts[1];
    if (counts[1] && get(&rd, r->passages, counts[1] * sizeof(cs_passage_score)) != 0)
        return -1;
    items = r->markers;
    if (grow(&items, &r->markers_cap, counts[2], sizeof(cs_marker_total)) != 0)
        return -1;
    r->markers = items;
    r->nmarkers = counts[2];
    if (counts[2] && get(&rd, r->markers, counts[2] * sizeof(cs_marker_total)) != 0)
        return -1;
    r->base = totals[0];
    r->raw_points = totals[1];
    r->score = totals[2];
    r->good = totals[3];
    r->weak = totals[4];
    r->unsourced = totals[5] != 0;
    r->sources = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        r->sources += r->findings[i].claim != 0;
    r->verdict = cs_merge_verdict(cfg, r);
    return rd.p == rd.end ? 0 : -1;
}
