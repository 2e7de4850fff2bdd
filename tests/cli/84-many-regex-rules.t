#!/bin/sh
# A passage runs only the regex rules it may match: those without needs,
# and those with a needs phrase in it.  With more than 64 regex rules (the
# scorer keeps one bit per rule in 64-bit words), every rule whose needs
# are met still runs, in every word, and a rule without needs runs in
# every passage.
. "$(dirname "$0")/lib.sh"

# 70 rules "rNN" matching "kiteNN" (needs "kiteNN"), then one without needs
# matching "plain" and "rNN"'s 71st rule.
{
    n=0
    while [ $n -lt 70 ]; do
        k=$(printf '%02d' $n)
        printf 'rule { id = "r%s", marker = "hedged", message = "kite %s",\n' "$k" "$k"
        printf '  regex = [[\\bkite%s\\b]], needs = { "kite%s" } }\n' "$k" "$k"
        n=$((n + 1))
    done
    printf 'rule { id = "r70-plain", marker = "hedged", message = "plain",\n'
    printf '  regex = [[\\bplain\\b]] }\n'
} > "$TMP/many.lua"
printf 'rules: ["many.lua"]\n' > "$TMP/c.yaml"
cat > "$TMP/a.md" <<'MD'
A kite00 and a kite63 flew.

Then kite64 and kite69 and a plain kite65.

Only a plain sky.

kite01 kite62 kite66 kite68 kite67.
MD
run "$CREDSCORE" score --no-plugins -c "$TMP/c.yaml" -f json --no-exit "$TMP/a.md"
is "$STATUS" 0 "scored with 71 regex rules"
RULES=$(printf '%s' "$OUT" | tr -d ' \n' |
    grep -o '"rule":"r[0-9a-z-]*","source":"[^"]*","level":"[a-z]*","passage":[0-9]*' |
    sed 's/"rule":"\([^"]*\)".*"passage":\([0-9]*\)/\2:\1/' | tr '\n' ' ')
is "$RULES" "0:r00 0:r63 1:r64 1:r69 1:r70-plain 1:r65 2:r70-plain 3:r01 3:r62 3:r66 3:r68 3:r67 " \
    "each rule whose needs word is in a passage finds it there, past the 64th rule too"

done_testing
