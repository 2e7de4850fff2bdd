#include "plugin_host.h"

#include <dlfcn.h>
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* ---- the host API offered to plugins ---- */

static void host_log(const credscore_host *host, int level, const char *message)
{
    cs_plugin *pl = host->host_data;
    if (pl->log == NULL || message == NULL)
        return;
    char line[1024];
    snprintf(line, sizeof line, "plugin %s: %s", pl->desc.name, message);
    pl->log(pl->log_ctx, level, line);
}

static void warn_drop(cs_plugin *pl, const char *why)
{
    if (pl->log == NULL)
        return;
    pl->warnings++;
    if (pl->warnings > 10)
        return;
    char line[512];
    snprintf(line, sizeof line, "plugin %s: dropped a finding: %s%s", pl->desc.name, why,
             pl->warnings == 10 ? " (further drops not reported)" : "");
    pl->log(pl->log_ctx, CREDSCORE_LOG_WARN, line);
}

static const char *intern_rule(cs_plugin *pl, const char *rule)
{
    if (rule == NULL || *rule == '\0')
        rule = "finding";
    size_t nlen = strlen(pl->desc.name);
    for (size_t i = 0; i < pl->nrule_ids; i++)
        if (strcmp(pl->rule_ids[i] + nlen + 1, rule) == 0)
            return pl->rule_ids[i];
    if (pl->nrule_ids >= 256) /* a plugin inventing ids per call: fold them */
        return pl->rule_ids[0];
    void *items = pl->rule_ids;
    if (cs_array_grow(&items, &pl->rule_ids_cap, pl->nrule_ids + 1, sizeof(char *)) != 0)
        return NULL;
    pl->rule_ids = items;
    cs_buf b = {0};
    if (cs_buf_printf(&b, "%s/%s", pl->desc.name, rule) != 0)
        return NULL;
    pl->rule_ids[pl->nrule_ids++] = b.data;
    return b.data;
}

/* A UTF-8 continuation byte (10xxxxxx): not where a character starts.  The
 * passage's closing NUL is not one, so a span may end at the end. */
static int is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

static int host_emit(credscore_sink *sink, const credscore_finding *f)
{
    cs_plugin *pl = sink->plugin;
    char why[256];
    if (f == NULL || f->marker == NULL) {
        warn_drop(pl, "no marker");
        return -1;
    }
    int marker = -1;
    for (size_t i = 0; i < pl->nmarkers; i++)
        if (pl->desc.markers[i] && strcmp(pl->desc.markers[i], f->marker) == 0)
            marker = pl->markers[i];
    if (marker < 0) {
        snprintf(why, sizeof why, "marker '%.64s' is not among the markers it declares",
                 f->marker);
        warn_drop(pl, why);
        return -1;
    }
    if (f->start >= f->end || f->end > sink->passage_len) {
        snprintf(why, sizeof why, "span %zu..%zu is outside the passage (length %zu)", f->start,
                 f->end, sink->passage_len);
        warn_drop(pl, why);
        return -1;
    }
    if (sink->passage_text && (is_continuation(sink->passage_text[f->start]) ||
                               is_continuation(sink->passage_text[f->end]))) {
        snprintf(why, sizeof why, "span %zu..%zu splits a UTF-8 character", f->start, f->end);
        warn_drop(pl, why);
        return -1;
    }
    if (f->has_weight && !(fabs(f->weight) <= CS_WEIGHT_MAX)) { /* also NaN */
        snprintf(why, sizeof why, "weight %g is not a number from %g to %g", f->weight,
                 -CS_WEIGHT_MAX, CS_WEIGHT_MAX);
        warn_drop(pl, why);
        return -1;
    }
    const char *rule = intern_rule(pl, f->rule);
    if (rule == NULL)
        return -1;
    return sink->accept(sink->ctx, pl, marker, rule, f);
}

static void *host_alloc(size_t size)
{
    return malloc(size);
}

static void host_free(void *p)
{
    free(p);
}

/* ---- loading ---- */

enum { TRUSTED, WORLD_WRITABLE, FOREIGN_OWNER };

/* Whether a file (folder = 0) or folder with status st can be trusted to
 * hold code the caller runs: not when it is writable by every user (a
 * folder with the sticky bit, like /tmp, is fine: nobody can replace
 * another's file there), or owned by a user other than the caller and
 * root.  Group-writable is left to the administrator. */
static int distrust(const struct stat *st, int folder)
{
    if ((st->st_mode & S_IWOTH) && !(folder && (st->st_mode & S_ISVTX)))
        return WORLD_WRITABLE;
    if (st->st_uid != 0 && st->st_uid != geteuid())
        return FOREIGN_OWNER;
    return TRUSTED;
}

/* Check the plugin at path where it really is: its real path (symlinks
 * resolved) and every folder above it up to '/' (see distrust).  0 with
 * the malloc'd real path in *real (the file to dlopen, so that a link
 * swapped after the check cannot redirect the load), or -1 with d naming
 * the file or folder and the reason. */
static int insecure(const char *path, char **real, cs_diag *d)
{
    int rc = -1;
    struct stat st;
    char *dir = NULL;
    *real = realpath(path, NULL);
    if (*real == NULL) {
        cs_diag_at(d, path, 0, 0, "cannot resolve the plugin's path: %s", strerror(errno));
        goto out;
    }
    const char *via = strcmp(*real, path) != 0 ? *real : NULL; /* say where it led */
    if (stat(*real, &st) != 0) {
        cs_diag_at(d, path, 0, 0, "cannot open plugin: %s", strerror(errno));
        goto out;
    }
    int why = distrust(&st, 0);
    if (why == WORLD_WRITABLE) {
        cs_diag_at(d, path, 0, 0,
                   "refusing a world-writable plugin file%s%s%s (chmod o-w it, or pass "
                   "--allow-insecure-plugins)",
                   via ? " (it is " : "", via ? via : "", via ? ")" : "");
        goto out;
    }
    if (why == FOREIGN_OWNER) {
        cs_diag_at(d, path, 0, 0,
                   "refusing a plugin file owned by another user%s%s%s (uid %u is neither you "
                   "nor root; or pass --allow-insecure-plugins)",
                   via ? " (it is " : "", via ? via : "", via ? ")" : "", (unsigned)st.st_uid);
        goto out;
    }
    dir = cs_strdup(*real);
    if (dir == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    for (char *slash = strrchr(dir, '/'); slash != NULL; slash = strrchr(dir, '/')) {
        if (slash == dir) { /* the last one: '/' itself */
            if (dir[1] == '\0')
                break;
            dir[1] = '\0';
        } else {
            *slash = '\0';
        }
        if (stat(dir, &st) != 0) {
            cs_diag_at(d, path, 0, 0, "cannot check the folder %s: %s", dir, strerror(errno));
            goto out;
        }
        if ((why = distrust(&st, 1)) != TRUSTED) {
            cs_diag_at(d, path, 0, 0,
                       "refusing a plugin in the %sfolder %s%s (mode %04o, uid %u)%s%s: %s "
                       "could replace it (or pass --allow-insecure-plugins)",
                       why == WORLD_WRITABLE ? "world-writable " : "", dir,
                       why == WORLD_WRITABLE ? "" : ", owned by another user",
                       (unsigned)(st.st_mode & 07777), (unsigned)st.st_uid,
                       via ? "; the plugin is " : "", via ? via : "",
                       why == WORLD_WRITABLE ? "others" : "its owner");
            goto out;
        }
    }
    rc = 0;
out:
    free(dir);
    if (rc != 0) {
        free(*real);
        *real = NULL;
    }
    return rc;
}

static void unload(cs_plugin *pl)
{
    if (pl->instance && pl->desc.destroy)
        pl->desc.destroy(pl->instance);
    pl->instance = NULL;
    if (pl->handle)
        dlclose(pl->handle);
    pl->handle = NULL;
    free(pl->path);
    free(pl->source);
    free(pl->markers);
    for (size_t i = 0; i < pl->nrule_ids; i++)
        free(pl->rule_ids[i]);
    free(pl->rule_ids);
    memset(pl, 0, sizeof *pl);
}

static int valid_name(const char *s)
{
    if (s == NULL || *s == '\0' || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

int cs_plugin_open(cs_plugin_set *ps, const cs_config *cfg, const char *path,
                   const credscore_options *options, const cs_plugin_load_opts *o, cs_diag *d)
{
    int rc = -1;
    char *real = NULL; /* the checked real path (NULL with --allow-insecure-plugins) */
    cs_plugin pl;
    memset(&pl, 0, sizeof pl);
    pl.log = o ? o->log : NULL;
    pl.log_ctx = o ? o->log_ctx : NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        cs_diag_at(d, path, 0, 0, "cannot open plugin: %s", strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        cs_diag_at(d, path, 0, 0, "plugin is not a regular file");
        goto out;
    }
    if (!(o && o->allow_insecure) && insecure(path, &real, d) != 0)
        goto out;
    pl.path = cs_strdup(path);
    if (pl.path == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    dlerror();
    pl.handle = dlopen(real ? real : path, RTLD_NOW | RTLD_LOCAL);
    if (pl.handle == NULL) {
        const char *e = dlerror();
        cs_diag_at(d, path, 0, 0, "not a loadable shared object: %s", e ? e : "dlopen failed");
        goto out;
    }
    void *sym = dlsym(pl.handle, CREDSCORE_PLUGIN_ENTRY_SYMBOL);
    if (sym == NULL) {
        cs_diag_at(d, path, 0, 0, "no '%s' symbol: not a credscore plugin",
                   CREDSCORE_PLUGIN_ENTRY_SYMBOL);
        goto out;
    }
    pl.host = (credscore_host){
        .struct_size = sizeof(credscore_host),
        .abi_major = CREDSCORE_ABI_MAJOR,
        .abi_minor = CREDSCORE_ABI_MINOR,
        .host_data = NULL, /* set once the plugin has its final address */
        .emit = host_emit,
        .log = host_log,
        .alloc = host_alloc,
        .free = host_free,
        .option_string = cs_options_string,
        .option_int = cs_options_int,
        .option_double = cs_options_double,
        .option_bool = cs_options_bool,
        .option_list_count = cs_options_list_count,
        .option_list_item = cs_options_list_item,
    };
    credscore_plugin_entry_fn entry;
    memcpy(&entry, &sym, sizeof entry);
    /* The entry must not touch host_data yet; it is a plain handshake. */
    const credscore_plugin *desc = entry(&pl.host);
    if (desc == NULL) {
        cs_diag_at(d, path, 0, 0, "%s returned NULL", CREDSCORE_PLUGIN_ENTRY_SYMBOL);
        goto out;
    }
    if (desc->abi_major != CREDSCORE_ABI_MAJOR) {
        cs_diag_at(d, path, 0, 0,
                   "built for plugin ABI %u.%u, but this credscore speaks ABI %d.%d: rebuild "
                   "the plugin against this credscore's plugin.h",
                   desc->abi_major, desc->abi_minor, CREDSCORE_ABI_MAJOR, CREDSCORE_ABI_MINOR);
        goto out;
    }
    if (desc->abi_minor > CREDSCORE_ABI_MINOR) {
        cs_diag_at(d, path, 0, 0,
                   "built against plugin ABI %u.%u, newer than this credscore's %d.%d: "
                   "upgrade credscore",
                   desc->abi_major, desc->abi_minor, CREDSCORE_ABI_MAJOR, CREDSCORE_ABI_MINOR);
        goto out;
    }
    if (desc->struct_size < CREDSCORE_PLUGIN_MIN_SIZE) {
        cs_diag_at(d, path, 0, 0,
                   "plugin descriptor is %u bytes, smaller than the %zu the ABI %d.x requires",
                   desc->struct_size, (size_t)CREDSCORE_PLUGIN_MIN_SIZE, CREDSCORE_ABI_MAJOR);
        goto out;
    }
    /* Copy what the plugin knows into a zeroed descriptor of our size. */
    memset(&pl.desc, 0, sizeof pl.desc);
    memcpy(&pl.desc, desc,
           desc->struct_size < sizeof pl.desc ? desc->struct_size : sizeof pl.desc);
    static const char *const required[] = {"create", "destroy", "score_passage"};
    const void *fns[] = {(const void *)(size_t)(pl.desc.create != NULL),
                         (const void *)(size_t)(pl.desc.destroy != NULL),
                         (const void *)(size_t)(pl.desc.score_passage != NULL)};
    for (size_t i = 0; i < 3; i++)
        if (fns[i] == NULL) {
            cs_diag_at(d, path, 0, 0, "required callback '%s' is NULL", required[i]);
            goto out;
        }
    if (!valid_name(pl.desc.name)) {
        cs_diag_at(d, path, 0, 0, "plugin name must be 1-64 characters of [a-z0-9_-]");
        goto out;
    }
    if (pl.desc.version == NULL || *pl.desc.version == '\0') {
        cs_diag_at(d, path, 0, 0, "plugin '%s' has no version", pl.desc.name);
        goto out;
    }
    if (pl.desc.markers == NULL || pl.desc.markers[0] == NULL) {
        cs_diag_at(d, path, 0, 0, "plugin '%s' declares no markers", pl.desc.name);
        goto out;
    }
    for (size_t i = 0; i < ps->n; i++)
        if (strcmp(ps->items[i]->desc.name, pl.desc.name) == 0) {
            cs_diag_at(d, path, 0, 0, "a plugin named '%s' is already loaded (from %s)",
                       pl.desc.name, ps->items[i]->path);
            goto out;
        }
    while (pl.desc.markers[pl.nmarkers] && pl.nmarkers < 64)
        pl.nmarkers++;
    pl.markers = calloc(pl.nmarkers, sizeof(int));
    if (pl.markers == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < pl.nmarkers; i++) {
        pl.markers[i] = cs_config_marker_index(cfg, pl.desc.markers[i]);
        if (pl.markers[i] < 0) {
            cs_diag_at(d, path, 0, 0,
                       "plugin '%s' declares marker '%s', which the configuration does not "
                       "define (add it under markers: with a description and default_weight)",
                       pl.desc.name, pl.desc.markers[i]);
            goto out;
        }
    }
    cs_buf src = {0};
    if (cs_buf_printf(&src, "plugin:%s", pl.desc.name) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    pl.source = src.data;
    pl.options.map = options ? options->map : NULL;
    void *items = ps->items;
    if (cs_array_grow(&items, &ps->cap, ps->n + 1, sizeof(cs_plugin *)) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    ps->items = items;
    cs_plugin *slot = malloc(sizeof *slot);
    if (slot == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    *slot = pl;
    memset(&pl, 0, sizeof pl);
    slot->host.host_data = slot;
    char err[512] = "";
    if (slot->desc.create(&slot->host, &slot->options, &slot->instance, err, sizeof err) != 0) {
        cs_diag_at(d, path, 0, 0, "plugin '%s' failed to start: %s", slot->desc.name,
                   err[0] ? err : "create returned an error");
        slot->instance = NULL;
        unload(slot);
        free(slot);
        goto out;
    }
    ps->items[ps->n++] = slot;
    rc = 0;
out:
    free(real);
    unload(&pl);
    return rc;
}

static int find_by_name(const char *name, const cs_plugin_load_opts *o, char **out, cs_diag *d)
{
    cs_buf tried = {0};
    for (size_t i = 0; o && i < o->nsearch_dirs; i++) {
        cs_buf p = {0};
        if (cs_buf_printf(&p, "%s/%s.so", o->search_dirs[i], name) != 0) {
            cs_buf_free(&tried);
            return cs_diag_set(d, "out of memory");
        }
        if (access(p.data, F_OK) == 0) {
            cs_buf_free(&tried);
            *out = p.data;
            return 0;
        }
        cs_buf_printf(&tried, "%s%s", tried.len ? ", " : "", o->search_dirs[i]);
        cs_buf_free(&p);
    }
    cs_diag_set(d, "plugin '%s' not found (searched: %s)", name,
                tried.data ? tried.data : "no folders");
    cs_buf_free(&tried);
    return -1;
}

int cs_plugins_load(cs_plugin_set *ps, const cs_config *cfg, const cs_plugin_load_opts *o,
                    cs_diag *d)
{
    for (size_t i = 0; i < cfg->nplugins; i++) {
        const cs_plugin_conf *pc = &cfg->plugins[i];
        char *path = NULL;
        cs_diag inner;
        if (pc->path) {
            path = cs_strdup(pc->path);
            if (path == NULL)
                return cs_diag_set(d, "out of memory");
        } else if (find_by_name(pc->name, o, &path, &inner) != 0) {
            return cs_diag_at(d, pc->file, pc->line, pc->col, "%s", inner.msg);
        }
        credscore_options opts = {pc->options};
        int rc = cs_plugin_open(ps, cfg, path, &opts, o, d);
        free(path);
        if (rc != 0)
            return -1;
    }
    return 0;
}

void cs_plugins_free(cs_plugin_set *ps)
{
    for (size_t i = ps->n; i-- > 0;) {
        unload(ps->items[i]);
        free(ps->items[i]);
    }
    free(ps->items);
    ps->items = NULL;
    ps->n = ps->cap = 0;
}
