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

static const char *const scope_names[] = {"paragraph", "heading", "quote", "list_item"};

/* Line numbers of source offsets, as cs_doc_line_col gives them (1-based;
 * offsets past the end count as the end), found by walking the document's
 * line starts forward from the last answer: passages come in source order,
 * so a whole article costs one pass over its lines (an offset behind the
 * last answer costs a binary search). */
typedef struct line_walk {
    const cs_document *doc;
    size_t idx; /* line_starts[idx] <= the last offset asked */
} line_walk;

static int walk_to_line(line_walk *w, size_t src_off)
{
    const cs_document *doc = w->doc;
    if (doc->nlines == 0)
        return 1;
    if (src_off > doc->source.len)
        src_off = doc->source.len;
    if (doc->line_starts[w->idx] > src_off) {
        /* Behind the last answer: search the lines before it (the first
         * line starts at 0, so the answer is there). */
        size_t lo = 0, hi = w->idx;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (doc->line_starts[mid] <= src_off)
                lo = mid;
            else
                hi = mid;
        }
        w->idx = lo;
    }
    while (w->idx + 1 < doc->nlines && doc->line_starts[w->idx + 1] <= src_off)
        w->idx++;
    return (int)w->idx + 1;
}

int cs_report_is_old(const cs_run *run, const cs_finding *f)
{
    return f->suppress_reason &&
           (f->suppress_reason == run->baseline_reason || f->suppress_reason == run->unchanged_reason);
}

static int json_article(cs_json *j, const cs_document *doc, const cs_result *res,
                        const cs_config *cfg, const char *id_json, const cs_report_opts *o,
                        const cs_scored *sc);

int cs_report_json_article(cs_json *j, const cs_document *doc, const cs_result *res,
                           const cs_config *cfg, const char *id_json, const cs_report_opts *o)
{
    return json_article(j, doc, res, cfg, id_json, o, NULL);
}

int cs_report_json_scored(cs_json *j, const cs_run *run, const cs_scored *sc)
{
    return json_article(j, &sc->doc, &sc->res, run->cfg, NULL, &run->opts, sc);
}

/* sc: the article of a run (for its "changed" object), or NULL. */
static int json_article(cs_json *j, const cs_document *doc, const cs_result *res,
                        const cs_config *cfg, const char *id_json, const cs_report_opts *o,
                        const cs_scored *sc)
{
    cs_json_object(j);
    if (id_json) {
        cs_json_key_lit(j, "id");
        cs_json_raw(j, id_json);
    }
    cs_json_kv_lit_string(j, "path", id_json ? NULL : doc->path);
    cs_json_kv_lit_string(j, "format", cs_format_name(doc->format));
    cs_json_kv_lit_number(j, "score", res->score);
    cs_json_kv_lit_string(j, "verdict", res->verdict);
    if (sc && sc->narrowed) {
        cs_json_key_lit(j, "changed");
        cs_json_object(j);
        cs_json_kv_lit_int(j, "new_findings", (long long)sc->fresh);
        cs_json_kv_lit_bool(j, "untouched", sc->untouched);
        cs_json_kv_lit_number(j, "whole_score", sc->whole_score);
        cs_json_kv_lit_string(j, "whole_verdict", sc->whole_verdict);
        cs_json_end_object(j);
    }
    cs_json_key_lit(j, "summary");
    cs_json_object(j);
    cs_json_kv_lit_number(j, "base", res->base);
    cs_json_kv_lit_number(j, "points", res->raw_points);
    cs_json_kv_lit_number(j, "good", res->good);   /* the score model's claims (merge.h) */
    cs_json_kv_lit_number(j, "weak", res->weak);
    cs_json_kv_lit_int(j, "sources", (long long)res->sources);
    cs_json_kv_lit_int(j, "passages", (long long)doc->npassages);
    cs_json_kv_lit_int(j, "findings", (long long)res->nfindings);
    int named = cs_config_marker_index(cfg, "on_record");
    int anon = cs_config_marker_index(cfg, "anonymous");
    cs_json_kv_lit_int(j, "named", named >= 0 ? (long long)res->markers[named].count : 0);
    cs_json_kv_lit_int(j, "anonymous", anon >= 0 ? (long long)res->markers[anon].count : 0);
    cs_json_key_lit(j, "markers");
    cs_json_object(j);
    for (size_t m = 0; m < res->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        cs_json_key(j, cfg->markers[m].name);
        cs_json_object(j);
        cs_json_kv_lit_int(j, "count", (long long)t->count);
        cs_json_kv_lit_int(j, "hits", (long long)t->hits);
        cs_json_kv_lit_number(j, "raw", t->raw);
        cs_json_kv_lit_number(j, "points", t->points);
        cs_json_kv_lit_bool(j, "capped", t->capped);
        cs_json_end_object(j);
    }
    cs_json_end_object(j);
    cs_json_end_object(j);
    if (res->error)
        cs_json_kv_lit_string(j, "error", res->error);
    if (res->warnings) {
        cs_json_key_lit(j, "warnings");
        cs_json_array(j);
        for (const char *w = res->warnings; w && *w;) {
            const char *nl = strchr(w, '\n');
            cs_json_stringn(j, w, nl ? (size_t)(nl - w) : strlen(w));
            w = nl ? nl + 1 : NULL;
        }
        cs_json_end_array(j);
    }
    cs_json_key_lit(j, "passages");
    cs_json_array(j);
    line_walk starts = {doc, 0}, ends = {doc, 0};
    for (size_t p = 0; p < doc->npassages && p < res->npassages; p++) {
        const cs_passage *ps = &doc->passages[p];
        cs_json_object(j);
        cs_json_kv_lit_int(j, "index", (long long)p);
        cs_json_kv_lit_int(j, "line", walk_to_line(&starts, ps->src_start));
        cs_json_kv_lit_int(j, "end_line", walk_to_line(&ends, ps->src_end));
        cs_json_key_lit(j, "scopes");
        cs_json_array(j);
        for (int b = 0; b < 4; b++)
            if (ps->scopes & (1u << b))
                cs_json_string(j, scope_names[b]);
        cs_json_end_array(j);
        cs_json_kv_lit_int(j, "sentences", (long long)ps->nsent);
        cs_json_kv_lit_number(j, "points", res->passages[p].points);
        cs_json_kv_lit_number(j, "score", res->passages[p].score);
        cs_json_end_object(j);
    }
    cs_json_end_array(j);
    cs_json_key_lit(j, "findings");
    cs_json_array(j);
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (o && f->level < o->min_level)
            continue;
        const cs_passage *ps = &doc->passages[f->passage];
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        cs_json_object(j);
        cs_json_kv_lit_string(j, "marker", cfg->markers[f->marker].name);
        cs_json_kv_lit_string(j, "rule", f->rule_id);
        cs_json_kv_lit_string(j, "source", f->source);
        cs_json_kv_lit_string(j, "level", cs_level_name(f->level));
        cs_json_kv_lit_int(j, "passage", (long long)f->passage);
        cs_json_kv_lit_int(j, "start", (long long)f->start);
        cs_json_kv_lit_int(j, "end", (long long)f->end);
        cs_json_kv_lit_int(j, "offset", (long long)pos.src_start);
        cs_json_kv_lit_int(j, "end_offset", (long long)pos.src_end);
        cs_json_kv_lit_int(j, "line", pos.line);
        cs_json_kv_lit_int(j, "column", pos.col);
        cs_json_kv_lit_int(j, "end_line", pos.end_line);
        cs_json_kv_lit_int(j, "end_column", pos.end_col);
        cs_json_kv_lit_stringn(j, "text", cs_doc_text(doc, ps) + f->start, f->end - f->start);
        cs_json_kv_lit_number(j, "weight", f->weight);
        cs_json_kv_lit_number(j, "confidence", f->confidence);
        cs_json_kv_lit_number(j, "points", f->points);
        cs_json_kv_lit_number(j, "claim", f->claim);
        cs_json_kv_lit_string(j, "note", cs_note_name(f->note));
        if (f->note == CS_NOTE_DUPLICATE)
            cs_json_kv_lit_int(j, "duplicate_of", (long long)f->dup_of);
        if (f->suppress_reason)
            cs_json_kv_lit_string(j, "suppressed", f->suppress_reason);
        cs_json_kv_lit_string(j, "message", f->message);
        cs_json_end_object(j);
    }
    cs_json_end_array(j);
    cs_json_end_object(j);
    return cs_json_failed(j) ? -1 : 0;
}

int cs_run_writer_begin(cs_run_writer *w, cs_run_kind kind, cs_buf *out, const cs_run *run)
{
    (void)run;
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->out = out;
    if (kind != CS_RUN_JSON)
        return 0;
    cs_json_init(&w->j, out, 1);
    cs_json_object(&w->j);
    cs_json_kv_lit_string(&w->j, "schema", CS_REPORT_SCHEMA);
    cs_json_kv_lit_int(&w->j, "version", CS_REPORT_SCHEMA_VERSION);
    cs_json_key_lit(&w->j, "articles");
    cs_json_array(&w->j);
    return cs_json_failed(&w->j) ? -1 : 0;
}

/* An article of a text report, with why it failed; in a narrowed run an
 * untouched article is left out unless opts.show_unchanged. */
static int text_article(cs_buf *out, const cs_run *run, const cs_scored *sc)
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

int cs_run_fragment(cs_run_kind kind, cs_buf *out, const cs_run *run, const cs_scored *sc)
{
    switch (kind) {
    case CS_RUN_JSON: {
        cs_json j; /* an element of "articles": two levels down */
        cs_json_init_at(&j, out, 1, 2);
        return cs_report_json_scored(&j, run, sc);
    }
    case CS_RUN_GITHUB: {
        cs_buf path = {0}, tmp = {0};
        int rc = cs_report_github_article(out, &path, &tmp, run, sc);
        cs_buf_free(&path);
        cs_buf_free(&tmp);
        return rc;
    }
    case CS_RUN_TEXT:
    default:
        return text_article(out, run, sc);
    }
}

int cs_run_writer_splice(cs_run_writer *w, const char *frag, size_t len, int below,
                         int untouched, double score)
{
    w->n++;
    w->untouched += untouched != 0;
    w->failed += below != 0;
    w->over_max += below == CS_FAIL_MAX;
    w->unsourced += below == CS_FAIL_UNSOURCED;
    w->sum += score;
    if (w->kind == CS_RUN_JSON) {
        cs_json_splice(&w->j, frag, len);
        return cs_json_failed(&w->j) ? -1 : 0;
    }
    return cs_buf_append(w->out, frag, len);
}

int cs_run_writer_article(cs_run_writer *w, const cs_run *run, const cs_scored *sc)
{
    w->frag.len = 0;
    if (cs_run_fragment(w->kind, &w->frag, run, sc) != 0)
        return -1;
    return cs_run_writer_splice(w, w->frag.data ? w->frag.data : "", w->frag.len, sc->below,
                                sc->untouched, sc->narrowed ? sc->whole_score : sc->res.score);
}

/* The closing summary of a JSON report. */
static int json_end(cs_run_writer *w, const cs_run *run)
{
    cs_json *j = &w->j;
    cs_json_end_array(j);
    cs_json_key_lit(j, "summary");
    cs_json_object(j);
    cs_json_kv_lit_int(j, "articles", (long long)w->n);
    cs_json_kv_lit_int(j, "errors", (long long)run->errors);
    cs_json_kv_lit_int(j, "below_threshold", (long long)(w->failed - w->over_max - w->unsourced));
    cs_json_kv_lit_int(j, "over_max", (long long)w->over_max);
    cs_json_kv_lit_int(j, "unsourced_failed", (long long)w->unsourced);
    if (run->baseline_file || run->diff_base)
        cs_json_kv_lit_int(j, "untouched", (long long)w->untouched);
    cs_json_key_lit(j, "threshold");
    if (run->has_threshold)
        cs_json_number(j, run->threshold);
    else
        cs_json_null(j);
    cs_json_key_lit(j, "mean_score");
    if (w->n)
        cs_json_number(j, w->sum / (double)w->n);
    else
        cs_json_null(j);
    cs_json_end_object(j);
    cs_json_end_object(j);
    if (cs_buf_putc(w->out, '\n') != 0 || cs_json_failed(j))
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

int cs_run_writer_end(cs_run_writer *w, const cs_run *run)
{
    switch (w->kind) {
    case CS_RUN_JSON:
        return json_end(w, run);
    case CS_RUN_GITHUB:
        return 0;
    case CS_RUN_TEXT:
    default: {
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
    }
}

void cs_run_writer_free(cs_run_writer *w)
{
    cs_buf_free(&w->frag);
}

