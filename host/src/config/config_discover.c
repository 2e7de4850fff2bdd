/*
 * config_discover.c - finding the credscore.yaml that applies to a folder
 * (cs_config_discover in config.h): the nearest credscore.yaml or
 * .credscore.yaml upwards, stopping at $CREDSCORE_CONFIG_CEILING, and
 * refusing one that another user could have written (folders listed in
 * $CREDSCORE_SAFE_DIRS are trusted).  The path found is malloc'd, owned
 * by the caller.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* Is dir (a real path) one of the folders listed in the environment
 * variable var (':'-separated, each resolved with realpath)?  With
 * star_all, an entry "*" lists every folder. */
static int listed_in(const char *var, const char *dir, int star_all)
{
    const char *env = getenv(var);
    if (env == NULL || *env == '\0')
        return 0;
    size_t dl = strlen(dir);
    for (const char *p = env; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char one[4096];
        if (n > 0 && n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (star_all && strcmp(one, "*") == 0)
                return 1;
            char *real = realpath(one, NULL);
            int hit = real && strlen(real) == dl && strcmp(real, dir) == 0;
            free(real);
            if (hit)
                return 1;
        }
        p += n + (end != NULL);
    }
    return 0;
}

/* Is dir one of the folders listed in $CREDSCORE_CONFIG_CEILING?  The
 * search does not go above them (like git's ceiling directories): scripts
 * and tests use it to ignore stray configs above. */
static int at_ceiling(const char *dir)
{
    return listed_in("CREDSCORE_CONFIG_CEILING", dir, 0);
}

/* Why a file or folder with status st could hold what another user
 * planted, written into why[0..n) ("writable by every user (mode 1777)"),
 * or NULL when it is safe: not writable by every user (sticky bit or not:
 * anyone may create a new file in /tmp) and owned by the caller or root.
 * Group-writable is left to the administrator. */
static const char *distrust(const struct stat *st, char *why, size_t n)
{
    if (st->st_mode & S_IWOTH)
        snprintf(why, n, "writable by every user (mode %04o)", (unsigned)(st->st_mode & 07777));
    else if (st->st_uid != 0 && st->st_uid != geteuid())
        snprintf(why, n, "owned by another user (uid %u, neither you nor root)",
                 (unsigned)st->st_uid);
    else
        return NULL;
    return why;
}

/* Refuse the configuration found at path: what (the file or its folder) is
 * `why`.  Returns -1. */
static int refuse_config(cs_diag *d, const char *path, const char *what, const char *why)
{
    return cs_diag_at(d, path, 0, 0,
                      "refusing the configuration found here: %s is %s, so another user may "
                      "have written it (and it can load native plugins). If you trust it, give "
                      "it with --config, or list its folder in CREDSCORE_SAFE_DIRS",
                      what, why);
}

int cs_config_discover(const char *start_dir, char **out, cs_diag *d)
{
    static const char *const names[] = {"credscore.yaml", ".credscore.yaml"};
    int rc = -1;
    cs_buf b = {0};
    *out = NULL;
    char *dir = realpath(start_dir ? start_dir : ".", NULL);
    if (dir == NULL) {
        if (errno == ENOMEM) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        rc = 0;
        goto out;
    }
    for (;;) {
        struct stat dst;
        char dwhy_buf[128], fwhy_buf[128];
        int trusted = listed_in("CREDSCORE_SAFE_DIRS", dir, 1);
        if (stat(dir, &dst) != 0)
            break;
        const char *dwhy = trusted ? NULL : distrust(&dst, dwhy_buf, sizeof dwhy_buf);
        for (size_t i = 0; i < 2; i++) {
            struct stat st;
            b.len = 0;
            size_t dl = strlen(dir);
            if (cs_buf_append(&b, dir, dl) != 0 ||
                (dir[dl - 1] != '/' && cs_buf_putc(&b, '/') != 0) ||
                cs_buf_puts(&b, names[i]) != 0) {
                cs_diag_set(d, "out of memory");
                goto out;
            }
            if (stat(b.data, &st) != 0 || S_ISDIR(st.st_mode))
                continue;
            if (dwhy != NULL) {
                char what[4200];
                snprintf(what, sizeof what, "its folder %s", dir);
                refuse_config(d, b.data, what, dwhy);
                goto out;
            }
            const char *fwhy = trusted ? NULL : distrust(&st, fwhy_buf, sizeof fwhy_buf);
            if (fwhy != NULL) {
                refuse_config(d, b.data, "the file", fwhy);
                goto out;
            }
            *out = b.data;
            b.data = NULL;
            rc = 1;
            goto out;
        }
        /* A folder others can write to or own is not part of the caller's
         * tree: what lies above it is not the caller's configuration. */
        char *slash = strrchr(dir, '/');
        if (dwhy != NULL || slash == NULL || strcmp(dir, "/") == 0 || at_ceiling(dir))
            break;
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
    rc = 0;
out:
    free(dir);
    cs_buf_free(&b);
    return rc;
}

int cs_config_find(const char *start_dir, char **out)
{
    cs_diag d;
    return cs_config_discover(start_dir, out, &d);
}
