/*
 * weighty.c - a test plugin that gives its findings the weight its
 * configuration names: for every "zebra" in a passage it emits a `social`
 * finding with the option `weight` (a number, default 1) as its weight.
 * tests/cli/34-numbers.t uses it to check that the host refuses weights
 * outside -1000..1000 (and that huge ones never reach a score or a report).
 */
#include <stddef.h>
#include <string.h>

#include "credscore/plugin.h"

typedef struct weighty {
    const credscore_host *host;
    double weight;
} weighty;

static int w_create(const credscore_host *host, const credscore_options *opts, void **instance,
                    char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    weighty *w = host->alloc(sizeof *w);
    if (w == NULL)
        return -1;
    w->host = host;
    w->weight = 1;
    host->option_double(opts, "weight", &w->weight); /* absent: keeps 1 */
    *instance = w;
    return 0;
}

static void w_destroy(void *instance)
{
    weighty *w = instance;
    w->host->free(w);
}

static int w_score(void *instance, void *doc_state, const credscore_document *doc,
                   const credscore_passage *p, credscore_sink *sink)
{
    weighty *w = instance;
    (void)doc_state;
    (void)doc;
    static const char word[] = "zebra";
    size_t n = sizeof word - 1;
    for (size_t i = 0; i + n <= p->len; i++) {
        if (memcmp(p->text + i, word, n) != 0)
            continue;
        credscore_finding f = {sizeof f, "social", "weighed", i, i + n, w->weight, 1, 1.0,
                               "weighty saw a zebra"};
        w->host->emit(sink, &f);
    }
    return 0;
}

static const char *const w_markers[] = {"social", NULL};

static const credscore_plugin w_desc = {
    .struct_size = sizeof(credscore_plugin),
    .abi_major = CREDSCORE_ABI_MAJOR,
    .abi_minor = CREDSCORE_ABI_MINOR,
    .name = "weighty",
    .version = "0.0.1",
    .license = "MIT",
    .description = "test plugin: findings weigh what its options say",
    .markers = w_markers,
    .create = w_create,
    .destroy = w_destroy,
    .score_passage = w_score,
};

CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
    return &w_desc;
}
