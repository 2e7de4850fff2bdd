/*
 * test_attribution.c - unit tests of the bundled attribution plugin.
 *
 * Loads $BUILD/plugins/attribution.so (BUILD defaults to "build") with
 * dlopen, drives it through the fake host of fake_host.h (emit collects
 * findings; options come from a small in-test table; alloc/free are
 * counted) over invented articles, and checks the exact markers, rule ids
 * and span texts.  All names and sentences are fictional.  Output: TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"
#include "tap.h"
#include "fake_host.h"

/* ---------------- driving the plugin ---------------- */

/* Score a single-passage document. */
static int run1(void *inst, const char *text)
{
    const char *p[1] = {text};
    return run_doc(inst, p, 1);
}

/* Expect exactly one finding in passage p with marker, rule and span. */
static void expect(size_t p, const char *marker, const char *rule, const char *span)
{
    const found *f = get(p, marker, span);
    if (!ok(f != NULL, "passage %zu: %s \"%s\"", p, marker, span)) {
        dump();
        return;
    }
    is_str(f->rule, rule, "passage %zu: rule of %s \"%s\"", p, marker, span);
    ok(f->confidence > 0.0 && f->confidence <= 1.0, "confidence in (0, 1]");
    ok(f->message[0] != '\0' && strchr(f->message, '\n') == NULL, "one-line message");
}

/* Expect no finding at all for a text. */
static void expect_none(void *inst, const char *text)
{
    run1(inst, text);
    if (!ok(g_nfound == 0, "no finding: %s", text))
        dump();
}

/* ---------------- the tests ---------------- */

static void test_descriptor(void)
{
    is_str(g_plugin->name, "attribution", "descriptor name");
    is_int(g_plugin->abi_major, CREDSCORE_ABI_MAJOR, "abi major");
    ok(g_plugin->flags & CREDSCORE_PLUGIN_THREAD_SAFE, "declares THREAD_SAFE");
    const char *want[] = {"on_record", "anonymous", "institutional", "media", "vague"};
    size_t n = 0;
    while (g_plugin->markers[n])
        n++;
    is_int(n, 5, "five markers");
    for (size_t i = 0; i < 5 && i < n; i++)
        is_str(g_plugin->markers[i], want[i], "marker %zu", i);
    ok(g_plugin->begin_document && g_plugin->end_document, "has per-document callbacks");
}

/* An invented article, one passage per line, most kinds of source in it. */
static const char *const g_art[] = {
    /* 0 */ "Defence Minister Laura Fenwick said on Monday that the convoy had crossed "
            "the border. She added that two more would follow.",
    /* 1 */ "Fenwick told CNN the mission was complete.",
    /* 2 */ "Gen. Mark Ellis said the bridge was secure. The foreign minister warned that "
            "sanctions could follow.",
    /* 3 */ "Two senior officials said the plan had been shelved. A source said the deal "
            "was close.",
    /* 4 */ "An official said the talks had stalled, speaking on condition of anonymity "
            "because the negotiations were private.",
    /* 5 */ "A diplomat who attended the meeting said the mood was tense.",
    /* 6 */ "The Interior Ministry said three people were detained, according to the "
            "statement.",
    /* 7 */ "Halvorsen told Quillfeed that the port would reopen, according to Reuters.",
    /* 8 */ "“We will rebuild,” said Fenwick. Varga, 54, insisted the vote would go ahead.",
};
#define ART_N (sizeof(g_art) / sizeof(g_art[0]))

static void test_article(void *inst)
{
    ok(run_doc(inst, g_art, ART_N) == 0, "article scored");
    ok(g_bad_spans == 0, "every span inside its passage");

    expect(0, "on_record", "named-speaker", "Defence Minister Laura Fenwick said");
    expect(0, "on_record", "pronoun", "She added");
    is_int(count_in(0), 2, "passage 0: two findings");

    /* surname after the full name: document state */
    expect(1, "on_record", "surname", "Fenwick told");
    const found *f = get(1, "on_record", "Fenwick told");
    ok(f && f->confidence >= 0.8, "surname seen earlier: high confidence");
    ok(f && strstr(f->message, "named earlier") != NULL, "message says it was named earlier");
    expect(1, "media", "outlet", "told CNN");
    is_int(count_in(1), 2, "passage 1: on_record + media");

    expect(2, "on_record", "named-speaker", "Gen. Mark Ellis said");
    expect(2, "on_record", "title", "The foreign minister warned");
    is_int(count_in(2), 2, "passage 2: two findings");

    expect(3, "anonymous", "unnamed-source", "Two senior officials said");
    f = get(3, "anonymous", "Two senior officials said");
    ok(f && !f->has_weight, "described source: the marker's default weight");
    expect(3, "anonymous", "bare-source", "A source said");
    f = get(3, "anonymous", "A source said");
    ok(f && f->has_weight && f->weight == -10.0, "bare source: weight -10");
    ok(f && strncmp(f->message, "Bare 'a source'", 15) == 0, "bare source message");
    is_int(count_in(3), 2, "passage 3: two findings");

    expect(4, "anonymous", "anonymity-explained", "An official said");
    f = get(4, "anonymous", "An official said");
    ok(f && f->has_weight && f->weight == -4.0, "anonymity explained: weight -4");
    is_int(count_in(4), 1, "passage 4: one finding");

    expect(5, "anonymous", "source-knowledge", "A diplomat who attended the meeting said");
    f = get(5, "anonymous", "A diplomat who attended the meeting said");
    ok(f && f->has_weight && f->weight == -4.0, "how the source knows: weight -4");
    is_int(count_in(5), 1, "passage 5: one finding");

    expect(6, "institutional", "institution", "The Interior Ministry said");
    expect(6, "institutional", "institution", "according to the statement");
    is_int(count_in(6), 2, "passage 6: two findings");

    /* Quillfeed is not an outlet without the option */
    expect(7, "on_record", "surname", "Halvorsen told");
    f = get(7, "on_record", "Halvorsen told");
    ok(f && f->confidence < 0.8, "surname not seen before: lower confidence");
    expect(7, "media", "outlet", "according to Reuters");
    ok(get(7, "media", "told Quillfeed") == NULL, "unknown outlet name: no media");
    is_int(count_in(7), 2, "passage 7: two findings");

    expect(8, "on_record", "surname", "said Fenwick");
    expect(8, "on_record", "surname", "Varga, 54, insisted");
    is_int(count_in(8), 2, "passage 8: two findings");
}

/* Create an instance with the option outlets = items[0..n) (NULL items
 * stand for non-strings); 0 or the plugin's failure, its reason in err. */
static int create_with_outlets(const char *const *items, size_t n, void **inst, char *err,
                               size_t errlen)
{
    const opt o[] = {{"outlets", NULL, items, n}};
    const opts os = {o, 1};
    *inst = NULL;
    err[0] = '\0';
    return g_plugin->create(&g_host, (const credscore_options *)&os, inst, err, errlen);
}

static void test_outlet_option(void)
{
    static const char *const items[] = {"Quillfeed", "Morning Lantern"};
    void *inst;
    char err[200];
    ok(create_with_outlets(items, 2, &inst, err, sizeof(err)) == 0,
       "create with an outlets option");
    run1(inst, "Halvorsen told Quillfeed that the port would reopen.");
    expect(0, "media", "outlet", "told Quillfeed");
    expect(0, "on_record", "surname", "Halvorsen told");
    run1(inst, "The Morning Lantern reported that the port had reopened.");
    expect(0, "media", "outlet", "The Morning Lantern reported");
    is_int(g_nfound, 1, "configured two-word outlet: one finding");
    g_plugin->destroy(inst);

    static const char *const bad[] = {NULL};
    ok(create_with_outlets(bad, 1, &inst, err, sizeof(err)) != 0,
       "a non-string outlet is refused");
    ok(err[0] != '\0' && strchr(err, '\n') == NULL, "with a one-line reason: %s", err);
}

static void test_negatives(void *inst)
{
    expect_none(inst, "The said agreement was signed in March.");
    expect_none(inst, "Residents were told to leave their homes before dawn.");
    expect_none(inst, "She was told the results on Friday.");
    expect_none(inst, "Officials met on Tuesday in the capital.");
    expect_none(inst, "The anonymous donor gave two million dollars to the museum.");
    expect_none(inst, "The charity has several sources of funding.");
    expect_none(inst, "She claimed the trophy after a long final.");
    expect_none(inst, "The reported attack took place near the harbour.");
    expect_none(inst, "The social media company's shares fell sharply.");
    expect_none(inst, "The social media company’s shares fell sharply.");
    expect_none(inst, "Marta Ilves did not say whether the talks would resume.");
    expect_none(inst, "She told him to leave the room.");
}

static void test_apostrophes_and_quotes(void *inst)
{
    /* curly and straight apostrophes read the same */
    run1(inst, "Norland’s Foreign Ministry said the envoy had left.");
    expect(0, "institutional", "institution", "Norland’s Foreign Ministry said");
    run1(inst, "Norland's Foreign Ministry said the envoy had left.");
    expect(0, "institutional", "institution", "Norland's Foreign Ministry said");
    run1(inst, "\"The harbour is closed,\" the embassy said.");
    expect(0, "institutional", "institution", "the embassy said");
    run1(inst, "An unnamed defence official was quoted as saying the drill was routine.");
    expect(0, "anonymous", "unnamed-source", "An unnamed defence official was quoted");
    is_int(g_nfound, 1, "passive quote: one finding");
}

static void test_more_sources(void *inst)
{
    static const char *const art[] = {
        /* 0 */ "Pellington has long believed that the strait is its own, the analysts wrote.",
        /* 1 */ "Prime Minister Tomas Brandl spoke on Monday. The Kestrian prime minister said "
                "the border would stay open, and he told reporters that talks would resume.",
        /* 2 */ "“There is no plan B,” said the envoy. Interfax reported that the envoy had left.",
        /* 3 */ "An anonymous police source told the state-run Kestria Today news agency that "
                "two people had died.",
        /* 4 */ "IRFA says the reporter is safe, according to a Financial Times report.",
        /* 5 */ "Brandl told The Associated Press that he would not resign.",
        /* 6 */ "People familiar with the talks said a deal was near.",
    };
    ok(run_doc(inst, art, sizeof(art) / sizeof(art[0])) == 0, "second article scored");
    /* Pellington is a capital only in this story: an unknown name, adjacent verb */
    ok(count_in(0) == 1, "passage 0: one finding");
    expect(1, "on_record", "title", "The Kestrian prime minister said");
    expect(1, "on_record", "pronoun", "he told");
    is_int(count_in(1), 2, "passage 1: two findings");
    expect(2, "on_record", "title", "said the envoy");
    expect(2, "media", "outlet", "Interfax reported");
    is_int(count_in(2), 2, "passage 2: two findings");
    expect(3, "anonymous", "unnamed-source", "An anonymous police source told");
    expect(3, "media", "outlet", "told the state-run Kestria Today news agency");
    is_int(count_in(3), 2, "passage 3: two findings");
    expect(4, "institutional", "institution", "IRFA says");
    expect(4, "media", "outlet", "according to a Financial Times report");
    is_int(count_in(4), 2, "passage 4: two findings");
    expect(5, "on_record", "surname", "Brandl told");
    expect(5, "media", "outlet", "told The Associated Press");
    is_int(count_in(5), 2, "passage 5: two findings");
    expect(6, "anonymous", "unnamed-source", "People familiar with the talks said");
    is_int(count_in(6), 1, "passage 6: one finding");

    run1(inst, "The mayor, Jan Novak, said the roads were safe.");
    expect(0, "on_record", "named-speaker", "The mayor, Jan Novak, said");
    is_int(g_nfound, 1, "name in apposition: one finding");
    run1(inst, "The report, released on Monday, said emissions fell.");
    expect(0, "institutional", "institution", "The report, released on Monday, said");
    is_int(g_nfound, 1, "participle apposition: one finding");

    run1(inst, "Lisbon claims she was never told about the fee.");
    expect(0, "on_record", "surname", "Lisbon claims");
    run1(inst, "Lisbon claims the fee was never paid.");
    expect(0, "institutional", "institution", "Lisbon claims");
    run1(inst, "Beijing has long believed that the island will return.");
    expect(0, "institutional", "institution", "Beijing has long believed");
    is_int(g_nfound, 1, "government metonym: one finding");
}

/* Issue 14, class 1: reporting verbs from WordNet need their clause. */
static void test_wordnet_cues(void *inst)
{
    run1(inst, "Marta Ilves whispered that the guards had gone.");
    expect(0, "on_record", "named-speaker", "Marta Ilves whispered");
    is_int(g_nfound, 1, "whispered that: one finding");
    const found *f = get(0, "on_record", "Marta Ilves whispered");
    is_str(f ? f->message : "", "On record: named speaker \"Marta Ilves\" (cue \"whispered\")",
           "message names type, source and cue");
    run1(inst, "The regulator conceded that the audit was late.");
    expect(0, "institutional", "institution", "The regulator conceded");
    run1(inst, "Dariusz Olen reckons the bridge will hold.");
    expect(0, "on_record", "named-speaker", "Dariusz Olen reckons");
    run1(inst, "Tomas Brandl hinted to reporters that he might resign.");
    expect(0, "on_record", "named-speaker", "Tomas Brandl hinted");
    run1(inst, "\u201cWe are ready,\u201d Ilves murmured.");
    expect(0, "on_record", "surname", "Ilves murmured");
    run1(inst, "\u201cIt is a disgrace,\u201d Senator Ilse Varga fumed after the vote.");
    expect(0, "on_record", "named-speaker", "Senator Ilse Varga fumed");
    expect_none(inst, "\u201cThe Harbour\u201d director Ilse Varga signed the contract.");
    expect_none(inst, "The rebels declared war on the capital.");
    expect_none(inst, "Troops from two neighbouring states reportedly exchanged fire.");
    expect_none(inst, "Pavel Kova offered to pay and suggested a closer hotel.");
    run1(inst, "Estimates suggest 8000 people may have left the valley.");
    is_int(g_nfound, 0, "bare plural estimates: which ones is not said (not ours)");
    run1(inst, "The survey suggests that most commuters want later trains.");
    expect(0, "institutional", "institution", "The survey suggests");
    expect_none(inst, "If Tomas Brandl believes the vote was fair, the count will stand.");
    run1(inst, "Articles in journals such as Science & Medicine have described it as a fad.");
    expect(0, "institutional", "institution", "Medicine have described");
    expect_none(inst, "The rumour began with an Internet posting last week.");
    /* the same verbs without a clause report nothing */
    expect_none(inst, "Tomas Brandl hinted at a change of course.");
    expect_none(inst, "Pavel Kova conceded a penalty in the second half.");
    expect_none(inst, "The council recorded a loss of two million crowns.");
    expect_none(inst, "Anna Berg will lead the team next year.");
    expect_none(inst, "The ministry ordered that the files be sealed.");
    expect_none(inst, "Dariusz Olen knows that the bridge is old.");
}

/* Issue 14, class 2: words between the source and its cue. */
static void test_between(void *inst)
{
    run1(inst, "Lt. Carla Mendes said the road was closed.");
    expect(0, "on_record", "named-speaker", "Lt. Carla Mendes said");
    const found *f = get(0, "on_record", "Lt. Carla Mendes said");
    is_str(f ? f->message : "", "On record: named speaker \"Lt. Carla Mendes\" (cue \"said\")",
           "title with an abbreviation: message");
    /* (the test host splits sentences after "Rep."; credscore's splitter does not) */
    run1(inst, "Sen. Ana Ortiz (D-Ohio) said the bill would pass.");
    expect(0, "on_record", "named-speaker", "Sen. Ana Ortiz (D-Ohio) said");
    run1(inst, "The mayor on Friday said the budget was balanced.");
    expect(0, "on_record", "title", "The mayor on Friday said");
    run1(inst, "Hong Min-ji, the unification minister, told reporters the talks would resume.");
    expect(0, "on_record", "named-speaker", "Hong Min-ji, the unification minister, told");
    run1(inst, "Jorge Alvarez, who chairs the committee, said the hearing was delayed.");
    expect(0, "on_record", "named-speaker", "Jorge Alvarez, who chairs the committee, said");
    f = get(0, "on_record", "Jorge Alvarez, who chairs the committee, said");
    ok(f && strstr(f->message, "\"Jorge Alvarez\" (cue \"said\")") != NULL,
       "relative clause: the source and the cue, not the clause");
    run1(inst, "Senator Paul Renner attacked the plan and said it would cost too much.");
    expect(0, "on_record", "named-speaker", "Senator Paul Renner attacked the plan and said");
    is_int(g_nfound, 1, "second verb: one finding");
    run1(inst, "Mayor Tells Council Budget Is Short");
    expect(0, "on_record", "title", "Mayor Tells");
    run1(inst, "Lena Dorsch, in remarks to the local radio, said the pier was unsafe.");
    expect(0, "on_record", "named-speaker", "Lena Dorsch, in remarks to the local radio, said");
    run1(inst, "Marten Brook, KC, said the ruling would be appealed.");
    expect(0, "on_record", "named-speaker", "Marten Brook, KC, said");
    run1(inst, "Civil defence director Yusuf al-Harran said the fire was out.");
    expect(0, "on_record", "named-speaker", "Civil defence director Yusuf al-Harran said");
    run1(inst, "Kiara Vell, a second-year art student, admitted she had skipped class.");
    expect(0, "on_record", "named-speaker", "Kiara Vell, a second-year art student, admitted");
    run1(inst, "The harm was severe, in the words of the coroner, Edda Lunn.");
    expect(0, "on_record", "named-speaker", "in the words of the coroner, Edda Lunn");
    run1(inst, "Ana Ortiz, D-Ohio, said the bill would pass.");
    expect(0, "on_record", "named-speaker", "Ana Ortiz, D-Ohio, said");
    run1(inst, "Sen. Elena Warren, a Democrat, said the bill was flawed.");
    expect(0, "on_record", "named-speaker", "Sen. Elena Warren, a Democrat, said");
    expect_none(inst, "Norland, along with most of its neighbours, observes the holiday in May.");
    expect_none(inst, "The ministry recalled its ambassador on Monday.");
    expect_none(inst, "The mayor on Friday opened the new bridge.");
    expect_none(inst, "Officials met on Friday and signed the plan.");
    expect_none(inst, "The State Department Building Opens Today");
}

/* Issue 14, class 3: the source typed by its head and shape. */
static void test_typing(void *inst)
{
    static const char *const art[] = {
        /* 0 */ "Halvorsen Utilities said the outage would last two days.",
        /* 1 */ "Halvorsen said repairs had begun.",
        /* 2 */ "Coastal Transit Authority says fares will rise.",
        /* 3 */ "Acme officials said the plant would close.",
        /* 4 */ "A spokesperson for the state Department of Environmental Quality confirmed "
                "the spill.",
        /* 5 */ "Lawyers for the tenants said the eviction was illegal.",
        /* 6 */ "The Department of Rural Affairs said the road would reopen.",
    };
    ok(run_doc(inst, art, sizeof(art) / sizeof(art[0])) == 0, "typing article scored");
    expect(0, "institutional", "institution", "Halvorsen Utilities said");
    expect(1, "institutional", "institution", "Halvorsen said");
    is_int(count_in(1), 1, "a name introduced as an organisation stays one");
    expect(2, "institutional", "institution", "Coastal Transit Authority says");
    expect(3, "institutional", "institution", "Acme officials said");
    is_int(count_in(3), 1, "a named company's officials: one finding");
    expect(4, "institutional", "institution",
           "A spokesperson for the state Department of Environmental Quality confirmed");
    expect(5, "anonymous", "unnamed-source", "Lawyers for the tenants said");
    expect(6, "institutional", "institution", "The Department of Rural Affairs said");
    is_int(count_in(6), 1, "an organisation of a name: one finding");
    run1(inst, "The Ministry of Health estimated that 300 people were infected.");
    expect(0, "institutional", "institution", "The Ministry of Health estimated");
    run1(inst, "Northwind Airlines apologized for the delays and said refunds would follow.");
    expect(0, "institutional", "institution",
           "Northwind Airlines apologized for the delays and said");
    /* the test host ends a sentence after "Inc."; the plugin joins the parts */
    run1(inst, "Orlen Freight Inc. said in a filing that profits had halved.");
    expect(0, "institutional", "institution", "Orlen Freight Inc. said");
    run1(inst, "The district said in a statement that classes would resume.");
    expect(0, "institutional", "institution", "The district said");
    run1(inst, "The lawsuit alleges that the landlord ignored repairs.");
    expect(0, "institutional", "institution", "The lawsuit alleges");
    run1(inst, "The study's authors say the figures are conservative.");
    expect(0, "institutional", "institution", "The study's authors say");
    expect_none(inst, "Two authors signed the letter on Monday.");
    /* a bare group says nothing of who; a person named earlier stays one */
    expect_none(inst, "Residents said the water was brown.");
    run1(inst, "The document is not secret, say officials.");
    expect(0, "anonymous", "unnamed-source", "say officials");
    expect_none(inst, "The document is not secret, say Anna.");
    run1(inst, "Some individuals reported that the site was down.");
    expect(0, "anonymous", "unnamed-source", "Some individuals reported");
    run1(inst, "Some people say the vote was rigged.");
    expect(0, "vague", "crowd", "Some people say");
    is_int(g_nfound, 1, "people with a quantifier and an opinion: a crowd only");
    run1(inst, "An internal memo seen by the Kestria Herald says the plant is unsafe.");
    expect(0, "institutional", "institution", "An internal memo seen by the Kestria Herald says");
    expect(0, "media", "outlet", "seen by the Kestria Herald");
    run1(inst, "Officials did not say how many people were hurt.");
    expect(0, "anonymous", "unnamed-source", "Officials did not say");
    run1(inst, "Bureaucrats complained to him that the files were unsafe.");
    expect(0, "anonymous", "unnamed-source", "Bureaucrats complained");
    run1(inst, "\u201cI'm told it is not secret,\u201d the minister said.");
    expect(0, "anonymous", "unnamed-source", "I'm told");
    expect(0, "on_record", "title", "the minister said");
    run1(inst, "An anonymous blogger wrote that the site was down.");
    expect(0, "anonymous", "unnamed-source", "An anonymous blogger wrote");
    expect_none(inst, "I was told to wait outside.");
    run1(inst, "University of Norland student union president Sara Lind said the vote was fair.");
    expect(0, "on_record", "named-speaker",
           "University of Norland student union president Sara Lind said");
}

/* Issue 14, class 4: generic crowds of opinion holders are vague. */
static void test_crowds(void *inst)
{
    run1(inst, "Demographers point out that the population is ageing.");
    expect(0, "vague", "crowd", "Demographers point");
    const found *f = get(0, "vague", "Demographers point");
    is_str(f ? f->message : "",
           "Vague source: generic crowd \"Demographers\" (cue \"point\"); which of them, and who?",
           "crowd message");
    run1(inst, "Many economists believe the rate will fall.");
    expect(0, "vague", "crowd", "Many economists believe");
    run1(inst, "Some in the party have criticized the deal.");
    expect(0, "vague", "crowd", "Some in the party have criticized");
    run1(inst, "Opponents argue that the tax is unfair.");
    expect(0, "vague", "crowd", "Opponents argue");
    run1(inst, "Many Republicans believe the count was wrong.");
    expect(0, "vague", "crowd", "Many Republicans believe");
    is_int(g_nfound, 1, "quantified proper plural: a crowd, not a person");
    run1(inst, "Republicans say the bill is too costly.");
    expect(0, "vague", "crowd", "Republicans say");
    run1(inst, "Harlan says the bill is too costly.");
    expect(0, "on_record", "surname", "Harlan says");
    run1(inst, "Harlan and Brooks say the bill is too costly.");
    expect(0, "on_record", "surname", "Harlan and Brooks say");
    expect_none(inst, "The economists met in Geneva on Monday.");
    expect_none(inst, "Others may think the plan is late.");
    expect_none(inst, "The experts said the dam was safe.");
}

/* A cue word is compared whole: "I" before a subject is not the "if" of a
 * condition ("if the mayor believes ..." is no report), though it is the
 * start of it. */
static void test_whole_words(void *inst)
{
    run1(inst, "I the mayor believe the plan is late.");
    expect(0, "on_record", "title", "the mayor believe");
    is_int(g_nfound, 1, "'I' before the subject is no condition");
    expect_none(inst, "If the mayor believes the plan is late, the council will vote.");
}

/* Issue 14, class 5: an outlet without "told" or "according to". */
static void test_media_verbs(void *inst)
{
    run1(inst, "Reuters published the documents on Tuesday.");
    expect(0, "media", "outlet", "Reuters published");
    run1(inst, "State media ran the video late on Sunday.");
    expect(0, "media", "outlet", "State media ran");
    run1(inst, "The report appeared in the newspaper Morgenpost.");
    expect(0, "media", "outlet", "appeared in the newspaper Morgenpost");
    run1(inst, "A local television station aired footage of the crash.");
    expect(0, "media", "outlet", "A local television station aired");
    run1(inst, "Interfax said the port was closed. It added that two ships had left.");
    expect(0, "media", "outlet", "It added");
    run1(inst, "The ministry said the port was closed. It added that two ships had left.");
    expect(0, "institutional", "institution", "It added");
    run1(inst, "In a statement to the Norland Broadcasting Corporation, the club denied it.");
    expect(0, "media", "outlet", "statement to the Norland Broadcasting Corporation");
    expect(0, "institutional", "institution", "the club denied");
    run1(inst, "Documents obtained by the Kestria Herald show the mine was unsafe.");
    expect(0, "media", "outlet", "obtained by the Kestria Herald");
    expect_none(inst, "The parcel was obtained by a neighbour.");
    expect_none(inst, "The team ran the race on Sunday.");
    expect_none(inst, "The advert appeared in the window of a shop.");
    expect_none(inst, "The results were published in a paper by two chemists.");
}

static void test_edge_cases(void *inst)
{
    /* empty text, no sentences, only punctuation, invalid UTF-8, long words */
    credscore_document doc = {sizeof(doc), "edge", "text", 1};
    void *ds = NULL;
    ok(g_plugin->begin_document(inst, &doc, &ds) == 0, "begin_document");
    static const char *const texts[] = {"", "...", "\xff\xfe said \xc3", "“", "’s ’s ’s",
                                        "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa said."};
    score_odd(inst, ds, &doc, texts, sizeof(texts) / sizeof(texts[0]));
    /* sentence spans that overlap or run past the end are tolerated */
    const char *t = "Varga said no. Varga said yes.";
    credscore_span bad[2] = {{0, 20}, {10, 999}};
    credscore_passage p = {sizeof(p), t, strlen(t), bad, 2, 9, 0};
    sink_state ss = {t, strlen(t), 9};
    g_nfound = 0;
    ok(g_plugin->score_passage(inst, ds, &doc, &p, (credscore_sink *)&ss) == 0,
       "odd sentence spans scored");
    g_plugin->end_document(inst, ds);
    ok(g_bad_spans == 0, "still every span inside its passage");

    /* without document state the plugin still works (no name memory) */
    g_nfound = 0;
    credscore_span one = {0, strlen(t)};
    credscore_passage p2 = {sizeof(p2), t, strlen(t), &one, 1, 0, 0};
    ok(g_plugin->score_passage(inst, NULL, &doc, &p2, (credscore_sink *)&ss) == 0,
       "scored without document state");
    is_int(g_nfound, 2, "two findings without document state");
}

/* The tokenizer reads plain words eight bytes at a time and looks short
 * ones up without a key in memory: the same sentence at every alignment,
 * words that end the text, and long lexicon words (compared partly
 * outside their entry) must read exactly as any other word. */
static void test_word_shapes(void *inst)
{
    char text[160];
    for (int k = 0; k < 10; k++) {
        snprintf(text, sizeof(text), "%*sTwo senior officials said the minister resigned.", k, "");
        run1(inst, text);
        expect(0, "anonymous", "unnamed-source", "Two senior officials said");
        is_int(g_nfound, 1, "%d leading spaces: one finding", k);
    }
    for (int k = 0; k < 10; k++) {
        /* the last words run into the end of the text, fewer than eight bytes on */
        snprintf(text, sizeof(text), "The port had reopened%*s, the Interior Ministry said", k, "");
        run1(inst, text);
        expect(0, "institutional", "institution", "the Interior Ministry said");
        is_int(g_nfound, 1, "ends with the verb, %d spaces before the comma: one finding", k);
    }
    run1(inst, "The secretary-general said the talks would resume.");
    expect(0, "on_record", "title", "The secretary-general said");
    run1(inst, "The Secretary-General said the talks would resume.");
    expect(0, "on_record", "title", "The Secretary-General said");
    run1(inst, "A government-controlled newspaper reported that the talks had failed.");
    expect(0, "media", "outlet", "A government-controlled newspaper reported");
    is_int(g_nfound, 1, "long hyphenated lexicon word: one finding");
    run1(inst, "OFFICIALS SAID the bridge was closed.");
    expect(0, "anonymous", "unnamed-source", "OFFICIALS SAID");
    is_int(g_nfound, 1, "all capitals: one finding");
    /* words of eight to fifteen bytes (read as two blocks), also at every
     * alignment and where they run into the end of the text */
    for (int k = 0; k < 10; k++) {
        snprintf(text, sizeof(text), "%*sThe commissioner said the ferry was late.", k, "");
        run1(inst, text);
        expect(0, "on_record", "title", "The commissioner said");
        is_int(g_nfound, 1, "%d leading spaces, a twelve-letter title: one finding", k);
    }
    run1(inst, "The ferry was late, said the spokeswoman");
    expect(0, "on_record", "title", "said the spokeswoman");
    run1(inst, "The ferry was late, said the spokesperson.");
    expect(0, "on_record", "title", "said the spokesperson");
    /* an unknown word is guessed from its last bytes: an -ly adverb */
    run1(inst, "Varga unflinchingly said the ferry was late.");
    expect(0, "on_record", "surname", "Varga unflinchingly said");
    /* a period after a word: an abbreviation keeps it, a sentence end
     * does not; inner periods (U.S.) are read by the general scanner */
    run1(inst, "Lt. Varga said the ferry was late.");
    expect(0, "on_record", "named-speaker", "Lt. Varga said");
    run1(inst, "The ferry was late, said Gen.");
    expect(0, "on_record", "title", "said Gen.");
    run1(inst, "The ferry was late, the U.S. embassy said.");
    expect(0, "institutional", "institution", "the U.S. embassy said");
    is_int(g_nfound, 1, "inner periods: one finding");

    /* all capitals: no lower-case letter in either block, two capitals or
     * more (an unknown acronym is an organisation, a name a surname; a
     * verb in capitals is a cue, a capitalised one inside a sentence not) */
    run1(inst, "KESTRA said the drills would continue.");
    expect(0, "institutional", "institution", "KESTRA said");
    run1(inst, "KeSTRA said the drills would continue.");
    expect(0, "on_record", "surname", "KeSTRA said");
    run1(inst, "Q7 said the drills would continue.");
    expect(0, "on_record", "surname", "Q7 said");
    run1(inst, "The ministry ACKNOWLEDGED that the dam leaked.");
    expect(0, "institutional", "institution", "The ministry ACKNOWLEDGED");
    run1(inst, "The ministry ACKNOWLEDGEd that the dam leaked.");
    is_int(g_nfound, 0, "a lower-case letter in the second block: not all capitals");
    run1(inst, "The ministry ACKNOWLeDGES that the dam leaked.");
    is_int(g_nfound, 0, "a lower-case letter in the first block: not all capitals");
    run1(inst, "The drills will continue, kESTRA said.");
    is_int(g_nfound, 0, "a lower-case first letter: not capitalised, no name");
}

/* Score text as one passage of one sentence from a copy of its exact size
 * (so that a read past its closing NUL shows under the sanitizers and
 * valgrind). */
static int run_exact(void *inst, const char *text)
{
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, text, n + 1);
    const char *p[1] = {copy};
    int rc = run_doc(inst, p, 1);
    free(copy);
    return rc;
}

/* The tokenizer reads a word's sixteen bytes at once where the passage
 * holds them (its closing NUL counts), eight at a time near its end, and
 * a word stops where its sentence does even when letters follow. */
static void test_block_reads(void *inst)
{
    char text[200];
    /* words of every length up to past sixteen bytes ending the passage,
     * at every alignment of the last one */
    for (int n = 1; n <= 18; n++) {
        snprintf(text, sizeof(text), "Varga said the ferry was %.*s", n, "latelatelatelatelate");
        run_exact(inst, text);
        expect(0, "on_record", "surname", "Varga said");
        is_int(g_nfound, 1, "a last word of %d letters: one finding", n);
    }
    for (int k = 0; k < 17; k++) {
        snprintf(text, sizeof(text), "The ferry was late, said the%*s spokeswoman", k, "");
        run_exact(inst, text);
        char span[64];
        snprintf(span, sizeof(span), "said the%*s spokeswoman", k, "");
        expect(0, "on_record", "title", span);
        is_int(g_nfound, 1, "the title ends the passage, %d spaces before it: one finding", k);
    }
    /* a sentence span that ends inside a run of letters: "said" ends the
     * first sentence although "Zeta" follows without a space */
    const char *t = "Varga saidZeta plans to open the bridge.";
    credscore_span two[2] = {{0, 10}, {10, strlen(t)}};
    credscore_document doc = {sizeof(doc), "spans", "text", 1};
    credscore_passage p = {sizeof(p), t, strlen(t), two, 2, 0, 0};
    sink_state ss = {t, strlen(t), 0};
    void *ds = NULL;
    g_nfound = 0;
    ok(g_plugin->begin_document(inst, &doc, &ds) == 0, "begin_document");
    ok(g_plugin->score_passage(inst, ds, &doc, &p, (credscore_sink *)&ss) == 0,
       "a span that ends inside a word scored");
    g_plugin->end_document(inst, ds);
    expect(0, "on_record", "surname", "Varga said");
    is_int(g_nfound, 1, "the word ends with its sentence: one finding");
}

/* Verbs whose object makes them no statement, known by their word ids
 * (every form, any case): adding or confirming a person or a number,
 * urging someone to act. */
static void test_verbs_with_objects(void *inst)
{
    static const char *const none[] = {
        "Police Chief Marta Ebbers added two officers to the downtown patrol.",
        "Police Chief Marta Ebbers ADDED two officers to the downtown patrol.",
        "Police Chief Marta Ebbers adds two officers to the downtown patrol.",
        "The Senate confirmed Ramaswamy 54-45 on Tuesday.",
        "The Senate Confirms Ramaswamy as treasurer.",
        "Mayor Ilse Varga urged senators to drop the amendment.",
        "Mayor Ilse Varga Urges senators to drop the amendment.",
    };
    for (size_t k = 0; k < sizeof(none) / sizeof(none[0]); k++)
        expect_none(inst, none[k]);
    run1(inst, "Police Chief Marta Ebbers added that two officers would join the patrol.");
    expect(0, "on_record", "named-speaker", "Police Chief Marta Ebbers added");
    run1(inst, "The ministry confirmed that the port would reopen.");
    expect(0, "institutional", "institution", "The ministry confirmed");
    run1(inst, "Mayor Ilse Varga urged that the amendment be dropped.");
    expect(0, "on_record", "named-speaker", "Mayor Ilse Varga urged");
}

/* A configured outlet of one long word: its key is longer than the part
 * an entry holds, so the look-up compares the rest from the key arena. */
static void test_long_outlet(void)
{
    static const char *const items[] = {"Kestriantelegraphgazette", "Lanternpost"};
    void *inst;
    char err[200];
    ok(create_with_outlets(items, 2, &inst, err, sizeof(err)) == 0,
       "create with long outlet names");
    run1(inst, "Halvorsen told Kestriantelegraphgazette that the port would reopen.");
    expect(0, "media", "outlet", "told Kestriantelegraphgazette");
    run1(inst, "Halvorsen told Kestriantelegraphgazettes that the port would reopen.");
    ok(get(0, "media", "told Kestriantelegraphgazettes") == NULL, "a longer word is not the outlet");
    run1(inst, "Halvorsen told Lanternpost that the port would reopen.");
    expect(0, "media", "outlet", "told Lanternpost");
    g_plugin->destroy(inst);
}

/* The plugin carries its lexicon of the built-in tables already built
 * (lexicon_data.c); with an outlet configured it builds one at start
 * instead.  Both must read the article alike (the extra outlet aside). */
static void test_builtin_lexicon(void *inst)
{
    static const char *const items[] = {"Zzyzxian Courier"};
    static found mine[64];
    void *built;
    char err[200];
    if (!ok(create_with_outlets(items, 1, &built, err, sizeof(err)) == 0,
            "create with a lexicon built at start"))
        return;
    run_doc(inst, g_art, ART_N);
    size_t n = g_nfound < 64 ? g_nfound : 64;
    memcpy(mine, g_found, n * sizeof(found));
    run_doc(built, g_art, ART_N);
    is_int((long)g_nfound, (long)n, "built-in and built lexicons: as many findings");
    size_t same = 0;
    for (size_t k = 0; k < n && k < g_nfound; k++)
        same += mine[k].passage == g_found[k].passage &&
                strcmp(mine[k].marker, g_found[k].marker) == 0 &&
                strcmp(mine[k].rule, g_found[k].rule) == 0 &&
                strcmp(mine[k].span, g_found[k].span) == 0 &&
                mine[k].confidence == g_found[k].confidence;
    is_int((long)same, (long)n, "built-in and built lexicons: the same findings, in order");
    ok(n >= 15, "and there are findings to compare (%zu)", n);
    g_plugin->destroy(built);
}

int main(void)
{
    void *h, *inst;
    if (!(g_plugin = fake_host_load("attribution", &h)))
        return done_testing();
    test_descriptor();
    if (!fake_host_create(&inst))
        return done_testing();
    test_article(inst);
    test_negatives(inst);
    test_apostrophes_and_quotes(inst);
    test_more_sources(inst);
    test_wordnet_cues(inst);
    test_between(inst);
    test_typing(inst);
    test_crowds(inst);
    test_whole_words(inst);
    test_media_verbs(inst);
    test_edge_cases(inst);
    test_word_shapes(inst);
    test_block_reads(inst);
    test_verbs_with_objects(inst);
    test_builtin_lexicon(inst);
    g_plugin->destroy(inst);
    test_outlet_option();
    test_long_outlet();
    return fake_host_done(h);
}
