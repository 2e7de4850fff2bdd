/*
 * lua_check.c - running a rule's check (cs_lua_rules_check in
 * lua_rules.h): the passage as the Lua table p (text, index, sentences,
 * hits with their words before and after, scopes), the call under the
 * sandbox limits, and its findings read, checked and emitted all or
 * nothing.
 */
#include "lua_rules.h"

#include <ctype.h>
#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static int ascii_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Push the word that ends right before text[at] (ASCII letters and
 * apostrophes, with only spaces and commas between), lower-cased; "" when
 * there is none.  Like ("([%a']+)[%s,]*$"):lower() over the 24 bytes
 * before the hit. */
static void push_word_before(lua_State *L, const char *text, size_t at)
{
    size_t lo = at > 24 ? at - 24 : 0, e = at;
    while (e > lo && (text[e - 1] == ',' || isspace((unsigned char)text[e - 1])))
        e--;
    size_t b = e;
    while (b > lo && (ascii_letter((unsigned char)text[b - 1]) || text[b - 1] == '\''))
        b--;
    char w[24];
    for (size_t i = b; i < e; i++)
        w[i - b] = (char)tolower((unsigned char)text[i]);
    lua_pushlstring(L, w, e - b);
}

/* Push the word (ASCII letters) after at least one space from text[at],
 * lower-cased; "" when there is none.  Like ("^%s+([%a]+)"):lower() over
 * the 60 bytes after the hit. */
static void push_word_after(lua_State *L, const char *text, size_t len, size_t at)
{
    size_t hi = len - at > 60 ? at + 60 : len, b = at;
    while (b < hi && isspace((unsigned char)text[b]))
        b++;
    size_t e = b;
    if (b > at)
        while (e < hi && ascii_letter((unsigned char)text[e]))
            e++;
    char w[60];
    for (size_t i = b; i < e; i++)
        w[i - b] = (char)tolower((unsigned char)text[i]);
    lua_pushlstring(L, w, e - b);
}

/* A list of spans as { from, to } tables (1-based, inclusive, as
 * string.sub takes them); with text, each also has its text and the words
 * right before and after it (before, after). */
static void push_span_list(lua_State *L, const credscore_span *spans, size_t n, const char *text,
                           size_t len)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, text ? 5 : 2);
        lua_pushinteger(L, (lua_Integer)spans[i].start + 1);
        lua_setfield(L, -2, "from");
        lua_pushinteger(L, (lua_Integer)spans[i].end);
        lua_setfield(L, -2, "to");
        if (text) {
            lua_pushlstring(L, text + spans[i].start, spans[i].end - spans[i].start);
            lua_setfield(L, -2, "text");
            push_word_before(L, text, spans[i].start);
            lua_setfield(L, -2, "before");
            push_word_after(L, text, len, spans[i].end);
            lua_setfield(L, -2, "after");
        }
        lua_seti(L, -2, (lua_Integer)i + 1);
    }
}

/* One check call, shared with the protected function running it. */
typedef struct check_call {
    cs_lua_rules *lr;
    const cs_rule *r;
    const cs_check_input *in;
    cs_check_emit emit;
    void *ctx;
    cs_diag *d;
    int bad;              /* a malformed finding or emit failed: d says why */
} check_call;

typedef struct finding {
    lua_Integer from, to;
    const char *message;  /* anchored in a table on the stack, or NULL */
    double confidence, weight;
    int has_weight;
} finding;

/* Read and check the finding table at idx into *f; 0, or -1 with c->bad. */
static int take_finding(lua_State *L, int idx, check_call *c, finding *f)
{
    const cs_rule *r = c->r;
    c->bad = 1;
    if (lua_type(L, idx) != LUA_TTABLE)
        return cs_diag_at(c->d, r->file, r->line, 0,
                          "rule '%s': check returned a %s where a finding table was expected",
                          r->id, luaL_typename(L, idx));
    lua_getfield(L, idx, "from");
    lua_getfield(L, idx, "to");
    int isnum1, isnum2;
    f->from = lua_tointegerx(L, -2, &isnum1);
    f->to = lua_tointegerx(L, -1, &isnum2);
    lua_pop(L, 2);
    if (!isnum1 || !isnum2)
        return cs_diag_at(c->d, r->file, r->line, 0,
                          "rule '%s': a finding needs integer 'from' and 'to'", r->id);
    if (f->from < 1 || f->to < f->from || (size_t)f->to > c->in->len)
        return cs_diag_at(c->d, r->file, r->line, 0,
                          "rule '%s': finding span %lld..%lld is outside the passage (1..%zu)",
                          r->id, (long long)f->from, (long long)f->to, c->in->len);
    lua_getfield(L, idx, "confidence");
    f->confidence = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : r->confidence;
    lua_getfield(L, idx, "weight");
    f->has_weight = lua_isnumber(L, -1);
    f->weight = f->has_weight ? lua_tonumber(L, -1) : 0;
    lua_pop(L, 2);
    if (!(f->confidence >= 0 && f->confidence <= 1) ||
        (f->has_weight && !(fabs(f->weight) <= CS_WEIGHT_MAX)))
        return cs_diag_at(c->d, r->file, r->line, 0,
                          "rule '%s': a finding's confidence must be in 0..1 and its weight "
                          "in -1000..1000", r->id);
    c->bad = 0;
    return 0;
}

/* The check's result is at index 1: nil, false, a finding or a list. */
static void collect_findings(lua_State *L, check_call *c)
{
    const cs_rule *r = c->r;
    if (lua_isnil(L, 1) || (lua_isboolean(L, 1) && !lua_toboolean(L, 1)))
        return;
    if (lua_type(L, 1) != LUA_TTABLE) {
        c->bad = 1;
        cs_diag_at(c->d, r->file, r->line, 0, "rule '%s': check must return nil, a finding or "
                   "a list of findings, not a %s", r->id, luaL_typename(L, 1));
        return;
    }
    lua_getfield(L, 1, "from");
    int single = !lua_isnil(L, -1);
    lua_pop(L, 1);
    size_t n = single ? 1 : lua_rawlen(L, 1);
    cs_lua_charge(L, (long long)n);
    if (n == 0)
        return;
    /* Everything is read and checked before the first emit: all or nothing.
     * The array is Lua memory (collected even if an error unwinds). */
    if (n > SIZE_MAX / sizeof(finding))
        luaL_error(L, "too many findings");
    finding *fs = lua_newuserdatauv(L, n * sizeof(finding), 0);
    lua_createtable(L, (int)(n < INT_MAX ? n : INT_MAX), 0); /* anchors the messages */
    int anchor = lua_gettop(L);
    for (size_t i = 0; i < n; i++) {
        if (single)
            lua_pushvalue(L, 1);
        else
            lua_rawgeti(L, 1, (lua_Integer)i + 1);
        int item = lua_gettop(L);
        if (take_finding(L, item, c, &fs[i]) != 0)
            return;
        lua_getfield(L, item, "message");
        size_t mlen = 0;
        fs[i].message = lua_tolstring(L, -1, &mlen); /* a number becomes a string in place */
        if (fs[i].message && mlen > CS_CHECK_MESSAGE_MAX) {
            /* The host copies a message per finding: one long string shared
             * by many findings must not multiply outside the memory cap. */
            size_t cut = CS_CHECK_MESSAGE_MAX;
            while (cut > 0 && ((unsigned char)fs[i].message[cut] & 0xC0) == 0x80)
                cut--; /* at a UTF-8 character boundary */
            lua_pushlstring(L, fs[i].message, cut);
            lua_pushliteral(L, "...");
            lua_concat(L, 2);
            lua_replace(L, -2);
            fs[i].message = lua_tolstring(L, -1, &mlen);
        }
        cs_lua_charge(L, (long long)(mlen / 16)); /* host bytes cost budget too */
        lua_rawseti(L, anchor, (lua_Integer)i + 1);
        lua_pop(L, 1);
    }
    for (size_t i = 0; i < n; i++) /* host code only from here: no Lua error */
        if (c->emit(c->ctx, (size_t)fs[i].from - 1, (size_t)fs[i].to, fs[i].message,
                    fs[i].confidence, fs[i].has_weight, fs[i].weight) != 0) {
            c->bad = 1;
            cs_diag_set(c->d, "out of memory");
            return;
        }
}

static void push_passage(lua_State *L, const cs_check_input *in)
{
    lua_createtable(L, 0, 8);
    lua_pushlstring(L, in->text, in->len);
    lua_setfield(L, -2, "text");
    lua_pushinteger(L, (lua_Integer)in->index + 1);
    lua_setfield(L, -2, "index");
    push_span_list(L, in->sentences, in->nsent, NULL, 0);
    lua_setfield(L, -2, "sentences");
    push_span_list(L, in->hits, in->nhits, in->text, in->len);
    lua_setfield(L, -2, "hits");
    lua_pushboolean(L, (in->scopes & CREDSCORE_SCOPE_HEADING) != 0);
    lua_setfield(L, -2, "heading");
    lua_pushboolean(L, (in->scopes & CREDSCORE_SCOPE_QUOTE) != 0);
    lua_setfield(L, -2, "quote");
    lua_pushboolean(L, (in->scopes & CREDSCORE_SCOPE_LIST_ITEM) != 0);
    lua_setfield(L, -2, "list_item");
}

/* Build p, call the check, read and emit its findings: all protected. */
static int check_p(lua_State *L)
{
    check_call *c = lua_touserdata(L, 1);
    lua_settop(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->r->check_ref);
    push_passage(L, c->in);
    lua_call(L, 1, 1);
    collect_findings(L, c);
    return 0;
}

/* d = msg with "rule 'id': " after its position ("file:line: "), or after
 * the rule's own source when the message has none. */
static void rule_message(cs_diag *d, const cs_rule *r, const char *msg)
{
    size_t pos = cs_lua_position_len(msg);
    if (pos > 0)
        cs_diag_set(d, "%.*srule '%s': %s", (int)pos, msg, r->id, msg + pos);
    else
        cs_diag_set(d, "%s: rule '%s': %s", r->source, r->id, msg);
}

int cs_lua_rules_check(cs_lua_rules *lr, const cs_rule *r, const cs_check_input *in,
                       cs_check_emit emit, void *ctx, cs_diag *d)
{
    lua_State *L = lr->lua.L;
    int top = lua_gettop(L);
    int rc = -1;
    cs_diag local, inner;
    if (d == NULL)
        d = &local;
    check_call c = {lr, r, in, emit, ctx, d, 0};
    if (!lua_checkstack(L, 4)) {
        cs_diag_at(d, r->file, r->line, 0, "rule '%s': Lua stack exhausted", r->id);
        goto out;
    }
    lua_pushcfunction(L, check_p);
    lua_pushlightuserdata(L, &c);
    if (cs_lua_pcall(&lr->lua, 1, 0, &inner) != 0) {
        rule_message(d, r, inner.msg);
        goto out;
    }
    if (c.bad)
        goto out;
    rc = 0;
out:
    lua_settop(L, top);
    return rc;
}
