/*
 * serve_lanes.h - the server's scoring lanes: a job queue and N lanes,
 * each a thread driving a pool (pool.h) of one forked worker.
 *
 * Request threads queue jobs and wait for them; a free lane takes the
 * oldest, hands it to its worker and posts the answer back.  Jobs finish
 * in any order (a slow article holds up its own lane only).  A worker that
 * crashes or overruns the timeout costs its job only: the job comes back
 * with status -1 and the pool's account of what happened ("the worker died
 * of signal 11 (Segmentation fault) in plugin x", "took longer than 2 s
 * and was stopped in rule y (...)"), and the pool forks a new worker (each
 * counted in *restarts).  A batch job (serve_work.h) whose worker dies is
 * replayed record by record, so only the record at fault is lost (answered
 * in band, as `score --jsonl` does).
 *
 * Every pool is forked by serve_lanes_new, before its lane threads start.
 * Thread-safe: any thread may submit, wait and cancel.  0 / -1 with a
 * cs_diag.
 */
#ifndef CS_SERVE_LANES_H
#define CS_SERVE_LANES_H

#include <pthread.h>
#include <stdatomic.h>

#include "buf.h"
#include "diag.h"
#include "pool.h"

enum { SERVE_JOB_QUEUED, SERVE_JOB_RUNNING, SERVE_JOB_DONE };

typedef struct serve_job {
    cs_buf job;        /* the encoded job (serve_work.h), the caller's */
    cs_buf out;        /* the answer, once done */
    int status;        /* serve_work's status, or -1: the worker died or was stopped */
    char crash[CS_POOL_NOTE_MAX + 64]; /* when status is -1: how */
    int state;         /* SERVE_JOB_* (under the lanes' lock) */
    int orphan;        /* its waiter is gone: the lane frees it when done */
    pthread_cond_t done; /* signalled once, when state becomes DONE: only its
                            own waiter wakes (no herd of every waiting request) */
    struct serve_job *next; /* in the queue */
} serve_job;

typedef struct serve_lanes serve_lanes;

/* Fork n pools of one worker each (fn with ctxs[i] in lane i's worker),
 * each item limited to timeout seconds (0 = none), then start the lanes.
 * restarts counts workers lost to a crash or the timeout. */
int serve_lanes_new(serve_lanes **out, int n, cs_pool_work_fn fn, void **ctxs, int timeout,
                    atomic_ullong *restarts, cs_diag *d);

/* A new job (zeroed buffers), or NULL when memory runs out; free it with
 * serve_job_free once done (or give it to serve_lanes_cancel). */
serve_job *serve_job_new(void);
void serve_job_free(serve_job *j);

/* Queue j (its job bytes filled). */
void serve_lanes_submit(serve_lanes *l, serve_job *j);

/* Wait until j is done. */
void serve_lanes_wait(serve_lanes *l, serve_job *j);

/* Is j done (without waiting)? */
int serve_lanes_done(serve_lanes *l, serve_job *j);

/* The caller gives j up: freed now when queued or done, else by its lane
 * when it finishes. */
void serve_lanes_cancel(serve_lanes *l, serve_job *j);

/* Jobs queued or running. */
size_t serve_lanes_busy(serve_lanes *l);

/* Finish the queued jobs, stop the lanes and their workers, free l. */
void serve_lanes_free(serve_lanes *l);

#endif
