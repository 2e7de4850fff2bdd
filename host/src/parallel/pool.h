/*
 * pool.h - worker processes that score work items in isolation.
 *
 * The parent forks N workers after the scorer is built (each inherits a
 * copy, so nothing is loaded twice), hands each up to two items at a time
 * (cs_pool_start_depth: more) over a pipe (it scores one while the next
 * waits) and collects results, which come back through memory shared with
 * the worker, in input order.  A worker that dies (a plugin
 * crashed it: SIGSEGV, abort) costs only the item it was scoring: that item
 * comes back as a failure naming the signal and the plugin that was running
 * (read from a shared page the scorer writes before each plugin call), a
 * new worker is forked, and the other items are scored as usual.
 *
 * Items and results are opaque byte strings.  The work function runs in the
 * worker: it reads the item and appends its result to `out`; it returns a
 * small status the parent gets back with the result.  The pool keeps each
 * item until its result is handed out and hands the item back with it (so
 * a failed item can be replayed without a copy of its own); the buffers of
 * items and results are reused.  Not thread-safe: one thread drives a pool.
 * Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_POOL_H
#define CS_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "guard.h"

#define CS_POOL_NOTE_MAX CS_GUARD_NOTE_MAX /* a worker's note (its cs_deadline's) */
#define CS_POOL_DEPTH_MAX 32 /* items a worker may hold at once */

/* Runs in a worker.  `note` is the worker's shared crash note: write what is
 * running (e.g. "plugin attribution") before risky calls.  The result goes
 * into `out`, an empty buffer that may write straight into memory shared
 * with the parent (cs_buf_borrow): append with the cs_buf functions only
 * (never free, replace or realloc its data). */
typedef int (*cs_pool_work_fn)(void *ctx, const char *item, size_t len, char *note, cs_buf *out);

typedef struct cs_pool cs_pool;

/* A finished item, in input order. */
typedef struct cs_pool_result {
    uint64_t seq;      /* 0-based submission number */
    int status;        /* the work function's status, or -1 when the worker died */
    const char *data;  /* result bytes (valid until the next cs_pool_next) */
    size_t len;
    const char *item;  /* the item's bytes, as submitted (valid as long), e.g. */
    size_t item_len;   /* to replay a failed item without keeping a copy */
    char crash[CS_POOL_NOTE_MAX + 64]; /* when status == -1: "signal 11 (SIGSEGV) in plugin x" */
} cs_pool_result;

int cs_pool_start(cs_pool **out, int workers, cs_pool_work_fn fn, void *ctx, cs_diag *d);

/* Like cs_pool_start, but each worker holds up to `depth` items at once
 * (1..CS_POOL_DEPTH_MAX; cs_pool_start: 2) and tells the parent of its
 * results about every depth / 2 items rather than one by one: for many
 * short items, a wake-up of each process per run of items instead of per
 * item.  A result may then come up to depth / 2 - 1 items later than its
 * worker wrote it (at most about 20 ms later, unless the item after it
 * takes longer); a worker that dies still costs only the item it was
 * scoring. */
int cs_pool_start_depth(cs_pool **out, int workers, int depth, cs_pool_work_fn fn, void *ctx,
                        cs_diag *d);

/* Is there room to submit without blocking on results? */
int cs_pool_can_submit(const cs_pool *p);

/* Give every item at most `seconds` of wall time (0 = no limit), counted
 * by the worker from when it begins the item (its cs_deadline, guard.h):
 * a worker still on it after that is killed and the item comes back as a
 * failure ("took longer than N s", naming what was running). */
void cs_pool_set_timeout(cs_pool *p, int seconds);

/* Queue an item (copied).  Call only when cs_pool_can_submit. */
int cs_pool_submit(cs_pool *p, const char *item, size_t len, cs_diag *d);

/* Queue an item without copying it: the pool takes item's bytes and leaves
 * in *item an empty buffer (len 0, often with room from an earlier item)
 * to build the next one in.  On success or failure *item is the caller's,
 * to free with cs_buf_free in the end.  Call only when cs_pool_can_submit. */
int cs_pool_submit_buf(cs_pool *p, cs_buf *item, cs_diag *d);

/* Wait for the next result in input order.  Returns 1 with *r filled, 0
 * when nothing is outstanding, -1 on a pool failure. */
int cs_pool_next(cs_pool *p, cs_pool_result *r, cs_diag *d);

/* Number of items submitted but not yet returned by cs_pool_next. */
size_t cs_pool_pending(const cs_pool *p);

/* No more items will come: each worker is told so (it exits once its pipe
 * is empty) while the caller goes on, e.g. to write its report; a later
 * cs_pool_free then only waits for them.  Call only when every result was
 * taken. */
void cs_pool_finish(cs_pool *p);

/* Stop the workers and free everything. */
void cs_pool_free(cs_pool *p);

#endif
