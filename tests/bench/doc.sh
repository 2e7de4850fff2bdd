#!/bin/sh
# tests/bench/doc.sh - docs/performance.md from the raw figures of `make bench`.
#
#   sh tests/bench/doc.sh RESULTS.txt [PROFILE.tsv] > docs/performance.md
#   sh tests/bench/doc.sh --summary RESULTS.txt     (figures vs targets, plain)
#
# RESULTS.txt holds the KEY=VALUE lines written by tests/bench/run.sh;
# PROFILE.tsv the bucketed perf samples (tests/bench/profile.awk).  The
# hand-written analysis, tests/bench/analysis.md, is appended as it is.
set -eu
LC_ALL=C # sorted globs and decimal points whatever the caller's locale
export LC_ALL

summary=0
if [ "${1:-}" = "--summary" ]; then
    summary=1
    shift
fi
RES=${1:?usage: doc.sh [--summary] RESULTS.txt [PROFILE.tsv]}
PROF=${2:-}
here=$(cd "$(dirname "$0")" && pwd)

g() { sed -n "s/^$1=//p" "$RES" | tail -n 1; }
# num EXPR: awk arithmetic on figures (empty figures make it print "")
calc() { awk "BEGIN { $1 }" 2>/dev/null || true; }
# verdict VALUE OP TARGET
verdict() {
    if [ -z "$1" ]; then echo "not measured"; return; fi
    awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
        ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0); print ok ? "PASS" : "MISS" }'
}
mib() { [ -n "$1" ] && calc "printf \"%.1f\", $1 / 1024" || true; }

tp1=$(g tp_j1_mbps)
sp2=$(g tp_j2_speedup)
rf=$(g ratio_files)
rj=$(g ratio_jsonl)
dm=$(g draft_median_ms)
rss_sum=$(g rss_j1_peak_tree_rss_kb)
rss_max=$(calc "a = \"$(g rss_j1_parent_hwm_kb)\" + 0; b = \"$(g rss_j1_max_child_hwm_kb)\" + 0; c = \"$(g rss_time_maxrss_kb)\" + 0; m = a; if (b > m) m = b; if (c > m) m = c; if (m > 0) print m")
ec=$(g extra_cost)

v1=$(verdict "$tp1" ">=" 50)
v2=$(verdict "$sp2" ">=" 1.8)
v3=$(verdict "$rf" ">=" 100)
v4=$(verdict "$dm" "<=" 10)
v5=$(verdict "$rss_sum" "<=" 65536)
v6=$(verdict "$ec" "<=" 2)
# credscore serve: judged only when the serve section ran
if [ "$(g serve_status)" = ran ]; then
    s8=$(g serve_c8_rps)
    s8p99=$(g serve_c8_p99_ms)
    svc=$(g serve_vs_cli)
    sgrow=$(g serve_growth_tree_kb)
else
    s8="" s8p99="" svc="" sgrow=""
fi
v7=$(verdict "$s8" ">=" 1500)
v8=$(verdict "$s8p99" "<=" 20)
v9=$(verdict "$svc" ">=" 10)
v10=$(verdict "$sgrow" "<=" 256)
# the realistic corpus (issue 19): judged only when it ran
rj1=$(g real_j1_mbps)
rsp2=$(g real_j2_speedup)
rmd=$(calc "m = \"$(g realmd_j1_mbps)\" + 0; j = \"$rj1\" + 0; if (m > 0 && j > 0) printf \"%.2f\", m / j")
v11=$(verdict "$rj1" ">=" 60)
v12=$(verdict "$rsp2" ">=" 1.8)
v13=$(verdict "$rmd" ">=" 0.8)

# tp_row KEY NAME: one row of a throughput table (nothing when not measured)
tp_row() {
    [ -n "$(g ${1}_min_ms)" ] || return 0
    printf '| %s | %s ms | %s ms | %s | %s ms | %s | %s%% |\n' "$2" "$(g ${1}_min_ms)" \
        "$(g ${1}_median_ms)" "$(g ${1}_mbps)" \
        "$(calc "printf \"%.0f\", $(g ${1}_best_user_ms) + $(g ${1}_best_sys_ms)")" \
        "$(g ${1}_cpu_mbps)" "$(g ${1}_machine_idle_pct)"
}

# dask_rows: the cluster's row and -j 2's (nothing when not measured)
dask_rows() {
    [ -n "$(g dask_min_ms)" ] || return 0
    printf '| Dask, 2 workers | %s ms | %s ms | %s | %s%% |\n' "$(g dask_min_ms)" \
        "$(g dask_median_ms)" "$(g dask_mbps)" "$(g dask_machine_idle_pct)"
    printf '| `-j 2`, one process | %s ms | %s ms | %s | %s%% |\n' "$(g tp_j2_min_ms)" \
        "$(g tp_j2_median_ms)" "$(g tp_j2_mbps)" "$(g tp_j2_machine_idle_pct)"
}

case $(g real_status) in
ran) real_note="" ;;
*) real_note="Not measured in this run (the bench said: $(g real_status)).  (\`../shared/corpus\` is not part of the repository; on a fresh clone the bench skips the realistic corpus and says so.)" ;;
esac
case $(g dask_status) in
ran) dask_note="" ;;
*) dask_note="Not measured in this run (the bench said: $(g dask_status))." ;;
esac

# real_section, dask_section: the realistic corpus's and the Dask cluster's
# parts of "Throughput" (a note instead when the bench left them out)
real_section() {
    if [ "$(g real_status)" != ran ]; then
        printf '\n### Realistic corpus\n\n%s\n' "$real_note"
        return 0
    fi
    cat <<EOF

### Realistic corpus

The same command on the real passages (see "Inputs"), best of 3 (the
100 MB stream: one run).

| run | best | median | MB/s | CPU time | MB per CPU-second | machine idle |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
$(tp_row real_j1 "\`--jsonl real10.jsonl -j 1\`")
$(tp_row real_j2 "\`--jsonl real10.jsonl -j 2\`")
$(tp_row realmd_j1 "\`-f json real/md10/\` ($(g realmd10_count) Markdown files), \`-j 1\`")
$(tp_row realmd_j2 "\`-f json real/md10/\`, \`-j 2\`")
$(tp_row real100_j2 "\`--jsonl real100.jsonl -j 2\`")

Speed-up of \`-j 2\` over \`-j 1\` on the real passages: $(g real_j2_speedup)x.
Generated corpus against real passages, \`-j 1\`: $(g tp_j1_mbps) against $(g real_j1_mbps) MB/s.
EOF
}
dask_section() {
    if [ "$(g dask_status)" != ran ]; then
        printf '\n### Dask cluster\n\n%s\n' "$dask_note"
        return 0
    fi
    cat <<EOF

### Dask cluster

\`examples/distributed/credscore_dask.py\` (docs/distributed.md) on a local
cluster: a scheduler and two one-thread worker processes on loopback, on
the same machine as the rows above; partitions of 500 records of
corpus10.jsonl, each scored by \`credscore score --jsonl - --no-exit --bundle\`
in a worker; timed from starting the client (Python and its Dask imports,
connecting, shipping the binary and the bundle) to the merged file written,
best of 3.

| run | best | median | MB/s | machine idle |
| --- | ---: | ---: | ---: | ---: |
$(dask_rows)

The cluster reached $(g dask_vs_j2)x the throughput of \`-j 2\` on the same
machine; its merged output byte-identical to \`-j 2\`'s: $(g dask_identical).
The cluster adds a Python client, a scheduler, serialisation and a fresh
credscore process (configuration, rules and plugins loaded again) per
partition: on one machine it is not expected to beat \`-j 2\`; it is there to
spread a corpus over machines.
EOF
}

# serve_section: the service's figures (a note when the bench left them out)
serve_row() { # KEY CLIENTS
    [ -n "$(g ${1}_rps)" ] || return 0
    printf '| %s | %s | %s s | %s | %s ms | %s ms | %s ms | %s |\n' "$2" "$(g ${1}_ok)" "$(g ${1}_wall_s)" \
        "$(g ${1}_rps)" "$(g ${1}_p50_ms)" "$(g ${1}_p90_ms)" "$(g ${1}_p99_ms)" "$(g ${1}_failed)"
}
serve_mem_row() { # STAGE NAME
    printf '| %s | %s KiB | %s KiB | %s KiB | %s |\n' "$2" "$(g serve_rss${1}_parent_kb)" \
        "$(g serve_rss${1}_workers_kb)" "$(g serve_rss${1}_tree_kb)" "$(g serve_rss${1}_procs)"
}
serve_section() {
    if [ "$(g serve_status)" != ran ]; then
        printf '## Service\n\nNot measured in this run (the bench said: %s).\n' "$(g serve_status)"
        return 0
    fi
    cat <<EOF
## Service

\`credscore serve --no-config\` on an ephemeral loopback port with its
default $(g serve_workers) workers (one per CPU), the same configuration as
the rows above; \`hey\` posts draft.md ($(g draft_bytes) bytes, \`Content-Type:
text/markdown\`) to \`/v1/score\` over keep-alive connections and gets the
JSON report (byte for byte what \`score -f json\` prints for the draft:
$(g serve_identical)).  Each row follows a 1 s warm-up at the same
concurrency, which sets its number of requests (about 5 s of them).  hey
runs on the same CPUs as the server and its workers.

| clients | answered | wall | requests/s | p50 | p90 | p99 | failed |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(serve_row serve_c1 1)
$(serve_row serve_c8 8)
$(serve_row serve_c32 32)

Against the command line, measured just before the server started:
\`credscore score --no-config --no-exit -f json draft.md\`, a cold process
per article, 50 runs back to back: $(g serve_cli_aps) articles/s (median $(g serve_cli_median_ms) ms a run, min $(g serve_cli_min_ms) ms).  The server at 8 clients
answers ${svc}x as many.

Memory: the VmRSS of the server and of its workers (/proc), after the
warm-up and the three runs above, then after two runs of 50,000 requests
from 8 clients ($(g serve_mem_requests) answered 200, $(g serve_mem_failed) failed).

| when | server | workers | whole tree | processes |
| --- | ---: | ---: | ---: | ---: |
$(serve_mem_row 0 "after the warm-up")
$(serve_mem_row 1 "after 50,000 more requests")
$(serve_mem_row 2 "after 100,000 more requests")

Growth over the 100,000 requests: $(g serve_growth_tree_kb) KiB for the tree (server $(g serve_growth_parent_kb) KiB,
workers $(g serve_growth_workers_kb) KiB); over the second 50,000: $(g serve_growth2_tree_kb) KiB.  The
server exited with status $(g serve_exit) on SIGTERM afterwards.
EOF
}

case $(g textlint_status) in
ran) tl_intro="textlint $(g textlint_version) was installed by the bench into a scratch folder (npm), with" ;;
*) tl_intro="textlint: $(g textlint_status).  The peer is textlint with" ;;
esac
case $(g profile_status) in
ran:*) prof_intro="Recorded with \`$(g profile_status | sed 's/^ran: //')\` on \`score --jsonl corpus10.jsonl -j 1\`, $(g profile_samples) samples over both processes." ;;
*) prof_intro="Profile: $(g profile_status)." ;;
esac

if [ "$summary" = 1 ]; then
    cat <<EOF
credscore bench ($(g date), $(g cpus) CPUs, load $(g load_start) -> $(g load_end))
  throughput -j 1      $tp1 MB/s ($(g tp_j1_cpu_mbps) per CPU-second)  target >= 50 MB/s    $v1
  throughput -j 2      $(g tp_j2_mbps) MB/s = ${sp2}x -j 1        target >= 1.8x       $v2
                       (two spin loops at once: $(g spin_speedup)x one; machine idle during -j 2: $(g tp_j2_machine_idle_pct)%;
                        --no-plugins: $(g tp_np_j1_mbps) / $(g tp_np_j2_mbps) MB/s)
  vs textlint          ${rf:-?}x on files, ${rj:-?}x JSONL       target >= 100x       $v3
                       (textlint $(g textlint_mbps) MB/s, credscore files $(g csfiles_j1_mbps) MB/s; $(g textlint_status))
  cold 5 KB draft      median $dm ms                 target <= 10 ms      $v4
  peak RSS, 100 MB     tree $(mib "$rss_sum") MiB, largest process $(mib "$rss_max") MiB   target <= 64 MiB  $v5
  1,000 extra rules    ${ec}x the time, $(g extra_cost_cpu)x the CPU ($(g tp_extra_j1_mbps) MB/s)   target <= 2x   $v6
  realistic corpus     $(if [ "$(g real_status)" = ran ]; then echo "-j 1 $(g real_j1_mbps) MB/s, -j 2 $(g real_j2_mbps) MB/s, Markdown files -j 1 $(g realmd_j1_mbps) MB/s"; else g real_status; fi)
  Dask, 2 workers      $(if [ "$(g dask_status)" = ran ]; then echo "$(g dask_mbps) MB/s = $(g dask_vs_j2)x -j 2, output identical: $(g dask_identical)"; else g dask_status; fi)
EOF
    if [ "$(g serve_status)" = ran ]; then
        cat <<EOF
  serve, 8 clients     $s8 requests/s               target >= 1,500/s    $v7
  serve p99, 8 clients $s8p99 ms                      target <= 20 ms      $v8
                       (1 client: $(g serve_c1_rps)/s, p50 $(g serve_c1_p50_ms) ms, p99 $(g serve_c1_p99_ms) ms;
                        32 clients: $(g serve_c32_rps)/s, p50 $(g serve_c32_p50_ms) ms, p99 $(g serve_c32_p99_ms) ms)
  serve vs CLI         ${svc}x the CLI's $(g serve_cli_aps) cold articles/s   target >= 10x   $v9
  serve memory         $sgrow KiB growth over $(g serve_mem_requests) requests (tree $(g serve_rss0_tree_kb) -> $(g serve_rss2_tree_kb) KiB)   target <= 256 KiB   $v10
EOF
    else
        echo "  serve                $(g serve_status)"
    fi
    exit 0
fi

cat <<EOF
# Performance

Measured by \`make bench\` (tests/bench/run.sh) on $(g date), credscore
$(g credscore_version | sed 's/^credscore //'), commit $(g git_rev).  Every figure below comes from
\`$RES\` of that run; \`make bench\` rewrites this page (the analysis at the
end is tests/bench/analysis.md, written by hand).  Throughput is input bytes
per second of wall time, MB = 10^6 bytes; memory is in MiB.

## The machine

| | |
| --- | --- |
| CPU | $(g cpu_model), $(g cpus) vCPUs ($(g threads_per_core) thread per core as reported, hypervisor: $(g hypervisor)) |
| memory | $(g mem_total_mib) MiB |
| OS, kernel | $(g os), $(g kernel) |
| compiler | $(g compiler), $(g build_flags) |
| libraries | $(g libs) |
| peer | textlint $(g textlint_version) on Node $(g node_version) |
| load average (1, 5, 15 min) | $(g load_start) at the start, $(g load_end) at the end |

The machine is shared: other jobs (fuzzers, test suites) ran during the
measurement, so the load average above is part of every figure, and two
CPU-bound processes get $(g spin_speedup)x the work of one done (2.00 would
be two free cores; see "Hardware parallelism").

## Figures against the targets

With the built-in configuration (\`--no-config\`: the full default rule pack,
$(g rules_default)).

| what | measured | target | |
| --- | --- | --- | --- |
| throughput, \`score --jsonl\` 10 MB, \`-j 1\` | $tp1 MB/s | >= 50 MB/s | $v1 |
| realistic corpus (real news passages, see "Inputs"), \`score --jsonl\` 10 MB, \`-j 1\` | ${rj1:-not measured} MB/s | >= 60 MB/s | $v11 |
| the same, \`-j 2\` | $(g real_j2_mbps) MB/s, ${rsp2:-?}x \`-j 1\` | >= 1.8x \`-j 1\` | $v12 |
| the same articles as $(g realmd10_count) Markdown files, \`score -f json\` on the folder, \`-j 1\` | $(g realmd_j1_mbps) MB/s, ${rmd:-?} of JSONL mode | >= 0.8 of JSONL (within 20%) | $v13 |
| throughput, \`-j 2\` | $(g tp_j2_mbps) MB/s, ${sp2}x \`-j 1\` (two spin loops: $(g spin_speedup)x one; machine idle during the runs: $(g tp_j2_machine_idle_pct)%) | >= 1.8x \`-j 1\` | $v2 |
| against textlint, same 10 MB as $(g files10_count) files, same phrase lists | ${rf:-not measured}x (JSONL against textlint's files: ${rj:-?}x) | >= 100x | $v3 |
| one 5 KB Markdown draft, cold process, start to exit | median $dm ms | <= 10 ms | $v4 |
| peak RSS streaming 100 MB, \`-j 1\` | whole tree $(mib "$rss_sum") MiB; largest single process $(mib "$rss_max") MiB | <= 64 MiB | $v5 |
| 1,000 extra phrase rules (5,000 phrases) | ${ec}x the time of the default pack ($(g extra_cost_cpu)x the CPU time) | <= 2x | $v6 |
| \`credscore serve\`, POST /v1/score with the 5 KB draft, 8 concurrent clients | ${s8:-not measured} requests/s | >= 1,500 requests/s | $v7 |
| the same, p99 latency | ${s8p99:-not measured} ms (1 client: $(g serve_c1_p99_ms) ms, 32 clients: $(g serve_c32_p99_ms) ms) | <= 20 ms | $v8 |
| the same against the CLI (cold \`score -f json draft.md\`, back to back) | ${svc:-not measured}x ($(g serve_cli_aps) articles/s) | >= 10x | $v9 |
| the server's memory over 100,000 requests after warm-up (server and workers, RSS) | ${sgrow:-not measured} KiB growth | <= 256 KiB (flat) | $v10 |

## Inputs

\`tests/bench/gen_corpus.c\` builds them with a fixed-seed PRNG (splitmix64)
from the fixture articles (examples/articles, tests/articles: stripped to
plain paragraphs) and its own paragraph templates (names, places, bodies,
outlets, numbers drawn at random; on-record, institutional, media,
anonymous, vague, hedged, unverified, social and plain narrative
paragraphs).  The same bytes on every run (FNV-1a 64 checksums):

| input | size | items | checksum |
| --- | ---: | ---: | --- |
| corpus10.jsonl | $(g corpus10_bytes) bytes | $(g corpus10_articles) articles | $(g corpus10_fnv) |
| files10/*.txt (the same articles, one per file) | $(g files10_bytes) bytes | $(g files10_count) files | |
| corpus100.jsonl | $(g corpus100_bytes) bytes | $(g corpus100_articles) articles | $(g corpus100_fnv) |
| draft.md | $(g draft_bytes) bytes | 1 | $(g draft_fnv) |
| extra/extra.lua | 1,000 phrase rules of 5 invented phrases | | $(g extra_fnv) |

The realistic corpus (\`tests/bench/gen_real.c\`) is made of real news
passages: those of \`../shared/corpus/dev.jsonl\` (two scraped news texts)
and \`wikinews.jsonl\` (345 paragraphs of 24 English Wikinews articles),
shuffled round after round with a fixed seed (splitmix64) and dealt into
articles of 8 to 24 passages joined by blank lines, as JSONL and as one
Markdown file per article.  The Wikinews text is licensed under Creative
Commons Attribution 2.5 (the Wikinews contributors of each article);
\`../shared/corpus/SOURCES.md\`, which names the articles, their authors and
the licence, is copied next to the generated files
(\`build/bench/data/real/SOURCES.md\`, beside \`real10.jsonl\`, \`real100.jsonl\`
and \`md10/\`), which are not committed.  $real_note

| input | size | items | checksum |
| --- | ---: | ---: | --- |
| real/real10.jsonl | $(g real10_bytes) bytes | $(g real10_articles) articles | $(g real10_fnv) |
| real/md10/*.md (the same articles, one per file) | $(g realmd10_bytes) bytes | $(g realmd10_count) files | $(g realmd10_fnv) |
| real/real100.jsonl | $(g real100_bytes) bytes | $(g real100_articles) articles | $(g real100_fnv) |

## Throughput

\`credscore score --no-config --no-exit --jsonl corpus10.jsonl\`, output to
/dev/null, best of 3 runs; the first five configurations were run in turn,
one run of each per round, so that the machine's load changes hit them
alike.  CPU time is user + system of the whole process
tree in the best run; MB per CPU-second is the figure the load of other jobs
disturbs least; "idle" is the idle share of the machine's CPUs during the
runs (0% = every CPU busy, credscore's workers competing with other jobs).

| run | best | median | MB/s | CPU time | MB per CPU-second | machine idle |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
for k in tp_j1 tp_j2 tp_np_j1 tp_np_j2 tp_extra_j1 tp_po_j1 csfiles_j1 csfiles_j2 csfiles_po textlint; do
    case $k in
    tp_j1) name="\`-j 1\`" ;;
    tp_j2) name="\`-j 2\`" ;;
    tp_np_j1) name="\`--no-plugins -j 1\`" ;;
    tp_np_j2) name="\`--no-plugins -j 2\`" ;;
    tp_extra_j1) name="\`-j 1\`, default pack + 1,000 rules" ;;
    csfiles_j1) name="\`score -f json files10/\` ($(g files10_count) files)" ;;
    csfiles_j2) name="\`score -f json -j 2 files10/\`" ;;
    tp_po_j1) name="\`-j 1\`, phrase rules only, no plugins" ;;
    csfiles_po) name="\`score -f json files10/\`, phrase rules only, no plugins" ;;
    textlint) name="textlint, same files" ;;
    esac
    [ -n "$(g ${k}_min_ms)" ] || continue
    printf '| %s | %s ms | %s ms | %s | %s ms | %s | %s%% |\n' "$name" "$(g ${k}_min_ms)" \
        "$(g ${k}_median_ms)" "$(g ${k}_mbps)" \
        "$(calc "printf \"%.0f\", $(g ${k}_best_user_ms) + $(g ${k}_best_sys_ms)")" \
        "$(g ${k}_cpu_mbps)" "$(g ${k}_machine_idle_pct)"
done
cat <<EOF

Speed-up of \`-j 2\` over \`-j 1\`: ${sp2}x with plugins, $(g tp_np_j2_speedup)x without.
EOF
real_section
dask_section
cat <<EOF

### Hardware parallelism

\`benchtool spin\`: one process spinning on a CPU-bound loop took
$(g spin_p1_ms) ms of wall time ($(g spin_p1_cpu_ms) ms of CPU); two at once took
$(g spin_p2_ms) ms (each got $(g spin_p2_cpu_ms) ms of CPU), best of two tries each.
Two processes therefore got $(g spin_speedup)x the work of one done: this is
the ceiling for \`-j 2\` on this machine at this load, whatever credscore
does.  \`-j 2\` reached ${sp2}x.

While the two spun, the machine's CPUs were $(g spin_p2_idle_pct)% idle and
$(g spin_p2_steal_pct)% stolen by the hypervisor.  How to read it: if each
spinning process got about as much CPU time as the one alone but the wall
time grew, the processes waited for a CPU held by other jobs (a busy
machine); if the CPU time itself grew, the work ran slower per CPU-second (two
vCPUs sharing one physical core, or steal).

## Cold draft

\`credscore score --no-config --no-exit draft.md\` ($(g draft_bytes) bytes of Markdown),
start to exit, 20 runs after one warm-up (the files are in the page cache;
"cold" is the process: configuration, rules, Lua, plugins loaded each time).

| run | median | min | max |
| --- | ---: | ---: | ---: |
| with plugins | $(g draft_median_ms) ms | $(g draft_min_ms) ms | $(g draft_max_ms) ms |
| \`--no-plugins\` | $(g draft_np_median_ms) ms | $(g draft_np_min_ms) ms | $(g draft_np_max_ms) ms |
| default pack + 1,000 rules | $(g draft_extra_median_ms) ms | $(g draft_extra_min_ms) ms | $(g draft_extra_max_ms) ms |
| \`credscore --version\` (exec and dynamic linking only) | $(g version_median_ms) ms | $(g version_min_ms) ms | $(g version_max_ms) ms |

$(serve_section)

## Memory

\`score --jsonl corpus100.jsonl\` ($(g corpus100_bytes) bytes).  The parent
reads the stream and writes the answers; the lines are scored in separate
worker processes (\`-j N\` of them, forked after the rules and plugins are
loaded, so their pages are shared copy-on-write until written).  What was
measured:

- \`/usr/bin/time -f %M\`: the kernel's max RSS of the command, which for a
  reaped process tree is the largest RSS of any one process in it (parent or
  worker), not their sum: $(mib "$(g rss_time_maxrss_kb)") MiB.
- \`benchtool rss\` sampled the tree from /proc every $(g rss_j1_interval_ms) ms: VmHWM
  (peak RSS) of the parent and of every worker, and the peak of the sum of
  VmRSS over all processes (shared pages counted once per process, so an
  upper bound of what the job holds).

| run | wall | MB/s | parent VmHWM | largest worker VmHWM | peak sum of the tree | processes seen |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| \`-j 1\` | $(g rss_j1_wall_ms) ms | $(g rss_j1_mbps) | $(mib "$(g rss_j1_parent_hwm_kb)") MiB | $(mib "$(g rss_j1_max_child_hwm_kb)") MiB | $(mib "$(g rss_j1_peak_tree_rss_kb)") MiB | $(calc "print $(g rss_j1_children_seen) + 1") |
| \`-j 2\` | $(g rss_j2_wall_ms) ms | $(g rss_j2_mbps) | $(mib "$(g rss_j2_parent_hwm_kb)") MiB | $(mib "$(g rss_j2_max_child_hwm_kb)") MiB | $(mib "$(g rss_j2_peak_tree_rss_kb)") MiB | $(calc "print $(g rss_j2_children_seen) + 1") |

The target is judged on the peak sum of the \`-j 1\` tree, the strictest of
these figures.  Not streamed, for comparison: \`score -f json files10/\`
(one JSON document for $(g files10_count) files) peaked at $(mib "$(g csfiles_j1_best_maxrss_kb)") MiB (\`-j 1\`, max RSS
of any process of the tree).

## Rule count

A config \`rules: ["@default", "extra/"]\` adds 1,000 generated phrase rules
of five invented multi-word phrases each (common news words around one
made-up word, so the automaton walks partial matches but nothing fires:
$(g extra_hits) findings of them on the corpus).  Default: $(g rules_default);
with the extra rules: $(g rules_extra).

Throughput with \`-j 1\`: $(g tp_j1_mbps) MB/s with the default pack, $(g tp_extra_j1_mbps) MB/s with
the extra rules: ${ec}x the time ($(g extra_cost_cpu)x the CPU time).  Loading them costs the cold draft
$(g draft_extra_median_ms) ms instead of $(g draft_median_ms) ms (median).

## textlint

$tl_intro
\`tests/bench/textlint-rule-credscore-phrases\`, a dependency-free rule that
carries the phrase lists of the default pack (read at bench time from
\`credscore rules -f json\`: $(g textlint_phrases); \`unless\` and \`needs\` lists ignored) and
reports every hit, matching as credscore's matcher does (case-insensitive,
word boundaries, white-space runs, typographic quotes and dashes; one
regular expression per rule).  textlint lints files, so both tools got the
same 10 MB as $(g files10_count) .txt files:
\`textlint -f json "files10/*.txt"\` against \`credscore score -f json files10/\`
(which also runs the regex and Lua rules and the two plugins, and writes a
full report).

| | MB/s |
| --- | ---: |
| textlint, files | $(g textlint_mbps) |
| textlint, files, less its startup (one file takes $(g textlint_one_min_ms) ms) | $(g textlint_net_mbps) |
| credscore, files, \`-j 1\` | $(g csfiles_j1_mbps) |
| credscore, files, \`-j 2\` | $(g csfiles_j2_mbps) |
| credscore, JSONL, \`-j 1\` | $(g tp_j1_mbps) |
| credscore, files, phrase rules only, no plugins ($(g rules_phrases_only)) | $(g csfiles_po_mbps) |

Ratio credscore/textlint: ${rf:-?}x on the files, ${rj:-?}x for the JSONL
stream; $(g ratio_files_po)x when credscore too runs only the phrase rules
(tests/bench/phrase-rules.js writes them out of \`credscore rules -f json\`;
\`plugins: []\`), which is the same job with credscore's full report.
Same job: textlint reported $(g textlint_hits) phrase hits; credscore's
report held $(g credscore_phrase_findings) from its phrase rules (the
difference is mostly the \`unless\` lists textlint ignores).

## Profile

$prof_intro  Each sample is charged to
the innermost frame of its call chain that belongs to a known part
(tests/bench/profile.awk): memcpy called by the report writer is report
writing, a host call made by a plugin is the plugin.

EOF
if [ -n "$PROF" ] && [ -s "$PROF" ]; then
    total=$(sed -n 's/^T\t//p' "$PROF")
    worker=$(awk -F '\t' '$1 == "B" && $3 !~ /^P / { n += $2 } END { print n + 0 }' "$PROF")
    echo "| where | share of the worker | share of all samples |"
    echo "| --- | ---: | ---: |"
    awk -F '\t' -v t="$total" -v w="$worker" '$1 == "B" && $3 !~ /^P / {
        printf "| %s | %.1f%% | %.1f%% |\n", $3, 100 * $2 / w, 100 * $2 / t }' "$PROF"
    awk -F '\t' -v t="$total" '$1 == "B" && $3 ~ /^P / {
        sub(/^P /, "", $3); printf "| parent process: %s | | %.1f%% |\n", $3, 100 * $2 / t }' "$PROF"
    echo
    echo "Top self time (leaf function, all processes):"
    echo
    echo "| function (object) | self |"
    echo "| --- | ---: |"
    awk -F '\t' -v t="$total" '$1 == "S" && n < 20 {
        n++; printf "| %s | %.1f%% |\n", $3, 100 * $2 / t }' "$PROF"
    echo
else
    echo "(no profile in this run)"
    echo
fi
cat "$here/analysis.md"
