/* pool.c - the parent side of the worker pool (pool.h): workers started
 * and replaced, items handed out, answers taken in input order. */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pool_worker.h"

#define MAX_WORKERS 64
/* Items a worker holds at once (cs_pool_start_depth): the one it scores
 * and the ones waiting in its pipe, so that it goes on to the next without
 * a round trip through the parent.  More than one is sent only when all
 * fit in the pipe together: a parent blocked writing to a worker that is
 * blocked writing its result would be a deadlock. */
#define DEPTH_DEFAULT 2
/* Pipe capacity asked for (the kernel may give less; F_GETPIPE_SZ tells). */
#define PIPE_BYTES (1 << 20)
/* Buffers kept for reuse, items and results apart (they differ in size):
 * enough for those in flight; one that grew larger than SPARE_MAX_BYTES
 * (a huge record) is freed. */
#define MAX_SPARES (2 * DEPTH_DEFAULT * MAX_WORKERS + 4)
#define SPARE_MAX_BYTES (8u << 20)
typedef struct spare_list {
    cs_buf b[MAX_SPARES];
    size_t n;
} spare_list;

typedef struct in_flight {
    uint64_t seq;
    cs_buf item;     /* the bytes sent (kept to hand back with its result) */
} in_flight;

typedef struct worker {
    pid_t pid;
    int to_fd;       /* parent writes items */
    int from_fd;     /* parent reads results */
    size_t to_cap;   /* capacity of the item pipe in bytes */
    int busy;        /* items in flight, 0..depth */
    in_flight slot[CS_POOL_DEPTH_MAX]; /* ... oldest first: slot[0] is being scored */
    worker_shared *sh; /* its deadline (guard.h) and answers */
    cs_deadline *dl; /* &sh->dl */
    char *results;   /* depth result slots of SLOT_BYTES shared with it, or NULL */
    uint64_t taken;  /* results taken since it was forked */
    uint64_t held;   /* bit k: result slot k holds a result handed out or waiting in place */
    int timed_out;   /* killed for taking too long: gets nothing more */
} worker;

/* The worker says itself when it began an item (its cs_deadline), so that
 * a parent slow to collect (blocked writing its output, say) never makes
 * an item look slow. */

typedef struct done_item {
    uint64_t seq;
    int status;
    cs_buf data;     /* the result, unless it is still in a slot: */
    const char *in_slot; /* the result in place (in_slot_len bytes), or NULL */
    size_t in_slot_len;
    int slot_worker; /* whose slot holds it (the worker's held bit is set) */
    int slot_index;  /* ... which of its slots */
    cs_buf item;     /* the item it answers */
    char crash[CS_POOL_NOTE_MAX + 64];
} done_item;

typedef struct queued {
    cs_buf item;
    uint64_t seq;
} queued;

struct cs_pool {
    worker w[MAX_WORKERS];
    int n;
    cs_pool_work_fn fn;
    void *ctx;
    int depth;         /* items a worker holds at once (and its result slots) */
    worker_shared *shared; /* one per worker */
    char *result_mem;  /* n * depth result slots, or NULL (then pipes only) */
    uint64_t next_seq; /* next submission number */
    uint64_t next_out; /* next result to hand out */
    done_item *done;   /* finished, waiting for their turn */
    size_t ndone, done_cap;
    queued *queue;     /* submitted, not yet sent to a worker */
    size_t nqueue, queue_cap;
    cs_buf last_data;  /* handed out by the last cs_pool_next */
    int held_worker;   /* ... or the worker whose slot it was handed out from, or -1, */
    int held_slot;     /* ... and which slot */
    cs_buf last_item;
    spare_list item_spares;   /* empty buffers with room, for reuse */
    spare_list result_spares;
    int timeout;       /* seconds per item, 0 = none */
    size_t page;       /* the system's page size */
};

/* An empty buffer, with room from an earlier use when there is one. */
static cs_buf take_spare(spare_list *l)
{
    cs_buf b = {0};
    if (l->n > 0)
        b = l->b[--l->n];
    b.len = 0;
    return b;
}

/* Keep b for reuse (or free it); *b is left empty. */
static void give_spare(spare_list *l, cs_buf *b)
{
    if (b->data != NULL && b->cap <= SPARE_MAX_BYTES && l->n < MAX_SPARES) {
        b->len = 0;
        l->b[l->n++] = *b;
    } else {
        cs_buf_free(b);
    }
    *b = (cs_buf){0};
}

static void free_spares(spare_list *l)
{
    for (size_t k = 0; k < l->n; k++)
        cs_buf_free(&l->b[k]);
    l->n = 0;
}

void cs_pool_set_timeout(cs_pool *p, int seconds)
{
    p->timeout = seconds > 0 ? seconds : 0;
}

/* Bytes of the shared page: one worker_shared per worker. */
static size_t shared_bytes(int n)
{
    return (size_t)n * sizeof(worker_shared);
}

/* Grow a pipe to PIPE_BYTES when the system allows (fewer wake-ups, a
 * worker rarely waits to hand over a result) and return its capacity. */
static size_t pipe_capacity(int fd)
{
    (void)fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES); /* best effort */
    int cap = fcntl(fd, F_GETPIPE_SZ);
    return cap > 0 ? (size_t)cap : 4096; /* POSIX guarantees at least PIPE_BUF */
}

static int spawn(cs_pool *p, int i, cs_diag *d)
{
    int to[2], from[2];
    if (pipe(to) != 0)
        return cs_diag_set(d, "cannot start a worker: %s", strerror(errno));
    if (pipe(from) != 0) {
        close(to[0]);
        close(to[1]);
        return cs_diag_set(d, "cannot start a worker: %s", strerror(errno));
    }
    (void)pipe_capacity(from[0]);
    fflush(stdout);
    fflush(stderr);
    cs_deadline_end(p->w[i].dl);
    atomic_store(&p->w[i].sh->answered, 0);
    pid_t pid = fork();
    if (pid < 0) {
        close(to[0]);
        close(to[1]);
        close(from[0]);
        close(from[1]);
        return cs_diag_set(d, "cannot start a worker: %s", strerror(errno));
    }
    if (pid == 0) {
        /* Keep only our two pipe ends (as fds 3 and 4): a sibling's or
         * another pool's pipe held open here would hide its EOF.  stdout
         * is the parent's report: a plugin printing must not reach it. */
        int a = fcntl(to[0], F_DUPFD, 100), b = fcntl(from[1], F_DUPFD, 100);
        if (a < 0 || b < 0 || dup2(a, 3) < 0 || dup2(b, 4) < 0)
            _exit(127);
        close_range(5, ~0U, 0);
        dup2(STDERR_FILENO, STDOUT_FILENO);
        pool_worker_main(p->fn, p->ctx, p->depth, 3, 4, p->w[i].sh, p->w[i].results);
    }
    close(to[0]);
    close(from[1]);
    p->w[i].pid = pid;
    p->w[i].to_fd = to[1];
    p->w[i].from_fd = from[0];
    p->w[i].busy = 0;
    p->w[i].taken = 0;
    p->w[i].held = 0;
    p->w[i].to_cap = pipe_capacity(to[1]);
    return 0;
}

int cs_pool_start(cs_pool **out, int workers, cs_pool_work_fn fn, void *ctx, cs_diag *d)
{
    return cs_pool_start_depth(out, workers, DEPTH_DEFAULT, fn, ctx, d);
}

int cs_pool_start_depth(cs_pool **out, int workers, int depth, cs_pool_work_fn fn, void *ctx,
                        cs_diag *d)
{
    *out = NULL;
    if (workers < 1)
        workers = 1;
    if (workers > MAX_WORKERS)
        workers = MAX_WORKERS;
    if (depth < 1)
        depth = 1;
    if (depth > CS_POOL_DEPTH_MAX)
        depth = CS_POOL_DEPTH_MAX;
    cs_pool *p = calloc(1, sizeof *p);
    if (p == NULL)
        return cs_diag_set(d, "out of memory");
    p->fn = fn;
    p->ctx = ctx;
    p->n = workers;
    p->depth = depth;
    p->held_worker = -1;
    long page = sysconf(_SC_PAGESIZE);
    p->page = page > 0 ? (size_t)page : 65536;
    p->shared = mmap(NULL, shared_bytes(workers), PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p->shared == MAP_FAILED) {
        free(p);
        return cs_diag_set(d, "cannot map shared memory: %s", strerror(errno));
    }
    signal(SIGPIPE, SIG_IGN); /* a dead worker shows as EPIPE, not a dead parent */
    p->result_mem = mmap(NULL, (size_t)workers * (size_t)depth * SLOT_BYTES, PROT_READ | PROT_WRITE,
                         MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p->result_mem == MAP_FAILED)
        p->result_mem = NULL; /* results through the pipes, then */
    for (int i = 0; i < workers; i++) {
        p->w[i].sh = &p->shared[i];
        p->w[i].dl = &p->shared[i].dl;
        p->w[i].results =
            p->result_mem ? p->result_mem + (size_t)i * (size_t)depth * SLOT_BYTES : NULL;
        p->w[i].pid = -1;
    }
    for (int i = 0; i < workers; i++)
        if (spawn(p, i, d) != 0) {
            cs_pool_free(p);
            return -1;
        }
    *out = p;
    return 0;
}

/* Bytes an item takes in a pipe, with slack for the kernel's page-sized
 * slots (a header and a part page each may take a slot of their own). */
static size_t wire_size(const cs_pool *p, const cs_buf *item)
{
    return 2 * sizeof(uint64_t) + item->len + 2 * p->page;
}

/* A worker to take an item of this size: the least busy of those that
 * can take it now (a free slot for its result, and idle or with room
 * for it in the pipe beside the items it holds), or -1. */
static int pick_worker(const cs_pool *p, const cs_buf *item)
{
    int best = -1;
    for (int i = 0; i < p->n; i++) {
        const worker *w = &p->w[i];
        if (w->timed_out)
            continue; /* being stopped: it scores nothing more */
        if (w->busy >= p->depth || (best >= 0 && p->w[best].busy <= w->busy))
            continue;
        if (w->held >> ((w->taken + (uint64_t)w->busy) % (uint64_t)p->depth) & 1)
            continue; /* its result would go where one is held */
        if (w->busy == 0)
            return i;
        size_t wire = wire_size(p, item);
        for (int k = 0; k < w->busy; k++)
            wire += wire_size(p, &w->slot[k].item);
        if (wire <= w->to_cap)
            best = i;
    }
    return best;
}

int cs_pool_can_submit(const cs_pool *p)
{
    /* Keep a small queue so workers never wait for the parent. */
    return p->nqueue < (size_t)p->n * (size_t)p->depth;
}

size_t cs_pool_pending(const cs_pool *p)
{
    return (size_t)(p->next_seq - p->next_out);
}

/* Send q to worker i, which keeps q's bytes until its result comes. */
static int send_item(cs_pool *p, int i, queued *q, cs_diag *d)
{
    worker *w = &p->w[i];
    uint64_t hdr[2] = {q->seq, q->item.len};
    in_flight *f = &w->slot[w->busy++];
    f->seq = q->seq;
    f->item = q->item;
    if (pool_write_two(w->to_fd, hdr, sizeof hdr, f->item.data, f->item.len) != 0) {
        if (errno == EPIPE)
            return 0; /* the worker died: poll will see it and report the item */
        return cs_diag_set(d, "cannot talk to a worker: %s", strerror(errno));
    }
    return 0;
}

/* Hand queued items to workers that can take them. */
static int dispatch(cs_pool *p, cs_diag *d)
{
    int i;
    while (p->nqueue > 0 && (i = pick_worker(p, &p->queue[0].item)) >= 0) {
        queued q = p->queue[0];
        memmove(p->queue, p->queue + 1, (p->nqueue - 1) * sizeof(queued));
        p->nqueue--;
        if (send_item(p, i, &q, d) != 0)
            return -1;
    }
    return 0;
}

/* Put q in the queue, at its head (a replay) or its tail; takes q's item. */
static int enqueue(cs_pool *p, queued q, int at_head)
{
    void *items = p->queue;
    if (cs_array_grow(&items, &p->queue_cap, p->nqueue + 1, sizeof(queued)) != 0)
        return -1;
    p->queue = items;
    if (at_head) {
        memmove(p->queue + 1, p->queue, p->nqueue * sizeof(queued));
        p->queue[0] = q;
    } else {
        p->queue[p->nqueue] = q;
    }
    p->nqueue++;
    return 0;
}

int cs_pool_submit_buf(cs_pool *p, cs_buf *item, cs_diag *d)
{
    if (enqueue(p, (queued){*item, p->next_seq}, 0) != 0)
        return cs_diag_set(d, "out of memory");
    p->next_seq++;
    *item = take_spare(&p->item_spares);
    return dispatch(p, d);
}

int cs_pool_submit(cs_pool *p, const char *item, size_t len, cs_diag *d)
{
    cs_buf copy = take_spare(&p->item_spares);
    if (cs_buf_append(&copy, item, len) != 0) {
        give_spare(&p->item_spares, &copy);
        return cs_diag_set(d, "out of memory");
    }
    int rc = cs_pool_submit_buf(p, &copy, d);
    give_spare(&p->item_spares, &copy);
    return rc;
}

/* Record a finished item; takes *data and *item (left empty) in any case. */
static int add_done(cs_pool *p, uint64_t seq, int status, cs_buf *data, cs_buf *item,
                    const char *crash)
{
    void *items = p->done;
    if (cs_array_grow(&items, &p->done_cap, p->ndone + 1, sizeof(done_item)) != 0) {
        give_spare(&p->result_spares, data);
        give_spare(&p->item_spares, item);
        return -1;
    }
    p->done = items;
    done_item *it = &p->done[p->ndone++];
    it->seq = seq;
    it->status = status;
    it->data = *data;
    it->in_slot = NULL;
    it->in_slot_len = 0;
    it->slot_worker = -1;
    it->item = *item;
    *data = (cs_buf){0};
    *item = (cs_buf){0};
    snprintf(it->crash, sizeof it->crash, "%s", crash ? crash : "");
    return 0;
}

/* Copy out a result of worker i still in its slot (waiting to be handed
 * out) and release the slot.  0, or -1 when out of memory. */
static int unhold(cs_pool *p, int i)
{
    for (size_t k = 0; k < p->ndone; k++) {
        done_item *it = &p->done[k];
        if (it->in_slot == NULL || it->slot_worker != i)
            continue;
        cs_buf data = take_spare(&p->result_spares);
        if (cs_buf_append(&data, it->in_slot, it->in_slot_len) != 0) {
            give_spare(&p->result_spares, &data);
            return -1;
        }
        it->data = data;
        it->in_slot = NULL;
        it->slot_worker = -1;
    }
    p->w[i].held = 0;
    return 0;
}

static int take_answer(cs_pool *p, int i, const answer *a, cs_diag *d);

/* A worker's pipe closed: take the answers it wrote and did not tell yet,
 * record the item it was scoring as failed, queue the ones waiting in its
 * pipe again and fork a new worker. */
static int reap(cs_pool *p, int i, cs_diag *d)
{
    worker *w = &p->w[i];
    int status = 0;
    char crash[CS_POOL_NOTE_MAX + 64];
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    uint64_t answered = atomic_load_explicit(&w->sh->answered, memory_order_acquire);
    while (w->taken < answered && w->busy > 0) {
        const answer *a = &w->sh->ans[w->taken % (uint64_t)p->depth];
        if (!a->in_slot)
            break; /* (its bytes were in the pipe, not all read) */
        if (take_answer(p, i, a, d) != 0)
            return -1;
    }
    char what[CS_POOL_NOTE_MAX + 1];
    memcpy(what, w->dl->note, CS_POOL_NOTE_MAX);
    what[CS_POOL_NOTE_MAX] = '\0';
    if (w->timed_out)
        cs_deadline_describe(p->timeout, what, crash, sizeof crash);
    else if (WIFSIGNALED(status))
        snprintf(crash, sizeof crash, "the worker died of signal %d (%s)%s%s", WTERMSIG(status),
                 strsignal(WTERMSIG(status)), what[0] ? " in " : "", what);
    else
        snprintf(crash, sizeof crash, "the worker exited with status %d%s%s",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1, what[0] ? " in " : "", what);
    close(w->to_fd);
    close(w->from_fd);
    w->pid = -1;
    w->timed_out = 0;
    cs_buf none = {0};
    int busy = w->busy;
    w->busy = 0;
    /* Unsent ones go back first, at the queue's head, in their order. */
    for (int k = busy - 1; k >= 1; k--)
        if (enqueue(p, (queued){w->slot[k].item, w->slot[k].seq}, 1) != 0) {
            for (int m = k; m >= 0; m--) /* (nothing else is waiting for them) */
                cs_buf_free(&w->slot[m].item);
            return cs_diag_set(d, "out of memory");
        }
    if (busy > 0 && add_done(p, w->slot[0].seq, -1, &none, &w->slot[0].item, crash) != 0)
        return cs_diag_set(d, "out of memory");
    memset(w->dl->note, 0, CS_POOL_NOTE_MAX);
    if (unhold(p, i) != 0) /* its successor writes slot 0 first */
        return cs_diag_set(d, "out of memory");
    return spawn(p, i, d);
}

/* Is every item before seq done (so that seq is handed out next, once
 * those before it are)? */
static int all_before_done(const cs_pool *p, uint64_t seq)
{
    uint64_t before = 0;
    for (size_t k = 0; k < p->ndone; k++)
        before += p->done[k].seq < seq;
    return before == seq - p->next_out;
}

/* Take worker i's answer a (its oldest in flight): a result in a slot
 * with room for its NUL whose predecessors are all done stays there (the
 * slot held); any other is copied out, or read from the pipe when it is
 * not in a slot.  0; 1 when the worker died sending it (reaped and
 * replaced); -1 with d. */
static int take_answer(cs_pool *p, int i, const answer *a, cs_diag *d)
{
    worker *w = &p->w[i];
    uint64_t seq = a->seq, len = a->len;
    int status = (int)a->status;
    if (a->in_slot && (!w->results || len > SLOT_BYTES))
        return cs_diag_set(d, "internal: a worker's result is not where it says");
    if (w->busy == 0 || seq != w->slot[0].seq)
        return cs_diag_set(d, "internal: a worker answered for an item it was not given");
    int k = (int)(w->taken % (uint64_t)p->depth);
    char *slot = a->in_slot ? w->results + (size_t)k * SLOT_BYTES : NULL;
    int in_place = slot != NULL && len < SLOT_BYTES && all_before_done(p, seq);
    cs_buf data = {0};
    if (len && !in_place) {
        data = take_spare(&p->result_spares);
        if (cs_buf_reserve(&data, len) != 0) {
            give_spare(&p->result_spares, &data);
            return cs_diag_set(d, "out of memory");
        }
        if (slot)
            memcpy(data.data, slot, len);
        else if (pool_read_full(w->from_fd, data.data, len) != 1) {
            give_spare(&p->result_spares, &data);
            return reap(p, i, d) != 0 ? -1 : 1;
        }
        data.len = len;
        data.data[data.len] = '\0';
    }
    w->taken++;
    cs_buf item = w->slot[0].item;
    memmove(w->slot, w->slot + 1, (size_t)(p->depth - 1) * sizeof(in_flight));
    w->slot[p->depth - 1] = (in_flight){0};
    w->busy--;
    if (add_done(p, seq, status, &data, &item, NULL) != 0)
        return cs_diag_set(d, "out of memory");
    if (in_place) {
        done_item *it = &p->done[p->ndone - 1];
        slot[len] = '\0'; /* the worker writes this slot again only once released */
        it->in_slot = slot;
        it->in_slot_len = len;
        it->slot_worker = i;
        it->slot_index = k;
        w->held |= (uint64_t)1 << k;
    }
    return 0;
}

/* Worker i's pipe is readable: take the answers it tells of (or, when
 * the pipe closed, reap it). */
static int collect(cs_pool *p, int i, cs_diag *d)
{
    worker *w = &p->w[i];
    uint64_t told;
    if (pool_read_full(w->from_fd, &told, sizeof told) != 1)
        return reap(p, i, d);
    if (told < w->taken || told - w->taken > (uint64_t)w->busy)
        return cs_diag_set(d, "internal: a worker answered for an item it was not given");
    while (w->taken < told) {
        int rc = take_answer(p, i, &w->sh->ans[w->taken % (uint64_t)p->depth], d);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
    return 0;
}

int cs_pool_next(cs_pool *p, cs_pool_result *r, cs_diag *d)
{
    give_spare(&p->result_spares, &p->last_data);
    give_spare(&p->item_spares, &p->last_item);
    if (p->held_worker >= 0) { /* the last result was handed out in place */
        p->w[p->held_worker].held &= ~((uint64_t)1 << p->held_slot);
        p->held_worker = -1;
    }
    for (;;) {
        for (size_t k = 0; k < p->ndone; k++)
            if (p->done[k].seq == p->next_out) {
                done_item it = p->done[k];
                p->done[k] = p->done[--p->ndone];
                r->seq = it.seq;
                r->status = it.status;
                r->data = it.data.data ? it.data.data : "";
                r->len = it.data.len;
                if (it.in_slot) {
                    r->data = it.in_slot;
                    r->len = it.in_slot_len;
                    p->held_worker = it.slot_worker;
                    p->held_slot = it.slot_index;
                }
                r->item = it.item.data ? it.item.data : "";
                r->item_len = it.item.len;
                snprintf(r->crash, sizeof r->crash, "%s", it.crash);
                p->last_data = it.data;
                p->last_item = it.item;
                p->next_out++;
                return 1;
            }
        if (cs_pool_pending(p) == 0)
            return 0;
        if (dispatch(p, d) != 0)
            return -1;
        struct pollfd fds[MAX_WORKERS];
        int map[MAX_WORKERS], nf = 0;
        for (int i = 0; i < p->n; i++)
            if (p->w[i].busy) {
                fds[nf] = (struct pollfd){p->w[i].from_fd, POLLIN, 0};
                map[nf++] = i;
            }
        if (nf == 0)
            return cs_diag_set(d, "internal: results pending but no worker busy");
        int wait = -1; /* until the nearest deadline, and at least once a second */
        if (p->timeout) {
            long long least = 1000, now = cs_guard_now_ms();
            for (int f = 0; f < nf; f++) {
                long long left = cs_deadline_left_ms(p->w[map[f]].dl, p->timeout, now);
                if (left >= 0 && left < least)
                    least = left;
            }
            wait = (int)least;
        }
        int k = poll(fds, (nfds_t)nf, wait);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return cs_diag_set(d, "poll: %s", strerror(errno));
        }
        if (p->timeout)
            for (int f = 0; f < nf; f++) {
                worker *w = &p->w[map[f]];
                if (!w->timed_out &&
                    cs_deadline_left_ms(w->dl, p->timeout, cs_guard_now_ms()) == 0) {
                    /* Its pipe closes: collect() takes the results it wrote
                     * before, then reaps it, and the item it was scoring
                     * (the oldest not answered) is the one that fails. */
                    w->timed_out = 1;
                    kill(w->pid, SIGKILL);
                    fds[f].revents |= POLLHUP;
                }
            }
        for (int f = 0; f < nf; f++)
            if (fds[f].revents & (POLLIN | POLLHUP | POLLERR))
                if (collect(p, map[f], d) != 0)
                    return -1;
        /* Workers just freed get their next item now, so they score it
         * while the caller writes this result. */
        if (dispatch(p, d) != 0)
            return -1;
    }
}

void cs_pool_finish(cs_pool *p)
{
    for (int i = 0; p && i < p->n; i++)
        if (p->w[i].pid > 0 && p->w[i].to_fd >= 0) {
            close(p->w[i].to_fd); /* EOF: the worker leaves its loop */
            p->w[i].to_fd = -1;
        }
}

void cs_pool_free(cs_pool *p)
{
    if (p == NULL)
        return;
    cs_pool_finish(p);
    for (int i = 0; i < p->n; i++)
        if (p->w[i].pid > 0)
            close(p->w[i].from_fd);
    for (int i = 0; i < p->n; i++)
        if (p->w[i].pid > 0)
            while (waitpid(p->w[i].pid, NULL, 0) < 0 && errno == EINTR)
                ;
    for (int i = 0; i < p->n; i++)
        for (int k = 0; k < p->w[i].busy; k++)
            cs_buf_free(&p->w[i].slot[k].item);
    for (size_t k = 0; k < p->ndone; k++) {
        cs_buf_free(&p->done[k].data);
        cs_buf_free(&p->done[k].item);
    }
    for (size_t k = 0; k < p->nqueue; k++)
        cs_buf_free(&p->queue[k].item);
    free_spares(&p->item_spares);
    free_spares(&p->result_spares);
    free(p->done);
    free(p->queue);
    cs_buf_free(&p->last_data);
    cs_buf_free(&p->last_item);
    if (p->shared && p->shared != MAP_FAILED)
        munmap(p->shared, shared_bytes(p->n));
    if (p->result_mem)
        munmap(p->result_mem, (size_t)p->n * (size_t)p->depth * SLOT_BYTES);
    free(p);
}
