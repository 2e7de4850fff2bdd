/*
 * html_nesting.h - the nesting limit of HTML articles, checked on the
 * source before gumbo parses it (private to input_html.c): gumbo's time
 * grows with the square of the depth of open elements, and it has no
 * depth option.  How the depth is counted: html_nesting.c.
 *
 * Nothing here keeps state between calls; the scan allocates its own
 * tables and frees them before it returns.
 */
#ifndef CS_HTML_NESTING_H
#define CS_HTML_NESTING_H

#include <stddef.h>

/* Most elements open at once that an HTML article may nest. */
#define CS_HTML_MAX_DEPTH 10000

/* HTML's white space (space, tab, LF, CR, FF), as its tokenizer reads it. */
static inline int cs_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Scan s[0..len).  0 when its elements nest at most CS_HTML_MAX_DEPTH
 * deep; 1 with *at the offset of the start tag that goes deeper; -1 when
 * memory runs out. */
int cs_html_nesting(const char *s, size_t len, size_t *at);

#endif
