#!/bin/sh
# --timeout: a rule that runs away inside one C call (a pathological Lua
# pattern; without an instruction budget, nothing counts it) is stopped,
# named, and the run goes on (batch, stream) or ends with exit 2 (one
# article, scored in a worker too).
. "$(dirname "$0")/lib.sh"

cat > "$TMP/slow.lua" <<'LUA'
rule { id = "slow-pattern", marker = "vague", needs = { "slowly" }, check = function(p)
  local s = ("a"):rep(30)
  if s:find(("a?"):rep(30) .. ("a"):rep(30)) then return nil end
end }
LUA
printf 'rules: ["@default", slow.lua]\nplugins: []\nscoring: {fail_under: 0}\nlimits: {instructions: 0}\n' > "$TMP/c.yaml"
printf 'It moved slowly.\n' > "$TMP/slow.txt"
printf 'Critics say it moved.\n' > "$TMP/fast.txt"

run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 "$TMP/slow.txt"
is "$STATUS" 2 "one article: exit 2 after the timeout"
like "$ERR" "slow.txt: not scored: took longer than 1 s and was stopped in rule slow-pattern \\(.*slow.lua:1\\)" \
     "names the article and the rule"

run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 "$TMP/fast.txt" "$TMP/slow.txt"
is "$STATUS" 2 "batch: exit 2"
like "$ERR" "slow.txt: not scored: took longer than 1 s and was stopped in rule slow-pattern" "batch: names it"
like "$OUT" "fast.txt:1:1  vague  -5  \"Critics say\"" "batch: the other article is scored"

printf '{"id":"a","text":"Critics say so."}\n{"id":"b","text":"It went slowly."}\n{"id":"c","text":"Critics say more."}\n' > "$TMP/in.jsonl"
run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 --jsonl "$TMP/in.jsonl"
is "$STATUS" 2 "stream: exit 2"
is "$(printf '%s\n' "$OUT" | jq -r 'if .error then "\(.id):error" else .id end' | tr '\n' ' ')" "a b:error c " \
   "stream: the slow line is an error, the others are scored, in order"
like "$(printf '%s\n' "$OUT" | sed -n 2p)" "took longer than 1 s and was stopped in rule slow-pattern" "stream: names the rule"

# The quarantine replay: 150 records, so that the stream goes out in
# several batches (16 lines each at most), the slow one (line 100) inside one.
# Its batch overruns the limit, is replayed line by line, and only line 100
# is lost; with -j 2 the batch after it is scored meanwhile and must still
# come after it.  The answers for the other lines are exactly those of the
# same stream without the slow record.
awk 'BEGIN { for (i = 1; i <= 150; i++)
  if (i == 100) printf "{\"id\":\"r%d\",\"text\":\"It went slowly.\"}\n", i
  else printf "{\"id\":\"r%d\",\"text\":\"Critics say item %d moved. Mayor Ana Ruiz said it did.\"}\n", i, i }' \
  > "$TMP/many.jsonl"
grep -v '"r100"' "$TMP/many.jsonl" > "$TMP/fast.jsonl"
run "$CREDSCORE" score -c "$TMP/c.yaml" --jsonl "$TMP/fast.jsonl"
is "$STATUS" 0 "score -c c.yaml --jsonl fast.jsonl: exit 0"
fast_out=$OUT
want_ids=$(awk 'BEGIN { for (i = 1; i <= 150; i++) printf "%s ", (i == 100 ? "r100:error" : "r" i) }')
for jobs in 1 2; do
    run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 --jsonl "$TMP/many.jsonl" -j $jobs
    is "$STATUS" 2 "replay, -j $jobs: exit 2"
    is "$(printf '%s\n' "$OUT" | jq -r 'if .error then "\(.id):error" else .id end' | tr '\n' ' ')" \
       "$want_ids" "replay, -j $jobs: every line answered once, in order, only r100 an error"
    like "$(printf '%s\n' "$OUT" | sed -n 100p)" \
         '^\{"id":"r100","line":100,"error":"not scored: took longer than 1 s and was stopped in rule slow-pattern' \
         "replay, -j $jobs: the error names the line, the timeout and the rule"
    is "$(printf '%s\n' "$OUT" | sed 100d)" "$fast_out" \
       "replay, -j $jobs: the other answers are those of the stream without the slow line"
    like "$ERR" "line 100: not scored: took longer than 1 s" "replay, -j $jobs: stderr names the line"
    like "$ERR" "1 malformed or failed line" "replay, -j $jobs: one failed line in the summary"
done

# A parent slow to collect is not a slow article: the output goes to a
# reader that waits 2.5 s before reading, so the parent blocks writing
# while the workers' results wait; no article may be stopped for that.
mkdir -p "$TMP/lot"
for i in $(seq -w 1 150); do
    cp "$ROOT/examples/articles/harbour-fire.md" "$TMP/lot/$i-harbour.md"
    cp "$ROOT/examples/articles/council-budget.md" "$TMP/lot/$i-council.md"
done
for jobs in 1 2; do
    { "$CREDSCORE" score --no-exit --timeout 1 -j $jobs "$TMP/lot" 2> "$TMP/lot.err"; echo $? > "$TMP/lot.status"; } |
        { sleep 2.5; cat > "$TMP/lot.out"; }
    is "$(cat "$TMP/lot.status")" 0 "slow reader, folder, -j $jobs: exit 0"
    is "$(cat "$TMP/lot.err")" "" "slow reader, folder, -j $jobs: no article stopped"
    is "$(grep -c '^.*: score ' "$TMP/lot.out")" 300 "slow reader, folder, -j $jobs: 300 articles scored"
done
jq -nc --rawfile t "$ROOT/examples/articles/harbour-fire.md" \
    'range(1; 601) | {id: "s\(.)", text: $t}' > "$TMP/lot.jsonl"
{ "$CREDSCORE" score --no-exit --timeout 1 --jsonl "$TMP/lot.jsonl" 2> "$TMP/lot.err"; echo $? > "$TMP/lot.status"; } |
    { sleep 2.5; cat > "$TMP/lot.out"; }
is "$(cat "$TMP/lot.status")" 0 "slow reader, stream: exit 0"
is "$(cat "$TMP/lot.err")" "" "slow reader, stream: no line stopped"
# (slurped: output that is not JSON fails the check instead of counting 0)
is "$(jq -s '[.[] | select(.error)] | length' "$TMP/lot.out" 2>&1)" 0 "slow reader, stream: no error line"
is "$(wc -l < "$TMP/lot.out" | tr -d ' ')" 600 "slow reader, stream: 600 answers"

run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout abc "$TMP/fast.txt"
is "$STATUS" 2 "bad --timeout: usage error"

done_testing
