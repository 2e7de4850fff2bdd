#!/bin/sh
# The playground of `credscore serve`: its routes over HTTP (curl), then the
# page in headless Chromium driven by puppeteer-core (tests/cli/79-playground.js)
# the way an editor uses it: type an article and see the marks on the exact
# words; load a bundled rule file, add a rule and see its phrase marked;
# break the rule and see the error at its line; run the examples; download
# the rule and a config snippet; 390 px wide without horizontal overflow;
# the whole page by keyboard, every control named.  What the page shows is
# checked against the CLI: the same findings as `score -f json` with the
# same rules, the same tally as `credscore test`.
#
# Screenshots are kept in $BUILD/artifacts/playground/ (their paths are
# printed).  Needs chromium, node and puppeteer-core (npm, installed into
# $NPM_TOOLS by tests/tools/npm-tools.sh): skipped without them, a failure
# under CI=true.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"

command -v curl >/dev/null 2>&1 || skip_all_or_fail "curl is not installed"
RULES=$ROOT/rules
NPM_TOOLS=${NPM_TOOLS:-$BUILD/npm-tools}
case $NPM_TOOLS in /*) ;; *) NPM_TOOLS=$ROOT/$NPM_TOOLS ;; esac
ART=$BUILD/artifacts/playground
CHROME=$(command -v chromium || command -v chromium-browser || true)

# POST a JSON body (file) to a playground route: OUT, CODE as http() sets.
post() { # path body-file
    http POST "$1" -H 'Content-Type: application/json' --data-binary @"$2"
}
# A JSON body {"text"?, "rule": {"name", "source"}} from files.
draft_body() { # name source-file [article-file]
    if [ -n "${3:-}" ]; then
        jq -n --arg n "$1" --rawfile s "$2" --rawfile t "$3" \
            '{text: $t, format: "markdown", rule: {name: $n, source: $s}}'
    else
        jq -n --arg n "$1" --rawfile s "$2" '{rule: {name: $n, source: $s}}'
    fi
}
# Findings as (line, column, rule, text), sorted: the JSON report's ...
findings() { jq -S -c '[.articles[0].findings[] | {line, col: .column, rule, text}] | sort_by(.line, .col, .rule)'; }
# ... and the page's marks.
marks() { jq -S -c '[.[] | {line, col, rule, text}] | sort_by(.line, .col, .rule)'; }

cat > "$TMP/article.md" <<'EOF'
# Quay report

The mayor spoke at noon. Officials said the harbour would reopen on Friday.

The claim could not be independently verified.
EOF
# What the browser types at the end of the bundled anonymous.lua: a rule
# for a new phrase, with a miss example that fires (one failure).
RULE_ADD='
rule {
  id = "mayor-spoke", marker = "vague", weight = -3,
  phrases = { "mayor spoke" },
  examples = { hit = { "The mayor spoke." }, miss = { "The mayor spoke twice." } },
}
'
RULE_BREAK='rule { id = "x" marker = "vague" }
'

serve_start -j 2
ok $? "the server starts on an ephemeral loopback port"

# ---- the page over HTTP ----

http GET /
is "$CODE" 200 "GET /: 200"
like "$HDRS" "Content-Type: text/html; charset=utf-8" "GET /: served as text/html"
PAGE=$OUT
nonce=$(printf '%s' "$PAGE" | sed -n 's/.*<script nonce="\([^"]*\)">.*/\1/p')
like "$nonce" '^[A-Za-z0-9+/]{24}$' "the page's script carries a 24-character nonce"
printf '%s' "$PAGE" | grep -qF "script-src 'nonce-$nonce';"
ok $? "... which its Content-Security-Policy allows, and no other script"
like "$PAGE" "default-src 'none';.*connect-src 'self'" "the policy allows requests to the server only"
unlike "$PAGE" '(src|href|action)="(https?:)?//' "no resource from another host"
like "$PAGE" '\.m-anonymous\{--c:#' "the HTML report's marker colours are in the page"
unlike "$PAGE" '@NONCE@|@REPORT-CSS@' "every placeholder was filled"
http GET /
printf '%s' "$OUT" | grep -qF "nonce-$nonce"
ok $((1 - $?)) "a new nonce for every response"

# ---- a rule file's source, only among the loaded ones ----

http GET /v1/rules/anonymous-officials/source
is "$CODE" 200 "GET /v1/rules/anonymous-officials/source: 200"
is "$(jqr "$OUT" '[.rule, .name, .line] | join(" ")')" "anonymous-officials anonymous 46" \
   "... the rule, its file's name and the rule's line"
printf '%s' "$OUT" | jq -j .source > "$TMP/got.lua"
cmp -s "$TMP/got.lua" "$RULES/anonymous.lua"
ok $? "... and the source of rules/anonymous.lua, byte for byte"
http GET /v1/rules/vague.lua/source
is "$CODE $(jqr "$OUT" '[(.rule|tostring), .name, .line] | join(" ")')" "200 null vague 1" \
   "a rule file by its file name: the whole file, from line 1"
http GET /v1/rules/..%2F..%2F..%2Fetc%2Fpasswd/source
is "$CODE $(jqr "$OUT" .error)" "404 not_found" "a path is not a rule name: 404"
http GET /v1/rules/no-such-rule/source
is "$CODE" 404 "an unknown rule: 404"
is "$(jqr "$OUT" .message)" "no loaded rule or rule file is named 'no-such-rule' (GET /v1/rules lists them)" \
   "... saying so"

# ---- POST /v1/playground/score ----

cp "$TMP/article.md" "$TMP/playground"
jq -n --rawfile t "$TMP/article.md" '{text: $t}' > "$TMP/plain.json"
post /v1/playground/score "$TMP/plain.json"
is "$CODE" 200 "playground/score without a draft: 200"
printf '%s' "$OUT" | jq -S .report > "$TMP/got.json"
(cd "$TMP" && "$CREDSCORE" score -f json --input-format markdown playground) | jq -S . > "$TMP/want.json"
cmp -s "$TMP/got.json" "$TMP/want.json"
ok $? "... the JSON report of score -f json for the same text"
like "$(jqr "$OUT" .html)" '^<section class="article" id="a1"' "... and the HTML report's article section"
like "$(jqr "$OUT" .html)" '<mark class="f m-anonymous neg" id="a1-f[0-9]+" tabindex="0" [^>]*data-rule="anonymous-officials"' \
   "... marking the findings as the HTML report does"
printf '%s' "$OUT" | jq -r .html | grep -qF '>Officials said</mark>'
ok $? "... around the words found"

# The draft: the bundled anonymous.lua with a new rule, in place of it.
cp "$RULES/anonymous.lua" "$TMP/draft.lua"
printf '%s' "$RULE_ADD" >> "$TMP/draft.lua"
draft_body anonymous "$TMP/draft.lua" "$TMP/article.md" > "$TMP/draft.json"
post /v1/playground/score "$TMP/draft.json"
is "$CODE" 200 "playground/score with a draft: 200"
mkdir -p "$TMP/edit/pack"
cp "$RULES"/*.lua "$TMP/edit/pack/"
cp "$TMP/draft.lua" "$TMP/edit/pack/anonymous.lua"
printf 'rules: ["pack/"]\n' > "$TMP/edit/credscore.yaml"
cp "$TMP/article.md" "$TMP/edit/article.md"
WANT_EDIT=$(cd "$TMP/edit" && "$CREDSCORE" score -f json article.md | findings)
like "$WANT_EDIT" '"rule":"mayor-spoke","text":"mayor spoke"' "(the CLI with the edited file flags the new phrase)"
is "$(printf '%s' "$OUT" | jq .report | findings)" "$WANT_EDIT" \
   "... the findings of score -f json with the edited file in place of the bundled one"
is "$(jqr "$OUT" '[.report.articles[0].findings[] | select(.rule == "mayor-spoke") | .source] | join(" ")')" \
   "draft:anonymous.lua:$(grep -n 'id = "mayor-spoke"' "$TMP/draft.lua" | cut -d: -f1 | awk '{print $1 - 1}')" \
   "... the new rule's source is draft:anonymous.lua at its line"
http POST /v1/score -H 'Content-Type: application/json' --data-binary @"$TMP/plain.json"
unlike "$OUT" mayor-spoke "the draft was for that request only: /v1/score does not know it"

# A draft that does not load: 422 at its line.
printf 'rule {\n  id = "x",\n  marker = "vague"\n  phrases = { "y" } }\n' > "$TMP/bad.lua"
draft_body mine "$TMP/bad.lua" "$TMP/article.md" > "$TMP/bad.json"
post /v1/playground/score "$TMP/bad.json"
is "$CODE" 422 "a draft with a syntax error: 422"
is "$OUT" '{"error":"rule_error","message":"'"'"'}'"'"' expected (to close '"'"'{'"'"' at line 1) near '"'"'phrases'"'"'","file":"draft:mine.lua","line":4}' \
   "... {error, message, file, line}: the line where Lua saw the error"
printf 'rule {\n  id = "x", marker = "vague",\n  phrases = { "y" },\n  mesage = "m",\n}\n' > "$TMP/typo.lua"
draft_body mine "$TMP/typo.lua" "$TMP/article.md" > "$TMP/typo.json"
post /v1/playground/score "$TMP/typo.json"
is "$CODE $(jqr "$OUT" '[.file, .line, .message] | map(tostring) | join(" | ")')" \
   "422 draft:mine.lua | 4 | rule 'x': unknown field 'mesage' (did you mean 'message'?)" \
   "an unknown field: at the line where it is written"
printf 'local n = 0\nwhile true do n = n + 1 end\n' > "$TMP/loop.lua"
draft_body loop "$TMP/loop.lua" "$TMP/article.md" > "$TMP/loop.json"
post /v1/playground/score "$TMP/loop.json"
is "$CODE $(jqr "$OUT" '[.file, .line] | map(tostring) | join(":")')" "422 draft:loop.lua:2" \
   "a runaway draft stops at the instruction budget: 422 at its line"
like "$(jqr "$OUT" .message)" '^instruction budget exceeded' "... saying so"
http GET /healthz
is "$CODE" 200 "... and the server goes on"

# Bad requests.
printf '{"text": "a", "rule": {"name": "x", "source": 1}}' > "$TMP/r1.json"
post /v1/playground/score "$TMP/r1.json"
is "$CODE $(jqr "$OUT" '.error + ": " + .message')" "400 bad_request: \"rule.source\" must be a string" \
   "a source that is not a string: 400"
printf '{"text": "a", "rule": {"name": "../x", "source": ""}}' > "$TMP/r2.json"
post /v1/playground/score "$TMP/r2.json"
is "$CODE $(jqr "$OUT" .message)" "400 rule name '../x': use 1 to 64 letters, digits, '-', '_' or '.' (not starting with '.')" \
   "a rule name that is a path: 400"
printf '{"text": "a",\n "colour": 1}' > "$TMP/r3.json"
post /v1/playground/score "$TMP/r3.json"
is "$CODE $(jqr "$OUT" .message)" "400 unknown member \"colour\" (the members are text, format and rule)" \
   "an unknown member: 400"
printf '{"text": "a",\n "format": }' > "$TMP/r4.json"
post /v1/playground/score "$TMP/r4.json"
is "$CODE $(jqr "$OUT" '[.error, .line, .column] | map(tostring) | join(" ")')" "400 bad_json 2 12" \
   "malformed JSON: 400 with its line and column"

# ---- POST /v1/playground/test ----

draft_body anonymous "$TMP/draft.lua" > "$TMP/test.json"
run "$CREDSCORE" test "$TMP/edit/pack/anonymous.lua"
WANT_TALLY=$(printf '%s\n' "$OUT" | tail -n 1)
is "$WANT_TALLY" "11 passed, 1 failed" "(credscore test on the same file: 11 passed, 1 failed)"
post /v1/playground/test "$TMP/test.json"
is "$CODE" 200 "playground/test: 200"
is "$(jqr "$OUT" '"\(.passed) passed, \(.failed) failed"')" "$WANT_TALLY" "... the same tally as credscore test"
is "$(jqr "$OUT" '[.results[] | select(.pass | not) | "\(.rule) \(.kind) \(.index) \(.why)"] | join(", ")')" \
   "mayor-spoke miss 1 fired" "... the failure: the miss example that fires"
printf 'rule { id = "c", marker = "vague", check = function(p) while true do end end,\n  examples = { hit = { "a b" } } }\n' > "$TMP/spin.lua"
draft_body spin "$TMP/spin.lua" > "$TMP/spin.json"
post /v1/playground/test "$TMP/spin.json"
is "$CODE $(jqr "$OUT" '"\(.passed) \(.failed) \(.results[0].rule) \(.results[0].pass)"')" "200 0 1 c false" \
   "a check that never ends: one failure, the rule disabled"
like "$(jqr "$OUT" '.results[0].why')" "^draft:spin.lua:1: rule 'c': instruction budget exceeded" \
   "... naming the rule, at its line"

# ---- the page in Chromium ----

if [ -z "$CHROME" ]; then
    skip_or_fail "the browser checks: chromium is not installed (make deps DEPS_FOR=test)"
    serve_stop
    done_testing
fi
if ! command -v node >/dev/null 2>&1; then
    skip_or_fail "the browser checks: node is not installed (make deps DEPS_FOR=test)"
    serve_stop
    done_testing
fi
if ! sh "$ROOT/tests/tools/npm-tools.sh" "$NPM_TOOLS" 2>"$TMP/npm.log" ||
   [ ! -d "$NPM_TOOLS/node_modules/puppeteer-core" ]; then
    sed 's/^/# /' "$TMP/npm.log"
    skip_or_fail "the browser checks: puppeteer-core (npm) could not be installed into $NPM_TOOLS"
    serve_stop
    done_testing
fi
rm -rf "$ART"
mkdir -p "$ART"
# A second server, with a token: the page needs none, the routes it calls do.
TOKEN=playground-token-0123456789
printf '%s\n' "$TOKEN" > "$TMP/token"
chmod 600 "$TMP/token"
ADDR1=$ADDR
PID1=$SERVE_PID
serve_start -j 1 --token-file "$TMP/token"
ok $? "a second server, with --token-file"
ADDR2=$ADDR
PID2=$SERVE_PID
SERVE_PID=$PID1
trap 'kill -KILL "$PID1" "$PID2" 2>/dev/null; rm -rf "$TMP"' EXIT
http GET /
is "$CODE" 200 "with a token: GET / (the page) needs none"
http POST /v1/playground/score -H 'Content-Type: application/json' --data-binary @"$TMP/plain.json"
is "$CODE" 401 "... POST /v1/playground/score does"
http POST /v1/playground/score -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    --data-binary @"$TMP/plain.json"
is "$CODE" 200 "... and answers with it"
ADDR=$ADDR1
NODE_PATH=$NPM_TOOLS/node_modules CHROME=$CHROME PG_ARTICLE=$(cat "$TMP/article.md") \
    PG_RULE_ADD=$RULE_ADD PG_RULE_BREAK=$RULE_BREAK PG_TOKEN_URL=http://$ADDR2 PG_TOKEN=$TOKEN \
    timeout 300 node "$ROOT/tests/cli/79-playground.js" "http://$ADDR" "$ART" > "$TMP/seen.json" \
    2>"$TMP/node.err"
ok $? "the browser run ends normally"
kill -TERM "$PID2"
wait "$PID2"
is "$?" 0 "the second server stops on SIGTERM with exit 0"
SEEN=$(cat "$TMP/seen.json")
[ -s "$TMP/node.err" ] && sed 's/^/# node: /' "$TMP/node.err"
step() { jqr "$SEEN" ".steps.$1"; }
is "$(jqr "$SEEN" '.fatal // "none"')" none "no step failed outright"
is "$(jqr "$SEEN" '[.steps[] | select(.timeout) ] | length')" 0 "no step timed out"
is "$(jqr "$SEEN" '.foreign | length')" 0 "the page asked nothing of any other host"
is "$(jqr "$SEEN" '[.console[] | select(test("status of (422|401)") | not)] | join("; ")')" "" \
   "no script error and no CSP violation in the console (only the 422 and 401 answers)"

# the page scores its sample article at once; the picker lists the bundled rules
is "$(step load | jq -r .title)" "credscore playground" "the page loads"
is "$(step load | jq -r '.options | join(" ")')" \
   " $(curl -s "http://$ADDR/v1/rules" | jq -r '[.rules[] | select(.source | test("\\.lua:[0-9]+$")) | .id] | join(" ")')" \
   "the picker: a new rule, then every Lua rule of GET /v1/rules"

# an article typed in: the marks are the findings of score -f json, word for word
WANT_ART=$(cd "$TMP" && "$CREDSCORE" score -f json article.md | findings)
like "$WANT_ART" '"rule":"anonymous-officials","text":"Officials said"' "(the CLI flags 'Officials said')"
is "$(step article | jq .marks | marks)" "$WANT_ART" \
   "typed article: a mark on the exact words of each finding (line, column, rule, words)"
like "$(step article | jq -r .status)" '^Score [0-9]+/100, [a-z ]+; [0-9]+ findings$' "... and the score in the status line"

# a bundled rule file loaded and a rule typed at its end: the new phrase marked
is "$(step edit | jq -r '[.loaded_line, .draft_file] | join(" ")')" "46 draft:anonymous.lua" \
   "the picker loads anonymous.lua at the rule's line, scored as draft:anonymous.lua"
step edit | jq -j .source > "$TMP/browser-draft.lua"
cmp -s "$TMP/browser-draft.lua" "$TMP/draft.lua"
ok $? "what was typed is the draft the HTTP checks used"
is "$(step edit | jq .marks | marks)" "$WANT_EDIT" \
   "edited rule: the marks are the findings of score -f json with the edited file"
like "$(step edit | jq .marks | marks)" '"rule":"mayor-spoke","text":"mayor spoke"' "... the new phrase among them"
like "$(step edit | jq -r '.sources | join(",")')" "draft:anonymous.lua:[0-9]+" "... its source named draft:anonymous.lua"

# the rule broken: the error at its line, the report kept
BREAK_LINE=$(($(wc -l < "$TMP/draft.lua") + 1))
is "$(step broken | jq -r .error)" "draft:anonymous.lua:$BREAK_LINE: '}' expected near 'marker'" \
   "broken rule: the error names draft:anonymous.lua at the line typed"
is "$(step broken | jq -c .gutter_err)" "[\"$BREAK_LINE\"]" "... that line is marked beside the editor"
is "$(step broken | jq -r .offset)" 0 "... level with the line itself"
is "$(step broken | jq -r '[.invalid, .stale] | map(tostring) | join(" ")')" "true true" \
   "... the editor is aria-invalid, the last report kept but dimmed"
is "$(step broken | jq -r '[.goto.focused, .goto.line, .goto.selected] | map(tostring) | join(" | ")')" \
   "true | $BREAK_LINE | rule { id = \"x\" marker = \"vague\" }" \
   "'Go to line' (keyboard) selects the broken line in the editor"
is "$(step broken | jq -S -c .fixed)" '{"gutter_err":0,"invalid":null,"stale":false}' \
   "the break deleted: error and marks gone, the report fresh"

# the examples: one click, the tally of credscore test
is "$(step examples | jq -r .tally)" "$WANT_TALLY" "examples: the same tally as credscore test"
like "$(step examples | jq -r '.items | map(select(startswith("pg-fail"))) | join("|")')" \
   '^pg-fail: ✗ FAIL mayor-spoke: miss example 1, “The mayor spoke twice.”fired$' "... the failing example named"

# downloads
is "$(step download | jq -r '.files | join(" ")')" "anonymous.lua credscore-snippet.yaml" \
   "download: the rule file and a config snippet"
cmp -s "$ART/downloads/anonymous.lua" "$TMP/draft.lua"
ok $? "... the rule file is the draft"
SNIP=$(cat "$ART/downloads/credscore-snippet.yaml")
like "$SNIP" '  - "rules/anonymous.lua"' "... the snippet enables rules/anonymous.lua"
unlike "$SNIP" '^ *- "@default"' "... without the bundled pack, whose anonymous.lua it replaces"

# 390 px wide
is "$(step narrow | jq -r '"\(.inner) \(.scroll) \(.body)"')" "390 390 390" \
   "390 px: nothing wider than the window (no horizontal scrolling)"
is "$(step narrow | jq -c .wide)" "[]" "... no element sticks out of it"
is "$(step narrow | jq -r '"\(.columns) \(.wide_columns)"')" "1 2" "one column at 390 px, two at 1280"

# keyboard only
is "$(step keyboard | jq -r '.order[0:10] | join(" ")')" \
   "a.skip format article rule-pick load-rule rule-name rule run-examples download-rule download-config" \
   "Tab visits every control in reading order"
like "$(step keyboard | jq -r '.order[10]')" '^a1-f1$' "... then the marks of the report"
is "$(step keyboard | jq -r '[.picker_value, .on_load, .editor_filled] | map(tostring) | join(" ")')" \
   "anonymous-condition load-rule true" "a bundled rule chosen and loaded with the keyboard alone"
is "$(step keyboard | jq -r '.unnamed | length')" 0 "every control has an accessible name"
like "$(step keyboard | jq -r '.named | join("|")')" \
   'textbox: Article text\|.*combobox: Start from\|.*textbox: Lua source of the draft\|button: Run the examples' \
   "... from its label"

# the token asked for, then used
is "$(step token | jq -r '"\(.focused) | \(.asked)"')" \
   "token | This server wants its access token: type it above." \
   "with --token-file: the page asks for the token, the focus in its field"
like "$(step token | jq -r '"\(.hidden) | \(.status) | \(.marks)"')" '^true \| Score [0-9]+/100, .* \| [1-9][0-9]*$' \
   "... once typed, the page scores and marks"

# the screenshots, kept
for f in 1280-article 1280-edited-rule 1280-rule-error 1280-examples 390-playground; do
    is "$(head -c 8 "$ART/$f.png" | od -An -tx1 | tr -d ' \n')" 89504e470d0a1a0a "screenshot $f.png kept"
    echo "# screenshot: $ART/$f.png"
done

serve_stop
is "$STATUS" 0 "the server stops on SIGTERM with exit 0"
done_testing
