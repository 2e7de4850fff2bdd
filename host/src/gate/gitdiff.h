/*
 * gitdiff.h - which lines of a file changed since a git revision.
 *
 * Runs `git diff --no-color --no-ext-diff -U0 --end-of-options REV -- FILE`
 * (no shell; argv passed as is) and reads the hunk headers.  A REV that is
 * empty or starts with '-' is refused before git runs (git would take it
 * for an option such as --output=FILE).  A file git does not track is
 * all new.  Errors (not a repository, unknown revision) come back as a
 * cs_diag with git's own message.
 */
#ifndef CS_GITDIFF_H
#define CS_GITDIFF_H

#include <stddef.h>

#include "diag.h"

typedef struct cs_line_range {
    int first, last; /* inclusive, 1-based */
} cs_line_range;

typedef struct cs_changes {
    cs_line_range *ranges;
    size_t n, cap;
    int all;         /* the whole file is new */
} cs_changes;

/* The lines of path changed since rev into *out; 0, or -1 with d set. */
int cs_git_changed_lines(const char *rev, const char *path, cs_changes *out, cs_diag *d);
/* Does the inclusive line range first..last touch a changed line? */
int cs_changes_touch(const cs_changes *c, int first, int last);
/* Release what cs_git_changed_lines filled in. */
void cs_changes_free(cs_changes *c);

#endif
