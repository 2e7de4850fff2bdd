#!/bin/sh
# The plugin ABI's promises (plugin.h), each held: the host pointer lives as
# long as the plugin, a 1.0 plugin still loads, score_passage can say why it
# fails, a finding left at confidence 0 is warned about once, declared options
# are checked against the config, declared rules reach `rules`, `plugins` and
# SARIF, and the limits on declared lists are enforced.
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins

plugin_config() { # file plugin.so [options yaml lines...]
    _f=$1 _so=$2
    shift 2
    {
        printf 'rules: []\nplugins:\n  - path: %s\n' "$_so"
        if [ $# -gt 0 ]; then
            printf '    options:\n'
            for _o in "$@"; do printf '      %s\n' "$_o"; done
        fi
        printf 'scoring: {fail_under: 0}\n'
    } > "$_f"
}

# ---- the host pointer given to the entry stays valid until destroy ----
# keephost emits through the pointer the entry got and, in destroy, logs
# through it.  (Under ASan, stack use after return is looked for too.)
plugin_config "$TMP/keep.yaml" "$P/keephost.so"
printf 'One zebra crossed.\n\nAnother zebra.\n' > "$TMP/z.txt"
cp "$TMP/z.txt" "$TMP/z2.txt"
run env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_stack_use_after_return=1" \
    "$CREDSCORE" score -j 2 -f json -c "$TMP/keep.yaml" "$TMP/z.txt" "$TMP/z2.txt"
is "$STATUS" 0 "a plugin keeping the entry's host pointer: exit 0"
is "$(jqr "$OUT" '[.articles[].findings[] | select(.rule == "keephost/trigger")] | length')" 4 \
   "its findings, emitted through that pointer in forked workers, all arrive"
is "$(printf '%s\n' "$ERR" | grep -c 'plugin keephost: destroy: the host from the entry still works')" 1 \
   "destroy uses the kept pointer once, in the main process"
run "$CREDSCORE" explain -c "$TMP/keep.yaml" "$TMP/z.txt:3"
is "$STATUS" 0 "explain (scoring in the main process) with it: exit 0"
like "$ERR" "plugin keephost: destroy: the host from the entry still works" "and its destroy too"

# ---- a plugin built with the ABI 1.0 header (smaller structs) still loads ----
plugin_config "$TMP/abi10.yaml" "$P/abi10.so"
run "$CREDSCORE" plugins -c "$TMP/abi10.yaml"
is "$STATUS" 0 "ABI 1.0 plugin: plugins exit 0"
like "$OUT" "^abiten +0.0.1 +ABI 1.0  markers social" "listed as ABI 1.0"
unlike "$OUT" "options:" "a 1.0 descriptor declares no options (the fields past it read as NULL)"
run "$CREDSCORE" score -f json -c "$TMP/abi10.yaml" "$TMP/z.txt"
is "$STATUS" 0 "ABI 1.0 plugin scores: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | .rule] | join(",")')" "abiten/trigger,abiten/trigger" \
   "ABI 1.0 plugin: its findings arrive"
printf 'A failnow word.\n' > "$TMP/fail.txt"
run "$CREDSCORE" score -c "$TMP/abi10.yaml" "$TMP/fail.txt"
is "$STATUS" 2 "ABI 1.0 plugin failing: exit 2"
is "$ERR" "credscore: $TMP/fail.txt: plugin abiten failed on passage 1" \
   "ABI 1.0 plugin failing: the error without a reason (it has no set_error)"

# ---- score_passage says why it fails (host->set_error, ABI 1.1) ----
plugin_config "$TMP/good.yaml" "$P/good.so"
printf 'One zebra.\n\nThen a failnow word.\n' > "$TMP/fail2.txt"
run "$CREDSCORE" score -c "$TMP/good.yaml" "$TMP/fail2.txt"
is "$STATUS" 2 "a failing score_passage: exit 2"
like "$ERR" "^credscore: $TMP/fail2.txt: plugin testplug failed on passage 2: the failnow word is not allowed here$" \
   "the error names the article, the plugin, the passage and the plugin's reason"
run "$CREDSCORE" score -f json -c "$TMP/good.yaml" "$TMP/fail2.txt"
is "$(jqr "$OUT" '.summary.errors')" 1 "the JSON report counts the article as an error"
is "$ERR" "credscore: $TMP/fail2.txt: plugin testplug failed on passage 2: the failnow word is not allowed here" \
   "and the diagnostic on stderr carries the reason"

# ---- a finding left at confidence 0: one warning per plugin ----
printf 'unsure and unsure.\n\nunsure again, and a zebra.\n' > "$TMP/unsure.txt"
run "$CREDSCORE" score -j 1 -c "$TMP/good.yaml" "$TMP/unsure.txt"
is "$STATUS" 0 "confidence 0: still exit 0"
is "$(printf '%s\n' "$ERR" | grep -c 'confidence 0')" 1 "three such findings, one warning"
like "$ERR" "^credscore: warning: plugin testplug: rule 'unsure' reported a finding with confidence 0, so it scores nothing \\(confidence left unset\\? give 0\\.\\.1\\); said once per plugin and run$" \
   "the warning names the plugin and the rule"
for k in 1 2 3 4; do cp "$TMP/unsure.txt" "$TMP/unsure$k.txt"; done
run "$CREDSCORE" score -j 2 -c "$TMP/good.yaml" "$TMP/unsure1.txt" "$TMP/unsure2.txt" \
    "$TMP/unsure3.txt" "$TMP/unsure4.txt"
is "$STATUS" 0 "confidence 0 in two workers: exit 0"
is "$(printf '%s\n' "$ERR" | grep -c 'confidence 0')" 1 "two workers, four articles: still one warning"
run "$CREDSCORE" score -j 1 -q -c "$TMP/good.yaml" "$TMP/unsure.txt"
unlike "$ERR" "confidence 0" "--quiet silences it"

# ---- declared options: unknown keys are config errors ----
plugin_config "$TMP/opt.yaml" "$P/declared.so" "trigger: giraffe" "min_rato: 2"
run "$CREDSCORE" score -c "$TMP/opt.yaml" "$TMP/z.txt"
is "$STATUS" 2 "an undeclared option: exit 2"
is "$ERR" "credscore: $TMP/opt.yaml:6:7: plugin 'declared' has no option 'min_rato' (did you mean 'min_ratio'?); its options: trigger, min_ratio" \
   "names config file:line:col, the plugin, the key, a did-you-mean and the options"
plugin_config "$TMP/opt2.yaml" "$P/declared.so" "colour: red"
run "$CREDSCORE" score -c "$TMP/opt2.yaml" "$TMP/z.txt"
is "$ERR" "credscore: $TMP/opt2.yaml:5:7: plugin 'declared' has no option 'colour'; its options: trigger, min_ratio" \
   "no did-you-mean when nothing is close"
plugin_config "$TMP/opt3.yaml" "$P/declared.so" "trigger: giraffe" "min_ratio: 2"
printf 'A giraffe and a zebra.\n' > "$TMP/gz.txt"
run "$CREDSCORE" score -f json -c "$TMP/opt3.yaml" "$TMP/gz.txt"
is "$STATUS" 0 "declared options: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | .text] | join(",")')" "giraffe" "and they reach the plugin"
plugin_config "$TMP/opt4.yaml" "$P/good.so" "min_rato: 2"
run "$CREDSCORE" score -c "$TMP/opt4.yaml" "$TMP/z.txt"
is "$STATUS" 0 "a plugin that declares no options takes any key (as before)"
cat > "$TMP/quotes.yaml" <<'YAML'
plugins:
  - name: quotes
    options: {orphan_min_word: 3}
YAML
run "$CREDSCORE" score -c "$TMP/quotes.yaml" "$TMP/z.txt"
is "$STATUS" 2 "bundled quotes: an undeclared option: exit 2"
is "$ERR" "credscore: $TMP/quotes.yaml:3:15: plugin 'quotes' has no option 'orphan_min_word' (did you mean 'orphan_min_words'?); its options: orphan_min_words, orphan_strict, strict_min_words" \
   "bundled quotes declares its options"
cat > "$TMP/attr.yaml" <<'YAML'
plugins:
  - name: attribution
    options:
      outlet: [Harbour Herald]
YAML
run "$CREDSCORE" score -c "$TMP/attr.yaml" "$TMP/z.txt"
is "$ERR" "credscore: $TMP/attr.yaml:4:7: plugin 'attribution' has no option 'outlet' (did you mean 'outlets'?); its options: outlets" \
   "bundled attribution declares its options"

# ---- declared rules: in rules, plugins and SARIF ----
run "$CREDSCORE" rules -c "$TMP/opt3.yaml"
is "$STATUS" 0 "rules: exit 0"
like "$OUT" "^declared/trigger +social +-2\\.0 info +plugin +plugin:declared$" "a declared rule is listed with its marker"
is "$(printf '%s\n' "$OUT" | grep -A1 '^declared/trigger' | tail -1)" \
   "    Flags the trigger word as a social-media source." "with its description below it"
run "$CREDSCORE" rules -f json -c "$TMP/opt3.yaml"
is "$(jqr "$OUT" '.rules[] | select(.id == "declared/trigger") | "\(.kind) \(.marker) \(.description) | \(.help)"')" \
   "plugin social Flags the trigger word as a social-media source. | Find who posted it and name them, or cut the claim." \
   "rules -f json: description and help"
run "$CREDSCORE" plugins -c "$TMP/opt3.yaml"
like "$OUT" "    min_ratio +unused: shows a second option in listings" "plugins lists the declared options"
run "$CREDSCORE" score -f sarif -c "$TMP/opt3.yaml" "$TMP/gz.txt"
is "$(jqr "$OUT" '.runs[0].tool.driver.rules[] | select(.id == "declared/trigger") | "\(.fullDescription.text) | \(.help.text)"')" \
   "Flags the trigger word as a social-media source. | Find who posted it and name them, or cut the claim." \
   "SARIF rule metadata: the declared description and help"
run "$CREDSCORE" rules
like "$OUT" "^quotes/orphan-quote +anonymous " "bundled quotes declares its rules"
like "$OUT" "^attribution/named-speaker +on_record " "bundled attribution declares its rules"

# ---- declared lists are checked at load ----
plugin_config "$TMP/bad.yaml" "$P/bad_rule.so"
run "$CREDSCORE" score -c "$TMP/bad.yaml" "$TMP/z.txt"
is "$STATUS" 2 "a rule with an undeclared marker: exit 2"
is "$ERR" "credscore: $P/bad_rule.so: plugin 'badrule' declares rule 'trigger' with marker 'gossip', which is not among its markers" \
   "the refusal names the file, the rule and the marker"

done_testing
