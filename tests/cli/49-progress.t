#!/bin/sh
# The progress line of long runs (progress.h): on a terminal after 2 s, on
# standard error only; never when standard error is not a terminal or the
# reports go to the terminal too, never with --quiet or --no-progress;
# always with --progress.  The terminal is
# script(1)'s pseudo-terminal; a slow writer (half the records after 3 s,
# the rest 4 s later) makes the stream last past the 2 s without any timing
# assertion.
. "$(dirname "$0")/lib.sh"

awk 'BEGIN { for (i = 0; i < 1000; i++) printf "{\"id\":\"r%d\",\"text\":\"Whispers say item %d moved. Mayor Ana Ruiz said it was fine.\"}\n", i, i }' > "$TMP/in.jsonl"
run "$CREDSCORE" score --no-config --no-exit --jsonl "$TMP/in.jsonl"
is "$STATUS" 0 "reference run: exit 0"
printf '%s\n' "$OUT" > "$TMP/want.jsonl"
is "$ERR" "" "no progress line when standard error is not a terminal"
is "$(wc -l < "$TMP/want.jsonl" | tr -d ' ')" 1000 "reference run: 1000 answers"

CS="'$CREDSCORE' score --no-config --no-exit --jsonl -"
# The records come in two halves, the second 7 s after the start: however
# long credscore takes to start (under valgrind, seconds), the second half is
# answered more than 2 s into the run, so a progress line is due then.
head -n 500 "$TMP/in.jsonl" > "$TMP/in1.jsonl"
tail -n 500 "$TMP/in.jsonl" > "$TMP/in2.jsonl"
SLOW="(sleep 3; cat '$TMP/in1.jsonl'; sleep 4; cat '$TMP/in2.jsonl')"
if command -v script > /dev/null 2>&1; then
    # Four slow runs at once: a terminal (automatic), a terminal with
    # --quiet, a terminal with --no-progress, standard error to a file.
    for v in auto quiet never; do
        case $v in
        auto) opt= ;;
        quiet) opt=--quiet ;;
        never) opt=--no-progress ;;
        esac
        script -qec "sh -c \"$SLOW | $CS $opt > '$TMP/$v.out'; echo status=\\\$? > '$TMP/$v.status'\"" \
            /dev/null < /dev/null > "$TMP/$v.tty" 2>&1 &
    done
    sh -c "$SLOW | $CS > '$TMP/pipe.out' 2> '$TMP/pipe.err'; echo status=\$? > '$TMP/pipe.status'" &
    # the reports to the terminal too: the line would cut into them
    script -qec "sh -c \"$SLOW | $CS; echo status=\\\$? > '$TMP/both.status'\"" \
        /dev/null < /dev/null > "$TMP/both.tty" 2>&1 &
    wait
    for v in auto quiet never pipe; do
        is "$(cat "$TMP/$v.status")" "status=0" "$v: exit 0"
        run cmp "$TMP/want.jsonl" "$TMP/$v.out"
        is "$STATUS" 0 "$v: standard output is byte-identical to the run without a terminal"
    done
    tty=$(tr '\r' '\n' < "$TMP/auto.tty")
    like "$tty" '^credscore: [0-9]+ articles?, [0-9]+\.[0-9]{2} MB, [0-9]+\.[0-9] MB/s' \
        "terminal, stream over 2 s: a progress line (articles, MB, MB/s)"
    like "$tty" '^credscore: 1000 articles, 0\.[0-9]{2} MB in [0-9]+\.[0-9] s \([0-9]+\.[0-9] MB/s\)' \
        "and a last line with the totals"
    unlike "$tty" '"id"' "the terminal got no report line (stdout went to the file)"
    is "$(cat "$TMP/quiet.tty")" "" "--quiet: nothing on the terminal"
    is "$(cat "$TMP/never.tty")" "" "--no-progress: nothing on the terminal"
    is "$(cat "$TMP/pipe.err")" "" "standard error not a terminal: no progress line"
    is "$(cat "$TMP/both.status")" "status=0" "reports to the terminal: exit 0"
    is "$(tr -d '\r' < "$TMP/both.tty")" "$(cat "$TMP/want.jsonl")" \
        "reports to the terminal too: the reports only, no progress line"
else
    skip_or_fail "progress on a terminal: script(1) (bsdutils) not installed" 16
fi

# --progress: shown at once, wherever standard error goes; with a file as
# input its size is known, so the line has the share done and an ETA.
run "$CREDSCORE" score --no-config --no-exit --jsonl "$TMP/in.jsonl" --progress
is "$STATUS" 0 "--progress: exit 0"
is "$OUT" "$(cat "$TMP/want.jsonl")" "--progress: standard output unchanged"
like "$(printf '%s\n' "$ERR" | head -n 1)" \
    '^credscore: [0-9]+ articles?, [0-9.]+ MB of 0\.[0-9]{2} MB \([0-9]+%\), [0-9.]+ MB/s, ETA [0-9]+ s$' \
    "--progress, input size known: share done and ETA"
like "$(printf '%s\n' "$ERR" | tail -n 1)" '^credscore: 1000 articles, 0\.[0-9]{2} MB in [0-9.]+ s \([0-9.]+ MB/s\)$' \
    "--progress: the totals last"
run "$CREDSCORE" score --no-config --no-exit --jsonl "$TMP/in.jsonl" --progress --no-progress
is "$ERR" "" "--no-progress after --progress: the last one wins"

# A folder run.
mkdir "$TMP/desk"
for i in 1 2 3; do
    printf '# Story %d\n\nWhispers say the plan moved. Mayor Ana Ruiz said it was fine.\n' "$i" > "$TMP/desk/s$i.md"
done
run "$CREDSCORE" score --no-config --no-exit -f json "$TMP/desk"
is "$STATUS" 0 "folder: exit 0"
want=$OUT
is "$ERR" "" "folder, standard error not a terminal: no progress line"
run "$CREDSCORE" score --no-config --no-exit -f json --progress "$TMP/desk"
is "$STATUS" 0 "folder --progress: exit 0"
is "$OUT" "$want" "folder --progress: the report is unchanged"
like "$(printf '%s\n' "$ERR" | head -n 1)" '^credscore: 1 article, 0\.00 MB of 0\.00 MB \(3[0-9]%\), [0-9.]+ MB/s, ETA [0-9]+ s$' \
    "folder --progress: the first article, its share of the folder's bytes, an ETA"
like "$(printf '%s\n' "$ERR" | tail -n 1)" '^credscore: 3 articles, 0\.00 MB in [0-9.]+ s \([0-9.]+ MB/s\)$' \
    "folder --progress: the totals last"
run "$CREDSCORE" score --no-config --no-exit -f json --progress --quiet "$TMP/desk"
like "$ERR" '^credscore: 1 article' "--progress wins over --quiet (asked for by name)"

run "$CREDSCORE" --help
like "$OUT" '--progress +always show the progress line' "--help documents --progress"
like "$OUT" '--no-progress +never show it' "--help documents --no-progress"

done_testing
