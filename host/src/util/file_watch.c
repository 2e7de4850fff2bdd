/* file_watch.c - files whose changes are waited for, through their
 * folders (file_watch.h). */
#include "file_watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "buf.h"

int cs_file_watch_open(cs_file_watch *w, cs_diag *d)
{
    memset(w, 0, sizeof *w);
    w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->fd < 0)
        return cs_diag_set(d, "inotify unavailable: %s", strerror(errno));
    return 0;
}

void cs_file_watch_clear(cs_file_watch *w)
{
    for (size_t i = 0; i < w->ndirs; i++) {
        inotify_rm_watch(w->fd, w->wd[i]);
        free(w->dir[i]);
    }
    for (size_t i = 0; i < w->nfiles; i++)
        free(w->file[i]);
    w->ndirs = w->nfiles = 0;
}

void cs_file_watch_close(cs_file_watch *w)
{
    cs_file_watch_clear(w);
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
}

void cs_file_watch_add(cs_file_watch *w, const char *path)
{
    char real[PATH_MAX];
    if (w->nfiles >= CS_FILE_WATCH_MAX || realpath(path, real) == NULL)
        return;
    for (size_t i = 0; i < w->nfiles; i++)
        if (strcmp(w->file[i], real) == 0)
            return;
    w->file[w->nfiles++] = cs_strdup(real);
    char *slash = strrchr(real, '/');
    *slash = '\0';
    const char *dir = real[0] ? real : "/";
    for (size_t i = 0; i < w->ndirs; i++)
        if (strcmp(w->dir[i], dir) == 0)
            return;
    int wd = inotify_add_watch(w->fd, dir,
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd >= 0 && w->ndirs < CS_FILE_WATCH_MAX) {
        w->wd[w->ndirs] = wd;
        w->dir[w->ndirs++] = cs_strdup(dir);
    }
}

/* Does an event name one of the watched files? */
static int relevant(const cs_file_watch *w, const struct inotify_event *ev)
{
    for (size_t i = 0; i < w->ndirs; i++) {
        if (w->wd[i] != ev->wd || ev->len == 0)
            continue;
        char full[PATH_MAX];
        snprintf(full, sizeof full, "%s/%s", strcmp(w->dir[i], "/") ? w->dir[i] : "", ev->name);
        for (size_t k = 0; k < w->nfiles; k++)
            if (strcmp(w->file[k], full) == 0)
                return 1;
    }
    return 0;
}

int cs_file_watch_wait(cs_file_watch *w, int timeout_ms)
{
    struct pollfd pfd = {w->fd, POLLIN, 0};
    if (poll(&pfd, 1, timeout_ms) <= 0)
        return 0;
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int changed = 0;
    ssize_t len;
    /* Drain, then wait a moment for editors that write in several steps. */
    do {
        while ((len = read(w->fd, buf, sizeof buf)) > 0)
            for (char *p = buf; p < buf + len;) {
                struct inotify_event *ev = (struct inotify_event *)p;
                changed |= relevant(w, ev);
                p += sizeof *ev + ev->len;
            }
        pfd.revents = 0;
    } while (poll(&pfd, 1, 100) > 0);
    return changed;
}
