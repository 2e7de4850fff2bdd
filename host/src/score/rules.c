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
    free(rs->id_index);
    cs_matcher_free(rs->matcher);
    memset(rs, 0, sizeof *rs);
}

/* FNV-1a. */
static size_t hash_id(const char *id)
{
    uint64_t h = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return (size_t)h;
}

/* The slot of id in the index: the one holding it, or the free slot where
 * it would go (linear probing; the index is never full). */
static size_t id_slot(const cs_ruleset *rs, const char *id)
{
    size_t mask = rs->id_index_cap - 1;
    size_t k = hash_id(id) & mask;
    while (rs->id_index[k] != 0 && strcmp(rs->rules[rs->id_index[k] - 1].id, id) != 0)
        k = (k + 1) & mask;
    return k;
}

/* Make room in the index for `need` rules (at most half full).  Returns 0,
 * or -1 when memory runs out (the index is then unchanged). */
static int id_index_reserve(cs_ruleset *rs, size_t need)
{
    if (need <= rs->id_index_cap / 2)
        return 0;
    size_t cap = rs->id_index_cap ? rs->id_index_cap : 64;
    while (need > cap / 2)
        cap *= 2;
    uint32_t *slots = calloc(cap, sizeof(uint32_t));
    if (slots == NULL)
        return -1;
    free(rs->id_index);
    rs->id_index = slots;
    rs->id_index_cap = cap;
    for (size_t i = 0; i < rs->nrules; i++)
        rs->id_index[id_slot(rs, rs->rules[i].id)] = (uint32_t)(i + 1);
    return 0;
}

long cs_ruleset_find(const cs_ruleset *rs, const char *id)
{
    if (rs->id_index_cap == 0)
        return -1;
    uint32_t slot = rs->id_index[id_slot(rs, id)];
    return slot ? (long)slot - 1 : -1;
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
    if (rs->nrules >= UINT32_MAX - 1 || /* the index holds 32-bit positions */
        id_index_reserve(rs, rs->nrules + 1) != 0 ||
        cs_array_grow(&items, &rs->rules_cap, rs->nrules + 1, sizeof(cs_rule)) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    rs->rules = items;
    rs->rules[rs->nrules++] = *rule;
    rs->id_index[id_slot(rs, rule->id)] = (uint32_t)rs->nrules;
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

const cs_rule *cs_ruleset_next_broken(const cs_ruleset *rs, char *reported, size_t *from)
{
    for (size_t i = *from; i < rs->nrules; i++) {
        if (!rs->rules[i].failed || reported[i])
            continue;
        reported[i] = 1;
        *from = i + 1;
        return &rs->rules[i];
    }
    *from = rs->nrules;
    return NULL;
}
