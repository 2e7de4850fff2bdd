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

#include <stddef.h>
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

#if defined(__GNUC__)
/* Sixteen bytes as one vector (GCC's vector extension: SSE2 on x86-64,
 * NEON on ARM, pairs of words elsewhere), for the scanners that take
 * sixteen bytes a step where the compiler has it (CS_SWAR_BLOCKS).  A
 * comparison of blocks gives 0xff in each lane where it holds, 0 where
 * not; cs_block16_any and cs_block16_first read such a mask. */
#define CS_SWAR_BLOCKS 1
typedef unsigned char cs_block16 __attribute__((vector_size(16)));
typedef signed char cs_sblock16 __attribute__((vector_size(16))); /* the same, read as signed */

/* The sixteen bytes at p (no alignment needed). */
static inline cs_block16 cs_block16_load(const void *p)
{
    cs_block16 v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Is some lane of the mask m set? */
static inline int cs_block16_any(cs_block16 m)
{
    uint64_t half[2];
    memcpy(half, &m, sizeof half);
    return (half[0] | half[1]) != 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The first lane (0..15) set in the mask m, 16 when none is (lane k is
 * byte k of its half on a little-endian machine, the only kind that has
 * this function). */
static inline size_t cs_block16_first(cs_block16 m)
{
    uint64_t half[2];
    memcpy(half, &m, sizeof half);
    if (half[0])
        return (size_t)__builtin_ctzll(half[0]) / 8;
    if (half[1])
        return 8 + (size_t)__builtin_ctzll(half[1]) / 8;
    return 16;
}
#endif
#endif

#endif
