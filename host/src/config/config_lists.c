/*
 * config_lists.c - the list sections of credscore.yaml: rules,
 * plugin_paths, plugins, rule_overrides, bands, include, exclude
 * (config_lists.h).  Each is described by a list_spec: how one entry is
 * read, how the whole list is checked and installed, how it is freed.
 */
#include "config_lists.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ignore.h"

static const char *const override_keys[] = {"weight", "level", "enabled", NULL};
static const char *const plugin_keys[] = {"name", "path", "options", NULL};
static const char *const band_keys[] = {"min", "verdict", NULL};

/* A relative path joined to dir; "@default" and absolute paths as is. */
static char *resolve_path(const char *dir, const char *p)
{
    if (p[0] == '/' || p[0] == '@' || dir == NULL || strcmp(dir, ".") == 0)
        return cs_strdup(p);
    cs_buf b = {0};
    size_t dl = strlen(dir);
    if (cs_buf_append(&b, dir, dl) != 0 ||
        (dl > 0 && dir[dl - 1] != '/' && cs_buf_putc(&b, '/') != 0) || cs_buf_puts(&b, p) != 0) {
        cs_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The free_* functions release an array of n entries and what each owns;
 * they take void * so that a list_spec can hold them. */
static void free_strings(void *items, size_t n)
{
    char **v = items;
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_plugins(void *items, size_t n)
{
    cs_plugin_conf *v = items;
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].path);
    }
    free(v);
}

static void free_overrides(void *items, size_t n)
{
    cs_rule_override *v = items;
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

static void free_bands(void *items, size_t n)
{
    cs_band *v = items;
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i].verdict);
    free(v);
}

/* Release list old (of *count entries) with free_items, set *count to n
 * and return items, for the caller to store where old was. */
static void *replace_list(void *old, size_t *count, void *items, size_t n,
                          void (*free_items)(void *, size_t))
{
    free_items(old, *count);
    *count = n;
    return items;
}

/* Reads one entry of a list section into items[i] (zeroed; items[0..i)
 * are done).  key is the entry's key in a mapping section, else NULL; v
 * its value; where names it in messages ("plugins[2]",
 * "rule_overrides.x").  Returns 0, or -1 with L->d filled (what the entry
 * holds so far is freed with the list). */
typedef int (*entry_fn)(cfg_loader *L, const cs_ynode *key, const cs_ynode *v, const char *where,
                        void *items, size_t i);

/* A section whose value replaces one list of the configuration. */
typedef struct list_spec {
    const char *what; /* the section's key */
    cs_ykind kind;    /* a sequence, or a mapping of key -> entry */
    size_t size;      /* bytes of one entry */
    entry_fn entry;
    /* Check the whole list and install it in L->c, freeing the list it
     * replaces: 0 having taken items over, or -1 with L->d filled and
     * items left to the caller. */
    int (*install)(cfg_loader *L, const cs_ynode *v, void *items, size_t n);
    void (*free_items)(void *items, size_t n);
} list_spec;

/* Read list section v (null is an empty list) as `spec` says and install
 * it.  Returns 0, or -1 with L->d filled and the configuration as it was. */
static int apply_list(cfg_loader *L, const cs_ynode *v, const list_spec *spec)
{
    int rc = -1;
    void *items = NULL;
    size_t n = 0, want = 0;
    int kind = cfg_want_container(L, v, spec->what, spec->kind);
    if (kind < 0)
        goto out;
    want = kind == 0 ? 0 : spec->kind == CS_YNODE_MAPPING ? v->npairs : v->nitems;
    if (want > 0 && (items = calloc(want, spec->size)) == NULL) {
        cs_diag_set(L->d, "out of memory");
        goto out;
    }
    for (; n < want; n++) {
        const cs_ynode *key = NULL, *it;
        char where[128], cb[80];
        if (spec->kind == CS_YNODE_MAPPING) {
            key = v->pairs[n].key;
            it = v->pairs[n].value;
            snprintf(where, sizeof where, "%s.%s", spec->what, cfg_clip(key->value, cb, sizeof cb));
        } else {
            it = v->items[n];
            snprintf(where, sizeof where, "%s[%zu]", spec->what, n);
        }
        if (spec->entry(L, key, it, where, items, n) != 0)
            goto out;
    }
    if (spec->install(L, v, items, n) != 0)
        goto out;
    items = NULL;
    rc = 0;
out:
    spec->free_items(items, want); /* calloc'd: unused slots are zero */
    return rc;
}

/* rules / plugin_paths: one path, resolved into *out; a bundled pack
 * ("@...") only in rules, and only "@default". */
static int path_entry(cfg_loader *L, const cs_ynode *it, const char *where, int rules, char **out)
{
    int rc = -1;
    char *s = NULL;
    if (cfg_get_string(L, it, where, 1, &s) != 0)
        goto out;
    if (s[0] == '@' && (!rules || strcmp(s, "@default") != 0)) {
        char cb[64];
        cs_diag_at(L->d, L->file, it->line, it->col,
                   "%s: unknown bundled pack '%s' (only \"@default\" exists)", where,
                   cfg_clip(s, cb, sizeof cb));
        goto out;
    }
    if ((*out = resolve_path(L->c->dir, s)) == NULL) {
        cs_diag_set(L->d, "out of memory");
        goto out;
    }
    rc = 0;
out:
    free(s);
    return rc;
}

static int rule_path_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *it,
                           const char *where, void *items, size_t i)
{
    return path_entry(L, it, where, 1, (char **)items + i);
}

static int plugin_path_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *it,
                             const char *where, void *items, size_t i)
{
    return path_entry(L, it, where, 0, (char **)items + i);
}

static int set_rule_paths(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->rule_paths = replace_list(L->c->rule_paths, &L->c->nrule_paths, items, n, free_strings);
    return 0;
}

static int set_plugin_paths(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->plugin_paths =
        replace_list(L->c->plugin_paths, &L->c->nplugin_paths, items, n, free_strings);
    return 0;
}

/* plugins[i]: a bare name, or a mapping with name or path and options. */
static int plugin_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
                        void *items, size_t i)
{
    cs_plugin_conf *p = (cs_plugin_conf *)items + i;
    char cb[80];
    p->file = L->file;
    p->line = it->line;
    p->col = it->col;
    const cs_ynode *name = NULL, *path = NULL;
    if (it->kind == CS_YNODE_SCALAR && !cs_ynode_is_null(it)) {
        name = it;
    } else if (it->kind == CS_YNODE_MAPPING) {
        if (cfg_check_keys(L, it, where, plugin_keys) != 0)
            return -1;
        name = cs_ynode_get(it, "name");
        path = cs_ynode_get(it, "path");
        const cs_ynode *opts = cs_ynode_get(it, "options");
        char what[96];
        snprintf(what, sizeof what, "%s.options", where);
        if (opts != NULL) {
            int kind = cfg_want_mapping(L, opts, what);
            if (kind < 0)
                return -1;
            p->options = kind ? opts : NULL;
        }
    } else {
        return cfg_type_error(L, it, where, "a plugin name or a mapping");
    }
    if ((name == NULL) == (path == NULL))
        return cs_diag_at(L->d, L->file, it->line, it->col,
                          "%s: give either 'name' or 'path' (exactly one)", where);
    if (name != NULL) {
        char what[96];
        snprintf(what, sizeof what, "%s.name", where);
        if (cfg_get_string(L, name, what, 1, &p->name) != 0)
            return -1;
        if (!cfg_valid_name(p->name, 1))
            return cs_diag_at(L->d, L->file, name->line, name->col,
                              "%s: plugin name '%s' must match [a-z0-9_-]+", what,
                              cfg_clip(p->name, cb, sizeof cb));
        return 0;
    }
    char what[96], *s = NULL;
    snprintf(what, sizeof what, "%s.path", where);
    if (cfg_get_string(L, path, what, 1, &s) != 0)
        return -1;
    p->path = resolve_path(L->c->dir, s);
    free(s);
    if (p->path == NULL)
        return cs_diag_set(L->d, "out of memory");
    return 0;
}

static int set_plugins(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->plugins = replace_list(L->c->plugins, &L->c->nplugins, items, n, free_plugins);
    return 0;
}

/* rule_overrides.ID.KEY into the cs_rule_override obj. */
static int override_field(cfg_loader *L, const char *k, const cs_ynode *v, const char *what,
                          void *obj)
{
    cs_rule_override *o = obj;
    int rc;
    if (strcmp(k, "weight") == 0)
        o->has_weight = (rc = cfg_get_weight(L, v, what, &o->weight)) == 0;
    else if (strcmp(k, "level") == 0)
        o->has_level = (rc = cfg_get_level(L, v, what, &o->level)) == 0;
    else
        rc = cfg_get_bool(L, v, what, &o->enabled);
    return rc;
}

/* rule_overrides.ID: {weight, level, enabled}, or null for no change. */
static int override_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *val,
                          const char *where, void *items, size_t i)
{
    cs_rule_override *o = (cs_rule_override *)items + i;
    o->enabled = 1;
    if (key->value[0] == '\0')
        return cs_diag_at(L->d, L->file, key->line, key->col, "rule_overrides: empty rule id");
    if ((o->id = cs_strdup(key->value)) == NULL)
        return cs_diag_set(L->d, "out of memory");
    int mk = cfg_want_settings(L, val, where, override_keys);
    if (mk <= 0)
        return mk;
    return cfg_apply_fields(L, val, where, override_field, o);
}

static int set_overrides(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->overrides = replace_list(L->c->overrides, &L->c->noverrides, items, n, free_overrides);
    return 0;
}

static int band_cmp(const void *pa, const void *pb)
{
    const cs_band *a = pa, *b = pb;
    return a->min < b->min ? 1 : a->min > b->min ? -1 : 0;
}

/* bands[i]: {min, verdict}, min unlike the mins of the bands before it. */
static int band_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
                      void *items, size_t i)
{
    cs_band *bands = items;
    char what[64];
    int mk = cfg_want_settings(L, it, where, band_keys);
    if (mk <= 0)
        return mk == 0 ? cfg_type_error(L, it, where, "a mapping") : -1;
    const cs_ynode *min = cs_ynode_get(it, "min"), *verdict = cs_ynode_get(it, "verdict");
    if (min == NULL || verdict == NULL)
        return cs_diag_at(L->d, L->file, it->line, it->col,
                          "%s: needs both 'min' and 'verdict'", where);
    snprintf(what, sizeof what, "%s.min", where);
    if (cfg_get_number_range(L, min, what, 0, 100, &bands[i].min) != 0)
        return -1;
    snprintf(what, sizeof what, "%s.verdict", where);
    if (cfg_get_string(L, verdict, what, 1, &bands[i].verdict) != 0)
        return -1;
    for (size_t j = 0; j < i; j++)
        if (bands[j].min == bands[i].min)
            return cs_diag_at(L->d, L->file, min->line, min->col,
                              "%s.min: another band has min %g", where, bands[i].min);
    return 0;
}

/* One band must start at 0; stored highest min first. */
static int set_bands(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    cs_band *bands = items;
    int has_zero = 0;
    for (size_t i = 0; i < n; i++)
        has_zero |= bands[i].min == 0;
    if (!has_zero)
        return cs_diag_at(L->d, L->file, v->line, v->col,
                          "bands: no band has min 0; the lowest band must start at 0 so that "
                          "every score gets a verdict");
    qsort(bands, n, sizeof *bands, band_cmp);
    L->c->bands = replace_list(L->c->bands, &L->c->nbands, bands, n, free_bands);
    return 0;
}

/* include[i] / exclude[i]: one glob in gitignore syntax (ignore.h),
 * checked here so that a bad one is an error naming its line. */
static int glob_entry(cfg_loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
                      void *items, size_t i)
{
    char *s = NULL, cb[80];
    cs_glob g;
    const char *why = "";
    size_t at = 0;
    if (cfg_get_string(L, it, where, 1, &s) != 0)
        return -1;
    int r = cs_glob_parse(s, strlen(s), &g, &why, &at);
    if (r == 1) {
        cs_glob_free(&g);
        ((char **)items)[i] = s;
        return 0;
    }
    cs_diag_at(L->d, L->file, it->line, it->col, "%s: bad glob '%s': %s", where,
               cfg_clip(s, cb, sizeof cb), r == 0 ? "blank, or a '#' comment" : why);
    free(s);
    return -1;
}

static int set_include(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->include = replace_list(L->c->include, &L->c->ninclude, items, n, free_strings);
    return 0;
}

static int set_exclude(cfg_loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->exclude = replace_list(L->c->exclude, &L->c->nexclude, items, n, free_strings);
    return 0;
}

static const list_spec include_list = {"include", CS_YNODE_SEQUENCE, sizeof(char *), glob_entry,
                                        set_include, free_strings};
static const list_spec exclude_list = {"exclude", CS_YNODE_SEQUENCE, sizeof(char *), glob_entry,
                                        set_exclude, free_strings};
static const list_spec rules_list = {"rules", CS_YNODE_SEQUENCE, sizeof(char *),
                                      rule_path_entry, set_rule_paths, free_strings};
static const list_spec plugin_paths_list = {"plugin_paths", CS_YNODE_SEQUENCE, sizeof(char *),
                                             plugin_path_entry, set_plugin_paths, free_strings};
static const list_spec plugins_list = {"plugins", CS_YNODE_SEQUENCE, sizeof(cs_plugin_conf),
                                        plugin_entry, set_plugins, free_plugins};
static const list_spec overrides_list = {"rule_overrides", CS_YNODE_MAPPING,
                                          sizeof(cs_rule_override), override_entry,
                                          set_overrides, free_overrides};
static const list_spec bands_list = {"bands", CS_YNODE_SEQUENCE, sizeof(cs_band), band_entry,
                                      set_bands, free_bands};

/* Every list section, each under its key (list_spec.what). */
static const list_spec *const list_sections[] = {
    &rules_list, &plugin_paths_list, &plugins_list, &overrides_list,
    &bands_list, &include_list,      &exclude_list,
};

int cfg_apply_list_section(cfg_loader *L, const char *k, const cs_ynode *v)
{
    for (size_t i = 0; i < sizeof list_sections / sizeof list_sections[0]; i++)
        if (strcmp(k, list_sections[i]->what) == 0)
            return apply_list(L, v, list_sections[i]);
    return 1;
}

void cfg_free_lists(cs_config *c)
{
    free_strings(c->rule_paths, c->nrule_paths);
    free_strings(c->plugin_paths, c->nplugin_paths);
    free_plugins(c->plugins, c->nplugins);
    free_overrides(c->overrides, c->noverrides);
    free_bands(c->bands, c->nbands);
    free_strings(c->include, c->ninclude);
    free_strings(c->exclude, c->nexclude);
    c->rule_paths = c->plugin_paths = c->include = c->exclude = NULL;
    c->plugins = NULL;
    c->overrides = NULL;
    c->bands = NULL;
    c->nrule_paths = c->nplugin_paths = c->nplugins = c->noverrides = c->nbands = 0;
    c->ninclude = c->nexclude = 0;
}
