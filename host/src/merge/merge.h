/*
 * merge.h - the one function that turns findings into scores.
 *
 * POINTS.  For every finding, points = weight x confidence, then, marker by
 * marker inside each passage, strongest first:
 *   1. a suppressed finding counts 0;
 *   2. a finding whose span overlaps a counted finding of the same marker
 *      counts 0 (it is a duplicate: a rule and a plugin saw the same words);
 *   3. for a one-shot marker only the strongest finding of the passage counts;
 *   4. the marker's points in the passage stop at its passage_cap.
 * Each marker's points over the article (stopped at its cap) are the
 * per-marker breakdown of the reports.
 *
 * SCORE: sourcing quality, not volume.  Every finding that counts is one
 * claim credited to a source, of strength min(1, |weight x confidence| / R)
 * where R is CS_FULL_GOOD for a positive weight (a named person, a named
 * body or document, an outlet) and CS_FULL_WEAK for a negative one (an
 * unnamed source, a crowd, an unverified or hedged claim): a named speaker
 * or an unnamed official is one whole claim, an outlet credit or a hedge a
 * fraction of one, an anonymous source whose anonymity is explained (a
 * rule weight of -4) two thirds of a bare one.  One source, one charge: a
 * finding's source is its marker and the words of the sentence it stands
 * in (reporting verbs and articles left out, word order ignored), and each
 * source counts once in the article, through its mildest finding: findings
 * of one marker in one sentence describe one attribution, and a rule that
 * sees what mitigates it (the reason anonymity was granted) speaks for the
 * whole attribution.  With G the claims of the
 * good sources and W those of the weak ones, the article scores
 *
 *     score = round(100 x (G + P x base/100) / (G + W + P)),  P = CS_PRIOR
 *
 * the share of its sourcing that is good, pulled toward the neutral base
 * as if it also had P claims at the base share: with few attributions the
 * evidence is thin and the score stays nearer the middle, and the pull
 * fades as attributions add up.  The score is a whole number, so every
 * report prints the same value and a threshold compares the number shown.
 * Repeating an article, or reordering its paragraphs, changes no source's
 * share; turning a weak attribution into a good one never lowers it.
 *
 * An article without any counted finding has nothing to judge: it scores
 * base, is `unsourced`, and its verdict is CS_VERDICT_UNSOURCED; the CI
 * gate passes or fails it as scoring.unsourced says (cs_merge_fails).
 * A passage scores the same formula over its own findings (base when it
 * has none).
 *
 * Findings are sorted (passage, start, end, marker, rule) first, so the same
 * input always gives the same output.  Returns 0, or -1 when memory runs out.
 */
#ifndef CS_MERGE_H
#define CS_MERGE_H

#include "config.h"
#include "document.h"
#include "result.h"

/* The model's constants (see above). */
#define CS_FULL_GOOD 4.0 /* points of one whole good claim */
#define CS_FULL_WEAK 6.0 /* |points| of one whole weak claim */
#define CS_PRIOR 0.0     /* claims at the base share every article starts with */
#define CS_VERDICT_UNSOURCED "no sourcing to judge"

/* Score the findings of r for the article doc: sets each finding's
 * source_key from the words it matched in doc, then merges as above. */
int cs_merge_document(const cs_config *cfg, const cs_document *doc, cs_result *r);

/* The same without the article: findings keep the source_key they have
 * (set by an earlier cs_merge_document; 0 makes a finding its own source).
 * Used to merge again after findings were suppressed. */
int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r);

/* Free what the merge keeps in a result between articles (cs_result_free
 * calls it). */
void cs_merge_scratch_free(cs_merge_scratch *sc);

/* The verdict of a merged result: CS_VERDICT_UNSOURCED, or the band of
 * its score. */
const char *cs_merge_verdict(const cs_config *cfg, const cs_result *r);

/* 1 when a merged result fails the threshold gate: an unsourced article
 * as scoring.unsourced says, any other when its score is below threshold
 * (has_threshold 0: never). */
int cs_merge_fails(const cs_config *cfg, const cs_result *r, int has_threshold,
                   double threshold);

#endif
