#!/bin/sh
# run.sh - run the libFuzzer targets (make fuzz, make fuzz-regress; tests/fuzz/README.md).
#
#   sh tests/fuzz/run.sh fuzz      each target in turn for FUZZ_SECONDS on a
#                                  scratch corpus FUZZ_BUILD/corpus/<target>
#                                  (seeded from tests/fuzz/seeds/<target>, kept
#                                  between runs); crashes land in
#                                  FUZZ_BUILD/artifacts/<target>/, the log in
#                                  FUZZ_BUILD/logs/<target>.log
#   sh tests/fuzz/run.sh regress   each target once over its seeds and
#                                  tests/fuzz/regressions/<target>/* (no fuzzing)
#
# From the repository root, with the targets built (FUZZ_BUILD/fuzz_<target>).
# Environment: FUZZ_BUILD, FUZZ_TARGETS (names, space separated),
# FUZZ_SECONDS, FUZZ_ARGS (libFuzzer options), as the Makefile passes them.
# Exit status 1 at the first target that fails, 2 on a usage error.  The
# repository is never written.

: "${FUZZ_BUILD:?FUZZ_BUILD not set}" "${FUZZ_TARGETS:?FUZZ_TARGETS not set}"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_ARGS=${FUZZ_ARGS:-}

fuzz() {
    for t in $FUZZ_TARGETS; do
        corpus=$FUZZ_BUILD/corpus/$t; art=$FUZZ_BUILD/artifacts/$t
        log=$FUZZ_BUILD/logs/$t.log; dict=tests/fuzz/dicts/$t.dict
        mkdir -p "$corpus" "$art" "$FUZZ_BUILD/logs"
        cp tests/fuzz/seeds/"$t"/* "$corpus"/
        echo "fuzz: $t for $FUZZ_SECONDS s (log: $log)"
        # FUZZ_ARGS and the dictionary option are split into words on purpose.
        # shellcheck disable=SC2046,SC2086
        "$FUZZ_BUILD/fuzz_$t" $FUZZ_ARGS -max_total_time="$FUZZ_SECONDS" \
            -print_final_stats=1 -artifact_prefix="$art/" \
            $([ -f "$dict" ] && echo "-dict=$dict") "$corpus" > "$log" 2>&1
        status=$?
        grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $t: /"
        grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n 1 |
            sed "s/^/fuzz: $t: /"
        echo "fuzz: $t: $(ls "$corpus" | wc -l) files in $corpus"
        if [ $status -ne 0 ]; then
            echo "fuzz: $t: FAILED (status $status), see $log and $art/"
            tail -n 40 "$log"
            return 1
        fi
    done
}

regress() {
    for t in $FUZZ_TARGETS; do
        files=$(find "tests/fuzz/seeds/$t" "tests/fuzz/regressions/$t" -type f 2>/dev/null | sort)
        log=$FUZZ_BUILD/logs/$t-regress.log
        mkdir -p "$FUZZ_BUILD/logs"
        # shellcheck disable=SC2086
        if "$FUZZ_BUILD/fuzz_$t" $FUZZ_ARGS $files > "$log" 2>&1; then
            echo "fuzz-regress: $t: $(echo $files | wc -w) inputs ok"
        else
            echo "fuzz-regress: $t: FAILED, see $log"
            tail -n 40 "$log"
            return 1
        fi
    done
}

case ${1:-} in
fuzz) fuzz ;;
regress) regress ;;
*) echo "usage: $0 fuzz|regress" >&2; exit 2 ;;
esac
