/*
 * config_profiles.h - the named profiles of a credscore.yaml (its
 * `profiles:` section, read by config_sections.c): checking every one of
 * them and applying the one chosen with --profile (private to config/;
 * cs_config_load_profile in config.h is the public way in).
 *
 * A profile is one more overlay applied after the whole file, with the
 * same meaning as the file's own keys.  Errors: -1 with d set to
 * "file:line:col: profile 'NAME': what is wrong", or to the unknown
 * profile's message (with a did-you-mean and the profiles there are).
 */
#ifndef CS_CONFIG_PROFILES_H
#define CS_CONFIG_PROFILES_H

#include "config.h"
#include "diag.h"
#include "yaml_tree.h"

/* Check every profile of c (just loaded from doc, no profile applied
 * yet), each on a scratch copy built the way c was: defaults, doc, the
 * profile.  c is not changed.  0, or -1 with d naming the first profile
 * that fails. */
int cfg_check_profiles(const cs_config *c, const cs_ydoc *doc, cs_diag *d);

/* Apply the profile of c called name to c and remember it in c->profile
 * (a malloc'd copy, owned by c).  0, or -1 with d filled. */
int cfg_use_profile(cs_config *c, const char *name, cs_diag *d);

#endif
