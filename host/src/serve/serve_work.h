/*
 * serve_work.h - what a scoring worker does for the server.
 *
 * A job is an opaque byte string for the worker pool (pool.h): a header,
 * then either one article (POST /v1/score) or a batch of JSONL records
 * (POST /v1/score/stream, lines "LINENO\tJSON\n").  serve_work, the pool's
 * work function, runs in a forked worker and answers:
 *  - an article: the report bytes, exactly as `credscore score -f FMT`
 *    prints them for that one article (status SERVE_WORK_OK; for SARIF,
 *    HTML and JUnit the encoded result, which serve_job_render turns into
 *    the report outside the worker, as `score` does), or the
 *    message of an article that cannot be read (SERVE_WORK_BAD_INPUT);
 *  - a batch: one JSONL line per record, as `credscore score --jsonl`
 *    writes them (a report, or {"id","line","error"} in band), status
 *    SERVE_WORK_OK;
 *  - a playground request (POST /v1/playground/score or /test, its JSON
 *    body): the JSON answer of playground_draft.h, the status its HTTP
 *    status (200, 400, 413, 422, 500).
 * SERVE_WORK_INTERNAL says memory ran out (the message follows).
 *
 * The workers see the generation's scorers through serve_scoring: one per
 * profile, index 0 the default.  Nothing here is shared between threads:
 * each lane has its own serve_worker (copied into its forked worker).
 */
#ifndef CS_SERVE_WORK_H
#define CS_SERVE_WORK_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "config.h"
#include "document.h"
#include "gate.h"
#include "jsonl.h"
#include "result.h"
#include "scorer.h"
#include "session.h"

enum { SERVE_WORK_OK = 0, SERVE_WORK_BAD_INPUT = 2, SERVE_WORK_INTERNAL = 3 };

/* Report formats, as `score -f` names them. */
typedef enum serve_report {
    SERVE_REPORT_JSON = 0,
    SERVE_REPORT_TEXT,
    SERVE_REPORT_HTML,
    SERVE_REPORT_SARIF,
    SERVE_REPORT_GITHUB,
    SERVE_REPORT_JUNIT
} serve_report;

/* "json", "text", ... -> *out; -1 when the name is none of them. */
int serve_report_parse(const char *name, serve_report *out);
/* The Content-Type of a report format. */
const char *serve_report_type(serve_report r);

/* A scorer of the generation and the configuration it was built from;
 * the session that opened them, and how, build the playground's drafts. */
typedef struct serve_scoring {
    const cs_config *cfg;
    cs_scorer *scorer;
    const cs_gate *gate;          /* whether an article fails (the verdict reports show) */
    const cs_session *session;
    const cs_session_opts *opts;
} serve_scoring;

/* One lane's worker state (reused from job to job in its worker). */
typedef struct serve_worker {
    const serve_scoring *scoring; /* the generation's, n of them */
    size_t n;
    const char *version;          /* the tool version the reports name */
    cs_result res;
    cs_jsonl_reader reader;
    cs_document doc;              /* a stream's records, one after another */
} serve_worker;

void serve_worker_init(serve_worker *w, const serve_scoring *scoring, size_t n,
                       const char *version);
void serve_worker_free(serve_worker *w);

/* Encode an article job into out (emptied first): the report format, the
 * profile index, the input format (CS_FORMAT_AUTO: by id's extension,
 * text without one), the id the report names it by ("-" when NULL), the
 * text.  0, or -1 when memory runs out. */
int serve_job_article(cs_buf *out, int profile, serve_report report, cs_format fmt,
                      const char *id, const char *text, size_t len);

/* Start a batch job in out (emptied first) for the profile, with fmt the
 * records' input format when they name none; then add records. */
int serve_job_batch(cs_buf *out, int profile, cs_format fmt);
int serve_job_batch_add(cs_buf *out, size_t lineno, const char *line, size_t len);

/* Is this job a batch?  How many records does it hold? */
int serve_job_is_batch(const char *job, size_t len);

/* The i-th record of batch job as a batch job of its own, into one (for
 * replaying a batch whose worker died record by record): 1 when there is
 * such a record, 0 after the last.  *pos (0 to start) walks the batch. */
int serve_job_batch_next(const char *job, size_t len, size_t *pos, cs_buf *one);

/* The answer for a one-record batch job whose worker died or was stopped
 * (crash: how, from pool.h): {"id","line","error":"not scored: ..."}, the
 * id read from the record by the stream's rule; appended to out. */
int serve_job_lost_record(cs_jsonl_reader *r, const char *job, size_t len, const char *crash,
                          cs_buf *out);

/* Does the answer to this job still need serve_job_render (a SARIF, HTML
 * or JUnit report: the worker answers the encoded result)? */
int serve_job_needs_render(const char *job, size_t len);

/* Render that report from the job and the worker's answer into out, as
 * `score` does in the process that loaded the scorer.  Thread-safe (reads
 * the scorers only).  0, or -1 when the answer is not a result or memory
 * runs out. */
int serve_job_render(const serve_scoring *scoring, size_t n, const char *version,
                     const char *job, size_t len, const char *answer, size_t alen, cs_buf *out);

/* What a playground job asks for. */
typedef enum serve_playground { SERVE_PLAYGROUND_SCORE = 0, SERVE_PLAYGROUND_TEST } serve_playground;

/* Encode a playground job into out (emptied first): the profile index,
 * what is asked, the request's JSON body.  0, or -1 when memory runs out. */
int serve_job_playground(cs_buf *out, int profile, serve_playground what, const char *body,
                         size_t len);

/* The pool's work function (pool.h); ctx is a serve_worker. */
int serve_work(void *ctx, const char *job, size_t len, char *note, cs_buf *out);

#endif
