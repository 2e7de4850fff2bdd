/*
 * lua_rules.c - rule files (lua_rules.h): the rule{} function a file
 * calls, each rule's fields read and checked into the rule set (an
 * unknown field named at its line, with a did-you-mean), and loading a
 * file or a draft's text with its errors named as the user knows it.  A
 * rule's check runs in lua_check.c.
 */
#include "lua_rules.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "suggest.h"

/* The cs_lua_rules of a state is kept as an upvalue of rule(). */
static cs_lua_rules *self_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* Line of the first Lua frame from level 1 (the code calling a C function). */
static int caller_line(lua_State *L)
{
    lua_Debug ar;
    for (int l = 1; l < 64 && lua_getstack(L, l, &ar); l++)
        if (lua_getinfo(L, "l", &ar) && ar.currentline > 0)
            return ar.currentline;
    return 0;
}

static int rule_error(lua_State *L, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int rule_error(lua_State *L, const char *id, const char *fmt, ...)
{
    cs_lua_rules *lr = self_of(L);
    int line = lr->rule_line;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (id)
        return luaL_error(L, "%s:%d: rule '%s': %s", lr->current_file, line, id, msg);
    return luaL_error(L, "%s:%d: rule: %s", lr->current_file, line, msg);
}

static const char *const known_fields[] = {
    "id",    "marker", "message", "description", "weight", "level", "confidence", "scope",
    "select", "phrases", "regex", "check", "unless", "needs", "starts_with_needs", "needs_within",
    "holds_needs", "examples", NULL};
static const char *const example_fields[] = {"hit", "miss", NULL};

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

/* Is name written as a table key at text[i] ("name =" or "["name"] =")? */
static int key_at(const char *text, size_t len, size_t i, const char *name, size_t n)
{
    if (i + n > len || memcmp(text + i, name, n) != 0)
        return 0;
    size_t j = i + n;
    if (i >= 2 && (text[i - 1] == '"' || text[i - 1] == '\'') && text[i - 2] == '[') {
        if (j + 1 >= len || text[j] != text[i - 1] || text[j + 1] != ']')
            return 0;
        j += 2;
    } else if ((i > 0 && is_ident_char(text[i - 1])) || (j < len && is_ident_char(text[j]))) {
        return 0;
    }
    while (j < len && (text[j] == ' ' || text[j] == '\t'))
        j++;
    return j < len && text[j] == '=' && (j + 1 >= len || text[j + 1] != '=');
}

/* The line, at or after line `from`, where the key `name` is next written
 * in the file loading; `from` when it is not found there (the file cannot
 * be read again, or the key was made by code).  Only for error messages:
 * a Lua table does not remember where its keys were written. */
static int key_line(const cs_lua_rules *lr, const char *name, int from)
{
    cs_buf b = {0};
    int line = 1, found = from;
    size_t n = strlen(name);
    const char *text = lr->current_text;
    size_t len = lr->current_len;
    if (n == 0 || (text == NULL && lr->current_path == NULL))
        goto out;
    if (text == NULL) {
        if (cs_read_file(lr->current_path, &b) != 0)
            goto out;
        text = b.data;
        len = b.len;
    }
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            line++;
        } else if (line >= from && key_at(text, len, i, name, n)) {
            found = line;
            break;
        }
    }
out:
    cs_buf_free(&b);
    return found;
}

/* "file:line: rule 'id': unknown field 'k'[ in examples] (did you mean
 * 'x'?)" at the line where the field is written (searched from `from`, or
 * from where the key `inside` is written after `from` when not NULL). */
static int unknown_field(lua_State *L, const char *id, const char *k, const char *in,
                         const char *const *valid, int from, const char *inside)
{
    cs_lua_rules *lr = self_of(L);
    if (inside != NULL) /* searched only now: a scan of the file per rule cost */
        from = key_line(lr, inside, from);
    char shown[80];
    snprintf(shown, sizeof shown, "%s", k ? k : "");
    int line = k ? key_line(lr, k, from) : from;
    const char *best = k ? cs_suggest(k, valid) : NULL;
    char guess[120] = "";
    if (best != NULL)
        snprintf(guess, sizeof guess, " (did you mean '%s'?)", best);
    const char *what = k ? shown : "(a value without a name)";
    if (id)
        return luaL_error(L, "%s:%d: rule '%s': unknown field '%s'%s%s", lr->current_file, line,
                          id, what, in, guess);
    return luaL_error(L, "%s:%d: rule: unknown field '%s'%s%s", lr->current_file, line, what,
                      in, guess);
}

/* Every key of the table at idx must be a string in valid: else an
 * unknown_field error (id: the rule's id, or NULL; in: " in examples" or
 * ""; from, inside: where to search for the key's line, unknown_field). */
static void check_fields(lua_State *L, int idx, const char *id, const char *in,
                         const char *const *valid, int from, const char *inside)
{
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int known = 0;
        for (const char *const *f = valid; k && *f; f++)
            if (strcmp(*f, k) == 0)
                known = 1;
        if (!known)
            unknown_field(L, id, k, in, valid, from, inside);
    }
}

/* Read an optional string field; NULL when absent.  Error on other types.
 * The value stays on the stack (one slot per call): a string made by an
 * __index is referenced by nothing else and must outlive define_rule's
 * uses of it. */
static const char *opt_string(lua_State *L, const char *id, const char *field)
{
    lua_getfield(L, 1, field);
    const char *s = NULL;
    if (lua_type(L, -1) == LUA_TSTRING)
        s = lua_tostring(L, -1);
    else if (!lua_isnil(L, -1))
        rule_error(L, id, "field '%s' must be a string", field);
    return s;
}

static int opt_number(lua_State *L, const char *id, const char *field, double *out)
{
    lua_getfield(L, 1, field);
    int has = 0;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        *out = lua_tonumber(L, -1);
        if (!isfinite(*out))
            rule_error(L, id, "field '%s' must be a finite number", field);
        has = 1;
    } else if (!lua_isnil(L, -1)) {
        rule_error(L, id, "field '%s' must be a number", field);
    }
    lua_pop(L, 1);
    return has;
}

/* Push each string of a list field (or a single string) into fn. */
typedef int (*item_fn)(lua_State *L, cs_lua_rules *lr, size_t rule, const char *s, void *ctx);

static size_t for_each_string(lua_State *L, int tbl, const char *id, const char *field,
                              item_fn fn, cs_lua_rules *lr, size_t rule, void *ctx)
{
    size_t n = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        fn(L, lr, rule, lua_tostring(L, -1), ctx);
        return 1;
    }
    if (lua_type(L, -1) != LUA_TTABLE)
        rule_error(L, id, "field '%s' must be a list of strings", field);
    /* Raw: a __len or __index could otherwise make this C loop endless. */
    lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
    cs_lua_charge(L, len);
    for (lua_Integer i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TSTRING)
            rule_error(L, id, "every item of '%s' must be a string", field);
        fn(L, lr, rule, lua_tostring(L, -1), ctx);
        lua_pop(L, 1);
        n++;
    }
    (void)tbl;
    return n;
}

static int add_phrase_item(lua_State *L, cs_lua_rules *lr, size_t rule, const char *s, void *ctx)
{
    cs_phrase_role role = *(cs_phrase_role *)ctx;
    cs_diag d;
    if (cs_ruleset_add_phrase(lr->rs, rule, role, s, &d) != 0)
        return luaL_error(L, "%s", d.msg);
    return 0;
}

typedef struct example_list {
    int which; /* 0 hit, 1 miss */
} example_list;

/* Append an example sentence straight into the rule, so an error raised
 * half-way leaves nothing unowned. */
static int add_example_item(lua_State *L, cs_lua_rules *lr, size_t rule, const char *s, void *ctx)
{
    example_list *l = ctx;
    cs_rule *r = &lr->rs->rules[rule];
    char ***items = l->which ? &r->miss_examples : &r->hit_examples;
    size_t *n = l->which ? &r->nmiss_examples : &r->nhit_examples;
    char *copy = cs_strdup(s);
    void *grown = *items;
    size_t cap = *n; /* exact-size growth keeps no separate capacity */
    if (copy == NULL || cs_array_grow(&grown, &cap, *n + 1, sizeof(char *)) != 0) {
        free(copy);
        return luaL_error(L, "out of memory");
    }
    *items = grown;
    (*items)[(*n)++] = copy;
    return 0;
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
              *p == '.' || (*p >= 'A' && *p <= 'Z')))
            return 0;
    return 1;
}

static unsigned parse_select(lua_State *L, const char *id)
{
    lua_getfield(L, 1, "select");
    unsigned mask = 0;
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    int single = lua_type(L, -1) == LUA_TSTRING;
    if (!single && lua_type(L, -1) != LUA_TTABLE)
        rule_error(L, id, "field '%s' must be a scope name or a list of them", "select");
    lua_Integer len = single ? 1 : (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= len; i++) {
        if (!single)
            lua_rawgeti(L, -1, i);
        const char *s = lua_tostring(L, -1);
        if (s == NULL)
            rule_error(L, id, "field '%s' must list scope names", "select");
        else if (strcmp(s, "paragraph") == 0)
            mask |= CREDSCORE_SCOPE_PARAGRAPH;
        else if (strcmp(s, "heading") == 0)
            mask |= CREDSCORE_SCOPE_HEADING;
        else if (strcmp(s, "quote") == 0)
            mask |= CREDSCORE_SCOPE_QUOTE;
        else if (strcmp(s, "list_item") == 0)
            mask |= CREDSCORE_SCOPE_LIST_ITEM;
        else
            rule_error(L, id, "unknown scope '%s' in select (paragraph, heading, quote, list_item)",
                       s);
        if (!single)
            lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return mask;
}

/* The body of rule { ... }, run protected by l_rule. */
static int define_rule(lua_State *L)
{
    cs_lua_rules *lr = self_of(L);
    if (lua_type(L, 1) != LUA_TTABLE)
        return rule_error(L, NULL, "rule expects a table: rule { id = ..., marker = ... }");
    lua_settop(L, 1);
    /* Unknown fields are errors (usually typos), at the line where they
     * are written, named with the rule when its id is readable. */
    lua_pushliteral(L, "id");
    lua_rawget(L, 1);
    const char *raw_id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    check_fields(L, 1, raw_id && valid_id(raw_id) ? raw_id : NULL, "", known_fields,
                 lr->rule_line, NULL);
    lua_settop(L, 1);
    const char *id = opt_string(L, NULL, "id");
    if (id == NULL)
        return rule_error(L, NULL, "missing field 'id'");
    if (!valid_id(id))
        return rule_error(L, NULL, "id '%s' may use only letters, digits, '-', '_' and '.'", id);
    const char *marker = opt_string(L, id, "marker");
    if (marker == NULL)
        return rule_error(L, id, "missing field 'marker'");
    /* Read (lua_getfield may run an __index that raises) before anything
     * is allocated: from the first cs_strdup to cs_ruleset_add, a Lua
     * error would leak the copies. */
    const char *msg = opt_string(L, id, "message");
    const char *desc = opt_string(L, id, "description");
    int line = lr->rule_line;

    cs_rule r;
    memset(&r, 0, sizeof r);
    r.enabled = 1;
    r.confidence = 1.0;
    r.check_ref = LUA_NOREF;
    r.line = line;
    r.id = cs_strdup(id);
    r.marker_name = cs_strdup(marker);
    r.file = cs_strdup(lr->current_file);
    r.message = cs_strdup(msg);
    r.description = cs_strdup(desc);
    cs_buf src = {0};
    cs_buf_printf(&src, "%s:%d", lr->current_file, line);
    r.source = src.data;
    if (!r.id || !r.marker_name || !r.file || !r.source || (msg && !r.message) ||
        (desc && !r.description)) {
        cs_rule_clear(&r);
        return luaL_error(L, "out of memory");
    }
    /* Everything below may raise a Lua error: the rule is handed to the set
     * first so that nothing leaks; then it is completed in place. */
    cs_diag d;
    if (cs_ruleset_add(lr->rs, lr->cfg, &r, &d) != 0)
        return luaL_error(L, "%s", d.msg);
    size_t idx = lr->rs->nrules - 1;
    cs_rule *rp = &lr->rs->rules[idx];

    rp->has_weight = opt_number(L, id, "weight", &rp->weight);
    if (rp->has_weight && fabs(rp->weight) > CS_WEIGHT_MAX)
        return rule_error(L, id, "field 'weight' must be between -1000 and 1000");
    double conf;
    if (opt_number(L, id, "confidence", &conf)) {
        if (conf < 0 || conf > 1)
            return rule_error(L, id, "confidence must be between 0 and 1");
        rp->confidence = conf;
    }
    const char *level = opt_string(L, id, "level");
    if (level && !rp->has_level) {
        if (cs_level_parse(level, &rp->level) != 0)
            return rule_error(L, id, "level must be info, warning or error, not '%s'", level);
        rp->has_level = 1;
    }
    const char *scope = opt_string(L, id, "scope");
    if (scope && strcmp(scope, "passage") != 0 && strcmp(scope, "sentence") != 0)
        return rule_error(L, id, "scope must be \"sentence\" or \"passage\", not '%s'", scope);
    rp->select = parse_select(L, id);

    int kinds = 0;
    lua_getfield(L, 1, "phrases");
    if (!lua_isnil(L, -1)) {
        kinds++;
        rp->kind = CS_RULE_PHRASES;
        cs_phrase_role role = CS_ROLE_HIT;
        if (for_each_string(L, 1, id, "phrases", add_phrase_item, lr, idx, &role) == 0)
            return rule_error(L, id, "field 'phrases' is empty");
    }
    lua_pop(L, 1);
    const char *regex = opt_string(L, id, "regex");
    if (regex) {
        kinds++;
        rp = &lr->rs->rules[idx];
        rp->kind = CS_RULE_REGEX;
        int errcode;
        PCRE2_SIZE erroff;
        rp->re = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
                               PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF |
                                   PCRE2_USE_OFFSET_LIMIT, /* (the scorer's sentence windows) */
                               &errcode,
                               &erroff, NULL);
        if (rp->re == NULL) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(errcode, buf, sizeof buf);
            char what[400];
            snprintf(what, sizeof what, "bad regex at offset %zu: %s", (size_t)erroff,
                     (const char *)buf);
            return rule_error(L, id, "%s", what);
        }
        /* (JIT compiled later, by the scorer, once it has text enough) */
    }
    lua_getfield(L, 1, "check");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TFUNCTION)
            return rule_error(L, id, "field 'check' must be a function");
        kinds++;
        rp = &lr->rs->rules[idx];
        rp->kind = CS_RULE_CHECK;
        rp->check_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        lua_pop(L, 1);
    }
    if (kinds != 1)
        return rule_error(L, id, kinds ? "give only one of phrases, regex or check"
                                       : "give one of phrases, regex or check");
    /* Phrases and regexes work sentence by sentence, checks see the whole
     * passage, unless the rule says otherwise. */
    rp = &lr->rs->rules[idx];
    rp->passage_scope = scope ? strcmp(scope, "passage") == 0 : rp->kind == CS_RULE_CHECK;
    lua_getfield(L, 1, "unless");
    if (!lua_isnil(L, -1)) {
        if (lr->rs->rules[idx].kind == CS_RULE_CHECK)
            return rule_error(L, id, "'unless' works with phrases or regex; a check decides "
                                     "for itself");
        cs_phrase_role role = CS_ROLE_UNLESS;
        if (for_each_string(L, 1, id, "unless", add_phrase_item, lr, idx, &role) > 0)
            lr->rs->rules[idx].has_unless = 1;
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "needs");
    if (!lua_isnil(L, -1)) {
        if (lr->rs->rules[idx].kind == CS_RULE_PHRASES)
            return rule_error(L, id, "'needs' is for regex and check rules");
        cs_phrase_role role = CS_ROLE_NEEDS;
        if (for_each_string(L, 1, id, "needs", add_phrase_item, lr, idx, &role) > 0)
            lr->rs->rules[idx].has_needs = 1;
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "starts_with_needs");
    if (!lua_isnil(L, -1)) {
        if (!lua_isboolean(L, -1))
            return rule_error(L, id, "field 'starts_with_needs' must be true or false");
        if (lua_toboolean(L, -1)) {
            if (lr->rs->rules[idx].kind != CS_RULE_REGEX || !lr->rs->rules[idx].has_needs)
                return rule_error(L, id, "'starts_with_needs' is for a regex rule with "
                                         "'needs'");
            lr->rs->rules[idx].starts_with_needs = 1;
        }
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "needs_within");
    if (!lua_isnil(L, -1)) {
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 ||
            lua_tointeger(L, -1) > CS_NEEDS_WITHIN_MAX)
            return rule_error(L, id, "field 'needs_within' must be a whole number from 0 to %d",
                              CS_NEEDS_WITHIN_MAX);
        if (lr->rs->rules[idx].kind != CS_RULE_REGEX || !lr->rs->rules[idx].has_needs)
            return rule_error(L, id, "'needs_within' is for a regex rule with 'needs'");
        if (lr->rs->rules[idx].starts_with_needs)
            return rule_error(L, id, "'needs_within' and 'starts_with_needs' exclude each other");
        lr->rs->rules[idx].has_within = 1;
        lr->rs->rules[idx].needs_within = (size_t)lua_tointeger(L, -1);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "holds_needs");
    if (!lua_isnil(L, -1)) {
        if (!lua_isboolean(L, -1))
            return rule_error(L, id, "field 'holds_needs' must be true or false");
        if (lua_toboolean(L, -1)) {
            if (lr->rs->rules[idx].kind != CS_RULE_REGEX || !lr->rs->rules[idx].has_needs)
                return rule_error(L, id, "'holds_needs' is for a regex rule with 'needs'");
            if (lr->rs->rules[idx].starts_with_needs || lr->rs->rules[idx].has_within)
                return rule_error(L, id, "'holds_needs' excludes 'starts_with_needs' and "
                                         "'needs_within' (which promise more)");
            lr->rs->rules[idx].holds_needs = 1;
        }
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "examples");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TTABLE)
            return rule_error(L, id, "examples must be { hit = {...}, miss = {...} }");
        check_fields(L, lua_gettop(L), id, " in examples", example_fields, lr->rule_line,
                     "examples");
        static const char *const parts[] = {"hit", "miss"};
        for (int k = 0; k < 2; k++) {
            lua_getfield(L, -1, parts[k]);
            if (!lua_isnil(L, -1)) {
                example_list l = {k};
                for_each_string(L, 1, id, parts[k], add_example_item, lr, idx, &l);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

/* First line of the error object on top into d (no allocation). */
static void copy_error(cs_diag *d, lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    if (msg == NULL)
        cs_diag_set(d, "rule{} failed (error object is a %s value)", luaL_typename(L, -1));
    else
        cs_diag_set(d, "%.*s", (int)strcspn(msg, "\n"), msg);
}

/* rule { ... }: only while a file loads, never nested.  The definition
 * runs protected so that a failure is remembered (lr->pending) even when
 * the script catches it: the file then fails to load. */
static int l_rule(lua_State *L)
{
    cs_lua_rules *lr = self_of(L);
    if (lr->current_file == NULL)
        return luaL_error(L, "rule{} can only be called while a rule file loads, not from a "
                             "check");
    if (lr->defining)
        return luaL_error(L, "rule{} cannot be called while another rule{} is being defined");
    lr->rule_line = caller_line(L);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, define_rule, 1);
    lua_insert(L, 1);
    lr->defining = 1;
    int st = lua_pcall(L, 1, 0, 0);
    lr->defining = 0;
    if (st == LUA_OK)
        return 0;
    cs_lua_limit_reached(L, st);
    if (lr->pending.msg[0] == '\0')
        copy_error(&lr->pending, L);
    return lua_error(L);
}

int cs_lua_rules_open(cs_lua_rules *lr, cs_ruleset *rs, const cs_config *cfg, cs_log_fn log,
                      void *log_ctx, cs_diag *d)
{
    memset(lr, 0, sizeof *lr);
    lr->rs = rs;
    lr->cfg = cfg;
    if (cs_lua_open(&lr->lua, cfg ? &cfg->limits : NULL, log, log_ctx, d) != 0)
        return -1;
    lua_State *L = lr->lua.L;
    lua_pushlightuserdata(L, lr);
    lua_pushcclosure(L, l_rule, 1);
    lua_setglobal(L, "rule");
    return 0;
}

void cs_lua_rules_close(cs_lua_rules *lr)
{
    cs_lua_close(&lr->lua);
}

int cs_lua_rules_load_file(cs_lua_rules *lr, const char *path, cs_diag *d)
{
    return cs_lua_rules_load_file_as(lr, path, path, d);
}

/* Run one rule file (path, or text when path is NULL) named `name`. */
static int load_rules(cs_lua_rules *lr, const char *path, const char *text, size_t len,
                      const char *name, cs_diag *d)
{
    cs_diag inner;
    lr->current_file = name;
    lr->current_path = path;
    lr->current_text = path ? NULL : text;
    lr->current_len = path ? 0 : len;
    lr->pending.msg[0] = '\0';
    int rc = path ? cs_lua_run_file_as(&lr->lua, path, name, &inner)
                  : cs_lua_run_source(&lr->lua, text, len, name, &inner);
    lr->current_file = NULL;
    lr->current_path = NULL;
    lr->current_text = NULL;
    lr->current_len = 0;
    if (lr->pending.msg[0] != '\0') /* a rule{} failed, maybe caught by the script */
        rc = -1;
    if (rc == 0)
        return 0;
    /* messages name the file as the user knows it */
    const char *msg = lr->pending.msg[0] != '\0' ? lr->pending.msg : inner.msg;
    if (cs_lua_position_len(msg) > 0 || strncmp(msg, name, strlen(name)) == 0)
        return cs_diag_set(d, "%s", msg);
    return cs_diag_set(d, "%s: %s", name, msg);
}

int cs_lua_rules_load_file_as(cs_lua_rules *lr, const char *path, const char *name, cs_diag *d)
{
    return load_rules(lr, path, NULL, 0, name, d);
}

int cs_lua_rules_load_source(cs_lua_rules *lr, const char *text, size_t len, const char *name,
                             cs_diag *d)
{
    return load_rules(lr, NULL, text, len, name, d);
}
