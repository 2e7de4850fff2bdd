/* test_file_watch.c - files whose changes are waited for (file_watch.h):
 * nothing happening is no change; replacing a watched file by a rename
 * (as editors do) or writing it is; a file beside it in the same folder
 * is not; a file that does not exist is not watched; after clear nothing
 * is; each file and folder is kept once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file_watch.h"
#include "scratch.h"
#include "tap.h"

static char dir[] = "/tmp/cs-file-watch.XXXXXX";

/* A file of the scratch folder (scratch.h). */
static void put(const char *name, const char *text)
{
    scratch_put(dir, name, text);
}

static void path_of(char *buf, size_t n, const char *name)
{
    scratch_path(dir, name, buf, n);
}

int main(void)
{
    cs_file_watch w;
    cs_diag d;
    char a[4200], b[4200], tmp[4200];
    if (mkdtemp(dir) == NULL)
        return ok(0, "scratch folder"), done_testing();
    put("a.md", "one\n");
    put("b.md", "two\n");
    path_of(a, sizeof a, "a.md");
    path_of(b, sizeof b, "b.md");
    path_of(tmp, sizeof tmp, "a.md.tmp");
    is_int(cs_file_watch_open(&w, &d), 0, "opens");
    cs_file_watch_add(&w, a);
    cs_file_watch_add(&w, a);
    path_of(tmp, sizeof tmp, "none.md");
    cs_file_watch_add(&w, tmp);
    ok(w.nfiles == 1 && w.ndirs == 1, "one file, one folder (twice is once, missing is none)");
    is_int(cs_file_watch_wait(&w, 50), 0, "nothing happens: no change");
    put("b.md", "changed\n");
    is_int(cs_file_watch_wait(&w, 200), 0, "a file beside it changes: no change");
    put("a.md.tmp", "new\n");
    path_of(tmp, sizeof tmp, "a.md.tmp");
    ok(rename(tmp, a) == 0, "a.md replaced by a rename");
    is_int(cs_file_watch_wait(&w, 1000), 1, "... is a change");
    is_int(cs_file_watch_wait(&w, 50), 0, "the events were all read");
    put("a.md", "written in place\n");
    is_int(cs_file_watch_wait(&w, 1000), 1, "written in place: a change");
    cs_file_watch_clear(&w);
    ok(w.nfiles == 0 && w.ndirs == 0, "clear: nothing watched");
    put("a.md", "again\n");
    is_int(cs_file_watch_wait(&w, 200), 0, "after clear: no change");
    cs_file_watch_add(&w, b);
    put("b.md", "watched now\n");
    is_int(cs_file_watch_wait(&w, 1000), 1, "watched again: a change");
    cs_file_watch_close(&w);
    scratch_remove(dir);
    return done_testing();
}
