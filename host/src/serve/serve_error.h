/*
 * serve_error.h - the JSON error bodies of the server.
 *
 * Every error reply is one JSON object: {"error": CODE, "message": TEXT}
 * and, for some codes, more members (docs/api.md): "line", "column" and
 * "byte" for malformed JSON, "plugin" or "rule" for an article a worker
 * could not score, "limit" for a body too large, "retry_after" for 429.
 */
#ifndef CS_SERVE_ERROR_H
#define CS_SERVE_ERROR_H

#include "json_writer.h"
#include "serve_request.h"

/* Replace rp with an error: status, CODE and the formatted message. */
void serve_error(serve_reply *rp, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The same, leaving the object open in *j for more members; close it with
 * serve_error_end. */
void serve_error_begin(serve_reply *rp, cs_json *j, int status, const char *code,
                       const char *msg);
void serve_error_end(serve_reply *rp, cs_json *j);

/* An article not scored because its worker died or overran the timeout
 * (crash: the pool's account): 500, or 503 for a timeout, naming the
 * plugin or rule that was running. */
void serve_error_worker(serve_reply *rp, const char *crash);

#endif
