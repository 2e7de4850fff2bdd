#!/bin/sh
# quality-doc.sh EVAL_OUTPUT CORPUS - write docs/quality.md from the output
# of `credscore eval` (called by `make eval`).
set -eu
table=$1
corpus=$2
passages=$(grep -c . "$corpus" || true)
cat <<HEAD
# Detection quality

Measured with \`make eval\` (\`credscore eval --no-config $corpus\`): every
labelled passage is scored on its own with the built-in configuration (the
bundled rule pack and the attribution and quotes plugins), and the set of
markers found is compared with the labelled set.  $passages passages.
Regenerate this page with \`make eval\` after changing rules or plugins.

| marker | gold | tp | fp | fn | precision | recall | F1 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
HEAD
awk 'NR > 1 && $1 != "passages" { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$table"
echo
grep '^passages' "$table" | sed 's/^/Exact match of the whole marker set: /; s/passages [0-9]*, exact match //'
cat <<'TAIL'

Targets: micro-F1 >= 0.85 and F1 >= 0.75 for every marker with 10 or more
gold passages.  The labelling guidelines that define each marker are in
the corpus folder (GUIDELINES.md); `credscore eval --errors` lists every
passage whose markers differ from the labels.

The rules were written as general patterns (speech verb plus named subject,
hedging and weasel-word lexicons, newsroom vocabulary, outlet names), not
phrases copied from the development set, because the same pack is also
measured on passages it has never seen.
TAIL
