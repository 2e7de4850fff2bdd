/*
 * serve_log.h - the access log: one JSON object per request and line
 * ({"time","remote","method","path","status","bytes_in","bytes_out","ms",
 * "generation"}), each written with one write(2) so that lines from
 * concurrent requests never mix.  To a file opened for appending, or to
 * standard error.
 */
#ifndef CS_SERVE_LOG_H
#define CS_SERVE_LOG_H

#include "diag.h"

typedef struct serve_log {
    int fd;
    int owned;                 /* fd was opened here */
} serve_log;

typedef struct serve_log_entry {
    const char *remote;
    const char *method;
    const char *path;          /* without the query */
    int status;
    unsigned long long bytes_in, bytes_out;
    double ms;
    unsigned long generation;  /* 0: none used */
} serve_log_entry;

/* Open path for appending (created 0640), or standard error when NULL. */
int serve_log_open(serve_log *l, const char *path, cs_diag *d);
void serve_log_write(serve_log *l, const serve_log_entry *e);
void serve_log_close(serve_log *l);

#endif
