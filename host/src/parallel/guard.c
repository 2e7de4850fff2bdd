/* guard.c - the --timeout guard: deadlines shared with a watcher, and a
 * command body run in a watched child (guard.h). */
#include "guard.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

_Static_assert(ATOMIC_LLONG_LOCK_FREE == 2,
               "a clock shared between processes needs lock-free atomics");

long long cs_guard_now_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
    return ms > 0 ? ms : 1;
}

void cs_deadline_begin(cs_deadline *dl, const char *label)
{
    dl->note[0] = '\0';
    if (label)
        snprintf(dl->label, sizeof dl->label, "%s", label);
    atomic_store(&dl->since, cs_guard_now_ms());
}

void cs_deadline_end(cs_deadline *dl)
{
    atomic_store(&dl->since, 0);
    dl->note[0] = '\0';
}

long long cs_deadline_left_ms(const cs_deadline *dl, int seconds, long long now)
{
    long long since = atomic_load(&dl->since);
    if (seconds <= 0 || since == 0)
        return -1;
    long long left = (long long)seconds * 1000 - (now - since);
    return left > 0 ? left : 0;
}

void cs_deadline_describe(int seconds, const char *note, char *buf, size_t n)
{
    snprintf(buf, n, "took longer than %d s and was stopped%s%.*s", seconds,
             note[0] ? " in " : "", CS_GUARD_NOTE_MAX, note);
}

/* ---- a command body in a watched child ---- */

struct cs_guard {
    cs_deadline dl;
    size_t reply_len;
    char reply[CS_GUARD_REPLY_MAX];
};

void cs_guard_begin(cs_guard *g, const char *label)
{
    fflush(stdout); /* what the body printed so far survives a kill */
    cs_deadline_begin(&g->dl, label);
}

void cs_guard_end(cs_guard *g)
{
    cs_deadline_end(&g->dl);
}

char *cs_guard_note(cs_guard *g)
{
    return g->dl.note;
}

int cs_guard_reply(cs_guard *g, const void *data, size_t len)
{
    if (len > sizeof g->reply)
        return -1;
    memcpy(g->reply, data, len);
    g->reply_len = len;
    return 0;
}

/* The child: run the body and leave with its code (the parent's stdio was
 * flushed before the fork, so nothing is written twice). */
static void child(cs_guard *g, int hold_fd, pid_t parent, cs_guard_fn fn, void *ctx)
{
    (void)hold_fd; /* kept open: its end closing tells the parent we are gone */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl */
        _exit(CS_EXIT_ERROR);
    int code = fn(ctx, g);
    fflush(stdout);
    fflush(stderr);
    _exit(code & 0xff);
}

/* Wait for the child to end (its pipe end closes) or overrun; 1 when it
 * was killed for the time limit. */
static int watch_child(cs_guard *g, int seconds, int fd, pid_t pid)
{
    for (;;) {
        long long left = cs_deadline_left_ms(&g->dl, seconds, cs_guard_now_ms());
        if (left == 0) {
            kill(pid, SIGKILL);
            return 1;
        }
        /* until the deadline, and at least once a second (an article may begin) */
        struct pollfd pfd = {fd, POLLIN, 0};
        int k = poll(&pfd, 1, left < 0 || left > 1000 ? 1000 : (int)left);
        if (k > 0) {
            char c;
            if (read(fd, &c, 1) <= 0)
                return 0; /* EOF: the child has exited */
        }
    }
}

int cs_guard_run(int seconds, cs_guard_fn fn, void *ctx, void *reply, size_t *reply_len,
                 cs_diag *d)
{
    if (reply_len)
        *reply_len = 0;
    if (seconds <= 0) { /* unguarded: here */
        cs_guard *g = calloc(1, sizeof *g);
        if (g == NULL)
            return cs_diag_set(d, "out of memory");
        int code = fn(ctx, g);
        if (reply && reply_len) {
            memcpy(reply, g->reply, g->reply_len);
            *reply_len = g->reply_len;
        }
        free(g);
        return code;
    }
    cs_guard *g = mmap(NULL, sizeof *g, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                       -1, 0);
    if (g == MAP_FAILED)
        return cs_diag_set(d, "cannot map shared memory: %s", strerror(errno));
    memset(g, 0, sizeof *g);
    int rc = -1, fds[2] = {-1, -1};
    pid_t parent = getpid(), pid;
    if (pipe(fds) != 0) {
        cs_diag_set(d, "cannot start the guarded run: %s", strerror(errno));
        goto out;
    }
    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) < 0) {
        cs_diag_set(d, "cannot start the guarded run: %s", strerror(errno));
        goto out;
    }
    if (pid == 0) {
        close(fds[0]);
        child(g, fds[1], parent, fn, ctx);
    }
    close(fds[1]);
    fds[1] = -1;
    int timed_out = watch_child(g, seconds, fds[0], pid);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    const char *label = g->dl.label[0] ? g->dl.label : "the article";
    int in_article = atomic_load(&g->dl.since) != 0;
    char what[CS_GUARD_NOTE_MAX + 64];
    if (timed_out) {
        cs_deadline_describe(seconds, g->dl.note, what, sizeof what);
        cs_diag_set(d, "%s: not scored: %s", label, what);
    } else if (WIFSIGNALED(status) && in_article) {
        cs_diag_set(d, "%s: not scored: the worker died of signal %d (%s)%s%.*s", label,
                    WTERMSIG(status), strsignal(WTERMSIG(status)), g->dl.note[0] ? " in " : "",
                    CS_GUARD_NOTE_MAX, g->dl.note);
    } else if (in_article) { /* a plugin called exit() */
        cs_diag_set(d, "%s: not scored: the worker exited with status %d%s%.*s", label,
                    WEXITSTATUS(status), g->dl.note[0] ? " in " : "", CS_GUARD_NOTE_MAX,
                    g->dl.note);
    } else {
        rc = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        if (reply && reply_len && g->reply_len <= sizeof g->reply) {
            memcpy(reply, g->reply, g->reply_len);
            *reply_len = g->reply_len;
        }
    }
out:
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    munmap(g, sizeof *g);
    return rc;
}
