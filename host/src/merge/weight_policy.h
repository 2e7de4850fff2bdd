/*
 * weight_policy.h - the one rule for a finding's weight and level.
 *
 * Every reader (the scorer, `credscore rules`, `explain`, SARIF, HTML)
 * asks here, so a weight set anywhere in the configuration shows up the
 * same everywhere.  Weight, first that applies:
 *   1. rule_overrides.<rule id>.weight
 *   2. markers.<marker>.weight (fixes every finding of the marker)
 *   3. the weight the rule or the plugin's finding gives
 *   4. markers.<marker>.default_weight
 * Level: rule_overrides.<rule id>.level, then the rule's own level, then
 * the marker's.  A profile is already overlaid on the configuration, so it
 * takes part through the same fields.
 */
#ifndef CS_WEIGHT_POLICY_H
#define CS_WEIGHT_POLICY_H

#include "config.h"

/* The weight of a finding of marker (a valid index into cfg->markers)
 * from a rule with override ov (NULL: none) that gives weight w when
 * has_w is non-zero. */
double cs_policy_weight(const cs_config *cfg, int marker, const cs_rule_override *ov, int has_w,
                        double w);

/* The level of such a finding: the override's, else the rule's own
 * (has_level), else the marker's. */
cs_level cs_policy_level(const cs_config *cfg, int marker, const cs_rule_override *ov,
                         int has_level, cs_level level);

#endif
