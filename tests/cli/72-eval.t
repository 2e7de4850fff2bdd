#!/bin/sh
# credscore eval: exact counts on a small labelled fixture, and the quality
# targets on the shared development set when it is present.
. "$(dirname "$0")/lib.sh"

run "$CREDSCORE" eval --no-config "$FIX/labels.jsonl"
is "$STATUS" 0 "eval: exit 0"
like "$OUT" "^anonymous +2 +1 +0 +1 +1.00 +0.50 +0.67$" "anonymous: one hit, one miss (t5 is labelled wrongly on purpose)"
like "$OUT" "^vague +1 +1 +0 +0 +1.00 +1.00 +1.00$" "vague counted"
like "$OUT" "^social +1 +0 +0 +1 +0.00 +0.00 +0.00$" "a label nothing supports is a false negative"
like "$OUT" "^micro +7 +5 +0 +2 +1.00 +0.71 +0.83$" "micro-averaged row"
like "$OUT" "^passages 6, exact match 0.667$" "exact-match rate"
run "$CREDSCORE" eval --no-config --errors "$FIX/labels.jsonl"
is "$STATUS" 0 "eval --no-config --errors \$FIX/labels.jsonl: exit 0"
like "$OUT" "labels.jsonl:5 t5  gold \\[anonymous, vague\\]  found \\[vague\\]" "--errors lists the mismatches"

printf '{"id":"x","text":"a","markers":["gossip"]}\n' > "$TMP/bad.jsonl"
run "$CREDSCORE" eval --no-config "$TMP/bad.jsonl"
is "$STATUS" 2 "an unknown marker in the labels: exit 2"
like "$ERR" "bad.jsonl:1: unknown marker gossip" "names the line"

DEV=$ROOT/../shared/corpus/dev.jsonl
if [ -f "$DEV" ]; then
    run "$CREDSCORE" eval --no-config "$DEV"
    is "$STATUS" 0 "eval --no-config \$DEV: exit 0"
    micro=$(printf '%s\n' "$OUT" | awk '$1 == "micro" { print $8 }')
    ok "$(awk -v f="$micro" 'BEGIN { exit !(f >= 0.85) }'; echo $?)" "dev set: micro-F1 $micro >= 0.85"
    worst=$(printf '%s\n' "$OUT" | awk '$1 != "micro" && $1 != "marker" && $1 != "passages" && $2 >= 10 && $8 < 0.75 { print $1 "=" $8 }')
    is "$worst" "" "dev set: F1 >= 0.75 for every marker with 10+ gold passages"
else
    # Not skip_or_fail: the shared corpus is optional data, not a test
    # dependency (the suite must pass without it, also under CI).
    echo "ok $((_n + 1)) - dev set # SKIP ../shared/corpus/dev.jsonl not present"; _n=$((_n + 1))
fi

done_testing
