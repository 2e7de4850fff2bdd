/* scorer_batch.c - score one article or a batch of them, stage by stage
 * (scorer.h: cs_scorer_score, cs_scorer_score_batch): the matcher, the
 * rules, each plugin, the merge, each over every article before the next
 * (the stages are in scorer.c, declared in scorer_state.h). */
#include <stdio.h>
#include <string.h>

#include "scorer_state.h"

/* Every scoring error names the article: prefix d's message with its path
 * unless it already starts with it. */
static void name_article(cs_diag *d, const cs_document *doc)
{
    if (strncmp(d->msg, doc->path, strlen(doc->path)) == 0)
        return;
    char msg[CS_DIAG_MAX];
    snprintf(msg, sizeof msg, "%s", d->msg);
    cs_diag_at(d, doc->path, 0, 0, "%s", msg);
}

int cs_scorer_score_batch(cs_scorer *s, const cs_document *const *docs, cs_result *const *res,
                          cs_diag *const *d, int *failed, size_t n)
{
    if (n == 0)
        return 0;
    /* The matcher over every passage first: its table stays in the cache. */
    int scanned = cs_scorer_scan_pass(s, docs, n, d[0]) == 0;
    for (size_t k = 0, first = 0; k < n; first += docs[k++]->npassages) {
        if (!scanned)
            *d[k] = *d[0]; /* out of memory: every article fails */
        failed[k] = !scanned || cs_scorer_rules_pass(s, docs[k], first, res[k], d[k]) != 0;
    }
    for (size_t i = 0; i < s->plugins.n; i++)
        for (size_t k = 0; k < n; k++)
            if (!failed[k])
                failed[k] = cs_scorer_plugin_pass(s, i, docs[k], res[k], d[k]) != 0;
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        if (!failed[k])
            failed[k] = cs_scorer_finish(s, docs[k], res[k], d[k]) != 0;
        if (failed[k]) {
            name_article(d[k], docs[k]);
            rc = -1;
        }
    }
    return rc;
}

int cs_scorer_score(cs_scorer *s, const cs_document *doc, cs_result *res, cs_diag *d)
{
    int failed;
    return cs_scorer_score_batch(s, &doc, &res, &d, &failed, 1);
}
