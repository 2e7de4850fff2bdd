/* test_pattern_cost.c - the pattern search counter (lua_pattern_cost.h):
 * exact counts on small searches, early stops, and, over thousands of
 * generated patterns, the same errors as Lua's own matcher. */
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

#include "lua_pattern_cost.h"
#include "tap.h"

static cs_pattern_outcome count(const char *s, size_t init, const char *p, cs_pattern_mode mode,
                                long long max_steps, long long *steps, char *err, size_t errlen)
{
    cs_pattern_search q;
    memset(&q, 0, sizeof q);
    q.subject = s;
    q.len = strlen(s);
    q.init = init;
    q.pattern = p;
    q.plen = strlen(p);
    q.mode = mode;
    q.anchors = 1;
    q.max_matches = -1;
    q.max_steps = max_steps;
    return cs_pattern_cost(&q, steps, err, errlen);
}

static void exact_counts(void)
{
    long long steps;
    char err[128];
    /* "h" and "e" fail the first item (1 step each); at "l": the item,
     * the run of one more "l", the end of the pattern. */
    is_int(count("hello", 0, "l+", CS_PATTERN_FIRST, 1000, &steps, err, sizeof err),
           CS_PATTERN_COUNTED, "l+ is counted");
    is_int((int)steps, 5, "l+ in hello: 5 steps");
    is_int(count("hello", 0, "^e", CS_PATTERN_FIRST, 1000, &steps, err, sizeof err),
           CS_PATTERN_COUNTED, "an anchored search tries one place");
    is_int((int)steps, 1, "^e in hello: 1 step");
    is_int(count("aaa", 0, "a", CS_PATTERN_ALL, 1000, &steps, err, sizeof err),
           CS_PATTERN_COUNTED, "gsub-like: every match");
    is_int((int)steps, 7, "a in aaa, every match: 2 steps a match and the end");
    cs_pattern_search q;
    memset(&q, 0, sizeof q);
    q.subject = "aaa";
    q.len = 3;
    q.pattern = "a";
    q.plen = 1;
    q.mode = CS_PATTERN_ALL;
    q.max_matches = 0;
    q.max_steps = 1000;
    is_int(cs_pattern_cost(&q, &steps, err, sizeof err), CS_PATTERN_COUNTED, "n = 0 tries nothing");
    is_int((int)steps, 0, "n = 0: no step");
}

static int ticks;
static int stop_at_second_tick(void *ctx)
{
    (void)ctx;
    return ++ticks >= 2;
}

static void early_stops(void)
{
    long long steps;
    char err[128];
    const char *s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; /* 40 */
    const char *p = "a-a-a-a-a-a-a-a-a-a-a-a-b";
    is_int(count(s, 0, p, CS_PATTERN_FIRST, 1000000, &steps, err, sizeof err),
           CS_PATTERN_STOPPED, "a backtracking search stops at the budget");
    is_int((int)(steps == 1000001), 1, "... one step past it");
    cs_pattern_search q;
    memset(&q, 0, sizeof q);
    q.subject = s;
    q.len = strlen(s);
    q.pattern = p;
    q.plen = strlen(p);
    q.anchors = 1;
    q.max_steps = (long long)1 << 62;
    q.tick = stop_at_second_tick;
    is_int(cs_pattern_cost(&q, &steps, err, sizeof err), CS_PATTERN_STOPPED,
           "without a budget, the tick stops it");
    is_int((int)(steps / CS_PATTERN_TICK), 2, "... at the second tick");
}

/* xorshift: the same patterns on every run. */
static unsigned rnd(unsigned *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

/* Over generated patterns, the counter refuses exactly what Lua refuses,
 * with Lua's message (errors Lua raises only after a match, while handing
 * out captures, are not the matcher's: "unfinished capture"). */
static void same_errors_as_lua(void)
{
    static const char pat_alphabet[] = "ab()%[]^$*+-?.1f";
    static const char subj_alphabet[] = "ab(]";
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    unsigned state = 12345;
    int mismatches = 0, compared = 0, errors = 0;
    char first_mismatch[300] = "";
    for (int i = 0; i < 20000; i++) {
        char p[12], s[10];
        size_t plen = 1 + rnd(&state) % 10, slen = rnd(&state) % 9;
        for (size_t k = 0; k < plen; k++)
            p[k] = pat_alphabet[rnd(&state) % (sizeof pat_alphabet - 1)];
        p[plen] = '\0';
        for (size_t k = 0; k < slen; k++)
            s[k] = subj_alphabet[rnd(&state) % (sizeof subj_alphabet - 1)];
        s[slen] = '\0';
        if (cs_pattern_is_plain(p, plen))
            continue;
        for (int all = 0; all < 2; all++) {
            lua_getglobal(L, "string");
            lua_getfield(L, -1, all ? "gsub" : "find");
            lua_remove(L, -2);
            lua_pushstring(L, s);
            lua_pushstring(L, p);
            if (all)
                lua_pushliteral(L, "x");
            int lua_failed = lua_pcall(L, all ? 3 : 2, 0, 0) != LUA_OK;
            const char *lua_msg = lua_failed ? lua_tostring(L, -1) : "";
            if (lua_failed && strcmp(lua_msg, "unfinished capture") == 0) {
                lua_pop(L, 1);
                continue;
            }
            long long steps;
            char err[128];
            cs_pattern_outcome out = count(s, 0, p, all ? CS_PATTERN_ALL : CS_PATTERN_FIRST,
                                           10000000, &steps, err, sizeof err);
            int ours_failed = out == CS_PATTERN_INVALID;
            compared++;
            errors += lua_failed;
            if (ours_failed != lua_failed || (lua_failed && strcmp(err, lua_msg) != 0)) {
                if (mismatches++ == 0)
                    snprintf(first_mismatch, sizeof first_mismatch,
                             "%s('%s', '%s'): Lua '%s', counter '%s'", all ? "gsub" : "find", s,
                             p, lua_failed ? lua_msg : "(ok)", ours_failed ? err : "(ok)");
            }
            if (lua_failed)
                lua_pop(L, 1);
        }
    }
    lua_close(L);
    ok(compared > 20000 && errors > 1000, "compared %d searches, %d of them errors", compared,
       errors);
    is_int(mismatches, 0, "the counter's errors are Lua's");
    if (mismatches)
        printf("# first: %s\n", first_mismatch);
}

int main(void)
{
    exact_counts();
    early_stops();
    same_errors_as_lua();
    return done_testing();
}
