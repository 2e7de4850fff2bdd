/* test_gate.c - the gates of a run (gate.h): the threshold in force (the
 * caller's fail_under over the configuration's), an unknown --max marker
 * refused, judging a result (threshold, unsourced, a marker limit, which
 * findings a limit counts), and settling an article against a baseline:
 * the accepted finding suppressed and merged out, a known article with
 * nothing new untouched and never failing, a new finding failing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document_load.h"
#include "gate.h"
#include "merge.h"
#include "tap.h"
#include "test_finding.h"

static cs_config cfg;

/* A finding of marker on the first occurrence of words in passage p. */
static void add(cs_result *r, const cs_document *doc, size_t p, const char *marker,
                const char *words, double weight)
{
    const char *text = cs_doc_text(doc, &doc->passages[p]);
    const char *at = strstr(text, words);
    size_t start = at ? (size_t)(at - text) : 0;
    cs_finding f = test_finding(&cfg, marker, p, start, start + strlen(words), weight);
    cs_result_add(r, &f);
}

int main(void)
{
    cs_diag d;
    cs_gate g;
    char why[160];
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");

    /* the threshold in force */
    cs_gate_opts o = {0};
    is_int(cs_gate_open(&g, &cfg, &o, &d), 0, "no options: opens");
    is_int(g.has_threshold, cfg.has_threshold, "no fail_under: the config's threshold");
    ok(!cs_gate_narrows(&g), "no baseline, no diff base: nothing narrowed");
    is_str(g.unchanged, "unchanged since ", "the unchanged reason without a diff base");
    cs_gate_close(&g);
    o.has_fail_under = 1;
    o.fail_under = 65;
    cs_gate_open(&g, &cfg, &o, &d);
    ok(g.has_threshold && g.threshold == 65, "fail_under replaces the config's threshold");
    cs_gate_close(&g);

    /* an unknown marker */
    cs_gate_max bad[] = {{"vague", 1}, {"vauge", 2}};
    o = (cs_gate_opts){.maxes = bad, .nmax = 2};
    is_int(cs_gate_open(&g, &cfg, &o, &d), -1, "an unknown --max marker: -1");
    is_str(d.msg, "--max: unknown marker 'vauge'", "... naming it");
    cs_gate_close(&g);

    /* judging */
    const char *text = "Critics said it was late.\n\nOthers said it was early.\n\n"
                       "Mayor Ana Ruiz said it opens on Monday.\n";
    cs_document doc;
    ok(cs_document_load_memory(&doc, "a.md", text, strlen(text), CS_FORMAT_MARKDOWN, &d) == 0,
       "article loads");
    cs_result r;
    cs_result_init(&r);
    add(&r, &doc, 0, "vague", "Critics said", -5);
    add(&r, &doc, 1, "vague", "Others said", -5);
    add(&r, &doc, 2, "on_record", "Mayor Ana Ruiz said", 8);
    is_int(cs_merge(&cfg, doc.npassages, &r), 0, "merged");
    cs_gate_max one_vague[] = {{"vague", 1}};
    o = (cs_gate_opts){.has_fail_under = 1, .fail_under = 0, .maxes = one_vague, .nmax = 1};
    cs_gate_open(&g, &cfg, &o, &d);
    why[0] = '\0';
    is_int(cs_gate_judge(&g, &r, why, sizeof why), CS_FAIL_MAX, "two vague findings, --max 1");
    is_str(why, "2 vague findings, more than --max vague=1", "... says why");
    r.findings[1].suppress_reason = "cleared";
    is_int(cs_gate_judge(&g, &r, why, sizeof why), 0, "a suppressed finding is not counted");
    r.findings[1].suppress_reason = NULL;
    r.findings[1].note = CS_NOTE_DUPLICATE;
    is_int(cs_gate_judge(&g, &r, why, sizeof why), 0, "nor is a duplicate");
    r.findings[1].note = CS_NOTE_NONE;
    cs_gate_close(&g);
    o = (cs_gate_opts){.has_fail_under = 1, .fail_under = r.score + 1};
    cs_gate_open(&g, &cfg, &o, &d);
    why[0] = '\0';
    is_int(cs_gate_judge(&g, &r, why, sizeof why), CS_FAIL_THRESHOLD, "below fail_under");
    is_str(why, "", "... the threshold needs no words");
    cs_gate_close(&g);
    o.fail_under = r.score;
    cs_gate_open(&g, &cfg, &o, &d);
    is_int(cs_gate_judge(&g, &r, why, sizeof why), 0, "at fail_under: passes");
    cs_gate_close(&g);
    cs_result none;
    cs_result_init(&none);
    cs_merge(&cfg, doc.npassages, &none);
    cfg.unsourced_fails = 1;
    o = (cs_gate_opts){0};
    cs_gate_open(&g, &cfg, &o, &d);
    is_int(cs_gate_judge(&g, &none, why, sizeof why), CS_FAIL_UNSOURCED,
           "nothing to judge, scoring.unsourced fail");
    is_str(why, "no sourcing to judge, and scoring.unsourced is fail", "... says why");
    cs_gate_close(&g);
    cfg.unsourced_fails = 0;
    cs_result_free(&none);

    /* settling against a baseline that holds the first vague finding */
    char file[] = "/tmp/cs-gate.XXXXXX";
    int fd = mkstemp(file);
    ok(fd >= 0, "scratch file");
    close(fd);
    cs_buf b = {0};
    int first = 1, afirst = 1;
    size_t count = 0;
    cs_result one;
    cs_result_init(&one);
    add(&one, &doc, 0, "vague", "Critics said", -5);
    cs_merge(&cfg, doc.npassages, &one);
    cs_buf_puts(&b, "{\"schema\": \"credscore-baseline\", \"version\": 1, \"articles\": [");
    cs_baseline_write_path(&b, "a.md", &afirst);
    cs_buf_puts(&b, "], \"findings\": [");
    cs_baseline_write_article(&b, &doc, &one, &cfg, &first, &count);
    cs_buf_puts(&b, "]}\n");
    FILE *f = fopen(file, "w");
    if (f) {
        fwrite(b.data, 1, b.len, f);
        fclose(f);
    }
    o = (cs_gate_opts){.has_fail_under = 1, .fail_under = 100, .baseline = file};
    is_int(cs_gate_open(&g, &cfg, &o, &d), 0, "with a baseline: opens");
    ok(cs_gate_narrows(&g), "a baseline narrows");
    cs_scored sc;
    memset(&sc, 0, sizeof sc);
    sc.doc = doc;
    sc.res = one; /* the article as baselined: nothing new */
    double whole = one.score;
    is_int(cs_gate_settle(&g, &sc, &d), 0, "settled");
    ok(sc.narrowed && sc.untouched && sc.below == 0, "nothing new: untouched, not failed");
    ok(sc.res.findings[0].suppress_reason == cs_baseline_reason, "the finding is in the baseline");
    is_int((int)sc.old, 1, "one old finding");
    ok(sc.whole_score == whole, "the real score kept beside");
    one = sc.res;
    memset(&sc, 0, sizeof sc);
    sc.doc = doc;
    sc.res = r; /* a new vague finding and a named source beside the old one */
    is_int(cs_gate_settle(&g, &sc, &d), 0, "settled again");
    ok(!sc.untouched && sc.fresh == 2 && sc.old == 1, "two new findings, one old");
    is_int(sc.below, CS_FAIL_THRESHOLD, "below 100: fails");
    r = sc.res;
    cs_gate_close(&g);
    unlink(file);
    o = (cs_gate_opts){.baseline = file};
    is_int(cs_gate_open(&g, &cfg, &o, &d), -1, "a missing baseline file: -1");
    ok(strncmp(d.msg, file, strlen(file)) == 0, "... naming it: %s", d.msg);

    cs_buf_free(&b);
    cs_result_free(&one);
    cs_result_free(&r);
    cs_document_free(&doc);
    cs_config_free(&cfg);
    return done_testing();
}
