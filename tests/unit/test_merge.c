/* test_merge.c - the merge function: caps, one-shot, duplicates, clamping,
 * and the properties over whole articles (monotonicity, determinism). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document_load.h"
#include "merge.h"
#include "report.h"
#include "scorer.h"
#include "splitmix.h"
#include "tap.h"
#include "test_finding.h"

static cs_finding mk(const cs_config *cfg, const char *marker, size_t passage, size_t start,
                     size_t end, double weight)
{
    return test_finding(cfg, marker, passage, start, end, weight);
}

static void unit_checks(void)
{
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    int anon = cs_config_marker_index(&cfg, "anonymous");
    int hedged = cs_config_marker_index(&cfg, "hedged");
    int named = cs_config_marker_index(&cfg, "on_record");
    ok(anon >= 0 && hedged >= 0 && named >= 0, "the headline markers exist");
    /* Known caps for the checks below. */
    cfg.base = 50;
    cfg.markers[anon].passage_cap = 12;
    cfg.markers[anon].cap = 20;
    cfg.markers[anon].one_shot = 0;
    cfg.markers[hedged].one_shot = 1;
    cfg.markers[hedged].passage_cap = 0;
    cfg.markers[hedged].cap = 0;

    cs_result r;
    cs_result_init(&r);
    cs_finding f;
    f = mk(&cfg, "anonymous", 0, 0, 10, -8);
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 20, 30, -8); /* hits the passage cap: -4 */
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 5, 12, -6); /* overlaps the first: duplicate */
    cs_result_add(&r, &f);
    f = mk(&cfg, "hedged", 0, 40, 50, -3);
    cs_result_add(&r, &f);
    f = mk(&cfg, "hedged", 0, 60, 70, -2); /* one-shot: 0 */
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 1, 0, 5, -8);
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 1, 10, 15, -8); /* article cap 20 stops the marker at -20 */
    cs_result_add(&r, &f);
    ok(cs_merge(&cfg, 2, &r) == 0, "merge runs");
    is_int(r.nfindings, 7, "all findings kept in the result");
    /* Sorted by passage, start: p0 [0,10) [5,12) [20,30) [40,50) [60,70), p1 [0,5) [10,15) */
    is_int((int)r.findings[0].points, -8, "first anonymous counts in full");
    is_int(r.findings[1].note, CS_NOTE_DUPLICATE, "overlapping finding of the same marker is a duplicate");
    is_int((int)r.findings[1].points, 0, "a duplicate counts 0");
    is_int(r.findings[1].dup_of, 0, "and names what it duplicates");
    is_int((int)r.findings[2].points, -4, "passage cap cuts the second anonymous to -4");
    is_int(r.findings[2].note, CS_NOTE_PASSAGE_CAP, "with a passage-cap note");
    is_int((int)r.findings[3].points, -3, "strongest hedge counts");
    is_int(r.findings[4].note, CS_NOTE_ONE_SHOT, "second hedge in a passage is one-shot");
    ok(fabs(r.passages[0].points - (-15)) < 1e-9, "passage 0 points = -8 -4 -3");
    /* passage 0: two anonymous sources and a hedge, nothing good: 0 */
    ok(fabs(r.passages[0].score - 0) < 1e-9, "passage 0 score: no good source, 0");
    ok(fabs(r.markers[anon].raw - (-24)) < 1e-9, "anonymous raw over the article = -12 -12 (passage caps)");
    ok(fabs(r.markers[anon].points - (-20)) < 1e-9 && r.markers[anon].capped,
       "article cap holds anonymous at -20");
    ok(fabs(r.score - 0) < 1e-9 && !r.unsourced, "article: only weak sources scores 0");
    ok(r.verdict != NULL, "a verdict is given");

    /* Clamping at 0 and 100. */
    cs_result_reset(&r);
    cfg.markers[anon].cap = 0;
    cfg.markers[anon].passage_cap = 0;
    for (size_t p = 0; p < 20; p++) {
        f = mk(&cfg, "anonymous", p, 0, 4, -8);
        cs_result_add(&r, &f);
    }
    cs_merge(&cfg, 20, &r);
    ok(r.score == 0, "score never goes below 0");
    cs_result_reset(&r);
    cfg.markers[named].cap = 0;
    cfg.markers[named].passage_cap = 0;
    for (size_t p = 0; p < 20; p++) {
        f = mk(&cfg, "on_record", p, 0, 4, 6);
        cs_result_add(&r, &f);
    }
    cs_merge(&cfg, 20, &r);
    ok(r.score == 100, "score never goes above 100");

    /* Suppressed findings stay listed but count 0. */
    cs_result_reset(&r);
    f = mk(&cfg, "anonymous", 0, 0, 4, -8);
    f.suppress_reason = "cleared by the standards desk";
    cs_result_add(&r, &f);
    cs_merge(&cfg, 1, &r);
    ok(r.findings[0].note == CS_NOTE_SUPPRESSED && r.findings[0].points == 0 && r.score == 50,
       "a suppressed finding leaves the score");

    /* A cluster of overlapping spans: the strongest counts, what overlaps
     * it is its duplicate, a finding overlapping only a duplicate counts,
     * and a suppressed finding (the strongest) makes no duplicates. */
    cs_result_reset(&r);
    f = mk(&cfg, "anonymous", 0, 5, 15, -6); /* overlaps [0,10): duplicate of it */
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 12, 20, -7); /* overlaps only [5,15): counts */
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 0, 20, -10);
    f.suppress_reason = "checked";
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 0, 10, -8);
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 14, 18, -7); /* ties [12,20) in strength, added later */
    cs_result_add(&r, &f);
    f = mk(&cfg, "anonymous", 0, 30, 40, -1); /* a cluster of its own */
    cs_result_add(&r, &f);
    ok(cs_merge(&cfg, 1, &r) == 0, "cluster: merge runs");
    /* Sorted: [0,10) [0,20) [5,15) [12,20) [14,18) [30,40) */
    is_int(r.findings[0].note, CS_NOTE_NONE, "cluster: the strongest counted one counts");
    is_int(r.findings[1].note, CS_NOTE_SUPPRESSED, "cluster: the suppressed one stays suppressed");
    is_int(r.findings[2].note, CS_NOTE_DUPLICATE, "cluster: overlapping the strongest: duplicate");
    is_int(r.findings[2].dup_of, 0, "cluster: ... of the strongest");
    is_int(r.findings[3].note, CS_NOTE_NONE, "cluster: overlapping only a duplicate: counts");
    is_int(r.findings[4].note, CS_NOTE_DUPLICATE, "cluster: equal strength, added later: duplicate");
    is_int(r.findings[4].dup_of, 3, "cluster: ... of the one added first");
    is_int(r.findings[5].note, CS_NOTE_NONE, "cluster: a separate span counts");
    is_int(r.findings[1].dup_of, 0, "cluster: dup_of is 0 when not a duplicate");
    is_int(r.findings[3].dup_of, 0, "cluster: dup_of is 0 for a counted finding");
    cs_result_free(&r);
    cs_config_free(&cfg);
}

/* The order findings come out in: by passage, start, end, marker, rule,
 * source and message, and findings equal in all of these in the order
 * they were added (the merge's short arrays are insertion-sorted, its
 * long ones go to qsort). */
static void order_checks(void)
{
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "order: built-in config loads");
    for (size_t n = 3; n <= 300; n = n * 10) { /* 3, 30, 300: short and long */
        cs_result r;
        cs_result_init(&r);
        /* n distinct spans added back to front, each followed by a twin
         * of the same place that differs only in its weight */
        for (size_t k = n; k-- > 0;) {
            cs_finding f = mk(&cfg, "anonymous", k % 3, 10 * k, 10 * k + 5, -1.0 - (double)k);
            cs_result_add(&r, &f);
            f.weight = -0.5 - (double)k;
            cs_result_add(&r, &f);
        }
        ok(cs_merge(&cfg, 3, &r) == 0, "order: merge of %zu spans runs", n);
        size_t bad = 0;
        for (size_t i = 0; i < r.nfindings; i++) {
            const cs_finding *f = &r.findings[i];
            const cs_finding *prev = i ? &r.findings[i - 1] : NULL;
            if (prev && (prev->passage > f->passage ||
                         (prev->passage == f->passage && prev->start > f->start)))
                bad++;
            if (i % 2 == 1 && (prev->start != f->start || f->weight != prev->weight + 0.5))
                bad++; /* the twin added second stays second */
        }
        is_int(bad, 0, "order: %zu spans sorted, twins in the order added", n);
        cs_result_free(&r);
    }
    cs_config_free(&cfg);
}

/* ---- properties over whole articles, with the bundled rules and plugins ---- */

static const char *const neutral[] = {
    "The bridge over the Tamsel river opened in 1962.",
    "Traffic was diverted through the old town for most of the day.",
    "Officials said the repairs would take a month.",
    "Critics say the contract was rushed, a claim that could not be verified.",
    "Mayor Lena Ortiz said the bridge would reopen on Friday.",
    "The works reportedly cost twice the estimate.",
    "\"We are doing what we can,\" she said.",
    "The transport ministry said in a statement that inspections were complete.",
};
static const char *const anonymous_passages[] = {
    "A source familiar with the inspection said cracks were found in two piers.",
    "Officials said the budget had been exhausted.",
    "According to people briefed on the plan, the tender will be cancelled.",
};
static const char *const named_passages[] = {
    "Chief engineer Tomas Brandt said the piers were sound.",
    "\"The bridge is safe,\" Deputy Mayor Ines Kowal told reporters on Tuesday.",
    "Brandt added that the inspection report would be published.",
};

/* Scores `text` (plain text) into `r` and returns its score, or -1 after
 * printing why it could not be scored (the callers count that as a failure). */
static double score_text(cs_scorer *s, const char *text, cs_result *r, cs_buf *json)
{
    cs_document doc;
    cs_diag d;
    double score = -1;
    if (cs_document_load_memory(&doc, "prop", text, strlen(text), CS_FORMAT_TEXT, &d) == 0 &&
        cs_scorer_score(s, &doc, r, &d) == 0) {
        score = r->score;
        if (json) {
            cs_json j;
            cs_json_init(&j, json, 0);
            cs_report_json_article(&j, &doc, r, cs_scorer_config(s), "prop", NULL);
        }
    } else {
        printf("# scoring failed: %s\n", d.msg);
    }
    cs_document_free(&doc);
    return score;
}

static void property_checks(void)
{
    cs_config cfg;
    cs_diag d;
    cs_config_default(&cfg, &d);
    const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
    char plugdir[512];
    snprintf(plugdir, sizeof plugdir, "%s/plugins", build);
    const char *dirs[] = {plugdir};
    const char *rules[] = {"rules"};
    cs_scorer_opts o = {0};
    o.rule_files = rules;
    o.nrule_files = 1;
    o.plugin_dirs = dirs;
    o.nplugin_dirs = 1;
    o.log = NULL;
    cs_scorer *s = NULL;
    if (!ok(cs_scorer_new(&s, &cfg, &o, &d) == 0, "scorer with the bundled rules and plugins")) {
        printf("# %s\n", d.msg);
        cs_config_free(&cfg);
        return;
    }
    cs_result r;
    cs_result_init(&r);
    unsigned seed = 12345;
    int raise_anon = 0, lower_named = 0, nondet = 0, trials = 0, failed = 0;
    int anon_lowered = 0, named_raised = 0;
    cs_buf art = {0}, more = {0}, j1 = {0}, j2 = {0};
    for (int t = 0; t < 200; t++) {
        art.len = 0;
        cs_buf_terminate(&art);
        int n = 1 + (int)(rand_r(&seed) % 6);
        for (int k = 0; k < n; k++)
            cs_buf_printf(&art, "%s\n\n", neutral[rand_r(&seed) % 8]);
        double base = score_text(s, art.data, &r, NULL);
        if (base < 0)
            failed++;
        for (int which = 0; which < 2; which++) {
            more.len = 0;
            cs_buf_append(&more, art.data, art.len);
            const char *extra = which == 0 ? anonymous_passages[rand_r(&seed) % 3]
                                           : named_passages[rand_r(&seed) % 3];
            cs_buf_printf(&more, "%s\n", extra);
            double after = score_text(s, more.data, &r, NULL);
            if (after < 0)
                failed++;
            if (which == 0 && after > base + 1e-9)
                raise_anon++;
            if (which == 0 && after < base - 1e-9)
                anon_lowered++;
            if (which == 1 && after < base - 1e-9)
                lower_named++;
            if (which == 1 && after > base + 1e-9)
                named_raised++;
        }
        j1.len = j2.len = 0;
        if (score_text(s, art.data, &r, &j1) < 0 || score_text(s, art.data, &r, &j2) < 0)
            failed++;
        if (j1.len == 0 || j1.len != j2.len || memcmp(j1.data, j2.data, j1.len) != 0)
            nondet++;
        trials++;
    }
    /* Every article must have been scored, or the properties below hold for
     * nothing: a scorer that fails on every input would pass them all. */
    is_int(failed, 0, "every one of the %d articles and their variants was scored", trials);
    ok(anon_lowered > trials / 2, "adding an anonymous passage lowered the score in most articles "
                                  "(%d of %d)", anon_lowered, trials);
    ok(named_raised > trials / 2, "adding a named on-record passage raised the score in most "
                                  "articles (%d of %d)", named_raised, trials);
    is_int(raise_anon, 0, "adding an anonymous passage never raised the score (%d articles)", trials);
    is_int(lower_named, 0, "adding a named on-record passage never lowered the score (%d articles)",
           trials);
    is_int(nondet, 0, "the same input gave byte-identical JSON every time");
    cs_buf_free(&art);
    cs_buf_free(&more);
    cs_buf_free(&j1);
    cs_buf_free(&j2);
    cs_result_free(&r);
    cs_scorer_free(s);
    cs_config_free(&cfg);
}

/* ---- source keys: the words of the finding's sentence ----
 * The reference below is the merge's word hash spelled out byte by byte
 * (fnv1a of each word's first 64 bytes, ASCII lower-cased, filler words
 * left out, the hashes summed, then the marker): the keys decide the
 * order in which an article's claims are added up, so a faster hash must
 * give these same values, or the last printed digit of "good" and "weak"
 * moves in some articles. */

static uint64_t ref_fnv1a(const unsigned char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static int ref_word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *const filler[] = {
    "a", "an", "the", "that", "to", "of", "in", "on", "by", "with", "and", "is", "was",
    "are", "were", "has", "have", "had", "said", "says", "say", "saying", "told", "tells",
    "tell", "according", "added", "adds", "reported", "reports", "reporting", "claimed",
    "claims", "stated", "states", "wrote", "writes", "argue", "argues", "argued",
    "believe", "believes", "believed", "noted", "notes"};
#define NFILLER (sizeof filler / sizeof filler[0])

static uint64_t ref_source_key(int marker, const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    uint64_t sum = 0;
    for (size_t i = 0; i < len;) {
        if (!ref_word_byte(t[i])) {
            i++;
            continue;
        }
        unsigned char word[64];
        size_t n = 0;
        for (; i < len && ref_word_byte(t[i]); i++)
            if (n < sizeof word)
                word[n++] = t[i] >= 'A' && t[i] <= 'Z' ? (unsigned char)(t[i] + 32) : t[i];
        uint64_t h = ref_fnv1a(word, n, 14695981039346656037ull);
        int is_filler = 0;
        for (size_t k = 0; k < NFILLER; k++)
            is_filler |= h == ref_fnv1a((const unsigned char *)filler[k], strlen(filler[k]),
                                        14695981039346656037ull);
        if (!is_filler)
            sum += h;
    }
    uint64_t key = ref_fnv1a((const unsigned char *)&marker, sizeof marker, sum ^ 0x9e3779b97f4a7c15ull);
    return key ? key : 1;
}

/* Random sentences (no terminator, so a passage is one sentence) of words
 * of every length up to past 64 bytes, in any letter case, with digits,
 * UTF-8 letters and quotes, filler words and runs of punctuation, from
 * one byte long: each finding's source key is the reference's. */
static void source_key_checks(void)
{
    static const char *const pieces[] = {
        "The", "SAID", "according", "Reporting", "to", "a", "Minister", "x", "42", "3rd",
        "caf\xc3\xa9", "na\xc3\xafve", "\xe2\x80\x9cquoted\xe2\x80\x9d", "\xc3\x89LAN", "Q",
        "ABCDEFG", "abcdefgh", "AbCdEfGhI", "don't", "e-mail", "(aside)", ",", ";", "--",
        "x\xe2\x80\x94y"};
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    cs_result r;
    cs_result_init(&r);
    cs_buf text = {0};
    uint64_t seed = 7;
    int same = 1, checked = 0;
    for (int round = 0; round < 3000 && same; round++) {
        text.len = 0;
        int words = 1 + (int)(splitmix64_next(&seed) % 24);
        for (int w = 0; w < words; w++) {
            uint64_t pick = splitmix64_next(&seed);
            if (w > 0 && pick % 5 != 0)
                cs_buf_putc(&text, ' ');
            if (pick % 7 == 0) { /* a long word: 1 to 80 letters */
                size_t n = 1 + (size_t)(pick >> 8) % 80;
                for (size_t k = 0; k < n; k++)
                    cs_buf_putc(&text, (char)((k + (pick >> 16)) % 3 == 0 ? 'A' + (int)(k % 26)
                                                                          : 'a' + (int)(k % 26)));
            } else {
                cs_buf_puts(&text, pieces[(pick >> 8) % (sizeof pieces / sizeof pieces[0])]);
            }
        }
        cs_document doc;
        if (cs_document_load_memory(&doc, "t", text.data, text.len, CS_FORMAT_TEXT, &d) != 0 ||
            doc.npassages != 1 || doc.passages[0].nsent != 1) {
            cs_document_free(&doc);
            continue; /* blank, or split: not the case this looks at */
        }
        const cs_passage *p = &doc.passages[0];
        const credscore_span *sent = &doc.sentences[p->sent_first];
        cs_finding f = mk(&cfg, round % 2 ? "anonymous" : "on_record", 0, sent->start,
                          sent->end, round % 2 ? -8 : 6);
        cs_result_add(&r, &f);
        cs_merge_document(&cfg, &doc, &r);
        uint64_t want = ref_source_key(f.marker, doc.text.data + p->text_off + sent->start,
                                       sent->end - sent->start);
        if (r.findings[0].source_key != want) {
            same = 0;
            printf("# source key differs on \"%s\"\n", doc.text.data + p->text_off);
        }
        checked++;
        cs_result_reset(&r);
        cs_document_free(&doc);
    }
    ok(same && checked > 2000, "source keys: the byte-by-byte word hash, on %d random sentences",
       checked);
    cs_buf_free(&text);
    cs_result_free(&r);
    cs_config_free(&cfg);
}

/* The source key the merge gives a finding over the whole of text, a
 * single sentence (0 when the text does not load as one); *want gets the
 * reference's key of the same bytes. */
static uint64_t sentence_key(const cs_config *cfg, cs_result *r, const char *text, uint64_t *want)
{
    cs_diag d;
    cs_document doc;
    uint64_t key = 0;
    *want = 1;
    if (cs_document_load_memory(&doc, "t", text, strlen(text), CS_FORMAT_TEXT, &d) == 0 &&
        doc.npassages == 1 && doc.passages[0].nsent == 1) {
        const cs_passage *p = &doc.passages[0];
        const credscore_span *sent = &doc.sentences[p->sent_first];
        cs_finding f = mk(cfg, "anonymous", 0, sent->start, sent->end, -8);
        cs_result_add(r, &f);
        if (cs_merge_document(cfg, &doc, r) == 0)
            key = r->findings[0].source_key;
        *want = ref_source_key(f.marker, doc.text.data + p->text_off + sent->start,
                               sent->end - sent->start);
        cs_result_reset(r);
    }
    cs_document_free(&doc);
    return key;
}

/* The word walk's edges, each checked against the reference: words of 1
 * to 72 bytes (64 exactly: all hashed; 65 and up: the first 64) after 0
 * to 17 bytes of lead-in, so that every word start and end meets every
 * position of the eight- and sixteen-byte steps; bytes from 0x80 inside
 * words at those positions; a filler as the text's last word, ending at
 * each position; one, two, three, four and five words. */
static void word_edge_checks(void)
{
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    cs_result r;
    cs_result_init(&r);
    char text[256];
    uint64_t key, want;
    int bad = 0, n = 0;
    for (size_t lead = 0; lead <= 17; lead++) {
        for (size_t len = 1; len <= 72; len++) {
            /* lead-in "Q, ", then the long word, then "Zed": three words */
            size_t k = 0;
            text[k++] = 'Q';
            for (size_t j = 0; j < lead; j++)
                text[k++] = j % 2 ? ',' : ' ';
            text[k++] = ' ';
            for (size_t j = 0; j < len; j++)
                text[k++] = (char)(j % 5 == 3 ? 'A' + (int)(j % 26) : 'a' + (int)(j % 26));
            strcpy(text + k, " Zed");
            key = sentence_key(&cfg, &r, text, &want);
            n++;
            if (key == 0 || key != want) {
                bad = 1;
                printf("# word of %zu bytes after %zu: key differs on \"%s\"\n", len, lead, text);
            }
        }
    }
    ok(!bad && n == 18 * 72, "a word of 1 to 72 bytes at every step position: the reference's key");

    /* 64 bytes hash as they are, from 65 on only the first 64 count */
    char w64[80], w65[80], w70[80];
    for (size_t j = 0; j < 70; j++)
        w70[j] = (char)('a' + (int)(j % 26));
    memcpy(w64, w70, 64);
    w64[64] = '\0';
    memcpy(w65, w70, 65);
    w65[65] = '\0';
    w70[70] = '\0';
    uint64_t k64, k65, k70, k63;
    snprintf(text, sizeof text, "Tom %s", w64);
    k64 = sentence_key(&cfg, &r, text, &want);
    ok(k64 != 0 && k64 == want, "a word of exactly 64 bytes: the reference's key");
    snprintf(text, sizeof text, "Tom %s", w65);
    k65 = sentence_key(&cfg, &r, text, &want);
    ok(k65 != 0 && k65 == want && k65 == k64, "a word of 65 bytes: its first 64 make its hash");
    snprintf(text, sizeof text, "Tom %s", w70);
    k70 = sentence_key(&cfg, &r, text, &want);
    ok(k70 == want && k70 == k64, "a word of 70 bytes: its first 64 make its hash");
    w64[63] = '\0';
    snprintf(text, sizeof text, "Tom %s", w64);
    k63 = sentence_key(&cfg, &r, text, &want);
    ok(k63 == want && k63 != k64, "a word of 63 bytes hashes all 63");

    /* bytes from 0x80 up inside words, at every position */
    bad = 0;
    for (size_t lead = 0; lead <= 17; lead++) {
        snprintf(text, sizeof text, "%.*sMar\xc3\xad" "a na\xc3\xafve caf\xc3\xa9 \xe2\x80\x9cZo\xc3\xab\xe2\x80\x9d",
                 (int)lead, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        key = sentence_key(&cfg, &r, text, &want);
        if (key == 0 || key != want) {
            bad = 1;
            printf("# key differs on \"%s\"\n", text);
        }
    }
    ok(!bad, "bytes from 0x80 up inside words: the reference's key");
    uint64_t ka = sentence_key(&cfg, &r, "Jos\xc3\xa9 Ram\xc3\xadrez", &want);
    uint64_t kb = sentence_key(&cfg, &r, "Jose Ramirez", &want);
    ok(ka != kb, "a byte from 0x80 up is part of its word");

    /* every byte value inside a word, both in the first sixteen bytes and
     * in the last few (the merge reads those two parts differently) */
    bad = 0;
    int tried = 0;
    for (int c = 1; c < 256; c++) {
        /* c, inside a valid UTF-8 sequence from 0x80 up (the loader
         * refuses others: 0xc0, 0xc1 and from 0xf5 are never valid) */
        char seq[5] = {(char)c, 0};
        if (c >= 0x80 && c <= 0xbf)
            snprintf(seq, sizeof seq, "\xc2%c", c);
        else if (c >= 0xc2 && c <= 0xdf)
            snprintf(seq, sizeof seq, "%c\x80", c);
        else if (c >= 0xe0 && c <= 0xef)
            snprintf(seq, sizeof seq, "%c%c\x80", c, c == 0xe0 ? 0xa0 : 0x80);
        else if (c >= 0xf0 && c <= 0xf4)
            snprintf(seq, sizeof seq, "%c%c\x80\x80", c, c == 0xf0 ? 0x90 : 0x80);
        for (int at_end = 0; at_end < 2; at_end++) {
            snprintf(text, sizeof text, at_end ? "Abcd efgh ijkl mn%sOp" : "Ab%sCd efgh ijkl mnop qrst",
                     seq);
            key = sentence_key(&cfg, &r, text, &want);
            if (key == 0)
                continue; /* split into sentences or passages, or refused */
            tried++;
            if (key != want) {
                bad = 1;
                printf("# byte 0x%02x: key differs\n", c);
            }
        }
    }
    ok(!bad && tried > 450, "each byte value inside a word, early and late: the reference's key (%d)",
       tried);

    /* a filler as the last word, ending at every position */
    bad = 0;
    for (size_t lead = 0; lead <= 17; lead++) {
        char plain[64];
        snprintf(text, sizeof text, "%.*s officials said", (int)lead, "yyyyyyyyyyyyyyyyyyyyyyyyy");
        key = sentence_key(&cfg, &r, text, &want);
        snprintf(plain, sizeof plain, "%.*s officials", (int)lead, "yyyyyyyyyyyyyyyyyyyyyyyyy");
        uint64_t kp = sentence_key(&cfg, &r, plain, &want);
        if (key == 0 || key != kp)
            bad = 1;
    }
    ok(!bad, "a filler at the very end of the text is left out");
    /* every filler, in either case, in the middle and at the end */
    bad = 0;
    uint64_t plain_key = sentence_key(&cfg, &r, "officials mayor", &want);
    for (size_t k = 0; k < NFILLER; k++) {
        char up[16];
        size_t j = 0;
        for (; filler[k][j]; j++)
            up[j] = (char)(filler[k][j] - 'a' + 'A');
        up[j] = '\0';
        snprintf(text, sizeof text, "officials %s mayor %s", filler[k], up);
        if (sentence_key(&cfg, &r, text, &want) != plain_key)
            bad = 1;
    }
    ok(!bad && plain_key == want, "each of the %zu fillers is left out", NFILLER);
    key = sentence_key(&cfg, &r, "According to the officials, the mayor SAID", &want);
    ok(key == want && key == sentence_key(&cfg, &r, "officials mayor", &want),
       "fillers in any case are left out, wherever they stand");

    /* one to five words: each word counts, the last as well */
    const char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
    uint64_t prev = 0;
    bad = 0;
    for (size_t nw = 1; nw <= 5; nw++) {
        size_t k = 0;
        for (size_t j = 0; j < nw; j++)
            k += (size_t)snprintf(text + k, sizeof text - k, "%s%s", j ? " " : "", words[j]);
        key = sentence_key(&cfg, &r, text, &want);
        if (key == 0 || key != want || key == prev)
            bad = 1;
        prev = key;
    }
    ok(!bad, "one to five words: each word, the last too, changes the key");
    cs_result_free(&r);
    cs_config_free(&cfg);
}

int main(void)
{
    unit_checks();
    source_key_checks();
    word_edge_checks();
    order_checks();
    property_checks();
    return done_testing();
}
