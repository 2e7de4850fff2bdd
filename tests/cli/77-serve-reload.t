#!/bin/sh
# credscore serve reloads its configuration: when a rule file changes, on
# SIGHUP; a broken edit keeps the configuration in force (logged, shown by
# /healthz); a request in flight finishes on the configuration it began with.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"

rule() { # phrase -> mine.lua flagging it (written aside and renamed into place,
          # so that the server's poll never reads it half written)
    cat > "$TMP/mine.lua.new" <<LUA
rule { id = "animal", marker = "vague", weight = -5, phrases = { "$1" } }
LUA
    mv "$TMP/mine.lua.new" "$TMP/mine.lua"
}
rule zebra
printf 'rules: ["@default", mine.lua]\nplugins: []\n' > "$TMP/c.yaml"
printf '{"text":"Officials said a zebra and a giraffe escaped."}' > "$TMP/body.json"

animals() { # the words the animal rule flagged in the reply of POST /v1/score
    http POST /v1/score -H 'Content-Type: application/json' --data-binary @"$TMP/body.json"
    jqr "$OUT" '[.articles[0].findings[] | select(.rule == "animal") | .text] | join(",")'
}
generation() { # wait until /healthz says generation $1 (and status $2, default ok)
    http GET /healthz
    [ "$(jqr "$OUT" '"\(.generation) \(.status)"')" = "$1 ${2:-ok}" ]
}

serve_start -j 1 -c "$TMP/c.yaml" --reload-poll 100
ok $? "the server starts"
is "$(animals)" zebra "generation 1 flags zebra"

# A good edit of a rule file: picked up by itself.
rule giraffe
wait_for generation 2
ok $? "the rule file changed: /healthz says generation 2"
is "$(animals)" giraffe "generation 2 flags giraffe, not zebra"
http POST /v1/score -H 'Content-Type: application/json' --data-binary @"$TMP/body.json"
like "$HDRS" "X-Credscore-Generation: 2" "the reply names generation 2"
like "$(cat "$TMP/serve.err")" "mine.lua changed: configuration reloaded \\(generation 2\\)" \
     "the log says what changed and the new generation"

# A broken edit: the old configuration stays.
printf 'rule { id = "animal", marker = "vague", phrases = { "okapi" }\n' > "$TMP/mine.lua"
wait_for generation 2 stale
ok $? "a broken rule file: /healthz says stale, still generation 2"
like "$(jqr "$OUT" .last_reload.error)" "mine.lua" "... and its error names the file"
is "$(jqr "$OUT" .last_reload.ok)" false "... last_reload.ok is false"
is "$(animals)" giraffe "requests are still scored with generation 2"
like "$(cat "$TMP/serve.err")" "reload failed, still serving generation 2: .*mine.lua" \
     "the log says the reload failed and why"
http GET /metrics
like "$OUT" 'credscore_config_reloads_total\{result="failed"\} 1' "/metrics counts the failed reload"
rule okapi
wait_for generation 3
ok $? "the file fixed: generation 3, status ok again"
is "$(jqr "$OUT" .last_reload.ok)" true "... last_reload.ok is true"
serve_stop
is "$STATUS" 0 "the server stops with 0"

# SIGHUP, with file polling off; a stream begun before it finishes on the
# configuration it began with.
rule zebra
serve_start -j 2 -c "$TMP/c.yaml" --reload-poll 0
ok $? "a server without polling starts"
mkfifo "$TMP/fifo"
curl -sS -o "$TMP/stream.out" -D "$TMP/stream.hdrs" --max-time "$SERVE_WAIT" -X POST -T "$TMP/fifo" \
     -H 'Content-Type: application/x-ndjson' "http://$ADDR/v1/score/stream" &
slow=$!
exec 3>"$TMP/fifo"
printf '{"id":"before","text":"A zebra and a giraffe, officials said."}\n' >&3
# The server has the request (and holds generation 1) once it says 100 Continue.
wait_for grep -q "100 Continue" "$TMP/stream.hdrs" 2>/dev/null
ok $? "the stream has begun"
rule giraffe
is "$(animals)" zebra "polling off: the edit alone changes nothing"
kill -HUP "$SERVE_PID"
wait_for generation 2
ok $? "SIGHUP: generation 2"
is "$(animals)" giraffe "a new request is scored with generation 2"
printf '{"id":"after","text":"A zebra and a giraffe, officials said."}\n' >&3
exec 3>&-
wait "$slow"
is "$(jq -r '[.id, ([.findings[] | select(.rule == "animal") | .text] | join(","))] | join(":")' \
      < "$TMP/stream.out" | tr '\n' ' ')" "before:zebra after:zebra " \
   "the stream begun before the reload scores both records with generation 1"
like "$(tr -d '\r' < "$TMP/stream.hdrs")" "X-Credscore-Generation: 1" "... and says so"
like "$(cat "$TMP/serve.err")" "SIGHUP: configuration reloaded \\(generation 2\\)" "the log says SIGHUP"
serve_stop
is "$STATUS" 0 "the server stops with 0"

done_testing
