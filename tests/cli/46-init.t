#!/bin/sh
# credscore init (a starter config and an example rule with tests) and the
# JSON Schema of credscore.yaml, docs/credscore.schema.json (issue 16, item 12).
. "$(dirname "$0")/lib.sh"

# ---- init ------------------------------------------------------------------
mkdir "$TMP/w" && cd "$TMP/w"
run "$CREDSCORE" init
is "$STATUS" 0 "init: exit 0"
is "$OUT" "wrote credscore.yaml
wrote rules/example.lua
next: credscore test rules/      run the example rule's tests
      credscore config           the effective configuration
      credscore score ARTICLE    score an article" "init: says what it wrote and what to do next"
ok "$([ -f credscore.yaml ] && [ -f rules/example.lua ]; echo $?)" "init: both files written"
like "$(head -n 1 credscore.yaml)" "^# credscore.yaml - written by .credscore init." "the config is commented"
cp credscore.yaml rules/example.lua "$TMP/"

run "$CREDSCORE" config
is "$STATUS" 0 "the written config loads (found in the current folder)"
like "$OUT" "^# effective configuration \\($TMP/w/credscore.yaml\\)$" "config: it is the one used"
like "$OUT" "$TMP/w/rules" "config: with the rules/ folder"

run "$CREDSCORE" test rules/
is "$STATUS" 0 "credscore test passes on the written rule"
is "$OUT" "ok   rules/example.lua:8 example-rumour: 4 examples
4 passed, 0 failed" "its four examples pass"
run "$CREDSCORE" test
is "$STATUS" 0 "credscore test with the written config: the pack and the example rule pass"
like "$OUT" "example-rumour: 4 examples" "the example rule among them"

printf 'Rumour has it that the plant will close in May.\n' > story.txt
run "$CREDSCORE" score --no-exit story.txt
like "$OUT" "story.txt:1:1  vague  -5  \"Rumour has it\"" "score: the example rule fires on an article"

run "$CREDSCORE" init
is "$STATUS" 2 "init again: refused (exit 2)"
is "$ERR" "credscore: init: credscore.yaml already exists; not overwriting it (nothing was written)" \
   "init again: the message names the file"
ok "$(cmp -s credscore.yaml "$TMP/credscore.yaml" && cmp -s rules/example.lua "$TMP/example.lua"; echo $?)" \
   "init again: the files are unchanged"

mkdir "$TMP/w2" "$TMP/w2/rules" && cd "$TMP/w2"
echo "-- mine" > rules/example.lua
run "$CREDSCORE" init
is "$STATUS" 2 "init over an existing rules/example.lua: refused"
is "$ERR" "credscore: init: rules/example.lua already exists; not overwriting it (nothing was written)" \
   "the message names that file"
ok "$([ ! -e credscore.yaml ] && [ "$(cat rules/example.lua)" = "-- mine" ]; echo $?)" \
   "nothing written, the existing file kept"

mkdir "$TMP/w3" && cd "$TMP/w3"
echo "not a folder" > rules
run "$CREDSCORE" init
is "$STATUS" 2 "init where rules is a file: exit 2"
like "$ERR" "^credscore: init: rules/example.lua: cannot create it: Not a directory$" "the message says why"
ok "$([ ! -e credscore.yaml ]; echo $?)" "all or nothing: the config written first is removed again"

run "$CREDSCORE" init somewhere
is "$STATUS" 2 "init takes no operands"
cd "$TMP"

# ---- the JSON Schema ---------------------------------------------------------
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import jsonschema, yaml' 2>/dev/null; then
    skip_or_fail "/usr/bin/python3 with jsonschema and yaml (apt-get install python3-jsonschema python3-yaml)" 10
    done_testing
    exit
fi
SCHEMA=$ROOT/docs/credscore.schema.json
CHECK="$PY $ROOT/tests/tools/schema-check.py $SCHEMA"
"$CREDSCORE" config --no-config > "$TMP/builtin.yaml"
examples=$(cd "$ROOT" && find examples -name credscore.yaml | sort)
is "$(echo $examples | wc -w | tr -d ' ')" 3 "three example configs (examples/credscore.yaml, newsroom/, plugin/)"
# shellcheck disable=SC2086
run $CHECK "$TMP/builtin.yaml" $(for e in $examples; do echo "$ROOT/$e"; done) "$TMP/credscore.yaml"
is "$STATUS" 0 "the schema is valid and accepts the built-in, every example and the init config"
is "$OUT" "" "no problem reported"

# Wrong types, unknown keys and values out of range fail the schema, and
# credscore itself refuses the same files.
bad() { # yaml expected-schema-message name
    printf '%s\n' "$1" > "$TMP/bad.yaml"
    run $CHECK "$TMP/bad.yaml"
    if [ "$STATUS" -eq 1 ] && printf '%s' "$OUT" | grep -Fq -- "$2"; then
        "$CREDSCORE" config --no-plugins -c "$TMP/bad.yaml" > /dev/null 2>&1
        is "$?" 2 "$3: the schema and credscore both refuse it"
    else
        is "$STATUS: $OUT" "1: ...$2..." "$3: the schema refuses it"
    fi
}
bad 'scoring: {fail_under: "high"}' "$TMP/bad.yaml: /scoring/fail_under: 'high' is not valid" "a string where a number goes"
bad 'markers: {anonymous: {weight: -1001}}' "$TMP/bad.yaml: /markers/anonymous/weight: -1001 is less than the minimum of -1000" "a weight out of range"
bad 'rule_override: {}' "$TMP/bad.yaml: /: Additional properties are not allowed ('rule_override' was unexpected)" "an unknown top-level key"
bad 'markers: {anonymous: {default_wieght: 1}}' "Additional properties are not allowed ('default_wieght' was unexpected)" "a misspelled marker key"
bad 'rules: "rules/"' "$TMP/bad.yaml: /rules: 'rules/' is not of type 'array', 'null'" "a string where a list goes"
bad 'bands: [{min: 10}]' "'verdict' is a required property" "a band without a verdict"
bad 'profiles: {wire: {rules: []}}' "Additional properties are not allowed ('rules' was unexpected)" "rules in a profile"

done_testing
