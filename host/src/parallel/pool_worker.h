/*
 * pool_worker.h - inside the worker pool (pool.h): what a worker and the
 * parent share (the pipes' protocol and the memory of answers and result
 * slots) and the worker's loop.  For pool.c only.
 *
 * The parent writes each item to the worker's pipe as {seq, length} and
 * the bytes.  The worker writes each answer (seq, status, length) into the
 * shared answers and its bytes into its result slot, then counts it in
 * `answered`; the pipe back only tells the parent how far the answers go.
 */
#ifndef CS_POOL_WORKER_H
#define CS_POOL_WORKER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"

/* Results go back through memory the worker shares with the parent, one
 * slot per item a worker may hold: the worker's k-th result is in slot
 * k % depth, with its header (seq, status, length) in answer k % depth.
 * The worker cannot write a slot the parent has not released: it is given
 * an item only when the slot its result will take is free.  A result
 * larger than a slot goes through the pipe.  (Untouched slot pages cost
 * nothing.)  A result whose every predecessor in input order has come is
 * handed out where it lies, without a copy: its slot stays held until the
 * cs_pool_next after the one that hands it out. */
#define SLOT_BYTES ((size_t)4 << 20)
/* The pipe only tells the parent that answers are there: "answers up to
 * the k-th are written" (the bytes of a result past its slot follow).  A
 * worker tells once it has answered half of what it may hold, when it has
 * nothing left to score, or when its oldest untold answer is TELL_MS old:
 * one wake-up of the parent for a run of short items, not one each.  An
 * answer written and not told yet is not lost when the worker dies: the
 * shared count says it is there. */
#define TELL_MS 20
/* Bytes a worker reads from its pipe at once (several short items). */
#define READ_BYTES (64 * 1024)

/* A worker's answer for an item, in memory shared with the parent. */
typedef struct answer {
    uint64_t seq;
    int64_t status;
    uint64_t len;
    uint64_t in_slot; /* 1: the bytes are in the result slot; 0: they follow in the pipe */
} answer;

/* What a worker shares with the parent. */
typedef struct worker_shared {
    cs_deadline dl;                   /* when it began the item it scores, what runs */
    atomic_uint_least64_t answered;   /* answers written since it was forked */
    answer ans[CS_POOL_DEPTH_MAX];    /* the k-th in ans[k % depth] */
} worker_shared;


/* The worker's loop (it never returns): items from in_fd, scored with
 * fn(ctx, ...), answered into sh and results (depth slots of SLOT_BYTES,
 * or NULL: every result through the pipe), told on out_fd, until the
 * parent closes in_fd. */
_Noreturn void pool_worker_main(cs_pool_work_fn fn, void *ctx, int depth, int in_fd, int out_fd,
                                worker_shared *sh, char *results);

/* Write all n bytes (EINTR retried).  0, or -1 with errno set. */
int pool_write_full(int fd, const void *buf, size_t n);

/* head (hn bytes) then body (bn bytes), in one system call when the pipe
 * takes them at once (an item's header and bytes: one wake-up of the
 * worker, not two).  0, or -1 with errno set. */
int pool_write_two(int fd, const void *head, size_t hn, const void *body, size_t bn);

/* Read exactly n bytes: 1; 0 on EOF before anything; -1 on an error or a
 * short read. */
int pool_read_full(int fd, void *buf, size_t n);

#endif
