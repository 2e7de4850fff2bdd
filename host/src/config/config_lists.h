/*
 * config_lists.h - the sections of credscore.yaml that replace one list of
 * the configuration as a whole: rules, plugin_paths, plugins,
 * rule_overrides, bands, include and exclude (private to config/; the
 * schema is described in config_sections.c).
 *
 * A list section is read entry by entry into a new list (paths resolved
 * against the config's folder, globs and names checked, bands sorted) and
 * only then installed, freeing the list it replaces.  Errors: -1 with
 * L->d set ("file:line:col: plugins[2].name: ...", config_check.h) and the
 * configuration as it was.  Ownership: the cs_config owns every list
 * installed; cfg_free_lists releases them.
 */
#ifndef CS_CONFIG_LISTS_H
#define CS_CONFIG_LISTS_H

#include "config.h"
#include "config_check.h"
#include "yaml_tree.h"

/* Apply top-level section k with value v when k is a list section: 0, or
 * -1 with L->d filled.  1 (nothing done) when k is not one of them. */
int cfg_apply_list_section(cfg_loader *L, const char *k, const cs_ynode *v);

/* Free every list of c that the list sections fill, leaving them empty. */
void cfg_free_lists(cs_config *c);

#endif
