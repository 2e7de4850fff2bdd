/*
 * config_check.c - checking a credscore.yaml node against what the schema
 * expects and reading it into a value (config_check.h).
 */
#include "config_check.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config_scalar.h"
#include "suggest.h"

/* A user string shortened for a message, cut on a UTF-8 boundary. */
const char *cfg_clip(const char *s, char *buf, size_t n)
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

int cfg_in_list(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

int cfg_unknown_key(cfg_loader *L, const cs_ynode *key, const char *where,
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
    const char *shown = cfg_clip(key->value, cb, sizeof cb);
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

int cfg_check_keys(cfg_loader *L, const cs_ynode *map, const char *where,
                   const char *const *valid)
{
    for (size_t i = 0; i < map->npairs; i++)
        if (!cfg_in_list(map->pairs[i].key->value, valid))
            return cfg_unknown_key(L, map->pairs[i].key, where, valid);
    return 0;
}

int cfg_type_error(cfg_loader *L, const cs_ynode *n, const char *what, const char *expected)
{
    char desc[64];
    return cs_diag_at(L->d, L->file, n->line, n->col, "%s: expected %s, got %s", what,
                      expected, cs_ynode_describe(n, desc, sizeof desc));
}

/* 1 for a node of `kind` (a mapping or a sequence), 0 for null (an empty
 * one), -1 with a message otherwise. */
int cfg_want_container(cfg_loader *L, const cs_ynode *n, const char *what, cs_ykind kind)
{
    if (n->kind == kind)
        return 1;
    if (cs_ynode_is_null(n))
        return 0;
    return cfg_type_error(L, n, what, kind == CS_YNODE_MAPPING ? "a mapping" : "a sequence");
}

int cfg_want_mapping(cfg_loader *L, const cs_ynode *n, const char *what)
{
    return cfg_want_container(L, n, what, CS_YNODE_MAPPING);
}

/* A mapping of settings whose keys must be in `keys`: 1 with the keys
 * checked, 0 for null (nothing to apply), -1 with a message otherwise. */
int cfg_want_settings(cfg_loader *L, const cs_ynode *n, const char *what,
                      const char *const *keys)
{
    int kind = cfg_want_mapping(L, n, what);
    if (kind <= 0)
        return kind;
    return cfg_check_keys(L, n, what, keys) != 0 ? -1 : 1;
}

/* Apply every setting of mapping `map` (keys already checked) to obj with
 * `field`, in order, each named "where.key".  0, or -1 at the first error. */
int cfg_apply_fields(cfg_loader *L, const cs_ynode *map, const char *where, cfg_field_fn field,
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

/* Report the result r of parsing n as a `noun` ("number"): 0 passes, -2 is
 * "out of range", anything else "expected `expected`".  0 or -1. */
static int parse_result(cfg_loader *L, const cs_ynode *n, const char *what, int r,
                        const char *noun, const char *expected)
{
    if (r == -2)
        return cs_diag_at(L->d, L->file, n->line, n->col, "%s: %s out of range", what, noun);
    if (r != 0)
        return cfg_type_error(L, n, what, expected);
    return 0;
}

int cfg_get_number(cfg_loader *L, const cs_ynode *n, const char *what, double *out)
{
    const char *s = cfg_plain_value(n);
    return parse_result(L, n, what, s ? cfg_parse_decimal(s, out) : -1, "number", "a number");
}

int cfg_get_number_range(cfg_loader *L, const cs_ynode *n, const char *what, double lo,
                         double hi, double *out)
{
    if (cfg_get_number(L, n, what, out) != 0)
        return -1;
    if (*out < lo || *out > hi)
        return cs_diag_at(L->d, L->file, n->line, n->col,
                          "%s: must be between %g and %g, got %g", what, lo, hi, *out);
    return 0;
}

/* A weight: a number in -CS_WEIGHT_MAX..CS_WEIGHT_MAX. */
int cfg_get_weight(cfg_loader *L, const cs_ynode *n, const char *what, double *out)
{
    return cfg_get_number_range(L, n, what, -CS_WEIGHT_MAX, CS_WEIGHT_MAX, out);
}

int cfg_get_int(cfg_loader *L, const cs_ynode *n, const char *what, long long *out)
{
    const char *s = cfg_plain_value(n);
    return parse_result(L, n, what, s ? cfg_parse_integer(s, out) : -1, "integer", "an integer");
}

int cfg_get_bool(cfg_loader *L, const cs_ynode *n, const char *what, int *out)
{
    const char *s = cfg_plain_value(n);
    if (s == NULL || cfg_parse_bool(s, out) != 0)
        return cfg_type_error(L, n, what, "true/false");
    return 0;
}

/* A string scalar (plain or quoted, not null); nonempty when required. */
int cfg_get_string(cfg_loader *L, const cs_ynode *n, const char *what, int nonempty,
                   char **out)
{
    if (n->kind != CS_YNODE_SCALAR || cs_ynode_is_null(n))
        return cfg_type_error(L, n, what, "a string");
    if (nonempty && n->value[0] == '\0')
        return cs_diag_at(L->d, L->file, n->line, n->col, "%s: must not be empty", what);
    char *s = cs_strdup(n->value);
    if (s == NULL)
        return cs_diag_set(L->d, "out of memory");
    free(*out);
    *out = s;
    return 0;
}

int cfg_get_level(cfg_loader *L, const cs_ynode *n, const char *what, cs_level *out)
{
    char cb[40];
    if (n->kind != CS_YNODE_SCALAR || cs_ynode_is_null(n))
        return cfg_type_error(L, n, what, "info, warning or error");
    if (cs_level_parse(n->value, out) != 0)
        return cs_diag_at(L->d, L->file, n->line, n->col,
                          "%s: unknown level '%s' (expected info, warning or error)", what,
                          cfg_clip(n->value, cb, sizeof cb));
    return 0;
}

/* [a-z][a-z0-9_]* (markers) or [a-z0-9_-]+ (plugins), at most CFG_MAX_NAME. */
int cfg_valid_name(const char *s, int plugin)
{
    size_t n = strlen(s);
    if (n == 0 || n > CFG_MAX_NAME)
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
