/*
 * serve_routes.h - the server's route table: method, path, what the
 * daemon checks before the handler runs, and the handler.
 *
 * Add a route by adding a row to the table in serve_routes.c (and its
 * handler in a serve_*.c file of its family); docs/api.md lists them.  A
 * '*' in a route's path stands for one segment ("/v1/rules/ * /source").
 */
#ifndef CS_SERVE_ROUTES_H
#define CS_SERVE_ROUTES_H

#include <stddef.h>

#include "serve_request.h"

enum {
    SERVE_ROUTE_OPEN = 1,     /* no token needed (GET /healthz) */
    SERVE_ROUTE_LIMITED = 2,  /* counts against --max-concurrent (429) */
    SERVE_ROUTE_BODY = 4,     /* takes a body (up to --max-body) */
    SERVE_ROUTE_GEN = 8       /* holds the configuration it started with */
};

typedef struct serve_route {
    const char *method;
    const char *path;
    unsigned flags;
    /* Headers received (optional): check them; fill rp to reply at once. */
    void (*begin)(serve_request *rq, serve_reply *rp);
    /* A piece of the body (optional: else the body is collected whole);
     * fill rp to refuse the request (the rest of the body is dropped). */
    void (*chunk)(serve_request *rq, const char *data, size_t len, serve_reply *rp);
    /* The whole request is in: fill rp. */
    void (*handle)(serve_request *rq, serve_reply *rp);
} serve_route;

/* The route for method and path; NULL when none, with *path_known set
 * when another method has that path (405) and *allow its methods. */
const serve_route *serve_route_find(const char *method, const char *path, int *path_known,
                                    const char **allow);

/* Routes in the table, and the i-th (metrics list them in this order). */
size_t serve_route_count(void);
const serve_route *serve_route_at(size_t i);

/* The handlers, by family. */
void serve_score_begin(serve_request *rq, serve_reply *rp);
void serve_score_handle(serve_request *rq, serve_reply *rp);
void serve_stream_begin(serve_request *rq, serve_reply *rp);
void serve_stream_chunk(serve_request *rq, const char *data, size_t len, serve_reply *rp);
void serve_stream_handle(serve_request *rq, serve_reply *rp);
void serve_info_rules(serve_request *rq, serve_reply *rp);
void serve_info_markers(serve_request *rq, serve_reply *rp);
void serve_info_config(serve_request *rq, serve_reply *rp);
void serve_info_health(serve_request *rq, serve_reply *rp);
void serve_info_metrics(serve_request *rq, serve_reply *rp);
void serve_playground_page(serve_request *rq, serve_reply *rp);
void serve_playground_source(serve_request *rq, serve_reply *rp);
void serve_playground_begin(serve_request *rq, serve_reply *rp);
void serve_playground_score(serve_request *rq, serve_reply *rp);
void serve_playground_test(serve_request *rq, serve_reply *rp);

#endif
