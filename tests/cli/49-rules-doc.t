#!/bin/sh
# docs/rules.md (issue 16, item 11): every rule shown in it is a file of
# docs/rules/, byte for byte, and `credscore test` runs them all.
. "$(dirname "$0")/lib.sh"

DOC=$ROOT/docs/rules.md

# Each "<!-- file: docs/rules/NAME.lua -->" is followed by a ```lua block:
# cut it out of the page into $TMP/doc/NAME.lua.
mkdir "$TMP/doc"
awk -v out="$TMP/doc" '
    /^<!-- file: docs\/rules\/[a-z0-9-]+\.lua -->$/ {
        name = $3; sub(/^docs\/rules\//, "", name); want = 1; next }
    want && /^```lua$/ { inside = 1; want = 0; file = out "/" name; printf "" > file; next }
    want { print "stray line after a file marker: " $0 > "/dev/stderr"; exit 1 }
    inside && /^```$/ { inside = 0; close(file); next }
    inside { print > file }
' "$DOC"
is "$?" 0 "the page's file markers are each followed by a lua block"

shown=$(cd "$TMP/doc" && ls | sort | tr '\n' ' ')
files=$(cd "$ROOT/docs/rules" && ls | sort | tr '\n' ' ')
is "$shown" "$files" "every file of docs/rules/ is shown in docs/rules.md, and only those"
for f in $files; do
    if cmp -s "$TMP/doc/$f" "$ROOT/docs/rules/$f"; then
        ok 0 "docs/rules.md shows docs/rules/$f as it is"
    else
        ok 1 "docs/rules.md shows docs/rules/$f as it is"
        diff "$ROOT/docs/rules/$f" "$TMP/doc/$f" | sed 's/^/#   /'
    fi
done

# The rules as shown on the page run, alone and beside the bundled pack.
run "$CREDSCORE" test --no-config "$TMP/doc"
is "$STATUS" 0 "credscore test passes on the page's rules"
is "$(printf '%s\n' "$OUT" | grep -c '^ok   ')" "$(echo $files | wc -w | tr -d ' ')" "one ok line per rule file"
is "$(printf '%s\n' "$OUT" | tail -n 1)" "14 passed, 0 failed" "every example of the page passes"
run "$CREDSCORE" test --no-config --no-plugins --with-pack "$ROOT/docs/rules"
is "$STATUS" 0 "and beside the bundled pack (no id taken twice)"

# The fields the page documents are the fields rule{} knows: set to a
# number, a documented field may be of the wrong type, never unknown.
fields=$(sed -n 's/^| `\([a-z_]*\)` | [^|]* | .*/\1/p' "$DOC" | sort -u)
is "$(echo $fields | wc -w | tr -d ' ')" 18 "the page's table lists the 18 fields"
for field in $fields; do
    printf 'rule { id = "f", marker = "hedged", phrases = { "x" }, %s = 1 }\n' "$field" \
        > "$TMP/f.lua"
    run "$CREDSCORE" test --no-config "$TMP/f.lua"
    unlike "$ERR" "unknown field '$field'" "documented field '$field' is known to rule{}"
done

done_testing
