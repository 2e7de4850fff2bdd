/* serve.c - `credscore serve`: start, run the main loop (signals, file
 * changes, read timeouts, retired generations), drain, stop (serve.h). */
#include "serve.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "serve_http.h"
#include "serve_listen.h"
#include "serve_reload.h"
#include "serve_server.h"

#define TICK_MS 100          /* the main loop's pace */

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Wait up to TICK_MS for SIGHUP, SIGTERM or SIGINT (blocked in every
 * thread, taken here); the signal, or 0. */
static int next_signal(const sigset_t *set)
{
    struct timespec wait = {0, TICK_MS * 1000000L};
    int sig = sigtimedwait(set, NULL, &wait);
    return sig > 0 ? sig : 0;
}

/* Serve until SIGTERM or SIGINT: reload on SIGHUP or a changed file,
 * expire slow requests, free unused generations. */
static void main_loop(serve_server *srv, serve_watch *w, const sigset_t *set)
{
    long long next_poll = now_ms() + srv->o->reload_ms;
    for (;;) {
        int sig = next_signal(set);
        if (sig == SIGTERM || sig == SIGINT)
            return;
        if (sig == SIGHUP) {
            serve_reload(srv, w, "SIGHUP");
            next_poll = now_ms() + srv->o->reload_ms;
        } else if (srv->o->reload_ms > 0 && now_ms() >= next_poll) {
            const char *changed = serve_watch_changed(w);
            if (changed) {
                char why[600];
                snprintf(why, sizeof why, "%s changed", changed);
                serve_reload(srv, w, why);
            }
            next_poll = now_ms() + srv->o->reload_ms;
        }
        serve_http_expire(srv->http);
        serve_reload_reap(srv);
    }
}

/* SIGTERM: no new connections, new requests on open ones get 503; wait
 * for those in flight (slow ones still expire), at most `limit` seconds. */
static void drain(serve_server *srv, int limit)
{
    atomic_store(&srv->draining, 1);
    serve_http_quiesce(srv->http);
    long long until = now_ms() + (long long)limit * 1000;
    while (atomic_load(&srv->in_flight) > 0 && now_ms() < until) {
        struct timespec t = {0, TICK_MS * 1000000L};
        nanosleep(&t, NULL);
        serve_http_expire(srv->http);
    }
    if (atomic_load(&srv->in_flight) > 0)
        fprintf(stderr, "credscore: serve: %d request(s) still in flight after %d s; "
                        "stopping anyway\n", atomic_load(&srv->in_flight), limit);
}

int cs_serve(const cs_serve_opts *o)
{
    serve_server srv;
    serve_watch w = {0};
    cs_diag d;
    char bound[96], err[256];
    int fd = -1, loopback = 0, code = CS_EXIT_ERROR, log_open = 0;
    memset(&srv, 0, sizeof srv);
    srv.o = o;
    srv.started = time(NULL);
    pthread_mutex_init(&srv.mu, NULL);
    serve_metrics_init(&srv.metrics);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    /* Blocked before any thread or worker exists, so that every thread
     * inherits the mask and only the main loop takes them. */
    pthread_sigmask(SIG_BLOCK, &set, &old);
    if (serve_auth_load(&srv.auth, o->token_file, &d) != 0)
        goto fail;
    if ((fd = serve_listen(o->listen, &loopback, bound, sizeof bound, &d)) < 0)
        goto fail;
    if (!loopback && !srv.auth.enabled) {
        cs_diag_set(&d, "--listen %s is not a loopback address: give --token-file so that "
                        "only clients with the token are served", o->listen);
        goto fail;
    }
    if (serve_log_open(&srv.log, o->access_log, &d) != 0)
        goto fail;
    log_open = 1;
    /* The workers are forked here, before the daemon starts its threads. */
    if (serve_reload_first(&srv, &w, &d) != 0)
        goto fail;
    if (serve_http_start(&srv.http, &srv, fd, err, sizeof err) != 0) {
        cs_diag_set(&d, "%s", err);
        goto fail;
    }
    fd = -1; /* the daemon's now */
    if (o->port_file) {
        char line[128];
        int n = snprintf(line, sizeof line, "%s\n", bound);
        if (cs_write_atomic(o->port_file, line, (size_t)n, &d) != 0)
            goto fail;
    }
    if (!o->quiet)
        fprintf(stderr, "credscore: serving on http://%s (%d worker%s, configuration %s)\n",
                bound, srv.gen->nworkers, srv.gen->nworkers == 1 ? "" : "s",
                srv.gen->sessions[0]->cfg.path ? srv.gen->sessions[0]->cfg.path
                                               : "built-in defaults");
    main_loop(&srv, &w, &set);
    int limit = o->read_timeout + o->timeout + 5;
    drain(&srv, limit < 30 ? 30 : limit);
    if (!o->quiet)
        fprintf(stderr, "credscore: serve: stopped\n");
    code = CS_EXIT_OK;
    goto out;
fail:
    fprintf(stderr, "credscore: serve: %s\n", d.msg);
out:
    serve_http_stop(srv.http);
    if (fd >= 0)
        close(fd);
    serve_reload_free_all(&srv);
    serve_watch_free(&w);
    if (log_open)
        serve_log_close(&srv.log);
    serve_auth_clear(&srv.auth);
    serve_metrics_free(&srv.metrics);
    pthread_mutex_destroy(&srv.mu);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return code;
}
