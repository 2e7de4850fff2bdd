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
 * How overlapping findings nest: report_html_text.c, which writes the
 * article's body; report_html_out.c has the writing helpers all use.
 *
 * Escaping: every text and attribute value has & < > " ' escaped, C0
 * controls, DEL, C1 controls and bytes that are not UTF-8 replaced by
 * U+FFFD, and span ends snapped to UTF-8 character
 * boundaries so no tag splits a character.  Marker names are used in class
 * names only when they are [a-z][a-z0-9_]* (else m-N, N the marker index).
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_html_out.h"

/* ---- one article ---- */

/* Number the listed findings 1.. in report order (like the JSON) and group
 * them by passage (a counting sort, so a long article stays linear). */
static size_t number_findings(html_ctx *h)
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

static size_t marker_count(const cs_config *cfg, const cs_result *res, const char *name)
{
    int m = cs_config_marker_index(cfg, name);
    return m >= 0 && (size_t)m < res->nmarkers ? res->markers[m].count : 0;
}

static void article_summary(html_ctx *h, const cs_scored *sc, size_t listed)
{
    const cs_result *res = h->res;
    /* A narrowed run (--baseline, --diff-base): the big number is the
     * article's real score; what the gate judged is a fact below. */
    double shown = sc->narrowed ? sc->whole_score : res->score;
    const char *cls = cs_html_band_class(h->cfg, shown);
    char s[32], pts[32], base[32];
    html_fmt_score(s, sizeof s, shown);
    html_fmt_pts(pts, sizeof pts, res->raw_points);
    html_fmt_num(base, sizeof base, res->base);
    html_put(h, "<div class=\"sum\">\n");
    html_putf(h,
              "<div class=\"score %s\"><span class=\"num\">%s</span><span class=\"of\">/100</span>"
              "<span class=\"verdict\">",
              cls, s);
    html_escs(h, sc->narrowed ? sc->whole_verdict : res->verdict);
    html_put(h, "</span>");
    html_score_bar(h, cls, shown);
    if (sc->below) {
        html_put(h, "<span class=\"fail\">");
        if (sc->why[0]) {
            html_put(h, "Failed: ");
            html_escs(h, sc->why);
            if (sc->narrowed)
                html_put(h, " (new findings only)");
        } else {
            char t[32];
            html_fmt_num(t, sizeof t, h->run->threshold);
            html_putf(h, "%selow the threshold of %s",
                      sc->narrowed ? "New findings score b" : "B", t);
        }
        html_put(h, "</span>");
    }
    html_put(h, "</div>\n<dl class=\"facts\">");
    if (sc->narrowed) {
        char n[32];
        html_fmt_score(n, sizeof n, res->score);
        if (sc->fresh)
            html_putf(h, "<dt>New findings</dt><dd>%zu, scoring %s/100 (what the gate judges)</dd>",
                      sc->fresh, n);
        else
            html_put(h, "<dt>New findings</dt><dd>none (not gated)</dd>");
    }
    if (cs_config_marker_index(h->cfg, "on_record") >= 0 &&
        cs_config_marker_index(h->cfg, "anonymous") >= 0)
        html_putf(h, "<dt>Named to anonymous</dt><dd>%zu : %zu</dd>",
                  marker_count(h->cfg, res, "on_record"), marker_count(h->cfg, res, "anonymous"));
    html_putf(h, "<dt>Passages</dt><dd>%zu</dd><dt>Findings</dt><dd>%zu", h->doc->npassages,
              res->nfindings);
    if (listed != res->nfindings)
        html_putf(h, " (%zu listed)", listed);
    html_putf(h, "</dd><dt>Base, points</dt><dd>%s, %s</dd><dt>Format</dt><dd>%s</dd></dl>\n", base,
              pts, cs_format_name(h->doc->format));
    int any = 0;
    for (size_t m = 0; m < res->nmarkers && m < h->cfg->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        if (!any)
            html_put(h, "<table class=\"mk\"><caption>By marker</caption><thead><tr>"
                        "<th scope=\"col\">Marker</th><th scope=\"col\">Counted</th>"
                        "<th scope=\"col\">Points</th></tr></thead><tbody>\n");
        any = 1;
        html_fmt_pts(pts, sizeof pts, t->points);
        html_put(h, "<tr><th scope=\"row\"><span class=\"sw ");
        html_marker_class(h, (int)m);
        html_putf(h, " %s\">", html_sign_class(html_marker_weight(h->cfg, m)));
        html_escs(h, html_marker_name(h->cfg, (int)m));
        html_putf(h, "</span></th><td class=\"n\">%zu", t->count);
        if (t->hits != t->count)
            html_putf(h, " of %zu", t->hits);
        html_putf(h, "</td><td class=\"n\">%s%s</td></tr>\n", pts, t->capped ? " (capped)" : "");
    }
    if (any)
        html_put(h, "</tbody></table>\n");
    html_put(h, "</div>\n");
    if (res->error) {
        html_put(h, "<p class=\"err\" role=\"alert\">Error while scoring: ");
        html_escs(h, res->error);
        html_put(h, "</p>\n");
    }
}

/* The matched words for the notes: white space folded, long spans cut. */
static void put_words(html_ctx *h, const char *s, size_t len)
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
        html_put(h, "\xE2\x80\xA6");
}

static void article_notes(html_ctx *h, size_t listed)
{
    if (!listed) {
        html_put(h, "<p class=\"none\">No findings.</p>\n");
        return;
    }
    html_putf(h, "<table class=\"notes\"><caption>Findings (%zu)</caption><thead><tr>"
                 "<th scope=\"col\">#</th><th scope=\"col\">Where</th><th scope=\"col\">Marker</th>"
                 "<th scope=\"col\">Points</th><th scope=\"col\">Words</th>"
                 "<th scope=\"col\">Message</th></tr></thead><tbody>\n",
              listed);
    for (size_t i = 0; i < h->res->nfindings; i++) {
        size_t k = h->num[i];
        if (!k)
            continue;
        const cs_finding *f = &h->res->findings[i];
        const char *state = html_finding_state(f);
        cs_pos pos;
        cs_finding_pos(h->doc, f, &pos);
        char pts[32];
        html_fmt_pts(pts, sizeof pts, f->points);
        html_putf(h, "<tr id=\"a%zu-n%zu\"%s%s%s><td class=\"n\">%zu</td>"
                     "<td><a href=\"#a%zu-f%zu\">%d:%d</a></td><td><span class=\"sw ",
                  h->ai, k, state ? " class=\"cnt0 " : "", state ? state : "", state ? "\"" : "", k,
                  h->ai, k, pos.line, pos.col);
        html_marker_class(h, f->marker);
        html_putf(h, " %s\">", html_finding_sign(h->cfg, f));
        html_escs(h, html_marker_name(h->cfg, f->marker));
        html_putf(h, "</span></td><td class=\"pt\">%s", pts);
        const char *note = cs_note_name(f->note);
        if (f->note == CS_NOTE_DUPLICATE && f->dup_of < h->res->nfindings && h->num[f->dup_of])
            html_putf(h, "<br><small>duplicate of #%zu</small>", h->num[f->dup_of]);
        else if (note)
            html_putf(h, "<br><small>%s</small>", note);
        html_put(h, "</td><td class=\"w\">\xE2\x80\x9C");
        const cs_passage *ps = &h->doc->passages[f->passage];
        size_t s = f->start < ps->len ? f->start : ps->len;
        size_t e = f->end < s ? s : f->end < ps->len ? f->end : ps->len;
        put_words(h, cs_doc_text(h->doc, ps) + s, e - s);
        html_put(h, "\xE2\x80\x9D</td><td>");
        html_escs(h, f->message);
        if (f->suppress_reason) {
            html_put(h, "<span class=\"why\">Suppressed: ");
            html_escs(h, f->suppress_reason);
            html_put(h, "</span>");
        }
        html_put(h, "<br><span class=\"rule\">");
        html_escs(h, f->rule_id);
        html_putf(h, "</span> <span class=\"src\">%s \xC2\xB7 ", cs_level_name(f->level));
        html_escs(h, f->source);
        html_put(h, "</span></td></tr>\n");
    }
    html_put(h, "</tbody></table>\n");
}

static int article(html_ctx *h, const cs_scored *sc, size_t ai)
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
    html_putf(h,
              "<section class=\"article\" id=\"a%zu\" aria-labelledby=\"a%zu-h\">\n"
              "<h2 id=\"a%zu-h\">",
              ai, ai, ai);
    html_escs(h, sc->doc.path);
    html_put(h, "</h2>\n");
    article_summary(h, sc, listed);
    html_article_body(h);
    article_notes(h, listed);
    html_put(h, "</section>\n");
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

static void page_head(html_ctx *h)
{
    const cs_run *run = h->run;
    html_put(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                "<meta name=\"referrer\" content=\"no-referrer\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"credscore ");
    html_esca(h, run->tool_version);
    html_put(h, "\">\n<title>Sourcing report: ");
    if (run->n == 1)
        html_escs(h, run->items[0].doc.path);
    else
        html_putf(h, "%zu articles", run->n);
    html_put(h, "</title>\n<style>\n");
    html_put(h, cs_html_css());
    html_marker_css(h);
    html_put(h, "</style>\n</head>\n");
}

static void page_header(html_ctx *h)
{
    const cs_run *run = h->run;
    size_t failed = 0;
    double sum = 0;
    for (size_t i = 0; i < run->n; i++) {
        failed += run->items[i].below == CS_FAIL_THRESHOLD; /* the others say why */
        sum += run->items[i].res.score;
    }
    html_put(h, "<header class=\"top\">\n<h1>Sourcing report</h1>\n<p class=\"meta\">credscore ");
    html_escs(h, run->tool_version);
    html_putf(h, " \xC2\xB7 <b>%zu</b> article%s", run->n, run->n == 1 ? "" : "s");
    if (run->n) {
        char m[32];
        html_fmt_score(m, sizeof m, sum / (double)run->n);
        html_putf(h, " \xC2\xB7 mean score <b>%s</b>", m);
    }
    if (run->has_threshold) {
        char t[32];
        html_fmt_num(t, sizeof t, run->threshold);
        html_putf(h, " \xC2\xB7 threshold %s \xC2\xB7 <b>%zu</b> below", t, failed);
    }
    if (run->errors)
        html_putf(h, " \xC2\xB7 <b>%zu</b> file%s could not be scored", run->errors,
                  run->errors == 1 ? "" : "s");
    html_put(h, "</p>\n<p class=\"hint\">Point at a highlight, or move to it with Tab, to read the "
                "finding. The strip beside each passage is its score out of 100.</p>\n</header>\n");
}

static void page_toc(html_ctx *h)
{
    const cs_run *run = h->run;
    if (run->n < 2)
        return;
    html_put(h, "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n"
                "<h2 id=\"toc-h\">Articles</h2>\n<ol>\n");
    for (size_t i = 0; i < run->n; i++) {
        const cs_scored *sc = &run->items[i];
        char s[32];
        html_fmt_score(s, sizeof s, sc->res.score);
        html_putf(h, "<li><a href=\"#a%zu\">", i + 1);
        html_escs(h, sc->doc.path);
        html_putf(h, "</a><span class=\"sc %s\">%s</span>",
                  cs_html_band_class(h->cfg, sc->res.score), s);
        html_escs(h, sc->res.verdict);
        if (sc->below)
            html_put(h, " <span class=\"fail\">failed</span>");
        html_put(h, "</li>\n");
    }
    html_put(h, "</ol>\n</nav>\n");
}

static void page_legend(html_ctx *h)
{
    const cs_config *cfg = h->cfg;
    html_put(h,
             "<aside class=\"legend\" aria-labelledby=\"lg-h\">\n<h2 id=\"lg-h\">Markers</h2>\n"
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
        html_fmt_pts(w, sizeof w, html_marker_weight(cfg, (int)m));
        html_put(h, "<dt><span class=\"sw ");
        html_marker_class(h, (int)m);
        html_putf(h, " %s\">", html_sign_class(html_marker_weight(cfg, (int)m)));
        html_escs(h, html_marker_name(cfg, (int)m));
        html_putf(h, "</span><span class=\"wt\">%s%s</span></dt><dd>", w,
                  mc->has_weight ? " (fixed)" : "");
        html_escs(h, mc->description);
        html_put(h, "</dd>\n");
    }
    html_put(h, "</dl>\n</aside>\n");
}

int cs_report_run_html(cs_buf *out, const cs_run *run)
{
    html_ctx h = {0};
    h.out = out;
    h.run = run;
    h.cfg = run->cfg;
    page_head(&h);
    html_put(&h, "<body>\n<div class=\"page\">\n");
    page_header(&h);
    html_put(&h, "<main>\n");
    page_toc(&h);
    if (run->n == 0)
        html_put(&h, "<p class=\"empty-run\">No article was scored.</p>\n");
    for (size_t i = 0; i < run->n && h.rc == 0; i++)
        if (article(&h, &run->items[i], i + 1) != 0)
            h.rc = -1;
    html_put(&h, "</main>\n");
    page_legend(&h);
    html_put(&h, "</div>\n</body>\n</html>\n");
    cs_buf_free(&h.tmp);
    return h.rc ? -1 : 0;
}

int cs_report_html_article(cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    html_ctx h = {0};
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
    html_ctx h = {0};
    h.out = out;
    h.cfg = cfg;
    html_put(&h, cs_html_css());
    html_marker_css(&h);
    return h.rc ? -1 : 0;
}
