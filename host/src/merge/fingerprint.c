#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* Hash of rule, marker and folded words. */
static uint64_t triple(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                       size_t i)
{
    const cs_finding *f = &res->findings[i];
    const char *text = cs_doc_text(doc, &doc->passages[f->passage]) + f->start;
    size_t len = f->end - f->start;
    uint64_t h = FNV_OFFSET;
    h = fnv(h, f->rule_id, strlen(f->rule_id) + 1);
    const char *m = cfg->markers[f->marker].name;
    h = fnv(h, m, strlen(m) + 1);
    size_t k = 0;
    while (k < len) {
        unsigned char c = cs_fold_next(text, len, &k);
        h = fnv(h, &c, 1);
    }
    return h;
}

uint64_t cs_fingerprint(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                        size_t i)
{
    uint64_t mine = triple(doc, res, cfg, i);
    uint32_t occurrence = 0;
    for (size_t k = 0; k < i; k++)
        occurrence += triple(doc, res, cfg, k) == mine;
    return fnv(mine, &occurrence, sizeof occurrence);
}

int cs_fingerprint_all(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                       uint64_t *out)
{
    size_t n = res->nfindings;
    uint64_t *tri = n ? malloc(n * sizeof *tri) : NULL;
    if (n && tri == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        tri[i] = triple(doc, res, cfg, i);
    for (size_t i = 0; i < n; i++) {
        uint32_t occurrence = 0;
        for (size_t k = 0; k < i; k++)
            occurrence += tri[k] == tri[i];
        out[i] = fnv(tri[i], &occurrence, sizeof occurrence);
    }
    free(tri);
    return 0;
}

void cs_fingerprint_hex(uint64_t fp, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)fp);
}
