#!/bin/sh
# --timeout: a rule that runs away inside one C call (a pathological Lua
# pattern, out of the instruction hook's reach) is stopped, named, and the
# run goes on (batch, stream) or ends with exit 2 (one article).
. "$(dirname "$0")/lib.sh"

cat > "$TMP/slow.lua" <<'LUA'
rule { id = "slow-pattern", marker = "vague", needs = { "slowly" }, check = function(p)
  local s = ("a"):rep(30)
  if s:find(("a?"):rep(30) .. ("a"):rep(30)) then return nil end
end }
LUA
printf 'rules: ["@default", slow.lua]\nplugins: []\nscoring: {fail_under: 0}\n' > "$TMP/c.yaml"
printf 'It moved slowly.\n' > "$TMP/slow.txt"
printf 'Critics say it moved.\n' > "$TMP/fast.txt"

run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 "$TMP/slow.txt"
is "$STATUS" 2 "one article: exit 2 after the timeout"
like "$ERR" "slow.txt: took longer than 1 s and was stopped in rule slow-pattern \\(.*slow.lua:1\\)" \
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

run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout abc "$TMP/fast.txt"
is "$STATUS" 2 "bad --timeout: usage error"

done_testing
