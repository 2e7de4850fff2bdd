/* A plugin that ends the whole process with exit(0) on a passage holding
 * "exitnow": a worker's clean exit must not pass for a scored article. */
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"

static int exits_create(const credscore_host *host, const credscore_options *opts,
                        void **instance, char *err, size_t errlen)
{
    static int storage;
    (void)host;
    (void)opts;
    (void)err;
    (void)errlen;
    *instance = &storage;
    return 0;
}

static void exits_destroy(void *instance)
{
    (void)instance;
}

static int exits_score(void *instance, void *doc_state, const credscore_document *doc,
                       const credscore_passage *p, credscore_sink *sink)
{
    static const char word[] = "exitnow";
    (void)instance;
    (void)doc_state;
    (void)doc;
    (void)sink;
    for (size_t i = 0; i + sizeof word - 1 <= p->len; i++)
        if (memcmp(p->text + i, word, sizeof word - 1) == 0)
            exit(0);
    return 0;
}

static const char *const exits_markers[] = {"social", NULL};

static const credscore_plugin exits_desc = {
    .struct_size = (uint32_t)sizeof(credscore_plugin),
    .abi_major = CREDSCORE_ABI_MAJOR,
    .abi_minor = CREDSCORE_ABI_MINOR,
    .name = "exitplug",
    .version = "0.0.1",
    .license = "MIT",
    .description = "test plugin that calls exit(0)",
    .markers = exits_markers,
    .create = exits_create,
    .destroy = exits_destroy,
    .score_passage = exits_score,
};

CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
    return &exits_desc;
}
