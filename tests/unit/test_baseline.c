/* test_baseline.c - accepted findings (baseline.h): what
 * cs_baseline_write_article and _write_path write loads back, with paths
 * normalised; apply marks exactly the findings the baseline holds for that
 * article (not new ones, not another article's, not those already
 * suppressed); a file that is no baseline is refused, naming it. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "document_load.h"
#include "tap.h"
#include "test_finding.h"

static cs_config cfg;
static char file[] = "/tmp/cs-baseline.XXXXXX";

static void put_file(const char *text)
{
    FILE *f = fopen(file, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A finding of marker on the first occurrence of words in passage p. */
static void add(cs_result *r, const cs_document *doc, size_t p, const char *marker,
                const char *words, const char *suppressed)
{
    const char *text = cs_doc_text(doc, &doc->passages[p]);
    const char *at = strstr(text, words);
    size_t start = at ? (size_t)(at - text) : 0;
    cs_finding f = test_finding(&cfg, marker, p, start, start + strlen(words), -4);
    f.suppress_reason = suppressed;
    cs_result_add(r, &f);
}

/* The error of loading a baseline file holding text. */
static const char *load_error(const char *text)
{
    static cs_diag d;
    cs_baseline b;
    put_file(text);
    d.msg[0] = '\0';
    int rc = cs_baseline_load(&b, file, &d);
    if (rc == 0)
        cs_baseline_free(&b);
    return rc == 0 ? "(loaded)" : d.msg + strlen(file); /* after the file name */
}

int main(void)
{
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    int fd = mkstemp(file);
    ok(fd >= 0, "scratch file");
    close(fd);

    const char *text = "Officials said the quay opens.\n\nCritics said it is late.\n";
    cs_document doc;
    ok(cs_document_load_memory(&doc, "./dir/a.md", text, strlen(text), CS_FORMAT_MARKDOWN,
                               &d) == 0,
       "article loads");
    cs_result r;
    cs_result_init(&r);
    add(&r, &doc, 0, "anonymous", "Officials said", NULL);
    add(&r, &doc, 1, "vague", "Critics said", NULL);
    add(&r, &doc, 1, "hedged", "it is late", "cleared by the desk");

    /* Write a baseline as `credscore baseline` lays it out. */
    cs_buf out = {0};
    int first = 1;
    size_t count = 0;
    cs_buf_puts(&out, "{\"schema\": \"credscore-baseline\", \"version\": 1, \"articles\": [");
    is_int(cs_baseline_write_path(&out, "./dir/a.md", &first), 0, "write_path: 0");
    ok(first == 0, "write_path: the next item needs a comma");
    cs_baseline_write_path(&out, "quiet.md", &first);
    cs_buf_puts(&out, "], \"findings\": [");
    first = 1;
    is_int(cs_baseline_write_article(&out, &doc, &r, &cfg, &first, &count), 0,
           "write_article: 0");
    is_int(count, 2, "write_article: two findings (the suppressed one left out)");
    cs_buf_puts(&out, "]}");
    cs_buf_terminate(&out);

    json_error_t je;
    json_t *root = json_loads(out.data, 0, &je);
    ok(root != NULL, "what they write is JSON: %s", root ? "" : je.text);
    json_t *arts = json_object_get(root, "articles");
    json_t *f0 = json_array_get(json_object_get(root, "findings"), 0);
    is_str(json_string_value(json_array_get(arts, 0)), "dir/a.md",
           "the article's path without ./");
    is_str(json_string_value(json_object_get(f0, "path")), "dir/a.md", "a finding's path too");
    is_str(json_string_value(json_object_get(f0, "rule")), "test-rule", "its rule");
    is_str(json_string_value(json_object_get(f0, "marker")), "anonymous", "its marker");
    is_str(json_string_value(json_object_get(f0, "text")), "Officials said", "its words");
    const char *fp = json_string_value(json_object_get(f0, "fingerprint"));
    ok(fp && strlen(fp) == 16 && strspn(fp, "0123456789abcdef") == 16,
       "its fingerprint: 16 hex digits");
    json_decref(root);

    /* Load it back. */
    put_file(out.data);
    cs_baseline b;
    is_int(cs_baseline_load(&b, file, &d), 0, "the baseline loads");
    is_int(b.n, 2, "two entries");
    is_int(b.narticles, 2, "two articles");
    ok(cs_baseline_knows(&b, "dir/a.md") && cs_baseline_knows(&b, "./dir/a.md"),
       "knows the article, with or without ./");
    ok(cs_baseline_knows(&b, "quiet.md"), "knows an article recorded without findings");
    ok(!cs_baseline_knows(&b, "dir/b.md"), "does not know another article");

    /* Apply to a new scoring of the same article, with one new finding. */
    cs_result again;
    cs_result_init(&again);
    add(&again, &doc, 0, "anonymous", "Officials said", NULL);
    add(&again, &doc, 1, "vague", "Critics said", NULL);
    add(&again, &doc, 1, "hedged", "it is late", "cleared by the desk");
    add(&again, &doc, 0, "anonymous", "the quay", NULL);
    size_t marked = 0;
    is_int(cs_baseline_apply(&b, &doc, &cfg, &again, &marked), 0, "apply: 0");
    is_int(marked, 2, "apply: the two baselined findings marked");
    is_str(again.findings[0].suppress_reason, "in the baseline", "apply: the first, as such");
    ok(again.findings[0].suppress_reason == cs_baseline_reason,
       "apply: the reason is cs_baseline_reason itself (reports tell it apart by pointer)");
    is_str(again.findings[1].suppress_reason, cs_baseline_reason, "apply: the second");
    is_str(again.findings[2].suppress_reason, "cleared by the desk",
           "apply: an article suppression keeps its reason");
    ok(again.findings[3].suppress_reason == NULL, "apply: the new finding stays new");

    /* A finding suppressed before apply keeps its reason and is not counted. */
    cs_result_reset(&again);
    add(&again, &doc, 0, "anonymous", "Officials said", "kept by hand");
    add(&again, &doc, 1, "vague", "Critics said", NULL);
    marked = 0;
    cs_baseline_apply(&b, &doc, &cfg, &again, &marked);
    ok(marked == 1 && strcmp(again.findings[0].suppress_reason, "kept by hand") == 0 &&
       strcmp(again.findings[1].suppress_reason, cs_baseline_reason) == 0,
       "apply: a finding already suppressed keeps its reason and is not counted");

    /* The same findings in another article are new there. */
    cs_document other;
    cs_document_load_memory(&other, "dir/b.md", text, strlen(text), CS_FORMAT_MARKDOWN, &d);
    cs_result_reset(&again);
    add(&again, &other, 0, "anonymous", "Officials said", NULL);
    marked = 0;
    cs_baseline_apply(&b, &other, &cfg, &again, &marked);
    ok(marked == 0 && again.findings[0].suppress_reason == NULL,
       "apply: another article's same finding is not marked");
    cs_baseline_free(&b);
    ok(b.items == NULL && b.n == 0 && b.articles == NULL, "cs_baseline_free empties it");

    /* Nothing to write for a result without findings. */
    cs_result_reset(&again);
    cs_buf none = {0};
    first = 1;
    count = 0;
    ok(cs_baseline_write_article(&none, &doc, &again, &cfg, &first, &count) == 0 &&
       none.len == 0 && first == 1 && count == 0, "write_article: no findings, nothing written");

    /* An older baseline without "articles" knows the articles its findings name. */
    put_file("{\"schema\": \"credscore-baseline\", \"findings\": "
             "[{\"path\": \"./c.md\", \"fingerprint\": \"00000000000000ff\"}]}");
    ok(cs_baseline_load(&b, file, &d) == 0 && cs_baseline_knows(&b, "c.md") && b.n == 1 &&
       b.items[0].fingerprint == 0xff,
       "without \"articles\": the articles of its findings, fingerprint read as hex");
    cs_baseline_free(&b);

    /* Files that are no baseline. */
    is_str(load_error("{\"schema\": \"credscore-report\", \"findings\": []}"),
           ": not a credscore baseline (write one with `credscore baseline`)", "another schema");
    is_str(load_error("{\"schema\": \"credscore-baseline\"}"),
           ": not a credscore baseline (write one with `credscore baseline`)", "no findings list");
    is_str(load_error("{\"schema\": \"credscore-baseline\", \"articles\": {}, \"findings\": []}"),
           ": \"articles\" is not a list of paths", "articles not a list");
    is_str(load_error("{\"schema\": \"credscore-baseline\", \"articles\": [\"a\", 3], "
                      "\"findings\": []}"),
           ": article 2 is not a path", "an article that is not a path");
    is_str(load_error("{\"schema\": \"credscore-baseline\", \"findings\": [{\"path\": \"a\", "
                      "\"fingerprint\": \"xyz\"}]}"),
           ": finding 1 has no path or fingerprint", "a fingerprint that is not hex");
    is_str(load_error("{\"schema\": \"credscore-baseline\", \"findings\": [{\"fingerprint\": "
                      "\"01\"}]}"),
           ": finding 1 has no path or fingerprint", "a finding without a path");
    const char *e = load_error("{\"schema\": ");
    ok(strncmp(e, ":1:", 3) == 0 && strstr(e, "cannot read baseline: ") != NULL,
       "broken JSON: line and column, then jansson's words: %s", e);
    unlink(file);
    is_int(cs_baseline_load(&b, file, &d), -1, "a missing file is refused");
    ok(strncmp(d.msg, file, strlen(file)) == 0 && strstr(d.msg, "cannot read baseline") != NULL,
       "naming it: %s", d.msg);

    cs_buf_free(&none);
    cs_buf_free(&out);
    cs_result_free(&again);
    cs_result_free(&r);
    cs_document_free(&other);
    cs_document_free(&doc);
    cs_config_free(&cfg);
    return done_testing();
}
