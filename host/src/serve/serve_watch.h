/*
 * serve_watch.h - has a file of the configuration changed?  A snapshot of
 * each watched path's identity (device, inode, size, modification time,
 * or its absence), compared with the files as they are now.  Cheap enough
 * to poll every second: one stat(2) per path.
 */
#ifndef CS_SERVE_WATCH_H
#define CS_SERVE_WATCH_H

#include <stddef.h>

typedef struct serve_watch_sig {
    unsigned long long dev, ino, size;
    long long mtime_s, mtime_ns;
    int exists;
} serve_watch_sig;

typedef struct serve_watch {
    char **paths;
    serve_watch_sig *sigs;
    size_t n;
} serve_watch;

/* Snapshot paths[0..n) into w (the paths are copied).  0, or -1 when
 * memory runs out (w is then empty). */
int serve_watch_take(serve_watch *w, char *const *paths, size_t n);

/* The first path that differs from its snapshot, or NULL. */
const char *serve_watch_changed(const serve_watch *w);

void serve_watch_free(serve_watch *w);

#endif
