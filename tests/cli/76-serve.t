#!/bin/sh
# credscore serve: every route, the same reports as the CLI for every
# bundled example article, every error status with its JSON body, the
# token, the access log and the metrics.  Ephemeral loopback ports; the
# servers are started and stopped here.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
EX=$ROOT/examples/articles

run "$CREDSCORE" serve --help
is "$STATUS" 0 "serve --help: exit 0"
like "$OUT" "--listen ADDR:PORT" "serve --help lists --listen"
run "$CREDSCORE" --help
like "$OUT" "serve +score articles over HTTP" "credscore --help names serve"
run "$CREDSCORE" serve extra
is "$STATUS" 2 "serve with an operand: exit 2"
like "$ERR" "serve: takes no operands \\('extra'\\)" "... and says why"

serve_start -j 2 --access-log "$TMP/access.log"
ok $? "the server starts and writes its port file"
like "$ADDR" '^127\.0\.0\.1:[0-9]+$' "the port file holds the loopback address and port"
like "$(cat "$TMP/serve.err")" "serving on http://$ADDR \\(2 workers" "stderr says where it serves"

http GET /healthz
is "$CODE" 200 "GET /healthz: 200"
is "$(jqr "$OUT" '.status + " " + (.generation|tostring)')" "ok 1" "GET /healthz: ok, generation 1"

# The same report as `score -f json FILE` for every bundled example.
for f in "$EX"/*; do
    name=$(basename "$f")
    score_body "$f" "$f" > "$TMP/body.json"
    curl -sS -o "$TMP/got.json" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @"$TMP/body.json" "http://$ADDR/v1/score" > "$TMP/code"
    is "$(cat "$TMP/code")" 200 "POST /v1/score $name: 200"
    "$CREDSCORE" score -f json "$f" > "$TMP/want.json"
    cmp -s "$TMP/got.json" "$TMP/want.json"
    ok $? "POST /v1/score $name: byte for byte what score -f json prints"
done
is "$(jqr "$(cat "$TMP/got.json")" '.articles[0].findings | length > 0')" true \
   "... and the report has findings (not an empty match)"

# Other report formats, for one article.
f=$EX/harbour-fire.md
score_body "$f" "$f" > "$TMP/body.json"
for fmt in text html sarif github junit; do
    curl -sS -o "$TMP/got.$fmt" -H 'Content-Type: application/json' \
        --data-binary @"$TMP/body.json" "http://$ADDR/v1/score?format=$fmt"
    "$CREDSCORE" score -f $fmt "$f" > "$TMP/want.$fmt"
    cmp -s "$TMP/got.$fmt" "$TMP/want.$fmt"
    ok $? "?format=$fmt: byte for byte what score -f $fmt prints"
done
http POST '/v1/score?format=html' -H 'Content-Type: application/json' --data-binary @"$TMP/body.json"
like "$HDRS" "Content-Type: text/html; charset=utf-8" "?format=html: served as text/html"
like "$HDRS" "X-Credscore-Generation: 1" "the reply names the configuration generation"

# A raw body: the article itself, its format from the Content-Type.
curl -sS -o "$TMP/got.raw" -H 'Content-Type: text/markdown; charset=utf-8' \
    --data-binary @"$f" "http://$ADDR/v1/score"
"$CREDSCORE" score -f json --input-format markdown - < "$f" > "$TMP/want.raw"
cmp -s "$TMP/got.raw" "$TMP/want.raw"
ok $? "text/markdown body: what score -f json --input-format markdown - prints"
curl -sS -o "$TMP/got.html" -H 'Content-Type: text/html' \
    --data-binary @"$EX/border-clash.html" "http://$ADDR/v1/score?id=border-clash.html"
"$CREDSCORE" score -f json --input-format html - < "$EX/border-clash.html" |
    sed 's|"path": "-"|"path": "border-clash.html"|' > "$TMP/want.html"
cmp -s "$TMP/got.html" "$TMP/want.html"
ok $? "text/html body with ?id=: the report names the article by the id"

# The stream: JSONL in, what score --jsonl writes out (20 records: two
# batches), a malformed record answered in band, in input order.
{
    for i in $(seq 1 19); do
        printf '{"id":"r%d","text":"Officials said item %d moved. Critics say it did not."}\n' "$i" "$i"
        [ "$i" = 7 ] && printf '{"id":"bad", "text": 12}\n'
        [ "$i" = 9 ] && printf '\n'
    done
} > "$TMP/in.jsonl"
"$CREDSCORE" score --jsonl "$TMP/in.jsonl" > "$TMP/want.jsonl" 2>/dev/null
curl -sS -o "$TMP/got.jsonl" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$TMP/in.jsonl" "http://$ADDR/v1/score/stream"
cmp -s "$TMP/got.jsonl" "$TMP/want.jsonl"
ok $? "POST /v1/score/stream: byte for byte what score --jsonl writes"
is "$(jq -r 'if .error then "\(.id):\(.line)" else .id end' < "$TMP/got.jsonl" | tr '\n' ' ')" \
   "r1 r2 r3 r4 r5 r6 r7 bad:8 r8 r9 r10 r11 r12 r13 r14 r15 r16 r17 r18 r19 " \
   "the stream answers every record in input order, the malformed one in band with its line"

# ---- errors: status and JSON body ----
http GET /nowhere
is "$CODE" 404 "unknown path: 404"
is "$(jqr "$OUT" .error)" not_found "... error not_found"
http GET /v1/score
is "$CODE" 405 "GET /v1/score: 405"
like "$HDRS" "Allow: POST" "... with Allow: POST"
http POST /v1/score --data-binary 'text=hello'
is "$CODE" 415 "a form body: 415"
like "$(jqr "$OUT" .message)" "Content-Type 'application/x-www-form-urlencoded': send application/json" \
     "... saying what to send"
printf '{"text": "Officials said so.",\n  "id": tru}' > "$TMP/bad.json"
http POST /v1/score -H 'Content-Type: application/json' --data-binary @"$TMP/bad.json"
is "$CODE" 400 "malformed JSON: 400"
is "$(jqr "$OUT" '"\(.error) \(.line):\(.column) byte \(.byte)"')" "bad_json 2:11 byte 42" \
   "... with the line, column and byte of the fault"
like "$(jqr "$OUT" .message)" "^malformed JSON at line 2, column 11 \\(byte 42\\): " "... in the message too"
http POST /v1/score -H 'Content-Type: application/json' --data-binary '{"id":"x"}'
is "$CODE:$(jqr "$OUT" .message)" '400:the body has no "text" (the article, a string)' "no text: 400"
http POST /v1/score -H 'Content-Type: application/json' --data-binary '{"text":"a","txet":"b"}'
is "$CODE:$(jqr "$OUT" .message)" \
   '400:unknown member "txet" (the members are text, format, id and profile)' "unknown member: 400"
http POST /v1/score -H 'Content-Type: application/json' --data-binary '{"text":"a","format":"pdf"}'
is "$CODE" 400 "unknown input format: 400"
http POST '/v1/score?format=pdf' -H 'Content-Type: application/json' --data-binary '{"text":"a"}'
is "$CODE:$(jqr "$OUT" .message)" \
   "400:unknown report format 'pdf' (json, text, html, sarif, github, junit)" "unknown report format: 400"
http POST /v1/score -H 'Content-Type: application/json' --data-binary '{"text":"a","profile":"wire"}'
is "$CODE:$(jqr "$OUT" .error)" "400:unknown_profile" "unknown profile: 400"
printf '{"text":"caf\\u00e9 \\u0000 said"}' > "$TMP/nul.json"
http POST /v1/score -H 'Content-Type: application/json' --data-binary @"$TMP/nul.json"
is "$CODE:$(jqr "$OUT" .error)" "422:bad_article" "an article with a NUL byte: 422"
like "$(jqr "$OUT" .message)" "NUL byte" "... saying what is wrong with it"

# ---- metrics and the access log ----
http GET /metrics
is "$CODE" 200 "GET /metrics: 200"
like "$HDRS" "Content-Type: text/plain; version=0.0.4" "... in the Prometheus text format"
like "$OUT" 'credscore_http_requests_total\{route="/v1/score",status="200"\} [0-9]+' \
     "... requests by route and status"
like "$OUT" 'credscore_http_requests_total\{route="/v1/score",status="400"\} [0-9]+' "... errors counted apart"
like "$OUT" 'credscore_http_request_duration_seconds_bucket\{route="/v1/score",le="\+Inf"\} [0-9]+' \
     "... a latency histogram"
like "$OUT" 'credscore_articles_scored_total [0-9]+' "... articles scored"
like "$OUT" 'credscore_bytes_scored_total [0-9]+' "... bytes scored"
like "$OUT" 'credscore_worker_restarts_total 0' "... no worker restarts"

serve_stop
is "$STATUS" 0 "SIGTERM: the server exits 0"
like "$(tail -n 1 "$TMP/access.log")" '"method":"GET","path":"/metrics","status":200' \
     "the access log has a JSON line per request"
is "$(jq -s 'map(select(.path == "/v1/score" and .status == 200)) | length' < "$TMP/access.log")" \
   "$(ls "$EX" | wc -l | awk '{print $1 + 8}')" "... one for each request (the scored ones counted)"

# ---- limits: 413, 429 (with Retry-After), 408 ----
serve_start -j 1 --max-body 100 --max-concurrent 1 --read-timeout 2
ok $? "a second server starts (--max-body 100 --max-concurrent 1 --read-timeout 2)"
head -c 200 /dev/zero | tr '\0' 'a' > "$TMP/big.txt"
http POST /v1/score -H 'Content-Type: text/plain' --data-binary @"$TMP/big.txt"
is "$CODE:$(jqr "$OUT" '"\(.error) \(.limit)"')" "413:body_too_large 100" \
   "a body over --max-body (Content-Length): 413 with the limit"
http POST /v1/score -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' \
     --data-binary @"$TMP/big.txt"
is "$CODE:$(jqr "$OUT" .error)" "413:body_too_large" "... sent chunked (no length): 413 too"
http POST /v1/score -H 'Content-Type: text/plain' --data-binary 'Officials said so.'
is "$CODE" 200 "a body under the limit: 200"

# A stream whose body is still coming holds the only slot: another request
# gets 429; once the body has not come for --read-timeout, the stream gets 408.
mkfifo "$TMP/fifo"
curl -sS -o "$TMP/slow.out" -w '%{http_code}' --max-time "$SERVE_WAIT" -X POST -T "$TMP/fifo" \
     -H 'Content-Type: application/x-ndjson' "http://$ADDR/v1/score/stream" > "$TMP/slow.code" &
slow=$!
exec 3>"$TMP/fifo"
printf '{"id":"a","text":"Officials said so."}\n' >&3
busy() {
    curl -s -o "$TMP/busy.out" -D "$TMP/busy.hdrs" -w '%{http_code}' -H 'Content-Type: text/plain' \
         --data-binary 'x' "http://$ADDR/v1/score" > "$TMP/busy.code"
    [ "$(cat "$TMP/busy.code")" = 429 ]
}
wait_for busy
ok $? "a request while another is in flight (--max-concurrent 1): 429"
like "$(tr -d '\r' < "$TMP/busy.hdrs")" "Retry-After: 1" "... with Retry-After: 1"
is "$(jq -r '"\(.error) \(.limit) \(.retry_after)"' < "$TMP/busy.out")" "too_many_requests 1 1" \
   "... and a JSON body saying so"
# (curl reads the FIFO until it ends: the 408 shows in the log first)
wait_for grep -q '"path":"/v1/score/stream","status":408' "$TMP/serve.err"
ok $? "the stalled stream is logged with 408"
exec 3>&-
wait "$slow"
is "$(cat "$TMP/slow.code")" 408 "a request body stalled past --read-timeout: 408"
is "$(jq -r .error < "$TMP/slow.out")" request_timeout "... error request_timeout"
http POST /v1/score -H 'Content-Type: text/plain' --data-binary 'Officials said so.'
is "$CODE" 200 "the slot is free again after the 408: 200"
serve_stop
is "$STATUS" 0 "the second server stops with 0"

# ---- the token ----
printf 'short\n' > "$TMP/short.token"
chmod 600 "$TMP/short.token"
run "$CREDSCORE" serve --listen 127.0.0.1:0 --token-file "$TMP/short.token"
is "$STATUS:$ERR" "2:credscore: serve: --token-file $TMP/short.token: the token must be at least 16 bytes (has 5)" \
   "a token under 16 bytes: refused, exit 2"
printf 's3cret-token-0123456789abcdef\n' > "$TMP/token"
chmod 644 "$TMP/token"
run "$CREDSCORE" serve --listen 127.0.0.1:0 --token-file "$TMP/token"
is "$STATUS:$ERR" "2:credscore: serve: --token-file $TMP/token: its group or others may use it (mode 644); chmod 600 it" \
   "a token file others may read: refused, exit 2"
chmod 600 "$TMP/token"
run "$CREDSCORE" serve --listen 0.0.0.0:0
is "$STATUS:$ERR" "2:credscore: serve: --listen 0.0.0.0:0 is not a loopback address: give --token-file so that only clients with the token are served" \
   "a non-loopback address without --token-file: refused, exit 2"
run "$CREDSCORE" serve --listen nowhere:80
is "$STATUS" 2 "a malformed --listen: exit 2"
like "$ERR" "--listen 'nowhere:80': 'nowhere' is not a numeric IPv4 or IPv6 address" "... saying why"

# libmicrohttpd is opened when the server starts (mhd_lib.h), not linked:
# a broken copy first on the library path is refused with a message.
mkdir -p "$TMP/badlib"
echo "not a shared object" > "$TMP/badlib/libmicrohttpd.so.12"
run env LD_LIBRARY_PATH="$TMP/badlib" "$CREDSCORE" serve --listen 127.0.0.1:0
is "$STATUS" 2 "libmicrohttpd that does not load: exit 2"
like "$ERR" "^credscore: serve: the server needs libmicrohttpd \\(Debian package libmicrohttpd12\\): $TMP/badlib/libmicrohttpd.so.12: " \
     "... naming the library, its package and the loader's reason"
run objdump -p "$BUILD/credscore"
unlike "$OUT" "NEEDED +libmicrohttpd" "the executable does not link libmicrohttpd (every other command starts without it)"

serve_start -j 1 --token-file "$TMP/token"
ok $? "a server with --token-file starts"
http GET /v1/markers
is "$CODE:$(jqr "$OUT" .error)" "401:unauthorized" "no token: 401"
like "$HDRS" "WWW-Authenticate: Bearer" "... with WWW-Authenticate: Bearer"
http GET /v1/markers -H 'Authorization: Bearer s3cret-token-0123456789abcdeX'
is "$CODE" 401 "a wrong token (last byte): 401"
http GET /v1/markers -H 'Authorization: Bearer s3cret-token-0123456789abcdef0'
is "$CODE" 401 "a longer token: 401"
http GET /nowhere
is "$CODE" 401 "no token, unknown path: 401 (routes are not disclosed)"
http GET /v1/markers -H 'Authorization: Bearer s3cret-token-0123456789abcdef'
is "$CODE" 200 "the token: 200"
like "$(jqr "$OUT" '[.markers[].name] | join(",")')" "^anonymous,vague," "... GET /v1/markers lists the markers"
http GET /healthz
is "$CODE:$(jqr "$OUT" 'keys | join(",")')" "200:status" "/healthz without the token: 200, the status only"
http GET /healthz -H 'Authorization: Bearer s3cret-token-0123456789abcdef'
is "$(jqr "$OUT" '.generation')" 1 "/healthz with the token: the details"
serve_stop
is "$STATUS" 0 "the token server stops with 0"

# ---- profiles, /v1/rules, /v1/config (a configuration with two desks) ----
NR=$ROOT/examples/newsroom
story=$(ls "$NR"/stories/* | head -n 1)
serve_start -j 1 -c "$NR/credscore.yaml"
ok $? "a server with the newsroom configuration starts"
http GET /v1/rules
"$CREDSCORE" rules -f json -c "$NR/credscore.yaml" > "$TMP/want.rules"
is "$CODE:$OUT" "200:$(cat "$TMP/want.rules")" "GET /v1/rules: what rules -f json prints"
http GET '/v1/config?profile=wire'
"$CREDSCORE" config -c "$NR/credscore.yaml" --profile wire | sed 1d > "$TMP/want.config"
is "$(jqr "$OUT" .yaml)" "$(cat "$TMP/want.config")" "GET /v1/config?profile=wire: the YAML config --profile wire prints"
is "$(jqr "$OUT" '"\(.profile) \(.profiles | join(",")) \(.generation)"')" "wire investigations,wire 1" \
   "... naming the profile, the profiles and the generation"
for p in wire investigations; do
    jq -Rs --arg id "$story" --arg p "$p" '{id: $id, text: ., profile: $p}' < "$story" > "$TMP/body.json"
    curl -sS -o "$TMP/got.json" -H 'Content-Type: application/json' \
        --data-binary @"$TMP/body.json" "http://$ADDR/v1/score"
    "$CREDSCORE" score -f json -c "$NR/credscore.yaml" --profile $p "$story" > "$TMP/want.json"
    cmp -s "$TMP/got.json" "$TMP/want.json"
    ok $? "\"profile\": \"$p\": what score --profile $p prints"
done
is "$(jq -r .articles[0].score < "$TMP/got.json")" "$(jq -r .articles[0].score < "$TMP/want.json")" \
   "... (the score too)"
http POST /v1/score -H 'Content-Type: application/json' --data-binary '{"text":"a","profile":"sports"}'
is "$CODE:$(jqr "$OUT" .message)" "400:unknown profile 'sports' (profiles: investigations, wire)" \
   "an unknown profile: 400 listing the profiles"
serve_stop
is "$STATUS" 0 "the newsroom server stops with 0"

done_testing
