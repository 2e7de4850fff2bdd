#include "report.h"

#include <math.h>
#include <string.h>

void cs_finding_pos(const cs_document *doc, const cs_finding *f, cs_pos *pos)
{
    const cs_passage *p = &doc->passages[f->passage];
    pos->src_start = cs_doc_src_offset(doc, p, f->start, 0);
    pos->src_end = cs_doc_src_offset(doc, p, f->end, 1);
    if (pos->src_end < pos->src_start)
        pos->src_end = pos->src_start;
    cs_doc_line_col(doc, pos->src_start, &pos->line, &pos->col);
    cs_doc_line_col(doc, pos->src_end, &pos->end_line, &pos->end_col);
}

const char *cs_note_name(cs_point_note n)
{
    switch (n) {
    case CS_NOTE_DUPLICATE: return "duplicate";
    case CS_NOTE_ONE_SHOT: return "one-shot";
    case CS_NOTE_PASSAGE_CAP: return "passage cap";
    case CS_NOTE_SUPPRESSED: return "suppressed";
    default: return NULL;
    }
}

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

static void fmt_points(char *buf, size_t n, double v)
{
    double r = round(v * 10.0) / 10.0;
    if (r == 0)
        r = 0;
    if (r == floor(r))
        snprintf(buf, n, "%+.0f", r);
    else
        snprintf(buf, n, "%+.1f", r);
    if (r == 0)
        snprintf(buf, n, "0");
}

/* Matched words on one line: white space folded, long spans shortened. */
static int put_words(cs_buf *out, const char *s, size_t len)
{
    size_t shown = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            continue;
        }
        if (shown >= 80 && ((unsigned char)c & 0xC0) != 0x80)
            return cs_buf_puts(out, "...");
        if (space && shown && cs_buf_putc(out, ' ') != 0)
            return -1;
        space = 0;
        if (cs_buf_putc(out, c) != 0)
            return -1;
        shown++;
    }
    return 0;
}

int cs_report_text(cs_buf *out, const cs_document *doc, const cs_result *res,
                   const cs_config *cfg, const cs_report_opts *o)
{
    int color = o && o->color;
    const char *reset = color ? "\033[0m" : "";
    const char *dim = color ? "\033[2m" : "";
    const char *bold = color ? "\033[1m" : "";
    int rc = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (o && f->level < o->min_level)
            continue;
        if (!(o && o->show_zero) && (f->note == CS_NOTE_DUPLICATE || f->suppress_reason))
            continue;
        const cs_marker_conf *m = &cfg->markers[f->marker];
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        char pts[32];
        fmt_points(pts, sizeof pts, f->points);
        const char *note = cs_note_name(f->note);
        const char *text = cs_doc_text(doc, &doc->passages[f->passage]);
        rc |= cs_buf_printf(out, "%s:%d:%d  %s%s%s  %s%s%s%s  \"", doc->path, pos.line, pos.col,
                            color ? level_colour(f->level, f->weight) : "", m->name, reset, pts,
                            note ? " (" : "", note ? note : "", note ? ")" : "");
        rc |= put_words(out, text + f->start, f->end - f->start);
        rc |= cs_buf_printf(out, "\"  %s  %s[%s]%s", f->message ? f->message : "", dim,
                            f->rule_id, reset);
        if (f->suppress_reason)
            rc |= cs_buf_printf(out, "  (suppressed: %s)", f->suppress_reason);
        rc |= cs_buf_putc(out, '\n');
    }
    char score[32];
    snprintf(score, sizeof score, "%.0f", res->score);
    rc |= cs_buf_printf(out, "%s%s: score %s/100, %s%s (%zu passage%s, %zu finding%s)\n", bold,
                        doc->path, score, res->verdict ? res->verdict : "", reset,
                        doc->npassages, doc->npassages == 1 ? "" : "s", res->nfindings,
                        res->nfindings == 1 ? "" : "s");
    int any = 0;
    for (size_t m = 0; m < res->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        char pts[32];
        fmt_points(pts, sizeof pts, t->points);
        rc |= cs_buf_printf(out, "%s%s %zu (%s%s)", any ? ", " : "  ", cfg->markers[m].name,
                            t->count, pts, t->capped ? ", capped" : "");
        any = 1;
    }
    if (any)
        rc |= cs_buf_putc(out, '\n');
    int named = cs_config_marker_index(cfg, "on_record");
    int anon = cs_config_marker_index(cfg, "anonymous");
    if (named >= 0 && anon >= 0)
        rc |= cs_buf_printf(out, "  named-to-anonymous %zu:%zu\n", res->markers[named].count,
                            res->markers[anon].count);
    if (res->error)
        rc |= cs_buf_printf(out, "  error: %s\n", res->error);
    for (const char *w = res->warnings; w && *w;) {
        const char *nl = strchr(w, '\n');
        int n = nl ? (int)(nl - w) : (int)strlen(w);
        rc |= cs_buf_printf(out, "  warning: %.*s\n", n, w);
        w = nl ? nl + 1 : NULL;
    }
    return rc ? -1 : 0;
}

static const char *const scope_names[] = {"paragraph", "heading", "quote", "list_item"};

int cs_report_json_article(cs_json *j, const cs_document *doc, const cs_result *res,
                           const cs_config *cfg, const char *id, const cs_report_opts *o)
{
    cs_json_object(j);
    if (id) {
        cs_json_key(j, "id");
        cs_json_string(j, id);
    }
    cs_json_key(j, "path");
    cs_json_string(j, id ? NULL : doc->path);
    cs_json_key(j, "format");
    cs_json_string(j, cs_format_name(doc->format));
    cs_json_key(j, "score");
    cs_json_number(j, res->score);
    cs_json_key(j, "verdict");
    cs_json_string(j, res->verdict);
    cs_json_key(j, "summary");
    cs_json_object(j);
    cs_json_key(j, "base");
    cs_json_number(j, res->base);
    cs_json_key(j, "points");
    cs_json_number(j, res->raw_points);
    cs_json_key(j, "passages");
    cs_json_int(j, (long long)doc->npassages);
    cs_json_key(j, "findings");
    cs_json_int(j, (long long)res->nfindings);
    int named = cs_config_marker_index(cfg, "on_record");
    int anon = cs_config_marker_index(cfg, "anonymous");
    cs_json_key(j, "named");
    cs_json_int(j, named >= 0 ? (long long)res->markers[named].count : 0);
    cs_json_key(j, "anonymous");
    cs_json_int(j, anon >= 0 ? (long long)res->markers[anon].count : 0);
    cs_json_key(j, "markers");
    cs_json_object(j);
    for (size_t m = 0; m < res->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        cs_json_key(j, cfg->markers[m].name);
        cs_json_object(j);
        cs_json_key(j, "count");
        cs_json_int(j, (long long)t->count);
        cs_json_key(j, "hits");
        cs_json_int(j, (long long)t->hits);
        cs_json_key(j, "raw");
        cs_json_number(j, t->raw);
        cs_json_key(j, "points");
        cs_json_number(j, t->points);
        cs_json_key(j, "capped");
        cs_json_bool(j, t->capped);
        cs_json_end_object(j);
    }
    cs_json_end_object(j);
    cs_json_end_object(j);
    if (res->error) {
        cs_json_key(j, "error");
        cs_json_string(j, res->error);
    }
    if (res->warnings) {
        cs_json_key(j, "warnings");
        cs_json_array(j);
        for (const char *w = res->warnings; w && *w;) {
            const char *nl = strchr(w, '\n');
            cs_json_stringn(j, w, nl ? (size_t)(nl - w) : strlen(w));
            w = nl ? nl + 1 : NULL;
        }
        cs_json_end_array(j);
    }
    cs_json_key(j, "passages");
    cs_json_array(j);
    for (size_t p = 0; p < doc->npassages && p < res->npassages; p++) {
        const cs_passage *ps = &doc->passages[p];
        int line, col, eline, ecol;
        cs_doc_line_col(doc, ps->src_start, &line, &col);
        cs_doc_line_col(doc, ps->src_end, &eline, &ecol);
        cs_json_object(j);
        cs_json_key(j, "index");
        cs_json_int(j, (long long)p);
        cs_json_key(j, "line");
        cs_json_int(j, line);
        cs_json_key(j, "end_line");
        cs_json_int(j, eline);
        cs_json_key(j, "scopes");
        cs_json_array(j);
        for (int b = 0; b < 4; b++)
            if (ps->scopes & (1u << b))
                cs_json_string(j, scope_names[b]);
        cs_json_end_array(j);
        cs_json_key(j, "sentences");
        cs_json_int(j, (long long)ps->nsent);
        cs_json_key(j, "points");
        cs_json_number(j, res->passages[p].points);
        cs_json_key(j, "score");
        cs_json_number(j, res->passages[p].score);
        cs_json_end_object(j);
    }
    cs_json_end_array(j);
    cs_json_key(j, "findings");
    cs_json_array(j);
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (o && f->level < o->min_level)
            continue;
        const cs_passage *ps = &doc->passages[f->passage];
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        cs_json_object(j);
        cs_json_key(j, "marker");
        cs_json_string(j, cfg->markers[f->marker].name);
        cs_json_key(j, "rule");
        cs_json_string(j, f->rule_id);
        cs_json_key(j, "source");
        cs_json_string(j, f->source);
        cs_json_key(j, "level");
        cs_json_string(j, cs_level_name(f->level));
        cs_json_key(j, "passage");
        cs_json_int(j, (long long)f->passage);
        cs_json_key(j, "start");
        cs_json_int(j, (long long)f->start);
        cs_json_key(j, "end");
        cs_json_int(j, (long long)f->end);
        cs_json_key(j, "offset");
        cs_json_int(j, (long long)pos.src_start);
        cs_json_key(j, "end_offset");
        cs_json_int(j, (long long)pos.src_end);
        cs_json_key(j, "line");
        cs_json_int(j, pos.line);
        cs_json_key(j, "column");
        cs_json_int(j, pos.col);
        cs_json_key(j, "end_line");
        cs_json_int(j, pos.end_line);
        cs_json_key(j, "end_column");
        cs_json_int(j, pos.end_col);
        cs_json_key(j, "text");
        cs_json_stringn(j, cs_doc_text(doc, ps) + f->start, f->end - f->start);
        cs_json_key(j, "weight");
        cs_json_number(j, f->weight);
        cs_json_key(j, "confidence");
        cs_json_number(j, f->confidence);
        cs_json_key(j, "points");
        cs_json_number(j, f->points);
        cs_json_key(j, "note");
        cs_json_string(j, cs_note_name(f->note));
        if (f->note == CS_NOTE_DUPLICATE) {
            cs_json_key(j, "duplicate_of");
            cs_json_int(j, (long long)f->dup_of);
        }
        if (f->suppress_reason) {
            cs_json_key(j, "suppressed");
            cs_json_string(j, f->suppress_reason);
        }
        cs_json_key(j, "message");
        cs_json_string(j, f->message);
        cs_json_end_object(j);
    }
    cs_json_end_array(j);
    cs_json_end_object(j);
    return cs_json_failed(j) ? -1 : 0;
}

int cs_report_run_text(cs_buf *out, const cs_run *run)
{
    size_t failed = 0;
    for (size_t i = 0; i < run->n; i++) {
        const cs_scored *sc = &run->items[i];
        if (cs_report_text(out, &sc->doc, &sc->res, run->cfg, &run->opts) != 0)
            return -1;
        if (sc->below && sc->why[0] && cs_buf_printf(out, "  failed: %s\n", sc->why) != 0)
            return -1;
        if (sc->below && !sc->why[0] &&
            cs_buf_printf(out, "  below the threshold of %g\n", run->threshold) != 0)
            return -1;
        failed += sc->below != 0;
    }
    if (run->n > 1 || run->errors)
        return cs_buf_printf(out, "%zu article%s scored, %zu below the threshold, %zu error%s\n",
                             run->n, run->n == 1 ? "" : "s", failed, run->errors,
                             run->errors == 1 ? "" : "s");
    return 0;
}

int cs_report_run_json(cs_buf *out, const cs_run *run)
{
    cs_json j;
    cs_json_init(&j, out, 1);
    cs_json_object(&j);
    cs_json_key(&j, "schema");
    cs_json_string(&j, CS_REPORT_SCHEMA);
    cs_json_key(&j, "version");
    cs_json_int(&j, CS_REPORT_SCHEMA_VERSION);
    cs_json_key(&j, "articles");
    cs_json_array(&j);
    size_t failed = 0;
    double sum = 0;
    for (size_t i = 0; i < run->n; i++) {
        const cs_scored *sc = &run->items[i];
        if (cs_report_json_article(&j, &sc->doc, &sc->res, run->cfg, NULL, &run->opts) != 0)
            return -1;
        failed += sc->below != 0;
        sum += sc->res.score;
    }
    cs_json_end_array(&j);
    cs_json_key(&j, "summary");
    cs_json_object(&j);
    cs_json_key(&j, "articles");
    cs_json_int(&j, (long long)run->n);
    cs_json_key(&j, "errors");
    cs_json_int(&j, (long long)run->errors);
    cs_json_key(&j, "below_threshold");
    cs_json_int(&j, (long long)failed);
    cs_json_key(&j, "threshold");
    if (run->has_threshold)
        cs_json_number(&j, run->threshold);
    else
        cs_json_null(&j);
    cs_json_key(&j, "mean_score");
    if (run->n)
        cs_json_number(&j, sum / (double)run->n);
    else
        cs_json_null(&j);
    cs_json_end_object(&j);
    cs_json_end_object(&j);
    if (cs_buf_putc(out, '\n') != 0 || cs_json_failed(&j))
        return -1;
    return 0;
}
