/* cmd_info.c - listings: `credscore config`, `credscore plugins`,
 * `credscore rules`. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report_rules.h"
#include "weight_policy.h"

int cs_cmd_config(const cs_cli *cli)
{
    cs_session ses;
    /* with the rules and plugins: rule_overrides must name loaded rules */
    if (cs_cli_open_session(&ses, cli, 1) != 0)
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
    if (cs_cli_open_session(&ses, cli, 1) != 0)
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
        if (pl->desc.options != NULL) /* declared (ABI 1.1): other keys are refused */
            printf("  options:%s\n", pl->noptions ? "" : " none");
        for (size_t k = 0; k < pl->noptions; k++) {
            const credscore_option *op = &pl->desc.options[k];
            printf("    %-16s %s\n", op->name, op->description ? op->description : "");
        }
    }
    cs_session_close(&ses);
    return CS_EXIT_OK;
}


static double rule_weight(const cs_config *cfg, const cs_rule *r)
{
    return cs_policy_weight(cfg, r->marker, r->override, r->has_weight, r->weight);
}

static cs_level rule_level(const cs_config *cfg, const cs_rule *r)
{
    return cs_policy_level(cfg, r->marker, r->override, r->has_level, r->level);
}

/* One rule a plugin declares (ABI 1.1): a row as for a Lua rule (with the
 * weight and level a rule_overrides entry gives it), then its description
 * indented below it. */
static void print_plugin_rule(const cs_config *cfg, const cs_plugin *pl,
                              const credscore_rule_info *ri)
{
    char id[160];
    snprintf(id, sizeof id, "%s/%s", pl->desc.name, ri->id);
    const cs_rule_override *ov = cs_config_override(cfg, id);
    int mk = cs_report_rule_marker(cfg, pl, ri);
    char w[32] = "-", lv[16] = "-";
    if (mk >= 0 || (ov && ov->has_weight))
        snprintf(w, sizeof w, "%.1f",
                 mk >= 0 ? cs_policy_weight(cfg, mk, ov, 0, 0) : ov->weight);
    if (mk >= 0 || (ov && ov->has_level))
        snprintf(lv, sizeof lv, "%s",
                 cs_level_name(mk >= 0 ? cs_policy_level(cfg, mk, ov, 0, CS_LEVEL_INFO)
                                       : ov->level));
    printf("%-32s %-13s %7s %-8s %-8s %s%s%s\n", id, mk >= 0 ? cfg->markers[mk].name : "-", w,
           lv, "plugin", pl->source, ov ? "  (rule_overrides)" : "",
           ov && !ov->enabled ? "  (disabled)" : "");
    if (ri->description && *ri->description)
        printf("    %s\n", ri->description);
}

int cs_cmd_rules(const cs_cli *cli)
{
    cs_session ses;
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    const cs_config *cfg = &ses.cfg;
    const cs_ruleset *rs = cs_scorer_rules(ses.scorer);
    if (cli->format == CS_OUT_JSON) {
        cs_buf out = {0};
        int rc = cs_report_rules_json(&out, cfg, rs, cs_scorer_plugins(ses.scorer));
        if (rc == 0)
            fwrite(out.data, 1, out.len, stdout);
        cs_buf_free(&out);
        cs_session_close(&ses);
        return rc == 0 ? CS_EXIT_OK : CS_EXIT_ERROR;
    }
    printf("%-32s %-13s %7s %-8s %-8s %s\n", "RULE", "MARKER", "WEIGHT", "LEVEL", "KIND",
           "SOURCE");
    for (size_t i = 0; i < rs->nrules; i++) {
        const cs_rule *r = &rs->rules[i];
        const cs_marker_conf *m = &cfg->markers[r->marker];
        double w = rule_weight(cfg, r);
        cs_level lv = rule_level(cfg, r);
        printf("%-32s %-13s %7.1f %-8s %-8s %s%s\n", r->id, m->name, w, cs_level_name(lv),
               cs_report_rule_kind(r->kind), r->source, r->enabled ? "" : "  (disabled)");
    }
    const cs_plugin_set *ps = cs_scorer_plugins(ses.scorer);
    for (size_t i = 0; i < ps->n; i++) {
        const cs_plugin *pl = ps->items[i];
        for (size_t k = 0; k < pl->nrules; k++)
            print_plugin_rule(cfg, pl, &pl->desc.rules[k]);
        for (size_t k = 0; k < pl->nmarkers; k++) {
            const cs_marker_conf *m = &cfg->markers[pl->markers[k]];
            char id[160];
            snprintf(id, sizeof id, "%s/*", pl->desc.name);
            printf("%-32s %-13s %7.1f %-8s %-8s %s\n", id, m->name,
                   cs_policy_weight(cfg, pl->markers[k], NULL, 0, 0),
                   cs_level_name(cs_policy_level(cfg, pl->markers[k], NULL, 0, CS_LEVEL_INFO)),
                   "plugin", pl->source);
        }
        /* the plugin's rules the configuration overrides, as they apply */
        size_t nl = strlen(pl->desc.name);
        for (size_t o = 0; o < cfg->noverrides; o++) {
            const cs_rule_override *ov = &cfg->overrides[o];
            if (strncmp(ov->id, pl->desc.name, nl) != 0 || ov->id[nl] != '/' ||
                cs_plugin_rule_info(pl, ov->id + nl + 1) != NULL) /* listed above */
                continue;
            int mk = pl->nmarkers == 1 ? pl->markers[0] : -1;
            char w[32] = "-", lv[16] = "-";
            if (ov->has_weight || mk >= 0)
                snprintf(w, sizeof w, "%.1f", ov->has_weight ? ov->weight
                                                             : cs_policy_weight(cfg, mk, ov, 0, 0));
            if (ov->has_level || mk >= 0)
                snprintf(lv, sizeof lv, "%s",
                         cs_level_name(ov->has_level ? ov->level
                                                     : cs_policy_level(cfg, mk, ov, 0, 0)));
            printf("%-32s %-13s %7s %-8s %-8s %s  (rule_overrides)%s\n", ov->id,
                   mk >= 0 ? cfg->markers[mk].name : "-", w, lv, "plugin", pl->source,
                   ov->enabled ? "" : "  (disabled)");
        }
    }
    printf("%zu rules, %zu phrases in one matcher (%zu states), %zu plugins\n", rs->nrules,
           cs_matcher_phrase_count(rs->matcher), cs_matcher_state_count(rs->matcher), ps->n);
    cs_session_close(&ses);
    return CS_EXIT_OK;
}
