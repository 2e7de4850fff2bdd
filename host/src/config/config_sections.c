/*
 * config_sections.c - a credscore.yaml document overlaid on the
 * configuration, section by section (config_sections.h): the top-level
 * keys, markers, scoring and limits here, the list sections in
 * config_lists.c; and cs_config_free, which releases what they fill.
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
#include "config_sections.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config_lists.h"
#include "suggest.h"

#define MAX_MARKERS 64
#define MAX_PROFILES 64

static const char *const top_keys[] = {"version", "rules", "plugin_paths", "plugins",
                                       "markers", "rule_overrides", "scoring", "bands",
                                       "limits", "include", "exclude", "profiles", NULL};
/* What a profile may set: the top-level keys that only tune the scoring. */
static const char *const profile_keys[] = {"markers", "rule_overrides", "scoring", "bands",
                                           "limits", NULL};
static const char *const marker_keys[] = {"description", "why", "fix", "message",
                                          "default_weight", "weight", "level",
                                          "passage_cap", "cap", "one_shot", NULL};
static const char *const scoring_keys[] = {"base", "fail_under", "unsourced", NULL};
static const char *const limit_keys[] = {"instructions", "memory_mb", "article_mb", NULL};


static void free_marker(cs_marker_conf *m)
{
    free(m->name);
    free(m->description);
    free(m->why);
    free(m->fix);
    free(m->message);
}

static int unknown_marker(cfg_loader *L, const cs_ynode *key)
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
                          cfg_clip(key->value, cb, sizeof cb), best);
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
                      cfg_clip(key->value, cb, sizeof cb), list);
}

/* Make room for and initialise a new marker; returns its index or -1. */
static int new_marker(cfg_loader *L, const cs_ynode *key)
{
    cs_config *c = L->c;
    char cb[80];
    if (!cfg_valid_name(key->value, 0))
        return cs_diag_at(L->d, L->file, key->line, key->col,
                          "marker name '%s' must match [a-z][a-z0-9_]* (at most %d characters)",
                          cfg_clip(key->value, cb, sizeof cb), CFG_MAX_NAME);
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
static int marker_field(cfg_loader *L, const char *k, const cs_ynode *v, const char *what,
                        void *obj)
{
    cs_marker_conf *m = obj;
    int rc = 0;
    if (strcmp(k, "description") == 0)
        rc = cfg_get_string(L, v, what, 1, &m->description);
    else if (strcmp(k, "why") == 0)
        rc = cfg_get_string(L, v, what, 0, &m->why);
    else if (strcmp(k, "fix") == 0)
        rc = cfg_get_string(L, v, what, 0, &m->fix);
    else if (strcmp(k, "message") == 0)
        rc = cfg_get_string(L, v, what, 1, &m->message);
    else if (strcmp(k, "default_weight") == 0)
        rc = cfg_get_weight(L, v, what, &m->default_weight);
    else if (strcmp(k, "weight") == 0)
        m->has_weight = (rc = cfg_get_weight(L, v, what, &m->weight)) == 0;
    else if (strcmp(k, "level") == 0)
        rc = cfg_get_level(L, v, what, &m->level);
    else if (strcmp(k, "passage_cap") == 0)
        rc = cfg_get_number_range(L, v, what, 0, 1e9, &m->passage_cap);
    else if (strcmp(k, "cap") == 0)
        rc = cfg_get_number_range(L, v, what, 0, 1e9, &m->cap);
    else if (strcmp(k, "one_shot") == 0)
        rc = cfg_get_bool(L, v, what, &m->one_shot);
    return rc;
}

static int apply_markers(cfg_loader *L, const cs_ynode *v)
{
    cs_config *c = L->c;
    int kind = cfg_want_mapping(L, v, "markers");
    if (kind <= 0)
        return kind;
    for (size_t i = 0; i < v->npairs; i++) {
        const cs_ynode *key = v->pairs[i].key, *val = v->pairs[i].value;
        char where[96], cb[72];
        snprintf(where, sizeof where, "markers.%s", cfg_clip(key->value, cb, sizeof cb));
        int idx = cs_config_marker_index(c, key->value);
        int defines = val->kind == CS_YNODE_MAPPING && cs_ynode_get(val, "description") &&
                      cs_ynode_get(val, "default_weight");
        if (idx < 0 && !defines)
            return unknown_marker(L, key);
        int mk = cfg_want_settings(L, val, where, marker_keys);
        if (mk < 0)
            return -1;
        if (mk == 0)
            continue;
        if (idx < 0 && (idx = new_marker(L, key)) < 0)
            return -1;
        cs_marker_conf *m = &c->markers[idx];
        if (cfg_apply_fields(L, val, where, marker_field, m) != 0)
            return -1;
        if ((m->message == NULL && (m->message = cs_strdup(m->description)) == NULL) ||
            (m->why == NULL && (m->why = cs_strdup("")) == NULL) ||
            (m->fix == NULL && (m->fix = cs_strdup("")) == NULL))
            return cs_diag_set(L->d, "out of memory");
    }
    return 0;
}

/* Section `what` as a mapping of settings (null: no change): apply each
 * key of `keys` that it has to obj with `field`, in the order of `keys`
 * (not of the file), each named "what.key".  0, or -1 at the first error. */
static int apply_settings(cfg_loader *L, const cs_ynode *v, const char *what,
                          const char *const *keys, cfg_field_fn field, void *obj)
{
    int kind = cfg_want_settings(L, v, what, keys);
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
static int scoring_field(cfg_loader *L, const char *k, const cs_ynode *v, const char *what,
                         void *obj)
{
    cs_config *c = obj;
    if (strcmp(k, "base") == 0)
        return cfg_get_number_range(L, v, what, 0, 100, &c->base);
    if (strcmp(k, "unsourced") == 0) {
        if (v->kind == CS_YNODE_SCALAR && !cs_ynode_is_null(v) &&
            (strcmp(v->value, "pass") == 0 || strcmp(v->value, "fail") == 0)) {
            c->unsourced_fails = strcmp(v->value, "fail") == 0;
            return 0;
        }
        return cfg_type_error(L, v, what, "pass or fail");
    }
    if (cs_ynode_is_null(v)) {
        c->has_threshold = 0;
        c->threshold = 0;
        return 0;
    }
    if (cfg_get_number_range(L, v, what, 0, 100, &c->threshold) != 0)
        return -1;
    c->has_threshold = 1;
    return 0;
}

/* limits.instructions / limits.memory_mb / limits.article_mb (0: unlimited)
 * into the cs_config obj. */
static int limits_field(cfg_loader *L, const char *k, const cs_ynode *v, const char *what,
                        void *obj)
{
    cs_config *c = obj;
    long long x;
    if (cfg_get_int(L, v, what, &x) != 0)
        return -1;
    if (strcmp(k, "instructions") == 0) {
        if (x < 0)
            return cs_diag_at(L->d, L->file, v->line, v->col,
                              "%s: must be 0 (unlimited) or more", what);
        c->limits.instructions = x;
        return 0;
    }
    if (x < 0 || x > LLONG_MAX / CS_CONFIG_MIB)
        return cs_diag_at(L->d, L->file, v->line, v->col,
                          "%s: must be between 0 (unlimited) and %lld", what,
                          LLONG_MAX / CS_CONFIG_MIB);
    if (strcmp(k, "article_mb") == 0)
        c->limits.article_bytes = x * CS_CONFIG_MIB;
    else
        c->limits.memory_bytes = x * CS_CONFIG_MIB;
    return 0;
}

/* Apply top-level section k with value v: one of the keys of top_keys
 * other than version and profiles.  0, or -1 with L->d filled.  The list
 * sections are config_lists.c's. */
int cfg_apply_section(cfg_loader *L, const char *k, const cs_ynode *v)
{
    int rc = cfg_apply_list_section(L, k, v);
    if (rc <= 0)
        return rc;
    if (strcmp(k, "markers") == 0)
        return apply_markers(L, v);
    if (strcmp(k, "scoring") == 0)
        return apply_settings(L, v, "scoring", scoring_keys, scoring_field, L->c);
    return apply_settings(L, v, "limits", limit_keys, limits_field, L->c);
}

/* The `profiles:` entry of a document: a mapping of NAME -> settings (null
 * is an empty profile), names [a-z0-9_-]+, keys from profile_keys.  Checks
 * the shape only (values are checked by cfg_check_profiles) and remembers the
 * entry in L->c for cs_config_load_profile.  0, or -1 with L->d filled. */
static int read_profiles(cfg_loader *L, const cs_ypair *entry)
{
    const cs_ynode *v = entry->value;
    char cb[80];
    if (cfg_want_mapping(L, v, "profiles") < 0)
        return -1;
    if (v->kind == CS_YNODE_MAPPING && v->npairs > MAX_PROFILES) /* each is checked in full */
        return cs_diag_at(L->d, L->file, v->pairs[MAX_PROFILES].key->line,
                          v->pairs[MAX_PROFILES].key->col, "too many profiles (at most %d)",
                          MAX_PROFILES);
    for (size_t i = 0; v->kind == CS_YNODE_MAPPING && i < v->npairs; i++) {
        const cs_ynode *name = v->pairs[i].key, *p = v->pairs[i].value;
        char where[96];
        if (!cfg_valid_name(name->value, 1))
            return cs_diag_at(L->d, L->file, name->line, name->col,
                              "profile name '%s' must match [a-z0-9_-]+ (at most %d "
                              "characters)",
                              cfg_clip(name->value, cb, sizeof cb), CFG_MAX_NAME);
        snprintf(where, sizeof where, "profiles.%s", name->value);
        int kind = cfg_want_mapping(L, p, where);
        if (kind < 0)
            return -1;
        if (kind == 0)
            continue; /* null: an empty profile */
        for (size_t j = 0; j < p->npairs; j++) {
            const cs_ynode *key = p->pairs[j].key;
            if (cfg_in_list(key->value, profile_keys))
                continue;
            if (cfg_in_list(key->value, top_keys)) /* a known key: no need to clip it */
                return cs_diag_at(L->d, L->file, key->line, key->col,
                                  "profile '%s': '%s' cannot be set in a profile (a profile "
                                  "may set markers, rule_overrides, scoring, bands, limits)",
                                  name->value, key->value);
            return cfg_unknown_key(L, key, where, profile_keys);
        }
    }
    L->c->profiles = entry;
    L->c->profiles_file = L->file;
    return 0;
}

/* Overlay one parsed YAML document on c (its profiles are only read). */
int cfg_apply_doc(cs_config *c, const cs_ydoc *doc, cs_diag *d)
{
    cfg_loader L = {c, cs_ydoc_name(doc), d};
    const cs_ynode *root = cs_ydoc_root(doc);
    if (root == NULL || cs_ynode_is_null(root))
        return 0;
    if (root->kind != CS_YNODE_MAPPING)
        return cfg_type_error(&L, root, "configuration", "a mapping of settings (key: value)");
    if (cfg_check_keys(&L, root, NULL, top_keys) != 0)
        return -1;
    for (size_t i = 0; i < root->npairs; i++) {
        const char *k = root->pairs[i].key->value;
        const cs_ynode *v = root->pairs[i].value;
        int rc;
        if (strcmp(k, "version") == 0) {
            long long ver;
            rc = cfg_get_int(&L, v, "version", &ver);
            if (rc == 0 && ver != 1)
                rc = cs_diag_at(d, L.file, v->line, v->col,
                                "version: unsupported version %lld (this credscore reads "
                                "version 1)",
                                ver);
        } else if (strcmp(k, "profiles") == 0) {
            rc = read_profiles(&L, &root->pairs[i]);
        } else {
            rc = cfg_apply_section(&L, k, v);
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}


/* ---- releasing ---- */

void cs_config_free(cs_config *c)
{
    if (c == NULL)
        return;
    free(c->path);
    free(c->dir);
    free(c->profile);
    cfg_free_lists(c);
    for (size_t i = 0; i < c->nmarkers; i++)
        free_marker(&c->markers[i]);
    free(c->markers);
    cs_ydoc_free(c->trees[0]);
    cs_ydoc_free(c->trees[1]);
    memset(c, 0, sizeof *c);
}
