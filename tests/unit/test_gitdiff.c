/* test_gitdiff.c - changed lines since a git revision (gitdiff.h): hunks
 * of added and changed lines, a deletion (no new line), an untracked file
 * (all new), a bad revision and a folder that is no repository (git's
 * error), a revision refused before git runs; cs_changes_touch's overlap
 * rule.  Runs git in a scratch repository; skipped when git is missing
 * (a failure under CI=true). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gitdiff.h"
#include "tap.h"

/* Run a shell command in the current folder; 0 when it succeeded. */
static int sh(const char *cmd)
{
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The ranges of c as "a-b,c-d" (or "all"), for comparing. */
static const char *ranges(const cs_changes *c)
{
    static char buf[256];
    if (c->all)
        return "all";
    buf[0] = '\0';
    for (size_t i = 0; i < c->n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%d-%d", i ? "," : "",
                 c->ranges[i].first, c->ranges[i].last);
    return buf;
}

int main(void)
{
    cs_changes c;
    cs_diag d;

    /* cs_changes_touch on ranges made by hand. */
    cs_line_range rs[] = {{3, 5}, {10, 10}};
    cs_changes hand = {rs, 2, 2, 0};
    ok(cs_changes_touch(&hand, 5, 7), "touch: 5-7 meets 3-5 at its last line");
    ok(cs_changes_touch(&hand, 1, 3), "touch: 1-3 meets 3-5 at its first line");
    ok(cs_changes_touch(&hand, 10, 10), "touch: a one-line range");
    ok(!cs_changes_touch(&hand, 6, 9), "touch: 6-9 lies between the ranges");
    ok(!cs_changes_touch(&hand, 11, 20), "touch: after the last range");
    hand.all = 1;
    ok(cs_changes_touch(&hand, 100, 200), "touch: a new file touches everything");
    cs_changes none = {0};
    ok(!cs_changes_touch(&none, 1, 1000), "touch: no changes touch nothing");

    /* Refused before git runs. */
    is_int(cs_git_changed_lines("-output=x", "a.md", &c, &d), -1, "rev '-output=x' is refused");
    ok(strstr(d.msg, "starts with '-'") != NULL, "saying it starts with '-': %s", d.msg);
    is_int(cs_git_changed_lines("", "a.md", &c, &d), -1, "an empty rev is refused");
    ok(strstr(d.msg, "it is empty") != NULL, "saying it is empty: %s", d.msg);

    if (system("git --version >/dev/null 2>&1") != 0) {
        if (getenv("CI") && strcmp(getenv("CI"), "true") == 0)
            ok(0, "git is missing (CI=true: a missing test dependency fails)");
        else
            printf("ok %d # skip git is not installed\n", ++tap_count);
        return done_testing();
    }

    char dir[] = "/tmp/cs-gitdiff.XXXXXX";
    char cwd[4096];
    if (mkdtemp(dir) == NULL || getcwd(cwd, sizeof cwd) == NULL || chdir(dir) != 0) {
        ok(0, "scratch folder");
        return done_testing();
    }

    /* Not a repository (the ceiling keeps git from finding one above /tmp). */
    setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
    write_file("a.md", "one\n");
    is_int(cs_git_changed_lines("HEAD", "a.md", &c, &d), -1, "outside a repository: -1");
    ok(strstr(d.msg, "not inside a git repository") != NULL, "saying so: %s", d.msg);

    ok(sh("git init -q . && git config user.email t@example.invalid && git config user.name t"
          " && printf 'l1\\nl2\\nl3\\nl4\\nl5\\nl6\\n' > a.md && git add a.md"
          " && git commit -qm one") == 0,
       "scratch repository with a.md committed");

    /* Unchanged: no ranges. */
    is_int(cs_git_changed_lines("HEAD", "a.md", &c, &d), 0, "unchanged file: 0");
    is_str(ranges(&c), "", "unchanged file: no changed lines");
    cs_changes_free(&c);

    /* Line 2 changed, two lines added after line 5, line 6 kept. */
    write_file("a.md", "l1\nL2\nl3\nl4\nl5\nnew a\nnew b\nl6\n");
    is_int(cs_git_changed_lines("HEAD", "a.md", &c, &d), 0, "changed file: 0");
    is_str(ranges(&c), "2-2,6-7", "changed file: line 2 and the added lines 6-7");
    ok(cs_changes_touch(&c, 1, 2) && !cs_changes_touch(&c, 3, 5) && cs_changes_touch(&c, 7, 9),
       "changed file: touch follows the ranges");
    cs_changes_free(&c);
    ok(c.ranges == NULL && c.n == 0, "cs_changes_free empties it");

    /* Only a deletion: nothing new to look at. */
    write_file("a.md", "l1\nl2\nl4\nl5\nl6\n");
    is_int(cs_git_changed_lines("HEAD", "a.md", &c, &d), 0, "a deletion: 0");
    is_str(ranges(&c), "", "a deletion adds no changed line");
    cs_changes_free(&c);

    /* Untracked: all new. */
    write_file("b.md", "fresh\n");
    is_int(cs_git_changed_lines("HEAD", "b.md", &c, &d), 0, "untracked file: 0");
    ok(c.all == 1, "untracked file: all of it is new");
    cs_changes_free(&c);

    /* An unknown revision: git's message. */
    is_int(cs_git_changed_lines("no-such-rev", "a.md", &c, &d), -1, "unknown revision: -1");
    ok(strstr(d.msg, "--diff-base no-such-rev: git diff failed: ") != NULL,
       "names the revision and git's first line: %s", d.msg);

    if (chdir(cwd) != 0)
        ok(0, "back to the start folder");
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
    sh(rm);
    return done_testing();
}
