#include "gitdiff.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

/* Run argv, capture stdout (and stderr into err); returns the exit status
 * or -1 when it could not run. */
static int capture(char *const argv[], cs_buf *out, cs_buf *err)
{
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(po[1], STDOUT_FILENO);
        dup2(pe[1], STDERR_FILENO);
        close(po[0]);
        close(pe[0]);
        close(po[1]);
        close(pe[1]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(po[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            cs_buf_append(out, buf, (size_t)n);
    while ((n = read(pe[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            cs_buf_append(err, buf, (size_t)n);
    close(po[0]);
    close(pe[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    cs_buf_terminate(out);
    cs_buf_terminate(err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int push(cs_changes *c, int first, int last)
{
    void *items = c->ranges;
    if (cs_array_grow(&items, &c->cap, c->n + 1, sizeof(cs_line_range)) != 0)
        return -1;
    c->ranges = items;
    c->ranges[c->n++] = (cs_line_range){first, last};
    return 0;
}

int cs_git_changed_lines(const char *rev, const char *path, cs_changes *out, cs_diag *d)
{
    int rc = -1;
    cs_buf o = {0}, e = {0};
    memset(out, 0, sizeof *out);
    if (rev[0] == '\0' || rev[0] == '-') /* git would take it for an option */
        return cs_diag_set(d, "--diff-base '%s' is not a revision: %s", rev,
                           rev[0] ? "it starts with '-' (git would read it as an option)"
                                  : "it is empty");
    char *tracked[] = {"git", "ls-files", "--error-unmatch", "--", (char *)path, NULL};
    int st = capture(tracked, &o, &e);
    if (st < 0) {
        cs_diag_set(d, "--diff-base needs git: %s", strerror(errno));
        goto out;
    }
    if (st != 0) {
        if (strstr(e.data ? e.data : "", "not a git repository")) {
            cs_diag_at(d, path, 0, 0, "--diff-base: not inside a git repository");
            goto out;
        }
        out->all = 1; /* untracked: all new */
        rc = 0;
        goto out;
    }
    o.len = e.len = 0;
    char *diff[] = {"git", "diff", "--no-color", "--no-ext-diff", "-U0", "--end-of-options",
                    (char *)rev, "--",
                    (char *)path, NULL};
    st = capture(diff, &o, &e);
    if (st != 0) {
        size_t n = e.data ? strcspn(e.data, "\n") : 0;
        cs_diag_at(d, path, 0, 0, "--diff-base %s: git diff failed: %.*s", rev, (int)n,
                   e.data ? e.data : "");
        goto out;
    }
    for (char *line = o.data; line && *line;) {
        char *nl = strchr(line, '\n');
        if (strncmp(line, "@@ ", 3) == 0) {
            char *plus = strchr(line, '+');
            if (plus) {
                long start = strtol(plus + 1, &plus, 10), count = 1;
                if (*plus == ',')
                    count = strtol(plus + 1, NULL, 10);
                if (count > 0 && push(out, (int)start, (int)(start + count - 1)) != 0) {
                    cs_diag_set(d, "out of memory");
                    goto out;
                }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    rc = 0;
out:
    cs_buf_free(&o);
    cs_buf_free(&e);
    return rc;
}

int cs_changes_touch(const cs_changes *c, int first, int last)
{
    if (c->all)
        return 1;
    for (size_t i = 0; i < c->n; i++)
        if (first <= c->ranges[i].last && c->ranges[i].first <= last)
            return 1;
    return 0;
}

void cs_changes_free(cs_changes *c)
{
    free(c->ranges);
    memset(c, 0, sizeof *c);
}
