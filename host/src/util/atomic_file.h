/*
 * atomic_file.h - write an output file (a report, a baseline, a bundle) so
 * that readers never see half of it and nothing but its target is touched.
 *
 * What a path leads to decides how it is written:
 *  - a regular file, or nothing yet: the bytes go to a temporary file in
 *    the same folder (".NAME.tmp.XXXXXX", hidden, so a folder scan skips
 *    it), are flushed to disk, and the temporary is renamed over the
 *    target on commit.  An existing file keeps its permission bits (and
 *    its owner and group when the caller may set them); a new one gets
 *    0666 less the umask, like any file a program creates.
 *  - a symbolic link (or a chain of them): followed to its final target,
 *    which is then written as above; the links stay as they were.
 *  - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to that
 *    descriptor of this process, where it stands.
 *  - any other file that is not regular (a device such as /dev/null, a
 *    FIFO, a terminal): opened and written in place, never replaced.
 *  - a folder: refused.
 *
 * A temporary file is removed when the write fails or is aborted, and when
 * the process is ended by SIGINT, SIGTERM or SIGHUP: the first temporary
 * installs a handler for those of the three that are at their default
 * action (a command that handles one itself aborts its output on its own);
 * the handler unlinks this process's temporaries, then lets the signal end
 * the process.  The temporaries' paths are kept in a small process-wide
 * table (signal state); a forked child never removes its parent's.
 *
 * Functions return 0, or -1 with a cs_diag naming the file.
 */
#ifndef CS_ATOMIC_FILE_H
#define CS_ATOMIC_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/* An output file being written (see above).  Zero-initialised it is
 * closed; cs_out_abort on a closed one does nothing. */
typedef struct cs_out_file {
    int fd;          /* where the bytes go; -1 when closed */
    int own_fd;      /* 1: opened here (closed on commit/abort) */
    int slot;        /* the temporary's entry in the signal table, or -1 */
    char *name;      /* the path as given, for messages */
    char *target;    /* the file the temporary replaces; NULL when written in place */
    char *tmp;       /* the temporary beside target */
    int keep_owner;  /* target existed: give the temporary its mode, owner, group */
    mode_t mode;
    uid_t uid;
    gid_t gid;
} cs_out_file;

/* Open an output for path (see above for what each kind of path gets). */
int cs_out_open(cs_out_file *f, const char *path, cs_diag *d);

/* Is the output replaced on commit (1), or written where it stands (0)? */
int cs_out_is_atomic(const cs_out_file *f);

/* Append len bytes. */
int cs_out_write(cs_out_file *f, const char *data, size_t len, cs_diag *d);

/* Finish: flush to disk, set the mode, rename the temporary over the
 * target.  The file is closed whatever the outcome (on failure the
 * temporary is removed and the target left as it was). */
int cs_out_commit(cs_out_file *f, cs_diag *d);

/* Give up: close, remove the temporary; the target stays as it was. */
void cs_out_abort(cs_out_file *f);

/* The whole of data to path in one go: open, write, commit. */
int cs_write_atomic(const char *path, const char *data, size_t len, cs_diag *d);

/* Write all of data to a file descriptor (retrying short writes).
 * Returns 0, or -1 with errno. */
int cs_write_all(int fd, const char *data, size_t len);

/* Remove this process's temporary files now.  Async-signal-safe: for a
 * signal handler about to end the process (an alarm, say). */
void cs_out_remove_temps(void);

/* Refusing to write an output over one of the run's own inputs: compares
 * device and inode of the regular file the output would replace with
 * each input's. */
typedef struct cs_out_guard {
    const char *output; /* the path as given, for the message */
    int armed;          /* the output is an existing regular file */
    dev_t dev;
    ino_t ino;
} cs_out_guard;

/* Look up what output leads to (NULL: no output file; never refuses). */
void cs_out_guard_init(cs_out_guard *g, const char *output);

/* -1 (with a message naming both) when input ("-" is standard input) is
 * the file the output would replace; 0 otherwise, also when input cannot
 * be read (its own error comes later, where it is read). */
int cs_out_guard_check(const cs_out_guard *g, const char *input, cs_diag *d);

#endif
