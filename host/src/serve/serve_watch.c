/* serve_watch.c - snapshots of the configuration's files (serve_watch.h). */
#include "serve_watch.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

static serve_watch_sig sig_of(const char *path)
{
    serve_watch_sig s;
    struct stat st;
    memset(&s, 0, sizeof s);
    if (stat(path, &st) == 0) {
        s.exists = 1;
        s.dev = (unsigned long long)st.st_dev;
        s.ino = (unsigned long long)st.st_ino;
        s.size = (unsigned long long)st.st_size;
        s.mtime_s = (long long)st.st_mtim.tv_sec;
        s.mtime_ns = (long long)st.st_mtim.tv_nsec;
    }
    return s;
}

int serve_watch_take(serve_watch *w, char *const *paths, size_t n)
{
    memset(w, 0, sizeof *w);
    if (n == 0)
        return 0;
    w->paths = calloc(n, sizeof *w->paths);
    w->sigs = calloc(n, sizeof *w->sigs);
    w->seen = calloc(n, sizeof *w->seen);
    if (w->paths == NULL || w->sigs == NULL || w->seen == NULL) {
        serve_watch_free(w);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if ((w->paths[i] = cs_strdup(paths[i])) == NULL) {
            serve_watch_free(w);
            return -1;
        }
        w->n = i + 1;
        w->sigs[i] = w->seen[i] = sig_of(paths[i]);
    }
    return 0;
}

static int same_sig(const serve_watch_sig *a, const serve_watch_sig *b)
{
    return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
           a->size == b->size && a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

const char *serve_watch_changed(serve_watch *w)
{
    const char *changed = NULL;
    int settled = 1;
    for (size_t i = 0; i < w->n; i++) {
        serve_watch_sig now = sig_of(w->paths[i]);
        if (!same_sig(&now, &w->seen[i])) {
            settled = 0;
            w->seen[i] = now;
        }
        if (changed == NULL && !same_sig(&now, &w->sigs[i]))
            changed = w->paths[i];
    }
    return settled ? changed : NULL;
}

void serve_watch_free(serve_watch *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->paths[i]);
    free(w->paths);
    free(w->sigs);
    free(w->seen);
    memset(w, 0, sizeof *w);
}
