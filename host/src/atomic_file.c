#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
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

int cs_write_atomic(const char *path, const char *data, size_t len, cs_diag *d)
{
    int rc = -1;
    int fd = -1;
    cs_buf tmp = {0};
    if (cs_buf_printf(&tmp, "%s.tmp.XXXXXX", path) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    fd = mkstemp(tmp.data);
    if (fd < 0) {
        cs_diag_at(d, path, 0, 0, "cannot create a temporary file beside it: %s",
                   strerror(errno));
        goto out;
    }
    if (cs_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        cs_diag_at(d, path, 0, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    fchmod(fd, 0644);
    if (close(fd) != 0) {
        fd = -1;
        cs_diag_at(d, path, 0, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp.data, path) != 0) {
        cs_diag_at(d, path, 0, 0, "cannot replace: %s", strerror(errno));
        goto out;
    }
    rc = 0;
out:
    if (fd >= 0)
        close(fd);
    if (rc != 0 && tmp.data)
        unlink(tmp.data);
    cs_buf_free(&tmp);
    return rc;
}
