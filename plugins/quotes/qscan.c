/*
 * qscan.c - quote marks, their direction and their pairing.
 *
 * Contract: see qscan.h.  One pass over the bytes, jumping with memchr to
 * the next byte that may start a quote mark; quote marks are ASCII 0x22
 * or three-byte (U+201C..U+201E) / two-byte (U+00AB, U+00BB) UTF-8.
 */
#include "qscan.h"

#include <stdint.h>
#include <string.h>

#include "../common/swar.h"

enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_STRAIGHT };

/* The quote mark at i, its direction and byte length (0 when none). */
static int mark_at(const char *text, size_t len, size_t i, size_t *mlen)
{
    unsigned char c = (unsigned char)text[i];
    if (c == '"') {
        *mlen = 1;
        return MARK_STRAIGHT;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80) {
        unsigned char d = (unsigned char)text[i + 2];
        *mlen = 3;
        if (d == 0x9C || d == 0x9E) /* “ „ */
            return MARK_OPEN;
        if (d == 0x9D) /* ” */
            return MARK_CLOSE;
    }
    if (c == 0xC2 && i + 1 < len) {
        unsigned char d = (unsigned char)text[i + 1];
        *mlen = 2;
        if (d == 0xAB)
            return MARK_OPEN;
        if (d == 0xBB)
            return MARK_CLOSE;
    }
    *mlen = 0;
    return MARK_NONE;
}

/* Does a straight quote at i open?  (after start, space, bracket, dash) */
static int straight_opens(const char *text, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)text[i - 1];
    if (p == ' ' || p == '\t' || p == '\n' || p == '\r' || p == '(' || p == '[' || p == '{' ||
        p == '-' || p == '/')
        return 1;
    /* after an em/en dash (E2 80 93/94) or a no-break space (C2 A0) */
    if (i >= 3 && (unsigned char)text[i - 3] == 0xE2 && (unsigned char)text[i - 2] == 0x80 &&
        (p == 0x93 || p == 0x94))
        return 1;
    if (i >= 2 && (unsigned char)text[i - 2] == 0xC2 && p == 0xA0)
        return 1;
    return 0;
}

/* Is the byte at i a word byte, given whether the byte before it was
 * (*in)?  Letters and digits are, and so are ' and - inside a word; a
 * lead byte >= 0xC0 starts a word, a continuation byte continues one.
 * U+2000..U+206F punctuation (E2 80 xx / E2 81 xx) and a no-break space
 * (C2 A0) are not: *i moves to their last byte.  Updates *in and returns
 * 1 when a word starts here. */
static int word_step(const char *text, size_t *i, size_t b, int *in)
{
    unsigned char c = (unsigned char)text[*i];
    int w;
    if (c >= 0x80) {
        if (c == 0xE2 && *i + 1 < b &&
            ((unsigned char)text[*i + 1] == 0x80 || (unsigned char)text[*i + 1] == 0x81)) {
            w = 0;
            *i += 2;
        } else if (c == 0xC2 && *i + 1 < b && (unsigned char)text[*i + 1] == 0xA0) {
            w = 0;
            *i += 1;
        } else {
            w = c >= 0xC0 || *in;
        }
    } else {
        w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (*in && (c == '\'' || c == '-'));
    }
    int starts = w && !*in;
    *in = w;
    return starts;
}

/* Words (runs of letters and digits) in text[a..b), counted up to limit
 * (see qscan.h).  Eight bytes at a time where they are plain ASCII without
 * ' or - (whose reading depends on the byte before): a word starts at each
 * letter or digit that does not follow one. */
size_t qt_count_words(const char *text, size_t a, size_t b, size_t limit)
{
    size_t n = 0, i = a;
    int in = 0;
    while (i < b && n < limit) {
        if (b - i >= 8) {
            uint64_t w = swar_load(text + i);
            if (!(w & SWAR_HIGHS) && !swar_equal(w, '\'') && !swar_equal(w, '-')) {
                uint64_t letter = swar_between(w | (SWAR_ONES * 0x20u), 'a', 'z');
                uint64_t alnum = letter | swar_between(w, '0', '9');
                uint64_t after_alnum = (alnum << 8) | (in ? 0x80u : 0u);
                n += swar_count(alnum & ~after_alnum);
                in = (int)(alnum >> 63);
                i += 8;
                continue;
            }
        }
        n += (size_t)word_step(text, &i, b, &in);
        i++;
    }
    return n < limit ? n : limit;
}

/* The bytes a quote mark can start with: '"', and the UTF-8 lead bytes of
 * U+201C..U+201E (0xE2) and of U+00AB, U+00BB (0xC2). */
static const unsigned char mark_leads[3] = {'"', 0xE2, 0xC2};

/* Where the next byte of each kind in mark_leads stands, so that the
 * scan jumps from one candidate to the next with memchr (which reads many
 * bytes per step) and looks for a kind again only once the scan has passed
 * its last answer.  The scan only moves forward. */
typedef struct mark_finder {
    const char *text;
    size_t len;
    size_t next[3]; /* the first byte mark_leads[k] at or after the last place asked, len if none */
} mark_finder;

static void finder_init(mark_finder *f, const char *text, size_t len)
{
    f->text = text;
    f->len = len;
    for (size_t k = 0; k < 3; k++) {
        const char *p = memchr(text, mark_leads[k], len);
        f->next[k] = p ? (size_t)(p - text) : len;
    }
}

/* The first byte at or after i (<= len) that can start a quote mark, len
 * when none.  i must not be below the place asked before. */
static size_t next_candidate(mark_finder *f, size_t i)
{
    size_t best = f->len;
    for (size_t k = 0; k < 3; k++) {
        if (i > f->next[k]) {
            const char *p = memchr(f->text + i, mark_leads[k], f->len - i);
            f->next[k] = p ? (size_t)(p - f->text) : f->len;
        }
        if (f->next[k] < best)
            best = f->next[k];
    }
    return best;
}

/* Quote parts of text[0..len) given the carried-over state (see qscan.h);
 * writes at most cap parts and returns how many it wrote. */
size_t qt_scan(const char *text, size_t len, int carry_open, size_t max_words, qt_part *parts,
               size_t cap)
{
    size_t n = 0, i = 0, mlen;
    int in = 0;
    qt_part cur = {0};
    mark_finder mf;

    finder_init(&mf, text, len);

    /* a quote carried over from the previous passage: the scan goes on from
     * its first quote mark j (the bytes before j hold none) */
    if (carry_open) {
        size_t f = 0;
        while (f < len && (text[f] == ' ' || text[f] == '\t' || text[f] == '\n' || text[f] == '\r'))
            f++;
        size_t j = next_candidate(&mf, f);
        int m = MARK_NONE;
        while (j < len && (m = mark_at(text, len, j, &mlen)) == MARK_NONE)
            j = next_candidate(&mf, j + 1);
        if (j < len && j == f && (m == MARK_OPEN || (m == MARK_STRAIGHT && straight_opens(text, j)))) {
            in = 1; /* reopened: “ at the start of the paragraph */
            cur.start = j;
            cur.cstart = j + mlen;
            cur.cont_in = 1;
            i = j + mlen;
        } else if (j < len && (m == MARK_CLOSE || (m == MARK_STRAIGHT && !straight_opens(text, j)))) {
            in = 1; /* not reopened, but closed later on */
            cur.start = cur.cstart = f;
            cur.cont_in = 1;
            i = j;
        } else {
            i = j;
        }
    }
    while (i < len) {
        i = next_candidate(&mf, i);
        if (i >= len)
            break;
        int m = mark_at(text, len, i, &mlen);
        if (m == MARK_NONE) {
            i++;
            continue;
        }
        if (m == MARK_STRAIGHT)
            m = in ? MARK_CLOSE : (straight_opens(text, i) ? MARK_OPEN : MARK_CLOSE);
        if (!in && m == MARK_OPEN) {
            in = 1;
            cur.start = i;
            cur.cstart = i + mlen;
            cur.cont_in = 0;
        } else if (in && m == MARK_CLOSE) {
            in = 0;
            cur.cend = i;
            cur.end = i + mlen;
            cur.open_out = 0;
            cur.words = qt_count_words(text, cur.cstart, cur.cend, max_words);
            if (n < cap)
                parts[n++] = cur;
        }
        /* an open mark inside a quote (nested) or a stray close: ignored */
        i += mlen;
    }
    if (in) {
        cur.cend = cur.end = len;
        cur.open_out = 1;
        cur.words = qt_count_words(text, cur.cstart, cur.cend, max_words);
        if (n < cap)
            parts[n++] = cur;
    }
    return n;
}
