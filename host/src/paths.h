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

#endif
