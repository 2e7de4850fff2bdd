/*
 * swar.h - eight bytes at a time in a 64-bit word ("SIMD within a
 * register"), for the bundled plugins' scanners.  Plugins see the public
 * header only, not host/src/util/swar.h, so they share this one (include
 * it as "../common/swar.h").
 *
 * A flag is the 0x80 bit of a byte lane; the tests return a word of flags.
 * Lane 0 is the byte at the lowest address (a little-endian load).  Pure
 * inline functions, no state.
 */
#ifndef PLUGIN_SWAR_H
#define PLUGIN_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101ull  /* 0x01 in every lane */
#define SWAR_HIGHS 0x8080808080808080ull /* the flag bit of every lane */

/* The eight bytes at p as a word (no alignment needed). */
static inline uint64_t swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* Flag the lanes of x that lie in [lo, hi].  Every lane of x must be below
 * 0x80 (then no sum carries into the next lane): exact per lane. */
static inline uint64_t swar_between(uint64_t x, unsigned lo, unsigned hi)
{
    uint64_t at_least_lo = x + SWAR_ONES * (0x80u - lo);
    uint64_t above_hi = x + SWAR_ONES * (0x7Fu - hi);
    return at_least_lo & ~above_hi & SWAR_HIGHS;
}

/* Flag the lanes of w equal to c.  A lane above a true match may be flagged
 * too (a borrow), so only the lowest flag is exact: use it as a yes/no or
 * to find the first match. */
static inline uint64_t swar_equal(uint64_t w, unsigned char c)
{
    uint64_t v = w ^ (SWAR_ONES * c);
    return (v - SWAR_ONES) & ~v & SWAR_HIGHS;
}

/* Number of flags in m (other bits are ignored). */
static inline unsigned swar_count(uint64_t m)
{
    return (unsigned)((((m & SWAR_HIGHS) >> 7) * SWAR_ONES) >> 56);
}

/* Lane of the first flag in m (other bits are ignored), 8 when none: the
 * trailing zero bits over eight, or (without the GCC built-in) the number
 * of lanes below the lowest flag. */
static inline size_t swar_first(uint64_t m)
{
    m &= SWAR_HIGHS;
#if defined(__GNUC__)
    return m ? (size_t)__builtin_ctzll(m) / 8 : 8;
#else
    return swar_count((m & (0 - m)) - 1);
#endif
}

#endif
