#!/bin/sh
# check-layout.sh fails on what it is there to catch: an #include cycle, a
# link cycle, an include of a later stage, a file over its size limit,
# each planted in a scratch tree.
. "$(dirname "$0")/../cli/lib.sh"

# The check's TAP output, each line behind "| " (so that it cannot pass
# for this file's own TAP); its exit status.
CHECK=check
check() {
    sh "$ROOT/tests/layout/check-layout.sh" "$@" > "$TMP/check.out"
    _s=$?
    sed 's/^/| /' "$TMP/check.out"
    return $_s
}

# A copy of the host sources, no objects: passes as the tree does.
T=$TMP/tree
mkdir -p "$T/host" "$T/host/include/credscore" "$TMP/noobj"
cp -R "$ROOT"/host/src "$T/host/src"
cp "$ROOT"/host/include/credscore/*.h "$T/host/include/credscore/"
run $CHECK -r "$T" -o "$TMP/noobj"
is "$STATUS" 0 "the copied tree passes"
like "$OUT" '^\| ok 1 - no #include cycle among host files' "its include graph has no cycle"
like "$OUT" '^\| ok 2 # skip no objects' "no objects: the link check is skipped"

# document.h including report.h (which includes document.h): a cycle.
echo '#include "report.h"' >> "$T/host/src/input/document.h"
run $CHECK -r "$T" -o "$TMP/noobj"
is "$STATUS" 1 "a planted #include cycle fails the check"
like "$OUT" '^\| not ok 1 - no #include cycle among host files' "the include test fails"
like "$OUT" '^\| #   document\.h$' "the loop names document"
like "$OUT" '^\| #   report\.h$' "the loop names report"

# A stage reaching forward: util/buf.h including cli.h, and a file left
# directly in host/src.
P=$TMP/stages
mkdir -p "$P/host" "$P/host/include/credscore"
cp -R "$ROOT"/host/src "$P/host/src"
echo '#include "cli.h"' >> "$P/host/src/util/buf.h"
echo 'int stray(void);' > "$P/host/src/stray.h"
run $CHECK -r "$P" -o "$TMP/noobj"
is "$STATUS" 1 "an include of a later stage fails the check"
like "$OUT" '^\| not ok 3 - every host file in a stage folder' "the stage test fails"
like "$OUT" '^\| #   host/src/util/buf\.h \(util\) includes cli/cli\.h, a later stage$' "it names the file and the stage it reached"
like "$OUT" '^\| #   host/src/stray\.h: not in a stage folder' "a file outside the stage folders is named"

# Two objects calling each other: a link cycle no #include line shows.
L=$TMP/link
mkdir -p "$L/host/src/util" "$L/host/src/config" "$L/obj/util" "$L/obj/config"
printf 'int beta(int);\nint alpha(int x) { return x ? beta(x - 1) : 0; }\n' > "$L/host/src/util/alpha.c"
printf 'int alpha(int);\nint beta(int x) { return x ? alpha(x - 1) : 1; }\n' > "$L/host/src/config/beta.c"
printf 'int gamma_(void) { return 2; }\n' > "$L/host/src/util/gamma.c"
for m in util/alpha config/beta util/gamma; do
    ${CC:-cc} -c -o "$L/obj/$m.o" "$L/host/src/$m.c" || echo "cc failed for $m.c"
done
run $CHECK -r "$L" -o "$L/obj"
is "$STATUS" 1 "a planted link cycle fails the check"
like "$OUT" '^\| not ok 2 - no link cycle among host objects' "the link test fails"
like "$OUT" '^\| #   alpha$' "the loop names alpha"
like "$OUT" '^\| #   beta$' "the loop names beta"
rm "$L/host/src/config/beta.c"
run $CHECK -r "$L" -o "$L/obj"
is "$STATUS" 0 "a stale object (its source gone) is left out: no link cycle"

# Sizes: a command over 250 lines and config.c over 800 fail, each named
# with its size; files at their limit pass.
S=$TMP/size
mkdir -p "$S/host/src/cli" "$S/host/src/config"
i=0; while [ $i -lt 251 ]; do echo "/* $i */"; i=$((i + 1)); done > "$S/host/src/cli/cmd_new.c"
head -n 250 "$S/host/src/cli/cmd_new.c" > "$S/host/src/cli/cmd_small.c"
i=0; while [ $i -lt 801 ]; do echo "/* $i */"; i=$((i + 1)); done > "$S/host/src/config/config.c"
head -n 800 "$S/host/src/config/config.c" > "$S/host/src/config/scorer.c"
run $CHECK -r "$S" -o "$TMP/noobj"
is "$STATUS" 1 "files over their limit fail the check"
like "$OUT" '^\| not ok [0-9]+ - host/src/cli/cmd_new\.c within 250 lines$' "the command fails"
like "$OUT" '^\| #   host/src/cli/cmd_new\.c: 251 lines, over 250$' "with its size"
like "$OUT" '^\| not ok [0-9]+ - host/src/config/config\.c within 800 lines$' "config.c fails"
like "$OUT" '^\| #   host/src/config/config\.c: 801 lines, over 800$' "with its size"
unlike "$OUT" 'cmd_small|scorer' "files at their limit are not listed"
rm "$S/host/src/cli/cmd_new.c" "$S/host/src/config/config.c"
run $CHECK -r "$S" -o "$TMP/noobj"
is "$STATUS" 0 "files within their limits pass"
like "$OUT" '^\| ok [0-9]+ - every product \.c file within 800 lines, every command within 250$' "and say so"

done_testing
