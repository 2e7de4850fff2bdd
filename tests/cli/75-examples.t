#!/bin/sh
# The CI and newsroom examples (examples/ci, examples/newsroom) do what their
# READMEs say: the pull-request check and the pre-commit hook run as shipped
# on fixture git repositories built here, the desk profiles of the newsroom
# config give its stories different verdicts, and every `credscore ...` line
# of the two READMEs' code blocks runs (exit 0 or 1, never 2).
. "$(dirname "$0")/lib.sh"

EX=$ROOT/examples
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP"   # no user or system git settings
git config --global init.defaultBranch main
git config --global advice.detachedHead false
# `credscore` on PATH, as the hooks and READMEs expect.
mkdir -p "$TMP/bin"
ln -s "$CREDSCORE" "$TMP/bin/credscore"
PATH=$TMP/bin:$PATH
export PATH

# The `credscore ...` lines inside the ``` code blocks of a README.
readme_commands() {
    awk '/^```/ { inblock = !inblock; next } inblock && /^credscore / { print }' "$1"
}

# Run every credscore line of README $1 in folder $2: exit 0 or 1 each.
run_readme() {
    _count=0
    _lines=$(readme_commands "$1")
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        _count=$((_count + 1))
        run sh -c "cd \"\$1\" && $line" sh "$2"
        case $STATUS in
        0 | 1) _report 0 "$(basename "$(dirname "$1")")/README.md: $line (exit $STATUS)" ;;
        *) _report 1 "$(basename "$(dirname "$1")")/README.md: $line" "exit $STATUS" "$ERR" ;;
        esac
    done <<EOF
$_lines
EOF
    README_COUNT=$_count
}

poor='Officials said the ferry would be sold. Critics say the sale was rushed, and
the price reportedly fell. A source familiar with the deal said more was to come.'
good='"We will keep every route," Harbour Commissioner Aldo Brennan said on Monday.
Brennan said the council had approved the budget, according to council minutes.'

# ---------------------------------------------------------------- the PR check
# origin.git holds main; pr/ is a clone on a branch, as on a CI runner.
mkdir -p "$TMP/seed/stories" "$TMP/seed/.github/scripts"
cd "$TMP/seed" || exit 1
git init -q .
cp "$EX/ci/check-changed-articles.sh" .github/scripts/
printf 'scoring: {fail_under: 40}\n' > credscore.yaml
printf '# Ferry sale\n\n%s\n' "$good" > stories/ferry.md
printf '# Old story\n\n%s\n' "$poor" > stories/old.md
printf '# Gone\n\n%s\n' "$good" > stories/gone.md
printf 'Notes for the desk.\n' > README.md
git add -A && git commit -qm "base"
git clone -q --bare . "$TMP/origin.git"
git clone -q "$TMP/origin.git" "$TMP/pr"
cd "$TMP/pr" || exit 1
git checkout -q -b harbour-update
printf '\n%s\n' "$poor" >> stories/ferry.md          # lines 5-6 new
printf 'Harbour\n\n%s\n' "$poor" > "stories/new story.md"  # all new, a space in the name
git rm -q stories/gone.md                              # deleted: not scored
printf 'desk,owner\n' > stories/rota.csv               # not an article
git add -A && git commit -qm "update"

# Run the check exactly as the workflow's step does.
step=$(sed -n 's/^ *run: \(sh \.github\/scripts\/check-changed-articles\.sh .*\)$/\1/p' "$EX/ci/github-workflow.yml")
like "$step" 'check-changed-articles\.sh "origin/\$BASE_REF"$' "the workflow calls the script with the PR's base"
grep -q 'BASE_REF: \${{ github\.base_ref }}' "$EX/ci/github-workflow.yml"
ok $? "the workflow sets BASE_REF to the pull request's base branch"
export BASE_REF=main   # what GitHub sets for a pull request into main
grep -q 'fetch-depth: 0' "$EX/ci/github-workflow.yml"
ok $? "the workflow checks out the whole history"
grep -q 'uses: github/codeql-action/upload-sarif' "$EX/ci/github-workflow.yml"
ok $? "the workflow uploads the SARIF file"
run env CREDSCORE="$CREDSCORE" sh -c "$step"
is "$STATUS" 1 "check: a changed article below the threshold fails the step"
like "$ERR" "2 changed article\\(s\\) since origin/main" "check: counts the changed articles"
like "$ERR" "an article falls below the threshold" "check: says why it failed"
ok "$(test -f credscore.sarif; echo $?)" "check: credscore.sarif written"
run jq -r '.version' credscore.sarif
is "$STATUS" 0 "jq -r '.version' credscore.sarif: exit 0"
is "$OUT" "2.1.0" "check: the SARIF file is valid JSON, SARIF 2.1.0"
is "$(jq -r '[.runs[0].artifacts[].location.uri] | sort | join(",")' credscore.sarif)" \
   "stories/ferry.md,stories/new%20story.md" "check: only the changed articles are in the report"
is "$(jq -r '[.runs[0].results[] | select(.suppressions == null) | .locations[0].physicalLocation |
             "\(.artifactLocation.uri):\(.region.startLine)"] | unique | join(" ")' credscore.sarif)" \
   "stories/ferry.md:6 stories/ferry.md:7 stories/new%20story.md:3 stories/new%20story.md:4" \
   "check: results count only on changed lines"
# The findings on unchanged lines are all positive (named sources), left out
# of SARIF unless --report-positive.
run env CREDSCORE="$CREDSCORE" CREDSCORE_OPTIONS="--report-positive" sh -c "$step"
is "$STATUS" 1 "check with --report-positive: exit 1"
is "$(jq -r '[.runs[0].results[] | select(.suppressions != null) | .suppressions[0].justification] |
             unique | join(",")' credscore.sarif)" \
   "unchanged since origin/main" "check: findings on unchanged lines are marked suppressed"
run env CREDSCORE="$CREDSCORE" sh -c "$step"
is "$STATUS" 1 "env CREDSCORE=\$CREDSCORE sh -c \$step: exit 1"
like "$OUT" "^::warning file=stories/ferry.md,line=6," "check: GitHub annotations on standard output"
unlike "$OUT" "file=stories/ferry.md,line=[1-5],|old.md|gone.md" "check: no annotation for unchanged lines or files"
like "$OUT" "^::error file=stories/new story.md,title=credscore score::score [0-9]+/100, .*below the threshold of 40" \
     "check: a score line per article"

# A branch that changes no article: nothing to score, exit 0, no report.
git checkout -q -b notes origin/main
printf 'desk,owner\n' > rota.csv
git add -A && git commit -qm "notes only"
rm -f credscore.sarif
run env CREDSCORE="$CREDSCORE" sh -c "$step"
is "$STATUS" 0 "check: no changed article: exit 0"
like "$OUT" "no article changed since origin/main" "check: says so"
ok "$(test ! -e credscore.sarif; echo $?)" "check: and writes no SARIF file (the upload step is skipped)"

# A well-sourced change passes; an unknown base is an error.
git checkout -q -b good origin/main
printf '\n%s\n' "$good" >> stories/old.md
git add -A && git commit -qm "more sources"
run env CREDSCORE="$CREDSCORE" sh .github/scripts/check-changed-articles.sh origin/main
is "$STATUS" 0 "check: a well-sourced change passes (old findings do not count)"
like "$ERR" "every changed article holds the threshold" "check: says so"
run env CREDSCORE="$CREDSCORE" CREDSCORE_OPTIONS="--max on_record=1" \
    sh .github/scripts/check-changed-articles.sh origin/main 'stories/*.md'
is "$STATUS" 1 "check: CREDSCORE_OPTIONS (--max on_record=1) and pathspecs are passed on"
run env CREDSCORE="$CREDSCORE" sh .github/scripts/check-changed-articles.sh origin/nope
is "$STATUS" 2 "check: an unknown base: exit 2"
like "$ERR" "cannot compare with 'origin/nope'" "check: names it"
run sh .github/scripts/check-changed-articles.sh
is "$STATUS" 2 "check: no base: usage, exit 2"

# The README's credscore lines, in the pull request's clone.
git checkout -q harbour-update
run_readme "$EX/ci/README.md" "$TMP/pr"
ok "$([ "$README_COUNT" -ge 4 ]; echo $?)" "ci/README.md has credscore lines ($README_COUNT)"

# ---------------------------------------------------------- the pre-commit hook
mkdir -p "$TMP/desk/stories"
cd "$TMP/desk" || exit 1
git init -q .
cp "$EX/ci/pre-commit" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
printf 'scoring: {fail_under: 40}\n' > credscore.yaml
git add credscore.yaml && git commit -qm "config"
head0=$(git rev-parse HEAD)

printf '# Ferry\n\n%s\n' "$poor" > stories/bad.md
git add stories/bad.md
run git commit -qm "poorly sourced"
ok "$([ "$STATUS" -ne 0 ]; echo $?)" "hook: a poorly sourced article is refused"
is "$(git rev-parse HEAD)" "$head0" "hook: nothing was committed"
like "$OUT$ERR" "^stories/bad.md: score [0-9]+/100" "hook: the report shows the repository's path"
unlike "$OUT$ERR" "credscore-staged" "hook: no temporary path in the report"
like "$ERR" "commit refused: a staged article is below the sourcing threshold" "hook: says why"
like "$ERR" "CREDSCORE_SKIP=1" "hook: and how to skip"

run env CREDSCORE_SKIP=1 git commit -qm "poorly sourced, skipped"
is "$STATUS" 0 "hook: CREDSCORE_SKIP=1 commits anyway"
like "$ERR" "skipped \\(CREDSCORE_SKIP=1\\)" "hook: and says it skipped"

printf '# Council\n\n%s\n' "$good" > stories/good.md
git add stories/good.md
run git commit -qm "well sourced"
is "$STATUS" 0 "hook: a well-sourced article goes through"
is "$(git log -1 --format=%s)" "well sourced" "hook: committed"

# The staged version is scored, not the working tree.
printf '# Council\n\n%s\n\n%s\n' "$good" "$good" > stories/good.md
git add stories/good.md
printf '# Council\n\n%s\n' "$poor" > stories/good.md   # unstaged, poor
run git commit -qm "staged good, working tree poor"
is "$STATUS" 0 "hook: scores the staged version (good), not the unstaged edit"
git checkout -q -- stories/good.md
printf '# Council\n\n%s\n' "$poor" > stories/good.md
git add stories/good.md
printf '# Council\n\n%s\n' "$good" > stories/good.md   # unstaged, good
run git commit -qm "staged poor, working tree good"
ok "$([ "$STATUS" -ne 0 ]; echo $?)" "hook: a poor staged version is refused even if the working tree is fine"
git reset -q --hard

# A commit without articles does not run credscore; errors refuse the commit.
printf 'x\n' > notes.csv && git add notes.csv
run git commit -qm "no article"
is "$STATUS" 0 "hook: a commit without articles passes"
printf 'scoring: {fail_undr: 40}\n' > credscore.yaml
printf '# Port\n\n%s\n' "$good" > stories/port.md
git add -A
run git commit -qm "broken config"
ok "$([ "$STATUS" -ne 0 ]; echo $?)" "hook: a configuration error refuses the commit"
like "$ERR" "credscore.yaml:1:11: unknown key 'fail_undr'" "hook: shows credscore's error"
like "$ERR" "could not be scored \\(error above, exit 2\\)" "hook: says it is an error, not a score"
git reset -q --hard
run env PATH=/usr/bin:/bin git commit -qm "x" --allow-empty
is "$STATUS" 0 "hook: an empty commit does not need credscore"
printf '# Port\n\n%s\n' "$good" > stories/port.md && git add stories/port.md
run env PATH=/usr/bin:/bin CREDSCORE=/nonexistent/credscore git commit -qm "no credscore"
ok "$([ "$STATUS" -ne 0 ]; echo $?)" "hook: credscore missing refuses the commit"
like "$ERR" "not found: install credscore or set CREDSCORE" "hook: and says so"

# The pre-commit framework's hooks, run as it runs them.
printf '# Ferry\n\n%s\n' "$poor" > stories/bad2.md
entry=$(sed -n '/^- id: credscore$/,/^$/s/^  entry: //p' "$ROOT/.pre-commit-hooks.yaml")
is "$entry" "credscore score" "pre-commit framework: the credscore hook's entry"
run sh -c "$entry stories/bad2.md"
is "$STATUS" 1 "pre-commit framework: a poor article fails"
run sh -c "$entry stories/port.md"
is "$STATUS" 0 "pre-commit framework: a good one passes"
script=$(sed -n '/^- id: credscore-hook$/,/^$/s/^  entry: //p' "$ROOT/.pre-commit-hooks.yaml")
is "$script" "examples/ci/pre-commit" "pre-commit framework: the script hook's entry"
git add stories/bad2.md
run sh -c "cd \"\$1\" && \"\$2/$script\"" sh "$TMP/desk" "$ROOT"
is "$STATUS" 1 "pre-commit framework: the script hook refuses a poor staged article"

# ---------------------------------------------------------- newsroom profiles
cp -R "$EX/newsroom" "$TMP/newsroom"
cd "$TMP/newsroom" || exit 1
run credscore score -f json --profile wire stories/ferry-talks.md
is "$STATUS" 0 "newsroom: the ferry story passes as wire copy"
is "$(jqr "$OUT" '.summary.threshold')" 30 "newsroom: wire threshold 30"
wire_score=$(jqr "$OUT" '.articles[0].score')
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.marker == "media") | .weight] | unique | join(",")')" \
   3 "newsroom: wire counts an agency credit 3"
run credscore score -f json --profile investigations stories/ferry-talks.md
is "$STATUS" 1 "newsroom: the same story fails as an investigation"
is "$(jqr "$OUT" '.summary.threshold')" 60 "newsroom: investigations threshold 60"
inv_score=$(jqr "$OUT" '.articles[0].score')
is "$(jqr "$OUT" '.articles[0].verdict')" "needs more reporting" "newsroom: the investigations desk's verdicts"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.marker == "anonymous" and .points != 0) | "\(.level) \(.points)"] | join(",")')" \
   "error -12" "newsroom: an unnamed source is an error worth -12"
ok "$(jq -en --argjson w "$wire_score" --argjson i "$inv_score" '$w >= 30 and $i < 60 and $w > $i' >/dev/null; echo $?)" \
   "newsroom: wire $wire_score >= 30, investigations $inv_score < 60"
run credscore score --profile investigations stories/quarry-permits.md
is "$STATUS" 0 "newsroom: the quarry story passes as an investigation"
run credscore score --profile wire stories/quarry-permits.md
is "$STATUS" 0 "newsroom: and as wire copy"
run credscore score stories/
# (under the share score model the ferry story, two thirds unnamed, is
# below the house threshold of 40; the quarry story passes)
is "$STATUS" 1 "newsroom: the house standard fails the ferry story"
like "$OUT" "2 articles scored, 1 below the threshold, 0 errors" "newsroom: and passes the quarry story"

# config --profile prints the effective values and keeps the profiles.
run credscore config --profile investigations
is "$STATUS" 0 "config --profile: exit 0"
like "$OUT" "overlaid with $TMP/newsroom/credscore.yaml, then its profile 'investigations'" "config --profile: names the profile"
like "$OUT" "^  fail_under: 60$" "config --profile: the profile's threshold"
like "$OUT" "^profiles:$" "config --profile: the profiles are printed"
printf '%s\n' "$OUT" > "$TMP/printed.yaml"
run credscore score -c "$TMP/printed.yaml" -f json stories/ferry-talks.md
is "$STATUS" 1 "score -c printed.yaml -f json stories/ferry-talks.md: exit 1"
is "$(jqr "$OUT" '"\(.summary.threshold) \(.articles[0].score)"')" "60 $inv_score" \
   "config --profile: the printed file scores as the profile did"
run credscore score -c "$TMP/printed.yaml" -f json --profile wire stories/ferry-talks.md
is "$STATUS $(jqr "$OUT" '.summary.threshold')" "0 30" \
   "config --profile: the printed file still has the wire profile (applied on top)"

# Errors: unknown profile, no config file, --no-config.
run credscore score --profile investigation stories/
is "$STATUS" 2 "unknown profile: exit 2"
is "$ERR" "credscore: $TMP/newsroom/credscore.yaml:28:1: unknown profile 'investigation' (did you mean 'investigations'?); profiles: investigations, wire" \
   "unknown profile: names the file, suggests, lists the profiles"
run credscore score --no-config --profile wire stories/
is "$STATUS" 2 "--no-config --profile: exit 2"
like "$ERR" "--profile wire: cannot be used with --no-config" "--no-config --profile: says why"
cd "$TMP" || exit 1
run credscore score --profile wire "$TMP/newsroom/stories"
is "$STATUS" 2 "--profile without a config file: exit 2"
above=$(credscore config 2>/dev/null | sed -n '1s/^# effective configuration (\(.*\))$/\1/p')
if [ "$above" = "built-in defaults" ]; then
    like "$ERR" "--profile wire: no credscore.yaml found" "--profile without a config file: says why"
else # a stray credscore.yaml above the temp folder is found instead
    like "$ERR" "$above: unknown profile 'wire': this configuration defines no profiles" \
         "--profile, config without profiles: says so ($above found above $TMP)"
fi
run credscore score --profile "" "$TMP/newsroom/stories"
is "$STATUS" 2 "--profile '': usage error"
sed 's/^      hedged:$/      hedge:/' "$TMP/newsroom/credscore.yaml" > "$TMP/typo.yaml"
run credscore config -c "$TMP/typo.yaml"
is "$STATUS" 2 "a mistake in a profile fails even without --profile"
like "$ERR" "typo.yaml:[0-9]+:7: profile 'wire': unknown marker 'hedge' \\(did you mean 'hedged'\\?\\)" \
   "and names the profile with file:line:col"

# The README's credscore lines, in (a copy of) the newsroom folder.
run_readme "$EX/newsroom/README.md" "$TMP/newsroom"
ok "$([ "$README_COUNT" -ge 5 ]; echo $?)" "newsroom/README.md has credscore lines ($README_COUNT)"

done_testing
