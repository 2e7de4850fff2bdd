/*
 * splitmix.h - splitmix64, the unit tests' deterministic random numbers:
 * the same sequence from the same seed on every run and machine.
 */
#ifndef CS_TEST_SPLITMIX_H
#define CS_TEST_SPLITMIX_H

#include <stdint.h>

/* Advance *state and return the next 64 random bits. */
static inline uint64_t splitmix64_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

#endif
