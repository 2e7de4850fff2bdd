/*
 * config.h - the effective configuration: built-in defaults overlaid with
 * one credscore.yaml.
 *
 * The built-in default is itself YAML (default_config.c) parsed by the same
 * loader, so `credscore config` can print every setting.  A user file is
 * overlaid on it: keys given replace the default, markers not mentioned
 * keep their defaults, `rules:` replaces the list ("@default" names the
 * bundled pack).  A file may define named profiles; the one chosen
 * (cs_config_load_profile, `--profile`) is overlaid after the whole file.
 *
 * Errors: 0 / -1 with a cs_diag "file:line:col: what is wrong" for YAML
 * syntax errors, unknown keys (with a "did you mean" when close), wrong
 * types, unknown markers, bad values.  Ownership: a cs_config owns every
 * string and the YAML tree it came from; cs_config_free releases all.
 *
 * Where each part is: loading in config.c (the built-in defaults in
 * default_config.c); the schema, section by section, in config_sections.c
 * and config_lists.c (with config_check.c and config_scalar.c, the value
 * checks they share with config_options.c, the plugin option readers);
 * profiles in config_profiles.c; finding the file in config_discover.c;
 * `credscore config` in config_print.c; lookups in config_lookup.c.
 */
#ifndef CS_CONFIG_H
#define CS_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "credscore/plugin.h"
#include "diag.h"
#include "yaml_tree.h"

typedef enum cs_level {
    CS_LEVEL_INFO = 0,
    CS_LEVEL_WARNING = 1,
    CS_LEVEL_ERROR = 2
} cs_level;

const char *cs_level_name(cs_level l);
int cs_level_parse(const char *s, cs_level *out); /* -1 if unknown */

typedef struct cs_marker_conf {
    char *name;           /* [a-z][a-z0-9_]* */
    char *description;    /* what it is */
    char *why;            /* why it matters to a reader */
    char *fix;            /* how to fix the passage */
    char *message;        /* default finding message */
    double default_weight;/* for findings whose rule/plugin gives no weight */
    int has_weight;       /* weight set: overrides every finding of this marker */
    double weight;
    cs_level level;
    double passage_cap;   /* max |points| per passage for this marker, 0 = none */
    double cap;           /* max |points| per article, 0 = none */
    int one_shot;         /* counts once per passage */
} cs_marker_conf;

/* The range of every weight: a marker's weight and default_weight, a rule
 * override's weight, a rule{} weight and the weight a check or a plugin
 * gives a finding all lie in -CS_WEIGHT_MAX..CS_WEIGHT_MAX (refused when
 * loaded, or the finding dropped, otherwise), so sums of points and
 * scores stay finite. */
#define CS_WEIGHT_MAX 1000.0

typedef struct cs_rule_override {
    char *id;             /* rule id (Lua) or "plugin/rule" */
    int has_weight;
    double weight;
    int has_level;
    cs_level level;
    int enabled;          /* 0 disables the rule */
} cs_rule_override;

typedef struct cs_plugin_conf {
    char *name;           /* "attribution" (searched) ... */
    char *path;           /* ... or an explicit path (relative to the config dir), NULL if by name */
    const cs_ynode *options; /* the `options:` mapping or NULL (points into the config's tree) */
    const char *file;     /* config file it came from ("<built-in>") */
    int line, col;
} cs_plugin_conf;

typedef struct cs_band {
    double min;           /* score >= min gets this verdict */
    char *verdict;
} cs_band;

/* Bytes in one MB of the limits.*_mb settings. */
#define CS_CONFIG_MIB (1024LL * 1024LL)

typedef struct cs_limits {
    long long instructions; /* per Lua call, 0 = unlimited */
    long long memory_bytes; /* per Lua state, 0 = unlimited */
    long long article_bytes; /* largest article read (limits.article_mb), 0 = unlimited */
} cs_limits;

typedef struct cs_config {
    char *path;           /* the user file, or NULL for built-in only */
    char *dir;            /* directory relative paths resolve against ("." for built-in) */
    char **rule_paths;    /* files or folders; "@default" = bundled pack; resolved against dir */
    size_t nrule_paths;
    char **plugin_paths;  /* extra plugin folders from the config */
    size_t nplugin_paths;
    cs_plugin_conf *plugins;
    size_t nplugins;
    cs_marker_conf *markers; /* the eight defaults first, then user-defined */
    size_t nmarkers;
    cs_rule_override *overrides;
    size_t noverrides;
    cs_band *bands;       /* sorted by min, highest first; the last has min 0 */
    size_t nbands;
    double base;          /* score before any finding, default 50 */
    int has_threshold;    /* fail_under given */
    double threshold;
    int unsourced_fails;  /* scoring.unsourced: fail (1) or pass (0) an article
                           * with no attribution at all */
    cs_limits limits;
    char **include;       /* `include` globs (gitignore syntax, ignore.h, relative to
                           * dir): when any, a folder walk keeps only files they
                           * match (discover.h) */
    size_t ninclude;
    char **exclude;       /* `exclude` globs: left out of folder walks */
    size_t nexclude;
    char *profile;        /* the profile applied, NULL for none */
    const cs_ypair *profiles;  /* the `profiles:` entry (key and mapping), NULL if
                                * absent; points into trees[] */
    const char *profiles_file; /* the file it came from (owned by its tree) */
    cs_ydoc *trees[2];    /* owned YAML trees: built-in, user */
} cs_config;

/* The built-in configuration as YAML text (default_config.c). */
extern const char cs_config_default_yaml[];

/* Fill c with the built-in default configuration.  c needs no
 * initialisation; on -1 it is left empty (cs_config_free is harmless). */
int cs_config_default(cs_config *c, cs_diag *d);

/* Built-in defaults overlaid with the YAML file at path (schema: the
 * comment at the top of config_sections.c).  Same failure contract. */
int cs_config_load(cs_config *c, const char *path, cs_diag *d);

/* The same, then the file's profile called profile (NULL: none, as
 * cs_config_load) overlaid on the result; c->profile records it.  Every
 * profile of the file is checked either way.  Fails with "file:line:col:
 * unknown profile 'x' (did you mean 'y'?); profiles: a, b" when the file
 * has no such profile, and names the profile in any error inside one:
 * "file:line:col: profile 'wire': scoring.fail_under: ...". */
int cs_config_load_profile(cs_config *c, const char *path, const char *profile, cs_diag *d);

/* The same with the file's YAML text given in memory (data[0..len), len
 * may be 0): path names it in messages and relative paths resolve against
 * its directory, as if the text had been read from there. */
int cs_config_load_mem(cs_config *c, const char *path, const char *data, size_t len,
                       cs_diag *d);

/* Find credscore.yaml (or .credscore.yaml) in start_dir (NULL = ".") or
 * its parents, nearest folder first; the returned path is absolute.
 * Returns 1 and a malloc'd path in *out when found, 0 when not, -1 with d
 * set on OOM or when the nearest file found is refused.  The search stops
 * at any folder listed in $CREDSCORE_CONFIG_CEILING (':'-separated), which
 * is searched but not gone above.  Like git's safe.directory, a folder
 * writable by every user (sticky or not, like /tmp) or owned by another
 * user than the caller and root is searched but not gone above, and a
 * configuration found there, or a file that is itself writable by every
 * user or owned by such a user, is refused ("FILE: refusing the
 * configuration found here: ... CREDSCORE_SAFE_DIRS"): it could make the
 * caller load another user's plugins.  Folders listed in
 * $CREDSCORE_SAFE_DIRS (':'-separated; "*" for all) are trusted anyway. */
int cs_config_discover(const char *start_dir, char **out, cs_diag *d);

/* cs_config_discover without the reason: -1 also when refused. */
int cs_config_find(const char *start_dir, char **out);

/* Print the effective configuration as YAML (loadable again), with the
 * file's profiles as written (the applied one is named in a comment). */
int cs_config_print(const cs_config *c, FILE *out);

/* Marker index by name, or -1. */
int cs_config_marker_index(const cs_config *c, const char *name);

/* Override for a rule id, or NULL. */
const cs_rule_override *cs_config_override(const cs_config *c, const char *rule_id);

/* Visit every rule id named under rule_overrides in the user file: at the
 * top level, then in each profile (profile: its name, else NULL), with
 * the file, line and column of the key.  fn returns 0 to go on, or -1
 * with d set, which stops the walk and is returned.  Nothing for the
 * built-in configuration.  Rule ids are known only once rules and plugins
 * are loaded, so the scorer checks them (scorer.c). */
typedef int (*cs_override_key_fn)(void *ctx, const char *id, const char *file, int line,
                                  int col, const char *profile, cs_diag *d);
int cs_config_each_override_key(const cs_config *c, cs_override_key_fn fn, void *ctx, cs_diag *d);

/* Verdict for a score. */
const char *cs_config_verdict(const cs_config *c, double score);

void cs_config_free(cs_config *c);

/* ---- plugin options (implements the credscore_host option readers) ---- */

/* Wrap an `options:` mapping (may be NULL: every key absent). The wrapper
 * holds only the pointer; it lives as long as the config. */
struct credscore_options {
    const cs_ynode *map;
};

const char *cs_options_string(const credscore_options *o, const char *key);
int cs_options_int(const credscore_options *o, const char *key, long long *out);
int cs_options_double(const credscore_options *o, const char *key, double *out);
int cs_options_bool(const credscore_options *o, const char *key, int *out);
size_t cs_options_list_count(const credscore_options *o, const char *key);
const char *cs_options_list_item(const credscore_options *o, const char *key, size_t i);

#endif
