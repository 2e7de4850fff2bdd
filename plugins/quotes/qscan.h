/*
 * qscan.h - find the double-quoted spans of a passage.
 *
 * Curly (“ ” „), guillemet (« ») and straight (") quotes are recognised; a
 * straight quote opens after a space, a bracket or a dash and closes
 * otherwise.  A quote still open at the end of the previous passage
 * continues when this passage starts with an opening quote (news style
 * reopens each quoted paragraph) or when its first quote mark closes.
 * Single quotes are left alone (apostrophes, nested or scare quotes).
 *
 * Contract: reads text[0..len) only; writes at most cap parts (extra
 * quotes are dropped: a return value equal to cap means there may be
 * more) and returns the count.  No allocation, no state.
 */
#ifndef QT_SCAN_H
#define QT_SCAN_H

#include <stddef.h>

typedef struct qt_part {
    size_t start, end;   /* the quote's bytes in this passage, marks included */
    size_t cstart, cend; /* the quoted words, marks excluded */
    int cont_in;         /* continues a quote of the previous passage */
    int open_out;        /* still open at the end of this passage */
    size_t words;        /* words inside [cstart, cend), up to max_words */
} qt_part;

/* Words are counted up to max_words (>= 1): a count of max_words means at
 * least that many, so a sum of counts compares with any threshold up to
 * max_words as the true sum would. */
size_t qt_scan(const char *text, size_t len, int carry_open, size_t max_words, qt_part *parts,
               size_t cap);

/* Number of words in text[a..b), or limit when there are more. */
size_t qt_count_words(const char *text, size_t a, size_t b, size_t limit);

#endif
