#!/bin/sh
# A plugin that crashes on one article does not take the run down, and -j N
# output is identical to -j 1.
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins
cat > "$TMP/crashy.yaml" <<YAML
plugins:
  - path: $P/good.so
scoring: {fail_under: 0}
YAML
{
  for i in 1 2 3 4 5 6 7 8 9 10; do
    printf '{"id":"ok-%s","text":"Officials said a zebra was seen near gate %s."}\n' "$i" "$i"
  done
  printf '{"id":"boom","text":"The crashnow article makes the plugin dereference NULL."}\n'
  for i in 11 12 13; do
    printf '{"id":"ok-%s","text":"Critics say the zebra at gate %s is unsafe."}\n' "$i" "$i"
  done
} > "$TMP/in.jsonl"

for j in 1 2; do
    run "$CREDSCORE" score -c "$TMP/crashy.yaml" --jsonl "$TMP/in.jsonl" -j $j
    is "$STATUS" 2 "-j $j: the crashed article makes the exit status 2"
    is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 14 "-j $j: every line answered"
    is "$(printf '%s\n' "$OUT" | jq -r 'select(.error) | "\(.id) \(.line)"')" "boom 11" \
       "-j $j: only the crashing article is an error"
    # Under AddressSanitizer the crash is caught and turned into an abort or exit 1.
    like "$(printf '%s\n' "$OUT" | sed -n 11p)" "not scored: the worker (died of signal (11 \\(Segmentation fault\\)|6 \\(Aborted\\))|exited with status 1) in plugin testplug" \
       "-j $j: the error names how the worker died and the plugin"
    is "$(printf '%s\n' "$OUT" | jq -r 'select(.error|not) | .id' | tr '\n' ' ')" \
       "ok-1 ok-2 ok-3 ok-4 ok-5 ok-6 ok-7 ok-8 ok-9 ok-10 ok-11 ok-12 ok-13 " "-j $j: all other articles scored, in order"
    like "$(printf '%s\n' "$OUT" | jq -r 'select(.id=="ok-13") | [.findings[] | .source] | unique | join(",")')" \
       "(^|,)plugin:testplug(,|$)" "-j $j: the plugin still scores the articles after the crash" 
    like "$ERR" "line 11: not scored" "-j $j: stderr says which line"
done

# Batch mode: one crashing article among several files.
mkdir -p "$TMP/batch"
printf 'Officials said a zebra escaped.\n' > "$TMP/batch/a.txt"
printf 'The crashnow story.\n' > "$TMP/batch/b.txt"
printf 'Critics say the zoo was careless.\n' > "$TMP/batch/c.txt"
for j in 1 2; do
    run "$CREDSCORE" score -c "$TMP/crashy.yaml" -f json -j $j "$TMP/batch"
    is "$STATUS" 2 "batch -j $j: a crashed article makes the exit status 2"
    like "$ERR" "batch/b.txt: not scored: the worker (died of signal|exited with status).* in plugin testplug" \
       "batch -j $j: the error names the file and the plugin"
    is "$(jqr "$OUT" '[.articles[].path | split("/") | last] | join(",")')" "a.txt,c.txt" \
       "batch -j $j: the other articles are scored and reported"
    is "$(jqr "$OUT" '.summary.errors')" 1 "batch -j $j: the summary counts the error"
done
run "$CREDSCORE" score -f json --fail-under 0 -j 1 "$ROOT/examples/articles"
is "$STATUS" 0 "score -f json --fail-under 0 -j 1 \$ROOT/examples/articles: exit 0"
one=$OUT
run "$CREDSCORE" score -f json --fail-under 0 -j 2 "$ROOT/examples/articles"
is "$STATUS" 0 "score -f json --fail-under 0 -j 2 \$ROOT/examples/articles: exit 0"
is "$OUT" "$one" "folder: -j 2 JSON is byte-identical to -j 1"
run "$CREDSCORE" score -f json --fail-under 0 "$ROOT/examples/articles/harbour-fire.md"
is "$STATUS" 0 "score -f json --fail-under 0 \$ROOT/examples/articles/har...: exit 0"
is "$(jqr "$OUT" '.articles[0]')" "$(printf '%s' "$one" | jq -r '.articles[] | select(.path | endswith("harbour-fire.md"))')" \
   "an article scored in a worker equals the same article scored in-process"

# -j 2 gives output identical to -j 1 on a bigger stream.
awk 'BEGIN { for (i = 0; i < 500; i++) printf "{\"id\":\"a%d\",\"text\":\"Officials said item %d was seen. Critics say it was not. The ministry said in a statement that it could not be verified.\"}\n", i, i }' > "$TMP/many.jsonl"
run "$CREDSCORE" score --jsonl "$TMP/many.jsonl" --fail-under 0 -j 1
is "$STATUS" 0 "score --jsonl many.jsonl --fail-under 0 -j 1: exit 0"
one=$OUT
run "$CREDSCORE" score --jsonl "$TMP/many.jsonl" --fail-under 0 -j 2
is "$STATUS" 0 "score --jsonl many.jsonl --fail-under 0 -j 2: exit 0"
is "$OUT" "$one" "-j 2 output is byte-identical to -j 1 (500 records)"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 500 "500 lines out"

# Records larger than a worker's pipe (1 MiB) between small ones, one right
# after a record whose result is larger than the pipe too: the parent never
# queues a second item that would not fit beside the first (it would block
# writing it while the worker blocks writing its result), so nothing
# deadlocks and the order holds.
awk 'BEGIN {
    big = "The river runs past the old mill. "; for (k = 0; k < 15; k++) big = big big  # 1.1 MiB
    busy = "Officials said it. "; for (k = 0; k < 13; k++) busy = busy busy  # a 6 MiB result
    for (i = 0; i < 12; i++) {
        if (i % 4 == 1) printf "{\"id\":\"big%d\",\"text\":\"%s\"}\n", i, big
        else if (i == 4) printf "{\"id\":\"busy%d\",\"text\":\"%s\"}\n", i, busy
        else printf "{\"id\":\"small%d\",\"text\":\"A named source, Ana Ruiz, said %d.\"}\n", i, i
    }
}' > "$TMP/big.jsonl"
run "$CREDSCORE" score --jsonl "$TMP/big.jsonl" --fail-under 0 -j 1
one=$OUT
is "$STATUS" 0 "records over 1 MiB: -j 1 exit 0"
is "$(printf '%s\n' "$OUT" | jq -r .id | tr '\n' ' ')" \
   "small0 big1 small2 small3 busy4 big5 small6 small7 small8 big9 small10 small11 " \
   "records over 1 MiB: every record answered, in order"
run "$CREDSCORE" score --jsonl "$TMP/big.jsonl" --fail-under 0 -j 2
is "$STATUS" 0 "score --jsonl big.jsonl --fail-under 0 -j 2: exit 0"
is "$OUT" "$one" "records over 1 MiB: -j 2 output is byte-identical to -j 1"

# SIGTERM during a stream: finished lines are flushed, stderr says how far.
# (The output file exists before the wait loop reads it: a missing file
# would end the loop at once and send the signal before the handler is set.)
: > "$TMP/partial.out"
( awk 'BEGIN { for (i = 0; i < 50; i++) printf "{\"id\":\"s%d\",\"text\":\"Officials said so.\"}\n", i }'; sleep 30 ) \
    | "$CREDSCORE" score --jsonl - --fail-under 0 > "$TMP/partial.out" 2> "$TMP/partial.err" &
pid=$!
# (up to 30 s, as long as the input stays open: under valgrind on a busy
# machine 50 records can take more than 5 s, and the input must not end first)
i=0; while [ $i -lt 300 ] && [ "$(wc -l < "$TMP/partial.out")" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid 2>/dev/null
wait $pid
is "$?" 2 "SIGTERM: exit 2"
is "$(wc -l < "$TMP/partial.out" | tr -d ' ')" 50 "all lines read before the signal are written"
like "$(cat "$TMP/partial.err")" "interrupted: 50 records written, through input line 50" "and stderr says how far"
is "$(tail -n 1 "$TMP/partial.out" | jq -r .id)" s49 "the last line is complete JSON"

done_testing
