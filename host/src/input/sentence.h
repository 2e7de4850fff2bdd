/*
 * sentence.h - news-aware sentence splitting.
 *
 * Splits a passage into sentences without breaking after abbreviations
 * (U.S., Gen., Sen., Mr., Jan., No., St. ...), initials ("J. K. Rowling"),
 * decimals and times (3.5, 10.30 a.m.), and keeps a closing quote or
 * bracket after the final period with its sentence.  Pure function, no
 * allocation, no state: safe from any thread.
 */
#ifndef CS_SENTENCE_H
#define CS_SENTENCE_H

#include <stddef.h>

/* Called once per sentence with its byte span [start, end) in text,
 * leading/trailing white space excluded.  A non-zero return stops the
 * split and is returned by cs_split_sentences. */
typedef int (*cs_sentence_cb)(void *ctx, size_t start, size_t end);

/* Split text[0..len) and report each sentence in order.  Returns 0, or the
 * first non-zero value the callback returned. */
int cs_split_sentences(const char *text, size_t len, cs_sentence_cb cb, void *ctx);

#endif
