/* test_matcher.c - the shared phrase matcher: folding, boundaries, spans. */
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "tap.h"

typedef struct {
    char got[2048];
} hits;

static int collect(void *ctx, uint32_t id, size_t start, size_t end)
{
    hits *h = ctx;
    size_t n = strlen(h->got);
    snprintf(h->got + n, sizeof h->got - n, "%s%u@%zu-%zu", n ? " " : "", id, start, end);
    return 0;
}

static const char *scan(cs_matcher *m, const char *text, hits *h)
{
    h->got[0] = '\0';
    cs_matcher_scan(m, text, strlen(text), collect, h);
    return h->got;
}

int main(void)
{
    cs_diag d;
    hits h;
    cs_matcher *m = cs_matcher_new();
    ok(m != NULL, "matcher allocates");
    ok(cs_matcher_add(m, "officials said", 1, &d) == 0, "add plain phrase");
    ok(cs_matcher_add(m, "could not   independently verify", 2, &d) == 0, "add with extra spaces");
    ok(cs_matcher_add(m, "said", 3, &d) == 0, "add a phrase that is a suffix of another");
    ok(cs_matcher_add(m, "Kremlin's", 4, &d) == 0, "add with apostrophe");
    ok(cs_matcher_add(m, "anonym*", 5, &d) == 0, "add a prefix phrase");
    ok(cs_matcher_add(m, "\"staged\"", 6, &d) == 0, "add a quoted phrase");
    ok(cs_matcher_add(m, "", 7, &d) == -1, "empty phrase refused");
    is_str(d.msg, "empty phrase", "empty phrase message");
    char longp[400];
    memset(longp, 'a', sizeof longp - 1);
    longp[sizeof longp - 1] = '\0';
    ok(cs_matcher_add(m, longp, 8, &d) == -1, "over-long phrase refused");
    ok(cs_matcher_compile(m, &d) == 0, "compile");
    is_int(cs_matcher_phrase_count(m), 6, "six phrases kept");

    is_str(scan(m, "Officials said the strike", &h), "1@0-14 3@10-14", "case folded, suffix reported too");
    is_str(scan(m, "OFFICIALS\n  SAID", &h), "1@0-16 3@12-16", "white-space runs fold");
    is_str(scan(m, "officials saidthat", &h), "", "no hit inside a longer word");
    is_str(scan(m, "nonofficials said", &h), "3@13-17", "no hit after a word character");
    is_str(scan(m, "the Kremlin\xE2\x80\x99s view", &h), "4@4-15", "curly apostrophe matches straight");
    is_str(scan(m, "on condition of anonymity", &h), "5@16-25", "prefix phrase spans the whole match start");
    is_str(scan(m, "called them \xE2\x80\x9Cstaged\xE2\x80\x9D today", &h), "6@12-24",
           "curly quotes match straight quotes");
    is_str(scan(m, "We could not independently verify it", &h), "2@3-33", "multi-word phrase span");
    is_str(scan(m, "", &h), "", "empty text");
    is_str(scan(m, "said said", &h), "3@0-4 3@5-9", "repeated hits");
    cs_matcher_free(m);

    /* Many phrases: every one found once. */
    m = cs_matcher_new();
    char phrase[64];
    for (unsigned i = 0; i < 2000; i++) {
        snprintf(phrase, sizeof phrase, "word%u marker", i);
        cs_matcher_add(m, phrase, i, &d);
    }
    ok(cs_matcher_compile(m, &d) == 0, "compile 2000 phrases");
    is_str(scan(m, "x word1999 marker y word7 marker", &h), "1999@2-17 7@20-32",
           "large automaton finds the right ids");
    cs_matcher_free(m);
    return done_testing();
}
