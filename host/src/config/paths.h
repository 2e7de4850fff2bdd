/*
 * paths.h - where the bundled rules and plugins are, and display paths.
 *
 * The bundled rule pack is looked for, in order: $CREDSCORE_RULES_DIR; the
 * source tree beside a build (<exe>/../rules); an installed tree
 * (<exe>/../share/credscore/rules); the compile-time CS_DATADIR/rules.
 * Plugin folders by name: <exe>/plugins, <exe>/../lib/credscore/plugins,
 * CS_LIBDIR.  Returned strings are malloc'd; the caller frees them.
 */
#ifndef CS_PATHS_H
#define CS_PATHS_H

#include <stddef.h>

/* The bundled rules folder, or NULL when none exists. */
char *cs_paths_bundled_rules(void);

/* Default plugin folders (existing ones only); *n gets the count.
 * Returns a malloc'd array of malloc'd strings (NULL when empty). */
char **cs_paths_plugin_dirs(size_t *n);

/* A path as shown to users: relative to the working directory when it lies
 * below it, else as given (normalised with realpath when possible). */
char *cs_paths_display(const char *path);

/* Join dir and name with one '/'. */
char *cs_paths_join(const char *dir, const char *name);

/* List regular files ending in `ext` in a folder, sorted by name.  Returns
 * 0 and a malloc'd array (*out, *n), or -1 (errno set). */
int cs_paths_list(const char *dir, const char *ext, char ***out, size_t *n);

void cs_paths_free_list(char **list, size_t n);

/* A growable list of owned paths (zero-initialise it; free with
 * cs_path_list_free).  Both adders return 0, or -1 when out of memory. */
typedef struct cs_path_list {
    char **items;
    size_t n, cap;
} cs_path_list;

/* Append a copy of `path`. */
int cs_path_list_add(cs_path_list *l, const char *path);

/* Append the n malloc'd strings of `paths` and free the array itself: the
 * strings belong to the list afterwards, or are freed on failure. */
int cs_path_list_take(cs_path_list *l, char **paths, size_t n);

void cs_path_list_free(cs_path_list *l);

/* ---- walking folders for articles ---- */

/* Called with one line of warning text (no "credscore: " prefix, no
 * newline) about an entry a walk skipped. */
typedef void (*cs_walk_warn_fn)(void *ctx, const char *msg);

/* What a walk may ask of its caller about the entries it meets (see
 * discover.h).  rel is an entry's path below the folder given to
 * cs_paths_walk ("" for that folder itself), path the same as listed
 * (the folder given, '/', rel). */
typedef struct cs_walk_filter {
    /* Folder `path` (depth 0: the one given) is about to be listed: 0, or
     * -1 to stop the walk. */
    int (*enter)(void *ctx, const char *path, const char *rel, int depth);
    /* Its entries are done (one leave for each enter that returned 0). */
    void (*leave)(void *ctx, int depth);
    /* Keep this entry of the folder entered last: a folder (is_dir) or a
     * regular file with one of the walk's endings?  1 yes, 0 no, -1 stop
     * the walk. */
    int (*keep)(void *ctx, const char *path, const char *rel, int is_dir);
    void *ctx;
} cs_walk_filter;

/* The state of one or more folder walks sharing what they have seen
 * (zero-initialise, set the fields below, free with cs_walk_free). */
typedef struct cs_walk {
    const char *const *exts; /* file name endings to list (case-insensitive), NULL-ended */
    int max_depth;           /* folders entered below the one given (0: none) */
    cs_walk_warn_fn warn;    /* NULL: warnings are dropped */
    void *warn_ctx;
    const cs_walk_filter *filter; /* NULL: hidden entries (".name") are skipped;
                                   * else filter->keep decides on every entry */
    /* private: (device, inode) of every file and folder met, a hash set */
    struct cs_walk_id *ids;
    size_t nids, ids_cap;
} cs_walk;

/* Append to l the files in folder dir (and, to max_depth levels, in its
 * folders) whose names end in one of w->exts, hidden entries (".name")
 * skipped, in sorted order (the entries of each folder by name, the files
 * found then sorted by path with strcmp).  Symbolic links are followed,
 * but each real file and folder is taken once (device and inode) over
 * every walk with the same w: a link back to a folder being walked (a
 * loop) is not followed and says so once, a second way to a file or
 * folder already met is skipped silently.  Warned and skipped: a dangling
 * symbolic link ("PATH: dangling symbolic link to 'TARGET', skipped"), an
 * entry that cannot be examined or a folder that cannot be read ("PATH:
 * cannot read the folder: REASON, skipped"), a loop ("PATH: symbolic link
 * back to the folder FOLDER (a loop), not followed"), a folder deeper than
 * max_depth that holds entries ("PATH: folder nested deeper than N,
 * skipped"; with max_depth 0 sub-folders are left out silently).  With
 * w->filter, hidden entries are not skipped but, like every other folder
 * and every file with a listed ending, given to filter->keep first
 * (before the loop and depth checks): an entry it refuses is left out
 * silently.  Returns 0; 1 when dir itself was met before by a walk with
 * this w (nothing is appended); -1 when memory runs out or the filter
 * stops the walk. */
int cs_paths_walk(cs_walk *w, const char *dir, cs_path_list *l);

void cs_walk_free(cs_walk *w);

#endif
