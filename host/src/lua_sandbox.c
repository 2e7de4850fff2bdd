#include "lua_sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#define HOOK_STEP 1000

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    cs_lua *lx = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        lx->mem_used -= old;
        return NULL;
    }
    if (lx->mem_limit && nsize > old && lx->mem_used - old + nsize > lx->mem_limit) {
        lx->limit_hit = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL)
        lx->mem_used = lx->mem_used - old + nsize;
    return p;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    void *ud;
    lua_getallocf(L, &ud);
    cs_lua *lx = ud;
    lx->instr_left -= HOOK_STEP;
    if (lx->instr_left < 0) {
        lx->limit_hit = 2;
        luaL_error(L, "instruction budget exceeded (%I instructions per call; raise "
                      "limits.instructions in the config)", (lua_Integer)lx->instr_limit);
    }
}

static int l_print(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    cs_lua *lx = ud;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    if (lx->log)
        lx->log(lx->log_ctx, 1, lua_tostring(L, -1));
    return 0;
}

static int traceback(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) { /* a non-string error object, e.g. a table */
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int cs_lua_pcall(cs_lua *lx, int nargs, int nresults, cs_diag *d)
{
    lua_State *L = lx->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    lx->instr_left = lx->instr_limit;
    lx->limit_hit = 0;
    if (lx->instr_limit > 0)
        lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
    int st = lua_pcall(L, nargs, nresults, base);
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    if (st == LUA_OK)
        return 0;
    const char *msg = lua_tostring(L, -1);
    if (msg == NULL)
        msg = "(unknown error)";
    if (st == LUA_ERRMEM || lx->limit_hit == 1)
        cs_diag_set(d, "memory limit of %zu bytes exceeded (raise limits.memory_mb in the config)",
                    lx->mem_limit);
    else {
        size_t n = strcspn(msg, "\n");
        cs_diag_set(d, "%.*s", (int)n, msg);
    }
    lua_pop(L, 1);
    return -1;
}

int cs_lua_run_file(cs_lua *lx, const char *path, cs_diag *d)
{
    lua_State *L = lx->L;
    lx->limit_hit = 0;
    int st = luaL_loadfilex(L, path, "t");
    if (st != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (st == LUA_ERRMEM)
            cs_diag_set(d, "%s: memory limit exceeded while loading", path);
        else
            cs_diag_set(d, "%s", msg ? msg : "cannot load");
        lua_pop(L, 1);
        return -1;
    }
    return cs_lua_pcall(lx, 0, 0, d);
}

static const char *const removed_base[] = {"load",   "loadfile", "dofile",  "require",
                                           "collectgarbage", NULL};

int cs_lua_open(cs_lua *lx, const cs_limits *limits, cs_log_fn log, void *log_ctx, cs_diag *d)
{
    memset(lx, 0, sizeof *lx);
    lx->mem_limit = limits && limits->memory_bytes > 0 ? (size_t)limits->memory_bytes : 0;
    lx->instr_limit = limits ? limits->instructions : 0;
    lx->log = log;
    lx->log_ctx = log_ctx;
    lx->L = lua_newstate(counting_alloc, lx);
    if (lx->L == NULL)
        return cs_diag_set(d, "cannot create a Lua state (out of memory)");
    lua_State *L = lx->L;
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
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    /* The package table (left by luaL_requiref's registry) is not global. */
    return 0;
}

void cs_lua_close(cs_lua *lx)
{
    if (lx->L)
        lua_close(lx->L);
    lx->L = NULL;
}
