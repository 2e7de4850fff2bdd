#!/bin/sh
# Rule authoring (issue 16, items 6, 7, 9, 10): unknown rule ids in
# rule_overrides, misspelled rule fields, `credscore test` finding the
# configuration of the tested files, a broken check reported once.
. "$(dirname "$0")/lib.sh"

# ---- 6. rule_overrides must name a loaded rule ----------------------------
cat > "$TMP/ov.yaml" <<'YAML'
rule_overrides:
  hedged-claimed: {weight: -1}
  anonymous-oficials: {weight: -2}
YAML
run "$CREDSCORE" config -c "$TMP/ov.yaml"
is "$STATUS" 2 "config: an unknown rule id in rule_overrides is an error (exit 2)"
is "$ERR" "credscore: $TMP/ov.yaml:3:3: rule_overrides: unknown rule 'anonymous-oficials' (did you mean 'anonymous-officials'?); \`credscore rules\` lists the rules" \
   "config: the message names the key's file:line:col and suggests the rule"
is "$OUT" "" "config: nothing echoed"
printf 'It reportedly sank.\n' > "$TMP/a.txt"
run "$CREDSCORE" score -c "$TMP/ov.yaml" "$TMP/a.txt"
is "$STATUS" 2 "score: the same configuration is refused (exit 2)"
like "$ERR" "ov.yaml:3:3: rule_overrides: unknown rule 'anonymous-oficials'" "score: the same message"

cat > "$TMP/prof.yaml" <<'YAML'
rule_overrides:
  hedged-claimed: {weight: -1}
profiles:
  wire:
    scoring: {fail_under: 30}
  investigations:
    rule_overrides:
      vague-crowd: {level: error}
      hedged-claimd: {level: info}
YAML
run "$CREDSCORE" config -c "$TMP/prof.yaml"
is "$STATUS" 2 "an unknown rule id in a profile's rule_overrides is an error, whatever profile is used"
is "$ERR" "credscore: $TMP/prof.yaml:9:7: profile 'investigations': rule_overrides: unknown rule 'hedged-claimd' (did you mean 'hedged-claimed'?); \`credscore rules\` lists the rules" \
   "the profile's message names the profile, its file:line:col and a suggestion"

printf 'rule_overrides:\n  atribution/pronoun: {enabled: false}\n' > "$TMP/pl.yaml"
run "$CREDSCORE" config -c "$TMP/pl.yaml"
is "$STATUS" 2 "a plugin rule of a plugin that is not loaded is an error"
is "$ERR" "credscore: $TMP/pl.yaml:2:3: rule_overrides: unknown rule 'atribution/pronoun': no plugin 'atribution' is loaded (did you mean 'attribution/pronoun'?)" \
   "the plugin name is suggested"
printf 'rule_overrides:\n  attribution/pronon: {enabled: false}\n' > "$TMP/plr.yaml"
run "$CREDSCORE" config -c "$TMP/plr.yaml"
is "$STATUS" 2 "a rule a loaded plugin does not declare is an error"
is "$ERR" "credscore: $TMP/plr.yaml:2:3: rule_overrides: unknown rule 'attribution/pronon': plugin 'attribution' declares no rule 'pronon' (did you mean 'attribution/pronoun'?); \`credscore rules\` lists the rules" \
   "the plugin's declared rule is suggested"
run "$CREDSCORE" config --no-plugins -c "$TMP/pl.yaml"
is "$STATUS" 0 "with --no-plugins, plugin rule ids are not checked (no plugin is loaded to know them)"

printf 'rule_overrides:\n  attribution/pronoun: {enabled: false}\n  anonymous-officials: {weight: -9}\n' > "$TMP/good.yaml"
run "$CREDSCORE" config -c "$TMP/good.yaml"
is "$STATUS" 0 "known Lua and plugin rule ids pass"
like "$OUT" "anonymous-officials" "and are printed"

# ---- 7. misspelled rule fields: at their own line, with did-you-mean -----
cat > "$TMP/typo.lua" <<'LUA'
-- a desk rule with a typo
rule {
  id = "desk-typo", marker = "hedged",
  phrases = { "reportedly" },
  mesage = "Say who reported it",
}
LUA
run "$CREDSCORE" test --no-plugins "$TMP/typo.lua"
is "$STATUS" 2 "an unknown rule field fails the load (exit 2)"
is "$ERR" "credscore: typo.lua:5: rule 'desk-typo': unknown field 'mesage' (did you mean 'message'?)" \
   "named at its own line, with the rule and a suggestion"

cat > "$TMP/ex.lua" <<'LUA'
rule {
  id = "desk-ex", marker = "hedged",
  phrases = { "reportedly" },
  examples = {
    hit = { "It reportedly sank." },
    hits = { "It reportedly rose." },
  },
}
LUA
run "$CREDSCORE" test --no-plugins "$TMP/ex.lua"
is "$STATUS" 2 "an unknown key inside examples fails the load"
is "$ERR" "credscore: ex.lua:6: rule 'desk-ex': unknown field 'hits' in examples (did you mean 'hit'?)" \
   "examples' key at its own line, with a suggestion"

printf 'rule { idd = "x", marker = "hedged", phrases = { "x" } }\n' > "$TMP/id.lua"
run "$CREDSCORE" test --no-plugins "$TMP/id.lua"
is "$ERR" "credscore: id.lua:1: rule: unknown field 'idd' (did you mean 'id'?)" \
   "a misspelled id: the rule cannot be named, the field is"

# Markers are defined in YAML only (rule files have no marker{}): the same there.
printf 'markers:\n  anonymous:\n    default_wieght: -3\n' > "$TMP/mk.yaml"
run "$CREDSCORE" config -c "$TMP/mk.yaml"
is "$STATUS" 2 "a misspelled marker field is an error"
like "$ERR" "mk.yaml:3:5: unknown key 'default_wieght' in markers.anonymous \\(did you mean 'default_weight'\\?\\)" \
   "at its line, with a suggestion"

# ---- 9. credscore test finds the configuration of the tested files -------
mkdir -p "$TMP/desk/rules" "$TMP/desk/fixtures" "$TMP/elsewhere"
cat > "$TMP/desk/credscore.yaml" <<'YAML'
rules: ["@default", "rules/"]
markers:
  wire_credit:
    description: "Credited to a wire service"
    default_weight: 1
YAML
cat > "$TMP/desk/rules/wire.lua" <<'LUA'
rule {
  id = "desk-wire", marker = "wire_credit",
  phrases = { "the wire service reported" },
  examples = {
    hit = { "The wire service reported a delay at the port." },
    miss = { "The port reported a delay." },
  },
}
LUA
cat > "$TMP/desk/fixtures/story.md" <<'MD'
# Port

<!-- expect: wire_credit -->
The wire service reported a delay at the port.

<!-- expect: none -->
The ferry left at noon.
MD
cd "$TMP/elsewhere"
run "$CREDSCORE" test --no-plugins ../desk/rules ../desk/fixtures
is "$STATUS" 0 "test from another folder: the desk's config (and its marker) is found from the tested files"
like "$OUT" "^ok   $TMP/desk/rules/wire.lua:1 desk-wire: 2 examples$" "the rule's examples ran"
like "$OUT" "^ok   ../desk/fixtures/story.md: 2 annotated passages$" "the fixture ran with the custom marker"
is "$(printf '%s\n' "$OUT" | tail -n 1)" "4 passed, 0 failed" "only the given paths' tests"

run "$CREDSCORE" test --no-plugins ../desk/fixtures
is "$STATUS" 0 "fixtures alone: scored with the configuration's rules"
is "$OUT" "ok   ../desk/fixtures/story.md: 2 annotated passages
2 passed, 0 failed" "fixtures alone: only the fixtures' tests run, not the bundled pack's examples"

run "$CREDSCORE" test --no-plugins --with-pack ../desk/fixtures
is "$STATUS" 0 "--with-pack: the configuration's rules' examples run too"
like "$OUT" "^ok   .*anonymous\\.lua:[0-9]+ anonymous-officials: [0-9]+ examples$" "--with-pack: a bundled rule's examples"
like "$OUT" "^ok   .*/desk/rules/wire\\.lua:1 desk-wire: 2 examples$" "--with-pack: the desk's rule's examples"

run "$CREDSCORE" test --no-plugins --with-pack ../desk/rules/wire.lua
is "$STATUS" 2 "--with-pack with a rule file the config loads already: refused"
is "$ERR" "credscore: $TMP/desk/rules/wire.lua:1: duplicate rule id 'desk-wire' (first defined at $TMP/desk/rules/wire.lua:1)" \
   "as a duplicate rule id"
sed 's/desk-wire/desk-wire-extra/' "$TMP/desk/rules/wire.lua" > "$TMP/desk/extra.lua"
run "$CREDSCORE" test --no-plugins --with-pack ../desk/extra.lua ../desk/fixtures
is "$STATUS" 0 "--with-pack with another rule file: the config's rules and the file together"
like "$OUT" "^ok   $TMP/desk/extra.lua:1 desk-wire-extra: 2 examples$" "the given file's examples"
like "$OUT" "^ok   .* hedged-claimed: [0-9]+ examples$" "the pack's examples"
like "$OUT" "^ok   .* desk-wire: 2 examples$" "the config's own rules' examples"

printf '<!-- expect: none -->\nThe ferry left.\n' > "$TMP/elsewhere/other.md"
run "$CREDSCORE" test --no-plugins ../desk/fixtures other.md
is "$STATUS" 2 "paths under different configurations are refused"
is "$ERR" "credscore: test: ../desk/fixtures and other.md are under different configurations ($TMP/desk/credscore.yaml, none): test them separately, or name one with --config" \
   "and the message says which"
cd "$TMP"

# ---- 10. a broken check is reported once, by name, and the rest runs -----
cat > broken.lua <<'LUA'
rule {
  id = "good-one", marker = "hedged", phrases = { "reportedly" },
  examples = { hit = { "It reportedly sank." }, miss = { "It sank." } },
}
rule {
  id = "broken-check", marker = "vague",
  check = function(p)
    local n = nil
    return n.x
  end,
  examples = { hit = { "Critics say so." } },
}
rule {
  id = "later-one", marker = "hedged", phrases = { "allegedly" },
  examples = { hit = { "He allegedly lied." } },
}
LUA
run "$CREDSCORE" test --no-plugins broken.lua
is "$STATUS" 1 "a broken check fails the run (exit 1)"
is "$(printf '%s\n' "$OUT" | grep -c '^FAIL')" 1 "reported once"
like "$OUT" "^FAIL broken.lua:9: rule 'broken-check': attempt to index a nil value \\(local 'n'\\); the rule is disabled for the rest of the run$" \
   "by name, at the line of the error"
like "$OUT" "^ok   broken.lua:1 good-one: 2 examples$" "the other rules' examples pass"
like "$OUT" "^ok   broken.lua:13 later-one: 1 example$" "also those after it"
unlike "$OUT" "good-one.*could not be scored" "no other rule is blamed"
is "$(printf '%s\n' "$OUT" | tail -n 1)" "3 passed, 1 failed" "summary"
is "$ERR" "" "nothing on standard error"

done_testing
