#!/bin/sh
# credscore serve under load: hey sends 2,000 POST /v1/score from 8
# concurrent clients and every one is answered 200 (hey's status code
# distribution); then a threaded client (serve_load_client.py) posts every
# bundled example article, interleaved, 8 requests at a time, and every
# answer is compared byte for byte with what `credscore score -f json`
# prints for the article.  The metrics and the access log then account for
# every request.  Under VALGRIND=1 the same, with a tenth of the requests.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
command -v hey >/dev/null 2>&1 ||
    skip_all_or_fail "hey (the HTTP load generator) is not installed: make deps DEPS_FOR=test"
PY=/usr/bin/python3
[ -x "$PY" ] || skip_all_or_fail "/usr/bin/python3 is not installed"
EX=$ROOT/examples/articles
CLIENTS=8
if [ -n "${VALGRIND:-}" ]; then
    N=200      # hey's requests
    ROUNDS=10  # each example article, by the checking client
else
    N=2000
    ROUNDS=100
fi

# What each article's answer must be, and the body that asks for it.
set --
i=0
for f in "$EX"/*; do
    score_body "$f" "$f" > "$TMP/body.$i.json"
    "$CREDSCORE" score -f json "$f" > "$TMP/want.$i.json"
    st=$?
    [ "$st" -le 1 ] || echo "# score -f json $f: exit $st"
    set -- "$@" "$TMP/body.$i.json" "$TMP/want.$i.json"
    i=$((i + 1))
done
NART=$i
CHECKED=$((NART * ROUNDS))
TOTAL=$((N + CHECKED))
ok "$([ "$NART" -ge 4 ]; echo $?)" "$NART example articles to send"

serve_start -j 2 --access-log "$TMP/access.log"
ok $? "the server starts"

# ---- hey: N requests from 8 concurrent clients, all 200 ----
# hey sends one body: that of harbour-fire.md.
HB=$TMP/hey-body.json
HW=$TMP/hey-want.json
score_body "$EX/harbour-fire.md" "$EX/harbour-fire.md" > "$HB"
"$CREDSCORE" score -f json "$EX/harbour-fire.md" > "$HW"
hey -n "$N" -c "$CLIENTS" -t 0 -m POST -T application/json -D "$HB" \
    "http://$ADDR/v1/score" > "$TMP/hey.txt" 2>&1
is "$?" 0 "hey -n $N -c $CLIENTS: exit 0"
is "$(sed -n '/^Status code distribution:/,/^$/p' "$TMP/hey.txt" | sed '1d;/^$/d' | tr -s ' \t' ' ')" \
   " [200] $N responses" "hey: all $N answers are 200 (status code distribution)"
unlike "$(cat "$TMP/hey.txt")" "Error distribution" "hey: no connection or timeout error"
is "$(sed -n 's/^ *Total data:[[:space:]]*//p' "$TMP/hey.txt")" \
   "$(($(wc -c < "$HW") * N)) bytes" "hey: every answer is as long as score -f json's report"
sed -n '/^Summary:/,/^ *Requests\/sec/p;/^Latency distribution:/,/^$/p' "$TMP/hey.txt" | sed 's/^/# /'

# ---- every example article, interleaved, 8 at a time, byte for byte ----
"$PY" "$ROOT/tests/cli/serve_load_client.py" "$ADDR" "$CLIENTS" "$ROUNDS" "$TMP" "$@" \
    > "$TMP/client.txt" 2> "$TMP/client.err"
is "$?" 0 "the checking client ran"
is "$(cat "$TMP/client.txt")" "requests $CHECKED
status 200 $CHECKED
identical $CHECKED
different 0
errors 0" "$CHECKED answers from $CLIENTS clients at once: all 200, each byte for byte score -f json's"
for d in "$TMP"/different.*; do
    [ -f "$d" ] || continue
    echo "# $(basename "$d") (first bytes):"
    head -c 600 "$d" | sed 's/^/#   /'
done
[ ! -s "$TMP/client.err" ] || sed 's/^/# client: /' "$TMP/client.err"

# ---- the server's own account ----
http GET /metrics
metric() { printf '%s\n' "$OUT" | awk -v k="$1" 'index($0, k " ") == 1 { print substr($0, length(k) + 2) }'; }
is "$(metric 'credscore_http_requests_total{route="/v1/score",status="200"}')" "$TOTAL" \
   "metrics: $TOTAL POST /v1/score answered 200"
is "$(printf '%s\n' "$OUT" | grep -c 'credscore_http_requests_total{route="/v1/score",status="[^2]')" 0 \
   "metrics: no other status on /v1/score"
is "$(metric credscore_articles_scored_total)" "$TOTAL" "metrics: $TOTAL articles scored"
is "$(metric credscore_worker_restarts_total)" 0 "metrics: no worker restarted"
http GET /healthz
is "$CODE:$(jqr "$OUT" .status)" "200:ok" "the server is healthy after the load"

serve_stop
is "$STATUS" 0 "SIGTERM after the load: exit 0"
is "$(jq -s 'map(select(.path == "/v1/score" and .status == 200)) | length' < "$TMP/access.log")" \
   "$TOTAL" "the access log: one whole JSON line for each of the $TOTAL scored requests"

done_testing
