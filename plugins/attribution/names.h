/*
 * names.h - the surnames seen so far in one document.
 *
 * A growing hash set of normalised words.  at_names_add records the last
 * word of every full personal name the plugin meets ("Petr Fiala" ->
 * "fiala"), so that a later "Fiala said" counts as on the record.
 *
 * Contract: at_names_add returns 0, or -1 when memory runs out (the set is
 * unchanged then).  at_names_has never allocates.  One set belongs to one
 * document; it is not shared between threads.
 */
#ifndef AT_NAMES_H
#define AT_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

typedef struct at_names {
    at_alloc al;
    uint32_t *slot;   /* entry index + 1, 0 = empty */
    size_t nslot;     /* 0 or a power of two */
    uint32_t *off;    /* arena offset of each entry */
    uint8_t *len;
    size_t count, cap;
    char *arena;
    size_t narena, caparena;
} at_names;

/* Start an empty set (allocates nothing yet). */
void at_names_init(at_names *s, const at_alloc *al);
/* Free everything the set holds. */
void at_names_free(at_names *s);
/* Add text[0..len) (normalised; words longer than AT_KEY_MAX are ignored). */
int at_names_add(at_names *s, const char *text, size_t len);
/* Non-zero when text[0..len) was added before. */
int at_names_has(const at_names *s, const char *text, size_t len);

#endif
