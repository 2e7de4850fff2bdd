/*
 * swar.h - tests on eight bytes at once in a 64-bit word ("SIMD within a
 * register"), for the scanners that skip runs of ordinary bytes.
 *
 * Each test returns a word whose bit 7 of a byte lane is set for some lane
 * that matches, and is nonzero exactly when at least one lane matches (a
 * lane above a matching one may be flagged too, so use the result as a
 * yes/no, not to find the lane).  Pure inline functions.
 */
#ifndef CS_SWAR_H
#define CS_SWAR_H

#include <stdint.h>
#include <string.h>

#define CS_SWAR_ONES 0x0101010101010101ull
#define CS_SWAR_HIGHS 0x8080808080808080ull

/* Eight bytes at p, in memory order (no alignment needed). */
static inline uint64_t cs_swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* Some byte below n (n <= 0x80)? */
static inline uint64_t cs_swar_below(uint64_t w, unsigned n)
{
    return (w - CS_SWAR_ONES * n) & ~w & CS_SWAR_HIGHS;
}

/* Some byte equal to c? */
static inline uint64_t cs_swar_eq(uint64_t w, unsigned char c)
{
    return cs_swar_below(w ^ (CS_SWAR_ONES * c), 1);
}

/* Some byte from 0x80 up (not ASCII)? */
static inline uint64_t cs_swar_high(uint64_t w)
{
    return w & CS_SWAR_HIGHS;
}

#endif
