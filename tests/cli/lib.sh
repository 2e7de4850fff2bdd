# lib.sh - TAP helpers for the CLI tests (sourced by tests/cli/*.t).
#
#   run CMD...         runs CMD, keeps $OUT (stdout), $ERR (stderr), $STATUS
#   is GOT WANT NAME   string equality
#   like GOT REGEX NAME  extended-regex match (grep -E)
#   unlike GOT REGEX NAME
#   ok CONDITION-STATUS NAME   pass when the previous command's status is 0
#   skip_or_fail REASON [N]    N skipped tests (default 1) because a test
#                      dependency is missing; under CI=true N failing tests
#   skip_all_or_fail REASON    the same for the whole file (exits)
#   done_testing       prints the plan; exits non-zero when a test failed
#
# Under VALGRIND=1 every credscore run (also those whose status a test does
# not look at, in a pipe or in the background, and forked workers) goes
# through memcheck with its report in $TMP/.valgrind/PID.log; done_testing
# adds one test that fails when any report names an error or a definite leak.

set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
CREDSCORE=$BUILD/credscore
TMP=$(mktemp -d "${TMPDIR:-/tmp}/credscore-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
if [ -n "${VALGRIND:-}" ]; then
    # Every credscore run of the test goes through memcheck; an error or a
    # definite leak turns into exit status 99, which the tests then catch, and
    # its report goes to a file of its own, which done_testing checks.
    mkdir "$TMP/.valgrind"
    cat > "$TMP/credscore" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --track-fds=no \\
    --log-file="$TMP/.valgrind/%p.log" "$BUILD/credscore" "\$@"
WRAP
    chmod +x "$TMP/credscore"
    CREDSCORE=$TMP/credscore
fi
FIX=$ROOT/tests/fixtures
export NO_COLOR=1
unset CREDSCORE_RULES_DIR
# Configs are searched upwards from the current folder: never above $TMP, so
# a stray credscore.yaml in /tmp cannot change what the tests see.
export CREDSCORE_CONFIG_CEILING=$TMP
cd "$TMP"   # no credscore.yaml above the temp folder: built-in defaults apply

_n=0
_failed=0

run() {
    OUT=$("$@" 2>"$TMP/.stderr")
    STATUS=$?
    ERR=$(cat "$TMP/.stderr")
}

_report() { # status name [diagnostics...]
    _n=$((_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $_n - $2"
    else
        _failed=$((_failed + 1))
        echo "not ok $_n - $2"
        shift 2
        # diagnostics on stderr: prove shows them without -v too (CI logs)
        for line in "$@"; do printf '#   %s\n' "$line" >&2; done
    fi
}

is() {
    if [ "$1" = "$2" ]; then _report 0 "$3"; else
        _report 1 "$3" "got:      $(printf '%s' "$1" | head -c 2000)" "expected: $(printf '%s' "$2" | head -c 2000)"
    fi
}

like() {
    if printf '%s' "$1" | grep -Eq -- "$2"; then _report 0 "$3"; else
        _report 1 "$3" "got: $(printf '%s' "$1" | head -c 2000)" "wanted match: $2"
    fi
}

unlike() {
    if printf '%s' "$1" | grep -Eq -- "$2"; then
        _report 1 "$3" "got: $(printf '%s' "$1" | head -c 2000)" "wanted no match: $2"
    else _report 0 "$3"; fi
}

ok() {
    _report "$1" "$2"
}

# jq FILTER over a JSON text (jq is a test dependency: make deps installs it).
jqr() { printf '%s' "$1" | jq -r "$2"; }

# Score ARTICLE with CONFIG (no plugins, a JSON report) and set SPANS to its
# findings' places, one '"passage":P,"start":S,"end":E' a line ($STATUS and
# $OUT as after run).
score_spans() { # config article
    run "$CREDSCORE" score --no-plugins -c "$1" -f json --no-exit "$2"
    SPANS=$(printf '%s' "$OUT" | tr -d ' \n' | grep -o '"passage":[0-9]*,"start":[0-9]*,"end":[0-9]*')
}

# A test dependency is missing: a skip on a developer's machine, a failure
# under CI (CI=true), where `make deps DEPS_FOR=test` installs everything.
skip_or_fail() { # reason [count]
    _k=${2:-1}
    while [ "$_k" -gt 0 ]; do
        if [ "${CI:-}" = true ]; then
            _report 1 "$1 (CI=true: a missing test dependency fails the run; make deps DEPS_FOR=test installs it)"
        else
            _n=$((_n + 1))
            echo "ok $_n # skip $1"
        fi
        _k=$((_k - 1))
    done
}

skip_all_or_fail() { # reason
    if [ "${CI:-}" = true ]; then
        echo "1..1"
        echo "not ok 1 - $1 (CI=true: a missing test dependency fails the run; make deps DEPS_FOR=test installs it)"
        exit 1
    fi
    echo "1..0 # SKIP $1"
    exit 0
}

# Under VALGRIND=1: one test, failing when any credscore run's memcheck
# report names an error or a leak (its status may not have been checked).
# Not counted: warnings, the end of a run stopped by a test's SIGHUP, SIGINT,
# SIGPIPE or SIGTERM, a report whose first frame is in one of the test
# plugins (tests/plugins/: "crashnow" dereferences NULL on purpose), and an
# uninitialised-value report whose every frame is code of no known object
# (PCRE2's JIT-compiled code: Debian's libpcre2 is built without
# --enable-valgrind, so its JIT stack is never annotated), and a leak whose
# every frame is libmicrohttpd's own thread (memory the library allocates
# and keeps in its threads, seen now and then when the server stops while
# a connection thread is still ending; none of it is credscore's).
_valgrind_errors() { # log -> the first line of each report that counts
    _tp=$(cd "$ROOT/tests/plugins" && ls | sed 's/\./\\./g' | paste -sd'|' -)
    awk -v tp="[(]($_tp):[0-9]+[)]\$" '
        { sub(/^==[0-9]+== ?/, "") }
        /^$/ { flush(); next }
        {
            if (n == 0) head = $0
            else if ($0 !~ /^ +(at|by) 0x[0-9A-F]+: \?\?\?$/) known = 1
            if (n > 0 && $0 ~ /^ +(at|by) 0x/ &&
                $0 !~ /(libmicrohttpd|vgpreload_memcheck|pthread_create\.c|clone3?\.S)/) ours = 1
            if (first == "" && $0 ~ /^ +at 0x/) first = $0
            n++
        }
        END { flush() }
        function flush() {
            if (n > 0 && head !~ /^(Warning: |Process terminating with default action of signal (1|2|13|15) )/ &&
                !(head ~ /^Conditional jump or move depends on uninitialised value/ && !known) &&
                !(head ~ /are definitely lost/ && !ours) && first !~ tp)
                print head
            n = 0; known = 0; ours = 0; first = ""
        }' "$1"
}

_valgrind_check() {
    _logs=$(find "$TMP/.valgrind" -name '*.log' -type f | sort)
    _runs=$(printf '%s\n' "$_logs" | sed '/^$/d' | wc -l | tr -d ' ')
    _bad=""
    for _log in $_logs; do
        [ -z "$(_valgrind_errors "$_log")" ] || _bad="$_bad $_log"
    done
    if [ -z "$_bad" ]; then
        _report 0 "valgrind: no memory error or leak in any of the $_runs credscore processes"
    else
        _report 1 "valgrind: no memory error or leak in any of the $_runs credscore processes" \
            "memcheck reports:$_bad"
        for _log in $_bad; do sed 's/^/#   /' "$_log" | head -40 >&2; done
    fi
}

done_testing() {
    [ -z "${VALGRIND:-}" ] || _valgrind_check
    echo "1..$_n"
    [ "$_failed" -eq 0 ]
    exit $?
}
