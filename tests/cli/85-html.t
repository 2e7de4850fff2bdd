#!/bin/sh
# The HTML report: one self-contained page, rendered by headless Chromium.
#
# The page is checked twice: as bytes (no external resources, escaping,
# determinism) and as the DOM Chromium built from it.  For the DOM checks a
# copy of the page gets a small script (and a CSP that lets it run) that
# walks every <mark data-rule>: its words (with the continuation pieces of
# a crossing finding), its passage and byte offsets inside the passage text
# (counted by the browser), its line:col; then focuses each mark and reads
# the tooltip the CSS draws.  The result must equal the JSON report of the
# same run, finding by finding.  The page itself, unmodified, is
# screenshotted (with a net log: no request may leave the machine) and
# printed to PDF.
#
# Set HTML_ARTIFACTS=DIR to keep the report, screenshot and PDF.
. "$(dirname "$0")/lib.sh"

A=$ROOT/examples/articles
CHROME=$(command -v chromium || command -v chromium-browser || true)
NP=--no-plugins   # the bundled plugins may be in flux: Lua rules only

# headless Chromium, bounded; extra arguments last (the URL)
chrome() {
    timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --disable-dev-shm-usage --hide-scrollbars \
        --user-data-dir="$TMP/chrome" "$@"
}

# A copy of page $1 with the checker script, dumped by Chromium; prints the
# checker's JSON result.
CHECKER='<script>
window.addEventListener("load", function () { /* the window has focus by then */
  var enc = new TextEncoder(), bytes = function (s) { return enc.encode(s).length; };
  var css = function (s) { /* a computed CSS string value back to text */
    if (!/^".*"$/.test(s)) return s;
    return s.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6}) ?|\\([^])/g, function (_, hex, ch) {
      return hex ? String.fromCodePoint(parseInt(hex, 16)) : ch; });
  };
  var out = {articles: [], focus: document.hasFocus()};
  document.querySelectorAll("section.article").forEach(function (sec) {
    var marks = Array.prototype.slice.call(sec.querySelectorAll("mark[data-rule]"));
    marks.sort(function (a, b) { return a.dataset.n - b.dataset.n; });
    var list = [];
    marks.forEach(function (m) {
      var text = m.textContent, pieces = 0;
      sec.querySelectorAll("mark.fx").forEach(function (p) {
        if (p.dataset.of === m.id) { text += p.textContent; pieces++; }
      });
      var pa = m.closest(".pa"), r = document.createRange(), ps = pa.querySelector(".ps");
      if (ps) r.setStartAfter(ps); else r.setStart(pa, 0);
      r.setEndBefore(m);
      var start = bytes(r.toString());
      var desc = document.getElementById(m.getAttribute("aria-describedby"));
      document.activeElement && document.activeElement.blur && document.activeElement.blur();
      var hidden = getComputedStyle(m, "::after").display;
      m.focus();
      var tip = getComputedStyle(m, "::after");
      list.push({n: +m.dataset.n, rule: m.dataset.rule, marker: m.dataset.marker,
                 line: +m.dataset.line, column: +m.dataset.col,
                 passage: +pa.id.replace(/^a[0-9]+-p/, ""), start: start,
                 end: start + bytes(text), text: text, pieces: pieces,
                 classes: m.className, tabindex: m.tabIndex,
                 focused: document.activeElement === m, tip_hidden: hidden,
                 tip_shown: tip.display, tip: css(tip.content), data_tip: m.dataset.tip,
                 before: css(getComputedStyle(m, "::before").content),
                 note: desc ? desc.textContent : null,
                 passage_tag: pa.tagName.toLowerCase(),
                 in_quote: !!pa.closest("blockquote"), in_list: !!pa.closest("ul")});
    });
    out.articles.push(list);
  });
  var stray = document.querySelectorAll(".body *:not(mark):not(.ps):not(.ps *):not(p):not(h3)" +
                                        ":not(li):not(ul):not(blockquote)");
  out.stray = stray.length;
  out.scripts = document.scripts.length;
  var pre = document.createElement("pre");
  pre.id = "cs-check";
  pre.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(out))));
  document.body.appendChild(pre);
});
</script>'

# The marks' tooltips show on :focus, which matches only while the page
# has focus: a headless Chromium starved of CPU (a loaded machine, the
# sanitizer suite) sometimes loads the page before its window has focus,
# so a check made without it ("focus": false) is made again, up to three
# times; the assertions below still require a focused page.
browser_check() { # page.html -> checker JSON on stdout
    base=$(basename "$1" .html)
    sed "s|default-src 'none';|default-src 'none'; script-src 'unsafe-inline';|" "$1" |
        S="$CHECKER" awk '/^<\/body>/ { print ENVIRON["S"] } { print }' > "$TMP/$base.check.html"
    _try=0
    while [ $_try -lt 3 ]; do
        _json=$(chrome --dump-dom "file://$TMP/$base.check.html" 2>"$TMP/$base.check.log" |
            sed -n 's|.*<pre id="cs-check">\([^<]*\)</pre>.*|\1|p' | base64 -d)
        [ "$(printf '%s' "$_json" | jq -r .focus 2>/dev/null)" = false ] || break
        _try=$((_try + 1))
    done
    printf '%s' "$_json"
}

# The findings as the JSON report has them, in the checker's shape.
json_findings() {
    jq -S -c '[.articles[] | [.findings[] | {rule, marker, line, column, passage, start, "end": .["end"], text}]]'
}
page_findings() {
    jq -S -c '[.articles[] | [.[] | {rule, marker, line, column, passage, start, "end": .["end"], text}]]'
}
# "is" on the two, but an empty side (a jq or browser failure) never passes.
same_findings() { # page-json report-json name
    got=$(printf '%s' "$1" | page_findings 2>&1)
    want=$(printf '%s' "$2" | json_findings 2>&1)
    case $want in '[['*) ;; *) want="(no findings from the JSON report: $want)" ;; esac
    is "$got" "$want" "$3"
}
# Marks whose tooltip lacks its JSON finding's marker, rule, message or line:col.
tip_misses() { # checker-json report-json
    printf '%s' "$1" > "$TMP/.page.json"
    printf '%s' "$2" > "$TMP/.report.json"
    jq -n --slurpfile p "$TMP/.page.json" --slurpfile j "$TMP/.report.json" \
        '[[$p[0].articles, [$j[0].articles[].findings]] | transpose[]
        | transpose[] | select(.[0] as $m | .[1] as $f | $m.tip
        | (contains($f.marker) and contains($f.rule) and contains($f.message // "")
           and contains("line \($f.line):\($f.column)")) | not)] | length'
}
# Requests a page made (the net log's URL requests isolated under file://);
# Chromium's own background requests are not the page's.
# A net log jq cannot read gives a line saying so: never an empty answer.
page_requests() { # netlog.json
    _req=$(jq -r '.events[] | .params? // {} | select((.network_isolation_key? // "") | startswith("file://"))
        | select(.url? != null) | .url' "$1" 2>&1) || _req="(net log $1 unreadable: $_req)"
    printf '%s\n' "$_req" | sed '/^$/d' | sort -u
}

# ---- the report of the two example articles ----

run "$CREDSCORE" score $NP --fail-under 0 -f json "$A/border-clash.html" "$A/harbour-fire.md"
JSON=$OUT
is "$STATUS" 0 "json report of the two articles"
run "$CREDSCORE" score $NP --fail-under 0 -f html -o "$TMP/report.html" "$A/border-clash.html" "$A/harbour-fire.md"
is "$STATUS" 0 "html report written with -o"
HTML=$(cat "$TMP/report.html")
like "$(head -c 16 "$TMP/report.html")" '^<!DOCTYPE html>' "an HTML5 document"
like "$HTML" "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" \
    "a strict Content-Security-Policy"
like "$HTML" '</html>$' "the page is complete"
run "$CREDSCORE" score $NP --fail-under 0 -f html "$A/border-clash.html" "$A/harbour-fire.md"
is "$STATUS" 0 "score \$NP --fail-under 0 -f html border-clash.html harbo...: exit 0"
is "$OUT" "$HTML" "the same run gives byte-identical HTML"

# self-contained: nothing the browser could fetch
is "$(grep -Eoi '<(script|img|link|iframe|object|embed|video|audio|source|base)[ >]' "$TMP/report.html" | wc -l)" 0 \
    "no script, image, link or frame elements"
is "$(grep -Eoi ' (src|srcset|action|formaction|poster|background|ping)=' "$TMP/report.html" | wc -l)" 0 \
    "no src-like attributes"
is "$(grep -Eo 'href="[^"]*"' "$TMP/report.html" | grep -vc '^href="#')" 0 \
    "every link is an in-page fragment"
is "$(grep -Eoi 'url\(|@import|@font-face' "$TMP/report.html" | wc -l)" 0 "the CSS loads nothing"
is "$(grep -Eo '="[^"]*(https?:|//)[^"]*"' "$TMP/report.html" | wc -l)" 0 \
    "no URL in any attribute"

# the structure an editor reads
is "$(grep -c '<section class="article"' "$TMP/report.html")" 2 "one section per article"
like "$HTML" '<nav class="toc".*' "a table of contents"
is "$(grep -o '<a href="#a[12]">' "$TMP/report.html" | tr '\n' ' ')" '<a href="#a1"> <a href="#a2"> ' \
    "the contents link to both articles"
like "$HTML" '<span class="sw m-anonymous neg">anonymous</span><span class="wt">−8</span></dt><dd>A claim credited' \
    "the legend names, colours and describes the markers"
is "$(grep -c '^\.m-[a-z][a-z_]\{1,\}{--c:#' "$TMP/report.html")" 8 "a colour for each of the eight markers"
like "$HTML" '<dt>Named to anonymous</dt><dd>0 : 3</dd>' "summary: named-to-anonymous"
like "$HTML" '<span class="num">0</span><span class="of">/100</span><span class="verdict">poorly sourced</span>' \
    "summary: score and verdict"
like "$HTML" '@media print\{' "a print stylesheet"
nmarks=$(grep -o '<mark class="f ' "$TMP/report.html" | wc -l)
is "$nmarks" "$(jqr "$JSON" '[.articles[].findings[]] | length')" "one mark per JSON finding"
is "$(grep -o '<mark class="f [^>]*tabindex="0"[^>]*aria-describedby="a[0-9]*-n[0-9]*"' "$TMP/report.html" | wc -l)" \
    "$nmarks" "every mark is focusable and described by its note"
like "$HTML" 'data-rule="unverified-could-not-verify" data-level="warning" data-weight="-6" data-points="-6" data-line="12" data-col="68"[^>]*>could not be independently verified</mark>' \
    "the harbour-fire mark sits on the words, at 12:68"
like "$HTML" 'data-rule="hedged-adverbs"[^>]*data-line="13" data-col="40"[^>]*>reportedly</mark>' \
    "the border-clash mark on \"reportedly\" at 13:40"

# ---- in the browser ----

if [ -z "$CHROME" ]; then
    skip_or_fail "chromium is not installed (make deps DEPS_FOR=test)"
    done_testing
fi

CHECK=$(browser_check "$TMP/report.html")
is "$(jqr "$CHECK" '.articles | length' 2>&1)" 2 "Chromium ran the checker over both articles"
same_findings "$CHECK" "$JSON" \
    "every mark: words, passage, byte span and line:col equal the JSON findings"
is "$(jqr "$CHECK" '[.articles[][] | select(.rule == "unverified-could-not-verify") | .text] | join("|")')" \
    "could not be verified|could not be independently verified" \
    "the could-not-verify marks hold exactly those words"
is "$(jqr "$CHECK" '[.articles[1][] | select(.rule == "unverified-could-not-verify") | "\(.line):\(.column)"] | join(",")')" \
    "12:68" "and the harbour-fire one says 12:68"
is "$(jqr "$CHECK" '[.articles[][] | select(.tabindex != 0 or (.focused | not))] | length')" 0 \
    "every mark takes keyboard focus"
is "$(jqr "$CHECK" '([.articles[][] | select(.tip_hidden != "none" or .tip_shown != "block")] | length), "page focus \(.focus)"' | tr '\n' ' ')" "0 page focus true " \
    "the tooltip is hidden until the mark has focus, then shown"
is "$(jqr "$CHECK" '[.articles[][] | select(.tip != .data_tip)] | length')" 0 \
    "the tooltip drawn on focus is the mark's data-tip"
is "$(tip_misses "$CHECK" "$JSON")" 0 \
    "each tooltip gives the finding's marker, rule, message and line:col"
is "$(jqr "$CHECK" '.articles[1][] | select(.rule == "anonymous-officials") | .tip | test("−8 points  ·  line 12:1\n")')" \
    "true" "and its points"
is "$(jqr "$CHECK" '[.articles[][] | select(. as $m | $m.note == null or ($m.note | contains($m.rule) | not))] | length')" 0 \
    "aria-describedby points at the finding's note"
is "$(jqr "$CHECK" '[.articles[1][] | .passage_tag] | unique | join(",")')" "p" \
    "harbour-fire findings sit in paragraphs"
is "$(jqr "$CHECK" '.stray')" 0 "no markup from the article text"
is "$(jqr "$CHECK" '.scripts')" 1 "no script but the checker"

# the page as it is: screenshot, no network, no CSP violation
chrome --enable-logging=stderr --v=0 --log-net-log="$TMP/net.json" --window-size=1200,2000 \
    --screenshot="$TMP/shot.png" "file://$TMP/report.html" >"$TMP/shot.log" 2>&1
size=$(wc -c < "$TMP/shot.png" 2>/dev/null || echo 0)
ok "$([ "$size" -gt 10240 ] && echo 0 || echo 1)" "screenshot rendered ($size bytes)"
is "$(head -c 8 "$TMP/shot.png" | od -An -c | tr -d ' \n')" '211PNG\r\n032\n' "it is a PNG"
is "$(grep -Eci 'net::ERR|Refused to|Content Security Policy|Failed to load resource' "$TMP/shot.log")" 0 \
    "no network error or CSP violation in Chromium's log"
is "$(page_requests "$TMP/net.json" | tr '\n' ' ')" "" "the net log shows no request from the page"
# the same check sees a page that does fetch (the discard port: nothing leaves)
printf '<!DOCTYPE html><title>x</title><img src="http://localhost:9/x.png"><p>x</p>\n' > "$TMP/fetch.html"
chrome --log-net-log="$TMP/fetch.json" --dump-dom "file://$TMP/fetch.html" >/dev/null 2>&1
is "$(page_requests "$TMP/fetch.json")" "http://localhost:9/x.png" "(a page that fetches is caught)"

chrome --no-pdf-header-footer --print-to-pdf="$TMP/report.pdf" "file://$TMP/report.html" >/dev/null 2>&1
is "$(head -c 5 "$TMP/report.pdf" 2>/dev/null)" "%PDF-" "it prints to PDF"

# ---- overlaps, duplicates, suppression and escaping ----

mkdir -p "$TMP/desk"
cat > "$TMP/desk/desk.lua" <<'EOF'
rule { id = "t-cross-a", marker = "institutional", weight = 2,
       message = "Police are an institution", phrases = { "police said" } }
rule { id = "t-cross-b", marker = "hedged", weight = -1,
       message = "Crosses the other one", phrases = { "said the depot was" } }
rule { id = "t-dup", marker = "unverified", weight = -1,
       message = "Weaker, same marker, same words", phrases = { "could not be independently" } }
rule { id = "t-esc", marker = "vague", weight = -2,
       message = [[Check <b>"this" & 'that'</b>]], phrases = { "rose 5%" } }
EOF
printf 'rules: ["@default", "desk.lua"]\nplugins: []\n' > "$TMP/desk/credscore.yaml"
cat > "$TMP/desk/odd.md" <<'EOF'
# Costs & &lt;b&gt;"quotes"&lt;/b&gt; 'apos'

> Officials said costs rose 5% < 10% && "fell" 'later'.

- Police said the depot was sealed, a claim that could not be independently verified.
- A second item, from sources familiar with the matter.

<!-- credscore-disable-next vague: cleared by the standards desk -->
Some observers argue that the port ignored warnings.
EOF
run "$CREDSCORE" score -c "$TMP/desk/credscore.yaml" --fail-under 0 -f json "$TMP/desk/odd.md"
OJSON=$OUT
is "$STATUS" 0 "the odd article is scored"
run "$CREDSCORE" score -c "$TMP/desk/credscore.yaml" --fail-under 0 -f html -o "$TMP/odd.html" "$TMP/desk/odd.md"
is "$STATUS" 0 "and reported as HTML"
ODD=$(cat "$TMP/odd.html")
like "$ODD" '<h3 class="pa" id="a1-p0">.*Costs &amp; &lt;b&gt;&quot;quotes&quot;&lt;/b&gt; &#39;apos&#39;</h3>' \
    "text is escaped (& < > \" ')"
like "$ODD" 'data-tip="[^"]*Check &lt;b&gt;&quot;this&quot; &amp; &#39;that&#39;&lt;/b&gt;' \
    "messages in attributes are escaped"
OCHECK=$(browser_check "$TMP/odd.html")
same_findings "$OCHECK" "$OJSON" \
    "overlapping, crossing, duplicate and suppressed findings all match the JSON"
is "$(jqr "$OCHECK" '.articles[0][] | select(.rule == "t-cross-b") | "\(.text)|\(.pieces)"')" \
    "said the depot was|1" "a crossing finding continues in a piece and keeps its words"
is "$(jqr "$OCHECK" '.articles[0][] | select(.rule == "t-cross-a") | "\(.text)|\(.pieces)"')" \
    "Police said|0" "the finding it crosses keeps its words"
is "$(jqr "$OCHECK" '.articles[0][] | select(.rule == "t-dup") | "\(.text)|\(.classes)"')" \
    "could not be independently|f m-unverified neg dup" "a duplicate is nested and marked as such"
is "$(jqr "$OCHECK" '.articles[0][] | select(.rule == "vague-crowd") | .classes + "|" + .before')" \
    'f m-vague neg sup|suppressed: cleared by the standards desk' \
    "a suppressed finding is struck through with its reason"
is "$(jqr "$OCHECK" '.articles[0][] | select(.rule == "t-esc") | .tip | contains("\nCheck <b>\"this\" & '"'"'that'"'"'</b>\n")')" \
    "true" "the tooltip shows the message as text"
is "$(tip_misses "$OCHECK" "$OJSON")" 0 "every tooltip gives its finding"
is "$(jqr "$OCHECK" '[.articles[0][] | select(.in_quote) | .rule] | sort | join(",")')" \
    "anonymous-officials,t-esc" "block quotes are rendered as quotes"
is "$(jqr "$OCHECK" '[.articles[0][] | select(.in_list) | .passage_tag] | unique | join(",")')" "li" \
    "list items as items"
is "$(jqr "$OCHECK" '.stray')" 0 "the article's tags stay text"

# ---- many crossing findings: word windows of three widths over every passage ----

cat > "$TMP/desk/windows.lua" <<'EOF'
local function windows(p, width, step)
  local starts, ends, i = {}, {}, 1
  while true do
    local s, e = string.find(p.text, "%S+", i)
    if not s then break end
    starts[#starts + 1], ends[#ends + 1], i = s, e, e + 1
  end
  local out = {}
  for k = 1, #starts - width + 1, step do
    out[#out + 1] = { from = starts[k], to = ends[k + width - 1] }
  end
  return out
end
rule { id = "w-three", marker = "hedged", weight = -1, message = "three words",
       check = function(p) return windows(p, 3, 2) end }
rule { id = "w-two", marker = "media", weight = 1, message = "two words",
       check = function(p) return windows(p, 2, 3) end }
rule { id = "w-five", marker = "social", weight = -1, message = "five words",
       check = function(p) return windows(p, 5, 4) end }
EOF
printf 'rules: ["@default", "windows.lua"]\nplugins: []\n' > "$TMP/desk/windows.yaml"
set -- "$A/harbour-fire.md" "$A/border-clash.html" "$A/school-closures.txt"
run "$CREDSCORE" score -c "$TMP/desk/windows.yaml" --fail-under 0 -f json "$@"
is "$STATUS" 0 "score -c desk/windows.yaml --fail-under 0 -f json \$@: exit 0"
WJSON=$OUT
run "$CREDSCORE" score -c "$TMP/desk/windows.yaml" --fail-under 0 -f html -o "$TMP/windows.html" "$@"
is "$STATUS" 0 "score -c desk/windows.yaml --fail-under 0 -f html -o wind...: exit 0"
WCHECK=$(browser_check "$TMP/windows.html")
same_findings "$WCHECK" "$WJSON" "hundreds of crossing findings: every mark still matches its JSON finding"
like "$(jqr "$WCHECK" '[.articles[][] | .pieces] | add')" '^[1-9][0-9][0-9]+$' \
    "(they do cross: the marks continue in many pieces)"

# --min-level lists the same findings as the JSON does
run "$CREDSCORE" score $NP --fail-under 0 --min-level warning -f json "$A/border-clash.html"
is "$STATUS" 0 "score \$NP --fail-under 0 --min-level warning -f json bor...: exit 0"
n=$(jqr "$OUT" '.articles[0].findings | length')
run "$CREDSCORE" score $NP --fail-under 0 --min-level warning -f html "$A/border-clash.html"
is "$STATUS" 0 "score \$NP --fail-under 0 --min-level warning -f html bor...: exit 0"
is "$(printf '%s' "$OUT" | grep -o '<mark class="f ' | wc -l)" "$n" "--min-level warning: one mark per JSON finding ($n)"
like "$OUT" "<dt>Findings</dt><dd>9 \($n listed\)</dd>" "and the summary says how many are listed"

# ---- with the bundled plugins that load: more, and overlapping, marks ----

mkdir -p "$TMP/plug"
names=""
for so in "$BUILD"/plugins/*.so; do
    [ -e "$so" ] || continue
    name=$(basename "$so" .so)
    printf 'plugins: [%s]\n' "$name" > "$TMP/plug/credscore.yaml"
    if "$CREDSCORE" plugins -c "$TMP/plug/credscore.yaml" >/dev/null 2>"$TMP/plug/$name.err"; then
        names="$names${names:+, }$name"
    else
        sed "s/^/# plugin $name does not load: /" "$TMP/plug/$name.err"
    fi
done
if [ -n "$names" ]; then
    printf 'plugins: [%s]\n' "$names" > "$TMP/plug/credscore.yaml"
    set -- "$A/border-clash.html" "$A/harbour-fire.md" "$A/council-budget.md" "$A/school-closures.txt"
    run "$CREDSCORE" score -c "$TMP/plug/credscore.yaml" --fail-under 0 -f json "$@"
    is "$STATUS" 0 "score -c plug/credscore.yaml --fail-under 0 -f json \$@: exit 0"
    PJSON=$OUT
    run "$CREDSCORE" score -c "$TMP/plug/credscore.yaml" --fail-under 0 -f html -o "$TMP/plugins.html" "$@"
    is "$STATUS" 0 "score -c plug/credscore.yaml --fail-under 0 -f html -o pl...: exit 0"
    PCHECK=$(browser_check "$TMP/plugins.html")
    same_findings "$PCHECK" "$PJSON" "with the plugins ($names), every mark matches its JSON finding"
    is "$(tip_misses "$PCHECK" "$PJSON")" 0 "and every tooltip gives its finding"
else
    skip_or_fail "no bundled plugin loads in this build" 2
fi

if [ -n "${HTML_ARTIFACTS:-}" ]; then
    mkdir -p "$HTML_ARTIFACTS"
    cp "$TMP"/report.html "$TMP"/shot.png "$TMP"/report.pdf "$TMP"/odd.html "$TMP"/plugins.html \
        "$HTML_ARTIFACTS"/ 2>/dev/null
fi

done_testing
