#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORKERS 64
/* Items a worker holds at once: the one it scores and one waiting in its
 * pipe, so that it starts the next item without a round trip through the
 * parent.  The second is sent only when both fit in the pipe together: a
 * parent blocked writing to a worker that is blocked writing its result
 * would be a deadlock. */
#define DEPTH 2
/* Pipe capacity asked for (the kernel may give less; F_GETPIPE_SZ tells). */
#define PIPE_BYTES (1 << 20)
/* Results go back through memory the worker shares with the parent, one
 * slot per item a worker may hold: the worker's k-th result is in slot
 * k % DEPTH, and the pipe says only that it is there.  The worker cannot
 * write a slot the parent has not read yet: it gets its next item only
 * once the parent has taken a result.  A result larger than a slot goes
 * through the pipe.  (Untouched slot pages cost nothing.)  The result due
 * next in input order is handed out where it lies, without a copy: its
 * slot stays held (the worker is given no item whose result would go
 * there) until the next cs_pool_next. */
#define SLOT_BYTES ((size_t)4 << 20)
/* Buffers kept for reuse, items and results apart (they differ in size):
 * enough for those in flight; one that grew larger than SPARE_MAX_BYTES
 * (a huge record) is freed. */
#define MAX_SPARES (2 * DEPTH * MAX_WORKERS + 4)
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
    int busy;        /* items in flight, 0..DEPTH */
    in_flight slot[DEPTH]; /* ... oldest first: slot[0] is being scored */
    cs_deadline *dl; /* shared (guard.h): when it began the item it scores, what runs */
    char *results;   /* DEPTH result slots of SLOT_BYTES shared with it, or NULL */
    uint64_t taken;  /* results taken since it was forked */
    int held;        /* 1 while a result in its slots is handed out in place */
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
    int slot_worker; /* whose slot holds it (the worker's held is set) */
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
    cs_deadline *shared; /* one per worker */
    char *result_mem;  /* n * DEPTH result slots, or NULL (then pipes only) */
    uint64_t next_seq; /* next submission number */
    uint64_t next_out; /* next result to hand out */
    done_item *done;   /* finished, waiting for their turn */
    size_t ndone, done_cap;
    queued *queue;     /* submitted, not yet sent to a worker */
    size_t nqueue, queue_cap;
    cs_buf last_data;  /* handed out by the last cs_pool_next */
    int held_worker;   /* ... or the worker whose slot it was handed out from, or -1 */
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

/* Bytes of the shared page: one deadline per worker. */
static size_t shared_bytes(int n)
{
    return (size_t)n * sizeof(cs_deadline);
}

static int write_full(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* head (hn bytes) then body (bn bytes), in one system call when the pipe
 * takes them at once (an item's header and bytes: one wake-up of the
 * worker, not two).  0, or -1 with errno set. */
static int write_two(int fd, const void *head, size_t hn, const void *body, size_t bn)
{
    struct iovec v[2] = {{(void *)head, hn}, {(void *)body, bn}};
    struct iovec *p = v;
    int left = 2;
    while (left > 0) {
        if (p->iov_len == 0) {
            p++;
            left--;
            continue;
        }
        ssize_t k = writev(fd, p, left);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        size_t done = (size_t)k;
        while (left > 0 && done >= p->iov_len) {
            done -= p->iov_len;
            p++;
            left--;
        }
        if (left > 0) {
            p->iov_base = (char *)p->iov_base + done;
            p->iov_len -= done;
        }
    }
    return 0;
}

/* 1 on success, 0 on EOF before anything, -1 on error or short read. */
static int read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, p + got, n - got);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (k == 0)
            return got == 0 ? 0 : -1;
        got += (size_t)k;
    }
    return 1;
}

/* The worker's loop: item in, result out, until the parent closes the pipe.
 * A result header is {seq, status, length, where}: where 1 = in the slot,
 * 0 = the bytes follow in the pipe. */
static void worker_main(cs_pool *p, int in_fd, int out_fd, cs_deadline *dl, char *results)
{
    cs_buf item = {0}, own = {0}, out = {0};
    uint64_t written = 0;
    signal(SIGINT, SIG_IGN); /* the parent decides when to stop */
    signal(SIGPIPE, SIG_DFL);
    for (;;) {
        uint64_t hdr[2];
        if (read_full(in_fd, hdr, sizeof hdr) != 1)
            break;
        item.len = 0;
        if (cs_buf_reserve(&item, hdr[1]) != 0 || read_full(in_fd, item.data, hdr[1]) != 1)
            break;
        item.len = hdr[1];
        item.data[item.len] = '\0';
        /* The result is written straight into its slot; one that outgrows
         * the slot moves to memory of its own (cs_buf_borrow). */
        char *slot = results ? results + (written % DEPTH) * SLOT_BYTES : NULL;
        if (slot) {
            cs_buf_borrow(&out, slot, SLOT_BYTES);
        } else {
            out = own;
            out.len = 0;
        }
        cs_deadline_begin(dl, NULL);
        int status = p->fn(p->ctx, item.data, item.len, dl->note, &out);
        cs_deadline_end(dl);
        uint64_t rh[4] = {hdr[0], (uint64_t)(int64_t)status, out.len, 0};
        if (slot && out.borrowed) {
            rh[3] = 1; /* already there */
        } else if (slot && out.len <= SLOT_BYTES) {
            memcpy(slot, out.data, out.len);
            rh[3] = 1;
        }
        written++;
        if (write_full(out_fd, rh, sizeof rh) != 0 ||
            (!rh[3] && out.len && write_full(out_fd, out.data, out.len) != 0))
            break;
        if (!out.borrowed) { /* memory of its own: kept for the next result */
            if (slot) /* out outgrew its slot: own is another buffer */
                cs_buf_free(&own);
            own = out;
        }
    }
    _exit(0);
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
        worker_main(p, 3, 4, p->w[i].dl, p->w[i].results);
    }
    close(to[0]);
    close(from[1]);
    p->w[i].pid = pid;
    p->w[i].to_fd = to[1];
    p->w[i].from_fd = from[0];
    p->w[i].busy = 0;
    p->w[i].taken = 0;
    p->w[i].to_cap = pipe_capacity(to[1]);
    return 0;
}

int cs_pool_start(cs_pool **out, int workers, cs_pool_work_fn fn, void *ctx, cs_diag *d)
{
    *out = NULL;
    if (workers < 1)
        workers = 1;
    if (workers > MAX_WORKERS)
        workers = MAX_WORKERS;
    cs_pool *p = calloc(1, sizeof *p);
    if (p == NULL)
        return cs_diag_set(d, "out of memory");
    p->fn = fn;
    p->ctx = ctx;
    p->n = workers;
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
    p->result_mem = mmap(NULL, (size_t)workers * DEPTH * SLOT_BYTES, PROT_READ | PROT_WRITE,
                         MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p->result_mem == MAP_FAILED)
        p->result_mem = NULL; /* results through the pipes, then */
    for (int i = 0; i < workers; i++) {
        p->w[i].dl = &p->shared[i];
        p->w[i].results = p->result_mem ? p->result_mem + (size_t)i * DEPTH * SLOT_BYTES : NULL;
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

/* A worker to take an item of this size: an idle one first, else one with
 * room for a second item that fits in its pipe beside the first; -1 when
 * none can take it now. */
static int pick_worker(const cs_pool *p, const cs_buf *item)
{
    int second = -1;
    for (int i = 0; i < p->n; i++) {
        const worker *w = &p->w[i];
        if (w->timed_out)
            continue; /* being stopped: it scores nothing more */
        if (w->busy == 0)
            return i; /* (a held slot is not the one its next result goes to) */
        if (second < 0 && w->busy + w->held < DEPTH &&
            wire_size(p, &w->slot[w->busy - 1].item) + wire_size(p, item) <= w->to_cap)
            second = i;
    }
    return second;
}

int cs_pool_can_submit(const cs_pool *p)
{
    /* Keep a small queue so workers never wait for the parent. */
    return p->nqueue < (size_t)p->n * DEPTH;
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
    if (write_two(w->to_fd, hdr, sizeof hdr, f->item.data, f->item.len) != 0) {
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

/* A worker's pipe closed: record the item it was scoring as failed, queue
 * the one waiting in its pipe again and fork a new worker. */
static int reap(cs_pool *p, int i, cs_diag *d)
{
    worker *w = &p->w[i];
    int status = 0;
    char crash[CS_POOL_NOTE_MAX + 64];
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
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

/* Read one result from worker i (its pipe is readable).  The result due
 * next in input order, when in a slot with room for its NUL, stays there
 * (the worker's slot held); any other is copied out. */
static int collect(cs_pool *p, int i, cs_diag *d)
{
    worker *w = &p->w[i];
    uint64_t rh[4];
    int r = read_full(w->from_fd, rh, sizeof rh);
    if (r != 1)
        return reap(p, i, d);
    if (rh[3] && (!w->results || rh[2] > SLOT_BYTES))
        return cs_diag_set(d, "internal: a worker's result is not where it says");
    char *slot = rh[3] ? w->results + (w->taken % DEPTH) * SLOT_BYTES : NULL;
    int in_place = slot != NULL && rh[0] == p->next_out && rh[2] < SLOT_BYTES;
    cs_buf data = {0};
    if (rh[2] && !in_place) {
        data = take_spare(&p->result_spares);
        if (cs_buf_reserve(&data, rh[2]) != 0) {
            give_spare(&p->result_spares, &data);
            return cs_diag_set(d, "out of memory");
        }
        if (slot)
            memcpy(data.data, slot, rh[2]);
        else if (read_full(w->from_fd, data.data, rh[2]) != 1) {
            give_spare(&p->result_spares, &data);
            return reap(p, i, d);
        }
        data.len = rh[2];
        data.data[data.len] = '\0';
    }
    w->taken++;
    if (w->busy == 0 || rh[0] != w->slot[0].seq) {
        give_spare(&p->result_spares, &data);
        return cs_diag_set(d, "internal: a worker answered for an item it was not given");
    }
    cs_buf item = w->slot[0].item;
    memmove(w->slot, w->slot + 1, (DEPTH - 1) * sizeof(in_flight));
    w->slot[DEPTH - 1] = (in_flight){0};
    w->busy--;
    if (add_done(p, rh[0], (int)(int64_t)rh[1], &data, &item, NULL) != 0)
        return cs_diag_set(d, "out of memory");
    if (in_place) {
        done_item *it = &p->done[p->ndone - 1];
        slot[rh[2]] = '\0'; /* the worker writes this slot again only once released */
        it->in_slot = slot;
        it->in_slot_len = rh[2];
        it->slot_worker = i;
        w->held = 1;
    }
    return 0;
}

int cs_pool_next(cs_pool *p, cs_pool_result *r, cs_diag *d)
{
    give_spare(&p->result_spares, &p->last_data);
    give_spare(&p->item_spares, &p->last_item);
    if (p->held_worker >= 0) { /* the last result was handed out in place */
        p->w[p->held_worker].held = 0;
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
        munmap(p->result_mem, (size_t)p->n * DEPTH * SLOT_BYTES);
    free(p);
}
