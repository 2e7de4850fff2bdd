/* serve_playground.c - the playground's routes (docs/api.md): GET / (the
 * page), GET /v1/rules/NAME/source, and POST /v1/playground/score and
 * /v1/playground/test, whose drafts run in a worker (serve_work.h) like any
 * article, so that a draft that crashes or overruns costs that request
 * only.  All use the configuration's default profile. */
#include <stdio.h>
#include <string.h>

#include "playground_page.h"
#include "serve_body.h"
#include "serve_error.h"
#include "serve_gen.h"
#include "serve_routes.h"
#include "serve_server.h"

#define SOURCE_PREFIX "/v1/rules/"
#define SOURCE_SUFFIX "/source"

void serve_playground_page(serve_request *rq, serve_reply *rp)
{
    const serve_gen *g = serve_request_gen(rq);
    char nonce[CS_PLAYGROUND_NONCE_MAX];
    rp->body.len = 0;
    if (cs_playground_page(&g->sessions[0]->cfg, &rp->body, nonce) != 0) {
        serve_error(rp, 500, "internal", "the page could not be made (memory or randomness ran "
                                         "out)");
        return;
    }
    rp->status = 200;
    rp->type = "text/html; charset=utf-8";
}

void serve_playground_source(serve_request *rq, serve_reply *rp)
{
    const serve_gen *g = serve_request_gen(rq);
    /* the route matched "/v1/rules/ * /source": NAME is the segment between */
    const char *name = rq->path + strlen(SOURCE_PREFIX);
    size_t n = strlen(name) - strlen(SOURCE_SUFFIX);
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), name);
    rp->body.len = 0;
    int status = cs_playground_rule_source(g->sessions[0]->scorer, buf, &rp->body);
    if (status < 0) {
        serve_error(rp, 500, "out_of_memory", "out of memory");
        return;
    }
    rp->status = status;
    rp->type = "application/json";
}

void serve_playground_begin(serve_request *rq, serve_reply *rp)
{
    const char *ct = serve_request_header(rq, "Content-Type");
    cs_format fmt;
    if (serve_body_kind_of(ct, &fmt) != SERVE_BODY_JSON)
        serve_error(rp, 415, "unsupported_media_type",
                    "Content-Type %s%s%s: send application/json", ct ? "'" : "",
                    ct ? ct : "missing", ct ? "'" : "");
}

/* Run the request's body as a playground job in a worker; its answer is
 * the reply (the worker's status is the HTTP status). */
static void run_job(serve_request *rq, serve_reply *rp, serve_playground what)
{
    const cs_buf *body = serve_request_body(rq);
    serve_gen *g = serve_request_gen(rq);
    serve_job *job = serve_job_new();
    if (job == NULL || serve_job_playground(&job->job, 0, what, body->data ? body->data : "",
                                            body->len) != 0) {
        serve_error(rp, 500, "out_of_memory", "out of memory");
        serve_job_free(job);
        return;
    }
    serve_lanes_submit(g->lanes, job);
    serve_lanes_wait(g->lanes, job);
    if (what == SERVE_PLAYGROUND_SCORE)
        serve_request_scored(rq, 1, body->len);
    if (job->status < 0) {
        serve_error_worker(rp, job->crash);
    } else if (job->status < 100) { /* SERVE_WORK_INTERNAL: memory ran out */
        serve_error(rp, 500, "internal", "%.*s", (int)job->out.len,
                    job->out.data ? job->out.data : "");
    } else {
        rp->status = job->status;
        rp->type = "application/json";
        rp->body = job->out; /* taken */
        job->out = (cs_buf){0};
    }
    serve_job_free(job);
}

void serve_playground_score(serve_request *rq, serve_reply *rp)
{
    run_job(rq, rp, SERVE_PLAYGROUND_SCORE);
}

void serve_playground_test(serve_request *rq, serve_reply *rp)
{
    run_job(rq, rp, SERVE_PLAYGROUND_TEST);
}
