/*
 * speaker.c - find an attribution outside quotes in a stretch of text.
 *
 * Contract: see speaker.h.  One pass over the words; a history of the last
 * four words is enough to see the subject before a verb, and a pending
 * flag handles the subject after it.  A word's look-up key is made while
 * the word is read (scan_word), eight bytes at a time where it is plain
 * ASCII.
 */
#include "speaker.h"

#include <stdint.h>
#include <string.h>

#include "../common/swar.h"

#define HIST 4

typedef struct qword {
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

/* The word that starts at text[s] (s < b, a word byte): returns its end,
 * the first byte that is no word byte, a dash, a curly quote or a no-break
 * space (or b), and puts its first QT_KEY_BYTES bytes into key, A-Z in
 * lower case, the rest of key zero.  Plain ASCII (letters, digits, ' and
 * -) is read eight bytes at a time, and as the word is read its key is
 * made: the usual word is one step and needs no second pass. */
static size_t scan_word(const char *text, size_t s, size_t b, qt_key *key)
{
    size_t i = s;
    memset(key, 0, sizeof(*key));
    /* block k starts at s + 8k: a block ends the loop unless all its bytes are plain */
    for (size_t k = 0; k < QT_KEY_BYTES / 8 && b - i >= 8; k++) {
        uint64_t w = swar_load(text + i);
        uint64_t x = w & ~SWAR_HIGHS, ascii = ~w & SWAR_HIGHS;
        uint64_t plain = (swar_between(x | (SWAR_ONES * 0x20u), 'a', 'z') |
                          swar_between(x, '0', '9') | swar_between(x, '\'', '\'') |
                          swar_between(x, '-', '-')) &
                         ascii;
        size_t run = swar_first(~plain);
        uint64_t keep = run < 8 ? (1ull << (8 * run)) - 1 : ~0ull;
        /* all plain bytes but A-Z have the 0x20 bit already */
        key->w[k] = (w | (SWAR_ONES * 0x20u)) & keep;
        i += run;
        if (run < 8) {
            if ((unsigned char)text[i] < 0x80)
                return i; /* ASCII that is no word byte */
            break;        /* a byte above ASCII: one at a time from here */
        }
    }
    for (; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!word_byte(c) || punct_seq(text, i, b) || nbsp(text, i, b))
            break;
        if (i - s < QT_KEY_BYTES)
            key->c[i - s] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return i;
}

/* Best speaker kind in text[a..b) outside the quotes (see speaker.h). */
int qt_speaker(const qt_words *w, const char *text, size_t a, size_t b, const qt_part *q,
               size_t nq)
{
    qword hist[HIST];
    size_t nh = 0, qi = 0, i = a;
    size_t next_q = nq ? q[0].start : SIZE_MAX; /* the quotes ahead start at or after it */
    int best = QT_SPK_NONE, brk = 1, pending = 0;

    while (i < b && best < QT_SPK_PERSON) {
        /* a space changes nothing; a quote span covering it is skipped
         * from the next byte on (no span ends at a space before b) */
        if (text[i] == ' ') {
            i++;
            continue;
        }
        if (i >= next_q) { /* (the spans are sorted and none is empty) */
            while (qi < nq && q[qi].end <= i)
                qi++;
            next_q = qi < nq ? q[qi].start : SIZE_MAX;
            if (next_q <= i) { /* skip quoted text */
                i = q[qi].end;
                brk = 1;
                continue;
            }
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
        qt_key key;
        i = scan_word(text, s, b, &key);
        size_t e = i;
        char last = text[e - 1];
        if (last == '\'' || last == '-' || last == 's') {
            while (e > s && (text[e - 1] == '\'' || text[e - 1] == '-'))
                e--;
            /* a possessive 's is not part of the word */
            if (e - s > 2 && text[e - 1] == 's' && text[e - 2] == '\'')
                e -= 2;
            for (size_t k = e - s; k < i - s && k < QT_KEY_BYTES; k++)
                key.c[k] = 0; /* the key ends where the word does */
        }
        qword cur = {qt_words_lookup(w, &key, e - s), text[s] >= 'A' && text[s] <= 'Z', brk};
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
