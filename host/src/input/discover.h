/*
 * discover.h - which articles a command line names: the one discovery
 * that `score` and `baseline` (every command that walks folders for
 * articles) go through.
 *
 * A file named on the command line (or "-") is always taken, whatever a
 * filter says, as linters do.  A folder named is walked (paths.h: sorted,
 * each real file once, 32 levels deep) for .md, .markdown, .html, .htm and
 * .txt files, and every entry met below it passes these filters, in this
 * order, the last one that matches deciding (gitignore syntax, ignore.h):
 *
 *   1. the default skips: hidden entries (".*": .git, .github, ...) and
 *      the vendored folders node_modules, bower_components, jspm_packages,
 *      vendor, third_party, third-party, site-packages and __pycache__, at
 *      any depth (CS_DISCOVER_DEFAULT_SKIPS);
 *   2. the config's `exclude` globs, relative to the config's folder;
 *   3. the .credscoreignore files of the project folder (below) and of
 *      every folder from there down to the entry, outermost first, each
 *      relative to its own folder.
 *
 * So "!vendor/" in `exclude` or a .credscoreignore walks vendor/ after
 * all.  A folder left out is not entered.  Then, when the config has
 * `include` globs, a file is kept only if the last include glob matching
 * it or one of its folders is not a negation.  The project folder is the
 * config file's folder, or the current folder when the configuration is
 * the built-in one or comes from a --bundle; the config's globs apply to
 * what lies below it, and .credscoreignore files above the folder walked
 * are read only from there down.  The folder named itself is walked even
 * if a filter would leave it out.
 */
#ifndef CS_DISCOVER_H
#define CS_DISCOVER_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "paths.h"

/* The default skips as .credscoreignore lines, NULL-ended. */
extern const char *const cs_discover_default_skips[];

/* The file endings of articles, NULL-ended. */
extern const char *const cs_discover_exts[];

typedef struct cs_discover_opts {
    const cs_config *cfg;     /* include, exclude (NULL: none) */
    const char *project_dir;  /* see above; NULL: the current folder */
    cs_walk_warn_fn warn;     /* a warning about an entry skipped (NULL: none) */
    cs_walk_warn_fn fail;     /* an operand that gives no article: an error */
    void *ctx;                /* for warn and fail */
} cs_discover_opts;

/* Append to l the articles args[0..nargs) name.  A folder that yields no
 * article is reported through o->fail ("DIR: folder holds no articles
 * (.md, ...)", saying how many entries the filters left out) and the
 * others are still listed.  Returns 0; 1 when o->fail was called; -1 with
 * d set when a .credscoreignore cannot be read or holds a bad pattern
 * ("DIR/.credscoreignore:LINE:COL: bad pattern ...") or memory runs out. */
int cs_discover_articles(const cs_discover_opts *o, const char *const *args, size_t nargs,
                         cs_path_list *l, cs_diag *d);

/* Append folder dir's annotated fixtures (`credscore test`) to l: its *.md
 * files, then its *.html (not in sub-folders), each sorted, each real file
 * once; a dangling link or an unreadable entry is a warning through warn
 * (cs_paths_walk).  No filter applies.  0, or -1 when out of memory. */
int cs_discover_fixtures(const char *dir, cs_walk_warn_fn warn, void *ctx, cs_path_list *l);

#endif
