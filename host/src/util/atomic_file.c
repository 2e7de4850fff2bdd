/* atomic_file.c - output files written whole, in place of nothing else
 * (contract in atomic_file.h). */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

int cs_write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* ---- the temporaries a signal removes ----
 *
 * A slot is filled (path copied, owner set) before it is marked used, and
 * marked unused before its path changes; the handler reads only slots
 * marked used, and only those of its own process. */

#define TEMP_SLOTS 4

static char temp_paths[TEMP_SLOTS][PATH_MAX];
static volatile sig_atomic_t temp_used[TEMP_SLOTS];
static volatile sig_atomic_t temp_owner[TEMP_SLOTS];
static volatile sig_atomic_t handlers_installed;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

void cs_out_remove_temps(void)
{
    pid_t me = getpid();
    for (int i = 0; i < TEMP_SLOTS; i++)
        if (temp_used[i] && temp_owner[i] == (sig_atomic_t)me) {
            atomic_signal_fence(memory_order_seq_cst);
            unlink(temp_paths[i]);
        }
}

/* Remove the temporaries, then end the process by the same signal. */
static void on_fatal_signal(int sig)
{
    int saved = errno;
    cs_out_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig); /* delivered once this handler returns */
    errno = saved;
}

static void install_handlers(void)
{
    if (handlers_installed)
        return;
    handlers_installed = 1;
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL ||
            (old.sa_flags & SA_SIGINFO))
            continue; /* ignored, or handled by the command itself */
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof cleanup_signals / sizeof cleanup_signals[0]; k++)
            sigaddset(&sa.sa_mask, cleanup_signals[k]);
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* Enter a temporary's path in the table; -1 when it is full or the path
 * too long (the file is then still written, only not removed by a signal). */
static int register_temp(const char *path)
{
    size_t len = strlen(path);
    if (len >= PATH_MAX)
        return -1;
    install_handlers();
    for (int i = 0; i < TEMP_SLOTS; i++)
        if (!temp_used[i]) {
            memcpy(temp_paths[i], path, len + 1);
            temp_owner[i] = (sig_atomic_t)getpid();
            atomic_signal_fence(memory_order_seq_cst);
            temp_used[i] = 1;
            return i;
        }
    return -1;
}

static void unregister_temp(int slot)
{
    if (slot >= 0) {
        temp_used[slot] = 0;
        atomic_signal_fence(memory_order_seq_cst);
    }
}

/* ---- where a path leads ---- */

enum target_kind { TARGET_NEW, TARGET_REGULAR, TARGET_FD, TARGET_IN_PLACE };

/* "/dev/fd/N", "/proc/self/fd/N" or "/proc/PID/fd/N": the descriptor N of
 * process PID (0 for "self").  Returns 1 when path is one of them. */
static int fd_link(const char *path, long *pid, int *fd)
{
    const char *rest;
    char *end;
    if (strncmp(path, "/dev/fd/", 8) == 0) {
        rest = path + 8;
        *pid = 0;
    } else if (strncmp(path, "/proc/", 6) == 0) {
        const char *p = path + 6;
        if (strncmp(p, "self/", 5) == 0) {
            *pid = 0;
            p += 5;
        } else {
            *pid = strtol(p, &end, 10);
            if (end == p || *end != '/')
                return 0;
            p = end + 1;
        }
        if (strncmp(p, "fd/", 3) != 0)
            return 0;
        rest = p + 3;
    } else {
        return 0;
    }
    if (*rest < '0' || *rest > '9')
        return 0;
    long n = strtol(rest, &end, 10);
    if (*end != '\0' || n > INT_MAX)
        return 0;
    *fd = (int)n;
    return 1;
}

/* Follow path through its symbolic links to what is at the end: into
 * *where the path to write (TARGET_NEW, TARGET_REGULAR, TARGET_IN_PLACE)
 * or into *fd the descriptor (TARGET_FD); *st is the target's status for
 * TARGET_REGULAR.  Returns the kind, or -1 with d set. */
static int resolve(const char *path, cs_buf *where, int *fd, struct stat *st, cs_diag *d)
{
    cs_buf link = {0};
    int kind = -1;
    where->len = 0;
    if (cs_buf_puts(where, path) != 0)
        goto oom;
    for (int hops = 0;; hops++) {
        long pid;
        if (fd_link(where->data, &pid, fd)) {
            if (pid == 0 || pid == (long)getpid()) {
                if (fcntl(*fd, F_GETFL) == -1) {
                    cs_diag_at(d, path, 0, 0, "descriptor %d is not open", *fd);
                    goto out;
                }
                kind = TARGET_FD;
            } else {
                kind = TARGET_IN_PLACE; /* another process's: opened through /proc */
            }
            goto out;
        }
        if (lstat(where->data, st) != 0) {
            if (errno == ENOENT) {
                kind = TARGET_NEW;
                goto out;
            }
            cs_diag_at(d, path, 0, 0, "cannot write: %s", strerror(errno));
            goto out;
        }
        if (!S_ISLNK(st->st_mode))
            break;
        if (hops == 40) {
            cs_diag_at(d, path, 0, 0, "cannot write: %s", strerror(ELOOP));
            goto out;
        }
        size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : PATH_MAX;
        link.len = 0;
        if (cs_buf_reserve(&link, cap) != 0)
            goto oom;
        ssize_t n = readlink(where->data, link.data, cap);
        if (n < 0 || (size_t)n >= cap) {
            cs_diag_at(d, path, 0, 0, "cannot read the link %s: %s", where->data,
                       n < 0 ? strerror(errno) : "it changed while read");
            goto out;
        }
        link.data[n] = '\0';
        if (link.data[0] != '/') { /* relative to the link's folder */
            char *slash = strrchr(where->data, '/');
            where->len = slash ? (size_t)(slash - where->data) + 1 : 0;
            where->data[where->len] = '\0';
        } else {
            where->len = 0;
        }
        if (cs_buf_append(where, link.data, (size_t)n) != 0)
            goto oom;
    }
    if (S_ISDIR(st->st_mode))
        cs_diag_at(d, path, 0, 0, "is a folder, not a file to write");
    else
        kind = S_ISREG(st->st_mode) ? TARGET_REGULAR : TARGET_IN_PLACE;
    goto out;
oom:
    cs_diag_set(d, "out of memory");
out:
    cs_buf_free(&link);
    return kind;
}

/* The temporary's name: ".BASE.tmp.XXXXXX" beside target (BASE cut to
 * leave room in a file name). */
static int temp_name(const char *target, cs_buf *tmp)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    size_t blen = strlen(base);
    return cs_buf_printf(tmp, "%.*s.%.*s.tmp.XXXXXX", (int)(base - target), target,
                         (int)(blen > 200 ? 200 : blen), base);
}

int cs_out_open(cs_out_file *f, const char *path, cs_diag *d)
{
    cs_buf where = {0}, tmp = {0};
    struct stat st;
    int fd = -1;
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->slot = -1;
    f->name = cs_strdup(path);
    if (f->name == NULL)
        goto oom;
    if (path[0] == '\0') {
        cs_diag_set(d, "an output file needs a name (the path is empty)");
        goto fail;
    }
    int kind = resolve(path, &where, &fd, &st, d);
    switch (kind) {
    case TARGET_FD:
        f->fd = fd;
        break;
    case TARGET_IN_PLACE:
        f->fd = open(where.data, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
        if (f->fd < 0) {
            cs_diag_at(d, path, 0, 0, "cannot open: %s", strerror(errno));
            goto fail;
        }
        f->own_fd = 1;
        break;
    case TARGET_NEW:
    case TARGET_REGULAR:
        if (temp_name(where.data, &tmp) != 0)
            goto oom;
        f->fd = mkostemp(tmp.data, O_CLOEXEC);
        if (f->fd < 0) {
            cs_diag_at(d, path, 0, 0, "cannot create a temporary file beside it: %s",
                       strerror(errno));
            goto fail;
        }
        f->own_fd = 1;
        f->tmp = tmp.data;
        tmp.data = NULL;
        f->target = where.data;
        where.data = NULL;
        f->slot = register_temp(f->tmp);
        if (kind == TARGET_REGULAR) {
            f->keep_owner = 1;
            f->mode = st.st_mode & 0777;
            f->uid = st.st_uid;
            f->gid = st.st_gid;
        } else {
            mode_t mask = umask(0);
            umask(mask);
            f->mode = 0666 & ~mask;
        }
        break;
    default:
        goto fail;
    }
    cs_buf_free(&where);
    cs_buf_free(&tmp);
    return 0;
oom:
    cs_diag_set(d, "out of memory");
fail:
    cs_buf_free(&where);
    cs_buf_free(&tmp);
    cs_out_abort(f);
    return -1;
}

int cs_out_is_atomic(const cs_out_file *f)
{
    return f->tmp != NULL;
}

int cs_out_write(cs_out_file *f, const char *data, size_t len, cs_diag *d)
{
    if (len && cs_write_all(f->fd, data, len) != 0)
        return cs_diag_at(d, f->name, 0, 0, "cannot write: %s", strerror(errno));
    return 0;
}

int cs_out_commit(cs_out_file *f, cs_diag *d)
{
    int rc = -1;
    if (f->tmp == NULL) { /* written in place */
        rc = 0;
        if (f->own_fd && close(f->fd) != 0)
            rc = cs_diag_at(d, f->name, 0, 0, "cannot write: %s", strerror(errno));
        f->fd = -1;
        goto out;
    }
    if (fsync(f->fd) != 0) {
        cs_diag_at(d, f->name, 0, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    if (f->keep_owner) {
        struct stat st;
        if (fstat(f->fd, &st) == 0 && (st.st_uid != f->uid || st.st_gid != f->gid) &&
            fchown(f->fd, f->uid, f->gid) != 0 && fchown(f->fd, (uid_t)-1, f->gid) != 0) {
            /* not ours to give away: the file stays the caller's */
        }
    }
    if (fchmod(f->fd, f->mode) != 0) {
        cs_diag_at(d, f->name, 0, 0, "cannot set the mode: %s", strerror(errno));
        goto out;
    }
    int fd = f->fd;
    f->fd = -1;
    if (close(fd) != 0) {
        cs_diag_at(d, f->name, 0, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    if (rename(f->tmp, f->target) != 0) {
        cs_diag_at(d, f->name, 0, 0, "cannot replace: %s", strerror(errno));
        goto out;
    }
    unregister_temp(f->slot);
    f->slot = -1;
    free(f->tmp);
    f->tmp = NULL;
    rc = 0;
out:
    cs_out_abort(f);
    return rc;
}

void cs_out_abort(cs_out_file *f)
{
    if (f->own_fd && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    f->own_fd = 0;
    if (f->tmp) {
        unlink(f->tmp);
        unregister_temp(f->slot);
    }
    f->slot = -1;
    free(f->tmp);
    free(f->target);
    free(f->name);
    f->tmp = f->target = f->name = NULL;
}

int cs_write_atomic(const char *path, const char *data, size_t len, cs_diag *d)
{
    cs_out_file f;
    if (cs_out_open(&f, path, d) != 0)
        return -1;
    if (cs_out_write(&f, data, len, d) != 0) {
        cs_out_abort(&f);
        return -1;
    }
    return cs_out_commit(&f, d);
}

/* ---- outputs that are also inputs ---- */

void cs_out_guard_init(cs_out_guard *g, const char *output)
{
    struct stat st;
    memset(g, 0, sizeof *g);
    g->output = output;
    if (output && stat(output, &st) == 0 && S_ISREG(st.st_mode)) {
        g->armed = 1;
        g->dev = st.st_dev;
        g->ino = st.st_ino;
    }
}

int cs_out_guard_check(const cs_out_guard *g, const char *input, cs_diag *d)
{
    struct stat st;
    if (!g->armed || input == NULL)
        return 0;
    int is_stdin = strcmp(input, "-") == 0;
    if ((is_stdin ? fstat(STDIN_FILENO, &st) : stat(input, &st)) != 0)
        return 0;
    if (st.st_dev != g->dev || st.st_ino != g->ino)
        return 0;
    return cs_diag_at(d, g->output, 0, 0,
                      "is also an input of this run (%s): refusing to write over it",
                      is_stdin ? "standard input" : input);
}
