#!/bin/sh
# Bad input never crashes: a message naming the file (and line), exit 2.
. "$(dirname "$0")/lib.sh"

: > "$TMP/empty.md"
run "$CREDSCORE" score "$TMP/empty.md"
is "$STATUS" 2 "empty file: exit 2"
is "$ERR" "credscore: $TMP/empty.md: empty input: nothing to score" "empty file message"

printf 'Good line.\nBad \377 byte here.\n' > "$TMP/latin1.txt"
run "$CREDSCORE" score "$TMP/latin1.txt"
is "$STATUS" 2 "invalid UTF-8: exit 2"
is "$ERR" "credscore: $TMP/latin1.txt:2:5: invalid UTF-8 (byte 0xff); convert the file to UTF-8" \
   "invalid UTF-8 names line and column"

printf 'one\ntwo\000three\n' > "$TMP/nul.txt"
run "$CREDSCORE" score "$TMP/nul.txt"
is "$STATUS" 2 "NUL byte: exit 2"
is "$ERR" "credscore: $TMP/nul.txt:2:4: NUL byte in input (a binary file?); refusing to score it" \
   "NUL byte names line and column"

run "$CREDSCORE" score "$TMP/nope.md"
is "$STATUS" 2 "missing file: exit 2"
is "$ERR" "credscore: $TMP/nope.md: cannot open: No such file or directory" "missing file message"

mkdir "$TMP/emptydir"
run "$CREDSCORE" score "$TMP/emptydir"
is "$STATUS" 2 "a folder without articles: exit 2"
like "$ERR" "emptydir: folder holds no articles" "folder message"

printf 'Officials said so.\n' > "$TMP/a.txt"
printf 'rules: [unclosed\n' > "$TMP/bad.yaml"
run "$CREDSCORE" score -c "$TMP/bad.yaml" "$TMP/a.txt"
is "$STATUS" 2 "malformed YAML: exit 2"
like "$ERR" "^credscore: $TMP/bad.yaml:[0-9]+:[0-9]+: " "malformed YAML names file:line:col"

printf 'markers:\n  anonymus:\n    weight: -3\n' > "$TMP/marker.yaml"
run "$CREDSCORE" score -c "$TMP/marker.yaml" "$TMP/a.txt"
is "$STATUS" 2 "unknown marker in the config: exit 2"
like "$ERR" "marker.yaml:2:3: unknown marker 'anonymus' \\(did you mean 'anonymous'\\?\\)" \
   "unknown marker message with a suggestion"

printf 'scoring:\n  base: fifty\n' > "$TMP/type.yaml"
run "$CREDSCORE" score -c "$TMP/type.yaml" "$TMP/a.txt"
is "$STATUS" 2 "wrong type in the config: exit 2"
like "$ERR" "type.yaml:2:9: " "wrong type names file:line:col"

printf 'rule {\n  id = "x",\n  marker = "anonymous"\n  phrases = { "a" },\n}\n' > "$TMP/syntax.lua"
printf 'rules: [syntax.lua]\nplugins: []\n' > "$TMP/syntax.yaml"
run "$CREDSCORE" score -c "$TMP/syntax.yaml" "$TMP/a.txt"
is "$STATUS" 2 "Lua syntax error: exit 2"
is "$ERR" "credscore: syntax.lua:4: '}' expected (to close '{' at line 1) near 'phrases'" \
   "Lua syntax error names file:line"

printf 'local t = nil\nrule { id = "ok", marker = "anonymous", phrases = { "x" } }\nprint(t.field)\n' > "$TMP/runtime.lua"
printf 'rules: [runtime.lua]\nplugins: []\n' > "$TMP/runtime.yaml"
run "$CREDSCORE" score -c "$TMP/runtime.yaml" "$TMP/a.txt"
is "$STATUS" 2 "Lua runtime error while loading: exit 2"
like "$ERR" "runtime.lua:3: attempt to index a nil value" "runtime error names file:line"

printf 'rule {\n  id = "m", marker = "gossip", phrases = { "x" },\n}\n' > "$TMP/marker.lua"
printf 'rules: [marker.lua]\nplugins: []\n' > "$TMP/rmarker.yaml"
run "$CREDSCORE" score -c "$TMP/rmarker.yaml" "$TMP/a.txt"
is "$STATUS" 2 "unknown marker in a rule: exit 2"
like "$ERR" "marker.lua:1: rule 'm': unknown marker 'gossip' \\(known: anonymous, " "rule marker message"

printf 'rule { id = "f", marker = "anonymous", phrase = { "x" } }\n' > "$TMP/field.lua"
printf 'rules: [field.lua]\nplugins: []\n' > "$TMP/field.yaml"
run "$CREDSCORE" score -c "$TMP/field.yaml" "$TMP/a.txt"
is "$STATUS" 2 "unknown rule field: exit 2"
like "$ERR" "field.lua:1: rule 'f': unknown field 'phrase' \\(did you mean 'phrases'\\?\\)" "unknown field message"

printf 'rule { id = "r", marker = "anonymous", regex = "(unclosed" }\n' > "$TMP/regex.lua"
printf 'rules: [regex.lua]\nplugins: []\n' > "$TMP/regex.yaml"
run "$CREDSCORE" score -c "$TMP/regex.yaml" "$TMP/a.txt"
is "$STATUS" 2 "bad regex: exit 2"
like "$ERR" "regex.lua:1: rule 'r': bad regex at offset 9: missing closing parenthesis" "bad regex message"

printf 'rule { id = "d", marker = "anonymous", phrases = { "x" } }\nrule { id = "d", marker = "vague", phrases = { "y" } }\n' > "$TMP/dup.lua"
printf 'rules: [dup.lua]\nplugins: []\n' > "$TMP/dup.yaml"
run "$CREDSCORE" score -c "$TMP/dup.yaml" "$TMP/a.txt"
is "$STATUS" 2 "duplicate rule id: exit 2"
like "$ERR" "dup.lua:2: duplicate rule id 'd' \\(first defined at .*dup.lua:1\\)" "duplicate id message"

printf 'rule { id = "c", marker = "anonymous", check = function(p) return { from = 1, to = 999 } end }\n' > "$TMP/check.lua"
printf 'rules: [check.lua]\nplugins: []\n' > "$TMP/check.yaml"
run "$CREDSCORE" score -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 2 "a check returning a span outside the passage: exit 2"
like "$ERR" "check.lua:1: rule 'c': finding span 1..999 is outside the passage \\(1..18\\)" "span message"
run "$CREDSCORE" score --lenient -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 0 "--lenient disables the failing rule and goes on"
like "$ERR" "rule 'c' disabled for the rest of the run" "and says so"
like "$OUT" "warning: rule 'c' \\(.*check.lua:1\\) was disabled: .*outside the passage" "the report says which rule was disabled"
run "$CREDSCORE" score --lenient -f json -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 0 "score --lenient -f json -c check.yaml a.txt: exit 0"
like "$(jqr "$OUT" '.articles[0].warnings[0]')" "^rule 'c' .* was disabled" "and so does the JSON report"
run "$CREDSCORE" score --strict -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 2 "--strict (the default) fails the run"
is "$ERR" "credscore: $TMP/a.txt: check.lua:1: rule 'c': finding span 1..999 is outside the passage (1..18)" \
   "--strict: the rule's error, not a usage error"
run "$CREDSCORE" score --lenient --strict -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 2 "--strict after --lenient wins: the run fails"
is "$ERR" "credscore: $TMP/a.txt: check.lua:1: rule 'c': finding span 1..999 is outside the passage (1..18)" \
   "--lenient --strict: the rule's error"
run "$CREDSCORE" score --strict --lenient -c "$TMP/check.yaml" "$TMP/a.txt"
is "$STATUS" 0 "--lenient after --strict wins: exit 0"

run "$CREDSCORE" score --format xml "$TMP/a.txt"
is "$STATUS" 2 "unknown report format: exit 2"
run "$CREDSCORE" score --bogus "$TMP/a.txt"
is "$STATUS" 2 "unknown option: exit 2"
run "$CREDSCORE" score
is "$STATUS" 2 "no operand: exit 2"

# Terminal escapes in an article never reach the text report.
printf 'The \033[31mred\033[0m line, officials said.\n' > "$TMP/esc.txt"
run "$CREDSCORE" score --no-config --fail-under 0 "$TMP/esc.txt"
is "$STATUS" 0 "score --no-config --fail-under 0 esc.txt: exit 0"
is "$(printf '%s' "$OUT" | tr -dc '\033' | wc -c | tr -d ' ')" 0 "no ESC byte in the text report"

# A huge single line and deep nesting do not crash.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Officials said the claim could not be verified. "; print "" }' > "$TMP/long.txt"
# (20,000 hits in one passage: hedged-claimed's check needs more than the
# default budget of a call once its pattern searches are charged)
printf 'limits: {instructions: 50000000}\n' > "$TMP/roomy.yaml"
run "$CREDSCORE" score -c "$TMP/roomy.yaml" --fail-under 0 "$TMP/long.txt"
is "$STATUS" 0 "a 1 MB one-line article is scored"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<div>"; printf "<p>Critics say so.</p>"; for (i = 0; i < 10000; i++) printf "</div>"; print "" }' > "$TMP/deep.html"
run "$CREDSCORE" score --fail-under 0 "$TMP/deep.html"
is "$STATUS" 0 "HTML nested 10,000 deep is scored"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "> "; print "Critics say so." }' > "$TMP/deep.md"
run "$CREDSCORE" score --fail-under 0 "$TMP/deep.md"
is "$STATUS" 0 "Markdown nested 10,000 deep is scored"

done_testing
