/*
 * suppress.h - inline suppressions in Markdown and HTML articles.
 *
 *   <!-- credscore-disable anonymous: cleared by the standards desk -->
 *   ... passages ...
 *   <!-- credscore-enable anonymous -->
 *   <!-- credscore-disable-next vague, hedged: the quote is the point -->
 *
 * disable turns markers (or rule ids, or "all") off from the comment to the
 * matching enable or the end of the article; disable-next only for the next
 * passage.  A disable without a reason is an error: suppressions must say
 * why.  Suppressed findings stay in the result with their reason and count
 * 0 points (merge.h).
 *
 * Errors: 0 / -1 with "path:line:col: ..." in a cs_diag.  The parsed list
 * is owned by the caller (cs_suppressions_free).
 */
#ifndef CS_SUPPRESS_H
#define CS_SUPPRESS_H

#include <stddef.h>

#include "config.h"
#include "document.h"
#include "result.h"
#include "rules.h"

typedef enum cs_supp_kind { CS_SUPP_DISABLE, CS_SUPP_ENABLE, CS_SUPP_NEXT } cs_supp_kind;

#define CS_SUPP_MAX_NAMES 16

typedef struct cs_suppression {
    cs_supp_kind kind;
    char *names[CS_SUPP_MAX_NAMES]; /* markers, rule ids or "all" */
    size_t nnames;
    char *reason;                   /* NULL for enable */
    size_t src_start, src_end;      /* the comment in the source */
    int line, col;
} cs_suppression;

typedef struct cs_suppressions {
    cs_suppression *items;
    size_t n, cap;
} cs_suppressions;

/* Find the directives of a Markdown or HTML document (none for text).
 * Checks syntax and names (markers of cfg, rule ids of rs, "plugin/rule"). */
int cs_suppressions_parse(const cs_document *doc, const cs_config *cfg, const cs_ruleset *rs,
                          cs_suppressions *out, cs_diag *d);

/* Mark the findings the directives cover (suppress_reason, copied into the
 * result's arena). */
void cs_suppressions_apply(const cs_suppressions *s, const cs_document *doc,
                           const cs_config *cfg, cs_result *res);

void cs_suppressions_free(cs_suppressions *s);

#endif
