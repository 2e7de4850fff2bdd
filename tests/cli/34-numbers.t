#!/bin/sh
# Numbers that stay numbers (issue 13, defect 5): every weight lies in
# -1000..1000 (rule{}, a check's finding, markers, rule_overrides, a
# plugin's finding), scores are always finite, the JSON report is always
# valid, and --fail-under / fail_under take only 0..100.
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins
printf 'The mayor said the road is open.\n\nOfficials said so. Other officials said so too.\n' > "$TMP/a.txt"

# ---- the reproducer: +-1e308 with no caps gave "score -nan/100", exit 0 --
mkdir "$TMP/huge"
cat > "$TMP/huge/big.lua" <<'LUA'
rule{id='big-pos', marker='on_record', weight=1e308, phrases={'mayor', 'road'}}
rule{id='big-neg', marker='anonymous', weight=-1e308, phrases={'officials'}}
LUA
cat > "$TMP/huge/credscore.yaml" <<'YAML'
rules: [big.lua]
plugins: []
markers:
  on_record: {cap: 0, passage_cap: 0}
  anonymous: {cap: 0, passage_cap: 0}
YAML
cd "$TMP/huge"
run "$CREDSCORE" score --fail-under 99 "$TMP/a.txt"
is "$STATUS" 2 "rule{} weight 1e308: exit 2, not a NaN score that passes --fail-under 99"
is "$ERR" "credscore: big.lua:1: rule 'big-pos': field 'weight' must be between -1000 and 1000" \
   "the message names the file, the line, the rule and the range"
unlike "$OUT" "nan|inf" "no NaN or inf reaches the report"
cd "$TMP"

# The ends of the range are accepted; the score stays in 0..100.
cat > "$TMP/edge.lua" <<'LUA'
rule{id='edge-pos', marker='on_record', weight=1000, phrases={'mayor'}}
rule{id='edge-neg', marker='anonymous', weight=-1000, phrases={'officials'}}
LUA
printf 'rules: [edge.lua]\nplugins: []\nmarkers:\n  on_record: {cap: 0, passage_cap: 0}\n  anonymous: {cap: 0, passage_cap: 0}\n' > "$TMP/edge.yaml"
run "$CREDSCORE" score -f json --fail-under 0 -c "$TMP/edge.yaml" "$TMP/a.txt"
is "$STATUS" 0 "weights of 1000 and -1000: exit 0"
is "$(jqr "$OUT" '[.articles[0].summary.markers[] | .points] | sort | map(tostring) | join(" ")')" "-2000 1000" \
   "one +1000 and two -1000 findings: marker points -2000 and 1000, as weighed"
is "$(jqr "$OUT" '.articles[0].score | (. >= 0 and . <= 100 and . == floor)')" "true" \
   "and the score is a whole number in 0..100"
printf "rule{id='over', marker='vague', weight=-1000.5, phrases={'x'}}\n" > "$TMP/over.lua"
printf 'rules: [over.lua]\nplugins: []\n' > "$TMP/over.yaml"
run "$CREDSCORE" score -c "$TMP/over.yaml" "$TMP/a.txt"
is "$STATUS" 2 "rule{} weight -1000.5: exit 2"
like "$ERR" "over.lua:1: rule 'over': field 'weight' must be between -1000 and 1000" "and says so"

# A check's finding.
printf "rule{id='chk', marker='vague', check=function(p) return {from=1, to=3, weight=1e308} end}\n" > "$TMP/chk.lua"
printf 'rules: [chk.lua]\nplugins: []\n' > "$TMP/chk.yaml"
run "$CREDSCORE" score -c "$TMP/chk.yaml" "$TMP/a.txt"
is "$STATUS" 2 "a check's finding with weight 1e308: exit 2"
like "$ERR" "chk.lua:1: rule 'chk': a finding's confidence must be in 0..1 and its weight in -1000..1000" \
   "the message names the rule and the range"

# ---- configuration weights ----------------------------------------------
conf_fails() { # yaml-text want-regex name
    printf '%s\n' "$1" > "$TMP/w.yaml"
    run "$CREDSCORE" score -c "$TMP/w.yaml" "$TMP/a.txt"
    is "$STATUS" 2 "$3: exit 2"
    like "$ERR" "$2" "$3: message"
}
conf_fails 'markers: {anonymous: {weight: 1e308}}' \
    'w\.yaml:1:[0-9]+: markers\.anonymous\.weight: must be between -1000 and 1000, got 1e\+308' \
    "markers.anonymous.weight 1e308"
conf_fails 'markers: {vague: {default_weight: -5000}}' \
    'markers\.vague\.default_weight: must be between -1000 and 1000, got -5000' \
    "markers.vague.default_weight -5000"
conf_fails 'rule_overrides: {vague-crowd: {weight: 1001}}' \
    'rule_overrides\.vague-crowd\.weight: must be between -1000 and 1000, got 1001' \
    "rule_overrides weight 1001"
conf_fails 'markers: {anonymous: {cap: 1e10}}' \
    'markers\.anonymous\.cap: must be between 0 and 1e\+09' "markers cap 1e10"
conf_fails 'scoring: {fail_under: .nan}' 'scoring\.fail_under: expected a number' "fail_under .nan"
conf_fails 'scoring: {fail_under: 101}' 'scoring\.fail_under: must be between 0 and 100, got 101' \
    "fail_under 101"
conf_fails 'scoring: {fail_under: -1}' 'scoring\.fail_under: must be between 0 and 100, got -1' \
    "fail_under -1"
conf_fails 'scoring: {fail_under: 1e400}' 'scoring\.fail_under: number out of range' \
    "fail_under 1e400"
printf 'markers: {anonymous: {weight: -1000, default_weight: 1000}}\nrule_overrides: {hedged-claimed: {weight: -1000}}\n' > "$TMP/w.yaml"
run "$CREDSCORE" score --fail-under 0 -c "$TMP/w.yaml" "$TMP/a.txt"
is "$STATUS" 0 "weights of exactly -1000 and 1000 in the configuration: exit 0"

# ---- a plugin's finding --------------------------------------------------
plugin_weight() { # weight
    printf 'rules: []\nplugins:\n  - path: %s\n    options: {weight: %s}\nmarkers: {social: {cap: 0, passage_cap: 0}}\n' \
        "$P/weighty.so" "$1" > "$TMP/pw.yaml"
    run "$CREDSCORE" score -f json --fail-under 0 -c "$TMP/pw.yaml" "$TMP/z.txt"
}
printf 'A zebra. Another zebra.\n' > "$TMP/z.txt"
plugin_weight 1e308
is "$STATUS" 0 "plugin weight 1e308: the run goes on (exit 0)"
like "$ERR" "plugin weighty: dropped a finding: weight 1e\\+308 is not a number from -1000 to 1000" \
   "a warning names the plugin and the range"
unlike "$OUT" ': -?(inf|nan)' "no inf or nan in the JSON (jq 1.6 would read them)"
printf '%s' "$OUT" | jq -e . > /dev/null 2>&1
ok $? "the JSON report parses"
is "$(jqr "$OUT" '.articles[0] | "\(.score) \(.summary.findings)"')" "50 0" \
   "both findings dropped, the score is the base"
plugin_weight -1000
is "$STATUS" 0 "plugin weight -1000: exit 0"
is "$(jqr "$OUT" '.articles[0] | "\(.score) \(.summary.findings) \(.findings[0].weight)"')" "0 2 -1000" \
   "kept: two findings of -1000, score 0"
unlike "$ERR" "dropped" "and no warning"

# ---- --fail-under on the command line -----------------------------------
for bad in nan NaN inf -inf -5 101 1e400 100.0001 0x10 '' ' ' 50abc; do
    run "$CREDSCORE" score --fail-under "$bad" "$TMP/a.txt"
    is "$STATUS" 2 "--fail-under '$bad': exit 2"
    is "$(printf '%s\n' "$ERR" | head -1)" "credscore: --fail-under wants a number from 0 to 100, not '$bad'" \
       "--fail-under '$bad': message"
done
for good in 0 100 45.5 -0; do
    run "$CREDSCORE" score --fail-under "$good" --no-config "$TMP/a.txt"
    case $STATUS in 0|1) st=0 ;; *) st=$STATUS ;; esac
    is "$st" 0 "--fail-under '$good' is accepted (exit 0 or 1, got $STATUS)"
done

done_testing
