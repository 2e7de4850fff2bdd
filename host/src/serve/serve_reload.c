/* serve_reload.c - load, swap and retire generations (serve_reload.h). */
#include "serve_reload.h"

#include <stdio.h>
#include <string.h>

serve_gen *serve_server_acquire(serve_server *s)
{
    pthread_mutex_lock(&s->mu);
    serve_gen *g = s->gen;
    serve_gen_hold(g);
    pthread_mutex_unlock(&s->mu);
    return g;
}

void serve_server_release(serve_server *s, serve_gen *g)
{
    (void)s;
    serve_gen_drop(g); /* a retired one is freed by the main loop (serve_reload_reap) */
}

void serve_server_reload_state(serve_server *s, int *ok, char *error, size_t errlen,
                               time_t *at, unsigned long *generation, time_t *loaded)
{
    pthread_mutex_lock(&s->mu);
    *ok = s->reload_ok;
    snprintf(error, errlen, "%s", s->reload_error);
    *at = s->reload_at;
    *generation = s->gen ? s->gen->id : 0;
    *loaded = s->gen ? s->gen->loaded : 0;
    pthread_mutex_unlock(&s->mu);
}

int serve_reload_first(serve_server *s, serve_watch *w, cs_diag *d)
{
    serve_gen *g;
    if (serve_gen_load(&g, s->o, 1, &s->metrics.restarts, d) != 0)
        return -1;
    s->gen = g;
    s->reload_ok = 1;
    if (serve_watch_take(w, g->watch, g->nwatch) != 0)
        return cs_diag_set(d, "out of memory");
    return 0;
}

int serve_reload(serve_server *s, serve_watch *w, const char *why)
{
    cs_diag d;
    serve_gen *g = NULL;
    unsigned long id = s->gen->id + 1; /* only this thread swaps generations */
    int rc = serve_gen_load(&g, s->o, id, &s->metrics.restarts, &d);
    pthread_mutex_lock(&s->mu);
    s->reload_at = time(NULL);
    if (rc == 0) {
        serve_gen *old = s->gen;
        s->gen = g;
        old->next = s->retired;
        s->retired = old;
        serve_gen_drop(old); /* the server's own reference */
        s->reload_ok = 1;
        s->reload_error[0] = '\0';
    } else {
        s->reload_ok = 0;
        snprintf(s->reload_error, sizeof s->reload_error, "%s", d.msg);
    }
    const serve_gen *now = s->gen;
    pthread_mutex_unlock(&s->mu);
    serve_watch_free(w);
    (void)serve_watch_take(w, now->watch, now->nwatch); /* empty on OOM: no more polling */
    if (rc == 0) {
        atomic_fetch_add(&s->metrics.reloads_ok, 1);
        if (!s->o->quiet)
            fprintf(stderr, "credscore: serve: %s: configuration reloaded (generation %lu)\n",
                    why, id);
    } else {
        atomic_fetch_add(&s->metrics.reloads_failed, 1);
        fprintf(stderr, "credscore: serve: %s: reload failed, still serving generation %lu: "
                        "%s\n", why, now->id, d.msg);
    }
    return rc;
}

void serve_reload_reap(serve_server *s)
{
    serve_gen *done = NULL;
    pthread_mutex_lock(&s->mu);
    for (serve_gen **p = &s->retired; *p;) {
        serve_gen *g = *p;
        if (atomic_load(&g->refs) == 0) {
            *p = g->next;
            g->next = done;
            done = g;
        } else {
            p = &g->next;
        }
    }
    pthread_mutex_unlock(&s->mu);
    while (done) { /* outside the lock: lanes finish, workers exit */
        serve_gen *next = done->next;
        serve_gen_free(done);
        done = next;
    }
}

void serve_reload_free_all(serve_server *s)
{
    serve_reload_reap(s);
    for (serve_gen *g = s->retired; g;) { /* held by nobody now: the daemon stopped */
        serve_gen *next = g->next;
        serve_gen_free(g);
        g = next;
    }
    s->retired = NULL;
    serve_gen_free(s->gen);
    s->gen = NULL;
}
