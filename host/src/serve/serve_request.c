/* serve_request.c - what handlers may ask of a request (serve_request.h). */
#include "serve_request.h"

#include "mhd_lib.h"

#include "serve_server.h"


serve_server *serve_request_server(serve_request *rq)
{
    return rq->srv;
}

serve_gen *serve_request_gen(serve_request *rq)
{
    if (rq->gen == NULL)
        rq->gen = serve_server_acquire(rq->srv);
    return rq->gen;
}

const char *serve_request_header(serve_request *rq, const char *name)
{
    return rq->mhd->lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

const char *serve_request_arg(serve_request *rq, const char *name)
{
    return rq->mhd->lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

const cs_buf *serve_request_body(serve_request *rq)
{
    return &rq->body;
}

int serve_request_authorized(serve_request *rq)
{
    return serve_auth_check(&rq->srv->auth,
                            serve_request_header(rq, MHD_HTTP_HEADER_AUTHORIZATION));
}

void serve_request_set_state(serve_request *rq, void *state, void (*free_fn)(void *))
{
    rq->state = state;
    rq->state_free = free_fn;
}

void *serve_request_state(serve_request *rq)
{
    return rq->state;
}

void serve_request_scored(serve_request *rq, unsigned long long articles,
                          unsigned long long bytes)
{
    atomic_fetch_add(&rq->srv->metrics.articles, articles);
    atomic_fetch_add(&rq->srv->metrics.bytes, bytes);
}
