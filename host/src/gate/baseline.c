#include "baseline.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "json_writer.h"
#include "report.h"

const char cs_baseline_reason[] = "in the baseline";

void cs_baseline_free(cs_baseline *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->items[i].path);
    free(b->items);
    for (size_t i = 0; i < b->narticles; i++)
        free(b->articles[i]);
    free(b->articles);
    memset(b, 0, sizeof *b);
}

/* path as reports show it (cs_report_rel_path), NUL-terminated in out. */
static int norm_path(cs_buf *out, const char *path)
{
    int inside;
    out->len = 0;
    return cs_report_rel_path(out, path, &inside) != 0 || cs_buf_terminate(out) != 0 ? -1 : 0;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add path (normalised) to the articles known. */
static int add_article(cs_baseline *b, cs_buf *tmp, const char *path)
{
    void *items = b->articles;
    if (cs_array_grow(&items, &b->acap, b->narticles + 1, sizeof(char *)) != 0)
        return -1;
    b->articles = items;
    if (norm_path(tmp, path) != 0 || (b->articles[b->narticles] = cs_strdup(tmp->data)) == NULL)
        return -1;
    b->narticles++;
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    const cs_baseline_entry *x = a, *y = b;
    if (x->fingerprint != y->fingerprint)
        return x->fingerprint < y->fingerprint ? -1 : 1;
    return strcmp(x->path, y->path);
}

int cs_baseline_load(cs_baseline *b, const char *file, cs_diag *d)
{
    int rc = -1;
    cs_buf path = {0};
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
    json_t *arts = json_object_get(root, "articles");
    size_t i;
    json_t *v;
    if (arts && !json_is_array(arts)) {
        cs_diag_at(d, file, 0, 0, "\"articles\" is not a list of paths");
        goto out;
    }
    json_array_foreach(arts, i, v)
    {
        if (!json_is_string(v)) {
            cs_diag_at(d, file, 0, 0, "article %zu is not a path", i + 1);
            goto out;
        }
        if (add_article(b, &path, json_string_value(v)) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
    }
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
        if (cs_array_grow(&items, &b->cap, b->n + 1, sizeof(cs_baseline_entry)) != 0 ||
            norm_path(&path, json_string_value(p)) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        b->items = items;
        b->items[b->n].fingerprint = (uint64_t)x;
        if ((b->items[b->n].path = cs_strdup(path.data)) == NULL) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        if (!arts && add_article(b, &path, json_string_value(p)) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        b->n++;
    }
    if (b->n)
        qsort(b->items, b->n, sizeof *b->items, entry_cmp);
    if (b->narticles)
        qsort(b->articles, b->narticles, sizeof *b->articles, str_cmp);
    rc = 0;
out:
    json_decref(root);
    cs_buf_free(&path);
    if (rc != 0)
        cs_baseline_free(b);
    return rc;
}

/* Does the baseline hold fingerprint fp for path? */
static int holds(const cs_baseline *b, uint64_t fp, const char *path)
{
    cs_baseline_entry key = {(char *)path, fp};
    return bsearch(&key, b->items, b->n, sizeof *b->items, entry_cmp) != NULL;
}

int cs_baseline_knows(const cs_baseline *b, const char *path)
{
    cs_buf norm = {0};
    int known = 0;
    if (b->narticles && norm_path(&norm, path) == 0) {
        const char *key = norm.data;
        known = bsearch(&key, b->articles, b->narticles, sizeof *b->articles, str_cmp) != NULL;
    }
    cs_buf_free(&norm);
    return known;
}

int cs_baseline_write_path(cs_buf *out, const char *path, int *first)
{
    cs_buf norm = {0};
    cs_json j;
    int rc = -1;
    if (norm_path(&norm, path) != 0 || cs_buf_puts(out, *first ? "\n    " : ",\n    ") != 0)
        goto out;
    *first = 0;
    cs_json_init(&j, out, 0);
    cs_json_string(&j, norm.data);
    rc = cs_json_failed(&j) ? -1 : 0;
out:
    cs_buf_free(&norm);
    return rc;
}

int cs_baseline_apply(const cs_baseline *b, const cs_document *doc, const cs_config *cfg,
                      cs_result *res, size_t *marked)
{
    int rc = -1;
    cs_buf path = {0};
    uint64_t *fps = NULL;
    if (res->nfindings == 0 || b->n == 0)
        return 0;
    if ((fps = malloc(res->nfindings * sizeof *fps)) == NULL ||
        cs_fingerprint_all(doc, res, cfg, fps) != 0 || norm_path(&path, doc->path) != 0)
        goto out;
    for (size_t i = 0; i < res->nfindings; i++) {
        cs_finding *f = &res->findings[i];
        if (!f->suppress_reason && holds(b, fps[i], path.data)) {
            f->suppress_reason = cs_baseline_reason;
            (*marked)++;
        }
    }
    rc = 0;
out:
    free(fps);
    cs_buf_free(&path);
    return rc;
}

int cs_baseline_write_article(cs_buf *out, const cs_document *doc, const cs_result *res,
                              const cs_config *cfg, int *first, size_t *count)
{
    int rc = -1;
    cs_buf path = {0};
    uint64_t *fps = NULL;
    if (res->nfindings == 0)
        return 0;
    if ((fps = malloc(res->nfindings * sizeof *fps)) == NULL ||
        cs_fingerprint_all(doc, res, cfg, fps) != 0 || norm_path(&path, doc->path) != 0)
        goto out;
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (f->suppress_reason) /* suppressed in the article: not the baseline's to hold */
            continue;
        char hex[17];
        cs_fingerprint_hex(fps[i], hex);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]) + f->start;
        cs_json j;
        cs_json_init(&j, out, 0);
        if (cs_buf_puts(out, *first ? "\n    " : ",\n    ") != 0)
            goto out;
        *first = 0;
        cs_json_object(&j);
        cs_json_kv_string(&j, "path", path.data);
        cs_json_kv_string(&j, "fingerprint", hex);
        cs_json_kv_string(&j, "rule", f->rule_id);
        cs_json_kv_string(&j, "marker", cfg->markers[f->marker].name);
        cs_json_kv_stringn(&j, "text", text, f->end - f->start);
        cs_json_end_object(&j);
        if (cs_json_failed(&j))
            goto out;
        (*count)++;
    }
    rc = 0;
out:
    free(fps);
    cs_buf_free(&path);
    return rc;
}
