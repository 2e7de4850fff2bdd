/*
 * merge.h - the one function that turns findings into scores.
 *
 * For every finding, points = weight x confidence, then, marker by marker
 * inside each passage, strongest first:
 *   1. a suppressed finding counts 0;
 *   2. a finding whose span overlaps a counted finding of the same marker
 *      counts 0 (it is a duplicate: a rule and a plugin saw the same words);
 *   3. for a one-shot marker only the strongest finding of the passage counts;
 *   4. the marker's points in the passage stop at its passage_cap.
 * A passage scores clamp(base + its points, 0, 100).  Over the article each
 * marker's points stop at its article cap; the article scores
 * clamp(base + sum of capped marker points, 0, 100) and gets the verdict of
 * the band it falls in.  Every point is thus carried by a listed finding,
 * and the notes say why any finding counts less than weight x confidence.
 *
 * Negative findings can only lower a score and positive ones only raise it,
 * so adding a passage with an anonymous source never raises the article
 * score and adding a named on-the-record one never lowers it.
 *
 * Findings are sorted (passage, start, end, marker, rule) first, so the same
 * input always gives the same output.  Returns 0, or -1 when memory runs out.
 */
#ifndef CS_MERGE_H
#define CS_MERGE_H

#include "config.h"
#include "result.h"

int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r);

#endif
