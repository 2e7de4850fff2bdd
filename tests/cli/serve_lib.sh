# serve_lib.sh - start, call and stop `credscore serve` in a CLI test
# (sourced after lib.sh by tests/cli/7x-serve*.t).
#
#   serve_start ARGS...   starts the server on an ephemeral loopback port
#                         (--listen 127.0.0.1:0 --port-file), waits until
#                         it listens; sets ADDR (host:port) and SERVE_PID;
#                         its stderr goes to $TMP/serve.err.  Status 1 when
#                         it exits or does not listen in time.
#   serve_stop [SIG]      sends SIGTERM (or SIG), waits; STATUS is its exit
#                         status.
#   http METHOD PATH [CURL ARGS...]
#                         one request: OUT is the body, CODE the status,
#                         HDRS the response headers ($TMP/.hdrs).
#   wait_for CMD...       runs CMD every 0.2 s until it succeeds (at most
#                         SERVE_WAIT seconds); status 0 when it did.
#
# The server is killed when the test exits, whatever happens.  Under
# VALGRIND=1 it runs under memcheck: readiness is waited for through the
# port file (up to SERVE_WAIT seconds, longer under valgrind), never a
# fixed sleep.

SERVE_PID=
SERVE_WAIT=${SERVE_WAIT:-60}
[ -z "${VALGRIND:-}" ] || SERVE_WAIT=$((SERVE_WAIT * 5))
trap '[ -z "$SERVE_PID" ] || kill -KILL "$SERVE_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

wait_for() {
    _w=$((SERVE_WAIT * 5))
    while [ "$_w" -gt 0 ]; do
        "$@" && return 0
        sleep 0.2
        _w=$((_w - 1))
    done
    return 1
}

serve_start() {
    rm -f "$TMP/port"
    "$CREDSCORE" serve --listen 127.0.0.1:0 --port-file "$TMP/port" "$@" 2>"$TMP/serve.err" &
    SERVE_PID=$!
    _t=$((SERVE_WAIT * 10))
    while [ ! -s "$TMP/port" ]; do
        if ! kill -0 "$SERVE_PID" 2>/dev/null || [ "$_t" -le 0 ]; then
            wait "$SERVE_PID" 2>/dev/null
            SERVE_PID=
            return 1
        fi
        sleep 0.1
        _t=$((_t - 1))
    done
    ADDR=$(cat "$TMP/port")
    return 0
}

serve_stop() {
    if [ -z "$SERVE_PID" ]; then STATUS=255; return; fi
    kill -"${1:-TERM}" "$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID"
    STATUS=$?
    SERVE_PID=
}

http() {
    _m=$1 _p=$2
    shift 2
    OUT=$(curl -sS -X "$_m" -o - -D "$TMP/.hdrs" -w '\n%{http_code}' --max-time "$SERVE_WAIT" \
          "$@" "http://$ADDR$_p" 2>"$TMP/.curlerr")
    CODE=$(printf '%s' "$OUT" | tail -n 1)
    OUT=$(printf '%s' "$OUT" | sed '$d')
    HDRS=$(tr -d '\r' < "$TMP/.hdrs" 2>/dev/null)
}

# The JSON body {"id": ID, "text": FILE's bytes} of POST /v1/score.
score_body() { # file id
    jq -Rs --arg id "$2" '{id: $id, text: .}' < "$1"
}
