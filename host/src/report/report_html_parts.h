/*
 * report_html_parts.h - the parts of the HTML report that do not depend on
 * a run (private to report_html.c): escaping, the stylesheet, a highlight
 * colour for each marker (the bundled markers a fixed one each, readable
 * with dark text at 7:1; user markers the next of a fallback palette, in
 * configuration order) and a colour class for each verdict band.
 * Everything returned is static: nothing to free.
 */
#ifndef CS_REPORT_HTML_PARTS_H
#define CS_REPORT_HTML_PARTS_H

#include <stddef.h>

#include "buf.h"
#include "config.h"

typedef struct cs_html_colour {
    const char *name; /* NULL in the fallback palette */
    const char *bg;   /* highlight; dark text on it stays above 7:1 */
    const char *edge; /* underline and accents */
} cs_html_colour;

/* The colours of marker m (an index into cfg->markers). */
const cs_html_colour *cs_html_marker_colour(const cs_config *cfg, size_t m);

/* Is s usable in a class name ([a-z][a-z0-9_]*)? */
int cs_html_safe_name(const char *s);

/* The page's stylesheet (without the per-marker rules). */
const char *cs_html_css(void);

/* Append n bytes of s to b, HTML-escaped (& < > " ' and controls; text that
 * is not UTF-8 as U+FFFD); attr: for an attribute value (a line break
 * becomes &#10;).  0, or -1 when memory runs out. */
int cs_html_escape(cs_buf *b, const char *s, size_t n, int attr);

/* The colour class of a score, by its verdict band: "s-good" for the best
 * band, "s-bad" for the worst, "s-fair" / "s-poor" between. */
const char *cs_html_band_class(const cs_config *cfg, double score);

#endif
