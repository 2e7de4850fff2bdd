/*
 * test_plugin.h - one configurable test plugin.  Each .c file in
 * tests/plugins defines the knobs it wants and includes this file; the Makefile
 * builds each into build/tests/plugins/NAME.so.
 *
 * Behaviour (when it loads): for every occurrence of the word given by the
 * option `trigger` (default "zebra") it emits a `social` finding over it;
 * "undeclared" emits a marker it did not declare; "outofrange" emits a span
 * past the passage end; "crashnow" dereferences NULL (used by later tests);
 * "unsure" emits a finding of rule "unsure" with confidence 0; "failnow"
 * fails the call, with the reason "the failnow word is not allowed here"
 * given through host->set_error (ABI 1.1).
 * Knobs: TP_NAME, TP_ABI_MAJOR, TP_ABI_MINOR, TP_STRUCT_SIZE, TP_NO_SCORE,
 * TP_NO_ENTRY, TP_NULL_DESC, TP_CREATE_FAILS;
 * TP_KEEP_HOST: keep the host pointer given to the entry and use it, and
 *   only it, from then on (emit, free in destroy); create fails unless it
 *   gets the same pointer; destroy logs a warning through it ("destroy: the
 *   host from the entry still works");
 * TP_DECLARE: declare options (trigger, min_ratio) and rules (trigger,
 *   unsure) with descriptions (ABI 1.1);
 * TP_BAD_RULE: declare a rule whose marker is not among the markers.
 * A file that includes a frozen older plugin.h first (abi10.c) is built
 * with that ABI's structs: the 1.1 parts are left out.
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

#ifdef TP_KEEP_HOST
static const credscore_host *tp_entry_host; /* the pointer the entry was given */
#endif

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
#ifdef TP_KEEP_HOST
    if (host != tp_entry_host) {
        strncpy(err, "create was given another host pointer than the entry", errlen - 1);
        err[errlen - 1] = '\0';
        return -1;
    }
#endif
    (void)err;
    (void)errlen;
    tp_instance *t = host->alloc(sizeof *t);
    if (t == NULL)
        t = &tp_storage;
    t->host = host;
#ifdef TP_KEEP_HOST
    t->host = tp_entry_host;
#endif
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
#ifdef TP_KEEP_HOST
    const credscore_host *h = tp_entry_host;
    if (h->struct_size == sizeof(credscore_host) && h->abi_major == CREDSCORE_ABI_MAJOR &&
        CREDSCORE_HOST_HAS(h, log))
        h->log(h, CREDSCORE_LOG_WARN, "destroy: the host from the entry still works");
#endif
    if (t != &tp_storage)
        t->host->free(t);
}

__attribute__((unused)) static int tp_score(void *instance, void *doc_state, const credscore_document *doc,
                    const credscore_passage *p, credscore_sink *sink)
{
    tp_instance *t = instance;
    (void)doc_state;
    (void)doc;
    const char *words[] = {t->trigger, "undeclared", "outofrange", "crashnow", "unsure", "failnow"};
    for (int w = 0; w < 6; w++) {
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
            if (w == 4) {
                f.rule = "unsure";
                f.confidence = 0;
            }
            if (w == 5) {
#if CREDSCORE_ABI_MINOR >= 1
                if (CREDSCORE_HOST_HAS(t->host, set_error))
                    t->host->set_error(sink, "the failnow word is not allowed here");
#endif
                return -1;
            }
            t->host->emit(sink, &f);
        }
    }
    return 0;
}

static const char *const tp_markers[] = {"social", NULL};

#ifdef TP_DECLARE
static const credscore_option tp_options[] = {
    {"trigger", "the word flagged as social (default zebra)"},
    {"min_ratio", "unused: shows a second option in listings"},
    {NULL, NULL}};
static const credscore_rule_info tp_rules[] = {
    {"trigger", "social", "Flags the trigger word as a social-media source.",
     "Find who posted it and name them, or cut the claim."},
    {"unsure", "social", "A finding the plugin is not sure of (confidence 0).", NULL},
    {NULL, NULL, NULL, NULL}};
#endif
#ifdef TP_BAD_RULE
static const credscore_rule_info tp_rules[] = {{"trigger", "gossip", "wrong marker", NULL},
                                               {NULL, NULL, NULL, NULL}};
#endif

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
#ifdef TP_DECLARE
    .options = tp_options,
#endif
#if defined(TP_DECLARE) || defined(TP_BAD_RULE)
    .rules = tp_rules,
#endif
};

#ifndef TP_NO_ENTRY
CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
#ifdef TP_KEEP_HOST
    tp_entry_host = host;
#endif
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
