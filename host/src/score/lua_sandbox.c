/*
 * lua_sandbox.c - a Lua state for rule files (lua_sandbox.h): creating it
 * with the allowlisted libraries (lua_libs.c) under the limits
 * (lua_limits.c), the protected, budgeted call every entry from the host
 * goes through, loading rule files as text, and closing it.
 */
#include "lua_sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

#include "credscore/plugin.h"
#include "lua_libs.h"
#include "lua_limits.h"

static int traceback(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) { /* a non-string error object, e.g. a table */
        char where[160];
        cs_lua_where(L, 1, where, sizeof where);
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_pushfstring(L, "%s%s", where, lua_tostring(L, -1));
        else
            msg = lua_pushfstring(L, "%s(error object is a %s value)", where,
                                  luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* First line of msg into d, control characters replaced. */
static void set_first_line(cs_diag *d, const char *msg)
{
    size_t n = strcspn(msg, "\n");
    cs_diag_set(d, "%.*s", (int)n, msg);
    if (d == NULL)
        return;
    for (char *p = d->msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
}

/* Length of a leading "src:123: " in msg, or 0. */
size_t cs_lua_position_len(const char *msg)
{
    for (const char *p = msg; *p && *p != '\n'; p++) {
        if (p[0] != ':' || p == msg || !isdigit((unsigned char)p[1]))
            continue;
        const char *q = p + 1;
        while (isdigit((unsigned char)*q))
            q++;
        if (q[0] == ':' && q[1] == ' ')
            return (size_t)(q + 2 - msg);
    }
    return 0;
}

int cs_lua_pcall(cs_lua *lx, int nargs, int nresults, cs_diag *d)
{
    lua_State *L = lx->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    cs_lua_limits_begin(lx);
    int st = lua_pcall(L, nargs, nresults, base);
    cs_lua_limits_end(lx, st);
    lua_remove(L, base);
    if (st == LUA_OK)
        return 0;
    if (lx->limit_hit != CS_LUA_LIMIT_NONE) {
        set_first_line(d, lx->limit_msg);
    } else {
        const char *msg = lua_tostring(L, -1);
        set_first_line(d, msg ? msg : "(unknown error)");
    }
    lua_pop(L, 1);
    return -1;
}

typedef struct file_job {
    const char *path; /* the file read, or NULL: the text below */
    const char *name; /* the name in messages and rule sources */
    const char *text; /* the source itself when path is NULL */
    size_t len;
} file_job;

/* Load a chunk from text named `name`, the text on the stack top (popped).
 * A first line starting with '#' is skipped as luaL_loadfilex does,
 * keeping line numbers. */
static int load_text(lua_State *L, const char *text, size_t len, const char *name)
{
    size_t skip = 0;
    if (len && text[0] == '#')
        while (skip < len && text[skip] != '\n')
            skip++;
    const char *chunkname = lua_pushfstring(L, "@%s", name);
    int st = luaL_loadbufferx(L, text + skip, len - skip, chunkname, "t");
    lua_remove(L, -2); /* the chunk name */
    lua_remove(L, -2); /* the text */
    return st;
}

/* Load a file under another chunk name (a bundled copy keeps its original
 * name), or the job's text.  Text only. */
static int load_named(lua_State *L, const file_job *job)
{
    if (job->path == NULL) {
        lua_pushlstring(L, job->text, job->len); /* anchored while it loads */
        return load_text(L, job->text, job->len, job->name);
    }
    if (job->name == job->path || strcmp(job->name, job->path) == 0)
        return luaL_loadfilex(L, job->path, "t");
    FILE *f = fopen(job->path, "rb");
    if (f == NULL) {
        lua_pushfstring(L, "cannot open %s: %s", job->name, strerror(errno));
        return LUA_ERRFILE;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        luaL_addlstring(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    luaL_pushresult(&b);
    if (bad) {
        lua_pushfstring(L, "cannot read %s", job->name);
        return LUA_ERRFILE;
    }
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    return load_text(L, text, len, job->name);
}

static int run_file_p(lua_State *L)
{
    const file_job *job = lua_touserdata(L, 1);
    const char *path = job->name;
    lua_settop(L, 0);
    int st = load_named(L, job);
    if (st != LUA_OK) {
        cs_lua_limit_reached(L, st);
        const char *msg = lua_tostring(L, -1);
        if (st == LUA_ERRSYNTAX && msg && strstr(msg, "binary chunk"))
            lua_pushfstring(L, "%s: %s: rule files must be Lua source text (bytecode is refused)",
                            path, msg);
        return lua_error(L);
    }
    lua_call(L, 0, 0);
    return 0;
}

/* Run a job (a file or a text) as one protected, budgeted call. */
static int run_job(cs_lua *lx, const file_job *job, cs_diag *d)
{
    lua_State *L = lx->L;
    if (!lua_checkstack(L, 3))
        return cs_diag_set(d, "%s: Lua stack exhausted", job->name);
    lua_pushcfunction(L, run_file_p);
    lua_pushlightuserdata(L, (void *)job);
    return cs_lua_pcall(lx, 1, 0, d);
}

int cs_lua_run_file_as(cs_lua *lx, const char *path, const char *name, cs_diag *d)
{
    file_job job = {path, name ? name : path, NULL, 0};
    return run_job(lx, &job, d);
}

int cs_lua_run_file(cs_lua *lx, const char *path, cs_diag *d)
{
    return cs_lua_run_file_as(lx, path, path, d);
}

int cs_lua_run_source(cs_lua *lx, const char *text, size_t len, const char *name, cs_diag *d)
{
    file_job job = {NULL, name, text, len};
    return run_job(lx, &job, d);
}

/* Only reached if a Lua error escapes every protected call (a bug):
 * say so before Lua aborts the process. */
static int on_panic(lua_State *L)
{
    cs_lua *lx = cs_lua_of(L);
    char line[CS_DIAG_MAX];
    snprintf(line, sizeof line, "internal error: unprotected Lua error: %s (aborting)",
             lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
    if (lx->log)
        lx->log(lx->log_ctx, CREDSCORE_LOG_ERROR, line);
    else
        fprintf(stderr, "credscore: %s\n", line);
    return 0;
}

int cs_lua_open(cs_lua *lx, const cs_limits *limits, cs_log_fn log, void *log_ctx, cs_diag *d)
{
    memset(lx, 0, sizeof *lx);
    lx->mem_limit = limits && limits->memory_bytes > 0 ? (size_t)limits->memory_bytes : 0;
    lx->instr_limit = limits ? limits->instructions : 0;
    lx->log = log;
    lx->log_ctx = log_ctx;
    lx->L = lua_newstate(cs_lua_counting_alloc, lx);
    if (lx->L == NULL) {
        cs_lua_free_blocks(lx);
        return cs_diag_set(d, "cannot create a Lua state (out of memory or limits.memory_mb "
                              "too small)");
    }
    lua_atpanic(lx->L, on_panic);
    lua_pushcfunction(lx->L, cs_lua_open_libs);
    if (lua_pcall(lx->L, 0, 0, 0) != LUA_OK) {
        cs_diag_set(d, "cannot set up the Lua sandbox (out of memory or limits.memory_mb too "
                       "small)");
        cs_lua_close(lx);
        return -1;
    }
    return 0;
}

void cs_lua_close(cs_lua *lx)
{
    /* No finalizer can exist (setmetatable refuses __gc), so closing runs
     * no script code. */
    if (lx->L)
        lua_close(lx->L);
    lx->L = NULL;
    cs_lua_free_blocks(lx);
}
