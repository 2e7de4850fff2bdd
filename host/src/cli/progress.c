/* progress.c - the progress line of long runs (progress.h). */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"

#define TTY_INTERVAL 0.25 /* seconds between redraws on a terminal */
#define LOG_INTERVAL 1.0  /* ... between lines elsewhere */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cs_progress_start(cs_progress *p, int mode, int quiet, int report_on_tty,
                       unsigned long long total)
{
    p->fd = STDERR_FILENO;
    p->tty = isatty(p->fd);
    p->forced = mode == CS_PROGRESS_ALWAYS;
    p->enabled = p->forced || (mode == CS_PROGRESS_AUTO && !quiet && !report_on_tty && p->tty);
    p->shown = 0;
    p->start = p->last = now();
    p->total = total;
    p->bytes = 0;
    p->articles = 0;
}

/* "1:05:09", "4:09", "9 s": a duration for the estimate. */
static void duration(char *buf, size_t n, double s)
{
    unsigned long t = (unsigned long)(s + 0.5);
    if (t >= 3600)
        snprintf(buf, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else if (t >= 60)
        snprintf(buf, n, "%lu:%02lu", t / 60, t % 60);
    else
        snprintf(buf, n, "%lu s", t);
}

/* Write the line for the state at time t; final adds the elapsed time. */
static void draw(cs_progress *p, double t, int final)
{
    char line[256], eta[32];
    double elapsed = t - p->start;
    double mb = (double)p->bytes / 1e6;
    double rate = elapsed > 0 ? mb / elapsed : 0;
    int k = snprintf(line, sizeof line, "%scredscore: %zu article%s, %.2f MB", p->tty ? "\r" : "",
                     p->articles, p->articles == 1 ? "" : "s", mb);
    if (p->total && !final && k > 0 && (size_t)k < sizeof line)
        k += snprintf(line + k, sizeof line - (size_t)k, " of %.2f MB (%d%%)",
                      (double)p->total / 1e6,
                      (int)(p->bytes >= p->total ? 100 : 100.0 * (double)p->bytes / (double)p->total));
    if (k > 0 && (size_t)k < sizeof line)
        k += snprintf(line + k, sizeof line - (size_t)k, final ? " in %.1f s (%.1f MB/s)" : ", %.1f MB/s",
                      final ? elapsed : rate, rate);
    if (!final && p->total && p->bytes > 0 && p->bytes < p->total && rate > 0 && k > 0 &&
        (size_t)k < sizeof line) {
        duration(eta, sizeof eta, (double)(p->total - p->bytes) / 1e6 / rate);
        k += snprintf(line + k, sizeof line - (size_t)k, ", ETA %s", eta);
    }
    if (k > 0 && (size_t)k < sizeof line)
        snprintf(line + k, sizeof line - (size_t)k, "%s%s", p->tty ? "\033[K" : "",
                 final || !p->tty ? "\n" : "");
    (void)cs_write_all(p->fd, line, strlen(line)); /* a progress line lost is no error */
    p->shown = 1;
    p->last = t;
}

void cs_progress_update(cs_progress *p, size_t articles, unsigned long long bytes)
{
    p->articles = articles;
    p->bytes = bytes;
    if (!p->enabled)
        return;
    double t = now();
    if (!p->forced && t - p->start < CS_PROGRESS_DELAY)
        return;
    if (p->shown && t - p->last < (p->tty ? TTY_INTERVAL : LOG_INTERVAL))
        return;
    draw(p, t, 0);
}

void cs_progress_finish(cs_progress *p)
{
    if (p->enabled && (p->shown || p->forced))
        draw(p, now(), 1);
    p->enabled = 0;
}
