/* test_suppress.c - inline suppressions (suppress.h): disable ... enable,
 * disable-next for the next passage only, names by marker, rule id or
 * "all"; the errors a directive can hold (no reason, unknown name or
 * directive, too many names), each naming path:line:col; text articles
 * have none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document_load.h"
#include "suppress.h"
#include "tap.h"
#include "test_finding.h"

static cs_config cfg;

/* Load a Markdown article and parse its directives; 0 or -1 (d filled). */
static int parse(cs_document *doc, cs_suppressions *s, const char *text, cs_format fmt,
                 cs_diag *d)
{
    if (cs_document_load_memory(doc, "a.md", text, strlen(text), fmt, d) != 0)
        return -2;
    return cs_suppressions_parse(doc, &cfg, NULL, s, d);
}

/* A finding of marker on the first occurrence of words in passage p. */
static void add(cs_result *r, const cs_document *doc, size_t p, const char *marker,
                const char *words)
{
    const char *text = cs_doc_text(doc, &doc->passages[p]);
    const char *at = strstr(text, words);
    size_t start = at ? (size_t)(at - text) : 0;
    cs_finding f = test_finding(&cfg, marker, p, start, start + strlen(words), -4);
    cs_result_add(r, &f);
}

/* The parse error of a one-directive article. */
static const char *error_of(const char *text)
{
    static cs_diag d;
    cs_document doc;
    cs_suppressions s;
    d.msg[0] = '\0';
    int rc = parse(&doc, &s, text, CS_FORMAT_MARKDOWN, &d);
    cs_suppressions_free(&s);
    cs_document_free(&doc);
    return rc == -1 ? d.msg : "(no error)";
}

int main(void)
{
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");

    const char *art =
        "Officials said A.\n"                                                /* 0 */
        "\n<!-- credscore-disable anonymous: cleared by the desk -->\n\n"
        "Officials said B.\n"                                                /* 1 */
        "\n<!-- credscore-enable anonymous -->\n\n"
        "Officials said C.\n"                                                /* 2 */
        "\n<!--credscore-disable-next vague, on_record:  the quote is the point  -->\n\n"
        "Critics said D. Mayor Ana Ruiz said E.\n"                           /* 3 */
        "\nCritics said F.\n"                                                /* 4 */
        "\n<!-- credscore-disable all: wire copy -->\n\n"
        "Critics said G. Officials said H.\n";                               /* 5 */
    cs_document doc;
    cs_suppressions s;
    is_int(parse(&doc, &s, art, CS_FORMAT_MARKDOWN, &d), 0, "four directives parse");
    is_int(s.n, 4, "four directives found");
    ok(s.n == 4 && s.items[0].kind == CS_SUPP_DISABLE && s.items[0].nnames == 1 &&
       strcmp(s.items[0].names[0], "anonymous") == 0 &&
       strcmp(s.items[0].reason, "cleared by the desk") == 0,
       "disable: its name and reason");
    ok(s.n == 4 && s.items[0].line == 3 && s.items[0].col == 1, "disable: at 3:1");
    ok(s.n == 4 && s.items[1].kind == CS_SUPP_ENABLE && s.items[1].reason == NULL,
       "enable: no reason");
    ok(s.n == 4 && s.items[2].kind == CS_SUPP_NEXT && s.items[2].nnames == 2 &&
       strcmp(s.items[2].names[1], "on_record") == 0 &&
       strcmp(s.items[2].reason, "the quote is the point") == 0,
       "disable-next: two names, the reason trimmed");

    cs_result r;
    cs_result_init(&r);
    add(&r, &doc, 0, "anonymous", "Officials said");
    add(&r, &doc, 1, "anonymous", "Officials said");
    add(&r, &doc, 2, "anonymous", "Officials said");
    add(&r, &doc, 3, "vague", "Critics said");
    add(&r, &doc, 3, "on_record", "Mayor Ana Ruiz said");
    add(&r, &doc, 3, "anonymous", "Critics said");
    add(&r, &doc, 4, "vague", "Critics said");
    add(&r, &doc, 5, "vague", "Critics said");
    add(&r, &doc, 5, "anonymous", "Officials said");
    r.findings[8].suppress_reason = "already";
    cs_suppressions_apply(&s, &doc, &cfg, &r);
    const char *want[] = {NULL, "cleared by the desk", NULL, "the quote is the point",
                          "the quote is the point", NULL, NULL, "wire copy", "already"};
    const char *what[] = {"before the disable", "between disable and enable", "after the enable",
                          "disable-next, a named marker", "disable-next, its second name",
                          "disable-next, a marker it does not name",
                          "the passage after the next one", "disable all",
                          "a finding already suppressed keeps its reason"};
    for (int i = 0; i < 9; i++)
        is_str(r.findings[i].suppress_reason, want[i], "apply: %s", what[i]);
    ok(r.findings[1].suppress_reason != s.items[0].reason,
       "apply: the reason is the result's own copy");
    cs_result_free(&r);
    cs_suppressions_free(&s);
    ok(s.items == NULL && s.n == 0, "cs_suppressions_free empties the list");
    cs_document_free(&doc);

    /* A rule id or a plugin's rule ("plugin/rule") as the name. */
    const char *rule_art = "<!-- credscore-disable-next test-rule, quotes/orphan: desk -->\n\n"
                           "Officials said A.\n";
    is_int(parse(&doc, &s, rule_art, CS_FORMAT_MARKDOWN, &d), -1,
           "a rule id not in the rule set is refused");
    cs_suppressions_free(&s);
    cs_document_free(&doc);
    cs_ruleset rs;
    cs_ruleset_init(&rs, &d);
    cs_rule rule = {0};
    rule.id = cs_strdup("test-rule");
    rule.marker_name = cs_strdup("anonymous");
    rule.file = cs_strdup("t.lua");
    ok(cs_ruleset_add(&rs, &cfg, &rule, &d) == 0, "a rule set with test-rule");
    ok(cs_document_load_memory(&doc, "a.md", rule_art, strlen(rule_art), CS_FORMAT_MARKDOWN,
                               &d) == 0 &&
       cs_suppressions_parse(&doc, &cfg, &rs, &s, &d) == 0,
       "with the rule set: the rule id and plugin/rule parse");
    cs_result_init(&r);
    add(&r, &doc, 0, "anonymous", "Officials said");
    cs_suppressions_apply(&s, &doc, &cfg, &r);
    is_str(r.findings[0].suppress_reason, "desk", "apply: a rule id matches the finding's rule");
    cs_result_free(&r);
    cs_suppressions_free(&s);
    cs_document_free(&doc);
    cs_ruleset_free(&rs);

    /* Plain text has no directives; HTML has. */
    is_int(parse(&doc, &s, "<!-- credscore-disable all -->\n\nOfficials said A.\n",
                 CS_FORMAT_TEXT, &d), 0, "text: a directive-like comment is not an error");
    is_int(s.n, 0, "text: no directives");
    cs_suppressions_free(&s);
    cs_document_free(&doc);
    is_int(parse(&doc, &s, "<p>One.</p><!-- credscore-disable vague: desk --><p>Two.</p>",
                 CS_FORMAT_HTML, &d), 0, "HTML: a directive parses");
    is_int(s.n, 1, "HTML: one directive");
    cs_suppressions_free(&s);
    cs_document_free(&doc);

    /* A '<' that opens no comment: alone, before "<!-", right before a
     * directive's "<!--" and last in the text. */
    is_int(parse(&doc, &s, "a < b, c <!- d <<!-- credscore-disable vague: desk -->\n\nText. <",
                 CS_FORMAT_MARKDOWN, &d), 0, "'<' before a directive and at the end");
    is_int(s.n, 1, "... the directive is found");
    cs_suppressions_free(&s);
    cs_document_free(&doc);

    /* Errors. */
    is_str(error_of("Text.\n\n<!-- credscore-disable anonymous -->\n"),
           "a.md:3:1: suppression without a reason: say why, as in <!-- credscore-disable "
           "anonymous: cleared by the standards desk -->",
           "no reason");
    is_str(error_of("<!-- credscore-disable-next vague:   -->\n\nText.\n"),
           "a.md:1:1: suppression without a reason: say why, as in <!-- credscore-disable-next "
           "vague: cleared by the standards desk -->",
           "a blank reason");
    is_str(error_of("Text.\n\n  <!-- credscore-disable anonymus: typo -->\n"),
           "a.md:3:3: unknown marker or rule 'anonymus' in credscore-disable", "unknown name");
    is_str(error_of("<!-- credscore-disabled vague: x -->\n\nText.\n"),
           "a.md:1:1: unknown directive: use credscore-disable, credscore-disable-next or "
           "credscore-enable",
           "unknown directive");
    is_str(error_of("<!-- credscore-enable -->\n\nText.\n"),
           "a.md:1:1: credscore-enable needs the markers or rules it applies to (or \"all\")",
           "no names");
    char many[512] = "<!-- credscore-disable";
    for (int i = 0; i < 17; i++)
        strcat(many, " vague");
    strcat(many, ": x -->\n\nText.\n");
    is_str(error_of(many), "a.md:1:1: more than 16 names in one directive", "17 names");
    is_str(error_of("<!-- a plain comment --> Text.\n"), "(no error)",
           "another comment is no directive");

    cs_config_free(&cfg);
    return done_testing();
}
