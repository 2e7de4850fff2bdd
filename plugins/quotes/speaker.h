/*
 * speaker.h - is there a speaker (an attribution) in a stretch of text?
 *
 * qt_speaker reads the words of text[a..b) that lie outside the given quote
 * spans and looks for a speech verb with a subject: before it ("he said",
 * "Fiala added", "the president said") or after it (", said Fiala",
 * "” said the envoy"), or "according to X".  The result is the best kind
 * found: QT_SPK_PERSON (a pronoun he/she/I, a capitalised name or a
 * person's title), QT_SPK_OTHER (a speech verb with another subject: an
 * official, a ministry, "they") or QT_SPK_NONE.
 *
 * Contract: reads text only inside [a, b); the quote spans must be sorted.
 * No allocation, no state.
 */
#ifndef QT_SPEAKER_H
#define QT_SPEAKER_H

#include <stddef.h>

#include "qscan.h"
#include "qwords.h"

enum { QT_SPK_NONE = 0, QT_SPK_OTHER = 1, QT_SPK_PERSON = 2 };

int qt_speaker(const qt_words *w, const char *text, size_t a, size_t b, const qt_part *q,
               size_t nq);

#endif
