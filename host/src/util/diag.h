/*
 * diag.h - error messages carried back to the caller.
 *
 * Every fallible function in the host returns 0 on success and -1 on failure
 * and, on failure, fills a caller-provided cs_diag with one line of text in
 * the form "path:line:col: what is wrong" (line/col omitted when unknown).
 * A cs_diag is a fixed buffer: filling it never allocates and never fails.
 */
#ifndef CS_DIAG_H
#define CS_DIAG_H

#include <stddef.h>

#define CS_DIAG_MAX 1024

typedef struct cs_diag {
    char msg[CS_DIAG_MAX];
} cs_diag;

/* Named exit codes of the credscore command. */
enum cs_exit {
    CS_EXIT_OK = 0,        /* scored, every threshold held */
    CS_EXIT_THRESHOLD = 1, /* scored, but a threshold failed (or a test failed) */
    CS_EXIT_ERROR = 2      /* usage, config, rule, plugin or input error */
};

/* Format a message into d (printf-style); returns -1 so callers can
 * `return cs_diag_set(d, ...)`.  d may be NULL. */
int cs_diag_set(cs_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Same, prefixed with "path:line:col: " (line/col 0 are left out). */
int cs_diag_at(cs_diag *d, const char *path, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
