/*
 * report_json.c - the JSON report (report.h, schema CS_REPORT_SCHEMA
 * version CS_REPORT_SCHEMA_VERSION): one article as an object (summary,
 * markers, passages with their lines and scopes, findings with their
 * places in the original file), and the run document around the articles
 * with its closing summary.  Written through the JSON writer, whose
 * failure (memory) is the only error.
 */
#include "report.h"

#include <string.h>

/* The names of the scope bits (CREDSCORE_SCOPE_*, bit b for name b) with their
 * lengths: plain names, written without the escape scan. */
#define SCOPE_NAME(s) {s, sizeof s - 1}
static const struct {
    const char *name;
    size_t len;
} scope_names[] = {SCOPE_NAME("paragraph"), SCOPE_NAME("heading"), SCOPE_NAME("quote"),
                   SCOPE_NAME("list_item")};

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
    int named = cs_config_marker_index(cfg, "on_record");
    int anon = cs_config_marker_index(cfg, "anonymous");
    cs_json_run run;
    cs_json_run_begin(&run, j, 9);
    cs_json_run_number(&run, "base", res->base);
    cs_json_run_number(&run, "points", res->raw_points);
    cs_json_run_number(&run, "good", res->good); /* the score model's claims (merge.h) */
    cs_json_run_number(&run, "weak", res->weak);
    cs_json_run_int(&run, "sources", (long long)res->sources);
    cs_json_run_int(&run, "passages", (long long)doc->npassages);
    cs_json_run_int(&run, "findings", (long long)res->nfindings);
    cs_json_run_int(&run, "named", named >= 0 ? (long long)res->markers[named].count : 0);
    cs_json_run_int(&run, "anonymous", anon >= 0 ? (long long)res->markers[anon].count : 0);
    cs_json_run_end(&run);
    cs_json_key_lit(j, "markers");
    cs_json_object(j);
    for (size_t m = 0; m < res->nmarkers; m++) {
        const cs_marker_total *t = &res->markers[m];
        if (t->hits == 0)
            continue;
        cs_json_key(j, cfg->markers[m].name);
        cs_json_object(j);
        cs_json_run_begin(&run, j, 4);
        cs_json_run_int(&run, "count", (long long)t->count);
        cs_json_run_int(&run, "hits", (long long)t->hits);
        cs_json_run_number(&run, "raw", t->raw);
        cs_json_run_number(&run, "points", t->points);
        cs_json_run_end(&run);
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
        cs_json_run_begin(&run, j, 3);
        cs_json_run_int(&run, "index", (long long)p);
        cs_json_run_int(&run, "line", walk_to_line(&starts, ps->src_start));
        cs_json_run_int(&run, "end_line", walk_to_line(&ends, ps->src_end));
        cs_json_run_end(&run);
        cs_json_key_lit(j, "scopes");
        cs_json_array(j);
        for (int b = 0; b < 4; b++)
            if (ps->scopes & (1u << b))
                cs_json_plain_stringn(j, scope_names[b].name, scope_names[b].len);
        cs_json_end_array(j);
        cs_json_run_begin(&run, j, 3);
        cs_json_run_int(&run, "sentences", (long long)ps->nsent);
        cs_json_run_number(&run, "points", res->passages[p].points);
        cs_json_run_number(&run, "score", res->passages[p].score);
        cs_json_run_end(&run);
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
        cs_json_run_begin(&run, j, 9);
        cs_json_run_int(&run, "passage", (long long)f->passage);
        cs_json_run_int(&run, "start", (long long)f->start);
        cs_json_run_int(&run, "end", (long long)f->end);
        cs_json_run_int(&run, "offset", (long long)pos.src_start);
        cs_json_run_int(&run, "end_offset", (long long)pos.src_end);
        cs_json_run_int(&run, "line", pos.line);
        cs_json_run_int(&run, "column", pos.col);
        cs_json_run_int(&run, "end_line", pos.end_line);
        cs_json_run_int(&run, "end_column", pos.end_col);
        cs_json_run_end(&run);
        cs_json_kv_lit_stringn(j, "text", cs_doc_text(doc, ps) + f->start, f->end - f->start);
        cs_json_run_begin(&run, j, 4);
        cs_json_run_number(&run, "weight", f->weight);
        cs_json_run_number(&run, "confidence", f->confidence);
        cs_json_run_number(&run, "points", f->points);
        cs_json_run_number(&run, "claim", f->claim);
        cs_json_run_end(&run);
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

int cs_report_json_run_begin(cs_run_writer *w)
{
    cs_json_init(&w->j, w->out, 1);
    cs_json_object(&w->j);
    cs_json_kv_lit_string(&w->j, "schema", CS_REPORT_SCHEMA);
    cs_json_kv_lit_int(&w->j, "version", CS_REPORT_SCHEMA_VERSION);
    cs_json_key_lit(&w->j, "articles");
    cs_json_array(&w->j);
    return cs_json_failed(&w->j) ? -1 : 0;
}

int cs_report_json_run_end(cs_run_writer *w, const cs_run *run)
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
