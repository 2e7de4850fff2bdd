#!/bin/sh
# --timeout in every command that scores (issue 17): a rule that runs away
# inside one C call (a pathological Lua pattern, no instruction budget) is
# stopped after the limit, and the command says which article and which
# rule, with exit 2: explain, test (an example, a fixture), eval (a line)
# and baseline stop there; watch reports the round and keeps watching;
# score goes on without the article (59-timeout.t).  Under the limit the
# guarded commands print exactly what they print without one.  Each
# runaway call is bounded by timeout(1), so a command that ignores
# --timeout fails here instead of hanging.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/slow.lua" <<'LUA'
rule { id = "aa-fast", marker = "vague", phrases = { "critics say" },
  examples = { hit = { "Critics say it moved." } } }
rule { id = "slow-pattern", marker = "vague", needs = { "slowly" },
  examples = { hit = { "It moved slowly." } },
  check = function(p)
    local s = ("a"):rep(30)
    if s:find(("a?"):rep(30) .. ("a"):rep(30)) then return nil end
  end }
LUA
printf 'rules: [slow.lua]\nplugins: []\nscoring: {fail_under: 0}\nlimits: {instructions: 0}\n' > "$TMP/c.yaml"
printf 'It moved slowly.\n' > "$TMP/slow.txt"
printf 'Critics say it moved.\n' > "$TMP/fast.txt"
stopped="not scored: took longer than 1 s and was stopped in rule slow-pattern \\(.*slow.lua:[0-9]+\\)"

# A runaway call: at most 60 s, then timeout(1) ends it (status 124).
slow_run() { t0=$(date +%s); run timeout 60 "$@"; took=$(( $(date +%s) - t0 )); }

# explain
slow_run "$CREDSCORE" explain -c "$TMP/c.yaml" --timeout 1 "$TMP/slow.txt:1"
is "$STATUS" 2 "explain: exit 2 after the timeout"
like "$ERR" "^credscore: $TMP/slow.txt: $stopped\$" "explain: names the article and the rule"
is "$OUT" "" "explain: nothing explained"
ok "$([ "$took" -lt 30 ]; echo $?)" "explain: stopped in $took s, not left running"
run "$CREDSCORE" explain -c "$TMP/c.yaml" --timeout 0 "$TMP/fast.txt:1"
is "$STATUS" 0 "explain, no limit: exit 0"
unguarded=$OUT
run "$CREDSCORE" explain -c "$TMP/c.yaml" --timeout 30 "$TMP/fast.txt:1"
is "$STATUS" 0 "explain, under the limit: exit 0"
is "$OUT" "$unguarded" "explain, under the limit: the same explanation as without one"
like "$OUT" "rule aa-fast" "explain: the explanation names the rule that fired"

# test: the examples of each rule in turn; the one before the runaway is
# printed, even with stdout to a pipe (flushed before each example)
slow_run "$CREDSCORE" test -c "$TMP/c.yaml" --timeout 1 "$TMP/slow.lua"
is "$STATUS" 2 "test, an example: exit 2 after the timeout"
like "$ERR" "^credscore: .*slow.lua:[0-9]+ slow-pattern: hit example 1: $stopped\$" \
     "test, an example: names the rule's example and what ran"
like "$OUT" "^ok   .*slow.lua:[0-9]+ aa-fast: 1 example\$" \
     "test: the rule tested before the runaway is reported"
unlike "$OUT" "passed" "test: no summary (the run stopped)"
printf '<!-- expect: vague -->\nCritics say it moved.\n\n<!-- expect: none -->\nIt moved slowly.\n' > "$TMP/fixture.md"
slow_run "$CREDSCORE" test -c "$TMP/c.yaml" --timeout 1 "$TMP/fixture.md"
is "$STATUS" 2 "test, a fixture: exit 2 after the timeout"
like "$ERR" "^credscore: $TMP/fixture.md: $stopped\$" "test, a fixture: names the fixture and the rule"
printf 'rules: [fast.lua]\nplugins: []\n' > "$TMP/cf.yaml"
sed -n 1,2p "$TMP/slow.lua" > "$TMP/fast.lua"
run "$CREDSCORE" test -c "$TMP/cf.yaml" --timeout 0 "$TMP/fast.lua"
is "$STATUS" 0 "test, no limit: exit 0"
unguarded=$OUT
run "$CREDSCORE" test -c "$TMP/cf.yaml" --timeout 30 "$TMP/fast.lua"
is "$STATUS" 0 "test, under the limit: exit 0"
is "$OUT" "$unguarded" "test, under the limit: the same report as without one"

# eval: the line that runs away is named; the run stops
printf '{"id":"a","text":"Critics say so.","markers":["vague"]}\n{"id":"b","text":"It went slowly.","markers":[]}\n' > "$TMP/labels.jsonl"
slow_run "$CREDSCORE" eval -c "$TMP/c.yaml" --timeout 1 "$TMP/labels.jsonl"
is "$STATUS" 2 "eval: exit 2 after the timeout"
like "$ERR" "^credscore: $TMP/labels.jsonl:2: $stopped\$" "eval: names the line and the rule"
is "$OUT" "" "eval: no table from a run that stopped"
head -n 1 "$TMP/labels.jsonl" > "$TMP/fast.jsonl"
run "$CREDSCORE" eval -c "$TMP/c.yaml" --timeout 0 "$TMP/fast.jsonl"
unguarded=$OUT
run "$CREDSCORE" eval -c "$TMP/c.yaml" --timeout 30 "$TMP/fast.jsonl"
is "$STATUS" 0 "eval, under the limit: exit 0"
is "$OUT" "$unguarded" "eval, under the limit: the same table as without one"

# baseline: nothing recorded
slow_run "$CREDSCORE" baseline -c "$TMP/c.yaml" --timeout 1 -o "$TMP/b.json" "$TMP/fast.txt" "$TMP/slow.txt"
is "$STATUS" 2 "baseline: exit 2 after the timeout"
like "$ERR" "^credscore: $TMP/slow.txt: $stopped\$" "baseline: names the article and the rule"
ok "$([ ! -e "$TMP/b.json" ]; echo $?)" "baseline: no baseline written"
run "$CREDSCORE" baseline -c "$TMP/c.yaml" --timeout 30 -o "$TMP/b.json" "$TMP/fast.txt"
is "$STATUS" 0 "baseline, under the limit: exit 0"
like "$(cat "$TMP/b.json")" '"rule":"aa-fast"' "baseline, under the limit: the finding recorded"

# watch: the round is reported, watching goes on (until --rounds)
slow_run "$CREDSCORE" watch -c "$TMP/c.yaml" --timeout 1 --rounds 1 "$TMP/slow.txt"
is "$STATUS" 0 "watch: exit 0 (watching went on)"
like "$ERR" "^credscore: $TMP/slow.txt: $stopped\$" "watch: the round names the article and the rule"
like "$(printf '%s\n' "$OUT" | sed -n 2p)" "^== watching [0-9]+ files; Ctrl-C to stop\$" \
     "watch: after the round, watching"
run "$CREDSCORE" watch -c "$TMP/c.yaml" --timeout 0 --rounds 1 "$TMP/fast.txt"
unguarded=$(printf '%s\n' "$OUT" | sed 1d)
run "$CREDSCORE" watch -c "$TMP/c.yaml" --timeout 30 --rounds 1 "$TMP/fast.txt"
is "$STATUS" 0 "watch, under the limit: exit 0"
is "$(printf '%s\n' "$OUT" | sed 1d)" "$unguarded" "watch, under the limit: the same round as without one"

# score says it the same way (and goes on: 59-timeout.t)
slow_run "$CREDSCORE" score -c "$TMP/c.yaml" --timeout 1 "$TMP/slow.txt"
is "$STATUS" 2 "score: exit 2 after the timeout"
like "$ERR" "^credscore: $TMP/slow.txt: $stopped\$" "score: the same message"

# A plugin that crashes while explain scores: named like score names it
cat > "$TMP/crashy.yaml" <<YAML
plugins:
  - path: $BUILD/tests/plugins/good.so
YAML
printf 'The crashnow story.\n' > "$TMP/crash.txt"
slow_run "$CREDSCORE" explain -c "$TMP/crashy.yaml" "$TMP/crash.txt:1"
is "$STATUS" 2 "explain, a crashing plugin: exit 2"
like "$ERR" "^credscore: $TMP/crash.txt: not scored: the worker (died of signal (11 \\(Segmentation fault\\)|6 \\(Aborted\\))|exited with status 1) in plugin testplug" \
     "explain, a crashing plugin: names the article and the plugin"

done_testing
