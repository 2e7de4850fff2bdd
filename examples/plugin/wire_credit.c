/*
 * wire_credit.c - an example third-party credscore plugin, built out of tree.
 *
 * It finds wire-service credits: a dateline credit such as "PARIS (AP) —",
 * a closing line "Reuters contributed to this report", or "via AFP", and
 * emits a `media` finding for each, so editors see which passages rest on
 * agency copy.  The agencies come from the option `agencies` (a list) or a
 * built-in default.
 *
 * Build:   make            (uses `pkg-config --cflags credscore`)
 * Use:     plugins: [{path: ./wire_credit.so, options: {agencies: [AP, Reuters]}}]
 */
#include <credscore/plugin.h>
#include <ctype.h>
#include <string.h>

#define MAX_AGENCIES 32

typedef struct wire {
    const credscore_host *host;
    char agencies[MAX_AGENCIES][48];
    size_t n;
} wire;

static const char *const default_agencies[] = {"AP", "Reuters", "AFP", "dpa", "ANSA", "EFE",
                                               "Kyodo", "Xinhua", "PA", "UPI", NULL};

static int wire_create(const credscore_host *host, const credscore_options *opts,
                       void **instance, char *err, size_t errlen)
{
    wire *w = host->alloc(sizeof *w);
    if (w == NULL) {
        strncpy(err, "out of memory", errlen - 1);
        err[errlen - 1] = '\0';
        return -1;
    }
    memset(w, 0, sizeof *w);
    w->host = host;
    size_t n = host->option_list_count(opts, "agencies");
    for (size_t i = 0; i < n && w->n < MAX_AGENCIES; i++) {
        const char *a = host->option_list_item(opts, "agencies", i);
        if (a && *a && strlen(a) < sizeof w->agencies[0])
            strcpy(w->agencies[w->n++], a);
    }
    for (size_t i = 0; n == 0 && default_agencies[i]; i++)
        strcpy(w->agencies[w->n++], default_agencies[i]);
    *instance = w;
    return 0;
}

static void wire_destroy(void *instance)
{
    wire *w = instance;
    w->host->free(w);
}

static int word_at(const char *text, size_t len, size_t i, const char *word, size_t n)
{
    if (i + n > len || memcmp(text + i, word, n) != 0)
        return 0;
    int left = i == 0 || !isalnum((unsigned char)text[i - 1]);
    int right = i + n == len || !isalnum((unsigned char)text[i + n]);
    return left && right;
}

static void emit(wire *w, credscore_sink *sink, size_t start, size_t end, const char *rule,
                 const char *message)
{
    credscore_finding f = {0};
    f.struct_size = sizeof f;
    f.marker = "media";
    f.rule = rule;
    f.start = start;
    f.end = end;
    f.confidence = 1.0;
    f.message = message;
    w->host->emit(sink, &f);
}

static int wire_score(void *instance, void *doc_state, const credscore_document *doc,
                      const credscore_passage *p, credscore_sink *sink)
{
    wire *w = instance;
    (void)doc_state;
    (void)doc;
    for (size_t a = 0; a < w->n; a++) {
        const char *name = w->agencies[a];
        size_t n = strlen(name);
        for (size_t i = 0; i < p->len; i++) {
            /* "(AP)" in a dateline */
            if (p->text[i] == '(' && word_at(p->text, p->len, i + 1, name, n) &&
                i + 1 + n < p->len && p->text[i + 1 + n] == ')') {
                emit(w, sink, i, i + n + 2, "dateline",
                     "Wire copy: say what this newsroom added or checked");
                continue;
            }
            if (!word_at(p->text, p->len, i, name, n))
                continue;
            static const char contributed[] = " contributed to this report";
            size_t c = sizeof contributed - 1;
            if (i + n + c <= p->len && memcmp(p->text + i + n, contributed, c) == 0)
                emit(w, sink, i, i + n + c, "contributed",
                     "An agency contributed: credit it where its facts are used");
            else if (i >= 4 && memcmp(p->text + i - 4, "via ", 4) == 0)
                emit(w, sink, i - 4, i + n, "via", "Credited to an agency via a byline");
        }
    }
    return 0;
}

static const char *const wire_markers[] = {"media", NULL};

/* The options create reads: any other key under `options:` is a config
 * error naming the line (with a "did you mean"). */
static const credscore_option wire_options[] = {
    {"agencies", "list of agency names to look for (default: AP, Reuters, AFP, ...)"},
    {NULL, NULL}};

/* The rules wire_score emits, described for `credscore rules` and SARIF. */
static const credscore_rule_info wire_rules[] = {
    {"dateline", "media", "A dateline credit to a wire agency, such as \"PARIS (AP) -\".",
     "Say what this newsroom added to the agency's copy or checked itself."},
    {"contributed", "media", "A closing line saying an agency contributed to the report.",
     "Credit the agency where its facts are used, not only at the end."},
    {"via", "media", "A credit to an agency through \"via\".", NULL},
    {NULL, NULL, NULL, NULL}};

static const credscore_plugin wire_plugin = {
    CREDSCORE_PLUGIN_HEADER,
    .name = "wire_credit",
    .version = "1.0.0",
    .license = "MIT",
    .description = "Finds wire-service credits (datelines, contributed-to lines)",
    .markers = wire_markers,
    .flags = CREDSCORE_PLUGIN_THREAD_SAFE,
    .create = wire_create,
    .destroy = wire_destroy,
    .score_passage = wire_score,
    .options = wire_options, /* since ABI 1.1 */
    .rules = wire_rules,     /* since ABI 1.1 */
};

CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    /* Refuse politely on a host older than the ABI this was built for. */
    if (host->abi_major != CREDSCORE_ABI_MAJOR)
        return NULL;
    return &wire_plugin;
}
