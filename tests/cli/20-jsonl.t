#!/bin/sh
# Stream mode: one report line per input line, in order, errors in-band.
. "$(dirname "$0")/lib.sh"

line='{"id":"a","text":"Officials said the strike killed 20 soldiers, a claim that could not be independently verified."}'
run sh -c "printf '%s\n' '$line' | '$CREDSCORE' score --jsonl - --fail-under 0"
is "$STATUS" 0 "acceptance line: exit 0"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 1 "one output line"
is "$(jqr "$OUT" .id)" a "same id"
is "$(jqr "$OUT" '[.findings[].marker] | unique | map(select(. == "anonymous" or . == "unverified")) | join(",")')" \
   "anonymous,unverified" "markers include anonymous and unverified"
is "$(jqr "$OUT" '[.findings[] | select(.marker=="unverified") | "\(.start)-\(.end)"] | join(",")')" "59-94" \
   "unverified span in bytes"

cat > "$TMP/in.jsonl" <<'JSONL'
{"id":"first","text":"Mayor Lena Ortiz said the bridge would reopen on Friday."}
{"id": 7, "text": "Critics say the bridge was never safe."}
not json at all

{"id":"no-text"}
{"id":"md","format":"markdown","text":"# Heading\n\nThe ministry reportedly froze the funds."}
{"id":"bad-format","format":"pdf","text":"x"}
{"id":"empty","text":"   "}
{"id":"last","text":"The figures have not been verified."}
JSONL
run "$CREDSCORE" score --jsonl "$TMP/in.jsonl" --fail-under 0
is "$STATUS" 2 "malformed lines make the exit status 2"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 8 "one output line per non-blank input line"
is "$(printf '%s\n' "$OUT" | jq -r '.id // "null"' | tr '\n' ' ')" "first 7 null no-text md bad-format empty last " \
   "ids in input order (numbers as strings)"
is "$(printf '%s\n' "$OUT" | jq -r 'select(.error) | "\(.line): \(.error)"' | head -1 | cut -c1-25)" \
   "3: malformed JSON at colu" "malformed JSON names its line number"
like "$(printf '%s\n' "$OUT" | sed -n 4p)" '"line":5,"error":"missing \\"text\\"' "missing text names line 5"
like "$(printf '%s\n' "$OUT" | sed -n 6p)" '"line":7,"error":"\\"format\\" must be' "bad format names line 7"
like "$(printf '%s\n' "$OUT" | sed -n 7p)" '"line":8,"error":"empty: empty input' "empty text is an error"
is "$(printf '%s\n' "$OUT" | sed -n 5p | jq -r '.format + " " + ([.findings[].marker]|join(","))')" "markdown hedged" \
   "per-line format"
is "$(printf '%s\n' "$OUT" | sed -n 8p | jq -r '[.findings[].marker]|join(",")')" "unverified" \
   "lines after errors are still scored"
like "$ERR" "4 malformed or failed lines" "stderr summary"

# A score exactly on the threshold passes in stream mode too: one named
# speaker and one bare unnamed source score exactly 50.
printf '%s\n' '{"id":"e","text":"Mayor Lena Ortiz said the bridge would reopen.\n\nOfficials said the repairs would take a month."}' > "$TMP/on50.jsonl"
run "$CREDSCORE" score --jsonl "$TMP/on50.jsonl" --fail-under 50
is "$STATUS" 0 "stream: --fail-under 50, score exactly 50: exit 0"
is "$(jqr "$OUT" '"\(.id) \(.score)"')" "e 50" "stream: the record scored exactly 50"
run "$CREDSCORE" score --jsonl "$TMP/on50.jsonl" --fail-under 50.00000000000001
is "$STATUS" 1 "stream: --fail-under just above 50 (the next double): exit 1"
printf 'scoring: {fail_under: 50}\n' > "$TMP/on50.yaml"
run "$CREDSCORE" score --jsonl "$TMP/on50.jsonl" -c "$TMP/on50.yaml"
is "$STATUS" 0 "stream: config fail_under 50, score exactly 50: exit 0"
printf 'scoring: {fail_under: 50.1}\n' > "$TMP/on50.yaml"
run "$CREDSCORE" score --jsonl "$TMP/on50.jsonl" -c "$TMP/on50.yaml"
is "$STATUS" 1 "stream: config fail_under 50.1: exit 1"

# Flushing: each answer is written as soon as its line is scored, while the
# producer still holds the stream open (it waits for the first answer).
mkfifo "$TMP/fifo"
"$CREDSCORE" score --jsonl "$TMP/fifo" --fail-under 0 > "$TMP/flush.out" &
pid=$!
exec 3> "$TMP/fifo"
printf '%s\n' "$line" >&3
i=0; while [ $i -lt 100 ] && [ ! -s "$TMP/flush.out" ]; do sleep 0.1; i=$((i + 1)); done
is "$(wc -l < "$TMP/flush.out" | tr -d ' ')" 1 "the first answer arrives while the input is still open"
printf '%s\n' "$line" >&3
exec 3>&-
wait $pid
is "$?" 0 "the stream ends with exit 0 when its input is closed"
is "$(wc -l < "$TMP/flush.out" | tr -d ' ')" 2 "and the second after it"

run "$CREDSCORE" score --jsonl "$TMP/missing.jsonl"
is "$STATUS" 2 "missing stream file: exit 2"
like "$ERR" "missing.jsonl: cannot open" "and a message"

done_testing
