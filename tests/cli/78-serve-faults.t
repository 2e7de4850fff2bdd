#!/bin/sh
# credscore serve survives faults: a plugin that crashes its worker costs
# that request only (500 naming the plugin; in band in a stream); a rule
# that runs away is stopped after --timeout (503 naming the rule); the
# worker is replaced and counted; SIGTERM lets the requests in flight
# finish and exits 0.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
P=$BUILD/tests/plugins
[ -f "$P/good.so" ] || skip_all_or_fail "the test plugins are not built (make check builds them)"

cat > "$TMP/slow.lua" <<'LUA'
rule { id = "slow-pattern", marker = "vague", needs = { "slowly" }, check = function(p)
  local s = ("a"):rep(30)
  if s:find(("a?"):rep(30) .. ("a"):rep(30)) then return nil end
end }
LUA
cat > "$TMP/c.yaml" <<YAML
rules: ["@default", slow.lua]
plugins:
  - path: $P/good.so
limits: {instructions: 0}
YAML
score() { # text -> POST /v1/score
    http POST /v1/score -H 'Content-Type: text/plain' --data-binary "$1"
}

serve_start -j 2 -c "$TMP/c.yaml" --timeout 2
ok $? "the server starts with a crashing test plugin and a runaway rule"
score "Officials said a zebra was seen."
is "$CODE" 200 "an ordinary article: 200"
like "$(jqr "$OUT" '[.articles[0].findings[].source] | join(",")')" "plugin:testplug" \
     "... the test plugin scored it"

score "The crashnow article makes the plugin dereference NULL."
is "$CODE" 500 "an article that crashes the plugin: 500"
is "$(jqr "$OUT" '"\(.error) \(.plugin)"')" "worker_crashed testplug" "... naming the plugin"
like "$(jqr "$OUT" .message)" \
     "^not scored: the worker (died of signal (11 \\(Segmentation fault\\)|6 \\(Aborted\\))|exited with status 1) in plugin testplug" \
     "... and how the worker died"
score "Officials said a zebra was seen again."
is "$CODE" 200 "the next article: 200 (the worker was replaced)"

score "It moved slowly."
is "$CODE" 503 "an article a rule runs away on: 503 after --timeout"
is "$(jqr "$OUT" '"\(.error) \(.rule)"')" "timeout slow-pattern" "... naming the rule"
like "$(jqr "$OUT" .message)" "^not scored: took longer than 2 s and was stopped in rule slow-pattern" \
     "... and the limit"

# The stream: the crashing record is answered in band, the others scored.
{
    printf '{"id":"a","text":"Officials said a zebra was seen."}\n'
    printf '{"id":"boom","text":"The crashnow article."}\n'
    printf '{"id":"c","text":"Critics say the zebra escaped."}\n'
} > "$TMP/in.jsonl"
curl -sS -o "$TMP/got.jsonl" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$TMP/in.jsonl" "http://$ADDR/v1/score/stream"
is "$(jq -r 'if .error then "\(.id):\(.line)" else .id end' < "$TMP/got.jsonl" | tr '\n' ' ')" \
   "a boom:2 c " "a stream: the crashing record answered in band with its line, the others scored"
like "$(sed -n 2p "$TMP/got.jsonl")" '"error":"not scored: the worker (died|exited).* in plugin testplug' \
     "... the error names the plugin"

http GET /metrics
like "$OUT" "credscore_worker_restarts_total 4$" \
     "/metrics counts the workers replaced (crash, timeout, the stream's crash: its batch is replayed record by record)"
like "$OUT" 'credscore_http_requests_total\{route="/v1/score",status="500"\} 1' "... and the 500"
like "$OUT" 'credscore_http_requests_total\{route="/v1/score",status="503"\} 1' "... and the 503"
http GET /healthz
is "$(jqr "$OUT" .status)" ok "/healthz: still ok"

# SIGTERM while a request is in flight (its body still coming): the request
# finishes, new connections are refused, the server exits 0.
mkfifo "$TMP/fifo"
curl -sS -o "$TMP/drain.out" -D "$TMP/drain.hdrs" -w '%{http_code}' --max-time "$SERVE_WAIT" -X POST \
     -T "$TMP/fifo" -H 'Content-Type: application/x-ndjson' "http://$ADDR/v1/score/stream" \
     > "$TMP/drain.code" &
slow=$!
exec 3>"$TMP/fifo"
printf '{"id":"one","text":"Officials said a zebra was seen."}\n' >&3
wait_for grep -q "100 Continue" "$TMP/drain.hdrs" 2>/dev/null
ok $? "a stream has begun"
kill -TERM "$SERVE_PID"
refused() { ! curl -s -o /dev/null --max-time 5 "http://$ADDR/healthz"; }
wait_for refused
ok $? "after SIGTERM, new connections are refused"
printf '{"id":"two","text":"Critics say the zebra escaped."}\n' >&3
exec 3>&-
wait "$slow"
is "$(cat "$TMP/drain.code")" 200 "the request in flight at SIGTERM finishes: 200"
is "$(jq -r .id < "$TMP/drain.out" | tr '\n' ' ')" "one two " "... with every record answered"
wait "$SERVE_PID"
STATUS=$?
SERVE_PID=
is "$STATUS" 0 "the server exits 0 once drained"
like "$(cat "$TMP/serve.err")" "serve: stopped" "... and says it stopped"

done_testing
