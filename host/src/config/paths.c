#include "paths.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
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

/* ---- walking folders for articles ---- */

struct cs_walk_id {
    dev_t dev;
    ino_t ino;
    int used;
};

static size_t id_hash(dev_t dev, ino_t ino)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)dev * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ (h >> 29));
}

/* Put (dev, ino) in the set: 1 when it was new, 0 when already there, -1
 * when memory runs out.  Open addressing, at most half full. */
static int id_insert(cs_walk *w, dev_t dev, ino_t ino)
{
    if (2 * (w->nids + 1) > w->ids_cap) {
        size_t cap = w->ids_cap ? 2 * w->ids_cap : 256;
        struct cs_walk_id *ids = calloc(cap, sizeof *ids);
        if (ids == NULL)
            return -1;
        for (size_t i = 0; i < w->ids_cap; i++) {
            if (!w->ids[i].used)
                continue;
            size_t k = id_hash(w->ids[i].dev, w->ids[i].ino) & (cap - 1);
            while (ids[k].used)
                k = (k + 1) & (cap - 1);
            ids[k] = w->ids[i];
        }
        free(w->ids);
        w->ids = ids;
        w->ids_cap = cap;
    }
    size_t k = id_hash(dev, ino) & (w->ids_cap - 1);
    while (w->ids[k].used) {
        if (w->ids[k].dev == dev && w->ids[k].ino == ino)
            return 0;
        k = (k + 1) & (w->ids_cap - 1);
    }
    w->ids[k] = (struct cs_walk_id){dev, ino, 1};
    w->nids++;
    return 1;
}

static void walk_warn(const cs_walk *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void walk_warn(const cs_walk *w, const char *fmt, ...)
{
    if (w->warn == NULL)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    w->warn(w->warn_ctx, msg);
}

static int has_ext(const char *name, const char *const *exts)
{
    size_t n = strlen(name);
    for (; exts && *exts; exts++) {
        size_t k = strlen(*exts);
        if (n > k && strcasecmp(name + n - k, *exts) == 0)
            return 1;
    }
    return 0;
}

/* The folders being walked, outermost first: a link to one of them is a
 * loop. */
typedef struct walk_frame {
    dev_t dev;
    ino_t ino;
    const char *path;
} walk_frame;

#define WALK_MAX_FRAMES 256

/* An entry of a folder as readdir gives it: its name, and its type and
 * inode when the file system tells them (type DT_UNKNOWN when not). */
typedef struct dir_entry {
    char *name;
    ino_t ino;
    unsigned char type; /* DT_* */
} dir_entry;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

static void free_entries(dir_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(e[i].name);
    free(e);
}

/* The entries of folder dir, sorted by name, without "." and "..", and
 * without the hidden ones unless keep_hidden; 0, or -1 with errno set
 * (ENOMEM, or why the folder cannot be read). */
static int sorted_entries(const char *dir, int keep_hidden, dir_entry **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (dp == NULL)
        return -1;
    size_t cap = 0;
    dir_entry *ents = NULL;
    struct dirent *e;
    int rc = -1;
    errno = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.' &&
            (!keep_hidden || e->d_name[1] == '\0' || strcmp(e->d_name, "..") == 0))
            continue;
        void *items = ents;
        char *copy = cs_strdup(e->d_name);
        if (copy == NULL || cs_array_grow(&items, &cap, *n + 1, sizeof *ents) != 0) {
            free(copy);
            errno = ENOMEM;
            goto out;
        }
        ents = items;
        ents[(*n)++] = (dir_entry){copy, e->d_ino, e->d_type};
        errno = 0;
    }
    if (errno != 0)
        goto out;
    if (*n > 1)
        qsort(ents, *n, sizeof *ents, cmp_entry);
    rc = 0;
out:
    {
        int saved = errno;
        closedir(dp);
        errno = saved;
    }
    if (rc != 0) {
        free_entries(ents, *n);
        ents = NULL;
        *n = 0;
    }
    *out = ents;
    return rc;
}

/* The status of entry e of the folder at (device dev), found by the
 * name `name` from there: what the walk needs of it (type, device and
 * inode) comes from readdir for a regular file (not a link: a stat per
 * file was most of the walk's time on a large folder), from fstatat,
 * following links, for anything else.  0, or -1 with errno set. */
static int entry_stat(int at, const char *name, const dir_entry *e, dev_t dev, struct stat *st)
{
    if (e->type != DT_REG)
        return fstatat(at, name, st, 0);
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFREG;
    st->st_dev = dev;
    st->st_ino = e->ino;
    return 0;
}

/* Path p (the folder walked, frames[0].path, or an entry below it) below
 * the folder walked: "" for that folder itself. */
static const char *rel_below(const walk_frame *frames, const char *p)
{
    size_t n = strlen(frames[0].path);
    if (strncmp(p, frames[0].path, n) != 0)
        return p; /* (cannot happen: every path is joined to it) */
    p += n;
    return *p == '/' ? p + 1 : p;
}

/* Walk folder dir (its status st), frames[0..depth) the folders above it. */
static int walk_dir(cs_walk *w, const char *dir, walk_frame *frames, int depth,
                    cs_path_list *l)
{
    dir_entry *ents = NULL;
    size_t n = 0;
    int rc = -1;
    const cs_walk_filter *f = w->filter;
    if (sorted_entries(dir, f != NULL, &ents, &n) != 0) {
        if (errno == ENOMEM)
            return -1;
        walk_warn(w, "%s: cannot read the folder: %s, skipped", dir, strerror(errno));
        return 0;
    }
    if (f && f->enter(f->ctx, dir, rel_below(frames, dir), depth) != 0) {
        free_entries(ents, n);
        return -1;
    }
    /* Entries are looked up from the folder (fstatat), not by their whole
     * path again; AT_FDCWD (whole paths) if it cannot be opened. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int at = dfd >= 0 ? dfd : AT_FDCWD;
    for (size_t i = 0; i < n; i++) {
        const char *base = ents[i].name;
        if (ents[i].type == DT_REG && !has_ext(base, w->exts))
            continue; /* a file of another kind: neither listed nor kept */
        char *p = cs_paths_join(dir, base);
        if (p == NULL)
            goto out;
        const char *name = dfd >= 0 ? base : p;
        struct stat st, lst;
        int ok = 1, keep = 1;
        if (entry_stat(at, name, &ents[i], frames[depth].dev, &st) != 0) {
            int err = errno;
            char target[1024];
            ssize_t tn;
            if (fstatat(at, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode) &&
                err == ENOENT && (tn = readlinkat(at, name, target, sizeof target - 1)) >= 0) {
                target[tn] = '\0';
                walk_warn(w, "%s: dangling symbolic link to '%s', skipped", p, target);
            } else {
                walk_warn(w, "%s: cannot read: %s, skipped", p, strerror(err));
            }
        } else if (f && (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) &&
                                                  has_ext(base, w->exts))) &&
                   (keep = f->keep(f->ctx, p, rel_below(frames, p), S_ISDIR(st.st_mode))) != 1) {
            ok = keep == 0; /* left out, or the walk stops */
        } else if (S_ISDIR(st.st_mode)) {
            int loop = -1;
            for (int k = 0; k < depth + 1 && loop < 0; k++)
                if (frames[k].dev == st.st_dev && frames[k].ino == st.st_ino)
                    loop = k;
            int fresh = loop >= 0 ? 0 : id_insert(w, st.st_dev, st.st_ino);
            if (loop >= 0) {
                walk_warn(w, "%s: symbolic link back to the folder %s (a loop), not followed",
                          p, frames[loop].path);
            } else if (fresh < 0) {
                ok = 0;
            } else if (fresh == 0) {
                /* met before by another way: its files are listed */
            } else if (depth + 1 > w->max_depth || depth + 2 > WALK_MAX_FRAMES) {
                dir_entry *sub = NULL;
                size_t nsub = 0;
                if (w->max_depth > 0 && sorted_entries(p, 0, &sub, &nsub) == 0 && nsub > 0)
                    walk_warn(w, "%s: folder nested deeper than %d, skipped", p, w->max_depth);
                free_entries(sub, nsub);
            } else {
                frames[depth + 1] = (walk_frame){st.st_dev, st.st_ino, p};
                ok = walk_dir(w, p, frames, depth + 1, l) == 0;
            }
        } else if (S_ISREG(st.st_mode) && has_ext(base, w->exts)) {
            int fresh = id_insert(w, st.st_dev, st.st_ino);
            ok = fresh >= 0 && (fresh == 0 || cs_path_list_add(l, p) == 0);
        }
        free(p);
        if (!ok)
            goto out;
    }
    rc = 0;
out:
    if (dfd >= 0)
        close(dfd);
    if (f)
        f->leave(f->ctx, depth);
    free_entries(ents, n);
    return rc;
}

int cs_paths_walk(cs_walk *w, const char *dir, cs_path_list *l)
{
    struct stat st;
    walk_frame frames[WALK_MAX_FRAMES];
    size_t before = l->n;
    if (stat(dir, &st) != 0) {
        walk_warn(w, "%s: cannot read the folder: %s, skipped", dir, strerror(errno));
        return 0;
    }
    int fresh = id_insert(w, st.st_dev, st.st_ino);
    if (fresh < 0)
        return -1;
    if (fresh == 0)
        return 1; /* a folder given twice (or inside one given): walked already */
    frames[0] = (walk_frame){st.st_dev, st.st_ino, dir};
    if (walk_dir(w, dir, frames, 0, l) != 0)
        return -1;
    if (l->n > before + 1)
        qsort(l->items + before, l->n - before, sizeof(char *), cmp_str);
    return 0;
}

void cs_walk_free(cs_walk *w)
{
    free(w->ids);
    w->ids = NULL;
    w->nids = w->ids_cap = 0;
}
