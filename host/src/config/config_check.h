/*
 * config_check.h - checking a credscore.yaml node against what the schema
 * expects, and reading it into a value (private to config/: the section
 * readers use it).
 *
 * Every check names the place of a mistake: on failure it returns -1 with
 * L->d set to "file:line:col: what: what is wrong" (file is L->file, the
 * name of the YAML document; what names the setting, "markers.x.cap"),
 * or "out of memory".  An unknown key gets the list of valid keys and a
 * "did you mean" when one is within edit distance 2 (suggest.h).  Nothing
 * is allocated except by cfg_get_string, whose string the caller owns.
 */
#ifndef CS_CONFIG_CHECK_H
#define CS_CONFIG_CHECK_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "yaml_tree.h"

/* The longest marker, plugin or profile name. */
#define CFG_MAX_NAME 64

/* One overlay being applied: the configuration it changes, the display
 * name of the document it comes from (owned by the YAML tree) and where
 * a failure is told. */
typedef struct cfg_loader {
    cs_config *c;
    const char *file;
    cs_diag *d;
} cfg_loader;

/* s, or a copy shortened to fit buf[0..n) with "..." (cut on a UTF-8
 * boundary), for quoting a user's string in a message. */
const char *cfg_clip(const char *s, char *buf, size_t n);

/* Is s one of the NULL-terminated list? */
int cfg_in_list(const char *s, const char *const *list);

/* "unknown top-level key 'k'" (where NULL) or "unknown key 'k' in where",
 * with a did-you-mean from valid and the valid keys listed.  Returns -1. */
int cfg_unknown_key(cfg_loader *L, const cs_ynode *key, const char *where,
                    const char *const *valid);

/* Every key of mapping map is in valid: 0, else cfg_unknown_key for the
 * first that is not. */
int cfg_check_keys(cfg_loader *L, const cs_ynode *map, const char *where,
                   const char *const *valid);

/* "what: expected EXPECTED, got <what n is>".  Returns -1. */
int cfg_type_error(cfg_loader *L, const cs_ynode *n, const char *what, const char *expected);

/* 1 for a node of `kind` (a mapping or a sequence), 0 for null (an empty
 * one), -1 with a message otherwise. */
int cfg_want_container(cfg_loader *L, const cs_ynode *n, const char *what, cs_ykind kind);

/* cfg_want_container for a mapping. */
int cfg_want_mapping(cfg_loader *L, const cs_ynode *n, const char *what);

/* A mapping of settings whose keys must be in `keys`: 1 with the keys
 * checked, 0 for null (nothing to apply), -1 with a message otherwise. */
int cfg_want_settings(cfg_loader *L, const cs_ynode *n, const char *what,
                      const char *const *keys);

/* Reads one setting `key` of a section entry into obj; what names it
 * ("markers.x.cap").  Returns 0, or -1 with L->d filled. */
typedef int (*cfg_field_fn)(cfg_loader *L, const char *key, const cs_ynode *v,
                            const char *what, void *obj);

/* Apply every setting of mapping `map` (keys already checked) to obj with
 * `field`, in order, each named "where.key".  0, or -1 at the first error. */
int cfg_apply_fields(cfg_loader *L, const cs_ynode *map, const char *where, cfg_field_fn field,
                     void *obj);

/* The value readers: n read as the type named, into *out, or -1 with a
 * message ("expected a number", "number out of range", "must be between
 * 0 and 100, got 120").  Numbers, integers and booleans must be plain
 * scalars (config_scalar.h). */
int cfg_get_number(cfg_loader *L, const cs_ynode *n, const char *what, double *out);
int cfg_get_number_range(cfg_loader *L, const cs_ynode *n, const char *what, double lo,
                         double hi, double *out);
/* A weight: a number in -CS_WEIGHT_MAX..CS_WEIGHT_MAX. */
int cfg_get_weight(cfg_loader *L, const cs_ynode *n, const char *what, double *out);
int cfg_get_int(cfg_loader *L, const cs_ynode *n, const char *what, long long *out);
int cfg_get_bool(cfg_loader *L, const cs_ynode *n, const char *what, int *out);
/* A string scalar (plain or quoted, not null); nonempty when required.
 * On success the old *out is freed and replaced by a malloc'd copy. */
int cfg_get_string(cfg_loader *L, const cs_ynode *n, const char *what, int nonempty,
                   char **out);
/* info, warning or error. */
int cfg_get_level(cfg_loader *L, const cs_ynode *n, const char *what, cs_level *out);

/* [a-z][a-z0-9_]* (markers) or [a-z0-9_-]+ (plugin: plugins and
 * profiles), at most CFG_MAX_NAME characters: 1, else 0. */
int cfg_valid_name(const char *s, int plugin);

#endif
