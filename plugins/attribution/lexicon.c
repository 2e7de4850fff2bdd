/*
 * lexicon.c - build and query the word-class hash table.
 *
 * Contract: see lexicon.h.  Building runs two passes over the tables in
 * words.c (count, then fill) so every array is allocated once at its final
 * size; lookups are one FNV-1a hash and a short linear probe.
 */
#include "lexicon.h"

#include <stdio.h>
#include <string.h>

#include "words.h"

struct at_lexicon {
    at_alloc al;
    at_lexent *ent;     /* entries */
    uint32_t *keyoff;   /* arena offset of each entry's key */
    uint8_t *keylen;
    size_t nent, capent;
    uint32_t *slot;     /* hash slots: entry index + 1, 0 = empty */
    size_t nslot;       /* power of two */
    char *arena;
    size_t narena, caparena;
    at_phrase *phr;
    size_t nphr, capphr;
};

static uint32_t hash_key(const char *k, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)k[i];
        h *= 16777619u;
    }
    return h;
}

size_t at_lexicon_normalise(const char *text, size_t len, char key[AT_KEY_MAX + 1])
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        /* U+2018 / U+2019 (E2 80 98 / E2 80 99) read as an ASCII apostrophe. */
        if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99)) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        if (o >= AT_KEY_MAX)
            return 0;
        key[o++] = (char)c;
    }
    key[o] = '\0';
    return o;
}

const at_lexent *at_lexicon_lookup(const at_lexicon *lx, const char *key, size_t len)
{
    if (len == 0 || len > AT_KEY_MAX)
        return NULL;
    size_t mask = lx->nslot - 1;
    for (size_t i = hash_key(key, len) & mask;; i = (i + 1) & mask) {
        uint32_t s = lx->slot[i];
        if (s == 0)
            return NULL;
        size_t e = s - 1;
        if (lx->keylen[e] == len && memcmp(lx->arena + lx->keyoff[e], key, len) == 0)
            return &lx->ent[e];
    }
}

const at_phrase *at_lexicon_phrase(const at_lexicon *lx, int32_t i)
{
    return (i >= 0 && (size_t)i < lx->nphr) ? &lx->phr[i] : NULL;
}

const char *at_lexicon_arena(const at_lexicon *lx, uint32_t off)
{
    return lx->arena + off;
}

/* Copy n bytes into the arena; returns the offset (capacity is precomputed). */
static uint32_t arena_put(at_lexicon *lx, const char *s, size_t n)
{
    uint32_t off = (uint32_t)lx->narena;
    memcpy(lx->arena + lx->narena, s, n);
    lx->narena += n;
    return off;
}

/* Entry for key, created empty when missing.  NULL only when full. */
static at_lexent *entry_get(at_lexicon *lx, const char *key, size_t len)
{
    size_t mask = lx->nslot - 1;
    size_t i = hash_key(key, len) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t s = lx->slot[i];
        if (s == 0)
            break;
        size_t e = s - 1;
        if (lx->keylen[e] == len && memcmp(lx->arena + lx->keyoff[e], key, len) == 0)
            return &lx->ent[e];
    }
    if (lx->nent >= lx->capent || lx->narena + len > lx->caparena)
        return NULL;
    size_t e = lx->nent++;
    memset(&lx->ent[e], 0, sizeof(lx->ent[e]));
    lx->ent[e].phrase = -1;
    lx->keyoff[e] = arena_put(lx, key, len);
    lx->keylen[e] = (uint8_t)len;
    lx->slot[i] = (uint32_t)(e + 1);
    return &lx->ent[e];
}

/* Give an entry the classes of a word set.  Proper-noun classes only apply
 * to a capitalised occurrence, and short ones (US, WHO, AP) to ALL CAPS. */
static void entry_add_classes(at_lexent *e, const char *key, size_t len, uint64_t cls, uint16_t wid)
{
    uint64_t cap = cls & (AT_L_CAPONLY | AT_L_NEEDCAPS);
    if (cls & AT_L_NEEDCAPS)
        cap = cls;
    cap &= ~AT_L_NEEDCAPS;
    uint64_t plain = (cls & AT_L_NEEDCAPS) ? 0 : (cls & ~AT_L_CAPONLY);
    e->cls |= plain;
    if (cap) {
        if (len <= 3 && !(len == 3 && memcmp(key, "fed", 3) == 0))
            e->allcapcls |= cap;
        else
            e->capcls |= cap;
    }
    if (wid && !e->wid)
        e->wid = wid;
}

/* Split s at `sep` into at most max words; returns the count, or -1 when
 * there are too many or a word is empty or too long. */
static int split_words(const char *s, size_t n, char sep, const char **w, size_t *wl, int max)
{
    int k = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != sep)
            j++;
        if (j == i || j - i > AT_KEY_MAX || k >= max)
            return -1;
        w[k] = s + i;
        wl[k] = j - i;
        k++;
        i = j + 1;
    }
    return k;
}

/* Add a phrase of nw normalised words (first word's entry must exist). */
static int phrase_add(at_lexicon *lx, const char **w, const size_t *wl, int nw, uint64_t cls,
                      uint16_t wid)
{
    at_lexent *first = entry_get(lx, w[0], wl[0]);
    if (!first || lx->nphr >= lx->capphr)
        return -1;
    at_phrase *p = &lx->phr[lx->nphr];
    memset(p, 0, sizeof(*p));
    p->cls = cls & ~AT_L_NEEDCAPS;
    p->needcaps = (cls & (AT_L_CAPONLY | AT_L_NEEDCAPS)) != 0;
    p->wid = wid;
    p->nwords = (uint8_t)nw;
    for (int i = 0; i < nw; i++) {
        if (lx->narena + wl[i] > lx->caparena)
            return -1;
        p->word[i] = arena_put(lx, w[i], wl[i]);
        p->wlen[i] = (uint8_t)wl[i];
    }
    p->next = first->phrase;
    first->phrase = (int32_t)lx->nphr;
    lx->nphr++;
    return 0;
}

/* Add one table word ('_' joins phrase words). */
static int add_word(at_lexicon *lx, const char *s, size_t n, uint64_t cls, uint16_t wid)
{
    if (memchr(s, '_', n)) {
        const char *w[AT_PHRASE_MAX];
        size_t wl[AT_PHRASE_MAX];
        int nw = split_words(s, n, '_', w, wl, AT_PHRASE_MAX);
        if (nw < 2)
            return -1;
        return phrase_add(lx, w, wl, nw, cls, wid);
    }
    if (n > AT_KEY_MAX)
        return -1;
    at_lexent *e = entry_get(lx, s, n);
    if (!e)
        return -1;
    entry_add_classes(e, s, n, cls, wid);
    /* A nationality ending in -n or -i has a plural that names a crowd. */
    if ((cls & AT_L_DEMONYM) && n + 1 <= AT_KEY_MAX && (s[n - 1] == 'n' || s[n - 1] == 'i')) {
        char pl[AT_KEY_MAX + 1];
        memcpy(pl, s, n);
        pl[n] = 's';
        at_lexent *p = entry_get(lx, pl, n + 1);
        if (!p)
            return -1;
        p->cls |= AT_L_VAGUE;
    }
    return 0;
}

/* Walk the tables; with lx == NULL only count words, phrases and bytes. */
static int walk_tables(at_lexicon *lx, size_t *nwords, size_t *nphr, size_t *nbytes)
{
    for (size_t t = 0; t < at_n_wordsets; t++) {
        const char *s = at_wordsets[t].words;
        while (*s) {
            while (*s == ' ')
                s++;
            const char *b = s;
            while (*s && *s != ' ')
                s++;
            size_t n = (size_t)(s - b);
            if (n == 0)
                continue;
            if (!lx) {
                int ph = memchr(b, '_', n) != NULL;
                *nwords += ph ? 1 : 2; /* a word and its possible plural */
                *nphr += ph;
                *nbytes += 2 * n + 2;
            } else if (add_word(lx, b, n, at_wordsets[t].cls, at_wordsets[t].wid) != 0) {
                return -1;
            }
        }
    }
    for (size_t v = 0; v < at_n_verbdefs; v++) {
        const char *s = at_verbdefs[v].forms;
        static const uint8_t form_bit[5] = {AT_VF_BASE, AT_VF_S, AT_VF_PAST, AT_VF_PART,
                                            AT_VF_ING};
        for (int f = 0; f < 5 && *s; f++) {
            while (*s == ' ')
                s++;
            const char *b = s;
            while (*s && *s != ' ')
                s++;
            size_t n = (size_t)(s - b);
            if (n == 0 || (n == 1 && *b == '-'))
                continue;
            if (!lx) {
                *nwords += 1;
                *nbytes += n;
                continue;
            }
            at_lexent *e = entry_get(lx, b, n);
            if (!e)
                return -1;
            if (!e->vclass)
                e->vclass = at_verbdefs[v].vclass;
            if (e->vclass == at_verbdefs[v].vclass)
                e->vform |= form_bit[f];
        }
    }
    return 0;
}

/* Add a configured outlet name: words separated by spaces, any case. */
static int add_outlet(at_lexicon *lx, const char *name, char *err, size_t errlen)
{
    char norm[(AT_KEY_MAX + 1) * AT_PHRASE_MAX];
    const char *w[AT_PHRASE_MAX];
    size_t wl[AT_PHRASE_MAX];
    size_t n = strlen(name), o = 0;
    int nw = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (name[i] == ' ' || name[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n && name[i] != ' ' && name[i] != '\t')
            i++;
        if (i == b)
            break;
        if (nw >= AT_PHRASE_MAX)
            goto bad;
        size_t k = at_lexicon_normalise(name + b, i - b, norm + o);
        if (k == 0)
            goto bad;
        w[nw] = norm + o;
        wl[nw] = k;
        nw++;
        o += k + 1;
    }
    if (nw == 0)
        goto bad;
    if (nw == 1) {
        at_lexent *e = entry_get(lx, w[0], wl[0]);
        if (!e)
            goto bad;
        e->capcls |= AT_L_OUTLET;
        return 0;
    }
    if (phrase_add(lx, w, wl, nw, AT_L_OUTLET, 0) == 0)
        return 0;
bad:
    snprintf(err, errlen, "option outlets: cannot use outlet name '%.60s'", name);
    return -1;
}

void at_lexicon_free(at_lexicon *lx)
{
    if (!lx)
        return;
    void *parts[] = {lx->ent, lx->keyoff, lx->keylen, lx->slot, lx->arena, lx->phr};
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
        if (parts[i])
            lx->al.free(parts[i]);
    lx->al.free(lx);
}

int at_lexicon_build(at_lexicon **out, const char *const *outlets, size_t n_outlets,
                     const at_alloc *al, char *err, size_t errlen)
{
    int rc = -1;
    size_t nwords = 0, nphr = 0, nbytes = 0;
    at_lexicon *lx = al->alloc(sizeof(*lx));
    if (!lx) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memset(lx, 0, sizeof(*lx));
    lx->al = *al;

    walk_tables(NULL, &nwords, &nphr, &nbytes);
    for (size_t i = 0; i < n_outlets; i++) {
        size_t n = outlets[i] ? strlen(outlets[i]) : 0;
        nwords += AT_PHRASE_MAX;
        nphr += 1;
        nbytes += n + AT_PHRASE_MAX;
    }
    lx->capent = nwords + 16;
    lx->caparena = nbytes + 64;
    lx->capphr = nphr + 1;
    lx->nslot = 64;
    while (lx->nslot < 2 * lx->capent)
        lx->nslot <<= 1;
    lx->ent = al->alloc(lx->capent * sizeof(*lx->ent));
    lx->keyoff = al->alloc(lx->capent * sizeof(*lx->keyoff));
    lx->keylen = al->alloc(lx->capent);
    lx->slot = al->alloc(lx->nslot * sizeof(*lx->slot));
    lx->arena = al->alloc(lx->caparena);
    lx->phr = al->alloc(lx->capphr * sizeof(*lx->phr));
    if (!lx->ent || !lx->keyoff || !lx->keylen || !lx->slot || !lx->arena || !lx->phr) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    memset(lx->slot, 0, lx->nslot * sizeof(*lx->slot));
    if (walk_tables(lx, &nwords, &nphr, &nbytes) != 0) {
        snprintf(err, errlen, "internal error: built-in word lists do not fit");
        goto out;
    }
    for (size_t i = 0; i < n_outlets; i++) {
        if (!outlets[i] || add_outlet(lx, outlets[i], err, errlen) != 0) {
            if (!outlets[i])
                snprintf(err, errlen, "option outlets: item %zu is not a string", i);
            goto out;
        }
    }
    *out = lx;
    lx = NULL;
    rc = 0;
out:
    at_lexicon_free(lx);
    return rc;
}
