/*
 * playground_draft.c - a draft rule scored or tested for one request
 * (playground_draft.h): the request read with jansson, a scorer built with
 * the draft, the JSON and HTML reports, or the examples' results.
 */
#include "playground_draft.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document_load.h"
#include "json_writer.h"
#include "report.h"
#include "rule_examples.h"

#define DRAFT_FILE_MAX 96

/* ---- answers ---- */

/* Start {"error": code, "message": message, ... in j (left open). */
static void error_begin(cs_json *j, cs_buf *out, const char *code, const char *message)
{
    cs_json_init(j, out, 0);
    cs_json_object(j);
    cs_json_kv_string(j, "error", code);
    cs_json_kv_string(j, "message", message);
}

static int error_end(cs_json *j, cs_buf *out, int status)
{
    cs_json_end_object(j);
    cs_buf_putc(out, '\n');
    return cs_json_failed(j) ? -1 : status;
}

int cs_playground_error(cs_buf *out, int status, const char *code, const char *message)
{
    cs_json j;
    error_begin(&j, out, code, message);
    return error_end(&j, out, status);
}

static int errorf(cs_buf *out, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int errorf(cs_buf *out, int status, const char *code, const char *fmt, ...)
{
    char msg[CS_DIAG_MAX + 128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cs_playground_error(out, status, code, msg);
}

/* Length of "LINE" (digits) at s followed by ':', else 0. */
static size_t line_at(const char *s)
{
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    return n > 0 && s[n] == ':' ? n : 0;
}

/* 422 for a draft that does not load or fails: msg is "FILE:LINE[:COL]:
 * text" or "FILE: text", after an optional prefix (the article's name);
 * FILE is the draft's `file` when it appears, else the first position in
 * msg (a configuration key, say); failing both, the whole of msg. */
static int draft_error(cs_buf *out, const char *file, const char *msg)
{
    const char *f = strstr(msg, file), *p = NULL;
    size_t flen = strlen(file);
    if (f == NULL) { /* the first "PATH:LINE:" */
        for (const char *c = strchr(msg, ':'); c != NULL; c = strchr(c + 1, ':'))
            if (c > msg && line_at(c + 1) && !memchr(msg, ' ', (size_t)(c - msg))) {
                f = msg;
                flen = (size_t)(c - msg);
                break;
            }
    }
    long line = 0;
    if (f != NULL) {
        p = f + flen;
        if (*p == ':' && line_at(p + 1)) {
            line = strtol(p + 1, NULL, 10);
            p += 1 + line_at(p + 1);
            if (*p == ':' && line_at(p + 1)) /* a column */
                p += 1 + line_at(p + 1);
        }
        if (*p == ':')
            p++;
        while (*p == ' ')
            p++;
    }
    cs_json j;
    error_begin(&j, out, "rule_error", p ? p : msg);
    if (f != NULL)
        cs_json_kv_stringn(&j, "file", f, flen);
    else
        cs_json_kv_string(&j, "file", NULL);
    cs_json_key(&j, "line");
    if (line > 0)
        cs_json_int(&j, line);
    else
        cs_json_null(&j);
    return error_end(&j, out, 422);
}

/* ---- the request ---- */

typedef struct pg_req {
    json_t *root;
    const char *text;
    size_t text_len;
    cs_format fmt;
    cs_rule_draft draft;
    int has_draft;
    char file[DRAFT_FILE_MAX]; /* "draft:NAME.lua" */
} pg_req;

/* Field `key` of obj as a string (NULL when absent); 400 when it is there
 * but not a string. */
static int get_string(json_t *obj, const char *where, const char *key, const char **s,
                      size_t *len, cs_buf *out)
{
    json_t *v = json_object_get(obj, key);
    *s = NULL;
    if (v == NULL)
        return 0;
    if (!json_is_string(v))
        return errorf(out, 400, "bad_request", "\"%s%s\" must be a string", where, key);
    *s = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    return 0;
}

/* 400 for a field of obj not in the NULL-ended list known. */
static int check_keys(json_t *obj, const char *where, const char *const *known, cs_buf *out)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            ok |= strcmp(*k, key) == 0;
        if (!ok) {
            char list[128] = "";
            for (const char *const *k = known; *k; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         k == known ? "" : k[1] ? ", " : " and ", *k);
            return errorf(out, 400, "bad_request", "unknown member \"%s%.64s\" (the members "
                                                   "are %s)", where, key, list);
        }
    }
    return 0;
}

/* Read the body: {"text", "format"?, "rule"?} (want_text) or {"rule"}.
 * 0, or the HTTP status of the error written to out. */
static int parse_request(const char *body, size_t len, int want_text, pg_req *q, cs_buf *out)
{
    static const char *const score_keys[] = {"text", "format", "rule", NULL};
    static const char *const test_keys[] = {"rule", NULL};
    static const char *const rule_keys[] = {"name", "source", NULL};
    json_error_t je;
    memset(q, 0, sizeof *q);
    q->fmt = CS_FORMAT_MARKDOWN;
    if (len == 0)
        return errorf(out, 400, "bad_request", "the body is empty: send %s",
                      want_text ? "{\"text\": \"...\", \"rule\": {\"name\": ..., \"source\": "
                                  "...}}"
                                : "{\"rule\": {\"name\": ..., \"source\": ...}}");
    q->root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (q->root == NULL) {
        char msg[400];
        snprintf(msg, sizeof msg, "malformed JSON at line %d, column %d (byte %d): %s",
                 je.line, je.column, je.position, je.text);
        cs_json j;
        error_begin(&j, out, "bad_json", msg);
        cs_json_kv_int(&j, "line", je.line);
        cs_json_kv_int(&j, "column", je.column);
        cs_json_kv_int(&j, "byte", je.position);
        return error_end(&j, out, 400);
    }
    if (!json_is_object(q->root))
        return errorf(out, 400, "bad_request", "the body must be a JSON object: %s",
                      want_text ? "{\"text\": ..., \"format\"?: ..., \"rule\"?: {\"name\": ..., "
                                  "\"source\": ...}}"
                                : "{\"rule\": {\"name\": ..., \"source\": ...}}");
    int rc = check_keys(q->root, "", want_text ? score_keys : test_keys, out);
    if (rc)
        return rc;
    if (want_text) {
        const char *fmt;
        if ((rc = get_string(q->root, "", "text", &q->text, &q->text_len, out)) ||
            (rc = get_string(q->root, "", "format", &fmt, NULL, out)))
            return rc;
        if (q->text == NULL)
            return errorf(out, 400, "bad_request", "the body has no \"text\" (the article, a "
                                                   "string)");
        if (fmt && (cs_format_parse(fmt, &q->fmt) != 0 || q->fmt == CS_FORMAT_AUTO))
            return errorf(out, 400, "bad_request", "\"format\" is the article's input format: "
                                                   "text, markdown or html");
    }
    json_t *rule = json_object_get(q->root, "rule");
    if (rule == NULL || json_is_null(rule)) {
        if (!want_text)
            return errorf(out, 400, "bad_request", "the body has no \"rule\" ({\"name\": ..., "
                                                   "\"source\": ...})");
        return 0;
    }
    if (!json_is_object(rule))
        return errorf(out, 400, "bad_request", "\"rule\" must be an object {\"name\": ..., "
                                               "\"source\": ...}");
    if ((rc = check_keys(rule, "rule.", rule_keys, out)) ||
        (rc = get_string(rule, "rule.", "name", &q->draft.name, NULL, out)) ||
        (rc = get_string(rule, "rule.", "source", &q->draft.source, &q->draft.len, out)))
        return rc;
    if (q->draft.name == NULL || q->draft.source == NULL)
        return errorf(out, 400, "bad_request", "the rule has no \"%s\" (a string)",
                      q->draft.name ? "source" : "name");
    if (!cs_rule_draft_name_ok(q->draft.name))
        return errorf(out, 400, "bad_request", "rule name '%.80s': use 1 to 64 letters, digits, "
                                               "'-', '_' or '.' (not starting with '.')",
                      q->draft.name);
    size_t n = strlen(q->draft.name);
    if (n > 4 && strcmp(q->draft.name + n - 4, ".lua") == 0)
        n -= 4;
    snprintf(q->file, sizeof q->file, "draft:%.*s.lua", (int)n, q->draft.name);
    q->has_draft = 1;
    return 0;
}

/* ---- POST /v1/playground/score ---- */

/* The JSON report (as `score -f json`) and the HTML article of sc. */
static int write_reports(const cs_playground_env *env, const cs_scorer *s, cs_scored *sc,
                         cs_buf *out)
{
    cs_run run = {0};
    cs_diag d;
    run.cfg = env->cfg;
    run.rules = cs_scorer_rules(s);
    run.plugins = cs_scorer_plugins(s);
    run.has_threshold = env->gate->has_threshold;
    run.threshold = env->gate->threshold;
    run.opts.min_level = CS_LEVEL_INFO;
    run.tool_version = env->tool_version;
    if (cs_gate_settle(env->gate, sc, &d) != 0) /* (it narrows nothing: cannot fail) */
        return -1;
    cs_buf rep = {0}, html = {0};
    cs_run_writer w = {0};
    int rc = -1;
    if (cs_run_writer_begin(&w, CS_RUN_JSON, &rep, &run) != 0 ||
        cs_run_writer_article(&w, &run, sc) != 0 || cs_run_writer_end(&w, &run) != 0 ||
        cs_buf_terminate(&rep) != 0 || cs_report_html_article(&html, &run, sc) != 0)
        goto out;
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_key(&j, "report");
    cs_json_raw(&j, rep.data);
    cs_json_key(&j, "html");
    cs_json_stringn(&j, html.data ? html.data : "", html.len);
    cs_json_end_object(&j);
    rc = cs_json_failed(&j) ? -1 : 200;
out:
    cs_run_writer_free(&w);
    cs_buf_free(&rep);
    cs_buf_free(&html);
    return rc;
}

int cs_playground_score(const cs_playground_env *env, const char *body, size_t len,
                        cs_buf *out)
{
    pg_req q;
    cs_scorer *s = NULL;
    cs_scored sc;
    cs_diag d;
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    int rc = parse_request(body, len, 1, &q, out);
    if (rc)
        goto out;
    cs_scorer *use = env->scorer;
    if (q.has_draft) {
        if (env->build(env->build_ctx, &q.draft, 0, &s, &d) != 0) {
            rc = draft_error(out, q.file, d.msg);
            goto out;
        }
        use = s;
    }
    if (env->note)
        cs_scorer_set_crash_note(use, env->note, env->note_size);
    if (cs_document_load_memory_max(&sc.doc, "playground", q.text, q.text_len, q.fmt,
                                    env->max_bytes, &d) != 0) {
        rc = errorf(out, 422, "bad_article", "%s", d.msg);
        goto out;
    }
    if (cs_scorer_score(use, &sc.doc, &sc.res, &d) != 0) {
        rc = q.has_draft && strstr(d.msg, q.file) ? draft_error(out, q.file, d.msg)
                                                  : errorf(out, 422, "bad_article", "%s", d.msg);
        goto out;
    }
    rc = write_reports(env, use, &sc, out);
out:
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    cs_scorer_free(s);
    json_decref(q.root);
    return rc;
}

/* ---- POST /v1/playground/test ---- */

typedef struct ex_run {
    cs_scorer *s;
    cs_json *j;
    char *reported; /* per rule: its breakage was written */
    size_t passed, failed;
} ex_run;

/* A result for each rule broken since the last call (a check failed and
 * the rule was disabled), once. */
static void write_broken(ex_run *x)
{
    const cs_ruleset *rs = cs_scorer_rules(x->s);
    const cs_rule *r;
    for (size_t i = 0; (r = cs_ruleset_next_broken(rs, x->reported, &i)) != NULL;) {
        x->failed++;
        cs_json_object(x->j);
        cs_json_kv_string(x->j, "rule", r->id);
        cs_json_kv_string(x->j, "source", r->source);
        cs_json_kv_bool(x->j, "pass", 0);
        cs_json_kv_string(x->j, "why", r->fail_reason ? r->fail_reason : "the rule failed");
        cs_json_end_object(x->j);
    }
}

static void write_found(cs_json *j, const cs_document *doc, const cs_result *res,
                        const cs_config *cfg)
{
    cs_json_key(j, "found");
    cs_json_array(j);
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        const cs_passage *ps = &doc->passages[f->passage];
        size_t e = f->end < ps->len ? f->end : ps->len, st = f->start < e ? f->start : e;
        cs_json_object(j);
        cs_json_kv_string(j, "rule", f->rule_id);
        cs_json_kv_string(j, "marker", cfg->markers[f->marker].name);
        cs_json_kv_stringn(j, "text", cs_doc_text(doc, ps) + st, e - st);
        cs_json_end_object(j);
    }
    cs_json_end_array(j);
}

/* Rule r's examples, as `credscore test` runs them. */
static void run_rule_examples(ex_run *x, const cs_config *cfg, size_t ri, cs_result *res)
{
    const cs_rule *r = &cs_scorer_rules(x->s)->rules[ri];
    for (int kind = 0; kind < 2 && !r->failed; kind++) {
        char **ex = kind == 0 ? r->hit_examples : r->miss_examples;
        size_t n = kind == 0 ? r->nhit_examples : r->nmiss_examples;
        for (size_t k = 0; k < n; k++) {
            cs_document doc;
            cs_diag d;
            int rc = cs_example_score(x->s, r, ex[k], &doc, res, &d);
            write_broken(x);
            if (r->failed) { /* broken on its own example: written once above */
                cs_document_free(&doc);
                break;
            }
            int pass = rc == 0 && cs_example_fired(res, r) == (kind == 0);
            x->passed += pass;
            x->failed += !pass;
            cs_json_object(x->j);
            cs_json_kv_string(x->j, "rule", r->id);
            cs_json_kv_string(x->j, "source", r->source);
            cs_json_kv_string(x->j, "kind", kind == 0 ? "hit" : "miss");
            cs_json_kv_int(x->j, "index", (long long)k + 1);
            cs_json_kv_string(x->j, "example", ex[k]);
            cs_json_kv_bool(x->j, "pass", pass);
            if (rc != 0) {
                char why[CS_DIAG_MAX + 32];
                snprintf(why, sizeof why, "could not be scored: %s", d.msg);
                cs_json_kv_string(x->j, "why", why);
            } else if (!pass) {
                cs_json_kv_string(x->j, "why", kind == 0 ? "did not fire" : "fired");
            }
            if (rc == 0)
                write_found(x->j, &doc, res, cfg);
            cs_json_end_object(x->j);
            cs_document_free(&doc);
        }
    }
}

int cs_playground_test(const cs_playground_env *env, const char *body, size_t len, cs_buf *out)
{
    pg_req q;
    cs_scorer *s = NULL;
    cs_diag d;
    cs_result res;
    ex_run x = {0};
    cs_result_init(&res);
    int rc = parse_request(body, len, 0, &q, out);
    if (rc)
        goto out;
    if (env->build(env->build_ctx, &q.draft, 1, &s, &d) != 0) {
        rc = draft_error(out, q.file, d.msg);
        goto out;
    }
    const cs_ruleset *rs = cs_scorer_rules(s);
    x.s = s;
    x.reported = calloc(rs->nrules + 1, 1);
    if (x.reported == NULL) {
        rc = -1;
        goto out;
    }
    cs_json j;
    x.j = &j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_kv_string(&j, "file", q.file);
    cs_json_kv_int(&j, "rules", (long long)rs->nrules);
    cs_json_key(&j, "results");
    cs_json_array(&j);
    for (size_t i = 0; i < rs->nrules; i++)
        if (!rs->rules[i].failed)
            run_rule_examples(&x, env->cfg, i, &res);
    cs_json_end_array(&j);
    cs_json_kv_int(&j, "passed", (long long)x.passed);
    cs_json_kv_int(&j, "failed", (long long)x.failed);
    cs_json_end_object(&j);
    rc = cs_json_failed(&j) ? -1 : 200;
out:
    free(x.reported);
    cs_result_free(&res);
    cs_scorer_free(s);
    json_decref(q.root);
    return rc;
}
