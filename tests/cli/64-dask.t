#!/bin/sh
# examples/distributed/credscore_dask.py on a real Dask cluster: a scheduler
# and two worker processes on loopback (ephemeral ports), started and
# stopped here.  The merged reports equal one single-process run, also when
# a worker is killed while it scores a partition (the partition runs again
# elsewhere: no record lost or duplicated).
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3 # Debian's python3-distributed is installed for Debian's interpreter
RECIPE=$ROOT/examples/distributed/credscore_dask.py
if ! [ -x "$PY" ] || ! "$PY" -c 'import distributed' 2> /dev/null; then
    skip_all_or_fail "Dask cluster: python3-distributed not installed (apt-get install python3-distributed)"
fi

PIDS=""
stop_cluster() { # SIGTERM, then SIGKILL whatever still runs after 20 s
    for p in $PIDS; do kill "$p" 2> /dev/null; done
    i=0
    while [ $i -lt 200 ]; do
        alive=""
        for p in $PIDS; do kill -0 "$p" 2> /dev/null && alive="$alive $p"; done
        [ -n "$alive" ] || break
        sleep 0.1
        i=$((i + 1))
    done
    for p in $PIDS; do kill -9 "$p" 2> /dev/null; done
    for p in $PIDS; do wait "$p" 2> /dev/null; done
    PIDS=""
}
trap 'stop_cluster; rm -rf "$TMP"' EXIT

# The corpus and the reference: one process over the whole file.
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "{\"id\":\"d%d\",\"text\":\"Whispers say item %d moved. Critics say it did not. Mayor Ana Ruiz said it was fine.\"}\n", i, i }' > "$TMP/in.jsonl"
"$CREDSCORE" bundle --no-config -o "$TMP/b.tar" 2> "$TMP/bundle.err"
is "$?" 0 "credscore bundle: exit 0"
"$CREDSCORE" score --jsonl "$TMP/in.jsonl" --no-exit --bundle "$TMP/b.tar" > "$TMP/want.jsonl"
is "$?" 0 "single-process run: exit 0"
is "$(wc -l < "$TMP/want.jsonl" | tr -d ' ')" 1000 "single-process run: 1000 reports"

# The cluster: the scheduler picks its port (--port 0) and says where in a file.
export DASK_DISTRIBUTED__WORKER__DAEMON=False
"$PY" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
    --scheduler-file "$TMP/sched.json" > "$TMP/scheduler.log" 2>&1 &
PIDS="$PIDS $!"
i=0
while ! [ -s "$TMP/sched.json" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
ok "$([ -s "$TMP/sched.json" ]; echo $?)" "the scheduler wrote its address"
for w in 1 2; do
    mkdir -p "$TMP/w$w"
    "$PY" -m distributed.cli.dask_worker --scheduler-file "$TMP/sched.json" --host 127.0.0.1 \
        --nthreads 1 --no-nanny --no-dashboard --local-directory "$TMP/w$w" \
        --name "w$w" > "$TMP/worker$w.log" 2>&1 &
    eval "WORKER$w=$!"
    PIDS="$PIDS $!"
done

dask_run() { # output [extra options]: the recipe against the cluster
    o=$1
    shift
    "$PY" "$RECIPE" --scheduler-file "$TMP/sched.json" --min-workers 2 --bundle "$TMP/b.tar" \
        --partition-lines 100 -o "$o" "$@" "$TMP/in.jsonl"
}

run dask_run "$TMP/got.jsonl" --credscore "$CREDSCORE"
is "$STATUS" 0 "credscore_dask.py: exit 0"
like "$ERR" "credscore_dask: 1000 records in 10 partitions on 2 workers -> $TMP/got.jsonl" \
    "it says what it did"
run cmp "$TMP/want.jsonl" "$TMP/got.jsonl"
is "$STATUS" 0 "the merged reports are byte-identical to one process"

# A worker killed mid-partition.  The "binary" shipped is a wrapper that
# notes which worker runs which partition, then holds every partition until
# the test releases it; the test kills the worker of a partition being
# scored, then releases them all.
cat > "$TMP/held-credscore" <<SH
#!/bin/sh
echo \$PPID > "$TMP/marks/\$CREDSCORE_DASK_PARTITION.\$\$"
i=0
while ! [ -e "$TMP/release" ] && [ \$i -lt 1200 ]; do sleep 0.05; i=\$((i + 1)); done
exec "$CREDSCORE" "\$@"
SH
chmod +x "$TMP/held-credscore"
mkdir "$TMP/marks"
dask_run "$TMP/killed.jsonl" --credscore "$TMP/held-credscore" > "$TMP/killed.out" 2> "$TMP/killed.err" &
runner=$!
i=0
while [ "$(ls "$TMP/marks" | wc -l)" -lt 2 ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done
is "$(ls "$TMP/marks" | wc -l | tr -d ' ')" 2 "both workers hold a partition"
first=$(ls "$TMP/marks" | sort -n | head -n 1)
victim=$(cat "$TMP/marks/$first")
part=${first%%.*}
case $victim in
"$WORKER1" | "$WORKER2") ok 0 "the partition runs in one of the two worker processes" ;;
*) ok 1 "the partition runs in one of the two worker processes (got $victim)" ;;
esac
kill -9 "$victim"
wait "$victim" 2> /dev/null
touch "$TMP/release"
wait "$runner"
is "$?" 0 "with a worker killed mid-run: exit 0"
like "$(cat "$TMP/killed.err")" "1000 records in 10 partitions on 2 workers" "all the records came back"
run cmp "$TMP/want.jsonl" "$TMP/killed.jsonl"
is "$STATUS" 0 "with a worker killed: byte-identical to one process (none lost, none twice)"
is "$(ls "$TMP/marks" | grep -c "^$part\.")" 2 "the killed worker's partition ran a second time"
is "$(ls "$TMP/marks" | wc -l | tr -d ' ')" 11 "every other partition ran once"

# A partition that fails on every try fails the run and keeps the output.
printf '#!/bin/sh\necho "no such luck" >&2\nexit 3\n' > "$TMP/broken"
chmod +x "$TMP/broken"
cp "$TMP/want.jsonl" "$TMP/keep.jsonl"
run dask_run "$TMP/keep.jsonl" --credscore "$TMP/broken" --min-workers 1 --retries 1
is "$STATUS" 2 "a partition failing every try: exit 2"
like "$ERR" "partition [0-9]+: credscore exit 3, 0 of 100 records answered: no such luck" \
    "the message names the partition and credscore's error"
like "$ERR" "keep.jsonl left unchanged" "and says the output is left as it was"
run cmp "$TMP/want.jsonl" "$TMP/keep.jsonl"
is "$STATUS" 0 "the previous output is untouched"
is "$(ls -a "$TMP" | grep -c '^\.keep\.jsonl\.' || true)" 0 "no temporary file left behind"

stop_cluster
done_testing
