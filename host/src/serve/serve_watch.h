/*
 * serve_watch.h - has a file of the configuration changed, and is it done
 * changing?  A snapshot of each watched path's identity (device, inode,
 * size, modification time, or its absence), compared with the files as
 * they are now.  A change is reported once the files have stayed the same
 * for one poll, so that a file an editor writes in place is not read half
 * written.  Cheap enough to poll every second: one stat(2) per path.
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
    serve_watch_sig *sigs; /* as the configuration was loaded */
    serve_watch_sig *seen; /* as the previous poll found them */
    size_t n;
} serve_watch;

/* Snapshot paths[0..n) into w (the paths are copied).  0, or -1 when
 * memory runs out (w is then empty). */
int serve_watch_take(serve_watch *w, char *const *paths, size_t n);

/* Poll: the first path that differs from its snapshot, when every path is
 * as the previous poll (or the snapshot) found it; else NULL (nothing
 * changed, or something is still changing). */
const char *serve_watch_changed(serve_watch *w);

void serve_watch_free(serve_watch *w);

#endif
