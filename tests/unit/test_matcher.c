/* test_matcher.c - the shared phrase matcher: folding, boundaries, spans;
 * the inline fold against cs_fold_next, and the matcher against a naive
 * matcher written from the contract (matcher.h) over random input. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "matcher.h"
#include "splitmix.h"
#include "tap.h"

typedef struct {
    char got[2048];
} hits;

static int collect(void *ctx, uint32_t id, size_t start, size_t end)
{
    hits *h = ctx;
    size_t n = strlen(h->got);
    snprintf(h->got + n, sizeof h->got - n, "%s%u@%zu-%zu", n ? " " : "", id, start, end);
    return 0;
}

static const char *scan(cs_matcher *m, const char *text, hits *h)
{
    h->got[0] = '\0';
    cs_matcher_scan(m, text, strlen(text), collect, h);
    return h->got;
}


static int stop_second(void *ctx, uint32_t id, size_t start, size_t end)
{
    int *calls = ctx;
    (void)id;
    (void)start;
    (void)end;
    return ++*calls == 2 ? 42 : 0;
}

/* ---- the inline fold against cs_fold_next ---- */

/* Compare cs_fold_next_fast with cs_fold_next at every position of s[0..len). */
static int fold_agrees(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        size_t a = i, b = i;
        unsigned char fa = cs_fold_next_fast(s, len, &a);
        unsigned char fb = cs_fold_next(s, len, &b);
        if (fa != fb || a != b) {
            printf("#   differs at %zu of %zu bytes:", i, len);
            for (size_t k = 0; k < len; k++)
                printf(" %02x", (unsigned char)s[k]);
            printf(" (fast %02x next %zu, reference %02x next %zu)\n", fa, a, fb, b);
            return 0;
        }
    }
    return 1;
}

/* Walk s[0..len) forwards with cs_fold_next and check that cs_fold_prev_fast,
 * from the start of each character after the first (and from the end),
 * steps back to the start of the one before. */
static int fold_prev_agrees(const char *s, size_t len)
{
    size_t before = 0, i = 0;
    (void)cs_fold_next(s, len, &i);
    for (;;) {
        size_t back = cs_fold_prev_fast(s, i);
        if (back != before) {
            printf("#   cs_fold_prev from %zu of %zu bytes gives %zu, not %zu:", i, len, back,
                   before);
            for (size_t k = 0; k < len; k++)
                printf(" %02x", (unsigned char)s[k]);
            printf("\n");
            return 0;
        }
        if (i >= len)
            return 1;
        before = i;
        (void)cs_fold_next(s, len, &i);
    }
}

/* The bytes the folds special-case, their neighbours and a few plain ones. */
static const unsigned char interesting[] = {
    0x00, 0x01, 0x08, '\t', '\n', 0x0b, 0x0c, '\r', 0x0e, 0x1f, ' ', '!', '"', '\'', '-', '.',
    '0', '9', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7f, 0x80, 0x93, 0x94, 0x98, 0x99,
    0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa6, 0xab, 0xb2, 0xb3, 0xbb, 0xbf, 0xc2, 0xc3, 0xe2,
    0xe3, 0xff,
};

static void fold_differential(void)
{
    char s[8];
    int good = 1;
    for (int a = 0; a < 256 && good; a++) {
        s[0] = (char)a;
        good = fold_agrees(s, 1);
    }
    ok(good, "inline fold = cs_fold_next on every single byte");
    for (int a = 0; a < 256 && good; a++)
        for (int b = 0; b < 256 && good; b++) {
            s[0] = (char)a;
            s[1] = (char)b;
            good = fold_agrees(s, 2);
        }
    ok(good, "inline fold = cs_fold_next on every pair of bytes");
    size_t n = sizeof interesting;
    for (size_t a = 0; a < n && good; a++)
        for (size_t b = 0; b < n && good; b++)
            for (size_t c = 0; c < n && good; c++)
                for (size_t e = 0; e < n && good; e += 7) {
                    s[0] = (char)interesting[a];
                    s[1] = (char)interesting[b];
                    s[2] = (char)interesting[c];
                    s[3] = (char)interesting[e];
                    good = fold_agrees(s, 3) && fold_agrees(s, 4);
                }
    ok(good, "inline fold = cs_fold_next on 3 and 4 byte mixes of the special cases");
    int back = 1;
    for (size_t a = 0; a < n && back; a++)
        for (size_t b = 0; b < n && back; b++)
            for (size_t c = 0; c < n && back; c++)
                for (size_t e = 0; e < n && back; e++) {
                    s[0] = (char)interesting[a];
                    s[1] = (char)interesting[b];
                    s[2] = (char)interesting[c];
                    s[3] = (char)interesting[e];
                    back = fold_prev_agrees(s, 1) && fold_prev_agrees(s, 2) &&
                           fold_prev_agrees(s, 3) && fold_prev_agrees(s, 4);
                }
    ok(back, "cs_fold_prev steps back over each character cs_fold_next reads, on every mix of "
             "up to 4 of the special bytes");
    for (int b = 0; b < 256; b++) {
        size_t i = 0;
        s[0] = (char)b;
        s[1] = 'x';
        unsigned char want = cs_fold_next(s, 2, &i);
        if (cs_fold_table[b] > ' ' && (cs_fold_table[b] != want || i != 1))
            good = 0;
        if (b >= 0x80 && cs_fold_table[b] != 0)
            good = 0;
    }
    ok(good, "cs_fold_table: a value above ' ' is the whole fold of its byte; UTF-8 bytes 0");
}

/* ---- a naive matcher, from the contract ---- */

typedef struct ref_pattern {
    char folded[CS_PHRASE_MAX + 2];
    size_t len;
    int prefix;
    uint32_t id;
} ref_pattern;

typedef struct ref_hit {
    size_t fend; /* folded index after the hit's last byte */
    size_t plen;
    size_t order; /* pattern insertion order */
    uint32_t id;
    size_t start, end;
} ref_hit;

static int cmp_ref_hit(const void *a, const void *b)
{
    const ref_hit *x = a, *y = b;
    if (x->fend != y->fend) /* in order of the end of the phrase ... */
        return x->fend < y->fend ? -1 : 1;
    if (x->plen != y->plen) /* the longest first (dictionary links go to shorter ones) */
        return x->plen > y->plen ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order; /* then as added */
}

/* Fold a phrase as cs_matcher_add does; 0 if it is refused. */
static int ref_fold(const char *phrase, ref_pattern *p)
{
    size_t len = strlen(phrase);
    p->prefix = 0;
    while (len > 0 && (phrase[len - 1] == ' ' || phrase[len - 1] == '\t'))
        len--;
    if (len > 0 && phrase[len - 1] == '*') {
        p->prefix = 1;
        len--;
    }
    p->len = cs_fold_string(phrase, len, p->folded, sizeof p->folded);
    return p->len != (size_t)-1 && p->len > 0 && p->len <= CS_PHRASE_MAX;
}

/* Every hit of every pattern in text, in the order the matcher reports
 * them, as "id@start-end" words into out. */
static void ref_scan(const ref_pattern *pats, size_t npats, const char *text, size_t len,
                     cs_buf *out)
{
    unsigned char *fc = malloc(len + 1);
    size_t *fs = malloc((len + 1) * sizeof(size_t));
    ref_hit *found = NULL;
    size_t nf = 0, nfound = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        fs[nf] = i;
        fc[nf++] = cs_fold_next(text, len, &i);
    }
    fs[nf] = len;
    for (size_t p = 0; p < npats; p++) {
        const ref_pattern *pat = &pats[p];
        int word_start = cs_fold_is_word((unsigned char)pat->folded[0]);
        int word_end = cs_fold_is_word((unsigned char)pat->folded[pat->len - 1]);
        for (size_t k = 0; k + pat->len <= nf; k++) {
            if (memcmp(fc + k, pat->folded, pat->len) != 0)
                continue;
            size_t e = k + pat->len; /* folded index after the hit */
            if (word_start && k > 0 && cs_fold_is_word(fc[k - 1]))
                continue;
            if (word_end && !pat->prefix && e < nf && cs_fold_is_word(fc[e]))
                continue;
            size_t end = fc[e - 1] == ' ' ? fs[e - 1] + 1 : fs[e];
            if (pat->prefix)
                for (size_t w = e; w < nf && cs_fold_is_word(fc[w]); w++)
                    end = fs[w + 1];
            if (nfound == cap) {
                cap = cap ? 2 * cap : 16;
                found = realloc(found, cap * sizeof *found);
            }
            found[nfound++] = (ref_hit){e, pat->len, p, pat->id, fs[k], end};
        }
    }
    if (nfound > 1)
        qsort(found, nfound, sizeof *found, cmp_ref_hit);
    out->len = 0;
    cs_buf_terminate(out);
    for (size_t h = 0; h < nfound; h++)
        cs_buf_printf(out, "%s%u@%zu-%zu", h ? " " : "", found[h].id, found[h].start,
                      found[h].end);
    free(found);
    free(fc);
    free(fs);
}

static int collect_buf(void *ctx, uint32_t id, size_t start, size_t end)
{
    cs_buf *b = ctx;
    return cs_buf_printf(b, "%s%u@%zu-%zu", b->len ? " " : "", id, start, end);
}

/* The matcher's hits in text, as ref_scan writes them. */
static void matcher_scan(const cs_matcher *m, const char *text, size_t len, cs_buf *out)
{
    out->len = 0;
    cs_buf_terminate(out);
    cs_matcher_scan(m, text, len, collect_buf, out);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n) /* reduced to [0, n) */
{
    return (unsigned)(splitmix64_next(&rng_state) % n);
}

/* Pieces of text and phrases: few letters (many overlaps), every kind of
 * white space, quotes and dashes in both forms, UTF-8 letters, and a bare
 * lead byte or two (input need not be valid UTF-8). */
static const char *const pieces[] = {
    "a", "b", "ab", "ba", "A", "B", "aB", " ", "  ", "\t", "\n", "\r\n", "\xC2\xA0",
    "'", "\xE2\x80\x99", "\xE2\x80\x98", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
    "\xC2\xBB", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC3\xA9", "\xC3\x89", ".", ",",
    "1", "\xE2\x80", "\xC2", "\xE2\x80\xA6", "*",
};

static void random_text(cs_buf *b, unsigned max_pieces, int allow_star)
{
    b->len = 0;
    cs_buf_terminate(b);
    unsigned n = rnd(max_pieces + 1);
    size_t npieces = sizeof pieces / sizeof pieces[0] - (allow_star ? 0 : 1);
    for (unsigned k = 0; k < n; k++)
        cs_buf_puts(b, pieces[rnd((unsigned)npieces)]);
}

static void random_differential(void)
{
    cs_buf text = {0}, got = {0}, want = {0}, phrase = {0};
    int mismatches = 0, rounds = 0, with_hits = 0;
    for (int round = 0; round < 400; round++) {
        ref_pattern pats[12];
        size_t npats = 0;
        cs_diag d;
        cs_matcher *m = cs_matcher_new();
        unsigned want_pats = 1 + rnd(12);
        for (unsigned k = 0; k < want_pats; k++) {
            random_text(&phrase, 5, 1);
            ref_pattern p;
            int good = ref_fold(phrase.data, &p);
            int added = cs_matcher_add(m, phrase.data, 100 + k, &d) == 0;
            if (good != added) {
                mismatches++;
                printf("#   phrase '%s': matcher %s it, the reference %s\n", phrase.data,
                       added ? "took" : "refused", good ? "takes" : "refuses");
            }
            if (good && added) {
                p.id = 100 + k;
                pats[npats++] = p;
            }
        }
        cs_matcher_compile(m, &d);
        for (int t = 0; t < 25; t++) {
            if (t == 12) /* the rest of the texts on the compact table */
                cs_matcher_compact(m);
            random_text(&text, 40, 0);
            ref_scan(pats, npats, text.data, text.len, &want);
            matcher_scan(m, text.data, text.len, &got);
            if (strcmp(got.data, want.data) != 0 && mismatches++ < 5)
                printf("#   text '%s': got '%s', expected '%s'\n", text.data, got.data, want.data);
            with_hits += want.len > 0;
            rounds++;
        }
        cs_matcher_free(m);
    }
    is_int(mismatches, 0, "random phrases and texts: the same hits, in the same order, as a "
                          "naive matcher (%d texts, %d with hits)", rounds, with_hits);
    cs_buf_free(&text);
    cs_buf_free(&got);
    cs_buf_free(&want);
    cs_buf_free(&phrase);
}

/* Scan text with m and with the naive matcher over pats[0..n): the
 * reference must find hits all along (more than 1,000 bytes of them), and
 * m the same hits on its first table and on its compact one (m is
 * compacted). */
static void same_as_naive(cs_matcher *m, const ref_pattern *pats, size_t n, const cs_buf *text,
                          const char *name)
{
    cs_buf got = {0}, want = {0};
    ref_scan(pats, n, text->data, text->len, &want);
    matcher_scan(m, text->data, text->len, &got);
    ok(strlen(want.data) > 1000, "%s: the reference finds hits all along (%zu bytes of text)",
       name, text->len);
    ok(strcmp(got.data, want.data) == 0, "%s: the same hits as the naive matcher", name);
    cs_matcher_compact(m);
    matcher_scan(m, text->data, text->len, &got);
    ok(strcmp(got.data, want.data) == 0, "%s: the same hits on the compact table", name);
    cs_buf_free(&got);
    cs_buf_free(&want);
}

/* Hits far into a long text, the longest phrase (240 folded bytes) among
 * them: each must still start right. */
static void long_input(void)
{
    cs_diag d;
    cs_buf text = {0};
    char longest[CS_PHRASE_MAX + 1];
    for (int k = 0; k < CS_PHRASE_MAX; k++)
        longest[k] = k % 6 == 5 ? ' ' : (char)('a' + k % 5);
    longest[CS_PHRASE_MAX - 1] = 'z';
    longest[CS_PHRASE_MAX] = '\0';
    const char *phrases[] = {longest, "abcde", "e abcde", "said", "anonym*", "\"quote\""};
    ref_pattern pats[6];
    cs_matcher *m = cs_matcher_new();
    for (uint32_t k = 0; k < 6; k++) {
        cs_matcher_add(m, phrases[k], k, &d);
        ref_fold(phrases[k], &pats[k]);
        pats[k].id = k;
    }
    ok(cs_matcher_compile(m, &d) == 0, "long input: compile (a %d-byte phrase)", CS_PHRASE_MAX);
    for (int rep = 0; rep < 300; rep++) {
        /* Runs of white space fold to one byte: a phrase's start counts folded bytes. */
        cs_buf_puts(&text, rep % 3 ? " \t\xC2\xA0 " : "\n");
        if (rep % 7 == 0)
            cs_buf_puts(&text, longest);
        else if (rep % 7 == 1)
            cs_buf_puts(&text, "ANONYMOUSLY \xE2\x80\x9Cquote\xE2\x80\x9D said");
        else
            cs_buf_puts(&text, "abcde abcde\xC3\xA9 ABCDE");
    }
    same_as_naive(m, pats, 6, &text, "long input");
    cs_matcher_free(m);
    cs_buf_free(&text);
}

/* Phrases whose every folded byte comes from several input bytes (a curly
 * apostrophe, a run of white space), after hundreds of such characters:
 * where a hit begins is found by reading its characters back, each of
 * them wide here; each start checked against the naive matcher. */
static void many_wide_characters(void)
{
    cs_diag d;
    cs_buf text = {0};
    char quotes[CS_PHRASE_MAX + 1], words[CS_PHRASE_MAX + 1];
    memset(quotes, '\'', CS_PHRASE_MAX); /* 240 apostrophes */
    quotes[CS_PHRASE_MAX] = '\0';
    for (int k = 0; k < CS_PHRASE_MAX; k++) /* "a b a b ... a" */
        words[k] = k % 2 ? ' ' : (char)('a' + k / 2 % 2);
    words[CS_PHRASE_MAX - 1] = '\0';
    const char *phrases[] = {quotes, words, "'a", "b a"};
    ref_pattern pats[4];
    cs_matcher *m = cs_matcher_new();
    for (uint32_t k = 0; k < 4; k++) {
        cs_matcher_add(m, phrases[k], k, &d);
        ref_fold(phrases[k], &pats[k]);
        pats[k].id = k;
    }
    ok(cs_matcher_compile(m, &d) == 0, "wide characters: compile");
    for (int rep = 0; rep < 3; rep++) {
        for (int k = 0; k < 300 + rep; k++) /* 3 bytes each, one folded byte */
            cs_buf_puts(&text, k % 5 ? "\xE2\x80\x99" : "\xE2\x80\x98");
        cs_buf_puts(&text, "a");
        for (int k = 0; k < 130; k++) /* white-space runs of 2 to 4 bytes */
            cs_buf_puts(&text, k % 3 == 0 ? "  b" : k % 3 == 1 ? " \t\na" : "\xC2\xA0 b");
        cs_buf_puts(&text, "\n");
    }
    same_as_naive(m, pats, 4, &text, "wide characters");
    cs_matcher_free(m);
    cs_buf_free(&text);
}

/* Large automata against the naive matcher: nlong random long phrases
 * (few shared prefixes, so about one state per byte) and a few short ones,
 * in ten byte classes (matcher.c: two, and a b c d, space, ' - "), and
 * texts made of them, of their prefixes and of the random pieces.  The
 * state count must lie in (min_states, max_states], the range whose table
 * is named by `table` (after cs_matcher_compact).  Rows of ten classes take
 * three units of four 16-bit entries, or two of eight: the compact table
 * takes up to 21,845 states in units of four, up to 32,767 in units of
 * eight; more stay on the 32-bit table. */
static void large_automaton(unsigned nlong, size_t min_states, size_t max_states,
                            const char *table)
{
    cs_diag d;
    enum { MAX_LONG = 400, NSHORT = 6 };
    static const char *const shorts[] = {"ab", "ba", "'ab", "-a", "a b*", "\"ba\""};
    static ref_pattern pats[MAX_LONG + NSHORT];
    cs_buf phrase = {0}, text = {0}, got = {0}, want = {0};
    cs_matcher *m = cs_matcher_new();
    size_t n = 0;
    const unsigned NLONG = nlong < MAX_LONG ? nlong : MAX_LONG;
    for (unsigned k = 0; k < NLONG + NSHORT; k++) {
        phrase.len = 0;
        cs_buf_terminate(&phrase);
        if (k < NLONG)
            while (phrase.len < 200) { /* words of a..d, one space apart */
                for (unsigned w = 1 + rnd(7); w > 0; w--)
                    cs_buf_putc(&phrase, (char)('a' + rnd(4)));
                cs_buf_putc(&phrase, ' ');
            }
        else
            cs_buf_puts(&phrase, shorts[k - NLONG]);
        if (ref_fold(phrase.data, &pats[n]) && cs_matcher_add(m, phrase.data, k, &d) == 0)
            pats[n++].id = k;
    }
    int compiled = cs_matcher_compile(m, &d) == 0;
    size_t states = cs_matcher_state_count(m);
    ok(compiled && states > min_states && states <= max_states,
       "large automaton: compiled, %zu states (%s)", states, table);
    cs_matcher_compact(m);
    int mismatches = 0, with_hits = 0;
    for (int round = 0; round < 40; round++) {
        text.len = 0;
        cs_buf_terminate(&text);
        for (unsigned piece = rnd(30); piece > 0; piece--) {
            unsigned what = rnd(4);
            const ref_pattern *pat = &pats[rnd((unsigned)n)];
            if (what == 0) /* a whole phrase, upper-cased at random */
                for (size_t b = 0; b < pat->len; b++)
                    cs_buf_putc(&text, rnd(3) ? pat->folded[b] : (char)toupper(pat->folded[b]));
            else if (what == 1) /* a prefix of one */
                cs_buf_append(&text, pat->folded, rnd((unsigned)pat->len + 1));
            else
                cs_buf_puts(&text, pieces[rnd((unsigned)(sizeof pieces / sizeof pieces[0]))]);
            cs_buf_puts(&text, rnd(2) ? " " : "");
        }
        ref_scan(pats, n, text.data, text.len, &want);
        matcher_scan(m, text.data, text.len, &got);
        with_hits += want.len > 0;
        mismatches += strcmp(got.data, want.data) != 0;
    }
    is_int(mismatches, 0, "large automaton: the same hits as the naive matcher (%s, 40 texts, %d "
                          "with hits)", table, with_hits);
    cs_matcher_free(m);
    cs_buf_free(&phrase);
    cs_buf_free(&text);
    cs_buf_free(&got);
    cs_buf_free(&want);
}

/* The hits of m in the first len bytes of text (the bytes after them hold
 * more text that must not be read), from a copy of exactly len bytes so
 * that the sanitizers and valgrind see a read past its end. */
static const char *scan_len(cs_matcher *m, const char *text, size_t len, hits *h)
{
    char *copy = malloc(len ? len : 1);
    memcpy(copy, text, len);
    h->got[0] = '\0';
    cs_matcher_scan(m, copy, len, collect, h);
    free(copy);
    return h->got;
}

/* Words the automaton leaves at once (no phrase begins with their first
 * bytes), so that it steps their other bytes in its in-word state: long
 * ones (more than eight bytes, a multiple of eight), ones ending at the
 * end of the text, a multi-byte character inside one, and a phrase right
 * after one.  These are the cases a shortcut over such runs (one was
 * measured on 2026-12-07, matcher.c) would get wrong. */
static void in_word_runs(void)
{
    cs_diag d;
    hits h;
    cs_matcher *m = cs_matcher_new();
    cs_matcher_add(m, "said", 1, &d);
    cs_matcher_add(m, "'s view", 2, &d);
    cs_matcher_add(m, "-led", 3, &d);
    cs_matcher_add(m, "zz top*", 4, &d);
    ok(cs_matcher_compile(m, &d) == 0, "in-word runs: compile");
    for (int pass = 0; pass < 2; pass++) {
        const char *table = pass ? "compact table" : "first table";
        is_str(scan(m, "Extraordinarily said", &h), "1@16-20",
               "%s: a phrase right after a fifteen-byte word", table);
        is_str(scan(m, "Overwhelmingly said", &h), "1@15-19",
               "%s: a phrase right after a fourteen-byte word", table);
        is_str(scan(m, "Abcdefghijklmnop said", &h), "1@17-21",
               "%s: a phrase right after a sixteen-byte word", table);
        is_str(scan(m, "Characteristically,said", &h), "1@19-23",
               "%s: a phrase right after a long word and a comma", table);
        is_str(scan(m, "Abcdefgh1234567890123456said said", &h), "1@29-33",
               "%s: no hit at the end of a long word of letters and digits", table);
        is_str(scan(m, "said Abcdefghijklmnopqrstuvw", &h), "1@0-4",
               "%s: a long word ending at the end of the text", table);
        is_str(scan_len(m, "Extraordinarily said", 15, &h), "",
               "%s: a long word ending at the end of the text, a phrase after it unread",
               table);
        is_str(scan_len(m, "Abcdefghijklmnop said", 16, &h), "",
               "%s: a sixteen-byte text of one word", table);
        is_str(scan(m, "Administration\xE2\x80\x99s view", &h), "2@14-23",
               "%s: a curly apostrophe after a long word begins a phrase", table);
        is_str(scan(m, "Administrati\xC3\xB3nsaid said", &h), "1@20-24",
               "%s: a UTF-8 letter inside a long word continues it", table);
        is_str(scan(m, "Administration\xC2\xA0said", &h), "1@16-20",
               "%s: NBSP after a long word is white space", table);
        is_str(scan(m, "Washington-led", &h), "3@10-14",
               "%s: a phrase opening with a non-word byte, inside a word", table);
        is_str(scan(m, "Abcdefghijklmnopqrzz top", &h), "",
               "%s: no hit for a phrase whose first bytes end a long word", table);
        cs_matcher_compact(m);
    }
    cs_matcher_free(m);
}

/* Fixed cases the random ones may miss. */
static void tricky(void)
{
    cs_diag d;
    hits h;
    cs_matcher *m = cs_matcher_new();
    cs_matcher_add(m, "said the", 1, &d);
    cs_matcher_add(m, "the mayor", 2, &d);
    cs_matcher_add(m, "said", 3, &d);
    cs_matcher_add(m, "caf", 4, &d);
    cs_matcher_add(m, "officials said", 5, &d);
    cs_matcher_add(m, "U.S.-led", 6, &d);
    cs_matcher_add(m, "well-placed source*", 7, &d);
    cs_matcher_add(m, "\xE2\x80\x9Cno comment\xE2\x80\x9D", 8, &d);
    cs_matcher_add(m, "mayor", 9, &d);
    cs_matcher_add(m, "mayor", 10, &d);
    ok(cs_matcher_compile(m, &d) == 0, "tricky: compile");
    is_str(scan(m, "He said the mayor left", &h), "3@3-7 1@3-11 2@8-17 9@12-17 10@12-17",
           "overlapping phrases, each reported where it ends, the same phrase twice");
    is_str(scan(m, "caf\xC3\xA9 said", &h), "3@6-10", "a UTF-8 letter continues a word");
    is_str(scan(m, "\xC3\xA9said", &h), "", "no hit right after a UTF-8 letter");
    is_str(scan(m, "officials\xC2\xA0said", &h), "5@0-15 3@11-15", "NBSP is white space");
    is_str(scan(m, "officials \t\n\xC2\xA0 said", &h), "5@0-19 3@15-19",
           "a mixed white-space run folds to one space");
    is_str(scan(m, "the U.S.-led force", &h), "6@4-12", "punctuation inside a phrase");
    is_str(scan(m, "xU.S.-led", &h), "", "word start still checked before a letter");
    is_str(scan(m, "a Well\xE2\x80\x93placed SOURCES\xE2\x80\x99 view", &h), "7@2-23",
           "en dash as '-', prefix runs to the end of the word");
    is_str(scan(m, "well-placed source\xC3\xA9s", &h), "7@0-21", "prefix runs over UTF-8 letters");
    is_str(scan(m, "\"No comment\",", &h), "8@0-12", "straight quotes match curly ones");
    is_str(scan(m, "\xC2\xABno comment\xC2\xBB", &h), "8@0-14", "guillemets match too");
    is_str(scan(m, "said\xE2\x80", &h), "", "a cut UTF-8 sequence: its bytes are word bytes");
    is_str(scan(m, "said \xE2", &h), "3@0-4", "a lone lead byte at the end");
    is_str(scan(m, "SAID", &h), "3@0-4", "the whole text is the phrase");
    cs_matcher_free(m);

    m = cs_matcher_new();
    ok(cs_matcher_compile(m, &d) == 0, "no phrases: compile");
    is_str(scan(m, "said", &h), "", "no phrases: no hits");
    cs_matcher_free(m);

    /* A callback's non-zero value stops the scan and comes back. */
    m = cs_matcher_new();
    cs_matcher_add(m, "a", 1, &d);
    cs_matcher_compile(m, &d);
    int calls = 0;
    is_int(cs_matcher_scan(m, "a a a", 5, stop_second, &calls), 42, "callback value returned");
    is_int(calls, 2, "scan stopped at the second hit");
    cs_matcher_free(m);
}

int main(void)
{
    cs_diag d;
    hits h;
    cs_matcher *m = cs_matcher_new();
    ok(m != NULL, "matcher allocates");
    ok(cs_matcher_add(m, "officials said", 1, &d) == 0, "add plain phrase");
    ok(cs_matcher_add(m, "could not   independently verify", 2, &d) == 0, "add with extra spaces");
    ok(cs_matcher_add(m, "said", 3, &d) == 0, "add a phrase that is a suffix of another");
    ok(cs_matcher_add(m, "Kremlin's", 4, &d) == 0, "add with apostrophe");
    ok(cs_matcher_add(m, "anonym*", 5, &d) == 0, "add a prefix phrase");
    ok(cs_matcher_add(m, "\"staged\"", 6, &d) == 0, "add a quoted phrase");
    ok(cs_matcher_add(m, "", 7, &d) == -1, "empty phrase refused");
    is_str(d.msg, "empty phrase", "empty phrase message");
    char longp[400];
    memset(longp, 'a', sizeof longp - 1);
    longp[sizeof longp - 1] = '\0';
    ok(cs_matcher_add(m, longp, 8, &d) == -1, "over-long phrase refused");
    ok(cs_matcher_compile(m, &d) == 0, "compile");
    is_int(cs_matcher_phrase_count(m), 6, "six phrases kept");

    is_str(scan(m, "Officials said the strike", &h), "1@0-14 3@10-14", "case folded, suffix reported too");
    is_str(scan(m, "OFFICIALS\n  SAID", &h), "1@0-16 3@12-16", "white-space runs fold");
    is_str(scan(m, "officials saidthat", &h), "", "no hit inside a longer word");
    is_str(scan(m, "nonofficials said", &h), "3@13-17", "no hit after a word character");
    is_str(scan(m, "the Kremlin\xE2\x80\x99s view", &h), "4@4-15", "curly apostrophe matches straight");
    is_str(scan(m, "on condition of anonymity", &h), "5@16-25", "prefix phrase spans the whole match start");
    is_str(scan(m, "called them \xE2\x80\x9Cstaged\xE2\x80\x9D today", &h), "6@12-24",
           "curly quotes match straight quotes");
    is_str(scan(m, "We could not independently verify it", &h), "2@3-33", "multi-word phrase span");
    is_str(scan(m, "", &h), "", "empty text");
    is_str(scan(m, "said said", &h), "3@0-4 3@5-9", "repeated hits");
    cs_matcher_free(m);

    /* Many phrases: every one found once. */
    m = cs_matcher_new();
    char phrase[64];
    for (unsigned i = 0; i < 2000; i++) {
        snprintf(phrase, sizeof phrase, "word%u marker", i);
        cs_matcher_add(m, phrase, i, &d);
    }
    ok(cs_matcher_compile(m, &d) == 0, "compile 2000 phrases");
    is_str(scan(m, "x word1999 marker y word7 marker", &h), "1999@2-17 7@20-32",
           "large automaton finds the right ids");
    cs_matcher_free(m);

    fold_differential();
    tricky();
    in_word_runs();
    long_input();
    many_wide_characters();
    random_differential();
    large_automaton(140, 21845, 32767, "the compact table in units of eight entries");
    large_automaton(400, 65535, SIZE_MAX, "past the compact table: the 32-bit one stays");
    return done_testing();
}
