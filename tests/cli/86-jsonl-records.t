#!/bin/sh
# score --jsonl scores record after record in one worker with one document
# (its memory kept, the record's text read in place, the scanner's UTF-8
# check not repeated): every answer is the one the record gets on its own,
# whatever came before it (long or short, another format, an error), and
# a NUL byte that only the reference JSON reader lets through ("\u0000")
# is still refused with its place.  The server's stream (one document per
# worker too) answers the same records with the same bytes.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

long=$(printf 'Officials said the strike killed 20 soldiers, a claim that could not be independently verified. %.0s' $(seq 40))
cat > "$TMP/in.jsonl" <<JSONL
{"id":"long","text":"$long\n\nCritics say the bridge was never safe.\n\nThe figures have not been verified."}
{"id":"short","text":"Sources said so."}
{"id":"caf\u00e9","text":"Caf\u00e9 owners said, \u201cwe were told nothing,\u201d according to a person familiar with the talks.\nA second line."}
{"id":"md","format":"markdown","text":"# Heading\n\nThe ministry reportedly froze the funds.\n\n> An unnamed official said it was over."}
{"id":"nul","text":"ab\u0000cd"}
{"id":"html","format":"html","text":"<p>Officials said the <b>strike</b> killed 20 soldiers.</p><p>Nobody confirmed it.</p>"}
{"id":"blank","text":" \n\t "}
{"id":"nul2","meta":[1],"text":"line one\nx\u0000"}
{"id":"after","text":"Caf\u00e9 \u201cquoted\u201d text. It was reportedly confirmed by sources."}
JSONL
run "$CREDSCORE" score --jsonl -j 1 --no-exit --no-config "$TMP/in.jsonl"
is "$STATUS" 2 "the stream: exit 2 (three records are errors)"
printf '%s\n' "$OUT" > "$TMP/together.out"
is "$(wc -l < "$TMP/together.out" | tr -d ' ')" 9 "one answer per record"

# Each record alone, as line N of its own stream (blank lines before it).
n=0 bad=0
while IFS= read -r rec; do
    n=$((n + 1))
    { i=1; while [ $i -lt $n ]; do echo; i=$((i + 1)); done; printf '%s\n' "$rec"; } > "$TMP/one.jsonl"
    run "$CREDSCORE" score --jsonl -j 1 --no-exit --no-config "$TMP/one.jsonl"
    case $STATUS in 0|2) ;; *) bad=$((bad + 1)); echo "# record $n: exit $STATUS" ;; esac
    [ "$OUT" = "$(sed -n "${n}p" "$TMP/together.out")" ] || { bad=$((bad + 1)); echo "# record $n differs"; }
done < "$TMP/in.jsonl"
is "$bad" 0 "each of the 9 answers is the answer the record gets alone"

is "$(sed -n 5p "$TMP/together.out")" \
   '{"id":"nul","line":5,"error":"nul:1:3: NUL byte in input (a binary file?); refusing to score it"}' \
   "\\u0000 in a text read by the reference: the NUL byte refused with its place"
is "$(sed -n 8p "$TMP/together.out")" \
   '{"id":"nul2","line":8,"error":"nul2:2:2: NUL byte in input (a binary file?); refusing to score it"}' \
   "... on its second line"
is "$(sed -n 7p "$TMP/together.out" | jq -r .error)" "blank: empty input: nothing to score" \
   "a blank text is refused"

# The same stream through `credscore serve`, twice over one worker, so that
# each record follows every other.
command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
cat "$TMP/in.jsonl" "$TMP/in.jsonl" > "$TMP/twice.jsonl"
run "$CREDSCORE" score --jsonl -j 1 --no-exit --no-config "$TMP/twice.jsonl"
printf '%s\n' "$OUT" > "$TMP/twice.want"
is "$(sed -n 10,18p "$TMP/twice.want" | sed 's/"line":[0-9]*/"line":N/')" \
   "$(sed 's/"line":[0-9]*/"line":N/' "$TMP/together.out")" \
   "score --jsonl: the second copy answers as the first (but for line numbers)"
if serve_start -j 1 --no-config; then
    curl -sS --max-time "$SERVE_WAIT" -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$TMP/twice.jsonl" "http://$ADDR/v1/score/stream" > "$TMP/twice.out"
    is "$?" 0 "the server answers the stream"
    cmp -s "$TMP/twice.out" "$TMP/twice.want"
    ok $? "each of the 18 answers is byte for byte what score --jsonl gave"
    serve_stop
    is "$STATUS" 0 "the server stops cleanly"
else
    ok 0 "the server starts"
fi
done_testing
