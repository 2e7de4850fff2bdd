/*
 * config_sections.h - one credscore.yaml document overlaid on a
 * configuration, section by section (private to config/; the schema is
 * the comment at the top of config_sections.c).
 *
 * Errors: -1 with d (or L->d) set to "file:line:col: what is wrong"
 * (config_check.h); the configuration may then hold part of the document
 * and is only fit for cs_config_free.  Ownership: strings and lists read
 * are owned by the configuration; the document is not copied, so
 * c->profiles and every plugin's options point into it, and it must live
 * as long as c (cs_config keeps its trees).
 */
#ifndef CS_CONFIG_SECTIONS_H
#define CS_CONFIG_SECTIONS_H

#include "config.h"
#include "config_check.h"
#include "diag.h"
#include "yaml_tree.h"

/* Overlay document doc on c: every top-level section (version checked,
 * profiles only read and remembered in c->profiles, not applied).  0, or
 * -1 with d filled. */
int cfg_apply_doc(cs_config *c, const cs_ydoc *doc, cs_diag *d);

/* Apply top-level section k with value v: one of the keys a profile may
 * set, or any other top-level key but version and profiles (the caller
 * has checked k).  0, or -1 with L->d filled. */
int cfg_apply_section(cfg_loader *L, const char *k, const cs_ynode *v);

#endif
