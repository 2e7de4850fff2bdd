/* pool_worker.c - a pool worker's loop and the pipes' reads and writes
 * (pool_worker.h). */
#include "pool_worker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int pool_write_full(int fd, const void *buf, size_t n)
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

int pool_write_two(int fd, const void *head, size_t hn, const void *body, size_t bn)
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

int pool_read_full(int fd, void *buf, size_t n)
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

/* The next item from the worker's pipe (non-blocking): `in` holds what
 * was read ahead, from *pos on.  1: a whole item is there, its header hdr
 * (seq, length) at *pos, its bytes after it (*pos is left for the caller
 * to move past them); 0: the end (the parent closed the pipe); 2: no
 * whole item has come yet; -1: an error or out of memory. */
static int next_item(int fd, cs_buf *in, size_t *pos, uint64_t hdr[2])
{
    for (;;) {
        size_t have = in->len - *pos, want = 2 * sizeof(uint64_t);
        if (have >= want) {
            memcpy(hdr, in->data + *pos, want);
            if (have - want >= hdr[1])
                return 1;
            if (hdr[1] > SIZE_MAX - want)
                return -1;
            want += hdr[1];
        }
        if (*pos) {
            memmove(in->data, in->data + *pos, have);
            in->len = have;
            *pos = 0;
        }
        if (cs_buf_reserve(in, want > READ_BYTES ? want - have : READ_BYTES) != 0)
            return -1;
        ssize_t k = read(fd, in->data + in->len, in->cap - in->len - 1);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? 2 : -1;
        }
        if (k == 0)
            return have == 0 ? 0 : -1;
        in->len += (size_t)k;
    }
}

/* Tell the parent that the worker's answers up to the `written`-th are
 * there; *told is how far it was told. */
static int tell(int fd, uint64_t written, uint64_t *told)
{
    if (*told == written)
        return 0;
    *told = written;
    return pool_write_full(fd, &written, sizeof written);
}

/* The worker's loop: items in, answers out, until the parent closes the
 * pipe.  Each answer goes into the shared answers (and its bytes into
 * its result slot); the pipe tells the parent how far they go (see
 * TELL_MS) and carries the bytes of a result too big for its slot. */
void pool_worker_main(cs_pool_work_fn fn, void *ctx, int depth, int in_fd, int out_fd,
                      worker_shared *sh, char *results)
{
    cs_buf in = {0}, own = {0}, out = {0};
    size_t pos = 0;
    uint64_t written = 0, told = 0, burst = (uint64_t)(depth > 1 ? depth / 2 : 1);
    long long untold_since = 0;
    signal(SIGINT, SIG_IGN); /* the parent decides when to stop */
    signal(SIGPIPE, SIG_DFL);
    if (fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) | O_NONBLOCK) != 0)
        _exit(127);
    for (;;) {
        uint64_t hdr[2];
        int got = next_item(in_fd, &in, &pos, hdr);
        if (got == 2) { /* nothing to score: tell what is done, then wait */
            struct pollfd pf = {in_fd, POLLIN, 0};
            if (tell(out_fd, written, &told) != 0)
                break;
            if (poll(&pf, 1, -1) < 0 && errno != EINTR)
                break;
            continue;
        }
        if (got != 1)
            break;
        /* The result is written straight into its slot; one that outgrows
         * the slot moves to memory of its own (cs_buf_borrow). */
        size_t k = (size_t)(written % (uint64_t)depth);
        char *slot = results ? results + k * SLOT_BYTES : NULL;
        if (slot) {
            cs_buf_borrow(&out, slot, SLOT_BYTES);
        } else {
            out = own;
            out.len = 0;
        }
        cs_deadline_begin(&sh->dl, NULL);
        /* The item is scored where it was read, NUL-terminated for the
         * while (in has room for that byte: cs_buf keeps one past len). */
        char *item = in.data + pos + 2 * sizeof(uint64_t);
        size_t item_len = (size_t)hdr[1];
        char after = item[item_len];
        item[item_len] = '\0';
        int status = fn(ctx, item, item_len, sh->dl.note, &out);
        item[item_len] = after;
        pos += 2 * sizeof(uint64_t) + item_len;
        if (pos == in.len && in.cap > 4 * READ_BYTES) { /* after a huge item */
            cs_buf_free(&in);
            pos = 0;
        }
        cs_deadline_end(&sh->dl);
        answer *a = &sh->ans[k];
        a->seq = hdr[0];
        a->status = status;
        a->len = out.len;
        a->in_slot = 0;
        if (slot && out.borrowed) {
            a->in_slot = 1; /* already there */
        } else if (slot && out.len <= SLOT_BYTES) {
            memcpy(slot, out.data, out.len);
            a->in_slot = 1;
        }
        written++;
        atomic_store_explicit(&sh->answered, written, memory_order_release);
        long long now = cs_guard_now_ms();
        if (written == told + 1)
            untold_since = now;
        if (!a->in_slot || written - told >= burst || now - untold_since >= TELL_MS) {
            if (tell(out_fd, written, &told) != 0 ||
                (!a->in_slot && out.len && pool_write_full(out_fd, out.data, out.len) != 0))
                break;
        }
        if (!out.borrowed) { /* memory of its own: kept for the next result */
            if (slot) /* out outgrew its slot: own is another buffer */
                cs_buf_free(&own);
            own = out;
        }
    }
    (void)tell(out_fd, written, &told);
    _exit(0);
}

