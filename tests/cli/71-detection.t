#!/bin/sh
# Detection that generalises (issue 14): made-up hit and miss sentences for
# each failure class (tests/fixtures/detection, one file per class, run by
# `credscore test`), the false-alarm rate of `credscore eval`, and the quality
# page written by `make eval` (tests/tools/quality-doc.sh).
. "$(dirname "$0")/lib.sh"

DET=$ROOT/tests/fixtures/detection

# Fixture passages still failing; each one is a TODO test until it passes.
# Any other failing passage is a regression and fails this file.
#   class1-cues.md:18   "played down" (a phrasal verb) is not yet a cue of the attribution plugin
#   class3-typing.md:15 anonymous-officials (a phrase rule) fires on a named
#                       company's officials; other tests rely on it without plugins
KNOWN="class1-cues.md:18 class3-typing.md:15"
KNOWN=$(echo $KNOWN)

# ---- every class has its fixture, with hits and misses ---------------------
for f in class1-cues class2-between class3-typing class4-vague class5-media class6-layout \
         rules-kinds; do
    hits=$(grep -c 'expect: [a-z]' "$DET/$f.md" | tr -d ' ')
    misses=$(grep -c 'expect: none' "$DET/$f.md" | tr -d ' ')
    hits=$((hits - misses))
    ok "$([ "$hits" -ge 3 ] && [ "$misses" -ge 3 ]; echo $?)" \
       "$f.md: $hits hit and $misses miss passages"
done

# ---- the fixtures --------------------------------------------------------
run "$CREDSCORE" test "$DET"
ok "$([ "$STATUS" -le 1 ]; echo $?)" "credscore test ran over the fixtures (exit $STATUS)"
like "$OUT" "^[0-9]+ passed, [0-9]+ failed$" "closing summary"
failing=$(printf '%s\n' "$OUT" | sed -nE "s#^FAIL $DET/([^ ]*:[0-9]+):.*#\\1#p" | sort)
new=""
for f in $failing; do
    case " $KNOWN " in *" $f "*) ;; *) new="$new $f" ;; esac
done
is "$new" "" "no fixture passage fails that is not listed as known"
if [ -n "$new" ]; then
    printf '%s\n' "$OUT" | grep -A3 '^FAIL' | sed 's/^/#   /'
fi
for k in $KNOWN; do
    _n=$((_n + 1))
    case " $(echo $failing) " in
    *" $k "*) echo "not ok $_n - $k # TODO known failure (see KNOWN)" ;;
    *) echo "ok $_n - $k passes now (remove it from KNOWN)" ;;
    esac
done
if [ -z "$KNOWN" ]; then
    is "$STATUS" 0 "every fixture passage passes"
fi
like "$OUT" "^ok   $DET/class6-layout.md: 12 annotated passages" \
     "layout: transcript labels and signed quotes found, newsroom labels and bylines not"

# ---- false alarms in credscore eval ---------------------------------------
cat > "$TMP/fa.jsonl" <<'JSONL'
{"id": "a", "text": "Critics say the ferry plan is rushed.", "markers": []}
{"id": "b", "text": "The ferry left the harbour at noon.", "markers": []}
{"id": "c", "text": "The ferry reportedly sank near the cape.", "markers": ["hedged"]}
{"id": "d", "text": "", "markers": []}
JSONL
run "$CREDSCORE" eval --no-config "$TMP/fa.jsonl"
is "$STATUS" 0 "eval: exit 0"
like "$OUT" "^false alarms: 1 of 3 passages without markers \\(33\\.3%\\)$" \
     "eval counts the unmarked passages that got a finding"
like "$OUT" "^passages 4, exact match 0\\.750$" "the exact-match line is unchanged"
run "$CREDSCORE" eval --no-config "$FIX/labels.jsonl"
like "$OUT" "^false alarms: 0 of 1 passages without markers \\(0\\.0%\\)$" "no false alarm in the labels fixture"

# ---- the quality page ------------------------------------------------------
mkdir "$TMP/corpus"
cp "$TMP/fa.jsonl" "$TMP/corpus/dev.jsonl"
cp "$TMP/fa.jsonl" "$TMP/corpus/wikinews.jsonl"
"$CREDSCORE" eval --no-config "$TMP/corpus/dev.jsonl" > "$TMP/dev.txt"
"$CREDSCORE" eval --no-config "$TMP/corpus/wikinews.jsonl" > "$TMP/wn.txt"
"$CREDSCORE" test "$DET" > "$TMP/fixtures.txt"
(cd "$ROOT" && sh tests/tools/quality-doc.sh "$TMP/fixtures.txt" "$TMP/dev.txt" \
    "$TMP/corpus/dev.jsonl" "$TMP/wn.txt" "$TMP/corpus/wikinews.jsonl") > "$TMP/quality.md"
ok $? "quality-doc.sh writes the page"
DOC=$(cat "$TMP/quality.md")
like "$DOC" "^## dev\\.jsonl$" "a section for dev.jsonl"
like "$DOC" "^## wikinews\\.jsonl$" "a section for wikinews.jsonl"
is "$(grep -c '^| micro | ' "$TMP/quality.md")" 2 "one table per corpus"
like "$DOC" "Creative Commons Attribution 2\\.5" "the Wikinews licence is credited"
like "$DOC" "^False alarms: 1 of 3 passages without markers \\(33\\.3%\\)\\.$" "false alarms shown"
is "$(sed -n '/^## dev.jsonl/,/^## wikinews/p' "$TMP/quality.md" | grep -c 'Creative Commons')" 0 \
   "the credit stands with the wikinews figures only"
like "$DOC" "^## Detection fixtures$" "the fixture section"
(cd "$ROOT" && sh tests/tools/quality-doc.sh "$TMP/fixtures.txt" "$TMP/dev.txt") > /dev/null 2>&1
is "$?" 2 "quality-doc.sh: a table without its corpus is a usage error"

done_testing
