/*
 * lua_limits.h - the limits of a sandboxed Lua state, as the sandbox's
 * own files use them (private to lua_sandbox.c and lua_libs.c; the rest
 * of the host uses cs_lua_charge, cs_lua_limit_reached and
 * cs_lua_set_time_limit from lua_sandbox.h, also defined here).
 *
 * The memory cap is the state's allocator (its user data is the cs_lua);
 * the instruction budget and the deadline are checked by a count hook,
 * set for the length of one protected call, and by every charge.  A limit
 * reached records which (cs_lua.limit_hit) and its message (limit_msg)
 * and raises it as a Lua error; nothing here allocates from the state
 * except that error string.
 */
#ifndef CS_LUA_LIMITS_H
#define CS_LUA_LIMITS_H

#include <lua.h>
#include <stddef.h>

#include "lua_sandbox.h"

/* The cs_lua of a state (the allocator's user data). */
cs_lua *cs_lua_of(lua_State *L);

/* The state's allocator: realloc, refusing to grow past lx->mem_limit
 * (0: no cap) and counting lx->mem_used (the bytes Lua asked for).  A
 * block of up to 256 bytes has the room of its size class and is kept in
 * lx->free_blocks when Lua frees it (up to 1 MiB in all), for the next
 * block of its class: Lua frees and makes many small tables and strings
 * per call.  ud is the cs_lua. */
void *cs_lua_counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Give the kept blocks back to the system (after lua_close). */
void cs_lua_free_blocks(cs_lua *lx);

/* "src:line: " of the first Lua frame at `level` or above, or "", into
 * buf[0..size).  Allocates nothing (usable in a hook). */
void cs_lua_where(lua_State *L, int level, char *buf, size_t size);

/* Has the deadline set by cs_lua_set_time_limit passed?  (0 without one.) */
int cs_lua_past_deadline(const cs_lua *lx);

/* Raise the time-limit error ("src:line: time limit of N s exceeded
 * (raise --timeout)"), positioned at the first Lua frame from level.
 * Does not return. */
int cs_lua_time_error(lua_State *L, cs_lua *lx, int level);

/* Around one protected call of lx->L: begin gives a fresh instruction
 * budget, clears the last limit and sets the count hook when there is a
 * budget or a deadline; end removes the hook and, when status (the call's)
 * is an error, records which limit it was, writing the memory limit's
 * message ("memory limit of N MB exceeded (...)", no position). */
void cs_lua_limits_begin(cs_lua *lx);
void cs_lua_limits_end(cs_lua *lx, int status);

#endif
