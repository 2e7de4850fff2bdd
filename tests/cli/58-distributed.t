#!/bin/sh
# `credscore bundle` and `--bundle`; the GNU parallel recipe of
# docs/distributed.md gives output identical to a single process.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/desk/rules" "$TMP/elsewhere" "$TMP/tmpdir"
# Bundles unpack under TMPDIR: this test's own, so that counting what is
# left there sees no other test's (or concurrent run's) folders.
TMPDIR=$TMP/tmpdir
export TMPDIR
cd "$TMP/desk"
cat > credscore.yaml <<'YAML'
rules: ["@default", "rules/"]
plugins:
  - attribution
  - name: quotes
markers:
  vague: {weight: -7}
scoring: {fail_under: 0}
YAML
printf 'rule { id = "desk-whisper", marker = "anonymous", weight = -4, phrases = { "whispers" } }\n' > rules/desk.lua

run "$CREDSCORE" bundle -o "$TMP/b.tar"
is "$STATUS" 0 "bundle: exit 0"
like "$ERR" "wrote $TMP/b.tar: configuration, [0-9]+ rule files, 2 plugins" "bundle says what it packed"
members=$(tar tf "$TMP/b.tar" | sort | tr '\n' ' ')
like "$members" "credscore-bundle/MANIFEST credscore-bundle/config.yaml credscore-bundle/plugins/attribution.so credscore-bundle/plugins/quotes.so" \
     "config, manifest and plugins are in the archive"
like "$members" "credscore-bundle/rules/[0-9]+-desk.lua" "the desk's rule file is in the archive"
run "$CREDSCORE" bundle -o "$TMP/b2.tar"
is "$STATUS" 0 "bundle -o b2.tar: exit 0"
run cmp "$TMP/b.tar" "$TMP/b2.tar"
is "$STATUS" 0 "the same inputs give a byte-identical bundle"

# Score elsewhere: no credscore.yaml, no rules folder; only the bundle.
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "{\"id\":\"r%d\",\"text\":\"Whispers say item %d moved. Critics say it did not. Mayor Ana Ruiz said it was fine.\"}\n", i, i }' > "$TMP/in.jsonl"
run "$CREDSCORE" score --jsonl "$TMP/in.jsonl"
is "$STATUS" 0 "score --jsonl in.jsonl: exit 0"
single=$OUT
cd "$TMP/elsewhere"
run "$CREDSCORE" score --jsonl "$TMP/in.jsonl" --bundle "$TMP/b.tar"
is "$STATUS" 0 "--bundle elsewhere: exit 0"
is "$OUT" "$single" "--bundle scores exactly like the desk's own configuration"
like "$(printf '%s\n' "$OUT" | head -1)" '"rule":"desk-whisper"' "the desk rule came with the bundle"
like "$(printf '%s\n' "$OUT" | head -1)" '"marker":"vague".*"weight":-7' "the desk's marker weights came with the bundle"
is "$(ls "$TMPDIR" | grep -c '^credscore-bundle\.' || true)" 0 "the unpacked bundle is removed afterwards"

printf 'not a tar\n' > "$TMP/bad.tar"
run "$CREDSCORE" score --jsonl "$TMP/in.jsonl" --bundle "$TMP/bad.tar"
is "$STATUS" 2 "a file that is not a bundle: exit 2"
like "$ERR" "bad.tar: (not a credscore bundle|truncated bundle)" "and says so"

# The GNU parallel recipe, verbatim in spirit: 2 jobs, 100 records each, -k.
if command -v parallel > /dev/null 2>&1; then
    run sh -c "parallel --will-cite --pipe -k -N 100 -j 2 '$CREDSCORE' score --jsonl - --no-exit --bundle '$TMP/b.tar' < '$TMP/in.jsonl'"
    is "$STATUS" 0 "parallel --pipe: exit 0"
    is "$OUT" "$single" "GNU parallel output is byte-identical to one process"
else
    skip_or_fail "GNU parallel recipe: parallel not installed" 2
fi

done_testing
