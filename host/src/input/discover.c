/* discover.c - the articles a command line names (rules: discover.h). */
#include "discover.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "ignore.h"

const char *const cs_discover_exts[] = {".md", ".markdown", ".html", ".htm", ".txt", NULL};

const char *const cs_discover_default_skips[] = {
    ".*", "node_modules/", "bower_components/", "jspm_packages/", "vendor/", "third_party/",
    "third-party/", "site-packages/", "__pycache__/", NULL};

#define IGNORE_FILE ".credscoreignore"

/* The patterns of one .credscoreignore.  An entry's path relative to its
 * folder is prefix + (its path below the folder walked + strip). */
typedef struct layer {
    cs_ignore ig;
    char *prefix;
    size_t strip;
    int depth; /* the walk depth of its folder; -1 above the folder walked */
} layer;

/* The state of the discovery of one command line. */
typedef struct disc {
    cs_ignore defaults, exclude, include;
    char *root_rel;  /* the folder walked below the project folder ("a/b/", or ""), or
                      * NULL when it is not below it ... */
    char *proj_below; /* ... but the project folder is below it ("c/d/"), or NULL:
                       * the config's globs apply to what lies below that */
    layer *layers;   /* outermost first */
    size_t n, cap;
    size_t skipped;  /* entries left out in the current walk */
    cs_buf path;     /* scratch */
    cs_diag *d;
    int stopped;     /* a filter stopped the walk: d says why */
} disc;

/* Push the patterns of ignore file `file` (shown as `shown`), if there is
 * one.  0, or -1 with D->d set. */
static int push_layer(disc *D, const char *file, const char *shown, const char *prefix,
                      size_t strip, int depth)
{
    layer ly = {{0}, NULL, strip, depth};
    int r = cs_ignore_load(&ly.ig, file, shown, D->d);
    if (r <= 0) {
        cs_ignore_free(&ly.ig);
        return r;
    }
    void *items = D->layers;
    if ((ly.prefix = cs_strdup(prefix)) == NULL ||
        cs_array_grow(&items, &D->cap, D->n + 1, sizeof(layer)) != 0) {
        free(ly.prefix);
        cs_ignore_free(&ly.ig);
        return cs_diag_set(D->d, "out of memory");
    }
    D->layers = items;
    D->layers[D->n++] = ly;
    return 0;
}

static void pop_layer(disc *D)
{
    layer *ly = &D->layers[--D->n];
    cs_ignore_free(&ly->ig);
    free(ly->prefix);
}

/* The verdict of list ig on prefix + rel (1 leave out, 0 keep, -1 no
 * pattern matches); -2 when out of memory. */
static int verdict_at(disc *D, const cs_ignore *ig, const char *prefix, const char *rel,
                      int is_dir)
{
    if (ig->n == 0)
        return -1;
    D->path.len = 0;
    if (cs_buf_puts(&D->path, prefix) != 0 || cs_buf_puts(&D->path, rel) != 0)
        return -2;
    return cs_ignore_verdict(ig, D->path.data, is_dir);
}

/* Does the config's `include` keep file prefix + rel (its path below the
 * project folder)?
 * The last include glob matching the file or one of its folders decides.
 * 1 yes, 0 no, -1 out of memory. */
static int included(disc *D, const char *prefix, const char *rel)
{
    D->path.len = 0;
    if (cs_buf_puts(&D->path, prefix) != 0 || cs_buf_puts(&D->path, rel) != 0)
        return -1;
    char *p = D->path.data;
    int v = -1;
    for (char *s = strchr(p, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        int r = cs_ignore_verdict(&D->include, p, 1);
        *s = '/';
        if (r >= 0)
            v = r;
    }
    int r = cs_ignore_verdict(&D->include, p, 0);
    if (r >= 0)
        v = r;
    return v == 1;
}

static int on_enter(void *ctx, const char *path, const char *rel, int depth)
{
    disc *D = ctx;
    char *file = cs_paths_join(path, IGNORE_FILE);
    if (file == NULL) {
        D->stopped = 1;
        return cs_diag_set(D->d, "out of memory");
    }
    int rc = push_layer(D, file, file, "", depth == 0 ? 0 : strlen(rel) + 1, depth);
    free(file);
    D->stopped = rc != 0;
    return rc;
}

static void on_leave(void *ctx, int depth)
{
    disc *D = ctx;
    while (D->n > 0 && D->layers[D->n - 1].depth >= depth)
        pop_layer(D);
}

static int on_keep(void *ctx, const char *path, const char *rel, int is_dir)
{
    disc *D = ctx;
    /* The entry's path below the project folder: pre + sub (pre NULL: it
     * is not below it). */
    const char *pre = D->root_rel, *sub = rel;
    size_t pb = D->proj_below ? strlen(D->proj_below) : 0;
    if (pb && strncmp(rel, D->proj_below, pb) == 0 && rel[pb] != '\0') {
        pre = "";
        sub = rel + pb;
    }
    int v = cs_ignore_verdict(&D->defaults, rel, is_dir);
    for (size_t i = 0; i <= D->n; i++) {
        int r;
        if (i == 0)
            r = pre ? verdict_at(D, &D->exclude, pre, sub, is_dir) : -1;
        else
            r = verdict_at(D, &D->layers[i - 1].ig, D->layers[i - 1].prefix,
                           rel + D->layers[i - 1].strip, is_dir);
        if (r == -2)
            goto oom;
        if (r >= 0)
            v = r;
    }
    if (v != 1 && !is_dir && pre && D->include.n) {
        int r = included(D, pre, sub);
        if (r < 0)
            goto oom;
        v = !r;
    }
    D->skipped += v == 1;
    return v != 1;
oom:
    D->stopped = 1;
    cs_diag_set(D->d, "out of memory");
    return -1;
}

/* Push the ignore file of folder proj + "/" + below[0..flen) (the whole
 * project folder when flen is 0) for a walk of proj/below: the entries'
 * paths relative to it are below[flen + 1..] + "/" + their paths below
 * the folder walked.  0, or -1 with D->d set. */
static int push_above(disc *D, const char *proj, const char *below, size_t flen)
{
    cs_buf folder = {0}, prefix = {0};
    char *file = NULL, *shown = NULL;
    int rc = -1;
    const char *rest = flen ? below + flen + 1 : below;
    if (cs_buf_printf(&folder, "%s%s%.*s", proj, flen && strcmp(proj, "/") != 0 ? "/" : "",
                      (int)flen, below) != 0 ||
        cs_buf_printf(&prefix, "%s/", rest) != 0 ||
        (file = cs_paths_join(folder.data, IGNORE_FILE)) == NULL ||
        (shown = cs_paths_display(file)) == NULL) {
        cs_diag_set(D->d, "out of memory");
        goto out;
    }
    rc = push_layer(D, file, shown, prefix.data, 0, -1);
out:
    free(file);
    free(shown);
    cs_buf_free(&folder);
    cs_buf_free(&prefix);
    return rc;
}

/* When project folder proj lies below real, the real path of the folder
 * walked, remember where.  0, or -1 with D->d set. */
static int set_proj_below(disc *D, const char *real, const char *proj)
{
    size_t rl = strlen(real);
    const char *below;
    if (strcmp(real, "/") == 0)
        below = proj + 1;
    else if (strncmp(proj, real, rl) == 0 && proj[rl] == '/')
        below = proj + rl + 1;
    else
        return 0;
    cs_buf b = {0};
    if (cs_buf_printf(&b, "%s/", below) != 0) {
        cs_buf_free(&b);
        return cs_diag_set(D->d, "out of memory");
    }
    D->proj_below = b.data;
    return 0;
}

/* Get ready to walk folder dir: where it lies below the project folder
 * (real path proj, or NULL), and the ignore files of the folders from
 * there down to its parent (on_enter reads its own).  0, or -1 with D->d
 * set. */
static int begin_walk(disc *D, const char *dir, const char *proj)
{
    char real[PATH_MAX];
    D->skipped = 0;
    if (proj == NULL || realpath(dir, real) == NULL)
        return 0;
    size_t pl = strlen(proj);
    const char *below;
    if (strcmp(real, proj) == 0)
        below = "";
    else if (strcmp(proj, "/") == 0)
        below = real + 1;
    else if (strncmp(real, proj, pl) == 0 && real[pl] == '/')
        below = real + pl + 1;
    else
        return set_proj_below(D, real, proj);
    cs_buf b = {0};
    if (cs_buf_printf(&b, "%s%s", below, *below ? "/" : "") != 0) {
        cs_buf_free(&b);
        return cs_diag_set(D->d, "out of memory");
    }
    D->root_rel = b.data;
    if (*below == '\0')
        return 0;
    for (const char *s = below;; s++) { /* each '/' of below ends a folder above dir */
        if (s == below || *s == '/')
            if (push_above(D, proj, below, (size_t)(s - below)) != 0)
                return -1;
        if (*s == '\0' || strchr(s + 1, '/') == NULL)
            break;
    }
    return 0;
}

/* After a walk: forget its folders' ignore files. */
static void end_walk(disc *D)
{
    while (D->n > 0)
        pop_layer(D);
    free(D->root_rel);
    free(D->proj_below);
    D->root_rel = D->proj_below = NULL;
}

/* Compile the lines of list[0..n) (or of a NULL-ended list when n is
 * (size_t)-1) into ig; the config checked its globs when it loaded. */
static int compile(cs_ignore *ig, const char *const *list, size_t n, const char *file,
                   cs_diag *d)
{
    for (size_t i = 0; n == (size_t)-1 ? list[i] != NULL : i < n; i++)
        if (cs_ignore_add(ig, list[i], strlen(list[i]), file, 0, d) != 0)
            return -1;
    return 0;
}

int cs_discover_articles(const cs_discover_opts *o, const char *const *args, size_t nargs,
                         cs_path_list *l, cs_diag *d)
{
    disc D;
    memset(&D, 0, sizeof D);
    D.d = d;
    cs_walk_filter filter = {on_enter, on_leave, on_keep, &D};
    cs_walk walk = {.exts = cs_discover_exts, .max_depth = 32, .warn = o->warn,
                    .warn_ctx = o->ctx, .filter = &filter};
    const cs_config *cfg = o->cfg;
    const char *cfg_file = cfg && cfg->path ? cfg->path : "credscore.yaml";
    char proj_real[PATH_MAX];
    const char *proj = realpath(o->project_dir ? o->project_dir : ".", proj_real);
    int rc = -1, status = 0;
    if (compile(&D.defaults, cs_discover_default_skips, (size_t)-1, "<built-in>", d) != 0 ||
        (cfg && compile(&D.exclude, (const char *const *)cfg->exclude, cfg->nexclude, cfg_file,
                        d) != 0) ||
        (cfg && compile(&D.include, (const char *const *)cfg->include, cfg->ninclude, cfg_file,
                        d) != 0))
        goto out;
    for (size_t i = 0; i < nargs; i++) {
        const char *a = args[i];
        struct stat st;
        if (strcmp(a, "-") == 0 || stat(a, &st) != 0 || !S_ISDIR(st.st_mode)) {
            if (cs_path_list_add(l, a) != 0) {
                cs_diag_set(d, "out of memory");
                goto out;
            }
            continue; /* a file named is taken as it is */
        }
        size_t before = l->n;
        if (begin_walk(&D, a, proj) != 0)
            goto out;
        int walked = cs_paths_walk(&walk, a, l); /* each real file once, sorted */
        end_walk(&D);
        if (walked < 0) {
            if (!D.stopped)
                cs_diag_set(d, "out of memory");
            goto out;
        }
        if (walked == 0 && l->n == before) {
            char msg[CS_DIAG_MAX];
            int k = snprintf(msg, sizeof msg,
                             "%s: folder holds no articles (.md, .markdown, .html, .htm, .txt)",
                             a);
            if (D.skipped && k > 0 && (size_t)k < sizeof msg)
                snprintf(msg + k, sizeof msg - (size_t)k,
                         "; the filters left out %zu entr%s (hidden and vendored folders, "
                         "exclude, include, .credscoreignore)",
                         D.skipped, D.skipped == 1 ? "y" : "ies");
            if (o->fail)
                o->fail(o->ctx, msg);
            status = 1;
        }
    }
    rc = status;
out:
    end_walk(&D);
    cs_walk_free(&walk);
    cs_ignore_free(&D.defaults);
    cs_ignore_free(&D.exclude);
    cs_ignore_free(&D.include);
    cs_buf_free(&D.path);
    free(D.layers);
    return rc;
}

int cs_discover_fixtures(const char *dir, cs_walk_warn_fn warn, void *ctx, cs_path_list *l)
{
    static const char *const exts[] = {".md", ".html", NULL};
    cs_walk w = {.exts = exts, .max_depth = 0, .warn = warn, .warn_ctx = ctx};
    size_t before = l->n;
    int rc = cs_paths_walk(&w, dir, l) < 0 ? -1 : 0;
    cs_walk_free(&w);
    /* The .md files first (a stable partition of the sorted list). */
    size_t n = l->n - before, k = 0;
    char **tmp = n ? malloc(n * sizeof *tmp) : NULL;
    if (n && tmp == NULL)
        return -1;
    for (int html = 0; html < 2; html++)
        for (size_t i = before; i < l->n; i++) {
            size_t len = strlen(l->items[i]);
            int is_md = len >= 3 && strcasecmp(l->items[i] + len - 3, ".md") == 0;
            if (is_md != html)
                tmp[k++] = l->items[i];
        }
    if (n)
        memcpy(l->items + before, tmp, n * sizeof *tmp);
    free(tmp);
    return rc;
}
