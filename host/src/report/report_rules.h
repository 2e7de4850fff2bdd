/*
 * report_rules.h - the rules a scorer runs, for people and tools: the JSON
 * of `credscore rules -f json` (and GET /v1/rules), and what the text
 * listing shares with it.
 */
#ifndef CS_REPORT_RULES_H
#define CS_REPORT_RULES_H

#include "buf.h"
#include "config.h"
#include "plugin_host.h"
#include "rules.h"

/* "phrases", "regex" or "check". */
const char *cs_report_rule_kind(cs_rule_kind k);

/* The marker of a plugin's rule: the one it declares (ri), else the
 * plugin's only marker, else -1. */
int cs_report_rule_marker(const cs_config *cfg, const cs_plugin *pl,
                          const credscore_rule_info *ri);

/* {"rules": [...]}: every rule with its marker, weight, level, kind,
 * source, phrases; then the rules plugins declare (ABI 1.1).  Pretty,
 * ending in a newline, appended to out.  0, or -1 when memory runs out. */
int cs_report_rules_json(cs_buf *out, const cs_config *cfg, const cs_ruleset *rs,
                         const cs_plugin_set *ps);

#endif
