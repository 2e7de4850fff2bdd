/*
 * lua_libs.h - the Lua libraries a rule sees (private to lua_sandbox.c):
 * the allowlist, the replaced base functions and the charged library
 * functions, as described in lua_sandbox.h.
 */
#ifndef CS_LUA_LIBS_H
#define CS_LUA_LIBS_H

#include <lua.h>

/* Open base, string, table, math and utf8 in L, trimmed and wrapped so
 * that every function keeps the sandbox's limits; the originals stay in
 * the registry's _LOADED copies (unreachable by scripts) so that Lua
 * names them in messages.  A lua_CFunction: run it under lua_pcall (it
 * allocates and may raise out of memory).  Returns 0 with the stack
 * empty. */
int cs_lua_open_libs(lua_State *L);

#endif
