/*
 * config.c - built-in defaults overlaid with one credscore.yaml.
 *
 * SCHEMA of credscore.yaml (every key optional; an empty file, or one with
 * only comments, means "all defaults"):
 *
 *   version: 1                  # must be 1 when given
 *   rules: [PATH, ...]          # Lua rule files or folders; "@default" is the
 *                               # bundled pack.  Replaces the default list.
 *   plugin_paths: [DIR, ...]    # extra folders searched for plugins by name
 *   plugins:                    # replaces the default list
 *     - attribution             # a bare string is a plugin name
 *     - name: quotes            # by name ([a-z0-9_-]+), searched ...
 *       options: {KEY: VALUE}   # ... with options (any YAML mapping)
 *     - path: ./my_plugin.so    # ... or by explicit path
 *   markers:                    # changes to markers; others keep defaults
 *     anonymous:
 *       weight: -10             # overrides every finding's weight
 *       default_weight: -8      # for findings that give no weight (every
 *                               # weight: -1000..1000, CS_WEIGHT_MAX)
 *       level: warning          # info | warning | error
 *       passage_cap: 12         # max |points| per passage, 0 = none (0..1e9)
 *       cap: 40                 # max |points| per article, 0 = none (0..1e9)
 *       one_shot: false         # count once per passage
 *       message: "..."          # default finding message
 *       description: "..."      # what the marker is
 *       why: "..."              # why it matters to a reader
 *       fix: "..."              # how to fix the passage
 *     my_marker:                # a NEW marker ([a-z][a-z0-9_]*, at most 64
 *       description: "..."      # of them in all): needs description and
 *       default_weight: -1      # default_weight; message defaults to the
 *                               # description, why/fix to "", level to info
 *   rule_overrides:             # by rule id ("plugin/rule" for plugins);
 *                               # replaces the (empty) default set
 *     some-rule: {weight: -2, level: info, enabled: false}
 *   scoring:
 *     base: 50                  # 0..100, score before any finding
 *     fail_under: 40            # 0..100, or null for no threshold
 *     unsourced: pass           # pass | fail: the gate on an article with
 *                               # no attribution at all (merge.h)
 *   bands:                      # replaces the default list; one band must
 *     - {min: 75, verdict: "well sourced"}   # have min 0; mins 0..100,
 *     - {min: 0, verdict: "poorly sourced"}  # no two alike
 *   limits:
 *     instructions: 1000000     # per Lua call, 0 = unlimited
 *     memory_mb: 64             # per Lua state, 0 = unlimited
 *     article_mb: 50            # largest article read (a file, standard
 *                               # input, a JSONL record's text), 0 = unlimited
 *   include: [GLOB, ...]        # folder walks keep only the files these match
 *   exclude: [GLOB, ...]        # folder walks leave these out (on top of the
 *                               # default skips); gitignore syntax (ignore.h),
 *                               # relative to the config's folder; each
 *                               # replaces its (empty) default list
 *   profiles:                   # named overlays, one chosen with --profile
 *     investigations:           # a name ([a-z0-9_-]+, at most 64) -> any of
 *       markers: {anonymous: {weight: -12, level: error}}  # markers,
 *       scoring: {fail_under: 60}   # rule_overrides, scoring, bands, limits
 *     wire: {scoring: {fail_under: 30}}   # at most 64 profiles
 *
 * Profiles: the chosen profile is applied after the whole file, as one more
 * overlay with the same meaning as the file's own keys (markers merge by
 * name, a marker may be defined there, rule_overrides and bands replace the
 * file's lists).  Every profile of the file is checked when it loads, each
 * as if chosen, so a mistake in any profile is an error even when another
 * (or none) is used; messages then say which profile: "file:line:col:
 * profile 'wire': scoring.fail_under: ...".  version, rules, plugins and
 * plugin_paths cannot appear in a profile: loading code is not per desk.
 *
 * Types: numbers, integers and booleans must be written plain (unquoted):
 * `5`, `-2.5`, `true`/`false` (also yes/no/on/off).  Strings may be plain
 * or quoted.  Where a mapping or a list is expected, null (`key:` with
 * nothing) means an empty one.  Relative paths in rules, plugin_paths and
 * plugins[].path resolve against the directory of the config file (made
 * absolute); they are stored resolved.
 *
 * Errors name the place: "file:line:col: ...", with a "did you mean" for
 * an unknown key or marker within edit distance 2.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "ignore.h"
#include "suggest.h"
#include "utf8.h"

#define MAX_MARKERS 64
#define MAX_PROFILES 64
#define MAX_NAME 64
#define MIB (1024LL * 1024LL)

static const char *const top_keys[] = {"version", "rules", "plugin_paths", "plugins",
                                       "markers", "rule_overrides", "scoring", "bands",
                                       "limits", "include", "exclude", "profiles", NULL};
/* What a profile may set: the top-level keys that only tune the scoring. */
static const char *const profile_keys[] = {"markers", "rule_overrides", "scoring", "bands",
                                           "limits", NULL};
static const char *const marker_keys[] = {"description", "why", "fix", "message",
                                          "default_weight", "weight", "level",
                                          "passage_cap", "cap", "one_shot", NULL};
static const char *const override_keys[] = {"weight", "level", "enabled", NULL};
static const char *const plugin_keys[] = {"name", "path", "options", NULL};
static const char *const scoring_keys[] = {"base", "fail_under", "unsourced", NULL};
static const char *const band_keys[] = {"min", "verdict", NULL};
static const char *const limit_keys[] = {"instructions", "memory_mb", "article_mb", NULL};

/* One overlay being applied. */
typedef struct loader {
    cs_config *c;
    const char *file; /* display name, owned by the YAML tree */
    cs_diag *d;
} loader;

/* ---- levels ---- */

const char *cs_level_name(cs_level l)
{
    switch (l) {
    case CS_LEVEL_INFO: return "info";
    case CS_LEVEL_WARNING: return "warning";
    case CS_LEVEL_ERROR: return "error";
    default: return "unknown";
    }
}

int cs_level_parse(const char *s, cs_level *out)
{
    static const cs_level all[] = {CS_LEVEL_INFO, CS_LEVEL_WARNING, CS_LEVEL_ERROR};
    if (s == NULL)
        return -1;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(s, cs_level_name(all[i])) == 0) {
            *out = all[i];
            return 0;
        }
    return -1;
}

/* ---- small helpers ---- */

/* A user string shortened for a message, cut on a UTF-8 boundary. */
static const char *clip(const char *s, char *buf, size_t n)
{
    size_t len = strlen(s);
    if (len < n)
        return s;
    size_t keep = n - 4;
    while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(buf, s, keep);
    memcpy(buf + keep, "...", 4);
    return buf;
}


static int in_list(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

static int unknown_key(loader *L, const cs_ynode *key, const char *where,
                       const char *const *valid)
{
    char list[512] = "", cb[80];
    size_t used = 0;
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t i = 0; valid[i] != NULL; i++) {
        int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", valid[i]);
        if (n > 0 && (size_t)n < sizeof list - used)
            used += (size_t)n;
        cs_suggest_consider(key->value, valid[i], &best, &bestd);
    }
    const char *shown = clip(key->value, cb, sizeof cb);
    char what[160];
    if (where == NULL)
        snprintf(what, sizeof what, "unknown top-level key '%s'", shown);
    else
        snprintf(what, sizeof what, "unknown key '%s' in %s", shown, where);
    if (best != NULL)
        return cs_diag_at(L->d, L->file, key->line, key->col,
                          "%s (did you mean '%s'?); valid keys: %s", what, best, list);
    return cs_diag_at(L->d, L->file, key->line, key->col, "%s; valid keys: %s", what, list);
}

static int check_keys(loader *L, const cs_ynode *map, const char *where,
                      const char *const *valid)
{
    for (size_t i = 0; i < map->npairs; i++)
        if (!in_list(map->pairs[i].key->value, valid))
            return unknown_key(L, map->pairs[i].key, where, valid);
    return 0;
}

static int type_error(loader *L, const cs_ynode *n, const char *what, const char *expected)
{
    char desc[64];
    return cs_diag_at(L->d, L->file, n->line, n->col, "%s: expected %s, got %s", what,
                      expected, cs_ynode_describe(n, desc, sizeof desc));
}

/* 1 for a node of `kind` (a mapping or a sequence), 0 for null (an empty
 * one), -1 with a message otherwise. */
static int want_container(loader *L, const cs_ynode *n, const char *what, cs_ykind kind)
{
    if (n->kind == kind)
        return 1;
    if (cs_ynode_is_null(n))
        return 0;
    return type_error(L, n, what, kind == CS_YNODE_MAPPING ? "a mapping" : "a sequence");
}

static int want_mapping(loader *L, const cs_ynode *n, const char *what)
{
    return want_container(L, n, what, CS_YNODE_MAPPING);
}

/* A mapping of settings whose keys must be in `keys`: 1 with the keys
 * checked, 0 for null (nothing to apply), -1 with a message otherwise. */
static int want_settings(loader *L, const cs_ynode *n, const char *what,
                         const char *const *keys)
{
    int kind = want_mapping(L, n, what);
    if (kind <= 0)
        return kind;
    return check_keys(L, n, what, keys) != 0 ? -1 : 1;
}

/* Strict decimal: [+-]digits[.digits][e[+-]digits]; -1 not a number,
 * -2 out of range.  No hex, inf or nan. */
static int parse_decimal(const char *s, double *out)
{
    const char *p = s;
    int digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    for (; isdigit((unsigned char)*p); p++)
        digits++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            digits++;
    if (digits == 0)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return -1;
    char *end;
    double v = strtod(s, &end);
    if (end != p)
        return -1;
    if (!isfinite(v))
        return -2;
    *out = v;
    return 0;
}

static int parse_integer(const char *s, long long *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p != '\0')
        return -1;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end != p)
        return -1;
    if (errno == ERANGE)
        return -2;
    *out = v;
    return 0;
}

static int parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
    for (size_t i = 0; i < 3; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

/* The text of a plain (unquoted) scalar, else NULL (n may be NULL):
 * numbers, integers and booleans must be written plain. */
static const char *plain_value(const cs_ynode *n)
{
    return n != NULL && n->kind == CS_YNODE_SCALAR && n->plain ? n->value : NULL;
}

/* Report the result r of parsing n as a `noun` ("number"): 0 passes, -2 is
 * "out of range", anything else "expected `expected`".  0 or -1. */
static int parse_result(loader *L, const cs_ynode *n, const char *what, int r,
                        const char *noun, const char *expected)
{
    if (r == -2)
        return cs_diag_at(L->d, L->file, n->line, n->col, "%s: %s out of range", what, noun);
    if (r != 0)
        return type_error(L, n, what, expected);
    return 0;
}

static int get_number(loader *L, const cs_ynode *n, const char *what, double *out)
{
    const char *s = plain_value(n);
    return parse_result(L, n, what, s ? parse_decimal(s, out) : -1, "number", "a number");
}

static int get_number_range(loader *L, const cs_ynode *n, const char *what, double lo,
                            double hi, double *out)
{
    if (get_number(L, n, what, out) != 0)
        return -1;
    if (*out < lo || *out > hi)
        return cs_diag_at(L->d, L->file, n->line, n->col,
                          "%s: must be between %g and %g, got %g", what, lo, hi, *out);
    return 0;
}

/* A weight: a number in -CS_WEIGHT_MAX..CS_WEIGHT_MAX. */
static int get_weight(loader *L, const cs_ynode *n, const char *what, double *out)
{
    return get_number_range(L, n, what, -CS_WEIGHT_MAX, CS_WEIGHT_MAX, out);
}

static int get_int(loader *L, const cs_ynode *n, const char *what, long long *out)
{
    const char *s = plain_value(n);
    return parse_result(L, n, what, s ? parse_integer(s, out) : -1, "integer", "an integer");
}

static int get_bool(loader *L, const cs_ynode *n, const char *what, int *out)
{
    const char *s = plain_value(n);
    if (s == NULL || parse_bool(s, out) != 0)
        return type_error(L, n, what, "true/false");
    return 0;
}

/* A string scalar (plain or quoted, not null); nonempty when required. */
static int get_string(loader *L, const cs_ynode *n, const char *what, int nonempty,
                      char **out)
{
    if (n->kind != CS_YNODE_SCALAR || cs_ynode_is_null(n))
        return type_error(L, n, what, "a string");
    if (nonempty && n->value[0] == '\0')
        return cs_diag_at(L->d, L->file, n->line, n->col, "%s: must not be empty", what);
    char *s = cs_strdup(n->value);
    if (s == NULL)
        return cs_diag_set(L->d, "out of memory");
    free(*out);
    *out = s;
    return 0;
}

static int get_level(loader *L, const cs_ynode *n, const char *what, cs_level *out)
{
    char cb[40];
    if (n->kind != CS_YNODE_SCALAR || cs_ynode_is_null(n))
        return type_error(L, n, what, "info, warning or error");
    if (cs_level_parse(n->value, out) != 0)
        return cs_diag_at(L->d, L->file, n->line, n->col,
                          "%s: unknown level '%s' (expected info, warning or error)", what,
                          clip(n->value, cb, sizeof cb));
    return 0;
}

/* [a-z][a-z0-9_]* (markers) or [a-z0-9_-]+ (plugins), at most MAX_NAME. */
static int valid_name(const char *s, int plugin)
{
    size_t n = strlen(s);
    if (n == 0 || n > MAX_NAME)
        return 0;
    if (!plugin && !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
              (plugin && ch == '-')))
            return 0;
    }
    return 1;
}

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

static void free_marker(cs_marker_conf *m)
{
    free(m->name);
    free(m->description);
    free(m->why);
    free(m->fix);
    free(m->message);
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

/* ---- sections ---- */

/* Reads one entry of a list section into items[i] (zeroed; items[0..i)
 * are done).  key is the entry's key in a mapping section, else NULL; v
 * its value; where names it in messages ("plugins[2]",
 * "rule_overrides.x").  Returns 0, or -1 with L->d filled (what the entry
 * holds so far is freed with the list). */
typedef int (*entry_fn)(loader *L, const cs_ynode *key, const cs_ynode *v, const char *where,
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
    int (*install)(loader *L, const cs_ynode *v, void *items, size_t n);
    void (*free_items)(void *items, size_t n);
} list_spec;

/* Read list section v (null is an empty list) as `spec` says and install
 * it.  Returns 0, or -1 with L->d filled and the configuration as it was. */
static int apply_list(loader *L, const cs_ynode *v, const list_spec *spec)
{
    int rc = -1;
    void *items = NULL;
    size_t n = 0, want = 0;
    int kind = want_container(L, v, spec->what, spec->kind);
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
            snprintf(where, sizeof where, "%s.%s", spec->what, clip(key->value, cb, sizeof cb));
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

/* Reads one setting `key` of a section entry into obj; what names it
 * ("markers.x.cap").  Returns 0, or -1 with L->d filled. */
typedef int (*field_fn)(loader *L, const char *key, const cs_ynode *v, const char *what,
                        void *obj);

/* Apply every setting of mapping `map` (keys already checked) to obj with
 * `field`, in order, each named "where.key".  0, or -1 at the first error. */
static int apply_fields(loader *L, const cs_ynode *map, const char *where, field_fn field,
                        void *obj)
{
    for (size_t i = 0; i < map->npairs; i++) {
        const char *k = map->pairs[i].key->value;
        char what[160];
        snprintf(what, sizeof what, "%s.%s", where, k);
        if (field(L, k, map->pairs[i].value, what, obj) != 0)
            return -1;
    }
    return 0;
}

/* rules / plugin_paths: one path, resolved into *out; a bundled pack
 * ("@...") only in rules, and only "@default". */
static int path_entry(loader *L, const cs_ynode *it, const char *where, int rules, char **out)
{
    int rc = -1;
    char *s = NULL;
    if (get_string(L, it, where, 1, &s) != 0)
        goto out;
    if (s[0] == '@' && (!rules || strcmp(s, "@default") != 0)) {
        char cb[64];
        cs_diag_at(L->d, L->file, it->line, it->col,
                   "%s: unknown bundled pack '%s' (only \"@default\" exists)", where,
                   clip(s, cb, sizeof cb));
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

static int rule_path_entry(loader *L, const cs_ynode *key, const cs_ynode *it,
                           const char *where, void *items, size_t i)
{
    return path_entry(L, it, where, 1, (char **)items + i);
}

static int plugin_path_entry(loader *L, const cs_ynode *key, const cs_ynode *it,
                             const char *where, void *items, size_t i)
{
    return path_entry(L, it, where, 0, (char **)items + i);
}

static int set_rule_paths(loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->rule_paths = replace_list(L->c->rule_paths, &L->c->nrule_paths, items, n, free_strings);
    return 0;
}

static int set_plugin_paths(loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->plugin_paths =
        replace_list(L->c->plugin_paths, &L->c->nplugin_paths, items, n, free_strings);
    return 0;
}

/* plugins[i]: a bare name, or a mapping with name or path and options. */
static int plugin_entry(loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
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
        if (check_keys(L, it, where, plugin_keys) != 0)
            return -1;
        name = cs_ynode_get(it, "name");
        path = cs_ynode_get(it, "path");
        const cs_ynode *opts = cs_ynode_get(it, "options");
        char what[96];
        snprintf(what, sizeof what, "%s.options", where);
        if (opts != NULL) {
            int kind = want_mapping(L, opts, what);
            if (kind < 0)
                return -1;
            p->options = kind ? opts : NULL;
        }
    } else {
        return type_error(L, it, where, "a plugin name or a mapping");
    }
    if ((name == NULL) == (path == NULL))
        return cs_diag_at(L->d, L->file, it->line, it->col,
                          "%s: give either 'name' or 'path' (exactly one)", where);
    if (name != NULL) {
        char what[96];
        snprintf(what, sizeof what, "%s.name", where);
        if (get_string(L, name, what, 1, &p->name) != 0)
            return -1;
        if (!valid_name(p->name, 1))
            return cs_diag_at(L->d, L->file, name->line, name->col,
                              "%s: plugin name '%s' must match [a-z0-9_-]+", what,
                              clip(p->name, cb, sizeof cb));
        return 0;
    }
    char what[96], *s = NULL;
    snprintf(what, sizeof what, "%s.path", where);
    if (get_string(L, path, what, 1, &s) != 0)
        return -1;
    p->path = resolve_path(L->c->dir, s);
    free(s);
    if (p->path == NULL)
        return cs_diag_set(L->d, "out of memory");
    return 0;
}

static int set_plugins(loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->plugins = replace_list(L->c->plugins, &L->c->nplugins, items, n, free_plugins);
    return 0;
}

static int unknown_marker(loader *L, const cs_ynode *key)
{
    const cs_config *c = L->c;
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    char cb[80];
    for (size_t i = 0; i < c->nmarkers; i++)
        cs_suggest_consider(key->value, c->markers[i].name, &best, &bestd);
    if (best != NULL)
        return cs_diag_at(L->d, L->file, key->line, key->col,
                          "unknown marker '%s' (did you mean '%s'?)",
                          clip(key->value, cb, sizeof cb), best);
    char list[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < c->nmarkers; i++) {
        int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                         c->markers[i].name);
        if (n > 0 && (size_t)n < sizeof list - used)
            used += (size_t)n;
    }
    return cs_diag_at(L->d, L->file, key->line, key->col,
                      "unknown marker '%s' (known: %s; to define a new marker give it both "
                      "description and default_weight)",
                      clip(key->value, cb, sizeof cb), list);
}

/* Make room for and initialise a new marker; returns its index or -1. */
static int new_marker(loader *L, const cs_ynode *key)
{
    cs_config *c = L->c;
    char cb[80];
    if (!valid_name(key->value, 0))
        return cs_diag_at(L->d, L->file, key->line, key->col,
                          "marker name '%s' must match [a-z][a-z0-9_]* (at most %d characters)",
                          clip(key->value, cb, sizeof cb), MAX_NAME);
    if (c->nmarkers >= MAX_MARKERS)
        return cs_diag_at(L->d, L->file, key->line, key->col,
                          "too many markers (at most %d)", MAX_MARKERS);
    cs_marker_conf *v = realloc(c->markers, (c->nmarkers + 1) * sizeof *v);
    if (v == NULL)
        return cs_diag_set(L->d, "out of memory");
    c->markers = v;
    cs_marker_conf *m = &v[c->nmarkers];
    memset(m, 0, sizeof *m);
    m->level = CS_LEVEL_INFO;
    m->name = cs_strdup(key->value);
    if (m->name == NULL)
        return cs_diag_set(L->d, "out of memory");
    return (int)c->nmarkers++;
}

/* markers.NAME.KEY into the cs_marker_conf obj. */
static int marker_field(loader *L, const char *k, const cs_ynode *v, const char *what, void *obj)
{
    cs_marker_conf *m = obj;
    int rc = 0;
    if (strcmp(k, "description") == 0)
        rc = get_string(L, v, what, 1, &m->description);
    else if (strcmp(k, "why") == 0)
        rc = get_string(L, v, what, 0, &m->why);
    else if (strcmp(k, "fix") == 0)
        rc = get_string(L, v, what, 0, &m->fix);
    else if (strcmp(k, "message") == 0)
        rc = get_string(L, v, what, 1, &m->message);
    else if (strcmp(k, "default_weight") == 0)
        rc = get_weight(L, v, what, &m->default_weight);
    else if (strcmp(k, "weight") == 0)
        m->has_weight = (rc = get_weight(L, v, what, &m->weight)) == 0;
    else if (strcmp(k, "level") == 0)
        rc = get_level(L, v, what, &m->level);
    else if (strcmp(k, "passage_cap") == 0)
        rc = get_number_range(L, v, what, 0, 1e9, &m->passage_cap);
    else if (strcmp(k, "cap") == 0)
        rc = get_number_range(L, v, what, 0, 1e9, &m->cap);
    else if (strcmp(k, "one_shot") == 0)
        rc = get_bool(L, v, what, &m->one_shot);
    return rc;
}

static int apply_markers(loader *L, const cs_ynode *v)
{
    cs_config *c = L->c;
    int kind = want_mapping(L, v, "markers");
    if (kind <= 0)
        return kind;
    for (size_t i = 0; i < v->npairs; i++) {
        const cs_ynode *key = v->pairs[i].key, *val = v->pairs[i].value;
        char where[96], cb[72];
        snprintf(where, sizeof where, "markers.%s", clip(key->value, cb, sizeof cb));
        int idx = cs_config_marker_index(c, key->value);
        int defines = val->kind == CS_YNODE_MAPPING && cs_ynode_get(val, "description") &&
                      cs_ynode_get(val, "default_weight");
        if (idx < 0 && !defines)
            return unknown_marker(L, key);
        int mk = want_settings(L, val, where, marker_keys);
        if (mk < 0)
            return -1;
        if (mk == 0)
            continue;
        if (idx < 0 && (idx = new_marker(L, key)) < 0)
            return -1;
        cs_marker_conf *m = &c->markers[idx];
        if (apply_fields(L, val, where, marker_field, m) != 0)
            return -1;
        if ((m->message == NULL && (m->message = cs_strdup(m->description)) == NULL) ||
            (m->why == NULL && (m->why = cs_strdup("")) == NULL) ||
            (m->fix == NULL && (m->fix = cs_strdup("")) == NULL))
            return cs_diag_set(L->d, "out of memory");
    }
    return 0;
}

/* rule_overrides.ID.KEY into the cs_rule_override obj. */
static int override_field(loader *L, const char *k, const cs_ynode *v, const char *what,
                          void *obj)
{
    cs_rule_override *o = obj;
    int rc;
    if (strcmp(k, "weight") == 0)
        o->has_weight = (rc = get_weight(L, v, what, &o->weight)) == 0;
    else if (strcmp(k, "level") == 0)
        o->has_level = (rc = get_level(L, v, what, &o->level)) == 0;
    else
        rc = get_bool(L, v, what, &o->enabled);
    return rc;
}

/* rule_overrides.ID: {weight, level, enabled}, or null for no change. */
static int override_entry(loader *L, const cs_ynode *key, const cs_ynode *val,
                          const char *where, void *items, size_t i)
{
    cs_rule_override *o = (cs_rule_override *)items + i;
    o->enabled = 1;
    if (key->value[0] == '\0')
        return cs_diag_at(L->d, L->file, key->line, key->col, "rule_overrides: empty rule id");
    if ((o->id = cs_strdup(key->value)) == NULL)
        return cs_diag_set(L->d, "out of memory");
    int mk = want_settings(L, val, where, override_keys);
    if (mk <= 0)
        return mk;
    return apply_fields(L, val, where, override_field, o);
}

static int set_overrides(loader *L, const cs_ynode *v, void *items, size_t n)
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
static int band_entry(loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
                      void *items, size_t i)
{
    cs_band *bands = items;
    char what[64];
    int mk = want_settings(L, it, where, band_keys);
    if (mk <= 0)
        return mk == 0 ? type_error(L, it, where, "a mapping") : -1;
    const cs_ynode *min = cs_ynode_get(it, "min"), *verdict = cs_ynode_get(it, "verdict");
    if (min == NULL || verdict == NULL)
        return cs_diag_at(L->d, L->file, it->line, it->col,
                          "%s: needs both 'min' and 'verdict'", where);
    snprintf(what, sizeof what, "%s.min", where);
    if (get_number_range(L, min, what, 0, 100, &bands[i].min) != 0)
        return -1;
    snprintf(what, sizeof what, "%s.verdict", where);
    if (get_string(L, verdict, what, 1, &bands[i].verdict) != 0)
        return -1;
    for (size_t j = 0; j < i; j++)
        if (bands[j].min == bands[i].min)
            return cs_diag_at(L->d, L->file, min->line, min->col,
                              "%s.min: another band has min %g", where, bands[i].min);
    return 0;
}

/* One band must start at 0; stored highest min first. */
static int set_bands(loader *L, const cs_ynode *v, void *items, size_t n)
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

/* Section `what` as a mapping of settings (null: no change): apply each
 * key of `keys` that it has to obj with `field`, in the order of `keys`
 * (not of the file), each named "what.key".  0, or -1 at the first error. */
static int apply_settings(loader *L, const cs_ynode *v, const char *what,
                          const char *const *keys, field_fn field, void *obj)
{
    int kind = want_settings(L, v, what, keys);
    if (kind <= 0)
        return kind;
    for (size_t i = 0; keys[i] != NULL; i++) {
        const cs_ynode *f = cs_ynode_get(v, keys[i]);
        char name[64];
        if (f == NULL)
            continue;
        snprintf(name, sizeof name, "%s.%s", what, keys[i]);
        if (field(L, keys[i], f, name, obj) != 0)
            return -1;
    }
    return 0;
}

/* scoring.base / scoring.fail_under (null: no threshold) / scoring.unsourced
 * (pass or fail) into the cs_config obj. */
static int scoring_field(loader *L, const char *k, const cs_ynode *v, const char *what,
                         void *obj)
{
    cs_config *c = obj;
    if (strcmp(k, "base") == 0)
        return get_number_range(L, v, what, 0, 100, &c->base);
    if (strcmp(k, "unsourced") == 0) {
        if (v->kind == CS_YNODE_SCALAR && !cs_ynode_is_null(v) &&
            (strcmp(v->value, "pass") == 0 || strcmp(v->value, "fail") == 0)) {
            c->unsourced_fails = strcmp(v->value, "fail") == 0;
            return 0;
        }
        return type_error(L, v, what, "pass or fail");
    }
    if (cs_ynode_is_null(v)) {
        c->has_threshold = 0;
        c->threshold = 0;
        return 0;
    }
    if (get_number_range(L, v, what, 0, 100, &c->threshold) != 0)
        return -1;
    c->has_threshold = 1;
    return 0;
}

/* limits.instructions / limits.memory_mb / limits.article_mb (0: unlimited)
 * into the cs_config obj. */
static int limits_field(loader *L, const char *k, const cs_ynode *v, const char *what,
                        void *obj)
{
    cs_config *c = obj;
    long long x;
    if (get_int(L, v, what, &x) != 0)
        return -1;
    if (strcmp(k, "instructions") == 0) {
        if (x < 0)
            return cs_diag_at(L->d, L->file, v->line, v->col,
                              "%s: must be 0 (unlimited) or more", what);
        c->limits.instructions = x;
        return 0;
    }
    if (x < 0 || x > LLONG_MAX / MIB)
        return cs_diag_at(L->d, L->file, v->line, v->col,
                          "%s: must be between 0 (unlimited) and %lld", what, LLONG_MAX / MIB);
    if (strcmp(k, "article_mb") == 0)
        c->limits.article_bytes = x * MIB;
    else
        c->limits.memory_bytes = x * MIB;
    return 0;
}

/* include[i] / exclude[i]: one glob in gitignore syntax (ignore.h),
 * checked here so that a bad one is an error naming its line. */
static int glob_entry(loader *L, const cs_ynode *key, const cs_ynode *it, const char *where,
                      void *items, size_t i)
{
    char *s = NULL, cb[80];
    cs_glob g;
    const char *why = "";
    size_t at = 0;
    if (get_string(L, it, where, 1, &s) != 0)
        return -1;
    int r = cs_glob_parse(s, strlen(s), &g, &why, &at);
    if (r == 1) {
        cs_glob_free(&g);
        ((char **)items)[i] = s;
        return 0;
    }
    cs_diag_at(L->d, L->file, it->line, it->col, "%s: bad glob '%s': %s", where,
               clip(s, cb, sizeof cb), r == 0 ? "blank, or a '#' comment" : why);
    free(s);
    return -1;
}

static int set_include(loader *L, const cs_ynode *v, void *items, size_t n)
{
    L->c->include = replace_list(L->c->include, &L->c->ninclude, items, n, free_strings);
    return 0;
}

static int set_exclude(loader *L, const cs_ynode *v, void *items, size_t n)
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

/* Apply top-level section k with value v: one of the keys of top_keys
 * other than version and profiles.  0, or -1 with L->d filled. */
static int apply_section(loader *L, const char *k, const cs_ynode *v)
{
    if (strcmp(k, "rules") == 0)
        return apply_list(L, v, &rules_list);
    if (strcmp(k, "plugin_paths") == 0)
        return apply_list(L, v, &plugin_paths_list);
    if (strcmp(k, "plugins") == 0)
        return apply_list(L, v, &plugins_list);
    if (strcmp(k, "markers") == 0)
        return apply_markers(L, v);
    if (strcmp(k, "rule_overrides") == 0)
        return apply_list(L, v, &overrides_list);
    if (strcmp(k, "scoring") == 0)
        return apply_settings(L, v, "scoring", scoring_keys, scoring_field, L->c);
    if (strcmp(k, "bands") == 0)
        return apply_list(L, v, &bands_list);
    if (strcmp(k, "include") == 0)
        return apply_list(L, v, &include_list);
    if (strcmp(k, "exclude") == 0)
        return apply_list(L, v, &exclude_list);
    return apply_settings(L, v, "limits", limit_keys, limits_field, L->c);
}

/* The `profiles:` entry of a document: a mapping of NAME -> settings (null
 * is an empty profile), names [a-z0-9_-]+, keys from profile_keys.  Checks
 * the shape only (values are checked by check_profiles) and remembers the
 * entry in L->c for cs_config_load_profile.  0, or -1 with L->d filled. */
static int read_profiles(loader *L, const cs_ypair *entry)
{
    const cs_ynode *v = entry->value;
    char cb[80];
    if (want_mapping(L, v, "profiles") < 0)
        return -1;
    if (v->kind == CS_YNODE_MAPPING && v->npairs > MAX_PROFILES) /* each is checked in full */
        return cs_diag_at(L->d, L->file, v->pairs[MAX_PROFILES].key->line,
                          v->pairs[MAX_PROFILES].key->col, "too many profiles (at most %d)",
                          MAX_PROFILES);
    for (size_t i = 0; v->kind == CS_YNODE_MAPPING && i < v->npairs; i++) {
        const cs_ynode *name = v->pairs[i].key, *p = v->pairs[i].value;
        char where[96];
        if (!valid_name(name->value, 1))
            return cs_diag_at(L->d, L->file, name->line, name->col,
                              "profile name '%s' must match [a-z0-9_-]+ (at most %d "
                              "characters)",
                              clip(name->value, cb, sizeof cb), MAX_NAME);
        snprintf(where, sizeof where, "profiles.%s", name->value);
        int kind = want_mapping(L, p, where);
        if (kind < 0)
            return -1;
        if (kind == 0)
            continue; /* null: an empty profile */
        for (size_t j = 0; j < p->npairs; j++) {
            const cs_ynode *key = p->pairs[j].key;
            if (in_list(key->value, profile_keys))
                continue;
            if (in_list(key->value, top_keys)) /* a known key: no need to clip it */
                return cs_diag_at(L->d, L->file, key->line, key->col,
                                  "profile '%s': '%s' cannot be set in a profile (a profile "
                                  "may set markers, rule_overrides, scoring, bands, limits)",
                                  name->value, key->value);
            return unknown_key(L, key, where, profile_keys);
        }
    }
    L->c->profiles = entry;
    L->c->profiles_file = L->file;
    return 0;
}

/* Overlay one parsed YAML document on c (its profiles are only read). */
static int apply_doc(cs_config *c, const cs_ydoc *doc, cs_diag *d)
{
    loader L = {c, cs_ydoc_name(doc), d};
    const cs_ynode *root = cs_ydoc_root(doc);
    if (root == NULL || cs_ynode_is_null(root))
        return 0;
    if (root->kind != CS_YNODE_MAPPING)
        return type_error(&L, root, "configuration", "a mapping of settings (key: value)");
    if (check_keys(&L, root, NULL, top_keys) != 0)
        return -1;
    for (size_t i = 0; i < root->npairs; i++) {
        const char *k = root->pairs[i].key->value;
        const cs_ynode *v = root->pairs[i].value;
        int rc;
        if (strcmp(k, "version") == 0) {
            long long ver;
            rc = get_int(&L, v, "version", &ver);
            if (rc == 0 && ver != 1)
                rc = cs_diag_at(d, L.file, v->line, v->col,
                                "version: unsupported version %lld (this credscore reads "
                                "version 1)",
                                ver);
        } else if (strcmp(k, "profiles") == 0) {
            rc = read_profiles(&L, &root->pairs[i]);
        } else {
            rc = apply_section(&L, k, v);
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* ---- profiles ---- */

/* Say in d which profile a message from applying it is about:
 * "file:line:col: what" becomes "file:line:col: profile 'NAME': what".
 * Messages not about file (out of memory) are left as they are. */
static void name_profile(cs_diag *d, const char *file, const char *name)
{
    size_t fl = strlen(file), at = fl + 1;
    if (strncmp(d->msg, file, fl) != 0 || d->msg[fl] != ':')
        return;
    for (int part = 0; part < 2; part++) { /* ":line" and ":col", when given */
        size_t j = at;
        while (isdigit((unsigned char)d->msg[j]))
            j++;
        if (j == at || d->msg[j] != ':')
            break;
        at = j + 1;
    }
    if (d->msg[at] != ' ')
        return;
    at++;
    char rest[CS_DIAG_MAX];
    snprintf(rest, sizeof rest, "%s", d->msg + at);
    snprintf(d->msg + at, sizeof d->msg - at, "profile '%s': %s", name, rest);
}

/* Overlay profile v (a mapping of settings, or null) named by key, which
 * comes from file, on c.  0, or -1 with d naming the profile. */
static int apply_profile(cs_config *c, const char *file, const cs_ynode *key,
                         const cs_ynode *v, cs_diag *d)
{
    loader L = {c, file, d};
    for (size_t i = 0; v->kind == CS_YNODE_MAPPING && i < v->npairs; i++)
        if (apply_section(&L, v->pairs[i].key->value, v->pairs[i].value) != 0) {
            name_profile(d, file, key->value);
            return -1;
        }
    return 0;
}

/* Apply profile p of c to a scratch copy built the way c was: defaults,
 * then doc, then the profile; only the outcome is kept.  0, or -1 with d
 * naming the profile. */
static int check_profile(const cs_config *c, const cs_ydoc *doc, const cs_ypair *p, cs_diag *d)
{
    int rc = -1;
    cs_config t;
    if (cs_config_default(&t, d) != 0)
        return -1;
    free(t.dir);
    if ((t.dir = cs_strdup(c->dir)) == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    if (apply_doc(&t, doc, d) != 0 ||
        apply_profile(&t, c->profiles_file, p->key, p->value, d) != 0)
        goto out;
    rc = 0;
out:
    cs_config_free(&t);
    return rc;
}

/* Check every profile of c (just loaded from doc, no profile applied
 * yet).  0, or -1 with d naming the first profile that fails. */
static int check_profiles(const cs_config *c, const cs_ydoc *doc, cs_diag *d)
{
    const cs_ynode *map = c->profiles != NULL ? c->profiles->value : NULL;
    for (size_t i = 0; map != NULL && map->kind == CS_YNODE_MAPPING && i < map->npairs; i++)
        if (check_profile(c, doc, &map->pairs[i], d) != 0)
            return -1;
    return 0;
}

/* "unknown profile" for name, listing the profiles c has (with a "did you
 * mean"), pointed at the `profiles:` key when there is one.  Returns -1. */
static int unknown_profile(const cs_config *c, const char *name, cs_diag *d)
{
    const cs_ynode *map = c->profiles != NULL ? c->profiles->value : NULL;
    const char *file = c->profiles_file != NULL ? c->profiles_file : c->path;
    char list[512] = "", cb[80];
    size_t used = 0, n = map != NULL && map->kind == CS_YNODE_MAPPING ? map->npairs : 0;
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    const char *shown = clip(name, cb, sizeof cb);
    if (n == 0)
        return cs_diag_at(d, file ? file : "<built-in>", c->profiles ? c->profiles->key->line : 0,
                          c->profiles ? c->profiles->key->col : 0,
                          "unknown profile '%s': this configuration defines no profiles (add "
                          "them under 'profiles:')",
                          shown);
    for (size_t i = 0; i < n; i++) {
        const char *have = map->pairs[i].key->value;
        int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", have);
        if (k > 0 && (size_t)k < sizeof list - used)
            used += (size_t)k;
        cs_suggest_consider(name, have, &best, &bestd);
    }
    const cs_ynode *at = c->profiles->key;
    if (best != NULL)
        return cs_diag_at(d, file, at->line, at->col,
                          "unknown profile '%s' (did you mean '%s'?); profiles: %s", shown, best,
                          list);
    return cs_diag_at(d, file, at->line, at->col, "unknown profile '%s'; profiles: %s", shown,
                      list);
}

/* Apply the profile called name to c and remember it in c->profile. */
static int use_profile(cs_config *c, const char *name, cs_diag *d)
{
    const cs_ynode *map = c->profiles != NULL ? c->profiles->value : NULL;
    const cs_ypair *p = cs_ynode_pair(map, name); /* NULL for a null map */
    if (p == NULL)
        return unknown_profile(c, name, d);
    if ((c->profile = cs_strdup(name)) == NULL)
        return cs_diag_set(d, "out of memory");
    return apply_profile(c, c->profiles_file, p->key, p->value, d);
}

/* ---- loading ---- */

int cs_config_default(cs_config *c, cs_diag *d)
{
    int rc = -1;
    memset(c, 0, sizeof *c);
    if ((c->dir = cs_strdup(".")) == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    if (cs_ydoc_parse_mem("<built-in>", cs_config_default_yaml, strlen(cs_config_default_yaml),
                          &c->trees[0], d) != 0)
        goto out;
    if (apply_doc(c, c->trees[0], d) != 0)
        goto out;
    if (c->nbands == 0) {
        cs_diag_set(d, "<built-in>: no bands defined");
        goto out;
    }
    rc = 0;
out:
    if (rc != 0)
        cs_config_free(c);
    return rc;
}

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
    if (apply_doc(c, c->trees[1], d) != 0)
        goto out;
    if (check_profiles(c, c->trees[1], d) != 0)
        goto out;
    if (profile != NULL && use_profile(c, profile, d) != 0)
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

void cs_config_free(cs_config *c)
{
    if (c == NULL)
        return;
    free(c->path);
    free(c->dir);
    free(c->profile);
    free_strings(c->rule_paths, c->nrule_paths);
    free_strings(c->plugin_paths, c->nplugin_paths);
    free_plugins(c->plugins, c->nplugins);
    for (size_t i = 0; i < c->nmarkers; i++)
        free_marker(&c->markers[i]);
    free(c->markers);
    free_overrides(c->overrides, c->noverrides);
    free_bands(c->bands, c->nbands);
    free_strings(c->include, c->ninclude);
    free_strings(c->exclude, c->nexclude);
    cs_ydoc_free(c->trees[0]);
    cs_ydoc_free(c->trees[1]);
    memset(c, 0, sizeof *c);
}

/* ---- finding the configuration ---- */

/* Is dir (a real path) one of the folders listed in the environment
 * variable var (':'-separated, each resolved with realpath)?  With
 * star_all, an entry "*" lists every folder. */
static int listed_in(const char *var, const char *dir, int star_all)
{
    const char *env = getenv(var);
    if (env == NULL || *env == '\0')
        return 0;
    size_t dl = strlen(dir);
    for (const char *p = env; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char one[4096];
        if (n > 0 && n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (star_all && strcmp(one, "*") == 0)
                return 1;
            char *real = realpath(one, NULL);
            int hit = real && strlen(real) == dl && strcmp(real, dir) == 0;
            free(real);
            if (hit)
                return 1;
        }
        p += n + (end != NULL);
    }
    return 0;
}

/* Is dir one of the folders listed in $CREDSCORE_CONFIG_CEILING?  The
 * search does not go above them (like git's ceiling directories): scripts
 * and tests use it to ignore stray configs above. */
static int at_ceiling(const char *dir)
{
    return listed_in("CREDSCORE_CONFIG_CEILING", dir, 0);
}

/* Why a file or folder with status st could hold what another user
 * planted, written into why[0..n) ("writable by every user (mode 1777)"),
 * or NULL when it is safe: not writable by every user (sticky bit or not:
 * anyone may create a new file in /tmp) and owned by the caller or root.
 * Group-writable is left to the administrator. */
static const char *distrust(const struct stat *st, char *why, size_t n)
{
    if (st->st_mode & S_IWOTH)
        snprintf(why, n, "writable by every user (mode %04o)", (unsigned)(st->st_mode & 07777));
    else if (st->st_uid != 0 && st->st_uid != geteuid())
        snprintf(why, n, "owned by another user (uid %u, neither you nor root)",
                 (unsigned)st->st_uid);
    else
        return NULL;
    return why;
}

/* Refuse the configuration found at path: what (the file or its folder) is
 * `why`.  Returns -1. */
static int refuse_config(cs_diag *d, const char *path, const char *what, const char *why)
{
    return cs_diag_at(d, path, 0, 0,
                      "refusing the configuration found here: %s is %s, so another user may "
                      "have written it (and it can load native plugins). If you trust it, give "
                      "it with --config, or list its folder in CREDSCORE_SAFE_DIRS",
                      what, why);
}

int cs_config_discover(const char *start_dir, char **out, cs_diag *d)
{
    static const char *const names[] = {"credscore.yaml", ".credscore.yaml"};
    int rc = -1;
    cs_buf b = {0};
    *out = NULL;
    char *dir = realpath(start_dir ? start_dir : ".", NULL);
    if (dir == NULL) {
        if (errno == ENOMEM) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        rc = 0;
        goto out;
    }
    for (;;) {
        struct stat dst;
        char dwhy_buf[128], fwhy_buf[128];
        int trusted = listed_in("CREDSCORE_SAFE_DIRS", dir, 1);
        if (stat(dir, &dst) != 0)
            break;
        const char *dwhy = trusted ? NULL : distrust(&dst, dwhy_buf, sizeof dwhy_buf);
        for (size_t i = 0; i < 2; i++) {
            struct stat st;
            b.len = 0;
            size_t dl = strlen(dir);
            if (cs_buf_append(&b, dir, dl) != 0 ||
                (dir[dl - 1] != '/' && cs_buf_putc(&b, '/') != 0) ||
                cs_buf_puts(&b, names[i]) != 0) {
                cs_diag_set(d, "out of memory");
                goto out;
            }
            if (stat(b.data, &st) != 0 || S_ISDIR(st.st_mode))
                continue;
            if (dwhy != NULL) {
                char what[4200];
                snprintf(what, sizeof what, "its folder %s", dir);
                refuse_config(d, b.data, what, dwhy);
                goto out;
            }
            const char *fwhy = trusted ? NULL : distrust(&st, fwhy_buf, sizeof fwhy_buf);
            if (fwhy != NULL) {
                refuse_config(d, b.data, "the file", fwhy);
                goto out;
            }
            *out = b.data;
            b.data = NULL;
            rc = 1;
            goto out;
        }
        /* A folder others can write to or own is not part of the caller's
         * tree: what lies above it is not the caller's configuration. */
        char *slash = strrchr(dir, '/');
        if (dwhy != NULL || slash == NULL || strcmp(dir, "/") == 0 || at_ceiling(dir))
            break;
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
    rc = 0;
out:
    free(dir);
    cs_buf_free(&b);
    return rc;
}

int cs_config_find(const char *start_dir, char **out)
{
    cs_diag d;
    return cs_config_discover(start_dir, out, &d);
}

/* ---- lookups ---- */

int cs_config_marker_index(const cs_config *c, const char *name)
{
    if (c == NULL || name == NULL)
        return -1;
    for (size_t i = 0; i < c->nmarkers; i++)
        if (strcmp(c->markers[i].name, name) == 0)
            return (int)i;
    return -1;
}

const cs_rule_override *cs_config_override(const cs_config *c, const char *rule_id)
{
    if (c == NULL || rule_id == NULL)
        return NULL;
    for (size_t i = 0; i < c->noverrides; i++)
        if (strcmp(c->overrides[i].id, rule_id) == 0)
            return &c->overrides[i];
    return NULL;
}

/* Call fn for each rule id key of the rule_overrides mapping m (m may be
 * NULL or not a mapping: nothing to do). */
static int each_override_in(const cs_ynode *m, const char *file, const char *profile,
                            cs_override_key_fn fn, void *ctx, cs_diag *d)
{
    if (m == NULL || m->kind != CS_YNODE_MAPPING)
        return 0;
    for (size_t i = 0; i < m->npairs; i++) {
        const cs_ynode *k = m->pairs[i].key;
        if (fn(ctx, k->value, file, k->line, k->col, profile, d) != 0)
            return -1;
    }
    return 0;
}

int cs_config_each_override_key(const cs_config *c, cs_override_key_fn fn, void *ctx, cs_diag *d)
{
    const cs_ynode *root = c->trees[1] ? cs_ydoc_root(c->trees[1]) : NULL;
    const char *file = c->trees[1] ? cs_ydoc_name(c->trees[1]) : NULL;
    if (root == NULL || root->kind != CS_YNODE_MAPPING)
        return 0;
    if (each_override_in(cs_ynode_get(root, "rule_overrides"), file, NULL, fn, ctx, d) != 0)
        return -1;
    const cs_ynode *profiles = c->profiles != NULL ? c->profiles->value : NULL;
    for (size_t i = 0; profiles && profiles->kind == CS_YNODE_MAPPING && i < profiles->npairs;
         i++) {
        const cs_ynode *p = profiles->pairs[i].value;
        if (p != NULL && p->kind == CS_YNODE_MAPPING &&
            each_override_in(cs_ynode_get(p, "rule_overrides"), c->profiles_file,
                             profiles->pairs[i].key->value, fn, ctx, d) != 0)
            return -1;
    }
    return 0;
}

const char *cs_config_verdict(const cs_config *c, double score)
{
    if (c == NULL || c->nbands == 0)
        return "unrated";
    for (size_t i = 0; i < c->nbands; i++)
        if (score >= c->bands[i].min)
            return c->bands[i].verdict;
    return c->bands[c->nbands - 1].verdict; /* below 0 or NaN: the lowest band */
}

/* ---- printing ---- */

/* Shortest %g form that reads back as the same double. */
static void fmt_double(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "0");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static int put_double(cs_buf *b, double v)
{
    char num[40];
    fmt_double(v, num, sizeof num);
    return cs_buf_puts(b, num);
}

/* A double-quoted YAML scalar: escapes everything a YAML reader would not
 * take literally (controls, quotes, backslash, line separators, BOM,
 * non-characters); malformed UTF-8 bytes become \xHH. */
static int put_quoted(cs_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    if (cs_buf_putc(b, '"') != 0)
        return -1;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = cs_utf8_decode(p + i, len - i, &cp);
        int rc;
        if (n == 0) {
            rc = cs_buf_printf(b, "\\x%02X", p[i]);
            n = 1;
        } else if (cp == '"') {
            rc = cs_buf_puts(b, "\\\"");
        } else if (cp == '\\') {
            rc = cs_buf_puts(b, "\\\\");
        } else if (cp == '\n') {
            rc = cs_buf_puts(b, "\\n");
        } else if (cp == '\t') {
            rc = cs_buf_puts(b, "\\t");
        } else if (cp == '\r') {
            rc = cs_buf_puts(b, "\\r");
        } else if (cp == 0x85) {
            rc = cs_buf_puts(b, "\\N");
        } else if (cp == 0x2028) {
            rc = cs_buf_puts(b, "\\L");
        } else if (cp == 0x2029) {
            rc = cs_buf_puts(b, "\\P");
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            rc = cs_buf_printf(b, "\\x%02X", cp);
        } else if (cp == 0xFEFF || (cp >= 0xFFFE && cp <= 0xFFFF)) {
            rc = cs_buf_printf(b, "\\u%04X", cp);
        } else {
            rc = cs_buf_append(b, p + i, n);
        }
        if (rc != 0)
            return -1;
        i += n;
    }
    return cs_buf_putc(b, '"');
}

/* Text that reads back as the same plain scalar in block context. */
static int plain_safe(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || s[n - 1] == ' ')
        return 0;
    if (s[0] == '-' && (s[1] == '\0' || s[1] == ' '))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '.' || ch == '/' || ch == '+' || ch == '-' || ch == '~' ||
              (ch == ' ' && i > 0)))
            return 0;
    }
    return 1;
}

static int put_indent(cs_buf *b, int indent)
{
    for (int i = 0; i < indent; i++)
        if (cs_buf_putc(b, ' ') != 0)
            return -1;
    return 0;
}

/* A key: plain when safe, quoted otherwise; long keys in explicit form
 * ("? key" / ":") because YAML limits implicit keys to 1024 characters. */
static int put_key(cs_buf *b, const char *key, int indent)
{
    if (put_indent(b, indent) != 0)
        return -1;
    if (strlen(key) > 500) {
        if (cs_buf_puts(b, "? ") != 0 || put_quoted(b, key) != 0 || cs_buf_putc(b, '\n') != 0)
            return -1;
        return put_indent(b, indent) != 0 ? -1 : cs_buf_putc(b, ':');
    }
    if ((plain_safe(key) ? cs_buf_puts(b, key) : put_quoted(b, key)) != 0)
        return -1;
    return cs_buf_putc(b, ':');
}

/* A node in block style after "key:" or "-" (already written), keeping
 * plain scalars plain so their types read back the same. */
static int put_node(cs_buf *b, const cs_ynode *n, int indent)
{
    if (n->kind == CS_YNODE_SCALAR) {
        if (n->plain && n->value[0] == '\0')
            return cs_buf_putc(b, '\n');
        if (cs_buf_putc(b, ' ') != 0)
            return -1;
        if ((n->plain && plain_safe(n->value) ? cs_buf_puts(b, n->value)
                                              : put_quoted(b, n->value)) != 0)
            return -1;
        return cs_buf_putc(b, '\n');
    }
    if (n->kind == CS_YNODE_SEQUENCE) {
        if (n->nitems == 0)
            return cs_buf_puts(b, " []\n");
        if (cs_buf_putc(b, '\n') != 0)
            return -1;
        for (size_t i = 0; i < n->nitems; i++) {
            const cs_ynode *it = n->items[i];
            if (put_indent(b, indent) != 0 || cs_buf_putc(b, '-') != 0)
                return -1;
            if (it->kind != CS_YNODE_MAPPING || it->npairs == 0 ||
                strlen(it->pairs[0].key->value) > 500) {
                if (put_node(b, it, indent + 2) != 0)
                    return -1;
                continue;
            }
            /* "- key: value" with the other keys below the first one */
            if (cs_buf_putc(b, ' ') != 0)
                return -1;
            for (size_t j = 0; j < it->npairs; j++)
                if (put_key(b, it->pairs[j].key->value, j == 0 ? 0 : indent + 2) != 0 ||
                    put_node(b, it->pairs[j].value, indent + 4) != 0)
                    return -1;
        }
        return 0;
    }
    if (n->npairs == 0)
        return cs_buf_puts(b, " {}\n");
    if (cs_buf_putc(b, '\n') != 0)
        return -1;
    for (size_t i = 0; i < n->npairs; i++)
        if (put_key(b, n->pairs[i].key->value, indent) != 0 ||
            put_node(b, n->pairs[i].value, indent + 2) != 0)
            return -1;
    return 0;
}

static int put_string_list(cs_buf *b, const char *key, char **v, size_t n)
{
    if (n == 0)
        return cs_buf_printf(b, "%s: []\n", key);
    if (cs_buf_printf(b, "%s:\n", key) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (cs_buf_puts(b, "  - ") != 0 || put_quoted(b, v[i]) != 0 || cs_buf_putc(b, '\n') != 0)
            return -1;
    return 0;
}

static int put_field_str(cs_buf *b, const char *key, const char *v)
{
    return cs_buf_printf(b, "    %s: ", key) != 0 || put_quoted(b, v ? v : "") != 0 ||
                   cs_buf_putc(b, '\n') != 0
               ? -1
               : 0;
}

static int put_field_num(cs_buf *b, int indent, const char *key, double v)
{
    return put_indent(b, indent) != 0 || cs_buf_printf(b, "%s: ", key) != 0 ||
                   put_double(b, v) != 0 || cs_buf_putc(b, '\n') != 0
               ? -1
               : 0;
}

static int print_config(const cs_config *c, cs_buf *b)
{
    if (cs_buf_puts(b, "# credscore configuration: every effective value.\n") != 0)
        return -1;
    if (c->path != NULL) {
        if (cs_buf_puts(b, "# Built-in defaults overlaid with ") != 0)
            return -1;
        for (const char *p = c->path; *p; p++) /* a comment ends at a line break */
            if (cs_buf_putc(b, (unsigned char)*p < 0x20 ? '?' : *p) != 0)
                return -1;
        if (c->profile != NULL && cs_buf_printf(b, ", then its profile '%s'", c->profile) != 0)
            return -1; /* a profile name is [a-z0-9_-]+: safe in a comment */
        if (cs_buf_putc(b, '\n') != 0)
            return -1;
    } else if (cs_buf_puts(b, "# Built-in defaults (no credscore.yaml).\n") != 0) {
        return -1;
    }
    if (cs_buf_puts(b, "# Paths below are already resolved.\nversion: 1\n") != 0 ||
        put_string_list(b, "rules", c->rule_paths, c->nrule_paths) != 0 ||
        put_string_list(b, "plugin_paths", c->plugin_paths, c->nplugin_paths) != 0 ||
        put_string_list(b, "include", c->include, c->ninclude) != 0 ||
        put_string_list(b, "exclude", c->exclude, c->nexclude) != 0)
        return -1;

    if (cs_buf_puts(b, c->nplugins ? "plugins:\n" : "plugins: []\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nplugins; i++) {
        const cs_plugin_conf *p = &c->plugins[i];
        if (cs_buf_puts(b, p->name ? "  - name: " : "  - path: ") != 0 ||
            put_quoted(b, p->name ? p->name : p->path ? p->path : "") != 0 ||
            cs_buf_putc(b, '\n') != 0)
            return -1;
        if (p->options != NULL &&
            (cs_buf_puts(b, "    options:") != 0 || put_node(b, p->options, 6) != 0))
            return -1;
    }

    if (cs_buf_puts(b, "markers:\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nmarkers; i++) {
        const cs_marker_conf *m = &c->markers[i];
        if (put_key(b, m->name, 2) != 0 || cs_buf_putc(b, '\n') != 0 ||
            put_field_str(b, "description", m->description) != 0 ||
            put_field_str(b, "why", m->why) != 0 || put_field_str(b, "fix", m->fix) != 0 ||
            put_field_str(b, "message", m->message) != 0 ||
            put_field_num(b, 4, "default_weight", m->default_weight) != 0 ||
            (m->has_weight && put_field_num(b, 4, "weight", m->weight) != 0) ||
            cs_buf_printf(b, "    level: %s\n", cs_level_name(m->level)) != 0 ||
            put_field_num(b, 4, "passage_cap", m->passage_cap) != 0 ||
            put_field_num(b, 4, "cap", m->cap) != 0 ||
            cs_buf_printf(b, "    one_shot: %s\n", m->one_shot ? "true" : "false") != 0)
            return -1;
    }

    if (cs_buf_puts(b, c->noverrides ? "rule_overrides:\n" : "rule_overrides: {}\n") != 0)
        return -1;
    for (size_t i = 0; i < c->noverrides; i++) {
        const cs_rule_override *o = &c->overrides[i];
        if (put_key(b, o->id, 2) != 0 || cs_buf_putc(b, '\n') != 0 ||
            (o->has_weight && put_field_num(b, 4, "weight", o->weight) != 0) ||
            (o->has_level && cs_buf_printf(b, "    level: %s\n", cs_level_name(o->level)) != 0) ||
            cs_buf_printf(b, "    enabled: %s\n", o->enabled ? "true" : "false") != 0)
            return -1;
    }

    if (cs_buf_puts(b, "scoring:\n") != 0 || put_field_num(b, 2, "base", c->base) != 0 ||
        (c->has_threshold ? put_field_num(b, 2, "fail_under", c->threshold)
                          : cs_buf_puts(b, "  fail_under: null  # no threshold\n")) != 0 ||
        cs_buf_printf(b, "  unsourced: %s\n", c->unsourced_fails ? "fail" : "pass") != 0)
        return -1;

    if (cs_buf_puts(b, c->nbands ? "bands:\n" : "bands: []\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nbands; i++)
        if (cs_buf_puts(b, "  - min: ") != 0 || put_double(b, c->bands[i].min) != 0 ||
            cs_buf_puts(b, "\n    verdict: ") != 0 || put_quoted(b, c->bands[i].verdict) != 0 ||
            cs_buf_putc(b, '\n') != 0)
            return -1;

    /* memory is whole MiB when it came from a config; round up otherwise */
    long long mb = c->limits.memory_bytes / MIB + (c->limits.memory_bytes % MIB != 0);
    long long article_mb = c->limits.article_bytes / MIB + (c->limits.article_bytes % MIB != 0);
    if (cs_buf_printf(b, "limits:\n  instructions: %lld\n  memory_mb: %lld\n  article_mb: %lld\n",
                      c->limits.instructions, mb, article_mb) != 0)
        return -1;

    /* The profiles as written, so that --profile still works on the printed
     * file; applying one again to values that already include it changes
     * nothing (a profile only sets values: setting them twice is setting
     * them once). */
    const cs_ynode *pm = c->profiles != NULL ? c->profiles->value : NULL;
    if (pm == NULL || pm->kind != CS_YNODE_MAPPING || pm->npairs == 0)
        return 0;
    if (cs_buf_puts(b, "# --profile NAME applies one of these on top of the values above") != 0 ||
        (c->profile != NULL &&
         cs_buf_printf(b, ";\n# '%s' is already applied to them", c->profile) != 0) ||
        cs_buf_puts(b, ".\nprofiles:") != 0)
        return -1;
    return put_node(b, pm, 2);
}

int cs_config_print(const cs_config *c, FILE *out)
{
    int rc = -1;
    cs_buf b = {0};
    if (c == NULL || out == NULL)
        goto out;
    if (print_config(c, &b) != 0)
        goto out;
    if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len)
        goto out;
    if (fflush(out) != 0)
        goto out;
    rc = 0;
out:
    cs_buf_free(&b);
    return rc;
}

/* ---- plugin options ---- */

static const cs_ynode *opt_node(const credscore_options *o, const char *key)
{
    return o != NULL && key != NULL ? cs_ynode_get(o->map, key) : NULL;
}

const char *cs_options_string(const credscore_options *o, const char *key)
{
    const cs_ynode *n = opt_node(o, key);
    return n != NULL && n->kind == CS_YNODE_SCALAR ? n->value : NULL;
}

/* The parse_* functions write *out only on success, as these promise. */
int cs_options_int(const credscore_options *o, const char *key, long long *out)
{
    const char *s = plain_value(opt_node(o, key));
    return s != NULL && parse_integer(s, out) == 0 ? 0 : -1;
}

int cs_options_double(const credscore_options *o, const char *key, double *out)
{
    const char *s = plain_value(opt_node(o, key));
    return s != NULL && parse_decimal(s, out) == 0 ? 0 : -1;
}

int cs_options_bool(const credscore_options *o, const char *key, int *out)
{
    const char *s = plain_value(opt_node(o, key));
    return s != NULL && parse_bool(s, out) == 0 ? 0 : -1;
}

size_t cs_options_list_count(const credscore_options *o, const char *key)
{
    const cs_ynode *n = opt_node(o, key);
    if (n == NULL || cs_ynode_is_null(n))
        return 0;
    if (n->kind == CS_YNODE_SEQUENCE)
        return n->nitems;
    return n->kind == CS_YNODE_SCALAR ? 1 : 0;
}

const char *cs_options_list_item(const credscore_options *o, const char *key, size_t i)
{
    const cs_ynode *n = opt_node(o, key);
    if (n == NULL || cs_ynode_is_null(n))
        return NULL;
    if (n->kind == CS_YNODE_SEQUENCE)
        return i < n->nitems && n->items[i]->kind == CS_YNODE_SCALAR ? n->items[i]->value
                                                                      : NULL;
    return n->kind == CS_YNODE_SCALAR && i == 0 ? n->value : NULL;
}
