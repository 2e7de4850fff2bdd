/*
 * lexicon.c - build and query the word-class hash table.
 *
 * Contract: see lexicon.h.  Building runs two passes over the tables in
 * words.c (count, then fill) so every array is allocated once at its final
 * size, with a slot table to find entries while they are added.  Then the
 * entries move into their final home: an open-addressing table of whole
 * entries (one cache line each, at most two thirds full).  A look-up is
 * one at_hash_key hash, a bit of a Bloom filter and a short linear probe
 * of that table; a key of up to AT_KEY_INLINE bytes is compared inside
 * the entry, so a look-up of a known word usually reads one line.
 *
 * The lexicon of the built-in tables alone (no configured outlets) is
 * also built once when the plugin is compiled (gen/lexgen.c writes it out
 * as lexicon_data.c): a plugin that has those tables linked in reads them
 * where they are instead of building them again, which is most of its
 * start-up.  Either way a look-up reads the same bytes.
 */
#include "lexicon.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "words.h"

_Static_assert(sizeof(at_lexent) == 64, "an entry is one cache line");

const at_lexent at_unknown_word = {.phrase = -1, .index = UINT32_MAX};

/* A hash slot: the key's hash and its entry index + 1 (0 = empty). */
typedef struct at_slot {
    uint32_t hash;
    uint32_t ent;
} at_slot;

struct at_lexicon {
    at_alloc al;
    at_lexent *ent;     /* entries while building */
    size_t nent, capent;
    at_slot *slot;      /* hash slots while building */
    size_t nslot;       /* power of two */
    at_lexent *tab;     /* the final table, 64-byte aligned inside tab_mem */
    void *tab_mem;
    size_t ntab;        /* power of two */
    char *arena;
    size_t narena, caparena;
    at_phrase *phr;
    size_t nphr, capphr;
    at_lexicon_image view; /* what look-ups read: the arrays here, or the built-in lexicon */
    uint64_t bloom[512]; /* bit (hash >> 17) & 32767 set for every key: a quick "absent"
                          * (last: not even cleared when the built-in lexicon is used) */
};

/* The built-in lexicon, when the plugin was linked with lexicon_data.c. */
extern const at_lexicon_image at_builtin_lexicon __attribute__((weak));
/* The generated word lists, when the plugin was linked with lexicon_data.c. */
extern const at_lexicon_extra at_gen_extra __attribute__((weak));

/* Hash of an unpadded key (copied into a padded buffer). */
static uint32_t hash_key(const char *k, size_t n)
{
    char buf[AT_KEY_PAD];
    if (n > AT_KEY_MAX)
        n = AT_KEY_MAX;
    memset(buf, 0, sizeof(buf));
    memcpy(buf, k, n);
    return at_hash_key(buf, n);
}

/* ASCII lower case, curly apostrophes read as '; 0 when too long. */
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

/* Probe the table for key (hash from at_hash_key); NULL when absent. */
const at_lexent *at_lexicon_lookup_hashed(const at_lexicon *lx, const char *key, size_t len,
                                          uint32_t hash, int32_t *index)
{
    *index = -1;
    if (len == 0 || len > AT_KEY_MAX)
        return NULL;
    if (!at_image_may_hold(&lx->view, hash))
        return NULL;
    size_t mask = lx->view.ntab - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const at_lexent *e = &lx->view.tab[i];
        if (e->keylen == 0)
            return NULL;
        if (e->hash != hash)
            continue;
        if (e->keylen == len) {
            /* stored keys are zero padded like the probe key: compare 8 bytes
             * at a time, the first AT_KEY_INLINE inside the entry */
            const char *k = lx->view.arena + e->keyoff;
            size_t j = 0;
            for (; j < len; j += 8) {
                uint64_t x, y;
                if (j < AT_KEY_INLINE)
                    x = e->key[j / 8];
                else
                    memcpy(&x, k + j, 8);
                memcpy(&y, key + j, 8);
                if (x != y)
                    break;
            }
            if (j >= len) {
                *index = (int32_t)e->index;
                return e;
            }
        }
    }
}

/* Look up an unpadded key; NULL when absent. */
const at_lexent *at_lexicon_lookup(const at_lexicon *lx, const char *key, size_t len)
{
    int32_t idx;
    return at_lexicon_lookup_hashed(lx, key, len, hash_key(key, len), &idx);
}

/* Phrase i, or NULL when i is out of range. */
const at_phrase *at_lexicon_phrase(const at_lexicon *lx, int32_t i)
{
    return (i >= 0 && (size_t)i < lx->view.nphr) ? &lx->view.phr[i] : NULL;
}

/* Copy n bytes into the arena, zero padded to a multiple of eight plus
 * eight; returns the offset (capacity is precomputed). */
static uint32_t arena_put(at_lexicon *lx, const char *s, size_t n)
{
    uint32_t off = (uint32_t)lx->narena;
    size_t padded = (n + 7) / 8 * 8 + 8;
    memset(lx->arena + lx->narena, 0, padded);
    memcpy(lx->arena + lx->narena, s, n);
    lx->narena += padded;
    return off;
}

/* Entry for key, created empty when missing.  NULL only when full. */
static at_lexent *entry_get(at_lexicon *lx, const char *key, size_t len)
{
    size_t mask = lx->nslot - 1;
    uint32_t h = hash_key(key, len);
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        const at_slot *sl = &lx->slot[i];
        if (sl->ent == 0)
            break;
        at_lexent *e = &lx->ent[sl->ent - 1];
        if (sl->hash == h && e->keylen == len && memcmp(lx->arena + e->keyoff, key, len) == 0)
            return e;
    }
    if (len > AT_KEY_MAX || lx->nent >= lx->capent || lx->narena + len + 16 > lx->caparena)
        return NULL;
    size_t e = lx->nent++;
    memset(&lx->ent[e], 0, sizeof(lx->ent[e]));
    lx->ent[e].phrase = -1;
    lx->ent[e].keyoff = arena_put(lx, key, len);
    lx->ent[e].keylen = (uint8_t)len;
    memcpy(lx->ent[e].key, key, len < AT_KEY_INLINE ? len : AT_KEY_INLINE); /* rest stays 0 */
    lx->slot[i].ent = (uint32_t)(e + 1);
    lx->slot[i].hash = h;
    uint32_t bit = (h >> 17) & 32767u; /* the bit at_image_may_hold reads */
    lx->bloom[bit >> 6] |= 1ull << (bit & 63);
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
    size_t first_idx = (size_t)(first - lx->ent);
    at_phrase *p = &lx->phr[lx->nphr];
    memset(p, 0, sizeof(*p));
    p->cls = cls & ~AT_L_NEEDCAPS;
    p->needcaps = (cls & (AT_L_CAPONLY | AT_L_NEEDCAPS)) != 0;
    p->wid = wid;
    p->nwords = (uint8_t)nw;
    for (int i = 0; i < nw; i++) {
        size_t n = wl[i];
        if (n > 2 && w[i][n - 2] == '\'' && w[i][n - 1] == 's') {
            n -= 2; /* people's -> people + a possessive */
            p->wposs[i] = 1;
        }
        at_lexent *e = entry_get(lx, w[i], n);
        if (!e)
            return -1;
        p->went[i] = (int32_t)(e - lx->ent);
    }
    first = &lx->ent[first_idx];
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
    /* A person noun has a plural that names a group ("lawyers"); an
     * institution noun's plural is an institution too ("Northwind
     * Airlines", "the banks") -- unless the tables say otherwise. */
    if ((cls & (AT_L_PERSON | AT_L_INST)) && n + 2 <= AT_KEY_MAX && n >= 2) {
        char pl[AT_KEY_MAX + 1];
        size_t k = n;
        memcpy(pl, s, n);
        if (n >= 3 && memcmp(s + n - 3, "man", 3) == 0) {
            pl[n - 2] = 'e';
        } else if (s[n - 1] == 'y' && !strchr("aeiou", s[n - 2])) {
            memcpy(pl + n - 1, "ies", 3);
            k = n + 2;
        } else if (s[n - 1] == 's' || s[n - 1] == 'x' || s[n - 1] == 'h') {
            memcpy(pl + n, "es", 2);
            k = n + 2;
        } else {
            pl[n] = 's';
            k = n + 1;
        }
        at_lexent *p = entry_get(lx, pl, k);
        if (!p)
            return -1;
        uint64_t group = (cls & AT_L_PERSON) ? AT_L_VAGUE : AT_L_INST;
        if (!(p->cls & ~group) && !p->vclass)
            p->cls |= group;
    }
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

/* Entry of an existing key, or NULL (build time). */
static at_lexent *entry_find(at_lexicon *lx, const char *key, size_t len)
{
    size_t mask = lx->nslot - 1;
    uint32_t h = hash_key(key, len);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const at_slot *sl = &lx->slot[i];
        if (sl->ent == 0)
            return NULL;
        at_lexent *e = &lx->ent[sl->ent - 1];
        if (sl->hash == h && e->keylen == len && memcmp(lx->arena + e->keyoff, key, len) == 0)
            return e;
    }
}

/* Walk one set of tables; with lx == NULL only count words, phrases and
 * bytes.  only_new: skip words the lexicon holds already (generated lists
 * never override the hand-written ones). */
static int walk_tables(at_lexicon *lx, const at_wordset *ws, size_t nws, const at_verbdef *vd,
                       size_t nvd, int only_new, size_t *nwords, size_t *nphr, size_t *nbytes)
{
    for (size_t t = 0; t < nws; t++) {
        const char *s = ws[t].words;
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
                *nwords += ph ? AT_PHRASE_MAX : 2; /* phrase words, or a word and its plural */
                *nphr += ph;
                *nbytes += 2 * n + 48 + (ph ? AT_PHRASE_MAX * 16 : 0);
            } else if (only_new && n <= AT_KEY_MAX && entry_find(lx, b, n)) {
                continue;
            } else if (add_word(lx, b, n, ws[t].cls, ws[t].wid) != 0) {
                return -1;
            }
        }
    }
    for (size_t v = 0; v < nvd; v++) {
        const char *s = vd[v].forms;
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
                *nbytes += n + 16;
                continue;
            }
            at_lexent *e = only_new ? entry_find(lx, b, n) : NULL;
            if (e && (e->cls || e->vclass != vd[v].vclass))
                continue; /* a hand-written word, or a form of another verb */
            e = entry_get(lx, b, n);
            if (!e)
                return -1;
            if (!e->vclass)
                e->vclass = vd[v].vclass;
            if (e->vclass == vd[v].vclass)
                e->vform |= form_bit[f];
        }
    }
    return 0;
}

/* Walk the hand-written tables, then the generated ones (extra, or NULL). */
static int walk_all(at_lexicon *lx, const at_lexicon_extra *extra, size_t *nwords, size_t *nphr,
                    size_t *nbytes)
{
    if (walk_tables(lx, at_wordsets, at_n_wordsets, at_verbdefs, at_n_verbdefs, 0, nwords, nphr,
                    nbytes) != 0)
        return -1;
    if (!extra)
        return 0;
    return walk_tables(lx, extra->wordsets, extra->n_wordsets, extra->verbdefs,
                       extra->n_verbdefs, 1, nwords, nphr, nbytes);
}

/* Add a configured outlet name: words separated by spaces, any case.
 * Returns 0, or -1 with a reason in err. */
static int add_outlet(at_lexicon *lx, const char *name, char *err, size_t errlen)
{
    int rc = -1;
    char norm[(AT_KEY_MAX + 1) * AT_PHRASE_MAX];
    const char *w[AT_PHRASE_MAX];
    size_t wl[AT_PHRASE_MAX];
    size_t n = strlen(name), o = 0, i = 0;
    int nw = 0;

    while (i < n) {
        while (i < n && (name[i] == ' ' || name[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n && name[i] != ' ' && name[i] != '\t')
            i++;
        if (i == b)
            break;
        if (nw >= AT_PHRASE_MAX)
            goto out;
        size_t k = at_lexicon_normalise(name + b, i - b, norm + o);
        if (k == 0)
            goto out;
        w[nw] = norm + o;
        wl[nw] = k;
        nw++;
        o += k + 1;
    }
    if (nw == 1) {
        at_lexent *e = entry_get(lx, w[0], wl[0]);
        if (e) {
            e->capcls |= AT_L_OUTLET;
            rc = 0;
        }
    } else if (nw > 1) {
        rc = phrase_add(lx, w, wl, nw, AT_L_OUTLET, 0);
    }
out:
    if (rc != 0)
        snprintf(err, errlen, "option outlets: cannot use outlet name '%.60s'", name);
    return rc;
}

/* Move the entries into the final table, at most about two thirds full,
 * and free the build-time arrays.  0, or -1 when out of memory. */
static int build_table(at_lexicon *lx)
{
    size_t ntab = 64;
    while (2 * ntab < 3 * lx->nent)
        ntab <<= 1;
    lx->tab_mem = lx->al.alloc(ntab * sizeof(at_lexent) + 63);
    if (!lx->tab_mem)
        return -1;
    lx->tab = (at_lexent *)(((uintptr_t)lx->tab_mem + 63) & ~(uintptr_t)63);
    lx->ntab = ntab;
    memset(lx->tab, 0, ntab * sizeof(at_lexent));
    for (size_t e = 0; e < lx->nent; e++) {
        at_lexent x = lx->ent[e];
        x.hash = hash_key(lx->arena + x.keyoff, x.keylen);
        x.index = (uint32_t)e;
        size_t i = x.hash & (ntab - 1);
        while (lx->tab[i].keylen != 0)
            i = (i + 1) & (ntab - 1);
        lx->tab[i] = x;
    }
    lx->al.free(lx->ent);
    lx->al.free(lx->slot);
    lx->ent = NULL;
    lx->slot = NULL;
    return 0;
}

void at_lexicon_image_of(const at_lexicon *lx, at_lexicon_image *im)
{
    *im = lx->view;
}

/* Release a lexicon and everything it owns (NULL is fine). */
void at_lexicon_free(at_lexicon *lx)
{
    if (!lx)
        return;
    void *parts[] = {lx->ent, lx->slot, lx->tab_mem, lx->arena, lx->phr};
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
        if (parts[i])
            lx->al.free(parts[i]);
    lx->al.free(lx);
}

int at_lexicon_build(at_lexicon **out, const char *const *outlets, size_t n_outlets,
                     const at_alloc *al, char *err, size_t errlen)
{
    return at_lexicon_build_ex(out, outlets, n_outlets, al, 1, NULL, err, errlen);
}

/* Build the lexicon: built-in tables, configured outlets, compact slot
 * table.  0, or -1 with a reason in err. */
int at_lexicon_build_ex(at_lexicon **out, const char *const *outlets, size_t n_outlets,
                        const at_alloc *al, int use_builtin, const at_lexicon_extra *extra,
                        char *err, size_t errlen)
{
    int rc = -1;
    size_t nwords = 0, nphr = 0, nbytes = 0;
    at_lexicon *lx = al->alloc(sizeof(*lx));
    if (!lx) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memset(lx, 0, offsetof(at_lexicon, bloom));
    lx->al = *al;
    if (use_builtin && n_outlets == 0 && &at_builtin_lexicon != NULL &&
        at_builtin_lexicon.entry_size == sizeof(at_lexent) &&
        at_builtin_lexicon.phrase_size == sizeof(at_phrase)) {
        lx->view = at_builtin_lexicon; /* read in place: nothing to build or free */
        *out = lx;
        return 0;
    }
    memset(lx->bloom, 0, sizeof(lx->bloom));

    if (!extra && &at_gen_extra != NULL)
        extra = &at_gen_extra;
    walk_all(NULL, extra, &nwords, &nphr, &nbytes);
    for (size_t i = 0; i < n_outlets; i++) {
        size_t n = outlets[i] ? strlen(outlets[i]) : 0;
        nwords += AT_PHRASE_MAX;
        nphr += 1;
        nbytes += n + AT_PHRASE_MAX * 24;
    }
    lx->capent = nwords + 16;
    lx->caparena = nbytes + 64;
    lx->capphr = nphr + 1;
    /* capent is a generous bound (every phrase counted at AT_PHRASE_MAX
     * words, every word with a plural): 1.25 slots per entry of it keeps
     * the real load near a third, and the build's fresh pages few. */
    lx->nslot = 64;
    while (lx->nslot < lx->capent + lx->capent / 4)
        lx->nslot <<= 1;
    lx->ent = al->alloc(lx->capent * sizeof(*lx->ent));
    lx->slot = al->alloc(lx->nslot * sizeof(*lx->slot));
    lx->arena = al->alloc(lx->caparena);
    lx->phr = al->alloc(lx->capphr * sizeof(*lx->phr));
    if (!lx->ent || !lx->slot || !lx->arena || !lx->phr) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    memset(lx->slot, 0, lx->nslot * sizeof(*lx->slot));
    if (walk_all(lx, extra, &nwords, &nphr, &nbytes) != 0) {
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
    if (build_table(lx) != 0) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    lx->view = (at_lexicon_image){sizeof(at_lexent), sizeof(at_phrase), lx->ntab, lx->nphr,
                                  lx->narena, lx->tab, lx->bloom, lx->arena, lx->phr};
    *out = lx;
    lx = NULL;
    rc = 0;
out:
    at_lexicon_free(lx);
    return rc;
}
