#!/bin/sh
# Regex rules with `needs`: searched only in the sentences that hold a needs
# phrase, and with `starts_with_needs` only where a needs phrase begins;
# `credscore test` proves a wrong starts_with_needs wrong.
. "$(dirname "$0")/lib.sh"

# A needs-gated regex runs sentence by sentence: "tally" in one sentence
# does not open the others to the regex.
cat > "$TMP/window.lua" <<'LUA'
rule {
  id = "ballot-tally", marker = "hedged", message = "a tally of ballots",
  regex = [[\bballots\b]],
  needs = { "tally" },
}
LUA
printf 'rules: ["window.lua"]\n' > "$TMP/window.yaml"
cat > "$TMP/window.md" <<'MD'
Officials counted ballots overnight. The tally was late.

The tally of ballots was late. Officials counted ballots overnight.
MD
run "$CREDSCORE" score --no-plugins -c "$TMP/window.yaml" -f json --no-exit "$TMP/window.md"
is "$STATUS" 0 "scored"
OUT=$(printf '%s' "$OUT" | tr -d ' \n')
like "$OUT" '"findings":\[\{"marker":"hedged","rule":"ballot-tally","source":"[^"]*","level":"[a-z]*","passage":1,"start":13,"end":20,' "one finding: 'ballots' in the sentence with 'tally'"
unlike "$OUT" '"passage":0,"start":18' "no finding in a sentence without a needs phrase"
like "$OUT" '"findings":1,' "exactly one finding"

# starts_with_needs: the same findings as a full search when it is true.
cat > "$TMP/crowd.lua" <<'LUA'
rule {
  id = "crowd-say", marker = "vague", message = "who?",
  regex = [[\b(?:critics|many)\s+(?:\w+\s+)?(?:say|said|argue)\b]],
  needs = { "critics", "many" },
  starts_with_needs = true,
  examples = { hit = { "Critics say the bridge is unsafe.", "Many residents argue it is late." },
               miss = { "The critics left." } },
}
LUA
printf 'rules: ["crowd.lua"]\n' > "$TMP/crowd.yaml"
cat > "$TMP/crowd.md" <<'MD'
Critics say the bridge is unsafe, and many residents argue it is late; critics said so twice.
MD
run "$CREDSCORE" score --no-plugins -c "$TMP/crowd.yaml" -f json --no-exit "$TMP/crowd.md"
is "$STATUS" 0 "scored with starts_with_needs"
OUT=$(printf '%s' "$OUT" | tr -d ' \n')
like "$OUT" '"start":0,"end":11,"offset":0' "match at the first needs word"
like "$OUT" '"start":38,"end":58' "match at 'many'"
like "$OUT" '"start":71,"end":83' "match at the second 'critics'"
run "$CREDSCORE" test --no-plugins "$TMP/crowd.lua"
is "$STATUS" 0 "a true starts_with_needs passes credscore test"

# A wrong claim: the regex can begin with "experts", which is not a needs phrase.
cat > "$TMP/wrong.lua" <<'LUA'
rule {
  id = "crowd-wrong", marker = "vague", message = "who?",
  regex = [[\b(?:critics|experts)\s+say\b]],
  needs = { "critics", "say" },
  starts_with_needs = true,
  examples = { hit = { "Critics say the bridge is unsafe." },
               miss = { "Experts say critics are wrong." } },
}
LUA
run "$CREDSCORE" test --no-plugins "$TMP/wrong.lua"
is "$STATUS" 1 "credscore test fails a wrong starts_with_needs"
like "$ERR$OUT" "wrong.lua:1: rule 'crowd-wrong' sets starts_with_needs, but its regex also matches \"Experts say\", which does not begin with one of its needs phrases" "the message names the rule, its line and the text"

# Misuse is a load error at the rule's line.
cat > "$TMP/misuse.lua" <<'LUA'
rule {
  id = "no-needs", marker = "vague", message = "who?",
  regex = [[\bcritics\b]],
  starts_with_needs = true,
}
LUA
printf 'rules: ["misuse.lua"]\n' > "$TMP/misuse.yaml"
run "$CREDSCORE" score --no-plugins -c "$TMP/misuse.yaml" "$TMP/crowd.md"
is "$STATUS" 2 "starts_with_needs without needs is refused"
like "$ERR" "misuse.lua:1: rule 'no-needs': 'starts_with_needs' is for a regex rule with 'needs'" "named at the rule"
cat > "$TMP/misuse2.lua" <<'LUA'
rule {
  id = "bad-type", marker = "vague", message = "who?",
  regex = [[\bcritics\b]], needs = { "critics" },
  starts_with_needs = "yes",
}
LUA
printf 'rules: ["misuse2.lua"]\n' > "$TMP/misuse2.yaml"
run "$CREDSCORE" score --no-plugins -c "$TMP/misuse2.yaml" "$TMP/crowd.md"
is "$STATUS" 2 "a non-boolean is refused"
like "$ERR" "misuse2.lua:1: rule 'bad-type': field 'starts_with_needs' must be true or false" "named"

# A check rule reads the words around its needs hits as h.before / h.after.
cat > "$TMP/around.lua" <<'LUA'
rule {
  id = "around", marker = "hedged", message = "around",
  needs = { "claimed" },
  check = function(p)
    local out = {}
    for _, h in ipairs(p.hits) do
      out[#out + 1] = { from = h.from, to = h.to, message = "[" .. h.before .. "|" .. h.after .. "]" }
    end
    return out
  end,
}
LUA
printf 'rules: ["around.lua"]\n' > "$TMP/around.yaml"
cat > "$TMP/around.md" <<'MD'
The Mayor's office, it CLAIMED  Tuesday, that claimed, "claimed and: claimed.

Claimed nothing.
MD
run "$CREDSCORE" score --no-plugins -c "$TMP/around.yaml" -f json --no-exit "$TMP/around.md"
is "$STATUS" 0 "scored with a check reading before/after"
like "$OUT" '"message": "\[it\|tuesday\]"' "a comma and spaces before, two spaces after: lower-cased words"
like "$OUT" '"message": "\[that\|\]"' "a comma right after: no word after"
like "$OUT" '"message": "\[\|and\]"' "a quote mark before: no word before"
like "$OUT" '"message": "\[\|\]"' "a colon before and a period after: neither"
like "$OUT" '"message": "\[\|nothing\]"' "at the passage start: no word before"

done_testing
