#!/bin/sh
# Folder mode reads each regular file in the parent and hands its bytes to
# a worker with its path (session/score_files.c, cs_document_read_regular);
# anything else (a FIFO, a file the read refuses) goes to the worker by its
# path alone, which reads it and reports what is wrong in its place.  The
# reports must be what reading in the worker gave: the same findings and
# spans, the same messages for a refused file, in the same order, and a
# FIFO read once, by the worker, without the parent waiting on it.
. "$(dirname "$0")/lib.sh"

# The findings of the first article of a JSON report, "marker@passage:start-end".
findings() { jqr "$1" '[.articles[0].findings[] | "\(.marker)@\(.passage):\(.start)-\(.end)"] | join(" ")'; }
# The same for one article scored alone.
alone() {
    run "$CREDSCORE" score --no-config -f json --no-exit "$1"
    findings "$OUT"
}

D=$TMP/desk
mkdir -p "$D"
printf 'Officials said on Monday that the ferry would run again.\n\nThe mayor, Ana Ruiz, said it would not.\n' > "$D/a.md"
printf 'Line one is fine.\nTwo \000 bytes.\n' > "$D/b-nul.md"
printf 'It could not be independently verified, a source said.\n' > "$D/c.txt"
printf '<html><body><h1>Ferry</h1><p>A spokesperson said the ferry would run.</p></body></html>\n' > "$D/d.html"

A_ALONE=$(alone "$D/a.md")
like "$A_ALONE" "anonymous@0:0-14" "a.md alone: its findings (an anonymous source first)"

# A refused file in the middle: named with its place, the others scored.
for j in 1 2; do
    run "$CREDSCORE" score --no-config -f json --no-exit -j $j "$D"
    is "$STATUS" 2 "-j $j: a NUL byte in one file: exit 2"
    is "$ERR" "credscore: $D/b-nul.md:2:5: NUL byte in input (a binary file?); refusing to score it" \
       "-j $j: the refused file named with its line and column, once"
    is "$(jqr "$OUT" '[.articles[].path] | join(",")')" "$D/a.md,$D/c.txt,$D/d.html" \
       "-j $j: the other articles, in order"
    is "$(findings "$OUT")" "$A_ALONE" "-j $j: a.md's findings and spans as when scored alone"
    is "$(jqr "$OUT" '[.articles[] | "\(.format):\(.summary.passages)"] | join(",")')" \
       "markdown:2,text:1,html:2" "-j $j: each file read as the format its name says"
done

# Past the size limit: the same message as a file read by the worker.
head -c 1100000 /dev/zero | tr '\0' 'a' > "$D/d-big.md"
run "$CREDSCORE" score --no-config -f json --no-exit --max-article-mb 1 "$D/d-big.md" "$D/a.md"
is "$STATUS" 2 "a file past --max-article-mb: exit 2"
is "$ERR" "credscore: $D/d-big.md: article larger than the limit of 1 MB; refusing to read it (raise limits.article_mb in the config or pass --max-article-mb)" \
   "a file past --max-article-mb: the limit's message"
is "$(jqr "$OUT" '.articles | length')" 1 "a file past --max-article-mb: the next article still scored"
rm -f "$D/d-big.md" "$D/b-nul.md"

# Reports that need every article at once (SARIF) load each article again
# in the parent, from the bytes it read: the same regions as one by one.
run "$CREDSCORE" score --no-config -f sarif --no-exit "$D/a.md" "$D/c.txt"
is "$STATUS" 0 "sarif of two files: exit 0"
TWO=$(jqr "$OUT" '[.runs[0].results[] | .locations[0].physicalLocation | "\(.artifactLocation.uri):\(.region.startLine):\(.region.startColumn)-\(.region.endColumn)"] | join(" ")')
run "$CREDSCORE" score --no-config -f sarif --no-exit "$D/a.md"
A=$(jqr "$OUT" '[.runs[0].results[] | .locations[0].physicalLocation | "\(.artifactLocation.uri):\(.region.startLine):\(.region.startColumn)-\(.region.endColumn)"] | join(" ")')
run "$CREDSCORE" score --no-config -f sarif --no-exit "$D/c.txt"
C=$(jqr "$OUT" '[.runs[0].results[] | .locations[0].physicalLocation | "\(.artifactLocation.uri):\(.region.startLine):\(.region.startColumn)-\(.region.endColumn)"] | join(" ")')
like "$A $C" "a.md:1:1-15 .*c.txt:1:" "sarif: both files have results"
is "$TWO" "$A $C" "sarif: the regions of two files scored together are those of each alone"

# FIFOs given by name: the parent does not open them, the worker reads
# what each writer sends, once.  The parent takes up the second while the
# worker still waits for the first one's writer: had it opened the second
# to look at it, the writer waiting there would have written into a pipe
# whose reader then left, and its bytes would be lost.
mkfifo "$TMP/first.md" "$TMP/second.md"
( sleep 2; cat "$D/a.md" > "$TMP/first.md" ) &
cat "$D/a.md" > "$TMP/second.md" &
run timeout 20 "$CREDSCORE" score --no-config -f json --no-exit "$TMP/first.md" "$TMP/second.md" "$D/c.txt"
kill $(jobs -p) 2>/dev/null
wait
is "$STATUS" 0 "FIFOs: exit 0"
is "$(findings "$OUT")" "$A_ALONE" "FIFOs: the first one's article scored as the same bytes from a file"
is "$(jqr "$OUT" '[.articles[] | .summary.findings] | join(",")')" \
   "$(jqr "$OUT" '[.articles[0].summary.findings, .articles[0].summary.findings] | join(",")'),$(
      run "$CREDSCORE" score --no-config -f json --no-exit "$D/c.txt"; jqr "$OUT" '.articles[0].summary.findings')" \
   "FIFOs: the second one's article and the file after them scored too"

done_testing
