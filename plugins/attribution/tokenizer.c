/*
 * tokenizer.c - UTF-8 aware sentence tokenizer with lexicon look-up.
 *
 * Contract: see tokenizer.h.  One left-to-right pass.  ASCII bytes go
 * through a class table; other code points through utf8.c.  Runs of ASCII
 * letters and digits are classified eight or sixteen bytes at a time
 * (asciirun.h), and a plain word of up to fifteen of them (the common
 * case, with a period after it or not) is handled in one step with its
 * key in two registers (scan_simple_word); any other word's normalised
 * key is built while it is scanned (scan_general_word).  Either way each
 * word costs one hash-table probe; a word it does not know is guessed
 * from its shape (shape.h).  The loop of at_tokenize handles white space,
 * those plain words and plain punctuation itself and calls out of line for
 * everything else, so that the common path stays small; each path writes
 * every field of its token once.  Blocks of bytes may be read up to
 * text[text_len]; no byte from end on changes a token.
 */
#include "tokenizer.h"

#include <stddef.h>
#include <string.h>

#include "asciirun.h"
#include "shape.h"
#include "utf8.h"


/* ASCII byte classes. */
enum { A_OTHER, A_SPACE, A_UPPER, A_LOWER, A_DIGIT, A_DQUOTE, A_SQUOTE, A_DASH, A_PUNCT };

static const uint8_t ascii_class[256] = {
    ['\t'] = A_SPACE, ['\n'] = A_SPACE, ['\v'] = A_SPACE, ['\f'] = A_SPACE, ['\r'] = A_SPACE,
    [' '] = A_SPACE,
    ['A'] = A_UPPER, ['B'] = A_UPPER, ['C'] = A_UPPER, ['D'] = A_UPPER, ['E'] = A_UPPER,
    ['F'] = A_UPPER, ['G'] = A_UPPER, ['H'] = A_UPPER, ['I'] = A_UPPER, ['J'] = A_UPPER,
    ['K'] = A_UPPER, ['L'] = A_UPPER, ['M'] = A_UPPER, ['N'] = A_UPPER, ['O'] = A_UPPER,
    ['P'] = A_UPPER, ['Q'] = A_UPPER, ['R'] = A_UPPER, ['S'] = A_UPPER, ['T'] = A_UPPER,
    ['U'] = A_UPPER, ['V'] = A_UPPER, ['W'] = A_UPPER, ['X'] = A_UPPER, ['Y'] = A_UPPER,
    ['Z'] = A_UPPER,
    ['a'] = A_LOWER, ['b'] = A_LOWER, ['c'] = A_LOWER, ['d'] = A_LOWER, ['e'] = A_LOWER,
    ['f'] = A_LOWER, ['g'] = A_LOWER, ['h'] = A_LOWER, ['i'] = A_LOWER, ['j'] = A_LOWER,
    ['k'] = A_LOWER, ['l'] = A_LOWER, ['m'] = A_LOWER, ['n'] = A_LOWER, ['o'] = A_LOWER,
    ['p'] = A_LOWER, ['q'] = A_LOWER, ['r'] = A_LOWER, ['s'] = A_LOWER, ['t'] = A_LOWER,
    ['u'] = A_LOWER, ['v'] = A_LOWER, ['w'] = A_LOWER, ['x'] = A_LOWER, ['y'] = A_LOWER,
    ['z'] = A_LOWER,
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
    ['"'] = A_DQUOTE, ['\''] = A_SQUOTE, ['`'] = A_SQUOTE, ['-'] = A_DASH,
    ['!'] = A_PUNCT, ['#'] = A_PUNCT, ['$'] = A_PUNCT, ['%'] = A_PUNCT, ['&'] = A_PUNCT,
    ['('] = A_PUNCT, [')'] = A_PUNCT, ['*'] = A_PUNCT, ['+'] = A_PUNCT, [','] = A_PUNCT,
    ['.'] = A_PUNCT, ['/'] = A_PUNCT, [':'] = A_PUNCT, [';'] = A_PUNCT, ['<'] = A_PUNCT,
    ['='] = A_PUNCT, ['>'] = A_PUNCT, ['?'] = A_PUNCT, ['@'] = A_PUNCT, ['['] = A_PUNCT,
    ['\\'] = A_PUNCT, [']'] = A_PUNCT, ['^'] = A_PUNCT, ['_'] = A_PUNCT, ['{'] = A_PUNCT,
    ['|'] = A_PUNCT, ['}'] = A_PUNCT, ['~'] = A_PUNCT,
};

/* The kind of a punctuation byte that is a token of its own and changes
 * nothing else (0 for the rest: ':' opens a quotation, '@' a handle, and
 * other punctuation is AT_TK_OTHER).  The loop of at_tokenize takes these
 * itself, so scan_other never sees them. */
static const uint8_t plain_punct_kind[128] = {
    [','] = AT_TK_COMMA, ['.'] = AT_TK_PERIOD, ['!'] = AT_TK_PERIOD, ['?'] = AT_TK_PERIOD,
    [';'] = AT_TK_SEMI,  ['('] = AT_TK_POPEN,  ['['] = AT_TK_POPEN,  ['{'] = AT_TK_POPEN,
    [')'] = AT_TK_PCLOSE, [']'] = AT_TK_PCLOSE, ['}'] = AT_TK_PCLOSE,
};
_Static_assert(AT_TK_WORD == 0, "0 in plain_punct_kind means no plain punctuation");

/* Class (utf8.h's at_cclass) of the ASCII byte b: a table look-up (a
 * switch would compile to a jump that is hard to predict).  A_OTHER is a
 * control character: white space below 0x20, punctuation (DEL) above. */
static inline at_cclass ascii_cclass(unsigned char b)
{
    static const uint8_t cclass_of[] = {
        [A_OTHER] = AT_C_PUNCT,   [A_SPACE] = AT_C_SPACE,   [A_UPPER] = AT_C_LETTER,
        [A_LOWER] = AT_C_LETTER,  [A_DIGIT] = AT_C_DIGIT,   [A_DQUOTE] = AT_C_DQUOTE,
        [A_SQUOTE] = AT_C_SQUOTE, [A_DASH] = AT_C_DASH,     [A_PUNCT] = AT_C_PUNCT,
    };
    uint8_t ac = ascii_class[b];
    if (ac == A_OTHER && b < 0x20)
        return AT_C_SPACE;
    return (at_cclass)cclass_of[ac];
}

/* Class (utf8.h's at_cclass) and length of the code point at i < end. */
static at_cclass cclass_at(const char *text, size_t i, size_t end, size_t *len, uint32_t *cp)
{
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *len = 1;
        *cp = b;
        return ascii_cclass(b);
    }
    *cp = at_utf8_decode(text + i, text + end, len);
    return at_utf8_class(*cp);
}

/* Is the character at i (if any) a letter or digit? */
static int alnum_at(const char *text, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80)
        return ascii_class[b] == A_UPPER || ascii_class[b] == A_LOWER || ascii_class[b] == A_DIGIT;
    size_t n;
    uint32_t cp;
    at_cclass c = cclass_at(text, i, end, &n, &cp);
    return c == AT_C_LETTER || c == AT_C_DIGIT;
}

/* Is the character at i (if any) a letter? */
static int letter_at(const char *text, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80)
        return ascii_class[b] == A_UPPER || ascii_class[b] == A_LOWER;
    size_t n;
    uint32_t cp;
    return cclass_at(text, i, end, &n, &cp) == AT_C_LETTER;
}

/* Pronouns whose ’s is "is"/"has", not a possessive.  Their lengths are
 * in the table: a possessive's key is compared only with the words of its
 * length. */
static int contraction_base(const char *k, size_t n)
{
    static const struct {
        char w[6];
        uint8_t n;
    } base[] = {{"it", 2},    {"he", 2},    {"she", 3},   {"that", 4}, {"there", 5}, {"what", 4},
                {"who", 3},   {"here", 4},  {"where", 5}, {"let", 3},  {"how", 3}};
    for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++)
        if (base[i].n == n && memcmp(base[i].w, k, n) == 0)
            return 1;
    return 0;
}

/* A word's normalised key as it is being scanned.  Bytes are gathered in
 * `cur` and stored eight at a time, so that the hash and the compare,
 * which read whole 64-bit words, never wait on byte stores; the stored key
 * is zero padded as at_hash_key wants.  n stops at AT_KEY_MAX + 1 ("too
 * long").  Byte j of a word is bits 8j..8j+7: the key bytes land in text
 * order on a little-endian machine, the only kind this code supports. */
typedef struct keybuf {
    union {
        uint64_t w[AT_KEY_PAD / 8 + 1];
        char k[AT_KEY_PAD + 8];
    } u;
    uint64_t cur;
    size_t n;
} keybuf;

_Static_assert(AT_KEY_MAX % 8 == 0, "a too-long key must end on a stored word");
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the attribution tokenizer builds its keys for a little-endian machine"
#endif

static inline void key_put(keybuf *kb, unsigned char c)
{
    if (kb->n > AT_KEY_MAX)
        return;
    kb->cur |= (uint64_t)c << (8 * (kb->n & 7));
    kb->n++;
    if ((kb->n & 7) == 0) {
        kb->u.w[kb->n / 8 - 1] = kb->cur;
        kb->cur = 0;
    }
}

/* Append m (1..8) bytes held in v (key byte j in bits 8j.., zero above
 * the m bytes); the caller keeps n + m <= AT_KEY_MAX + 1. */
static inline void key_put_word(keybuf *kb, uint64_t v, size_t m)
{
    size_t used = kb->n & 7;
    kb->cur |= v << (8 * used);
    if (used + m >= 8) {
        kb->u.w[kb->n / 8] = kb->cur;
        kb->cur = used ? v >> (64 - 8 * used) : 0;
    }
    kb->n += m;
}

/* Scan the run of ASCII letters and digits that starts at text[i] (i <
 * end, a letter or digit): append it to the key in lower case, add its
 * upper-case letters to *uppers, set *lower when it has a lower-case one.
 * Returns the index after the run.  Reads nothing at or past end. */
static size_t scan_alnum_run(const char *text, size_t i, size_t end, keybuf *kb, int *uppers,
                             int *lower)
{
    while (end - i >= 8) {
        uint64_t w = swar_load(text + i);
        alnum_block r = classify_block(w);
        uint64_t up = upper_letters(w, &r);
        *uppers += (int)swar_count(up);
        *lower |= (r.letter & ~up) != 0;
        if (kb->n <= AT_KEY_MAX && r.len > 0) {
            size_t take = AT_KEY_MAX + 1 - kb->n < r.len ? AT_KEY_MAX + 1 - kb->n : r.len;
            uint64_t v = take < 8 ? r.key & ((1ull << (8 * take)) - 1) : r.key;
            key_put_word(kb, v, take);
        }
        i += r.len;
        if (r.len < 8)
            return i;
    }
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        uint8_t ac = ascii_class[c]; /* bytes >= 0x80 are A_OTHER here */
        if (ac != A_UPPER && ac != A_LOWER && ac != A_DIGIT)
            break;
        *uppers += ac == A_UPPER;
        *lower |= ac == A_LOWER;
        key_put(kb, (unsigned char)(c | 0x20u));
        i++;
    }
    return i;
}

/* Store the last partial word (call before reading the key). */
static inline void key_finish(keybuf *kb)
{
    if (kb->n <= AT_KEY_MAX && (kb->n & 7))
        kb->u.w[kb->n / 8] = kb->cur;
}

/* The entry of the key in kb, or &at_unknown_word. */
static const at_lexent *key_lookup(const at_lexicon *lx, keybuf *kb)
{
    int32_t idx;
    if (kb->n == 0 || kb->n > AT_KEY_MAX)
        return &at_unknown_word;
    key_finish(kb);
    const at_lexent *e =
        at_lexicon_lookup_hashed(lx, kb->u.k, kb->n, at_hash_key(kb->u.k, kb->n), &idx);
    return e ? e : &at_unknown_word;
}

/* Fill the lexicon fields of word token t (cls to vform) from its entry e
 * (&at_unknown_word for a word the lexicon does not hold), with the
 * classes of a capitalised or ALL-CAPS occurrence as t->flags say.  The
 * token's other fields are the caller's. */
static inline void take_entry(at_tok *t, const at_lexent *e)
{
    _Static_assert(offsetof(at_tok, phrase) - offsetof(at_tok, cls) ==
                           offsetof(at_lexent, phrase) - offsetof(at_lexent, cls) &&
                       offsetof(at_tok, ent) - offsetof(at_tok, cls) ==
                           offsetof(at_lexent, index) - offsetof(at_lexent, cls) &&
                       offsetof(at_tok, wid) - offsetof(at_tok, cls) ==
                           offsetof(at_lexent, wid) - offsetof(at_lexent, cls) &&
                       offsetof(at_tok, vclass) - offsetof(at_tok, cls) ==
                           offsetof(at_lexent, vclass) - offsetof(at_lexent, cls) &&
                       offsetof(at_tok, vform) - offsetof(at_tok, cls) ==
                           offsetof(at_lexent, vform) - offsetof(at_lexent, cls),
                   "at_tok and at_lexent hold cls .. vform alike");
    uint64_t cls = e->cls;
    if (t->flags & AT_TF_CAP)
        cls |= e->capcls;
    if (t->flags & AT_TF_ALLCAPS)
        cls |= e->capcls | e->allcapcls;
    t->cls = cls;
    /* phrase, ent (index), wid, vclass and vform: twelve bytes alike */
    memcpy(&t->phrase, &e->phrase, offsetof(at_tok, vform) + 1 - offsetof(at_tok, phrase));
}

/* A word token's classes from its entry e, or from its shape when the
 * lexicon gives it none, and a possessive that is a contraction. */
static inline void classify_word(at_tok *t, const at_lexent *e, const keybuf *kb,
                                 const char *text, int internal_dot)
{
    take_entry(t, e);
    if ((t->flags & AT_TF_POSS) && contraction_base(kb->u.k, kb->n))
        t->flags = (uint16_t)((t->flags & ~AT_TF_POSS) | AT_TF_CONTR);
    if (!(t->cls & ~AT_L_ABBR))
        at_guess_from_shape(t, kb->u.k, kb->n, text, internal_dot);
}

/* An apostrophe of n bytes at i, followed by a letter.  A final ’s makes
 * the word a possessive (or a contraction): the token ends after the s
 * and 1 is returned.  Otherwise the apostrophe is part of the word (don't,
 * O’Brien, I’m): it goes into the key and 0 is returned. */
static int apostrophe(const char *text, size_t i, size_t n, size_t end, at_tok *t, keybuf *kb)
{
    size_t s = i + n;
    unsigned char sc = (unsigned char)text[s];
    if ((sc == 's' || sc == 'S') && !alnum_at(text, s + 1, end)) {
        t->kend = i;
        t->end = s + 1;
        t->flags |= AT_TF_POSS;
        return 1;
    }
    key_put(kb, '\'');
    return 0;
}

/* What the byte after a run of ASCII letters and digits makes of it (see
 * scan_simple_word): the word ends there (0), a period follows, or there
 * may be more to the word (a hyphen, an apostrophe, a byte of a longer
 * UTF-8 character). */
enum { AFTER_ENDS = 0, AFTER_PERIOD, AFTER_MORE };

static const uint8_t after_ascii[128] = {
    ['.'] = AFTER_PERIOD, ['-'] = AFTER_MORE, ['\''] = AFTER_MORE,
};

/* after_ascii's answer for any byte c: one of a UTF-8 character (from
 * 0x80 up) may continue the word. */
static inline uint8_t after_run(unsigned c)
{
    return c >= 0x80 ? AFTER_MORE : after_ascii[c];
}

/* The common word, in one step: at most fifteen ASCII letters and digits,
 * followed by a byte that cannot continue the word or make it a
 * possessive: not a letter or digit, '-', '\'' or a byte >= 0x80.  A
 * period after it is read here too when the next byte is no letter (a
 * sentence end, or an abbreviation: "Gen.", "Mr."); a period before a
 * letter ("U.S.", "a.m.") is left to scan_general_word.  Writes every
 * field of t exactly as scan_general_word would (flags: the token's flags
 * so far, AT_TF_SENTINIT or 0) and returns 1; returns 0 (t untouched) for
 * any other word. */
static inline int scan_simple_word(const at_lexicon_image *im, const char *text, size_t text_len,
                                   size_t i, size_t end, size_t fast_end, uint16_t flags,
                                   at_tok *t)
{
    ascii_run r = ascii_run_at(text, text_len, i, end, fast_end);
    size_t len = r.len;
    if (len == 16)
        return 0; /* sixteen bytes or more */
    uint8_t after = after_run(r.after);
    if (after == AFTER_MORE)
        return 0;
    if (after == AFTER_PERIOD) {
        unsigned char next = i + len + 1 < end ? (unsigned char)text[i + len + 1] : 0;
        if (next >= 0x80 || ascii_class[next] == A_UPPER || ascii_class[next] == A_LOWER)
            return 0;
    }
    /* the first byte is a letter (the caller checks): capitalised when it
     * lacks the lower-case bit */
    if (!(r.w[0] & 0x20u)) {
        flags |= AT_TF_CAP;
        /* all capitals: no lower-case letter, two upper-case ones or more;
         * a letter is lower case when it has the 0x20 bit, which w << 2
         * moves to the flag's place in the same byte */
        uint64_t let0 = key_letters(r.key[0]), let1 = key_letters(r.key[1]);
        uint64_t up0 = let0 & ~(r.w[0] << 2), up1 = let1 & ~(r.w[1] << 2);
        int lower = (let0 & ~up0) || (let1 & ~up1);
        int two_uppers = up1 || (up0 & (up0 - 1)) || (up1 & (up1 - 1));
        if (!lower && two_uppers)
            flags |= AT_TF_ALLCAPS;
    }
    const at_lexent *e = at_image_lookup_short(im, r.key[0], r.key[1], len);
    size_t wend = i + len;
    if (after == AFTER_PERIOD && ((len == 1 && (flags & AT_TF_CAP)) || (e->cls & AT_L_ABBR))) {
        wend++; /* an abbreviation keeps its period */
        flags |= AT_TF_ABBR;
    }
    t->kind = AT_TK_WORD;
    t->flags = flags;
    t->start = i;
    t->kend = i + len;
    t->end = wend;
    take_entry(t, e);
    if (!(t->cls & ~AT_L_ABBR)) { /* no possessive here: only the shape is left */
        keybuf kb;
        kb.u.w[0] = r.key[0];
        kb.u.w[1] = r.key[1];
        kb.n = len;
        at_guess_from_shape(t, kb.u.k, kb.n, text, 0);
    }
    return 1;
}

/* Scan any word starting at i (a letter): non-ASCII letters, hyphens,
 * apostrophes, inner periods, long words.  Fills t and returns the index
 * after it.  Out of line: the common word never comes here (see
 * scan_simple_word), and the loop of at_tokenize stays small. */
static AT_OUT_OF_LINE size_t scan_general_word(const at_lexicon *lx, const char *text, size_t i,
                                               size_t end, at_tok *t)
{
    size_t b = i, n;
    /* letters: upper-case letters seen; lower: a lower-case letter seen */
    int letters = 0, uppers = 0, internal_dot = 0, lower = 0, possessive = 0, looked_up = 0;
    uint32_t cp;
    keybuf kb;
    const at_lexent *e = &at_unknown_word;

    kb.n = 0;
    kb.cur = 0;
    t->kind = AT_TK_WORD;
    t->start = b;
    t->kend = t->end = 0;
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            uint8_t ac = ascii_class[c];
            if (ac == A_UPPER || ac == A_LOWER || ac == A_DIGIT) {
                /* the common case: a run of ASCII letters and digits.  The
                 * word's first character is a letter (the caller checks),
                 * so only an upper-case first letter makes it capitalised. */
                int run_uppers = 0;
                if (ac == A_UPPER && letters == 0 && !lower)
                    t->flags |= AT_TF_CAP;
                i = scan_alnum_run(text, i, end, &kb, &run_uppers, &lower);
                letters += run_uppers;
                uppers += run_uppers;
                continue;
            }
            if (c == '-' && alnum_at(text, i + 1, end)) {
                t->flags |= AT_TF_HYPHEN;
                key_put(&kb, '-');
                i++;
                continue;
            }
            if (c == '\'' && letter_at(text, i + 1, end)) {
                if (apostrophe(text, i, 1, end, t, &kb)) {
                    possessive = 1;
                    break;
                }
                i++;
                continue;
            }
            if (c == '.' && (letters > 0 || lower) && letter_at(text, i + 1, end)) {
                size_t nx;
                uint32_t ncp;
                cclass_at(text, i + 1, end, &nx, &ncp);
                /* U.S / a.m: one letter then a period or the end of the word */
                if (i + 1 + nx >= end || text[i + 1 + nx] == '.' ||
                    !alnum_at(text, i + 1 + nx, end) || kb.n <= 3) {
                    internal_dot = 1;
                    key_put(&kb, '.');
                    i++;
                    continue;
                }
            }
            break;
        }
        at_cclass cc = cclass_at(text, i, end, &n, &cp);
        if (cc == AT_C_LETTER || cc == AT_C_DIGIT) {
            if (cc == AT_C_LETTER) {
                if (at_utf8_is_upper(cp)) {
                    if (letters == 0 && !lower)
                        t->flags |= AT_TF_CAP;
                    uppers++;
                    letters++;
                } else {
                    lower = 1;
                }
            }
            for (size_t k = 0; k < n; k++)
                key_put(&kb, (unsigned char)text[i + k]);
            i += n;
            continue;
        }
        if (cc == AT_C_DASH && (cp == 0x2010 || cp == 0x2011) && alnum_at(text, i + n, end)) {
            t->flags |= AT_TF_HYPHEN;
            key_put(&kb, '-');
            i += n;
            continue;
        }
        if (cc == AT_C_SQUOTE && cp != 0x2018 && letter_at(text, i + n, end)) {
            if (apostrophe(text, i, n, end, t, &kb)) {
                possessive = 1;
                break;
            }
            i += n;
            continue;
        }
        break;
    }
    if (!possessive) {
        t->kend = i;
        t->end = i;
    }
    if (!possessive && i < end) {
        unsigned char c = (unsigned char)text[i];
        at_cclass cc = AT_C_PUNCT;
        n = 1;
        cp = c;
        if (c >= 0x80)
            cc = cclass_at(text, i, end, &n, &cp);
        else if (c == '\'')
            cc = AT_C_SQUOTE;
        if (cc == AT_C_SQUOTE && cp != 0x2018 && i > b &&
            (text[i - 1] == 's' || text[i - 1] == 'S') && !letter_at(text, i + n, end)) {
            /* plural possessive: officials’ */
            t->end = i + n;
            t->flags |= AT_TF_POSS;
        } else if (c == '.') {
            e = key_lookup(lx, &kb);
            looked_up = 1;
            if (internal_dot || (kb.n == 1 && uppers == 1) || (e->cls & AT_L_ABBR)) {
                t->end = i + 1;
                t->flags |= AT_TF_ABBR;
            }
        }
    }
    if (!lower && uppers >= 2 && uppers == letters)
        t->flags |= AT_TF_ALLCAPS;
    if (!looked_up) /* the key is the same either way: look it up once */
        e = key_lookup(lx, &kb);
    classify_word(t, e, &kb, text, internal_dot);
    return t->end;
}

/* Scan a number (digits with inner , . : and letter suffixes: 9th, 1990s). */
static size_t scan_number(const at_lexicon *lx, const char *text, size_t i, size_t end, at_tok *t)
{
    size_t n;
    keybuf kb;
    kb.n = 0;
    kb.cur = 0;
    t->kind = AT_TK_NUM;
    t->start = i;
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 && (ascii_class[c] == A_DIGIT || ascii_class[c] == A_LOWER)) {
            key_put(&kb, c);
            i++;
            continue;
        }
        uint32_t cp;
        at_cclass cc = cclass_at(text, i, end, &n, &cp);
        if (cc == AT_C_DIGIT || cc == AT_C_LETTER) {
            for (size_t k = 0; k < n; k++)
                key_put(&kb, (unsigned char)text[i + k]);
            i += n;
            continue;
        }
        if ((cp == '.' || cp == ',' || cp == ':') && i + 1 < end && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            key_put(&kb, (unsigned char)cp);
            i += 1;
            continue;
        }
        /* a number made an adjective: "38-year-old", "20-minute" */
        if (cp == '-' && i + 1 < end && ascii_class[(unsigned char)text[i + 1]] == A_LOWER) {
            t->flags |= AT_TF_HYPHEN;
            key_put(&kb, '-');
            i += 1;
            continue;
        }
        break;
    }
    t->end = t->kend = i;
    t->phrase = -1;
    t->ent = (int32_t)key_lookup(lx, &kb)->index; /* only for phrases such as "France 24" */
    return i;
}

/* Make t a token with nothing in it yet: no classes, flags, phrase or
 * lexicon entry (its kind and span are the caller's to set). */
static inline void tok_clear(at_tok *t)
{
    t->cls = 0;
    t->phrase = -1;
    t->ent = -1;
    t->wid = 0;
    t->vclass = 0;
    t->vform = 0;
    t->flags = 0;
}

/* What at_tokenize carries from one token to the next. */
typedef struct tok_state {
    int space_before; /* white space (or the start) right before this token */
    uint16_t init;    /* AT_TF_SENTINIT when the next word starts the sentence or a
                       * quotation, else 0 */
} tok_state;

/* Scan the token at i that does not start with an ASCII letter (a
 * non-ASCII letter, a number, a quote mark, punctuation) into toks[nt].
 * Returns the index after it, or after the white space at i: then
 * *made is 0 and toks[nt] holds nothing.  Writes every field of the
 * token.  Out of line, as scan_general_word. */
static AT_OUT_OF_LINE size_t scan_other(const at_lexicon *lx, const char *text, size_t i,
                                        size_t end, at_tok *toks, size_t nt, tok_state *ts,
                                        int *made)
{
    size_t n;
    uint32_t cp;
    at_cclass c = cclass_at(text, i, end, &n, &cp);
    at_tok *t = &toks[nt];
    tok_clear(t);
    *made = c != AT_C_SPACE;
    if (c == AT_C_SPACE)
        return i + n;
    if (c == AT_C_LETTER) {
        t->flags |= ts->init;
        ts->init = 0;
        return scan_general_word(lx, text, i, end, t);
    }
    if (c == AT_C_DIGIT) {
        ts->init = 0;
        return scan_number(lx, text, i, end, t);
    }
    t->start = i;
    t->end = t->kend = i + n;
    if (c == AT_C_DQUOTE) {
        t->kind = AT_TK_QUOTE;
        int open;
        if (cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == 0x301D)
            open = 1;
        else if (cp == 0x201D || cp == 0x00BB || cp == 0x301E)
            open = 0;
        else
            open = ts->space_before || nt == 0 || toks[nt - 1].kind == AT_TK_POPEN ||
                   toks[nt - 1].kind == AT_TK_DASH;
        if (open) {
            t->flags |= AT_TF_QOPEN;
            ts->init = AT_TF_SENTINIT;
        }
    } else if (c == AT_C_SQUOTE) {
        t->kind = AT_TK_SQUOTE;
        if (cp == 0x2018 || ts->space_before || nt == 0)
            t->flags |= AT_TF_QOPEN;
    } else if (c == AT_C_DASH) {
        t->kind = AT_TK_DASH;
    } else if (cp == ':') {
        t->kind = AT_TK_COLON;
        ts->init = AT_TF_SENTINIT;
    } else if (cp == '@' && letter_at(text, i + n, end)) {
        t->kind = AT_TK_HANDLE;
        size_t j = i + n;
        while (j < end && (alnum_at(text, j, end) || text[j] == '_')) {
            size_t m;
            uint32_t mcp;
            cclass_at(text, j, end, &m, &mcp);
            j += m;
        }
        t->end = t->kend = j;
        n = j - i;
    } else {
        t->kind = AT_TK_OTHER;
    }
    return i + n;
}

/* Add token nt, of the given kind, to the summary (phrases: the AND of
 * the tokens' phrases).  The kind is the caller's: a constant where it
 * knows it. */
static inline void summary_add(at_tok_summary *all, int32_t *phrases, const at_tok *t,
                               unsigned kind, size_t nt)
{
    all->cls |= t->cls;
    all->wids |= 1ull << (t->wid & 63);
    all->kinds |= 1u << kind;
    *phrases &= t->phrase;
    if (t->vclass) {
        if (all->first_verb > all->last_verb)
            all->first_verb = nt;
        all->last_verb = nt;
    }
}

/* Tokenise text[start..end) into at most cap tokens; returns the count
 * and fills *sum.  The loop handles white space, words that start with an
 * ASCII letter (most of the text) and plain punctuation (commas, periods)
 * itself and hands every other token to scan_other.  Each path writes
 * every field of its token once. */
size_t at_tokenize(const at_lexicon *lx, const char *text, size_t text_len, size_t start,
                   size_t end, at_tok *toks, size_t cap, at_tok_summary *sum)
{
    size_t nt = 0, i = start;
    tok_state ts = {.space_before = 1, .init = AT_TF_SENTINIT};
    at_tok_summary all = {.first_verb = 1, .last_verb = 0}; /* no verb yet */
    int32_t phrases = -1; /* AND of the tokens' phrases: >= 0 once one is */
    at_lexicon_image im; /* the lexicon's arrays, for the inline look-up */
    at_lexicon_image_of(lx, &im);
    /* below fast_end a word's sixteen bytes can be read at once and its
     * run of up to fifteen and the byte after it end before end */
    size_t fast_end = end < text_len + 1 ? end : text_len + 1;
    fast_end = fast_end >= 15 ? fast_end - 15 : 0;

    while (i < end && nt < cap) {
        unsigned char b = (unsigned char)text[i];
        uint8_t ac = ascii_class[b]; /* A_OTHER for bytes >= 0x80 */
        if (ac == A_SPACE) {
            ts.space_before = 1;
            i++;
            continue;
        }
        at_tok *t = &toks[nt];
        if (ac == A_UPPER || ac == A_LOWER) {
            uint16_t flags = ts.init;
            ts.init = 0;
            if (!scan_simple_word(&im, text, text_len, i, end, fast_end, flags, t)) {
                tok_clear(t);
                t->flags = flags;
                scan_general_word(lx, text, i, end, t);
            }
            i = t->end;
            summary_add(&all, &phrases, t, AT_TK_WORD, nt);
        } else if (ac == A_PUNCT && plain_punct_kind[b]) {
            tok_clear(t);
            t->kind = plain_punct_kind[b];
            t->start = i;
            t->end = t->kend = i + 1;
            i++;
            all.kinds |= 1u << t->kind; /* no classes, word id 0, no phrase, no verb */
            all.wids |= 1;
        } else {
            int made;
            tok_state now = ts; /* a copy: ts itself need not live in memory */
            i = scan_other(lx, text, i, end, toks, nt, &now, &made);
            ts = now;
            if (!made) {
                ts.space_before = 1;
                continue;
            }
            summary_add(&all, &phrases, t, t->kind, nt);
        }
        nt++;
        /* the space after a token, without a turn of the loop (text[i] is
         * readable: i <= end <= text_len) */
        ts.space_before = text[i] == ' ';
        i += (size_t)ts.space_before;
    }
    all.has_phrase = phrases >= 0;
    *sum = all;
    return nt;
}
