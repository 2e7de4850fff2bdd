/*
 * serve_request.h - a request as the daemon keeps it (serve_http.c) and
 * as handlers see it: through the functions below (headers, query, body,
 * the generation it holds, state of its own) and the serve_reply they
 * fill.
 */
#ifndef CS_SERVE_REQUEST_H
#define CS_SERVE_REQUEST_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "serve_expire.h"

struct serve_server;
struct serve_gen;
struct serve_route;
struct MHD_Connection;


/* Produce the next bytes of a streamed reply into buf (at most max):
 * their count, SERVE_STREAM_END after the last, SERVE_STREAM_ERROR to cut
 * the connection.  Runs in the connection's thread and may block. */
typedef ssize_t (*serve_stream_fn)(void *ctx, char *buf, size_t max);
#define SERVE_STREAM_END ((ssize_t)-1)
#define SERVE_STREAM_ERROR ((ssize_t)-2)

typedef struct serve_request serve_request;

typedef struct serve_reply {
    int status;                  /* 0 until a reply is decided */
    const char *type;            /* Content-Type (a string that outlives the reply) */
    cs_buf body;                 /* the body, unless streamed */
    int retry_after;             /* seconds for a Retry-After header, 0: none */
    const char *allow;           /* an Allow header (405), or NULL */
    int challenge;               /* send WWW-Authenticate: Bearer (401) */
    serve_stream_fn stream;      /* a body produced as it goes (chunked), or NULL */
    void *stream_ctx;
} serve_reply;


/* Handler-side view of a request. */
struct serve_server *serve_request_server(serve_request *rq);
/* The generation the request started with (held until it ends). */
struct serve_gen *serve_request_gen(serve_request *rq);
/* A header or query argument of the request, or NULL. */
const char *serve_request_header(serve_request *rq, const char *name);
const char *serve_request_arg(serve_request *rq, const char *name);
/* The body received so far (whole, by the time the handler runs). */
const cs_buf *serve_request_body(serve_request *rq);
/* Does the request carry the server's token (always 1 without one)? */
int serve_request_authorized(serve_request *rq);
/* A route's own state for this request, freed with free_fn when the
 * request ends (after its reply was sent or dropped). */
void serve_request_set_state(serve_request *rq, void *state, void (*free_fn)(void *));
void *serve_request_state(serve_request *rq);
/* Count articles and bytes scored (metrics). */
void serve_request_scored(serve_request *rq, unsigned long long articles,
                          unsigned long long bytes);

/* The daemon's record of a request (handlers use the functions above). */
struct serve_request {
    struct serve_server *srv;
    serve_expiry_entry entry;      /* the read deadline (serve_expire.h) */
    struct MHD_Connection *conn;
    const struct mhd_lib *mhd;     /* the daemon's libmicrohttpd (mhd_lib.h) */
    const struct serve_route *route;
    const char *method;            /* MHD's, valid until the request ends */
    char path[256];                /* for the log */
    char remote[64];
    cs_buf body;
    unsigned long long bytes_in, bytes_out;
    struct timespec start;
    int started;                   /* the access handler has seen it */
    int counted;                   /* counted against --max-concurrent */
    int refused;                   /* an error reply is decided: the body is dropped */
    int status;                    /* the status sent, 0 before */
    struct serve_gen *gen;         /* held while the request lasts */
    void *state;
    void (*state_free)(void *);
    serve_reply reply;
};

#endif
