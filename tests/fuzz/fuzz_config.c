/*
 * fuzz_config.c - libFuzzer target: credscore.yaml loading (yaml_tree.c,
 * config*.c) and printing.
 *
 * Each input is a user config overlaid on the built-in defaults with
 * cs_config_load_mem, as if read from FUZZ_CONFIG_PATH (a folder that does
 * not exist, so relative paths resolve to it without touching files).
 * Checks (a violation traps):
 *   - a refused input comes with a message;
 *   - a loaded config is well-formed: at least one band, the last with
 *     min 0, bands sorted highest first, every marker named;
 *   - printed with cs_config_print (into an open_memstream), it loads
 *     again, and printing that second config gives the very same text
 *     (`credscore config` output is a fixed point).
 * Every cs_config is freed before returning; no state between inputs.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "fuzz_common.h"

#define FUZZ_CONFIG_PATH "/credscore-fuzz-nonexistent/credscore.yaml"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print c into a malloc'd NUL-terminated string (*len bytes). */
static char *print_config(const cs_config *c, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(cs_config_print(c, f) == 0);
    FUZZ_CHECK(fclose(f) == 0);
    return text;
}

static void check_config(const cs_config *c)
{
    FUZZ_CHECK(c->nbands >= 1 && c->bands[c->nbands - 1].min == 0);
    for (size_t i = 0; i + 1 < c->nbands; i++)
        FUZZ_CHECK(c->bands[i].min > c->bands[i + 1].min);
    for (size_t i = 0; i < c->nbands; i++)
        FUZZ_CHECK(c->bands[i].verdict != NULL);
    for (size_t i = 0; i < c->nmarkers; i++)
        FUZZ_CHECK(c->markers[i].name != NULL && c->markers[i].name[0] != '\0');
    FUZZ_CHECK(cs_config_verdict(c, 0) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cs_config c1, c2;
    cs_diag d;
    d.msg[0] = '\0';
    if (cs_config_load_mem(&c1, FUZZ_CONFIG_PATH, (const char *)data, size, &d) != 0) {
        FUZZ_CHECK(d.msg[0] != '\0');
        cs_config_free(&c1);
        return 0;
    }
    check_config(&c1);
    size_t len1 = 0, len2 = 0;
    char *text1 = print_config(&c1, &len1);
    if (cs_config_load_mem(&c2, FUZZ_CONFIG_PATH, text1, len1, &d) != 0) {
        fprintf(stderr, "fuzz_config: printed config does not load again: %s\n%s\n", d.msg,
                text1);
        __builtin_trap();
    }
    check_config(&c2);
    char *text2 = print_config(&c2, &len2);
    if (len1 != len2 || memcmp(text1, text2, len1) != 0) {
        fprintf(stderr, "fuzz_config: printing is not a fixed point\n--- first\n%s\n--- second\n%s\n",
                text1, text2);
        __builtin_trap();
    }
    free(text1);
    free(text2);
    cs_config_free(&c1);
    cs_config_free(&c2);
    return 0;
}
