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
    {"GET", "/", SERVE_ROUTE_OPEN | SERVE_ROUTE_GEN, NULL, NULL, serve_playground_page},
    {"GET", "/v1/rules/*/source", SERVE_ROUTE_LIMITED | SERVE_ROUTE_GEN, NULL, NULL,
     serve_playground_source},
    {"POST", "/v1/playground/score", SERVE_ROUTE_LIMITED | SERVE_ROUTE_BODY | SERVE_ROUTE_GEN,
     serve_playground_begin, NULL, serve_playground_score},
    {"POST", "/v1/playground/test", SERVE_ROUTE_LIMITED | SERVE_ROUTE_BODY | SERVE_ROUTE_GEN,
     serve_playground_begin, NULL, serve_playground_test},
};

#define NROUTES (sizeof routes / sizeof routes[0])

/* Does path match a route's: the same bytes, a '*' standing for one
 * segment (one or more characters, no '/')? */
static int path_match(const char *pattern, const char *path)
{
    for (; *pattern; pattern++) {
        if (*pattern != '*') {
            if (*path++ != *pattern)
                return 0;
            continue;
        }
        size_t n = strcspn(path, "/");
        if (n == 0)
            return 0;
        path += n;
    }
    return *path == '\0';
}

const serve_route *serve_route_find(const char *method, const char *path, int *path_known,
                                    const char **allow)
{
    *path_known = 0;
    *allow = NULL;
    for (size_t i = 0; i < NROUTES; i++)
        if (path_match(routes[i].path, path)) {
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
