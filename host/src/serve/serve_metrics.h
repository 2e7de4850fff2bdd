/*
 * serve_metrics.h - the server's counters, rendered in the Prometheus text
 * format for GET /metrics: requests by route and status, a latency
 * histogram by route, articles and bytes scored, worker restarts, reloads.
 * Thread-safe; one per server (no global state).
 */
#ifndef CS_SERVE_METRICS_H
#define CS_SERVE_METRICS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "buf.h"

#define SERVE_METRICS_ROUTES 24    /* routes in the table, at most, plus "other" */
#define SERVE_METRICS_BUCKETS 12
#define SERVE_METRICS_PAIRS 128    /* (route, status) pairs counted apart */

typedef struct serve_metrics {
    pthread_mutex_t mu;
    const char *routes[SERVE_METRICS_ROUTES]; /* their labels, in order of first use */
    size_t nroutes;
    struct {
        int route, status;
        unsigned long long n;
    } pairs[SERVE_METRICS_PAIRS];
    size_t npairs;
    unsigned long long buckets[SERVE_METRICS_ROUTES][SERVE_METRICS_BUCKETS];
    unsigned long long count[SERVE_METRICS_ROUTES];
    double sum[SERVE_METRICS_ROUTES];
    atomic_ullong articles;        /* scored */
    atomic_ullong bytes;           /* of article text scored */
    atomic_ullong restarts;        /* workers lost to a crash or the timeout */
    atomic_ullong reloads_ok, reloads_failed;
} serve_metrics;

void serve_metrics_init(serve_metrics *m);
void serve_metrics_free(serve_metrics *m);

/* One request done: route is its route's path (a string that outlives m;
 * NULL for no route: "other"), status the HTTP status, seconds from its
 * first byte to the end. */
void serve_metrics_request(serve_metrics *m, const char *route, int status, double seconds);

/* The exposition text; in_flight and generation are gauges read by the
 * caller.  0, or -1 when memory runs out. */
int serve_metrics_render(serve_metrics *m, int in_flight, unsigned long generation,
                         cs_buf *out);

#endif
