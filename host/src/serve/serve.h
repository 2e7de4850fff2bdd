/*
 * serve.h - `credscore serve`: the scoring service over HTTP/1.1
 * (libmicrohttpd).  Routes and bodies: docs/api.md.
 *
 * cs_serve loads the configuration (one scorer per profile), forks the
 * scoring workers, then listens; it returns when SIGTERM or SIGINT has
 * drained the requests in flight (exit status 0), or at once with 2 when
 * it cannot start (the message is on stderr).  SIGHUP, or a change to the
 * configuration or a rule file, loads the configuration again: requests
 * started before finish on the one they started with; a broken edit keeps
 * the old one (logged, and shown by GET /healthz).
 */
#ifndef CS_SERVE_H
#define CS_SERVE_H

#include "session.h"

typedef struct cs_serve_opts {
    cs_session_opts session;       /* what to score with (its profile is the
                                      default one; a bundle is watched for changes) */
    const char *listen;            /* ADDR:PORT, [V6ADDR]:PORT (port 0: any free one) */
    const char *token_file;        /* Bearer token (required off loopback), or NULL */
    const char *port_file;         /* write "ADDR:PORT\n" here once listening, or NULL */
    const char *access_log;        /* JSON lines; NULL: standard error */
    long long max_body;            /* bytes of a request body */
    int max_concurrent;            /* requests in flight before 429 */
    int read_timeout;              /* seconds to receive a request (408) */
    int jobs;                      /* scoring workers */
    int timeout;                   /* seconds per article (0 = none) */
    int reload_ms;                 /* how often to look for changed files (0 = never) */
    int quiet;                     /* no notices on stderr, errors only */
    const char *version;           /* the tool version reports name */
} cs_serve_opts;

/* Serve until SIGTERM/SIGINT; returns the exit status (0, or 2). */
int cs_serve(const cs_serve_opts *o);

#endif
