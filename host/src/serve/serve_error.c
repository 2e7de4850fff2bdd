/* serve_error.c - JSON error bodies (serve_error.h). */
#include "serve_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void serve_error_begin(serve_reply *rp, cs_json *j, int status, const char *code,
                       const char *msg)
{
    rp->status = status;
    rp->type = "application/json";
    rp->stream = NULL;
    rp->body.len = 0;
    cs_json_init(j, &rp->body, 0);
    cs_json_object(j);
    cs_json_kv_string(j, "error", code);
    cs_json_kv_string(j, "message", msg);
}

void serve_error_end(serve_reply *rp, cs_json *j)
{
    cs_json_end_object(j);
    cs_buf_putc(&rp->body, '\n');
}

void serve_error(serve_reply *rp, int status, const char *code, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cs_json j;
    serve_error_begin(rp, &j, status, code, msg);
    serve_error_end(rp, &j);
}

/* The word after " in plugin " or " in rule " in the pool's account. */
static void culprit(const char *crash, const char *what, char *out, size_t n)
{
    char key[32];
    snprintf(key, sizeof key, " in %s ", what);
    const char *p = strstr(crash, key);
    out[0] = '\0';
    if (p) {
        p += strlen(key);
        size_t len = strcspn(p, " ");
        snprintf(out, n, "%.*s", (int)(len < n ? len : n - 1), p);
    }
}

void serve_error_worker(serve_reply *rp, const char *crash)
{
    int timed_out = strncmp(crash, "took longer", 11) == 0;
    char msg[400], plugin[100], rule[200];
    snprintf(msg, sizeof msg, "not scored: %s", crash);
    culprit(crash, "plugin", plugin, sizeof plugin);
    culprit(crash, "rule", rule, sizeof rule);
    cs_json j;
    serve_error_begin(rp, &j, timed_out ? 503 : 500, timed_out ? "timeout" : "worker_crashed",
                      msg);
    if (plugin[0])
        cs_json_kv_string(&j, "plugin", plugin);
    if (rule[0])
        cs_json_kv_string(&j, "rule", rule);
    serve_error_end(rp, &j);
}
