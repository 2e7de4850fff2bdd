/*
 * config_lookup.c - questions asked of a loaded configuration (config.h):
 * level names, a marker by name, a rule's override, the rule ids under
 * rule_overrides, the verdict of a score.  Nothing here allocates or
 * changes the configuration.
 */
#include "config.h"

#include <string.h>

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
