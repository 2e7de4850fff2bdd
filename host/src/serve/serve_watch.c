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
    if (w->paths == NULL || w->sigs == NULL) {
        serve_watch_free(w);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if ((w->paths[i] = cs_strdup(paths[i])) == NULL) {
            serve_watch_free(w);
            return -1;
        }
        w->n = i + 1;
        w->sigs[i] = sig_of(paths[i]);
    }
    return 0;
}

const char *serve_watch_changed(const serve_watch *w)
{
    for (size_t i = 0; i < w->n; i++) {
        serve_watch_sig now = sig_of(w->paths[i]);
        const serve_watch_sig *was = &w->sigs[i];
        if (now.exists != was->exists || now.dev != was->dev || now.ino != was->ino ||
            now.size != was->size || now.mtime_s != was->mtime_s ||
            now.mtime_ns != was->mtime_ns)
            return w->paths[i];
    }
    return NULL;
}

void serve_watch_free(serve_watch *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->paths[i]);
    free(w->paths);
    free(w->sigs);
    memset(w, 0, sizeof *w);
}
