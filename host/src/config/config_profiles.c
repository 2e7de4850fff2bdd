/*
 * config_profiles.c - checking every profile of a credscore.yaml and
 * applying the chosen one (config_profiles.h).
 */
#include "config_profiles.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config_check.h"
#include "config_sections.h"
#include "suggest.h"

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
    cfg_loader L = {c, file, d};
    for (size_t i = 0; v->kind == CS_YNODE_MAPPING && i < v->npairs; i++)
        if (cfg_apply_section(&L, v->pairs[i].key->value, v->pairs[i].value) != 0) {
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
    if (cfg_apply_doc(&t, doc, d) != 0 ||
        apply_profile(&t, c->profiles_file, p->key, p->value, d) != 0)
        goto out;
    rc = 0;
out:
    cs_config_free(&t);
    return rc;
}

/* Check every profile of c (just loaded from doc, no profile applied
 * yet).  0, or -1 with d naming the first profile that fails. */
int cfg_check_profiles(const cs_config *c, const cs_ydoc *doc, cs_diag *d)
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
    const char *shown = cfg_clip(name, cb, sizeof cb);
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
int cfg_use_profile(cs_config *c, const char *name, cs_diag *d)
{
    const cs_ynode *map = c->profiles != NULL ? c->profiles->value : NULL;
    const cs_ypair *p = cs_ynode_pair(map, name); /* NULL for a null map */
    if (p == NULL)
        return unknown_profile(c, name, d);
    if ((c->profile = cs_strdup(name)) == NULL)
        return cs_diag_set(d, "out of memory");
    return apply_profile(c, c->profiles_file, p->key, p->value, d);
}
