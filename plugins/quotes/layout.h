/*
 * layout.h - speakers shown by layout rather than by a speech verb.
 *
 * Two shapes of news text name who speaks without "said":
 *  - a transcript speaker label at the start of a line: "MODERATOR: ...",
 *    "SEN. BRAKOWSKI: ...", "DANA WHITLOCK: I think ..." (capital letters,
 *    one to four words, a colon, then the words spoken);
 *  - a sign-off after a quotation or a letter: "... ” — Mara Quist, harbour
 *    master", "... -- Oren Falk, Chair" (a dash, a capitalised name of two
 *    to four words, an optional ", affiliation").
 * A label counts when one of its words is a person's title or role, or,
 *    for a bare name, when the words after it are speech (I, we, you, a
 *    question).  Newsroom labels ("UPDATE:", "EDITOR'S NOTE:") and datelines
 *    ("NEW HAVEN: The council met ...") are not speakers.  A sign-off counts
 *    after a closing quote mark or after first-person text (a letter); a
 *    byline ("— Staff Reporter" after narration) does not.
 *
 * Contract: read text[0..len) only; no allocation, no state.  Each
 * function returns 1 and sets the span [*start, *end) of the label or of
 * the sign-off (dash included), or 0.
 */
#ifndef QT_LAYOUT_H
#define QT_LAYOUT_H

#include <stddef.h>

#include "qwords.h"

/* A speaker label starting the passage or one of its lines. */
int qt_speaker_label(const qt_words *w, const char *text, size_t len, size_t *start, size_t *end);

/* A sign-off naming the author at the end of the passage. */
int qt_signoff(const qt_words *w, const char *text, size_t len, size_t *start, size_t *end);

#endif
