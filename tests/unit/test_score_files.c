/* test_score_files.c - article files scored in worker processes
 * (score_files.h): in the order given, each article whole here (loaded
 * again, its result decoded) and judged by the gates; a file that cannot
 * be read lost alone, named, the next still scored; a runaway article
 * stopped after the time limit and named with the rule; streamed, each
 * article's part of the report spliced into the run writer as the text
 * report would print it; the progress size of a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document_load.h"
#include "score_files.h"
#include "scratch.h"
#include "tap.h"

static char dir[] = "/tmp/cs-score-files.XXXXXX";

/* A file of the scratch folder (scratch.h). */
static void put(const char *name, const char *text)
{
    scratch_put(dir, name, text);
}

int main(void)
{
    cs_diag d;
    cs_session ses;
    cs_gate gate;
    if (mkdtemp(dir) == NULL)
        return ok(0, "scratch folder"), done_testing();
    put("r.lua", "rule { id = \"critics\", marker = \"vague\", phrases = { \"critics say\" } }\n"
                 "rule { id = \"slow-pattern\", marker = \"vague\", needs = { \"slowly\" },\n"
                 "  check = function(p)\n"
                 "    local s = (\"a\"):rep(30)\n"
                 "    if s:find((\"a?\"):rep(30) .. (\"a\"):rep(30)) then return nil end\n"
                 "  end }\n");
    put("c.yaml", "rules: [r.lua]\nplugins: []\nlimits: {instructions: 0}\n");
    put("a.txt", "Critics say it moved.\n");
    put("b.txt", "It stood still.\n");
    put("slow.txt", "It moved slowly.\n");
    char conf[4200], a[4200], b[4200], none[4200], slow[4200];
    snprintf(conf, sizeof conf, "%s/c.yaml", dir);
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    snprintf(none, sizeof none, "%s/none.txt", dir);
    snprintf(slow, sizeof slow, "%s/slow.txt", dir);
    cs_session_opts so = {.config_path = conf};
    if (cs_session_open(&ses, &so, 1, &d) != 0)
        return ok(0, "session: %s", d.msg), done_testing();
    cs_gate_opts go = {.has_fail_under = 1, .fail_under = 60};
    if (cs_gate_open(&gate, &ses.cfg, &go, &d) != 0)
        return ok(0, "gate: %s", d.msg), done_testing();

    is_int((int)cs_score_files_bytes(a), 22, "a file's size for the progress line");
    is_int((int)cs_score_files_bytes("-"), 0, "standard input: 0");
    is_int((int)cs_score_files_bytes(none), 0, "a missing file: 0");

    /* whole articles back here */
    char *files[] = {a, none, b, slow};
    cs_score_files_opts o = {.ses = &ses, .gate = &gate, .jobs = 2, .timeout = 1};
    cs_score_files *sf;
    is_int(cs_score_files_start(&sf, &o, files, 4, &d), 0, "starts");
    cs_scored sc;
    int below;
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    is_int(cs_score_files_next(sf, NULL, &sc, &below, &d), 0, "a.txt scored");
    ok(sc.doc.path && strcmp(sc.doc.path, a) == 0, "... loaded here: %s", sc.doc.path);
    ok(sc.res.nfindings == 1 && strcmp(sc.res.findings[0].rule_id, "critics") == 0,
       "... with its finding");
    ok(below == CS_FAIL_THRESHOLD && sc.below == CS_FAIL_THRESHOLD, "... below 60");
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    is_int(cs_score_files_next(sf, NULL, &sc, &below, &d), 1, "none.txt lost");
    ok(strncmp(d.msg, none, strlen(none)) == 0, "... named: %s", d.msg);
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    is_int(cs_score_files_next(sf, NULL, &sc, &below, &d), 0, "b.txt still scored");
    ok(below == 0 && sc.res.nfindings == 0, "... nothing found, nothing to judge: not below");
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    is_int(cs_score_files_next(sf, NULL, &sc, &below, &d), 1, "slow.txt lost");
    char want[4400];
    snprintf(want, sizeof want,
             "%s: not scored: took longer than 1 s and was stopped in rule slow-pattern "
             "(%s/r.lua:2)",
             slow, dir);
    is_str(d.msg, want, "... after the time limit, named with the rule");
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    cs_score_files_finish(sf);
    cs_score_files_free(sf);

    /* streamed: the workers write the text report's parts */
    cs_run run = {0};
    run.cfg = &ses.cfg;
    run.rules = cs_scorer_rules(ses.scorer);
    run.plugins = cs_scorer_plugins(ses.scorer);
    run.has_threshold = 1;
    run.threshold = 60;
    cs_buf out = {0}, whole = {0};
    cs_run_writer w;
    memset(&w, 0, sizeof w);
    cs_run_writer_begin(&w, CS_RUN_TEXT, &out, &run);
    o.streamed = 1;
    o.kind = CS_RUN_TEXT;
    o.run = &run;
    is_int(cs_score_files_start(&sf, &o, files, 1, &d), 0, "starts streamed");
    is_int(cs_score_files_next(sf, &w, NULL, &below, &d), 0, "a.txt written by its worker");
    ok(below != 0, "... below 60");
    cs_score_files_finish(sf);
    cs_score_files_free(sf);
    cs_run_writer_end(&w, &run);
    cs_run_writer_free(&w);
    /* the same run written here */
    cs_scored one;
    memset(&one, 0, sizeof one);
    cs_document_load_file(&one.doc, a, 0, &d);
    cs_result_init(&one.res);
    cs_scorer_score(ses.scorer, &one.doc, &one.res, &d);
    cs_gate_settle(&gate, &one, &d);
    memset(&w, 0, sizeof w);
    cs_run_writer_begin(&w, CS_RUN_TEXT, &whole, &run);
    run.items = &one;
    run.n = 1;
    cs_run_writer_article(&w, &run, &one);
    cs_run_writer_end(&w, &run);
    cs_run_writer_free(&w);
    ok(out.len > 0 && out.len == whole.len && memcmp(out.data, whole.data, out.len) == 0,
       "the report is the one written here");
    cs_document_free(&one.doc);
    cs_result_free(&one.res);
    cs_buf_free(&out);
    cs_buf_free(&whole);

    cs_gate_close(&gate);
    cs_session_close(&ses);
    scratch_remove(dir);
    return done_testing();
}
