#!/bin/sh
# Suppressions with reasons, baselines and the changed-lines mode, on fixture
# git repositories built here.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
repo=$TMP/newsroom
mkdir -p "$repo/stories"
cd "$repo"
git init -q .
cat > credscore.yaml <<'YAML'
plugins: []
scoring: {fail_under: 0}
YAML

# ---- suppressions
cat > stories/dam.md <<'MD'
# Dam inspection

<!-- credscore-disable anonymous: cleared by the standards desk, source known to the editor -->
Officials said the dam was safe.

<!-- credscore-enable anonymous -->
Officials said the spillway was blocked.

<!-- credscore-disable-next vague: the crowd is the story here -->
Critics say the inspection was rushed.

Critics say the report was late.

According to state media, the inspection report would be published.
MD
run "$CREDSCORE" score stories/dam.md
is "$STATUS" 0 "suppressions: exit 0"
unlike "$OUT" "dam.md:4:1" "a suppressed finding is not listed in the text report"
like "$OUT" "dam.md:7:1  anonymous  -8" "enable turns the marker back on"
unlike "$OUT" "dam.md:10:1" "disable-next covers the next passage"
like "$OUT" "dam.md:12:1  vague  -5" "and only that passage"
run "$CREDSCORE" score -f json stories/dam.md
is "$STATUS" 0 "score -f json stories/dam.md: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.suppressed) | "\(.line) \(.marker) \(.points) \(.suppressed)"] | join("; ")')" \
   "4 anonymous 0 cleared by the standards desk, source known to the editor; 10 vague 0 the crowd is the story here" \
   "suppressed findings stay in JSON with their reason and 0 points"
# Claims left: the media credit (+1, a quarter of a good claim), one unnamed
# source (-8, one weak claim) and one crowd (-5, 5/6 of one): 100 x 0.25 /
# (0.25 + 1 + 5/6) = 12; counting the suppressed two as well would give 6.
is "$(jqr "$OUT" '.articles[0].score')" "12" "suppressed findings leave the score (share of 0.25 good against 1.83 weak)"

printf '# X\n\n<!-- credscore-disable anonymous -->\nOfficials said so.\n' > stories/noreason.md
run "$CREDSCORE" score stories/noreason.md
is "$STATUS" 2 "a suppression without a reason is an error"
is "$ERR" "credscore: stories/noreason.md:3:1: suppression without a reason: say why, as in <!-- credscore-disable anonymous: cleared by the standards desk -->" \
   "the message names the place and shows the form"
printf '<p>x</p>\n<!-- credscore-disable anonymus: typo -->\n<p>Officials said so.</p>\n' > stories/typo.html
run "$CREDSCORE" score stories/typo.html
is "$STATUS" 2 "an unknown marker in a suppression is an error"
like "$ERR" "typo.html:2:1: unknown marker or rule 'anonymus'" "named with its place"
printf '<p>Officials said so.</p>\n<!-- credscore-disable-next all: legal reviewed -->\n<p>Officials said more.</p>\n' > stories/html.html
run "$CREDSCORE" score -f json stories/html.html
is "$STATUS" 0 "score -f json stories/html.html: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | "\(.line):\(.suppressed // "-")"] | join(" ")')" "1:- 3:legal reviewed" \
   "HTML comments suppress too"
rm stories/noreason.md stories/typo.html stories/html.html

# ---- baseline: CI fails only on new findings
cat > stories/port.md <<'MD'
# Port strike

Officials said the strike would end soon.

The union reportedly rejected the offer.
MD
git add -A && git commit -qm "first stories"
run "$CREDSCORE" baseline -o .credscore-baseline.json stories
is "$STATUS" 0 "baseline written"
like "$ERR" "recorded [0-9]+ findings of 2 articles in .credscore-baseline.json" "baseline says what it recorded"
is "$(jq -r '.schema' .credscore-baseline.json)" "credscore-baseline" "baseline schema"
run "$CREDSCORE" score --baseline .credscore-baseline.json --max anonymous=0 --max hedged=0 stories
is "$STATUS" 0 "with the baseline, old findings do not fail --max"
# Insert lines above: the old findings keep their fingerprints.
{ printf '# Port strike\n\nA new first paragraph.\n\nAnother one.\n'; tail -n +2 stories/port.md; } > stories/port.new && mv stories/port.new stories/port.md
run "$CREDSCORE" score --baseline .credscore-baseline.json --max anonymous=0 --max hedged=0 stories
is "$STATUS" 0 "moving findings down does not make them new"
printf '\nA source familiar with the talks said a deal was close.\n' >> stories/port.md
run "$CREDSCORE" score --baseline .credscore-baseline.json --max anonymous=0 stories
is "$STATUS" 1 "a new anonymous finding fails --max"
like "$OUT" "port.md:[0-9]+:1  anonymous  -8  \"A source familiar with\"" "the new finding is listed"
unlike "$OUT" "\"Officials said\"" "baselined findings are not listed"
printf '{"schema":"something-else"}\n' > bad-baseline.json
run "$CREDSCORE" score --baseline bad-baseline.json stories
is "$STATUS" 2 "a file that is not a baseline: exit 2"
like "$ERR" "bad-baseline.json: not a credscore baseline" "and says so"

# ---- changed lines since a revision
git checkout -q -- stories/port.md
git add -A && git commit -qm "baseline"
base=$(git rev-parse HEAD)
cat >> stories/port.md <<'MD'

Critics say the port authority ignored the warnings.
MD
run "$CREDSCORE" score --diff-base "$base" stories/port.md
is "$STATUS" 0 "--diff-base runs"
like "$OUT" "port.md:7:1  vague  -5  \"Critics say\"" "a finding on a changed line is reported"
unlike "$OUT" "\"Officials said\"|reportedly" "findings on unchanged lines are not"
run "$CREDSCORE" score -f json --diff-base "$base" stories/port.md
is "$STATUS" 0 "score -f json --diff-base \$base stories/port.md: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.suppressed) | .suppressed] | unique | join(",")')" \
   "unchanged since $base" "unchanged findings are marked in JSON"
printf 'Officials said it again.\n' > stories/new.txt
run "$CREDSCORE" score --diff-base "$base" stories/new.txt
is "$STATUS" 0 "score --diff-base \$base stories/new.txt: exit 0"
like "$OUT" "new.txt:1:1  anonymous" "an untracked file counts as all new"
# Several files are scored by worker processes, which narrow and write
# each article themselves: the same report as one file at a time.
run "$CREDSCORE" score --diff-base "$base" stories/port.md
is "$STATUS" 0 "score --diff-base \$base stories/port.md: exit 0"
one=$OUT
run "$CREDSCORE" score --diff-base "$base" stories/new.txt
is "$STATUS" 0 "score --diff-base \$base stories/new.txt: exit 0"
two=$OUT
run "$CREDSCORE" score --diff-base "$base" -j 2 stories/port.md stories/new.txt
is "$STATUS" 0 "score --diff-base \$base -j 2 stories/port.md stories/new...: exit 0"
like "$OUT" "port.md:7:1  vague  -5  \"Critics say\"" "two files: the changed line of one is reported"
unlike "$OUT" "\"Officials said\"  .*port|port.md:[0-9]+:[0-9]+  .*reportedly" "two files: its unchanged lines are not"
is "$(printf '%s\n' "$OUT" | grep -c '^stories/new.txt:1:1  anonymous')" 1 "two files: the new file counts as all new"
# (each run ends with its gate line and summary: compared without them)
runlines='^gate: |^[0-9]* articles? scored'
is "$(printf '%s\n' "$OUT" | grep -Ev "$runlines")" \
   "$(printf '%s\n%s\n' "$one" "$two" | grep -Ev "$runlines")" \
   "two files: each article as when scored alone"
run "$CREDSCORE" score --diff-base no-such-rev stories/port.md
is "$STATUS" 2 "an unknown revision: exit 2"
like "$ERR" "port.md: --diff-base no-such-rev: git diff failed" "git's failure is reported"
cd "$TMP"
run "$CREDSCORE" score --no-plugins --diff-base HEAD "$repo/stories/port.md"
is "$STATUS" 2 "outside the repository"
like "$ERR" "not inside a git repository|git diff failed" "says so"

done_testing
