/*
 * serve_server.h - the state one server shares between its threads: the
 * options, the current generation of the configuration and the retired
 * ones still in use, the last reload's outcome, metrics, access log and
 * token.  One per cs_serve call (nothing global).
 */
#ifndef CS_SERVE_SERVER_H
#define CS_SERVE_SERVER_H

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "serve.h"
#include "serve_auth.h"
#include "serve_gen.h"
#include "serve_log.h"
#include "serve_metrics.h"

typedef struct serve_server {
    const cs_serve_opts *o;
    pthread_mutex_t mu;            /* gen, retired, reload_* */
    serve_gen *gen;                /* current (holds one reference) */
    serve_gen *retired;            /* replaced, freed once unused */
    int reload_ok;                 /* the last reload worked (1 before any) */
    char reload_error[1024];       /* else why not */
    time_t reload_at;              /* when it was tried (0: never) */
    serve_metrics metrics;
    serve_log log;
    serve_auth auth;
    struct serve_http *http;
    atomic_int draining;           /* SIGTERM seen: 503 for new requests */
    atomic_int in_flight;          /* requests begun (request line in) and not ended */
    atomic_int active;             /* of them, those counted for --max-concurrent */
    time_t started;
} serve_server;

/* The current generation, held for the caller (serve_server_release). */
serve_gen *serve_server_acquire(serve_server *s);
void serve_server_release(serve_server *s, serve_gen *g);

/* The last reload's outcome, copied under the lock. */
void serve_server_reload_state(serve_server *s, int *ok, char *error, size_t errlen,
                               time_t *at, unsigned long *generation, time_t *loaded);

#endif
