/*
 * fuzz_markdown.c - libFuzzer target: CommonMark (cmark) articles.
 *
 * Each input is loaded with cs_document_load_memory(..., CS_FORMAT_MARKDOWN) -
 * UTF-8 validation, passage splitting, offset mapping, sentence
 * splitting - and, when it loads, every invariant of fuzz_common.h is
 * checked (a violation traps).  A refused input must come with a message.
 * No state survives between inputs.  Seeds: tests/fuzz/seeds/markdown/;
 * reproducers of fixed crashes: tests/fuzz/regressions/markdown/.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_load_and_check(data, size, CS_FORMAT_MARKDOWN);
}
