/* test_rule_tests.c - rules' examples and annotated fixtures (rule_tests.h):
 * a rule whose examples hold is "ok", one whose hit does not fire or whose
 * miss fires is a FAIL with what was expected and found, counted; a rule
 * whose check fails at run time is one failure, reported once and
 * disabled; a fixture's annotations are checked passage by passage, an
 * unknown marker and an annotation with no passage after it failing;
 * quiet (not verbose) lists only failures; the configuration of the
 * tested paths, and paths under two configurations refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rule_tests.h"
#include "scratch.h"
#include "tap.h"

static char dir[] = "/tmp/cs-rule-tests.XXXXXX";

/* A file of the scratch folder (scratch.h). */
static void put(const char *name, const char *text)
{
    scratch_put(dir, name, text);
}

static const char *path_of(const char *name)
{
    static char path[8][4200];
    static int k;
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

int main(void)
{
    cs_diag d;
    cs_session ses;
    if (mkdtemp(dir) == NULL)
        return ok(0, "scratch folder"), done_testing();
    put("r.lua",
        "rule { id = \"good\", marker = \"vague\", phrases = { \"critics say\" },\n"
        "  examples = { hit = { \"Critics say so.\" }, miss = { \"Mayor Ana Ruiz said so.\" } } }\n"
        "rule { id = \"bad\", marker = \"hedged\", phrases = { \"might\" },\n"
        "  examples = { hit = { \"It could happen.\" } } }\n"
        "rule { id = \"broken\", marker = \"unverified\", needs = { \"boom\" },\n"
        "  examples = { hit = { \"A boom was heard.\" } },\n"
        "  check = function(p) error(\"kaput\") end }\n");
    put("credscore.yaml", "rules: [r.lua]\nplugins: []\n");
    put("fx.md", "<!-- expect: vague -->\nCritics say it moved.\n\n"
                 "<!-- expect: none -->\nCritics say it stopped.\n\n"
                 "<!-- expect: bogus -->\nNothing here.\n\n"
                 "<!-- expect: none -->\n");
    mkdir(path_of("sub"), 0700);
    put("sub/credscore.yaml", "plugins: []\n");

    char *config = NULL;
    const char *one[] = {path_of("r.lua"), path_of("fx.md")};
    is_int(cs_rule_tests_config(one, 2, &config, &d), 0, "the tested paths' configuration");
    is_str(config ? config : "(none)", path_of("credscore.yaml"), "... found from them");
    const char *two[] = {path_of("r.lua"), path_of("sub")};
    char *other = NULL;
    is_int(cs_rule_tests_config(two, 2, &other, &d), -1, "paths under two configurations");
    char want[9000];
    snprintf(want, sizeof want,
             "test: %s and %s are under different configurations (%s, %s): test them "
             "separately, or name one with --config",
             two[0], two[1], path_of("credscore.yaml"), path_of("sub/credscore.yaml"));
    is_str(d.msg, want, "... refused, naming both");
    ok(other == NULL, "... and no configuration");

    cs_session_opts so = {.config_path = config};
    is_int(cs_session_open(&ses, &so, 0, &d), 0, "session");
    cs_scorer_opts o = {.lenient = 1, .quiet_disable = 1, .verify_needs_starts = 1};
    static const int quiet = CREDSCORE_LOG_ERROR;
    o.log = cs_log_stderr;
    o.log_ctx = (void *)&quiet;
    if (cs_scorer_new(&ses.scorer, &ses.cfg, &o, &d) != 0)
        return ok(0, "scorer: %s", d.msg), done_testing();

    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    cs_rule_tests t;
    is_int(cs_rule_tests_init(&t, &ses, NULL, out, 1, &d), 0, "init");
    cs_rule_tests_examples(&t);
    cs_rule_tests_fixture(&t, path_of("fx.md"), 0);
    fclose(out);
    const char *r = path_of("r.lua");
    char line[9000];
    snprintf(line, sizeof line, "ok   %s:1 good: 2 examples\n", r);
    ok(strstr(text, line) != NULL, "a rule whose examples hold: ok");
    snprintf(line, sizeof line,
             "FAIL %s:3 bad: hit example 1 did not fire\n    \"It could happen.\"\n"
             "      expected hedged from this rule\n      found nothing\nFAIL %s:3 bad: 1 example\n",
             r, r);
    ok(strstr(text, line) != NULL, "a hit that does not fire: FAIL with what was expected");
    ok(strstr(text, "broken': kaput; the rule is disabled for the rest of the run\n") != NULL,
       "a check failing at run time: reported, disabled");
    snprintf(line, sizeof line, "FAIL %s:5: expected none; found vague\n", path_of("fx.md"));
    ok(strstr(text, line) != NULL, "a fixture passage that does not hold: FAIL, what was found");
    snprintf(line, sizeof line, "FAIL %s:7: unknown marker 'bogus' in the annotation\n",
             path_of("fx.md"));
    ok(strstr(text, line) != NULL, "an unknown marker: FAIL");
    snprintf(line, sizeof line, "FAIL %s:10: annotation at the end of the file\n",
             path_of("fx.md"));
    ok(strstr(text, line) != NULL, "an annotation with nothing after it: FAIL");
    snprintf(line, sizeof line, "FAIL %s: 4 annotated passages\n", path_of("fx.md"));
    ok(strstr(text, line) != NULL, "the fixture's summary");
    ok(t.passed == 3 && t.failed == 5, "3 passed, 5 failed (%zu, %zu)", t.passed, t.failed);
    cs_rule_tests_free(&t);
    free(text);

    /* quiet: failures only; the rule disabled before is not run again, a
     * new runner reports it (once) */
    out = open_memstream(&text, &len);
    cs_rule_tests_init(&t, &ses, NULL, out, 0, &d);
    cs_rule_tests_examples(&t);
    fclose(out);
    ok(strstr(text, "ok   ") == NULL && strstr(text, "bad: hit example 1 did not fire") != NULL,
       "not verbose: only the failures");
    ok(t.passed == 2 && t.failed == 2 &&
           strstr(text, "kaput; the rule is disabled") != NULL,
       "the disabled rule: reported by the new runner, not run (%zu, %zu)", t.passed, t.failed);
    cs_rule_tests_free(&t);
    free(text);

    cs_session_close(&ses);
    free(config);
    scratch_remove(dir);
    return done_testing();
}
