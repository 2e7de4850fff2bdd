/*
 * test_quotes.c - unit tests of the bundled quotes plugin.
 *
 * Loads $BUILD/plugins/quotes.so (BUILD defaults to "build") with dlopen,
 * drives it through the fake host of fake_host.h (emit collects findings;
 * options come from a small in-test table; alloc/free are counted) over
 * invented articles, and checks exact markers, rule ids and quoted spans,
 * including a quote that runs over two passages, and speakers shown by
 * layout (transcript labels, signed quotes and letters).  Output: TAP.
 */
#include <stdio.h>
#include <string.h>

#include "credscore/plugin.h"
#include "tap.h"
#include "fake_host.h"

static void expect(size_t p, const char *marker, const char *rule, const char *span, double conf)
{
    const found *f = get(p, marker, span);
    if (!ok(f != NULL, "passage %zu: %s %s", p, marker, span)) {
        dump();
        return;
    }
    is_str(f->rule, rule, "passage %zu: rule", p);
    ok(f->confidence == conf, "passage %zu: confidence %.1f", p, conf);
}

static void test_descriptor(void)
{
    is_str(g_plugin->name, "quotes", "descriptor name");
    ok(g_plugin->flags & CREDSCORE_PLUGIN_THREAD_SAFE, "declares THREAD_SAFE");
    ok(g_plugin->markers[0] && strcmp(g_plugin->markers[0], "on_record") == 0 &&
           g_plugin->markers[1] && strcmp(g_plugin->markers[1], "anonymous") == 0 &&
           g_plugin->markers[2] == NULL,
       "markers on_record, anonymous");
}

static void test_article(void *inst)
{
    static const char *const art[] = {
        /* 0 */ "Mayor Ines Valdor opened the new bridge over the Lerra on Monday.",
        /* 1 */ "“We built this bridge for the next fifty years,” Valdor said.",
        /* 2 */ "“The river will not stop us. Nothing will,” she added.",
        /* 3 */ "“The first stones were laid by volunteers who gave up their weekends.",
        /* 4 */ "“Their names will be carved on the railing,” she said.",
        /* 5 */ "Critics called the project a “vanity bridge” during the campaign.",
        /* 6 */ "The bridge cost twelve million euros.",
        /* 7 */ "“Nobody in the regional government ever explained where the extra money for "
                "the bridge actually went.”",
        /* 8 */ "Valdor said:",
        /* 9 */ "“We will publish every single invoice from the first day of construction.”",
        /* 10 */ "\"This is a straight quote with enough words,\" Valdor said.",
        /* 11 */ "A council engineer, Tomas Brek, was more cautious. \"It will need repairs "
                 "within ten years,\" he said. “Nobody wants to hear that.”",
    };
    ok(run_doc(inst, art, sizeof(art) / sizeof(art[0])) == 0, "article scored");
    ok(g_bad_spans == 0, "every span inside its passage");

    is_int(count_in(0), 0, "no quote, no finding");
    expect(1, "on_record", "attributed-quote", "“We built this bridge for the next fifty years,”",
           0.6);
    is_int(count_in(1), 1, "passage 1: one finding");
    expect(2, "on_record", "attributed-quote", "“The river will not stop us. Nothing will,”", 0.6);
    is_int(count_in(2), 1, "passage 2: one finding");
    /* a quote reopened in the next paragraph: judged where it closes */
    is_int(count_in(3), 0, "open quote: nothing yet");
    expect(4, "on_record", "attributed-quote", "“Their names will be carved on the railing,”", 0.6);
    is_int(count_in(4), 1, "passage 4: one finding");
    is_int(count_in(5), 0, "scare quotes are not quotations");
    is_int(count_in(6), 0, "passage 6: nothing");
    expect(7, "anonymous", "orphan-quote",
           "“Nobody in the regional government ever explained where the extra money for the "
           "bridge actually went.”",
           0.5);
    for (size_t i = 0; i < g_nfound; i++)
        if (g_found[i].passage == 7)
            is_str(g_found[i].message, "Quotation with no speaker nearby: say who said it",
                   "orphan message");
    is_int(count_in(8), 0, "passage 8: nothing");
    is_int(count_in(9), 0, "speaker in the previous passage: no orphan");
    expect(10, "on_record", "attributed-quote", "\"This is a straight quote with enough words,\"",
           0.6);
    is_int(count_in(10), 1, "passage 10: one finding");
    expect(11, "on_record", "attributed-quote", "\"It will need repairs within ten years,\"", 0.6);
    expect(11, "on_record", "attributed-quote", "“Nobody wants to hear that.”", 0.6);
    is_int(count_in(11), 2, "passage 11: the next sentence's quote has the same speaker");
}

static void test_options(void)
{
    static const char *const art[] = {
        "The bridge cost twelve million euros.",
        "The council promised “a full and open review of all the costs” within a year.",
    };
    void *inst = NULL;
    char err[200] = "";

    /* default (strict): a quote inside a sentence is not flagged as an orphan */
    ok(g_plugin->create(&g_host, NULL, &inst, err, sizeof(err)) == 0, "create (defaults)");
    run_doc(inst, art, 2);
    is_int(g_nfound, 0, "strict: partial quote not flagged");
    g_plugin->destroy(inst);

    static const opt lax[] = {{"orphan_strict", "false", NULL, 0}, {"orphan_min_words", "6", NULL, 0}};
    static const opts olax = {lax, 2};
    ok(g_plugin->create(&g_host, (const credscore_options *)&olax, &inst, err, sizeof(err)) == 0,
       "create (orphan_strict false)");
    run_doc(inst, art, 2);
    expect(1, "anonymous", "orphan-quote", "“a full and open review of all the costs”", 0.5);
    is_int(g_nfound, 1, "lax: one orphan");
    g_plugin->destroy(inst);

    /* the same quotation opening the document: its speaker may follow */
    static const char *const lede[] = {
        "The council promised “a full and open review of all the costs” within a year.",
        "The bridge cost twelve million euros.",
    };
    ok(g_plugin->create(&g_host, (const credscore_options *)&olax, &inst, err, sizeof(err)) == 0,
       "create (orphan_strict false) again");
    run_doc(inst, lede, 2);
    is_int(g_nfound, 0, "a quotation in the first passage is not an orphan");
    static const char *const alone[] = {
        "“Nobody in the regional government ever explained where the extra money for the "
        "bridge actually went.”",
    };
    run_doc(inst, alone, 1);
    is_int(g_nfound, 0, "a whole-passage quotation alone (a one-passage document) is not an orphan");
    g_plugin->destroy(inst);

    static const opt bad[] = {{"orphan_min_words", "0", NULL, 0}};
    static const opts obad = {bad, 1};
    err[0] = '\0';
    ok(g_plugin->create(&g_host, (const credscore_options *)&obad, &inst, err, sizeof(err)) != 0,
       "orphan_min_words 0 is refused");
    ok(err[0] != '\0', "with a reason: %s", err);
}

static void test_edge_cases(void *inst)
{
    static const char *const odd[] = {"", "\"", "“", "”", "\"\"", "“”", "\xe2\x80",
                                      "\xc2", "«Un», dit-il. »", "“a “nested” quote here okay”"};
    credscore_document doc = {sizeof(doc), "edge", "text", 1};
    void *ds = NULL;
    ok(g_plugin->begin_document(inst, &doc, &ds) == 0, "begin_document");
    score_odd(inst, ds, &doc, odd, sizeof(odd) / sizeof(odd[0]));
    g_plugin->end_document(inst, ds);
    ok(g_bad_spans == 0, "every span inside its passage");

    /* many quotes in one passage (more than the first buffer holds) */
    static char big[8192];
    size_t o = 0;
    for (int i = 0; i < 100 && o + 80 < sizeof(big); i++)
        o += (size_t)snprintf(big + o, sizeof(big) - o, "“One two three four five six %d,” he said. ", i);
    const char *one[1] = {big};
    run_doc(inst, one, 1);
    is_int(g_nfound, 100, "many quotes: one finding each");
}

/* Quote marks are found by jumping from one byte that may start one to
 * the next, and speaker words looked up by hash: the same quotes at every alignment, at the very end of the
 * text, and speaker words of many lengths and cases. */
static void test_alignment(void *inst)
{
    char text[200];
    const char *one[1] = {text};
    for (int k = 0; k < 10; k++) {
        snprintf(text, sizeof(text), "%*s“We will rebuild the old bridge,” the spokeswoman said.",
                 k, "");
        run_doc(inst, one, 1);
        expect(0, "on_record", "attributed-quote", "“We will rebuild the old bridge,”", 0.6);
        is_int(g_nfound, 1, "curly quotes after %d spaces: one finding", k);
        snprintf(text, sizeof(text), "%*s\"We will rebuild the old bridge,\" Valdor said.", k, "");
        run_doc(inst, one, 1);
        expect(0, "on_record", "attributed-quote", "\"We will rebuild the old bridge,\"", 0.6);
        is_int(g_nfound, 1, "straight quotes after %d spaces: one finding", k);
        snprintf(text, sizeof(text), "The congresswoman said:%*s «We will rebuild the old bridge.»",
                 k, "");
        run_doc(inst, one, 1);
        expect(0, "on_record", "attributed-quote", "«We will rebuild the old bridge.»", 0.6);
        is_int(g_nfound, 1, "guillemets at the end after %d spaces: one finding", k);
    }
    static const char *const speakers[] = {"He", "the Chancellor", "the SPOKESPERSON",
                                           "the commander", "Dr", "the Prosecutor"};
    for (size_t i = 0; i < sizeof(speakers) / sizeof(speakers[0]); i++) {
        snprintf(text, sizeof(text), "“We will rebuild the old bridge,” %s said.", speakers[i]);
        run_doc(inst, one, 1);
        expect(0, "on_record", "attributed-quote", "“We will rebuild the old bridge,”", 0.6);
    }
    snprintf(text, sizeof(text), "“We will rebuild the old bridge,” the ministry said.");
    run_doc(inst, one, 1);
    is_int(g_nfound, 0, "a ministry is a speaker but not a person: no finding");
}

/* Speaker words are read eight bytes at a time while they are plain
 * ASCII, and their look-up key is made as they are read: a possessive 's
 * is cut from the key ("he's" is "he"), a letter above ASCII continues the
 * word ("Zoë" is one capitalised word, not "Zo" and "ë"), and a hyphen
 * does too ("ex-minister" is not the title "minister"). */
static void test_speaker_words(void *inst)
{
    char text[200];
    const char *one[1] = {text};
    static const char *const person[] = {"he's", "Zoë", "the spokeswoman's deputy",
                                         "Ms Kowalczyk-Brandt"};
    for (size_t i = 0; i < sizeof(person) / sizeof(person[0]); i++) {
        snprintf(text, sizeof(text), "“We will rebuild the old bridge,” %s said on Monday.",
                 person[i]);
        run_doc(inst, one, 1);
        expect(0, "on_record", "attributed-quote", "“We will rebuild the old bridge,”", 0.6);
        is_int(g_nfound, 1, "speaker '%s': one finding", person[i]);
    }
    snprintf(text, sizeof(text), "“We will rebuild the old bridge,” the ex-minister said on Monday.");
    run_doc(inst, one, 1);
    is_int(g_nfound, 0, "a hyphenated word is one word: no title, no finding");
}

/* Each quote's speaker is looked for in the sentences around it; quotes
 * of one sentence share that stretch, which is read once.  A quote three
 * sentences on has a stretch of its own: the first quote's speaker is not
 * its speaker. */
static void test_two_stretches(void *inst)
{
    static const char *const one[] = {
        "“We will rebuild the old bridge,” the spokeswoman said. The ferry ran late. The tide "
        "was high. The road was closed. “Nobody told us anything about the closure,” the "
        "notice read."};
    run_doc(inst, one, 1);
    expect(0, "on_record", "attributed-quote", "“We will rebuild the old bridge,”", 0.6);
    is_int(g_nfound, 1, "the far quote has no person speaker: one finding");
    static const char *const same[] = {
        "“We will rebuild,” the spokeswoman said, “the old bridge by June.” The ferry ran late."};
    run_doc(inst, same, 1);
    expect(0, "on_record", "attributed-quote", "“We will rebuild,”", 0.6);
    expect(0, "on_record", "attributed-quote", "“the old bridge by June.”", 0.6);
    is_int(g_nfound, 2, "two quotes of one sentence: both attributed");
}

/* A quote left open at the end of a passage and closed in the next one
 * without being reopened: the scan first looks ahead for the closing mark
 * (past a curly apostrophe, no quote mark), then goes on from that mark and
 * must close the quote there (and find a quote after it).  Curly, straight
 * and guillemet marks. */
static void test_closed_later(void *inst)
{
    static const char *const curly[] = {
        "“We will finish the harbour wall before the winter storms,",
        "and the town’s children will not fear the sea again,” she said. “The stones are "
        "ordered,” she added."};
    run_doc(inst, curly, 2);
    expect(1, "on_record", "attributed-quote",
           "and the town’s children will not fear the sea again,”", 0.6);
    expect(1, "on_record", "attributed-quote", "“The stones are ordered,”", 0.6);
    is_int(count_in(1), 2, "curly: the continued quote and the next one");
    static const char *const straight[] = {
        "\"We will finish the harbour wall before the winter storms,",
        "and nobody in this town will fear the sea again,\" she said."};
    run_doc(inst, straight, 2);
    expect(1, "on_record", "attributed-quote",
           "and nobody in this town will fear the sea again,\"", 0.6);
    is_int(count_in(1), 1, "straight: the continued quote");
    static const char *const guillemets[] = {
        "«We will finish the harbour wall before the winter storms,",
        "and nobody in this town will fear the sea again,» she said."};
    run_doc(inst, guillemets, 2);
    expect(1, "on_record", "attributed-quote",
           "and nobody in this town will fear the sea again,»", 0.6);
    is_int(count_in(1), 1, "guillemets: the continued quote");
}

/* Words in a quote are counted eight bytes at a time where the bytes are
 * plain ASCII: the count must not depend on where the blocks fall.  The
 * quotation below has exactly ten words (a hyphen or an apostrophe inside
 * a word continues it, a curly apostrophe or a dash ends it, a hyphen or
 * an apostrophe before a word starts nothing), so an orphan_min_words of
 * 10 flags it and 11 does not, at every alignment. */
static void test_word_count(void)
{
    char text[200];
    const char *art[2] = {"The bridge cost twelve million euros.", text};
    for (int min = 10; min <= 11; min++) {
        char mins[16];
        snprintf(mins, sizeof(mins), "%d", min);
        const opt o[] = {{"orphan_strict", "false", NULL, 0}, {"orphan_min_words", mins, NULL, 0}};
        const opts oo = {o, 2};
        void *inst = NULL;
        char err[200] = "";
        if (!ok(g_plugin->create(&g_host, (const credscore_options *)&oo, &inst, err,
                                 sizeof(err)) == 0,
                "create (orphan_min_words %d)", min))
            continue;
        for (int k = 0; k < 10; k++) {
            snprintf(text, sizeof(text),
                     "The council promised “%*sthe well-known mayor’s plan isn't café-ready — "
                     "'really' -42 times” within a year.",
                     k, "");
            run_doc(inst, art, 2);
            is_int(g_nfound, min == 10, "ten words after %d spaces, orphan_min_words %d", k, min);
        }
        g_plugin->destroy(inst);
    }
}

/* Words are counted only up to the largest threshold (strict_min_words
 * here): a whole-passage orphan of 20 words is flagged with
 * strict_min_words 20 and one of 19 is not, and so is a quote that runs
 * over two passages of ten and ten words (the counts of its parts add
 * up).  Fails when the count stops below strict_min_words. */
static void test_word_limit(void)
{
    static const char *const twenty[] = {
        "The bridge cost twelve million euros.",
        "“One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty.”"};
    static const char *const nineteen[] = {
        "The bridge cost twelve million euros.",
        "“One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen.”"};
    static const char *const halves[] = {
        "The bridge cost twelve million euros.",
        "“One two three four five six seven eight nine ten,",
        "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.”"};
    static const opt o[] = {{"strict_min_words", "20", NULL, 0}};
    const opts oo = {o, 1};
    void *inst = NULL;
    char err[200] = "";
    if (!ok(g_plugin->create(&g_host, (const credscore_options *)&oo, &inst, err, sizeof(err)) == 0,
            "create (strict_min_words 20)"))
        return;
    run_doc(inst, twenty, 2);
    is_int(g_nfound, 1, "twenty words, strict_min_words 20: an orphan");
    run_doc(inst, nineteen, 2);
    is_int(g_nfound, 0, "nineteen words: none");
    run_doc(inst, halves, 3);
    is_int(count_in(2), 1, "ten and ten words over two passages: an orphan");
    g_plugin->destroy(inst);
}

/* Speakers shown by layout: transcript labels and signed quotes or letters
 * are on_record; newsroom labels, datelines, dashes inside a sentence and a
 * byline after narration are not. */
static void test_layout(void *inst)
{
    static const char *const art[] = {
        /* 0 */ "MODERATOR: What would you change first?",
        /* 1 */ "SEN. BRAKOWSKI: We will vote against the bill.",
        /* 2 */ "DANA WHITLOCK: I think the harbour should stay public.",
        /* 3 */ "“The pier will be rebuilt by the summer.” — Mara Quist, harbour master",
        /* 4 */ "We urge the council to keep the library open.\n-- Oren Falk, Chair, Readers' Club",
        /* 5 */ "UPDATE: The coast road has reopened to traffic.",
        /* 6 */ "EDITOR'S NOTE: This story was corrected.",
        /* 7 */ "NEW HAVEN: The city council met on Monday.",
        /* 8 */ "The ferry left at dawn — Tuesday's storm had passed.",
        /* 9 */ "The festival ends on Sunday with a parade. — Staff Reporter",
        /* 10 */ "— Ines Moravec, Brenford",
        /* 11 */ "The talks ended. MAYOR: no comment",
        /* 12 */ "Q: Why now?",
        /* 13 */ "The ship sank.\nCAPT. ODU VERNE: We lost the engine at noon.",
    };
    ok(run_doc(inst, art, sizeof(art) / sizeof(art[0])) == 0, "layout article scored");
    ok(g_bad_spans == 0, "every span inside its passage");
    expect(0, "on_record", "speaker-label", "MODERATOR", 0.6);
    expect(1, "on_record", "speaker-label", "SEN. BRAKOWSKI", 0.6);
    expect(2, "on_record", "speaker-label", "DANA WHITLOCK", 0.6);
    expect(3, "on_record", "signed", "— Mara Quist, harbour master", 0.6);
    expect(4, "on_record", "signed", "-- Oren Falk, Chair, Readers' Club", 0.6);
    for (size_t i = 0; i < g_nfound; i++)
        if (g_found[i].passage == 0)
            is_str(g_found[i].message,
                   "Transcript speaker label: the words that follow are attributed to this speaker",
                   "label message");
    is_int(count_in(5), 0, "a newsroom label is no speaker");
    is_int(count_in(6), 0, "an editor's note is no speaker");
    is_int(count_in(7), 0, "a dateline is no speaker (narration follows)");
    is_int(count_in(8), 0, "a dash inside a sentence signs nothing");
    is_int(count_in(9), 0, "a byline after narration is not a signed letter");
    is_int(count_in(10), 0, "a signature alone may be a byline");
    is_int(count_in(11), 0, "a label in mid-line is no label");
    is_int(count_in(12), 0, "a one-letter interview label names nobody");
    expect(13, "on_record", "speaker-label", "CAPT. ODU VERNE", 0.6);
}

int main(void)
{
    void *h, *inst;
    if (!(g_plugin = fake_host_load("quotes", &h)))
        return done_testing();
    test_descriptor();
    if (!fake_host_create(&inst))
        return done_testing();
    test_article(inst);
    test_edge_cases(inst);
    test_alignment(inst);
    test_two_stretches(inst);
    test_speaker_words(inst);
    test_closed_later(inst);
    test_word_count();
    test_word_limit();
    test_layout(inst);
    g_plugin->destroy(inst);
    test_options();
    return fake_host_done(h);
}
