/*
 * serve_http.h - the HTTP/1.1 daemon of the server (libmicrohttpd, a
 * thread per connection); requests and replies are in serve_request.h.
 *
 * The daemon takes a request through: the route (serve_routes.h: 404,
 * 405), the token (401), --max-concurrent (429 with Retry-After), the
 * declared body size (413), then the body, handed to the route as it
 * comes or whole, then the route's handler, whose serve_reply it sends.
 * A request whose headers and body take longer than --read-timeout gets
 * 408 and its connection is closed (serve_http_expire).  Every request
 * ends in the access log and the metrics.
 */
#ifndef CS_SERVE_HTTP_H
#define CS_SERVE_HTTP_H

#include <stddef.h>

struct serve_server;

typedef struct serve_http serve_http;

/* Start the daemon on the listening socket fd (taken). */
int serve_http_start(serve_http **out, struct serve_server *srv, int fd, char *err,
                     size_t errlen);

/* Stop taking connections (the requests in flight go on). */
void serve_http_quiesce(serve_http *h);

/* Answer 408 to every request still being received after the read
 * timeout, and close its connection (called about 5 times a second). */
void serve_http_expire(serve_http *h);

/* Stop the daemon (open connections are closed) and free h. */
void serve_http_stop(serve_http *h);

#endif
