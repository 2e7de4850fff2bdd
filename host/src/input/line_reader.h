/*
 * line_reader.h - the lines of a stream (a JSONL file, a pipe), read from
 * a file descriptor as they come.
 *
 * The reader can say whether the next line is already there without
 * waiting for it, so a caller batching lines never waits for lines not
 * yet written.  A line of which max_line bytes or more are held when more
 * must be read to find its end is dropped, what came of it and the rest as
 * it comes (never held whole), and reported once (a longer line that came
 * whole in one read is a line).  A last line without a newline is a line.
 * The caller owns the descriptor.
 */
#ifndef CS_LINE_READER_H
#define CS_LINE_READER_H

#include <stddef.h>

typedef struct cs_line_reader {
    int fd;
    size_t max_line;    /* longer lines are dropped (CS_LINE_TOO_LONG, see above) */
    char *buf;
    size_t pos, len, cap;
    int eof;
    int skipping;       /* inside an over-long line, dropping it */
} cs_line_reader;

enum {
    CS_LINE_EOF = 0,       /* no more lines */
    CS_LINE_OK = 1,        /* a line */
    CS_LINE_NOT_READY = 2, /* (may_block 0) the next line is not there yet */
    CS_LINE_TOO_LONG = 3,  /* a line over max_line, dropped */
    CS_LINE_ERROR = -1     /* errno says why (EINTR: a signal came) */
};

/* Read lines of at most max_line bytes from fd. */
void cs_line_reader_init(cs_line_reader *r, int fd, size_t max_line);
void cs_line_reader_free(cs_line_reader *r);

/* The next line, without its newline, in *line and *len (valid until the
 * next call).  With may_block 0, CS_LINE_NOT_READY instead of waiting for
 * input.  Returns one of CS_LINE_*. */
int cs_line_next(cs_line_reader *r, int may_block, const char **line, size_t *len);

#endif
