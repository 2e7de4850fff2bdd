#!/bin/sh
# Scoring example articles: findings at the right line:col, exit codes, thresholds.
. "$(dirname "$0")/lib.sh"

A=$ROOT/examples/articles

run "$CREDSCORE" score "$A/harbour-fire.md"
is "$STATUS" 0 "harbour-fire is above the default threshold of 40: exit 0"
like "$OUT" "harbour-fire.md:12:1  anonymous  -8  \"Officials said\"" "anonymous source at 12:1"
like "$OUT" "harbour-fire.md:12:68  unverified  -6  \"could not be independently verified\"" \
    "unverified claim at 12:68 (spans a line break in the source)"
like "$OUT" "harbour-fire.md:9:1  on_record  \+5.4  \"Fire Chief Marta Ilves said\"" \
    "named on-record statement at 9:1 (weight 6 x confidence 0.9)"
like "$OUT" "harbour-fire.md:9:54  on_record  \+3.6 \(passage cap\)  \"Ilves said\"" \
    "surname after the full name, cut by the passage cap"
like "$OUT" "harbour-fire.md:17:1  vague  -5  \"Some observers argue\"" "vague attribution"
like "$OUT" "score [0-9]+/100" "summary line with the score"
like "$OUT" "named-to-anonymous [0-9]+:[0-9]+" "named-to-anonymous ratio"

run "$CREDSCORE" score --fail-under 0 "$A/harbour-fire.md"
is "$STATUS" 0 "--fail-under 0 passes"
run "$CREDSCORE" score --fail-under 100 "$A/border-clash.html"
is "$STATUS" 1 "--fail-under 100 fails"
run "$CREDSCORE" score --fail-under 100 --no-exit "$A/border-clash.html"
is "$STATUS" 0 "--no-exit keeps exit 0"
run "$CREDSCORE" score --fail-under abc "$A/council-budget.md"
is "$STATUS" 2 "bad --fail-under is a usage error"
like "$ERR" "fail-under wants a number" "usage error message"

# A score exactly on the threshold passes: the check is score < fail_under.
# One named speaker (one good claim) and one bare unnamed source (one weak
# claim) score exactly 100 x 1 / (1 + 1) = 50.
printf 'Mayor Lena Ortiz said the bridge would reopen.\n\nOfficials said the repairs would take a month.\n' > "$TMP/on50.txt"
run "$CREDSCORE" score -f json --fail-under 50 "$TMP/on50.txt"
is "$STATUS" 0 "--fail-under 50, score exactly 50: exit 0"
is "$(jqr "$OUT" '"\(.articles[0].score) \(.summary.threshold) \(.summary.below_threshold)"')" "50 50 0" \
   "the JSON says 50 against 50, none below"
run "$CREDSCORE" score --fail-under 50 "$TMP/on50.txt" "$TMP/on50.txt"
is "$STATUS" 0 "--fail-under 50, text report: exit 0"
like "$OUT" "2 articles scored, 0 below the threshold, 0 errors" "and the summary counts none below"
run "$CREDSCORE" score --fail-under 50.00000000000001 "$TMP/on50.txt"
is "$STATUS" 1 "--fail-under just above 50 (the next double): exit 1"
run "$CREDSCORE" score --fail-under 50.1 "$TMP/on50.txt"
is "$STATUS" 1 "--fail-under 50.1: exit 1"
printf 'scoring: {fail_under: 50}\n' > "$TMP/on50.yaml"
run "$CREDSCORE" score -c "$TMP/on50.yaml" "$TMP/on50.txt"
is "$STATUS" 0 "config fail_under 50, score exactly 50: exit 0"
printf 'scoring: {fail_under: 50.1}\n' > "$TMP/on50.yaml"
run "$CREDSCORE" score -c "$TMP/on50.yaml" "$TMP/on50.txt"
is "$STATUS" 1 "config fail_under 50.1: exit 1"

# An article cap holds the sign of its marker: 12 named sources give
# on_record 12 x 5.4 = 64.8 raw, capped at +40 in the per-marker breakdown
# (the score: 12 good claims and no weak one, 100).
: > "$TMP/named12.txt"
for n in "Lena Ortiz" "Tomas Brandt" "Ines Kowal" "Marta Ilves" "Pavel Sorin" "Anna Lind" \
         "Jonas Weber" "Clara Moss" "Erik Dahl" "Nora Vance" "Oskar Hale" "Rita Sand"; do
    printf 'Engineer %s said the bridge section was sound.\n\n' "$n" >> "$TMP/named12.txt"
done
run "$CREDSCORE" score -f json --fail-under 0 "$TMP/named12.txt"
is "$STATUS" 0 "12 named sources: exit 0"
is "$(jqr "$OUT" '.articles[0] | "\(.score) \(.summary.markers.on_record | "\(.hits) \(.raw) \(.points) \(.capped)")"')" \
   "100 12 64.8 40 true" "12 named sources: on_record raw 64.8 capped at +40, score 100"
run "$CREDSCORE" score --fail-under 100 "$TMP/named12.txt"
is "$STATUS" 0 "12 named sources pass --fail-under 100"
like "$OUT" "score 100/100" "and the text report says 100/100"
like "$OUT" "  on_record 12 \\(\\+40, capped\\)" "and the breakdown gives on_record +40, capped"

# stdin, and the input format option
run sh -c "cat '$A/school-closures.txt' | '$CREDSCORE' score --fail-under 0 -"
is "$STATUS" 0 "stdin is scored"
like "$OUT" "^-:5:1  vague  -5  \"Experts say\"" "stdin findings are named '-'"

# HTML: script, style and nav are not scored; entities decoded
run "$CREDSCORE" score --fail-under 0 "$A/border-clash.html"
is "$STATUS" 0 "score --fail-under 0 border-clash.html: exit 0"
unlike "$OUT" "Sources said menu|officials said nothing" "nav and script text are skipped"
like "$OUT" "border-clash.html:14:34  anonymous  -8  \"sources familiar with\"" "HTML finding at the source line:col"

# several files and a folder, one summary
run "$CREDSCORE" score --fail-under 0 "$A"
is "$STATUS" 0 "a folder is scored"
like "$OUT" "4 articles scored, 0 below the threshold, 0 errors" "one summary for the folder"

# JSON report
run "$CREDSCORE" score --fail-under 0 -f json "$A/harbour-fire.md"
is "$STATUS" 0 "json report exit 0"
is "$(jqr "$OUT" '.schema + " " + (.version|tostring)')" "credscore-report 1" "schema and version"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.marker=="unverified") | "\(.line):\(.column) \(.text)"] | join(",")')" \
   "12:68 could not be independently verified" "json finding line, column, text"
is "$(jqr "$OUT" '.articles[0] | ([.findings[].points] | add) == ([.summary.markers[].raw] | add)')" "true" \
   "every point of the markers is carried by a listed finding"
# (the share formula itself: tests/unit/test_score_model.c, 36-calibration.t)
is "$(jqr "$OUT" '.articles[0].score | . == floor and . >= 0 and . <= 100')" \
   "true" "the score is a whole number from 0 to 100"

# determinism: byte-identical output for the same input and config
run "$CREDSCORE" score --fail-under 0 -f json "$A/border-clash.html"
is "$STATUS" 0 "score --fail-under 0 -f json border-clash.html: exit 0"
first=$OUT
run "$CREDSCORE" score --fail-under 0 -f json "$A/border-clash.html"
is "$STATUS" 0 "score --fail-under 0 -f json border-clash.html: exit 0"
is "$OUT" "$first" "the same input gives byte-identical JSON"

# -o writes atomically; a failed run leaves the previous report intact
run "$CREDSCORE" score --fail-under 0 -f json -o "$TMP/report.json" "$A/harbour-fire.md"
is "$STATUS" 0 "-o exit 0"
is "$(jq -r '.articles|length' "$TMP/report.json")" 1 "-o wrote the report"
cp "$TMP/report.json" "$TMP/before.json"
run "$CREDSCORE" score --fail-under 0 -f json -o "$TMP/report.json" "$A/harbour-fire.md" "$TMP/missing.md"
is "$STATUS" 2 "a missing file fails the run"
like "$ERR" "report.json left unchanged" "and the user is told"
run cmp "$TMP/report.json" "$TMP/before.json"
is "$STATUS" 0 "the previous report is left intact"
is "$(ls "$TMP" | grep -c '\.tmp\.')" 0 "no temporary file is left behind"

# A folder whose report is larger than one write to standard output: the
# report written piece by piece as the articles come is the report -o
# writes at once, with -j 1 and -j 2, in every format written that way;
# a file that cannot be scored is an error in the summary, not a gap.
mkdir -p "$TMP/many"
for i in $(seq -w 1 100); do
    for a in "$A/harbour-fire.md" "$A/council-budget.md" "$A/school-closures.txt"; do
        cp "$a" "$TMP/many/$i-$(basename "$a")"
    done
done
# (github with --report-positive: the named sources' notices too, so that
# its report also spans several pieces)
for fmt in json github text; do
    run "$CREDSCORE" score --fail-under 0 --no-exit --report-positive -f $fmt -o "$TMP/many.$fmt" "$TMP/many"
    is "$STATUS" 0 "-f $fmt -o: a folder of 300 articles"
    run "$CREDSCORE" score --fail-under 0 --no-exit --report-positive -f $fmt "$TMP/many"
    is "$STATUS" 0 "score --fail-under 0 --no-exit -f \$fmt many: exit 0"
    is "$OUT" "$(cat "$TMP/many.$fmt")" "-f $fmt: standard output, written in pieces, equals the -o report"
    run "$CREDSCORE" score --fail-under 0 --no-exit --report-positive -f $fmt -j 2 "$TMP/many"
    is "$STATUS" 0 "score --fail-under 0 --no-exit -f \$fmt -j 2 many: exit 0"
    is "$OUT" "$(cat "$TMP/many.$fmt")" "-f $fmt -j 2: the same bytes"
done
[ "$(wc -c < "$TMP/many.text")" -gt 300000 ] && [ "$(wc -c < "$TMP/many.github")" -gt 300000 ]
ok $? "every report is larger than one piece (256 KiB)"
is "$(jq '.articles | length' "$TMP/many.json")" 300 "every article in the JSON report"
printf 'Officials said \377 nothing.\n' > "$TMP/many/005-harbour-fire.md"
run "$CREDSCORE" score --fail-under 0 -f json "$TMP/many"
is "$STATUS" 2 "an article that is not UTF-8 fails the run"
like "$ERR" "005-harbour-fire.md:1:16: invalid UTF-8" "and is named on standard error"
is "$(printf '%s' "$OUT" | jq -c '[(.articles | length), .summary.errors]')" "[299,1]" \
   "the report lists the other 299 and counts the error"

# A regex whose match outgrows PCRE2's JIT stack finds the same whether the
# worker's scorer has switched to JIT (after 64 KB of text) or not yet.
mkdir -p "$TMP/jit/arts"
printf 'rule { id = "long-run", marker = "vague", regex = [[(?:(\\w+)\\s)+zzqq]] }\n' > "$TMP/jit/r.lua"
printf 'rules: [r.lua]\nplugins: []\nscoring: {fail_under: 0}\n' > "$TMP/jit/c.yaml"
awk 'BEGIN { for (i = 0; i < 1500; i++) printf "Paragraph %d is plain narrative text about the harbour.\n\n", i }' \
    > "$TMP/jit/arts/a-big.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "word "; print "zzqq" }' > "$TMP/jit/arts/b-long.txt"
run "$CREDSCORE" score -c "$TMP/jit/c.yaml" "$TMP/jit/arts/b-long.txt"
is "$STATUS" 0 "long regex match, the article alone: exit 0"
alone=$(printf '%s\n' "$OUT" | grep -c 'long-run')
is "$alone" 1 "long regex match, the article alone: found"
run "$CREDSCORE" score -c "$TMP/jit/c.yaml" -j 1 "$TMP/jit/arts"
is "$STATUS" 0 "long regex match after 64 KB of text: exit 0"
# (unlike, not is ""): under valgrind, PCRE2's JIT code itself reports an
# uninitialised read on its stack-limit path, code without symbols that
# Debian's libpcre2 (built without --enable-valgrind) leaves unannotated.
unlike "$ERR" "regex failed|JIT stack" "long regex match after 64 KB of text: no regex error"
is "$(printf '%s\n' "$OUT" | grep -c 'b-long.txt:1:1 .*long-run')" 1 "long regex match after 64 KB of text: found alike"

done_testing
