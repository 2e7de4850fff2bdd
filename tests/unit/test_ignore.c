/* test_ignore.c - gitignore-syntax patterns (ignore.h): what each form
 * matches, last match wins, and the bad patterns refused with a reason. */
#include "ignore.h"

#include <stdlib.h>

#include "tap.h"

/* Does the pattern line match rel (a folder when is_dir)?  -1 when the
 * line is not a pattern. */
static int m(const char *line, const char *rel, int is_dir)
{
    cs_glob g;
    const char *why;
    size_t at;
    if (cs_glob_parse(line, strlen(line), &g, &why, &at) != 1)
        return -1;
    int r = cs_glob_match(&g, rel, is_dir);
    cs_glob_free(&g);
    return r;
}

static const struct {
    const char *pat, *rel;
    int is_dir, want;
} cases[] = {
    {"*.md", "a.md", 0, 1},
    {"*.md", "deep/er/a.md", 0, 1},          /* no '/': the name at any depth */
    {"*.md", "a.md.txt", 0, 0},
    {"*.md", "a/b", 0, 0},
    {"a?c", "abc", 0, 1},
    {"a?c", "a/c", 0, 0},                     /* '?' is never '/' */
    {"[ab]x", "bx", 0, 1},
    {"[!ab]x", "bx", 0, 0},
    {"[^ab]x", "cx", 0, 1},
    {"[a-c]x", "cx", 0, 1},
    {"[a-c]x", "dx", 0, 0},
    {"[]]x", "]x", 0, 1},
    {"[[:digit:]]x", "7x", 0, 1},
    {"[[:digit:]]x", "ax", 0, 0},
    {"\\*x", "*x", 0, 1},
    {"\\*x", "ax", 0, 0},
    {"\\#a", "#a", 0, 1},
    {"\\!a", "!a", 0, 1},
    {"a\\ ", "a ", 0, 1},                     /* an escaped trailing blank stays */
    {"a  ", "a", 0, 1},                       /* plain trailing blanks go */
    {"/top.md", "top.md", 0, 1},              /* leading '/': anchored */
    {"/top.md", "sub/top.md", 0, 0},
    {"sub/a.md", "sub/a.md", 0, 1},           /* a '/' inside: anchored too */
    {"sub/a.md", "x/sub/a.md", 0, 0},
    {"sub/*.md", "sub/x/a.md", 0, 0},         /* '*' stops at '/' */
    {"drafts/", "drafts", 1, 1},              /* trailing '/': folders only */
    {"drafts/", "drafts", 0, 0},
    {"drafts/", "x/drafts", 1, 1},
    {"**/old", "old", 1, 1},                  /* two stars and a slash: any number of folders */
    {"**/old", "a/b/old", 1, 1},
    {"a/**/b.md", "a/b.md", 0, 1},
    {"a/**/b.md", "a/x/y/b.md", 0, 1},
    {"a/**/b.md", "ab/b.md", 0, 0},
    {"a/**", "a/x/y.md", 0, 1},               /* a slash and two stars: everything below */
    {"a/**", "a", 1, 0},
    {"a**b", "axxb", 0, 1},                   /* elsewhere "**" is '*' */
    {"a**b", "ax/xb", 0, 0},
    {"!keep.md", "keep.md", 0, 1},            /* matches; the list applies the '!' */
    {"a*b*c*d*e*f*g*h*i*j*k*l*m*n*z", "abcdefghijklmnopqrstuvwxyabcdefghijklmnopqrstuvwxy", 0, 0},
};

static const struct {
    const char *pat;
    const char *why;
    size_t at;
} bad[] = {
    {"a[bc", "'[' is never closed by ']'", 1},
    {"[z-a]", "a range whose end comes before its start", 1},
    {"[[:vowel:]]", "unknown character class", 1},
    {"abc\\", "ends with a lone '\\'", 3},
    {"!", "an empty pattern", 0},
    {"/", "an empty pattern", 0},
};

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        is_int(m(cases[i].pat, cases[i].rel, cases[i].is_dir), cases[i].want,
               "'%s' %s '%s'%s", cases[i].pat, cases[i].want ? "matches" : "does not match",
               cases[i].rel, cases[i].is_dir ? " (a folder)" : "");

    is_int(m("# a comment", "# a comment", 0), -1, "a '#' line is a comment");
    is_int(m("   ", "x", 0), -1, "a blank line is nothing");

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cs_glob g;
        const char *why = "";
        size_t at = 99;
        int r = cs_glob_parse(bad[i].pat, strlen(bad[i].pat), &g, &why, &at);
        is_int(r, -1, "'%s' is refused", bad[i].pat);
        ok(strncmp(why, bad[i].why, strlen(bad[i].why)) == 0, "'%s': %s", bad[i].pat, why);
        is_int((int)at, (int)bad[i].at, "'%s': at byte %zu", bad[i].pat, bad[i].at);
    }

    /* A list: the last matching pattern decides, '!' keeps. */
    cs_ignore ig = {0};
    cs_diag d;
    const char *lines[] = {"*.md", "!keep*.md", "keep-not.md", "# comment", ""};
    for (int i = 0; i < 5; i++)
        is_int(cs_ignore_add(&ig, lines[i], strlen(lines[i]), "x", i + 1, &d), 0, "add line %d", i + 1);
    is_int((int)ig.n, 3, "comments and blank lines add nothing");
    is_int(cs_ignore_verdict(&ig, "a.md", 0), 1, "a.md: ignored");
    is_int(cs_ignore_verdict(&ig, "keep1.md", 0), 0, "keep1.md: kept by the negation");
    is_int(cs_ignore_verdict(&ig, "keep-not.md", 0), 1, "keep-not.md: the last pattern wins");
    is_int(cs_ignore_verdict(&ig, "a.txt", 0), -1, "a.txt: no pattern matches");
    is_int(cs_ignore_add(&ig, "x[y", 3, "dir/.credscoreignore", 7, &d), -1, "a bad line is an error");
    is_str(d.msg, "dir/.credscoreignore:7:2: bad pattern 'x[y': '[' is never closed by ']'",
           "naming the file, line and column");
    cs_ignore_free(&ig);
    return done_testing();
}
