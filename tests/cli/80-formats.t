#!/bin/sh
# Report formats for CI: SARIF 2.1.0 (validated against the SARIF schema with
# two independent validators), stable partialFingerprints, GitHub workflow
# commands with the exact @actions/core escaping, JUnit XML.
#
# SARIF validation tools come from the npm registry, installed once into
# $NPM_TOOLS (default $BUILD/npm-tools; never into the repository) and reused
# by later runs:
#   @microsoft/sarif-multitool-linux@5.7.0  Microsoft's SARIF SDK Multitool
#       (a self-contained linux-x64 binary inside the npm package, no .NET
#       install needed), run as `Sarif.Multitool validate`; the package also
#       ships the SARIF 2.1.0 JSON schema, sarif-2.1.0.json, used below.
#   ajv-cli@5.0.0 + ajv-formats@3.0.1       a JSON Schema validator (ajv 8),
#       run as `ajv validate --spec=draft2020 -c ajv-formats -s SCHEMA -d LOG`.
# Both are plain registry tarballs (installed with --ignore-scripts: the only
# script is a chmod, done here), so nothing but the npm registry is needed;
# tests/tools/npm-tools.sh installs them (`make deps DEPS_FOR=test` runs it).
# Without npm, or when the install fails (offline), those checks are skipped,
# and fail under CI=true; once installed they must run and pass.
. "$(dirname "$0")/lib.sh"

A=$ROOT/examples/articles

# The articles are scored from $TMP, so report paths are relative to it.
# No plugins: the bundled ones are not what these tests are about.
mkdir -p "$TMP/art"
cp "$A"/*.md "$A"/*.html "$A"/*.txt "$TMP/art/"
cat > "$TMP/credscore.yaml" <<'YAML'
plugins: []
scoring: {fail_under: 40}
YAML

# ---------------------------------------------------------------- SARIF

run "$CREDSCORE" score -f sarif art
is "$STATUS" 1 "sarif: articles below the threshold still exit 1"
printf '%s\n' "$OUT" > "$TMP/folder.sarif"
SARIF=$OUT
is "$(jqr "$SARIF" '."$schema" + " " + .version + " " + (.runs|length|tostring)')" \
   "https://json.schemastore.org/sarif-2.1.0.json 2.1.0 1" "sarif: \$schema, version, one run"
is "$(jqr "$SARIF" '.runs[0].tool.driver | .name + " " + .version')" "credscore 0.1.0" \
   "sarif: tool.driver name and version"
is "$(jqr "$SARIF" '.runs[0].columnKind')" "unicodeCodePoints" "sarif: columns are code points"
is "$(jqr "$SARIF" '.runs[0].invocations[0].executionSuccessful')" "true" \
   "sarif: executionSuccessful"
is "$(jqr "$SARIF" '[.runs[0].artifacts[].location.uri] | join(" ")')" \
   "art/border-clash.html art/council-budget.md art/harbour-fire.md art/school-closures.txt" \
   "sarif: every article is an artifact, even one without findings"
run "$CREDSCORE" score -f json art
is "$STATUS" 1 "score -f json art: exit 1"
is "$(jqr "$SARIF" '.runs[0].results|length')" \
   "$(jqr "$OUT" '[.articles[].findings[] | select(.note != "duplicate")] | length')" \
   "sarif: one result per finding"
is "$(jqr "$SARIF" '[.runs[0] as $r | $r.results[] | $r.tool.driver.rules[.ruleIndex].id == .ruleId] | all')" \
   "true" "sarif: every ruleIndex points at its rule"
is "$(jqr "$SARIF" '[.runs[0].tool.driver.rules[].id] | (unique|length) == length')" "true" \
   "sarif: rule ids are unique"

R='.runs[0].results[] | select(.ruleId == "anonymous-officials")'
is "$(jqr "$SARIF" "$R"' | .level + " " + .message.text')" \
   "warning Unnamed officials: say why anonymity was granted and how they know" \
   "sarif: result level and message"
is "$(jqr "$SARIF" "$R"' | .locations[0].physicalLocation | .artifactLocation.uri + " " + .artifactLocation.uriBaseId + " " + ([.region | .startLine, .startColumn, .endLine, .endColumn] | map(tostring) | join(":")) + " " + .region.snippet.text')" \
   "art/harbour-fire.md %SRCROOT% 12:1:12:15 Officials said" "sarif: location, region and snippet"
is "$(jqr "$SARIF" '.runs[0].results[] | select(.ruleId == "unverified-could-not-verify" and .locations[0].physicalLocation.artifactLocation.uri == "art/harbour-fire.md") | .locations[0].physicalLocation.region | "\(.startLine):\(.startColumn)-\(.endLine):\(.endColumn) \(.charLength)"')" \
   "12:68-13:23 35" "sarif: a region across a line break"
is "$(jqr "$SARIF" "$R"' | .properties | "\(.marker) \(.points) \(.weight) \(.confidence)"')" \
   "anonymous -8 -8 1" "sarif: result properties"
is "$(jqr "$SARIF" '.runs[0].tool.driver.rules[] | select(.id == "anonymous-officials") | "\(.defaultConfiguration.level) \(.properties.marker) \(.properties.weight) \(.shortDescription.text != "") \(.fullDescription.text != "") \(.help.text | test("Name the source"))"')" \
   "warning anonymous -8 true true true" "sarif: rule descriptor"
is "$(jqr "$SARIF" '[.runs[0].results[].level] | unique | join(",")')" "note,warning" \
   "sarif: info is note, warning is warning"
is "$(jqr "$SARIF" '.runs[0].results[] | select(.ruleId == "hedged-adverbs") | .locations[0].physicalLocation.region | "\(.startLine):\(.startColumn) \(.snippet.text)"')" \
   "13:40 reportedly" "sarif: HTML finding at its source line:col"

run "$CREDSCORE" score -f sarif art
is "$STATUS" 1 "score -f sarif art: exit 1"
is "$OUT" "$SARIF" "sarif: byte-identical across runs"

# Paths: ./ dropped, absolute paths below the current folder made relative,
# RFC 3986 percent-encoding, file:// outside the current folder.
mkdir -p "$TMP/more"
printf 'Critics say the plan failed.\n' > "$TMP/more/my story #1.txt"
run "$CREDSCORE" score -f sarif --no-exit "./more/my story #1.txt" "$TMP/art/harbour-fire.md" "$A/school-closures.txt"
is "$STATUS" 0 "score -f sarif --no-exit ./more/my story #1.txt art/harbo...: exit 0"
printf '%s\n' "$OUT" > "$TMP/paths.sarif"
is "$(jqr "$OUT" '[.runs[0].artifacts[].location | .uri + " " + (.uriBaseId // "-")] | join(", ")')" \
   "more/my%20story%20%231.txt %SRCROOT%, art/harbour-fire.md %SRCROOT%, file://$ROOT/examples/articles/school-closures.txt -" \
   "sarif: relative, percent-encoded and absolute artifact URIs"
is "$(jqr "$OUT" '.runs[0].originalUriBaseIds["%SRCROOT%"].uri')" "file://$TMP/" \
   "sarif: %SRCROOT% is the current folder"

# Suppressed findings stay, with the reason.
cat > "$TMP/more/supp.md" <<'MD'
<!-- credscore-disable-next anonymous: cleared by the standards desk -->
Officials said the road would close.

Officials said the bridge would close.
MD
run "$CREDSCORE" score -f sarif more/supp.md
is "$STATUS" 1 "score -f sarif more/supp.md: exit 1 (one unnamed source and nothing named: score 0)"
printf '%s\n' "$OUT" > "$TMP/supp.sarif"
is "$(jqr "$OUT" '[.runs[0].results[] | .suppressions // [] | map(.kind + ": " + .justification) | join("")] | join("|")')" \
   "inSource: cleared by the standards desk|" "sarif: a suppressed finding has an inSource suppression"

# A file that cannot be scored: executionSuccessful false, exit 2.
run "$CREDSCORE" score -f sarif art/harbour-fire.md art/missing.md
is "$STATUS" 2 "sarif: a missing file fails the run"
is "$(jqr "$OUT" '.runs[0].invocations[0].executionSuccessful')" "false" \
   "sarif: executionSuccessful false"
printf '%s\n' "$OUT" > "$TMP/error.sarif"

# ---- schema validation (npm tools)
LOGS="$TMP/folder.sarif $TMP/paths.sarif $TMP/supp.sarif $TMP/error.sarif"
# Broken copies, to show each validator can fail: an unknown property (both
# reject it) and a bad enum value (ajv; the multitool skips logs it cannot
# deserialize without a word, which is why ajv runs too).
jq '.runs[0].colour = "red"' "$TMP/folder.sarif" > "$TMP/broken.sarif"
jq '.runs[0].results[0].level = "severe"' "$TMP/folder.sarif" > "$TMP/broken-level.sarif"
is "$(jq -r '.runs[0].colour' "$TMP/broken.sarif") $(jq -r '.runs[0].results[0].level' "$TMP/broken-level.sarif")" \
   "red severe" "sarif: the broken copies are JSON with the one change each"
NPM_TOOLS=${NPM_TOOLS:-$BUILD/npm-tools}   # make check passes the folder make deps filled
case $NPM_TOOLS in /*) ;; *) NPM_TOOLS=$ROOT/$NPM_TOOLS ;; esac
MT_DIR=$NPM_TOOLS/node_modules/@microsoft/sarif-multitool-linux
SCHEMA=$MT_DIR/sarif-2.1.0.json
AJV=$NPM_TOOLS/node_modules/.bin/ajv
if ! sh "$ROOT/tests/tools/npm-tools.sh" "$NPM_TOOLS" 2>"$TMP/npm.log"; then
    sed 's/^/# /' "$TMP/npm.log"
    skip_or_fail "sarif: the validators (npm) could not be installed into $NPM_TOOLS" 5
else
    ok "$([ -f "$NPM_TOOLS/.installed" ] && [ -f "$SCHEMA" ] && [ -x "$AJV" ]; echo $?)" \
       "sarif: validators installed from npm into $NPM_TOOLS"
    bad=""
    for log in $LOGS; do
        cp "$log" "$TMP/check.json" # ajv-cli picks the parser by extension
        "$AJV" validate --spec=draft2020 -c ajv-formats -s "$SCHEMA" -d "$TMP/check.json" \
            >"$TMP/ajv.out" 2>&1 || { bad="$bad $(basename "$log")"; sed 's/^/# /' "$TMP/ajv.out" | head -30; }
    done
    is "$bad" "" "sarif: valid against the SARIF 2.1.0 schema (ajv)"
    rejected=""
    for log in "$TMP/broken.sarif" "$TMP/broken-level.sarif"; do
        cp "$log" "$TMP/check.json"
        "$AJV" validate --spec=draft2020 -c ajv-formats -s "$SCHEMA" -d "$TMP/check.json" \
            >"$TMP/ajv.out" 2>&1
        rejected="$rejected $?"
    done
    is "$rejected" " 1 1" "sarif: ajv rejects broken logs (the check can fail)"

    if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
        skip_or_fail "sarif: Sarif.Multitool runs on linux-x64 only" 2
    else
        chmod u+x "$MT_DIR/Sarif.Multitool"
        # Invariant globalization: no libicu needed.
        mt() { DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
               "$MT_DIR/Sarif.Multitool" validate "$1" -o "$TMP/mt.sarif" --log ForceOverwrite \
               >"$TMP/mt.out" 2>&1; }
        bad=""
        for log in $LOGS; do
            if ! mt "$log" || [ "$(jq '[.runs[].results[] | select(.level == "error")] | length' "$TMP/mt.sarif")" != 0 ]; then
                bad="$bad $(basename "$log")"
                sed 's/^/# /' "$TMP/mt.out" | head -30
            fi
        done
        is "$bad" "" "sarif: Sarif.Multitool validate finds no error"
        mt "$TMP/broken.sarif"
        like "$(jq -r '[.runs[].results[] | select(.level == "error") | .ruleId] | join(" ")' "$TMP/mt.sarif")" \
             "JSON1005" "sarif: Sarif.Multitool rejects a broken log (the check can fail)"
    fi
fi

# ------------------------------------------------- partialFingerprints

fps() { # file -> "rule|words|fingerprint" per result, one a line
    "$CREDSCORE" score -f sarif --no-exit "$1" | jq -r '.runs[0].results[] |
        "\(.ruleId)|\(.locations[0].physicalLocation.region.snippet.text | @json)|\(.partialFingerprints["credscore/v1"])"'
}
lines() { "$CREDSCORE" score -f sarif --no-exit "$1" | jq -r '[.runs[0].results[].locations[0].physicalLocation.region.startLine] | join(",")'; }
{ cat "$TMP/art/harbour-fire.md"; printf '\nOfficials said the berths would reopen.\n'; } > "$TMP/fp.md"
{ printf 'The harbour master arrived before dawn.\n\nTugs stood by all night.\n\n'; cat "$TMP/fp.md"; } > "$TMP/fp-moved.md"
before=$(fps "$TMP/fp.md")
after=$(fps "$TMP/fp-moved.md")
is "$(lines "$TMP/fp.md") -> $(lines "$TMP/fp-moved.md")" "12,12,17,19 -> 16,16,21,23" \
   "fingerprints: the inserted paragraphs move every finding down 4 lines"
is "$after" "$before" "fingerprints: unchanged when unrelated lines are inserted above"
is "$(printf '%s\n' "$before" | cut -d'|' -f3 | sort -u | wc -l | tr -d ' ')" \
   "$(printf '%s\n' "$before" | wc -l | tr -d ' ')" "fingerprints: different findings differ"
is "$(printf '%s\n' "$before" | grep -c '^anonymous-officials|"Officials said"|')" 2 \
   "fingerprints: the same words found twice (occurrence index tells them apart)"
like "$(printf '%s\n' "$before" | head -1)" '\|[0-9a-f]{16}$' "fingerprints: 16 hex digits"

# --------------------------------------------------------------- GitHub

# A rule whose message holds %, CR, LF, ':' and ','; a path with ':' and ','.
mkdir -p "$TMP/gh/c:d"
cat > "$TMP/gh/odd.lua" <<'LUA'
rule {
  id = "odd-claims", marker = "vague", level = "error",
  message = "Rate: 100%, up\r\nsee %0A, not a newline",
  phrases = { "insiders hinted" },
}
LUA
cat > "$TMP/gh/gh.yaml" <<'YAML'
rules: ["@default", "odd.lua"]
plugins: []
scoring: {fail_under: 50}
YAML
# (words no bundled rule looks for, but the odd rule: "claim" is hedged)
printf 'Insiders hinted the mayor resigned.\n\nThe mayor reportedly left.\n' > "$TMP/gh/c:d/a,b.md"
cd "$TMP/gh"
run "$CREDSCORE" score -f github -c gh.yaml "c:d/a,b.md"
cd "$TMP"
is "$STATUS" 1 "github: below the threshold exits 1"
is "$(printf '%s\n' "$OUT" | sed -n 1p)" \
   '::error file=c%3Ad/a%2Cb.md,line=1,col=1,endLine=1,endColumn=16,title=credscore vague (odd-claims)::Rate: 100%25, up%0D%0Asee %250A, not a newline "Insiders hinted" (-5 points)' \
   "github: error annotation, data and property escaping exactly as @actions/core"
is "$(printf '%s\n' "$OUT" | sed -n 2p)" \
   '::notice file=c%3Ad/a%2Cb.md,line=3,col=11,endLine=3,endColumn=21,title=credscore hedged (hedged-adverbs)::Distancing word: say who reports or alleges this, or verify it "reportedly" (-3 points)' \
   "github: info findings are notices"
is "$(printf '%s\n' "$OUT" | sed -n 3p)" \
   '::error file=c%3Ad/a%2Cb.md,title=credscore score::score 0/100, poorly sourced, below the threshold of 50' \
   "github: the article's score, an error when below the threshold"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 3 "github: nothing else"
cd "$TMP/gh"
run "$CREDSCORE" score -f github -c gh.yaml --min-level warning --fail-under 0 "c:d/a,b.md"
is "$STATUS" 0 "score -f github -c gh.yaml --min-level warning --fail-und...: exit 0"
cd "$TMP"
unlike "$OUT" "::notice file=[^,]*,line=" "github: --min-level warning drops the notices"
like "$OUT" '::notice file=c%3Ad/a%2Cb.md,title=credscore score::score 0/100, poorly sourced$' \
   "github: a passing article's score is a notice"

run "$CREDSCORE" score -f github more/supp.md
is "$STATUS" 1 "score -f github more/supp.md: exit 1 (score 0)"
is "$(printf '%s\n' "$OUT" | grep -c 'anonymous-officials')" 1 "github: suppressed findings are skipped"
run "$CREDSCORE" score -f github art
is "$STATUS" 1 "score -f github art: exit 1"
is "$(printf '%s\n' "$OUT" | grep -c '^::warning file=art/harbour-fire.md,line=12,col=1,endLine=12,endColumn=15,title=credscore anonymous (anonymous-officials)::Unnamed officials: say why anonymity was granted and how they know "Officials said" (-8 points)$')" \
   1 "github: a warning annotation for a folder's article"
like "$OUT" '::notice file=art/council-budget.md,title=credscore score::score 50/100, no sourcing to judge' \
   "github: one score line per article"

# ---------------------------------------------------------------- JUnit

run "$CREDSCORE" score -f junit art
JUNIT=$OUT
printf '%s\n' "$OUT" > "$TMP/folder.xml"
is "$STATUS" 1 "junit: exit 1 below the threshold"
if command -v xmllint >/dev/null 2>&1; then
    run xmllint --noout "$TMP/folder.xml"
    is "$STATUS:$ERR" "0:" "junit: well-formed XML (xmllint)"
else
    skip_or_fail "junit: well-formed XML: xmllint not installed (Debian libxml2-utils)"
fi
like "$(printf '%s\n' "$JUNIT" | head -2 | tr '\n' ' ')" \
     '^<\?xml version="1.0" encoding="UTF-8"\?> <testsuites name="credscore" tests="4" failures="3" errors="0">' \
     "junit: declaration and testsuites counts"
is "$(printf '%s\n' "$JUNIT" | grep -c '<testcase classname="credscore" name="art/')" 4 "junit: one testcase per article"
after_case() { printf '%s\n' "$JUNIT" | grep -A1 "<testcase classname=\"credscore\" name=\"$1\">" | sed -n 2p; }
like "$(after_case art/harbour-fire.md)" \
     '^      <failure message="score 0 below threshold 40" type="threshold">art/harbour-fire.md:12:1: warning anonymous -8 "Officials said" ' \
     "junit: a below-threshold article has a failure listing its findings"
like "$(after_case art/council-budget.md)" '^      <system-out>' "junit: a passing article has no failure"
like "$JUNIT" 'art/border-clash.html:13:40: info hedged -3 "reportedly"' "junit: info findings are in system-out"
unlike "$(printf '%s\n' "$JUNIT" | sed -n '/<failure/,/<\/failure>/p')" ' info ' "junit: but not in a failure"

# Escaping: markup characters and a control character in a message and a path.
mkdir -p "$TMP/x"
cat > "$TMP/x/esc.lua" <<'LUA'
rule {
  id = "esc-rule", marker = "vague", level = "warning",
  message = "Tom & Jerry <say> \"quote\" 'apos' ]]> bell\7 end",
  phrases = { "insiders claim" },
}
LUA
printf 'rules: ["esc.lua"]\nplugins: []\nscoring: {fail_under: 60}\n' > "$TMP/x/x.yaml"
printf 'Insiders claim the mayor resigned.\n' > "$TMP/x/a&b <\"c\">.md"
cd "$TMP/x"
run "$CREDSCORE" score -f junit -c x.yaml 'a&b <"c">.md'
is "$STATUS" 1 "score -f junit -c x.yaml 'a&b <c>.md': exit 1"
cd "$TMP"
JUNIT=$OUT
printf '%s\n' "$OUT" > "$TMP/esc.xml"
if command -v xmllint >/dev/null 2>&1; then
    run xmllint --noout "$TMP/esc.xml"
    is "$STATUS:$ERR" "0:" "junit: well-formed with markup and control characters"
    is "$(xmllint --xpath 'string(//testcase/@name)' "$TMP/esc.xml")" 'a&b <"c">.md' \
       "junit: the path round-trips through XML"
else
    skip_or_fail "junit: well-formed with markup, path round-trip: xmllint not installed" 2
fi
like "$JUNIT" 'name="a&amp;b &lt;&quot;c&quot;&gt;.md"' "junit: attribute escaping"
like "$JUNIT" 'Tom &amp; Jerry &lt;say&gt; "quote" '"'"'apos'"'"' ]]&gt; bell'"$(printf '\357\277\275')"' end' \
     "junit: text escaping, the control character replaced"

done_testing
