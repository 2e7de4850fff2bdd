/*
 * rule_examples.h - a rule's `examples`, run as `credscore test` runs them:
 * each `hit` sentence must produce a finding of the rule, each `miss`
 * sentence none.  Shared by `credscore test` and the playground of
 * `credscore serve`, so both give the same verdict on an example.
 */
#ifndef CS_RULE_EXAMPLES_H
#define CS_RULE_EXAMPLES_H

#include "document.h"
#include "result.h"
#include "rules.h"
#include "scorer.h"

/* Score one example sentence of rule r with scorer s, as a one-passage
 * article of the kind the rule selects (a Markdown heading for select =
 * "heading", a block quote, a list item; plain text otherwise), so that
 * selective rules can be tested.  doc is loaded and must be freed with
 * cs_document_free whatever the outcome; res is reset.  0, or -1 with d
 * (the example could not be loaded or scored). */
int cs_example_score(cs_scorer *s, const cs_rule *r, const char *text, cs_document *doc,
                     cs_result *res, cs_diag *d);

/* Does res hold a finding of rule r (by id)? */
int cs_example_fired(const cs_result *res, const cs_rule *r);

#endif
