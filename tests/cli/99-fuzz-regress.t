#!/bin/sh
# The libFuzzer targets of tests/fuzz/ run once over their seeds and every
# saved crash reproducer (tests/fuzz/regressions/<target>/), without
# fuzzing: `make fuzz-regress`, built in build-fuzz/ with clang, ASan and
# UBSan.  Skipped when clang or its libFuzzer runtime is missing (make deps
# DEPS_FOR=test installs clang and libclang-rt-14-dev), a failure under
# CI=true; not run under valgrind (the targets carry ASan; make test-valgrind
# leaves this file out).
. "$(dirname "$0")/lib.sh"

if [ -n "${VALGRIND:-}" ]; then
    echo "1..0 # SKIP the fuzz targets run under ASan, not valgrind"
    exit 0
fi
command -v clang >/dev/null 2>&1 || skip_all_or_fail "clang is not installed (make deps DEPS_FOR=test)"
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
    > "$TMP/probe.c"
clang -fsanitize=fuzzer,address,undefined -o "$TMP/probe" "$TMP/probe.c" >/dev/null 2>&1 ||
    skip_all_or_fail "clang cannot link libFuzzer (libclang-rt-14-dev missing?)"

run make -C "$ROOT" --no-print-directory fuzz-regress FUZZ_BUILD=build-fuzz
is "$STATUS" 0 "make fuzz-regress builds the targets and runs them clean"
for t in text markdown html config jsonl phrases; do
    like "$OUT" "fuzz-regress: $t: [0-9]+ inputs ok" "fuzz_$t: seeds and regression inputs pass"
done
[ "$STATUS" -eq 0 ] || printf '%s\n' "$OUT" | tail -n 40 | sed 's/^/# /'

done_testing
