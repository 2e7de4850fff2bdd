#include "merge.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "swar.h"

/* ---- sources: who or what a finding credits ---- */

/* Words that say how a source spoke, not who it is. */
static const char *const filler[] = {
    "a", "an", "the", "that", "to", "of", "in", "on", "by", "with", "and", "is", "was",
    "are", "were", "has", "have", "had", "said", "says", "say", "saying", "told", "tells",
    "tell", "according", "added", "adds", "reported", "reports", "reporting", "claimed",
    "claims", "stated", "states", "wrote", "writes", "argue", "argues", "argued",
    "believe", "believes", "believed", "noted", "notes", NULL};
#define CS_NFILLER (sizeof filler / sizeof filler[0] - 1)

#define CS_FNV_BASIS 14695981039346656037ull
#define CS_FNV_PRIME 1099511628211ull

static uint64_t fnv1a(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= CS_FNV_PRIME;
    }
    return h;
}

/* The filler words' hashes (fnv1a of each) in a table that answers "is h
 * a filler's hash?" with no loop and no branch: 64 buckets of two hashes
 * (1 KB), the bucket chosen by bits 2 to 7 of h, under which no bucket
 * gets more than two of the fillers above (filler_table_build checks it;
 * another filler list may need another shift: the lowest that fits).  An
 * unused way holds 0: a word whose hash is 0 reads as a filler, which
 * leaves a sum as it is. */
#define CS_FILL_BUCKETS 64
#define CS_FILL_SHIFT 2
#define CS_FILL_BUCKET(h) ((size_t)((h) >> CS_FILL_SHIFT) % CS_FILL_BUCKETS)
typedef struct filler_table {
    uint64_t bucket[CS_FILL_BUCKETS][2];
} filler_table;

/* Fill ft (see above).  Returns 0, or -1 when a bucket would need a third
 * way (test_merge fails then). */
static int filler_table_build(filler_table *ft)
{
    memset(ft, 0, sizeof *ft);
    for (size_t k = 0; k < CS_NFILLER; k++) {
        uint64_t h = fnv1a(filler[k], strlen(filler[k]), CS_FNV_BASIS);
        uint64_t *b = ft->bucket[CS_FILL_BUCKET(h)];
        if (b[1] != 0)
            return -1;
        b[b[0] != 0] = h;
    }
    return 0;
}

/* 1 when h is a filler word's hash (or 0), else 0: both ways compared,
 * no branch. */
static inline uint64_t is_filler_hash(const filler_table *ft, uint64_t h)
{
    const uint64_t *b = ft->bucket[CS_FILL_BUCKET(h)];
    return (uint64_t)((b[0] == h) | (b[1] == h));
}

/* Each byte's lower-case form when it belongs to a word (an ASCII letter or
 * digit), else 0; bytes of multi-byte characters (>= 0x80) are word bytes
 * as they are.  A table: words_sum looks up every byte of the text. */
static void word_bytes(unsigned char out[256])
{
    for (unsigned c = 0; c < 256; c++)
        out[c] = (unsigned char)(c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ? c
                                 : c >= 'A' && c <= 'Z'                                    ? c - 'A' + 'a'
                                                                                           : 0);
}

/* What the merge keeps in a result from article to article: the tables
 * of filler hashes and word bytes, made once, and scratch arrays, grown as
 * articles need (cs_merge_scratch_free frees it). */
struct cs_merge_scratch {
    filler_table fill;            /* filler_table_build */
    unsigned char wb[256];        /* word_bytes */
    unsigned char *low;           /* a sentence's word bytes, for words_sum */
    size_t low_cap;
    uint64_t *sums;               /* per sentence: its words_sum, when have[k] */
    unsigned char *have;
    size_t sent_cap;
    size_t *order, *by_start;     /* per finding, for cs_merge */
    unsigned char *decided;
    size_t findings_cap;
};

/* r's scratch, made on first use, with room for nsent sentences and
 * nfindings findings (at least one of each); NULL when memory runs out. */
static cs_merge_scratch *scratch_for(cs_result *r, size_t nsent, size_t nfindings)
{
    cs_merge_scratch *sc = r->merge_scratch;
    if (sc == NULL) {
        if ((sc = calloc(1, sizeof *sc)) == NULL)
            return NULL;
        if (filler_table_build(&sc->fill) != 0) {
            free(sc);
            return NULL;
        }
        word_bytes(sc->wb);
        r->merge_scratch = sc;
    }
    if (nsent > sc->sent_cap) {
        uint64_t *sums = realloc(sc->sums, nsent * sizeof *sums);
        if (sums == NULL)
            return NULL;
        sc->sums = sums;
        unsigned char *have = realloc(sc->have, nsent);
        if (have == NULL)
            return NULL;
        sc->have = have;
        sc->sent_cap = nsent;
    }
    if (nfindings > sc->findings_cap) {
        size_t *order = realloc(sc->order, nfindings * sizeof *order);
        if (order == NULL)
            return NULL;
        sc->order = order;
        size_t *by_start = realloc(sc->by_start, nfindings * sizeof *by_start);
        if (by_start == NULL)
            return NULL;
        sc->by_start = by_start;
        unsigned char *decided = realloc(sc->decided, nfindings);
        if (decided == NULL)
            return NULL;
        sc->decided = decided;
        sc->findings_cap = nfindings;
    }
    return sc;
}

void cs_merge_scratch_free(cs_merge_scratch *sc)
{
    if (sc == NULL)
        return;
    free(sc->low);
    free(sc->sums);
    free(sc->have);
    free(sc->order);
    free(sc->by_start);
    free(sc->decided);
    free(sc);
}

/* ---- a sentence's words: the sum of their hashes ----
 * words_sum first writes the sentence's word bytes, lower-cased, into a
 * scratch copy with 0 for every other byte (lower_words), then walks the
 * copy eight bytes at a time (words_walk): where a word ends and where the
 * next one starts are found by bit tests on the eight bytes, and every
 * byte of the eight is hashed whatever the word's length, so that the
 * branches follow the number of eight-byte steps (mostly one per word),
 * not each word's length. */

/* The length of the copy's padding: zeros after the sentence, so that
 * eight bytes can be read from any position up to its end. */
#define CS_LOW_PAD 8

/* dst[0..len) = the word bytes of src[0..len) lower-cased (wb:
 * word_bytes), 0 for the others; then CS_LOW_PAD zeros. */
static void lower_words(unsigned char *dst, const unsigned char *src, size_t len,
                        const unsigned char wb[256])
{
    size_t i = 0;
#if defined(CS_SWAR_BLOCKS)
    /* sixteen bytes a step, the same as wb in lanes */
    for (; len - i >= 16; i += 16) {
        cs_block16 v = cs_block16_load(src + i);
        cs_block16 upper = (cs_block16)((cs_block16)(v - 'A') < 26);
        cs_block16 word = (cs_block16)((v >= 0x80) | ((cs_block16)(v - '0') < 10) |
                                       ((cs_block16)(v - 'a') < 26)) |
                          upper;
        cs_block16 low = (v | (upper & 0x20)) & word;
        memcpy(dst + i, &low, sizeof low);
    }
#endif
    for (; i < len; i++)
        dst[i] = wb[src[i]];
    memset(dst + len, 0, CS_LOW_PAD);
}

/* How many of the eight bytes at p come before the first zero byte
 * (nonzero_run8) or before the first nonzero one (zero_run8): 0..8. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The lane (0..7) of the lowest set bit of w, 8 when none is: no branch
 * (a set top bit stands in for "none", and the test adds the 8th). */
static inline size_t first_lane(uint64_t w)
{
    return (size_t)__builtin_ctzll(w | 1ull << 63) / 8 + (w == 0);
}
static inline size_t nonzero_run8(const unsigned char *p)
{
    /* a flag in each zero byte, exact up to the first (swar.h) */
    return first_lane(cs_swar_below(cs_swar_load(p), 1));
}
static inline size_t zero_run8(const unsigned char *p)
{
    return first_lane(cs_swar_load(p));
}
#else
static inline size_t nonzero_run8(const unsigned char *p)
{
    size_t n = 0;
    while (n < 8 && p[n] != 0)
        n++;
    return n;
}
static inline size_t zero_run8(const unsigned char *p)
{
    size_t n = 0;
    while (n < 8 && p[n] == 0)
        n++;
    return n;
}
#endif

/* fnv1a from h of the first n (0..8) of the eight bytes at p.  All eight
 * are hashed, one after the other, and the value after the n-th read
 * back: no branch on n. */
static inline uint64_t fnv1a_first(const unsigned char *p, size_t n, uint64_t h)
{
    uint64_t after[9]; /* after[k]: the hash after k bytes */
    after[0] = h;
#pragma GCC unroll 8
    for (size_t k = 0; k < 8; k++)
        after[k + 1] = h = (h ^ p[k]) * CS_FNV_PRIME;
    return after[n];
}

/* The position of the first word byte of low from i, or len when none
 * comes before len (low: lower_words's copy of len bytes). */
static inline size_t next_word(const unsigned char *low, size_t i, size_t len)
{
    while (i < len) {
        size_t n = zero_run8(low + i);
        i += n;
        if (n < 8)
            return i;
    }
    return len;
}

/* The sum of the hashes of the words of low (lower_words's copy of len
 * bytes), filler left out (ft).  A word's hash is fnv1a of its first 64
 * bytes. */
static uint64_t words_walk(const unsigned char *low, size_t len, const filler_table *ft)
{
    uint64_t sum = 0;
    for (size_t i = next_word(low, 0, len); i < len; i = next_word(low, i, len)) {
        uint64_t h = CS_FNV_BASIS;
        size_t n, hashed = 0;
        do { /* eight bytes a step, up to 64 */
            n = nonzero_run8(low + i);
            h = fnv1a_first(low + i, n, h);
            i += n;
            hashed += n;
        } while (n == 8 && hashed < 64);
        if (n == 8) /* past the first 64 bytes: not hashed */
            while (low[i] != 0)
                i++;
        sum += h & (is_filler_hash(ft, h) - 1); /* + 0 for a filler */
    }
    return sum;
}

/* The words of text[0..len): a hash of its words, lower-cased (ASCII),
 * filler left out, in any order (a sum of word hashes).  A word's first
 * 64 bytes make its hash.  Returns 0, or -1 when memory runs out. */
static int words_sum(cs_merge_scratch *sc, const char *text, size_t len, uint64_t *sum)
{
    void *low = sc->low;
    if (cs_array_grow(&low, &sc->low_cap, len + CS_LOW_PAD, 1) != 0)
        return -1;
    sc->low = low;
    lower_words(sc->low, (const unsigned char *)text, len, sc->wb);
    *sum = words_walk(sc->low, len, &sc->fill);
    return 0;
}

/* The source of a sentence's words (words_sum) under marker.  Never 0. */
static uint64_t source_key(int marker, uint64_t sum)
{
    uint64_t key = fnv1a((const char *)&marker, sizeof marker, sum ^ 0x9e3779b97f4a7c15ull);
    return key ? key : 1;
}

static int cmp_position(const void *a, const void *b)
{
    const cs_finding *x = a, *y = b;
    if (x->passage != y->passage)
        return x->passage < y->passage ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->marker != y->marker)
        return x->marker < y->marker ? -1 : 1;
    int c = strcmp(x->rule_id, y->rule_id);
    if (c)
        return c;
    c = strcmp(x->source, y->source);
    if (c)
        return c;
    return (x->message && y->message) ? strcmp(x->message, y->message) : 0;
}

/* Two sorts for arrays that are short or mostly in order already (an
 * article's findings, which arrive passage by passage; a passage's
 * findings; a marker group): insertion sorts up to CS_SHORT_SORT
 * elements, the library's above. */
#define CS_SHORT_SORT 64

/* Sort the findings by cmp_position, keeping equal ones in the order they
 * came: stable, as the merge sort behind glibc's qsort is (up to glibc
 * 2.36), so that findings come out in the order qsort gave them. */
static void sort_findings(cs_finding *f, size_t n)
{
    if (n > CS_SHORT_SORT) {
        qsort(f, n, sizeof *f, cmp_position);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        if (cmp_position(&f[i - 1], &f[i]) <= 0)
            continue; /* in place already: the common case */
        cs_finding v = f[i];
        size_t k = i;
        do {
            f[k] = f[k - 1];
            k--;
        } while (k > 0 && cmp_position(&f[k - 1], &v) > 0);
        f[k] = v;
    }
}

/* qsort_r of n indices by cmp, a total order (so that any sort gives the
 * same result). */
static void sort_indices(size_t *a, size_t n, int (*cmp)(const void *, const void *, void *),
                         void *ctx)
{
    if (n > CS_SHORT_SORT) {
        qsort_r(a, n, sizeof *a, cmp, ctx);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        size_t v = a[i], k = i;
        while (k > 0 && cmp(&a[k - 1], &v, ctx) > 0) {
            a[k] = a[k - 1];
            k--;
        }
        a[k] = v;
    }
}

/* v limited to lo..hi; NaN (which no finite weight can make, but a score
 * must never be) gives lo, the failing end. */
static double clamp(double v, double lo, double hi)
{
    return !(v >= lo) ? lo : v > hi ? hi : v;
}

/* Order inside one passage: by marker, strongest first, then position. */

static int cmp_strength(const void *a, const void *b, void *ctx)
{
    const cs_finding *base = ctx;
    const cs_finding *x = &base[*(const size_t *)a], *y = &base[*(const size_t *)b];
    if (x->marker != y->marker)
        return x->marker < y->marker ? -1 : 1;
    double sx = fabs(x->weight * x->confidence), sy = fabs(y->weight * y->confidence);
    if (sx != sy)
        return sx > sy ? -1 : 1;
    size_t ix = *(const size_t *)a, iy = *(const size_t *)b;
    return ix < iy ? -1 : ix > iy;
}

/* Positions in a marker group (indices into its strength order), by the
 * start of their finding, then by finding index. */
typedef struct group_view {
    const cs_finding *f;
    const size_t *order; /* the group's findings, strongest first */
} group_view;

static int cmp_start(const void *a, const void *b, void *ctx)
{
    const group_view *g = ctx;
    size_t ia = g->order[*(const size_t *)a], ib = g->order[*(const size_t *)b];
    const cs_finding *x = &g->f[ia], *y = &g->f[ib];
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

/* Mark duplicates in one marker group (order: its n findings, strongest
 * first).  Findings are swept in start order into clusters of overlapping
 * spans; inside a cluster (a handful of findings) the strongest counts and
 * any finding overlapping a stronger counted one is a duplicate of it.
 * Suppressed findings neither count nor make duplicates.  `by_start` holds
 * n positions and `decided` n flags (scratch). */
static void mark_duplicates(cs_finding *f, const size_t *order, size_t n, size_t *by_start,
                            unsigned char *decided)
{
    if (n < 2)
        return;
    /* by_start: positions in order (so a position is also the strength
     * rank), sorted by start; decided[k]: by_start[k] was chosen to count. */
    for (size_t k = 0; k < n; k++)
        by_start[k] = k;
    group_view g = {f, order};
    sort_indices(by_start, n, cmp_start, &g);
    memset(decided, 0, n);
    size_t c0 = 0;
    while (c0 < n) {
        size_t c1 = c0 + 1, end = f[order[by_start[c0]]].end;
        while (c1 < n && f[order[by_start[c1]]].start < end) {
            if (f[order[by_start[c1]]].end > end)
                end = f[order[by_start[c1]]].end;
            c1++;
        }
        /* Greedy, strongest first, inside the cluster [c0, c1). */
        for (size_t a = c0; a < c1 && c1 - c0 > 1; a++) {
            size_t best = n, bk = 0;
            for (size_t k = c0; k < c1; k++) /* next strongest not yet decided */
                if (f[order[by_start[k]]].note == CS_NOTE_NONE && !decided[k] &&
                    by_start[k] < best) {
                    best = by_start[k];
                    bk = k;
                }
            if (best == n)
                break;
            decided[bk] = 1;
            size_t bi = order[best];
            for (size_t k = c0; k < c1; k++) {
                cs_finding *o = &f[order[by_start[k]]];
                if (o->note == CS_NOTE_NONE && !decided[k] && o->start < f[bi].end &&
                    f[bi].start < o->end) {
                    o->note = CS_NOTE_DUPLICATE;
                    o->dup_of = bi;
                }
            }
        }
        c0 = c1;
    }
}

/* ---- the score: the share of good sourcing ---- */

/* The claim of a counted finding: +strength for a good source, -strength
 * for a weak one (merge.h). */
static double claim_of(const cs_finding *f)
{
    double raw = f->weight * f->confidence;
    if (raw > 0)
        return raw >= CS_FULL_GOOD ? 1 : raw / CS_FULL_GOOD;
    if (raw < 0)
        return raw <= -CS_FULL_WEAK ? -1 : raw / CS_FULL_WEAK;
    return 0;
}

static int counts(const cs_finding *f)
{
    return f->note == CS_NOTE_NONE || f->note == CS_NOTE_PASSAGE_CAP;
}

/* The share formula of merge.h, not yet rounded. */
static double share(double base, double good, double weak)
{
    return 100 * (good + CS_PRIOR * base / 100) / (good + weak + CS_PRIOR);
}

/* Same source (key; 0 is nobody's), then mildest claim, then position. */
static int cmp_source(const void *a, const void *b, void *ctx)
{
    const cs_finding *base = ctx;
    size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
    const cs_finding *x = &base[ia], *y = &base[ib];
    if (x->source_key != y->source_key)
        return x->source_key < y->source_key ? -1 : 1;
    double sx = fabs(claim_of(x)), sy = fabs(claim_of(y));
    if (sx != sy)
        return sx < sy ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

/* Claims of the passage [first, first+count): each source once, at its
 * mildest. */
static void passage_claims(const cs_config *cfg, const cs_finding *f, cs_passage_score *ps)
{
    ps->good = ps->weak = 0;
    for (size_t i = ps->first; i < ps->first + ps->count; i++) {
        if (!counts(&f[i]))
            continue;
        double c = claim_of(&f[i]);
        int other = 0; /* the same source counts through a milder finding */
        for (size_t k = ps->first; k < ps->first + ps->count && !other; k++) {
            if (k == i || !counts(&f[k]) || f[k].source_key == 0 ||
                f[k].source_key != f[i].source_key)
                continue;
            double ck = fabs(claim_of(&f[k]));
            other = ck < fabs(c) || (ck == fabs(c) && k < i);
        }
        if (other)
            continue;
        if (c > 0)
            ps->good += c;
        else
            ps->weak -= c;
    }
    ps->score = ps->good + ps->weak > 0 ? round(share(cfg->base, ps->good, ps->weak))
                                        : round(cfg->base);
}

/* Article claims: each finding's claim, one per source (order: scratch
 * for r->nfindings indices); totals into r and its markers.  The totals
 * are added up in source-key order, so the word hash behind the keys
 * (words_sum) decides the order of these additions of doubles: another
 * hash changes the last digit printed of "good" or "weak" in some articles
 * (25 of the first 384 of the generated corpus), although every source
 * still counts once. */
static void article_claims(cs_result *r, size_t *order)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++) {
        r->findings[i].claim = 0;
        if (counts(&r->findings[i]) && claim_of(&r->findings[i]) != 0)
            order[n++] = i;
    }
    if (n > 1)
        qsort_r(order, n, sizeof(size_t), cmp_source, r->findings);
    r->good = r->weak = 0;
    r->sources = 0;
    for (size_t k = 0; k < n; k++) {
        cs_finding *f = &r->findings[order[k]];
        if (k > 0 && f->source_key != 0 && r->findings[order[k - 1]].source_key == f->source_key)
            continue; /* the same source, counted once already */
        f->claim = claim_of(f);
        r->sources++;
        r->markers[f->marker].sources++;
        r->markers[f->marker].claims += f->claim;
        if (f->claim > 0)
            r->good += f->claim;
        else
            r->weak -= f->claim;
    }
}

const char *cs_merge_verdict(const cs_config *cfg, const cs_result *r)
{
    return r->unsourced ? CS_VERDICT_UNSOURCED : cs_config_verdict(cfg, r->score);
}

int cs_merge_fails(const cs_config *cfg, const cs_result *r, int has_threshold,
                   double threshold)
{
    if (r->unsourced)
        return cfg->unsourced_fails;
    return has_threshold && r->score < threshold;
}

int cs_merge_document(const cs_config *cfg, const cs_document *doc, cs_result *r)
{
    /* each sentence's words are hashed once, for all the findings in it */
    cs_merge_scratch *sc = scratch_for(r, doc->nsent ? doc->nsent : 1, 1);
    if (sc == NULL)
        return -1;
    memset(sc->have, 0, doc->nsent);
    for (size_t i = 0; i < r->nfindings; i++) {
        cs_finding *f = &r->findings[i];
        if (f->passage >= doc->npassages)
            continue;
        const cs_passage *p = &doc->passages[f->passage];
        const char *text = doc->text.data + p->text_off;
        /* the claim: the sentence holding the finding's start (the passage
         * when no sentence does); sentences are in order, so a binary search */
        const credscore_span *sent = doc->sentences + p->sent_first;
        size_t lo = 0, hi = p->nsent;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (sent[mid].end <= f->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint64_t sum;
        if (lo < p->nsent && f->start >= sent[lo].start && f->start < sent[lo].end) {
            size_t k = p->sent_first + lo;
            if (!sc->have[k]) {
                size_t end = sent[lo].end <= p->len ? sent[lo].end : p->len;
                if (words_sum(sc, text + sent[lo].start, end - sent[lo].start, &sc->sums[k]) != 0)
                    return -1;
                sc->have[k] = 1;
            }
            sum = sc->sums[k];
        } else if (words_sum(sc, text, p->len, &sum) != 0) {
            return -1;
        }
        f->source_key = source_key(f->marker, sum);
    }
    return cs_merge(cfg, doc->npassages, r);
}

int cs_merge(const cs_config *cfg, size_t npassages, cs_result *r)
{
    cs_merge_scratch *sc = scratch_for(r, 1, r->nfindings ? r->nfindings : 1);
    if (sc == NULL)
        return -1;
    size_t *order = sc->order, *by_start = sc->by_start;
    unsigned char *decided = sc->decided;
    sort_findings(r->findings, r->nfindings);
    void *items = r->passages;
    if (cs_array_grow(&items, &r->passages_cap, npassages ? npassages : 1,
                      sizeof(cs_passage_score)) != 0)
        return -1;
    r->passages = items;
    r->npassages = npassages;
    items = r->markers;
    if (cs_array_grow(&items, &r->markers_cap, cfg->nmarkers ? cfg->nmarkers : 1,
                      sizeof(cs_marker_total)) != 0)
        return -1;
    r->markers = items;
    r->nmarkers = cfg->nmarkers;
    memset(r->markers, 0, cfg->nmarkers * sizeof(cs_marker_total));
    r->base = cfg->base;
    for (size_t i = 0; i < r->nfindings; i++)
        r->findings[i].dup_of = 0;

    size_t fi = 0;
    for (size_t p = 0; p < npassages; p++) {
        cs_passage_score *ps = &r->passages[p];
        ps->first = fi;
        while (fi < r->nfindings && r->findings[fi].passage == p)
            fi++;
        ps->count = fi - ps->first;
        ps->points = 0;
        for (size_t k = 0; k < ps->count; k++)
            order[k] = ps->first + k;
        sort_indices(order, ps->count, cmp_strength, r->findings);
        /* Walk each marker group, strongest first. */
        size_t g = 0;
        while (g < ps->count) {
            int marker = r->findings[order[g]].marker;
            const cs_marker_conf *mc = &cfg->markers[marker];
            size_t gend = g;
            while (gend < ps->count && r->findings[order[gend]].marker == marker)
                gend++;
            for (size_t k = g; k < gend; k++) {
                cs_finding *f = &r->findings[order[k]];
                f->note = f->suppress_reason ? CS_NOTE_SUPPRESSED : CS_NOTE_NONE;
                f->points = 0;
                r->markers[marker].hits++;
            }
            mark_duplicates(r->findings, order + g, gend - g, by_start, decided);
            double sum = 0;
            int counted = 0;
            for (size_t k = g; k < gend; k++) {
                cs_finding *f = &r->findings[order[k]];
                if (f->note != CS_NOTE_NONE)
                    continue; /* suppressed or duplicate: 0 points */
                double pts = f->weight * f->confidence;
                if (mc->one_shot && counted) {
                    f->note = CS_NOTE_ONE_SHOT;
                    continue;
                }
                if (mc->passage_cap > 0 && fabs(sum + pts) > mc->passage_cap) {
                    double room = mc->passage_cap - fabs(sum);
                    if (room < 0)
                        room = 0;
                    pts = pts < 0 ? -room : room;
                    f->note = CS_NOTE_PASSAGE_CAP;
                }
                f->points = pts;
                sum += pts;
                counted = 1;
                if (pts != 0)
                    r->markers[marker].count++;
            }
            r->markers[marker].raw += sum;
            ps->points += sum;
            g = gend;
        }
        passage_claims(cfg, r->findings, ps);
    }
    r->raw_points = 0;
    for (size_t m = 0; m < r->nmarkers; m++) {
        cs_marker_total *t = &r->markers[m];
        double cap = cfg->markers[m].cap;
        t->points = t->raw;
        if (cap > 0 && fabs(t->raw) > cap) {
            t->points = t->raw < 0 ? -cap : cap;
            t->capped = 1;
        }
        r->raw_points += t->points;
    }
    article_claims(r, order);
    r->unsourced = r->good + r->weak == 0;
    r->score = r->unsourced ? round(clamp(cfg->base, 0, 100))
                            : round(clamp(share(cfg->base, r->good, r->weak), 0, 100));
    r->raw_points = r->score - cfg->base;
    r->verdict = cs_merge_verdict(cfg, r);
    return 0;
}
