#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

int cs_ruleset_init(cs_ruleset *rs, cs_diag *d)
{
    memset(rs, 0, sizeof *rs);
    rs->matcher = cs_matcher_new();
    if (rs->matcher == NULL)
        return cs_diag_set(d, "out of memory");
    return 0;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void cs_rule_clear(cs_rule *r)
{
    free(r->id);
    free(r->marker_name);
    free(r->message);
    free(r->description);
    free(r->file);
    free(r->source);
    free(r->fail_reason);
    if (r->re)
        pcre2_code_free(r->re);
    free_list(r->hit_examples, r->nhit_examples);
    free_list(r->miss_examples, r->nmiss_examples);
    memset(r, 0, sizeof *r);
}

void cs_ruleset_free(cs_ruleset *rs)
{
    for (size_t i = 0; i < rs->nrules; i++)
        cs_rule_clear(&rs->rules[i]);
    free(rs->rules);
    for (size_t i = 0; i < rs->nphrases; i++)
        free(rs->phrases[i].text);
    free(rs->phrases);
    cs_matcher_free(rs->matcher);
    memset(rs, 0, sizeof *rs);
}

long cs_ruleset_find(const cs_ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->nrules; i++)
        if (strcmp(rs->rules[i].id, id) == 0)
            return (long)i;
    return -1;
}

int cs_ruleset_add(cs_ruleset *rs, const cs_config *cfg, cs_rule *rule, cs_diag *d)
{
    int rc = -1;
    long prev = cs_ruleset_find(rs, rule->id);
    if (prev >= 0) {
        cs_diag_at(d, rule->file, rule->line, 0, "duplicate rule id '%s' (first defined at %s)",
                   rule->id, rs->rules[prev].source);
        goto out;
    }
    rule->marker = cs_config_marker_index(cfg, rule->marker_name);
    if (rule->marker < 0) {
        cs_buf known = {0};
        for (size_t i = 0; i < cfg->nmarkers; i++)
            cs_buf_printf(&known, "%s%s", i ? ", " : "", cfg->markers[i].name);
        cs_diag_at(d, rule->file, rule->line, 0, "rule '%s': unknown marker '%s' (known: %s)",
                   rule->id, rule->marker_name, known.data ? known.data : "none");
        cs_buf_free(&known);
        goto out;
    }
    const cs_rule_override *ov = cs_config_override(cfg, rule->id);
    rule->override = ov;
    if (ov) {
        if (ov->has_level) {
            rule->has_level = 1;
            rule->level = ov->level;
        }
        rule->enabled = ov->enabled;
    }
    void *items = rs->rules;
    if (cs_array_grow(&items, &rs->rules_cap, rs->nrules + 1, sizeof(cs_rule)) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    rs->rules = items;
    rs->rules[rs->nrules++] = *rule;
    memset(rule, 0, sizeof *rule);
    rc = 0;
out:
    if (rc != 0)
        cs_rule_clear(rule);
    return rc;
}

int cs_ruleset_add_phrase(cs_ruleset *rs, size_t rule, cs_phrase_role role, const char *phrase,
                          cs_diag *d)
{
    if (rs->compiled)
        return cs_diag_set(d, "internal: phrase added after compile");
    cs_diag inner;
    if (cs_matcher_add(rs->matcher, phrase, (uint32_t)rs->nphrases, &inner) != 0) {
        const cs_rule *r = &rs->rules[rule];
        return cs_diag_at(d, r->file, r->line, 0, "rule '%s': %s", r->id, inner.msg);
    }
    void *items = rs->phrases;
    if (cs_array_grow(&items, &rs->phrases_cap, rs->nphrases + 1, sizeof(cs_phrase_ref)) != 0)
        return cs_diag_set(d, "out of memory");
    rs->phrases = items;
    char *text = cs_strdup(phrase);
    if (text == NULL)
        return cs_diag_set(d, "out of memory");
    rs->phrases[rs->nphrases++] = (cs_phrase_ref){(uint32_t)rule, role, text};
    return 0;
}

int cs_ruleset_compile(cs_ruleset *rs, cs_diag *d)
{
    if (cs_matcher_compile(rs->matcher, d) != 0)
        return -1;
    rs->compiled = 1;
    return 0;
}
