#!/bin/sh
# The pre-commit framework can use credscore's hooks: .pre-commit-hooks.yaml
# is at the top of the repository (where pre-commit reads it when a
# .pre-commit-config.yaml names the repository), it is a valid manifest, and
# the real `pre-commit` tool, pointed at a local clone of this project,
# passes a well-sourced staged article and refuses a poorly sourced one.
# Everything is local: no network.  Without pre-commit (a test dependency,
# `make deps DEPS_FOR=test`) the tool's checks skip, or fail under CI=true.
. "$(dirname "$0")/lib.sh"

MANIFEST=$ROOT/.pre-commit-hooks.yaml
ok "$([ -f "$MANIFEST" ]; echo $?)" "the hook manifest is at the top of the repository"
ok "$([ ! -e "$ROOT/examples/ci/.pre-commit-hooks.yaml" ]; echo $?)" \
   "no second copy in examples/ci/"
is "$(sed -n 's/^- id: //p' "$MANIFEST" 2>/dev/null | paste -sd, -)" "credscore,credscore-hook" \
   "the manifest's hooks: credscore, credscore-hook"

if ! command -v pre-commit >/dev/null 2>&1; then
    skip_or_fail "pre-commit is not installed" 10
    done_testing
fi

export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP"   # no user or system git settings
export PRE_COMMIT_HOME="$TMP/pre-commit-cache" PRE_COMMIT_COLOR=never
export GIT_ALLOW_PROTOCOL=file             # a clone over the network would fail
git config --global init.defaultBranch main
git config --global advice.detachedHead false
git config --global protocol.file.allow always
mkdir -p "$TMP/bin"
ln -s "$CREDSCORE" "$TMP/bin/credscore"   # the hooks run `credscore` from PATH
PATH=$TMP/bin:$PATH
export PATH

run pre-commit validate-manifest "$MANIFEST"
is "$STATUS" 0 "pre-commit validate-manifest accepts .pre-commit-hooks.yaml"
is "$ERR" "" "and has nothing to say about it"

# A local clone of this project, with the working tree's manifest and hook
# script (so what is tested is what is checked out, committed or not).
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    git clone -q --depth 1 "file://$ROOT" "$TMP/credscore-clone"
else
    git init -q "$TMP/credscore-clone"
fi
mkdir -p "$TMP/credscore-clone/examples/ci"
cp "$MANIFEST" "$TMP/credscore-clone/.pre-commit-hooks.yaml"
cp "$ROOT/examples/ci/pre-commit" "$TMP/credscore-clone/examples/ci/pre-commit"
(cd "$TMP/credscore-clone" && git add -A && git commit -q --allow-empty -m "working tree")
rev=$(git -C "$TMP/credscore-clone" rev-parse HEAD)

# The articles repository, using both hooks through `repo:`.
poor='Officials said the ferry would be sold. Critics say the sale was rushed, and
the price reportedly fell. A source familiar with the deal said more was to come.'
good='"We will keep every route," Harbour Commissioner Aldo Brennan said on Monday.
Brennan said the council had approved the budget, according to council minutes.'
mkdir -p "$TMP/desk/stories"
cd "$TMP/desk" || exit 1
git init -q .
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $TMP/credscore-clone
    rev: $rev
    hooks:
      - id: credscore
      - id: credscore-hook
EOF
git add .pre-commit-config.yaml && git commit -qm "pre-commit config"
run pre-commit install
is "$STATUS" 0 "pre-commit install"

printf '# Port\n\n%s\n' "$good" > stories/port.md
git add stories/port.md
run git commit -qm "a well-sourced story"
is "$STATUS" 0 "a commit of a well-sourced article passes both hooks"
unlike "$OUT$ERR" "InvalidManifestError|Failed" "without a manifest error or a failed hook"
is "$(git log --format=%s -1)" "a well-sourced story" "and is committed"

printf '# Ferry\n\n%s\n' "$poor" > stories/ferry.md
git add stories/ferry.md
run git commit -qm "a poorly sourced story"
is "$STATUS" 1 "a commit of a poorly sourced article is refused"
like "$OUT$ERR" "credscore \(sourcing of staged articles\)\.+Failed" \
     "by the credscore hook"
like "$OUT$ERR" "stories/ferry\.md: score [0-9]+/100" "which shows the article's score"
is "$(git log --format=%s -1)" "a well-sourced story" "and nothing is committed"

done_testing
