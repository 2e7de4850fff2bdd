/*
 * sentence.c - news-aware sentence splitting (see sentence.h).
 *
 * Contract: cs_split_sentences(text, len, cb, ctx) reports every sentence of
 * text[0..len) as a byte span [start, end) with surrounding white space
 * excluded, in order.  It never reads text[len] or beyond, never allocates,
 * keeps no mutable state (the tables below are const) and runs in time
 * linear in len.  A non-zero callback return stops it and is returned.
 *
 * How a break is decided.  A candidate is a cluster of terminators
 * (. ? ! and the ellipsis "..." / U+2026) plus any closing quotes or
 * brackets right after them (" ' ) ] and the curly ” ’ » ›); it ends a
 * sentence only when white space or the end of the text follows the
 * cluster, the sentence has something before the cluster, and:
 *   - ? or !: the next word does not start with a lower-case letter
 *     ("Why?" she asked -> one sentence);
 *   - an ellipsis: the next word starts with an upper-case letter;
 *   - a single period: depends on the word before it:
 *       titles and prefixes (Mr., Gen., Sen., vs., e.g., Mt. ...)   never;
 *       No. / Fig. / Vol.   not before a number, else like a word;
 *       sentence-final abbreviations (U.S., a.m., etc., Inc., Jan., St.,
 *         state names, any dotted acronym such as D.C.) and initials
 *         (a single letter: "George W. Bush")   only when the next word
 *         is a typical sentence starter (The, A, He, But, In ...);
 *       any other word   unless the next word starts in lower case.
 * Newlines are ordinary white space.  Decimals and times (3.5, 10.30,
 * $1.2) never break because no white space follows their period.
 */
#include "sentence.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"

/* Byte length of the white-space character at text[i] (0 if none): ASCII
 * space/controls, NBSP, U+2000..U+200A, U+2028/2029, U+202F, U+205F, U+3000. */
static size_t space_len(const unsigned char *t, size_t i, size_t len)
{
    unsigned char c = t[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < len && t[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < len) {
        unsigned char c1 = t[i + 1], c2 = t[i + 2];
        if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
            return 3;
        if (c1 == 0x81 && c2 == 0x9F)
            return 3;
    }
    if (c == 0xE3 && i + 2 < len && t[i + 1] == 0x80 && t[i + 2] == 0x80)
        return 3;
    return 0;
}

/* Can a terminator start with byte c: '.', '?', '!' or the first byte of
 * U+2026? */
static int is_term_start(unsigned char c)
{
    return c == '.' || c == '?' || c == '!' || c == 0xE2;
}

#if defined(CS_SWAR_BLOCKS) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CS_SENTENCE_BLOCKS 1
/* Where (0..15) the first of the sixteen bytes of v that a terminator can
 * start with is, or 16 when none is. */
static inline size_t first_term_start(cs_block16 v)
{
    return cs_block16_first((cs_block16)((v == '.') | (v == '?') | (v == '!') | (v == 0xE2)));
}
#endif

/* The first byte of t[i..len) that a terminator can start with, or len:
 * sixteen bytes a step, then byte by byte. */
static size_t next_term_start(const unsigned char *t, size_t i, size_t len)
{
#if defined(CS_SENTENCE_BLOCKS)
    for (; len - i >= 16; i += 16) {
        size_t k = first_term_start(cs_block16_load(t + i));
        if (k < 16)
            return i + k;
    }
#endif
    while (i < len && !is_term_start(t[i]))
        i++;
    return i;
}

/* Length of a terminator at text[i]: . ? ! or U+2026 (0 if none). */
static size_t term_len(const unsigned char *t, size_t i, size_t len)
{
    unsigned char c = t[i];
    if (c == '.' || c == '?' || c == '!')
        return 1;
    if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 && t[i + 2] == 0xA6)
        return 3;
    return 0;
}

/* Closing quote or bracket: " ' ) ] ” ’ » › */
static size_t closer_len(const unsigned char *t, size_t i, size_t len)
{
    unsigned char c = t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (c == 0xC2 && i + 1 < len && t[i + 1] == 0xBB)
        return 2;
    if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 &&
        (t[i + 2] == 0x9D || t[i + 2] == 0x99 || t[i + 2] == 0xBA))
        return 3;
    return 0;
}

/* Opening quote or bracket: " ' ( [ “ ‘ « ‹ */
static size_t opener_len(const unsigned char *t, size_t i, size_t len)
{
    unsigned char c = t[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (c == 0xC2 && i + 1 < len && t[i + 1] == 0xAB)
        return 2;
    if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 &&
        (t[i + 2] == 0x9C || t[i + 2] == 0x98 || t[i + 2] == 0xB9))
        return 3;
    return 0;
}

/* Case of the letter at text[i]: 1 upper, -1 lower, 0 not a (known) letter.
 * ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
static int letter_case(const unsigned char *t, size_t i, size_t len)
{
    unsigned char c = t[i];
    if (c >= 'A' && c <= 'Z')
        return 1;
    if (c >= 'a' && c <= 'z')
        return -1;
    if (c < 0xC0 || i + 1 >= len)
        return 0;
    unsigned cp = ((unsigned)(c & 0x1F) << 6) | (t[i + 1] & 0x3Fu);
    if (c >= 0xE0)
        return 0;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return 1;
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return -1;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)
                   ? ((cp & 1) ? 1 : -1)
                   : ((cp & 1) ? -1 : 1);
    if (cp >= 0x391 && cp <= 0x3A9)
        return 1;
    if (cp >= 0x3AC && cp <= 0x3CE)
        return -1;
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return -1;
    return 0;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* What a period after a known word means. */
enum abbr_kind {
    ABBR_NONE = 0,
    ABBR_PREFIX, /* a title or prefix: never ends a sentence */
    ABBR_NUMBER, /* No. 5: no break before a number */
    ABBR_FINAL   /* may end a sentence: break before a sentence starter */
};

struct abbr {
    const char *word; /* without the final period */
    unsigned char kind;
    unsigned char nocase; /* also match with any letter case */
};

#define ABBR(word, kind, nocase) {word, kind, nocase}

/* The abbreviations, in alphabetical order with letter case ignored (the
 * order classify_word's binary search needs): titles and ranks (Mr, Gen),
 * prefixes (vs, e.g) as ABBR_PREFIX; No, Fig, Vol, p, pp as ABBR_NUMBER;
 * company and street suffixes, months, AP-style U.S. states, Jr, Sr, etc,
 * a.m, p.m as ABBR_FINAL.  No two of them are equal when letter case is
 * ignored, so a word matches at most one. */
static const struct abbr abbrevs[] = {
    ABBR("a.m", ABBR_FINAL, 1), ABBR("Adm", ABBR_PREFIX, 0), ABBR("Ala", ABBR_FINAL, 0),
    ABBR("approx", ABBR_PREFIX, 1), ABBR("Apr", ABBR_FINAL, 0), ABBR("Ariz", ABBR_FINAL, 0),
    ABBR("Ark", ABBR_FINAL, 0), ABBR("Atty", ABBR_PREFIX, 0), ABBR("Aug", ABBR_FINAL, 0),
    ABBR("Ave", ABBR_FINAL, 0), ABBR("Blvd", ABBR_FINAL, 0), ABBR("Brig", ABBR_PREFIX, 0),
    ABBR("Bros", ABBR_FINAL, 0), ABBR("Calif", ABBR_FINAL, 0), ABBR("Capt", ABBR_PREFIX, 0),
    ABBR("cf", ABBR_PREFIX, 1), ABBR("Cmdr", ABBR_PREFIX, 0), ABBR("Co", ABBR_FINAL, 0),
    ABBR("Col", ABBR_PREFIX, 0), ABBR("Colo", ABBR_FINAL, 0), ABBR("Conn", ABBR_FINAL, 0),
    ABBR("Corp", ABBR_FINAL, 0), ABBR("Cos", ABBR_FINAL, 0), ABBR("Cpl", ABBR_PREFIX, 0),
    ABBR("Dec", ABBR_FINAL, 0), ABBR("Del", ABBR_FINAL, 0), ABBR("Det", ABBR_PREFIX, 0),
    ABBR("Dr", ABBR_FINAL, 0), ABBR("e.g", ABBR_PREFIX, 1), ABBR("etc", ABBR_FINAL, 1),
    ABBR("Feb", ABBR_FINAL, 0), ABBR("Fig", ABBR_NUMBER, 0), ABBR("Fla", ABBR_FINAL, 0),
    ABBR("Ft", ABBR_PREFIX, 0), ABBR("Ga", ABBR_FINAL, 0), ABBR("Gen", ABBR_PREFIX, 0),
    ABBR("Gov", ABBR_PREFIX, 0), ABBR("Hon", ABBR_PREFIX, 0), ABBR("i.e", ABBR_PREFIX, 1),
    ABBR("Ill", ABBR_FINAL, 0), ABBR("Inc", ABBR_FINAL, 0), ABBR("Ind", ABBR_FINAL, 0),
    ABBR("Insp", ABBR_PREFIX, 0), ABBR("Jan", ABBR_FINAL, 0), ABBR("Jr", ABBR_FINAL, 0),
    ABBR("Jul", ABBR_FINAL, 0), ABBR("Jun", ABBR_FINAL, 0), ABBR("Kan", ABBR_FINAL, 0),
    ABBR("Ky", ABBR_FINAL, 0), ABBR("La", ABBR_FINAL, 0), ABBR("Lt", ABBR_PREFIX, 0),
    ABBR("Ltd", ABBR_FINAL, 0), ABBR("Maj", ABBR_PREFIX, 0), ABBR("Mar", ABBR_FINAL, 0),
    ABBR("Mass", ABBR_FINAL, 0), ABBR("Md", ABBR_FINAL, 0), ABBR("Messrs", ABBR_PREFIX, 0),
    ABBR("Mich", ABBR_FINAL, 0), ABBR("Minn", ABBR_FINAL, 0), ABBR("Miss", ABBR_FINAL, 0),
    ABBR("Mo", ABBR_FINAL, 0), ABBR("Mont", ABBR_FINAL, 0), ABBR("Mr", ABBR_PREFIX, 0),
    ABBR("Mrs", ABBR_PREFIX, 0), ABBR("Ms", ABBR_PREFIX, 0), ABBR("Msgr", ABBR_PREFIX, 0),
    ABBR("Mt", ABBR_PREFIX, 0), ABBR("Neb", ABBR_FINAL, 0), ABBR("Nev", ABBR_FINAL, 0),
    ABBR("No", ABBR_NUMBER, 0), ABBR("Nos", ABBR_NUMBER, 0), ABBR("Nov", ABBR_FINAL, 0),
    ABBR("Oct", ABBR_FINAL, 0), ABBR("Okla", ABBR_FINAL, 0), ABBR("Ore", ABBR_FINAL, 0),
    ABBR("p", ABBR_NUMBER, 0), ABBR("p.m", ABBR_FINAL, 1), ABBR("Pa", ABBR_FINAL, 0),
    ABBR("pp", ABBR_NUMBER, 0), ABBR("Pres", ABBR_PREFIX, 0), ABBR("Prof", ABBR_PREFIX, 0),
    ABBR("Pvt", ABBR_PREFIX, 0), ABBR("Rd", ABBR_FINAL, 0), ABBR("Rep", ABBR_PREFIX, 0),
    ABBR("Reps", ABBR_PREFIX, 0), ABBR("Rev", ABBR_PREFIX, 0), ABBR("Sen", ABBR_PREFIX, 0),
    ABBR("Sens", ABBR_PREFIX, 0), ABBR("Sep", ABBR_FINAL, 0), ABBR("Sept", ABBR_FINAL, 0),
    ABBR("Sgt", ABBR_PREFIX, 0), ABBR("Sr", ABBR_FINAL, 0), ABBR("St", ABBR_FINAL, 0),
    ABBR("Supt", ABBR_PREFIX, 0), ABBR("Tenn", ABBR_FINAL, 0), ABBR("v", ABBR_PREFIX, 0),
    ABBR("Va", ABBR_FINAL, 0), ABBR("Vol", ABBR_NUMBER, 0), ABBR("vs", ABBR_PREFIX, 1),
    ABBR("Vt", ABBR_FINAL, 0), ABBR("Wash", ABBR_FINAL, 0), ABBR("Wis", ABBR_FINAL, 0),
    ABBR("Wyo", ABBR_FINAL, 0),
};

/* Capitalised words that typically open a sentence (never a name after an
 * abbreviation such as "U.S." or an initial). */
static const char *const starters[] = {
    "A", "After", "Although", "An", "And", "As", "At", "Before", "Both", "But", "By",
    "During", "Each", "Earlier", "Even", "Few", "For", "From", "He", "Her", "His",
    "How", "However", "I", "If", "In", "It", "Its", "Last", "Later", "Many",
    "Meanwhile", "More", "Most", "Much", "My", "Neither", "No", "Nor", "Not", "Now",
    "Of", "On", "One", "Only", "Or", "Our", "Several", "She", "Since", "So", "Some",
    "Still", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those",
    "Though", "Thus", "To", "Two", "Under", "Until", "We", "What", "When", "Where",
    "Whether", "Which", "While", "Who", "Why", "With", "Yet", "You", "Your",
};

/* Is w[0..n) the word s (NUL-terminated)?  Stops at the first difference. */
static int word_eq(const unsigned char *w, size_t n, const char *s)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char b = (unsigned char)s[k];
        if (b == '\0' || w[k] != b)
            return 0;
    }
    return s[n] == '\0';
}

/* Order of the word w[0..n) against s (NUL-terminated), letter case
 * ignored: <0, 0 or >0 as w sorts before, equal to or after s. */
static int fold_cmp(const unsigned char *w, size_t n, const char *s)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char a = lower(w[k]), b = lower((unsigned char)s[k]);
        if (b == '\0')
            return 1; /* s is a prefix of w */
        if (a != b)
            return a < b ? -1 : 1;
    }
    return s[n] == '\0' ? 0 : -1;
}

/* The abbreviation that the word w[0..n) is (abbrevs[] is sorted with
 * letter case ignored), or NULL. */
static const struct abbr *find_abbrev(const unsigned char *w, size_t n)
{
    size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = fold_cmp(w, n, abbrevs[mid].word);
        if (c == 0)
            return abbrevs[mid].nocase || memcmp(w, abbrevs[mid].word, n) == 0 ? &abbrevs[mid]
                                                                               : NULL;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Classify the word w[0..n) that stands before a period. */
static enum abbr_kind classify_word(const unsigned char *w, size_t n)
{
    if (n == 0)
        return ABBR_NONE;
    const struct abbr *a = find_abbrev(w, n);
    if (a != NULL)
        return (enum abbr_kind)a->kind;
    /* An initial ("W") or a dotted acronym ("U.S", "D.C", "J.K"). */
    if (n % 2 == 1) {
        size_t k;
        for (k = 0; k < n; k++)
            if ((k % 2 == 0 && !is_alpha(w[k])) || (k % 2 == 1 && w[k] != '.'))
                break;
        if (k == n)
            return ABBR_FINAL;
    }
    return ABBR_NONE;
}

/* Is the word at text[i] a typical sentence starter (whole word: not an
 * initial such as "A." and not part of a longer word)? */
static int is_starter(const unsigned char *t, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && j - i <= 16 && is_alpha(t[j]))
        j++;
    if (j == i || j - i > 16)
        return 0;
    if (j < len && (t[j] == '.' || is_digit(t[j]) || t[j] == '-' || (t[j] >= 0xC0 && t[j] < 0xE0)))
        return 0;
    for (size_t k = 0; k < sizeof starters / sizeof starters[0]; k++)
        if (word_eq(t + i, j - i, starters[k]))
            return 1;
    return 0;
}

/* The longest word before a period we bother to look at. */
#define MAX_WORD 24

/* Decide whether the cluster text[c0..c1) (terminators and closers; the
 * first terminator at c0 has length tl) ends a sentence that started at s0.
 * text[c1] is white space.  n is where the next word starts (after white
 * space and opening quotes/brackets), len if none. */
static int is_break(const unsigned char *t, size_t len, size_t s0, size_t c0, size_t c1,
                    size_t n)
{
    int qex = 0, ell = 0, periods = 0;
    for (size_t k = c0; k < c1;) {
        size_t l = term_len(t, k, len);
        if (l == 0) {
            k += closer_len(t, k, len) ? closer_len(t, k, len) : 1;
            continue;
        }
        if (t[k] == '?' || t[k] == '!')
            qex = 1;
        else if (l == 3)
            ell = 1;
        else
            periods++;
        k += l;
    }
    if (periods >= 2)
        ell = 1;
    if (n >= len)
        return 1; /* nothing follows: the end of the text ends it anyway */
    int next_case = letter_case(t, n, len);
    if (qex)
        return next_case >= 0;
    if (ell)
        return next_case > 0;
    if (next_case < 0)
        return 0;
    /* A single period: look at the word before it (ASCII letters, digits,
     * periods and any non-ASCII byte), then drop leading opening quotes
     * and general punctuation such as dashes (U+2000..U+206F). */
    size_t w = c0;
    while (w > s0 && c0 - w <= MAX_WORD &&
           (is_alpha(t[w - 1]) || is_digit(t[w - 1]) || t[w - 1] == '.' || t[w - 1] >= 0x80))
        w--;
    if (c0 - w > MAX_WORD)
        return 1;
    while (w < c0 && t[w] >= 0x80 && (t[w] & 0xC0) == 0x80)
        w++; /* never start inside a character */
    while (w + 3 <= c0 && t[w] == 0xE2 && (t[w + 1] == 0x80 || t[w + 1] == 0x81))
        w += 3;
    while (w + 2 <= c0 && t[w] == 0xC2 && (t[w + 1] == 0xAB || t[w + 1] == 0xA0))
        w += 2;
    switch (classify_word(t + w, c0 - w)) {
    case ABBR_PREFIX:
        return 0;
    case ABBR_NUMBER:
        return !is_digit(t[n]) && t[n] != '#';
    case ABBR_FINAL:
        return is_starter(t, n, len);
    default:
        return 1;
    }
}

int cs_split_sentences(const char *text, size_t len, cs_sentence_cb cb, void *ctx)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t start = 0; /* start of the current sentence (maybe white space) */
    size_t i = 0;
    while (i < len) {
        i = next_term_start(t, i, len);
        if (i == len)
            break;
        size_t tl = term_len(t, i, len);
        if (tl == 0) {
            i++;
            continue;
        }
        /* The cluster: terminators, then closing quotes/brackets (mixed). */
        size_t c0 = i, c1 = i + tl;
        for (;;) {
            size_t l = c1 < len ? term_len(t, c1, len) : 0;
            if (l == 0 && c1 < len)
                l = closer_len(t, c1, len);
            if (l == 0)
                break;
            c1 += l;
        }
        i = c1;
        if (c1 < len && !space_len(t, c1, len))
            continue; /* "3.5", "U.S.-led", "said.He" */
        /* Where the sentence really starts, and is there text before c0? */
        while (start < c0 && space_len(t, start, len))
            start += space_len(t, start, len);
        if (start >= c0)
            continue;
        /* The next word, after white space and opening quotes/brackets. */
        size_t n = c1;
        for (;;) {
            size_t l = n < len ? space_len(t, n, len) : 0;
            if (l == 0 && n < len)
                l = opener_len(t, n, len);
            if (l == 0)
                break;
            n += l;
        }
        if (!is_break(t, len, start, c0, c1, n))
            continue;
        int rc = cb(ctx, start, c1);
        if (rc != 0)
            return rc;
        start = c1;
    }
    while (start < len && space_len(t, start, len))
        start += space_len(t, start, len);
    size_t end = len;
    while (end > start) {
        /* Trim trailing white space, ASCII or multi-byte. */
        if (space_len(t, end - 1, len) == 1) {
            end--;
        } else if (end - start >= 2 && space_len(t, end - 2, len) == 2) {
            end -= 2;
        } else if (end - start >= 3 && space_len(t, end - 3, len) == 3) {
            end -= 3;
        } else {
            break;
        }
    }
    if (end > start)
        return cb(ctx, start, end);
    return 0;
}
