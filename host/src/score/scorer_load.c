/*
 * scorer_load.c - building a scorer: the rule files (files and folders, in
 * order), the compiled rule set, the regex match state and the plugins; and
 * freeing it.  The per-passage pipeline is in scorer.c.
 */
#include "scorer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "paths.h"
#include "scorer_state.h"
#include "suggest.h"

void cs_scorer_set_crash_note(cs_scorer *s, char *note, size_t size)
{
    s->crash_note = note;
    s->crash_note_size = size;
}

void cs_log_stderr(void *ctx, int level, const char *message)
{
    int min = ctx ? *(const int *)ctx : CREDSCORE_LOG_INFO;
    if (level < min)
        return;
    const char *what = level >= CREDSCORE_LOG_ERROR ? "error"
                       : level == CREDSCORE_LOG_WARN ? "warning"
                                                      : "note";
    fprintf(stderr, "credscore: %s: %s\n", what, message);
}

const cs_ruleset *cs_scorer_rules(const cs_scorer *s) { return &s->rules; }
const cs_plugin_set *cs_scorer_plugins(const cs_scorer *s) { return &s->plugins; }
const cs_config *cs_scorer_config(const cs_scorer *s) { return s->cfg; }

size_t cs_scorer_rule_files(const cs_scorer *s, const char *const **files)
{
    *files = (const char *const *)s->files;
    return s->nfiles;
}

const char *cs_scorer_rule_file_path(const cs_scorer *s, const char *shown)
{
    for (size_t i = 0; shown && i < s->nfiles; i++)
        if (strcmp(s->files[i], shown) == 0)
            return s->paths[i];
    return NULL;
}

/* Remember a loaded rule file under its display name (`name`, or the path
 * as shown to users when name is NULL) and its path (NULL: a draft). */
static int push_file(cs_scorer *s, const char *path, const char *name)
{
    char *disp = name ? cs_strdup(name) : cs_paths_display(path);
    char *real = path ? cs_strdup(path) : NULL;
    void *items = s->files, *paths = s->paths;
    size_t cap = s->nfiles, pcap = s->nfiles; /* exact-size growth keeps no capacity */
    if (disp == NULL || (path && real == NULL))
        goto fail;
    if (cs_array_grow(&items, &cap, s->nfiles + 1, sizeof(char *)) != 0)
        goto fail;
    s->files = items;
    if (cs_array_grow(&paths, &pcap, s->nfiles + 1, sizeof(char *)) != 0)
        goto fail;
    s->paths = paths;
    s->paths[s->nfiles] = real;
    s->files[s->nfiles++] = disp;
    return 0;
fail:
    free(disp);
    free(real);
    return -1;
}

#define DRAFT_NAME_MAX 64

int cs_rule_draft_name_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n > 4 && strcmp(name + n - 4, ".lua") == 0)
        n -= 4;
    if (n == 0 || n > DRAFT_NAME_MAX || name[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

/* The draft's file name ("NAME.lua") into buf; "" without a draft. */
static void draft_file_name(const cs_rule_draft *dr, char *buf, size_t size)
{
    buf[0] = '\0';
    if (dr == NULL)
        return;
    size_t n = strlen(dr->name);
    if (n > 4 && strcmp(dr->name + n - 4, ".lua") == 0)
        n -= 4;
    snprintf(buf, size, "%.*s.lua", (int)n, dr->name);
}

/* Is path a file named `file` (the draft's "NAME.lua", replacing it)? */
static int replaced_by_draft(const char *path, const char *file)
{
    if (file[0] == '\0')
        return 0;
    const char *base = strrchr(path, '/');
    return strcmp(base ? base + 1 : path, file) == 0;
}

/* Load one entry of the rules list: a file, a folder of *.lua, or @default,
 * leaving out a file the draft replaces (skip: its "NAME.lua", or "").
 * `name` (a file only) is the name shown for it instead of its path. */
static int load_rule_path(cs_scorer *s, const char *entry, const char *name, const char *skip,
                          cs_diag *d)
{
    int rc = -1;
    char *dir = NULL;
    char **list = NULL;
    size_t n = 0;
    const char *path = entry;
    if (strcmp(entry, "@default") == 0) {
        dir = cs_paths_bundled_rules();
        if (dir == NULL) {
            cs_diag_set(d, "the bundled rule pack was not found (set CREDSCORE_RULES_DIR or "
                           "list rule files in the config)");
            goto out;
        }
        path = dir;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        cs_diag_at(d, path, 0, 0, "cannot open rule file: %s", strerror(errno));
        goto out;
    }
    if (S_ISDIR(st.st_mode)) {
        if (cs_paths_list(path, ".lua", &list, &n) != 0) {
            cs_diag_at(d, path, 0, 0, "cannot list rule folder: %s", strerror(errno));
            goto out;
        }
    } else {
        list = calloc(1, sizeof(char *));
        if (list == NULL || (list[0] = cs_strdup(path)) == NULL) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const char *shown = n == 1 && !S_ISDIR(st.st_mode) ? name : NULL;
        if (replaced_by_draft(shown ? shown : list[i], skip))
            continue;
        if (push_file(s, list[i], shown) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        int rc2 = shown ? cs_lua_rules_load_file_as(&s->lua, list[i], shown, d)
                        : cs_lua_rules_load_file(&s->lua, s->files[s->nfiles - 1], d);
        if (rc2 != 0)
            goto out;
    }
    rc = 0;
out:
    cs_paths_free_list(list, n);
    free(dir);
    return rc;
}

/* Load the draft (file: its "NAME.lua") as "draft:NAME.lua". */
static int load_draft(cs_scorer *s, const cs_rule_draft *draft, const char *file, cs_diag *d)
{
    char shown[DRAFT_NAME_MAX + 16];
    snprintf(shown, sizeof shown, "draft:%s", file);
    if (push_file(s, NULL, shown) != 0)
        return cs_diag_set(d, "out of memory");
    return cs_lua_rules_load_source(&s->lua, draft->source ? draft->source : "", draft->len,
                                    s->files[s->nfiles - 1], d);
}

static int collect_rule_kinds(cs_scorer *s, cs_diag *d)
{
    size_t n = s->rules.nrules;
    s->regex_rules = calloc(n ? n : 1, sizeof(size_t));
    s->check_rules = calloc(n ? n : 1, sizeof(size_t));
    s->phrase_stamp = calloc(n ? n : 1, sizeof(size_t));
    s->done_stamp = calloc(n ? n : 1, sizeof(size_t));
    s->regex_place = malloc((n ? n : 1) * sizeof(uint32_t));
    if (!s->regex_rules || !s->check_rules || !s->phrase_stamp || !s->done_stamp ||
        !s->regex_place)
        return cs_diag_set(d, "out of memory");
    for (size_t i = 0; i < n; i++) {
        s->regex_place[i] = UINT32_MAX;
        if (s->rules.rules[i].kind == CS_RULE_REGEX) {
            s->regex_place[i] = (uint32_t)s->nregex;
            s->regex_rules[s->nregex++] = i;
        } else if (s->rules.rules[i].kind == CS_RULE_CHECK) {
            s->check_rules[s->ncheck++] = i;
        }
    }
    s->regex_words = (s->nregex + 63) / 64;
    s->regex_due = calloc(s->regex_words ? s->regex_words : 1, sizeof(uint64_t));
    s->regex_always = calloc(s->regex_words ? s->regex_words : 1, sizeof(uint64_t));
    if (!s->regex_due || !s->regex_always)
        return cs_diag_set(d, "out of memory");
    for (size_t k = 0; k < s->nregex; k++) /* a rule without needs runs on every passage */
        if (!s->rules.rules[s->regex_rules[k]].has_needs)
            s->regex_always[k / 64] |= 1ull << (k % 64);
    return 0;
}

/* The scorer whose rule ids rule_overrides keys are checked against. */
typedef struct override_check {
    const cs_scorer *s;
    int plugins_loaded;
} override_check;

/* One rule_overrides key (cs_override_key_fn): a Lua rule's id, or
 * "plugin/rule" for a loaded plugin and, when the plugin declares its
 * rules (ABI 1.1), one of them (a plugin that declares none may emit any
 * id; no plugin rule is checked when plugins are not loaded).  Else
 * "file:line:col: [profile 'p': ] rule_overrides: unknown rule 'x' (did
 * you mean 'y'?)". */
static int check_override_id(void *ctx, const char *id, const char *file, int line, int col,
                             const char *profile, cs_diag *d)
{
    const override_check *oc = ctx;
    const cs_scorer *s = oc->s;
    char where[96] = "", guess[160] = "";
    if (profile != NULL)
        snprintf(where, sizeof where, "profile '%.64s': ", profile);
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    const char *slash = strchr(id, '/');
    if (slash != NULL) {
        if (!oc->plugins_loaded)
            return 0;
        char name[65];
        snprintf(name, sizeof name, "%.*s", (int)(slash - id < 64 ? slash - id : 64), id);
        for (size_t i = 0; i < s->plugins.n; i++) {
            const cs_plugin *pl = s->plugins.items[i];
            if (strcmp(pl->desc.name, name) != 0) {
                cs_suggest_consider(name, pl->desc.name, &best, &bestd);
                continue;
            }
            if (pl->desc.rules == NULL || cs_plugin_rule_info(pl, slash + 1) != NULL)
                return 0;
            for (const credscore_rule_info *r = pl->desc.rules; r->id != NULL; r++)
                cs_suggest_consider(slash + 1, r->id, &best, &bestd);
            if (best != NULL)
                snprintf(guess, sizeof guess, " (did you mean '%s/%.64s'?)", name, best);
            return cs_diag_at(d, file, line, col,
                              "%srule_overrides: unknown rule '%.200s': plugin '%s' declares no "
                              "rule '%.64s'%s; `credscore rules` lists the rules",
                              where, id, name, slash + 1, guess);
        }
        if (best != NULL)
            snprintf(guess, sizeof guess, " (did you mean '%s%.100s'?)", best, slash);
        return cs_diag_at(d, file, line, col,
                          "%srule_overrides: unknown rule '%.200s': no plugin '%s' is loaded%s",
                          where, id, name, guess);
    }
    if (cs_ruleset_find(&s->rules, id) >= 0)
        return 0;
    for (size_t i = 0; i < s->rules.nrules; i++)
        cs_suggest_consider(id, s->rules.rules[i].id, &best, &bestd);
    if (best != NULL)
        snprintf(guess, sizeof guess, " (did you mean '%.100s'?)", best);
    return cs_diag_at(d, file, line, col,
                      "%srule_overrides: unknown rule '%.200s'%s; `credscore rules` lists the "
                      "rules", where, id, guess);
}

int cs_scorer_new(cs_scorer **out, const cs_config *cfg, const cs_scorer_opts *o, cs_diag *d)
{
    int rc = -1;
    char **defdirs = NULL;
    size_t ndef = 0;
    const char **dirs = NULL;
    cs_scorer *s = calloc(1, sizeof *s);
    *out = NULL;
    if (s == NULL)
        return cs_diag_set(d, "out of memory");
    s->cfg = cfg;
    s->log = o && o->log ? o->log : cs_log_stderr;
    s->log_ctx = o ? o->log_ctx : NULL;
    s->lenient = o ? o->lenient : 0;
    s->quiet_disable = o ? o->quiet_disable : 0;
    s->verify_needs_starts = o ? o->verify_needs_starts : 0;
    if (cs_ruleset_init(&s->rules, d) != 0)
        goto out;
    if (cs_lua_rules_open(&s->lua, &s->rules, cfg, s->log, s->log_ctx, d) != 0)
        goto out;
    s->lua_open = 1;
    const cs_rule_draft *draft = o ? o->draft : NULL;
    char skip[DRAFT_NAME_MAX + 8];
    if (draft && !cs_rule_draft_name_ok(draft->name)) {
        cs_diag_set(d, "draft rule name '%.80s': use 1 to %d letters, digits, '-', '_' or '.' "
                       "(not starting with '.')", draft->name ? draft->name : "",
                    DRAFT_NAME_MAX);
        goto out;
    }
    draft_file_name(draft, skip, sizeof skip);
    cs_lua_set_time_limit(&s->lua.lua, o ? o->load_timeout : 0);
    if (o && o->rule_files) {
        for (size_t i = 0; i < o->nrule_files; i++)
            if (load_rule_path(s, o->rule_files[i], o->rule_names ? o->rule_names[i] : NULL,
                               skip, d) != 0)
                goto out;
    } else {
        for (size_t i = 0; i < cfg->nrule_paths; i++)
            if (load_rule_path(s, cfg->rule_paths[i], NULL, skip, d) != 0)
                goto out;
    }
    if (draft && load_draft(s, draft, skip, d) != 0)
        goto out;
    cs_lua_set_time_limit(&s->lua.lua, 0); /* checks are bounded per article (--timeout) */
    if (cs_ruleset_compile(&s->rules, d) != 0 || collect_rule_kinds(s, d) != 0)
        goto out;
    s->md = pcre2_match_data_create(8, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    if (s->md == NULL || s->mctx == NULL) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    if (!(o && o->no_plugins) && cfg->nplugins > 0) {
        /* Search order: the config's plugins/ folder, --plugin-path, config
         * plugin_paths, then the build or installed folders. */
        defdirs = cs_paths_plugin_dirs(&ndef);
        size_t cap = 1 + (o ? o->nplugin_dirs : 0) + cfg->nplugin_paths + ndef;
        dirs = calloc(cap, sizeof(char *));
        char *beside = cfg->path ? cs_paths_join(cfg->dir, "plugins") : NULL;
        if (dirs == NULL) {
            free(beside);
            cs_diag_set(d, "out of memory");
            goto out;
        }
        size_t nd = 0;
        if (beside)
            dirs[nd++] = beside;
        for (size_t i = 0; o && i < o->nplugin_dirs; i++)
            dirs[nd++] = o->plugin_dirs[i];
        for (size_t i = 0; i < cfg->nplugin_paths; i++)
            dirs[nd++] = cfg->plugin_paths[i];
        for (size_t i = 0; i < ndef; i++)
            dirs[nd++] = defdirs[i];
        cs_plugin_load_opts lo = {dirs, nd, o ? o->allow_insecure_plugins : 0, s->log,
                                  s->log_ctx};
        int prc = cs_plugins_load(&s->plugins, cfg, &lo, d);
        free(beside);
        if (prc != 0)
            goto out;
    }
    override_check oc = {s, !(o && o->no_plugins)};
    if (!(o && o->skip_override_check) &&
        cs_config_each_override_key(cfg, check_override_id, &oc, d) != 0)
        goto out;
    *out = s;
    s = NULL;
    rc = 0;
out:
    free(dirs);
    cs_paths_free_list(defdirs, ndef);
    cs_scorer_free(s);
    return rc;
}

void cs_scorer_free(cs_scorer *s)
{
    if (s == NULL)
        return;
    cs_plugins_free(&s->plugins);
    if (s->lua_open)
        cs_lua_rules_close(&s->lua);
    cs_ruleset_free(&s->rules);
    if (s->md)
        pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    cs_paths_free_list(s->files, s->nfiles);
    cs_paths_free_list(s->paths, s->nfiles);
    free(s->regex_rules);
    free(s->check_rules);
    free(s->phrase_stamp);
    free(s->done_stamp);
    free(s->regex_place);
    free(s->regex_due);
    free(s->regex_always);
    free(s->found);
    free(s->passage_hits);
    free(s->spans);
    free(s->starts);
    free(s->cands);
    free(s->unless);
    free(s);
}
