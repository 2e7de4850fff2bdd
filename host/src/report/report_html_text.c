/*
 * report_html_text.c - an article's body in the HTML report
 * (report_html_out.h): the article rebuilt from its passages (headings,
 * block quotes, list items, paragraphs), each with its score strip and
 * its text with the findings as marks carrying their tooltips.
 *
 * Overlaps: a passage's findings are sorted by start, longer first, and
 * opened as nested marks.  When one ends while a later-opened one is still
 * open (the spans cross), the inner marks are closed and reopened as
 * continuation pieces <mark class="fx m-MARKER" data-of="aN-fK"> (no
 * tabindex, no tooltip), so the markup stays a tree; a finding's words are
 * the text of its mark followed by its pieces.  Zero-length findings are an
 * empty mark drawn as a small diamond.  Suppressed findings are struck
 * through with their reason shown before the words.
 */
#include "report_html_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Tooltip text: plain, lines separated by '\n' (escaped by the caller). */
static int tooltip(html_ctx *h, const cs_finding *f, size_t k, const cs_pos *pos)
{
    cs_buf *t = &h->tmp;
    t->len = 0;
    char pts[32], wt[32], conf[32];
    html_fmt_pts(pts, sizeof pts, f->points);
    html_fmt_pts(wt, sizeof wt, f->weight);
    html_fmt_num(conf, sizeof conf, f->confidence);
    int rc = cs_buf_printf(t, "#%zu  %s  %s point%s  \xC2\xB7  line %d:%d\n", k,
                           html_marker_name(h->cfg, f->marker), pts,
                           fabs(f->points) == 1 ? "" : "s", pos->line, pos->col);
    if (f->message && *f->message)
        rc |= cs_buf_printf(t, "%s\n", f->message);
    rc |= cs_buf_printf(t, "rule %s \xC2\xB7 %s \xC2\xB7 weight %s \xC3\x97 confidence %s",
                        f->rule_id ? f->rule_id : "?", cs_level_name(f->level), wt, conf);
    const char *note = cs_note_name(f->note);
    if (f->suppress_reason)
        rc |= cs_buf_printf(t, "\nsuppressed: %s", f->suppress_reason);
    else if (f->note == CS_NOTE_DUPLICATE && f->dup_of < h->res->nfindings &&
             h->num[f->dup_of])
        rc |= cs_buf_printf(t, "\ncounts 0: duplicate of #%zu", h->num[f->dup_of]);
    else if (note)
        rc |= cs_buf_printf(t, "\ncounts 0: %s", note);
    return rc;
}

static void open_mark(html_ctx *h, size_t fi, int empty)
{
    const cs_finding *f = &h->res->findings[fi];
    size_t k = h->num[fi];
    cs_pos pos;
    cs_finding_pos(h->doc, f, &pos);
    const char *state = html_finding_state(f);
    char wt[32], pts[32];
    html_fmt_num(wt, sizeof wt, f->weight);
    html_fmt_num(pts, sizeof pts, f->points);
    html_put(h, "<mark class=\"f ");
    html_marker_class(h, f->marker);
    html_putf(h, " %s%s%s%s\" id=\"a%zu-f%zu\" tabindex=\"0\" data-n=\"%zu\" data-marker=\"",
              html_finding_sign(h->cfg, f), state ? " " : "", state ? state : "",
              empty ? " empty" : "", h->ai, k, k);
    html_esca(h, html_marker_name(h->cfg, f->marker));
    html_put(h, "\" data-rule=\"");
    html_esca(h, f->rule_id);
    html_putf(h, "\" data-level=\"%s\" data-weight=\"%s\" data-points=\"%s\" data-line=\"%d\" "
                 "data-col=\"%d\"",
              cs_level_name(f->level), wt, pts, pos.line, pos.col);
    const char *note = cs_note_name(f->note);
    if (note)
        html_putf(h, " data-note=\"%s\"", note);
    if (f->suppress_reason) {
        html_put(h, " data-reason=\"");
        html_esca(h, f->suppress_reason);
        html_put(h, "\"");
    }
    html_put(h, " data-tip=\"");
    if (tooltip(h, f, k, &pos) != 0)
        h->rc = -1;
    else
        h->rc |= cs_html_escape(h->out, h->tmp.data ? h->tmp.data : "", h->tmp.len, 1);
    html_putf(h, "\" aria-describedby=\"a%zu-n%zu\">", h->ai, k);
}

static void open_piece(html_ctx *h, size_t fi)
{
    const cs_finding *f = &h->res->findings[fi];
    const char *state = html_finding_state(f);
    html_put(h, "<mark class=\"fx ");
    html_marker_class(h, f->marker);
    html_putf(h, " %s%s%s\" data-of=\"a%zu-f%zu\">", html_finding_sign(h->cfg, f), state ? " " : "",
              state ? state : "", h->ai, h->num[fi]);
}

static int span_cmp(const void *a, const void *b)
{
    const html_span *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->e != y->e)
        return x->e > y->e ? -1 : 1; /* longer first: it encloses */
    return x->fi < y->fi ? -1 : x->fi > y->fi;
}

static int is_cont(const char *t, size_t i)
{
    return ((unsigned char)t[i] & 0xC0) == 0x80;
}

/* The passage text with its findings as (nested) marks. */
static void passage_text(html_ctx *h, size_t p)
{
    const cs_passage *ps = &h->doc->passages[p];
    const char *text = cs_doc_text(h->doc, ps);
    size_t len = ps->len;
    size_t n = 0;
    for (size_t b = h->pfirst[p]; b < h->pfirst[p + 1]; b++) {
        size_t i = h->byp[b];
        const cs_finding *f = &h->res->findings[i];
        size_t s = f->start < len ? f->start : len;
        size_t e = f->end < s ? s : f->end < len ? f->end : len;
        while (s > 0 && s < len && is_cont(text, s))
            s--;
        while (e < len && is_cont(text, e))
            e++;
        h->spans[n++] = (html_span){s, e, i};
    }
    qsort(h->spans, n, sizeof *h->spans, span_cmp);
    size_t top = 0, next = 0, pos = 0;
    for (;;) {
        /* close what ends here; reopen, as pieces, what crossed it */
        size_t k = top;
        for (size_t j = 0; j < top; j++)
            if (h->stack[j].e <= pos) {
                k = j;
                break;
            }
        if (k < top) {
            for (size_t j = top; j > k; j--)
                html_put(h, "</mark>");
            size_t w = k;
            for (size_t j = k + 1; j < top; j++)
                if (h->stack[j].e > pos) {
                    open_piece(h, h->stack[j].fi);
                    h->stack[w++] = h->stack[j];
                }
            top = w;
        }
        /* open what starts here, outermost first */
        for (; next < n && h->spans[next].s == pos; next++) {
            if (h->spans[next].e == pos) {
                open_mark(h, h->spans[next].fi, 1);
                html_put(h, "</mark>");
            } else {
                open_mark(h, h->spans[next].fi, 0);
                h->stack[top++] = h->spans[next];
            }
        }
        if (pos >= len)
            break;
        size_t stop = len;
        if (next < n && h->spans[next].s < stop)
            stop = h->spans[next].s;
        for (size_t j = 0; j < top; j++)
            if (h->stack[j].e < stop)
                stop = h->stack[j].e;
        html_esc(h, text + pos, stop - pos);
        pos = stop;
    }
    for (; top > 0; top--) /* not reached: every span ends by len */
        html_put(h, "</mark>");
}

static void passage_strip(html_ctx *h, size_t p)
{
    if (p >= h->res->npassages)
        return;
    const cs_passage_score *s = &h->res->passages[p];
    int counted = 0;
    for (size_t b = h->pfirst[p]; b < h->pfirst[p + 1]; b++)
        counted |= h->res->findings[h->byp[b]].points != 0;
    const char *cls = counted || s->points != 0 ? cs_html_band_class(h->cfg, s->score) : "s-flat";
    char sc[32], pts[32];
    html_fmt_score(sc, sizeof sc, s->score);
    html_fmt_pts(pts, sizeof pts, s->points);
    html_putf(h,
              "<span class=\"ps\" role=\"img\" aria-label=\"Passage score %s of 100, %s points\">",
              sc, pts);
    html_score_bar(h, cls, s->score);
    html_putf(h, "<b>%s</b></span>", sc);
}

void html_article_body(html_ctx *h)
{
    const cs_document *doc = h->doc;
    int in_q = 0, in_l = 0;
    html_put(h, "<div class=\"body\">\n");
    for (size_t p = 0; p < doc->npassages; p++) {
        unsigned sc = doc->passages[p].scopes;
        int q = (sc & CREDSCORE_SCOPE_QUOTE) != 0;
        int l = (sc & CREDSCORE_SCOPE_LIST_ITEM) != 0;
        int hd = (sc & CREDSCORE_SCOPE_HEADING) != 0;
        if (in_l && (!l || q != in_q)) {
            html_put(h, "</ul>\n");
            in_l = 0;
        }
        if (in_q && !q) {
            html_put(h, "</blockquote>\n");
            in_q = 0;
        }
        if (q && !in_q) {
            html_put(h, "<blockquote>\n");
            in_q = 1;
        }
        if (l && !in_l) {
            html_put(h, "<ul>\n");
            in_l = 1;
        }
        const char *tag = l ? "li" : hd ? "h3" : "p";
        html_putf(h, "<%s class=\"pa%s\" id=\"a%zu-p%zu\">", tag, l && hd ? " hd" : "", h->ai, p);
        passage_strip(h, p);
        passage_text(h, p);
        html_putf(h, "</%s>\n", tag);
    }
    if (in_l)
        html_put(h, "</ul>\n");
    if (in_q)
        html_put(h, "</blockquote>\n");
    if (doc->npassages == 0)
        html_put(h, "<p class=\"none\">No text to score.</p>\n");
    html_put(h, "</div>\n");
}
