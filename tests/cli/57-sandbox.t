#!/bin/sh
# The Lua sandbox from the command line.  A malicious or runaway rule file
# ends in a clear error naming its file (and the rule, for a check): exit 2
# in strict mode (the default, also spelled --strict), a warning and a
# scored article (exit 0) with --lenient when a check fails at run time.
# Never a crash, never a hang (every run is bounded by `timeout 20`: 124
# would be a hang), never a file written (a canary must not appear).
. "$(dirname "$0")/lib.sh"

printf 'Officials said the bridge was closed.\n' > a.txt
CANARY=$TMP/canary
BUDGET="instruction budget exceeded (1000000 instructions per call; raise limits.instructions in the config)"
MEM16="memory limit of 16 MB exceeded (raise limits.memory_mb in the config)"
NO_GC="setmetatable: __gc metamethods are not allowed in rules (finalizers would run outside the sandbox limits)"

# rulefile NAME LUA [LIMITS]: NAME.lua and NAME.yaml (that rule file only).
rulefile() {
    printf '%s\n' "$2" > "$1.lua"
    printf 'rules: [%s.lua]\nplugins: []\nlimits: {%s}\n' "$1" \
        "${3:-instructions: 1000000, memory_mb: 64}" > "$1.yaml"
}

score() { # NAME OPTIONS...
    name=$1
    shift
    run timeout 20 "$CREDSCORE" score --fail-under 0 "$@" -c "$name.yaml" a.txt
}

# load_fails NAME LUA MESSAGE [LIMITS]: the file is refused while loading,
# in every mode (a broken rule file always fails the run).
load_fails() {
    rulefile "$1" "$2" "${4:-}"
    for mode in strict --lenient; do
        if [ "$mode" = strict ]; then score "$1"; else score "$1" "$mode"; fi
        is "$STATUS" 2 "$1 ($mode): exit 2"
        is "$ERR" "credscore: $3" "$1 ($mode): message"
    done
}

# load_passes NAME LUA: a harmless no-op (the file loads, the article is scored).
load_passes() {
    rulefile "$1" "$2
rule { id = 'p', marker = 'anonymous', phrases = { 'officials said' } }"
    score "$1"
    is "$STATUS" 0 "$1: harmless, exit 0"
    is "$ERR" "" "$1: nothing on stderr"
    like "$OUT" "\\[p\\]" "$1: the rule still works"
}

# check_fails NAME CHECK-BODY MESSAGE [LIMITS]: rule 'c' (line 2 of the
# file) fails at run time; rule 'p' is fine.
check_fails() {
    rulefile "$1" "rule { id = 'p', marker = 'anonymous', phrases = { 'officials said' } }
rule { id = 'c', marker = 'vague', check = function(p)
$2
end }" "${4:-}"
    score "$1"
    is "$STATUS" 2 "$1 (strict): exit 2"
    is "$ERR" "credscore: a.txt: $3" "$1 (strict): message naming the rule"
    score "$1" --lenient --strict
    is "$STATUS" 2 "$1 (--lenient --strict): exit 2"
    is "$ERR" "credscore: a.txt: $3" "$1 (--lenient --strict): the same message"
    score "$1" --lenient
    is "$STATUS" 0 "$1 (--lenient): exit 0"
    is "$ERR" "credscore: warning: $3; rule 'c' disabled for the rest of the run" \
        "$1 (--lenient): one warning naming the rule"
    like "$OUT" "\\[p\\]" "$1 (--lenient): the other rule still reported"
    like "$OUT" "warning: rule 'c' \\($1.lua:2\\) was disabled: " \
        "$1 (--lenient): the report says which rule was disabled"
}

# ---- escapes: nothing outside the allowlist exists ----

load_fails os "os.execute('touch $CANARY')" \
    "os.lua:1: attempt to index a nil value (global 'os')"
load_fails io "io.open('$CANARY', 'w'):write('x')" \
    "io.lua:1: attempt to index a nil value (global 'io')"
load_fails require "require('os').execute('touch $CANARY')" \
    "require.lua:1: attempt to call a nil value (global 'require')"
for f in load loadstring dofile loadfile; do
    load_fails "$f" "$f('os.execute([[touch $CANARY]])')" \
        "$f.lua:1: attempt to call a nil value (global '$f')"
done
load_fails dump "local s = string.dump(function() end)" \
    "dump.lua:1: attempt to call a nil value (field 'dump')"
load_fails gc "collectgarbage('stop')" \
    "gc.lua:1: attempt to call a nil value (global 'collectgarbage')"
load_fails coroutine "coroutine.wrap(function() while true do end end)()" \
    "coroutine.lua:1: attempt to index a nil value (global 'coroutine')"
load_passes absent "assert(coroutine == nil and io == nil and os == nil and debug == nil)
assert(package == nil and require == nil and load == nil and collectgarbage == nil)"
load_passes strmeta "assert(getmetatable('').__index.dump == nil and string.dump == nil)"
load_passes rawg "rawset(_G, 'os', nil)
assert(rawget(_G, 'io') == nil and rawget(_ENV, 'load') == nil)"
load_passes gmeta "setmetatable(_G, {__index = function(_, k) return rawget(string, k) end})
assert(dump == nil and load == nil)
setmetatable(_G, nil)"

# Bytecode: refused before it runs (a binary chunk starts with ESC "Lua").
printf '\033Lua\124\000\031\223\r\n\032\n' > bc.lua
printf 'rules: [bc.lua]\nplugins: []\n' > bc.yaml
score bc
is "$STATUS" 2 "bytecode: exit 2"
is "$ERR" "credscore: bc.lua: attempt to load a binary chunk (mode is 't'): rule files must be Lua source text (bytecode is refused)" \
    "bytecode: message"

# ---- exhaustion while loading ----

load_fails loop "local n = 0
while true do n = n + 1 end" "loop.lua:2: $BUDGET"
load_fails pcalloop "while true do pcall(function() while true do end end) end" \
    "pcalloop.lua:1: $BUDGET"
load_fails rep "local s = string.rep('x', 1 << 30)" "rep.lua: $MEM16" \
    "instructions: 1000000, memory_mb: 16"
load_fails concat "local s = ('x'):rep(1 << 20)
local t = {}
for i = 1, 64 do t[i] = s end
local r = table.concat(t)" "concat.lua: $MEM16" "instructions: 1000000, memory_mb: 16"
load_fails grow "local t = {}
for i = 1, 1e9 do t[i] = i end" "grow.lua: $MEM16" "instructions: 0, memory_mb: 16"
load_fails format "local s = string.format('%99999999s', 'x')" \
    "format.lua:1: invalid conversion specification: '%99999999s'"
load_fails move "table.move({}, 1, math.maxinteger - 1, 1, {})" "move.lua:1: $BUDGET"
load_fails recurse "local function f() return 1 + f() end
f()" "recurse.lua:1: stack overflow" "instructions: 0, memory_mb: 256"
load_fails cstack "local function f(s) return (s:gsub('.', f)) end
f('ab')" "cstack.lua:1: C stack overflow"

# ---- error values, metatables, finalizers ----

load_fails errtable "error({})" "errtable.lua:1: (error object is a table value)"
load_fails errmeta "error(setmetatable({}, {__tostring = function() return 'custom' end}))" \
    "errmeta.lua:1: custom"
load_fails gcloop "setmetatable({}, {__gc = function() while true do end end})" \
    "gcloop.lua:1: $NO_GC"
load_fails gcbomb "setmetatable({}, {__gc = function() local s = ('x'):rep(1 << 30) end})" \
    "gcbomb.lua:1: $NO_GC" "instructions: 1000000, memory_mb: 16"
load_fails closeloop "do
  local x <close> = setmetatable({}, {__close = function() while true do end end})
end" "closeloop.lua:2: $BUDGET"
load_passes gclate "local mt = {}
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
t = nil"

# ---- print ----

rulefile print "print(string.rep('y', 10 * 1024 * 1024))
rule { id = 'p', marker = 'anonymous', phrases = { 'officials said' } }"
score print
is "$STATUS" 0 "print of 10 MB: exit 0"
like "$ERR" "^credscore: note: y{1000}\\.\\.\\. \\[print cut: 10485760 bytes in all\\]\$" \
    "print of 10 MB: one line, cut"

# ---- failures inside a check: strict fails, lenient disables the rule ----

check_fails checkloop "while true do end" "checkloop.lua:3: rule 'c': $BUDGET"
check_fails checkmem "return p.text:rep(1 << 24)" "checkmem.lua:2: rule 'c': $MEM16" \
    "instructions: 1000000, memory_mb: 16"
check_fails checkerr "error({})" "checkerr.lua:3: rule 'c': (error object is a table value)"
check_fails checkos "os.execute('touch $CANARY')" \
    "checkos.lua:3: rule 'c': attempt to index a nil value (global 'os')"
check_fails checkgc "setmetatable({}, {__gc = function() while true do end end})" \
    "checkgc.lua:3: rule 'c': $NO_GC"
check_fails checkrule "rule { id = 'd', marker = 'anonymous', phrases = { 'x' } }" \
    "checkrule.lua:3: rule 'c': rule{} can only be called while a rule file loads, not from a check"

# A worker process in stream mode says the same for its line.
printf '{"id":"one","text":"Officials said so."}\n' > feed.jsonl
run timeout 20 "$CREDSCORE" score --fail-under 0 -j 2 -c checkloop.yaml --jsonl feed.jsonl
is "$STATUS" 2 "stream, strict: exit 2"
like "$OUT" "checkloop.lua:3: rule 'c': instruction budget exceeded" "stream, strict: the line's error"
run timeout 20 "$CREDSCORE" score --fail-under 0 -j 2 --lenient -c checkloop.yaml --jsonl feed.jsonl
is "$STATUS" 0 "stream, lenient: exit 0"
like "$ERR" "rule 'c' disabled for the rest of the run" "stream, lenient: the warning"

ok "$([ ! -e "$CANARY" ]; echo $?)" "no attack wrote the canary file"

done_testing
