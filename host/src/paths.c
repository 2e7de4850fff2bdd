#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

#ifndef CS_DATADIR
#define CS_DATADIR "/usr/local/share/credscore"
#endif
#ifndef CS_LIBDIR
#define CS_LIBDIR "/usr/local/lib/credscore/plugins"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Folder of the running executable, malloc'd, or NULL. */
static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash == NULL)
        return NULL;
    *slash = '\0';
    return cs_strdup(buf);
}

char *cs_paths_join(const char *dir, const char *name)
{
    cs_buf b = {0};
    size_t n = strlen(dir);
    if (cs_buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name) != 0) {
        cs_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static char *existing(const char *dir, const char *rel)
{
    char *p = rel ? cs_paths_join(dir, rel) : cs_strdup(dir);
    if (p && is_dir(p)) {
        char real[PATH_MAX];
        if (realpath(p, real)) {
            free(p);
            return cs_strdup(real);
        }
        return p;
    }
    free(p);
    return NULL;
}

char *cs_paths_bundled_rules(void)
{
    const char *env = getenv("CREDSCORE_RULES_DIR");
    if (env && *env)
        return existing(env, NULL);
    char *exe = exe_dir();
    char *found = NULL;
    if (exe) {
        found = existing(exe, "../rules");
        if (!found)
            found = existing(exe, "../share/credscore/rules");
    }
    if (!found)
        found = existing(CS_DATADIR, "rules");
    free(exe);
    return found;
}

char **cs_paths_plugin_dirs(size_t *n)
{
    *n = 0;
    char **list = calloc(3, sizeof(char *));
    if (list == NULL)
        return NULL;
    char *exe = exe_dir();
    char *cands[3] = {NULL, NULL, NULL};
    if (exe) {
        cands[0] = existing(exe, "plugins");
        cands[1] = existing(exe, "../lib/credscore/plugins");
    }
    cands[2] = existing(CS_LIBDIR, NULL);
    for (int i = 0; i < 3; i++) {
        if (cands[i] == NULL)
            continue;
        int dup = 0;
        for (size_t j = 0; j < *n; j++)
            dup |= strcmp(list[j], cands[i]) == 0;
        if (dup)
            free(cands[i]);
        else
            list[(*n)++] = cands[i];
    }
    free(exe);
    if (*n == 0) {
        free(list);
        return NULL;
    }
    return list;
}

char *cs_paths_display(const char *path)
{
    char real[PATH_MAX], cwd[PATH_MAX];
    if (path[0] != '/' && strncmp(path, "../", 3) != 0)
        return cs_strdup(path);
    if (realpath(path, real) == NULL || getcwd(cwd, sizeof cwd) == NULL)
        return cs_strdup(path);
    size_t n = strlen(cwd);
    if (strncmp(real, cwd, n) == 0 && real[n] == '/')
        return cs_strdup(real + n + 1);
    return cs_strdup(real);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int cs_paths_list(const char *dir, const char *ext, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (dp == NULL)
        return -1;
    size_t cap = 0, elen = strlen(ext);
    char **list = NULL;
    struct dirent *e;
    int rc = -1;
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= elen || strcmp(e->d_name + len - elen, ext) != 0)
            continue;
        char *p = cs_paths_join(dir, e->d_name);
        struct stat st;
        if (p == NULL)
            goto out;
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(p);
            continue;
        }
        void *items = list;
        if (cs_array_grow(&items, &cap, *n + 1, sizeof(char *)) != 0) {
            free(p);
            goto out;
        }
        list = items;
        list[(*n)++] = p;
    }
    if (*n > 1)
        qsort(list, *n, sizeof(char *), cmp_str);
    rc = 0;
out:
    closedir(dp);
    if (rc != 0) {
        cs_paths_free_list(list, *n);
        list = NULL;
        *n = 0;
        errno = ENOMEM;
    }
    *out = list;
    return rc;
}

void cs_paths_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

int cs_path_list_add(cs_path_list *l, const char *path)
{
    void *items = l->items;
    if (cs_array_grow(&items, &l->cap, l->n + 1, sizeof(char *)) != 0)
        return -1;
    l->items = items;
    if ((l->items[l->n] = cs_strdup(path)) == NULL)
        return -1;
    l->n++;
    return 0;
}

int cs_path_list_take(cs_path_list *l, char **paths, size_t n)
{
    void *items = l->items;
    if (n && cs_array_grow(&items, &l->cap, l->n + n, sizeof(char *)) != 0) {
        cs_paths_free_list(paths, n);
        return -1;
    }
    l->items = items;
    for (size_t i = 0; i < n; i++)
        l->items[l->n++] = paths[i];
    free(paths);
    return 0;
}

void cs_path_list_free(cs_path_list *l)
{
    cs_paths_free_list(l->items, l->n);
    l->items = NULL;
    l->n = l->cap = 0;
}
