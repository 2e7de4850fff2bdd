/*
 * lua_sandbox.h - a Lua 5.4 state for untrusted-ish rule files.
 *
 * Only base (without load, loadfile, dofile, require, collectgarbage;
 * print goes to the host log), string (without dump), table, math and utf8
 * are opened.  A counting allocator caps the state's memory and a count
 * hook caps the instructions of each protected call; both raise a Lua error
 * naming the limit.  Files load as text only (no bytecode).
 *
 * One cs_lua per scorer (per worker): never shared between threads.
 * Errors: 0 / -1 with a cs_diag holding the first line of the Lua error.
 */
#ifndef CS_LUA_SANDBOX_H
#define CS_LUA_SANDBOX_H

#include <lua.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"

typedef void (*cs_log_fn)(void *ctx, int level, const char *message);

typedef struct cs_lua {
    lua_State *L;
    size_t mem_used;
    size_t mem_limit;        /* 0 = none */
    long long instr_limit;   /* per call, 0 = none */
    long long instr_left;
    int limit_hit;           /* 1 memory, 2 instructions (last call) */
    cs_log_fn log;
    void *log_ctx;
} cs_lua;

/* Create the state.  log may be NULL (print is then discarded). */
int cs_lua_open(cs_lua *lx, const cs_limits *limits, cs_log_fn log, void *log_ctx, cs_diag *d);
void cs_lua_close(cs_lua *lx);

/* Load a file as a text chunk and run it (protected, budgeted). */
int cs_lua_run_file(cs_lua *lx, const char *path, cs_diag *d);

/* lua_pcall with a traceback handler and a fresh instruction budget.
 * The function and nargs arguments are on the stack as for lua_pcall. */
int cs_lua_pcall(cs_lua *lx, int nargs, int nresults, cs_diag *d);

#endif
