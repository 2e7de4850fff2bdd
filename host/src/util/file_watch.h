/*
 * file_watch.h - a set of files whose changes are waited for (inotify).
 *
 * A file is watched through its folder, as editors replace files by
 * renaming a new one over them: a change is any write, rename into,
 * creation, deletion or attribute change of that name.  At most
 * CS_FILE_WATCH_MAX files and folders; files over that are not watched.
 */
#ifndef CS_FILE_WATCH_H
#define CS_FILE_WATCH_H

#include <stddef.h>

#include "diag.h"

#define CS_FILE_WATCH_MAX 256

typedef struct cs_file_watch {
    int fd;                          /* the inotify instance */
    int wd[CS_FILE_WATCH_MAX];       /* one watch per folder */
    char *dir[CS_FILE_WATCH_MAX];
    size_t ndirs;
    char *file[CS_FILE_WATCH_MAX];   /* absolute paths of the files that matter */
    size_t nfiles;
} cs_file_watch;

/* An empty set; -1 with d ("inotify unavailable: ...") when the system
 * gives none. */
int cs_file_watch_open(cs_file_watch *w, cs_diag *d);
void cs_file_watch_close(cs_file_watch *w);

/* Watch the file at path (a file that does not exist is not watched). */
void cs_file_watch_add(cs_file_watch *w, const char *path);

/* Watch nothing any more (the set stays open). */
void cs_file_watch_clear(cs_file_watch *w);

/* Wait up to timeout_ms for events; when some come, read them all, and
 * go on reading while more come within 100 ms (editors write in several
 * steps).  1 when one of them names a watched file, else 0. */
int cs_file_watch_wait(cs_file_watch *w, int timeout_ms);

#endif
