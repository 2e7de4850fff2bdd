/*
 * tokenizer.c - UTF-8 aware sentence tokenizer with lexicon look-up.
 *
 * Contract: see tokenizer.h.  One left-to-right pass; each word is looked
 * up once.  Reads only inside [start, end).
 */
#include "tokenizer.h"

#include <string.h>

#include "utf8.h"

/* Class and length of the code point at i (i < end). */
static at_cclass cclass_at(const char *text, size_t i, size_t end, size_t *len, uint32_t *cp)
{
    uint32_t c = at_utf8_decode(text + i, text + end, len);
    if (cp)
        *cp = c;
    return at_utf8_class(c);
}

/* Is the character at i (if any) a letter or digit? */
static int alnum_at(const char *text, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    size_t n;
    at_cclass c = cclass_at(text, i, end, &n, NULL);
    return c == AT_C_LETTER || c == AT_C_DIGIT;
}

/* Is the character at i (if any) a letter? */
static int letter_at(const char *text, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    size_t n;
    return cclass_at(text, i, end, &n, NULL) == AT_C_LETTER;
}

/* Pronouns whose ’s is "is"/"has", not a possessive. */
static int contraction_base(const char *k, size_t n)
{
    static const char *const w[] = {"it", "he", "she", "that", "there", "what", "who",
                                    "here", "where", "let", "how"};
    for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
        if (strlen(w[i]) == n && memcmp(w[i], k, n) == 0)
            return 1;
    return 0;
}

/* Fill the lexicon fields of a word token. */
static void classify_word(const at_lexicon *lx, const char *text, at_tok *t, int internal_dot)
{
    char key[AT_KEY_MAX + 1];
    size_t n = at_lexicon_normalise(text + t->start, t->kend - t->start, key);
    const at_lexent *e = n ? at_lexicon_lookup(lx, key, n) : NULL;

    t->phrase = -1;
    if (e) {
        t->cls = e->cls;
        if (t->flags & AT_TF_CAP)
            t->cls |= e->capcls;
        if (t->flags & AT_TF_ALLCAPS)
            t->cls |= e->capcls | e->allcapcls;
        t->wid = e->wid;
        t->vclass = e->vclass;
        t->vform = e->vform;
        t->phrase = e->phrase;
    }
    if ((t->flags & AT_TF_POSS) && contraction_base(key, n)) {
        t->flags = (uint16_t)((t->flags & ~AT_TF_POSS) | AT_TF_CONTR);
    }
    if (t->cls & ~(AT_L_PARTICLE | AT_L_ABBR))
        return;
    if (t->cls & AT_L_PARTICLE)
        return;
    /* Unknown word: guess from its shape. */
    if (n >= 5 && key[n - 2] == 'l' && key[n - 1] == 'y' &&
        (!(t->flags & AT_TF_CAP) || (t->flags & AT_TF_SENTINIT))) {
        t->cls |= AT_L_ADV;
        return;
    }
    if (t->flags & AT_TF_HYPHEN) {
        const char *h = memchr(key, '-', n);
        size_t pre = h ? (size_t)(h - key) : n;
        const char *last = key + n;
        while (last > key && last[-1] != '-')
            last--;
        int last_lower = last < key + n && *last >= 'a' && *last <= 'z' &&
                         (size_t)(last - key) < n &&
                         ((unsigned char)text[t->start + (size_t)(last - key)] >= 'a');
        if (!(t->flags & AT_TF_CAP) || last_lower ||
            (pre == 3 && (memcmp(key, "pro", 3) == 0 || memcmp(key, "non", 3) == 0)) ||
            (pre == 4 && memcmp(key, "anti", 4) == 0) || (pre == 2 && memcmp(key, "ex", 2) == 0)) {
            t->cls |= AT_L_MOD;
            return;
        }
    }
    if ((t->flags & AT_TF_ALLCAPS) && !internal_dot && n >= 2 && n <= 6) {
        t->cls |= AT_L_ACRONYM;
        return;
    }
    if (t->flags & AT_TF_CAP)
        t->cls |= AT_L_NAME;
}

/* Does the abbreviation period at i belong to the word [b, i)? */
static int takes_period(const at_lexicon *lx, const char *text, size_t b, size_t i, int internal_dot,
                        int single_upper)
{
    if (internal_dot || single_upper)
        return 1;
    char key[AT_KEY_MAX + 1];
    size_t n = at_lexicon_normalise(text + b, i - b, key);
    const at_lexent *e = n ? at_lexicon_lookup(lx, key, n) : NULL;
    return e && (e->cls & AT_L_ABBR);
}

/* Scan a word starting at i; fills t and returns the index after it. */
static size_t scan_word(const at_lexicon *lx, const char *text, size_t i, size_t end, at_tok *t)
{
    size_t b = i, n;
    int letters = 0, uppers = 0, internal_dot = 0;
    uint32_t cp;

    t->kind = AT_TK_WORD;
    t->start = b;
    while (i < end) {
        at_cclass c = cclass_at(text, i, end, &n, &cp);
        if (c == AT_C_LETTER || c == AT_C_DIGIT) {
            if (c == AT_C_LETTER) {
                letters++;
                if (at_utf8_is_upper(cp))
                    uppers++;
                if (letters == 1 && at_utf8_is_upper(cp))
                    t->flags |= AT_TF_CAP;
            }
            i += n;
            continue;
        }
        if (c == AT_C_DASH && (cp == '-' || cp == 0x2010 || cp == 0x2011) &&
            alnum_at(text, i + n, end)) {
            t->flags |= AT_TF_HYPHEN;
            i += n;
            continue;
        }
        if (c == AT_C_SQUOTE && cp != 0x2018 && letter_at(text, i + n, end)) {
            /* ’s at the end of the word: a possessive (or a contraction). */
            size_t s = i + n, sn;
            uint32_t scp;
            cclass_at(text, s, end, &sn, &scp);
            if ((scp == 's' || scp == 'S') && !alnum_at(text, s + sn, end)) {
                t->kend = i;
                t->end = s + sn;
                t->flags |= AT_TF_POSS;
                goto done;
            }
            i += n; /* don't, O’Brien, I’m */
            continue;
        }
        if (cp == '.' && letter_at(text, i + 1, end) && letters > 0) {
            size_t nx;
            uint32_t ncp;
            cclass_at(text, i + 1, end, &nx, &ncp);
            /* U.S / a.m: a letter then a period or the end of the word */
            if (i + 1 + nx >= end || text[i + 1 + nx] == '.' || !alnum_at(text, i + 1 + nx, end)) {
                internal_dot = 1;
                i += 1;
                continue;
            }
            if (letters <= 3) { /* pic.twitter.com, e.g. */
                internal_dot = 1;
                i += 1;
                continue;
            }
        }
        break;
    }
    t->kend = i;
    t->end = i;
    /* plural possessive: officials’ */
    if (i < end) {
        at_cclass c = cclass_at(text, i, end, &n, &cp);
        if (c == AT_C_SQUOTE && cp != 0x2018 && i > b && (text[i - 1] == 's' || text[i - 1] == 'S') &&
            !letter_at(text, i + n, end)) {
            t->end = i + n;
            t->flags |= AT_TF_POSS;
        } else if (cp == '.' &&
                   takes_period(lx, text, b, i, internal_dot, letters == 1 && uppers == 1)) {
            t->end = i + 1;
            t->flags |= AT_TF_ABBR;
        }
    }
done:
    if (letters >= 2 && uppers == letters)
        t->flags |= AT_TF_ALLCAPS;
    classify_word(lx, text, t, internal_dot);
    return t->end;
}

/* Scan a number (digits with inner , . : and letter suffixes: 9th, 1990s). */
static size_t scan_number(const char *text, size_t i, size_t end, at_tok *t)
{
    size_t n;
    t->kind = AT_TK_NUM;
    t->start = i;
    while (i < end) {
        uint32_t cp;
        at_cclass c = cclass_at(text, i, end, &n, &cp);
        if (c == AT_C_DIGIT || c == AT_C_LETTER) {
            i += n;
            continue;
        }
        if ((cp == '.' || cp == ',' || cp == ':') && i + 1 < end && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            i += 1;
            continue;
        }
        break;
    }
    t->end = t->kend = i;
    t->phrase = -1;
    return i;
}

size_t at_tokenize(const at_lexicon *lx, const char *text, size_t start, size_t end, at_tok *toks,
                   size_t cap)
{
    size_t nt = 0, i = start, n;
    int space_before = 1, want_init = 1;

    while (i < end && nt < cap) {
        uint32_t cp;
        at_cclass c = cclass_at(text, i, end, &n, &cp);
        if (c == AT_C_SPACE) {
            space_before = 1;
            i += n;
            continue;
        }
        at_tok *t = &toks[nt];
        memset(t, 0, sizeof(*t));
        t->phrase = -1;
        if (c == AT_C_LETTER) {
            if (want_init)
                t->flags |= AT_TF_SENTINIT;
            i = scan_word(lx, text, i, end, t);
            want_init = 0;
        } else if (c == AT_C_DIGIT) {
            i = scan_number(text, i, end, t);
            want_init = 0;
        } else {
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
                    open = space_before || nt == 0 || toks[nt - 1].kind == AT_TK_POPEN ||
                           toks[nt - 1].kind == AT_TK_DASH;
                if (open) {
                    t->flags |= AT_TF_QOPEN;
                    want_init = 1;
                }
            } else if (c == AT_C_SQUOTE) {
                t->kind = AT_TK_SQUOTE;
                if (cp == 0x2018 || space_before || nt == 0)
                    t->flags |= AT_TF_QOPEN;
            } else if (c == AT_C_DASH) {
                t->kind = AT_TK_DASH;
            } else if (cp == ',') {
                t->kind = AT_TK_COMMA;
            } else if (cp == '.' || cp == '!' || cp == '?') {
                t->kind = AT_TK_PERIOD;
            } else if (cp == ':') {
                t->kind = AT_TK_COLON;
                want_init = 1;
            } else if (cp == ';') {
                t->kind = AT_TK_SEMI;
            } else if (cp == '(' || cp == '[' || cp == '{') {
                t->kind = AT_TK_POPEN;
            } else if (cp == ')' || cp == ']' || cp == '}') {
                t->kind = AT_TK_PCLOSE;
            } else if (cp == '@' && letter_at(text, i + n, end)) {
                t->kind = AT_TK_HANDLE;
                size_t j = i + n;
                while (j < end && (alnum_at(text, j, end) || text[j] == '_')) {
                    size_t m;
                    cclass_at(text, j, end, &m, NULL);
                    j += m;
                }
                t->end = t->kend = j;
                n = j - i;
            } else {
                t->kind = AT_TK_OTHER;
            }
            i += n;
        }
        space_before = 0;
        nt++;
    }
    return nt;
}
