#include "plugin_host.h"

#include <dlfcn.h>
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "suggest.h"

/* ---- the host API offered to plugins ---- */

static void host_log(const credscore_host *host, int level, const char *message)
{
    cs_plugin *pl = host->host_data;
    if (pl->log == NULL || message == NULL)
        return;
    char line[1024];
    /* Before the descriptor is checked (a log from the entry) the plugin has
     * no name yet: its file stands in. */
    snprintf(line, sizeof line, "plugin %s: %s", pl->desc.name ? pl->desc.name : pl->path,
             message);
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
    for (size_t i = 0; i < pl->nrule_ids; i++) {
        const char *id = pl->rule_ids[i] + nlen + 1; /* the part after "NAME/" */
        if (id[0] == rule[0] && strcmp(id, rule) == 0)
            return pl->rule_ids[i];
    }
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
    for (size_t i = 0; i < pl->nmarkers && marker < 0; i++) /* mostly the declared string itself */
        if (pl->desc.markers[i] &&
            (pl->desc.markers[i] == f->marker || strcmp(pl->desc.markers[i], f->marker) == 0))
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
    if (f->confidence == 0 && pl->log && atomic_exchange(pl->warned_zero, 1) == 0) {
        /* confidence multiplies the weight: a field left unset scores nothing */
        char line[512];
        snprintf(line, sizeof line,
                 "plugin %s: rule '%s' reported a finding with confidence 0, so it scores "
                 "nothing (confidence left unset? give 0..1); said once per plugin and run",
                 pl->desc.name, rule + strlen(pl->desc.name) + 1);
        pl->log(pl->log_ctx, CREDSCORE_LOG_WARN, line);
    }
    return sink->accept(sink->ctx, pl, marker, rule, f);
}

/* Keep the reason of a failing score_passage: one line, cut at
 * CS_PLUGIN_ERROR_MAX bytes on a character boundary. */
static void host_set_error(credscore_sink *sink, const char *message)
{
    if (sink == NULL)
        return;
    size_t n = 0;
    if (message != NULL) {
        n = strlen(message);
        if (n > CS_PLUGIN_ERROR_MAX) {
            n = CS_PLUGIN_ERROR_MAX;
            while (n > 0 && is_continuation(message[n]))
                n--;
        }
        memcpy(sink->error, message, n);
    }
    sink->error[n] = '\0';
    for (char *c = sink->error; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';
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
    if (pl->warned_zero && pl->warned_zero != &pl->warned_local)
        munmap(pl->warned_zero, sizeof *pl->warned_zero);
    if (pl->handle)
        dlclose(pl->handle);
    pl->handle = NULL;
    free(pl->path);
    free(pl->source);
    free(pl->crash_note);
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

/* Most entries read from a descriptor's lists (plugin.h, LIMITS). */
#define MAX_MARKERS 64
#define MAX_OPTIONS 64
#define MAX_RULES 256

/* Check the option and rule lists a 1.1 descriptor declares (plugin.h,
 * LIMITS) and count them into pl->noptions / pl->nrules. */
static int check_declared(cs_plugin *pl, const char *path, cs_diag *d)
{
    const char *name = pl->desc.name;
    for (const credscore_option *op = pl->desc.options; op && op->name; op++) {
        if (pl->noptions >= MAX_OPTIONS)
            return cs_diag_at(d, path, 0, 0, "plugin '%s' declares more than %d options", name,
                              MAX_OPTIONS);
        if (op->name[0] == '\0' || strlen(op->name) > 64)
            return cs_diag_at(d, path, 0, 0,
                              "plugin '%s' declares an option whose name is empty or longer "
                              "than 64 bytes",
                              name);
        pl->noptions++;
    }
    for (const credscore_rule_info *r = pl->desc.rules; r && r->id; r++) {
        if (pl->nrules >= MAX_RULES)
            return cs_diag_at(d, path, 0, 0, "plugin '%s' declares more than %d rules", name,
                              MAX_RULES);
        if (!valid_name(r->id))
            return cs_diag_at(d, path, 0, 0,
                              "plugin '%s' declares rule '%.64s': a rule id must be 1-64 "
                              "characters of [a-z0-9_-]",
                              name, r->id);
        for (const credscore_rule_info *q = pl->desc.rules; q < r; q++)
            if (strcmp(q->id, r->id) == 0)
                return cs_diag_at(d, path, 0, 0, "plugin '%s' declares rule '%s' twice", name,
                                  r->id);
        int known = r->marker == NULL;
        for (size_t i = 0; !known && i < pl->nmarkers; i++)
            known = strcmp(pl->desc.markers[i], r->marker) == 0;
        if (!known)
            return cs_diag_at(d, path, 0, 0,
                              "plugin '%s' declares rule '%s' with marker '%.64s', which is not "
                              "among its markers",
                              name, r->id, r->marker);
        pl->nrules++;
    }
    return 0;
}

/* Every key of the plugin's `options:` must be one it declares (when it
 * declares a list): else an error at the key's config line, with a "did
 * you mean" and the list. */
static int check_options(const cs_plugin *pl, const cs_plugin_conf *pc, cs_diag *d)
{
    if (pl->desc.options == NULL || pc == NULL || pc->options == NULL)
        return 0;
    const cs_ynode *map = pc->options;
    for (size_t k = 0; k < map->npairs; k++) {
        const cs_ynode *key = map->pairs[k].key;
        const char *best = NULL;
        size_t bestd = (size_t)-1;
        int found = 0;
        for (size_t i = 0; i < pl->noptions && !found; i++) {
            found = strcmp(key->value, pl->desc.options[i].name) == 0;
            cs_suggest_consider(key->value, pl->desc.options[i].name, &best, &bestd);
        }
        if (found)
            continue;
        cs_buf list = {0};
        for (size_t i = 0; i < pl->noptions; i++)
            if (cs_buf_printf(&list, "%s%s", i ? ", " : "", pl->desc.options[i].name) != 0) {
                cs_buf_free(&list);
                return cs_diag_set(d, "out of memory");
            }
        char hint[128] = "";
        if (best)
            snprintf(hint, sizeof hint, " (did you mean '%s'?)", best);
        cs_diag_at(d, pc->file, key->line, key->col,
                   "plugin '%s' has no option '%.64s'%s; its options: %s", pl->desc.name,
                   key->value, hint, list.len ? list.data : "none");
        cs_buf_free(&list);
        return -1;
    }
    return 0;
}

/* Check the descriptor copied into pl (after the ABI and size checks):
 * callbacks, name, version, markers and the declared lists. */
static int check_descriptor(cs_plugin_set *ps, const cs_config *cfg, cs_plugin *pl,
                            const char *path, cs_diag *d)
{
    static const char *const required[] = {"create", "destroy", "score_passage"};
    const int present[] = {pl->desc.create != NULL, pl->desc.destroy != NULL,
                           pl->desc.score_passage != NULL};
    for (size_t i = 0; i < 3; i++)
        if (!present[i])
            return cs_diag_at(d, path, 0, 0, "required callback '%s' is NULL", required[i]);
    if (!valid_name(pl->desc.name))
        return cs_diag_at(d, path, 0, 0, "plugin name must be 1-64 characters of [a-z0-9_-]");
    if (pl->desc.version == NULL || *pl->desc.version == '\0')
        return cs_diag_at(d, path, 0, 0, "plugin '%s' has no version", pl->desc.name);
    if (pl->desc.markers == NULL || pl->desc.markers[0] == NULL)
        return cs_diag_at(d, path, 0, 0, "plugin '%s' declares no markers", pl->desc.name);
    for (size_t i = 0; i < ps->n; i++)
        if (strcmp(ps->items[i]->desc.name, pl->desc.name) == 0)
            return cs_diag_at(d, path, 0, 0, "a plugin named '%s' is already loaded (from %s)",
                              pl->desc.name, ps->items[i]->path);
    while (pl->desc.markers[pl->nmarkers] && pl->nmarkers <= MAX_MARKERS)
        pl->nmarkers++;
    if (pl->nmarkers > MAX_MARKERS)
        return cs_diag_at(d, path, 0, 0, "plugin '%s' declares more than %d markers",
                          pl->desc.name, MAX_MARKERS);
    pl->markers = calloc(pl->nmarkers, sizeof(int));
    if (pl->markers == NULL)
        return cs_diag_set(d, "out of memory");
    for (size_t i = 0; i < pl->nmarkers; i++) {
        pl->markers[i] = cs_config_marker_index(cfg, pl->desc.markers[i]);
        if (pl->markers[i] < 0)
            return cs_diag_at(d, path, 0, 0,
                              "plugin '%s' declares marker '%s', which the configuration does "
                              "not define (add it under markers: with a description and "
                              "default_weight)",
                              pl->desc.name, pl->desc.markers[i]);
    }
    return check_declared(pl, path, d);
}

int cs_plugin_open(cs_plugin_set *ps, const cs_config *cfg, const char *path,
                   const cs_plugin_conf *pc, const cs_plugin_load_opts *o, cs_diag *d)
{
    int rc = -1;
    char *real = NULL; /* the checked real path (NULL with --allow-insecure-plugins) */
    /* Allocated first and never moved: &pl->host is what the entry and
     * create receive, and it must stay valid until destroy returns. */
    cs_plugin *pl = calloc(1, sizeof *pl);
    if (pl == NULL)
        return cs_diag_set(d, "out of memory");
    pl->log = o ? o->log : NULL;
    pl->log_ctx = o ? o->log_ctx : NULL;
    /* shared with the workers forked later, so that they warn once in all */
    void *page = mmap(NULL, sizeof(atomic_int), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pl->warned_zero = page != MAP_FAILED ? page : &pl->warned_local;
    atomic_init(pl->warned_zero, 0);
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
    pl->path = cs_strdup(path);
    if (pl->path == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    dlerror();
    pl->handle = dlopen(real ? real : path, RTLD_NOW | RTLD_LOCAL);
    if (pl->handle == NULL) {
        const char *e = dlerror();
        cs_diag_at(d, path, 0, 0, "not a loadable shared object: %s", e ? e : "dlopen failed");
        goto out;
    }
    void *sym = dlsym(pl->handle, CREDSCORE_PLUGIN_ENTRY_SYMBOL);
    if (sym == NULL) {
        cs_diag_at(d, path, 0, 0, "no '%s' symbol: not a credscore plugin",
                   CREDSCORE_PLUGIN_ENTRY_SYMBOL);
        goto out;
    }
    pl->host = (credscore_host){
        .struct_size = sizeof(credscore_host),
        .abi_major = CREDSCORE_ABI_MAJOR,
        .abi_minor = CREDSCORE_ABI_MINOR,
        .host_data = pl,
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
        .set_error = host_set_error,
    };
    credscore_plugin_entry_fn entry;
    memcpy(&entry, &sym, sizeof entry);
    const credscore_plugin *desc = entry(&pl->host);
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
    memset(&pl->desc, 0, sizeof pl->desc);
    memcpy(&pl->desc, desc,
           desc->struct_size < sizeof pl->desc ? desc->struct_size : sizeof pl->desc);
    if (check_descriptor(ps, cfg, pl, path, d) != 0 || check_options(pl, pc, d) != 0)
        goto out;
    cs_buf src = {0};
    if (cs_buf_printf(&src, "plugin:%s", pl->desc.name) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    pl->source = src.data;
    cs_buf note = {0};
    if (cs_buf_printf(&note, "plugin %s", pl->desc.name) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    pl->crash_note = note.data;
    pl->crash_note_len = note.len;
    pl->options.map = pc ? pc->options : NULL;
    void *items = ps->items;
    if (cs_array_grow(&items, &ps->cap, ps->n + 1, sizeof(cs_plugin *)) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    ps->items = items;
    char err[512] = "";
    if (pl->desc.create(&pl->host, &pl->options, &pl->instance, err, sizeof err) != 0) {
        err[sizeof err - 1] = '\0';
        cs_diag_at(d, path, 0, 0, "plugin '%s' failed to start: %s", pl->desc.name,
                   err[0] ? err : "create returned an error");
        pl->instance = NULL;
        goto out;
    }
    ps->items[ps->n++] = pl;
    pl = NULL;
    rc = 0;
out:
    free(real);
    if (pl != NULL) {
        unload(pl);
        free(pl);
    }
    return rc;
}

const credscore_rule_info *cs_plugin_rule_info(const cs_plugin *pl, const char *rule)
{
    for (size_t i = 0; i < pl->nrules; i++)
        if (strcmp(pl->desc.rules[i].id, rule) == 0)
            return &pl->desc.rules[i];
    return NULL;
}

const cs_plugin *cs_plugins_find_rule(const cs_plugin_set *ps, const char *rule_id,
                                      const credscore_rule_info **info)
{
    *info = NULL;
    for (size_t i = 0; ps && i < ps->n; i++) {
        const cs_plugin *pl = ps->items[i];
        size_t nl = strlen(pl->desc.name);
        if (strncmp(rule_id, pl->desc.name, nl) == 0 && rule_id[nl] == '/') {
            *info = cs_plugin_rule_info(pl, rule_id + nl + 1);
            return pl;
        }
    }
    return NULL;
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
        int rc = cs_plugin_open(ps, cfg, path, pc, o, d);
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
