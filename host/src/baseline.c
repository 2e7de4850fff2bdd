#include "baseline.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "json_writer.h"

void cs_baseline_free(cs_baseline *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->items[i].path);
    free(b->items);
    memset(b, 0, sizeof *b);
}

int cs_baseline_load(cs_baseline *b, const char *file, cs_diag *d)
{
    int rc = -1;
    memset(b, 0, sizeof *b);
    json_error_t je;
    json_t *root = json_load_file(file, 0, &je);
    if (root == NULL)
        return cs_diag_at(d, file, je.line > 0 ? je.line : 0, je.column > 0 ? je.column : 0,
                          "cannot read baseline: %s", je.text);
    json_t *schema = json_object_get(root, "schema");
    json_t *findings = json_object_get(root, "findings");
    if (!json_is_string(schema) || strcmp(json_string_value(schema), "credscore-baseline") != 0 ||
        !json_is_array(findings)) {
        cs_diag_at(d, file, 0, 0, "not a credscore baseline (write one with `credscore baseline`)");
        goto out;
    }
    size_t i;
    json_t *v;
    json_array_foreach(findings, i, v)
    {
        json_t *p = json_object_get(v, "path"), *fp = json_object_get(v, "fingerprint");
        char *end = NULL;
        unsigned long long x = json_is_string(fp) ? strtoull(json_string_value(fp), &end, 16) : 0;
        if (!json_is_string(p) || !end || *end) {
            cs_diag_at(d, file, 0, 0, "finding %zu has no path or fingerprint", i + 1);
            goto out;
        }
        void *items = b->items;
        if (cs_array_grow(&items, &b->cap, b->n + 1, sizeof(cs_baseline_entry)) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        b->items = items;
        b->items[b->n].fingerprint = (uint64_t)x;
        if ((b->items[b->n].path = cs_strdup(json_string_value(p))) == NULL) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        b->n++;
    }
    rc = 0;
out:
    json_decref(root);
    if (rc != 0)
        cs_baseline_free(b);
    return rc;
}

size_t cs_baseline_apply(const cs_baseline *b, const cs_document *doc, const cs_config *cfg,
                         cs_result *res)
{
    size_t marked = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        cs_finding *f = &res->findings[i];
        if (f->suppress_reason)
            continue;
        uint64_t fp = cs_fingerprint(doc, res, cfg, i);
        for (size_t k = 0; k < b->n; k++)
            if (b->items[k].fingerprint == fp && strcmp(b->items[k].path, doc->path) == 0) {
                f->suppress_reason = "in the baseline";
                marked++;
                break;
            }
    }
    return marked;
}

int cs_baseline_write_article(cs_buf *out, const cs_document *doc, const cs_result *res,
                              const cs_config *cfg, int *first, size_t *count)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (f->note == CS_NOTE_DUPLICATE || f->suppress_reason)
            continue;
        char hex[17];
        cs_fingerprint_hex(cs_fingerprint(doc, res, cfg, i), hex);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]) + f->start;
        cs_json j;
        cs_json_init(&j, out, 0);
        if (cs_buf_puts(out, *first ? "\n    " : ",\n    ") != 0)
            return -1;
        *first = 0;
        cs_json_object(&j);
        cs_json_kv_string(&j, "path", doc->path);
        cs_json_kv_string(&j, "fingerprint", hex);
        cs_json_kv_string(&j, "rule", f->rule_id);
        cs_json_kv_string(&j, "marker", cfg->markers[f->marker].name);
        cs_json_kv_stringn(&j, "text", text, f->end - f->start);
        cs_json_end_object(&j);
        if (cs_json_failed(&j))
            return -1;
        (*count)++;
    }
    return 0;
}
