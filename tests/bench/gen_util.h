/* gen_util.h - what the corpus generators (gen_corpus.c, gen_real.c) share:
 * dying with a message, a growing string, an output file with a running
 * FNV-1a 64 checksum, and JSON string quoting.  Header-only (static inline);
 * the including file defines GEN_PROG, the name its messages start with.
 * Errors are fatal: die() prints "GEN_PROG: ..." and exits 2. */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static inline void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(GEN_PROG ": ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static inline void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL)
            die("out of memory");
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void buf_puts(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static inline void buf_putc(buf *b, char c)
{
    buf_add(b, &c, 1);
}

/* An output file with a running FNV-1a 64 checksum. */
typedef struct out {
    FILE *f;
    const char *path;
    uint64_t fnv;
    uint64_t bytes;
} out;

static inline void out_open(out *o, const char *path)
{
    o->f = fopen(path, "wb");
    if (o->f == NULL)
        die("%s: cannot create: %s", path, strerror(errno));
    o->path = path;
    o->fnv = 0xcbf29ce484222325ULL;
    o->bytes = 0;
}

static inline void out_write(out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        o->fnv ^= (unsigned char)s[i];
        o->fnv *= 0x100000001b3ULL;
    }
    o->bytes += n;
    if (fwrite(s, 1, n, o->f) != n)
        die("%s: write error: %s", o->path, strerror(errno));
}

/* Close the file (its size and checksum stay in *o). */
static inline void out_end(out *o)
{
    if (fclose(o->f) != 0)
        die("%s: write error: %s", o->path, strerror(errno));
}

/* s[0..n) as a JSON string, appended to j. */
static inline void json_string(buf *j, const char *s, size_t n)
{
    buf_add(j, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': buf_puts(j, "\\\""); break;
        case '\\': buf_puts(j, "\\\\"); break;
        case '\n': buf_puts(j, "\\n"); break;
        case '\t': buf_puts(j, "\\t"); break;
        case '\r': buf_puts(j, "\\r"); break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                buf_puts(j, esc);
            } else {
                buf_add(j, (const char *)&c, 1);
            }
        }
    }
    buf_add(j, "\"", 1);
}

#endif
