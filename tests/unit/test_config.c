/*
 * test_config.c - the YAML tree (yaml_tree.c) and the configuration
 * (config*.c, default_config.c): defaults, overlay, exact error messages,
 * cs_config_find, print -> load round trip, plugin option readers and the
 * limits against hostile YAML.  Every file is written under one mkdtemp
 * folder, which is removed at the end.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "tap.h"
#include "yaml_tree.h"

static char base_dir[256]; /* realpath of the mkdtemp folder */
static char *created[512];       /* files and folders to remove, in order */
static size_t ncreated;

/* out (PATH_MAX) = dir + "/" + name */
static const char *join(char *out, const char *dir, const char *name)
{
    snprintf(out, PATH_MAX, "%s/%s", dir, name);
    return out;
}

static void remember(const char *path)
{
    if (ncreated < sizeof created / sizeof created[0])
        created[ncreated++] = cs_strdup(path);
}

static void cleanup(void)
{
    for (size_t i = ncreated; i-- > 0;) {
        if (remove(created[i]) != 0)
            printf("# could not remove %s\n", created[i]);
        free(created[i]);
    }
    ncreated = 0;
}

/* Write text to a new mkstemp file in dir (base_dir when NULL); the
 * path goes to out (PATH_MAX).  Returns 0 or -1. */
static int write_temp_in(const char *dir, const char *text, char *out)
{
    snprintf(out, PATH_MAX, "%s/cfgXXXXXX", dir ? dir : base_dir);
    int fd = mkstemp(out);
    if (fd < 0)
        return -1;
    remember(out);
    size_t len = strlen(text);
    ssize_t n = write(fd, text, len);
    close(fd);
    return n == (ssize_t)len ? 0 : -1;
}

static int write_temp(const char *text, char *out)
{
    return write_temp_in(NULL, text, out);
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    remember(path);
    fputs(text, f);
    return fclose(f);
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0700) != 0)
        return -1;
    remember(path);
    return 0;
}

/* Load text as a config file; *path receives the file's path. */
static int load_text(const char *text, cs_config *c, cs_diag *d, char *path)
{
    memset(c, 0, sizeof *c);
    d->msg[0] = '\0';
    if (write_temp(text, path) != 0) {
        printf("# could not write a temp file\n");
        return -2;
    }
    return cs_config_load(c, path, d);
}

/* Expect loading text to fail with "PATH:" + tail. */
static void expect_error(const char *text, const char *tail, const char *name)
{
    cs_config c;
    cs_diag d;
    char path[PATH_MAX], want[CS_DIAG_MAX + PATH_MAX];
    int rc = load_text(text, &c, &d, path);
    snprintf(want, sizeof want, "%s:%s", path, tail);
    is_int(rc, -1, "%s: load fails", name);
    is_str(d.msg, want, "%s: message", name);
    ok(c.markers == NULL && c.trees[0] == NULL, "%s: config left empty", name);
    cs_config_free(&c);
}

/* ---- the built-in configuration ---- */

static void test_defaults(void)
{
    static const char *const names[] = {"anonymous", "vague",         "unverified", "hedged",
                                        "on_record", "institutional", "media",      "social"};
    cs_config c;
    cs_diag d = {{0}};
    is_int(cs_config_default(&c, &d), 0, "defaults load");
    if (c.nmarkers != 8) {
        ok(0, "eight default markers (got %zu; %s)", c.nmarkers, d.msg);
        cs_config_free(&c);
        return;
    }
    ok(1, "eight default markers");
    int all_text = 1;
    for (size_t i = 0; i < 8; i++) {
        const cs_marker_conf *m = &c.markers[i];
        is_str(m->name, names[i], "marker %zu is %s", i, names[i]);
        all_text &= m->description[0] && m->why[0] && m->fix[0] && m->message[0] &&
                    !strchr(m->message, '\n') && !m->has_weight;
    }
    ok(all_text, "every default marker has description, why, fix, one-line message, no weight");
    const cs_marker_conf *an = &c.markers[cs_config_marker_index(&c, "anonymous")];
    ok(an->default_weight == -8 && an->level == CS_LEVEL_WARNING && an->passage_cap == 12 &&
           an->cap == 40 && !an->one_shot,
       "anonymous: -8 warning, caps 12/40");
    const cs_marker_conf *he = &c.markers[cs_config_marker_index(&c, "hedged")];
    ok(he->default_weight == -3 && he->level == CS_LEVEL_INFO && he->one_shot && he->cap == 15,
       "hedged: -3 info one_shot cap 15");
    const cs_marker_conf *on = &c.markers[cs_config_marker_index(&c, "on_record")];
    ok(on->default_weight == 6 && on->passage_cap == 9 && on->cap == 40, "on_record: +6 9/40");
    const cs_marker_conf *me = &c.markers[cs_config_marker_index(&c, "media")];
    ok(me->default_weight == 1 && me->one_shot && me->cap == 8, "media: +1 one_shot cap 8");
    ok(c.base == 50 && c.has_threshold && c.threshold == 40, "scoring 50 / fail_under 40");
    is_int(c.nbands, 4, "four bands");
    is_str(cs_config_verdict(&c, 80), "well sourced", "verdict 80");
    is_str(cs_config_verdict(&c, 70), "well sourced", "verdict 70");
    is_str(cs_config_verdict(&c, 69.9), "adequately sourced", "verdict 69.9");
    ok(!c.unsourced_fails, "scoring.unsourced: pass by default");
    is_str(cs_config_verdict(&c, 35), "thinly sourced", "verdict 35");
    is_str(cs_config_verdict(&c, 0), "poorly sourced", "verdict 0");
    is_str(cs_config_verdict(&c, -3), "poorly sourced", "verdict below 0");
    is_str(cs_config_verdict(&c, NAN), "poorly sourced", "verdict NaN");
    ok(c.nrule_paths == 1 && strcmp(c.rule_paths[0], "@default") == 0, "rules: [@default]");
    ok(c.nplugins == 2 && strcmp(c.plugins[0].name, "attribution") == 0 &&
           strcmp(c.plugins[1].name, "quotes") == 0 && c.plugins[0].options == NULL &&
           c.plugins[0].path == NULL && strcmp(c.plugins[0].file, "<built-in>") == 0,
       "plugins attribution, quotes by name");
    ok(c.limits.instructions == 1000000 && c.limits.memory_bytes == 64LL * 1024 * 1024,
       "limits 1e6 instructions, 64 MiB");
    ok(c.path == NULL && strcmp(c.dir, ".") == 0, "no path, dir '.'");
    is_int(cs_config_marker_index(&c, "nope"), -1, "unknown marker index -1");
    ok(cs_config_override(&c, "any") == NULL, "no overrides by default");
    cs_config_free(&c);
    ok(c.markers == NULL && c.nmarkers == 0, "free zeroes the config");
    cs_config_free(&c); /* twice is harmless */
}

static void test_levels(void)
{
    cs_level l = CS_LEVEL_INFO;
    is_str(cs_level_name(CS_LEVEL_WARNING), "warning", "level name warning");
    is_int(cs_level_parse("error", &l), 0, "parse error");
    is_int(l, CS_LEVEL_ERROR, "parsed level error");
    is_int(cs_level_parse("Error", &l), -1, "levels are lower case");
    is_int(cs_level_parse("fatal", &l), -1, "unknown level");
}

/* ---- empty and trivial files ---- */

static void test_empty(void)
{
    static const char *const texts[] = {"", "# only a comment\n\n   # another\n", "---\n",
                                        "~\n", "version: 1\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cs_config c;
        cs_diag d;
        char path[PATH_MAX];
        int rc = load_text(texts[i], &c, &d, path);
        is_int(rc, 0, "trivial file %zu loads (%s)", i, rc ? d.msg : "");
        ok(rc == 0 && c.nmarkers == 8 && c.base == 50 && c.nbands == 4 &&
               strcmp(c.path, path) == 0 && strcmp(c.dir, base_dir) == 0,
           "trivial file %zu: defaults, path and dir kept", i);
        cs_config_free(&c);
    }
}

/* ---- error messages ---- */

static void test_errors(void)
{
    expect_error("scoring:\n  base: [1, 2\n",
                 "3:1: did not find expected ',' or ']' (while parsing a flow sequence)",
                 "YAML syntax error");
    expect_error("a: b: c\n", "1:5: mapping values are not allowed in this context",
                 "syntax error without context");
    expect_error("version: 1\n\xff\n", "2:1: invalid leading UTF-8 octet (byte 0xff)",
                 "invalid UTF-8");
    expect_error("version: 1\nrulez: []\n",
                 "2:1: unknown top-level key 'rulez' (did you mean 'rules'?); valid keys: "
                 "version, rules, plugin_paths, plugins, markers, rule_overrides, scoring, "
                 "bands, limits, include, exclude, profiles",
                 "unknown top-level key");
    expect_error("colour: red\n",
                 "1:1: unknown top-level key 'colour'; valid keys: version, rules, "
                 "plugin_paths, plugins, markers, rule_overrides, scoring, bands, limits, "
                 "include, exclude, profiles",
                 "unknown key without suggestion");
    expect_error("scoring:\n  bsae: 3\n",
                 "2:3: unknown key 'bsae' in scoring (did you mean 'base'?); valid keys: base, "
                 "fail_under, unsourced",
                 "unknown nested key");
    expect_error("markers:\n  anonymous:\n    wieght: -1\n",
                 "3:5: unknown key 'wieght' in markers.anonymous (did you mean 'weight'?); "
                 "valid keys: description, why, fix, message, default_weight, weight, level, "
                 "passage_cap, cap, one_shot",
                 "unknown marker key");
    expect_error("markers:\n  anonymus:\n    weight: -10\n",
                 "2:3: unknown marker 'anonymus' (did you mean 'anonymous'?)", "unknown marker");
    expect_error("markers:\n  paywall: {weight: -1}\n",
                 "2:3: unknown marker 'paywall' (known: anonymous, vague, unverified, hedged, "
                 "on_record, institutional, media, social; to define a new marker give it both "
                 "description and default_weight)",
                 "unknown marker without suggestion");
    expect_error("scoring:\n  base: [1]\n",
                 "2:9: scoring.base: expected a number, got a sequence", "wrong type: sequence");
    expect_error("markers:\n  vague:\n    cap: \"5\"\n",
                 "3:10: markers.vague.cap: expected a number, got a quoted string",
                 "quoted number");
    expect_error("markers:\n  hedged:\n    one_shot: maybe\n",
                 "3:15: markers.hedged.one_shot: expected true/false, got 'maybe'",
                 "wrong type: bool");
    expect_error("rules: ./mine.lua\n", "1:8: rules: expected a sequence, got './mine.lua'",
                 "rules not a list");
    expect_error("markers:\n  vague:\n    level: fatal\n",
                 "3:12: markers.vague.level: unknown level 'fatal' (expected info, warning or "
                 "error)",
                 "bad level");
    expect_error("bands:\n  - {min: 50, verdict: fine}\n  - {min: 10, verdict: bad}\n",
                 "2:3: bands: no band has min 0; the lowest band must start at 0 so that every "
                 "score gets a verdict",
                 "bands without 0");
    expect_error("scoring:\n  base: 40\n  fail_under: 30\n  base: 60\n",
                 "4:3: duplicate key 'base'", "duplicate key");
    expect_error("markers:\n  anonymous:\n    cap: -1\n",
                 "3:10: markers.anonymous.cap: must be between 0 and 1e+09, got -1",
                 "negative cap");
    expect_error("markers:\n  anonymous:\n    weight: 1e999\n",
                 "3:13: markers.anonymous.weight: number out of range", "infinite weight");
    expect_error("markers:\n  anonymous:\n    weight: .inf\n",
                 "3:13: markers.anonymous.weight: expected a number, got '.inf'", "yaml .inf");
    expect_error("version: 2\n",
                 "1:10: version: unsupported version 2 (this credscore reads version 1)",
                 "version 2");
    expect_error("markers:\n  Pay-Wall:\n    description: x\n    default_weight: 1\n",
                 "2:3: marker name 'Pay-Wall' must match [a-z][a-z0-9_]* (at most 64 "
                 "characters)",
                 "bad new marker name");
    expect_error("plugins:\n  - {name: a, path: ./b.so}\n",
                 "2:5: plugins[0]: give either 'name' or 'path' (exactly one)",
                 "plugin with name and path");
    expect_error("plugins:\n  - name: quotes\n    options: [1]\n",
                 "3:14: plugins[0].options: expected a mapping, got a sequence",
                 "plugin options not a mapping");
    expect_error("plugins: [Bad.Name]\n",
                 "1:11: plugins[0].name: plugin name 'Bad.Name' must match [a-z0-9_-]+",
                 "bad plugin name");
    expect_error("rule_overrides:\n  some-rule: {enabled: nope}\n",
                 "2:24: rule_overrides.some-rule.enabled: expected true/false, got 'nope'",
                 "override enabled");
    expect_error("rules: [\"@extra\"]\n",
                 "1:9: rules[0]: unknown bundled pack '@extra' (only \"@default\" exists)",
                 "unknown pack");
    expect_error("limits: {memory_mb: 1.5}\n",
                 "1:21: limits.memory_mb: expected an integer, got '1.5'", "memory not integer");
    expect_error("scoring: {base: 101}\n",
                 "1:17: scoring.base: must be between 0 and 100, got 101", "base out of range");
    expect_error("bands:\n  - {min: 0, verdict: a}\n  - {min: 0.0, verdict: b}\n",
                 "3:11: bands[1].min: another band has min 0", "two bands alike");
    expect_error("bands:\n  - {min: 0}\n", "2:5: bands[0]: needs both 'min' and 'verdict'",
                 "band without verdict");
    expect_error("- rules\n",
                 "1:1: configuration: expected a mapping of settings (key: value), got a "
                 "sequence",
                 "root is a sequence");
    expect_error("---\nversion: 1\n---\nversion: 1\n",
                 "3:1: a second YAML document; only one is allowed here", "two documents");
    expect_error("\"a\\0b\": 1\n", "1:1: a NUL character inside a scalar is not supported",
                 "NUL in a scalar");
    expect_error("? [a]\n: b\n",
                 "1:3: a mapping key must be a scalar (complex keys are not supported)",
                 "complex key");
    expect_error("markers:\n  vague: 5\n", "2:10: markers.vague: expected a mapping, got '5'",
                 "marker not a mapping");
    expect_error("markers:\n  anonymous:\n    message: \"\"\n",
                 "3:14: markers.anonymous.message: must not be empty", "empty message");

    /* a missing file */
    cs_config c;
    cs_diag d;
    char path[PATH_MAX], want[PATH_MAX + 64];
    join(path, base_dir, "does-not-exist.yaml");
    is_int(cs_config_load(&c, path, &d), -1, "missing file fails");
    snprintf(want, sizeof want, "%s: cannot read: No such file or directory", path);
    is_str(d.msg, want, "missing file message");
    cs_config_free(&c);
}

/* ---- overlay ---- */

static void test_overlay(void)
{
    const char *text =
        "# a newsroom's settings\n"
        "rules: [local.lua, sub/dir, /abs/rule.lua, \"@default\"]\n"
        "plugin_paths: [plugins]\n"
        "plugins:\n"
        "  - quotes\n"
        "  - path: ./mine.so\n"
        "    options: {level: 3}\n"
        "markers:\n"
        "  anonymous:\n"
        "    weight: -10\n"
        "    level: error\n"
        "  hedged:\n"
        "    one_shot: no\n"
        "    message: 'Hedge word.'\n"
        "  paywall:\n"
        "    description: Text behind a paywall that cannot be checked.\n"
        "    default_weight: -1\n"
        "    cap: 4\n"
        "rule_overrides:\n"
        "  weasel-many: {weight: -2, level: info}\n"
        "  attribution/said: {enabled: false}\n"
        "scoring: {fail_under: null}\n"
        "bands:\n"
        "  - {min: 0, verdict: weak}\n"
        "  - {min: 60, verdict: strong}\n"
        "limits: {instructions: 0, memory_mb: 8}\n";
    cs_config c;
    cs_diag d;
    char path[PATH_MAX], want[PATH_MAX + 32];
    int rc = load_text(text, &c, &d, path);
    is_int(rc, 0, "overlay loads (%s)", rc ? d.msg : "ok");
    if (rc != 0)
        return;
    const cs_marker_conf *an = &c.markers[cs_config_marker_index(&c, "anonymous")];
    ok(an->has_weight && an->weight == -10 && an->default_weight == -8 &&
           an->level == CS_LEVEL_ERROR && an->cap == 40,
       "anonymous: weight overridden, level error, default_weight and cap kept");
    const cs_marker_conf *he = &c.markers[cs_config_marker_index(&c, "hedged")];
    ok(!he->one_shot && strcmp(he->message, "Hedge word.") == 0 && he->default_weight == -3 &&
           !he->has_weight,
       "hedged: one_shot and message replaced, rest kept");
    const cs_marker_conf *va = &c.markers[cs_config_marker_index(&c, "vague")];
    ok(va->default_weight == -5 && !va->has_weight && va->level == CS_LEVEL_WARNING,
       "vague untouched");
    is_int(c.nmarkers, 9, "a ninth marker defined");
    is_int(cs_config_marker_index(&c, "paywall"), 8, "new marker comes after the eight");
    const cs_marker_conf *pw = &c.markers[8];
    ok(pw->default_weight == -1 && pw->cap == 4 && pw->level == CS_LEVEL_INFO &&
           strcmp(pw->message, pw->description) == 0 && strcmp(pw->why, "") == 0 &&
           strcmp(pw->fix, "") == 0,
       "new marker: defaults filled (message = description, info)");
    is_int(c.nrule_paths, 4, "rules replaced");
    snprintf(want, sizeof want, "%s/local.lua", base_dir);
    is_str(c.rule_paths[0], want, "relative rule resolved against the config dir");
    snprintf(want, sizeof want, "%s/sub/dir", base_dir);
    is_str(c.rule_paths[1], want, "relative folder resolved");
    is_str(c.rule_paths[2], "/abs/rule.lua", "absolute rule kept");
    is_str(c.rule_paths[3], "@default", "@default kept");
    snprintf(want, sizeof want, "%s/plugins", base_dir);
    ok(c.nplugin_paths == 1 && strcmp(c.plugin_paths[0], want) == 0, "plugin_paths resolved");
    is_int(c.nplugins, 2, "plugins replaced");
    ok(strcmp(c.plugins[0].name, "quotes") == 0 && c.plugins[0].path == NULL &&
           c.plugins[0].line == 5 && c.plugins[0].col == 5 &&
           strcmp(c.plugins[0].file, path) == 0,
       "bare plugin name, with its position");
    snprintf(want, sizeof want, "%s/./mine.so", base_dir);
    ok(c.plugins[1].name == NULL && c.plugins[1].path && strcmp(c.plugins[1].path, want) == 0,
       "plugin path resolved");
    credscore_options o = {c.plugins[1].options};
    long long lv = 0;
    ok(cs_options_int(&o, "level", &lv) == 0 && lv == 3, "plugin options reachable");
    const cs_rule_override *ov = cs_config_override(&c, "weasel-many");
    ok(ov && ov->has_weight && ov->weight == -2 && ov->has_level &&
           ov->level == CS_LEVEL_INFO && ov->enabled,
       "override weight + level");
    ov = cs_config_override(&c, "attribution/said");
    ok(ov && !ov->has_weight && !ov->has_level && !ov->enabled, "override disables a rule");
    ok(!c.has_threshold && c.base == 50, "fail_under: null removes the threshold");
    ok(c.nbands == 2 && c.bands[0].min == 60 && c.bands[1].min == 0, "bands sorted, replaced");
    is_str(cs_config_verdict(&c, 59), "weak", "new verdict 59");
    is_str(cs_config_verdict(&c, 60), "strong", "new verdict 60");
    ok(c.limits.instructions == 0 && c.limits.memory_bytes == 8LL << 20, "limits replaced");
    is_str(c.dir, base_dir, "dir is the config file's folder");
    cs_config_free(&c);
}

/* ---- find ---- */

static void test_find(void)
{
    char a[PATH_MAX], b[PATH_MAX], cdir[PATH_MAX], f1[PATH_MAX], f2[PATH_MAX], f3[PATH_MAX];
    char *found = NULL;
    join(a, base_dir, "a");
    join(b, base_dir, "a/b");
    join(cdir, base_dir, "a/b/c");
    if (make_dir(a) != 0 || make_dir(b) != 0 || make_dir(cdir) != 0) {
        ok(0, "make nested folders");
        return;
    }
    int rc = cs_config_find(cdir, &found);
    ok(rc == 0 || (rc == 1 && strncmp(found, base_dir, strlen(base_dir)) != 0),
       "nothing found inside the temp tree");
    free(found);
    found = NULL;

    join(f1, base_dir, "a/credscore.yaml");
    write_file(f1, "version: 1\n");
    is_int(cs_config_find(cdir, &found), 1, "found from two levels down");
    is_str(found, f1, "parent's credscore.yaml");
    free(found);
    found = NULL;

    join(f2, base_dir, "a/b/.credscore.yaml");
    write_file(f2, "version: 1\n");
    is_int(cs_config_find(cdir, &found), 1, "found the nearer one");
    is_str(found, f2, "nearest .credscore.yaml wins over a farther credscore.yaml");
    free(found);
    found = NULL;

    join(f3, base_dir, "a/b/credscore.yaml");
    write_file(f3, "version: 1\n");
    is_int(cs_config_find(b, &found), 1, "found in start dir");
    is_str(found, f3, "credscore.yaml preferred over .credscore.yaml");
    free(found);
    found = NULL;

    char rel[PATH_MAX];
    join(rel, base_dir, "a/b/c/.."); /* a non-canonical start */
    is_int(cs_config_find(rel, &found), 1, "non-canonical start dir");
    is_str(found, f3, "resolved through '..'");
    free(found);
    found = NULL;

    join(rel, base_dir, "missing");
    is_int(cs_config_find(rel, &found), 0, "missing start dir: not found");
    ok(found == NULL, "no path returned");

    /* a folder named credscore.yaml is not a config */
    char fake[PATH_MAX];
    join(fake, base_dir, "a/b/c/credscore.yaml");
    make_dir(fake);
    is_int(cs_config_find(cdir, &found), 1, "folder named credscore.yaml skipped");
    is_str(found, f3, "went on to the parent");
    free(found);
}

/* ---- print -> load ---- */

static int same_node(const cs_ynode *x, const cs_ynode *y)
{
    if (x == NULL || y == NULL)
        return x == y;
    if (x->kind != y->kind)
        return 0;
    if (x->kind == CS_YNODE_SCALAR) {
        /* an empty plain scalar and "~" mean the same (null) */
        if (cs_ynode_is_null(x) || cs_ynode_is_null(y))
            return cs_ynode_is_null(x) == cs_ynode_is_null(y);
        return x->plain == y->plain && strcmp(x->value, y->value) == 0;
    }
    if (x->kind == CS_YNODE_SEQUENCE) {
        if (x->nitems != y->nitems)
            return 0;
        for (size_t i = 0; i < x->nitems; i++)
            if (!same_node(x->items[i], y->items[i]))
                return 0;
        return 1;
    }
    if (x->npairs != y->npairs)
        return 0;
    for (size_t i = 0; i < x->npairs; i++)
        if (strcmp(x->pairs[i].key->value, y->pairs[i].key->value) != 0 ||
            !same_node(x->pairs[i].value, y->pairs[i].value))
            return 0;
    return 1;
}

static int same_str(const char *x, const char *y)
{
    return (x == NULL && y == NULL) || (x && y && strcmp(x, y) == 0);
}

static int same_config(const cs_config *x, const cs_config *y)
{
    int same = x->nrule_paths == y->nrule_paths && x->nplugin_paths == y->nplugin_paths &&
               x->nplugins == y->nplugins && x->nmarkers == y->nmarkers &&
               x->noverrides == y->noverrides && x->nbands == y->nbands && x->base == y->base &&
               x->has_threshold == y->has_threshold && x->threshold == y->threshold &&
               x->limits.instructions == y->limits.instructions &&
               x->limits.memory_bytes == y->limits.memory_bytes;
    if (!same) {
        printf("# counts or scalars differ\n");
        return 0;
    }
    for (size_t i = 0; i < x->nrule_paths; i++)
        same &= same_str(x->rule_paths[i], y->rule_paths[i]);
    for (size_t i = 0; i < x->nplugin_paths; i++)
        same &= same_str(x->plugin_paths[i], y->plugin_paths[i]);
    for (size_t i = 0; i < x->nplugins; i++)
        same &= same_str(x->plugins[i].name, y->plugins[i].name) &&
                same_str(x->plugins[i].path, y->plugins[i].path) &&
                same_node(x->plugins[i].options, y->plugins[i].options);
    for (size_t i = 0; i < x->nmarkers; i++) {
        const cs_marker_conf *m = &x->markers[i], *n = &y->markers[i];
        same &= same_str(m->name, n->name) && same_str(m->description, n->description) &&
                same_str(m->why, n->why) && same_str(m->fix, n->fix) &&
                same_str(m->message, n->message) && m->default_weight == n->default_weight &&
                m->has_weight == n->has_weight && (!m->has_weight || m->weight == n->weight) &&
                m->level == n->level && m->passage_cap == n->passage_cap && m->cap == n->cap &&
                m->one_shot == n->one_shot;
    }
    for (size_t i = 0; i < x->noverrides; i++) {
        const cs_rule_override *o = &x->overrides[i], *p = &y->overrides[i];
        same &= same_str(o->id, p->id) && o->has_weight == p->has_weight &&
                (!o->has_weight || o->weight == p->weight) && o->has_level == p->has_level &&
                (!o->has_level || o->level == p->level) && o->enabled == p->enabled;
    }
    for (size_t i = 0; i < x->nbands; i++)
        same &= x->bands[i].min == y->bands[i].min &&
                same_str(x->bands[i].verdict, y->bands[i].verdict);
    return same;
}

/* Print c into a new temp file in dir; path in out. */
static int print_to(const cs_config *c, const char *dir, char *out, cs_buf *text)
{
    join(out, dir, "printXXXXXX");
    int fd = mkstemp(out);
    if (fd < 0)
        return -1;
    remember(out);
    FILE *f = fdopen(fd, "w");
    if (f == NULL) {
        close(fd);
        return -1;
    }
    int rc = cs_config_print(c, f);
    if (fclose(f) != 0)
        rc = -1;
    if (rc == 0 && text != NULL)
        rc = cs_read_file(out, text);
    return rc;
}

/* The printed text after its two comment lines (which name the file). */
static const char *body(const cs_buf *b)
{
    const char *p = b->data ? b->data : "";
    for (int i = 0; i < 2 && strchr(p, '\n'); i++)
        p = strchr(p, '\n') + 1;
    return p;
}

static void test_roundtrip(void)
{
    char longkey[700];
    memset(longkey, 'k', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    cs_buf text = {0};
    cs_buf_printf(
        &text,
        "rules: [mine.lua, \"@default\"]\n"
        "plugin_paths: [\"/opt/with space\", \"dir: colon\"]\n"
        "plugins:\n"
        "  - attribution\n"
        "  - name: quotes\n"
        "    options:\n"
        "      plain_yes: yes\n"
        "      quoted_yes: \"yes\"\n"
        "      int: -42\n"
        "      dbl: 0.1\n"
        "      empty:\n"
        "      tilde: ~\n"
        "      quoted_empty: ''\n"
        "      list: [a, 'b c', \"x: y\", 3, [nested], {k: v}]\n"
        "      empty_list: []\n"
        "      empty_map: {}\n"
        "      'odd key: #1': \"tab\\there\"\n"
        "      %s: long\n"
        "      multi: |\n"
        "        line one\n"
        "        line two\n"
        "      anchored: &a {deep: [1, 2]}\n"
        "      again: *a\n"
        "markers:\n"
        "  anonymous: {weight: -10.25, level: error, passage_cap: 0.5}\n"
        "  social: {weight: 0}\n"
        "  quirky_1:\n"
        "    description: \"Quotes \\\" backslash \\\\ newline \\n tab \\t end\"\n"
        "    default_weight: 1e-3\n"
        "    why: \"Unicode: caf\\u00e9 \\u2028 sep \\x85 nel \\x01 ctl \\x7f del \\ufeff bom\"\n"
        "    fix: '# not a comment'\n"
        "    message: \"--- not a document\"\n"
        "    level: warning\n"
        "    one_shot: on\n"
        "rule_overrides:\n"
        "  \"weird id: with # and 'quotes'\": {weight: 0.3333333333333333}\n"
        "  plain-id: {level: error, enabled: false}\n"
        "scoring: {base: 33.5, fail_under: 12.75}\n"
        "bands:\n"
        "  - {min: 0, verdict: \"low \\\"quoted\\\"\"}\n"
        "  - {min: 50.5, verdict: mid}\n"
        "limits: {instructions: 123456789012, memory_mb: 3}\n",
        longkey);
    cs_config c1, c2, c3;
    cs_diag d;
    char path[PATH_MAX], out1[PATH_MAX], out2[PATH_MAX], sub[PATH_MAX];
    cs_buf p1 = {0}, p2 = {0};
    int rc = load_text(text.data, &c1, &d, path);
    is_int(rc, 0, "round-trip source loads (%s)", rc ? d.msg : "ok");
    cs_buf_free(&text);
    if (rc != 0)
        return;
    join(sub, base_dir, "elsewhere");
    make_dir(sub);
    is_int(print_to(&c1, sub, out1, &p1), 0, "print 1");
    rc = cs_config_load(&c2, out1, &d);
    is_int(rc, 0, "printed config loads again (%s)", rc ? d.msg : "ok");
    if (rc == 0) {
        ok(same_config(&c1, &c2), "print -> load keeps every effective value");
        is_int(print_to(&c2, base_dir, out2, &p2), 0, "print 2");
        is_str(body(&p2), body(&p1), "printing again gives the same text");
        cs_config_free(&c2);
    } else {
        printf("# printed:\n%s", p1.data ? p1.data : "");
    }
    /* the defaults round-trip too */
    cs_buf_free(&p1);
    is_int(cs_config_default(&c3, &d), 0, "defaults for printing");
    is_int(print_to(&c3, sub, out1, &p1), 0, "print defaults");
    rc = cs_config_load(&c2, out1, &d);
    is_int(rc, 0, "printed defaults load (%s)", rc ? d.msg : "ok");
    if (rc == 0) {
        ok(same_config(&c3, &c2), "defaults survive print -> load");
        cs_config_free(&c2);
    }
    ok(p1.data && strstr(p1.data, "\n    weight:") == NULL,
       "no marker weight printed unless overridden");
    cs_config_free(&c3);
    cs_config_free(&c1);
    cs_buf_free(&p1);
    cs_buf_free(&p2);
}

/* ---- profiles ---- */

/* Load text as a config file with profile applied; *path receives the path. */
static int load_profile_text(const char *text, const char *profile, cs_config *c, cs_diag *d,
                             char *path)
{
    memset(c, 0, sizeof *c);
    d->msg[0] = '\0';
    if (write_temp(text, path) != 0) {
        printf("# could not write a temp file\n");
        return -2;
    }
    return cs_config_load_profile(c, path, profile, d);
}

/* Expect loading text with profile to fail with "PATH:" + tail. */
static void expect_profile_error(const char *text, const char *profile, const char *tail,
                                 const char *name)
{
    cs_config c;
    cs_diag d;
    char path[PATH_MAX], want[CS_DIAG_MAX + PATH_MAX];
    int rc = load_profile_text(text, profile, &c, &d, path);
    snprintf(want, sizeof want, "%s:%s", path, tail);
    is_int(rc, -1, "%s: load fails", name);
    is_str(d.msg, want, "%s: message", name);
    ok(c.markers == NULL && c.trees[0] == NULL && c.profile == NULL,
       "%s: config left empty", name);
    cs_config_free(&c);
}

/* A newsroom file: the desk's own settings, then two desk profiles.  The
 * profiles come first in the file on purpose: they still apply last. */
static const char profile_text[] =
    "profiles:\n"
    "  investigations:\n"
    "    markers:\n"
    "      anonymous: {weight: -12, level: error}\n"
    "      leak: {weight: -6}\n"
    "      off_record: {description: Background talk., default_weight: -3}\n"
    "    rule_overrides:\n"
    "      hedged-claimed: {level: warning}\n"
    "    scoring: {fail_under: 60}\n"
    "    bands:\n"
    "      - {min: 70, verdict: publishable}\n"
    "      - {min: 0, verdict: \"back to the desk\"}\n"
    "  wire:\n"
    "    markers:\n"
    "      media: {default_weight: 3}\n"
    "    scoring: {fail_under: null}\n"
    "    limits: {instructions: 5000}\n"
    "  plain:\n"
    "markers:\n"
    "  anonymous: {level: warning, cap: 30}\n"
    "  leak: {description: Leaked papers., default_weight: -2}\n"
    "rule_overrides:\n"
    "  vague-crowd: {weight: -1}\n"
    "scoring: {base: 55, fail_under: 40}\n";

static void test_profiles(void)
{
    cs_config c, f;
    cs_diag d;
    char path[PATH_MAX];

    /* without a profile: the file over the defaults, profiles only read */
    int rc = load_profile_text(profile_text, NULL, &f, &d, path);
    is_int(rc, 0, "file with profiles loads without one (%s)", rc ? d.msg : "ok");
    if (rc != 0)
        return;
    const cs_marker_conf *an = &f.markers[cs_config_marker_index(&f, "anonymous")];
    ok(f.profile == NULL && !an->has_weight && an->level == CS_LEVEL_WARNING && an->cap == 30 &&
           f.threshold == 40 && f.base == 55 && f.nmarkers == 9,
       "no profile: the file's values");
    ok(f.profiles != NULL && f.profiles->value->npairs == 3 &&
           strcmp(f.profiles->key->value, "profiles") == 0 &&
           strcmp(f.profiles_file, path) == 0,
       "the profiles entry is kept, with its file");
    cs_config_free(&f);

    /* cs_config_load_profile with NULL is cs_config_load */
    rc = cs_config_load(&f, path, &d);
    ok(rc == 0 && f.profile == NULL && f.threshold == 40, "cs_config_load: no profile applied");
    cs_config_free(&f);

    /* investigations: defaults < file < profile */
    rc = cs_config_load_profile(&c, path, "investigations", &d);
    is_int(rc, 0, "investigations loads (%s)", rc ? d.msg : "ok");
    if (rc != 0)
        return;
    is_str(c.profile, "investigations", "the applied profile is recorded");
    an = &c.markers[cs_config_marker_index(&c, "anonymous")];
    ok(an->has_weight && an->weight == -12 && an->level == CS_LEVEL_ERROR && an->cap == 30 &&
           an->default_weight == -8 && an->passage_cap == 12,
       "anonymous: profile weight and level over the file's level; file cap and defaults kept");
    const cs_marker_conf *lk = &c.markers[cs_config_marker_index(&c, "leak")];
    ok(lk->has_weight && lk->weight == -6 && lk->default_weight == -2 &&
           strcmp(lk->description, "Leaked papers.") == 0,
       "a marker the file defined is tuned by the profile");
    int off = cs_config_marker_index(&c, "off_record");
    ok(c.nmarkers == 10 && off == 9 && c.markers[off].default_weight == -3,
       "a profile may define a new marker");
    ok(c.noverrides == 1 && cs_config_override(&c, "hedged-claimed") != NULL &&
           cs_config_override(&c, "vague-crowd") == NULL,
       "rule_overrides of the profile replace the file's, as the file's replace the default");
    ok(c.has_threshold && c.threshold == 60 && c.base == 55,
       "scoring: profile threshold over the file's, file base kept");
    ok(c.nbands == 2 && strcmp(cs_config_verdict(&c, 69), "back to the desk") == 0 &&
           strcmp(cs_config_verdict(&c, 70), "publishable") == 0,
       "bands replaced by the profile");
    cs_config_free(&c);

    /* wire: another profile of the same file */
    rc = cs_config_load_profile(&c, path, "wire", &d);
    is_int(rc, 0, "wire loads (%s)", rc ? d.msg : "ok");
    if (rc == 0) {
        an = &c.markers[cs_config_marker_index(&c, "anonymous")];
        const cs_marker_conf *me = &c.markers[cs_config_marker_index(&c, "media")];
        ok(!c.has_threshold && c.limits.instructions == 5000 && me->default_weight == 3 &&
               !an->has_weight && an->level == CS_LEVEL_WARNING && c.nmarkers == 9 &&
               c.noverrides == 1 && cs_config_override(&c, "vague-crowd") != NULL &&
               c.nbands == 4,
           "wire: its settings only; the file's markers, overrides and bands stay");
    }
    cs_config_free(&c);

    /* an empty (null) profile changes nothing */
    rc = cs_config_load_profile(&c, path, "plain", &d);
    ok(rc == 0 && strcmp(c.profile, "plain") == 0 && c.threshold == 40 && c.nmarkers == 9,
       "an empty profile: the file's values");
    cs_config_free(&c);

    /* unknown profiles */
    expect_profile_error(profile_text, "investigation",
                         "1:1: unknown profile 'investigation' (did you mean 'investigations'?); "
                         "profiles: investigations, wire, plain",
                         "unknown profile with a suggestion");
    expect_profile_error(profile_text, "sports",
                         "1:1: unknown profile 'sports'; profiles: investigations, wire, plain",
                         "unknown profile without a suggestion");
    expect_profile_error("scoring: {base: 50}\n", "wire",
                         " unknown profile 'wire': this configuration defines no profiles (add "
                         "them under 'profiles:')",
                         "a file without profiles");
    expect_profile_error("version: 1\nprofiles: {}\n", "wire",
                         "2:1: unknown profile 'wire': this configuration defines no profiles "
                         "(add them under 'profiles:')",
                         "an empty profiles section");
    expect_profile_error("profiles:\n", "wire",
                         "1:1: unknown profile 'wire': this configuration defines no profiles "
                         "(add them under 'profiles:')",
                         "a null profiles section");

    /* bad keys and values inside a profile: file:line:col, profile named,
     * whichever profile is chosen (every profile is checked) */
    expect_error("profiles:\n  wire:\n    scoring: {fail_undr: 30}\n",
                 "3:15: profile 'wire': unknown key 'fail_undr' in scoring (did you mean "
                 "'fail_under'?); valid keys: base, fail_under, unsourced",
                 "profile: unknown nested key");
    expect_error("profiles:\n  wire:\n    markrs: {}\n",
                 "3:5: unknown key 'markrs' in profiles.wire (did you mean 'markers'?); valid "
                 "keys: markers, rule_overrides, scoring, bands, limits",
                 "profile: unknown key");
    expect_error("profiles:\n  wire:\n    plugins: []\n",
                 "3:5: profile 'wire': 'plugins' cannot be set in a profile (a profile may set "
                 "markers, rule_overrides, scoring, bands, limits)",
                 "profile: plugins not allowed");
    expect_error("profiles:\n  wire:\n    version: 1\n",
                 "3:5: profile 'wire': 'version' cannot be set in a profile (a profile may set "
                 "markers, rule_overrides, scoring, bands, limits)",
                 "profile: version not allowed");
    expect_error("profiles:\n  a: {}\n  wire:\n    rules: [x.lua]\n",
                 "4:5: profile 'wire': 'rules' cannot be set in a profile (a profile may set "
                 "markers, rule_overrides, scoring, bands, limits)",
                 "profile: rules not allowed");
    expect_error("profiles:\n  wire:\n    scoring:\n      fail_under: 130\n",
                 "4:19: profile 'wire': scoring.fail_under: must be between 0 and 100, got 130",
                 "profile: value out of range");
    expect_error("profiles:\n  wire:\n    markers:\n      anonymus: {weight: -1}\n",
                 "4:7: profile 'wire': unknown marker 'anonymus' (did you mean 'anonymous'?)",
                 "profile: unknown marker");
    expect_error("profiles:\n  wire:\n    markers:\n      anonymous: {level: loud}\n",
                 "4:26: profile 'wire': markers.anonymous.level: unknown level 'loud' "
                 "(expected info, warning or error)",
                 "profile: bad level");
    expect_error("profiles:\n  wire:\n    bands: [{min: 10, verdict: ok}]\n",
                 "3:12: profile 'wire': bands: no band has min 0; the lowest band must start "
                 "at 0 so that every score gets a verdict",
                 "profile: bands without 0");
    expect_error("profiles:\n  wire: 5\n", "2:9: profiles.wire: expected a mapping, got '5'",
                 "profile not a mapping");
    expect_error("profiles: [wire]\n", "1:11: profiles: expected a mapping, got a sequence",
                 "profiles not a mapping");
    expect_error("profiles:\n  Wire Desk: {}\n",
                 "2:3: profile name 'Wire Desk' must match [a-z0-9_-]+ (at most 64 characters)",
                 "bad profile name");
    expect_error("profiles:\n  x:\n    markers:\n      own: {description: d, default_weight: 1}\n"
                 "  y:\n    markers:\n      own: {weight: 2}\n",
                 "7:7: profile 'y': unknown marker 'own' (known: anonymous, vague, unverified, "
                 "hedged, on_record, institutional, media, social; to define a new marker give "
                 "it both description and default_weight)",
                 "profiles are independent: one does not see another's marker");
    {
        cs_buf many = {0};
        cs_buf_puts(&many, "profiles:\n");
        for (int i = 0; i <= 64; i++)
            cs_buf_printf(&many, "  p%d: {scoring: {base: 1}}\n", i);
        expect_error(many.data, "66:3: too many profiles (at most 64)", "65 profiles");
        cs_buf_free(&many);
    }
    expect_profile_error("profiles:\n  good: {scoring: {base: 60}}\n"
                         "  bad: {scoring: {base: -1}}\n",
                         "good",
                         "3:25: profile 'bad': scoring.base: must be between 0 and 100, got -1",
                         "a broken profile fails the load even when another is chosen");
    /* a marker the file defines can be tuned in a profile and is checked so */
    rc = load_profile_text("markers:\n  leak: {description: L, default_weight: -2}\n"
                           "profiles:\n  p: {markers: {leak: {cap: 3}}}\n",
                           "p", &c, &d, path);
    ok(rc == 0 && c.markers[cs_config_marker_index(&c, "leak")].cap == 3,
       "a profile sees the markers of its file (%s)", rc ? d.msg : "ok");
    cs_config_free(&c);

    /* print -> load: the printed file has the values with the profile
     * applied and the profiles as written */
    cs_buf p1 = {0}, p2 = {0};
    char out1[PATH_MAX], out2[PATH_MAX];
    rc = load_profile_text(profile_text, "investigations", &c, &d, path);
    if (rc == 0 && print_to(&c, base_dir, out1, &p1) == 0) {
        ok(strstr(p1.data, ", then its profile 'investigations'\n") != NULL &&
               strstr(p1.data, "'investigations' is already applied") != NULL &&
               strstr(p1.data, "\nprofiles:\n  investigations:\n    markers:\n") != NULL &&
               strstr(p1.data, "    bands:\n      - min: 70\n        verdict: publishable\n") !=
                   NULL,
           "print names the profile and keeps the profiles");
        rc = cs_config_load(&f, out1, &d);
        ok(rc == 0 && same_config(&c, &f) && f.profile == NULL,
           "printed file, no profile: the same values (%s)", rc ? d.msg : "ok");
        cs_config_free(&f);
        rc = cs_config_load_profile(&f, out1, "investigations", &d);
        ok(rc == 0 && same_config(&c, &f),
           "printed file with the profile again: still the same values (%s)",
           rc ? d.msg : "ok");
        if (rc == 0 && print_to(&f, base_dir, out2, &p2) == 0)
            is_str(body(&p2), body(&p1), "printing it again gives the same text");
        cs_config_free(&f);
        cs_config free_me;
        rc = cs_config_load_profile(&f, out1, "wire", &d);
        int rc2 = cs_config_load_profile(&free_me, path, "wire", &d);
        ok(rc == 0 && rc2 == 0 && !f.has_threshold && f.limits.instructions == 5000,
           "another profile still applies to the printed file");
        cs_config_free(&free_me);
        cs_config_free(&f);
    } else {
        ok(0, "load and print with a profile (%s)", d.msg);
    }
    cs_config_free(&c);
    cs_buf_free(&p1);
    cs_buf_free(&p2);
}

/* ---- plugin options ---- */

static void test_options(void)
{
    const char *yaml = "n: 42\n"
                       "neg: -7\n"
                       "plus: +5\n"
                       "big: 99999999999999999999\n"
                       "f: 2.5\n"
                       "e: 1e3\n"
                       "inf: inf\n"
                       "hex: 0x10\n"
                       "qn: \"42\"\n"
                       "b1: yes\n"
                       "b2: Off\n"
                       "b3: \"true\"\n"
                       "b4: true\n"
                       "s: hello world\n"
                       "list: [a, b, {x: 1}]\n"
                       "one: solo\n"
                       "empty:\n"
                       "nested: {k: v}\n"
                       "tagged: !!str 7\n";
    cs_ydoc *doc = NULL;
    cs_diag d;
    int rc = cs_ydoc_parse_mem("<opts>", yaml, strlen(yaml), &doc, &d);
    is_int(rc, 0, "options document parses (%s)", rc ? d.msg : "ok");
    if (rc != 0)
        return;
    credscore_options o = {cs_ydoc_root(doc)}, none = {NULL};
    long long i = 99;
    double x = 99;
    int b = 99;
    ok(cs_options_int(&o, "n", &i) == 0 && i == 42, "int 42");
    ok(cs_options_int(&o, "neg", &i) == 0 && i == -7, "int -7");
    ok(cs_options_int(&o, "plus", &i) == 0 && i == 5, "int +5");
    i = 99;
    ok(cs_options_int(&o, "big", &i) == -1 && i == 99, "int overflow refused, out untouched");
    ok(cs_options_int(&o, "f", &i) == -1, "2.5 is not an int");
    ok(cs_options_int(&o, "qn", &i) == -1, "quoted \"42\" is not an int");
    ok(cs_options_int(&o, "hex", &i) == -1, "hex is not a decimal int");
    ok(cs_options_int(&o, "tagged", &i) == -1, "tagged !!str 7 is not an int");
    ok(cs_options_int(&o, "missing", &i) == -1 && i == 99, "absent int");
    ok(cs_options_double(&o, "f", &x) == 0 && x == 2.5, "double 2.5");
    ok(cs_options_double(&o, "n", &x) == 0 && x == 42, "int reads as double");
    ok(cs_options_double(&o, "e", &x) == 0 && x == 1000, "double 1e3");
    x = 99;
    ok(cs_options_double(&o, "inf", &x) == -1 && x == 99, "inf refused");
    ok(cs_options_double(&o, "s", &x) == -1, "text is not a double");
    ok(cs_options_bool(&o, "b1", &b) == 0 && b == 1, "bool yes");
    ok(cs_options_bool(&o, "b2", &b) == 0 && b == 0, "bool Off");
    ok(cs_options_bool(&o, "b4", &b) == 0 && b == 1, "bool true");
    b = 99;
    ok(cs_options_bool(&o, "b3", &b) == -1 && b == 99, "quoted \"true\" is not a bool");
    ok(cs_options_bool(&o, "n", &b) == -1, "42 is not a bool");
    is_str(cs_options_string(&o, "s"), "hello world", "string");
    is_str(cs_options_string(&o, "qn"), "42", "quoted string");
    is_str(cs_options_string(&o, "b1"), "yes", "plain yes as a string");
    is_str(cs_options_string(&o, "list"), NULL, "a list is not a string");
    is_str(cs_options_string(&o, "missing"), NULL, "absent string");
    is_int(cs_options_list_count(&o, "list"), 3, "list count 3");
    is_str(cs_options_list_item(&o, "list", 0), "a", "item 0");
    is_str(cs_options_list_item(&o, "list", 1), "b", "item 1");
    is_str(cs_options_list_item(&o, "list", 2), NULL, "a mapping item is NULL");
    is_str(cs_options_list_item(&o, "list", 3), NULL, "past the end is NULL");
    is_int(cs_options_list_count(&o, "one"), 1, "single scalar is a 1-item list");
    is_str(cs_options_list_item(&o, "one", 0), "solo", "its item");
    is_str(cs_options_list_item(&o, "one", 1), NULL, "nothing after it");
    is_int(cs_options_list_count(&o, "empty"), 0, "null is an empty list");
    is_int(cs_options_list_count(&o, "nested"), 0, "a mapping is not a list");
    is_int(cs_options_list_count(&o, "missing"), 0, "absent list");
    ok(cs_options_string(&none, "s") == NULL && cs_options_int(&none, "n", &i) == -1 &&
           cs_options_list_count(&none, "list") == 0 && cs_options_string(NULL, "s") == NULL,
       "no options: every key absent");
    cs_ydoc_free(doc);
}

/* ---- the YAML tree ---- */

static int parse_str(const char *text, cs_ydoc **doc, cs_diag *d)
{
    d->msg[0] = '\0';
    return cs_ydoc_parse_mem("t.yaml", text, strlen(text), doc, d);
}

static void test_tree(void)
{
    cs_ydoc *doc = NULL;
    cs_diag d;
    cs_buf b = {0};

    /* positions, order, plain vs quoted */
    is_int(parse_str("# c\nfirst: 1\nsecond:\n  - 'yes'\n  - yes\n", &doc, &d), 0, "parse");
    const cs_ynode *root = cs_ydoc_root(doc);
    ok(root && root->kind == CS_YNODE_MAPPING && root->npairs == 2 &&
           strcmp(root->pairs[0].key->value, "first") == 0 &&
           strcmp(root->pairs[1].key->value, "second") == 0,
       "keys in document order");
    const cs_ypair *p = cs_ynode_pair(root, "second");
    ok(p && p->key->line == 3 && p->key->col == 1, "key position 3:1");
    const cs_ynode *seq = cs_ynode_get(root, "second");
    ok(seq && seq->kind == CS_YNODE_SEQUENCE && seq->nitems == 2 && seq->items[0]->line == 4 &&
           seq->items[0]->col == 5 && !seq->items[0]->plain && seq->items[1]->plain,
       "quoted 'yes' is not plain, yes is; item at 4:5");
    ok(cs_ynode_get(root, "third") == NULL && cs_ynode_get(seq, "x") == NULL,
       "lookup misses");
    is_str(cs_ydoc_name(doc), "t.yaml", "display name");
    cs_ydoc_free(doc);

    /* empty stream */
    is_int(parse_str("# nothing\n", &doc, &d), 0, "comment-only stream");
    ok(cs_ydoc_root(doc) == NULL, "its root is NULL");
    cs_ydoc_free(doc);

    /* aliases */
    is_int(parse_str("a: &x {k: [1, 2]}\nb: *x\ns: &t text\nu: *t\n", &doc, &d), 0,
           "aliases parse");
    root = cs_ydoc_root(doc);
    ok(cs_ynode_get(root, "a") == cs_ynode_get(root, "b"), "a collection alias is the node");
    const cs_ynode *u = cs_ynode_get(root, "u");
    ok(u && strcmp(u->value, "text") == 0 && u->line == 4 && u->col == 4,
       "a scalar alias is a copy at the alias's place");
    cs_ydoc_free(doc);
    is_int(parse_str("a: &r [1, *r]\n", &doc, &d), -1, "recursive alias refused");
    is_str(d.msg,
           "t.yaml:1:11: alias '*r' refers to a node that contains it (recursive structures "
           "are not supported)",
           "recursive alias message");
    is_int(parse_str("a: [*nope]\n", &doc, &d), -1, "unknown alias refused");
    is_str(d.msg, "t.yaml:1:5: unknown anchor 'nope' in alias", "unknown alias message");
    ok(doc == NULL, "no document on failure");

    /* nesting: 64 levels fine, 65 refused */
    for (int i = 0; i < 64; i++)
        cs_buf_putc(&b, '[');
    for (int i = 0; i < 64; i++)
        cs_buf_putc(&b, ']');
    is_int(parse_str(b.data, &doc, &d), 0, "64 levels of nesting accepted");
    ok(doc && cs_ydoc_root(doc)->height == 64, "height 64");
    cs_ydoc_free(doc);
    b.len = 0;
    for (int i = 0; i < 100000; i++)
        cs_buf_putc(&b, '[');
    is_int(parse_str(b.data, &doc, &d), -1, "deep nesting refused");
    is_str(d.msg, "t.yaml:1:65: nesting deeper than 64 levels", "deep nesting message");
    b.len = 0;
    cs_buf_puts(&b, "a: &a ");
    for (int i = 0; i < 40; i++)
        cs_buf_putc(&b, '[');
    for (int i = 0; i < 40; i++)
        cs_buf_putc(&b, ']');
    cs_buf_puts(&b, "\nb: ");
    for (int i = 0; i < 30; i++)
        cs_buf_putc(&b, '[');
    cs_buf_puts(&b, "*a");
    for (int i = 0; i < 30; i++)
        cs_buf_putc(&b, ']');
    is_int(parse_str(b.data, &doc, &d), -1, "nesting through an alias refused");
    is_str(d.msg, "t.yaml:2:34: nesting deeper than 64 levels (through alias '*a')",
           "alias nesting message");

    /* billion laughs: each level multiplies by ten */
    b.len = 0;
    cs_buf_puts(&b, "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
        cs_buf_printf(&b, "l%d: &l%d [", i, i);
        for (int j = 0; j < 10; j++)
            cs_buf_printf(&b, "%s*l%d", j ? ", " : "", i - 1);
        cs_buf_puts(&b, "]\n");
    }
    is_int(parse_str(b.data, &doc, &d), -1, "alias bomb refused");
    ok(strstr(d.msg, "document too large: more than 1000000 nodes") != NULL,
       "alias bomb message: %s", d.msg);

    /* many plain nodes: over the limit */
    b.len = 0;
    cs_buf_putc(&b, '[');
    for (int i = 0; i < 1000001; i++)
        cs_buf_puts(&b, "1,");
    cs_buf_putc(&b, ']');
    is_int(parse_str(b.data, &doc, &d), -1, "a million and one nodes refused");
    ok(strncmp(d.msg, "t.yaml:1:", 9) == 0 && strstr(d.msg, "document too large") != NULL,
       "node limit message: %s", d.msg);

    /* duplicate keys in a big mapping */
    b.len = 0;
    for (int i = 0; i < 5000; i++)
        cs_buf_printf(&b, "k%d: %d\n", i, i);
    cs_buf_puts(&b, "k2500: again\nk10: again\n");
    is_int(parse_str(b.data, &doc, &d), -1, "duplicate in a big mapping");
    is_str(d.msg, "t.yaml:5001:1: duplicate key 'k2500'", "first duplicate reported");

    /* describe */
    char buf[32];
    is_int(parse_str("[a, 'q', ~, {}, []]", &doc, &d), 0, "describe input");
    root = cs_ydoc_root(doc);
    is_str(cs_ynode_describe(root->items[0], buf, sizeof buf), "'a'", "describe plain");
    is_str(cs_ynode_describe(root->items[1], buf, sizeof buf), "a quoted string",
           "describe quoted");
    is_str(cs_ynode_describe(root->items[2], buf, sizeof buf), "null", "describe null");
    is_str(cs_ynode_describe(root->items[3], buf, sizeof buf), "a mapping", "describe map");
    is_str(cs_ynode_describe(root->items[4], buf, sizeof buf), "a sequence", "describe seq");
    cs_ydoc_free(doc);

    /* junk never crashes */
    static const char *const junk[] = {"\t\t:", "- - - -\n  -", "{{{{", "&a &b c", "!<x> y",
                                       "%YAML 1.1\n%YAML 1.1\n---", "\"\\u00\"", "? ? ?",
                                       "a: *", "[*a, &a b]", "\xef\xbb\xbf" "a: 1"};
    int survived = 1;
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        doc = NULL;
        int r = parse_str(junk[i], &doc, &d);
        survived &= (r == 0 && doc != NULL) || (r == -1 && doc == NULL && d.msg[0] != '\0');
        cs_ydoc_free(doc);
    }
    ok(survived, "junk input gives a document or a message");
    cs_buf_free(&b);
}

int main(void)
{
    char tmpl[] = "/tmp/cs_config_test_XXXXXX", real[PATH_MAX];
    if (mkdtemp(tmpl) == NULL || realpath(tmpl, real) == NULL ||
        strlen(real) >= sizeof base_dir) {
        printf("Bail out! cannot make a temp folder\n");
        return 1;
    }
    memcpy(base_dir, real, strlen(real) + 1);
    remember(base_dir);
    test_defaults();
    test_levels();
    test_empty();
    test_errors();
    test_overlay();
    test_find();
    test_roundtrip();
    test_profiles();
    test_options();
    test_tree();
    cleanup();
    struct stat st;
    ok(stat(base_dir, &st) != 0, "temp folder removed");
    return done_testing();
}
