#!/bin/sh
# quality-doc.sh FIXTURE_OUTPUT EVAL_OUTPUT CORPUS [EVAL_OUTPUT CORPUS ...]
# Write docs/quality.md (to stdout) from the output of `credscore eval` on
# each labelled corpus and of `credscore test` on the detection fixtures
# (called by `make eval`; FIXTURE_OUTPUT may be "-" when there is none).
set -eu
if [ $# -lt 3 ] || [ $(($# % 2)) -ne 1 ]; then
    echo "usage: quality-doc.sh FIXTURE_OUTPUT EVAL_OUTPUT CORPUS [EVAL_OUTPUT CORPUS ...]" >&2
    exit 2
fi
fixtures=$1
shift

cat <<'HEAD'
# Detection quality

Measured with `make eval`: every labelled passage of each corpus is scored on
its own with the built-in configuration (`credscore eval --no-config FILE`:
the bundled rule pack and the attribution and quotes plugins), and the set of
markers found is compared with the labelled set.  Each corpus has its own
table.  Regenerate this page with `make eval` after changing rules or plugins.

A false alarm is a passage labelled with no marker at all (no attribution of
any kind) that still gets a finding; the rate is the share of such passages.
HEAD

while [ $# -ge 2 ]; do
    table=$1
    corpus=$2
    shift 2
    name=$(basename "$corpus")
    passages=$(grep -c . "$corpus" || true)
    echo
    echo "## $name"
    echo
    case $name in
    wikinews*)
        cat <<'CREDIT'
Text: English Wikinews articles by the Wikinews contributors, licensed under
Creative Commons Attribution 2.5 (https://creativecommons.org/licenses/by/2.5/),
as segmented into paragraphs in the GUM corpus (Zeldes, "The GUM Corpus:
Creating Multilayer Resources in the Classroom", Language Resources and
Evaluation 51(3), 2017); the article titles and addresses are listed in the
corpus folder's SOURCES.md.  The marker labels were made for this project.

CREDIT
        ;;
    *tune.jsonl | *holdout.jsonl)
        cat <<'BLIND'
Text: news passages written for this project by a writer who saw only the
labelling guidelines, never the rules or plugins (tests/fixtures/blind/README.md).
Errors on the tune files are read to find the kinds of sentence still
missed; the holdout files, dealt from the same batches, are only measured:
their figures say whether those fixes generalise.

BLIND
        ;;
    esac
    echo "\`credscore eval --no-config $corpus\`: $passages passages."
    echo
    echo "| marker | gold | tp | fp | fn | precision | recall | F1 |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    awk '$1 != "marker" && $1 != "passages" && $1 != "false" {
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$table"
    echo
    grep '^passages' "$table" | sed 's/^passages [0-9]*, exact match /Exact match of the whole marker set: /'
    echo
    grep '^false alarms' "$table" | sed 's/^false alarms: /False alarms: /; s/$/./'
done

if [ "$fixtures" != "-" ] && [ -f "$fixtures" ]; then
    dir=tests/fixtures/detection
    none=$(cat "$dir"/*.md | grep -c 'expect: none' || true)
    alarms=$(grep -c ': expected none; found' "$fixtures" || true)
    failed=$(grep -c '^FAIL .*\.md:[0-9]*: expected' "$fixtures" || true)
    total=$(cat "$dir"/*.md | grep -c 'expect:' || true)
    echo
    echo "## Detection fixtures"
    echo
    echo "\`credscore test $dir\`: made-up hit and miss sentences for each"
    echo "failure class of issue 14 (cue words, words between source and cue,"
    echo "source typing, vague crowds, outlets, layout) and for the rule pack's"
    echo "markers.  $failed of $total annotated passages fail; false alarms:"
    echo "$alarms of $none miss passages get a finding."
fi

cat <<'TAIL'

## Targets

Micro-F1 >= 0.92 on dev.jsonl and >= 0.88 on wikinews.jsonl, F1 >= 0.80 for
every marker with 10 or more gold passages on both, and at most 3% false
alarms.  The labelling guidelines that define each marker are in the corpus
folder (GUIDELINES.md); `credscore eval --errors FILE` lists every passage
whose markers differ from the labels.

The rules are general patterns (speech and cognition verbs around a source,
hedging and weasel-word lexicons, impersonal passives, platforms next to a
reporting verb), not phrases copied from either corpus, because the same pack
is also measured on news it has never seen.  Where the rule pack's word
lists come from: the reporting and opinion verbs of rules/vague.lua and
rules/social.lua are reporting senses from WordNet 3's verb.communication and
verb.cognition files (plus "fear" and "worry", verb.emotion, and posting
verbs newer than WordNet 3: "tweet", "upload"); the platforms, hedging
adverbs and newsroom labels are closed classes of English news writing; the
attribution plugin's lexicon is built from WordNet by its generator
(plugins/attribution/gen).
TAIL
