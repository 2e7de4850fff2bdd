/*
 * rules.h - the rule set: every rule of every rule file, and one phrase
 * matcher compiled from all their phrase lists.
 *
 * A rule has an id, a marker, a message, an optional weight/level/confidence
 * and exactly one way to find things:
 *   phrases  literal phrase list (with optional `unless` phrases that cancel
 *            a hit in the same sentence or passage)
 *   regex    a PCRE2 pattern (caseless, UTF); `unless` applies too
 *   check    a Lua function over the passage (lua_rules.h)
 * Regex and check rules may list `needs` phrases: they then run only on
 * passages where one of those phrases occurs (found by the same matcher).
 *
 * Ownership: the set owns its rules, strings and compiled patterns.
 * Errors: 0 / -1 with a cs_diag naming the rule's file:line.
 */
#ifndef CS_RULES_H
#define CS_RULES_H

/* The largest needs_within a rule may set (bytes). */
#define CS_NEEDS_WITHIN_MAX 1000

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "config.h"
#include "diag.h"
#include "matcher.h"

typedef enum cs_rule_kind { CS_RULE_PHRASES, CS_RULE_REGEX, CS_RULE_CHECK } cs_rule_kind;

typedef enum cs_phrase_role { CS_ROLE_HIT, CS_ROLE_UNLESS, CS_ROLE_NEEDS } cs_phrase_role;

typedef struct cs_rule {
    char *id;
    char *marker_name;
    int marker;            /* index into config markers */
    char *message;         /* NULL: the marker's message */
    char *description;
    int has_weight;
    double weight;
    double confidence;     /* default 1 */
    int has_level;
    cs_level level;
    char *file;
    int line;
    char *source;          /* "file:line" */
    cs_rule_kind kind;
    int passage_scope;     /* 0: sentence scope, 1: passage scope */
    unsigned select;       /* CREDSCORE_SCOPE_* a passage must have one of; 0 = any */
    int has_unless;
    int has_needs;
    int starts_with_needs; /* a regex whose matches begin where a needs phrase begins:
                            * tried only there */
    int has_within;        /* needs_within is set: a regex whose matches begin at most */
    size_t needs_within;   /* this many bytes before a needs phrase (a run of white
                            * space counting as one): tried only there */
    int holds_needs;       /* a regex whose matches begin at or before a needs phrase
                            * of their sentence: tried only up to the last one */
    pcre2_code *re;
    int jitted;            /* re has JIT code (the scorer compiles it): pcre2_jit_match */
    int check_ref;         /* Lua registry reference of the check function */
    char **hit_examples;   /* sentences that must produce this rule's marker */
    size_t nhit_examples;
    char **miss_examples;  /* sentences that must not */
    size_t nmiss_examples;
    const cs_rule_override *override; /* from the config, or NULL */
    int enabled;
    int failed;            /* disabled at run time after an error (non-strict mode) */
    char *fail_reason;     /* why (owned), when failed */
} cs_rule;

typedef struct cs_phrase_ref {
    uint32_t rule;
    cs_phrase_role role;
    char *text;            /* the phrase as written (owned) */
} cs_phrase_ref;

typedef struct cs_ruleset {
    cs_rule *rules;
    size_t nrules, rules_cap;
    uint32_t *id_index;     /* hash of rule ids: slots hold rule index + 1, 0 = free */
    size_t id_index_cap;    /* slots, a power of two (0 before the first rule) */
    cs_phrase_ref *phrases; /* matcher id -> rule and role */
    size_t nphrases, phrases_cap;
    cs_matcher *matcher;
    int compiled;
} cs_ruleset;

int cs_ruleset_init(cs_ruleset *rs, cs_diag *d);
void cs_ruleset_free(cs_ruleset *rs);

/* Take a new rule (moved in: the set owns its strings afterwards, even on
 * failure).  Checks the id is unique and the marker known in cfg. */
int cs_ruleset_add(cs_ruleset *rs, const cs_config *cfg, cs_rule *rule, cs_diag *d);

/* Register a phrase for rule index `rule` with a role. */
int cs_ruleset_add_phrase(cs_ruleset *rs, size_t rule, cs_phrase_role role, const char *phrase,
                          cs_diag *d);

/* Compile the phrase matcher; no more adds after this. */
int cs_ruleset_compile(cs_ruleset *rs, cs_diag *d);

/* The next rule disabled at run time (failed) that was not returned
 * before, from rule *from on; reported (one flag per rule, the caller's)
 * remembers the ones returned.  NULL when none is left.  credscore test
 * and the playground report each broken rule once through it. */
const cs_rule *cs_ruleset_next_broken(const cs_ruleset *rs, char *reported, size_t *from);

/* Index of a rule by id, or -1 (a hash look-up). */
long cs_ruleset_find(const cs_ruleset *rs, const char *id);

/* Free one rule's owned members (used by add on failure). */
void cs_rule_clear(cs_rule *r);

#endif
