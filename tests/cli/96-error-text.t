#!/bin/sh
# Error lines whose text no other test pins, exactly as the user sees them:
# the rule-file errors of rule{} and the usage errors (their format helpers
# take printf arguments, checked by the compiler), and command errors that
# go through cs_cli_errorf.  Each run: its exit status and its whole stderr.
. "$(dirname "$0")/lib.sh"

printf 'Officials said the quay would open.\n' > "$TMP/a.txt"

rule_fails() { # lua-text expected-stderr name
    printf '%s\n' "$1" > "$TMP/r.lua"
    printf 'rules: [r.lua]\nplugins: []\n' > "$TMP/r.yaml"
    run "$CREDSCORE" score -c "$TMP/r.yaml" "$TMP/a.txt"
    is "$STATUS" 2 "$3: exit 2"
    is "$ERR" "$2" "$3: the message"
}
rule_fails "rule 'x'" \
    "credscore: r.lua:1: rule: rule expects a table: rule { id = ..., marker = ... }" \
    "rule without a table"
rule_fails "rule { marker = 'vague', phrases = {'x'} }" \
    "credscore: r.lua:1: rule: missing field 'id'" "rule without an id"
rule_fails "rule { id = 'no-marker', phrases = {'x'} }" \
    "credscore: r.lua:1: rule 'no-marker': missing field 'marker'" "rule without a marker"
rule_fails "rule { id = 'empty', marker = 'vague', phrases = {} }" \
    "credscore: r.lua:1: rule 'empty': field 'phrases' is empty" "empty phrases"
rule_fails "rule { id = 'nothing', marker = 'vague' }" \
    "credscore: r.lua:1: rule 'nothing': give one of phrases, regex or check" \
    "no phrases, regex or check"
rule_fails "rule { id = 'both', marker = 'vague', phrases = {'x'}, regex = 'y' }" \
    "credscore: r.lua:1: rule 'both': give only one of phrases, regex or check" \
    "phrases and regex"
rule_fails "rule { id = 'chk', marker = 'vague', check = 3 }" \
    "credscore: r.lua:1: rule 'chk': field 'check' must be a function" "check not a function"
rule_fails "rule { id = 'chk2', marker = 'vague', check = function() end, unless = {'x'} }" \
    "credscore: r.lua:1: rule 'chk2': 'unless' works with phrases or regex; a check decides for itself" \
    "unless with a check"
rule_fails "rule { id = 'conf', marker = 'vague', phrases = {'x'}, confidence = 2 }" \
    "credscore: r.lua:1: rule 'conf': confidence must be between 0 and 1" "confidence 2"

# Usage errors.
run "$CREDSCORE" score --profile "" "$TMP/a.txt"
is "$STATUS" 2 "--profile '': exit 2"
is "$ERR" "credscore: --profile wants a profile name
Try 'credscore --help'." "--profile '': the message and the hint"
# serve reads the same session options with the same messages, naming itself.
run "$CREDSCORE" serve --profile ""
is "$STATUS" 2 "serve --profile '': exit 2"
is "$ERR" "credscore: serve: --profile wants a profile name
Try 'credscore serve --help'." "serve --profile '': the message and the hint"
for cmd in score serve; do
    prefix=$([ "$cmd" = serve ] && echo "serve: ")
    hint=$([ "$cmd" = serve ] && echo "credscore serve --help" || echo "credscore --help")
    run "$CREDSCORE" $cmd --timeout 5s "$TMP/a.txt"
    is "$STATUS" 2 "$cmd --timeout 5s: exit 2"
    is "$ERR" "credscore: ${prefix}--timeout wants seconds from 0 (none) to 86400, not '5s'
Try '$hint'." "$cmd --timeout 5s: the message and the hint"
    run "$CREDSCORE" $cmd --max-article-mb -1 "$TMP/a.txt"
    is "$STATUS" 2 "$cmd --max-article-mb -1: exit 2"
    is "$ERR" "credscore: ${prefix}--max-article-mb wants megabytes from 0 (no limit) to 1048576, not '-1'
Try '$hint'." "$cmd --max-article-mb -1: the message and the hint"
done
# Every whole-number option reads digits only, as --timeout does: a sign,
# a space or a trailing letter is refused by each alike.
for arg in "-j +2" "-j 2x" "--rounds +1" "--max anonymous=+1"; do
    case "$arg" in
    -j*) what="-j wants a number of workers from 1 to 64" ;;
    --rounds*) what="--rounds wants a positive number" ;;
    *) what="--max wants MARKER=N (N >= 0, at most 16 of them)" ;;
    esac
    cmd=$([ "${arg%% *}" = --rounds ] && echo watch || echo score)
    value=${arg#* }
    run "$CREDSCORE" $cmd ${arg%% *} "$value" "$TMP/a.txt"
    is "$STATUS:$ERR" "2:credscore: $what, not '$value'
Try 'credscore --help'." "$cmd $arg: exit 2, the message and the hint"
done
run "$CREDSCORE" score -j " 2" "$TMP/a.txt"
is "$STATUS" 2 "-j ' 2': exit 2 (no white space before the digits)"
run "$CREDSCORE" score --no-exit -j 2 --max anonymous=3 "$TMP/a.txt"
is "$STATUS" 0 "-j 2 --max anonymous=3: taken"
run "$CREDSCORE" score -f yaml "$TMP/a.txt"
is "$STATUS" 2 "-f yaml: exit 2"
is "$ERR" "credscore: unknown report format 'yaml' (text, json, sarif, github, junit, html)
Try 'credscore --help'." "-f yaml: the message and the hint"

# Command errors.
mkdir "$TMP/locked"
chmod 000 "$TMP/locked"
if [ -r "$TMP/locked" ]; then
    echo "ok $((_n = _n + 1)) # skip running as a user who reads any folder"
    echo "ok $((_n = _n + 1)) # skip running as a user who reads any folder"
else
    run "$CREDSCORE" test "$TMP/locked"
    is "$STATUS" 2 "test over an unreadable folder: exit 2"
    is "$ERR" "credscore: $TMP/locked: cannot read the folder: Permission denied" \
        "test over an unreadable folder: the message"
fi
chmod 755 "$TMP/locked"
run "$CREDSCORE" eval "$TMP/none.jsonl"
is "$STATUS" 2 "eval of a missing corpus: exit 2"
is "$ERR" "credscore: $TMP/none.jsonl: cannot open: No such file or directory" \
    "eval of a missing corpus: the message"
printf '{"id": "a", "text": "Officials said so.", "markers": ["nosuch"]}\n' > "$TMP/c.jsonl"
run "$CREDSCORE" eval --no-config "$TMP/c.jsonl"
is "$ERR" "credscore: $TMP/c.jsonl:1: unknown marker nosuch" "eval: an unknown marker, named"
run "$CREDSCORE" score --max nosuch=1 "$TMP/a.txt"
is "$STATUS" 2 "--max of an unknown marker: exit 2"
is "$ERR" "credscore: --max: unknown marker 'nosuch'" "--max of an unknown marker: the message"

done_testing
