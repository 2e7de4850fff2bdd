#!/bin/sh
# tests/bench/run.sh - `make bench`: credscore's performance figures.
#
#   sh tests/bench/run.sh              (BUILD=build by default; make passes it)
#
# Needs $BUILD/credscore, its plugins and $BUILD/bench/{gen_corpus,benchtool}
# (the Makefile's bench target builds them).  Generates deterministic
# corpora from the fixture articles, then measures, in one run:
#   - throughput of `score --jsonl` on 10 MB with -j 1 and -j 2 (best of 3),
#     with and without plugins, and how much a second core gives at all
#     (one CPU-bound spin loop against two at once);
#   - wall time of one cold `credscore score draft.md` (median of 20);
#   - peak RSS while streaming 100 MB (parent, workers, whole tree);
#   - the cost of 1,000 extra phrase rules;
#   - textlint (pinned, installed into $BUILD/bench/textlint) with a rule
#     carrying the default pack's phrase lists, on the same 10 MB as files;
#   - a perf profile of the 10 MB -j 1 run, bucketed by component;
#   - the same throughput on a realistic corpus: real news passages of
#     ../shared/corpus (dev.jsonl, wikinews.jsonl) dealt into articles, 10 MB
#     and 100 MB as JSONL, 10 MB as Markdown files (tests/bench/gen_real.c;
#     skipped with a note when ../shared/corpus is absent);
#   - credscore on a local Dask cluster (scheduler + two one-thread workers,
#     examples/distributed/credscore_dask.py) against -j 2 on the same input;
#   - `credscore serve` on loopback: requests/s and p50/p99 latency of
#     POST /v1/score with draft.md from 1, 8 and 32 concurrent clients (hey),
#     against `score -f json draft.md` run back to back; the server tree's
#     RSS after warm-up and after 100,000 more requests.
# Raw figures go to $BUILD/bench/results.txt (KEY=VALUE lines); then
# tests/bench/doc.sh rewrites docs/performance.md from them.
#
# Environment: BUILD; BENCH_DOC (default docs/performance.md, "-" = none);
# BENCH_SKIP (space-separated: textlint perf rss real dask serve) to leave parts
# out; BENCH_SHARED (default ../shared/corpus) where the real passages are.
set -eu
LC_ALL=C # sorted globs and decimal points whatever the caller's locale
export LC_ALL

BUILD=${BUILD:-build}
BENCH_DOC=${BENCH_DOC:-docs/performance.md}
BENCH_SKIP=${BENCH_SKIP:-}
TEXTLINT_VERSION=15.8.0

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

BIN=$BUILD/credscore
B=$BUILD/bench
GEN=$B/gen_corpus
GENREAL=$B/gen_real
TOOL=$B/benchtool
SHARED=${BENCH_SHARED:-../shared/corpus}
RES=$B/results.txt
DATA=$B/data
for f in "$BIN" "$GEN" "$GENREAL" "$TOOL"; do
    [ -x "$f" ] || { echo "bench: $f missing: run 'make bench'" >&2; exit 2; }
done
mkdir -p "$DATA"
: > "$RES.tmp"

log() { printf 'bench: %s\n' "$*" >&2; }
kv() { printf '%s=%s\n' "$1" "$2" >> "$RES.tmp"; }
get() { sed -n "s/^$1=//p" "$RES.tmp" | tail -n 1; }
skipped() { case " $BENCH_SKIP " in *" $1 "*) return 0 ;; esac; return 1; }
# benchtool lines go to the results, the main figures also to stderr
record() {
    "$@" > "$B/last.txt" || { log "failed: $*"; exit 2; }
    cat "$B/last.txt" >> "$RES.tmp"
    grep -E '_(min|median|wall)_ms=|_kb=' "$B/last.txt" | sed 's/^/bench:   /' >&2 || true
}
mbps() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.2f", b / 1e6 / (ms / 1000) }'; }
# KEY_mbps (wall) and KEY_cpu_mbps (per CPU-second of the tree) of a timed run
throughput() {
    kv "$1_mbps" "$(mbps "$2" "$(get "$1_min_ms")")"
    kv "$1_cpu_mbps" "$(mbps "$2" "$(awk -v u="$(get "$1_best_user_ms")" -v s="$(get "$1_best_sys_ms")" 'BEGIN { print u + s }')")"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---- tools: /usr/bin/time, perf and hey from Debian (as root, when missing) -----
need=""
[ -x /usr/bin/time ] || need="$need time"
skipped serve || command -v hey >/dev/null 2>&1 || need="$need hey"
skipped perf || command -v perf >/dev/null 2>&1 || need="$need linux-perf"
if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ]; then
        log "installing$need"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null ||
            log "could not install$need; those figures are left out"
    else
        log "missing Debian packages:$need (run: sudo apt-get install -y$need)"
    fi
fi

# ---- the machine ---------------------------------------------------------
kv date "$(date -u '+%Y-%m-%d %H:%M UTC')"
kv cpu_model "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
kv cpus "$(getconf _NPROCESSORS_ONLN)"
kv threads_per_core "$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Thread(s) per core:[[:space:]]*//p')"
hv=$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p')
if [ -z "$hv" ] && grep -qw hypervisor /proc/cpuinfo 2>/dev/null; then
    hv="not named (the CPU flags say virtualised)"
fi
kv hypervisor "${hv:-none reported}"
kv mem_total_mib "$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
kv kernel "$(uname -sr)"
kv os "$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}")"
kv compiler "$(${CC:-cc} --version 2>/dev/null | head -n 1)"
kv libs "$(for p in lua5.4 yaml-0.1 libpcre2-8 libcmark gumbo jansson; do
    printf '%s %s, ' "$p" "$(pkg-config --modversion $p 2>/dev/null || echo '?')"; done | sed 's/, $//')"
kv credscore_version "$("$BIN" --version 2>&1 | head -n 1)"
kv git_rev "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- host plugins rules 2>/dev/null || echo ' + uncommitted changes')"
kv build_flags "${OPT:--O2 -g} (the Makefile's default)"
kv load_start "$(loadavg)"
log "load average at start: $(loadavg)"

# ---- inputs --------------------------------------------------------------
SOURCES=$(echo examples/articles/* tests/articles/*)
log "generating corpora from $(echo $SOURCES | wc -w) fixture articles"
rm -rf "$DATA/files10"
"$GEN" corpus -o "$DATA/corpus10.jsonl" -b 10000000 -d "$DATA/files10" $SOURCES > "$DATA/gen.txt"
"$GEN" corpus -o "$DATA/corpus100.jsonl" -b 100000000 $SOURCES >> "$DATA/gen.txt"
"$GEN" draft -o "$DATA/draft.md" $SOURCES >> "$DATA/gen.txt"
mkdir -p "$DATA/extra/extra"
"$GEN" rules -o "$DATA/extra/extra/extra.lua" -n 1000 -p 5 >> "$DATA/gen.txt"
printf 'rules: ["@default", "extra/"]\n' > "$DATA/extra/credscore.yaml"
sed 's/^/bench:   /' "$DATA/gen.txt" >&2
C10=$DATA/corpus10.jsonl
C100=$DATA/corpus100.jsonl
kv corpus10_bytes "$(wc -c < "$C10" | tr -d ' ')"
kv corpus10_articles "$(wc -l < "$C10" | tr -d ' ')"
kv corpus10_fnv "$(sed -n "s|^$C10: .*fnv1a64 ||p" "$DATA/gen.txt")"
kv corpus100_bytes "$(wc -c < "$C100" | tr -d ' ')"
kv corpus100_articles "$(wc -l < "$C100" | tr -d ' ')"
kv corpus100_fnv "$(sed -n "s|^$C100: .*fnv1a64 ||p" "$DATA/gen.txt")"
kv files10_count "$(ls "$DATA/files10" | wc -l | tr -d ' ')"
kv files10_bytes "$(cat "$DATA"/files10/*.txt | wc -c | tr -d ' ')"
kv draft_bytes "$(wc -c < "$DATA/draft.md" | tr -d ' ')"
kv draft_fnv "$(sed -n "s|^$DATA/draft.md: .*fnv1a64 ||p" "$DATA/gen.txt")"
kv extra_fnv "$(sed -n "s|^$DATA/extra/extra/extra.lua: .*fnv1a64 ||p" "$DATA/gen.txt")"
# The realistic corpus: real passages, their sources' attribution beside them.
REAL_OK=0
if skipped real; then
    kv real_status "skipped (BENCH_SKIP)"
elif ! [ -f "$SHARED/dev.jsonl" ] || ! [ -f "$SHARED/wikinews.jsonl" ] || ! [ -f "$SHARED/SOURCES.md" ]; then
    kv real_status "skipped: $SHARED (dev.jsonl, wikinews.jsonl, SOURCES.md) not found"
    log "NOTE: $SHARED not found: the realistic corpus is skipped (only the generated one is measured)"
else
    log "generating the realistic corpus from $SHARED/dev.jsonl and wikinews.jsonl"
    rm -rf "$DATA/real" && mkdir -p "$DATA/real"
    # Wikinews text is CC BY 2.5: the attribution goes wherever the text does
    # (beside md10/, not in it, where it would be scored as an article).
    cp "$SHARED/SOURCES.md" "$DATA/real/SOURCES.md"
    "$GENREAL" -o "$DATA/real/real10.jsonl" -b 10000000 -d "$DATA/real/md10" \
        "$SHARED/dev.jsonl" "$SHARED/wikinews.jsonl" > "$DATA/real/gen.txt"
    "$GENREAL" -o "$DATA/real/real100.jsonl" -b 100000000 \
        "$SHARED/dev.jsonl" "$SHARED/wikinews.jsonl" >> "$DATA/real/gen.txt"
    sed 's/^/bench:   /' "$DATA/real/gen.txt" >&2
    REAL_OK=1
    kv real_status "ran"
    for c in real10 real100; do
        kv ${c}_bytes "$(wc -c < "$DATA/real/$c.jsonl" | tr -d ' ')"
        kv ${c}_articles "$(wc -l < "$DATA/real/$c.jsonl" | tr -d ' ')"
        kv ${c}_fnv "$(sed -n "s|^$DATA/real/$c.jsonl: .*fnv1a64 ||p" "$DATA/real/gen.txt")"
    done
    kv realmd10_count "$(ls "$DATA/real/md10" | grep -c '\.md$')"
    kv realmd10_bytes "$(cat "$DATA"/real/md10/*.md | wc -c | tr -d ' ')"
    kv realmd10_fnv "$(sed -n "s|^$DATA/real/md10: .*fnv1a64 of file checksums ||p" "$DATA/real/gen.txt")"
fi
kv rules_default "$("$BIN" rules --no-config 2>/dev/null | tail -n 1)"
kv rules_extra "$("$BIN" rules -c "$DATA/extra/credscore.yaml" 2>/dev/null | tail -n 1)"

CS="$BIN score --no-config --no-exit"

# ---- hardware parallelism ------------------------------------------------
log "spin: one CPU-bound process, then two at once"
for i in 1 2; do
    "$TOOL" spin -p 1 -n 200000000 | sed 's/^spin_/spin_a'$i'_/' >> "$RES.tmp"
    "$TOOL" spin -p 2 -n 200000000 | sed 's/^spin_/spin_a'$i'_/' >> "$RES.tmp"
done
# keep the faster try of each
for p in p1 p2; do
    if awk -v a="$(get spin_a1_${p}_ms)" -v b="$(get spin_a2_${p}_ms)" 'BEGIN { exit !(a <= b) }'; then
        t=a1
    else
        t=a2
    fi
    for f in ms cpu_ms idle_pct steal_pct; do
        kv spin_${p}_$f "$(get spin_${t}_${p}_$f)"
    done
done
kv spin_speedup "$(awk -v a="$(get spin_p1_ms)" -v b="$(get spin_p2_ms)" 'BEGIN { printf "%.2f", 2 * a / b }')"
log "  one: $(get spin_p1_ms) ms, two at once: $(get spin_p2_ms) ms (each got $(get spin_p2_cpu_ms) ms of CPU; machine idle $(get spin_p2_idle_pct)%, steal $(get spin_p2_steal_pct)%): $(get spin_speedup)x the work of one"

# ---- throughput and rule count -----------------------------------------
# Best of 3 for each configuration, the configurations taken in turn
# (round 1 of each, then round 2, ...) so that a change in the machine's
# load hits them alike and the ratios between them stay fair.
bytes10=$(get corpus10_bytes)
EXTRA="$BIN score -c $DATA/extra/credscore.yaml --no-exit"
ROUNDS=3
TP_KEYS="tp_j1 tp_j2 tp_np_j1 tp_np_j2 tp_extra_j1"
tp_cmd() {
    case $1 in
    tp_j1) echo "$CS -j 1" ;;
    tp_j2) echo "$CS -j 2" ;;
    tp_np_j1) echo "$CS --no-plugins -j 1" ;;
    tp_np_j2) echo "$CS --no-plugins -j 2" ;;
    tp_extra_j1) echo "$EXTRA -j 1" ;;
    esac
}
# best_of KEY: KEY_min_ms, _median_ms, _max_ms, the CPU time and max RSS of
# the best round, the machine's mean idle share, from KEY_rN_* lines
best_of() {
    grep "^$1_r[0-9]*_" "$RES.tmp" | awk -F= -v k="$1" '
        { r = substr($1, length(k) + 3)          # "2_min_ms" of "tp_j1_r2_min_ms"
          round = r; sub(/_.*/, "", round); round += 0
          f = r; sub(/^[0-9]+_/, "", f)
          v[round, f] = $2; if (round > rounds) rounds = round }
        END {
          best = 1
          for (i = 1; i <= rounds; i++) { t[i] = v[i, "min_ms"] + 0; if (t[i] < t[best]) best = i }
          for (i = 1; i <= rounds; i++) for (j = i + 1; j <= rounds; j++)
              if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
          med = rounds % 2 ? t[(rounds + 1) / 2] : (t[rounds / 2] + t[rounds / 2 + 1]) / 2
          idle = 0; for (i = 1; i <= rounds; i++) idle += v[i, "machine_idle_pct"]
          printf "%s_runs=%d\n%s_min_ms=%.2f\n%s_median_ms=%.2f\n%s_max_ms=%.2f\n", k, rounds, k, t[1], k, med, k, t[rounds]
          printf "%s_best_user_ms=%s\n%s_best_sys_ms=%s\n", k, v[best, "best_user_ms"], k, v[best, "best_sys_ms"]
          printf "%s_best_maxrss_kb=%s\n%s_machine_idle_pct=%.1f\n", k, v[best, "best_maxrss_kb"], k, idle / rounds
        }' >> "$RES.tmp"
}
log "throughput: score --jsonl corpus10.jsonl: $TP_KEYS, $ROUNDS rounds"
r=1
while [ "$r" -le "$ROUNDS" ]; do
    for key in $TP_KEYS; do
        # shellcheck disable=SC2046
        "$TOOL" time -n 1 -k "${key}_r$r" -- $(tp_cmd "$key") --jsonl "$C10" > "$B/last.txt" ||
            { log "failed: $(tp_cmd "$key") --jsonl $C10"; exit 2; }
        cat "$B/last.txt" >> "$RES.tmp"
        log "  round $r $key: $(sed -n 's/.*_min_ms=//p' "$B/last.txt") ms"
    done
    r=$((r + 1))
done
for key in $TP_KEYS; do
    best_of "$key"
    throughput "$key" "$bytes10"
done
kv tp_j2_speedup "$(ratio "$(get tp_j1_min_ms)" "$(get tp_j2_min_ms)")"
kv tp_np_j2_speedup "$(ratio "$(get tp_np_j1_min_ms)" "$(get tp_np_j2_min_ms)")"
kv extra_cost "$(ratio "$(get tp_extra_j1_min_ms)" "$(get tp_j1_min_ms)")"
kv extra_cost_cpu "$(awk -v a="$(get tp_extra_j1_cpu_mbps)" -v b="$(get tp_j1_cpu_mbps)" 'BEGIN { printf "%.2f", b / a }')"
log "  -j 1 $(get tp_j1_mbps) MB/s, -j 2 $(get tp_j2_mbps) MB/s ($(get tp_j2_speedup)x), 1,000 extra rules $(get extra_cost)x the time"

# ---- realistic corpus ----------------------------------------------------
if [ "$REAL_OK" = 1 ]; then
    R10=$DATA/real/real10.jsonl
    R100=$DATA/real/real100.jsonl
    RMD=$DATA/real/md10
    log "realistic corpus: score --jsonl real10.jsonl -j 1 and -j 2, Markdown files, real100.jsonl (best of 3)"
    record "$TOOL" time -n 3 -k real_j1 -- $CS -j 1 --jsonl "$R10"
    record "$TOOL" time -n 3 -k real_j2 -- $CS -j 2 --jsonl "$R10"
    record "$TOOL" time -n 3 -k realmd_j1 -- $CS -f json -j 1 "$RMD"
    record "$TOOL" time -n 3 -k realmd_j2 -- $CS -f json -j 2 "$RMD"
    record "$TOOL" time -n 1 -k real100_j2 -- $CS -j 2 --jsonl "$R100"
    for k in real_j1 real_j2; do throughput $k "$(get real10_bytes)"; done
    for k in realmd_j1 realmd_j2; do throughput $k "$(get realmd10_bytes)"; done
    throughput real100_j2 "$(get real100_bytes)"
    kv real_j2_speedup "$(ratio "$(get real_j1_min_ms)" "$(get real_j2_min_ms)")"
    log "  real JSONL -j 1 $(get real_j1_mbps) MB/s, -j 2 $(get real_j2_mbps) MB/s; Markdown files -j 1 $(get realmd_j1_mbps) MB/s"
fi

# ---- Dask cluster ----------------------------------------------------------
# A scheduler and two one-thread workers on loopback (ephemeral ports), the
# recipe of docs/distributed.md timed from connecting to the merged file,
# against -j 2 on the same machine and the same 10 MB.
PY=/usr/bin/python3
DASK=$B/dask
if skipped dask; then
    kv dask_status "skipped (BENCH_SKIP)"
elif ! [ -x "$PY" ] || ! "$PY" -c 'import distributed' 2>/dev/null; then
    kv dask_status "not run: python3-distributed not installed (apt-get install python3-distributed)"
else
    rm -rf "$DASK" && mkdir -p "$DASK/w1" "$DASK/w2"
    "$BIN" bundle --no-config -o "$DASK/bundle.tar" 2>/dev/null
    "$PY" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
        --scheduler-file "$DASK/sched.json" > "$DASK/scheduler.log" 2>&1 &
    dask_pids=$!
    for w in 1 2; do
        "$PY" -m distributed.cli.dask_worker --scheduler-file "$DASK/sched.json" --host 127.0.0.1 \
            --nthreads 1 --no-nanny --no-dashboard --local-directory "$DASK/w$w" \
            > "$DASK/worker$w.log" 2>&1 &
        dask_pids="$dask_pids $!"
    done
    DASKRUN="$PY examples/distributed/credscore_dask.py --scheduler-file $DASK/sched.json --min-workers 2 --credscore $BIN --bundle $DASK/bundle.tar --partition-lines 500"
    log "Dask: credscore_dask.py on corpus10.jsonl, two workers (best of 3), against -j 2"
    if $DASKRUN -o "$DASK/out.jsonl" "$C10" 2> "$DASK/first.err"; then
        record "$TOOL" time -n 3 -k dask -- $DASKRUN -o "$DASK/out.jsonl" "$C10"
        throughput dask "$bytes10"
        $CS -j 2 --jsonl "$C10" > "$DASK/j2.jsonl"
        if cmp -s "$DASK/out.jsonl" "$DASK/j2.jsonl"; then kv dask_identical yes; else kv dask_identical NO; fi
        kv dask_vs_j2 "$(ratio "$(get dask_mbps)" "$(get tp_j2_mbps)")"
        kv dask_status "ran"
        log "  Dask $(get dask_mbps) MB/s against -j 2 $(get tp_j2_mbps) MB/s ($(get dask_vs_j2)x); output identical: $(get dask_identical)"
    else
        kv dask_status "not run: $(tail -n 1 "$DASK/first.err")"
    fi
    for p in $dask_pids; do kill "$p" 2>/dev/null || true; done
    for p in $dask_pids; do wait "$p" 2>/dev/null || true; done
fi

# ---- cold draft ----------------------------------------------------------
log "cold draft: score draft.md, median of 20 (after one warm-up)"
$CS "$DATA/draft.md" > /dev/null
record "$TOOL" time -n 20 -k draft -- $CS "$DATA/draft.md"
record "$TOOL" time -n 20 -k draft_np -- $CS --no-plugins "$DATA/draft.md"
record "$TOOL" time -n 20 -k version -- "$BIN" --version
record "$TOOL" time -n 10 -k draft_extra -- $EXTRA "$DATA/draft.md"
kv extra_hits "$($EXTRA --jsonl "$C10" -j 2 | grep -c '"rule":"bench-extra-' || true)"

# ---- credscore serve ----------------------------------------------------
# The server on an ephemeral loopback port with the same configuration as
# the CLI rows (--no-config) and its default workers (one per CPU); hey
# posts draft.md as text/markdown.  For each concurrency a 1 s run warms up
# and sizes the measured run (-n: about 5 s of requests).  Against it, just
# before: the CLI's articles/s, `score -f json draft.md` run back to back
# (cold processes, the same article and report).  Memory: the RSS of the server
# and its workers (/proc) after the warm-up and the three runs, then after
# 50,000 and 100,000 more requests from 8 clients.
SV=$B/serve
# serve_tree_rss PID: "TREE PARENT WORKERS PROCESSES" (KiB of VmRSS) of PID and its descendants
serve_tree_rss() {
    cat /proc/[0-9]*/status 2>/dev/null | awk -v root="$1" '
        /^Name:/ { if (pid) { pp[pid] = ppid; rss[pid] = r } pid = ""; ppid = ""; r = 0 }
        /^Pid:/ { pid = $2 } /^PPid:/ { ppid = $2 } /^VmRSS:/ { r = $2 }
        END {
            if (pid) { pp[pid] = ppid; rss[pid] = r }
            in_tree[root] = 1; grew = 1
            while (grew) { grew = 0; for (p in pp) if (!(p in in_tree) && (pp[p] in in_tree)) { in_tree[p] = 1; grew = 1 } }
            n = 0; w = 0; for (p in in_tree) if (p in rss) { n++; if (p != root) w += rss[p] }
            printf "%d %d %d %d\n", rss[root] + w, rss[root], w, n }'
}
# arith A +|- B: whole numbers (empty when either is missing)
arith() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (a ~ /^-?[0-9]+$/ && b ~ /^-?[0-9]+$/) print op == "+" ? a + b : a - b }'; }
# hey_run KEY CLIENTS REQUESTS: one hey run, its figures as KEY_* lines
hey_run() {
    hey -n "$3" -c "$2" -t 60 -m POST -T text/markdown -D "$DATA/draft.md" \
        "http://$SADDR/v1/score" > "$SV/$1.txt" 2>&1 || { log "failed: hey -c $2 -n $3"; return 1; }
    awk -v k="$1" -v c="$2" -v n="$3" '
        /Requests\/sec:/ { rps = $2 }
        /^ *Total:/ { wall = $2 }
        / 50% in / { p50 = $3 * 1000 } / 90% in / { p90 = $3 * 1000 } / 99% in / { p99 = $3 * 1000 }
        /^Status code distribution:/ { st = 1; next }
        /^Error distribution:/ { st = 0; er = 1; next }
        st && /^ *\[[0-9]+\]/ { code = $1; gsub(/[][]/, "", code); if (code == 200) ok += $2; else bad += $2 }
        er && /^ *\[[0-9]+\]/ { s = $1; gsub(/[][]/, "", s); errs += s }
        END {
            printf "%s_clients=%d\n%s_requests=%d\n%s_wall_s=%.2f\n%s_rps=%.0f\n", k, c, k, n, k, wall, k, rps
            printf "%s_p50_ms=%.2f\n%s_p90_ms=%.2f\n%s_p99_ms=%.2f\n", k, p50, k, p90, k, p99
            printf "%s_ok=%d\n%s_failed=%d\n", k, ok, k, bad + errs }' "$SV/$1.txt" >> "$RES.tmp"
}
if skipped serve; then
    kv serve_status "skipped (BENCH_SKIP)"
elif ! command -v hey >/dev/null 2>&1; then
    kv serve_status "not run: hey not installed (apt-get install hey)"
else
    rm -rf "$SV" && mkdir -p "$SV"
    # the CLI first, cold, the same article and report, back to back
    log "serve: against score -f json draft.md, 50 runs back to back"
    record "$TOOL" time -n 50 -k serve_cli -- $CS -f json "$DATA/draft.md"
    kv serve_cli_aps "$(grep '^serve_cli_run[0-9]*_ms=' "$RES.tmp" | awk -F= '{ t += $2; n++ } END { printf "%.1f", n * 1000 / t }')"
    "$BIN" serve --no-config --listen 127.0.0.1:0 --port-file "$SV/port" --access-log /dev/null \
        2> "$SV/serve.err" &
    serve_pid=$!
    t=100
    while [ ! -s "$SV/port" ] && [ "$t" -gt 0 ] && kill -0 "$serve_pid" 2>/dev/null; do
        sleep 0.1
        t=$((t - 1))
    done
    if ! [ -s "$SV/port" ]; then
        kill "$serve_pid" 2>/dev/null || true
        kv serve_status "not run: the server did not start ($(tail -n 1 "$SV/serve.err"))"
    else
        SADDR=$(cat "$SV/port")
        kv serve_workers "$(sed -n 's/.*(\([0-9]*\) workers.*/\1/p' "$SV/serve.err" | head -n 1)"
        # the answer is the CLI's report, byte for byte
        if command -v curl >/dev/null 2>&1; then
            curl -sS -H 'Content-Type: text/markdown' --data-binary @"$DATA/draft.md" \
                -o "$SV/answer.json" "http://$SADDR/v1/score"
            $CS -f json --input-format markdown - < "$DATA/draft.md" > "$SV/cli.json"
            if cmp -s "$SV/answer.json" "$SV/cli.json"; then kv serve_identical yes; else kv serve_identical NO; fi
        else
            kv serve_identical "not checked (no curl)"
        fi
        log "serve: POST /v1/score draft.md, hey -c 1, 8, 32 (~5 s each after a 1 s warm-up), $(get serve_workers) workers"
        for c in 1 8 32; do
            hey -z 1s -c "$c" -t 60 -m POST -T text/markdown -D "$DATA/draft.md" \
                "http://$SADDR/v1/score" > "$SV/warm$c.txt" 2>&1 || true
            # about 5 s at the warm-up's pace, a multiple of c (hey gives each client n / c)
            n=$(awk -v c="$c" '/Requests\/sec:/ { n = int($2 * 5 / c) * c } END { if (n < 50 * c) n = 50 * c; print n }' "$SV/warm$c.txt")
            hey_run serve_c$c "$c" "$n" || true
            log "  -c $c: $(get serve_c${c}_rps) requests/s, p50 $(get serve_c${c}_p50_ms) ms, p99 $(get serve_c${c}_p99_ms) ms ($(get serve_c${c}_requests) requests, $(get serve_c${c}_failed) failed)"
        done
        log "serve: the server's RSS over 100,000 more requests from 8 clients"
        set -- $(serve_tree_rss "$serve_pid")
        kv serve_rss0_tree_kb "$1"; kv serve_rss0_parent_kb "$2"; kv serve_rss0_workers_kb "$3"; kv serve_rss0_procs "$4"
        hey_run serve_mem1 8 50000 || true
        set -- $(serve_tree_rss "$serve_pid")
        kv serve_rss1_tree_kb "$1"; kv serve_rss1_parent_kb "$2"; kv serve_rss1_workers_kb "$3"; kv serve_rss1_procs "$4"
        hey_run serve_mem2 8 50000 || true
        set -- $(serve_tree_rss "$serve_pid")
        kv serve_rss2_tree_kb "$1"; kv serve_rss2_parent_kb "$2"; kv serve_rss2_workers_kb "$3"; kv serve_rss2_procs "$4"
        kv serve_mem_requests "$(arith "$(get serve_mem1_ok)" + "$(get serve_mem2_ok)")"
        kv serve_mem_failed "$(arith "$(get serve_mem1_failed)" + "$(get serve_mem2_failed)")"
        for w in tree parent workers; do
            kv serve_growth_${w}_kb "$(arith "$(get serve_rss2_${w}_kb)" - "$(get serve_rss0_${w}_kb)")"
            kv serve_growth2_${w}_kb "$(arith "$(get serve_rss2_${w}_kb)" - "$(get serve_rss1_${w}_kb)")"
        done
        log "  RSS of the tree: $(get serve_rss0_tree_kb) KiB after warm-up, $(get serve_rss1_tree_kb) after 50,000, $(get serve_rss2_tree_kb) after 100,000: $(get serve_growth_tree_kb) KiB growth"
        kill "$serve_pid" 2>/dev/null || true
        if wait "$serve_pid"; then kv serve_exit 0; else kv serve_exit "$?"; fi
        kv serve_vs_cli "$(ratio "$(get serve_c8_rps)" "$(get serve_cli_aps)")"
        kv serve_status "ran"
        log "  CLI $(get serve_cli_aps) articles/s; the server at 8 clients: $(get serve_vs_cli)x"
    fi
fi

# ---- peak RSS streaming 100 MB -----------------------------------------
if ! skipped rss; then
    bytes100=$(get corpus100_bytes)
    log "peak RSS: score --jsonl corpus100.jsonl -j 1 under /usr/bin/time"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f 'rss_time_maxrss_kb=%M' -o "$B/time.txt" $CS --jsonl "$C100" -j 1 > /dev/null
        cat "$B/time.txt" >> "$RES.tmp"
    fi
    for j in 1 2; do
        log "peak RSS: score --jsonl corpus100.jsonl -j $j, process tree sampled every 10 ms"
        record "$TOOL" rss -i 10 -k rss_j$j -- $CS --jsonl "$C100" -j $j
        kv rss_j${j}_mbps "$(mbps "$bytes100" "$(get rss_j${j}_wall_ms)")"
    done
fi

# ---- textlint peer -------------------------------------------------------
TL=$B/textlint
FILES=$DATA/files10
files_bytes=$(get files10_bytes)
log "credscore over the same corpus as $(get files10_count) .txt files (best of 3)"
record "$TOOL" time -n 3 -k csfiles_j1 -- $CS -f json "$FILES"
record "$TOOL" time -n 3 -k csfiles_j2 -- $CS -f json -j 2 "$FILES"
throughput csfiles_j1 "$files_bytes"
throughput csfiles_j2 "$files_bytes"
tl_ok=0
if skipped textlint; then
    kv textlint_status "skipped (BENCH_SKIP)"
elif ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    kv textlint_status "not run: node and npm not found"
elif ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=18)?0:1)'; then
    kv textlint_status "not run: textlint $TEXTLINT_VERSION needs Node >= 20.18 (found $(node --version))"
else
    mkdir -p "$TL"
    have=$(node -p "require('./$TL/node_modules/textlint/package.json').version" 2>/dev/null || true)
    if [ "$have" != "$TEXTLINT_VERSION" ]; then
        log "installing textlint@$TEXTLINT_VERSION into $TL"
        [ -f "$TL/package.json" ] || printf '{ "private": true }\n' > "$TL/package.json"
        npm install --prefix "$TL" --no-audit --no-fund --loglevel=error \
            "textlint@$TEXTLINT_VERSION" >&2 2>/dev/null || true
    fi
    have=$(node -p "require('./$TL/node_modules/textlint/package.json').version" 2>/dev/null || true)
    if [ "$have" != "$TEXTLINT_VERSION" ]; then
        kv textlint_status "not run: npm install textlint@$TEXTLINT_VERSION failed"
    else
        tl_ok=1
        kv textlint_status "ran"
    fi
fi
if [ "$tl_ok" = 1 ]; then
    kv textlint_version "$TEXTLINT_VERSION"
    kv node_version "$(node --version)"
    rm -rf "$TL/node_modules/textlint-rule-credscore-phrases"
    cp -R tests/bench/textlint-rule-credscore-phrases "$TL/node_modules/"
    "$BIN" rules --no-config -f json > "$TL/rules.json"
    printf '{ "rules": { "credscore-phrases": { "rules": "%s" } } }\n' "$root/$TL/rules.json" \
        > "$TL/textlintrc.json"
    kv textlint_phrases "$(node -e '
        const r = require(process.argv[1]).rules.filter((x) => x.kind === "phrases");
        console.log(r.length + " rules, " + r.reduce((a, x) => a + x.phrases.length, 0) + " phrases");
    ' "$root/$TL/rules.json")"
    # credscore doing only textlint's job: the same phrase rules, no plugins
    mkdir -p "$DATA/phrases-only/phrases"
    node tests/bench/phrase-rules.js "$TL/rules.json" > "$DATA/phrases-only/phrases/phrases.lua"
    printf 'rules: ["phrases/"]\nplugins: []\n' > "$DATA/phrases-only/credscore.yaml"
    kv rules_phrases_only "$("$BIN" rules -c "$DATA/phrases-only/credscore.yaml" | tail -n 1)"
    PO="$BIN score -c $DATA/phrases-only/credscore.yaml --no-exit"
    log "credscore with the phrase rules only (no regex or Lua rules, no plugins), best of 3"
    record "$TOOL" time -n 3 -k csfiles_po -- $PO -f json "$FILES"
    throughput csfiles_po "$files_bytes"
    record "$TOOL" time -n 3 -k tp_po_j1 -- $PO --jsonl "$C10" -j 1
    throughput tp_po_j1 "$bytes10"
    TLBIN="node $TL/node_modules/textlint/bin/textlint.js -c $TL/textlintrc.json -f json"
    log "textlint $TEXTLINT_VERSION over the same files (best of 3)"
    record "$TOOL" time -n 3 -k textlint -- $TLBIN "$FILES/*.txt"
    throughput textlint "$files_bytes"
    record "$TOOL" time -n 3 -k textlint_one -- $TLBIN "$FILES/000001.txt"
    kv textlint_net_mbps "$(mbps "$files_bytes" "$(awk -v a="$(get textlint_min_ms)" -v b="$(get textlint_one_min_ms)" 'BEGIN { print a - b }')")"
    kv ratio_files "$(ratio "$(get csfiles_j1_mbps)" "$(get textlint_mbps)")"
    kv ratio_jsonl "$(ratio "$(get tp_j1_mbps)" "$(get textlint_mbps)")"
    kv ratio_files_po "$(ratio "$(get csfiles_po_mbps)" "$(get textlint_mbps)")"
    # same job? count textlint's hits and credscore's phrase-rule findings
    $TLBIN -o "$TL/out.json" "$FILES/*.txt" > /dev/null || true
    $CS -f json -o "$TL/credscore.json" "$FILES" || true
    kv textlint_hits "$(node -e '
        let n = 0; for (const f of require(process.argv[1])) n += f.messages.length; console.log(n);
    ' "$root/$TL/out.json")"
    kv credscore_phrase_findings "$(node -e '
        const ids = new Set(require(process.argv[1]).rules.filter((x) => x.kind === "phrases").map((x) => x.id));
        let n = 0, all = 0;
        for (const a of require(process.argv[2]).articles) for (const f of a.findings) { all++; n += ids.has(f.rule); }
        console.log(n + " of " + all + " findings");
    ' "$root/$TL/rules.json" "$root/$TL/credscore.json")"
    rm -f "$TL/credscore.json"
    log "  textlint $(get textlint_mbps) MB/s, credscore $(get csfiles_j1_mbps) MB/s on files: $(get ratio_files)x"
fi

# ---- profile -------------------------------------------------------------
PROF=$B/profile.tsv
rm -f "$PROF"
if skipped perf; then
    kv profile_status "skipped (BENCH_SKIP)"
elif ! command -v perf >/dev/null 2>&1; then
    kv profile_status "not run: perf not found"
else
    log "profile: perf record --call-graph dwarf, corpus10.jsonl -j 1"
    if perf record -q -F 2999 --call-graph dwarf,16384 -o "$B/perf.data" -- \
        $CS --jsonl "$C10" -j 1 > /dev/null 2> "$B/perf.err"; then
        perf script -i "$B/perf.data" -F pid,ip,sym,dso 2> /dev/null |
            awk -f tests/bench/profile.awk | sort -t "$(printf '\t')" -k1,1 -k2,2nr > "$PROF"
        kv profile_status "ran: perf record -F 2999 --call-graph dwarf"
        kv profile_samples "$(sed -n 's/^T\t//p' "$PROF")"
        perf report -i "$B/perf.data" --no-children --sort dso --stdio -g none 2> /dev/null |
            grep '%' | grep -v '^#' | head -n 12 > "$B/profile-dso.txt" || true
    else
        kv profile_status "not run: perf record failed ($(tail -n 1 "$B/perf.err"))"
    fi
fi

kv load_end "$(loadavg)"
log "load average at end: $(loadavg)"
mv "$RES.tmp" "$RES"
log "raw results: $RES"

if [ "$BENCH_DOC" != "-" ]; then
    sh tests/bench/doc.sh "$RES" "$PROF" > "$BENCH_DOC.tmp"
    mv "$BENCH_DOC.tmp" "$BENCH_DOC"
    log "wrote $BENCH_DOC"
fi
sh tests/bench/doc.sh --summary "$RES"
