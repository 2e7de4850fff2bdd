/* test_serve_watch.c - the server's watch over its configuration files:
 * a change is reported once the files have stayed the same for one poll
 * (so a file written in place is never loaded half written), a file that
 * keeps changing is waited for, a removed or new file counts, and a fresh
 * snapshot forgets what was reported. */
#include <stdlib.h>

#include "scratch.h"
#include "serve_watch.h"
#include "tap.h"

static const char *changed(serve_watch *w)
{
    const char *p = serve_watch_changed(w);
    return p ? strrchr(p, '/') + 1 : "(none)";
}

int main(void)
{
    char dir[] = "/tmp/cs-watch.XXXXXX";
    if (mkdtemp(dir) == NULL)
        return 1;
    char a[4200], b[4200];
    scratch_path(dir, "a.lua", a, sizeof a);
    scratch_path(dir, "b.yaml", b, sizeof b);
    scratch_put(dir, "a.lua", "rule one\n");
    scratch_put(dir, "b.yaml", "rules: [a.lua]\n");
    char *paths[] = {a, b};
    serve_watch w;
    is_int(serve_watch_take(&w, paths, 2), 0, "take: a snapshot of two files");
    is_str(changed(&w), "(none)", "nothing changed: nothing reported");

    scratch_put(dir, "a.lua", "rule one, half writ");
    is_str(changed(&w), "(none)", "a change is not reported at the poll that sees it first");
    scratch_put(dir, "a.lua", "rule one, half written, and more\n");
    is_str(changed(&w), "(none)", "... nor while the file is still changing");
    is_str(changed(&w), "a.lua", "... but once it stayed the same for a poll");
    is_str(changed(&w), "a.lua", "... and until a new snapshot is taken");

    serve_watch_free(&w);
    is_int(serve_watch_take(&w, paths, 2), 0, "take again after the reload");
    is_str(changed(&w), "(none)", "the new snapshot: nothing to report");

    scratch_put(dir, "b.yaml", "rules: [a.lua, c.lua]\n");
    is_str(changed(&w), "(none)", "the second file changed: first poll waits");
    scratch_put(dir, "a.lua", "rule two, written while b settles\n");
    is_str(changed(&w), "(none)", "another file still changing holds the report back");
    is_str(changed(&w), "a.lua", "both settled: the first changed path is named");

    serve_watch_free(&w);
    is_int(serve_watch_take(&w, paths, 2), 0, "take a third snapshot");
    unlink(a);
    is_str(changed(&w), "(none)", "a removed file: first poll waits");
    is_str(changed(&w), "a.lua", "... then it is reported");

    serve_watch_free(&w);
    is_int(serve_watch_take(&w, paths, 2), 0, "snapshot with a.lua missing");
    is_str(changed(&w), "(none)", "a missing file that stays missing is no change");
    scratch_put(dir, "a.lua", "rule three\n");
    is_str(changed(&w), "(none)", "it comes back: first poll waits");
    is_str(changed(&w), "a.lua", "... then it is reported");

    serve_watch_free(&w);
    scratch_remove(dir);
    return done_testing();
}
