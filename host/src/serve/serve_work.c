/* serve_work.c - the server's jobs, encoded for the worker pool and run in
 * a worker: one article into a report, a batch of JSONL records into
 * JSONL answers (serve_work.h). */
#include "serve_work.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document_load.h"
#include "json_writer.h"
#include "playground_draft.h"
#include "pool.h"
#include "report.h"
#include "result_codec.h"
#include "stream.h"

enum { KIND_ARTICLE = 1, KIND_BATCH = 2, KIND_PLAYGROUND = 3 };

/* What every job starts with. */
typedef struct job_head {
    uint32_t kind;
    int32_t profile;
    uint32_t report;
    uint32_t fmt;
    uint64_t id_len;   /* article: the id's bytes (a NUL follows them), then the text */
} job_head;

static const struct {
    const char *name;
    const char *type;
} reports[] = {
    [SERVE_REPORT_JSON] = {"json", "application/json"},
    [SERVE_REPORT_TEXT] = {"text", "text/plain; charset=utf-8"},
    [SERVE_REPORT_HTML] = {"html", "text/html; charset=utf-8"},
    [SERVE_REPORT_SARIF] = {"sarif", "application/sarif+json"},
    [SERVE_REPORT_GITHUB] = {"github", "text/plain; charset=utf-8"},
    [SERVE_REPORT_JUNIT] = {"junit", "application/xml"},
};

int serve_report_parse(const char *name, serve_report *out)
{
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
        if (strcmp(name, reports[i].name) == 0) {
            *out = (serve_report)i;
            return 0;
        }
    return -1;
}

const char *serve_report_type(serve_report r)
{
    return reports[r].type;
}

void serve_worker_init(serve_worker *w, const serve_scoring *scoring, size_t n,
                       const char *version)
{
    memset(w, 0, sizeof *w);
    w->scoring = scoring;
    w->n = n;
    w->version = version;
    cs_result_init(&w->res);
    cs_jsonl_reader_init(&w->reader);
}

void serve_worker_free(serve_worker *w)
{
    cs_result_free(&w->res);
    cs_jsonl_reader_free(&w->reader);
    cs_document_free(&w->doc);
}

int serve_job_article(cs_buf *out, int profile, serve_report report, cs_format fmt,
                      const char *id, const char *text, size_t len)
{
    if (id == NULL)
        id = "-";
    job_head h = {KIND_ARTICLE, profile, (uint32_t)report, (uint32_t)fmt, strlen(id)};
    out->len = 0;
    if (cs_buf_append(out, &h, sizeof h) != 0 || cs_buf_append(out, id, strlen(id) + 1) != 0 ||
        cs_buf_append(out, text, len) != 0)
        return -1;
    return 0;
}

int serve_job_batch(cs_buf *out, int profile, cs_format fmt)
{
    job_head h = {KIND_BATCH, profile, 0, (uint32_t)fmt, 0};
    out->len = 0;
    return cs_buf_append(out, &h, sizeof h);
}

int serve_job_batch_add(cs_buf *out, size_t lineno, const char *line, size_t len)
{
    if (cs_buf_printf(out, "%zu\t", lineno) != 0 || cs_buf_append(out, line, len) != 0 ||
        cs_buf_putc(out, '\n') != 0)
        return -1;
    return 0;
}

int serve_job_is_batch(const char *job, size_t len)
{
    job_head h;
    if (len < sizeof h)
        return 0;
    memcpy(&h, job, sizeof h);
    return h.kind == KIND_BATCH;
}

int serve_job_batch_next(const char *job, size_t len, size_t *pos, cs_buf *one)
{
    if (*pos < sizeof(job_head))
        *pos = sizeof(job_head);
    if (*pos >= len)
        return 0;
    const char *p = job + *pos, *nl = memchr(p, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - p) + 1 : len - *pos;
    one->len = 0;
    if (cs_buf_append(one, job, sizeof(job_head)) != 0 || cs_buf_append(one, p, n) != 0)
        return -1;
    *pos += n;
    return 1;
}


int serve_job_lost_record(cs_jsonl_reader *r, const char *job, size_t len, const char *crash,
                          cs_buf *out)
{
    const char *p = job + sizeof(job_head), *end = job + len;
    if (len < sizeof(job_head))
        return -1;
    while (end > p && end[-1] == '\n')
        end--;
    size_t lineno = (size_t)strtoull(p, NULL, 10);
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    cs_jsonl_record rec = {0};
    if (tab) /* the id by the same rule as a scored record's (valid on an error too) */
        cs_jsonl_read(r, tab + 1, (size_t)(end - tab - 1), CS_FORMAT_TEXT, &rec);
    char msg[256];
    snprintf(msg, sizeof msg, "not scored: %s", crash);
    size_t before = out->len;
    cs_jsonl_error_line(out, lineno, rec.id_json, msg);
    return out->len > before ? 0 : -1;
}

/* One record of a batch into its answer line. */
static void score_record(serve_worker *w, const serve_scoring *sc, size_t lineno,
                         const char *line, size_t llen, cs_format fmt, cs_buf *out)
{
    cs_record_scoring rs = {.scorer = sc->scorer, .cfg = sc->cfg, .fmt = fmt,
                            .reader = &w->reader, .res = &w->res, .doc = &w->doc};
    (void)cs_stream_score_record(&rs, lineno, line, llen, out); /* an error is an answer too */
}

static int work_batch(serve_worker *w, const serve_scoring *sc, const job_head *h,
                      const char *body, size_t len, cs_buf *out)
{
    const char *p = body, *rec;
    size_t lineno, rec_len;
    while (cs_stream_batch_next(&p, body + len, &lineno, &rec, &rec_len))
        score_record(w, sc, lineno, rec, rec_len, (cs_format)h->fmt, out);
    return SERVE_WORK_OK;
}

/* The run of one scored article, as `score` sets it up. */
static void setup_run(cs_run *run, const serve_scoring *sc, const char *version, cs_scored *s)
{
    memset(run, 0, sizeof *run);
    run->cfg = sc->cfg;
    run->rules = cs_scorer_rules(sc->scorer);
    run->plugins = cs_scorer_plugins(sc->scorer);
    run->has_threshold = sc->gate->has_threshold;
    run->threshold = sc->gate->threshold;
    run->tool_version = version;
    cs_diag d;
    (void)cs_gate_settle(sc->gate, s, &d); /* it cannot fail: the gate narrows nothing */
    run->items = s;
    run->n = 1;
}

/* Whole-run reports (SARIF, HTML, JUnit) are rendered where `score`
 * renders them: in the process that loaded the scorer but never scored
 * (what a plugin learnt while scoring, the rule ids it used, must not
 * show), from the decoded result. */
static int whole_run(serve_report r)
{
    return r == SERVE_REPORT_SARIF || r == SERVE_REPORT_HTML || r == SERVE_REPORT_JUNIT;
}

int serve_job_needs_render(const char *job, size_t len)
{
    job_head h;
    if (len < sizeof h)
        return 0;
    memcpy(&h, job, sizeof h);
    return h.kind == KIND_ARTICLE && whole_run((serve_report)h.report);
}

/* A text, JSON or GitHub report, written as `score` writes them. */
static int render_streamed(const serve_worker *w, const serve_scoring *sc, serve_report report,
                           cs_scored *s, cs_buf *out)
{
    cs_run run;
    setup_run(&run, sc, w->version, s);
    cs_run_writer rw;
    memset(&rw, 0, sizeof rw);
    cs_run_kind kind = report == SERVE_REPORT_JSON     ? CS_RUN_JSON
                       : report == SERVE_REPORT_GITHUB ? CS_RUN_GITHUB
                                                       : CS_RUN_TEXT;
    int rc = cs_run_writer_begin(&rw, kind, out, &run) != 0 ||
                     cs_run_writer_article(&rw, &run, s) != 0 || cs_run_writer_end(&rw, &run) != 0
                 ? -1
                 : 0;
    cs_run_writer_free(&rw);
    return rc;
}

int serve_job_render(const serve_scoring *scoring, size_t n, const char *version,
                     const char *job, size_t len, const char *answer, size_t alen, cs_buf *out)
{
    job_head h;
    cs_scored s;
    cs_diag d;
    memset(&s, 0, sizeof s);
    cs_result_init(&s.res);
    if (len < sizeof h)
        return -1;
    memcpy(&h, job, sizeof h);
    if (h.profile < 0 || (size_t)h.profile >= n || h.id_len >= len - sizeof h)
        return -1;
    const serve_scoring *sc = &scoring[h.profile];
    const char *id = job + sizeof h, *text = id + h.id_len + 1;
    size_t tlen = len - sizeof h - h.id_len - 1;
    int rc = -1;
    if (cs_document_load_memory_max(&s.doc, id, text, tlen, (cs_format)h.fmt, 0, &d) == 0 &&
        cs_result_decode(answer, alen, sc->cfg, &s.res) == 0) {
        cs_run run;
        setup_run(&run, sc, version, &s);
        rc = h.report == SERVE_REPORT_SARIF  ? cs_report_run_sarif(out, &run)
             : h.report == SERVE_REPORT_HTML ? cs_report_run_html(out, &run)
                                             : cs_report_run_junit(out, &run);
    }
    cs_document_free(&s.doc);
    cs_result_free(&s.res);
    return rc;
}

static int work_article(serve_worker *w, const serve_scoring *sc, const job_head *h,
                        const char *body, size_t len, cs_buf *out)
{
    cs_scored s;
    cs_diag d;
    memset(&s, 0, sizeof s);
    if (h->id_len >= len || h->report > SERVE_REPORT_JUNIT) {
        cs_buf_puts(out, "internal: a malformed job");
        return SERVE_WORK_INTERNAL;
    }
    const char *id = body, *text = body + h->id_len + 1;
    size_t tlen = len - h->id_len - 1;
    int status = SERVE_WORK_OK;
    if (cs_document_load_memory_max(&s.doc, id, text, tlen, (cs_format)h->fmt,
                                    sc->cfg->limits.article_bytes, &d) != 0 ||
        cs_scorer_score(sc->scorer, &s.doc, &w->res, &d) != 0) {
        cs_buf_puts(out, d.msg);
        status = SERVE_WORK_BAD_INPUT;
    } else {
        s.res = w->res; /* lent for the report, taken back below */
        if (whole_run((serve_report)h->report) ? cs_result_encode(&s.res, out) != 0
                                               : render_streamed(w, sc, (serve_report)h->report,
                                                                 &s, out) != 0) {
            out->len = 0;
            cs_buf_puts(out, "out of memory");
            status = SERVE_WORK_INTERNAL;
        }
        w->res = s.res;
    }
    cs_document_free(&s.doc);
    return status;
}

int serve_job_playground(cs_buf *out, int profile, serve_playground what, const char *body,
                         size_t len)
{
    job_head h = {KIND_PLAYGROUND, profile, (uint32_t)what, 0, 0};
    out->len = 0;
    if (cs_buf_append(out, &h, sizeof h) != 0 || cs_buf_append(out, body, len) != 0)
        return -1;
    return 0;
}

/* A scorer with the playground's draft, as the profile's session builds
 * its own (cs_playground_build_fn). */
static int build_draft(void *ctx, const cs_rule_draft *draft, int draft_only, cs_scorer **out,
                       cs_diag *d)
{
    const serve_scoring *sc = ctx;
    return cs_session_draft_scorer(sc->session, sc->opts, draft, draft_only, out, d);
}

/* A playground request (playground_draft.h): its JSON answer and HTTP
 * status. */
static int work_playground(serve_worker *w, const serve_scoring *sc, const job_head *h,
                           const char *body, size_t len, char *note, cs_buf *out)
{
    cs_playground_env env = {.cfg = sc->cfg,
                             .scorer = sc->scorer,
                             .gate = sc->gate,
                             .build = build_draft,
                             .build_ctx = (void *)sc,
                             .tool_version = w->version,
                             .max_bytes = sc->cfg->limits.article_bytes,
                             .note = note,
                             .note_size = CS_POOL_NOTE_MAX};
    int st = h->report == SERVE_PLAYGROUND_TEST ? cs_playground_test(&env, body, len, out)
                                                 : cs_playground_score(&env, body, len, out);
    if (st >= 0)
        return st;
    out->len = 0;
    cs_buf_puts(out, "out of memory");
    return SERVE_WORK_INTERNAL;
}

int serve_work(void *ctx, const char *job, size_t len, char *note, cs_buf *out)
{
    serve_worker *w = ctx;
    job_head h;
    if (len < sizeof h) {
        cs_buf_puts(out, "internal: a job cut short");
        return SERVE_WORK_INTERNAL;
    }
    memcpy(&h, job, sizeof h);
    if (h.profile < 0 || (size_t)h.profile >= w->n) {
        cs_buf_puts(out, "internal: no such profile");
        return SERVE_WORK_INTERNAL;
    }
    const serve_scoring *sc = &w->scoring[h.profile];
    cs_scorer_set_crash_note(sc->scorer, note, CS_POOL_NOTE_MAX);
    const char *body = job + sizeof h;
    size_t blen = len - sizeof h;
    if (h.kind == KIND_PLAYGROUND)
        return work_playground(w, sc, &h, body, blen, note, out);
    return h.kind == KIND_BATCH ? work_batch(w, sc, &h, body, blen, out)
                                : work_article(w, sc, &h, body, blen, out);
}
