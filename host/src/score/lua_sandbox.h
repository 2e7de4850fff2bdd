/*
 * lua_sandbox.h - a Lua 5.4 state for semi-trusted rule files.
 *
 * What a rule sees: base (without load, loadfile, dofile, require and
 * collectgarbage; print goes to the host log, one line of at most
 * CS_LUA_PRINT_MAX bytes with control characters escaped), string (without
 * dump), table, math and utf8.  No io, os, package, debug or coroutine.
 * Files load as text only: a binary (bytecode) chunk is refused.
 *
 * Limits:
 *   - instructions (config, cs_limits): a count hook gives every
 *     cs_lua_pcall a fresh budget.  Library functions charge the work
 *     they do in C, so that the budget bounds time too: by the count of
 *     values or elements (table.insert/remove/move/concat/sort/unpack/pack,
 *     select, string.byte/char, utf8.char/codepoint), by bytes made or
 *     read (string.rep/format/sub/upper/lower/reverse/pack/unpack,
 *     table.concat, string.gsub, utf8.len/offset: 16 bytes copied or 8
 *     decoded per instruction), and string.find/match/gmatch/gsub by the
 *     steps of their search, counted before it runs (lua_pattern_cost.h):
 *     a backtracking search longer than the budget left is refused before
 *     it starts.
 *   - memory (config): a counting allocator caps the whole state.
 *   - time (cs_lua_set_time_limit; the rule loader uses --timeout): a
 *     wall-clock deadline, checked by the count hook, by every charge and
 *     while a pattern search is counted.
 * A limit raises "file:line: instruction budget exceeded (...)",
 * "file:line: time limit of N s exceeded (raise --timeout)" or
 * "memory limit of N MB exceeded (...)" (no position: when memory runs
 * out the state cannot be inspected).  None can be caught
 * by the script: pcall and xpcall re-raise them, so the protected call that
 * cs_lua_pcall started always ends.
 *
 * Policies that keep the limits sound:
 *   - setmetatable refuses a metatable with a __gc field.  Lua runs
 *     finalizers with debug hooks off (no instruction budget) at any
 *     allocation and at lua_close, so a __gc loop could hang the host.
 *     __close is allowed: it runs inside the call, under the budget.
 *   - string.rep of an empty string (and separator) returns "" at once
 *     instead of looping n times.
 *   - every entry from the host (setup, loading a file, a check) runs in
 *     protected mode, so no Lua error ever reaches the panic handler.
 * Known gap: the VM's own string concatenation (a .. b) copies without a
 * charge; the memory cap bounds each copy and the deadline, checked every
 * 1,000 instructions, the time.
 *
 * One cs_lua per scorer (per worker): never shared between threads.
 * Errors: 0 / -1 with a cs_diag holding the first line of the Lua error.
 *
 * Where each part is: the state, its protected calls and loading files in
 * lua_sandbox.c; the allocator, the instruction budget and the deadline
 * in lua_limits.c; the libraries a rule sees, with the replaced base
 * functions and every charge, in lua_libs.c.
 */
#ifndef CS_LUA_SANDBOX_H
#define CS_LUA_SANDBOX_H

#include <lua.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"

#define CS_LUA_PRINT_MAX 1000   /* bytes of one print() line kept in the log */

typedef void (*cs_log_fn)(void *ctx, int level, const char *message);

/* Which limit stopped the last call. */
enum { CS_LUA_LIMIT_NONE, CS_LUA_LIMIT_MEMORY, CS_LUA_LIMIT_INSTRUCTIONS, CS_LUA_LIMIT_TIME };

/* Small blocks of a state's memory are kept for reuse by size class (16,
 * 32, ... 256 bytes; see cs_lua_counting_alloc). */
#define CS_LUA_BLOCK_CLASSES 16

typedef struct cs_lua {
    lua_State *L;
    size_t mem_used;
    size_t mem_limit;        /* 0 = none */
    long long instr_limit;   /* per call, 0 = none */
    long long instr_left;
    double deadline;         /* CLOCK_MONOTONIC seconds, 0 = none */
    int time_limit;          /* the seconds it was set for (messages) */
    int limit_hit;           /* CS_LUA_LIMIT_* of the last call */
    char limit_msg[320];     /* the limit's message */
    cs_log_fn log;
    void *log_ctx;
    void *free_blocks[CS_LUA_BLOCK_CLASSES + 1]; /* [class]: a list of blocks freed by Lua */
    size_t free_bytes;       /* bytes in those lists */
} cs_lua;

/* Create the state.  log may be NULL (print is then discarded). */
int cs_lua_open(cs_lua *lx, const cs_limits *limits, cs_log_fn log, void *log_ctx, cs_diag *d);
void cs_lua_close(cs_lua *lx);

/* Bound the calls from now on by wall time: once `seconds` have passed
 * (counted from this call, over all the calls that follow), the running
 * call ends with "file:line: time limit of N s exceeded (raise
 * --timeout)".  0 lifts the limit.  Per state: two states keep separate
 * deadlines. */
void cs_lua_set_time_limit(cs_lua *lx, int seconds);

/* Load a file as a text chunk and run it, loading included, as one
 * protected, budgeted call.  Errors read "path:line: message" or
 * "path: message". */
int cs_lua_run_file(cs_lua *lx, const char *path, cs_diag *d);

/* The same for the file at path, named `name` in messages and chunk
 * positions (a bundled copy of a rule file keeps its original name). */
int cs_lua_run_file_as(cs_lua *lx, const char *path, const char *name, cs_diag *d);

/* The same for a rule file given as text (len bytes, need not end in NUL),
 * named `name` in messages and chunk positions ("draft:x.lua:3: ..."). */
int cs_lua_run_source(cs_lua *lx, const char *text, size_t len, const char *name, cs_diag *d);

/* Length of a leading position "src:123: " in the first line of msg (as
 * the errors of cs_lua_pcall start), or 0. */
size_t cs_lua_position_len(const char *msg);

/* lua_pcall with a traceback handler and a fresh instruction budget.
 * The function and nargs arguments are on the stack as for lua_pcall; on
 * failure nothing is left.  A non-string error object is described
 * ("file:line: (error object is a table value)", or its __tostring). */
int cs_lua_pcall(cs_lua *lx, int nargs, int nresults, cs_diag *d);

/* For C functions running inside cs_lua_pcall. */

/* Charge cost instructions to the running call; raises the budget error
 * (a Lua error) when the budget is spent.  No-op without a budget. */
void cs_lua_charge(lua_State *L, long long cost);

/* After a failed lua_pcall made by a C function: 1 when the error is a
 * sandbox limit (it must then be re-raised with lua_error, never
 * swallowed), else 0.  Records LUA_ERRMEM as the memory limit. */
int cs_lua_limit_reached(lua_State *L, int status);

#endif
