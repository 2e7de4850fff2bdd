/* serve_stream.c - POST /v1/score/stream: JSONL records in, one JSONL
 * answer per record out, in input order, as `credscore score --jsonl`
 * writes them (errors in band).  Records are batched as the body arrives
 * and scored on every lane at once; the reply streams each batch's
 * answers as soon as it and those before it are done. */
#include <stdlib.h>
#include <string.h>

#include "serve_error.h"
#include "serve_gen.h"
#include "serve_routes.h"

#define BATCH_LINES 16            /* as the CLI's stream */
#define BATCH_BYTES (64 * 1024)

typedef struct stream_req {
    serve_lanes *lanes;
    int profile;
    cs_buf partial;               /* a line not ended yet */
    cs_buf batch;                 /* the batch being built */
    int batch_lines;
    size_t lineno;                /* input lines seen */
    unsigned long long records, bytes;
    serve_job **jobs;             /* submitted, in input order */
    size_t njobs, cap;
    size_t next;                  /* the job being written out */
    size_t offset;                /* ... bytes of it written */
} stream_req;

static void free_stream_req(void *p)
{
    stream_req *s = p;
    for (size_t i = s->next; i < s->njobs; i++)
        serve_lanes_cancel(s->lanes, s->jobs[i]);
    free(s->jobs);
    cs_buf_free(&s->partial);
    cs_buf_free(&s->batch);
    free(s);
}

static int accepted_type(const char *ct)
{
    static const char *const types[] = {"application/x-ndjson", "application/jsonl",
                                        "application/x-jsonlines", "application/json",
                                        "text/plain"};
    if (ct == NULL)
        return 1;
    size_t n = strcspn(ct, "; \t");
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strlen(types[i]) == n && strncmp(ct, types[i], n) == 0)
            return 1;
    return 0;
}

void serve_stream_begin(serve_request *rq, serve_reply *rp)
{
    const char *ct = serve_request_header(rq, "Content-Type");
    if (!accepted_type(ct)) {
        serve_error(rp, 415, "unsupported_media_type",
                    "Content-Type '%s': send JSONL, one {\"id\", \"text\"} object per line, as "
                    "application/x-ndjson",
                    ct);
        return;
    }
    serve_gen *g = serve_request_gen(rq);
    const char *p = serve_request_arg(rq, "profile");
    int profile = serve_gen_profile(g, p);
    if (profile < 0) {
        serve_error(rp, 400, "unknown_profile", "unknown profile '%s'", p);
        return;
    }
    stream_req *s = calloc(1, sizeof *s);
    if (s == NULL || serve_job_batch(&s->batch, profile, CS_FORMAT_TEXT) != 0) {
        if (s)
            cs_buf_free(&s->batch);
        free(s);
        serve_error(rp, 500, "out_of_memory", "out of memory");
        return;
    }
    s->lanes = g->lanes;
    s->profile = profile;
    serve_request_set_state(rq, s, free_stream_req);
}

/* Send the batch being built to the lanes. */
static int submit_batch(stream_req *s)
{
    if (s->batch_lines == 0)
        return 0;
    serve_job *j = serve_job_new();
    void *grown = s->jobs;
    if (j == NULL || cs_array_grow(&grown, &s->cap, s->njobs + 1, sizeof *s->jobs) != 0) {
        serve_job_free(j);
        return -1;
    }
    s->jobs = grown;
    j->job = s->batch;
    s->batch = (cs_buf){0};
    if (serve_job_batch(&s->batch, s->profile, CS_FORMAT_TEXT) != 0) {
        serve_job_free(j);
        return -1;
    }
    s->jobs[s->njobs++] = j;
    s->batch_lines = 0;
    serve_lanes_submit(s->lanes, j);
    return 0;
}

/* One input line (without its newline). */
static int add_line(stream_req *s, const char *l, size_t len)
{
    s->lineno++;
    while (len && l[len - 1] == '\r')
        len--;
    if (len == 0)
        return 0; /* blank lines are allowed between records */
    s->records++;
    s->bytes += len;
    if (serve_job_batch_add(&s->batch, s->lineno, l, len) != 0)
        return -1;
    if (++s->batch_lines >= BATCH_LINES || s->batch.len >= BATCH_BYTES)
        return submit_batch(s);
    return 0;
}

void serve_stream_chunk(serve_request *rq, const char *data, size_t len, serve_reply *rp)
{
    stream_req *s = serve_request_state(rq);
    const char *p = data, *end = data + len;
    int rc = 0;
    while (rc == 0 && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            rc = cs_buf_append(&s->partial, p, (size_t)(end - p));
            break;
        }
        if (s->partial.len) {
            rc = cs_buf_append(&s->partial, p, (size_t)(nl - p));
            if (rc == 0)
                rc = add_line(s, s->partial.data, s->partial.len);
            s->partial.len = 0;
        } else {
            rc = add_line(s, p, (size_t)(nl - p));
        }
        p = nl + 1;
    }
    if (rc != 0)
        serve_error(rp, 500, "out_of_memory", "out of memory");
}

/* The reply's bytes: each batch's answers in turn, once done. */
static ssize_t next_bytes(void *ctx, char *buf, size_t max)
{
    stream_req *s = ctx;
    while (s->next < s->njobs) {
        serve_job *j = s->jobs[s->next];
        serve_lanes_wait(s->lanes, j);
        if (j->status != SERVE_WORK_OK)
            return SERVE_STREAM_ERROR; /* out of memory in a worker: cut it short */
        if (s->offset < j->out.len) {
            size_t n = j->out.len - s->offset;
            if (n > max)
                n = max;
            memcpy(buf, j->out.data + s->offset, n);
            s->offset += n;
            return (ssize_t)n;
        }
        serve_job_free(j);
        s->jobs[s->next++] = NULL;
        s->offset = 0;
    }
    return SERVE_STREAM_END;
}

void serve_stream_handle(serve_request *rq, serve_reply *rp)
{
    stream_req *s = serve_request_state(rq);
    if ((s->partial.len && add_line(s, s->partial.data, s->partial.len) != 0) ||
        submit_batch(s) != 0) {
        serve_error(rp, 500, "out_of_memory", "out of memory");
        return;
    }
    s->partial.len = 0;
    serve_request_scored(rq, s->records, s->bytes);
    rp->status = 200;
    rp->type = "application/x-ndjson";
    rp->stream = next_bytes;
    rp->stream_ctx = s;
}
