/* cmd_info.c - listings: `credscore config`, `credscore plugins`,
 * `credscore rules`. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cs_cmd_config(const cs_cli *cli)
{
    cs_session ses;
    if (cs_session_open(&ses, cli, 0) != 0)
        return CS_EXIT_ERROR;
    printf("# effective configuration (%s)\n", ses.cfg.path ? ses.cfg.path : "built-in defaults");
    int rc = cs_config_print(&ses.cfg, stdout);
    cs_session_close(&ses);
    return rc == 0 ? CS_EXIT_OK : CS_EXIT_ERROR;
}

static void print_markers(const char *const *markers)
{
    for (size_t i = 0; markers && markers[i]; i++)
        printf("%s%s", i ? "," : "", markers[i]);
}

int cs_cmd_plugins(const cs_cli *cli)
{
    cs_session ses;
    if (cs_session_open(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    const cs_plugin_set *ps = cs_scorer_plugins(ses.scorer);
    if (ps->n == 0)
        printf("no plugins loaded\n");
    for (size_t i = 0; i < ps->n; i++) {
        const cs_plugin *pl = ps->items[i];
        printf("%-14s %-8s ABI %u.%u  markers ", pl->desc.name, pl->desc.version,
               pl->desc.abi_major, pl->desc.abi_minor);
        print_markers(pl->desc.markers);
        printf("%s%s\n", (pl->desc.flags & CREDSCORE_PLUGIN_THREAD_SAFE) ? "  thread-safe" : "",
               "");
        printf("  %s\n", pl->path);
        if (pl->desc.description)
            printf("  %s\n", pl->desc.description);
        if (pl->desc.license)
            printf("  licence: %s\n", pl->desc.license);
    }
    cs_session_close(&ses);
    return CS_EXIT_OK;
}

static const char *kind_name(cs_rule_kind k)
{
    return k == CS_RULE_PHRASES ? "phrases" : k == CS_RULE_REGEX ? "regex" : "check";
}

int cs_cmd_rules(const cs_cli *cli)
{
    cs_session ses;
    if (cs_session_open(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    const cs_config *cfg = &ses.cfg;
    const cs_ruleset *rs = cs_scorer_rules(ses.scorer);
    printf("%-32s %-13s %7s %-8s %-8s %s\n", "RULE", "MARKER", "WEIGHT", "LEVEL", "KIND",
           "SOURCE");
    for (size_t i = 0; i < rs->nrules; i++) {
        const cs_rule *r = &rs->rules[i];
        const cs_marker_conf *m = &cfg->markers[r->marker];
        double w = r->override && r->override->has_weight ? r->override->weight
                   : m->has_weight                         ? m->weight
                   : r->has_weight                         ? r->weight
                                                           : m->default_weight;
        cs_level lv = r->has_level ? r->level : m->level;
        printf("%-32s %-13s %7.1f %-8s %-8s %s%s\n", r->id, m->name, w, cs_level_name(lv),
               kind_name(r->kind), r->source, r->enabled ? "" : "  (disabled)");
    }
    const cs_plugin_set *ps = cs_scorer_plugins(ses.scorer);
    for (size_t i = 0; i < ps->n; i++) {
        const cs_plugin *pl = ps->items[i];
        for (size_t k = 0; k < pl->nmarkers; k++) {
            const cs_marker_conf *m = &cfg->markers[pl->markers[k]];
            char id[160];
            snprintf(id, sizeof id, "%s/*", pl->desc.name);
            printf("%-32s %-13s %7.1f %-8s %-8s %s\n", id, m->name,
                   m->has_weight ? m->weight : m->default_weight, cs_level_name(m->level),
                   "plugin", pl->source);
        }
    }
    printf("%zu rules, %zu phrases in one matcher (%zu states), %zu plugins\n", rs->nrules,
           cs_matcher_phrase_count(rs->matcher), cs_matcher_state_count(rs->matcher), ps->n);
    cs_session_close(&ses);
    return CS_EXIT_OK;
}
