/*
 * report_html_out.c - what every part of the HTML report writes with
 * (report_html_out.h): text and attribute values escaped, numbers, points
 * and scores as the page prints them, the class, sign and name of a
 * marker, a finding's state, a score bar.
 */
#include "report_html_out.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "weight_policy.h"

void html_put(html_ctx *h, const char *s)
{
    h->rc |= cs_buf_puts(h->out, s);
}

void html_putf(html_ctx *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    h->rc |= cs_buf_vprintf(h->out, fmt, ap);
    va_end(ap);
}

void html_esc(html_ctx *h, const char *s, size_t n)
{
    h->rc |= cs_html_escape(h->out, s, n, 0);
}

void html_escs(html_ctx *h, const char *s)
{
    if (s)
        html_esc(h, s, strlen(s));
}

void html_esca(html_ctx *h, const char *s)
{
    if (s)
        h->rc |= cs_html_escape(h->out, s, strlen(s), 1);
}

/* A number as JSON writes it: at most 3 decimals, no trailing zeros, no -0
 * ("0" when not finite). */
void html_fmt_num(char *buf, size_t n, double v)
{
    cs_report_fmt_number(buf, n, isfinite(v) ? v : 0);
}

/* Points for people: signed, one decimal at most, a real minus sign. */
void html_fmt_pts(char *buf, size_t n, double v)
{
    double r = isfinite(v) ? round(v * 10.0) / 10.0 : 0;
    if (r == 0) {
        snprintf(buf, n, "0");
        return;
    }
    const char *sign = r < 0 ? "\xE2\x88\x92" : "+";
    double a = fabs(r);
    if (a == floor(a))
        snprintf(buf, n, "%s%.0f", sign, a);
    else
        snprintf(buf, n, "%s%.1f", sign, a);
}

void html_fmt_score(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.0f", isfinite(v) ? v : 0);
}

int html_valid_marker(const cs_config *cfg, int m)
{
    return m >= 0 && (size_t)m < cfg->nmarkers;
}

/* The class naming a marker ("m-anonymous", or "m-N" for an odd name). */
void html_marker_class(html_ctx *h, int m)
{
    if (!html_valid_marker(h->cfg, m))
        html_put(h, "m-x");
    else if (cs_html_safe_name(h->cfg->markers[m].name))
        html_putf(h, "m-%s", h->cfg->markers[m].name);
    else
        html_putf(h, "m-%d", m);
}

const char *html_marker_name(const cs_config *cfg, int m)
{
    return html_valid_marker(cfg, m) && cfg->markers[m].name ? cfg->markers[m].name : "?";
}

/* The weight a finding of marker m gets from no rule of its own. */
double html_marker_weight(const cs_config *cfg, int m)
{
    return cs_policy_weight(cfg, m, NULL, 0, 0);
}

const char *html_sign_class(double w)
{
    return w < 0 ? "neg" : w > 0 ? "pos" : "nil";
}

const char *html_finding_sign(const cs_config *cfg, const cs_finding *f)
{
    if (f->weight != 0 || !html_valid_marker(cfg, f->marker))
        return html_sign_class(f->weight);
    return html_sign_class(html_marker_weight(cfg, f->marker));
}

double html_clamp100(double v)
{
    return !isfinite(v) ? 0 : v < 0 ? 0 : v > 100 ? 100 : v;
}

void html_marker_css(html_ctx *h)
{
    for (size_t m = 0; m < h->cfg->nmarkers; m++) {
        const cs_html_colour *c = cs_html_marker_colour(h->cfg, m);
        html_put(h, ".");
        html_marker_class(h, (int)m);
        html_putf(h, "{--c:%s;--e:%s}\n", c->bg, c->edge);
    }
    html_put(h, ".m-x{--c:#dde1e6;--e:#444}\n");
}

const char *html_finding_state(const cs_finding *f)
{
    if (f->suppress_reason)
        return "sup";
    if (f->note == CS_NOTE_DUPLICATE)
        return "dup";
    if (f->points == 0)
        return "zero";
    return NULL;
}

void html_score_bar(html_ctx *h, const char *cls, double score)
{
    char w[32];
    html_fmt_num(w, sizeof w, html_clamp100(score));
    html_putf(h, "<span class=\"bar %s\"><span style=\"width:%s%%\"></span></span>", cls, w);
}
