#!/bin/sh
# Configuration: built-in default, discovery upwards, --config, printing.
. "$(dirname "$0")/lib.sh"

run "$CREDSCORE" config
is "$STATUS" 0 "credscore config with no file: exit 0"
like "$OUT" "^# effective configuration \\(built-in defaults\\)" "says the defaults apply"
for m in anonymous vague unverified hedged on_record institutional media social; do
    like "$OUT" "^  $m:" "marker $m is listed"
done

# The printed configuration is itself a valid config file.
printf '%s\n' "$OUT" > "$TMP/printed.yaml"
run "$CREDSCORE" config -c "$TMP/printed.yaml"
is "$STATUS" 0 "the printed configuration loads again"

# Discovery: credscore.yaml in a parent folder applies to files below it.
mkdir -p "$TMP/desk/stories/2026"
cat > "$TMP/desk/credscore.yaml" <<'YAML'
rules: ["@default"]
plugins: []
markers:
  vague:
    weight: -7
scoring:
  fail_under: 0
YAML
printf 'Critics say the plan failed.\n' > "$TMP/desk/stories/2026/a.txt"
cd "$TMP/desk/stories/2026"
run "$CREDSCORE" score a.txt
# (a crowd and nothing else scores 0: the found threshold of 0 passes it,
# the default of 40 would not)
is "$STATUS" 0 "found config applies (threshold 0)"
like "$OUT" "a.txt:1:1  vague  -7  \"Critics say\"" "marker weight override from the found config"
run "$CREDSCORE" config
is "$STATUS" 0 "config: exit 0"
like "$OUT" "^# effective configuration \\($TMP/desk/credscore.yaml\\)" "config names the file found upwards"
run "$CREDSCORE" score --no-config --no-plugins a.txt
is "$STATUS" 1 "score --no-config --no-plugins a.txt: exit 1 (the default threshold, 40)"
like "$OUT" "a.txt:1:1  vague  -5  \"Critics say\"" "--no-config ignores it"
cd "$TMP"

# An explicit --config wins; a missing one is an error.
run "$CREDSCORE" score -c "$TMP/none.yaml" "$TMP/desk/stories/2026/a.txt"
is "$STATUS" 2 "missing --config file: exit 2"
like "$ERR" "none.yaml" "names the missing file"

# Unknown key with a suggestion, file:line:col.
printf 'scoring:\n  fail_undr: 30\n' > "$TMP/typo.yaml"
run "$CREDSCORE" config -c "$TMP/typo.yaml"
is "$STATUS" 2 "unknown key: exit 2"
like "$ERR" "typo.yaml:2:3: unknown key 'fail_undr'.*did you mean 'fail_under'" "suggestion for a typo"

# Rule overrides: disable a rule, change a weight.
cat > "$TMP/ov.yaml" <<'YAML'
plugins: []
rule_overrides:
  vague-crowd: {enabled: false}
  unverified-could-not-verify: {weight: -1, level: error}
scoring: {fail_under: 0}
YAML
printf 'Critics say the count could not be verified.\n' > "$TMP/ov.txt"
run "$CREDSCORE" score -c "$TMP/ov.yaml" "$TMP/ov.txt"
is "$STATUS" 0 "score -c ov.yaml ov.txt: exit 0"
unlike "$OUT" "vague" "a disabled rule does not fire"
like "$OUT" "unverified  -1  \"could not be verified\"" "a rule weight override applies"
run "$CREDSCORE" rules -c "$TMP/ov.yaml"
is "$STATUS" 0 "rules -c ov.yaml: exit 0"
like "$OUT" "vague-crowd .*\\(disabled\\)" "rules lists the rule as disabled"
like "$OUT" "unverified-could-not-verify +unverified +-1.0 error" "rules shows the override"

done_testing
