/*
 * bundle.h - one self-contained archive of what scoring needs, for running
 * on other machines (Hadoop Streaming, Spark's RDD.pipe, GNU parallel).
 *
 * `credscore bundle -o credscore-bundle.tar` writes a POSIX ustar archive:
 *   credscore-bundle/MANIFEST       what is inside, and the credscore version
 *   credscore-bundle/config.yaml    the effective configuration
 *   credscore-bundle/rules/NNN-NAME.lua  every rule file, in load order
 *   credscore-bundle/plugins/NAME.so     every plugin loaded
 * `credscore score --bundle FILE` unpacks it into a private temporary folder
 * and scores with exactly that configuration, those rules and plugins.
 *
 * The MANIFEST (one line each: "credscore bundle", "version V", "abi M.N",
 * "rule REL ORIGINAL" per rule file in load order, "plugin NAME VERSION
 * ORIGINAL" per plugin) is written and read here only.
 *
 * Errors: 0 / -1 with a cs_diag naming the archive (or the MANIFEST line at
 * fault).  The unpacked folder is owned by the caller: cs_bundle_remove
 * deletes it.
 */
#ifndef CS_BUNDLE_H
#define CS_BUNDLE_H

#include "config.h"
#include "scorer.h"

int cs_bundle_write(const char *path, const cs_config *cfg, const cs_scorer *s,
                    const char *version, cs_diag *d);

/* Unpack into a new folder under $TMPDIR; *dir gets its malloc'd path. */
int cs_bundle_open(const char *path, char **dir, cs_diag *d);

/* The file rel (a path from the MANIFEST, e.g. "rules/000-desk.lua") inside
 * the unpacked bundle folder dir: 0 and its malloc'd path in *out, or -1
 * with *why saying what is wrong (a static predicate such as "is not in
 * the bundle"; *out NULL; NULL *why: out of memory) when rel is empty or absolute, has a ".." component, is
 * not a regular file there, or is a symlink or resolves outside dir. */
int cs_bundle_member(const char *dir, const char *rel, char **out, const char **why);

/* The rule files of an unpacked bundle, in load order: paths[i] inside the
 * bundle folder (checked by cs_bundle_member), names[i] the name the file
 * had where the bundle was made (shown in reports). */
typedef struct cs_bundle_rules {
    char **paths, **names;
    size_t n, cap;
} cs_bundle_rules;

/* Fill br (zeroed by the caller) from dir's MANIFEST "rule" lines; -1 with
 * d naming the MANIFEST line at fault.  Free br with cs_bundle_rules_free
 * either way. */
int cs_bundle_read_rules(const char *dir, cs_bundle_rules *br, cs_diag *d);
void cs_bundle_rules_free(cs_bundle_rules *br);

/* In a bundle, plugins given by path in the configuration are the bundled
 * copies: replace each such cfg->plugins[i].path by the bundle's file for it
 * (the MANIFEST "plugin" line whose ORIGINAL is that path; NAME.so must be a
 * file of the bundle's plugins/ folder).  -1 with d when the MANIFEST cannot
 * be read, a matching line is bad, or a plugin is not in the bundle. */
int cs_bundle_relocate_plugins(const char *dir, cs_config *cfg, cs_diag *d);

/* Delete an unpacked bundle folder (only the files a bundle can hold). */
void cs_bundle_remove(const char *dir);

#endif
