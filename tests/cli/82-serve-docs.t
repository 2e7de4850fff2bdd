#!/bin/sh
# The documentation of `credscore serve` holds: the shell examples of the
# README's "Run as a service" run as written (a server started for each
# `credscore serve` line, every curl against it succeeding, -f: no HTTP
# error), the systemd unit's ExecStart starts a server, the man page
# renders and names every option of `serve --help`, and docs/api.md lists
# every route of the route table and every error the server answers.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
DOC=$ROOT/docs/api.md

# ---- README "Run as a service": its sh blocks, run as one script ----
# `credscore` on PATH, as the README has it.
mkdir -p "$TMP/bin" "$TMP/examples"
ln -s "$CREDSCORE" "$TMP/bin/credscore"
cp -R "$ROOT/examples/newsroom" "$TMP/examples/"
awk '/^## Run as a service$/ { in_sec = 1; next }
     in_sec && /^## / { exit }
     in_sec && /^```sh$/ { in_blk = 1; next }
     in_blk && /^```$/ { in_blk = 0; next }
     in_blk { print }' "$ROOT/README.md" > "$TMP/readme.sh"
servers=$(grep -c '^credscore serve ' "$TMP/readme.sh")
curls=$(grep -c 'curl -fsS ' "$TMP/readme.sh")
ok "$([ "$servers" -ge 2 ] && [ "$curls" -ge 9 ]; echo $?)" \
   "the README's service section has $servers servers and $curls curl calls to run"
for route in /v1/score /v1/score/stream /v1/rules /v1/markers /v1/config /healthz /metrics; do
    grep -q "curl -fsS .*http://127\.0\.0\.1:8080$route[?' ]" "$TMP/readme.sh" ||
        grep -q "^ *'\{0,1\}http://127\.0\.0\.1:8080$route[?' ]" "$TMP/readme.sh" ||
        grep -q "curl -fsS .*http://127\.0\.0\.1:8080$route\$" "$TMP/readme.sh"
    ok $? "the README calls $route"
done
# Each `credscore serve` line starts a server on an ephemeral port (the
# last --listen wins) in place of the one before; the URLs point to it.
cat > "$TMP/run-readme.sh" <<'EOF'
set -e
SERVE_PID=
serve_down() {
    [ -n "$SERVE_PID" ] || return 0
    kill -TERM "$SERVE_PID"
    wait "$SERVE_PID" || { echo "the server exited $?" >&2; return 1; }
    SERVE_PID=
}
serve_up() {
    serve_down
    rm -f "$PORTS/port"
    "$@" --listen 127.0.0.1:0 --port-file "$PORTS/port" 2>> "$PORTS/serve.err" &
    SERVE_PID=$!
    t=0
    while [ ! -s "$PORTS/port" ]; do
        kill -0 "$SERVE_PID" 2>/dev/null || { echo "did not start: $*" >&2; exit 1; }
        t=$((t + 1)); [ "$t" -lt "$WAIT" ] || { echo "no port after $WAIT tries: $*" >&2; exit 1; }
        sleep 0.1
    done
    ADDR=$(cat "$PORTS/port")
}
trap '[ -z "$SERVE_PID" ] || kill -KILL "$SERVE_PID" 2>/dev/null' EXIT
EOF
# (a URL in single quotes goes in double quotes, so that $ADDR expands)
sed -e 's|^credscore serve |serve_up credscore serve |' \
    -e "s|'http://127\\.0\\.0\\.1:8080\\([^']*\\)'|\"http://\$ADDR\\1\"|g" \
    -e 's|http://127\.0\.0\.1:8080|http://$ADDR|g' "$TMP/readme.sh" >> "$TMP/run-readme.sh"
echo 'serve_down' >> "$TMP/run-readme.sh"
(cd "$TMP" && PATH=$TMP/bin:$PATH PORTS=$TMP WAIT=$((SERVE_WAIT * 10)) sh "$TMP/run-readme.sh") \
    > "$TMP/readme.out" 2> "$TMP/readme.err"
st=$?
is "$st" 0 "the README's service examples run (every curl answered 2xx, the servers exit 0)"
[ "$st" = 0 ] || sed 's/^/# /' "$TMP/readme.err" | tail -n 20
like "$(head -c 300 "$TMP/examples/newsroom/ferry-talks.html")" "<!DOCTYPE html>" \
     "... ?format=html wrote an HTML report"
like "$(cat "$TMP/readme.out")" '"path": "stories/ferry-talks.md"' "... the JSON body's id names the article"
like "$(cat "$TMP/readme.out")" 'credscore_http_requests_total\{route="/v1/score",status="200"\} 3' \
     "... /metrics counted the three /v1/score calls"
like "$(cat "$TMP/serve.err")" "serving on http://127\\.0\\.0\\.1:[0-9]+ \\(2 workers, configuration credscore\\.yaml\\)" \
     "... the server says what the README says it prints"

# ---- the systemd unit's ExecStart ----
UNIT=$ROOT/examples/systemd/credscore.service
exec_start=$(sed -n 's/^ExecStart=//p' "$UNIT")
like "$exec_start" "^/usr/local/bin/credscore serve -c /etc/credscore/credscore.yaml --listen 127\\.0\\.0\\.1:8080\$" \
     "the unit runs credscore serve on loopback with /etc/credscore/credscore.yaml"
grep -q '^ExecReload=/bin/kill -HUP \$MAINPID$' "$UNIT"
ok $? "the unit reloads with SIGHUP"
stop=$(sed -n 's/^TimeoutStopSec=//p' "$UNIT")
ok "$([ "$stop" -ge 65 ]; echo $?)" "TimeoutStopSec=$stop leaves the drain its 65 s (--read-timeout + --timeout + 5)"
mkdir -p "$TMP/etc"
cp -R "$ROOT/examples/credscore.yaml" "$ROOT/examples/rules" "$TMP/etc/"
set -- $(printf '%s\n' "$exec_start" | sed -e "s|^/usr/local/bin/credscore serve ||" \
                                            -e "s|/etc/credscore/|$TMP/etc/|g")
if serve_start "$@"; then
    ok 0 "the unit's ExecStart starts a server"
    http GET /healthz
    is "$CODE:$(jqr "$OUT" .status)" "200:ok" "... which answers /healthz"
    serve_stop
    is "$STATUS" 0 "... and exits 0 on SIGTERM (systemctl stop)"
else
    ok 1 "the unit's ExecStart starts a server"
    sed 's/^/# /' "$TMP/serve.err"
fi

# ---- the man page ----
MAN=$ROOT/docs/credscore.1
if command -v groff >/dev/null 2>&1; then
    is "$(groff -man -ww -z "$MAN" 2>&1)" "" "the man page renders without a warning (groff -ww)"
else
    skip_or_fail "groff is not installed"
fi
# The SERVE section, as plain text.
serve_sec=$(sed -n '/^\.SH SERVE$/,/^\.SH /p' "$MAN")
ok "$([ -n "$serve_sec" ]; echo $?)" "the man page has a SERVE section"
# Every option of serve --help is in the page; those of serve alone (not
# in credscore --help) in the SERVE section.
"$CREDSCORE" serve --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$TMP/serve-opts"
"$CREDSCORE" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$TMP/all-opts"
page=$(sed 's/\\-/-/g' "$MAN")
missing=""
for opt in $(cat "$TMP/serve-opts"); do
    printf '%s\n' "$page" | grep -q -- "$opt\\b" || missing="$missing $opt"
done
is "$missing" "" "the man page names every option of serve --help"
missing=""
for opt in $(comm -23 "$TMP/serve-opts" "$TMP/all-opts"); do
    printf '%s\n' "$serve_sec" | sed 's/\\-/-/g' | grep -q -- "$opt\\b" || missing="$missing $opt"
done
is "$missing" "" "the SERVE section names every option only serve has"
for route in /v1/score /v1/score/stream /v1/rules /v1/markers /v1/config /healthz /metrics; do
    printf '%s\n' "$serve_sec" | grep -q -- "$route\\b"
    ok $? "the SERVE section names $route"
done
grep -Eq '^\.B serve( |$)' "$MAN"
ok $? "COMMANDS lists serve"

# ---- docs/api.md against the code ----
# Every route of the table: "| METHOD | `PATH` |" (a '*' segment is any word).
sed -n 's/^ *{"\([A-Z]*\)", "\([^"]*\)",.*/\1 \2/p' "$ROOT/host/src/serve/serve_routes.c" > "$TMP/routes"
ok "$([ "$(wc -l < "$TMP/routes")" -ge 7 ]; echo $?)" "the route table is read ($(wc -l < "$TMP/routes") routes)"
while read -r method path; do
    re=$(printf '%s' "$path" | sed 's/\*/[A-Z]+/g')
    grep -Eq "^\\| $method \\| \`$re\` \\|" "$DOC"
    ok $? "docs/api.md lists $method $path"
done < "$TMP/routes"
# Every error the server answers: "| STATUS | `CODE` |".
{
    cat "$ROOT"/host/src/serve/*.c | tr -d '\n' |
        grep -oE 'serve_error(_begin)?\([^;]{0,40}[0-9]{3}, "[a-z_]+"' |
        sed -E 's/.*([0-9]{3}), "([a-z_]+)"/\1 \2/'
    # the worker's account (serve_error_worker) and the 408 written raw
    grep -q 'timed_out ? 503 : 500, timed_out ? "timeout" : "worker_crashed"' \
        "$ROOT/host/src/serve/serve_error.c" && printf '503 timeout\n500 worker_crashed\n'
    grep -q 'HTTP/1.1 408' "$ROOT/host/src/serve/serve_expire.c" &&
        grep -q 'error\\":\\"request_timeout' "$ROOT/host/src/serve/serve_expire.c" &&
        echo "408 request_timeout"
} | sort -u > "$TMP/errors"
ok "$([ "$(wc -l < "$TMP/errors")" -ge 15 ]; echo $?)" "the errors are read ($(wc -l < "$TMP/errors") status and code pairs)"
while read -r status code; do
    grep -Eq "^\\| $status \\| \`$code\` \\|" "$DOC"
    ok $? "docs/api.md lists $status $code"
done < "$TMP/errors"

done_testing
