/* serve_metrics.c - counters and the Prometheus exposition (serve_metrics.h). */
#include "serve_metrics.h"

#include <string.h>


static const double bounds[SERVE_METRICS_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1,    5};

void serve_metrics_init(serve_metrics *m)
{
    memset(m, 0, sizeof *m);
    pthread_mutex_init(&m->mu, NULL);
}

void serve_metrics_free(serve_metrics *m)
{
    pthread_mutex_destroy(&m->mu);
}

/* A route's index in the counters (under the lock): the last one is
 * "other", for no route or too many routes. */
static int slot(serve_metrics *m, const char *route)
{
    if (route == NULL)
        return SERVE_METRICS_ROUTES - 1;
    for (size_t i = 0; i < m->nroutes; i++)
        if (m->routes[i] == route)
            return (int)i;
    if (m->nroutes >= SERVE_METRICS_ROUTES - 1)
        return SERVE_METRICS_ROUTES - 1;
    m->routes[m->nroutes] = route;
    return (int)m->nroutes++;
}

void serve_metrics_request(serve_metrics *m, const char *route, int status, double seconds)
{
    pthread_mutex_lock(&m->mu);
    int r = slot(m, route);
    size_t i = 0;
    while (i < m->npairs && !(m->pairs[i].route == r && m->pairs[i].status == status))
        i++;
    if (i == m->npairs && m->npairs < SERVE_METRICS_PAIRS) {
        m->pairs[i].route = r;
        m->pairs[i].status = status;
        m->pairs[i].n = 0;
        m->npairs++;
    }
    if (i < m->npairs)
        m->pairs[i].n++;
    for (int b = 0; b < SERVE_METRICS_BUCKETS; b++)
        if (seconds <= bounds[b])
            m->buckets[r][b]++;
    m->count[r]++;
    m->sum[r] += seconds;
    pthread_mutex_unlock(&m->mu);
}

static const char *route_label(const serve_metrics *m, int r)
{
    return (size_t)r < m->nroutes ? m->routes[r] : "other";
}

int serve_metrics_render(serve_metrics *m, int in_flight, unsigned long generation, cs_buf *out)
{
    int rc = 0;
    pthread_mutex_lock(&m->mu);
    rc |= cs_buf_puts(out, "# HELP credscore_http_requests_total HTTP requests answered, by "
                           "route and status.\n"
                           "# TYPE credscore_http_requests_total counter\n");
    for (size_t i = 0; i < m->npairs; i++)
        rc |= cs_buf_printf(out, "credscore_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                            route_label(m, m->pairs[i].route), m->pairs[i].status, m->pairs[i].n);
    rc |= cs_buf_puts(out, "# HELP credscore_http_request_duration_seconds Time from a "
                           "request's first byte to its last reply byte, by route.\n"
                           "# TYPE credscore_http_request_duration_seconds histogram\n");
    for (int r = 0; r < SERVE_METRICS_ROUTES; r++) {
        if (m->count[r] == 0)
            continue;
        const char *label = route_label(m, r);
        for (int b = 0; b < SERVE_METRICS_BUCKETS; b++)
            rc |= cs_buf_printf(out,
                                "credscore_http_request_duration_seconds_bucket{route=\"%s\","
                                "le=\"%g\"} %llu\n",
                                label, bounds[b], m->buckets[r][b]);
        rc |= cs_buf_printf(out,
                            "credscore_http_request_duration_seconds_bucket{route=\"%s\","
                            "le=\"+Inf\"} %llu\n"
                            "credscore_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                            "credscore_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                            label, m->count[r], label, m->sum[r], label, m->count[r]);
    }
    pthread_mutex_unlock(&m->mu);
    rc |= cs_buf_printf(
        out,
        "# HELP credscore_articles_scored_total Articles scored (streamed records included).\n"
        "# TYPE credscore_articles_scored_total counter\n"
        "credscore_articles_scored_total %llu\n"
        "# HELP credscore_bytes_scored_total Bytes of article text received for scoring.\n"
        "# TYPE credscore_bytes_scored_total counter\n"
        "credscore_bytes_scored_total %llu\n"
        "# HELP credscore_worker_restarts_total Scoring workers replaced after a crash or a "
        "timeout.\n"
        "# TYPE credscore_worker_restarts_total counter\n"
        "credscore_worker_restarts_total %llu\n"
        "# HELP credscore_config_reloads_total Configuration reloads, by result.\n"
        "# TYPE credscore_config_reloads_total counter\n"
        "credscore_config_reloads_total{result=\"ok\"} %llu\n"
        "credscore_config_reloads_total{result=\"failed\"} %llu\n"
        "# HELP credscore_config_generation The configuration generation in use.\n"
        "# TYPE credscore_config_generation gauge\n"
        "credscore_config_generation %lu\n"
        "# HELP credscore_http_requests_in_flight Requests being received or answered.\n"
        "# TYPE credscore_http_requests_in_flight gauge\n"
        "credscore_http_requests_in_flight %d\n",
        atomic_load(&m->articles), atomic_load(&m->bytes), atomic_load(&m->restarts),
        atomic_load(&m->reloads_ok), atomic_load(&m->reloads_failed), generation, in_flight);
    return rc ? -1 : 0;
}
