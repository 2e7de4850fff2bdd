/* line_reader.c - the lines of a stream as they come (line_reader.h). */
#include "line_reader.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cs_line_reader_init(cs_line_reader *r, int fd, size_t max_line)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->max_line = max_line;
}

void cs_line_reader_free(cs_line_reader *r)
{
    free(r->buf);
    r->buf = NULL;
    r->pos = r->len = r->cap = 0;
}

int cs_line_next(cs_line_reader *r, int may_block, const char **line, size_t *len)
{
    for (;;) {
        char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
        if (nl) {
            size_t start = r->pos;
            r->pos = (size_t)(nl - r->buf) + 1;
            if (r->skipping) {
                r->skipping = 0;
                return CS_LINE_TOO_LONG;
            }
            *line = r->buf + start;
            *len = (size_t)(nl - r->buf) - start;
            return CS_LINE_OK;
        }
        if (r->eof) {
            if (r->pos < r->len && !r->skipping) { /* last line without newline */
                *line = r->buf + r->pos;
                *len = r->len - r->pos;
                r->pos = r->len;
                return CS_LINE_OK;
            }
            if (r->skipping) {
                r->skipping = 0;
                return CS_LINE_TOO_LONG;
            }
            return CS_LINE_EOF;
        }
        if (!may_block) {
            struct pollfd pfd = {r->fd, POLLIN, 0};
            if (poll(&pfd, 1, 0) <= 0)
                return CS_LINE_NOT_READY;
        }
        /* Make room: drop consumed bytes, or the whole over-long line. */
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->len >= r->max_line) {
            r->skipping = 1;
            r->len = 0;
        }
        if (r->cap - r->len < 65536) {
            size_t ncap = r->cap ? r->cap * 2 : 1 << 18; /* grows with the longest line */
            char *nb = realloc(r->buf, ncap);
            if (nb == NULL)
                return CS_LINE_ERROR;
            r->buf = nb;
            r->cap = ncap;
        }
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0)
            return CS_LINE_ERROR;
        if (n == 0)
            r->eof = 1;
        r->len += (size_t)n;
    }
}
