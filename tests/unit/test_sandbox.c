/*
 * test_sandbox.c - the Lua rule sandbox under attack.
 *
 * Each case writes a small rule file into a fresh temporary folder (the
 * current directory while the test runs, so messages name "x.lua"), loads
 * it through cs_lua_rules with the given limits and checks the exact error
 * text, or that the attack was a harmless no-op.  Checks run through
 * cs_lua_rules_check on a fixed passage; strict and lenient mode through
 * cs_scorer.  Escapes (os.execute, io.open, ...) aim at a canary file that
 * must never appear.  Every case must end: a hang is a failure (prove and
 * `make test` would stall), as is a crash.  Output: TAP.
 */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "document.h"
#include "document_load.h"
#include "lua_limits.h"
#include "lua_rules.h"
#include "result.h"
#include "rules.h"
#include "scorer.h"
#include "tap.h"

#define MIB (1024LL * 1024LL)
#define BUDGET "instruction budget exceeded (1000000 instructions per call; raise " \
               "limits.instructions in the config)"
#define MEM16 "memory limit of 16 MB exceeded (raise limits.memory_mb in the config)"
#define NO_GC "setmetatable: __gc metamethods are not allowed in rules (finalizers would run " \
              "outside the sandbox limits)"

static const char passage[] = "Officials said the bridge was closed.";

/* ---- log capture ---- */

typedef struct logbuf {
    char text[16384];
    size_t n;
    size_t longest; /* longest single message */
} logbuf;

static void log_to(void *ctx, int level, const char *message)
{
    (void)level;
    logbuf *b = ctx;
    size_t len = strlen(message);
    if (len > b->longest)
        b->longest = len;
    int w = snprintf(b->text + b->n, sizeof b->text - b->n, "%s\n", message);
    if (w > 0)
        b->n += (size_t)w < sizeof b->text - b->n ? (size_t)w : sizeof b->text - b->n - 1;
}

/* ---- one sandbox: config, rule set, Lua state ---- */

typedef struct sandbox {
    cs_config cfg;
    cs_ruleset rs;
    cs_lua_rules lr;
    logbuf log;
} sandbox;

static int sb_open(sandbox *sb, long long instructions, long long memory_mb)
{
    cs_diag d;
    memset(sb, 0, sizeof *sb);
    if (cs_config_default(&sb->cfg, &d) != 0 || cs_ruleset_init(&sb->rs, &d) != 0) {
        printf("# setup: %s\n", d.msg);
        return -1;
    }
    sb->cfg.limits.instructions = instructions;
    sb->cfg.limits.memory_bytes = memory_mb * MIB;
    if (cs_lua_rules_open(&sb->lr, &sb->rs, &sb->cfg, log_to, &sb->log, &d) != 0) {
        printf("# setup: %s\n", d.msg);
        return -1;
    }
    return 0;
}

static void sb_close(sandbox *sb)
{
    cs_lua_rules_close(&sb->lr);
    cs_ruleset_free(&sb->rs);
    cs_config_free(&sb->cfg);
}

static void write_bytes(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(name, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len) {
        printf("# cannot write %s\n", name);
        exit(1);
    }
    fclose(f);
}

static void write_file(const char *name, const char *text)
{
    write_bytes(name, text, strlen(text));
}

/* Load src as x.lua under the limits: the load error must be `want`
 * exactly (NULL: the load must succeed). */
static void expect_load(const char *what, const char *src, long long instructions,
                        long long memory_mb, const char *want)
{
    sandbox sb;
    if (sb_open(&sb, instructions, memory_mb) != 0) {
        ok(0, "%s: sandbox opens", what);
        return;
    }
    write_file("x.lua", src);
    cs_diag d = {{0}};
    int rc = cs_lua_rules_load_file(&sb.lr, "x.lua", &d);
    if (want == NULL) {
        if (!ok(rc == 0, "%s: loads", what))
            printf("#   error: %s\n", d.msg);
    } else {
        is_int(rc, -1, "%s: refused", what);
        is_str(d.msg, want, "%s: message", what);
    }
    sb_close(&sb);
}

typedef struct emitted {
    int n;
} emitted;

static int count_emit(void *ctx, size_t start, size_t end, const char *message,
                      double confidence, int has_weight, double weight)
{
    (void)start, (void)end, (void)message, (void)confidence, (void)has_weight, (void)weight;
    ((emitted *)ctx)->n++;
    return 0;
}

/* Keeps the last message emitted. */
typedef struct kept {
    emitted e;
    char message[2048];
    size_t len;
} kept;

static int keep_emit(void *ctx, size_t start, size_t end, const char *message,
                     double confidence, int has_weight, double weight)
{
    kept *k = ctx;
    count_emit(&k->e, start, end, message, confidence, has_weight, weight);
    k->len = message ? strlen(message) : 0;
    snprintf(k->message, sizeof k->message, "%s", message ? message : "");
    return 0;
}

/* Run rule `id`'s check once on the passage. */
static int run_check(sandbox *sb, const char *id, emitted *e, cs_diag *d)
{
    long idx = cs_ruleset_find(&sb->rs, id);
    if (idx < 0)
        return cs_diag_set(d, "no rule '%s'", id);
    credscore_span sent = {0, sizeof passage - 1};
    cs_check_input in = {passage, sizeof passage - 1, 0, 0, &sent, 1, NULL, 0};
    return cs_lua_rules_check(&sb->lr, &sb->rs.rules[idx], &in, count_emit, e, d);
}

/* Does the state still run code after whatever happened? */
static int still_usable(sandbox *sb)
{
    lua_State *L = sb->lr.lua.L;
    cs_diag d;
    if (luaL_loadstring(L, "return 6 * 7") != LUA_OK) {
        lua_pop(L, 1);
        return 0;
    }
    if (cs_lua_pcall(&sb->lr.lua, 0, 1, &d) != 0)
        return 0;
    int good = lua_tointeger(L, -1) == 42;
    lua_pop(L, 1);
    return good;
}

/* x.lua defines rule 'c' with a check: the check must fail with `want`
 * (NULL: succeed) and emit `findings` findings. */
static void expect_check(const char *what, const char *src, long long instructions,
                         long long memory_mb, const char *want, int findings)
{
    sandbox sb;
    if (sb_open(&sb, instructions, memory_mb) != 0) {
        ok(0, "%s: sandbox opens", what);
        return;
    }
    write_file("x.lua", src);
    cs_diag d = {{0}};
    if (!ok(cs_lua_rules_load_file(&sb.lr, "x.lua", &d) == 0, "%s: rule file loads", what)) {
        printf("#   error: %s\n", d.msg);
        sb_close(&sb);
        return;
    }
    emitted e = {0};
    int rc = run_check(&sb, "c", &e, &d);
    if (want == NULL) {
        if (!ok(rc == 0, "%s: check runs", what))
            printf("#   error: %s\n", d.msg);
    } else {
        is_int(rc, -1, "%s: check fails", what);
        is_str(d.msg, want, "%s: message", what);
    }
    is_int(e.n, findings, "%s: findings emitted", what);
    ok(still_usable(&sb), "%s: the state is still usable", what);
    sb_close(&sb);
}

/* ---- the cases ---- */

static void escapes(void)
{
    expect_load("os.execute", "os.execute('touch canary')\n", 1000000, 64,
                "x.lua:1: attempt to index a nil value (global 'os')");
    expect_load("io.open", "local f = io.open('canary', 'w')\nf:write('x')\n", 1000000, 64,
                "x.lua:1: attempt to index a nil value (global 'io')");
    expect_load("io.popen via _ENV", "_ENV.io.popen('touch canary')\n", 1000000, 64,
                "x.lua:1: attempt to index a nil value (global 'io')");
    expect_load("require", "local os = require('os')\nos.execute('touch canary')\n", 1000000,
                64, "x.lua:1: attempt to call a nil value (global 'require')");
    expect_load("load", "load('return 1')()\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (global 'load')");
    expect_load("loadstring", "loadstring('return 1')()\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (global 'loadstring')");
    expect_load("dofile", "dofile('/etc/passwd')\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (global 'dofile')");
    expect_load("loadfile", "loadfile('/etc/passwd')\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (global 'loadfile')");
    expect_load("string.dump", "local s = string.dump(function() end)\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (field 'dump')");
    expect_load("collectgarbage", "collectgarbage('stop')\n", 1000000, 64,
                "x.lua:1: attempt to call a nil value (global 'collectgarbage')");
    expect_load("debug", "debug.getregistry()\n", 1000000, 64,
                "x.lua:1: attempt to index a nil value (global 'debug')");
    expect_load("package.loaded", "local os = package.loaded.os\n", 1000000, 64,
                "x.lua:1: attempt to index a nil value (global 'package')");
    expect_load("coroutine is absent", "assert(coroutine == nil)\n", 1000000, 64, NULL);
    expect_load("coroutine loop",
                "local co = coroutine.wrap(function() while true do end end)\nco()\n", 1000000,
                64, "x.lua:1: attempt to index a nil value (global 'coroutine')");
    expect_load("what is left",
                "for _, name in ipairs({'io', 'os', 'package', 'debug', 'coroutine', 'require',\n"
                "  'load', 'loadfile', 'dofile', 'collectgarbage', 'loadstring', 'module'}) do\n"
                "  assert(_G[name] == nil and rawget(_ENV, name) == nil, name)\n"
                "end\n"
                "for _, name in ipairs({'string', 'table', 'math', 'utf8', 'print', 'pcall'}) do\n"
                "  assert(_G[name] ~= nil, name)\n"
                "end\n",
                1000000, 64, NULL);
    expect_load("string metatable has no dump",
                "local idx = getmetatable('').__index\n"
                "assert(idx == string and idx.dump == nil and ('').dump == nil)\n",
                1000000, 64, NULL);
    expect_load("rawset/rawget on _G",
                "rawset(_G, 'os', nil)\nassert(rawget(_G, 'load') == nil)\n"
                "rawset(_G, 'print', nil)\nassert(print == nil)\n",
                1000000, 64, NULL);
    expect_load("setmetatable(_G) finds nothing",
                "setmetatable(_G, {__index = function(_, k) return rawget(string, k) end})\n"
                "assert(dump == nil)\nload('return 1')\n",
                1000000, 64, "x.lua:3: attempt to call a nil value (global 'load')");
    expect_load("no metatable leads anywhere",
                "assert(getmetatable(_G) == nil and getmetatable(string) == nil)\n"
                "assert(getmetatable(print) == nil and getmetatable(1) == nil)\n",
                1000000, 64, NULL);
}

static int dump_writer(lua_State *L, const void *p, size_t size, void *ud)
{
    (void)L;
    return fwrite(p, 1, size, ud) == size ? 0 : 1;
}

/* A real binary chunk (made by a plain, unsandboxed state) in x.lua,
 * after `prefix`. */
static int write_bytecode(const char *prefix)
{
    lua_State *L = luaL_newstate();
    FILE *f = fopen("x.lua", "wb");
    int made = L && f && fputs(prefix, f) >= 0 &&
               luaL_loadstring(L, "os.execute('touch canary')") == LUA_OK &&
               lua_dump(L, dump_writer, f, 0) == 0;
    if (f && fclose(f) != 0)
        made = 0;
    if (L)
        lua_close(L);
    return made;
}

static void bytecode(void)
{
    static const char want[] = "x.lua: attempt to load a binary chunk (mode is 't'): rule files "
                               "must be Lua source text (bytecode is refused)";
    const char *prefixes[] = {"", "#!/usr/bin/lua\n"};
    for (int i = 0; i < 2; i++) {
        sandbox sb;
        if (!ok(sb_open(&sb, 1000000, 64) == 0 && write_bytecode(prefixes[i]),
                "bytecode %d: made", i))
            continue;
        cs_diag d = {{0}};
        is_int(cs_lua_rules_load_file(&sb.lr, "x.lua", &d), -1, "bytecode %d: refused", i);
        is_str(d.msg, want, "bytecode %d: message", i);
        sb_close(&sb);
    }
    write_bytes("x.lua", "\x1bLua\x54\x00\x19\x93\r\n\x1a\n", 12);
    expect_load("a forged bytecode header", "\x1bLua\x54", 1000000, 64, want);
}

static void budget(void)
{
    expect_load("infinite loop while loading", "local n = 0\nwhile true do n = n + 1 end\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_load("budget inside rule{}",
                "rule(setmetatable({}, {\n  __index = function(t, k) while true do end end }))\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_check("infinite loop in a check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p)\n"
                 "    while true do end\n"
                 "  end }\n",
                 1000000, 64, "x.lua:3: rule 'c': " BUDGET, 0);
    expect_load("pcall cannot swallow the budget",
                "while true do\n  pcall(function() while true do end end)\nend\n", 1000000, 64,
                "x.lua:2: " BUDGET);
    expect_load("xpcall handler loop",
                "xpcall(function() while true do end end,\n"
                "       function() while true do end end)\n",
                1000000, 64, "x.lua:1: " BUDGET);
    expect_load("xpcall still works", "local ok, e = xpcall(error, function(m) return 'h:' .. m "
                "end, 'x', 0)\nassert(not ok and e == 'h:x', e)\n", 1000000, 64, NULL);
    expect_load("pcall still works",
                "local ok, a, b = pcall(function() return 1, 2 end)\n"
                "assert(ok and a == 1 and b == 2)\n"
                "local ok2, e = pcall(error, 'boom', 0)\nassert(not ok2 and e == 'boom')\n",
                1000000, 64, NULL);
    expect_load("table.move over a huge range", "table.move({}, 1, math.maxinteger - 1, 1, {})\n",
                1000000, 64, "x.lua:1: " BUDGET);
    expect_load("table.insert with a huge __len",
                "local t = setmetatable({}, {__len = function() return math.maxinteger - 1 end})\n"
                "table.insert(t, 1, 'x')\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_load("table.remove with a huge __len",
                "local t = setmetatable({}, {__len = function() return math.maxinteger - 1 end})\n"
                "table.remove(t, 1)\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_load("table.concat with a huge __len",
                "local t = setmetatable({}, {__len = function() return math.maxinteger end,\n"
                "  __index = rawlen})\nlocal s = table.concat(t)\n",
                1000000, 64, "x.lua:3: " BUDGET);
    expect_load("table.sort with a huge __len",
                "local t = setmetatable({}, {__len = function() return 2^31 - 2 end,\n"
                "  __index = rawlen})\ntable.sort(t)\n",
                1000000, 64, "x.lua:3: " BUDGET);
    expect_load("string.rep of nothing, many times",
                "assert(string.rep('', math.maxinteger) == '')\n"
                "assert(('').rep('', math.maxinteger, '') == '')\n",
                1000000, 64, NULL);
    expect_load("table functions still work",
                "local t = {3, 1, 2}\ntable.sort(t)\ntable.insert(t, 1, 0)\ntable.remove(t)\n"
                "assert(table.concat(t, ',') == '0,1,2')\n"
                "assert(table.concat(table.move({1, 2}, 1, 2, 2, {}), ',', 2, 3) == '1,2')\n",
                1000000, 64, NULL);
    expect_load("table function errors keep their position", "table.insert(1, 2)\n", 1000000,
                64, "x.lua:1: bad argument #1 to 'insert' (table expected, got number)");
    expect_load("deep recursion: budget", "local function f() return 1 + f() end\nf()\n",
                1000000, 64, "x.lua:1: " BUDGET);
    expect_load("deep recursion: Lua stack", "local function f() return 1 + f() end\nf()\n", 0,
                256, "x.lua:1: stack overflow");
    expect_load("deep recursion: C stack through gsub",
                "local function f(s) return (s:gsub('.', f)) end\nf('ab')\n", 1000000, 64,
                "x.lua:1: C stack overflow"); /* positioned by the gsub wrapper */
    expect_load("__index chain loop", "local t = {}\nsetmetatable(t, {__index = t})\nreturn t.x\n",
                1000000, 64, "x.lua:3: '__index' chain too long; possible loop");
    expect_load("__index function recursion",
                "local t = setmetatable({}, {__index = function(t, k) return t[k] end})\n"
                "return t.x\n",
                1000000, 64, "x.lua:1: C stack overflow");
}

static void memory(void)
{
    expect_load("string.rep memory bomb", "local s = string.rep('x', 1 << 30)\n", 1000000, 16,
                "x.lua: " MEM16);
    expect_load("string.rep bomb with a separator", "local s = ('ab'):rep(1 << 28, ',')\n",
                1000000, 16, "x.lua: " MEM16);
    expect_load("table.concat memory bomb",
                "local s = string.rep('x', 1 << 20)\nlocal t = {}\n"
                "for i = 1, 64 do t[i] = s end\nlocal r = table.concat(t)\n",
                1000000, 16, "x.lua: " MEM16);
    expect_load("string.format width bomb", "local s = string.format('%99999999s', 'x')\n",
                1000000, 16, "x.lua:1: invalid conversion specification: '%99999999s'");
    expect_load("table growth bomb", "local t = {}\nfor i = 1, 1e9 do t[i] = i end\n", 0, 16,
                "x.lua: " MEM16);
    expect_load("table growth, budgeted", "local t = {}\nfor i = 1, 1e9 do t[i] = i end\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_load("pcall cannot swallow the memory limit",
                "while true do pcall(string.rep, 'x', 1 << 30) end\n", 1000000, 16,
                "x.lua: " MEM16);
    expect_load("deep recursion: memory", "local function f() return 1 + f() end\nf()\n", 0, 16,
                "x.lua: " MEM16);
    expect_check("memory bomb in a check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) return p.text:rep(1 << 24) end }\n",
                 1000000, 16, "x.lua:1: rule 'c': " MEM16, 0);

    /* After a failed check, another rule of the same state still runs. */
    sandbox sb;
    if (sb_open(&sb, 10000000, 16) == 0) { /* rep charges 1 per 16 bytes: memory first */
        write_file("x.lua", "rule { id = 'c', marker = 'anonymous',\n"
                            "  check = function(p) local t = {} for i = 1, 1e6 do\n"
                            "    t[i] = p.text:rep(100) end end }\n"
                            "rule { id = 'ok', marker = 'anonymous',\n"
                            "  check = function(p) return { from = 1, to = 9 } end }\n");
        cs_diag d;
        emitted e = {0};
        is_int(cs_lua_rules_load_file(&sb.lr, "x.lua", &d), 0, "two rules load");
        is_int(run_check(&sb, "c", &e, &d), -1, "the bomb fails");
        is_str(d.msg, "x.lua:1: rule 'c': " MEM16, "with the memory message");
        is_int(run_check(&sb, "ok", &e, &d), 0, "the other rule still runs");
        is_int(e.n, 1, "and finds");
        sb_close(&sb);
    }

    /* Memory exhausted before the host's next entry (a file pinned it):
     * loading another file and running a check must fail cleanly, never
     * reach Lua's panic (abort). */
    if (sb_open(&sb, 1000000, 64) == 0) {
        write_file("x.lua", "X = {}\nfor i = 1, 100 do X[i] = string.rep('x', 100000) .. i end\n");
        write_file("y.lua", "rule { id = 'c', marker = 'anonymous',\n"
                            "  check = function(p) return { from = 1, to = 9 } end }\n");
        cs_diag d = {{0}};
        is_int(cs_lua_rules_load_file(&sb.lr, "x.lua", &d), 0, "a file pins 10 MB");
        lua_gc(sb.lr.lua.L, LUA_GCCOLLECT);
        size_t limit = sb.lr.lua.mem_limit;
        sb.lr.lua.mem_limit = sb.lr.lua.mem_used + 16;
        is_int(cs_lua_rules_load_file(&sb.lr, "y.lua", &d), -1, "no room: the next file fails");
        ok(strncmp(d.msg, "y.lua: memory limit of ", 23) == 0, "with the memory message: %s",
           d.msg);
        sb.lr.lua.mem_limit = limit;
        is_int(cs_lua_rules_load_file(&sb.lr, "y.lua", &d), 0, "room again: it loads");
        lua_gc(sb.lr.lua.L, LUA_GCCOLLECT);
        sb.lr.lua.mem_limit = sb.lr.lua.mem_used + 16;
        emitted e = {0};
        is_int(run_check(&sb, "c", &e, &d), -1, "no room: the check fails");
        ok(strncmp(d.msg, "y.lua:1: rule 'c': memory limit of ", 35) == 0,
           "with the memory message: %s", d.msg);
        sb.lr.lua.mem_limit = limit;
        is_int(run_check(&sb, "c", &e, &d), 0, "room again: the check runs");
        is_int(e.n, 1, "and finds");
        sb_close(&sb);
    }
}

static void error_values(void)
{
    expect_load("error({})", "local x = 1\nerror({})\n", 1000000, 64,
                "x.lua:2: (error object is a table value)");
    expect_load("error(nil)", "error()\n", 1000000, 64, "x.lua:1: (error object is a nil value)");
    expect_load("error(true)", "error(true)\n", 1000000, 64,
                "x.lua:1: (error object is a boolean value)");
    expect_load("error with __tostring",
                "error(setmetatable({}, {__tostring = function() return 'custom' end}))\n",
                1000000, 64, "x.lua:1: custom");
    expect_load("error with a looping __tostring",
                "error(setmetatable({}, {__tostring = function()\n  while true do end\nend}))\n",
                1000000, 64, "x.lua:2: " BUDGET);
    expect_load("error with a failing __tostring",
                "error(setmetatable({}, {__tostring = function() error('inner') end}))\n",
                1000000, 64, "x.lua:1: inner");
    expect_load("a multi-line error, control characters",
                "error('one\\27[31m\\ntwo')\n", 1000000, 64, "x.lua:1: one?[31m");
    expect_check("error({}) in a check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) error({}) end }\n",
                 1000000, 64, "x.lua:2: rule 'c': (error object is a table value)", 0);
    expect_check("error(nil, 0) in a check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) error('plain', 0) end }\n",
                 1000000, 64, "x.lua:1: rule 'c': plain", 0);
}

static void metatables(void)
{
    expect_load("__gc infinite loop",
                "setmetatable({}, {__gc = function() while true do end end})\n", 1000000, 64,
                "x.lua:1: " NO_GC);
    expect_load("__gc memory bomb",
                "local t = setmetatable({}, {__gc = function() local s = ('x'):rep(1 << 30) "
                "end})\n",
                1000000, 16, "x.lua:1: " NO_GC);
    expect_load("__gc refused under pcall too",
                "assert(not pcall(setmetatable, {}, {__gc = print}))\n"
                "assert(not pcall(setmetatable, {}, {__gc = false}))\n",
                1000000, 64, NULL);
    /* Lua marks an object for finalization only when setmetatable sees
     * __gc: adding it afterwards makes no finalizer (closing must not hang). */
    expect_load("__gc added after setmetatable",
                "local mt = {}\nlocal t = setmetatable({}, mt)\n"
                "mt.__gc = function() while true do end end\nt = nil\n",
                1000000, 64, NULL);
    expect_load("__gc through __index is not a __gc",
                "local mt = setmetatable({}, {__index = {__gc = function() while true do end "
                "end}})\nlocal t = setmetatable({}, mt)\n",
                1000000, 64, NULL);
    expect_load("__close loop",
                "do\n  local x <close> = setmetatable({}, {__close = function()\n"
                "    while true do end end})\nend\n",
                1000000, 64, "x.lua:3: " BUDGET);
    expect_load("__close error",
                "do\n  local x <close> = setmetatable({}, {__close = function()\n"
                "    error('in close') end})\nend\n",
                1000000, 64, "x.lua:3: in close");
    expect_load("__close runs", "local n = 0\ndo\n  local x <close> = setmetatable({}, "
                "{__close = function() n = n + 1 end})\nend\nassert(n == 1)\n",
                1000000, 64, NULL);
    expect_load("protected metatable",
                "local t = setmetatable({}, {__metatable = 'no'})\nsetmetatable(t, {})\n",
                1000000, 64, "x.lua:2: cannot change a protected metatable");
    expect_load("setmetatable argument check", "setmetatable({}, 1)\n", 1000000, 64,
                "x.lua:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)");
}

static void rule_api(void)
{
    expect_check("rule{} from a check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p)\n"
                 "    rule { id = 'd', marker = 'anonymous', phrases = { 'x' } }\n"
                 "  end }\n",
                 1000000, 64,
                 "x.lua:3: rule 'c': rule{} can only be called while a rule file loads, not "
                 "from a check",
                 0);
    expect_load("a failed rule{} caught by pcall still fails the file",
                "local ok = pcall(rule, { id = 'b', marker = 'anonymous',\n"
                "  phrases = { 'x' }, regex = 'y' })\nassert(not ok)\n",
                1000000, 64, "x.lua:1: rule 'b': give only one of phrases, regex or check");
    expect_load("nested rule{}",
                "rule(setmetatable({}, {__index = function(t, k)\n"
                "  if k == 'id' then rule { id = 'n', marker = 'anonymous', phrases = { 'x' } } "
                "end end}))\n",
                1000000, 64,
                "x.lua:2: rule{} cannot be called while another rule{} is being defined");
    expect_load("a list with metamethods is read raw",
                "rule { id = 'c', marker = 'anonymous', phrases = setmetatable({}, {\n"
                "  __len = function() return math.maxinteger end, __index = tostring }) }\n",
                1000000, 64, "x.lua:1: rule 'c': field 'phrases' is empty");
    expect_check("findings: all or nothing",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) return { { from = 1, to = 9 }, { from = 1, to = 999 } } "
                 "end }\n",
                 1000000, 64, "x.lua:1: rule 'c': finding span 1..999 is outside the passage "
                 "(1..37)", 0);
    expect_check("a finding whose __index loops",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) return setmetatable({}, {__index = function()\n"
                 "    while true do end end}) end }\n",
                 1000000, 64, "x.lua:3: rule 'c': " BUDGET, 0);
    expect_check("a finding whose __index fails",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) return setmetatable({}, {__index = function()\n"
                 "    error('boom') end}) end }\n",
                 1000000, 64, "x.lua:3: rule 'c': boom", 0);
    expect_check("a good check",
                 "rule { id = 'c', marker = 'anonymous',\n"
                 "  check = function(p) return { { from = 1, to = 9, message = 42 },\n"
                 "    { from = 11, to = 14 } } end }\n",
                 1000000, 64, NULL, 2);
}

/* A long message shared by many findings is one Lua string but a host copy
 * per finding: it is cut, and what is kept costs budget. */
static void messages(void)
{
    sandbox sb;
    if (sb_open(&sb, 1000000, 64) != 0)
        return;
    write_file("x.lua", "rule { id = 'c', marker = 'anonymous',\n"
                        "  check = function(p) return { from = 1, to = 9,\n"
                        "    message = ('\\u{e9}'):rep(3000) } end }\n"
                        "rule { id = 'many', marker = 'anonymous', check = function(p)\n"
                        "  local m, t = ('x'):rep(1 << 20), {}\n"
                        "  for i = 1, 100000 do t[i] = { from = 1, to = 9, message = m } end\n"
                        "  return t end }\n");
    cs_diag d = {{0}};
    kept k;
    memset(&k, 0, sizeof k);
    is_int(cs_lua_rules_load_file(&sb.lr, "x.lua", &d), 0, "long messages: loads");
    long idx = cs_ruleset_find(&sb.rs, "c");
    credscore_span sent = {0, sizeof passage - 1};
    cs_check_input in = {passage, sizeof passage - 1, 0, 0, &sent, 1, NULL, 0};
    is_int(cs_lua_rules_check(&sb.lr, &sb.rs.rules[idx], &in, keep_emit, &k, &d), 0,
           "a 6000-byte message: the check runs");
    is_int(k.len, CS_CHECK_MESSAGE_MAX + 3, "the message is cut at %d bytes, '...' added",
           CS_CHECK_MESSAGE_MAX);
    ok(k.len > 3 && strcmp(k.message + k.len - 3, "...") == 0 &&
           (unsigned char)k.message[k.len - 5] == 0xC3 &&
           (unsigned char)k.message[k.len - 4] == 0xA9,
       "at a character boundary");
    emitted e = {0};
    is_int(run_check(&sb, "many", &e, &d), -1, "100,000 findings sharing 1 MB: refused");
    is_str(d.msg, "x.lua:4: rule 'many': " BUDGET, "by the budget");
    is_int(e.n, 0, "nothing emitted");
    sb_close(&sb);
}

static void printing(void)
{
    sandbox sb;
    if (sb_open(&sb, 1000000, 64) != 0)
        return;
    write_file("x.lua", "print(string.rep('y', 10 * 1024 * 1024))\n"
                        "print('a\\nb\\27[0m', 1, nil)\n");
    cs_diag d = {{0}};
    is_int(cs_lua_rules_load_file(&sb.lr, "x.lua", &d), 0, "print of 10 MB: loads");
    ok(sb.log.longest <= CS_LUA_PRINT_MAX + 64, "print of 10 MB: cut to %zu bytes",
       sb.log.longest);
    ok(strstr(sb.log.text, "... [print cut: 10485760 bytes in all]\n") != NULL,
       "print of 10 MB: says so");
    ok(strstr(sb.log.text, "\na\\nb\\027[0m\t1\tnil\n") != NULL,
       "print escapes control characters");
    sb_close(&sb);
}

/* Through the scorer: strict fails the article, lenient disables the rule. */
static void strict_and_lenient(void)
{
    write_file("x.lua", "rule { id = 'p', marker = 'anonymous', phrases = { 'officials said' } }\n"
                        "rule { id = 'c', marker = 'vague',\n"
                        "  check = function(p) while true do end end }\n");
    const char *files[] = {"x.lua"};
    for (int lenient = 0; lenient < 2; lenient++) {
        const char *mode = lenient ? "lenient" : "strict";
        cs_config cfg;
        cs_diag d = {{0}};
        logbuf log = {{0}, 0, 0};
        if (!ok(cs_config_default(&cfg, &d) == 0, "%s: config", mode))
            continue;
        cs_scorer_opts o = {0};
        o.rule_files = files;
        o.nrule_files = 1;
        o.no_plugins = 1;
        o.lenient = lenient;
        o.log = log_to;
        o.log_ctx = &log;
        cs_scorer *s = NULL;
        cs_document doc;
        memset(&doc, 0, sizeof doc);
        cs_result res;
        cs_result_init(&res);
        if (ok(cs_scorer_new(&s, &cfg, &o, &d) == 0, "%s: scorer", mode) &&
            ok(cs_document_load_memory(&doc, "doc.txt", passage, sizeof passage - 1,
                                       CS_FORMAT_TEXT, &d) == 0, "%s: document", mode)) {
            int rc = cs_scorer_score(s, &doc, &res, &d);
            const cs_ruleset *rs = cs_scorer_rules(s);
            const cs_rule *c = &rs->rules[cs_ruleset_find(rs, "c")];
            if (!lenient) {
                is_int(rc, -1, "strict: the article fails");
                is_str(d.msg, "doc.txt: x.lua:3: rule 'c': " BUDGET, "strict: message");
            } else {
                is_int(rc, 0, "lenient: the article is scored");
                is_str(log.text, "x.lua:3: rule 'c': " BUDGET "; rule 'c' disabled for the rest "
                       "of the run\n", "lenient: one warning naming the rule");
                is_int(c->failed, 1, "lenient: the rule is marked failed");
                is_int(res.nfindings, 1, "lenient: the other rule still found its phrase");
                rc = cs_scorer_score(s, &doc, &res, &d);
                is_int(rc, 0, "lenient: a second article is scored");
                ok(strstr(log.text + strlen(log.text) - 1, "\n") && log.n == strlen(log.text) &&
                   strchr(log.text, '\n') == log.text + strlen(log.text) - 1,
                   "lenient: without running the disabled rule again");
            }
        }
        cs_result_free(&res);
        cs_document_free(&doc);
        cs_scorer_free(s);
        cs_config_free(&cfg);
    }
}

/* Does p hold n bytes of the pattern that fill(p, n, seed) wrote? */
static int holds(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7))
            return 0;
    return 1;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7);
}

/* The state's allocator keeps small blocks Lua frees for the next block of
 * their size class: what a block holds survives every move between
 * classes and to and from a large block, the memory cap counts what Lua
 * asked for (not the kept blocks), and at most 1 MiB is kept. */
static void small_blocks(void)
{
    cs_lua lx;
    memset(&lx, 0, sizeof lx);
    unsigned char *p = cs_lua_counting_alloc(&lx, NULL, LUA_TSTRING, 10);
    if (!ok(p != NULL, "a 10-byte block"))
        return;
    fill(p, 10, 1);
    p = cs_lua_counting_alloc(&lx, p, 10, 20); /* class 16 -> 32 */
    ok(p != NULL && holds(p, 10, 1), "grown to 20 bytes (another class): its bytes kept");
    fill(p, 20, 2);
    p = cs_lua_counting_alloc(&lx, p, 20, 300); /* a large block */
    ok(p != NULL && holds(p, 20, 2), "grown to 300 bytes (large): its bytes kept");
    fill(p, 300, 3);
    p = cs_lua_counting_alloc(&lx, p, 300, 5);
    ok(p != NULL && holds(p, 5, 3), "shrunk to 5 bytes (small again): its bytes kept");
    is_int((long long)lx.mem_used, 5, "5 bytes in use");
    is_int((long long)lx.free_bytes, 32, "the 32-byte block it left kept (the 16-byte one reused)");
    ok(cs_lua_counting_alloc(&lx, p, 5, 0) == NULL, "freed");
    is_int((long long)lx.mem_used, 0, "nothing in use");
    is_int((long long)lx.free_bytes, 48, "its 16-byte block kept too");
    unsigned char *q = cs_lua_counting_alloc(&lx, NULL, LUA_TTABLE, 12);
    ok(q == p, "and given to the next block of its class");
    is_int((long long)lx.free_bytes, 32, "the 32-byte block still kept");

    /* a cap: growing past it is refused, the block stays as it was */
    lx.mem_limit = 100;
    fill(q, 12, 4);
    ok(cs_lua_counting_alloc(&lx, q, 12, 120) == NULL, "growing past the cap is refused");
    ok(holds(q, 12, 4), "and the block is untouched");
    is_int((long long)lx.mem_used, 12, "12 bytes still in use");
    cs_lua_counting_alloc(&lx, q, 12, 0);
    lx.mem_limit = 0;

    /* many freed blocks: at most 1 MiB kept, the rest given back */
    enum { N = 10000 };
    void **blocks = malloc(N * sizeof *blocks);
    if (blocks) {
        for (size_t i = 0; i < N; i++)
            blocks[i] = cs_lua_counting_alloc(&lx, NULL, LUA_TSTRING, 256);
        for (size_t i = 0; i < N; i++)
            cs_lua_counting_alloc(&lx, blocks[i], 256, 0);
        free(blocks);
    }
    is_int((long long)lx.mem_used, 0, "10,000 blocks freed: nothing in use");
    ok(lx.free_bytes <= 1024 * 1024 && lx.free_bytes > 1024 * 1024 - 256,
       "1 MiB of them kept (%zu bytes)", lx.free_bytes);
    cs_lua_free_blocks(&lx);
    is_int((long long)lx.free_bytes, 0, "all given back at the end");
}

int main(void)
{
    char dir[] = "/tmp/credscore-sandbox.XXXXXX";
    char back[4096];
    if (getcwd(back, sizeof back) == NULL || mkdtemp(dir) == NULL || chdir(dir) != 0) {
        printf("Bail out! no temporary folder\n");
        return 1;
    }
    escapes();
    bytecode();
    budget();
    memory();
    small_blocks();
    error_values();
    metatables();
    rule_api();
    messages();
    printing();
    strict_and_lenient();
    ok(access("canary", F_OK) != 0, "no attack created the canary file");
    unlink("canary");
    unlink("x.lua");
    unlink("y.lua");
    if (chdir(back) != 0 || rmdir(dir) != 0)
        printf("# could not remove %s\n", dir);
    return done_testing();
}
