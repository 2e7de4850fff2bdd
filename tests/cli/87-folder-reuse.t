#!/bin/sh
# Folder mode: each worker reads file after file into one document it
# keeps (session/score_files.c); every article's report must be the one it
# gets when scored alone, whatever came before it: a long article before
# short ones, every input format, plain and full Markdown, a refused file
# in between, and with one worker or two.
. "$(dirname "$0")/lib.sh"

D=$TMP/desk
mkdir -p "$D"
# A long article first, so that later, shorter ones reuse larger arrays.
i=0
while [ $i -lt 60 ]; do
    printf 'Officials said on Monday that the ferry would run again, according to a spokesperson.\n\n' >> "$D/a-long.md"
    i=$((i + 1))
done
printf 'Critics say the plan is late. The mayor, Ana Ruiz, said it was not.\n' > "$D/b-short.txt"
printf '<html><body><p>A source who asked not to be named said the vote would fail.</p></body></html>\n' > "$D/c-page.html"
printf '# Harbour\n\n> Reportedly, *unnamed* officials [said](http://x) so.\n\n- Item one\n' > "$D/d-full.md"
printf 'Bad byte \377 here.\n' > "$D/e-bad.md"
printf 'It could not be independently verified.\n' > "$D/f-after.md"

for j in 1 2; do
    run "$CREDSCORE" score -f json --no-exit -j $j "$D"
    is "$STATUS" 2 "-j $j: the folder is scored, the refused file makes it exit 2"
    like "$ERR" "e-bad.md:1:10: invalid UTF-8" "-j $j: the refused file is named with its place"
    FOLDER=$OUT
    n=0
    for f in a-long.md b-short.txt c-page.html d-full.md f-after.md; do
        run "$CREDSCORE" score -f json --no-exit "$D/$f"
        is "$STATUS" 0 "-j $j: $f alone scores"
        ALONE=$(jqr "$OUT" '.articles[0]')
        is "$(jqr "$FOLDER" ".articles[$n]")" "$ALONE" "-j $j: $f in the folder reports as it does alone"
        n=$((n + 1))
    done
    is "$(jqr "$FOLDER" '.articles | length')" 5 "-j $j: five articles reported"
done

done_testing
