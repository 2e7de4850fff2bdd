#!/bin/sh
# Regex rules with `holds_needs = true`: every match holds one of its needs
# phrases (begins at or before one in its sentence), so the search of a
# sentence stops at its last needs phrase, with the same findings as the
# search of every sentence holding one; `credscore test` proves a wrong
# promise wrong; misuse is a load error.
. "$(dirname "$0")/lib.sh"

# The same rule twice, without and with the promise: "on", any number of
# "the", then the needs word (no byte bound: needs_within could not say it).
rule_file() { # $1: extra field
    cat <<LUA
rule {
  id = "wire-credit", marker = "hedged", message = "credited to the wire",
  regex = [[\bon\s+(?:the\s+)*(?:wire|feed)\b(?:\s+(?:said|wrote))?]],
  needs = { "wire", "feed" }, $1
  examples = { hit = { "It ran on the wire.", "It ran on the the the the the feed said." },
               miss = { "The wire ran on." } },
}
LUA
}
mkdir -p "$TMP/full" "$TMP/upto"
rule_file "" > "$TMP/full/wire.lua"
rule_file "holds_needs = true," > "$TMP/upto/wire.lua"
printf 'rules: ["wire.lua"]\n' > "$TMP/full/c.yaml"
printf 'rules: ["wire.lua"]\n' > "$TMP/upto/c.yaml"
# Matches at the start and end of sentences, two in one sentence, a long
# run of "the", a needs word with no match after the last match, a "on"
# after the last needs word, and a sentence without a needs word.
cat > "$TMP/wire.md" <<'MD'
On the wire it said so. Later it ran on the the the the the the the the feed said the desk, and on the wire wrote.

Nobody read on the news. The feed was down, on the wire on the feed.

The wire was quiet on the day. It appeared on the
wire. Then on the. Feed came later on feed.
MD
score_spans "$TMP/full/c.yaml" "$TMP/wire.md"
is "$STATUS" 0 "scored with the full search"
FULL=$SPANS
score_spans "$TMP/upto/c.yaml" "$TMP/wire.md"
is "$STATUS" 0 "scored with holds_needs"
UPTO=$SPANS
is "$(printf '%s\n' "$FULL" | wc -l | tr -d ' ')" 7 "the full search finds seven matches"
is "$UPTO" "$FULL" "holds_needs finds the same matches, at the same places"
like "$UPTO" '"passage":0,"start":37,"end":81' "a match that begins 35 bytes before its needs word"
run "$CREDSCORE" test --no-plugins "$TMP/upto/wire.lua"
is "$STATUS" 0 "a true holds_needs passes credscore test"

# With the passage scope: the passage is searched up to its last needs word.
sed 's/needs = {/scope = "passage", needs = {/' "$TMP/full/wire.lua" > "$TMP/full/p.lua"
sed 's/needs = {/scope = "passage", needs = {/' "$TMP/upto/wire.lua" > "$TMP/upto/p.lua"
printf 'rules: ["p.lua"]\n' > "$TMP/full/p.yaml"
printf 'rules: ["p.lua"]\n' > "$TMP/upto/p.yaml"
score_spans "$TMP/full/p.yaml" "$TMP/wire.md"
FULLP=$SPANS
score_spans "$TMP/upto/p.yaml" "$TMP/wire.md"
is "$STATUS" 0 "scored with holds_needs and the passage scope"
UPTOP=$SPANS
is "$UPTOP" "$FULLP" "the same matches with the passage scope"

# A wrong claim: "desk" may begin after the sentence's last needs word.
cat > "$TMP/upto/desk.lua" <<'LUA'
rule {
  id = "desk", marker = "hedged", message = "m",
  regex = [[\b(?:wire|desk)\b]],
  needs = { "wire" }, holds_needs = true,
  examples = { hit = { "The wire reached the desk." } },
}
LUA
# Scoring believes it: the search stops at "wire", "desk" is not looked for.
printf 'rules: ["desk.lua"]\n' > "$TMP/upto/d.yaml"
printf 'The wire reached the desk.\n' > "$TMP/desk.md"
run "$CREDSCORE" score --no-plugins -c "$TMP/upto/d.yaml" -f json --no-exit "$TMP/desk.md"
is "$STATUS" 0 "scored with the wrong promise"
is "$(printf '%s' "$OUT" | tr -d ' \n' | grep -o '"start":[0-9]*,"end":[0-9]*' | tr '\n' ' ')" \
   '"start":4,"end":8 ' "only the match up to the last needs word is found"
run "$CREDSCORE" test --no-plugins "$TMP/upto/desk.lua"
is "$STATUS" 1 "credscore test fails a holds_needs that does not hold"
like "$ERR$OUT" "desk.lua:1: rule 'desk' sets holds_needs, but its regex also matches \"desk\", which begins after its sentence's needs phrases" "the message names the rule, its line and the text"

# Misuse is a load error at the rule's line.
misuse() { # $1: name, $2: the rule's fields after the marker and message
    printf 'rule {\n  id = "%s", marker = "vague", message = "m",\n  %s\n}\n' "$1" "$2" \
        > "$TMP/$1.lua"
    printf 'rules: ["%s.lua"]\n' "$1" > "$TMP/$1.yaml"
    run "$CREDSCORE" score --no-plugins -c "$TMP/$1.yaml" "$TMP/wire.md"
}
misuse no-needs 'regex = [[\bwire\b]], holds_needs = true,'
is "$STATUS" 2 "holds_needs without needs is refused"
like "$ERR" "no-needs.lua:1: rule 'no-needs': 'holds_needs' is for a regex rule with 'needs'" "named at the rule"
misuse on-check 'check = function(p) end, needs = { "wire" }, holds_needs = true,'
is "$STATUS" 2 "holds_needs on a check rule is refused"
like "$ERR" "on-check.lua:1: rule 'on-check': 'holds_needs' is for a regex rule with 'needs'" "named"
for other in 'starts_with_needs = true' 'needs_within = 4'; do
    misuse both "regex = [[\\bwire\\b]], needs = { \"wire\" }, $other, holds_needs = true,"
    is "$STATUS" 2 "holds_needs with $other is refused"
    like "$ERR" "both.lua:1: rule 'both': 'holds_needs' excludes 'starts_with_needs' and 'needs_within' \\(which promise more\\)" "named"
done
misuse bad-value 'regex = [[\bwire\b]], needs = { "wire" }, holds_needs = "yes",'
is "$STATUS" 2 "holds_needs = \"yes\" is refused"
like "$ERR" "bad-value.lua:1: rule 'bad-value': field 'holds_needs' must be true or false" "the message says what is allowed"

done_testing
