/*
 * progress.h - a progress line on standard error for long runs (streams and
 * folders): articles answered, MB read, MB/s and, when the input's size is
 * known, the share done and an estimate of the time left.
 *
 * Modes: CS_PROGRESS_AUTO shows it only when standard error is a terminal,
 * the report does not go to a terminal too (where the line would cut into
 * it), --quiet was not given, and the run has lasted CS_PROGRESS_DELAY
 * seconds;
 * CS_PROGRESS_ALWAYS (--progress) shows it from the start whatever standard
 * error is; CS_PROGRESS_NEVER (--no-progress) never.  On a terminal the line
 * is redrawn in place (carriage return) a few times a second; elsewhere a
 * full line is written at most once a second.  Once anything was shown, the
 * finish writes a last line with the totals.  Only standard error is
 * written, never standard output.  All state is in the struct.
 */
#ifndef CS_PROGRESS_H
#define CS_PROGRESS_H

#include <stddef.h>

enum { CS_PROGRESS_NEVER = 0, CS_PROGRESS_ALWAYS = 1, CS_PROGRESS_AUTO = -1 };

#define CS_PROGRESS_DELAY 2.0 /* seconds before the automatic line appears */

typedef struct cs_progress {
    int fd;                  /* where the line goes (standard error) */
    int enabled;             /* may show at all */
    int forced;              /* --progress: no delay */
    int tty;                 /* redraw in place */
    int shown;               /* a line was written */
    double start, last;      /* monotonic seconds: start, last line written */
    unsigned long long total; /* input bytes, 0 = unknown */
    unsigned long long bytes; /* input bytes done */
    size_t articles;          /* articles answered */
} cs_progress;

/* Start timing a run.  mode: CS_PROGRESS_*; quiet: --quiet; report_on_tty:
 * the report goes to a terminal (either turns the automatic mode off);
 * total: the input's size in bytes, 0 when unknown. */
void cs_progress_start(cs_progress *p, int mode, int quiet, int report_on_tty,
                       unsigned long long total);

/* Record that articles have been answered and bytes of input done so far
 * (running totals, not increments); writes a line when one is due. */
void cs_progress_update(cs_progress *p, size_t articles, unsigned long long bytes);

/* End the line: when anything was shown, write the totals and a newline,
 * so that later messages start on a line of their own. */
void cs_progress_finish(cs_progress *p);

#endif
