#!/bin/sh
# CI messages (issue 16, items 5 and 14): failures counted by what failed in
# every report, no repeated words in GitHub annotations, positive findings
# out of SARIF and GitHub annotations unless --report-positive, the SARIF
# driver's informationUri, where -f html -o wrote, and the stream summary's
# line numbers.
. "$(dirname "$0")/lib.sh"

cat > anon.md <<'MD'
# Port

Officials said the port would close. A source familiar with the talks said so too.

Mayor Ana Ruiz said the port would reopen in May.
MD
cat > anon2.md <<'MD'
# Dam

Officials said the dam was safe. Sources say the gates were open.

Engineer Tomas Berg said the gates were shut.
MD
printf '# Quiet\n\nThe council met on Tuesday.\n' > quiet.md

# ---- failures counted by kind: two --max failures are not "below the threshold"
run "$CREDSCORE" score --no-plugins --fail-under 0 --max anonymous=1 anon.md anon2.md quiet.md
is "$STATUS" 1 "--max anonymous=1: exit 1"
is "$(printf '%s\n' "$OUT" | tail -n 1)" "3 articles scored, 0 below the threshold, 2 over a --max limit, 0 errors" \
   "text summary: 2 over a --max limit"
run "$CREDSCORE" score --no-plugins -f json --fail-under 0 --max anonymous=1 anon.md anon2.md quiet.md
is "$STATUS" 1 "json: exit 1"
is "$(printf '%s' "$OUT" | jq -c '.summary | [.below_threshold, .over_max]')" "[0,2]" "json summary: 0 below, 2 over --max"
run "$CREDSCORE" score --no-plugins -f sarif --fail-under 0 --max anonymous=1 anon.md anon2.md quiet.md
is "$STATUS" 1 "sarif: exit 1"
is "$(printf '%s' "$OUT" | jq -c '.runs[0].properties | [.failed, .belowThreshold, .overMax, .unsourcedFailed]')" "[2,0,2,0]" \
   "sarif run properties: 2 failed, 0 below the threshold, 2 over --max"
is "$(printf '%s' "$OUT" | jq -c '[.runs[0].artifacts[].properties | [.failed, .belowThreshold]]')" \
   "[[true,false],[true,false],[false,false]]" "sarif artifacts: failed, not below the threshold"
run "$CREDSCORE" score --no-plugins -f sarif --fail-under 100 quiet.md anon.md
is "$(printf '%s' "$OUT" | jq -c '.runs[0].properties | [.failed, .belowThreshold, .overMax]')" "[1,1,0]" \
   "sarif: a threshold failure is below the threshold"

# ---- SARIF: informationUri, no positive findings by default
run "$CREDSCORE" score -f sarif --no-exit anon.md
is "$STATUS" 0 "sarif: exit 0"
is "$(printf '%s' "$OUT" | jq -r '.runs[0].tool.driver.informationUri')" "https://github.com/credscore/credscore#readme" \
   "sarif: the driver has an informationUri (SARIF2005)"
is "$(printf '%s' "$OUT" | jq '[.runs[0].results[] | select(.properties.weight > 0)] | length')" "0" \
   "sarif: no positive finding by default"
like "$(printf '%s' "$OUT" | jq -r '[.runs[0].results[].ruleId] | join(" ")')" "anonymous" "sarif: the anonymous findings stay"
run "$CREDSCORE" score -f sarif --no-exit --report-positive anon.md
is "$(printf '%s' "$OUT" | jq -r '[.runs[0].results[] | select(.properties.weight > 0) | .properties.words] | join("|")')" \
   "Mayor Ana Ruiz said" "sarif --report-positive: the named speaker is a result"

# ---- GitHub: no repeated words, no positive notices by default
run "$CREDSCORE" score -f github --no-exit --report-positive anon.md
is "$STATUS" 0 "github --report-positive: exit 0"
like "$OUT" "::notice file=anon.md,line=5,col=1,.*::On record: named speaker \"Mayor Ana Ruiz\" \\(cue \"said\"\\) \\(\\+5.4 points\\)$" \
   "github: the plugin's message quotes the words, so they are not repeated"
unlike "$OUT" "\"Mayor Ana Ruiz said\"" "github: never the words a second time"
like "$OUT" "::warning file=anon.md,line=3,col=1,.*::Unnamed officials: .* \"Officials said\" \\(-8 points\\)$" \
   "github: a message that does not quote them keeps the words"
run "$CREDSCORE" score -f github --no-exit anon.md
is "$STATUS" 0 "github: exit 0"
unlike "$OUT" "on_record|Mayor Ana Ruiz" "github: no positive annotation by default"
like "$OUT" "title=credscore anonymous" "github: the anonymous ones stay"
like "$(printf '%s\n' "$OUT" | tail -n 1)" "^::error file=anon.md,title=credscore score::score 33/100, poorly sourced, below the threshold of 40$" "github: the score line stays"

# ---- -f html -o FILE says where it wrote
run "$CREDSCORE" score -f html --no-exit -o page.html anon.md
is "$STATUS" 0 "html -o: exit 0"
is "$ERR" "credscore: wrote the HTML report to page.html" "html -o: one line on stderr naming the file"
ok "$(grep -q '<html' page.html; echo $?)" "html -o: the page is written"
run "$CREDSCORE" score -q -f html --no-exit -o page.html anon.md
is "$STATUS:$ERR" "0:" "html -o -q: nothing on stderr"
run "$CREDSCORE" score -f html --no-exit anon.md
is "$STATUS:$ERR" "0:" "html to standard output: nothing on stderr"

# ---- the stream summary names the first failed lines
{
    printf '{"id":1,"text":"Officials said so."}\n'
    for i in 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        case $i in
        4|17) printf 'not json\n' ;;
        9) printf '{"id":9}\n' ;;
        12|19) printf '[1]\n' ;;
        *) printf '{"id":%s,"text":"Officials said so."}\n' "$i" ;;
        esac
    done
} > s.jsonl
for j in 1 3; do
    run "$CREDSCORE" score --jsonl s.jsonl -j $j --fail-under 0
    is "$STATUS" 2 "stream -j $j: exit 2"
    is "$ERR" "credscore: s.jsonl: 5 malformed or failed lines (lines 4, 9, 12 and 2 more; reported in the output)" \
       "stream -j $j: the summary names the first three lines"
done
head -n 9 s.jsonl > s3.jsonl
run "$CREDSCORE" score --jsonl s3.jsonl --fail-under 0
is "$ERR" "credscore: s3.jsonl: 2 malformed or failed lines (lines 4 and 9; reported in the output)" "two lines: 'and'"
head -n 4 s.jsonl > s1.jsonl
run "$CREDSCORE" score --jsonl s1.jsonl --fail-under 0
is "$ERR" "credscore: s1.jsonl: 1 malformed or failed line (line 4; reported in the output)" "one line"
head -n 12 s.jsonl | "$CREDSCORE" score --jsonl - --fail-under 0 >/dev/null 2>err.txt
is "$?:$(cat err.txt)" "2:credscore: -: 3 malformed or failed lines (lines 4, 9 and 12; reported in the output)" "three lines, standard input"

done_testing
