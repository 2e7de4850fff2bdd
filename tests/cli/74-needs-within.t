#!/bin/sh
# Regex rules with `needs_within = N`: tried only in the stretches of N
# bytes (a run of white space counting as one) up to each needs phrase,
# with the same findings as the search of every sentence holding one;
# `credscore test` proves a wrong N wrong; misuse is a load error.
. "$(dirname "$0")/lib.sh"

# The same rule twice, without and with the promise: "on", at most two
# fill words, then the needs word.  The longest start before it: "on" +
# blank + "the" + blank + "the" + blank = 11 bytes.
rule_file() { # $1: extra field
    cat <<LUA
rule {
  id = "wire-credit", marker = "hedged", message = "credited to the wire",
  regex = [[\bon\s+(?:the\s+){0,2}(?:wire|feed)\b(?:\s+(?:said|wrote))?]],
  needs = { "wire", "feed" }, $1
  examples = { hit = { "It ran on the wire.", "It ran on  the   the feed said." },
               miss = { "The wire ran on." } },
}
LUA
}
mkdir -p "$TMP/full" "$TMP/near"
rule_file "" > "$TMP/full/wire.lua"
rule_file "needs_within = 11," > "$TMP/near/wire.lua"
printf 'rules: ["wire.lua"]\n' > "$TMP/full/c.yaml"
printf 'rules: ["wire.lua"]\n' > "$TMP/near/c.yaml"
# Matches near and far from the start, blank runs of every length and a
# line break, needs words close enough for their stretches to merge, a
# needs word with no match, and a sentence without a needs word.
cat > "$TMP/wire.md" <<'MD'
It was on the wire. Later it ran on      the	the   feed said the desk, and on the wire wrote.

Nobody read on the news. The feed was down, on the wire on the feed.

It appeared on the
wire. Then on the. Feed came later on feed.
MD
score_spans "$TMP/full/c.yaml" "$TMP/wire.md"
is "$STATUS" 0 "scored with the full search"
FULL=$SPANS
score_spans "$TMP/near/c.yaml" "$TMP/wire.md"
is "$STATUS" 0 "scored with needs_within"
NEAR=$SPANS
is "$(printf '%s\n' "$FULL" | wc -l | tr -d ' ')" 7 "the full search finds seven matches"
is "$NEAR" "$FULL" "needs_within finds the same matches, at the same places"
like "$NEAR" '"passage":0,"start":33,"end":60' "a match whose blank runs are longer than N counts each run once"
run "$CREDSCORE" test --no-plugins "$TMP/near/wire.lua"
is "$STATUS" 0 "a true needs_within passes credscore test"

# A match that runs past the next stretch's start: the search there resumes
# after it, as the full search does ("on wire on", then "wire", not "on wire").
cat > "$TMP/near/echo.lua" <<'LUA'
rule {
  id = "echo", marker = "hedged", message = "m",
  regex = [[\b(?:on\s+)?wire\b(?:\s+\w+)?]],
  needs = { "wire" }, needs_within = 3,
}
LUA
printf 'rules: ["echo.lua"]\n' > "$TMP/near/e.yaml"
printf 'It came on wire on wire.\n' > "$TMP/echo.md"
run "$CREDSCORE" score --no-plugins -c "$TMP/near/e.yaml" -f json --no-exit "$TMP/echo.md"
is "$STATUS" 0 "scored"
is "$(printf '%s' "$OUT" | tr -d ' \n' | grep -o '"start":[0-9]*,"end":[0-9]*' | tr '\n' ' ')" \
   '"start":8,"end":18 "start":19,"end":23 ' "two matches, the second after the first"

# A wrong claim (the count without the last blank): 10 bytes do not reach
# back from "feed" to "on" past two fill words.
rule_file "needs_within = 10," > "$TMP/near/short.lua"
run "$CREDSCORE" test --no-plugins "$TMP/near/short.lua"
is "$STATUS" 1 "credscore test fails a needs_within that is too small"
like "$ERR$OUT" "short.lua:1: rule 'wire-credit' sets needs_within = 10, but its regex also matches \"on  the   the feed said\", which begins farther before its needs phrases" "the message names the rule, its line, N and the text"

# Misuse is a load error at the rule's line.
misuse() { # $1: name, $2: the rule's fields after the marker and message
    printf 'rule {\n  id = "%s", marker = "vague", message = "m",\n  %s\n}\n' "$1" "$2" \
        > "$TMP/$1.lua"
    printf 'rules: ["%s.lua"]\n' "$1" > "$TMP/$1.yaml"
    run "$CREDSCORE" score --no-plugins -c "$TMP/$1.yaml" "$TMP/wire.md"
}
misuse no-needs 'regex = [[\bwire\b]], needs_within = 4,'
is "$STATUS" 2 "needs_within without needs is refused"
like "$ERR" "no-needs.lua:1: rule 'no-needs': 'needs_within' is for a regex rule with 'needs'" "named at the rule"
misuse on-phrases 'phrases = { "wire" }, needs_within = 4,'
is "$STATUS" 2 "needs_within on a phrase rule is refused"
like "$ERR" "on-phrases.lua:1: rule 'on-phrases': 'needs_within' is for a regex rule with 'needs'" "named"
misuse both 'regex = [[\bwire\b]], needs = { "wire" }, starts_with_needs = true, needs_within = 4,'
is "$STATUS" 2 "needs_within with starts_with_needs is refused"
like "$ERR" "both.lua:1: rule 'both': 'needs_within' and 'starts_with_needs' exclude each other" "named"
for bad in -1 2.5 '"4"' 1001; do
    misuse bad-value "regex = [[\\bwire\\b]], needs = { \"wire\" }, needs_within = $bad,"
    is "$STATUS" 2 "needs_within = $bad is refused"
    like "$ERR" "bad-value.lua:1: rule 'bad-value': field 'needs_within' must be a whole number from 0 to 1000" "needs_within = $bad: the message says what is allowed"
done

done_testing
