#!/bin/sh
# Output files (-o, the baseline written): nothing but the named target is
# ever touched.  Devices, FIFOs and /dev/stdout are written in place; a
# symbolic link's target is replaced, the link kept; an output that is also
# an input is refused; the mode follows the umask (new file) or stays (old
# file); a signal never leaves a temporary file behind.  Also --jsonl with
# -o and -f, and the one rule for JSONL ids on every path.
. "$(dirname "$0")/lib.sh"

skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }
# A check that needs root: skipped otherwise, but never under CI=true.
need_root() { # name
    if [ "$(id -u)" = 0 ]; then return 0; fi
    if [ "${CI:-}" = true ]; then _report 1 "$1" "needs root, and CI=true does not skip"; return 1; fi
    skip "$1" "not root"
    return 1
}
tmp_left() { # folder: the temporaries left in it (hidden *.tmp.* and the old *.tmp.*)
    ls -A "$1" | grep -E '\.tmp\.' | tr '\n' ' '
}

O="--no-config --no-plugins --fail-under 0"  # Lua rules alone find only weak claims (score 0): no gate
mkdir "$TMP/w"
cd "$TMP/w" || exit 1
printf 'Officials said the bridge would reopen.\n' > a.txt
printf 'Critics say the bridge was never safe.\n' > b.txt
run "$CREDSCORE" score $O a.txt
is "$STATUS" 0 "the report of a.txt to standard output"
report_a=$OUT

# ---- non-regular targets are written in place ----

mkfifo fifo
timeout 20 cat fifo > fifo.got &
reader=$!
run timeout 20 "$CREDSCORE" score $O -o fifo a.txt
is "$STATUS" 0 "-o FIFO: exit 0"
wait $reader
ok "$(test -p fifo; echo $?)" "-o FIFO: the FIFO is still a FIFO"
is "$(cat fifo.got)" "$report_a" "-o FIFO: the reader got the report"

ln -s /proc/self/fd/1 my-stdout # what /dev/stdout is
run "$CREDSCORE" score $O -o my-stdout a.txt
is "$STATUS" 0 "-o a link to /proc/self/fd/1: exit 0"
is "$OUT" "$report_a" "-o a link to /proc/self/fd/1: the report on standard output"
safe_stdout=$([ -L my-stdout ] && [ "$OUT" = "$report_a" ] && echo 1)
ok "$(test -L my-stdout; echo $?)" "-o a link to /proc/self/fd/1: the link stays"
run "$CREDSCORE" score $O -o /dev/fd/1 a.txt
is "$STATUS $OUT" "0 $report_a" "-o /dev/fd/1: the report on standard output"
ln -s /proc/self/fd/2 my-stderr
run "$CREDSCORE" score $O -o my-stderr a.txt
is "$STATUS $ERR" "0 $report_a" "-o a link to /proc/self/fd/2: the report on standard error"
ok "$(test -L my-stderr; echo $?)" "-o a link to /proc/self/fd/2: the link stays"
# The real ones only once the same thing in $TMP worked (a credscore that
# replaces links would replace them for the whole machine).
if [ -n "$safe_stdout" ] && [ -L my-stderr ]; then
    run "$CREDSCORE" score $O -o /dev/stdout a.txt
    is "$STATUS $OUT" "0 $report_a" "-o /dev/stdout: the report on standard output"
    ok "$(test -L /dev/stdout || test -c /dev/stdout; echo $?)" "-o /dev/stdout: /dev/stdout stays"
    run "$CREDSCORE" score $O -o /dev/stderr a.txt
    is "$STATUS $ERR" "0 $report_a" "-o /dev/stderr: the report on standard error"
    ok "$(test -L /dev/stderr || test -c /dev/stderr; echo $?)" "-o /dev/stderr: /dev/stderr stays"
else
    _report 1 "-o /dev/stdout, /dev/stderr: not tried, the links in \$TMP were replaced"
fi

if need_root "-o a character device: written in place"; then
    mknod null c 1 3
    run "$CREDSCORE" score $O -o null a.txt
    is "$STATUS" 0 "-o a character device: exit 0"
    ok "$(test -c null; echo $?)" "-o a character device: still the device"
    if [ -c null ]; then # (only once the same thing in $TMP worked)
        run "$CREDSCORE" score $O -o /dev/null a.txt
        is "$STATUS" 0 "-o /dev/null: exit 0"
        ok "$(test -c /dev/null; echo $?)" "-o /dev/null: still a character device"
    else
        _report 1 "-o /dev/null: not tried, the device in \$TMP was replaced"
    fi
fi

run "$CREDSCORE" score $O -o . a.txt
is "$STATUS" 2 "-o a folder: exit 2"
is "$ERR" "credscore: .: is a folder, not a file to write" "-o a folder: the message"

# ---- symbolic links: the target is replaced, the link stays ----

printf 'old\n' > real.txt
ln -s real.txt link.txt
run "$CREDSCORE" score $O -o link.txt a.txt
is "$STATUS" 0 "-o LINK: exit 0"
ok "$(test -L link.txt; echo $?)" "-o LINK: the link is still a link"
is "$(readlink link.txt)" "real.txt" "-o LINK: to the same target"
is "$(cat real.txt)" "$report_a" "-o LINK: the target holds the report"
mkdir sub deep
ln -s ../deep/chain.txt sub/hop # a chain of relative links across folders
ln -s sub/hop chain.txt
run "$CREDSCORE" score $O -o chain.txt a.txt
is "$STATUS" 0 "-o a chain of links to a file not there yet: exit 0"
is "$(cat deep/chain.txt)" "$report_a" "-o a chain of links: the final target holds the report"
ok "$(test -L chain.txt && test -L sub/hop; echo $?)" "-o a chain of links: both links stay"
is "$(tmp_left .)$(tmp_left sub)$(tmp_left deep)" "" "-o a chain of links: no temporary left"

# ---- an output that is also an input is refused ----

cp b.txt b.orig
run "$CREDSCORE" score $O -o b.txt b.txt
is "$STATUS" 2 "-o b.txt b.txt: exit 2"
is "$ERR" "credscore: b.txt: is also an input of this run (b.txt): refusing to write over it" \
   "-o b.txt b.txt: the message"
ok "$(cmp -s b.txt b.orig; echo $?)" "-o b.txt b.txt: the article is intact"
mkdir folder
cp b.txt folder/in.txt
run "$CREDSCORE" score $O -o folder/in.txt a.txt folder
is "$STATUS" 2 "-o an article found in a scored folder: exit 2"
is "$ERR" "credscore: folder/in.txt: is also an input of this run (folder/in.txt): refusing to write over it" \
   "-o an article found in a scored folder: the message"
ln b.txt hard.txt
run "$CREDSCORE" score $O -o hard.txt b.txt
is "$STATUS" 2 "-o a hard link to an input: exit 2 (same inode)"
ln -s b.txt soft.txt
run "$CREDSCORE" score $O -o soft.txt b.txt
is "$STATUS $ERR" "2 credscore: soft.txt: is also an input of this run (b.txt): refusing to write over it" \
   "-o a symbolic link to an input: exit 2 and the message"
run sh -c "'$CREDSCORE' score $O -o b.txt - < b.txt"
is "$STATUS $ERR" "2 credscore: b.txt: is also an input of this run (standard input): refusing to write over it" \
   "-o the file that is standard input: exit 2 and the message"
ok "$(cmp -s b.txt b.orig; echo $?)" "the article is still intact"
run "$CREDSCORE" baseline $O -o b.txt b.txt
is "$STATUS $ERR" "2 credscore: b.txt: is also an input of this run (b.txt): refusing to write over it" \
   "baseline -o an article it records: exit 2 and the message"
ok "$(cmp -s b.txt b.orig; echo $?)" "baseline: the article is intact"
run "$CREDSCORE" baseline $O -o bl.json a.txt
is "$STATUS" 0 "a baseline file"
cp bl.json bl.orig
run "$CREDSCORE" score $O --baseline bl.json -o bl.json a.txt
is "$STATUS $ERR" "2 credscore: bl.json: is also an input of this run (bl.json): refusing to write over it" \
   "score --baseline F -o F: exit 2 and the message"
ok "$(cmp -s bl.json bl.orig; echo $?)" "the baseline is intact"
printf 'rule { id = "r", marker = "vague", phrases = { "zebra" } }\n' > r.lua
printf 'rules: [r.lua]\nplugins: []\n' > c.yaml
run "$CREDSCORE" score -c c.yaml -o r.lua a.txt
is "$STATUS $ERR" "2 credscore: r.lua: is also an input of this run (r.lua): refusing to write over it" \
   "-o a rule file of the run: exit 2 and the message"
printf 'rule { id = "r", marker = "vague", phrases = { "zebra" } }\n' > r.lua
run "$CREDSCORE" score -c c.yaml -o c.yaml a.txt
is "$STATUS $ERR" "2 credscore: c.yaml: is also an input of this run (c.yaml): refusing to write over it" \
   "-o the configuration of the run: exit 2 and the message"
is "$(tmp_left .)$(tmp_left folder)" "" "refused runs leave no temporary"

# ---- modes: the umask for a new file, the old mode for an old one ----

run sh -c "umask 027; '$CREDSCORE' score $O -o new640.txt a.txt"
is "$STATUS $(stat -c %a new640.txt)" "0 640" "a new file under umask 027: mode 640"
run sh -c "umask 002; '$CREDSCORE' score $O -o new664.txt a.txt"
is "$STATUS $(stat -c %a new664.txt)" "0 664" "a new file under umask 002: mode 664"
printf 'old\n' > private.txt
chmod 600 private.txt
run sh -c "umask 022; '$CREDSCORE' score $O -o private.txt a.txt"
is "$STATUS $(stat -c %a private.txt)" "0 600" "an old file keeps its mode 600"
is "$(cat private.txt)" "$report_a" "and holds the report"
chmod 640 real.txt
run "$CREDSCORE" score $O b.txt
report_b=$OUT
run "$CREDSCORE" score $O -o link.txt b.txt
is "$STATUS $(stat -c %a real.txt)" "0 640" "a link's target keeps its mode 640"
is "$(cat real.txt)" "$report_b" "and holds the new report"
if need_root "an old file keeps its owner and group"; then
    printf 'old\n' > owned.txt
    chown 1234:2345 owned.txt
    run "$CREDSCORE" score $O -o owned.txt a.txt
    is "$STATUS $(stat -c %u:%g owned.txt)" "0 1234:2345" "an old file keeps its owner and group"
fi

# ---- signals: no temporary file is left behind ----
#
# Standard input is a FIFO the test holds open without writing, so the run
# waits for its article, its report file open, until the signal comes.
# (env --default-signal: a background job of a script starts with SIGINT
# ignored.)

mkfifo in.fifo
for sig in TERM INT HUP; do
    for how in one-file pool; do
        printf 'previous\n' > out.txt
        if [ $how = one-file ]; then set -- -; else set -- -j 2 a.txt -; fi
        env --default-signal="$sig" "$CREDSCORE" score $O -o out.txt "$@" < in.fifo 2> sig.err &
        pid=$!
        exec 3> in.fifo
        i=0
        while [ $i -lt 300 ] && [ -z "$(tmp_left .)" ]; do sleep 0.1; i=$((i + 1)); done
        seen=$(tmp_left .)
        kill -s "$sig" $pid
        wait $pid 2>/dev/null
        status=$?
        exec 3>&-
        ok "$(test -n "$seen"; echo $?)" "SIG$sig, $how: the report was being written to a temporary file"
        case $sig in TERM) num=15 ;; INT) num=2 ;; HUP) num=1 ;; esac
        is "$status" "$((128 + num))" "SIG$sig, $how: ended by the signal"
        is "$(tmp_left .)" "" "SIG$sig, $how: no temporary file left"
        is "$(cat out.txt)" "previous" "SIG$sig, $how: the previous report is intact"
    done
done

# The stream ends gracefully on a signal: answered lines are dropped with
# the temporary, the -o file stays.
printf 'previous\n' > out.jsonl
"$CREDSCORE" score $O --jsonl - -o out.jsonl < in.fifo 2> stream.err &
pid=$!
exec 3> in.fifo
printf '{"id":"x","text":"Officials said so."}\n' >&3
i=0 # until the answer is in the temporary file
while [ $i -lt 300 ] && ! [ -s "$(ls -A | grep -E '^\.out\.jsonl\.tmp\.' | head -1)" ]; do
    sleep 0.1; i=$((i + 1))
done
kill -s TERM $pid
wait $pid 2>/dev/null
status=$?
exec 3>&-
is "$status" 2 "stream -o, SIGTERM: exit 2"
is "$(cat stream.err)" "credscore: -: interrupted: 1 record answered, through input line 1
credscore: out.jsonl left unchanged because the stream was interrupted" \
   "stream -o, SIGTERM: says how far it got and that the file is unchanged"
is "$(tmp_left .)" "" "stream -o, SIGTERM: no temporary file left"
is "$(cat out.jsonl)" "previous" "stream -o, SIGTERM: the previous file is intact"

# ---- --jsonl honours -o and refuses a -f it cannot write ----

cat > in.jsonl <<'JSONL'
{"id":"one","text":"Officials said the bridge would reopen."}
{"id":"two","text":"Critics say the bridge was never safe."}
JSONL
run "$CREDSCORE" score $O --jsonl in.jsonl
is "$STATUS" 0 "stream to standard output"
stream_out=$OUT
run "$CREDSCORE" score $O --jsonl in.jsonl -o answers.jsonl
is "$STATUS" 0 "stream -o: exit 0"
is "$OUT" "" "stream -o: nothing on standard output"
is "$(cat answers.jsonl)" "$stream_out" "stream -o: the file holds the answers"
is "$(stat -c %a answers.jsonl)" "$(printf '%o' $((0666 & ~$(umask))))" "stream -o: mode from the umask"
run "$CREDSCORE" score $O --jsonl in.jsonl -o my-stdout
is "$STATUS $OUT" "0 $stream_out" "stream -o a link to /proc/self/fd/1: the answers on standard output"
run "$CREDSCORE" score $O --jsonl in.jsonl -o in.jsonl
is "$STATUS $ERR" "2 credscore: in.jsonl: is also an input of this run (in.jsonl): refusing to write over it" \
   "stream -o its own input: exit 2 and the message"
run "$CREDSCORE" score $O --jsonl in.jsonl -f json -o answers2.jsonl
is "$STATUS $(cat answers2.jsonl)" "0 $stream_out" "stream -f json: the same JSON lines"
for f in text sarif github junit html; do
    run "$CREDSCORE" score $O --jsonl in.jsonl -f $f
    is "$STATUS" 2 "stream -f $f: exit 2"
    is "$ERR" "credscore: --jsonl writes one JSON report per line: -f $f is not supported (leave -f out, or -f json)
Try 'credscore --help'." "stream -f $f: the message"
    is "$OUT" "" "stream -f $f: no output"
done

# ---- JSONL ids: one rule on every path ----

cat > ids.jsonl <<'JSONL'
{"id":1,"text":"Officials said so."}
{"id":1.5,"text":"Officials said so."}
{"id":"a","text":"Officials said so."}
{"id":1.50,"text":"   "}
{"id":-0,"text":"Officials said so."}
{"id":1e2}
{"id":{},"text":"Officials said so."}
{"id":[1],"text":"Officials said so."}
{"id":true,"text":"Officials said so."}
{"id":null,"text":"Officials said so."}
{"text":"Officials said so."}
JSONL
run "$CREDSCORE" score $O --jsonl ids.jsonl
is "$STATUS" 2 "ids: the refused lines make exit 2"
is "$(printf '%s\n' "$OUT" | cut -d, -f1-2)" '{"id":1,"path":null
{"id":1.5,"path":null
{"id":"a","path":null
{"id":1.5,"line":4
{"id":0,"path":null
{"id":100,"line":6
{"id":null,"line":7
{"id":null,"line":8
{"id":null,"line":9
{"id":null,"line":10
{"id":null,"line":11' "ids: numbers and strings echoed as given, in every answer"
is "$(printf '%s\n' "$OUT" | jq -r 'select(.error) | .error')" '1.5: empty input: nothing to score
missing "text" (a string)
"id" must be a string or a number, not an object
"id" must be a string or a number, not an array
"id" must be a string or a number, not a boolean
"id" must be a string or a number, not null
missing "id" (a string or a number)' "ids: other types are refused, named"

P=$BUILD/tests/plugins
printf 'plugins:\n  - path: %s/good.so\nscoring: {fail_under: 0}\n' "$P" > crashy.yaml
printf '{"id":1,"text":"Officials said so."}\n{"id":2,"text":"The crashnow article."}\n{"id":2.5,"text":"The crashnow article."}\n{"id":"c","text":"The crashnow article."}\n' > crash.jsonl
# (not through memcheck: the test plugin's deliberate NULL write is what it
# would report)
run "$BUILD/credscore" score -c crashy.yaml --jsonl crash.jsonl
is "$STATUS" 2 "ids, crash: exit 2"
is "$(printf '%s\n' "$OUT" | cut -d, -f1-3 | sed 's/"error":"not scored: .*/"error":"not scored/')" \
   '{"id":1,"path":null,"format":"text"
{"id":2,"line":2,"error":"not scored
{"id":2.5,"line":3,"error":"not scored
{"id":"c","line":4,"error":"not scored' "ids, crash: the crash lines echo the id as given"

cat > slow.lua <<'LUA'
rule { id = "slow-pattern", marker = "vague", needs = { "slowly" }, check = function(p)
  local s = ("a"):rep(30)
  if s:find(("a?"):rep(30) .. ("a"):rep(30)) then return nil end
end }
LUA
# (only the slow rule: loading stays well inside the 1 s, also under valgrind)
printf 'rules: [slow.lua]\nplugins: []\nscoring: {fail_under: 0}\nlimits: {instructions: 0}\n' > slow.yaml
printf '{"id":7,"text":"It went slowly."}\n{"id":7.25,"text":"Critics say so."}\n' > slow.jsonl
run "$CREDSCORE" score -c slow.yaml --timeout 1 --jsonl slow.jsonl
is "$STATUS" 2 "ids, timeout: exit 2"
is "$(printf '%s\n' "$OUT" | cut -d, -f1-2)" '{"id":7,"line":1
{"id":7.25,"path":null' "ids, timeout: the timed-out line echoes the number"
like "$(printf '%s\n' "$OUT" | head -1)" 'not scored: took longer than 1 s' "ids, timeout: and says why"

done_testing
