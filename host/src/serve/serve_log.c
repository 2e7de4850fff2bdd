/* serve_log.c - the access log, JSON lines (serve_log.h). */
#include "serve_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "json_writer.h"

int serve_log_open(serve_log *l, const char *path, cs_diag *d)
{
    l->fd = STDERR_FILENO;
    l->owned = 0;
    if (path == NULL)
        return 0;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0640);
    if (fd < 0)
        return cs_diag_set(d, "--access-log %s: cannot open: %s", path, strerror(errno));
    l->fd = fd;
    l->owned = 1;
    return 0;
}

void serve_log_write(serve_log *l, const serve_log_entry *e)
{
    char when[40];
    struct timespec now;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    size_t k = strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(when + k, sizeof when - k, ".%03ldZ", now.tv_nsec / 1000000);
    char stack[1024];
    cs_buf line = {0};
    cs_json j;
    cs_json_init(&j, &line, 0);
    cs_json_object(&j);
    cs_json_kv_string(&j, "time", when);
    cs_json_kv_string(&j, "remote", e->remote ? e->remote : "");
    cs_json_kv_string(&j, "method", e->method ? e->method : "");
    cs_json_kv_string(&j, "path", e->path ? e->path : "");
    cs_json_kv_int(&j, "status", e->status);
    cs_json_kv_int(&j, "bytes_in", (long long)e->bytes_in);
    cs_json_kv_int(&j, "bytes_out", (long long)e->bytes_out);
    snprintf(stack, sizeof stack, "%.3f", e->ms);
    cs_json_key(&j, "ms");
    cs_json_raw(&j, stack);
    if (e->generation)
        cs_json_kv_int(&j, "generation", (long long)e->generation);
    cs_json_end_object(&j);
    cs_buf_putc(&line, '\n');
    if (!cs_json_failed(&j) && line.len)
        (void)cs_write_all(l->fd, line.data, line.len);
    cs_buf_free(&line);
}

void serve_log_close(serve_log *l)
{
    if (l->owned && l->fd >= 0)
        close(l->fd);
    l->fd = -1;
    l->owned = 0;
}
