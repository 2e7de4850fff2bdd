/* report_rules.c - the rules of a scorer as JSON, as `credscore rules -f
 * json` prints them and GET /v1/rules answers (report_rules.h). */
#include "report_rules.h"

#include <stdio.h>

#include "json_writer.h"
#include "weight_policy.h"

const char *cs_report_rule_kind(cs_rule_kind k)
{
    return k == CS_RULE_PHRASES ? "phrases" : k == CS_RULE_REGEX ? "regex" : "check";
}

static double rule_weight(const cs_config *cfg, const cs_rule *r)
{
    return cs_policy_weight(cfg, r->marker, r->override, r->has_weight, r->weight);
}

static cs_level rule_level(const cs_config *cfg, const cs_rule *r)
{
    return cs_policy_level(cfg, r->marker, r->override, r->has_level, r->level);
}

static void json_phrases(cs_json *j, const cs_ruleset *rs, size_t rule, cs_phrase_role role)
{
    cs_json_array(j);
    for (size_t p = 0; p < rs->nphrases; p++)
        if (rs->phrases[p].rule == rule && rs->phrases[p].role == role)
            cs_json_string(j, rs->phrases[p].text);
    cs_json_end_array(j);
}

int cs_report_rule_marker(const cs_config *cfg, const cs_plugin *pl,
                              const credscore_rule_info *ri)
{
    if (ri && ri->marker)
        return cs_config_marker_index(cfg, ri->marker);
    return pl->nmarkers == 1 ? pl->markers[0] : -1;
}

/* The rules plugins declare (ABI 1.1), as objects of `rules -f json`. */
static void json_plugin_rules(cs_json *j, const cs_config *cfg, const cs_plugin_set *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        const cs_plugin *pl = ps->items[i];
        for (size_t k = 0; k < pl->nrules; k++) {
            const credscore_rule_info *ri = &pl->desc.rules[k];
            char id[160];
            snprintf(id, sizeof id, "%s/%s", pl->desc.name, ri->id);
            const cs_rule_override *ov = cs_config_override(cfg, id);
            int mk = cs_report_rule_marker(cfg, pl, ri);
            cs_json_object(j);
            cs_json_kv_string(j, "id", id);
            if (mk >= 0) {
                cs_json_kv_string(j, "marker", cfg->markers[mk].name);
                cs_json_kv_number(j, "weight", cs_policy_weight(cfg, mk, ov, 0, 0));
                cs_json_kv_string(j, "level",
                                  cs_level_name(cs_policy_level(cfg, mk, ov, 0, CS_LEVEL_INFO)));
            }
            cs_json_kv_string(j, "kind", "plugin");
            cs_json_kv_string(j, "source", pl->source);
            cs_json_kv_bool(j, "enabled", !(ov && !ov->enabled));
            if (ri->description)
                cs_json_kv_string(j, "description", ri->description);
            if (ri->help)
                cs_json_kv_string(j, "help", ri->help);
            cs_json_end_object(j);
        }
    }
}

int cs_report_rules_json(cs_buf *out, const cs_config *cfg, const cs_ruleset *rs,
                         const cs_plugin_set *ps)
{
    cs_json j;
    cs_json_init(&j, out, 1);
    cs_json_object(&j);
    cs_json_key(&j, "rules");
    cs_json_array(&j);
    for (size_t i = 0; i < rs->nrules; i++) {
        const cs_rule *r = &rs->rules[i];
        const cs_marker_conf *m = &cfg->markers[r->marker];
        cs_json_object(&j);
        cs_json_kv_string(&j, "id", r->id);
        cs_json_kv_string(&j, "marker", m->name);
        cs_json_kv_number(&j, "weight", rule_weight(cfg, r));
        cs_json_kv_string(&j, "level", cs_level_name(rule_level(cfg, r)));
        cs_json_kv_string(&j, "kind", cs_report_rule_kind(r->kind));
        cs_json_kv_string(&j, "source", r->source);
        cs_json_kv_bool(&j, "enabled", r->enabled);
        cs_json_kv_string(&j, "message", r->message ? r->message : m->message);
        cs_json_key(&j, "phrases");
        json_phrases(&j, rs, i, CS_ROLE_HIT);
        cs_json_key(&j, "unless");
        json_phrases(&j, rs, i, CS_ROLE_UNLESS);
        cs_json_key(&j, "needs");
        json_phrases(&j, rs, i, CS_ROLE_NEEDS);
        cs_json_end_object(&j);
    }
    json_plugin_rules(&j, cfg, ps);
    cs_json_end_array(&j);
    cs_json_end_object(&j);
    return cs_buf_putc(out, '\n') != 0 || cs_json_failed(&j) ? -1 : 0;
}
