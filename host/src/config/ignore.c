/* ignore.c - gitignore-syntax patterns (syntax: ignore.h). */
#include "ignore.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* ---- character classes ---- */

static const char *const posix_classes[] = {"alnum", "alpha", "blank", "cntrl", "digit",
                                            "graph", "lower", "print", "punct", "space",
                                            "upper", "xdigit", NULL};

/* Is c in POSIX class number k of posix_classes? */
static int in_posix_class(int k, unsigned char c)
{
    switch (k) {
    case 0: return isalnum(c) != 0;
    case 1: return isalpha(c) != 0;
    case 2: return c == ' ' || c == '\t';
    case 3: return iscntrl(c) != 0;
    case 4: return isdigit(c) != 0;
    case 5: return isgraph(c) != 0;
    case 6: return islower(c) != 0;
    case 7: return isprint(c) != 0;
    case 8: return ispunct(c) != 0;
    case 9: return isspace(c) != 0;
    case 10: return isupper(c) != 0;
    default: return isxdigit(c) != 0;
    }
}

/* The POSIX class named at p ("[:name:]"), its index, or -1; *len gets the
 * length of "[:name:]". */
static int posix_class_at(const char *p, size_t *len)
{
    const char *end = strstr(p + 2, ":]");
    if (end == NULL)
        return -1;
    for (int k = 0; posix_classes[k]; k++)
        if ((size_t)(end - (p + 2)) == strlen(posix_classes[k]) &&
            strncmp(p + 2, posix_classes[k], (size_t)(end - (p + 2))) == 0) {
            *len = (size_t)(end + 2 - p);
            return k;
        }
    return -1;
}

/* Read the class that starts at p[0] == '['.  With c >= 0, *hit says whether
 * c belongs to it.  Returns the class's length in bytes, or 0 when it is
 * bad: *why and *at (an offset from p) say why. */
static size_t read_class(const char *p, int c, int *hit, const char **why, size_t *at)
{
    size_t i = 1;
    int neg = 0, in = 0;
    if (p[i] == '!' || p[i] == '^') {
        neg = 1;
        i++;
    }
    size_t first = i;
    for (;;) {
        if (p[i] == '\0') {
            *why = "'[' is never closed by ']'";
            *at = 0;
            return 0;
        }
        if (p[i] == ']' && i > first)
            break;
        if (p[i] == '[' && p[i + 1] == ':') {
            size_t len = 0;
            int k = posix_class_at(p + i, &len);
            if (k < 0) {
                *why = "unknown character class (alnum, alpha, blank, cntrl, digit, graph, "
                       "lower, print, punct, space, upper, xdigit)";
                *at = i;
                return 0;
            }
            in |= c >= 0 && in_posix_class(k, (unsigned char)c);
            i += len;
            continue;
        }
        size_t start = i;
        unsigned char lo = (unsigned char)p[i];
        if (lo == '\\') {
            if (p[i + 1] == '\0') {
                *why = "'[' is never closed by ']'";
                *at = 0;
                return 0;
            }
            lo = (unsigned char)p[++i];
        }
        i++;
        unsigned char hi = lo;
        if (p[i] == '-' && p[i + 1] != ']' && p[i + 1] != '\0') {
            i++;
            hi = (unsigned char)p[i];
            if (hi == '\\' && p[i + 1] != '\0')
                hi = (unsigned char)p[++i];
            i++;
            if (hi < lo) {
                *why = "a range whose end comes before its start";
                *at = start;
                return 0;
            }
        }
        in |= c >= (int)lo && c <= (int)hi;
    }
    *hit = in != neg;
    return i + 1;
}

/* ---- matching ---- */

enum { NOMATCH = 0, MATCH = 1, ABORT_ALL = -1, ABORT_TO_STARSTAR = -2 };

/* Match pattern p (base: the pattern's start) against text t.  The
 * ABORT_* results cut the backtracking short (as git's wildmatch does):
 * when a '*' cannot reach past a '/', no earlier '*' can help either. */
static int wild(const char *base, const char *p, const char *t)
{
    for (; *p; p++, t++) {
        if (*t == '\0' && *p != '*')
            return ABORT_ALL;
        switch (*p) {
        case '\\':
            p++;
            if (*t != *p)
                return NOMATCH;
            break;
        case '?':
            if (*t == '/')
                return NOMATCH;
            break;
        case '[': {
            int hit = 0;
            const char *why;
            size_t at;
            size_t len = read_class(p, (unsigned char)*t, &hit, &why, &at);
            if (len == 0 || *t == '/' || !hit)
                return NOMATCH;
            p += len - 1;
            break;
        }
        case '*': {
            if (p[1] == '*') {
                const char *q = p;
                while (*q == '*')
                    q++;
                if ((p == base || p[-1] == '/') && (*q == '\0' || *q == '/')) {
                    if (*q == '\0')
                        return MATCH; /* "x/" + "**": everything below */
                    /* "**" + "/": any number of folders, none included */
                    for (const char *s = t;;) {
                        int r = wild(base, q + 1, s);
                        if (r != NOMATCH && r != ABORT_TO_STARSTAR)
                            return r;
                        s = strchr(s, '/');
                        if (s == NULL)
                            return ABORT_ALL;
                        s++;
                    }
                }
                p = q - 1; /* elsewhere "**" is a '*' */
            }
            for (const char *s = t;; s++) {
                int r = wild(base, p + 1, s);
                if (r != NOMATCH)
                    return r;
                if (*s == '/')
                    return ABORT_TO_STARSTAR; /* a '*' stops at a '/' */
                if (*s == '\0')
                    return ABORT_ALL;
            }
        }
        default:
            if (*t != *p)
                return NOMATCH;
        }
    }
    return *t == '\0' ? MATCH : NOMATCH;
}

int cs_glob_match(const cs_glob *g, const char *rel, int is_dir)
{
    if ((g->flags & CS_GLOB_DIR_ONLY) && !is_dir)
        return 0;
    const char *subject = rel;
    if (!(g->flags & CS_GLOB_ANCHORED)) {
        const char *slash = strrchr(rel, '/');
        if (slash)
            subject = slash + 1;
    }
    return wild(g->pat, g->pat, subject) == MATCH;
}

/* ---- parsing ---- */

/* Is text[i] escaped by an odd run of backslashes before it? */
static int escaped(const char *text, size_t i)
{
    size_t k = 0;
    while (k < i && text[i - 1 - k] == '\\')
        k++;
    return k % 2 == 1;
}

int cs_glob_parse(const char *text, size_t len, cs_glob *g, const char **why, size_t *at)
{
    memset(g, 0, sizeof *g);
    if (len > 0 && text[len - 1] == '\r')
        len--;
    if (len == 0 || text[0] == '#')
        return 0;
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t') && !escaped(text, len - 1))
        len--;
    if (len == 0)
        return 0;
    if (len > CS_GLOB_MAX) {
        *why = "longer than 4096 bytes";
        *at = CS_GLOB_MAX;
        return -1;
    }
    if (memchr(text, '\0', len)) {
        *why = "holds a NUL byte";
        *at = (size_t)((const char *)memchr(text, '\0', len) - text);
        return -1;
    }
    size_t start = 0, end = len;
    unsigned flags = 0;
    if (text[0] == '!') {
        flags |= CS_GLOB_NEGATE;
        start = 1;
    }
    while (end > start && text[end - 1] == '/' && !escaped(text, end - 1)) {
        flags |= CS_GLOB_DIR_ONLY;
        end--;
    }
    if (end > start && memchr(text + start, '/', end - start))
        flags |= CS_GLOB_ANCHORED;
    if (end > start && text[start] == '/')
        start++;
    if (end <= start) {
        *why = "an empty pattern (nothing but '!' or '/')";
        *at = 0;
        return -1;
    }
    /* Check escapes and classes once, so matching never meets a bad one. */
    for (size_t i = start; i < end; i++) {
        if (text[i] == '\\') {
            if (i + 1 >= end) {
                *why = "ends with a lone '\\' (write '\\\\' for a backslash)";
                *at = i;
                return -1;
            }
            i++;
        } else if (text[i] == '[') {
            char buf[CS_GLOB_MAX + 1];
            memcpy(buf, text + i, end - i);
            buf[end - i] = '\0';
            int hit;
            size_t off = 0;
            size_t n = read_class(buf, -1, &hit, why, &off);
            if (n == 0) {
                *at = i + off;
                return -1;
            }
            i += n - 1;
        }
    }
    if ((g->pat = cs_strndup(text + start, end - start)) == NULL) {
        *why = "out of memory";
        *at = 0;
        return -1;
    }
    g->flags = flags;
    return 1;
}

void cs_glob_free(cs_glob *g)
{
    free(g->pat);
    g->pat = NULL;
}

/* ---- lists ---- */

/* The column of byte `at` of text: characters counted, not bytes. */
static int column_of(const char *text, size_t at)
{
    int col = 1;
    for (size_t i = 0; i < at; i++)
        col += ((unsigned char)text[i] & 0xC0) != 0x80;
    return col;
}

int cs_ignore_add(cs_ignore *ig, const char *text, size_t len, const char *file, int lineno,
                  cs_diag *d)
{
    cs_glob g;
    const char *why = NULL;
    size_t at = 0;
    int r = cs_glob_parse(text, len, &g, &why, &at);
    if (r == 0)
        return 0;
    if (r < 0) {
        if (strcmp(why, "out of memory") == 0)
            return cs_diag_set(d, "out of memory");
        int shown = len > 80 ? 80 : (int)len;
        return cs_diag_at(d, file, lineno, column_of(text, at), "bad pattern '%.*s%s': %s",
                          shown, text, len > 80 ? "..." : "", why);
    }
    void *items = ig->globs;
    if (cs_array_grow(&items, &ig->cap, ig->n + 1, sizeof(cs_glob)) != 0) {
        cs_glob_free(&g);
        return cs_diag_set(d, "out of memory");
    }
    ig->globs = items;
    ig->globs[ig->n++] = g;
    return 0;
}

int cs_ignore_load(cs_ignore *ig, const char *path, const char *shown, cs_diag *d)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (errno == ENOENT || errno == ENOTDIR)
            return 0;
        return cs_diag_at(d, shown, 0, 0, "cannot read: %s", strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, rc = 1;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (n > 0 && line[n - 1] == '\n')
            n--;
        if (cs_ignore_add(ig, line, (size_t)n, shown, lineno, d) != 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 1 && ferror(f))
        rc = cs_diag_at(d, shown, 0, 0, "cannot read: %s", strerror(errno));
    free(line);
    fclose(f);
    return rc;
}

int cs_ignore_verdict(const cs_ignore *ig, const char *rel, int is_dir)
{
    for (size_t i = ig->n; i-- > 0;)
        if (cs_glob_match(&ig->globs[i], rel, is_dir))
            return (ig->globs[i].flags & CS_GLOB_NEGATE) ? 0 : 1;
    return -1;
}

void cs_ignore_free(cs_ignore *ig)
{
    for (size_t i = 0; i < ig->n; i++)
        cs_glob_free(&ig->globs[i]);
    free(ig->globs);
    ig->globs = NULL;
    ig->n = ig->cap = 0;
}
