/*
 * rule_examples.c - scoring a rule's example sentences (rule_examples.h).
 */
#include "rule_examples.h"

#include <string.h>

#include "buf.h"
#include "document_load.h"

int cs_example_score(cs_scorer *s, const cs_rule *r, const char *text, cs_document *doc,
                     cs_result *res, cs_diag *d)
{
    const char *prefix = NULL;
    if (r->select && !(r->select & CREDSCORE_SCOPE_PARAGRAPH)) {
        if (r->select & CREDSCORE_SCOPE_HEADING)
            prefix = "# ";
        else if (r->select & CREDSCORE_SCOPE_QUOTE)
            prefix = "> ";
        else if (r->select & CREDSCORE_SCOPE_LIST_ITEM)
            prefix = "- ";
    }
    int rc;
    if (prefix) {
        cs_buf b = {0};
        if (cs_buf_printf(&b, "%s%s\n", prefix, text) != 0) {
            cs_buf_free(&b);
            memset(doc, 0, sizeof *doc);
            return cs_diag_set(d, "out of memory");
        }
        rc = cs_document_load_memory(doc, "example", b.data, b.len, CS_FORMAT_MARKDOWN, d);
        cs_buf_free(&b);
    } else {
        rc = cs_document_load_memory(doc, "example", text, strlen(text), CS_FORMAT_TEXT, d);
    }
    if (rc != 0)
        return -1;
    return cs_scorer_score(s, doc, res, d);
}

int cs_example_fired(const cs_result *res, const cs_rule *r)
{
    for (size_t f = 0; f < res->nfindings; f++)
        if (strcmp(res->findings[f].rule_id, r->id) == 0)
            return 1;
    return 0;
}
