/*
 * test_plugin.h - one configurable test plugin.  Each .c file in
 * tests/plugins defines the knobs it wants and includes this file; the Makefile
 * builds each into build/tests/plugins/NAME.so.
 *
 * Behaviour (when it loads): for every occurrence of the word given by the
 * option `trigger` (default "zebra") it emits a `social` finding over it;
 * "undeclared" emits a marker it did not declare; "outofrange" emits a span
 * past the passage end; "crashnow" dereferences NULL (used by later tests).
 * Knobs: TP_NAME, TP_ABI_MAJOR, TP_ABI_MINOR, TP_STRUCT_SIZE, TP_NO_SCORE,
 * TP_NO_ENTRY, TP_NULL_DESC, TP_CREATE_FAILS.
 */
#include <stddef.h>
#include <string.h>

#include "credscore/plugin.h"

#ifndef TP_NAME
#define TP_NAME "testplug"
#endif
#ifndef TP_ABI_MAJOR
#define TP_ABI_MAJOR CREDSCORE_ABI_MAJOR
#endif
#ifndef TP_ABI_MINOR
#define TP_ABI_MINOR CREDSCORE_ABI_MINOR
#endif
#ifndef TP_STRUCT_SIZE
#define TP_STRUCT_SIZE sizeof(credscore_plugin)
#endif

typedef struct tp_instance {
    const credscore_host *host;
    char trigger[64];
} tp_instance;

static tp_instance tp_storage; /* one instance is enough for the tests */

static int tp_create(const credscore_host *host, const credscore_options *opts, void **instance,
                     char *err, size_t errlen)
{
#ifdef TP_CREATE_FAILS
    (void)host;
    (void)opts;
    (void)instance;
    strncpy(err, "the licence key option is missing", errlen - 1);
    err[errlen - 1] = '\0';
    return -1;
#else
    (void)err;
    (void)errlen;
    tp_instance *t = host->alloc(sizeof *t);
    if (t == NULL)
        t = &tp_storage;
    t->host = host;
    const char *trig = host->option_string(opts, "trigger");
    strncpy(t->trigger, trig ? trig : "zebra", sizeof t->trigger - 1);
    t->trigger[sizeof t->trigger - 1] = '\0';
    *instance = t;
    host->log(host, CREDSCORE_LOG_DEBUG, "created");
    return 0;
#endif
}

static void tp_destroy(void *instance)
{
    tp_instance *t = instance;
    if (t != &tp_storage)
        t->host->free(t);
}

__attribute__((unused)) static int tp_score(void *instance, void *doc_state, const credscore_document *doc,
                    const credscore_passage *p, credscore_sink *sink)
{
    tp_instance *t = instance;
    (void)doc_state;
    (void)doc;
    const char *words[] = {t->trigger, "undeclared", "outofrange", "crashnow"};
    for (int w = 0; w < 4; w++) {
        size_t n = strlen(words[w]);
        for (size_t i = 0; n && i + n <= p->len; i++) {
            if (memcmp(p->text + i, words[w], n) != 0)
                continue;
            credscore_finding f = {sizeof f, "social", "trigger", i, i + n, 0, 0, 0.5,
                                   "test plugin saw its trigger word"};
            if (w == 1)
                f.marker = "gossip";
            if (w == 2)
                f.end = p->len + 10;
            if (w == 3) {
                volatile int *null = NULL;
                *null = 1;
            }
            t->host->emit(sink, &f);
        }
    }
    return 0;
}

static const char *const tp_markers[] = {"social", NULL};

static const credscore_plugin tp_desc = {
    .struct_size = (uint32_t)(TP_STRUCT_SIZE),
    .abi_major = TP_ABI_MAJOR,
    .abi_minor = TP_ABI_MINOR,
    .name = TP_NAME,
    .version = "0.0.1",
    .license = "MIT",
    .description = "test plugin",
    .markers = tp_markers,
    .create = tp_create,
    .destroy = tp_destroy,
#ifndef TP_NO_SCORE
    .score_passage = tp_score,
#endif
};

#ifndef TP_NO_ENTRY
CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
#ifdef TP_NULL_DESC
    return NULL;
#else
    return &tp_desc;
#endif
}
#else
/* Exports something, just not the entry point. */
CREDSCORE_EXPORT int credscore_plugin_entry_misspelt(void);
CREDSCORE_EXPORT int credscore_plugin_entry_misspelt(void)
{
    return (int)sizeof tp_desc;
}
#endif
