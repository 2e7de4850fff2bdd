/*
 * test_finding.h - a finding for the merge and score-model unit tests:
 * marker by name, a span of one passage, a weight, confidence 1.
 */
#ifndef CS_TEST_FINDING_H
#define CS_TEST_FINDING_H

#include "config.h"
#include "result.h"

static inline cs_finding test_finding(const cs_config *cfg, const char *marker, size_t passage,
                                      size_t start, size_t end, double weight)
{
    cs_finding f = {0};
    f.marker = cs_config_marker_index(cfg, marker);
    f.rule_id = "test-rule";
    f.source = "test.lua:1";
    f.message = "m";
    f.passage = passage;
    f.start = start;
    f.end = end;
    f.weight = weight;
    f.confidence = 1;
    return f;
}

#endif
