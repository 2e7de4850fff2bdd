#!/bin/sh
# credscore watch: a rule file broken in one round stays watched, so fixing
# it alone starts the next round (also when it is broken from the first
# round on); each round that scores shows the change since the last one.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/desk/rules"
cd "$TMP/desk"
cat > credscore.yaml <<'YAML'
rules: [rules/]
plugins: []
scoring: {fail_under: 0}
YAML
cat > rules/desk.lua.good <<'LUA'
rule { id = "desk-named", marker = "on_record", weight = 6, phrases = { "said Mayor" } }
rule { id = "desk-whisper", marker = "anonymous", weight = -4, phrases = { "whispers" } }
LUA
cp rules/desk.lua.good rules/desk.lua.keep
mv rules/desk.lua.keep rules/desk.lua
printf 'rule { id = \n' > rules/broken.lua.txt
printf 'Whispers say the mayor will resign.\n\nThe quay opens, said Mayor Kerrigan.\n' > story.txt

wait_for() { # file pattern [count]: until pattern occurs count times (default 1), at most 60 s (valgrind on a loaded machine)
    i=0
    while [ $i -lt 600 ]; do
        n=$(grep -c -- "$2" "$1" 2>/dev/null) # none while the background watch has not made the file
        [ "${n:-0}" -ge "${3:-1}" ] && break
        sleep 0.1
        i=$((i + 1))
    done
}
replace() { # file content-file: as editors do, by renaming
    cp "$2" "$1.tmp" && mv "$1.tmp" "$1"
}
stop() { # pid
    i=0; while [ $i -lt 300 ] && kill -0 "$1" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
    kill "$1" 2>/dev/null
    wait "$1"
}

# ---- a rule broken in round 2 and fixed: round 3 starts from the fix alone ----
"$CREDSCORE" watch --rounds 4 story.txt > watch.out 2> watch.err &
pid=$!
wait_for watch.out "== watching"
replace rules/desk.lua rules/broken.lua.txt
wait_for watch.out "== watching" 2
replace rules/desk.lua rules/desk.lua.good          # the article is not touched
wait_for watch.out "== watching" 3
BEFORE_ARTICLE_EDIT=$(cat watch.out)
printf 'The quay opens, said Mayor Kerrigan.\n' > story.new && mv story.new story.txt
wait_for watch.out "== watching" 4
stop $pid
is "$?" 0 "watch --rounds 4: exit 0 after round 4"
OUT=$(cat watch.out)
ERR=$(cat watch.err)
like "$ERR" "rules/desk.lua:[0-9]+: " "round 2 reports the broken rule with file:line"
like "$BEFORE_ARTICLE_EDIT" "round 3: story.txt" "fixing the rule file alone starts round 3 (before the article is touched)"
is "$(grep -c 'watching 3 files' watch.out)" 4 \
   "every round, also the failed one, watches article, config and rule file"
is "$(grep -c '^story.txt: score' watch.out)" 3 "rounds 1, 3 and 4 score"
unlike "$(sed -n '1,/round 2:/p' watch.out)" "story.txt: [0-9]+ -> " "round 1 shows no change (nothing before it)"
like "$OUT" "story.txt: 60 -> 60 \\(no change\\)" "round 3 compares with round 1, the last that scored"
like "$OUT" "story.txt: 60 -> 100 \\(\\+40\\)" "round 4 shows the article edit's change"

# ---- a rule broken from the first round on is watched too ----
cd "$TMP"
mkdir -p "$TMP/desk2/rules"
cd "$TMP/desk2"
cp ../desk/credscore.yaml .
cp ../desk/rules/broken.lua.txt rules/desk.lua
printf 'The quay opens, said Mayor Kerrigan.\n' > story.txt
"$CREDSCORE" watch --rounds 2 story.txt > watch.out 2> watch.err &
pid=$!
wait_for watch.out "== watching"
like "$(cat watch.out)" "watching 3 files" "a first round that fails still watches the config's rule file"
replace rules/desk.lua ../desk/rules/desk.lua.good
wait_for watch.out "== watching" 2
stop $pid
is "$?" 0 "watch --rounds 2: exit 0"
like "$(cat watch.out)" "round 2: story.txt" "fixing the rule broken from the start starts round 2"
like "$(cat watch.out)" "story.txt: score 100/100" "and round 2 scores with the fixed rule"

done_testing
