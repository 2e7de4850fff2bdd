/*
 * names.c - a small growing hash set of surnames for one document.
 *
 * Contract: see names.h.  Open addressing with linear probing; the table
 * doubles at half load; keys live in one arena that doubles when full.
 */
#include "names.h"

#include <string.h>

static uint32_t hash_bytes(const char *k, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)k[i];
        h *= 16777619u;
    }
    return h;
}

/* An empty set that will allocate through al. */
void at_names_init(at_names *s, const at_alloc *al)
{
    memset(s, 0, sizeof(*s));
    s->al = *al;
}

/* Free the set's memory; the set is empty (and reusable) afterwards. */
void at_names_free(at_names *s)
{
    if (s->slot)
        s->al.free(s->slot);
    if (s->off)
        s->al.free(s->off);
    if (s->len)
        s->al.free(s->len);
    if (s->arena)
        s->al.free(s->arena);
    at_alloc al = s->al;
    at_names_init(s, &al);
}

/* Slot index holding key, or the empty slot where it would go. */
static size_t find_slot(const at_names *s, const char *key, size_t n, uint32_t h)
{
    size_t mask = s->nslot - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = s->slot[i];
        if (e == 0)
            return i;
        e--;
        if (s->len[e] == n && memcmp(s->arena + s->off[e], key, n) == 0)
            return i;
    }
}

/* Make room for one more entry of n bytes. */
static int grow(at_names *s, size_t n)
{
    if (s->narena + n > s->caparena) {
        size_t cap = s->caparena ? s->caparena * 2 : 512;
        while (cap < s->narena + n)
            cap *= 2;
        char *a = s->al.alloc(cap);
        if (!a)
            return -1;
        if (s->narena)
            memcpy(a, s->arena, s->narena);
        if (s->arena)
            s->al.free(s->arena);
        s->arena = a;
        s->caparena = cap;
    }
    if (s->count + 1 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        uint32_t *off = s->al.alloc(cap * sizeof(*off));
        uint8_t *len = s->al.alloc(cap);
        if (!off || !len) {
            if (off)
                s->al.free(off);
            if (len)
                s->al.free(len);
            return -1;
        }
        if (s->count) {
            memcpy(off, s->off, s->count * sizeof(*off));
            memcpy(len, s->len, s->count);
        }
        if (s->off)
            s->al.free(s->off);
        if (s->len)
            s->al.free(s->len);
        s->off = off;
        s->len = len;
        s->cap = cap;
    }
    if (2 * (s->count + 1) > s->nslot) {
        size_t nslot = s->nslot ? s->nslot * 2 : 64;
        uint32_t *slot = s->al.alloc(nslot * sizeof(*slot));
        if (!slot)
            return -1;
        memset(slot, 0, nslot * sizeof(*slot));
        uint32_t *old = s->slot;
        s->slot = slot;
        s->nslot = nslot;
        for (size_t e = 0; e < s->count; e++) {
            const char *k = s->arena + s->off[e];
            size_t i = find_slot(s, k, s->len[e], hash_bytes(k, s->len[e]));
            s->slot[i] = (uint32_t)(e + 1);
        }
        if (old)
            s->al.free(old);
    }
    return 0;
}

/* Add a surname (normalised): 0, or -1 when out of memory (set unchanged). */
int at_names_add(at_names *s, const char *text, size_t len)
{
    char key[AT_KEY_MAX + 1];
    size_t n = at_lexicon_normalise(text, len, key);
    if (n == 0)
        return 0;
    uint32_t h = hash_bytes(key, n);
    if (s->nslot && s->slot[find_slot(s, key, n, h)] != 0)
        return 0;
    if (grow(s, n) != 0)
        return -1;
    size_t e = s->count++;
    s->off[e] = (uint32_t)s->narena;
    s->len[e] = (uint8_t)n;
    memcpy(s->arena + s->narena, key, n);
    s->narena += n;
    s->slot[find_slot(s, key, n, h)] = (uint32_t)(e + 1);
    return 0;
}

/* Non-zero when the (normalised) surname was added before.  No allocation. */
int at_names_has(const at_names *s, const char *text, size_t len)
{
    char key[AT_KEY_MAX + 1];
    if (s->nslot == 0)
        return 0;
    size_t n = at_lexicon_normalise(text, len, key);
    if (n == 0)
        return 0;
    return s->slot[find_slot(s, key, n, hash_bytes(key, n))] != 0;
}
