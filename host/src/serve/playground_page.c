/*
 * playground_page.c - the playground page and the source of a loaded rule
 * file (playground_page.h).
 */
#include "playground_page.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "json_writer.h"
#include "playground_draft.h"
#include "report.h"

/* The page, from the Makefile's $(BUILD)/gen/serve/playground_html.c. */
extern const char cs_playground_html[];
extern const size_t cs_playground_html_len;

#define NONCE_MARK "@NONCE@"
#define CSS_MARK "/*@REPORT-CSS@*/"
#define SOURCE_MAX (4 * 1024 * 1024) /* a rule file larger than this is not sent */

/* 18 random bytes as 24 characters of base64. */
static int make_nonce(char nonce[CS_PLAYGROUND_NONCE_MAX])
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char raw[18];
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n <= 0)
            return -1;
        got += (size_t)n;
    }
    size_t o = 0;
    for (size_t i = 0; i < sizeof raw; i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        for (int k = 3; k >= 0; k--)
            nonce[o++] = b64[(v >> (6 * k)) & 63];
    }
    nonce[o] = '\0';
    return 0;
}

int cs_playground_page(const cs_config *cfg, cs_buf *out, char nonce[CS_PLAYGROUND_NONCE_MAX])
{
    if (make_nonce(nonce) != 0)
        return -1;
    const char *p = cs_playground_html, *end = p + cs_playground_html_len;
    int rc = 0;
    while (p < end && rc == 0) {
        const char *n = strstr(p, NONCE_MARK), *c = strstr(p, CSS_MARK);
        const char *next = n && (!c || n < c) ? n : c;
        if (next == NULL) {
            rc = cs_buf_append(out, p, (size_t)(end - p));
            break;
        }
        rc = cs_buf_append(out, p, (size_t)(next - p));
        if (next == n) {
            rc |= cs_buf_puts(out, nonce);
            p = next + strlen(NONCE_MARK);
        } else {
            rc |= cs_report_html_style(out, cfg);
            p = next + strlen(CSS_MARK);
        }
    }
    return rc ? -1 : 0;
}

/* The file name of a display path ("rules/anonymous.lua" -> "anonymous.lua"). */
static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Does NAME name the file shown as `file` ("anonymous" or "anonymous.lua")? */
static int names_file(const char *name, const char *file)
{
    const char *b = base_of(file);
    size_t n = strlen(name), bn = strlen(b);
    if (strcmp(name, b) == 0)
        return 1;
    return bn > 4 && strcmp(b + bn - 4, ".lua") == 0 && n == bn - 4 && strncmp(name, b, n) == 0;
}

int cs_playground_rule_source(const cs_scorer *s, const char *name, cs_buf *out)
{
    const cs_ruleset *rs = cs_scorer_rules(s);
    const char *const *files;
    size_t nfiles = cs_scorer_rule_files(s, &files);
    const cs_rule *r = NULL;
    const char *file = NULL;
    long i = cs_ruleset_find(rs, name);
    if (i >= 0) {
        r = &rs->rules[i];
        file = r->file;
    } else {
        for (size_t k = 0; k < nfiles && file == NULL; k++)
            if (names_file(name, files[k]))
                file = files[k];
    }
    const char *path = file ? cs_scorer_rule_file_path(s, file) : NULL;
    if (path == NULL) {
        char msg[256];
        snprintf(msg, sizeof msg, "no loaded rule or rule file is named '%.100s' "
                                  "(GET /v1/rules lists them)", name);
        return cs_playground_error(out, 404, "not_found", msg);
    }
    cs_buf src = {0};
    int rc;
    if (cs_read_file(path, &src) != 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "%.200s: cannot be read", file);
        rc = cs_playground_error(out, 500, "internal", msg);
        goto out;
    }
    if (src.len > SOURCE_MAX) {
        char msg[256];
        snprintf(msg, sizeof msg, "%.200s: larger than %d MB", file, SOURCE_MAX >> 20);
        rc = cs_playground_error(out, 500, "internal", msg);
        goto out;
    }
    const char *b = base_of(file);
    size_t bn = strlen(b);
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_kv_string(&j, "rule", r ? r->id : NULL);
    cs_json_kv_stringn(&j, "name", b, bn > 4 && strcmp(b + bn - 4, ".lua") == 0 ? bn - 4 : bn);
    cs_json_kv_string(&j, "file", file);
    cs_json_kv_int(&j, "line", r ? r->line : 1);
    cs_json_kv_stringn(&j, "source", src.data ? src.data : "", src.len);
    cs_json_end_object(&j);
    rc = cs_json_failed(&j) ? -1 : 200;
out:
    cs_buf_free(&src);
    return rc;
}
