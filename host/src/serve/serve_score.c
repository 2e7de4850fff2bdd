/* serve_score.c - POST /v1/score: one article in, the report `credscore
 * score -f FMT` prints for it out (docs/api.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_body.h"
#include "serve_error.h"
#include "serve_gen.h"
#include "serve_routes.h"
#include "serve_server.h"

/* What begin found out, for the handler. */
typedef struct score_req {
    serve_body_kind kind;
    cs_format fmt;           /* of a raw body */
    serve_report report;
} score_req;

static void free_score_req(void *p)
{
    free(p);
}

/* The profile's index in the request's generation, or -1 with a 400. */
static int profile_index(serve_request *rq, const char *name, serve_reply *rp)
{
    const serve_gen *g = serve_request_gen(rq);
    int i = serve_gen_profile(g, name);
    if (i >= 0)
        return i;
    char list[600];
    size_t k = 0;
    list[0] = '\0';
    for (size_t p = 1; p < g->n && k < sizeof list; p++)
        k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", k ? ", " : "", g->names[p]);
    serve_error(rp, 400, "unknown_profile", "unknown profile '%s' (%s%s)", name,
                g->n > 1 ? "profiles: " : "the configuration defines no profiles",
                g->n > 1 ? list : "");
    return -1;
}

void serve_score_begin(serve_request *rq, serve_reply *rp)
{
    score_req *sr = calloc(1, sizeof *sr);
    if (sr == NULL) {
        serve_error(rp, 500, "out_of_memory", "out of memory");
        return;
    }
    serve_request_set_state(rq, sr, free_score_req);
    const char *ct = serve_request_header(rq, "Content-Type");
    sr->kind = serve_body_kind_of(ct, &sr->fmt);
    if (sr->kind == SERVE_BODY_NONE) {
        serve_error(rp, 415, "unsupported_media_type",
                    "Content-Type %s%s%s: send application/json ({\"text\": ...}), or the "
                    "article as text/markdown, text/plain or text/html (UTF-8)",
                    ct ? "'" : "", ct ? ct : "missing", ct ? "'" : "");
        return;
    }
    const char *f = serve_request_arg(rq, "format");
    if (f && serve_report_parse(f, &sr->report) != 0) {
        serve_error(rp, 400, "bad_request",
                    "unknown report format '%s' (json, text, html, sarif, github, junit)", f);
        return;
    }
    const char *p = serve_request_arg(rq, "profile");
    if (p)
        (void)profile_index(rq, p, rp);
}

void serve_score_handle(serve_request *rq, serve_reply *rp)
{
    score_req *sr = serve_request_state(rq);
    const cs_buf *body = serve_request_body(rq);
    serve_gen *g = serve_request_gen(rq);
    serve_article a;
    memset(&a, 0, sizeof a);
    serve_job *job = NULL;
    if (sr->kind == SERVE_BODY_JSON) {
        if (serve_article_from_json(&a, body->data ? body->data : "", body->len, rp) != 0)
            goto out;
    } else {
        a.text = body->data ? body->data : "";
        a.len = body->len;
        a.fmt = sr->fmt;
        a.id = serve_request_arg(rq, "id");
    }
    const char *qp = serve_request_arg(rq, "profile");
    if (qp && a.profile && strcmp(qp, a.profile) != 0) {
        serve_error(rp, 400, "bad_request", "the body's profile '%s' and the query's '%s' differ",
                    a.profile, qp);
        goto out;
    }
    if (a.fmt == CS_FORMAT_AUTO) /* as score does for a file: by the extension */
        a.fmt = a.id ? cs_format_from_path(a.id) : CS_FORMAT_TEXT;
    int profile = profile_index(rq, a.profile ? a.profile : qp, rp);
    if (profile < 0)
        goto out;
    if ((job = serve_job_new()) == NULL ||
        serve_job_article(&job->job, profile, sr->report, a.fmt, a.id, a.text, a.len) != 0) {
        serve_error(rp, 500, "out_of_memory", "out of memory");
        goto out;
    }
    serve_lanes_submit(g->lanes, job);
    serve_lanes_wait(g->lanes, job);
    serve_request_scored(rq, 1, a.len);
    if (job->status < 0) {
        serve_error_worker(rp, job->crash);
    } else if (job->status == SERVE_WORK_BAD_INPUT) {
        serve_error(rp, 422, "bad_article", "%.*s", (int)job->out.len, job->out.data);
    } else if (job->status != SERVE_WORK_OK) {
        serve_error(rp, 500, "internal", "%.*s", (int)job->out.len, job->out.data);
    } else if (serve_job_needs_render(job->job.data, job->job.len)) {
        rp->status = 200;
        rp->type = serve_report_type(sr->report);
        if (serve_job_render(g->scoring, g->n, serve_request_server(rq)->o->version,
                             job->job.data, job->job.len, job->out.data, job->out.len,
                             &rp->body) != 0)
            serve_error(rp, 500, "internal", "could not render the report");
    } else {
        rp->status = 200;
        rp->type = serve_report_type(sr->report);
        rp->body = job->out; /* taken */
        job->out = (cs_buf){0};
    }
out:
    serve_job_free(job);
    serve_article_free(&a);
}
