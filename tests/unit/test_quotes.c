/*
 * test_quotes.c - unit tests of the bundled quotes plugin.
 *
 * Loads $BUILD/plugins/quotes.so (BUILD defaults to "build") with dlopen,
 * drives it through a fake host (emit collects findings; options come
 * from a small in-test table; alloc/free are counted) over invented
 * articles, and checks exact markers, rule ids and quoted spans,
 * including a quote that runs over two passages.  Output: TAP.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"
#include "tap.h"

#define MAX_FINDINGS 128

typedef struct found {
    size_t passage;
    char marker[32];
    char rule[48];
    char span[512];
    double confidence;
    char message[256];
} found;

typedef struct sink_state {
    const char *text;
    size_t len, passage;
} sink_state;

static found g_found[MAX_FINDINGS];
static size_t g_nfound;
static int g_bad_spans;
static long g_live_allocs;

static int fake_emit(credscore_sink *sink, const credscore_finding *f)
{
    sink_state *s = (sink_state *)sink;
    if (!f || !f->marker || !f->rule || f->start >= f->end || f->end > s->len) {
        g_bad_spans++;
        return -1;
    }
    if (g_nfound >= MAX_FINDINGS)
        return -1;
    found *x = &g_found[g_nfound++];
    x->passage = s->passage;
    snprintf(x->marker, sizeof(x->marker), "%s", f->marker);
    snprintf(x->rule, sizeof(x->rule), "%s", f->rule);
    snprintf(x->span, sizeof(x->span), "%.*s", (int)(f->end - f->start), s->text + f->start);
    snprintf(x->message, sizeof(x->message), "%s", f->message ? f->message : "");
    x->confidence = f->confidence;
    return 0;
}

static void *fake_alloc(size_t n)
{
    void *p = malloc(n);
    if (p)
        g_live_allocs++;
    return p;
}

static void fake_free(void *p)
{
    if (p)
        g_live_allocs--;
    free(p);
}

/* In-test options: key -> scalar text. */
typedef struct opt {
    const char *key, *value;
} opt;
typedef struct opts {
    const opt *o;
    size_t n;
} opts;

static const char *lookup(const credscore_options *co, const char *key)
{
    const opts *os = (const opts *)co;
    for (size_t i = 0; os && i < os->n; i++)
        if (strcmp(os->o[i].key, key) == 0)
            return os->o[i].value;
    return NULL;
}

static const char *fake_opt_string(const credscore_options *co, const char *key)
{
    return lookup(co, key);
}

static int fake_opt_int(const credscore_options *co, const char *key, long long *out)
{
    const char *v = lookup(co, key);
    char *end;
    if (!v)
        return -1;
    long long x = strtoll(v, &end, 10);
    if (*end)
        return -1;
    *out = x;
    return 0;
}

static int fake_opt_bool(const credscore_options *co, const char *key, int *out)
{
    const char *v = lookup(co, key);
    if (!v || (strcmp(v, "true") != 0 && strcmp(v, "false") != 0))
        return -1;
    *out = strcmp(v, "true") == 0;
    return 0;
}

static credscore_host g_host = {
    .struct_size = sizeof(credscore_host),
    .abi_major = CREDSCORE_ABI_MAJOR,
    .abi_minor = CREDSCORE_ABI_MINOR,
    .emit = fake_emit,
    .alloc = fake_alloc,
    .free = fake_free,
    .option_string = fake_opt_string,
    .option_int = fake_opt_int,
    .option_bool = fake_opt_bool,
};

/* Naive sentence splitter: a break after ". ". */
static size_t split(const char *t, credscore_span *sp, size_t cap)
{
    size_t n = 0, start = 0, len = strlen(t);
    for (size_t i = 0; i + 1 < len && n + 1 < cap; i++) {
        if (t[i] == '.' && t[i + 1] == ' ') {
            sp[n].start = start;
            sp[n].end = i + 1;
            n++;
            start = i + 2;
        }
    }
    if (start < len) {
        sp[n].start = start;
        sp[n].end = len;
        n++;
    }
    return n;
}

static const credscore_plugin *g_plugin;

static int run_doc(void *inst, const char *const *passages, size_t n)
{
    credscore_document doc = {sizeof(doc), "test", "text", n};
    void *ds = NULL;
    int rc = 0;
    g_nfound = 0;
    if (g_plugin->begin_document(inst, &doc, &ds) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        credscore_span sp[64];
        size_t ns = split(passages[i], sp, 64);
        credscore_passage p = {sizeof(p), passages[i], strlen(passages[i]), sp, ns, i,
                               CREDSCORE_SCOPE_PARAGRAPH};
        sink_state ss = {passages[i], strlen(passages[i]), i};
        if (g_plugin->score_passage(inst, ds, &doc, &p, (credscore_sink *)&ss) != 0)
            rc = -1;
    }
    g_plugin->end_document(inst, ds);
    return rc;
}

static size_t count_in(size_t p)
{
    size_t k = 0;
    for (size_t i = 0; i < g_nfound; i++)
        k += g_found[i].passage == p;
    return k;
}

static void dump(void)
{
    for (size_t i = 0; i < g_nfound; i++)
        printf("#   [%zu] %s %s \"%s\" conf=%.2f | %s\n", g_found[i].passage, g_found[i].marker,
               g_found[i].rule, g_found[i].span, g_found[i].confidence, g_found[i].message);
}

static void expect(size_t p, const char *marker, const char *rule, const char *span, double conf)
{
    const found *f = NULL;
    for (size_t i = 0; i < g_nfound; i++)
        if (g_found[i].passage == p && strcmp(g_found[i].marker, marker) == 0 &&
            strcmp(g_found[i].span, span) == 0)
            f = &g_found[i];
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

    static const opt lax[] = {{"orphan_strict", "false"}, {"orphan_min_words", "6"}};
    static const opts olax = {lax, 2};
    ok(g_plugin->create(&g_host, (const credscore_options *)&olax, &inst, err, sizeof(err)) == 0,
       "create (orphan_strict false)");
    run_doc(inst, art, 2);
    expect(1, "anonymous", "orphan-quote", "“a full and open review of all the costs”", 0.5);
    is_int(g_nfound, 1, "lax: one orphan");
    g_plugin->destroy(inst);

    static const opt bad[] = {{"orphan_min_words", "0"}};
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
    for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
        credscore_passage p = {sizeof(p), odd[i], strlen(odd[i]), NULL, 0, i, 0};
        sink_state ss = {odd[i], strlen(odd[i]), i};
        ok(g_plugin->score_passage(inst, ds, &doc, &p, (credscore_sink *)&ss) == 0,
           "odd passage %zu scored", i);
    }
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

int main(void)
{
    const char *build = getenv("BUILD");
    char path[1024];
    snprintf(path, sizeof(path), "%s/plugins/quotes.so", build && *build ? build : "build");
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!ok(h != NULL, "dlopen %s", path)) {
        printf("# %s\n", dlerror());
        return done_testing();
    }
    credscore_plugin_entry_fn entry =
        (credscore_plugin_entry_fn)dlsym(h, CREDSCORE_PLUGIN_ENTRY_SYMBOL);
    if (!ok(entry != NULL, "entry point found"))
        return done_testing();
    g_plugin = entry(&g_host);
    if (!ok(g_plugin != NULL, "descriptor returned"))
        return done_testing();
    test_descriptor();

    void *inst = NULL;
    char err[200] = "";
    if (!ok(g_plugin->create(&g_host, NULL, &inst, err, sizeof(err)) == 0, "create: %s", err))
        return done_testing();
    test_article(inst);
    test_edge_cases(inst);
    g_plugin->destroy(inst);
    test_options();
    is_int(g_live_allocs, 0, "every host allocation freed");
    dlclose(h);
    return done_testing();
}
