/* serve_auth.c - the Bearer token (serve_auth.h). */
#include "serve_auth.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define TOKEN_MIN 16

int serve_auth_load(serve_auth *a, const char *path, cs_diag *d)
{
    memset(a, 0, sizeof *a);
    if (path == NULL)
        return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return cs_diag_set(d, "--token-file %s: cannot open: %s", path, strerror(errno));
    struct stat st;
    char buf[SERVE_TOKEN_MAX + 2];
    ssize_t n = -1;
    int rc = -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        cs_diag_set(d, "--token-file %s: not a regular file", path);
        goto out;
    }
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        cs_diag_set(d, "--token-file %s: its group or others may use it (mode %03o); "
                       "chmod 600 it", path, (unsigned)(st.st_mode & 0777));
        goto out;
    }
    n = read(fd, buf, sizeof buf - 1);
    if (n < 0) {
        cs_diag_set(d, "--token-file %s: cannot read: %s", path, strerror(errno));
        goto out;
    }
    buf[n] = '\0';
    size_t len = strcspn(buf, "\r\n");
    if (len > SERVE_TOKEN_MAX) {
        cs_diag_set(d, "--token-file %s: the token is longer than %d bytes", path,
                    SERVE_TOKEN_MAX);
        goto out;
    }
    for (size_t i = 0; i < len; i++)
        if (buf[i] <= ' ' || buf[i] > '~') {
            cs_diag_set(d, "--token-file %s: the token (its first line) may hold printable "
                           "ASCII only, no spaces (byte %zu)", path, i + 1);
            goto out;
        }
    if (len < TOKEN_MIN) {
        cs_diag_set(d, "--token-file %s: the token must be at least %d bytes (has %zu)", path,
                    TOKEN_MIN, len);
        goto out;
    }
    memcpy(a->token, buf, len);
    a->token[len] = '\0';
    a->len = len;
    a->enabled = 1;
    rc = 0;
out:
    memset(buf, 0, sizeof buf);
    close(fd);
    return rc;
}

int serve_auth_check(const serve_auth *a, const char *authorization)
{
    if (!a->enabled)
        return 1;
    if (authorization == NULL || strncasecmp(authorization, "Bearer ", 7) != 0)
        return 0;
    const char *given = authorization + 7;
    while (*given == ' ')
        given++;
    size_t glen = strlen(given);
    /* Every byte of the token is compared, whatever the given length. */
    unsigned diff = (unsigned)(glen != a->len);
    for (size_t i = 0; i < a->len; i++)
        diff |= (unsigned char)a->token[i] ^ (unsigned char)(i < glen ? given[i] : 0);
    return diff == 0;
}

void serve_auth_clear(serve_auth *a)
{
    volatile char *p = a->token;
    for (size_t i = 0; i < sizeof a->token; i++)
        p[i] = 0;
    a->len = 0;
    a->enabled = 0;
}
