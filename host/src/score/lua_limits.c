/*
 * lua_limits.c - the limits of a sandboxed Lua state (lua_limits.h): the
 * counting allocator that caps its memory, the instruction budget (a
 * count hook and the charges of C functions) and the wall-clock deadline,
 * each raising its message when spent.
 */
#include "lua_limits.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_STEP 1000
#define MIB (1024u * 1024u)

/* The cs_lua of a state is the allocator's user data. */
cs_lua *cs_lua_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* "src:line: " of the first Lua frame at `level` or above, or "".
 * Allocates nothing (usable in a hook). */
void cs_lua_where(lua_State *L, int level, char *buf, size_t size)
{
    lua_Debug ar;
    buf[0] = '\0';
    for (int l = level; l < level + 64 && lua_getstack(L, l, &ar); l++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(buf, size, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
}

#define BLOCK_STEP 16 /* size classes of small blocks: 16, 32, ... bytes */
#define KEPT_BYTES (1024u * 1024u) /* most bytes kept in the free lists */

/* A small block on a free list: its first bytes link to the next. */
typedef struct free_block {
    struct free_block *next;
} free_block;

/* Size class of a block of size bytes: 1..CS_LUA_BLOCK_CLASSES, or 0 when
 * it is not small (0 bytes, or above the largest class). */
static size_t block_class(size_t size)
{
    if (size == 0 || size > (size_t)BLOCK_STEP * CS_LUA_BLOCK_CLASSES)
        return 0;
    return (size + BLOCK_STEP - 1) / BLOCK_STEP;
}

/* A block of class c: a kept one, or a new one of the class's size. */
static void *take_block(cs_lua *lx, size_t c)
{
    free_block *b = lx->free_blocks[c];
    if (b == NULL)
        return malloc(c * BLOCK_STEP);
    lx->free_blocks[c] = b->next;
    lx->free_bytes -= c * BLOCK_STEP;
    return b;
}

/* Keep the block p of class c for reuse, or free it when enough are kept. */
static void give_block(cs_lua *lx, void *p, size_t c)
{
    if (lx->free_bytes + c * BLOCK_STEP > KEPT_BYTES) {
        free(p);
        return;
    }
    free_block *b = p;
    b->next = lx->free_blocks[c];
    lx->free_blocks[c] = b;
    lx->free_bytes += c * BLOCK_STEP;
}

/* Release ptr, a block of osize bytes (a small one has its class's room). */
static void release(cs_lua *lx, void *ptr, size_t osize)
{
    size_t c = block_class(osize);
    if (c)
        give_block(lx, ptr, c);
    else
        free(ptr);
}

void cs_lua_free_blocks(cs_lua *lx)
{
    for (size_t c = 1; c <= CS_LUA_BLOCK_CLASSES; c++)
        while (lx->free_blocks[c] != NULL) {
            free_block *b = lx->free_blocks[c];
            lx->free_blocks[c] = b->next;
            free(b);
        }
    lx->free_bytes = 0;
}

void *cs_lua_counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    cs_lua *lx = ud;
    size_t old = ptr ? osize : 0; /* (without ptr, osize names the kind of object) */
    if (nsize == 0) {
        if (ptr)
            release(lx, ptr, osize);
        lx->mem_used -= old;
        return NULL;
    }
    size_t grow = nsize > old ? nsize - old : 0;
    /* Refusing is all it may do: the state can be mid-change (Lua >= 5.4.6
     * turns stack pointers into offsets around a stack reallocation), so
     * it must not be inspected here.  Lua then collects and retries, or
     * raises LUA_ERRMEM. */
    if (lx->mem_limit && grow > 0 &&
        (lx->mem_used > lx->mem_limit || grow > lx->mem_limit - lx->mem_used))
        return NULL;
    size_t oc = ptr ? block_class(osize) : 0, nc = block_class(nsize);
    void *p;
    if (ptr && oc != 0 && oc == nc) {
        p = ptr; /* the block's class has room for the new size */
    } else if (ptr && oc == 0 && nc == 0) {
        p = realloc(ptr, nsize);
    } else {
        p = nc ? take_block(lx, nc) : malloc(nsize);
        if (p != NULL && ptr != NULL) { /* moved: ptr stays as it is when p is NULL */
            memcpy(p, ptr, old < nsize ? old : nsize);
            release(lx, ptr, osize);
        }
    }
    if (p != NULL)
        lx->mem_used = lx->mem_used - old + nsize;
    return p;
}

/* Raise the budget error, positioned at the first Lua frame from level. */
static int budget_error(lua_State *L, cs_lua *lx, int level)
{
    char where[160];
    cs_lua_where(L, level, where, sizeof where);
    lx->limit_hit = CS_LUA_LIMIT_INSTRUCTIONS;
    snprintf(lx->limit_msg, sizeof lx->limit_msg,
             "%sinstruction budget exceeded (%lld instructions per call; raise "
             "limits.instructions in the config)",
             where, lx->instr_limit);
    lua_pushstring(L, lx->limit_msg);
    return lua_error(L);
}

static double monotonic_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cs_lua_past_deadline(const cs_lua *lx)
{
    return lx->deadline > 0 && monotonic_now() >= lx->deadline;
}

void cs_lua_set_time_limit(cs_lua *lx, int seconds)
{
    lx->time_limit = seconds > 0 ? seconds : 0;
    lx->deadline = seconds > 0 ? monotonic_now() + seconds : 0;
}

/* Raise the time-limit error, positioned at the first Lua frame from level. */
int cs_lua_time_error(lua_State *L, cs_lua *lx, int level)
{
    char where[160];
    cs_lua_where(L, level, where, sizeof where);
    lx->limit_hit = CS_LUA_LIMIT_TIME;
    snprintf(lx->limit_msg, sizeof lx->limit_msg,
             "%stime limit of %d s exceeded (raise --timeout)", where, lx->time_limit);
    lua_pushstring(L, lx->limit_msg);
    return lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    cs_lua *lx = cs_lua_of(L);
    lx->instr_left -= HOOK_STEP;
    if (lx->instr_limit > 0 && lx->instr_left < 0)
        budget_error(L, lx, 0); /* level 0 in a hook: the running Lua function */
    if (cs_lua_past_deadline(lx))
        cs_lua_time_error(L, lx, 0);
}

void cs_lua_charge(lua_State *L, long long cost)
{
    cs_lua *lx = cs_lua_of(L);
    if (cost <= 0)
        return;
    if (lx->instr_limit > 0) {
        lx->instr_left = cost > lx->instr_left ? -1 : lx->instr_left - cost;
        if (lx->instr_left < 0)
            budget_error(L, lx, 1); /* level 1: the Lua code calling the C function */
    }
    if (cs_lua_past_deadline(lx))
        cs_lua_time_error(L, lx, 1);
}

int cs_lua_limit_reached(lua_State *L, int status)
{
    cs_lua *lx = cs_lua_of(L);
    if (status == LUA_ERRMEM && lx->limit_hit == CS_LUA_LIMIT_NONE)
        lx->limit_hit = CS_LUA_LIMIT_MEMORY;
    return lx->limit_hit != CS_LUA_LIMIT_NONE;
}

void cs_lua_limits_begin(cs_lua *lx)
{
    lx->instr_left = lx->instr_limit;
    lx->limit_hit = CS_LUA_LIMIT_NONE;
    lx->limit_msg[0] = '\0';
    if (lx->instr_limit > 0 || lx->deadline > 0)
        lua_sethook(lx->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
}

void cs_lua_limits_end(cs_lua *lx, int status)
{
    lua_sethook(lx->L, NULL, 0, 0);
    if (status == LUA_OK)
        return;
    cs_lua_limit_reached(lx->L, status);
    if (lx->limit_hit == CS_LUA_LIMIT_MEMORY) {
        /* No position: the frames are gone, and the allocator cannot look. */
        if (lx->mem_limit == 0) /* the system refused, not the cap */
            snprintf(lx->limit_msg, sizeof lx->limit_msg, "out of memory");
        else if (lx->mem_limit % MIB == 0)
            snprintf(lx->limit_msg, sizeof lx->limit_msg,
                     "memory limit of %zu MB exceeded (raise limits.memory_mb in the config)",
                     lx->mem_limit / MIB);
        else
            snprintf(lx->limit_msg, sizeof lx->limit_msg,
                     "memory limit of %zu bytes exceeded (raise limits.memory_mb in the "
                     "config)", lx->mem_limit);
    }
}
