#!/bin/sh
# Plugin loading: every refusal names the file and the reason, exit 2, no crash;
# run-time checks on findings; the listing.
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins
printf 'One zebra crossed.\n' > "$TMP/a.txt"

# Load one plugin by path with nothing else; echo the outcome.
try_plugin() { # name-of-so [extra plugins yaml]
    cat > "$TMP/p.yaml" <<YAML
rules: []
plugins:
  - path: $1
${2:-}
scoring: {fail_under: 0}
YAML
    run "$CREDSCORE" score -c "$TMP/p.yaml" "$TMP/a.txt"
}

try_plugin "$TMP/nothing-here.so"
is "$STATUS" 2 "missing file: exit 2"
is "$ERR" "credscore: $TMP/nothing-here.so: cannot open plugin: No such file or directory" \
   "missing file message"

printf 'not an ELF file\n' > "$TMP/fake.so"
try_plugin "$TMP/fake.so"
is "$STATUS" 2 "not a shared object: exit 2"
like "$ERR" "^credscore: $TMP/fake.so: not a loadable shared object: " "not a shared object message"

try_plugin "$P/no_entry.so"
is "$STATUS" 2 "no entry symbol: exit 2"
is "$ERR" "credscore: $P/no_entry.so: no 'credscore_plugin_entry' symbol: not a credscore plugin" \
   "no entry symbol message"

try_plugin "$P/null_desc.so"
is "$STATUS" 2 "entry returning NULL: exit 2"
is "$ERR" "credscore: $P/null_desc.so: credscore_plugin_entry returned NULL" "NULL descriptor message"

try_plugin "$P/abi_major.so"
is "$STATUS" 2 "another ABI major: exit 2"
is "$ERR" "credscore: $P/abi_major.so: built for plugin ABI 2.1, but this credscore speaks ABI 1.1: rebuild the plugin against this credscore's plugin.h" \
   "ABI major message"

try_plugin "$P/abi_minor.so"
is "$STATUS" 2 "newer minor: exit 2"
is "$ERR" "credscore: $P/abi_minor.so: built against plugin ABI 1.8, newer than this credscore's 1.1: upgrade credscore" \
   "newer minor message"

try_plugin "$P/too_small.so"
is "$STATUS" 2 "struct too small: exit 2"
like "$ERR" "^credscore: $P/too_small.so: plugin descriptor is 24 bytes, smaller than the [0-9]+ the ABI 1.x requires$" \
   "struct size message"

try_plugin "$P/no_score.so"
is "$STATUS" 2 "NULL required callback: exit 2"
is "$ERR" "credscore: $P/no_score.so: required callback 'score_passage' is NULL" "NULL callback message"

try_plugin "$P/create_fails.so"
is "$STATUS" 2 "create failing: exit 2"
is "$ERR" "credscore: $P/create_fails.so: plugin 'testplug' failed to start: the licence key option is missing" \
   "create failure message"

try_plugin "$P/good.so" "  - path: $P/good_twin.so"
is "$STATUS" 2 "duplicate plugin name: exit 2"
is "$ERR" "credscore: $P/good_twin.so: a plugin named 'testplug' is already loaded (from $P/good.so)" \
   "duplicate name message"

cat > "$TMP/byname.yaml" <<YAML
rules: []
plugins: [no_such_plugin]
YAML
run "$CREDSCORE" score -c "$TMP/byname.yaml" "$TMP/a.txt"
is "$STATUS" 2 "unknown plugin name: exit 2"
like "$ERR" "^credscore: $TMP/byname.yaml:2:11: plugin 'no_such_plugin' not found \\(searched: " \
   "unknown name names the config line and the folders searched"

# A good plugin loads; options reach it; its findings are labelled.
cat > "$TMP/good.yaml" <<YAML
rules: ["@default"]
plugins:
  - path: $P/good.so
    options: {trigger: giraffe}
scoring: {fail_under: 0}
YAML
printf 'A giraffe appeared. A zebra too.\n' > "$TMP/g.txt"
run "$CREDSCORE" score -c "$TMP/good.yaml" -f json "$TMP/g.txt"
is "$STATUS" 0 "good plugin: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.source=="plugin:testplug") | "\(.rule) \(.text) \(.marker)"] | join(",")')" \
   "testplug/trigger giraffe social" "option read by the plugin; finding labelled plugin:NAME"

# Run-time: undeclared marker and out-of-range span are dropped with a warning.
printf 'An undeclared thing and outofrange.\n' > "$TMP/bad-findings.txt"
run "$CREDSCORE" score -c "$TMP/good.yaml" -f json "$TMP/bad-findings.txt"
is "$STATUS" 0 "dropped findings do not fail the run"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.source=="plugin:testplug")] | length')" 0 \
   "both bad findings dropped"
like "$ERR" "plugin testplug: dropped a finding: marker 'gossip' is not among the markers it declares" \
   "undeclared marker warning names the plugin"
like "$ERR" "plugin testplug: dropped a finding: span [0-9]+\\.\\.[0-9]+ is outside the passage" \
   "out-of-range span warning names the plugin"

# Listing.
run "$CREDSCORE" plugins -c "$TMP/good.yaml"
is "$STATUS" 0 "credscore plugins: exit 0"
like "$OUT" "^testplug +0.0.1 +ABI 1.1  markers social" "name, version, ABI, markers"

# World-writable plugin file is refused unless allowed.
cp "$P/good.so" "$TMP/open.so"
chmod 666 "$TMP/open.so"
try_plugin "$TMP/open.so"
is "$STATUS" 2 "world-writable plugin: exit 2"
like "$ERR" "open.so: refusing a world-writable plugin file" "world-writable message"
run "$CREDSCORE" score --allow-insecure-plugins -c "$TMP/p.yaml" "$TMP/a.txt"
is "$STATUS" 0 "--allow-insecure-plugins accepts it"

done_testing
