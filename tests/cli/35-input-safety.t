#!/bin/sh
# Input safety (issue 13: 6, 7, 8 and the HTML part of 13): reports are valid
# UTF-8 and carry no control character to a terminal whatever bytes rules,
# plugins and file names hold; folders are walked once per real file, loops
# and dangling links named once; endless or huge inputs and deeply nested
# HTML are refused at once with a message naming the file.  Every run that
# could hang or fill memory on older code is bounded by `timeout 20` (124
# would be a hang).
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins
FFFD=$(printf '\357\277\275')

# valid_utf8 TEXT NAME: TEXT decodes as UTF-8 (iconv refuses anything else).
valid_utf8() {
    printf '%s' "$1" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
    ok $? "$2"
}

# count BYTES TEXT: how many times the byte string BYTES (printf format)
# occurs in TEXT.
count() {
    printf '%s' "$2" | grep -c "$(printf "$1")" || true
}

# ---- 6: bytes that are not UTF-8, and control characters ----

# A Lua rule whose message and id hold a byte that is not UTF-8 and an ESC
# sequence.
cat > bytes.lua <<'LUA'
rule{id = 'raw-bytes', marker = 'vague', message = 'bad \255 byte \27[2J \194\155 csi', phrases = {'critics'}}
LUA
printf 'rules: [bytes.lua]\nplugins: []\nscoring: {fail_under: 0}\n' > bytes.yaml
printf 'Critics disagree with the plan.\n' > a.txt
run "$CREDSCORE" score -c bytes.yaml -f json a.txt
is "$STATUS" 0 "rule with raw bytes: json exit 0"
valid_utf8 "$OUT" "json: valid UTF-8 with a rule's raw bytes"
is "$(jqr "$OUT" '.articles[0].findings[0].message')" "bad $FFFD byte $(printf '\033')[2J $(printf '\302\233') csi" \
   "json: the rule's bad byte is U+FFFD"
like "$OUT" '"message": "bad '"$FFFD"' byte \\u001b\[2J \\u009b csi"' "json: ESC and CSI escaped as \\u001b, \\u009b"
is "$(count '\033' "$OUT")" 0 "json: no raw ESC byte"
run "$CREDSCORE" score -c bytes.yaml -f sarif a.txt
is "$STATUS" 0 "rule with raw bytes: sarif exit 0"
valid_utf8 "$OUT" "sarif: valid UTF-8 with a rule's raw bytes"
printf '{"id":"r1","text":"Critics disagree."}\n' > in.jsonl
run "$CREDSCORE" score --jsonl -c bytes.yaml in.jsonl
is "$STATUS" 0 "rule with raw bytes: jsonl exit 0"
valid_utf8 "$OUT" "jsonl: valid UTF-8 with a rule's raw bytes"
run "$CREDSCORE" score -c bytes.yaml a.txt
is "$STATUS" 0 "rule with raw bytes: text exit 0"
valid_utf8 "$OUT" "text: valid UTF-8 with a rule's raw bytes"
is "$(count '\033' "$OUT")" 0 "text: no ESC byte from a rule's id or message"
like "$OUT" "bad $FFFD byte \\\\x1b\\[2J \\\\u009b csi  \\[raw-bytes\\]" \
     "text: ESC written as \\x1b, CSI as \\u009b, the bad byte as U+FFFD"
run "$CREDSCORE" score -c bytes.yaml -f github a.txt
is "$STATUS" 0 "rule with raw bytes: github exit 0"
valid_utf8 "$OUT" "github: valid UTF-8 with a rule's raw bytes"
is "$(count '\033' "$OUT")" 0 "github: no ESC byte"
like "$OUT" "title=credscore vague \\(raw-bytes\\)::bad $FFFD byte \\\\x1b\\[2J \\\\u009b csi" \
     "github: the same visible escapes"

# A file name that is not UTF-8 and one with an ESC byte.
printf 'Officials said so.\n' > "$(printf 'bad\377.txt')"
printf 'Officials said so.\n' > "$(printf 'esc\033[2J.txt')"
run "$CREDSCORE" score --no-config --fail-under 0 -f json "$(printf 'bad\377.txt')"
is "$STATUS" 0 "file name not UTF-8: exit 0"
valid_utf8 "$OUT" "json: valid UTF-8 with a file name that is not"
is "$(jqr "$OUT" '.articles[0].path')" "bad$FFFD.txt" "json: the path's bad byte is U+FFFD"
run "$CREDSCORE" score --no-config --fail-under 0 -f sarif "$(printf 'bad\377.txt')"
valid_utf8 "$OUT" "sarif: valid UTF-8 with a file name that is not"
run "$CREDSCORE" score --no-config --fail-under 0 "$(printf 'bad\377.txt')" "$(printf 'esc\033[2J.txt')"
is "$STATUS" 0 "odd file names: text exit 0"
valid_utf8 "$OUT" "text: valid UTF-8 with odd file names"
is "$(count '\033' "$OUT")" 0 "text: no ESC byte from a file name"
like "$OUT" '^esc\\x1b\[2J\.txt: score ' "text: the file name's ESC written as \\x1b"
run "$CREDSCORE" score --no-config --fail-under 0 -f github "$(printf 'esc\033[2J.txt')"
is "$(count '\033' "$OUT")" 0 "github: no ESC byte from a file name"

# A plugin whose rule id and message hold ESC, CSI (U+009B) and a bad byte,
# and whose spans split a character.
printf 'One zebra crossed the caf\303\251 road.\n' > z.txt
printf 'rules: []\nplugins:\n  - path: %s\nscoring: {fail_under: 0}\n' "$P/rawbytes.so" > raw.yaml
run "$CREDSCORE" score -c raw.yaml -f json z.txt
is "$STATUS" 0 "plugin with raw bytes: json exit 0"
valid_utf8 "$OUT" "json: valid UTF-8 with a plugin's raw bytes"
is "$(printf '%s' "$OUT" | grep -c '"rule": "rawbytes/esc\\u001b\[31mred\\u009b\\ufffd"\|"rule": "rawbytes/esc\\u001b\[31mred\\u009b'"$FFFD"'"')" 1 \
   "json: ESC and CSI escaped as \\u001b and \\u009b, the bad byte U+FFFD"
is "$(jqr "$OUT" '[.articles[0].findings[].rule] | join(",")')" "rawbytes/esc$(printf '\033')[31mred$(printf '\302\233')$FFFD" \
   "json: only the finding on whole characters is kept"
is "$(jqr "$OUT" '.articles[0].findings[0].text')" "zebra" "json: its text"
is "$ERR" "credscore: warning: plugin rawbytes: dropped a finding: span 26..27 splits a UTF-8 character
credscore: warning: plugin rawbytes: dropped a finding: span 24..26 splits a UTF-8 character" \
   "a span starting or ending inside a character: a warning naming the plugin"
run "$CREDSCORE" score -c raw.yaml z.txt
is "$STATUS" 0 "plugin with raw bytes: text exit 0"
valid_utf8 "$OUT" "text: valid UTF-8 with a plugin's raw bytes"
is "$(count '\033' "$OUT")" 0 "text: no ESC byte from a plugin's rule id"
is "$(count '\302\233' "$OUT")" 0 "text: no CSI (U+009B) from a plugin's rule id"
like "$OUT" '\[rawbytes/esc\\x1b\[31mred\\u009b' "text: ESC as \\x1b, CSI as \\u009b"
run "$CREDSCORE" score -c raw.yaml -f github z.txt
is "$(count '\033' "$OUT")" 0 "github: no ESC byte from a plugin"
is "$(count '\302\233' "$OUT")" 0 "github: no CSI from a plugin"
valid_utf8 "$OUT" "github: valid UTF-8 with a plugin's raw bytes"
run "$CREDSCORE" score -c raw.yaml -f junit z.txt
valid_utf8 "$OUT" "junit: valid UTF-8 with a plugin's raw bytes"
is "$(count '\302\233' "$OUT")" 0 "junit: no CSI from a plugin"
run "$CREDSCORE" score -c raw.yaml -f html z.txt
valid_utf8 "$OUT" "html: valid UTF-8 with a plugin's raw bytes"
is "$(count '\302\233' "$OUT")" 0 "html: no CSI from a plugin"

# ---- 7: folders ----
# (no rules, no plugins: only which files are read matters here)
NONE=$TMP/none.yaml
printf 'rules: []\nplugins: []\nscoring: {fail_under: 0}\n' > "$NONE"

mkdir walk
cd walk
mkdir one
printf 'Officials said so.\n' > one/a.md
ln -s .. one/up
run timeout 20 "$CREDSCORE" score -c "$NONE" one
is "$STATUS" 0 "a link to the parent folder: exit 0"
is "$(printf '%s\n' "$OUT" | grep -c ': score ')" 1 "a link to the parent folder: the article scored once"
is "$ERR" "credscore: warning: one/up/one: symbolic link back to the folder one (a loop), not followed" \
   "the loop said once"
ln -s ../one one/again
run timeout 20 "$CREDSCORE" score -c "$NONE" one
is "$STATUS" 0 "two loops: exit 0, no hang"
is "$(printf '%s\n' "$OUT" | grep -c ': score ')" 1 "two loops: the article scored once"
is "$ERR" "credscore: warning: one/again: symbolic link back to the folder one (a loop), not followed
credscore: warning: one/up/one: symbolic link back to the folder one (a loop), not followed" \
   "two loops: each said once, in name order"
run timeout 20 "$CREDSCORE" score -c "$NONE" -q one
is "$STATUS:$ERR" "0:" "-q: no loop warning"

mkdir two
printf 'Officials said so.\n' > two/b.md
ln -s b.md two/alias.md
ln -s b.md two/c-alias.md
ln -s ../two/b.md one/b-elsewhere.md
run timeout 20 "$CREDSCORE" score -c "$NONE" two one
is "$STATUS" 0 "links to one file: exit 0"
is "$(printf '%s\n' "$OUT" | grep ': score ' | sed 's/: score.*//')" "two/alias.md
one/a.md" "each real file once (the first name in sorted order), folders in the order given"
run timeout 20 "$CREDSCORE" score -c "$NONE" one one
is "$(printf '%s\n' "$OUT" | grep -c ': score ')" 2 "a folder given twice: its files once (a.md, b-elsewhere.md)"
# A hard link is the same file under a second name: read once, like a
# symbolic link (the walk knows a plain file by readdir's inode number,
# a link by stat's, and the two must agree).
mkdir three
printf 'Officials said so.\n' > three/m.md
ln three/m.md three/n-hard.md
ln -s m.md three/o-soft.md
printf 'Not an article.\n' > three/p.csv
run timeout 20 "$CREDSCORE" score -c "$NONE" three
is "$STATUS" 0 "a hard link: exit 0"
is "$(printf '%s\n' "$OUT" | grep ': score ' | sed 's/: score.*//')" "three/m.md" \
   "a hard link and a symbolic link to one file: the file read once, under its first name"

# A dangling link: one warning naming it, whatever its place in the folder.
for name in 0-dead.md zz-dead.md; do
    rm -rf dl
    mkdir dl
    printf 'Officials said so.\n' > dl/m.md
    ln -s nowhere.md "dl/$name"
    run "$CREDSCORE" score -c "$NONE" dl
    is "$STATUS" 0 "dangling link $name: exit 0"
    is "$ERR" "credscore: warning: dl/$name: dangling symbolic link to 'nowhere.md', skipped" \
       "dangling link $name: one warning naming it"
    is "$(printf '%s\n' "$OUT" | grep -c ': score ')" 1 "dangling link $name: the other article scored"
done

cd "$TMP"

# credscore test walks its folders the same way.
mkdir fx
printf 'rule{id = "t1", marker = "vague", phrases = {"critics"}}\n' > fx/t.lua
printf '<!-- expect: vague -->\nCritics disagree.\n' > fx/f.md
ln -s missing.md fx/gone.md
ln -s f.md fx/same.md
run "$CREDSCORE" test --no-config fx
is "$ERR" "credscore: warning: fx/gone.md: dangling symbolic link to 'missing.md', skipped" \
   "test: a dangling fixture link is a warning naming it"
like "$OUT" "^1 passed, 0 failed$" "test: the fixture linked twice runs once"

# ---- 8: endless and huge inputs ----

run timeout 20 "$CREDSCORE" score --no-config /dev/zero
is "$STATUS" 2 "/dev/zero: exit 2 at once"
is "$ERR" "credscore: /dev/zero:1:1: NUL byte in input (a binary file?); refusing to score it" \
   "/dev/zero: the NUL message"
run sh -c "timeout 20 '$CREDSCORE' score --no-config - < /dev/zero"
is "$STATUS" 2 "standard input from /dev/zero: exit 2"
like "$ERR" "^credscore: -:1:1: NUL byte in input \\(a binary file\\?\\); refusing to score it$" \
     "standard input from /dev/zero: the NUL message"
run sh -c "cat /dev/zero | timeout 20 '$CREDSCORE' score --no-config -"
is "$STATUS" 2 "an endless pipe of NUL bytes: exit 2"
like "$ERR" "^credscore: -:1:1: NUL byte" "an endless pipe of NUL bytes: the NUL message"
run sh -c "yes 'Officials said so.' | timeout 20 '$CREDSCORE' score --no-config -"
is "$STATUS" 2 "an endless pipe of text: exit 2"
like "$ERR" "^credscore: -: article larger than the limit of 50 MB; refusing to read it \\(raise limits\\.article_mb in the config or pass --max-article-mb\\)$" \
     "an endless pipe of text: refused at the default limit of 50 MB"

# The limit: exactly 1 MB passes, one byte more does not.
awk 'BEGIN { for (i = 0; i < 16384; i++) printf "Officials say a lot of things %033d\n", i }' > mb.txt
cp mb.txt mb1.txt
printf 'x' >> mb1.txt
is "$(wc -c < mb.txt | tr -d ' ')" 1048576 "(the 1 MB article is 1048576 bytes)"
printf 'rules: []\nplugins: []\nscoring: {fail_under: 0}\nlimits: {article_mb: 1}\n' > lim1.yaml
BIG="article larger than the limit of 1 MB; refusing to read it (raise limits.article_mb in the config or pass --max-article-mb)"
run "$CREDSCORE" score -c none.yaml --max-article-mb 1 mb.txt
is "$STATUS" 0 "--max-article-mb 1: a 1 MB article is scored"
run "$CREDSCORE" score -c none.yaml --max-article-mb 1 mb1.txt
is "$STATUS:$ERR" "2:credscore: mb1.txt: $BIG" "--max-article-mb 1: one byte more is refused, exit 2"
run "$CREDSCORE" score -c lim1.yaml mb.txt
is "$STATUS" 0 "limits.article_mb: 1: a 1 MB article is scored"
run "$CREDSCORE" score -c lim1.yaml mb1.txt
is "$STATUS:$ERR" "2:credscore: mb1.txt: $BIG" "limits.article_mb: 1: one byte more is refused"
run "$CREDSCORE" score -c lim1.yaml --max-article-mb 2 mb1.txt
is "$STATUS" 0 "--max-article-mb overrides limits.article_mb"
run "$CREDSCORE" score -c lim1.yaml --max-article-mb 0 mb1.txt
is "$STATUS" 0 "--max-article-mb 0: no limit"
run sh -c "cat mb1.txt | '$CREDSCORE' score -c lim1.yaml -"
is "$STATUS:$ERR" "2:credscore: -: $BIG" "standard input through a pipe: the same limit"
run sh -c "'$CREDSCORE' score -c lim1.yaml - < mb1.txt"
is "$STATUS:$ERR" "2:credscore: -: $BIG" "standard input from a file: the same limit"
run "$CREDSCORE" score -c lim1.yaml mb.txt mb1.txt
is "$STATUS" 2 "one article too large among others: exit 2"
like "$OUT" "^mb\\.txt: score " "the other article is scored"
printf 'rules: []\nlimits: {article_mb: -1}\n' > neg.yaml
run "$CREDSCORE" score -c neg.yaml mb.txt
is "$STATUS" 2 "limits.article_mb: -1: exit 2"
like "$ERR" "neg\\.yaml:2:22: limits\\.article_mb: must be between 0 \\(unlimited\\) and " \
     "limits.article_mb: -1: the message names the key"
run "$CREDSCORE" score --max-article-mb 1x mb.txt
is "$STATUS" 2 "--max-article-mb 1x: exit 2"
is "$ERR" "credscore: --max-article-mb wants megabytes from 0 (no limit) to 1048576, not '1x'
Try 'credscore --help'." "--max-article-mb 1x: the message"
run "$CREDSCORE" config -c lim1.yaml
like "$OUT" "  article_mb: 1" "config prints limits.article_mb"
# A JSONL record's text: the same limit, one error line for that record.
awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 0; i <= 16384; i++) printf "Officials say a lot of things %033d ", i; print "\"}"; print "{\"id\":\"small\",\"text\":\"Officials said so.\"}" }' > big.jsonl
run "$CREDSCORE" score --jsonl -c lim1.yaml big.jsonl
is "$(jqr "$(printf '%s\n' "$OUT" | head -1)" '.error')" "big: $BIG" "jsonl: a record's text past the limit is an error line"
is "$(jqr "$(printf '%s\n' "$OUT" | sed -n 2p)" '.id')" "small" "jsonl: the next record is scored"

# ---- 13: deep HTML ----

deep() { # N OPEN CLOSE: N times OPEN, a paragraph, N times CLOSE
    awk -v n="$1" -v o="$2" -v c="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%s", o; printf "<p>Critics say so.</p>"; for (i = 0; i < n; i++) printf "%s", c; print "" }'
}
DEEPMSG="HTML nested more than 10000 elements deep; refusing to parse it"
deep 10000 '<div>' '</div>' > d10000.html
# (a time limit that memcheck on a busy machine keeps to, but no hang does)
run timeout 600 "$CREDSCORE" score -c "$NONE" d10000.html
is "$STATUS" 0 "HTML 10,000 deep: scored"
deep 10001 '<div>' '</div>' > d10001.html
run timeout 20 "$CREDSCORE" score -c "$NONE" d10001.html
is "$STATUS:$ERR" "2:credscore: d10001.html:1:50001: $DEEPMSG" \
   "HTML 10,001 deep: refused, naming the start tag past the limit"
deep 200000 '<div>' '</div>' > d200k.html
run timeout 20 "$CREDSCORE" score -c "$NONE" d200k.html
is "$STATUS:$ERR" "2:credscore: d200k.html:1:50001: $DEEPMSG" "HTML 200,000 deep: refused at once"
# Markup that would hide the depth from a naive count is counted as HTML reads it.
deep 200000 '<span><div></span>' '' > sd.html
(printf '<!-->'; deep 200000 '<div>' ''; printf -- '-->') > comment.html
(printf "<div a'>"; deep 200000 '<div>' ''; printf "'") > quote.html
deep 200000 '<div title="a>b">' '</div>' > attr.html
for f in sd comment quote attr; do
    run timeout 20 "$CREDSCORE" score -c "$NONE" $f.html
    is "$STATUS" 2 "HTML 200,000 deep ($f.html): refused at once"
    like "$ERR" "^credscore: $f\\.html:1:[0-9]+: $DEEPMSG$" "HTML 200,000 deep ($f.html): the message"
done
# Elements that close themselves do not add up.
deep 4000 '<p>para <li>item <td>cell <br>' '' > flat.html
run timeout 600 "$CREDSCORE" score -c "$NONE" flat.html
is "$STATUS" 0 "4,000 unclosed paragraphs, items and cells (12,000 elements): scored"

done_testing
