/*
 * rawbytes.c - a test plugin that hands the host bytes no report may pass
 * on as they are.  For every "zebra" in a passage it emits a `social`
 * finding over the word whose rule id and message hold an ESC sequence, a
 * C1 control (U+009B, CSI) and a byte that is not UTF-8; for the first
 * character of two or more bytes in a passage it emits a finding that
 * starts inside that character (the host must refuse it with a warning)
 * and one that ends inside it.  tests/cli/35-input-safety.t uses it.
 */
#include <stddef.h>
#include <string.h>

#include "credscore/plugin.h"

typedef struct rawbytes {
    const credscore_host *host;
} rawbytes;

static int r_create(const credscore_host *host, const credscore_options *opts, void **instance,
                    char *err, size_t errlen)
{
    (void)opts;
    (void)err;
    (void)errlen;
    rawbytes *r = host->alloc(sizeof *r);
    if (r == NULL)
        return -1;
    r->host = host;
    *instance = r;
    return 0;
}

static void r_destroy(void *instance)
{
    rawbytes *r = instance;
    r->host->free(r);
}

static int r_score(void *instance, void *doc_state, const credscore_document *doc,
                   const credscore_passage *p, credscore_sink *sink)
{
    rawbytes *r = instance;
    (void)doc_state;
    (void)doc;
    static const char word[] = "zebra";
    size_t n = sizeof word - 1;
    for (size_t i = 0; i + n <= p->len; i++) {
        if (memcmp(p->text + i, word, n) != 0)
            continue;
        credscore_finding f = {sizeof f, "social", "esc\x1b[31mred\xc2\x9b\xff", i, i + n, 0, 0,
                               1.0, "bad \xff byte \x1b[2J cleared"};
        r->host->emit(sink, &f);
    }
    for (size_t i = 0; i < p->len; i++) {
        if (((unsigned char)p->text[i] & 0xC0) != 0xC0)
            continue;
        /* i starts a character of two bytes or more */
        credscore_finding inside = {sizeof inside, "social", "split", i + 1, i + 2, 0, 0, 1.0,
                                    "starts inside a character"};
        r->host->emit(sink, &inside);
        if (i > 0) {
            credscore_finding ends = {sizeof ends, "social", "split", i - 1, i + 1, 0, 0, 1.0,
                                      "ends inside a character"};
            r->host->emit(sink, &ends);
        }
        break;
    }
    return 0;
}

static const char *const r_markers[] = {"social", NULL};

static const credscore_plugin r_desc = {
    .struct_size = sizeof(credscore_plugin),
    .abi_major = CREDSCORE_ABI_MAJOR,
    .abi_minor = CREDSCORE_ABI_MINOR,
    .name = "rawbytes",
    .version = "0.0.1",
    .license = "MIT",
    .description = "test plugin: rule ids, messages and spans that are not clean UTF-8",
    .markers = r_markers,
    .create = r_create,
    .destroy = r_destroy,
    .score_passage = r_score,
};

CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
    return &r_desc;
}
