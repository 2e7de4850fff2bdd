#!/bin/sh
# 36-calibration.t - issue 15: the score orders articles by how well they are
# sourced and does not follow their length.  tests/calibration/ holds 36
# invented articles (make-set.py wrote them) at four sourcing levels and
# three lengths; the manifest gives each one's level.  Figures are printed as
# TAP comments: rank correlation of score with level, the share of
# cross-level pairs ordered right, and rank correlation with length inside
# each level.  Then the properties of the model on real and generated
# articles: length-fair, monotone, proportion, explained anonymity and the
# verdict and gate of an article without any attribution.
. "$(dirname "$0")/lib.sh"

CAL=$ROOT/tests/calibration
command -v jq >/dev/null 2>&1 || skip_all_or_fail "jq is not installed"

# score FILE: the article's score in $S (x when it could not be scored)
# and its verdict in $VERDICT (JSON report)
score() {
    run "$CREDSCORE" score -f json --no-exit "$1"
    S=x VERDICT=
    [ "$STATUS" -eq 0 ] || { echo "# $1: exit $STATUS: $ERR"; return; }
    VERDICT=$(jqr "$OUT" '.articles[0].verdict')
    S=$(jqr "$OUT" '.articles[0].score')
}

: > "$TMP/figures.in"
bad=0
while read -r name level _ _ words; do
    case $name in '#'*) continue ;; esac
    score "$CAL/articles/$name"; s=$S
    case $s in x) bad=1 ;; esac
    echo "$level $words $s" >> "$TMP/figures.in"
done < "$CAL/manifest"
is "$bad" 0 "every calibration article scores (exit 0)"
is "$(wc -l < "$TMP/figures.in" | tr -d ' ')" 36 "36 calibration articles in the manifest"
awk -f "$CAL/rank.awk" "$TMP/figures.in" > "$TMP/figures"
sed 's/^/# /' "$TMP/figures"
across=$(awk '$1 == "across" {print $2}' "$TMP/figures")
pairs=$(awk '$1 == "pairs" {print $2}' "$TMP/figures")
ok "$(awk -v r="$across" 'BEGIN {exit !(r >= 0.9)}'; echo $?)" \
    "rank correlation of score with sourcing level >= 0.9 (got $across)"
ok "$(awk -v r="$pairs" 'BEGIN {exit !(r >= 0.95)}'; echo $?)" \
    "share of cross-level pairs ordered right >= 0.95 (got $pairs)"
for L in 1 2 3 4; do
    rho=$(awk -v L=$L '$1 == "within" && $2 == L {print $3}' "$TMP/figures")
    ok "$(awk -v r="$rho" 'BEGIN {exit !(r <= 0.3 && r >= -0.3)}'; echo $?)" \
        "level $L: |rank correlation of score with length| <= 0.3 (got $rho)"
done

# ---- length-fair: an article repeated, or its paragraphs reordered ----
for f in "$ROOT"/examples/articles/*.md "$CAL"/articles/solid-medium-1-*.md "$CAL"/articles/thin-long-1-*.md; do
    b=$(basename "$f")
    score "$f"; s1=$S
    { cat "$f"; echo; cat "$f"; } > "$TMP/twice-$b"
    score "$TMP/twice-$b"; s2=$S
    awk 'BEGIN {RS=""} {p[NR]=$0} END {for (i = NR; i >= 1; i--) printf "%s\n\n", p[i]}' "$f" > "$TMP/rev-$b"
    score "$TMP/rev-$b"; s3=$S
    ok "$(awk -v a="$s1" -v b="$s2" -v c="$s3" 'BEGIN {d1=a-b; d2=a-c; exit !(d1*d1 <= 4 && d2*d2 <= 4)}'; echo $?)" \
        "$b: repeated ($s2) and reordered ($s3) score within 2 of the original ($s1)"
done

# ---- proportion: 80% named or institutional / 80% anonymous or vague ----
# gen N GOOD-PER-5 -> an article of N sentences, in runs of five with GOOD
# of them credited to named people or bodies and the rest to unnamed ones
gen() {
    awk -v n="$1" -v g="$2" 'BEGIN {
        split("Mayor Ana Kerrigan|The Lornholm harbour board|Engineer Lotte Hadley|The county transport office|Treasurer Mina Castell", who, "|")
        split("Officials said|A source said|Critics say|Experts believe|People familiar with the matter said", anon, "|")
        split("the ferry timetable will change in May|the quay wall needs new piles|the budget for repairs doubled|the night service will stop|the berth fees will rise|the dredging was delayed", what, "|")
        print "# The ferry quay at Lornholm\n"
        for (i = 0; i < n; i++) {
            w = what[i % 6 + 1] " (item " i ")"
            if (i % 5 < g) s = who[int(i / 5) % 5 + 1] " said " w "."
            else s = anon[i % 5 + 1] " " w "."
            printf "%s The quay opened in %d.\n\n", s, 1900 + i
        }
    }'
}
for n in 10 40 90 160; do
    gen $n 4 > "$TMP/good-$n.md"
    score "$TMP/good-$n.md"; s=$S
    is "$VERDICT" "well sourced" "80% named or institutional, $n sentences (~$((n * 12)) words): well sourced ($s)"
    gen $n 1 > "$TMP/poor-$n.md"
    score "$TMP/poor-$n.md"; s=$S
    is "$VERDICT" "poorly sourced" "80% anonymous or vague, $n sentences: poorly sourced ($s)"
done

# ---- monotone: an anonymous attribution made named, and back ----
score "$ROOT/examples/articles/harbour-fire.md"; base=$S
sed 's/^Officials said/Harbour master Idris Pell said/' "$ROOT/examples/articles/harbour-fire.md" > "$TMP/named.md"
score "$TMP/named.md"; named=$S
ok "$(awk -v a="$base" -v b="$named" 'BEGIN {exit !(b >= a)}'; echo $?)" \
    "anonymous made named never lowers the score ($base -> $named)"
sed 's/Fire Chief Marta Ilves said/A source said/' "$ROOT/examples/articles/harbour-fire.md" > "$TMP/anon.md"
score "$TMP/anon.md"; anon=$S
ok "$(awk -v a="$base" -v b="$anon" 'BEGIN {exit !(b <= a)}'; echo $?)" \
    "named made anonymous never raises the score ($base -> $anon)"

# ---- explained anonymity costs clearly less than a bare unnamed source ----
{ echo "Mayor Ana Kerrigan said the quay will reopen in May."; echo
  echo "Councillor Tobias Wren said the repairs cost more than planned."; echo; } > "$TMP/head.txt"
{ cat "$TMP/head.txt"; echo "A source said the contractor was paid twice."; } > "$TMP/bare.txt"
{ cat "$TMP/head.txt"; echo "An official, who spoke on condition of anonymity because he was not authorised to discuss the contract, said the contractor was paid twice."; } > "$TMP/explained.txt"
score "$TMP/bare.txt"; sb=$S
score "$TMP/explained.txt"; se=$S
ok "$(awk -v b="$sb" -v e="$se" 'BEGIN {exit !(e - b >= 5)}'; echo $?)" \
    "explained anonymity scores at least 5 above a bare unnamed source ($se vs $sb)"

# The explanation in the same sentence as a rule's bare "Sources say" (-8):
# the attribution is one claim, charged as explained, once.
{ cat "$TMP/head.txt"; echo "Sources say the contractor was paid twice."; } > "$TMP/bare2.txt"
{ cat "$TMP/head.txt"; echo "Sources say the contractor was paid twice, speaking on condition of anonymity because they were not authorised to discuss the contract."; } > "$TMP/explained2.txt"
score "$TMP/bare2.txt"; sb=$S
score "$TMP/explained2.txt"; se=$S
is "$sb $se" "67 75" "a rule's bare 'Sources say' with the reason given in its sentence: charged as explained (75, bare 67)"
run "$CREDSCORE" explain "$TMP/explained2.txt:5"
like "$OUT" "anonymous     -12  \\(2 counted of 4 found\\); 1 source, claims -0.67" \
    "explain: four anonymous findings in the sentence, one source, one explained claim"

# ---- no attributions at all: its own verdict, the gate as configured ----
printf '# Ferry timetable\n\n- 07:10 Lornholm\n- 08:40 Skerry Point\n- 10:15 Lornholm\n' > "$TMP/list.md"
run "$CREDSCORE" score "$TMP/list.md"
is "$STATUS" 0 "an article without attributions passes the gate by default"
like "$OUT" "list.md: score 50/100, no sourcing to judge" "and its verdict is 'no sourcing to judge'"
run "$CREDSCORE" score --fail-under 90 "$TMP/list.md"
is "$STATUS" 0 "it passes whatever the threshold (scoring.unsourced: pass)"
printf 'scoring: {unsourced: fail}\n' > "$TMP/unsourced.yaml"
run "$CREDSCORE" score --config "$TMP/unsourced.yaml" "$TMP/list.md"
is "$STATUS" 1 "scoring.unsourced: fail makes it fail the gate"
printf 'scoring: {unsourced: maybe}\n' > "$TMP/bad.yaml"
run "$CREDSCORE" score --config "$TMP/bad.yaml" "$TMP/list.md"
is "$STATUS" 2 "scoring.unsourced other than pass or fail is a config error"
like "$ERR" "bad.yaml:1:22: scoring.unsourced: expected pass or fail, got 'maybe'" "naming the file, line and column"

# ---- explain shows each claim and the formula ----
run "$CREDSCORE" explain "$TMP/explained.txt:5"
is "$STATUS" 0 "explain: exit 0"
like "$OUT" "anonymous     weight -4 x confidence 1.00 = -4  claim -0.67 \\(weak\\)" \
    "explain: an explained anonymous source is two thirds of a weak claim"
like "$OUT" "score = 100 x good / \\(good \\+ weak\\) = 100 x 2.00 / 2.67 = 75.0 -> score 75/100, well sourced" \
    "explain: the article formula with its numbers"
run "$CREDSCORE" explain "$TMP/bare.txt:5"
like "$OUT" "claim -1.00 \\(weak\\)" "explain: a bare unnamed source is a whole weak claim"
{ cat "$TMP/head.txt"; cat "$TMP/head.txt"; } > "$TMP/repeat.txt"
run "$CREDSCORE" explain "$TMP/repeat.txt:5"
like "$OUT" "claim 0 \\(the same source, counted once already\\)" "explain: a repeated claim counts once"

# ---- one number everywhere: explain rounds points as the reports do ----
printf 'Mayor Ana Kerrigan said the quay opens.\n' > "$TMP/half.txt"
printf 'rule_overrides:\n  attribution/named-speaker: {weight: 2.5}\n' > "$TMP/half.yaml"
run "$CREDSCORE" score --no-exit -c "$TMP/half.yaml" "$TMP/half.txt"
like "$OUT" "half.txt:1:1  on_record  \\+2.3  " "score: 2.5 x 0.9 = 2.25 prints +2.3"
run "$CREDSCORE" explain -c "$TMP/half.yaml" "$TMP/half.txt:1"
like "$OUT" "weight \\+2.5 x confidence 0.90 = \\+2.3  claim" "explain prints the same +2.3"
printf 'Officials said the quay opens.\n\nMayor Ana Kerrigan said it is safe.\n\nEngineer Lotte Hadley said the piles hold.\n\nSources say it is late.\n\nA source said it cost more.\n' > "$TMP/forty.txt"
run "$CREDSCORE" score -f json --no-exit "$TMP/forty.txt"
is "$(jqr "$OUT" '.articles[0].score')" 40 "a score is a whole number in the JSON report too (40)"
run "$CREDSCORE" score --fail-under 40 "$TMP/forty.txt"
is "$STATUS" 0 "the threshold compares the number printed: 40 is not below 40"
like "$OUT" "forty.txt: score 40/100, thinly sourced" "and the text report says 40"

# ---- one weight policy: a marker's default reaches every reader ----
printf 'The mayor reportedly resigned.\n\nMayor Ana Kerrigan said the quay opens.\n' > "$TMP/pol.txt"
printf 'markers:\n  hedged: {default_weight: -1}\nrule_overrides:\n  attribution/named-speaker: {weight: 4, level: warning}\n' > "$TMP/pol.yaml"
run "$CREDSCORE" score --no-exit -c "$TMP/pol.yaml" "$TMP/pol.txt"
like "$OUT" "pol.txt:1:11  hedged  -1  \"reportedly\"" "score: markers.hedged.default_weight -1 applies to a rule without its own weight"
like "$OUT" "pol.txt:3:1  on_record  \\+3.6  " "score: a plugin rule's override weight applies (4 x 0.9)"
run "$CREDSCORE" explain -c "$TMP/pol.yaml" "$TMP/pol.txt:1"
like "$OUT" "hedged        weight -1 x confidence 1.00 = -1" "explain: the same weight"
run "$CREDSCORE" rules -c "$TMP/pol.yaml"
like "$OUT" "hedged-adverbs +hedged +-1.0 info " "rules: the same weight"
like "$OUT" "attribution/named-speaker +on_record +4.0 warning +plugin +plugin:attribution  \\(rule_overrides\\)" \
    "rules: a plugin rule's override is listed as it applies"
run "$CREDSCORE" score -f sarif --no-exit -c "$TMP/pol.yaml" "$TMP/pol.txt"
is "$(jqr "$OUT" '.runs[0].tool.driver.rules[] | select(.id == "hedged-adverbs") | .properties.weight')" -1 \
    "sarif: the same weight"
is "$(jqr "$OUT" '.runs[0].tool.driver.rules[] | select(.id == "attribution/named-speaker") | "\(.properties.weight) \(.defaultConfiguration.level)"')" \
    "4 warning" "sarif: the plugin rule's override weight and level"
run "$CREDSCORE" score -f html --no-exit -c "$TMP/pol.yaml" "$TMP/pol.txt"
like "$OUT" 'hedged</span><span class="wt">−1<' "html: the legend shows the marker's weight"

# ---- summaries that match what is listed; failures named for what they are ----
run "$CREDSCORE" score --no-exit "$ROOT/examples/articles/harbour-fire.md"
like "$OUT" "harbour-fire.md: score [0-9]+/100, [a-z ]+ \\(7 passages, 7 findings; not listed: 2 duplicates\\)" \
    "the summary counts the findings listed and says how many are not listed and why"
is "$(printf '%s\n' "$OUT" | grep -c '^/.*harbour-fire.md:[0-9]*:[0-9]*  ')" 7 "and 7 are listed"
run "$CREDSCORE" score --max anonymous=0 --fail-under 0 "$ROOT/examples/articles/harbour-fire.md" "$TMP/pol.txt"
is "$STATUS" 1 "--max: exit 1"
like "$OUT" "2 articles scored, 0 below the threshold, 1 over a --max limit, 0 errors" \
    "the run summary counts a --max failure as such, not below the threshold"
run "$CREDSCORE" score -f json --max anonymous=0 --fail-under 0 "$ROOT/examples/articles/harbour-fire.md" "$TMP/pol.txt"
is "$(jqr "$OUT" '"\(.summary.below_threshold) \(.summary.over_max) \(.summary.unsourced_failed)"')" "0 1 0" \
    "json: below_threshold 0, over_max 1"
run "$CREDSCORE" score -c "$TMP/unsourced.yaml" "$TMP/list.md" "$TMP/pol.txt"
like "$OUT" "failed: no sourcing to judge, and scoring.unsourced is fail" "an unsourced failure says so"
like "$OUT" "2 articles scored, 0 below the threshold, 1 with no sourcing to judge \\(scoring.unsourced: fail\\), 0 errors" \
    "and the run summary counts it as such"

done_testing
