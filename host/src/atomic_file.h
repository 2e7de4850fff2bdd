/*
 * atomic_file.h - write a report so readers never see half of it.
 *
 * The bytes go to a temporary file in the target's folder, are flushed to
 * disk, and the temporary is renamed over the target; on any failure the
 * temporary is removed and the previous file is left as it was.
 * Returns 0, or -1 with a cs_diag naming the file.
 */
#ifndef CS_ATOMIC_FILE_H
#define CS_ATOMIC_FILE_H

#include <stddef.h>

#include "diag.h"

int cs_write_atomic(const char *path, const char *data, size_t len, cs_diag *d);

/* Write all of data to a file descriptor (retrying short writes). */
int cs_write_all(int fd, const char *data, size_t len);

#endif
