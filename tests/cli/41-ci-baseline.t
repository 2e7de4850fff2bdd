#!/bin/sh
# Baselines hold (issue 16, item 1): baselining a tree and scoring it again
# unchanged gives no new finding, whatever subset, order or spelling of the
# paths is scored, duplicates (findings that count 0 beside a twin)
# included; and the baseline's gate over unchanged articles.
. "$(dirname "$0")/lib.sh"

# The examples and the test articles, copied so that paths are ours.
mkdir -p tree/examples tree/tests
cp "$ROOT"/examples/articles/* tree/examples/
cp "$ROOT"/tests/articles/* tree/tests/
# An article where two rules see the same words: the weaker finding is a
# duplicate that counts 0 until its twin is baselined.
cat > tree/tests/dam.md <<'MD'
# Dam

Sources say the spillway gates were left open overnight.

Officials said the inspection was rushed, according to a source.
MD

# new_findings JSON: the findings of the report that are not suppressed.
new_findings() {
    printf '%s' "$1" | jq -r '[.articles[] | .path as $p | .findings[] | select(.suppressed == null)
        | "\($p):\(.line) \(.rule) \(.text)"] | join("; ")'
}
# Every marker at --max 0 and a threshold of 100: any new finding fails.
STRICT="--fail-under 100 --max anonymous=0 --max vague=0 --max unverified=0 --max hedged=0 --max on_record=0 --max institutional=0 --max media=0 --max social=0"

run "$CREDSCORE" score -f json --all tree/tests/dam.md
is "$STATUS" 1 "dam.md alone: exit 1 (below 40)"
ok "$(printf '%s' "$OUT" | jq -e '[.articles[0].findings[] | select(.note == "duplicate")] | length > 0' >/dev/null; echo $?)" \
   "dam.md has duplicates (the case of the issue)"

run "$CREDSCORE" baseline tree -o bl.json
is "$STATUS" 0 "baseline of the tree: exit 0"
like "$ERR" "^credscore: recorded [0-9]+ findings of 7 articles in bl.json$" "baseline says what it recorded"
is "$(jq -r '.articles | join(" ")' bl.json)" \
   "tree/examples/border-clash.html tree/examples/council-budget.md tree/examples/harbour-fire.md tree/examples/school-closures.txt tree/tests/dam.md tree/tests/sourcing-mix.md tree/tests/tricky-negatives.md" \
   "every article recorded, one without findings too"
is "$(jq -r '[.findings[].path] | unique | join(" ")' bl.json)" \
   "tree/examples/border-clash.html tree/examples/council-budget.md tree/examples/harbour-fire.md tree/examples/school-closures.txt tree/tests/dam.md tree/tests/sourcing-mix.md" \
   "finding paths recorded as reports show them"
# Every finding the report lists with --all (duplicates included) is in it.
run "$CREDSCORE" score -f json --all --no-exit tree
is "$STATUS" 0 "score --all tree: exit 0"
is "$(jq '.findings | length' bl.json)" "$(printf '%s' "$OUT" | jq '[.articles[].findings[] | select(.suppressed == null)] | length')" \
   "the baseline holds every finding, duplicates included"

# The whole tree, in one call and with -j 2.
for jobs in 1 2; do
    run "$CREDSCORE" score -j $jobs -f json --baseline bl.json $STRICT tree
    is "$STATUS" 0 "the whole tree unchanged, -j $jobs: exit 0"
    is "$(new_findings "$OUT")" "" "the whole tree unchanged, -j $jobs: no new finding"
done
# Each article alone, as named, with ./ and absolute.
for f in tree/examples/* tree/tests/*; do
    for p in "$f" "./$f" "$TMP/$f"; do
        run "$CREDSCORE" score -f json --baseline bl.json $STRICT "$p"
        is "$STATUS:$(new_findings "$OUT")" "0:" "$p alone, unchanged: exit 0, no new finding"
    done
done
# The issue's case: the duplicate's article with another one, both orders.
run "$CREDSCORE" score --baseline bl.json tree/tests/dam.md tree/examples/harbour-fire.md
is "$STATUS" 0 "dam.md and harbour-fire.md: exit 0"
unlike "$OUT" "\[attribution/" "dam.md and harbour-fire.md: no finding listed"
run "$CREDSCORE" score -f json --baseline bl.json $STRICT tree/examples/harbour-fire.md tree/tests/dam.md tree/tests
is "$STATUS:$(new_findings "$OUT")" "0:" "reversed, and an article named twice: no new finding"
# A subset of folders, and the folders the other way round.
run "$CREDSCORE" score -f json --baseline bl.json $STRICT tree/tests tree/examples
is "$STATUS:$(new_findings "$OUT")" "0:" "the folders in the other order: no new finding"
run "$CREDSCORE" score -f json --baseline bl.json $STRICT ./tree/examples/
is "$STATUS:$(new_findings "$OUT")" "0:" "one folder as ./tree/examples/: no new finding"
# A baseline written from other spellings of the paths holds too.
run "$CREDSCORE" baseline -o bl2.json ./tree/tests "$TMP/tree/examples"
is "$STATUS" 0 "baseline of ./ and absolute folders: exit 0"
run "$CREDSCORE" score -f json --baseline bl2.json $STRICT tree
is "$STATUS:$(new_findings "$OUT")" "0:" "scored as tree/: no new finding"

# Unchanged articles are not gated: with scoring.unsourced: fail, an
# article whose findings are all in the baseline still passes.
mkdir gate && cp tree/tests/dam.md gate/
printf 'scoring: {unsourced: fail}\n' > gate/credscore.yaml
run "$CREDSCORE" baseline -c gate/credscore.yaml -o gate/bl.json gate/dam.md
is "$STATUS" 0 "baseline under unsourced: fail: exit 0"
run "$CREDSCORE" score -c gate/credscore.yaml --baseline gate/bl.json gate/dam.md
is "$STATUS" 0 "unsourced: fail, nothing new: exit 0"
# A new finding is still caught, and it alone is listed.
printf '\nCritics say the dam was never safe.\n' >> gate/dam.md
run "$CREDSCORE" score -c gate/credscore.yaml --baseline gate/bl.json --max vague=0 gate/dam.md
is "$STATUS" 1 "a new vague finding fails --max vague=0"
like "$OUT" "gate/dam.md:7:1  vague  -5  \"Critics say\"" "the new finding is listed"
unlike "$OUT" "\"Sources say\"|\"Officials said\"" "the baselined ones are not"

done_testing
