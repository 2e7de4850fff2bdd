/* gen_util.h - what the corpus generators (gen_corpus.c, gen_real.c) share:
 * dying with a message, splitmix64, a growing string, an output file with a
 * running FNV-1a 64 checksum, JSON string quoting, and the corpus writer
 * (articles as JSONL lines and, optionally, as one file each).  Header-only (static inline);
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
#include <sys/stat.h>

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

/* splitmix64: the next 64 random bits of *state. */
static inline uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
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

/* A corpus being written: one JSONL line {"id":"PREFIX-NNNNNN","text":...}
 * an article, up to a byte budget, and with a folder each article also as
 * DIR/NNNNNN.EXT (its text and a newline).  The files' checksums are
 * folded into one, byte by byte of each file's FNV-1a 64. */
typedef struct corpus {
    out jsonl;
    const char *dir, *id_prefix, *ext;
    unsigned long long budget; /* the JSONL's size limit in bytes */
    size_t n;                  /* articles written */
    uint64_t files_fnv;
    unsigned long long files_bytes;
    buf line;
} corpus;

static inline void corpus_open(corpus *c, const char *path, unsigned long long budget,
                               const char *dir, const char *id_prefix, const char *ext)
{
    memset(c, 0, sizeof *c);
    out_open(&c->jsonl, path);
    c->dir = dir;
    c->id_prefix = id_prefix;
    c->ext = ext;
    c->budget = budget;
    c->files_fnv = 0xcbf29ce484222325ULL;
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST)
        die("%s: cannot create: %s", dir, strerror(errno));
}

/* Write the article text[0..len); 0 (nothing written) when its line would
 * take the JSONL past the budget, else 1. */
static inline int corpus_add(corpus *c, const char *text, size_t len)
{
    char id[64];
    snprintf(id, sizeof id, "%s-%06zu", c->id_prefix, c->n + 1);
    c->line.len = 0;
    buf_puts(&c->line, "{\"id\":\"");
    buf_puts(&c->line, id);
    buf_puts(&c->line, "\",\"text\":");
    json_string(&c->line, text, len);
    buf_puts(&c->line, "}\n");
    if (c->jsonl.bytes + c->line.len > c->budget)
        return 0;
    out_write(&c->jsonl, c->line.data, c->line.len);
    c->n++;
    if (c->dir) {
        char fp[4096];
        out fo;
        snprintf(fp, sizeof fp, "%s/%06zu.%s", c->dir, c->n, c->ext);
        out_open(&fo, fp);
        out_write(&fo, text, len);
        out_write(&fo, "\n", 1);
        out_end(&fo);
        c->files_bytes += fo.bytes;
        for (int k = 0; k < 8; k++) { /* fold each file's checksum in */
            c->files_fnv ^= (fo.fnv >> (8 * k)) & 0xff;
            c->files_fnv *= 0x100000001b3ULL;
        }
    }
    return 1;
}

/* Close the JSONL and print "PATH: JSONL B bytes, N items, fnv1a64 X" and,
 * with a folder, "DIR: N .EXT files, B bytes, fnv1a64 of file checksums X"
 * (tests/bench/run.sh reads both). */
static inline void corpus_close(corpus *c)
{
    out_end(&c->jsonl);
    printf("%s: JSONL %llu bytes, %zu %s, fnv1a64 %016llx\n", c->jsonl.path,
           (unsigned long long)c->jsonl.bytes, c->n, c->n == 1 ? "item" : "items",
           (unsigned long long)c->jsonl.fnv);
    if (c->dir)
        printf("%s: %zu .%s files, %llu bytes, fnv1a64 of file checksums %016llx\n", c->dir,
               c->n, c->ext, c->files_bytes, (unsigned long long)c->files_fnv);
    free(c->line.data);
}

#endif
