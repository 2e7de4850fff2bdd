/*
 * speaker.c - find an attribution outside quotes in a stretch of text.
 *
 * Contract: see speaker.h.  One pass over the words; a history of the last
 * four words is enough to see the subject before a verb, and a pending
 * flag handles the subject after it.
 */
#include "speaker.h"

#define HIST 4

typedef struct qword {
    size_t start, end;
    int cls;
    int cap; /* starts with an ASCII capital */
    int brk; /* a quote, a comma or sentence punctuation came just before */
} qword;

/* Kind of speaker a subject word stands for. */
static int subject_kind(const qword *x)
{
    switch (x->cls) {
    case QT_W_PERSON:
    case QT_W_TITLE:
        return QT_SPK_PERSON;
    case QT_W_PLURAL:
    case QT_W_SOURCE:
        return QT_SPK_OTHER;
    case QT_W_NONE:
        return x->cap ? QT_SPK_PERSON : QT_SPK_OTHER; /* a name, or "the cardiologist" */
    default:
        return QT_SPK_NONE;
    }
}

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c == '-' || c >= 0x80;
}

/* Is text[i] the start of U+2000..U+203F (dashes, curly quotes, ellipsis)? */
static int punct_seq(const char *text, size_t i, size_t b)
{
    return (unsigned char)text[i] == 0xE2 && i + 2 < b && (unsigned char)text[i + 1] == 0x80;
}

/* Is text[i] a no-break space (U+00A0)? */
static int nbsp(const char *text, size_t i, size_t b)
{
    return (unsigned char)text[i] == 0xC2 && i + 1 < b && (unsigned char)text[i + 1] == 0xA0;
}

/* Best speaker kind in text[a..b) outside the quotes (see speaker.h). */
int qt_speaker(const qt_words *w, const char *text, size_t a, size_t b, const qt_part *q,
               size_t nq)
{
    qword hist[HIST];
    size_t nh = 0, qi = 0, i = a;
    int best = QT_SPK_NONE, brk = 1, pending = 0;

    while (i < b && best < QT_SPK_PERSON) {
        while (qi < nq && q[qi].end <= i)
            qi++;
        if (qi < nq && q[qi].start <= i) { /* skip quoted text */
            i = q[qi].end;
            brk = 1;
            continue;
        }
        unsigned char c = (unsigned char)text[i];
        if (punct_seq(text, i, b)) {
            brk = 1;
            i += 3;
            continue;
        }
        if (nbsp(text, i, b)) {
            i += 2;
            continue;
        }
        if (!word_byte(c) || c == '\'' || c == '-') {
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"')
                brk = 1;
            if (c == '.' || c == '!' || c == '?') {
                brk = 1;
                nh = 0;
            }
            i++;
            continue;
        }
        size_t s = i;
        while (i < b && word_byte((unsigned char)text[i]) && !punct_seq(text, i, b) &&
               !nbsp(text, i, b))
            i++;
        size_t e = i;
        while (e > s && (text[e - 1] == '\'' || text[e - 1] == '-'))
            e--;
        /* a possessive 's is not part of the word */
        if (e - s > 2 && text[e - 1] == 's' && text[e - 2] == '\'')
            e -= 2;
        qword cur = {s, e, qt_words_class(w, text + s, e - s), text[s] >= 'A' && text[s] <= 'Z',
                     brk};
        brk = 0;
        if (pending) { /* subject after the verb: ", said the envoy", "according to X" */
            if (!cur.brk && (cur.cls == QT_W_DET ||
                             (pending == 2 && e - s == 2 && (text[s] | 0x20) == 't' &&
                              (text[s + 1] | 0x20) == 'o'))) {
                pending = 1;
                continue;
            }
            int k = cur.brk ? QT_SPK_NONE : subject_kind(&cur);
            if (k > best)
                best = k;
            pending = 0;
        }
        if (cur.cls == QT_W_ACCORDING) {
            pending = 2;
        } else if (cur.cls == QT_W_SAY) {
            int k = QT_SPK_NONE;
            /* subject before the verb, over auxiliaries and adverbs */
            const qword *after = &cur;
            for (size_t j = nh, steps = 0; j > 0 && steps < HIST && !after->brk; j--, steps++) {
                const qword *p = &hist[(j - 1) % HIST];
                if (p->cls != QT_W_AUX) {
                    k = subject_kind(p);
                    break;
                }
                after = p;
            }
            /* subject after the verb only right after a quote or a comma:
             * "” said Fiala", ", said the envoy" */
            if (k == QT_SPK_NONE && (cur.brk || nh == 0))
                pending = 1;
            if (k > best)
                best = k;
            if (best == QT_SPK_NONE)
                best = QT_SPK_OTHER; /* a speech verb by the quote: attributed */
        }
        hist[nh % HIST] = cur;
        nh++;
        if (nh >= 2 * HIST)
            nh -= HIST; /* same slots, small numbers */
    }
    return best;
}
