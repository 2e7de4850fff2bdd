#!/bin/sh
# credscore watch re-scores on changes; credscore explain shows the arithmetic.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/desk/rules"
cd "$TMP/desk"
cat > credscore.yaml <<'YAML'
rules: [rules/]
plugins: []
YAML
cat > rules/desk.lua <<'LUA'
rule { id = "desk-whisper", marker = "anonymous", weight = -4, phrases = { "whispers" } }
LUA
printf 'Whispers say the mayor will resign.\n' > story.txt

"$CREDSCORE" watch --rounds 4 story.txt > watch.out 2> watch.err &
pid=$!
wait_for() { # pattern
    i=0
    while [ $i -lt 50 ] && ! grep -q "$1" watch.out; do sleep 0.1; i=$((i + 1)); done
}
wait_for "round 1"
wait_for "watching"
# Round 2: the editor widens the rule.
cat > rules/desk.lua.new <<'LUA'
rule { id = "desk-whisper", marker = "anonymous", weight = -4, phrases = { "whispers", "the mayor" } }
LUA
mv rules/desk.lua.new rules/desk.lua
wait_for "round 2"
sleep 0.5
# Round 3: the editor overrides the rule's weight in the config.
cat > credscore.yaml.new <<'YAML'
rules: [rules/]
plugins: []
rule_overrides:
  desk-whisper: {weight: -9}
YAML
mv credscore.yaml.new credscore.yaml
wait_for "round 3"
sleep 0.5
# Round 4: a syntax error is reported and watching goes on... until --rounds stops it.
printf 'rule { id = \n' > rules/desk.lua
wait_for "round 4"
i=0; while [ $i -lt 50 ] && kill -0 $pid 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill $pid 2>/dev/null
wait $pid
is "$?" 0 "watch --rounds 4 stops by itself after round 4: exit 0"
OUT=$(cat watch.out)
ERR=$(cat watch.err)
like "$OUT" "round 1: story.txt" "first scoring"
is "$(grep -c '"Whispers"' watch.out)" 3 "rounds 1 to 3 find the first phrase"
is "$(grep -c '"the mayor"' watch.out)" 2 "the rule edit shows at once in round 2 (and in 3)"
is "$(grep -c 'anonymous  -4  "Whispers"' watch.out)" 2 "rounds 1 and 2 use the rule's weight"
is "$(grep -c 'anonymous  -9  "Whispers"' watch.out)" 1 "the config edit shows at once in round 3"
like "$OUT" "round 4: story.txt" "a fourth round after the broken edit"
like "$ERR" "rules/desk.lua:2: unexpected symbol near <eof>|desk.lua:[0-9]+: " "the rule error is reported with file:line"
like "$OUT" "watching 3 files" "article, config and rule file are watched"

# explain
cd "$TMP"
run "$CREDSCORE" explain --no-plugins "$ROOT/examples/articles/harbour-fire.md:12"
is "$STATUS" 0 "explain: exit 0"
like "$OUT" "harbour-fire.md:12-13: passage 5 of 7 \\(paragraph\\), 1 sentence" "names the passage"
like "$OUT" "12:1  anonymous     weight -8 x confidence 1.00 = -8" "each finding with its arithmetic"
like "$OUT" "rule anonymous-officials  \\(.*rules/anonymous.lua:[0-9]+\\)" "and its rule and source"
like "$OUT" "passage score: points -14, claims good 0.00 weak 2.00 -> 100 x 0.00 / 2.00 = 0/100" "the passage score"
like "$OUT" "score = 100 x good / \\(good \\+ weak\\) = 100 x 0.00 / 2.83 = 0.0 -> score 0/100, poorly sourced" \
     "the article score"
run "$CREDSCORE" explain --no-plugins "$ROOT/examples/articles/harbour-fire.md:2"
is "$STATUS" 2 "a blank line has no passage"
like "$ERR" "harbour-fire.md:2: no passage on this line" "and says so"
run "$CREDSCORE" explain "$ROOT/examples/articles/harbour-fire.md"
is "$STATUS" 2 "explain without :LINE is a usage error"

done_testing
