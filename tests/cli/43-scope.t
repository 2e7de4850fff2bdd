#!/bin/sh
# Which articles a folder walk scores (discover.h): hidden and vendored
# folders are skipped by default, credscore.yaml's include and exclude globs
# and .credscoreignore files (gitignore syntax) narrow the walk, files named
# on the command line are always scored, and `baseline` walks the same way.
. "$(dirname "$0")/lib.sh"

article='Officials said the dam was safe.'
# An article at each path given.
put() {
    for p in "$@"; do
        mkdir -p "$(dirname "$p")"
        printf '%s\n' "$article" > "$p"
    done
}
# The paths of the articles a JSON report holds, one line, sorted.
paths() { jqr "$1" '[.articles[].path] | sort | join(" ")'; }

mkdir "$TMP/repo"
cd "$TMP/repo" || exit 1
put stories/a.md stories/drafts/d.md node_modules/pkg/README.md web/node_modules/x/y.md \
    vendor/v.md third_party/t.md third-party/t.md bower_components/b.md jspm_packages/j.md \
    lib/site-packages/s.md __pycache__/p.md .github/g.md .hidden.md

# ------------------------------------------------------------ default skips
run "$CREDSCORE" score -f json --no-exit .
is "$STATUS" 0 "score .: exit 0"
is "$ERR" "" "score .: no warning about what the defaults skip"
is "$(paths "$OUT")" "./stories/a.md ./stories/drafts/d.md" \
   "score .: node_modules (at any depth), vendor, third_party, third-party, bower_components, jspm_packages, site-packages, __pycache__ and hidden entries are skipped"

run "$CREDSCORE" score -f json --no-exit node_modules/pkg/README.md .github/g.md .hidden.md
is "$STATUS" 0 "files named on the command line: exit 0"
is "$(paths "$OUT")" ".github/g.md .hidden.md node_modules/pkg/README.md" \
   "files named on the command line are scored, vendored or hidden"
run "$CREDSCORE" score -f json --no-exit node_modules
is "$(paths "$OUT")" "node_modules/pkg/README.md" "a vendored folder named on the command line is walked"
run "$CREDSCORE" score -f json --no-exit web
is "$(paths "$OUT")" "" "but the filters apply below it: web/node_modules is skipped"
is "$STATUS" 2 "web holds no article outside the skipped folders: exit 2"
is "$ERR" "credscore: web: folder holds no articles (.md, .markdown, .html, .htm, .txt); the filters left out 1 entry (hidden and vendored folders, exclude, include, .credscoreignore)" \
   "and says what the filters left out"

# ------------------------------------------------------------ config globs
cat > credscore.yaml <<'YAML'
exclude:
  - drafts/
  - "!vendor/"
YAML
run "$CREDSCORE" score -f json --no-exit .
is "$STATUS" 0 "exclude: exit 0"
is "$(paths "$OUT")" "./stories/a.md ./vendor/v.md" \
   "exclude: drafts/ is left out, !vendor/ walks vendor after all"
run "$CREDSCORE" score -f json --no-exit stories/drafts/d.md
is "$(paths "$OUT")" "stories/drafts/d.md" "an excluded file named on the command line is scored"
run "$CREDSCORE" score -f json --no-exit stories
is "$(paths "$OUT")" "stories/a.md" "exclude applies to a walk of a folder below the config's"
run "$CREDSCORE" config
like "$OUT" "^exclude:
  - \"?drafts/\"?
  - \"!vendor/\"" "credscore config prints exclude"

cat > credscore.yaml <<'YAML'
include: ["stories/", "!stories/drafts/", "*.txt"]
YAML
put notes/n.md
printf '%s\n' "$article" > notes/n.txt
run "$CREDSCORE" score -f json --no-exit .
is "$(paths "$OUT")" "./notes/n.txt ./stories/a.md" \
   "include: only what a folder or the file matches, last match deciding"
run "$CREDSCORE" score -f json --no-exit notes/n.md
is "$(paths "$OUT")" "notes/n.md" "a file named is scored whatever include says"

printf 'exclude:\n  - ok/\n  - "stories/[a-"\n' > credscore.yaml
run "$CREDSCORE" score .
is "$STATUS" 2 "a bad exclude glob: exit 2"
is "$ERR" "credscore: $TMP/repo/credscore.yaml:3:5: exclude[1]: bad glob 'stories/[a-': '[' is never closed by ']'" \
   "a bad exclude glob: file:line:col and why"
printf 'include: ["a/**", "x\\\\"]\n' > bad.yaml
run "$CREDSCORE" score -c bad.yaml .
is "$STATUS" 2 "a bad include glob: exit 2"
is "$ERR" "credscore: bad.yaml:1:19: include[1]: bad glob 'x\\': ends with a lone '\\' (write '\\\\' for a backslash)" \
   "a bad include glob: file:line:col and why"
printf 'include: ["#x"]\n' > bad.yaml
run "$CREDSCORE" score -c bad.yaml .
is "$ERR" "credscore: bad.yaml:1:11: include[0]: bad glob '#x': blank, or a '#' comment" \
   "a comment is not a glob"
printf 'profiles:\n  wire:\n    exclude: [x]\n' > bad.yaml
run "$CREDSCORE" score -c bad.yaml .
is "$STATUS" 2 "exclude in a profile: exit 2"
like "$ERR" "bad.yaml:3:5: profile 'wire': 'exclude' cannot be set in a profile" "exclude in a profile: refused"
rm credscore.yaml bad.yaml

# A walk of a folder above the config's: its globs apply below its folder.
mkdir -p "$TMP/up/desk" && cd "$TMP/up/desk" || exit 1
put a.md drafts/d.md ../other/o.md ../other/drafts/x.md
printf 'exclude: [drafts/]\ninclude: ["*.md"]\n' > credscore.yaml
run "$CREDSCORE" score -f json --no-exit ..
is "$(paths "$OUT")" "../desk/a.md ../other/drafts/x.md ../other/o.md" \
   "a walk above the config's folder: its exclude applies below that folder only"
cd "$TMP/repo" || exit 1

# ------------------------------------------------------------ .credscoreignore
put stories/old/o.md 'stories/#notes.md' stories/sub/keep.md stories/sub/drop.md stories/sub/x.md \
    stories/x.md
cat > .credscoreignore <<'IGN'
# old copy, and the notes file (an escaped '#')
stories/old/
\#notes.md
drafts
IGN
cat > stories/sub/.credscoreignore <<'IGN'
# relative to stories/sub: only stories/sub/x.md
/x.md
*.md
!keep.md
IGN
run "$CREDSCORE" score -f json --no-exit .
is "$STATUS" 0 ".credscoreignore: exit 0"
is "$(paths "$OUT")" "./notes/n.md ./notes/n.txt ./stories/a.md ./stories/sub/keep.md ./stories/x.md" \
   ".credscoreignore: anchored, folder, escaped and negated patterns, each file relative to its folder"
run "$CREDSCORE" score -f json --no-exit stories
is "$(paths "$OUT")" "stories/a.md stories/sub/keep.md stories/x.md" \
   "the .credscoreignore of the folder above the one walked applies (project folder: the current one)"
printf '!stories/old/\n' >> .credscoreignore
run "$CREDSCORE" score -f json --no-exit stories/old
is "$(paths "$OUT")" "stories/old/o.md" "a later '!' line re-includes"

printf 'ok.md\n  \n[z-a]x\n' > stories/.credscoreignore
run "$CREDSCORE" score -f json -o "$TMP/report.json" .
is "$STATUS" 2 "a bad .credscoreignore line: exit 2"
is "$ERR" "credscore: ./stories/.credscoreignore:3:2: bad pattern '[z-a]x': a range whose end comes before its start" \
   "a bad .credscoreignore line: file:line:col and why"
ok "$([ ! -e "$TMP/report.json" ]; echo $?)" "and no report is written"
rm stories/.credscoreignore

# ------------------------------------------------------------ baseline
run "$CREDSCORE" baseline . -o "$TMP/base.json"
is "$STATUS" 0 "baseline .: exit 0"
like "$ERR" "of 6 articles in $TMP/base.json" "baseline walks the same way (6 articles)"
is "$(jq -r '[.findings[].path | sub("^\\./"; "")] | unique | sort | join(" ")' "$TMP/base.json")" \
   "notes/n.md notes/n.txt stories/a.md stories/old/o.md stories/sub/keep.md stories/x.md" \
   "baseline records the articles score . finds, no vendored or ignored one"
printf 'x[\n' > stories/.credscoreignore
run "$CREDSCORE" baseline . -o "$TMP/base2.json"
is "$STATUS" 2 "baseline: a bad .credscoreignore line: exit 2"
like "$ERR" "stories/\\.credscoreignore:1:2: bad pattern 'x\\['" "baseline: names it"

done_testing
