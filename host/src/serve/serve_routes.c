/* serve_routes.c - the route table (serve_routes.h). */
#include "serve_routes.h"

#include <string.h>

static const serve_route routes[] = {
    {"POST", "/v1/score", SERVE_ROUTE_LIMITED | SERVE_ROUTE_BODY | SERVE_ROUTE_GEN,
     serve_score_begin, NULL, serve_score_handle},
    {"POST", "/v1/score/stream", SERVE_ROUTE_LIMITED | SERVE_ROUTE_BODY | SERVE_ROUTE_GEN,
     serve_stream_begin, serve_stream_chunk, serve_stream_handle},
    {"GET", "/v1/rules", SERVE_ROUTE_LIMITED | SERVE_ROUTE_GEN, NULL, NULL, serve_info_rules},
    {"GET", "/v1/markers", SERVE_ROUTE_LIMITED | SERVE_ROUTE_GEN, NULL, NULL, serve_info_markers},
    {"GET", "/v1/config", SERVE_ROUTE_LIMITED | SERVE_ROUTE_GEN, NULL, NULL, serve_info_config},
    {"GET", "/healthz", SERVE_ROUTE_OPEN, NULL, NULL, serve_info_health},
    {"GET", "/metrics", 0, NULL, NULL, serve_info_metrics},
};

#define NROUTES (sizeof routes / sizeof routes[0])

const serve_route *serve_route_find(const char *method, const char *path, int *path_known,
                                    const char **allow)
{
    *path_known = 0;
    *allow = NULL;
    for (size_t i = 0; i < NROUTES; i++)
        if (strcmp(routes[i].path, path) == 0) {
            if (strcmp(routes[i].method, method) == 0)
                return &routes[i];
            *path_known = 1;
            *allow = routes[i].method;
        }
    return NULL;
}

size_t serve_route_count(void)
{
    return NROUTES;
}

const serve_route *serve_route_at(size_t i)
{
    return i < NROUTES ? &routes[i] : NULL;
}
