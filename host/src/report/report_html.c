/*
 * report_html.c - a whole run as one self-contained HTML page for editors.
 *
 * Contract: cs_report_run_html(out, run) appends one complete HTML5
 * document to out and returns 0, or -1 when memory runs out (out may then
 * hold part of a page; the caller discards it).  No global mutable state:
 * the scratch arrays live for one call.
 *
 * The page loads nothing.  It has inline CSS, no script, no URL other than
 * in-page fragments (#a1-f3), and a Content-Security-Policy of
 * default-src 'none'.  The same run always gives the same bytes (no time,
 * no addresses; articles, passages and findings in run order).
 *
 * Structure:
 *   header        title, tool version, run summary (articles, mean score,
 *                 threshold, failures, files that could not be scored)
 *   nav.toc       one link per article, with score and verdict (2+ articles)
 *   main          one <section class="article" id="aN"> per article:
 *     .sum        score, verdict, bar, facts (named-to-anonymous, passages,
 *                 findings, base and points), count and points per marker
 *     .body       the article rebuilt from its passage texts, not the
 *                 source: headings as <h3>, block quotes as <blockquote>,
 *                 list items as <li> in a <ul>, others as <p>; each passage
 *                 (id aN-pK, K its 0-based index) starts with a score strip
 *                 (span.ps: a bar as wide as the passage score, coloured by
 *                 the verdict band, grey when nothing counted)
 *     table.notes the findings, numbered; also the footnotes on paper
 *   aside.legend  every marker of the configuration: colour, sign, weight,
 *                 description, and how to read the highlights
 *
 * A finding is <mark class="f m-MARKER neg|pos [sup|dup|zero]" id="aN-fK"
 * tabindex="0" data-n data-marker data-rule data-level data-weight
 * data-points data-line data-col data-tip aria-describedby="aN-nK">words
 * </mark>.  K is its rank among the listed findings: the same findings in
 * the same order as the JSON report (level >= --min-level; duplicates and
 * suppressed findings included, styled as counting nothing).  data-tip
 * (marker, points, line:col, message, rule, note) is drawn by CSS as a
 * tooltip on :hover, on keyboard :focus and on :target; it is generated
 * content, so a mark's text stays exactly the matched words.  In print the
 * tooltip becomes a superscript footnote number pointing into the notes.
 *
 * Overlaps: a passage's findings are sorted by start, longer first, and
 * opened as nested marks.  When one ends while a later-opened one is still
 * open (the spans cross), the inner marks are closed and reopened as
 * continuation pieces <mark class="fx m-MARKER" data-of="aN-fK"> (no
 * tabindex, no tooltip), so the markup stays a tree; a finding's words are
 * the text of its mark followed by its pieces.  Zero-length findings are an
 * empty mark drawn as a small diamond.  Suppressed findings are struck
 * through with their reason shown before the words.
 *
 * Escaping: every text and attribute value has & < > " ' escaped, C0
 * controls, DEL, C1 controls and bytes that are not UTF-8 replaced by
 * U+FFFD, and span ends snapped to UTF-8 character
 * boundaries so no tag splits a character.  Marker names are used in class
 * names only when they are [a-z][a-z0-9_]* (else m-N, N the marker index).
 */
#include "report.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report_html_parts.h"
#include "weight_policy.h"

/* ---- output helpers: failures accumulate in h->rc ---- */

typedef struct span {
    size_t s, e;   /* byte span in the passage text, snapped, s <= e <= len */
    size_t fi;     /* index into res->findings */
} span;

typedef struct hctx {
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
    span *spans;            /* one passage's findings */
    span *stack;            /* open marks */
} hctx;

static void put(hctx *h, const char *s)
{
    h->rc |= cs_buf_puts(h->out, s);
}

static void putf(hctx *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(hctx *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    h->rc |= cs_buf_vprintf(h->out, fmt, ap);
    va_end(ap);
}

static void esc(hctx *h, const char *s, size_t n)
{
    h->rc |= cs_html_escape(h->out, s, n, 0);
}

static void escs(hctx *h, const char *s)
{
    if (s)
        esc(h, s, strlen(s));
}

static void esca(hctx *h, const char *s)
{
    if (s)
        h->rc |= cs_html_escape(h->out, s, strlen(s), 1);
}

/* A number as JSON writes it: at most 3 decimals, no trailing zeros, no -0
 * ("0" when not finite). */
static void fmt_num(char *buf, size_t n, double v)
{
    cs_report_fmt_number(buf, n, isfinite(v) ? v : 0);
}

/* Points for people: signed, one decimal at most, a real minus sign. */
static void fmt_pts(char *buf, size_t n, double v)
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

static void fmt_score(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.0f", isfinite(v) ? v : 0);
}

/* ---- markers ---- */

static int valid_marker(const cs_config *cfg, int m)
{
    return m >= 0 && (size_t)m < cfg->nmarkers;
}

/* The class naming a marker ("m-anonymous", or "m-N" for an odd name). */
static void put_marker_class(hctx *h, int m)
{
    if (!valid_marker(h->cfg, m))
        put(h, "m-x");
    else if (cs_html_safe_name(h->cfg->markers[m].name))
        putf(h, "m-%s", h->cfg->markers[m].name);
    else
        putf(h, "m-%d", m);
}

static const char *marker_name(const cs_config *cfg, int m)
{
    return valid_marker(cfg, m) && cfg->markers[m].name ? cfg->markers[m].name : "?";
}

/* The weight a finding of marker m gets from no rule of its own. */
static double marker_weight(const cs_config *cfg, int m)
{
    return cs_policy_weight(cfg, m, NULL, 0, 0);
}

static const char *sign_class(double w)
{
    return w < 0 ? "neg" : w > 0 ? "pos" : "nil";
}

static const char *finding_sign(const cs_config *cfg, const cs_finding *f)
{
    if (f->weight != 0 || !valid_marker(cfg, f->marker))
        return sign_class(f->weight);
    return sign_class(marker_weight(cfg, f->marker));
}

static double clamp100(double v)
{
    return !isfinite(v) ? 0 : v < 0 ? 0 : v > 100 ? 100 : v;
}

static void put_marker_css(hctx *h)
{
    for (size_t m = 0; m < h->cfg->nmarkers; m++) {
        const cs_html_colour *c = cs_html_marker_colour(h->cfg, m);
        put(h, ".");
        put_marker_class(h, (int)m);
        putf(h, "{--c:%s;--e:%s}\n", c->bg, c->edge);
    }
    put(h, ".m-x{--c:#dde1e6;--e:#444}\n");
}

/* ---- one finding ---- */

/* Number the listed findings 1.. in report order (like the JSON) and group
 * them by passage (a counting sort, so a long article stays linear). */
static size_t number_findings(hctx *h)
{
    size_t k = 0, np = h->doc->npassages;
    memset(h->pfirst, 0, (np + 1) * sizeof *h->pfirst);
    for (size_t i = 0; i < h->res->nfindings; i++) {
        const cs_finding *f = &h->res->findings[i];
        int listed = f->level >= h->run->opts.min_level && f->passage < np;
        h->num[i] = listed ? ++k : 0;
        if (listed)
            h->pfirst[f->passage + 1]++;
    }
    for (size_t p = 0; p < np; p++)
        h->pfirst[p + 1] += h->pfirst[p];
    /* fill: pfirst[p] walks forward, then is restored */
    for (size_t i = 0; i < h->res->nfindings; i++)
        if (h->num[i])
            h->byp[h->pfirst[h->res->findings[i].passage]++] = i;
    for (size_t p = np; p > 0; p--)
        h->pfirst[p] = h->pfirst[p - 1];
    h->pfirst[0] = 0;
    return k;
}

static const char *finding_state(const cs_finding *f)
{
    if (f->suppress_reason)
        return "sup";
    if (f->note == CS_NOTE_DUPLICATE)
        return "dup";
    if (f->points == 0)
        return "zero";
    return NULL;
}

/* Tooltip text: plain, lines separated by '\n' (escaped by the caller). */
static int tooltip(hctx *h, const cs_finding *f, size_t k, const cs_pos *pos)
{
    cs_buf *t = &h->tmp;
    t->len = 0;
    char pts[32], wt[32], conf[32];
    fmt_pts(pts, sizeof pts, f->points);
    fmt_pts(wt, sizeof wt, f->weight);
    fmt_num(conf, sizeof conf, f->confidence);
    int rc = cs_buf_printf(t, "#%zu  %s  %s point%s  \xC2\xB7  line %d:%d\n", k,
                           marker_name(h->cfg, f->marker), pts,
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

static void open_mark(hctx *h, size_t fi, int empty)
{
    const cs_finding *f = &h->res->findings[fi];
    size_t k = h->num[fi];
    cs_pos pos;
    cs_finding_pos(h->doc, f, &pos);
    const char *state = finding_state(f);
    char wt[32], pts[32];
    fmt_num(wt, sizeof wt, f->weight);
    fmt_num(pts, sizeof pts, f->points);
    put(h, "<mark class=\"f ");
    put_marker_class(h, f->marker);
    putf(h, " %s%s%s%s\" id=\"a%zu-f%zu\" tabindex=\"0\" data-n=\"%zu\" data-marker=\"",
         finding_sign(h->cfg, f), state ? " " : "", state ? state : "", empty ? " empty" : "",
         h->ai, k, k);
    esca(h, marker_name(h->cfg, f->marker));
    put(h, "\" data-rule=\"");
    esca(h, f->rule_id);
    putf(h, "\" data-level=\"%s\" data-weight=\"%s\" data-points=\"%s\" data-line=\"%d\" "
            "data-col=\"%d\"",
         cs_level_name(f->level), wt, pts, pos.line, pos.col);
    const char *note = cs_note_name(f->note);
    if (note)
        putf(h, " data-note=\"%s\"", note);
    if (f->suppress_reason) {
        put(h, " data-reason=\"");
        esca(h, f->suppress_reason);
        put(h, "\"");
    }
    put(h, " data-tip=\"");
    if (tooltip(h, f, k, &pos) != 0)
        h->rc = -1;
    else
        h->rc |= cs_html_escape(h->out, h->tmp.data ? h->tmp.data : "", h->tmp.len, 1);
    putf(h, "\" aria-describedby=\"a%zu-n%zu\">", h->ai, k);
}

static void open_piece(hctx *h, size_t fi)
{
    const cs_finding *f = &h->res->findings[fi];
    const char *state = finding_state(f);
    put(h, "<mark class=\"fx ");
    put_marker_class(h, f->marker);
    putf(h, " %s%s%s\" data-of=\"a%zu-f%zu\">", finding_sign(h->cfg, f), state ? " " : "",
         state ? state : "", h->ai, h->num[fi]);
}

static int span_cmp(const void *a, const void *b)
{
    const span *x = a, *y = b;
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
static void passage_text(hctx *h, size_t p)
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
        h->spans[n++] = (span){s, e, i};
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
                put(h, "</mark>");
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
                put(h, "</mark>");
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
        esc(h, text + pos, stop - pos);
        pos = stop;
    }
    for (; top > 0; top--) /* not reached: every span ends by len */
        put(h, "</mark>");
}

/* ---- one article ---- */

static void score_bar(hctx *h, const char *cls, double score)
{
    char w[32];
    fmt_num(w, sizeof w, clamp100(score));
    putf(h, "<span class=\"bar %s\"><span style=\"width:%s%%\"></span></span>", cls, w);
}

static void passage_strip(hctx *h, size_t p)
{
    if (p >= h->res->npassages)
        return;
    const cs_passage_score *s = &h->res->passages[p];
    int counted = 0;
    for (size_t b = h->pfirst[p]; b < h->pfirst[p + 1]; b++)
        counted |= h->res->findings[h->byp[b]].points != 0;
    const char *cls = counted || s->points != 0 ? cs_html_band_class(h->cfg, s->score) : "s-flat";
    char sc[32], pts[32];
    fmt_score(sc, sizeof sc, s->score);
    fmt_pts(pts, sizeof pts, s->points);
    putf(h, "<span class=\"ps\" role=\"img\" aria-label=\"Passage score %s of 100, %s points\">",
         sc, pts);
    score_bar(h, cls, s->score);
    putf(h, "<b>%s</b></span>", sc);
}

static void article_body(hctx *h)
{
    const cs_document *doc = h->doc;
    int in_q = 0, in_l = 0;
    put(h, "<div class=\"body\">\n");
    for (size_t p = 0; p < doc->npassages; p++) {
        unsigned sc = doc->passages[p].scopes;
        int q = (sc & CREDSCORE_SCOPE_QUOTE) != 0;
        int l = (sc & CREDSCORE_SCOPE_LIST_ITEM) != 0;
        int hd = (sc & CREDSCORE_SCOPE_HEADING) != 0;
        if (in_l && (!l || q != in_q)) {
            put(h, "</ul>\n");
            in_l = 0;
        }
        if (in_q && !q) {
            put(h, "</blockquote>\n");
            in_q = 0;
        }
        if (q && !in_q) {
            put(h, "<blockquote>\n");
            in_q = 1;
        }
        if (l && !in_l) {
            put(h, "<ul>\n");
            in_l = 1;
        }
        const char *tag = l ? "li" : hd ? "h3" : "p";
        putf(h, "<%s class=\"pa%s\" id=\"a%zu-p%zu\">", tag, l && hd ? " hd" : "", h->ai, p);
        passage_strip(h, p);
        passage_text(h, p);
        putf(h, "</%s>\n", tag);
    }
    if (in_l)
        put(h, "</ul>\n");
    if (in_q)
        put(h, "</blockquote>\n");
    if (doc->npassages == 0)
        put(h, "<p class=\"none\">No text to score.</p>\n");
    put(h, "</div>\n");
}

static size_t marker_count(const cs_config *cfg, const cs_result *res, const char *name)
{
    int m = cs_config_marker_index(cfg, name);
    return m >= 0 && (size_t)m < res->nmarkers ? res->markers[m].count : 0;
}

static void article_summary(hctx *h, const cs_scored *sc, size_t listed)
{
    const cs_result *res = h->res;
    /* A narrowed run (--baseline, --diff-base): the big number is the
     * article's real score; what the gate judged is a fact below. */
    double shown = sc->narrowed ? sc->whole_score : res->score;
    const char *cls = cs_html_band_class(h->cfg, shown);
    char s[32], pts[32], base[32];
    fmt_score(s, sizeof s, shown);
    fmt_pts(pts, sizeof pts, res->raw_points);
    fmt_num(base, sizeof base, res->base);
    put(h, "<div class=\"sum\">\n");
    putf(h, "<div class=\"score %s\"><span class=\"num\">%s</span><span class=\"of\">/100</span>"
            "<span class=\"verdict\">",
         cls, s);
    escs(h, sc->narrowed ? sc->whole_verdict : res->verdict);
    put(h, "</span>");
    score_bar(h, cls, shown);
    if (sc->below) {
        put(h, "<span class=\"fail\">");
        if (sc->why[0]) {
            put(h, "Failed: ");
            escs(h, sc->why);
            if (sc->narrowed)
                put(h, " (new findings only)");
        } else {
            char t[32];
            fmt_num(t, sizeof t, h->run->threshold);
            putf(h, "%selow the threshold of %s", sc->narrowed ? "New findings score b" : "B", t);
        }
        put(h, "</span>");
    }
    put(h, "</div>\n<dl class=\"facts\">");
    if (sc->narrowed) {
        char n[32];
        fmt_score(n, sizeof n, res->score);
        if (sc->fresh)
            putf(h, "<dt>New findings</dt><dd>%zu, scoring %s/100 (what the gate judges)</dd>",
                 sc->fresh, n);
        else
            put(h, "<dt>New findings</dt><dd>none (not gated)</dd>");
    }
    if (cs_config_marker_index(h->cfg, "on_record") >= 0 &&
        cs_config_marker_index(h->cfg, "anonymous") >= 0)
        putf(h, "<dt>Named to anonymous</dt><dd>%zu : %zu</dd>",
             marker_count(h->cfg, res, "on_record"), marker_count(h->cfg, res, "anonymous"));
    putf(h, "<dt>Passages</dt><dd>%zu</dd><dt>Findings</dt><dd>%zu", h->doc->npassages,
         res->nfindings);
    if (listed != res->nfindings)
        putf(h, " (%zu listed)", listed);
    putf(h, "</dd><dt>Base, points</dt><dd>%s, %s</dd><dt>Format</dt><dd>%s</dd></dl>\n", base,
         pts, cs_format_name(h->doc->format));
    int any = 0;
    for (size_t m = 0; m < res->nmarkers && m < h->cfg->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        if (!any)
            put(h, "<table class=\"mk\"><caption>By marker</caption><thead><tr>"
                   "<th scope=\"col\">Marker</th><th scope=\"col\">Counted</th>"
                   "<th scope=\"col\">Points</th></tr></thead><tbody>\n");
        any = 1;
        fmt_pts(pts, sizeof pts, t->points);
        put(h, "<tr><th scope=\"row\"><span class=\"sw ");
        put_marker_class(h, (int)m);
        putf(h, " %s\">", sign_class(marker_weight(h->cfg, m)));
        escs(h, marker_name(h->cfg, (int)m));
        putf(h, "</span></th><td class=\"n\">%zu", t->count);
        if (t->hits != t->count)
            putf(h, " of %zu", t->hits);
        putf(h, "</td><td class=\"n\">%s%s</td></tr>\n", pts, t->capped ? " (capped)" : "");
    }
    if (any)
        put(h, "</tbody></table>\n");
    put(h, "</div>\n");
    if (res->error) {
        put(h, "<p class=\"err\" role=\"alert\">Error while scoring: ");
        escs(h, res->error);
        put(h, "</p>\n");
    }
}

/* The matched words for the notes: white space folded, long spans cut. */
static void put_words(hctx *h, const char *s, size_t len)
{
    cs_buf *t = &h->tmp;
    size_t shown = 0;
    int space = 0, cut = 0;
    t->len = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = 1;
            continue;
        }
        if (shown >= 160 && (c & 0xC0) != 0x80) {
            cut = 1;
            break;
        }
        if (space && shown)
            h->rc |= cs_buf_putc(t, ' ');
        space = 0;
        h->rc |= cs_buf_putc(t, (char)c);
        shown++;
    }
    h->rc |= cs_html_escape(h->out, t->data ? t->data : "", t->len, 0);
    if (cut)
        put(h, "\xE2\x80\xA6");
}

static void article_notes(hctx *h, size_t listed)
{
    if (!listed) {
        put(h, "<p class=\"none\">No findings.</p>\n");
        return;
    }
    putf(h, "<table class=\"notes\"><caption>Findings (%zu)</caption><thead><tr>"
            "<th scope=\"col\">#</th><th scope=\"col\">Where</th><th scope=\"col\">Marker</th>"
            "<th scope=\"col\">Points</th><th scope=\"col\">Words</th>"
            "<th scope=\"col\">Message</th></tr></thead><tbody>\n",
         listed);
    for (size_t i = 0; i < h->res->nfindings; i++) {
        size_t k = h->num[i];
        if (!k)
            continue;
        const cs_finding *f = &h->res->findings[i];
        const char *state = finding_state(f);
        cs_pos pos;
        cs_finding_pos(h->doc, f, &pos);
        char pts[32];
        fmt_pts(pts, sizeof pts, f->points);
        putf(h, "<tr id=\"a%zu-n%zu\"%s%s%s><td class=\"n\">%zu</td>"
                "<td><a href=\"#a%zu-f%zu\">%d:%d</a></td><td><span class=\"sw ",
             h->ai, k, state ? " class=\"cnt0 " : "", state ? state : "", state ? "\"" : "", k,
             h->ai, k, pos.line, pos.col);
        put_marker_class(h, f->marker);
        putf(h, " %s\">", finding_sign(h->cfg, f));
        escs(h, marker_name(h->cfg, f->marker));
        putf(h, "</span></td><td class=\"pt\">%s", pts);
        const char *note = cs_note_name(f->note);
        if (f->note == CS_NOTE_DUPLICATE && f->dup_of < h->res->nfindings && h->num[f->dup_of])
            putf(h, "<br><small>duplicate of #%zu</small>", h->num[f->dup_of]);
        else if (note)
            putf(h, "<br><small>%s</small>", note);
        put(h, "</td><td class=\"w\">\xE2\x80\x9C");
        const cs_passage *ps = &h->doc->passages[f->passage];
        size_t s = f->start < ps->len ? f->start : ps->len;
        size_t e = f->end < s ? s : f->end < ps->len ? f->end : ps->len;
        put_words(h, cs_doc_text(h->doc, ps) + s, e - s);
        put(h, "\xE2\x80\x9D</td><td>");
        escs(h, f->message);
        if (f->suppress_reason) {
            put(h, "<span class=\"why\">Suppressed: ");
            escs(h, f->suppress_reason);
            put(h, "</span>");
        }
        put(h, "<br><span class=\"rule\">");
        escs(h, f->rule_id);
        putf(h, "</span> <span class=\"src\">%s \xC2\xB7 ", cs_level_name(f->level));
        escs(h, f->source);
        put(h, "</span></td></tr>\n");
    }
    put(h, "</tbody></table>\n");
}

static int article(hctx *h, const cs_scored *sc, size_t ai)
{
    h->ai = ai;
    h->doc = &sc->doc;
    h->res = &sc->res;
    size_t nf = sc->res.nfindings, np = sc->doc.npassages;
    h->num = calloc(nf + 1, sizeof *h->num);
    h->byp = malloc((nf + 1) * sizeof *h->byp);
    h->pfirst = malloc((np + 2) * sizeof *h->pfirst);
    h->spans = malloc((nf + 1) * sizeof *h->spans);
    h->stack = malloc((nf + 1) * sizeof *h->stack);
    int rc = 0;
    if (!h->num || !h->byp || !h->pfirst || !h->spans || !h->stack) {
        rc = -1;
        goto out;
    }
    size_t listed = number_findings(h);
    putf(h, "<section class=\"article\" id=\"a%zu\" aria-labelledby=\"a%zu-h\">\n<h2 id=\"a%zu-h\">",
         ai, ai, ai);
    escs(h, sc->doc.path);
    put(h, "</h2>\n");
    article_summary(h, sc, listed);
    article_body(h);
    article_notes(h, listed);
    put(h, "</section>\n");
out:
    free(h->num);
    free(h->byp);
    free(h->pfirst);
    free(h->spans);
    free(h->stack);
    h->num = h->byp = h->pfirst = NULL;
    h->spans = h->stack = NULL;
    return rc;
}

/* ---- the page ---- */

static void page_head(hctx *h)
{
    const cs_run *run = h->run;
    put(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
           "<meta name=\"referrer\" content=\"no-referrer\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"credscore ");
    esca(h, run->tool_version);
    put(h, "\">\n<title>Sourcing report: ");
    if (run->n == 1)
        escs(h, run->items[0].doc.path);
    else
        putf(h, "%zu articles", run->n);
    put(h, "</title>\n<style>\n");
    put(h, cs_html_css());
    put_marker_css(h);
    put(h, "</style>\n</head>\n");
}

static void page_header(hctx *h)
{
    const cs_run *run = h->run;
    size_t failed = 0;
    double sum = 0;
    for (size_t i = 0; i < run->n; i++) {
        failed += run->items[i].below == CS_FAIL_THRESHOLD; /* the others say why */
        sum += run->items[i].res.score;
    }
    put(h, "<header class=\"top\">\n<h1>Sourcing report</h1>\n<p class=\"meta\">credscore ");
    escs(h, run->tool_version);
    putf(h, " \xC2\xB7 <b>%zu</b> article%s", run->n, run->n == 1 ? "" : "s");
    if (run->n) {
        char m[32];
        fmt_score(m, sizeof m, sum / (double)run->n);
        putf(h, " \xC2\xB7 mean score <b>%s</b>", m);
    }
    if (run->has_threshold) {
        char t[32];
        fmt_num(t, sizeof t, run->threshold);
        putf(h, " \xC2\xB7 threshold %s \xC2\xB7 <b>%zu</b> below", t, failed);
    }
    if (run->errors)
        putf(h, " \xC2\xB7 <b>%zu</b> file%s could not be scored", run->errors,
             run->errors == 1 ? "" : "s");
    put(h, "</p>\n<p class=\"hint\">Point at a highlight, or move to it with Tab, to read the "
           "finding. The strip beside each passage is its score out of 100.</p>\n</header>\n");
}

static void page_toc(hctx *h)
{
    const cs_run *run = h->run;
    if (run->n < 2)
        return;
    put(h, "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Articles</h2>\n<ol>\n");
    for (size_t i = 0; i < run->n; i++) {
        const cs_scored *sc = &run->items[i];
        char s[32];
        fmt_score(s, sizeof s, sc->res.score);
        putf(h, "<li><a href=\"#a%zu\">", i + 1);
        escs(h, sc->doc.path);
        putf(h, "</a><span class=\"sc %s\">%s</span>", cs_html_band_class(h->cfg, sc->res.score), s);
        escs(h, sc->res.verdict);
        if (sc->below)
            put(h, " <span class=\"fail\">failed</span>");
        put(h, "</li>\n");
    }
    put(h, "</ol>\n</nav>\n");
}

static void page_legend(hctx *h)
{
    const cs_config *cfg = h->cfg;
    put(h, "<aside class=\"legend\" aria-labelledby=\"lg-h\">\n<h2 id=\"lg-h\">Markers</h2>\n"
           "<ul class=\"key\">"
           "<li><span class=\"sw m-x neg\">wavy underline</span> lowers the score</li>"
           "<li><span class=\"sw m-x pos\">double underline</span> raises it</li>"
           "<li><mark class=\"fx m-x zero\">dashed box</mark> counts nothing (a duplicate, "
           "or over a cap)</li>"
           "<li><mark class=\"fx m-x sup\">struck through</mark> suppressed, with the reason</li>"
           "</ul>\n<dl>\n");
    for (size_t m = 0; m < cfg->nmarkers; m++) {
        const cs_marker_conf *mc = &cfg->markers[m];
        char w[32];
        fmt_pts(w, sizeof w, marker_weight(cfg, (int)m));
        put(h, "<dt><span class=\"sw ");
        put_marker_class(h, (int)m);
        putf(h, " %s\">", sign_class(marker_weight(cfg, (int)m)));
        escs(h, marker_name(cfg, (int)m));
        putf(h, "</span><span class=\"wt\">%s%s</span></dt><dd>", w,
             mc->has_weight ? " (fixed)" : "");
        escs(h, mc->description);
        put(h, "</dd>\n");
    }
    put(h, "</dl>\n</aside>\n");
}

int cs_report_run_html(cs_buf *out, const cs_run *run)
{
    hctx h = {0};
    h.out = out;
    h.run = run;
    h.cfg = run->cfg;
    page_head(&h);
    put(&h, "<body>\n<div class=\"page\">\n");
    page_header(&h);
    put(&h, "<main>\n");
    page_toc(&h);
    if (run->n == 0)
        put(&h, "<p class=\"empty-run\">No article was scored.</p>\n");
    for (size_t i = 0; i < run->n && h.rc == 0; i++)
        if (article(&h, &run->items[i], i + 1) != 0)
            h.rc = -1;
    put(&h, "</main>\n");
    page_legend(&h);
    put(&h, "</div>\n</body>\n</html>\n");
    cs_buf_free(&h.tmp);
    return h.rc ? -1 : 0;
}

int cs_report_html_article(cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    hctx h = {0};
    h.out = out;
    h.run = run;
    h.cfg = run->cfg;
    if (article(&h, sc, 1) != 0)
        h.rc = -1;
    cs_buf_free(&h.tmp);
    return h.rc ? -1 : 0;
}

int cs_report_html_style(cs_buf *out, const cs_config *cfg)
{
    hctx h = {0};
    h.out = out;
    h.cfg = cfg;
    put(&h, cs_html_css());
    put_marker_css(&h);
    return h.rc ? -1 : 0;
}
