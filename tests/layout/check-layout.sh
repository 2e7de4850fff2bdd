#!/bin/sh
# check-layout.sh - the structure of the host program, as TAP (make check-layout).
#
#   sh tests/layout/check-layout.sh [-r ROOT] [-o OBJDIR]
#
# 1. No #include cycle among the host's files (host/src,
#    host/include/credscore): every `#include "Y.h"` line of a file F is
#    an edge F -> Y.h; a header that ends up including itself is a loop
#    (its include guard only hides it).
# 2. No link cycle among the host's modules, from their objects (OBJDIR,
#    default ROOT/$BUILD/obj, BUILD defaulting to build): X -> Y when X.o
#    uses a symbol Y.o defines (nm).  This is the cycle #include lines
#    cannot show, as a header may declare what another file defines
#    (document.c once called the format loaders, which call back into it;
#    report.c and report_github.c each used the other).  Skipped when
#    there are no objects yet.
# 2b. Stage order: host/src has one folder per stage, in the order of
#    STAGES below; a file may include headers of its own stage and of the
#    stages before it, never of a later one (util never reaches into cli).
#    Files directly in host/src (no stage) are reported.
# 3. Sizes: a product .c file (host/src, plugins) over MAX_C lines, a
#    command (host/src/cli/cmd_*.c) over MAX_CMD lines fails, named with
#    its size.
#
# Exit status: 0 when every test passes, else 1.

# The stage folders of host/src, each allowed to use only those before it.
STAGES="util config input merge score parallel report gate session serve cli"
MAX_C=800
MAX_CMD=250

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OBJDIR=
while getopts r:o: opt; do
    case $opt in
    r) ROOT=$OPTARG ;;
    o) OBJDIR=$OPTARG ;;
    *) echo "usage: $0 [-r ROOT] [-o OBJDIR]" >&2; exit 2 ;;
    esac
done
if [ -z "$OBJDIR" ]; then
    b=${BUILD:-build}
    case $b in /*) OBJDIR=$b/obj ;; *) OBJDIR=$ROOT/$b/obj ;; esac
fi
cd "$ROOT" || exit 2

TMP=$(mktemp -d "${TMPDIR:-/tmp}/check-layout.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
n=0
failed=0

report() { # status name [diagnostic lines, when failing]
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
        failed=$((failed + 1))
        echo "not ok $n - $2"
        printf '%s\n' "$3" | sed 's/^/#   /'
    fi
}

# cycles FILE: the loops of the edge list FILE ("from to" lines), one
# "tsort: ..." line per module in a loop; status 1 when there is one.
cycles() {
    tsort "$1" 2>&1 >/dev/null | grep -v 'input contains a loop' | sed 's/^tsort: //'
    tsort "$1" >/dev/null 2>&1
}

# 1. #include cycles
for f in host/src/*.c host/src/*.h host/src/*/*.c host/src/*/*.h host/include/credscore/*.h; do
    [ -f "$f" ] || continue
    from=$(basename "$f")
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
    while read -r inc; do
        echo "$from $(basename "$inc")"
    done
done | sort -u > "$TMP/includes"
if loop=$(cycles "$TMP/includes"); then
    report 0 "no #include cycle among host files ($(wc -l < "$TMP/includes") edges)"
else
    report 1 "no #include cycle among host files" "files in a loop (each includes the next):
$loop"
fi

# 2. link cycles
# Only the objects of today's sources (a deleted file's object may linger).
set --
for o in "$OBJDIR"/*.o "$OBJDIR"/*/*.o; do
    [ -f "$o" ] || continue
    rel=${o#"$OBJDIR"/}
    [ -f "host/src/${rel%.o}.c" ] && set -- "$@" "$o"
done
if [ $# -eq 0 ]; then
    echo "ok $((n = n + 1)) # skip no objects in $OBJDIR (build first)"
elif ! command -v nm >/dev/null 2>&1; then
    echo "ok $((n = n + 1)) # skip nm not found"
else
    for o in "$@"; do
        m=$(basename "$o" .o)
        nm -g --defined-only "$o" | awk -v m="$m" 'NF == 3 { print "D", $3, m }'
        nm -u "$o" | awk -v m="$m" '{ print "U", $NF, m }'
    done | awk '$1 == "D" { def[$2] = $3; next }
                { use[NR] = $3 " " $2 }
                END { for (i in use) { split(use[i], u, " ");
                        if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]] } }' |
        sort -u > "$TMP/links"
    if loop=$(cycles "$TMP/links"); then
        report 0 "no link cycle among host objects ($(wc -l < "$TMP/links") edges)"
    else
        report 1 "no link cycle among host objects" \
            "objects in a loop (each uses a symbol of the next):
$loop"
    fi
fi

# 2b. stage order
stage_rank() { # folder -> its index in STAGES, or nothing
    i=0
    for s in $STAGES; do [ "$s" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done
}
: > "$TMP/stage-bad"
for f in host/src/*.c host/src/*.h; do
    [ -f "$f" ] && echo "$f: not in a stage folder ($STAGES)" >> "$TMP/stage-bad"
done
for d in host/src/*/; do
    [ -d "$d" ] || continue
    d=${d%/}; d=${d#host/src/}
    [ -n "$(stage_rank "$d")" ] || echo "host/src/$d/: not a stage ($STAGES)" >> "$TMP/stage-bad"
done
for f in host/src/*/*.c host/src/*/*.h; do
    [ -f "$f" ] || continue
    rel=${f#host/src/}; dir=${rel%%/*}; mine=$(stage_rank "$dir")
    [ -n "$mine" ] || continue
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
    while read -r inc; do
        for t in host/src/*/"$(basename "$inc")"; do
            [ -f "$t" ] || continue
            tdir=${t#host/src/}; tdir=${tdir%%/*}; theirs=$(stage_rank "$tdir")
            [ -n "$theirs" ] && [ "$theirs" -gt "$mine" ] &&
                echo "$f ($dir) includes $tdir/$(basename "$inc"), a later stage"
        done
    done >> "$TMP/stage-bad"
done
if [ ! -s "$TMP/stage-bad" ]; then
    report 0 "every host file in a stage folder, including only its own and earlier stages"
else
    report 1 "every host file in a stage folder, including only its own and earlier stages" \
        "$(cat "$TMP/stage-bad")"
fi

# 3. sizes
over=0
for f in host/src/*.c host/src/*/*.c plugins/*/*.c plugins/*/*/*.c; do
    [ -f "$f" ] || continue
    case $f in host/src/cmd_*.c|host/src/*/cmd_*.c) max=$MAX_CMD ;; *) max=$MAX_C ;; esac
    lines=$(wc -l < "$f")
    [ "$lines" -gt "$max" ] || continue
    over=$((over + 1))
    report 1 "$f within $max lines" "$f: $lines lines, over $max"
done
[ "$over" -gt 0 ] || report 0 "every product .c file within $MAX_C lines, every command within $MAX_CMD"

echo "1..$n"
[ "$failed" -eq 0 ]
