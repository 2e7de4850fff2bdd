#!/bin/sh
# Golden reports: the text and JSON report of every example article must
# match tests/golden/ byte for byte.  After an intended change, regenerate
# them with `make golden` and review the diff.
. "$(dirname "$0")/lib.sh"

cd "$ROOT"
G=tests/golden
for a in examples/articles/*; do
    name=$(basename "$a")
    for fmt in text json; do
        want=$G/$name.$fmt
        got=$TMP/$name.$fmt
        "$CREDSCORE" score --no-config --no-exit -f $fmt "$a" > "$got" 2> "$TMP/err"
        status=$?
        if [ -n "${UPDATE_GOLDEN:-}" ]; then
            cp "$got" "$want"
        fi
        is "$status" 0 "$name ($fmt) scores"
        if cmp -s "$got" "$want"; then
            ok 0 "$name ($fmt) matches $want"
        else
            ok 1 "$name ($fmt) matches $want"
            diff -u "$want" "$got" | head -40 | sed 's/^/# /'
        fi
    done
done

done_testing
