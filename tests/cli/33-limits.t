#!/bin/sh
# Limits that hold while rules load, C functions charged by their work,
# rule{} errors that leak nothing, and one-article runs isolated like many.
. "$(dirname "$0")/lib.sh"

# A run that hangs is a failure, not a stuck suite (valgrind is slow).
# KILL: watch takes SIGTERM as "stop after this round".
T="-s KILL ${LIMITS_TIMEOUT:-120}"
P=$BUILD/tests/plugins
printf 'Critics say it moved.\n' > a.txt

# ---- rule files that run away while they load ----
cat > backtrack.lua <<'LUA'
local s = string.rep("a", 40)
if string.find(s, "a-a-a-a-a-a-a-a-a-a-a-a-b") then print("found") end
LUA
printf 'rules: [backtrack.lua]\nplugins: []\n' > backtrack.yaml
printf 'rules: [backtrack.lua]\nplugins: []\nlimits: {instructions: 0}\n' > backtrack-nobudget.yaml
printf 'while true do end\n' > spin.lua
printf 'rules: [spin.lua]\nplugins: []\nlimits: {instructions: 0}\n' > spin.yaml

# The search is counted before it runs: over the budget, refused at once.
run timeout $T "$CREDSCORE" score -c backtrack.yaml a.txt
is "$STATUS" 2 "backtracking pattern at load: exit 2"
is "$ERR" "credscore: backtrack.lua:2: instruction budget exceeded (1000000 instructions per call; raise limits.instructions in the config)" \
   "backtracking pattern at load: the budget message, at the line of the search"

# Without a budget, --timeout bounds loading, in every command that loads rules.
for cmd in "score a.txt" "score -j 2 a.txt a.txt" "rules" "explain a.txt:1" "test" \
           "eval a.txt" "baseline a.txt"; do
    # shellcheck disable=SC2086
    run timeout $T "$CREDSCORE" $cmd -c backtrack-nobudget.yaml --timeout 1
    is "$STATUS" 2 "$cmd: a search running past --timeout at load: exit 2"
    is "$ERR" "credscore: backtrack.lua:2: time limit of 1 s exceeded (raise --timeout)" \
       "$cmd: the message names the file, the line and the limit"
done
run timeout $T "$CREDSCORE" watch --rounds 1 -c backtrack-nobudget.yaml --timeout 1 a.txt
unlike "$STATUS" '^(124|99)$' "watch: the round ends"
like "$ERR" "^credscore: backtrack.lua:2: time limit of 1 s exceeded \\(raise --timeout\\)$" \
     "watch: the round says why"
run timeout $T "$CREDSCORE" score -c spin.yaml --timeout 1 a.txt
is "$STATUS" 2 "a Lua loop at load without a budget: exit 2"
is "$ERR" "credscore: spin.lua:1: time limit of 1 s exceeded (raise --timeout)" \
   "a Lua loop at load: the time limit's message"
# config loads the rules too (rule_overrides must name loaded rules): bounded the same way
run timeout $T "$CREDSCORE" config -c backtrack-nobudget.yaml --timeout 1
is "$STATUS" 2 "config: a search running past --timeout at load: exit 2"
is "$ERR" "credscore: backtrack.lua:2: time limit of 1 s exceeded (raise --timeout)" \
   "config: the message names the file, the line and the limit"

# ---- C functions charged by the work they do ----
load_refused() { # name code budget line
    printf '%s\n' "$2" > "$1.lua"
    printf 'rules: [%s.lua]\nplugins: []\nlimits: {instructions: %s}\n' "$1" "$3" > "$1.yaml"
    run timeout $T "$CREDSCORE" score -c "$1.yaml" a.txt
    is "$STATUS" 2 "$1: exit 2"
    is "$ERR" "credscore: $1.lua:$4: instruction budget exceeded ($3 instructions per call; raise limits.instructions in the config)" \
       "$1: charged, refused with the budget message"
}
load_refused unpack "for i = 1, 1000 do local n = select('#', table.unpack({}, 1, 99999)) end" 100000 1
load_refused rep "for i = 1, 1000 do local s = string.rep('x', 1e7) end" 1000000 1
load_refused byte "local s = string.rep('x', 99999)
for i = 1, 1000 do local n = select('#', s:byte(1, -1)) end" 100000 2
load_refused utf8char "local t = {} for i = 1, 5000 do t[i] = 65 end
for i = 1, 1000 do local s = utf8.char(table.unpack(t)) end" 100000 2
load_refused format "local s = string.rep('x', 1e6)
for i = 1, 1000 do local f = string.format('%s%s', s, s) end" 1000000 2
load_refused gsub "local s = string.rep('ab', 1e5)
for i = 1, 1000 do local r = s:gsub('a', 'c') end" 1000000 2

# A check's backtracking search is refused at once too (it was stopped only
# by --timeout before).
cat > bt-check.lua <<'LUA'
rule { id = "bt", marker = "vague", check = function(p)
  if (p.text .. ("a"):rep(40)):find(("a-"):rep(12) .. "b") then return nil end
end }
LUA
printf 'rules: [bt-check.lua]\nplugins: []\n' > bt-check.yaml
run timeout $T "$CREDSCORE" score -c bt-check.yaml a.txt
is "$STATUS" 2 "a check's backtracking search: exit 2"
like "$ERR" "a.txt: bt-check.lua:2: rule 'bt': instruction budget exceeded \\(1000000 instructions per call" \
     "a check's backtracking search: the budget message names the rule"

# Counting changes nothing of what the functions return, nor Lua's errors.
cat > same.lua <<'LUA'
local function same(a, b) assert(a == b, tostring(a) .. " ~= " .. tostring(b)) end
same((("hello world"):gsub("o", "0")), "hell0 w0rld")
same(select(2, ("hello world"):gsub("o", "0")), 2)
same(select(2, ("aaa"):gsub("a*", "-")), 1)
same((("abc"):gsub("", ".")), ".a.b.c.")
same((("abcabc"):gsub("b", "B", 1)), "aBcabc")
local n = 0 for w in ("one two  three"):gmatch("%a+") do n = n + 1 end same(n, 3)
same(("key = value"):match("(%w+)%s*=%s*(%w+)"), "key")
same(select(2, ("key = value"):match("(%w+)%s*=%s*(%w+)")), "value")
same(("THE (quick) fox"):find("%((%a+)%)"), 5)
same(("f(a(b)c)d"):match("%b()"), "(a(b)c)")
same(("THE (quick) fox"):find("%f[%a]%a+", 5), 6)
same(("hello"):find("l", 1, true), 3)
same(("hello"):find("xyz"), nil)
same(("hello"):find("^h"), 1)
same(("hello"):find("^e"), nil)
same(("hello"):find("o$"), 5)
same(("abab"):match("(ab)%1"), "ab")
same(("x"):find("", 10), nil)
same(("[a]"):match("[]a[]+"), "[a]")
same((("a.b"):gsub("%.", "%%")), "a%b")
same(("hello"):byte(-1), 111)
same(select("#", ("hello"):byte(1, -1)), 5)
same(utf8.char(72, 228), "H\u{e4}")
same(table.concat({table.unpack({1, 2, 3})}, ","), "1,2,3")
same(string.format("%5.1f|%s", 3.14159, "x"), "  3.1|x")
for _, bad in ipairs({ {"x", "[a"}, {"x", "%"}, {"x", "%f"}, {"x", "(()"}, {"x", "%1"},
                       {"x", "%b"}, {"x", ".)"} }) do
  local ok, err = pcall(string.find, bad[1], bad[2])
  assert(not ok and (err:match("pattern") or err:match("capture")),
         "pattern '" .. bad[2] .. "': " .. tostring(err))
end
LUA
printf 'rules: [same.lua]\nplugins: []\n' > same.yaml
run timeout $T "$CREDSCORE" score -c same.yaml a.txt
is "$STATUS" 0 "string functions give what Lua gives"
is "$ERR" "" "... and nothing on stderr"
bad_pattern() { # name pattern message
    printf 'local ok = ("x"):find("%s")\n' "$2" > "$1.lua"
    printf 'rules: [%s.lua]\nplugins: []\n' "$1" > "$1.yaml"
    run timeout $T "$CREDSCORE" score -c "$1.yaml" a.txt
    is "$STATUS" 2 "$1: exit 2"
    is "$ERR" "credscore: $1.lua:1: $3" "$1: Lua's message, at the line"
}
bad_pattern bracket "[a" "malformed pattern (missing ']')"
bad_pattern escape "%" "malformed pattern (ends with '%')"
bad_pattern frontier "%fa" "missing '[' after '%f' in pattern"
bad_pattern capture "%1" "invalid capture index %1"
bad_pattern close ".)" "invalid pattern capture"

# ---- rule{} errors leak nothing (ASan and valgrind see the leak) ----
printf "rule{id='c', marker='vague', message=5, phrases={'x'}}\n" > msgnum.lua
printf 'rules: [msgnum.lua]\nplugins: []\n' > msgnum.yaml
run "$CREDSCORE" score -c msgnum.yaml a.txt
is "$STATUS" 2 "a number as message: exit 2 (not a leak report)"
is "$ERR" "credscore: msgnum.lua:1: rule 'c': field 'message' must be a string" "... and the message"
cat > index-raises.lua <<'LUA'
local t = setmetatable({id = 'c', marker = 'vague', phrases = {'x'}},
                       {__index = function(_, k) error("no field " .. k, 0) end})
rule(t)
LUA
printf 'rules: [index-raises.lua]\nplugins: []\n' > index-raises.yaml
run "$CREDSCORE" score -c index-raises.yaml a.txt
is "$STATUS" 2 "an __index that raises: exit 2 (not a leak report)"
is "$ERR" "credscore: index-raises.lua: no field message" "... and its error"
cat > index-gives.lua <<'LUA'
local defaults = {marker = 'vague', message = 'From the defaults'}
rule(setmetatable({id = 'c', phrases = {'critics'}},
                  {__index = function(_, k) return defaults[k] and defaults[k] .. "." end}))
LUA
printf 'rules: [index-gives.lua]\nplugins: []\n' > index-gives.yaml
run "$CREDSCORE" score -c index-gives.yaml --fail-under 0 a.txt
is "$STATUS" 2 "fields from an __index are read (an unknown marker 'vague.')"
is "$ERR" "credscore: index-gives.lua:2: rule 'c': unknown marker 'vague.' (known: anonymous, vague, unverified, hedged, on_record, institutional, media, social)" \
   "... named in the message"

# ---- one article is isolated like many ----
printf 'plugins:\n  - path: %s/good.so\nscoring: {fail_under: 0}\n' "$P" > crash.yaml
printf 'The crashnow story.\n' > crash.txt
run timeout $T "$CREDSCORE" score -c crash.yaml crash.txt
is "$STATUS" 2 "one article, a plugin crashes: exit 2"
# Under AddressSanitizer the crash is caught and turned into an abort or exit 1.
like "$ERR" "^credscore: crash.txt: not scored: the worker (died of signal (11 \\(Segmentation fault\\)|6 \\(Aborted\\))|exited with status 1) in plugin testplug" \
     "one article, a plugin crashes: the message names the article, the death and the plugin"
like "$OUT" "0 articles scored, 0 below the threshold, 1 error" "one article, a plugin crashes: the report says so"

printf 'plugins:\n  - path: %s/exits.so\nscoring: {fail_under: 0}\n' "$P" > exits.yaml
printf 'Officials said it. The exitnow story.\n' > exits.txt
run timeout $T "$CREDSCORE" score -c exits.yaml exits.txt
is "$STATUS" 2 "one article, a plugin calls exit(0): exit 2"
like "$ERR" "^credscore: exits.txt: not scored: the worker exited with status [0-9]+ in plugin exitplug$" \
     "one article, a plugin calls exit(0): the message names the article and the plugin"
run timeout $T "$CREDSCORE" score -c exits.yaml -f json exits.txt a.txt
is "$STATUS" 2 "two articles, a plugin calls exit(0): exit 2"
is "$(jqr "$OUT" '[.articles[].path] | join(",")')" "a.txt" "two articles: the other one is reported"

# Standard input goes to the worker once, and its report is whole in every
# format (SARIF: the parent reads the article again to place the findings).
same_report() { # format text
    if [ "$1" = sarif ]; then
        printf '%s' "$2" | jq -c '[.runs[0].results[] | [.ruleId, .message.text,
                                  .locations[0].physicalLocation.region.startLine]]'
    else
        printf '%s' "$2" | sed 's#[^ "]*examples/articles/school-closures.txt#-#g'
    fi
}
for f in text json sarif; do
    run "$CREDSCORE" score --fail-under 0 -f $f "$ROOT/examples/articles/school-closures.txt"
    want=$(same_report $f "$OUT")
    run sh -c "\"\$0\" score --fail-under 0 -f $f - < \"\$1\"" "$CREDSCORE" "$ROOT/examples/articles/school-closures.txt"
    is "$STATUS" 0 "stdin, $f: exit 0"
    is "$(same_report $f "$OUT")" "$want" "stdin, $f: the report of the same article"
done
like "$want" '^\[\[".+",.+,[0-9]+\]' "stdin, sarif: the article has findings"
run sh -c "\"\$0\" score -f sarif - < /dev/null" "$CREDSCORE"
is "$STATUS" 2 "empty stdin: exit 2"
is "$ERR" "credscore: -: empty input: nothing to score" "empty stdin: the message"

done_testing
