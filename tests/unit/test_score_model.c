/* test_score_model.c - the score model of merge.h: the share formula,
 * one claim per source, the unsourced verdict and gate, and its
 * properties (repeat, monotone, proportion) on findings placed in a
 * document. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "document_load.h"
#include "merge.h"
#include "tap.h"
#include "test_finding.h"

/* A finding of marker on the words `words` of passage p of doc. */
static void add(const cs_config *cfg, cs_result *r, const cs_document *doc, size_t p,
                const char *marker, const char *words, double weight)
{
    const char *text = doc->text.data + doc->passages[p].text_off;
    const char *at = strstr(text, words);
    size_t start = at ? (size_t)(at - text) : 0;
    cs_finding f = test_finding(cfg, marker, p, start, start + strlen(words), weight);
    cs_result_add(r, &f);
}

static int load(cs_document *doc, const char *text)
{
    cs_diag d;
    return cs_document_load_memory(doc, "t", text, strlen(text), CS_FORMAT_TEXT, &d);
}

int main(void)
{
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    cs_result r;
    cs_result_init(&r);
    cs_document doc;

    /* The formula: two whole good claims and one whole weak one. */
    load(&doc, "Mayor Ana Kerrigan said the quay opens.\n\nEngineer Lotte Hadley said it is safe.\n\n"
               "Officials said the budget ran out.\n");
    add(&cfg, &r, &doc, 0, "on_record", "Mayor Ana Kerrigan said", 6);
    add(&cfg, &r, &doc, 1, "on_record", "Engineer Lotte Hadley said", 6);
    add(&cfg, &r, &doc, 2, "anonymous", "Officials said", -8);
    ok(cs_merge_document(&cfg, &doc, &r) == 0, "merge runs");
    is_int((int)r.score, 67, "2 good claims, 1 weak: 100 x 2/3 = 67");
    ok(r.good == 2 && r.weak == 1 && r.sources == 3, "claims: good 2, weak 1, three sources");
    ok(fabs(r.raw_points - (r.score - r.base)) < 1e-9, "summary points = score - base");
    ok(r.score == floor(r.score), "the score is a whole number");
    is_str(r.verdict, "adequately sourced", "its band");
    ok(r.passages[2].score == 0 && r.passages[0].score == 100,
       "passage scores: the same formula over each passage");
    cs_result_reset(&r);

    /* Partial claims: an outlet credit (+1) is a quarter of a good claim, an
     * explained anonymous source (-4) two thirds of a weak one. */
    add(&cfg, &r, &doc, 0, "media", "Mayor Ana Kerrigan said", 1);
    add(&cfg, &r, &doc, 2, "anonymous", "Officials said", -4);
    cs_merge_document(&cfg, &doc, &r);
    ok(fabs(r.good - 0.25) < 1e-9 && fabs(r.weak - 4.0 / 6) < 1e-9,
       "claim strength = min(1, points / 4) good, min(1, -points / 6) weak");
    is_int((int)r.score, 27, "0.25 / (0.25 + 0.667) = 27");
    cs_result_reset(&r);
    cs_document_free(&doc);

    /* One source, one charge: the same claim repeated (the article twice)
     * counts once; two findings of one marker in one sentence are one claim. */
    load(&doc, "\"It is safe,\" said Mayor Ana Kerrigan.\n\nOfficials said the budget ran out.\n\n"
               "\"It is safe,\" said Mayor Ana Kerrigan.\n\nOfficials said the budget ran out.\n");
    add(&cfg, &r, &doc, 0, "on_record", "\"It is safe,\"", 4);
    add(&cfg, &r, &doc, 0, "on_record", "said Mayor Ana Kerrigan", 6);
    add(&cfg, &r, &doc, 1, "anonymous", "Officials said", -8);
    add(&cfg, &r, &doc, 2, "on_record", "said Mayor Ana Kerrigan", 6);
    add(&cfg, &r, &doc, 3, "anonymous", "Officials said", -8);
    cs_merge_document(&cfg, &doc, &r);
    ok(r.sources == 2 && r.good == 1 && r.weak == 1, "a repeated claim counts once");
    is_int((int)r.score, 50, "one good and one weak claim: 50");
    int counted = 0;
    for (size_t i = 0; i < r.nfindings; i++)
        counted += r.findings[i].claim != 0;
    is_int(counted, 2, "only the first finding of each source carries a claim");
    /* merging again without the document keeps the sources */
    cs_merge(&cfg, doc.npassages, &r);
    ok(r.sources == 2 && r.score == 50, "merging again (after suppressions) keeps the sources");
    cs_result_reset(&r);
    cs_document_free(&doc);

    /* No attribution at all: base, its own verdict, the gate as configured. */
    load(&doc, "The quay opened in 1902.\n");
    cs_merge_document(&cfg, &doc, &r);
    ok(r.unsourced && r.score == 50, "no attributions: unsourced, score = base");
    is_str(r.verdict, CS_VERDICT_UNSOURCED, "verdict: no sourcing to judge");
    ok(!cs_merge_fails(&cfg, &r, 1, 90), "scoring.unsourced: pass (default) passes any threshold");
    cfg.unsourced_fails = 1;
    ok(cs_merge_fails(&cfg, &r, 1, 10), "scoring.unsourced: fail fails");
    cfg.unsourced_fails = 0;
    cs_result_reset(&r);
    cs_document_free(&doc);

    /* Properties on random articles of named / anonymous sentences. */
    static const char *const named[] = {"Mayor Ana Kerrigan said", "Engineer Lotte Hadley said",
                                        "Treasurer Mina Castell said"};
    static const char *const anon[] = {"Officials said", "A source said", "Critics say"};
    unsigned seed = 15;
    int mono = 1, twice = 1, prop = 1;
    cs_buf art = {0};
    for (int t = 0; t < 300; t++) {
        int n = 2 + (int)(rand_r(&seed) % 40);
        int kind[64];
        double s[3];
        for (int k = 0; k < n; k++)
            kind[k] = (int)(rand_r(&seed) % 2);
        int flip = (int)(rand_r(&seed) % (unsigned)n);
        for (int v = 0; v < 3; v++) { /* as is, one sentence flipped, twice */
            art.len = 0;
            cs_buf_terminate(&art);
            int reps = v == 2 ? 2 : 1;
            for (int rep = 0; rep < reps; rep++)
                for (int k = 0; k < n; k++) {
                    int named_k = v == 1 && k == flip ? !kind[k] : kind[k];
                    cs_buf_printf(&art, "%s the item %d moved.\n\n",
                                  named_k ? named[k % 3] : anon[k % 3], k);
                }
            load(&doc, art.data);
            for (size_t p = 0; p < doc.npassages; p++) {
                int k = (int)(p % (size_t)n);
                int named_k = v == 1 && k == flip ? !kind[k] : kind[k];
                add(&cfg, &r, &doc, p, named_k ? "on_record" : "anonymous",
                    named_k ? named[k % 3] : anon[k % 3], named_k ? 6 : -8);
            }
            cs_merge_document(&cfg, &doc, &r);
            s[v] = r.score;
            int good = 0;
            for (int k = 0; k < n; k++)
                good += kind[k];
            if (v == 0 && n >= 5 && good * 5 >= n * 4 && r.score < 70)
                prop = 0;
            if (v == 0 && n >= 5 && good * 5 <= n && r.score >= 35)
                prop = 0;
            cs_result_reset(&r);
            cs_document_free(&doc);
        }
        if (kind[flip] == 0 ? s[1] < s[0] : s[1] > s[0])
            mono = 0;
        if (fabs(s[2] - s[0]) > 2)
            twice = 0;
    }
    ok(mono, "monotone: anonymous made named never lowers the score, the reverse never raises it");
    ok(twice, "length-fair: an article twice scores within 2 of the article");
    ok(prop, ">= 80%% named: well sourced; <= 20%% named: poorly sourced");
    cs_buf_free(&art);
    cs_result_free(&r);
    cs_config_free(&cfg);
    return done_testing();
}
