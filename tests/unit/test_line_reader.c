/* test_line_reader.c - a stream's lines as they come (line_reader.h):
 * lines without their newline, a last line without one, blank lines kept,
 * a line of which more than the limit came without its end dropped and
 * reported once (also at the end of the input),
 * nothing ready on an empty pipe without waiting, then the rest, EOF. */
#include <string.h>
#include <unistd.h>

#include "line_reader.h"
#include "tap.h"

static void put(int fd, const char *s)
{
    if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
        ok(0, "write to the pipe");
}

/* The next line as a string ("<eof>", "<too long>", "<not ready>"). */
static const char *next(cs_line_reader *r, int may_block)
{
    static char buf[64];
    const char *l;
    size_t len;
    switch (cs_line_next(r, may_block, &l, &len)) {
    case CS_LINE_OK: snprintf(buf, sizeof buf, "%.*s", (int)len, l); return buf;
    case CS_LINE_EOF: return "<eof>";
    case CS_LINE_TOO_LONG: return "<too long>";
    case CS_LINE_NOT_READY: return "<not ready>";
    default: return "<error>";
    }
}

int main(void)
{
    int p[2];
    cs_line_reader r;
    if (pipe(p) != 0)
        return ok(0, "pipe"), done_testing();
    cs_line_reader_init(&r, p[0], 10);
    is_str(next(&r, 0), "<not ready>", "an empty pipe: not ready, without waiting");
    put(p[1], "one\n\ntwo\r\nthree-is-too-long");
    is_str(next(&r, 0), "one", "a line, without its newline");
    is_str(next(&r, 0), "", "a blank line");
    is_str(next(&r, 0), "two\r", "a carriage return is the caller's");
    is_str(next(&r, 0), "<not ready>", "a line still coming: not ready");
    put(p[1], "-and-longer");
    is_str(next(&r, 0), "<not ready>", "over the limit, still coming: not ready");
    put(p[1], "\nfour");
    is_str(next(&r, 0), "<too long>", "a line over the limit, once its end came: dropped");
    is_str(next(&r, 0), "<not ready>", "the next line, no newline yet: not ready");
    put(p[1], "\n12345678\n");
    is_str(next(&r, 1), "four", "its newline came");
    is_str(next(&r, 1), "12345678", "a line within the limit");
    put(p[1], "five-is-also-too-long");
    is_str(next(&r, 0), "<not ready>", "a last line coming");
    close(p[1]);
    is_str(next(&r, 1), "<too long>", "a last line over the limit, without a newline: reported");
    is_str(next(&r, 1), "<eof>", "then the end");
    is_str(next(&r, 1), "<eof>", "and the end again");
    cs_line_reader_free(&r);
    close(p[0]);

    if (pipe(p) != 0)
        return ok(0, "pipe"), done_testing();
    cs_line_reader_init(&r, p[0], 1 << 20);
    put(p[1], "last without newline");
    close(p[1]);
    is_str(next(&r, 1), "last without newline", "a last line without a newline is a line");
    is_str(next(&r, 1), "<eof>", "then the end");
    cs_line_reader_free(&r);
    close(p[0]);
    return done_testing();
}
