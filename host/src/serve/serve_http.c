/* serve_http.c - the HTTP/1.1 daemon (libmicrohttpd, one thread per
 * connection): a request's way from its first line to the access log
 * (serve_http.h). */
#include "serve_http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mhd_lib.h"
#include "serve_error.h"
#include "serve_expire.h"
#include "serve_listen.h"
#include "serve_request.h"
#include "serve_routes.h"
#include "serve_server.h"

#define STACK_BYTES ((size_t)1 << 20)  /* a connection thread's stack */
#define STREAM_BLOCK (64 * 1024)       /* bytes asked of a streamed reply at a time */

struct serve_http {
    serve_server *srv;
    mhd_lib mhd;                   /* libmicrohttpd, opened at start */
    struct MHD_Daemon *daemon;
    serve_expiry expiry;           /* requests still being received (408) */
};


/* ---- a request's life ---- */

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The request line is in (MHD_OPTION_URI_LOG_CALLBACK): the request
 * begins, and so does its read deadline. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    serve_http *h = cls;
    serve_request *rq = calloc(1, sizeof *rq);
    if (rq == NULL)
        return NULL;
    rq->srv = h->srv;
    rq->conn = c;
    rq->mhd = &h->mhd;
    clock_gettime(CLOCK_MONOTONIC, &rq->start);
    snprintf(rq->path, sizeof rq->path, "%.*s", (int)strcspn(uri ? uri : "", "?"),
             uri ? uri : "");
    const union MHD_ConnectionInfo *ci =
        h->mhd.get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr)
        serve_listen_peer(ci->client_addr, rq->remote, sizeof rq->remote);
    const union MHD_ConnectionInfo *fi =
        h->mhd.get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    atomic_fetch_add(&h->srv->in_flight, 1);
    serve_expire_add(&h->expiry, &rq->entry, fi ? fi->connect_fd : -1);
    return rq;
}

/* Headers received: route, token, load, declared size; fills rq->reply
 * when the request is answered at once. */
static void begin(serve_request *rq, const char *url, const char *method)
{
    serve_server *srv = rq->srv;
    serve_reply *rp = &rq->reply;
    int known;
    const char *allow;
    rq->method = method;
    rq->route = serve_route_find(method, url, &known, &allow);
    int open = rq->route && (rq->route->flags & SERVE_ROUTE_OPEN);
    if (!open && !serve_request_authorized(rq)) {
        serve_error(rp, 401, "unauthorized", "this server wants \"Authorization: Bearer "
                                             "TOKEN\" with the token of its --token-file");
        rp->challenge = 1;
        return;
    }
    if (rq->route == NULL) {
        if (known) {
            serve_error(rp, 405, "method_not_allowed", "%s %s: use %s", method, url, allow);
            rp->allow = allow;
        } else {
            serve_error(rp, 404, "not_found", "no route %s %s (docs/api.md lists them)",
                        method, url);
        }
        return;
    }
    if (atomic_load(&srv->draining) && !open) {
        serve_error(rp, 503, "shutting_down", "the server is shutting down");
        return;
    }
    if (rq->route->flags & SERVE_ROUTE_LIMITED) {
        int n = atomic_fetch_add(&rq->srv->active, 1) + 1;
        rq->counted = 1;
        if (n > srv->o->max_concurrent) {
            atomic_fetch_sub(&rq->srv->active, 1);
            rq->counted = 0;
            cs_json j;
            serve_error_begin(rp, &j, 429, "too_many_requests",
                              "more requests in flight than --max-concurrent; retry later");
            cs_json_kv_int(&j, "limit", srv->o->max_concurrent);
            cs_json_kv_int(&j, "retry_after", 1);
            serve_error_end(rp, &j);
            rp->retry_after = 1;
            return;
        }
    }
    const char *cl = serve_request_header(rq, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl && (rq->route->flags & SERVE_ROUTE_BODY) && strtoll(cl, NULL, 10) > srv->o->max_body) {
        cs_json j;
        serve_error_begin(rp, &j, 413, "body_too_large",
                          "the request body is larger than --max-body");
        cs_json_kv_int(&j, "limit", srv->o->max_body);
        serve_error_end(rp, &j);
        return;
    }
    if (rq->route->flags & SERVE_ROUTE_GEN)
        serve_request_gen(rq);
    if (rq->route->begin)
        rq->route->begin(rq, rp);
}

static ssize_t read_stream(void *cls, uint64_t pos, char *buf, size_t max)
{
    serve_request *rq = cls;
    (void)pos;
    ssize_t n = rq->reply.stream(rq->reply.stream_ctx, buf, max);
    if (n > 0)
        rq->bytes_out += (unsigned long long)n;
    return n == SERVE_STREAM_END     ? MHD_CONTENT_READER_END_OF_STREAM
           : n == SERVE_STREAM_ERROR ? MHD_CONTENT_READER_END_WITH_ERROR
                                     : n;
}

/* Hand rq->reply to MHD. */
static enum MHD_Result send_reply(serve_request *rq)
{
    serve_reply *rp = &rq->reply;
    struct MHD_Response *resp;
    if (rp->stream) {
        resp = rq->mhd->create_response_from_callback(MHD_SIZE_UNKNOWN, STREAM_BLOCK, read_stream, rq,
                                                 NULL);
    } else if (rp->body.len) {
        rq->bytes_out = rp->body.len;
        resp = rq->mhd->create_response_from_buffer_with_free_callback(rp->body.len, rp->body.data,
                                                                   free);
        if (resp)
            rp->body = (cs_buf){0}; /* MHD frees it */
    } else {
        resp = rq->mhd->create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (resp == NULL)
        return MHD_NO;
    if (rp->type)
        rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, rp->type);
    if (rp->retry_after) {
        char s[24];
        snprintf(s, sizeof s, "%d", rp->retry_after);
        rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, s);
    }
    if (rp->allow)
        rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_ALLOW, rp->allow);
    if (rp->challenge)
        rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    if (rq->gen) {
        char s[24];
        snprintf(s, sizeof s, "%lu", rq->gen->id);
        rq->mhd->add_response_header(resp, "X-Credscore-Generation", s);
    }
    rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (atomic_load(&rq->srv->draining))
        rq->mhd->add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    rq->status = rp->status;
    enum MHD_Result r = rq->mhd->queue_response(rq->conn, (unsigned)rp->status, resp);
    rq->mhd->destroy_response(resp);
    return r;
}

/* The body piece by piece: to the route, or kept (up to --max-body). */
static void take_body(serve_request *rq, const char *data, size_t size)
{
    const cs_serve_opts *o = rq->srv->o;
    rq->bytes_in += size;
    if (rq->refused)
        return;
    if (rq->bytes_in > (unsigned long long)o->max_body) {
        cs_json j;
        serve_error_begin(&rq->reply, &j, 413, "body_too_large",
                          "the request body is larger than --max-body");
        cs_json_kv_int(&j, "limit", o->max_body);
        serve_error_end(&rq->reply, &j);
        rq->refused = 1;
        return;
    }
    if (rq->route->chunk) {
        rq->route->chunk(rq, data, size, &rq->reply);
        rq->refused = rq->reply.status != 0;
    } else if (cs_buf_append(&rq->body, data, size) != 0) {
        serve_error(&rq->reply, 500, "out_of_memory", "out of memory");
        rq->refused = 1;
    }
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *c, const char *url,
                                 const char *method, const char *version,
                                 const char *upload_data, size_t *upload_size, void **con_cls)
{
    serve_http *h = cls;
    serve_request *rq = *con_cls;
    (void)version;
    if (rq == NULL)
        return MHD_NO; /* out of memory when it began */
    if (!serve_expire_reading(&h->expiry, &rq->entry))
        return MHD_NO; /* answered 408 already: close */
    if (!rq->started) {
        rq->started = 1;
        begin(rq, url, method);
        if (rq->reply.status) {
            if (!serve_expire_answering(&h->expiry, &rq->entry))
                return MHD_NO;
            return send_reply(rq);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        take_body(rq, upload_data, *upload_size);
        *upload_size = 0;
        /* A client that goes on sending far past the limit is cut off. */
        if (rq->refused && rq->bytes_in > 2 * (unsigned long long)h->srv->o->max_body + (1u << 20))
            return MHD_NO;
        return MHD_YES;
    }
    if (!serve_expire_answering(&h->expiry, &rq->entry))
        return MHD_NO;
    if (!rq->refused)
        rq->route->handle(rq, &rq->reply);
    if (rq->reply.status == 0)
        serve_error(&rq->reply, 500, "internal", "the handler gave no reply");
    return send_reply(rq);
}

/* The request ended (answered, or the connection dropped). */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    serve_http *h = cls;
    serve_request *rq = *con_cls;
    (void)c;
    if (rq == NULL)
        return;
    *con_cls = NULL;
    int expired = serve_expire_remove(&h->expiry, &rq->entry);
    int status = expired ? 408 : rq->status ? rq->status : 499; /* 499: the client left */
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && !expired && rq->status)
        status = rq->status; /* the reply was cut short; still logged as sent */
    double secs = seconds_since(&rq->start);
    serve_metrics_request(&h->srv->metrics, rq->route ? rq->route->path : NULL, status, secs);
    serve_log_entry e = {rq->remote, rq->method ? rq->method : "", rq->path, status,
                         rq->bytes_in, rq->bytes_out, secs * 1000, rq->gen ? rq->gen->id : 0};
    serve_log_write(&h->srv->log, &e);
    if (rq->state_free)
        rq->state_free(rq->state);
    if (rq->gen)
        serve_server_release(h->srv, rq->gen);
    if (rq->counted)
        atomic_fetch_sub(&h->srv->active, 1);
    cs_buf_free(&rq->body);
    cs_buf_free(&rq->reply.body);
    atomic_fetch_sub(&h->srv->in_flight, 1);
    free(rq);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    serve_http *h = cls;
    if (h->srv->o->quiet)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\n")] = '\0';
    fprintf(stderr, "credscore: serve: %s\n", msg);
}

int serve_http_start(serve_http **out, serve_server *srv, int fd, char *err, size_t errlen)
{
    *out = NULL;
    serve_http *h = calloc(1, sizeof *h);
    if (h == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    h->srv = srv;
    serve_expire_init(&h->expiry, srv->o->read_timeout);
    unsigned limit = (unsigned)srv->o->max_concurrent * 2 + 64;
    if (mhd_lib_open(&h->mhd, err, errlen) != 0) {
        serve_expire_free(&h->expiry);
        free(h);
        return -1;
    }
    h->daemon = h->mhd.start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
            MHD_USE_ITC | MHD_USE_ERROR_LOG,
        0, NULL, NULL, on_access, h, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, h,
        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT, limit,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)srv->o->read_timeout + 5,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, h, MHD_OPTION_URI_LOG_CALLBACK, on_uri, h,
        MHD_OPTION_THREAD_STACK_SIZE, STACK_BYTES, MHD_OPTION_END);
    if (h->daemon == NULL) {
        snprintf(err, errlen, "cannot start the HTTP daemon: %s", strerror(errno));
        mhd_lib_close(&h->mhd);
        serve_expire_free(&h->expiry);
        free(h);
        return -1;
    }
    *out = h;
    return 0;
}

void serve_http_quiesce(serve_http *h)
{
    int fd = (int)h->mhd.quiesce_daemon(h->daemon);
    if (fd >= 0)
        close(fd);
}

void serve_http_expire(serve_http *h)
{
    serve_expire_scan(&h->expiry);
}

void serve_http_stop(serve_http *h)
{
    if (h == NULL)
        return;
    h->mhd.stop_daemon(h->daemon);
    mhd_lib_close(&h->mhd);
    serve_expire_free(&h->expiry);
    free(h);
}
