/* test_atomic_file.c - output files (atomic_file.h): replaced whole or not
 * at all, links followed, modes kept, temporaries removed by a signal in
 * the process that made them and only there. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_file.h"
#include "tap.h"

static char dir[64];

static const char *at(const char *name)
{
    static char path[4][256];
    static int turn;
    char *p = path[turn++ % 4];
    snprintf(p, 256, "%s/%s", dir, name);
    return p;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char *get(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

/* How many temporaries (names with ".tmp.") the folder holds. */
static int temps(void)
{
    int n = 0;
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL)
        n += strstr(e->d_name, ".tmp.") != NULL;
    if (dp)
        closedir(dp);
    return n;
}

static void test_replace_and_abort(void)
{
    cs_out_file f;
    cs_diag d;
    put(at("r.txt"), "old");
    is_int(cs_out_open(&f, at("r.txt"), &d), 0, "open an old file");
    ok(cs_out_is_atomic(&f), "an old regular file is replaced atomically");
    is_int(temps(), 1, "a temporary beside it");
    is_int(cs_out_write(&f, "new", 3, &d), 0, "write");
    is_str(get(at("r.txt")), "old", "readers still see the old file");
    cs_out_abort(&f);
    is_str(get(at("r.txt")), "old", "abort: the old file stays");
    is_int(temps(), 0, "abort: the temporary is gone");
    cs_out_abort(&f); /* twice is harmless */

    is_int(cs_write_atomic(at("r.txt"), "new", 3, &d), 0, "cs_write_atomic");
    is_str(get(at("r.txt")), "new", "the file is replaced");
    is_int(temps(), 0, "no temporary left");
}

static void test_modes(void)
{
    cs_diag d;
    struct stat st;
    mode_t old = umask(027);
    is_int(cs_write_atomic(at("m.txt"), "x", 1, &d), 0, "a new file");
    is_int(stat(at("m.txt"), &st) == 0 ? (int)(st.st_mode & 0777) : -1, 0640,
           "a new file: 0666 less the umask 027");
    chmod(at("m.txt"), 0604);
    umask(022);
    is_int(cs_write_atomic(at("m.txt"), "y", 1, &d), 0, "the old file again");
    is_int(stat(at("m.txt"), &st) == 0 ? (int)(st.st_mode & 0777) : -1, 0604,
           "an old file keeps its mode 0604");
    umask(old);
}

static void test_links_and_in_place(void)
{
    cs_out_file f;
    cs_diag d;
    struct stat st;
    put(at("target.txt"), "old");
    if (symlink("target.txt", at("link.txt")) != 0)
        perror("symlink");
    is_int(cs_write_atomic(at("link.txt"), "via link", 8, &d), 0, "write through a link");
    ok(lstat(at("link.txt"), &st) == 0 && S_ISLNK(st.st_mode), "the link stays a link");
    is_str(get(at("target.txt")), "via link", "its target holds the bytes");

    if (symlink("nowhere/x.txt", at("dangling.txt")) != 0)
        perror("symlink");
    ok(cs_write_atomic(at("dangling.txt"), "x", 1, &d) == -1 &&
           strstr(d.msg, "cannot create a temporary file beside it") != NULL,
       "a link into a missing folder: a clear error (%s)", d.msg);

    is_int(cs_out_open(&f, "/dev/null", &d), 0, "open /dev/null");
    ok(!cs_out_is_atomic(&f), "/dev/null is written in place");
    is_int(cs_out_write(&f, "x", 1, &d), 0, "write to /dev/null");
    is_int(cs_out_commit(&f, &d), 0, "commit /dev/null");
    ok(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode), "/dev/null is still a device");

    int fds[2];
    if (pipe(fds) != 0)
        perror("pipe");
    char name[64];
    snprintf(name, sizeof name, "/proc/self/fd/%d", fds[1]);
    is_int(cs_out_open(&f, name, &d), 0, "open /proc/self/fd/N");
    is_int(f.fd, fds[1], "the descriptor itself");
    is_int(cs_out_write(&f, "piped", 5, &d), 0, "write to it");
    is_int(cs_out_commit(&f, &d), 0, "commit");
    ok(fcntl(fds[1], F_GETFD) != -1, "the caller's descriptor is left open");
    char buf[8] = {0};
    is_int(read(fds[0], buf, sizeof buf - 1), 5, "the bytes went through the pipe");
    is_str(buf, "piped", "unchanged");
    close(fds[0]);
    close(fds[1]);

    is_int(cs_out_open(&f, dir, &d), -1, "a folder is refused");
    ok(strstr(d.msg, "is a folder") != NULL, "a folder: the message (%s)", d.msg);
    is_int(cs_out_open(&f, "", &d), -1, "an empty path is refused");
}

static void test_guard(void)
{
    cs_out_guard g;
    cs_diag d;
    put(at("in.txt"), "article");
    if (link(at("in.txt"), at("hard.txt")) != 0)
        perror("link");
    cs_out_guard_init(&g, at("hard.txt"));
    ok(g.armed, "an existing output arms the guard");
    is_int(cs_out_guard_check(&g, at("in.txt"), &d), -1, "a hard link to an input is refused");
    ok(strstr(d.msg, "is also an input of this run") != NULL, "with the message (%s)", d.msg);
    is_int(cs_out_guard_check(&g, at("target.txt"), &d), 0, "another file is fine");
    is_int(cs_out_guard_check(&g, at("missing.txt"), &d), 0, "a missing input is not a clash");
    cs_out_guard_init(&g, at("not-there.txt"));
    ok(!g.armed, "a new output cannot be an input");
    cs_out_guard_init(&g, "/dev/null");
    ok(!g.armed, "a device is never replaced: no guard");
}

/* A child opens an output and is killed by sig: its temporary must go. */
static void test_signal(int sig, const char *name)
{
    int ready[2];
    if (pipe(ready) != 0)
        perror("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        cs_out_file f;
        cs_diag d;
        if (cs_out_open(&f, at("sig.txt"), &d) != 0)
            _exit(3);
        if (write(ready[1], "r", 1) != 1)
            _exit(4);
        for (;;)
            pause();
    }
    char c;
    ok(read(ready[0], &c, 1) == 1, "%s: the child has its temporary", name);
    is_int(temps(), 1, "%s: one temporary", name);
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == sig, "%s: the child ended by the signal", name);
    is_int(temps(), 0, "%s: its temporary is gone", name);
    close(ready[0]);
    close(ready[1]);
}

/* A forked child (a worker) killed by a signal leaves its parent's
 * temporary alone. */
static void test_child_keeps_parent_temp(void)
{
    cs_out_file f;
    cs_diag d;
    put(at("p.txt"), "old");
    is_int(cs_out_open(&f, at("p.txt"), &d), 0, "the parent opens an output");
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGTERM);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "the child died of SIGTERM");
    is_int(temps(), 1, "the parent's temporary is still there");
    is_int(cs_out_write(&f, "new", 3, &d), 0, "the parent writes");
    is_int(cs_out_commit(&f, &d), 0, "and commits");
    is_str(get(at("p.txt")), "new", "its file is replaced");
    is_int(temps(), 0, "no temporary left");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/cs-atomic.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_replace_and_abort();
    test_modes();
    test_links_and_in_place();
    test_guard();
    test_signal(SIGTERM, "SIGTERM");
    test_signal(SIGINT, "SIGINT");
    test_signal(SIGHUP, "SIGHUP");
    test_child_keeps_parent_temp();
    const char *names[] = {"r.txt", "m.txt", "target.txt", "link.txt", "dangling.txt",
                           "in.txt", "hard.txt", "sig.txt", "p.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(at(names[i]));
    rmdir(dir);
    return done_testing();
}
