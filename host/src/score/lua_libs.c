/*
 * lua_libs.c - what a rule sees of the Lua libraries (lua_libs.h): base,
 * string, table, math and utf8, trimmed (no load, loadfile, dofile,
 * require, collectgarbage or string.dump), with print, pcall, xpcall and
 * setmetatable replaced by versions that keep the sandbox's limits, and
 * every library function whose C loop can run long charged to the
 * instruction budget by the work it does (lua_limits.h): by its count of
 * values or elements, by the bytes it makes or reads, and the pattern
 * functions by the steps of their search, counted before it runs
 * (lua_pattern_cost.h).
 */
#include "lua_libs.h"

#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

#include "credscore/plugin.h"
#include "lua_limits.h"
#include "lua_pattern_cost.h"

/* Bytes a C function copies or fills for one instruction of budget, and
 * bytes it decodes (UTF-8) for one. */
#define COPY_BYTES_PER_STEP 16
#define SCAN_BYTES_PER_STEP 8

/* ---- the replaced base functions ---- */

/* Append s[0..len) to out (at *used, capacity CS_LUA_PRINT_MAX), control
 * characters escaped; returns 0 when it did not all fit. */
static int put_escaped(char *out, size_t *used, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        size_t n = 1;
        esc[0] = (char)c;
        if (c == '\n' || c == '\r')
            n = (size_t)snprintf(esc, sizeof esc, "\\%c", c == '\n' ? 'n' : 'r');
        else if ((c < 0x20 && c != '\t') || c == 0x7f)
            n = (size_t)snprintf(esc, sizeof esc, "\\%03u", c);
        if (*used + n > CS_LUA_PRINT_MAX)
            return 0;
        memcpy(out + *used, esc, n);
        *used += n;
    }
    return 1;
}

/* print(...): one log line, tab-separated, cut at CS_LUA_PRINT_MAX bytes. */
static int l_print(lua_State *L)
{
    cs_lua *lx = cs_lua_of(L);
    char out[CS_LUA_PRINT_MAX + 64];
    size_t used = 0, total = 0;
    int whole = 1;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len); /* may run __tostring, budgeted */
        total += len + (i > 1);
        if (whole && i > 1)
            whole = put_escaped(out, &used, "\t", 1);
        if (whole)
            whole = put_escaped(out, &used, s, len);
        lua_pop(L, 1);
    }
    if (whole) {
        out[used] = '\0';
    } else {
        while (used > 0 && ((unsigned char)out[used - 1] & 0xC0) == 0x80)
            used--; /* never cut inside a UTF-8 character */
        if (used > 0 && (unsigned char)out[used - 1] >= 0xC0)
            used--;
        snprintf(out + used, sizeof out - used, "... [print cut: %zu bytes in all]", total);
    }
    if (lx->log)
        lx->log(lx->log_ctx, CREDSCORE_LOG_INFO, out);
    return 0;
}

/* pcall and xpcall that never swallow a sandbox limit. */
static int finish_pcall(lua_State *L, int status, int extra)
{
    if (status == LUA_OK)
        return lua_gettop(L) - extra; /* true and the results */
    if (cs_lua_limit_reached(L, status))
        return lua_error(L);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2; /* false, error object */
}

static int l_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1); /* true, f, args... */
    int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    return finish_pcall(L, status, 0);
}

/* xpcall's message handler around the script's one.  After a limit the
 * script's handler is skipped: a budget error comes from the count hook,
 * and Lua would run the handler with hooks still off, i.e. unbudgeted. */
static int xpcall_handler(lua_State *L)
{
    if (cs_lua_of(L)->limit_hit != CS_LUA_LIMIT_NONE)
        return 1; /* the error object, unchanged */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int l_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, msgh, true, f, args... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    return finish_pcall(L, status, 2);
}

/* setmetatable without finalizers: __gc would run outside every limit.
 * Otherwise as the base library's: same checks, same messages. */
static int l_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL) /* raw, as Lua looks it up */
            return luaL_error(L, "setmetatable: __gc metamethods are not allowed in rules "
                                 "(finalizers would run outside the sandbox limits)");
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* Does msg start with a position ("src:12: ")? */
static int has_position(const char *msg)
{
    const char *colon = strchr(msg, ':');
    if (colon == NULL || colon == msg || memchr(msg, '\n', (size_t)(colon - msg)))
        return 0;
    const char *q = colon + 1;
    while (*q >= '0' && *q <= '9')
        q++;
    return q > colon + 1 && q[0] == ':' && q[1] == ' ';
}

/* Call the original function (upvalue 1) with the arguments on the stack;
 * returns the number of its results, which replace the arguments.  An
 * error the original raises itself (called from C, it has no position)
 * gets the position of the Lua code calling the wrapper, as it would have
 * had without the wrapper; a sandbox limit goes on unchanged. */
static int call_original(lua_State *L)
{
    int top = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int st = lua_pcall(L, top, LUA_MULTRET, 0);
    if (st == LUA_OK)
        return lua_gettop(L);
    if (!cs_lua_limit_reached(L, st) && lua_type(L, -1) == LUA_TSTRING &&
        !has_position(lua_tostring(L, -1))) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* a * b / per, saturating at LLONG_MAX. */
static long long scaled(long long a, long long b, long long per)
{
    if (a <= 0 || b <= 0)
        return 0;
    if (a > LLONG_MAX / b)
        return LLONG_MAX;
    return a * b / per;
}

/* string.rep: charged by the bytes it makes (the C loop runs n times even
 * when nothing is copied, so an empty string returns "" at once). */
static int l_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    /* A result larger than the memory left fails at once, with the memory
     * limit's message: only one that can be made is charged. */
    cs_lua *lx = cs_lua_of(L);
    long long bytes = scaled((long long)(l + lsep), n, 1);
    if (lx->mem_limit == 0 || (lx->mem_used < lx->mem_limit &&
                               (unsigned long long)bytes <= lx->mem_limit - lx->mem_used))
        cs_lua_charge(L, bytes / COPY_BYTES_PER_STEP + 1);
    return call_original(L);
}

/* Lua 5.4's posrelatI: a 1-based start position, negative from the end. */
static size_t start_pos(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

/* Lua 5.4's getendpos: a 1-based end position, clipped to len. */
static size_t end_pos(lua_Integer pos, size_t len)
{
    if (pos > (lua_Integer)len)
        return len;
    if (pos >= 0)
        return (size_t)pos;
    if (pos < -(lua_Integer)len)
        return 0;
    return len + (size_t)pos + 1;
}

/* ---- string and utf8 functions charged by the work they do ---- */

enum {
    METER_BYTE, METER_CHAR, METER_FORMAT, METER_CASE, METER_SUB, METER_PACK, METER_UNPACK_STR,
    METER_UTF8_CHAR, METER_UTF8_CODEPOINT, METER_UTF8_SCAN, METER_TABLE_UNPACK, METER_TABLE_PACK,
    METER_SELECT
};

/* What the function will cost, from its arguments, before it runs (0 when
 * they are of the wrong type: the original then raises its error). */
static long long cost_before(lua_State *L, int kind)
{
    int n = lua_gettop(L), ok = 1;
    size_t len = 0;
    switch (kind) {
    case METER_CHAR:
    case METER_UTF8_CHAR:
    case METER_TABLE_PACK:
        return n;
    case METER_CASE:
    case METER_UTF8_SCAN:
        if (lua_type(L, 1) != LUA_TSTRING)
            return 0;
        lua_tolstring(L, 1, &len);
        return (long long)(len / (kind == METER_CASE ? COPY_BYTES_PER_STEP : SCAN_BYTES_PER_STEP));
    case METER_UNPACK_STR: {
        size_t flen = 0;
        if (lua_type(L, 1) == LUA_TSTRING)
            lua_tolstring(L, 1, &flen);
        if (lua_type(L, 2) == LUA_TSTRING)
            lua_tolstring(L, 2, &len);
        return (long long)(flen + len / COPY_BYTES_PER_STEP);
    }
    case METER_BYTE:
    case METER_UTF8_CODEPOINT: {
        if (lua_type(L, 1) != LUA_TSTRING)
            return 0;
        lua_tolstring(L, 1, &len);
        lua_Integer i = lua_isnoneornil(L, 2) ? 1 : lua_tointegerx(L, 2, &ok);
        if (!ok)
            return 0;
        size_t from = start_pos(i, len);
        lua_Integer j = lua_isnoneornil(L, 3) ? (lua_Integer)from : lua_tointegerx(L, 3, &ok);
        if (!ok)
            return 0;
        size_t to = end_pos(j, len);
        return to >= from ? (long long)(to - from + 1) : 0;
    }
    case METER_TABLE_UNPACK: {
        lua_Integer i = lua_isnoneornil(L, 2) ? 1 : lua_tointegerx(L, 2, &ok);
        if (!ok)
            return 0;
        lua_Integer j;
        if (lua_isnoneornil(L, 3)) {
            if (lua_type(L, 1) != LUA_TTABLE && luaL_getmetafield(L, 1, "__len") == LUA_TNIL)
                return 0; /* the original raises "attempt to get length" */
            lua_settop(L, n);
            j = luaL_len(L, 1); /* may run __len, budgeted */
            lua_settop(L, n);
        } else {
            j = lua_tointegerx(L, 3, &ok);
            if (!ok)
                return 0;
        }
        if (j < i)
            return 0;
        lua_Unsigned span = (lua_Unsigned)j - (lua_Unsigned)i;
        return span >= (lua_Unsigned)LLONG_MAX ? LLONG_MAX : (long long)span + 1;
    }
    default:
        return 0;
    }
}

/* What it cost, from its results (the bytes it made). */
static long long cost_after(lua_State *L, int kind, int nresults)
{
    size_t len = 0;
    switch (kind) {
    case METER_FORMAT:
    case METER_SUB:
    case METER_PACK:
        if (nresults >= 1 && lua_type(L, 1) == LUA_TSTRING)
            lua_tolstring(L, 1, &len);
        return (long long)(len / COPY_BYTES_PER_STEP);
    case METER_SELECT:
        return nresults;
    default:
        return 0;
    }
}

static int l_metered(lua_State *L)
{
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    cs_lua_charge(L, cost_before(L, kind));
    int n = call_original(L);
    cs_lua_charge(L, cost_after(L, kind, n));
    return n;
}

/* ---- pattern functions: the search is counted before it runs ---- */

enum { PATTERN_FIND, PATTERN_MATCH, PATTERN_GMATCH, PATTERN_GSUB };

static int tick_deadline(void *ctx)
{
    return cs_lua_past_deadline(ctx);
}

/* What a plain string.find costs: a memchr scan for the first byte, and
 * a comparison of the rest at each place it occurs. */
static long long plain_find_cost(const char *s, size_t len, const char *p, size_t plen)
{
    if (plen == 0 || plen > len)
        return 0;
    long long hits = 0;
    const char *end = s + len - plen + 1;
    for (const char *q = s; q < end && (q = memchr(q, p[0], (size_t)(end - q))) != NULL; q++)
        hits++;
    return (long long)(len / COPY_BYTES_PER_STEP) + scaled(hits, (long long)plen,
                                                           COPY_BYTES_PER_STEP);
}

static int l_pattern(lua_State *L)
{
    cs_lua *lx = cs_lua_of(L);
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    if (lx->instr_limit <= 0 && lx->deadline <= 0)
        return call_original(L); /* nothing to bound */
    cs_pattern_search q;
    memset(&q, 0, sizeof q);
    q.subject = s;
    q.len = ls;
    q.pattern = p;
    q.plen = lp;
    q.mode = kind == PATTERN_GMATCH || kind == PATTERN_GSUB ? CS_PATTERN_ALL : CS_PATTERN_FIRST;
    q.anchors = kind != PATTERN_GMATCH;
    q.max_matches = -1;
    q.max_steps = lx->instr_limit > 0 ? (lx->instr_left > 0 ? lx->instr_left : 0) : LLONG_MAX;
    q.tick = lx->deadline > 0 ? tick_deadline : NULL;
    q.tick_ctx = lx;
    size_t init = 1;
    if (kind != PATTERN_GSUB)
        init = start_pos(luaL_optinteger(L, 3, 1), ls);
    else
        q.max_matches = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    if (init > ls + 1)
        return call_original(L); /* no search: nil, or an empty iterator */
    q.init = init - 1;
    long long steps = 0;
    if (kind == PATTERN_FIND && (lua_toboolean(L, 4) || cs_pattern_is_plain(p, lp))) {
        cs_lua_charge(L, plain_find_cost(s + q.init, ls - q.init, p, lp));
        return call_original(L);
    }
    char error[128];
    cs_pattern_outcome out = cs_pattern_cost(&q, &steps, error, sizeof error);
    if (out == CS_PATTERN_STOPPED && cs_lua_past_deadline(lx))
        return cs_lua_time_error(L, lx, 1);
    cs_lua_charge(L, out == CS_PATTERN_STOPPED ? LLONG_MAX : steps);
    if (out == CS_PATTERN_INVALID)
        return luaL_error(L, "%s", error);
    int n = call_original(L);
    if (kind == PATTERN_GSUB && n >= 1 && lua_type(L, 1) == LUA_TSTRING) {
        size_t made;
        lua_tolstring(L, 1, &made);
        cs_lua_charge(L, (long long)(made / COPY_BYTES_PER_STEP));
    }
    return n;
}

/* ---- table functions charged by the count their C loop runs ---- */

enum { COST_INSERT, COST_REMOVE, COST_MOVE, COST_CONCAT, COST_SORT };

static long long span(lua_Integer from, lua_Integer to)
{
    if (to < from)
        return 0;
    lua_Unsigned n = (lua_Unsigned)to - (lua_Unsigned)from;
    return n >= (lua_Unsigned)LLONG_MAX ? LLONG_MAX : (long long)n + 1;
}

/* The number of elements the original will touch; 0 when its arguments
 * are wrong (it then raises its own error).  luaL_len may run __len. */
static long long table_cost(lua_State *L, int kind)
{
    int top = lua_gettop(L), ok = 1, ok2 = 1;
    if (kind == COST_MOVE) {
        lua_Integer f = lua_tointegerx(L, 2, &ok), e = lua_tointegerx(L, 3, &ok2);
        return ok && ok2 ? span(f, e) : 0;
    }
    if (lua_type(L, 1) != LUA_TTABLE || (kind == COST_INSERT && top != 3))
        return 0;
    lua_Integer len = 0;
    if (kind != COST_CONCAT || lua_isnoneornil(L, 4)) {
        len = luaL_len(L, 1);
        lua_settop(L, top);
    }
    switch (kind) {
    case COST_INSERT: {
        lua_Integer pos = lua_tointegerx(L, 2, &ok);
        return ok ? span(pos, len) : 0;
    }
    case COST_REMOVE: {
        lua_Integer pos = lua_isnoneornil(L, 2) ? len : lua_tointegerx(L, 2, &ok);
        return ok ? span(pos, len) : 0;
    }
    case COST_CONCAT: {
        lua_Integer i = lua_isnoneornil(L, 3) ? 1 : lua_tointegerx(L, 3, &ok);
        lua_Integer j = lua_isnoneornil(L, 4) ? len : lua_tointegerx(L, 4, &ok2);
        return ok && ok2 ? span(i, j) : 0;
    }
    default: { /* COST_SORT: about n log2 n comparisons */
        long long cost = len > 0 ? (long long)len : 0, log2n = 1;
        for (lua_Integer m = len; m > 1; m >>= 1)
            log2n++;
        return scaled(cost, log2n, 1);
    }
    }
}

static int l_charged(lua_State *L)
{
    /* Arguments the original would refuse, refused here so that the message
     * carries the caller's position (errors raised inside the original,
     * called from C, have none). */
    if (lua_type(L, 1) != LUA_TTABLE) {
        if (luaL_getmetafield(L, 1, "__index") == LUA_TNIL)
            return luaL_typeerror(L, 1, "table");
        lua_pop(L, 1);
    }
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    cs_lua_charge(L, table_cost(L, kind));
    int n = call_original(L);
    if (kind == COST_CONCAT && n >= 1 && lua_type(L, 1) == LUA_TSTRING) {
        size_t made;
        lua_tolstring(L, 1, &made);
        cs_lua_charge(L, (long long)(made / COPY_BYTES_PER_STEP));
    }
    return n;
}

static const char *const removed_base[] = {"load",   "loadfile", "dofile",  "require",
                                           "collectgarbage", NULL};

static const struct {
    const char *name;
    int kind;
} charged[] = {{"insert", COST_INSERT}, {"remove", COST_REMOVE}, {"move", COST_MOVE},
               {"concat", COST_CONCAT}, {"sort", COST_SORT},     {NULL, 0}};

typedef struct named_kind {
    const char *name;
    int kind;
} named_kind;

static const named_kind patterns[] = {{"find", PATTERN_FIND},     {"match", PATTERN_MATCH},
                                      {"gmatch", PATTERN_GMATCH}, {"gsub", PATTERN_GSUB},
                                      {NULL, 0}};
static const named_kind string_meters[] = {
    {"byte", METER_BYTE},   {"char", METER_CHAR},   {"format", METER_FORMAT},
    {"upper", METER_CASE},  {"lower", METER_CASE},  {"reverse", METER_CASE},
    {"sub", METER_SUB},     {"pack", METER_PACK},   {"unpack", METER_UNPACK_STR},
    {NULL, 0}};
static const named_kind utf8_meters[] = {{"char", METER_UTF8_CHAR},
                                         {"codepoint", METER_UTF8_CODEPOINT},
                                         {"len", METER_UTF8_SCAN},
                                         {"offset", METER_UTF8_SCAN},
                                         {NULL, 0}};
static const named_kind table_meters[] = {{"unpack", METER_TABLE_UNPACK},
                                          {"pack", METER_TABLE_PACK}, {NULL, 0}};

/* Replace each listed function of the table at idx by fn, with the
 * original and its kind as upvalues. */
static void wrap_functions(lua_State *L, int idx, const named_kind *list, lua_CFunction fn)
{
    for (; list->name; list++) {
        lua_getfield(L, idx, list->name);
        lua_pushinteger(L, list->kind);
        lua_pushcclosure(L, fn, 2);
        lua_setfield(L, idx, list->name);
    }
}

/* A shallow copy of the table at idx, pushed. */
static void push_copy(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

/* Open and trim the libraries (protected: runs under lua_pcall). */
int cs_lua_open_libs(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL},
    };
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (const char *const *name = removed_base; *name; name++) {
        lua_pushnil(L);
        lua_setglobal(L, *name);
    }
    lua_pushcfunction(L, l_print);
    lua_setglobal(L, "print");
    lua_pushcfunction(L, l_pcall);
    lua_setglobal(L, "pcall");
    lua_pushcfunction(L, l_xpcall);
    lua_setglobal(L, "xpcall");
    lua_pushcfunction(L, l_setmetatable);
    lua_setglobal(L, "setmetatable");

    /* The registry's _LOADED (unreachable by scripts: no require, package
     * or debug) keeps copies holding the original functions, so that Lua
     * still names them in messages ("bad argument #1 to 'table.insert'"). */
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    int loaded = lua_gettop(L);
    lua_getglobal(L, LUA_STRLIBNAME);
    int str = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, str, "dump"); /* also gone from getmetatable("").__index */
    push_copy(L, str);
    lua_setfield(L, loaded, LUA_STRLIBNAME);
    lua_getfield(L, str, "rep");
    lua_pushcclosure(L, l_rep, 1);
    lua_setfield(L, str, "rep");
    wrap_functions(L, str, patterns, l_pattern);
    wrap_functions(L, str, string_meters, l_metered);

    lua_getglobal(L, LUA_UTF8LIBNAME);
    int utf = lua_gettop(L);
    push_copy(L, utf);
    lua_setfield(L, loaded, LUA_UTF8LIBNAME);
    wrap_functions(L, utf, utf8_meters, l_metered);

    static const named_kind select_meter[] = {{"select", METER_SELECT}, {NULL, 0}};
    lua_pushglobaltable(L);
    wrap_functions(L, lua_gettop(L), select_meter, l_metered);

    lua_getglobal(L, LUA_TABLIBNAME);
    int tab = lua_gettop(L);
    push_copy(L, tab);
    lua_setfield(L, loaded, LUA_TABLIBNAME);
    for (int i = 0; charged[i].name; i++) {
        lua_getfield(L, tab, charged[i].name);
        lua_pushinteger(L, charged[i].kind);
        lua_pushcclosure(L, l_charged, 2);
        lua_setfield(L, tab, charged[i].name);
    }
    wrap_functions(L, tab, table_meters, l_metered);
    lua_settop(L, 0);
    return 0;
}

