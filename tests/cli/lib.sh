# lib.sh - TAP helpers for the CLI tests (sourced by tests/cli/*.t).
#
#   run CMD...         runs CMD, keeps $OUT (stdout), $ERR (stderr), $STATUS
#   is GOT WANT NAME   string equality
#   like GOT REGEX NAME  extended-regex match (grep -E)
#   unlike GOT REGEX NAME
#   ok CONDITION-STATUS NAME   pass when the previous command's status is 0
#   done_testing       prints the plan; exits non-zero when a test failed

set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
CREDSCORE=$BUILD/credscore
TMP=$(mktemp -d "${TMPDIR:-/tmp}/credscore-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
if [ -n "${VALGRIND:-}" ]; then
    # Every credscore run of the test goes through memcheck; an error or a
    # definite leak turns into exit status 99, which the tests then catch.
    cat > "$TMP/credscore" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --track-fds=no "$BUILD/credscore" "\$@"
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
        for line in "$@"; do printf '#   %s\n' "$line"; done
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

done_testing() {
    echo "1..$_n"
    [ "$_failed" -eq 0 ]
    exit $?
}
