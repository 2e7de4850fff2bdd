/*
 * fake_host.h - a fake plugin host for the unit tests of bundled plugins.
 *
 * Include once, after tap.h, from a test that loads a plugin .so:
 *
 *   g_plugin = fake_host_load("quotes", &h);  dlopen, entry, descriptor (3 TAP points)
 *   fake_host_create(&inst);                  an instance with default options
 *   run_doc(inst, passages, n);               score a document; findings -> g_found
 *   score_odd(inst, ds, &doc, texts, n);      odd passages without sentence spans
 *   get(p, marker, span), count_in(p), dump() look at what was found
 *   return fake_host_done(h);                 allocations freed?  dlclose, plan
 *
 * The host (g_host) collects findings through emit (a span outside its
 * passage counts in g_bad_spans and is refused), counts live alloc/free
 * pairs in g_live_allocs, logs as TAP comments, and answers options from
 * an in-test table: pass a `const opts *` cast to `const credscore_options *`.
 * Sentences come from a naive splitter (see split()).  Everything is static:
 * one test binary, one plugin.
 */
#ifndef CS_FAKE_HOST_H
#define CS_FAKE_HOST_H

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"
#include "tap.h"

#define MAX_FINDINGS 256

/* The helpers a test may leave unused without a warning. */
#define CS_FAKE_HOST_API __attribute__((unused))

/* One finding as the plugin emitted it, with its span text copied out. */
typedef struct found {
    size_t passage;
    char marker[32];
    char rule[48];
    char span[512];
    double confidence, weight;
    int has_weight;
    char message[256];
} found;

/* What a credscore_sink points to: the passage being scored. */
typedef struct sink_state {
    const char *text;
    size_t len, passage;
} sink_state;

static found g_found[MAX_FINDINGS];
static size_t g_nfound;
static int g_bad_spans;
static long g_live_allocs;
static const credscore_plugin *g_plugin;

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
    x->weight = f->weight;
    x->has_weight = f->has_weight;
    return 0;
}

static void fake_log(const credscore_host *h, int level, const char *msg)
{
    (void)h;
    printf("# plugin log %d: %s\n", level, msg);
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

/* In-test option table: a scalar (value) or a list of strings (list, nlist). */
typedef struct opt {
    const char *key;
    const char *value;           /* scalar, or NULL */
    const char *const *list;     /* list items, or NULL */
    size_t nlist;
} opt;

typedef struct opts {
    const opt *o;
    size_t n;
} opts;

static const opt *find_opt(const credscore_options *co, const char *key)
{
    const opts *os = (const opts *)co;
    for (size_t i = 0; os && i < os->n; i++)
        if (strcmp(os->o[i].key, key) == 0)
            return &os->o[i];
    return NULL;
}

static const char *fake_opt_string(const credscore_options *co, const char *key)
{
    const opt *o = find_opt(co, key);
    return o ? o->value : NULL;
}

static int fake_opt_int(const credscore_options *co, const char *key, long long *out)
{
    const opt *o = find_opt(co, key);
    char *end;
    if (!o || !o->value)
        return -1;
    long long v = strtoll(o->value, &end, 10);
    if (*end)
        return -1;
    *out = v;
    return 0;
}

static int fake_opt_double(const credscore_options *co, const char *key, double *out)
{
    const opt *o = find_opt(co, key);
    if (!o || !o->value)
        return -1;
    *out = atof(o->value);
    return 0;
}

/* "true" or "false"; anything else is not a boolean (-1). */
static int fake_opt_bool(const credscore_options *co, const char *key, int *out)
{
    const opt *o = find_opt(co, key);
    if (!o || !o->value || (strcmp(o->value, "true") != 0 && strcmp(o->value, "false") != 0))
        return -1;
    *out = strcmp(o->value, "true") == 0;
    return 0;
}

static size_t fake_opt_count(const credscore_options *co, const char *key)
{
    const opt *o = find_opt(co, key);
    return o && o->list ? o->nlist : 0;
}

static const char *fake_opt_item(const credscore_options *co, const char *key, size_t i)
{
    const opt *o = find_opt(co, key);
    return o && o->list && i < o->nlist ? o->list[i] : NULL;
}

static credscore_host g_host = {
    .struct_size = sizeof(credscore_host),
    .abi_major = CREDSCORE_ABI_MAJOR,
    .abi_minor = CREDSCORE_ABI_MINOR,
    .emit = fake_emit,
    .log = fake_log,
    .alloc = fake_alloc,
    .free = fake_free,
    .option_string = fake_opt_string,
    .option_int = fake_opt_int,
    .option_double = fake_opt_double,
    .option_bool = fake_opt_bool,
    .option_list_count = fake_opt_count,
    .option_list_item = fake_opt_item,
};

/* Load $BUILD/plugins/NAME.so (BUILD defaults to "build") and return its
 * descriptor, with the handle in *handle for dlclose; NULL on failure.
 * Three TAP points: dlopen, entry point, descriptor. */
static CS_FAKE_HOST_API const credscore_plugin *fake_host_load(const char *name, void **handle)
{
    const char *build = getenv("BUILD");
    char path[1024];
    snprintf(path, sizeof(path), "%s/plugins/%s.so", build && *build ? build : "build", name);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    *handle = h;
    if (!ok(h != NULL, "dlopen %s", path)) {
        printf("# %s\n", dlerror());
        return NULL;
    }
    credscore_plugin_entry_fn entry =
        (credscore_plugin_entry_fn)dlsym(h, CREDSCORE_PLUGIN_ENTRY_SYMBOL);
    if (!ok(entry != NULL, "entry point found"))
        return NULL;
    const credscore_plugin *pl = entry(&g_host);
    if (!ok(pl != NULL, "descriptor returned"))
        return NULL;
    return pl;
}

/* Create an instance of g_plugin with default options into *inst: one TAP
 * point ("create: REASON").  Returns nonzero on success. */
static CS_FAKE_HOST_API int fake_host_create(void **inst)
{
    char err[200] = "";
    *inst = NULL;
    return ok(g_plugin->create(&g_host, NULL, inst, err, sizeof(err)) == 0, "create: %s", err);
}

/* End of a test: checks every host allocation was freed, closes the
 * plugin (handle from fake_host_load), prints the plan; returns the exit
 * status for main. */
static CS_FAKE_HOST_API int fake_host_done(void *handle)
{
    is_int(g_live_allocs, 0, "every host allocation freed");
    dlclose(handle);
    return done_testing();
}

/* Naive sentence splitter: a break after ". " unless the word before the
 * period is a one-letter initial or a short title abbreviation. */
static size_t split(const char *t, credscore_span *sp, size_t cap)
{
    static const char *const abbr[] = {"Gen", "Mr", "Mrs", "Ms", "Dr", "Sen", "Col", "Lt"};
    size_t n = 0, start = 0, len = strlen(t);
    for (size_t i = 0; i + 1 < len && n + 1 < cap; i++) {
        if (t[i] != '.' || t[i + 1] != ' ')
            continue;
        size_t w = i;
        while (w > start && t[w - 1] != ' ')
            w--;
        int keep = i - w == 1;
        for (size_t k = 0; k < sizeof(abbr) / sizeof(abbr[0]); k++)
            if (strlen(abbr[k]) == i - w && strncmp(t + w, abbr[k], i - w) == 0)
                keep = 1;
        if (keep)
            continue;
        sp[n].start = start;
        sp[n].end = i + 1;
        n++;
        start = i + 2;
    }
    if (start < len) {
        sp[n].start = start;
        sp[n].end = len;
        n++;
    }
    return n;
}

/* Score one document with g_plugin; findings land in g_found (cleared first). */
static CS_FAKE_HOST_API int run_doc(void *inst, const char *const *passages, size_t n)
{
    credscore_document doc = {sizeof(doc), "test", "text", n};
    void *ds = NULL;
    int rc = 0;
    g_nfound = 0;
    if (g_plugin->begin_document && g_plugin->begin_document(inst, &doc, &ds) != 0)
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
    if (g_plugin->end_document)
        g_plugin->end_document(inst, ds);
    return rc;
}

/* Score odd passages one by one in document doc (state ds), with no
 * sentence spans: one TAP point per passage ("odd passage N scored"). */
static CS_FAKE_HOST_API void score_odd(void *inst, void *ds, const credscore_document *doc,
                      const char *const *texts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        credscore_passage p = {sizeof(p), texts[i], strlen(texts[i]), NULL, 0, i, 0};
        sink_state ss = {texts[i], strlen(texts[i]), i};
        ok(g_plugin->score_passage(inst, ds, doc, &p, (credscore_sink *)&ss) == 0,
           "odd passage %zu scored", i);
    }
}

/* The first finding of passage p with this marker and span, or NULL. */
static CS_FAKE_HOST_API const found *get(size_t p, const char *marker, const char *span)
{
    for (size_t i = 0; i < g_nfound; i++)
        if (g_found[i].passage == p && strcmp(g_found[i].marker, marker) == 0 &&
            strcmp(g_found[i].span, span) == 0)
            return &g_found[i];
    return NULL;
}

/* How many findings passage p has. */
static CS_FAKE_HOST_API size_t count_in(size_t p)
{
    size_t k = 0;
    for (size_t i = 0; i < g_nfound; i++)
        k += g_found[i].passage == p;
    return k;
}

/* Every finding as a TAP comment (for a failing check). */
static CS_FAKE_HOST_API void dump(void)
{
    for (size_t i = 0; i < g_nfound; i++)
        printf("#   [%zu] %s %s \"%s\" conf=%.2f w=%g/%d | %s\n", g_found[i].passage,
               g_found[i].marker, g_found[i].rule, g_found[i].span, g_found[i].confidence,
               g_found[i].weight, g_found[i].has_weight, g_found[i].message);
}

#endif
