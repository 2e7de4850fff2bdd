/*
 * report_text.c - the text report (report.h): one line per finding
 * ("path:line:col  marker  points  \"matched words\"  message  [rule]"),
 * then each article's summary (score, verdict, passages and what was not
 * listed, points per marker, the named-to-anonymous ratio, errors and
 * warnings), with why it failed; a narrowed run's articles beside their
 * whole score; and the closing lines of a run.  User text is shown with
 * control characters made visible; ANSI colours only when asked.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char *level_colour(cs_level l, double weight)
{
    if (weight > 0)
        return "\033[32m";
    switch (l) {
    case CS_LEVEL_ERROR: return "\033[31m";
    case CS_LEVEL_WARNING: return "\033[33m";
    default: return "\033[36m";
    }
}

/* Points in the text report: as cs_report_fmt_points, except that a NaN
 * (a plugin's NaN confidence gets through) prints as printf shows it
 * ("+nan"), as the text report always has. */
static void fmt_points(char *buf, size_t n, double v)
{
    if (isnan(v))
        snprintf(buf, n, "%+.1f", v);
    else
        cs_report_fmt_points(buf, n, v);
}

/* Append s (NULL: nothing) with control characters (ESC included, tab
 * kept) made visible and bytes that are not UTF-8 as U+FFFD. */
static int put_clean(cs_buf *out, const char *s)
{
    return s ? cs_escape_text(out, s, strlen(s), cs_report_term_escape, 1) : 0;
}

/* Same for n bytes of s. */
static int put_cleann(cs_buf *out, const char *s, size_t n)
{
    return cs_escape_text(out, s, n, cs_report_term_escape, 1);
}

/* What a text report's finding lines left out, for its summary. */
typedef struct text_counts {
    size_t listed, below_level, dups, suppressed;
    size_t in_baseline, unchanged; /* narrowed runs: not new */
} text_counts;

/* The finding lines of a text report; run (NULL outside a run) tells the
 * findings that are not new from those an editor suppressed. */
static int text_findings(cs_buf *out, const cs_document *doc, const cs_result *res,
                         const cs_config *cfg, const cs_report_opts *o, const cs_run *run,
                         text_counts *c)
{
    int color = o && o->color;
    const char *reset = color ? "\033[0m" : "";
    const char *dim = color ? "\033[2m" : "";
    int rc = 0;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (o && f->level < o->min_level) {
            c->below_level++;
            continue;
        }
        if (!(o && o->show_zero) && (f->note == CS_NOTE_DUPLICATE || f->suppress_reason)) {
            if (f->suppress_reason == NULL)
                c->dups++;
            else if (run && f->suppress_reason == run->baseline_reason)
                c->in_baseline++;
            else if (run && f->suppress_reason == run->unchanged_reason)
                c->unchanged++;
            else
                c->suppressed++;
            continue;
        }
        c->listed++;
        const cs_marker_conf *m = &cfg->markers[f->marker];
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        char pts[32];
        fmt_points(pts, sizeof pts, f->points);
        const char *note = cs_note_name(f->note);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]);
        rc |= put_clean(out, doc->path);
        rc |= cs_buf_printf(out, ":%d:%d  %s", pos.line, pos.col,
                            color ? level_colour(f->level, f->weight) : "");
        rc |= put_clean(out, m->name);
        rc |= cs_buf_printf(out, "%s  %s%s%s%s  \"", reset, pts, note ? " (" : "",
                            note ? note : "", note ? ")" : "");
        rc |= cs_report_put_words_bytes(out, text + f->start, f->end - f->start);
        rc |= cs_buf_puts(out, "\"  ");
        rc |= put_clean(out, f->message);
        rc |= cs_buf_printf(out, "  %s[", dim);
        rc |= put_clean(out, f->rule_id);
        rc |= cs_buf_printf(out, "]%s", reset);
        if (f->suppress_reason) {
            rc |= cs_buf_puts(out, "  (suppressed: ");
            rc |= put_clean(out, f->suppress_reason);
            rc |= cs_buf_putc(out, ')');
        }
        rc |= cs_buf_putc(out, '\n');
    }
    return rc ? -1 : 0;
}

/* "(N passages[, M findings]; not listed: ...)" of a text summary; listed
 * says whether to count the findings listed. */
static int text_counts_part(cs_buf *out, const cs_document *doc, const text_counts *c,
                            const cs_run *run, int listed)
{
    int rc = cs_buf_printf(out, " (%zu passage%s", doc->npassages, doc->npassages == 1 ? "" : "s");
    if (listed)
        rc |= cs_buf_printf(out, ", %zu finding%s", c->listed, c->listed == 1 ? "" : "s");
    const char *sep = "; not listed: ";
    if (c->in_baseline) {
        rc |= cs_buf_printf(out, "%s%zu in the baseline", sep, c->in_baseline);
        sep = ", ";
    }
    if (c->unchanged) {
        rc |= cs_buf_printf(out, "%s%zu unchanged since ", sep, c->unchanged);
        rc |= put_clean(out, run && run->diff_base ? run->diff_base : "");
        sep = ", ";
    }
    if (c->dups) {
        rc |= cs_buf_printf(out, "%s%zu duplicate%s", sep, c->dups, c->dups == 1 ? "" : "s");
        sep = ", ";
    }
    if (c->suppressed) {
        rc |= cs_buf_printf(out, "%s%zu suppressed", sep, c->suppressed);
        sep = ", ";
    }
    if (c->below_level)
        rc |= cs_buf_printf(out, "%s%zu below --min-level", sep, c->below_level);
    rc |= cs_buf_puts(out, ")\n");
    return rc ? -1 : 0;
}

/* The per-marker line ("  marker count (points), ..."); only markers that
 * count when nonzero is set.  prefix starts it. */
static int text_markers(cs_buf *out, const cs_result *res, const cs_config *cfg, int nonzero,
                        const char *prefix)
{
    int rc = 0, any = 0;
    for (size_t m = 0; m < res->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0 || (nonzero && t->count == 0))
            continue;
        char pts[32];
        fmt_points(pts, sizeof pts, t->points);
        rc |= cs_buf_puts(out, any ? ", " : prefix);
        rc |= put_clean(out, cfg->markers[m].name);
        rc |= cs_buf_printf(out, " %zu (%s%s)", t->count, pts, t->capped ? ", capped" : "");
        any = 1;
    }
    if (any)
        rc |= cs_buf_putc(out, '\n');
    return rc ? -1 : 0;
}

/* The error and warning lines of an article. */
static int text_problems(cs_buf *out, const cs_result *res)
{
    int rc = 0;
    if (res->error) {
        rc |= cs_buf_puts(out, "  error: ");
        rc |= put_clean(out, res->error);
        rc |= cs_buf_putc(out, '\n');
    }
    for (const char *w = res->warnings; w && *w;) {
        const char *nl = strchr(w, '\n');
        size_t n = nl ? (size_t)(nl - w) : strlen(w);
        rc |= cs_buf_puts(out, "  warning: ");
        rc |= put_cleann(out, w, n);
        rc |= cs_buf_putc(out, '\n');
        w = nl ? nl + 1 : NULL;
    }
    return rc ? -1 : 0;
}

int cs_report_text(cs_buf *out, const cs_document *doc, const cs_result *res,
                   const cs_config *cfg, const cs_report_opts *o)
{
    int color = o && o->color;
    const char *reset = color ? "\033[0m" : "";
    const char *bold = color ? "\033[1m" : "";
    text_counts c;
    int rc = text_findings(out, doc, res, cfg, o, NULL, &c);
    char score[32];
    snprintf(score, sizeof score, "%.0f", res->score);
    rc |= cs_buf_puts(out, bold);
    rc |= put_clean(out, doc->path);
    rc |= cs_buf_printf(out, ": score %s/100, ", score);
    rc |= put_clean(out, res->verdict);
    rc |= cs_buf_puts(out, reset);
    /* the findings listed above, and how many are not listed and why */
    rc |= text_counts_part(out, doc, &c, NULL, 1);
    rc |= text_markers(out, res, cfg, 0, "  ");
    int named = cs_config_marker_index(cfg, "on_record");
    int anon = cs_config_marker_index(cfg, "anonymous");
    if (named >= 0 && anon >= 0)
        rc |= cs_buf_printf(out, "  named-to-anonymous %zu:%zu\n", res->markers[named].count,
                            res->markers[anon].count);
    rc |= text_problems(out, res);
    return rc ? -1 : 0;
}

/* An article of a narrowed run (--baseline, --diff-base): its new
 * findings, then its real score beside the score of what changed:
 *   PATH: score 21/100, poorly sourced; new findings: 1, scoring 0/100, poorly sourced (...)
 *   PATH: score 21/100, poorly sourced; no new findings (...)
 *   new: marker count (points), ...   (the markers of the new findings) */
static int text_narrowed(cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    const cs_report_opts *o = &run->opts;
    const char *reset = o->color ? "\033[0m" : "";
    const char *bold = o->color ? "\033[1m" : "";
    text_counts c;
    int rc = text_findings(out, &sc->doc, &sc->res, run->cfg, o, run, &c);
    char whole[32], score[32];
    snprintf(whole, sizeof whole, "%.0f", sc->whole_score);
    snprintf(score, sizeof score, "%.0f", sc->res.score);
    rc |= cs_buf_puts(out, bold);
    rc |= put_clean(out, sc->doc.path);
    rc |= cs_buf_printf(out, ": score %s/100, ", whole);
    rc |= put_clean(out, sc->whole_verdict);
    if (sc->fresh == 0) {
        rc |= cs_buf_puts(out, "; no new findings");
    } else {
        rc |= cs_buf_printf(out, "; new findings: %zu, scoring %s/100, ", sc->fresh, score);
        rc |= put_clean(out, sc->res.verdict);
    }
    rc |= cs_buf_puts(out, reset);
    rc |= text_counts_part(out, &sc->doc, &c, run, 0);
    if (sc->fresh)
        rc |= text_markers(out, &sc->res, run->cfg, 1, "  new: ");
    rc |= text_problems(out, &sc->res);
    return rc ? -1 : 0;
}

/* An article of a text report, with why it failed; in a narrowed run an
 * untouched article is left out unless opts.show_unchanged. */
int cs_report_text_article(cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    if (sc->narrowed && sc->untouched && !run->opts.show_unchanged)
        return 0;
    if (sc->narrowed ? text_narrowed(out, run, sc) != 0
                     : cs_report_text(out, &sc->doc, &sc->res, run->cfg, &run->opts) != 0)
        return -1;
    const char *of_new = sc->narrowed ? " (new findings only)" : "";
    if (sc->below && sc->why[0] &&
        (cs_buf_puts(out, "  failed: ") != 0 || put_clean(out, sc->why) != 0 ||
         cs_buf_printf(out, "%s\n", of_new) != 0))
        return -1;
    if (sc->below && !sc->why[0] &&
        cs_buf_printf(out, "  %sbelow the threshold of %g\n",
                      sc->narrowed ? "new findings score " : "", run->threshold) != 0)
        return -1;
    return 0;
}

/* The gate line of a narrowed text report:
 *   gate: new findings only (not in the baseline FILE; on lines changed
 *   since REV): their score against the threshold of T, and --max limits */
static int text_gate(cs_buf *out, const cs_run *run)
{
    int rc = cs_buf_puts(out, "gate: new findings only (");
    if (run->baseline_file) {
        rc |= cs_buf_puts(out, "not in the baseline ");
        rc |= put_clean(out, run->baseline_file);
    }
    if (run->diff_base) {
        rc |= cs_buf_puts(out, run->baseline_file ? "; on lines changed since "
                                                  : "on lines changed since ");
        rc |= put_clean(out, run->diff_base);
    }
    if (run->has_threshold)
        rc |= cs_buf_printf(out, "): their score against the threshold of %g, and --max limits;"
                                 " the whole article's score is shown beside\n",
                            run->threshold);
    else
        rc |= cs_buf_puts(out, "): --max limits; the whole article's score is shown beside\n");
    return rc ? -1 : 0;
}

int cs_report_text_run_end(cs_run_writer *w, const cs_run *run)
{
    int narrowed = run->baseline_file || run->diff_base;
    if (narrowed && text_gate(w->out, run) != 0)
        return -1;
    if (w->n > 1 || run->errors || narrowed)
        return cs_buf_printf(w->out, "%zu article%s scored", w->n, w->n == 1 ? "" : "s") ||
               (narrowed && w->untouched &&
                cs_buf_printf(w->out, ", %zu with no new findings%s", w->untouched,
                              run->opts.show_unchanged
                                  ? ""
                                  : " (not listed; --show-unchanged lists them)")) ||
               cs_buf_printf(w->out, ", %zu below the threshold",
                             w->failed - w->over_max - w->unsourced) ||
               (w->over_max &&
                cs_buf_printf(w->out, ", %zu over a --max limit", w->over_max)) ||
               (w->unsourced &&
                cs_buf_printf(w->out, ", %zu with no sourcing to judge (scoring.unsourced: fail)",
                              w->unsourced)) ||
               cs_buf_printf(w->out, ", %zu error%s\n", run->errors,
                             run->errors == 1 ? "" : "s")
                   ? -1
                   : 0;
    return 0;
}
