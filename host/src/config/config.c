/*
 * config.c - loading the configuration (config.h): the built-in defaults,
 * then one credscore.yaml overlaid on them (config_sections.c), every
 * profile of it checked and the chosen one applied (config_profiles.c).
 * A failed load frees what it built: the caller has nothing to release.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config_profiles.h"
#include "config_sections.h"

/* The directory of path, made absolute when possible. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    if (slash == NULL)
        dir = cs_strdup(".");
    else if (slash == path)
        dir = cs_strdup("/");
    else
        dir = cs_strndup(path, (size_t)(slash - path));
    if (dir == NULL)
        return NULL;
    char *abs = realpath(dir, NULL);
    if (abs == NULL)
        return dir;
    free(dir);
    return abs;
}

/* Defaults overlaid with the file at path, or (data != NULL) with the
 * YAML text data[0..len) standing for that file, then with its profile
 * called profile (NULL: none).  Every profile of the file is checked. */
static int load_overlay(cs_config *c, const char *path, const char *data, size_t len,
                        const char *profile, cs_diag *d)
{
    int rc = -1;
    if (cs_config_default(c, d) != 0)
        return -1;
    free(c->dir);
    c->path = cs_strdup(path);
    c->dir = dir_of(path);
    if (c->path == NULL || c->dir == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    if ((data != NULL ? cs_ydoc_parse_mem(path, data, len, &c->trees[1], d)
                      : cs_ydoc_parse_file(path, &c->trees[1], d)) != 0)
        goto out;
    if (cfg_apply_doc(c, c->trees[1], d) != 0)
        goto out;
    if (cfg_check_profiles(c, c->trees[1], d) != 0)
        goto out;
    if (profile != NULL && cfg_use_profile(c, profile, d) != 0)
        goto out;
    rc = 0;
out:
    if (rc != 0)
        cs_config_free(c);
    return rc;
}

int cs_config_load(cs_config *c, const char *path, cs_diag *d)
{
    return load_overlay(c, path, NULL, 0, NULL, d);
}

int cs_config_load_profile(cs_config *c, const char *path, const char *profile, cs_diag *d)
{
    return load_overlay(c, path, NULL, 0, profile, d);
}

int cs_config_load_mem(cs_config *c, const char *path, const char *data, size_t len,
                       cs_diag *d)
{
    return load_overlay(c, path, data ? data : "", len, NULL, d);
}
