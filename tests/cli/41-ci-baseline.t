#!/bin/sh
# Baselines hold (issue 16, item 1): baselining a tree and scoring it again
# unchanged gives no new finding, whatever subset, order or spelling of the
# paths is scored, duplicates (findings that count 0 beside a twin)
# included; and the baseline's gate over unchanged articles.
# Narrowed reports (item 2): --baseline and --diff-base report the new
# findings, the article's real score beside the score of what changed, the
# gate that applies, and hide untouched articles unless --show-unchanged.
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

# ---- narrowed reports (item 2)
mkdir rep && cd rep || exit 1
cat > dam.md <<'MD'
# Dam

Sources say the spillway gates were left open overnight.

Officials said the inspection was rushed, according to a source.

Engineer Tomas Berg said the gates were shut.
MD
printf '# Quiet\n\nOfficials said the council met.\n' > quiet.md
GATE="gate: new findings only (not in the baseline bl.json): their score against the threshold of 40, and --max limits; the whole article's score is shown beside"
run "$CREDSCORE" score dam.md
is "$STATUS" 1 "dam.md really scores 33: exit 1"
like "$OUT" "^dam.md: score 33/100, poorly sourced " "dam.md: score 33"
run "$CREDSCORE" baseline -o bl.json dam.md quiet.md
is "$STATUS" 0 "baseline of dam.md and quiet.md"
run "$CREDSCORE" score --baseline bl.json dam.md quiet.md
is "$STATUS" 0 "nothing new: exit 0"
is "$OUT" "$GATE
2 articles scored, 2 with no new findings (not listed; --show-unchanged lists them), 0 below the threshold, 0 errors" \
   "nothing new: untouched articles hidden, the gate and the summary say why"
run "$CREDSCORE" score --baseline bl.json dam.md
is "$STATUS:$OUT" "0:$GATE
1 article scored, 1 with no new findings (not listed; --show-unchanged lists them), 0 below the threshold, 0 errors" \
   "one article: the gate and summary too (else the report would be empty)"
run "$CREDSCORE" score --baseline bl.json --show-unchanged dam.md quiet.md
is "$STATUS" 0 "--show-unchanged: exit 0"
is "$(printf '%s\n' "$OUT" | head -n 1)" "dam.md: score 33/100, poorly sourced; no new findings (4 passages; not listed: 7 in the baseline)" \
   "--show-unchanged: the real score, not the 50 of nothing to judge"
unlike "$OUT" "score 50/100|anonymous 0 \(0\)" "--show-unchanged: no score of the empty remainder, no zero markers"
like "$OUT" "with no new findings, 0 below" "--show-unchanged: the summary does not say they are hidden"
# A new weak finding: listed, the real score beside the new findings' score.
printf '\nCritics say the dam was never safe.\n' >> dam.md
run "$CREDSCORE" score --baseline bl.json dam.md quiet.md
is "$STATUS" 1 "a new vague finding: exit 1"
is "$OUT" "dam.md:9:1  vague  -5  \"Critics say\"  Who, exactly? Name the observers, experts or critics, or cut the claim  [vague-crowd]
dam.md: score 26/100, poorly sourced; new findings: 1, scoring 0/100, poorly sourced (5 passages; not listed: 7 in the baseline, 1 duplicate)
  new: vague 1 (-5)
  new findings score below the threshold of 40
$GATE
2 articles scored, 1 with no new findings (not listed; --show-unchanged lists them), 1 below the threshold, 0 errors" \
   "a new finding: the whole report"
run "$CREDSCORE" score --baseline bl.json --fail-under 0 --max vague=0 dam.md
is "$STATUS" 1 "--max vague=0 on the new finding: exit 1"
like "$OUT" "^  failed: 1 vague finding.*--max vague=0 \(new findings only\)$" "--max: the failure says it counts new findings"
run "$CREDSCORE" score --baseline bl.json -f github dam.md quiet.md
is "$STATUS" 1 "github: exit 1"
is "$(printf '%s\n' "$OUT" | tail -n 1)" "::error file=dam.md,title=credscore score::score 26/100, poorly sourced; new findings: 1, scoring 0/100, poorly sourced, new findings score below the threshold of 40" \
   "github: the real score beside the new findings' score and the gate"
unlike "$OUT" "quiet.md" "github: the untouched article is left out"
run "$CREDSCORE" score --baseline bl.json -f github --show-unchanged dam.md quiet.md
like "$OUT" "::notice file=quiet.md,title=credscore score::score 0/100, poorly sourced; no new findings$" "github --show-unchanged: listed"
run "$CREDSCORE" score --baseline bl.json -f json dam.md quiet.md
is "$STATUS" 1 "json: exit 1"
is "$(printf '%s' "$OUT" | jq -c '[.articles[] | .changed] , .summary.untouched')" \
   '[{"new_findings":1,"untouched":false,"whole_score":26,"whole_verdict":"poorly sourced"},{"new_findings":0,"untouched":true,"whole_score":0,"whole_verdict":"poorly sourced"}]
1' "json: each article's real score and new findings, untouched counted"
run "$CREDSCORE" score --baseline bl.json -f sarif dam.md
is "$(printf '%s' "$OUT" | jq -c '.runs[0].artifacts[0].properties | [.newFindings, .wholeScore, .score]')" "[1,26,0]" \
   "sarif: new findings and the whole score beside the gated one"
is "$(printf '%s' "$OUT" | jq -r '[.runs[0].results[] | "\(.baselineState):\(.suppressions[0].kind // "-")"] | unique | join(" ")')" \
   "new:- unchanged:external" "sarif: baselineState on every result; the baseline's suppressions are external"
run "$CREDSCORE" score --baseline bl.json -f junit dam.md
is "$STATUS" 1 "junit: exit 1"
like "$OUT" '<failure message="new findings score 0 below threshold 40 \(the whole article scores 26\)" type="threshold">' \
   "junit: the failure names the gate and the real score"
run "$CREDSCORE" score --baseline bl.json -f html dam.md
is "$STATUS" 1 "html: exit 1"
like "$OUT" '<span class="num">26</span><span class="of">/100</span><span class="verdict">poorly sourced' \
   "html: the big number is the real score"
like "$OUT" '<dt>New findings</dt><dd>1, scoring 0/100 \(what the gate judges\)</dd>' "html: what the gate judged beside"
like "$OUT" 'New findings score below the threshold of 40' "html: the failure names the gate"
# A new positive finding passes, and says what the article really scores.
cp dam.md dam.bak && head -n 7 dam.bak > dam.md && printf '\nMayor Ana Ruiz said the dam would be repaired.\n' >> dam.md
run "$CREDSCORE" score --baseline bl.json dam.md
is "$STATUS" 0 "a new named source: exit 0"
like "$OUT" "^dam.md: score [0-9]+/100, [a-z ]+; new findings: 1, scoring 100/100, well sourced " \
   "a new named source: 100 for what changed, the real score first"

# --diff-base: the same report, the reason named after the revision.
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
cp dam.bak dam.md && head -n 7 dam.bak > dam.md
git init -q . && git add dam.md quiet.md && git commit -qm base
run "$CREDSCORE" score --diff-base HEAD dam.md quiet.md
is "$STATUS:$OUT" "0:gate: new findings only (on lines changed since HEAD): their score against the threshold of 40, and --max limits; the whole article's score is shown beside
2 articles scored, 2 with no new findings (not listed; --show-unchanged lists them), 0 below the threshold, 0 errors" \
   "--diff-base, nothing changed: both hidden"
printf '\nCritics say the dam was never safe.\n' >> dam.md
run "$CREDSCORE" score --diff-base HEAD dam.md quiet.md
is "$STATUS" 1 "--diff-base, a changed line: exit 1"
like "$OUT" "^dam.md: score 26/100, poorly sourced; new findings: 1, scoring 0/100, poorly sourced \(5 passages; not listed: 7 unchanged since HEAD, 1 duplicate\)$" \
   "--diff-base: the real score, what changed, and why the rest is not listed"
unlike "$OUT" "quiet.md" "--diff-base: the untouched article is hidden"
# A file git does not track is new as a whole: gated and listed.
printf '# New\n\nThe council met.\n' > new.md
printf 'scoring: {unsourced: fail}\n' > strict.yaml
run "$CREDSCORE" score -c strict.yaml --diff-base HEAD new.md
is "$STATUS" 1 "--diff-base: a new file with nothing to judge fails under unsourced: fail"
like "$OUT" "^new.md: score 50/100, no sourcing to judge; no new findings" "and is listed"
cd "$TMP" || exit 1

done_testing
