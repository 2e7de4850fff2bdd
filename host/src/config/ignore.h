/*
 * ignore.h - gitignore-syntax patterns: the include and exclude globs of
 * credscore.yaml and the lines of a .credscoreignore file.
 *
 * A pattern matches a path relative to a base folder (the folder of the
 * file it comes from), written with '/' and without "./":
 *
 *   *        any run of characters but '/'
 *   ?        one character but '/'
 *   [a-z]    one character of a class (not '/'); [!..] or [^..] negates;
 *            [:alpha:] and the other POSIX classes may appear inside
 *   **       in "**" + "/" + x, "x/" + "**" or "x/" + "**" + "/y": any number
 *            of folders (elsewhere it is a '*')
 *   \c       the character c itself (\*, \#, \!, \ , ...)
 *   /x       leading '/': anchored to the base folder
 *   x/       trailing '/': matches folders only
 *   !x       a negation: what x matches is kept after all
 *   # ...    a comment line; blank lines are ignored
 *
 * A pattern with a '/' at its start or in its middle matches the whole
 * relative path; one without matches the last name at any depth.  In a
 * list the last pattern that matches decides.  Trailing blanks are
 * dropped unless escaped, and so is a trailing '\r'.
 */
#ifndef CS_IGNORE_H
#define CS_IGNORE_H

#include <stddef.h>

#include "diag.h"

enum {
    CS_GLOB_NEGATE = 1,   /* "!x" */
    CS_GLOB_DIR_ONLY = 2, /* "x/" */
    CS_GLOB_ANCHORED = 4  /* has a '/' before its end: matched against the whole path */
};

/* One parsed pattern. */
typedef struct cs_glob {
    char *pat;      /* the pattern without '!', leading '/' or trailing '/'; escapes kept */
    unsigned flags; /* CS_GLOB_* */
} cs_glob;

/* The longest pattern line accepted, in bytes. */
#define CS_GLOB_MAX 4096

/* Parse one line (text[0..len), no newline).  Returns 1 with *g filled
 * (free with cs_glob_free), 0 for a blank line or a comment, -1 for a bad
 * pattern: *why gets a constant phrase ("'[' is never closed by ']'") and
 * *at the byte offset in text where the problem is. */
int cs_glob_parse(const char *text, size_t len, cs_glob *g, const char **why, size_t *at);

/* Does g match rel (a path relative to g's base folder, '/'-separated, no
 * leading "./"), a folder when is_dir?  1 or 0; the negation is not
 * applied (see cs_ignore_verdict). */
int cs_glob_match(const cs_glob *g, const char *rel, int is_dir);

void cs_glob_free(cs_glob *g);

/* An ordered list of patterns with one base folder (zero-initialise). */
typedef struct cs_ignore {
    cs_glob *globs;
    size_t n, cap;
} cs_ignore;

/* Parse line `lineno` of file `file` (names used in messages) and append
 * it.  0 (a blank or comment line adds nothing), or -1 with d set:
 * "FILE:LINE:COL: bad pattern 'TEXT': WHY", or out of memory. */
int cs_ignore_add(cs_ignore *ig, const char *text, size_t len, const char *file, int lineno,
                  cs_diag *d);

/* Append the patterns of the ignore file at `path` (named `shown` in
 * messages).  1 when it was read, 0 when there is no such file, -1 with d
 * set when it cannot be read or a line is bad (cs_ignore_add). */
int cs_ignore_load(cs_ignore *ig, const char *path, const char *shown, cs_diag *d);

/* The last pattern of ig that matches rel decides: 1 when it is a plain
 * pattern, 0 when it is a negation, -1 when none matches. */
int cs_ignore_verdict(const cs_ignore *ig, const char *rel, int is_dir);

void cs_ignore_free(cs_ignore *ig);

#endif
