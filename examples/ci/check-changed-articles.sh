#!/bin/sh
# check-changed-articles.sh - score the articles a branch changes since
# BASE_REF, counting only findings on the lines it changed.
#
#   sh check-changed-articles.sh BASE_REF [PATHSPEC...]
#
# Run it at the top of a git checkout that has BASE_REF (the CI workflow
# fetches the whole history).  PATHSPEC defaults to '*.md' '*.html' '*.txt'
# ('stories/' or 'stories/*.md' keep READMEs and docs out).  It writes:
#   - the SARIF report to $SARIF_OUTPUT (default credscore.sarif), for code
#     scanning; it is not written when no article changed;
#   - GitHub annotations (::warning file=...) on standard output, which
#     GitHub Actions shows on the pull request's "Files changed" tab.
#
# Environment: CREDSCORE, the credscore binary (default: `credscore` on
# PATH); CREDSCORE_OPTIONS, extra options for both runs, split on spaces
# (say "--profile investigations").  The credscore.yaml at the top of the
# checkout applies, as for any credscore run there.
#
# Exit status: credscore's: 0 every changed article holds the threshold (or
# none changed), 1 one falls below it, 2 an error (an unknown BASE_REF, a
# broken configuration, an unreadable article).
set -u

if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: check-changed-articles.sh BASE_REF [PATHSPEC...]" >&2
    exit 2
fi
base=$1
shift
[ $# -gt 0 ] || set -- '*.md' '*.html' '*.txt'
credscore=${CREDSCORE:-credscore}
sarif=${SARIF_OUTPUT:-credscore.sarif}
options=${CREDSCORE_OPTIONS:-}

# The articles added, copied, modified or renamed on this branch (not the
# deleted ones).  The three dots compare with the merge base, as a pull
# request does.  One name per line (quotePath off: names stay as written).
if ! changed=$(git -c core.quotePath=false diff --name-only --diff-filter=ACMR \
    "$base...HEAD" -- "$@"); then
    echo "check-changed-articles: cannot compare with '$base' (is the history fetched?)" >&2
    exit 2
fi
if [ -z "$changed" ]; then
    echo "check-changed-articles: no article changed since $base"
    exit 0
fi

# The names become the positional parameters, one each, spaces and all.
set --
while IFS= read -r f; do
    set -- "$@" "$f"
done <<EOF
$changed
EOF
echo "check-changed-articles: $# changed article(s) since $base" >&2

# The SARIF report for code scanning, then the annotations for the log and
# the pull request.  Both count only findings on changed lines.
# shellcheck disable=SC2086 # CREDSCORE_OPTIONS is split on purpose
"$credscore" score $options --diff-base "$base" --format sarif -o "$sarif" -- "$@"
status=$?
if [ "$status" -le 1 ]; then
    # shellcheck disable=SC2086
    "$credscore" score $options --diff-base "$base" --format github --no-exit -- "$@" ||
        status=2
fi
case $status in
0) echo "check-changed-articles: every changed article holds the threshold" >&2 ;;
1) echo "check-changed-articles: an article falls below the threshold (see the annotations)" >&2 ;;
*) echo "check-changed-articles: credscore failed (exit $status)" >&2 ;;
esac
exit "$status"
