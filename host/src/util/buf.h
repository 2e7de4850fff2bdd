/*
 * buf.h - growable byte buffers and arrays.
 *
 * cs_buf owns its bytes (data is NUL-terminated whenever len > 0 or after
 * cs_buf_terminate).  Functions return 0 on success, -1 when memory runs out
 * (the buffer is then unchanged).  cs_buf_free releases and zeroes it.
 */
#ifndef CS_BUF_H
#define CS_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct cs_buf {
    char *data;
    size_t len;
    size_t cap;
    int borrowed; /* data is memory lent by the caller (cs_buf_borrow), not owned */
} cs_buf;

/* Make b an empty buffer writing into mem (cap bytes, cap > 0), which it
 * does not own: cs_buf_free leaves mem alone, and the first growth past
 * cap moves the bytes to memory of its own (borrowed is then 0).  Only
 * the cs_buf functions may write to or grow such a buffer. */
void cs_buf_borrow(cs_buf *b, char *mem, size_t cap);

/* Make room for `extra` more bytes and the NUL after them (data may move).
 * Returns 0, or -1 when memory runs out or the size overflows (b is then
 * unchanged).  The common case, room already there, is inline. */
int cs_buf_grow(cs_buf *b, size_t extra);
static inline int cs_buf_reserve(cs_buf *b, size_t extra)
{
    if (extra < b->cap - b->len) /* cap >= len + extra + 1 */
        return 0;
    return cs_buf_grow(b, extra);
}
int cs_buf_append(cs_buf *b, const void *bytes, size_t n);
int cs_buf_puts(cs_buf *b, const char *s);
int cs_buf_putc(cs_buf *b, char c);
int cs_buf_printf(cs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cs_buf_vprintf(cs_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Make data a valid empty string even when nothing was appended. */
int cs_buf_terminate(cs_buf *b);
void cs_buf_free(cs_buf *b);

/* Grow an array *items (capacity *cap, element size elem) to hold at least
 * `need` elements; doubles capacity.  Returns 0, or -1 on overflow/OOM. */
int cs_array_grow(void **items, size_t *cap, size_t need, size_t elem);

/* Read a whole file (or stdin for "-") into a NUL-terminated cs_buf. */
int cs_read_file(const char *path, cs_buf *out);

/* strdup that returns NULL for NULL. */
char *cs_strdup(const char *s);
char *cs_strndup(const char *s, size_t n);

#endif
