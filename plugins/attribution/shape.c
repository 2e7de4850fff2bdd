/*
 * shape.c - the classes of a hyphenated word the lexicon does not know,
 * from its parts (at_guess_hyphenated; the rest of the shape guess is
 * inline in shape.h).
 *
 * Contract: see shape.h.  Reads the key and the word's bytes in the
 * passage; no allocation, no state.
 */
#include "shape.h"

#include <stdint.h>
#include <string.h>

/* The last part of a capitalised hyphenated word that makes it an
 * adjective: a participle ("Moscow-based", "Russian-speaking") or a
 * combining word ("Soviet-era", "Chinese-made", "French-born"). */
static int compound_adjective_end(const char *w, size_t n)
{
    /* with their lengths: a part is compared only with the ends of its length */
    static const struct {
        char w[6];
        uint8_t n;
    } ends[] = {{"era", 3},   {"made", 4},  {"born", 4},  {"run", 3},   {"style", 5},
                {"type", 4},  {"like", 4},  {"wide", 4},  {"free", 4},  {"proof", 5},
                {"bound", 5}, {"scale", 5}, {"class", 5}, {"level", 5}, {"owned", 5},
                {"held", 4},  {"led", 3},   {"built", 5}};
    if ((n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
        (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'))
        return 1;
    for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
        if (ends[i].n == n && memcmp(w, ends[i].w, n) == 0)
            return 1;
    return 0;
}

/* See shape.h: the classes of a hyphenated word the lexicon does not
 * know, from its parts.  Apart from at_guess_from_shape: few words have a
 * hyphen. */
int at_guess_hyphenated(at_tok *t, const char *key, size_t n, const char *text)
{
    const char *h = memchr(key, '-', n);
    size_t pre = h ? (size_t)(h - key) : n;
    size_t last = n;
    while (last > 0 && key[last - 1] != '-')
        last--;
    unsigned char lc = last < n ? (unsigned char)text[t->start + last] : 0;
    /* "Kremlin-backed", "Soviet-era" are adjectives; "Min-ji" is a name */
    int last_lower = lc >= 'a' && lc <= 'z' && compound_adjective_end(key + last, n - last);
    /* "al-Amr", "bin-Salman": a name particle before a capitalised name */
    int particle = pre >= 2 && pre <= 3 && last < n && lc >= 'A' && lc <= 'Z' &&
                   !(t->flags & AT_TF_CAP) &&
                   (memcmp(key, "al", pre) == 0 || memcmp(key, "el", pre) == 0 ||
                    memcmp(key, "bin", pre) == 0 || memcmp(key, "ibn", pre) == 0 ||
                    memcmp(key, "abu", pre) == 0);
    if (particle) {
        t->cls |= AT_L_NAME;
        return 1;
    }
    if (!(t->flags & AT_TF_CAP) || last_lower ||
        (pre == 3 && (memcmp(key, "pro", 3) == 0 || memcmp(key, "non", 3) == 0)) ||
        (pre == 4 && memcmp(key, "anti", 4) == 0) || (pre == 2 && memcmp(key, "ex", 2) == 0)) {
        t->cls |= AT_L_MOD;
        return 1;
    }
    return 0;
}
