#!/bin/sh
# `credscore test`: rule examples and annotated fixtures, with readable failures.
. "$(dirname "$0")/lib.sh"

run "$CREDSCORE" test "$ROOT/rules" "$ROOT/tests/articles"
is "$STATUS" 0 "the bundled rules pass their own examples and the annotated articles"
like "$OUT" "^[0-9]+ passed, 0 failed$" "closing summary"
like "$OUT" "ok   $ROOT/tests/articles/tricky-negatives.md: 9 annotated passages" "tricky negatives stay silent"
like "$OUT" "ok   $ROOT/tests/articles/sourcing-mix.md: 9 annotated passages" "every marker found where expected"

run "$CREDSCORE" test "$ROOT/examples/rules/desk.lua"
is "$STATUS" 0 "the example desk rules pass (a heading-only rule is tested as a heading)"

# Break an example on purpose: a hit that cannot fire, a miss that does.
cat > "$TMP/broken.lua" <<'LUA'
rule {
  id = "broken-example", marker = "hedged",
  phrases = { "reportedly" },
  examples = {
    hit = { "The convoy crossed the border." },
    miss = { "The convoy reportedly crossed the border." },
  },
}
LUA
run "$CREDSCORE" test --no-plugins "$TMP/broken.lua"
is "$STATUS" 1 "a broken example fails the run with exit 1"
like "$OUT" "FAIL .*broken.lua:1 broken-example: hit example 1 did not fire" "the hit failure is named"
like "$OUT" "expected hedged from this rule" "expected marker shown"
like "$OUT" "FAIL .*broken.lua:1 broken-example: miss example 1 fired" "the miss failure is named"
like "$OUT" "found hedged at 1:12-1:22 \"reportedly\" \\[broken-example\\]" "found marker with its span"
like "$OUT" "^1 passed, 1 failed$|^0 passed, 2 failed$" "summary counts the failures"

# Annotated fixture articles: exact marker sets per passage.
cat > "$TMP/fixture.md" <<'MD'
# Fixture

<!-- expect: hedged -->
The ferry reportedly sank near the pier.

<!-- expect: none -->
The ferry left at noon.

<!-- expect: unverified, vague -->
Critics say the toll could not be verified.
MD
run "$CREDSCORE" test --no-plugins "$ROOT/rules" "$TMP/fixture.md"
is "$STATUS" 0 "annotated fixture passes"
like "$OUT" "^ok   $TMP/fixture.md: 3 annotated passages" "fixture summary"

sed 's/expect: none/expect: anonymous/' "$TMP/fixture.md" > "$TMP/wrong.md"
run "$CREDSCORE" test --no-plugins "$ROOT/rules" "$TMP/wrong.md"
is "$STATUS" 1 "a wrong annotation fails"
like "$OUT" "FAIL $TMP/wrong.md:7: expected anonymous; found none" "expected vs found for the passage"

printf '<!-- expect: gossip -->\nText.\n' > "$TMP/unknown.md"
run "$CREDSCORE" test --no-plugins "$ROOT/rules" "$TMP/unknown.md"
is "$STATUS" 1 "an unknown marker in an annotation fails"
like "$OUT" "unknown.md:1: unknown marker 'gossip'" "and says which"

done_testing
