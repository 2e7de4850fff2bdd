/*
 * report_html_out.h - the HTML report's writing context and what its
 * parts write with (private to report_html.c, report_html_text.c and
 * report_html_out.c; report_html_parts.h has the parts that need no run).
 *
 * Errors: the writers never fail on their own; when memory runs out they
 * set h->rc to nonzero and go on, and the caller checks h->rc once at the
 * end (the page is then discarded).  Ownership: an html_ctx borrows out,
 * the run and the configuration; it owns tmp and, while one article is
 * written, the arrays num, byp, pfirst, spans and stack (report_html.c
 * allocates and frees them).  Strings returned are static or the
 * configuration's.
 */
#ifndef CS_REPORT_HTML_OUT_H
#define CS_REPORT_HTML_OUT_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "report.h"
#include "report_html_parts.h"

/* A finding's span in its passage text. */
typedef struct html_span {
    size_t s, e;   /* byte span in the passage text, snapped, s <= e <= len */
    size_t fi;     /* index into res->findings */
} html_span;

/* The page being written, and the article being written in it. */
typedef struct html_ctx {
    cs_buf *out;
    const cs_run *run;
    const cs_config *cfg;
    cs_buf tmp;             /* scratch for tooltips */
    int rc;
    size_t ai;              /* article number, 1-based */
    const cs_document *doc;
    const cs_result *res;
    size_t *num;            /* finding index -> listed number, 0 = not listed */
    size_t *byp;            /* finding indices grouped by passage, in report order */
    size_t *pfirst;         /* passage p's findings: byp[pfirst[p] .. pfirst[p+1]) */
    html_span *spans;       /* one passage's findings */
    html_span *stack;       /* open marks */
} html_ctx;

/* Append s as is; printf-style; n bytes of s escaped as text; s (NULL:
 * nothing) escaped as text; s (NULL: nothing) escaped as an attribute
 * value. */
void html_put(html_ctx *h, const char *s);
void html_putf(html_ctx *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_esc(html_ctx *h, const char *s, size_t n);
void html_escs(html_ctx *h, const char *s);
void html_esca(html_ctx *h, const char *s);

/* Into buf (size n): a number as JSON writes it ("0" when not finite);
 * points for people (signed, one decimal at most, a real minus sign); a
 * score rounded to a whole number. */
void html_fmt_num(char *buf, size_t n, double v);
void html_fmt_pts(char *buf, size_t n, double v);
void html_fmt_score(char *buf, size_t n, double v);

/* Is m a marker index of cfg? */
int html_valid_marker(const cs_config *cfg, int m);
/* The class naming marker m ("m-anonymous", "m-N" for an odd name, "m-x"
 * for no marker). */
void html_marker_class(html_ctx *h, int m);
/* Marker m's name, "?" when there is none. */
const char *html_marker_name(const cs_config *cfg, int m);
/* The weight a finding of marker m gets from no rule of its own. */
double html_marker_weight(const cs_config *cfg, int m);
/* "neg", "pos" or "nil" for a weight; for a finding, by its weight or,
 * when it has none, its marker's. */
const char *html_sign_class(double w);
const char *html_finding_sign(const cs_config *cfg, const cs_finding *f);
/* v clamped to 0..100 (0 when not finite). */
double html_clamp100(double v);
/* The stylesheet rules giving each marker of h->cfg its colours. */
void html_marker_css(html_ctx *h);
/* "sup" (suppressed), "dup" (a duplicate), "zero" (counts nothing) or NULL. */
const char *html_finding_state(const cs_finding *f);
/* A bar as wide as score (of 100), with class cls. */
void html_score_bar(html_ctx *h, const char *cls, double score);

/* The article's body: its passages rebuilt (h3, blockquote, ul/li, p),
 * each with its score strip and its text with the findings marked
 * (report_html_text.c).  Needs h's article arrays filled. */
void html_article_body(html_ctx *h);

#endif
