/* gen_real.c - a realistic benchmark corpus for `make bench`, built from real
 * news passages (../shared/corpus/dev.jsonl and wikinews.jsonl).
 *
 *   gen_real -o OUT.jsonl -b BYTES [-s SEED] [-d DIR] PASSAGES.jsonl...
 *
 * Reads the "text" of every JSON object of the PASSAGES files, then, round
 * after round, shuffles the passages (Fisher-Yates, splitmix64 from SEED)
 * and deals them out into articles of 8 to 24 passages (the count drawn from
 * the same PRNG) joined by blank lines, until the next article would pass
 * BYTES.  Writes them as JSONL {"id","text"} to OUT.jsonl and, with -d, each
 * also as DIR/NNNNNN.md (Markdown: the passages as paragraphs).  The same
 * arguments give the same bytes on every run; each output's size and FNV-1a
 * 64 checksum is printed on standard output, as gen_corpus does.  The
 * passages are used as they are: the caller keeps their sources' attribution
 * next to the outputs. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GEN_PROG "gen_real"
#include "gen_util.h"

typedef struct rng {
    uint64_t state;
} rng;

static uint64_t rng_next(rng *r)
{
    return splitmix64(&r->state);
}

static size_t rng_below(rng *r, size_t n)
{
    return n ? (size_t)(rng_next(r) % n) : 0;
}

/* ---- reading the passages: just enough JSON for one object a line ------ */

typedef struct parser {
    const char *p, *end;
    const char *file;
    size_t line;
} parser;

static void ws(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r'))
        ps->p++;
}

static void bad(parser *ps, const char *what)
{
    die("%s:%zu: %s", ps->file, ps->line, what);
}

static void put_utf8(buf *b, unsigned long c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xc0 | c >> 6);
        u[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xe0 | c >> 12);
        u[1] = (char)(0x80 | (c >> 6 & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | c >> 18);
        u[1] = (char)(0x80 | (c >> 12 & 0x3f));
        u[2] = (char)(0x80 | (c >> 6 & 0x3f));
        u[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    buf_add(b, u, n);
}

static unsigned long hex4(parser *ps)
{
    if (ps->end - ps->p < 4)
        bad(ps, "short \\u escape");
    char h[5] = {ps->p[0], ps->p[1], ps->p[2], ps->p[3], 0};
    char *e;
    unsigned long v = strtoul(h, &e, 16);
    if (*e)
        bad(ps, "bad \\u escape");
    ps->p += 4;
    return v;
}

/* A JSON string at ps->p, decoded into b (when b is not NULL). */
static void string(parser *ps, buf *b)
{
    if (ps->p >= ps->end || *ps->p != '"')
        bad(ps, "a string expected");
    ps->p++;
    while (ps->p < ps->end && *ps->p != '"') {
        char c = *ps->p++;
        if (c != '\\') {
            if (b)
                buf_add(b, &c, 1);
            continue;
        }
        if (ps->p >= ps->end)
            bad(ps, "unfinished escape");
        c = *ps->p++;
        const char *simple = strchr("\"\\/bfnrt", c);
        if (simple && c) {
            static const char to[] = "\"\\/\b\f\n\r\t";
            if (b)
                buf_add(b, &to[simple - "\"\\/bfnrt"], 1);
        } else if (c == 'u') {
            unsigned long u = hex4(ps);
            if (u >= 0xd800 && u < 0xdc00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
                ps->p[1] == 'u') {
                ps->p += 2;
                unsigned long lo = hex4(ps);
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
            }
            if (b)
                put_utf8(b, u);
        } else {
            bad(ps, "bad escape");
        }
    }
    if (ps->p >= ps->end)
        bad(ps, "unfinished string");
    ps->p++;
}

/* Skip any JSON value. */
static void value(parser *ps)
{
    ws(ps);
    if (ps->p >= ps->end)
        bad(ps, "a value expected");
    if (*ps->p == '"') {
        string(ps, NULL);
        return;
    }
    if (*ps->p == '[' || *ps->p == '{') {
        char close = *ps->p == '[' ? ']' : '}';
        ps->p++;
        ws(ps);
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return;
        }
        for (;;) {
            if (close == '}') {
                ws(ps);
                string(ps, NULL);
                ws(ps);
                if (ps->p >= ps->end || *ps->p++ != ':')
                    bad(ps, "':' expected");
            }
            value(ps);
            ws(ps);
            if (ps->p < ps->end && *ps->p == ',') {
                ps->p++;
                continue;
            }
            if (ps->p < ps->end && *ps->p == close) {
                ps->p++;
                return;
            }
            bad(ps, "',' or the end of a list expected");
        }
    }
    while (ps->p < ps->end && strchr(",]} \t\r", *ps->p) == NULL)
        ps->p++; /* a number, true, false, null */
}

static char **passages;
static size_t npassages, passages_cap;

/* The "text" of one line's object, added to the passages. */
static void read_line(parser *ps)
{
    buf text = {0};
    int found = 0;
    ws(ps);
    if (ps->p >= ps->end)
        return; /* a blank line */
    if (*ps->p++ != '{')
        bad(ps, "an object expected");
    ws(ps);
    while (ps->p < ps->end && *ps->p != '}') {
        buf key = {0};
        string(ps, &key);
        ws(ps);
        if (ps->p >= ps->end || *ps->p++ != ':')
            bad(ps, "':' expected");
        ws(ps);
        if (key.len == 4 && memcmp(key.data, "text", 4) == 0) {
            string(ps, &text);
            found = 1;
        } else {
            value(ps);
        }
        free(key.data);
        ws(ps);
        if (ps->p < ps->end && *ps->p == ',')
            ps->p++, ws(ps);
    }
    if (!found || text.len == 0)
        bad(ps, "no \"text\"");
    if (npassages == passages_cap) {
        passages_cap = passages_cap ? passages_cap * 2 : 256;
        passages = realloc(passages, passages_cap * sizeof *passages);
        if (passages == NULL)
            die("out of memory");
    }
    passages[npassages++] = text.data;
}

static void read_passages(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    parser ps = {.file = path};
    while ((n = getline(&line, &cap, f)) > 0) {
        ps.line++;
        ps.p = line;
        ps.end = line + n - (line[n - 1] == '\n');
        read_line(&ps);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *path = NULL, *dir = NULL;
    unsigned long long bytes = 0;
    rng r = {20261206};
    int opt;
    while ((opt = getopt(argc, argv, "o:b:s:d:")) != -1) {
        switch (opt) {
        case 'o': path = optarg; break;
        case 'b': bytes = strtoull(optarg, NULL, 10); break;
        case 's': r.state = strtoull(optarg, NULL, 10); break;
        case 'd': dir = optarg; break;
        default: die("usage: gen_real -o OUT.jsonl -b BYTES [-s SEED] [-d DIR] PASSAGES.jsonl...");
        }
    }
    if (path == NULL || bytes == 0 || optind >= argc)
        die("usage: gen_real -o OUT.jsonl -b BYTES [-s SEED] [-d DIR] PASSAGES.jsonl...");
    for (int i = optind; i < argc; i++)
        read_passages(argv[i]);
    if (npassages < 24)
        die("%zu passages: at least 24 needed", npassages);
    corpus c;
    corpus_open(&c, path, bytes, dir, "real", "md");
    buf text = {0};
    size_t next = npassages; /* next passage of the current shuffle */
    for (;;) {
        size_t want = 8 + rng_below(&r, 17); /* 8 to 24 passages */
        text.len = 0;
        for (size_t k = 0; k < want; k++) {
            if (next == npassages) { /* a new round: shuffle them all */
                for (size_t i = npassages - 1; i > 0; i--) {
                    size_t j = rng_below(&r, i + 1);
                    char *t = passages[i];
                    passages[i] = passages[j];
                    passages[j] = t;
                }
                next = 0;
            }
            if (k)
                buf_puts(&text, "\n\n");
            buf_puts(&text, passages[next++]);
        }
        if (!corpus_add(&c, text.data, text.len))
            break;
    }
    corpus_close(&c);
    for (size_t i = 0; i < npassages; i++)
        free(passages[i]);
    free(passages);
    free(text.data);
    return 0;
}
