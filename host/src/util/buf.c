#include "buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cs_array_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*items, ncap * elem);
    if (p == NULL)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

void cs_buf_borrow(cs_buf *b, char *mem, size_t cap)
{
    b->data = mem;
    b->len = 0;
    b->cap = cap;
    b->borrowed = 1;
    mem[0] = '\0';
}

/* A borrowed buffer that must grow: its bytes (and NUL) into memory of its
 * own, room for need bytes.  0, or -1 (b unchanged). */
static int own_bytes(cs_buf *b, size_t need)
{
    size_t ncap = b->cap;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    char *p = malloc(ncap);
    if (p == NULL)
        return -1;
    memcpy(p, b->data, b->len + 1 <= b->cap ? b->len + 1 : b->len);
    b->data = p;
    b->cap = ncap;
    b->borrowed = 0;
    return 0;
}

int cs_buf_grow(cs_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    if (b->borrowed)
        return own_bytes(b, b->len + extra + 1);
    void *p = b->data;
    if (cs_array_grow(&p, &b->cap, b->len + extra + 1, 1) != 0)
        return -1;
    b->data = p;
    return 0;
}

int cs_buf_append(cs_buf *b, const void *bytes, size_t n)
{
    if (cs_buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int cs_buf_puts(cs_buf *b, const char *s)
{
    return cs_buf_append(b, s, strlen(s));
}

int cs_buf_putc(cs_buf *b, char c)
{
    return cs_buf_append(b, &c, 1);
}

int cs_buf_vprintf(cs_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return cs_buf_append(b, small, (size_t)n);
    if (cs_buf_reserve(b, (size_t)n) != 0)
        return -1;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int cs_buf_printf(cs_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = cs_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

int cs_buf_terminate(cs_buf *b)
{
    if (cs_buf_reserve(b, 0) != 0)
        return -1;
    b->data[b->len] = '\0';
    return 0;
}

void cs_buf_free(cs_buf *b)
{
    if (!b->borrowed)
        free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->borrowed = 0;
}

int cs_read_file(const char *path, cs_buf *out)
{
    int rc = -1;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL)
        return -1;
    char chunk[65536];
    for (;;) {
        size_t n = fread(chunk, 1, sizeof chunk, f);
        if (n > 0 && cs_buf_append(out, chunk, n) != 0)
            goto out;
        if (n < sizeof chunk) {
            if (ferror(f))
                goto out;
            break;
        }
    }
    if (cs_buf_terminate(out) != 0)
        goto out;
    rc = 0;
out:
    if (f != stdin) {
        int saved = errno;
        fclose(f);
        errno = saved;
    }
    return rc;
}

char *cs_strdup(const char *s)
{
    return s ? cs_strndup(s, strlen(s)) : NULL;
}

char *cs_strndup(const char *s, size_t n)
{
    if (s == NULL)
        return NULL;
    char *p = malloc(n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
