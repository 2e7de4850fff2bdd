/*
 * asciirun.h - runs of ASCII letters and digits, classified eight or
 * sixteen bytes at a time.  Private to the attribution tokenizer.
 *
 * A word's bytes are read as whole words ("SWAR": eight ASCII bytes
 * classified with a few integer operations instead of a loop with a branch
 * per byte) or, with GCC's vector extension, sixteen at once.  Byte j of a
 * block is bits 8j..8j+7 of its word: the bytes land in text order on a
 * little-endian machine, the only kind this code supports.
 *
 * Contract: functions read only the bytes their comments name; no state.
 */
#ifndef AT_ASCIIRUN_H
#define AT_ASCIIRUN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../common/swar.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the attribution tokenizer reads its blocks for a little-endian machine"
#endif

/* A flag is the 0x80 bit of a byte (../common/swar.h). */

/* The ASCII letters and digits at the start of an eight-byte block w. */
typedef struct alnum_block {
    size_t len;      /* how many bytes (0..8) the run has */
    uint64_t letter; /* a flag on each letter of the run */
    uint64_t key;    /* its bytes in lower case (A-Z gain 0x20), zero above len */
} alnum_block;

static inline alnum_block classify_block(uint64_t w)
{
    alnum_block r;
    uint64_t ascii = ~w & SWAR_HIGHS, x = w & ~SWAR_HIGHS;
    /* x | 0x20 folds A-Z onto a-z and nothing else onto them */
    uint64_t letter = swar_between(x | (SWAR_ONES * 0x20u), 'a', 'z') & ascii;
    uint64_t alnum = letter | (swar_between(x, '0', '9') & ascii);
    r.len = swar_first(~alnum);
    uint64_t run = r.len < 8 ? (1ull << (8 * r.len)) - 1 : ~0ull; /* the run's bits */
    r.letter = letter & run;
    r.key = (w | (SWAR_ONES * 0x20u)) & run;
    return r;
}

/* The upper-case letters among the letters flagged in r (of block w): a
 * letter is lower case when it has the 0x20 bit, which w << 2 moves to
 * the flag's place in the same byte.  Apart from classify_block, as most
 * words need no more than to know that their first letter is lower case. */
static inline uint64_t upper_letters(uint64_t w, const alnum_block *r)
{
    return r->letter & ~(w << 2);
}

/* Up to eight bytes of text from i as one word (byte j of the text in
 * bits 8j..8j+7); the bytes at or past end read as zero, which ends any
 * word just as the end of the text does. */
static inline uint64_t load_block(const char *text, size_t i, size_t end)
{
    uint64_t w = 0;
    if (i < end && end - i >= 8)
        return swar_load(text + i);
    for (size_t k = 0; i + k < end; k++) /* the last bytes before end */
        w |= (uint64_t)(unsigned char)text[i + k] << (8 * k);
    return w;
}

/* The run of ASCII letters and digits at the start of sixteen bytes of
 * text: what scan_simple_word needs to know of a word. */
typedef struct ascii_run {
    size_t len;      /* 0..16 (16: sixteen bytes or more) */
    unsigned after;  /* the byte after the run (len < 16), 0 at the end */
    uint64_t w[2];   /* the sixteen bytes (byte j in bits 8(j % 8).. of w[j / 8]) */
    uint64_t key[2]; /* the run in lower case, zero from byte len on */
} ascii_run;

/* The run at text[i] with the bytes from end on read as zero (which ends
 * any run, as the end of the text does): two eight-byte blocks. */
static inline ascii_run ascii_run_bounded(const char *text, size_t i, size_t end)
{
    ascii_run r = {0};
    r.w[0] = load_block(text, i, end);
    alnum_block b = classify_block(r.w[0]);
    r.len = b.len;
    r.key[0] = b.key;
    if (b.len == 8) {
        r.w[1] = load_block(text, i + 8, end);
        b = classify_block(r.w[1]);
        r.len += b.len;
        r.key[1] = b.key;
    }
    r.after = (unsigned char)(r.w[r.len / 8 % 2] >> (8 * (r.len & 7)));
    return r;
}

#if defined(__GNUC__)
/* Sixteen bytes as one vector (GCC's vector extension: SSE2 on x86-64,
 * NEON on ARM, pairs of words elsewhere). */
typedef unsigned char block16 __attribute__((vector_size(16)));

/* The run at p, which has sixteen readable bytes: the same as
 * ascii_run_bounded where no byte of the run and the one after it lies
 * at or past the end, in one classification of all sixteen bytes.  A
 * flag byte is 0xFF; a mask (f & -f) - 1 keeps the bytes before the
 * first one flagged in f (all of them when none is). */
static inline ascii_run ascii_run16(const char *p)
{
    ascii_run r;
    block16 v;
    memcpy(&v, p, sizeof v);
    r.w[0] = swar_load(p);
    r.w[1] = swar_load(p + 8);
    block16 lower = v | 0x20; /* A-Z onto a-z, and nothing else onto them */
    block16 alnum = (block16)(((block16)(lower - 'a') < 26) | ((block16)(v - '0') < 10));
    uint64_t a[2];
    memcpy(a, &alnum, sizeof a);
    uint64_t stop0 = ~a[0], stop1 = ~a[1];
    r.key[0] = r.w[0] | (SWAR_ONES * 0x20u);
    r.key[1] = 0;
    if (stop0) { /* up to seven bytes */
        r.len = (size_t)__builtin_ctzll(stop0) / 8;
        r.key[0] &= (stop0 & (0 - stop0)) - 1;
    } else if (stop1) {
        r.len = 8 + (size_t)__builtin_ctzll(stop1) / 8;
        r.key[1] = (r.w[1] | (SWAR_ONES * 0x20u)) & ((stop1 & (0 - stop1)) - 1);
    } else {
        r.len = 16;
        r.after = 0;
        return r;
    }
    r.after = (unsigned char)p[r.len];
    return r;
}
#endif

/* The run of ASCII letters and digits at text[i] (i < end), read as if
 * the text ended at end.  fast_end (see at_tokenize): below it the
 * sixteen bytes from i are readable and the run and the byte after it
 * lie before end, whatever the run. */
static inline ascii_run ascii_run_at(const char *text, size_t text_len, size_t i, size_t end,
                                     size_t fast_end)
{
#if defined(__GNUC__)
    if (i < fast_end)
        return ascii_run16(text + i);
    if (text_len + 1 - i >= 16) { /* text[text_len] is readable */
        ascii_run r = ascii_run16(text + i);
        if (r.len < end - i) /* the run and the byte after it are inside */
            return r;
    }
#else
    (void)text_len;
    (void)fast_end;
#endif
    return ascii_run_bounded(text, i, end);
}

/* The letters among the bytes of a key word k (lower-case ASCII letters
 * and digits, zero above the run): a flag on each. */
static inline uint64_t key_letters(uint64_t k)
{
    return swar_between(k, 'a', 'z');
}

#endif
