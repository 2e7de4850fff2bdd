/*
 * fuzz_phrases.c - libFuzzer target: the phrase compiler (matcher.c, fold.c).
 *
 * The input is split into phrases at '\n' (at most FUZZ_MAX_PHRASES); each
 * is added to a new matcher under its line number as id (refusals of empty
 * or over-long phrases are fine, with a message), the matcher compiled and
 * the whole input scanned with it.  Checks (a violation traps):
 *   - every hit has a known id, 0 <= start < end <= input length, and hits
 *     come in order of where their phrase ends (matcher.h);
 *   - the folded text of a hit is its folded phrase (for a "word*" phrase:
 *     begins with it and goes on with word bytes only), it starts after a
 *     non-word character and a whole-word phrase ends before one, as the
 *     word-boundary rules of matcher.h say;
 *   - no hit is missed: for inputs small enough (folded length x phrases
 *     <= FUZZ_NAIVE_WORK) a naive search over the folded input finds the
 *     same number of hits;
 *   - the scan stops when the callback returns non-zero, passing the value
 *     back (it does so after FUZZ_MAX_HITS hits, to bound the work).
 * The matcher is freed before returning; no state between inputs.
 */
#include <stdio.h>
#include <string.h>

#include "fold.h"
#include "fuzz_common.h"
#include "matcher.h"

#define FUZZ_MAX_PHRASES 4096
#define FUZZ_NAIVE_WORK 4000000
/* Hits checked per input: a list of many copies of a one-letter phrase
 * scanned over itself has millions; the scan is stopped there (which
 * checks that the callback's value comes back). */
#define FUZZ_MAX_HITS 200000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct phrase {
    char folded[CS_PHRASE_MAX + 2]; /* as the matcher folds it */
    size_t len;
    int prefix;                     /* ends in '*' */
    int added;                      /* accepted by cs_matcher_add */
} phrase;

typedef struct scan_ctx {
    const char *text;
    size_t len;
    const phrase *ph;
    size_t nph;
    const unsigned char *fchars; /* the folded input, one byte per character */
    const size_t *fstart;        /* input offset of each folded byte (+ len at the end) */
    size_t nf;
    size_t hits;
    size_t last_end;             /* where the last hit's phrase ended */
} scan_ctx;

/* Index of the folded byte that starts at input offset off, or nf. */
static size_t folded_index(const scan_ctx *c, size_t off)
{
    size_t lo = 0, hi = c->nf;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->fstart[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int on_hit(void *vctx, uint32_t id, size_t start, size_t end)
{
    scan_ctx *c = vctx;
    FUZZ_CHECK(id < c->nph && c->ph[id].added);
    FUZZ_CHECK(start < end && end <= c->len);
    c->hits++;
    const phrase *p = &c->ph[id];
    /* Start on a character of the folded input, after a non-word one
     * when the phrase begins with a word character. */
    size_t k = folded_index(c, start);
    FUZZ_CHECK(k < c->nf && c->fstart[k] == start);
    if (cs_fold_is_word((unsigned char)p->folded[0]) && k > 0)
        FUZZ_CHECK(!cs_fold_is_word(c->fchars[k - 1]));
    /* The folded span is the folded phrase. */
    size_t e = folded_index(c, end);
    FUZZ_CHECK(e <= c->nf && c->fstart[e] == end);
    FUZZ_CHECK(e - k >= p->len);
    FUZZ_CHECK(memcmp(c->fchars + k, p->folded, p->len) == 0);
    /* Reported in order of where the phrase itself ends. */
    size_t phrase_end = c->fstart[k + p->len];
    FUZZ_CHECK(phrase_end >= c->last_end);
    c->last_end = phrase_end;
    if (c->hits >= FUZZ_MAX_HITS)
        return 7;
    if (p->prefix) {
        for (size_t i = k + p->len; i < e; i++)
            FUZZ_CHECK(cs_fold_is_word(c->fchars[i]));
    } else {
        FUZZ_CHECK(e - k == p->len);
        if (cs_fold_is_word((unsigned char)p->folded[p->len - 1]) && e < c->nf)
            FUZZ_CHECK(!cs_fold_is_word(c->fchars[e]));
    }
    return 0;
}

/* Hits a plain search over the folded input finds, by the same rules. */
static size_t naive_hits(const scan_ctx *c)
{
    size_t n = 0;
    for (size_t id = 0; id < c->nph; id++) {
        const phrase *p = &c->ph[id];
        if (!p->added)
            continue;
        int word_start = cs_fold_is_word((unsigned char)p->folded[0]);
        int word_end = cs_fold_is_word((unsigned char)p->folded[p->len - 1]);
        for (size_t k = 0; k + p->len <= c->nf; k++) {
            if (memcmp(c->fchars + k, p->folded, p->len) != 0)
                continue;
            if (word_start && k > 0 && cs_fold_is_word(c->fchars[k - 1]))
                continue;
            if (word_end && !p->prefix && k + p->len < c->nf &&
                cs_fold_is_word(c->fchars[k + p->len]))
                continue;
            n++;
        }
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    static phrase ph[FUZZ_MAX_PHRASES];
    size_t nph = 0;
    cs_diag d;
    cs_matcher *m = cs_matcher_new();
    FUZZ_CHECK(m != NULL);
    char *line = malloc(size + 1);
    FUZZ_CHECK(line != NULL);
    for (size_t i = 0; i < size && nph < FUZZ_MAX_PHRASES;) {
        const char *nl = memchr(text + i, '\n', size - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : size - i;
        memcpy(line, text + i, n);
        line[n] = '\0';
        i += n + 1;
        phrase *p = &ph[nph];
        memset(p, 0, sizeof *p);
        /* What the matcher does with it: trailing blanks off, then '*'. */
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        if (len > 0 && line[len - 1] == '*') {
            p->prefix = 1;
            len--;
        }
        p->len = cs_fold_string(line, len, p->folded, sizeof p->folded);
        d.msg[0] = '\0';
        p->added = cs_matcher_add(m, line, (uint32_t)nph, &d) == 0;
        if (p->added)
            FUZZ_CHECK(p->len != (size_t)-1 && p->len >= 1 && p->len <= CS_PHRASE_MAX);
        else
            FUZZ_CHECK(d.msg[0] != '\0');
        nph++;
    }
    free(line);
    size_t added = 0;
    for (size_t i = 0; i < nph; i++)
        added += (size_t)ph[i].added;
    FUZZ_CHECK(cs_matcher_phrase_count(m) == added);
    d.msg[0] = '\0';
    if (cs_matcher_compile(m, &d) != 0) {
        FUZZ_CHECK(d.msg[0] != '\0');
        cs_matcher_free(m);
        return 0;
    }
    /* The folded input, one folded byte per input character. */
    unsigned char *fchars = malloc(size + 1);
    size_t *fstart = malloc((size + 1) * sizeof *fstart);
    FUZZ_CHECK(fchars != NULL && fstart != NULL);
    size_t nf = 0;
    for (size_t i = 0; i < size;) {
        fstart[nf] = i;
        fchars[nf++] = cs_fold_next(text, size, &i);
    }
    fstart[nf] = size;
    scan_ctx c = {text, size, ph, nph, fchars, fstart, nf, 0, 0};
    int stopped = cs_matcher_scan(m, text, size, on_hit, &c);
    FUZZ_CHECK(stopped == 0 || (stopped == 7 && c.hits == FUZZ_MAX_HITS));
    if (!stopped && nf * (added ? added : 1) <= FUZZ_NAIVE_WORK) {
        size_t want = naive_hits(&c);
        if (want != c.hits) {
            fprintf(stderr, "fuzz_phrases: scan found %zu hits, a naive search %zu\n", c.hits,
                    want);
            __builtin_trap();
        }
    }
    free(fchars);
    free(fstart);
    cs_matcher_free(m);
    return 0;
}
