/*
 * report.h - reports of scored articles: text for people, JSON for tools.
 * (The text report is report_text.c, the JSON one report_json.c, the run
 * writer that puts either together article by article report.c; the other
 * formats have a file each.)
 *
 * Text, one line per finding:
 *   path:line:col  marker  points  "matched words"  message  [rule]
 * then a summary per article: score, verdict, count and points per marker,
 * the named-to-anonymous ratio.  JSON follows the versioned schema
 * documented in docs/json-schema.md (CS_REPORT_SCHEMA_VERSION).
 *
 * Functions append to a cs_buf and return 0, or -1 when memory runs out.
 */
#ifndef CS_REPORT_H
#define CS_REPORT_H

#include "buf.h"
#include "config.h"
#include "document.h"
#include "json_writer.h"
#include "report_common.h"
#include "result.h"

#define CS_REPORT_SCHEMA "credscore-report"
#define CS_REPORT_SCHEMA_VERSION 1

typedef struct cs_report_opts {
    int color;            /* ANSI colours in text */
    cs_level min_level;   /* findings below this level are not listed */
    int show_zero;        /* list findings that counted 0 (duplicates, caps) */
    int show_unchanged;   /* list untouched articles of a narrowed run (cs_scored) */
    int report_positive;  /* SARIF, GitHub: also findings of positive weight */
} cs_report_opts;

int cs_report_text(cs_buf *out, const cs_document *doc, const cs_result *res,
                   const cs_config *cfg, const cs_report_opts *o);

/* One scored article of a run. */
typedef struct cs_scored {
    cs_document doc;
    cs_result res;
    int below;            /* 0, or why the article fails: CS_FAIL_* */
    char why[160];        /* why it failed, for reports ("" = the score threshold) */
    /* --baseline / --diff-base: only new findings count (res is scored
     * over them); the others are suppressed with the mode's reason. */
    int narrowed;         /* 1 in those modes */
    int untouched;        /* narrowed, a known article with nothing new: not
                           * gated, and not listed unless opts.show_unchanged */
    size_t fresh;         /* the new findings (not suppressed, not duplicates) */
    size_t old;           /* the findings left out as not new */
    double whole_score;   /* the article's real score, every finding counted */
    const char *whole_verdict;
} cs_scored;

/* Everything a report of a whole run needs. */
typedef struct cs_run {
    const cs_scored *items;
    size_t n;
    const cs_config *cfg;
    const struct cs_ruleset *rules;      /* for rule metadata (SARIF) */
    const struct cs_plugin_set *plugins; /* idem */
    int has_threshold;
    double threshold;
    size_t errors;                       /* files that could not be scored */
    cs_report_opts opts;
    const char *tool_version;
    /* --baseline / --diff-base (cs_scored.narrowed): what was given, and
     * the suppress_reason pointers that mark a finding as not new. */
    const char *baseline_file;           /* or NULL */
    const char *diff_base;               /* or NULL */
    const char *baseline_reason;
    const char *unchanged_reason;
} cs_run;

/* Text, JSON and GitHub reports are written article by article, so that
 * a run over many files keeps no article after writing it: begin, one call
 * per article in input order, end.  An article may also be rendered apart,
 * as a fragment (in a worker process, say), and spliced in later: the
 * bytes are the same.  run->items and run->n are not read; run->errors is
 * read at the end.  The caller may empty *out (after writing it somewhere)
 * between calls.  Each returns 0, or -1 when memory runs out;
 * cs_run_writer_free releases the scratch buffers in any case (after end,
 * or instead of it). */
typedef enum cs_run_kind { CS_RUN_TEXT, CS_RUN_JSON, CS_RUN_GITHUB } cs_run_kind;

/* Why an article fails the gate (cs_scored.below). */
enum { CS_FAIL_THRESHOLD = 1, CS_FAIL_MAX = 2, CS_FAIL_UNSOURCED = 3 };

typedef struct cs_run_writer {
    cs_run_kind kind;
    cs_buf *out;
    cs_json j;            /* JSON: the open document */
    size_t n, failed;     /* articles written, and those that fail (CS_FAIL_*) */
    size_t untouched;     /* ... with nothing new (narrowed runs) */
    size_t over_max;      /* ... of them over a --max limit */
    size_t unsourced;     /* ... with nothing to judge under scoring.unsourced: fail */
    double sum;           /* of their scores (narrowed: their whole scores) */
    cs_buf frag;          /* scratch: the article being written */
} cs_run_writer;

int cs_run_writer_begin(cs_run_writer *w, cs_run_kind kind, cs_buf *out, const cs_run *run);
int cs_run_writer_article(cs_run_writer *w, const cs_run *run, const cs_scored *sc);
int cs_run_writer_end(cs_run_writer *w, const cs_run *run);
/* An article of a `kind` report as a fragment, appended to out. */
int cs_run_fragment(cs_run_kind kind, cs_buf *out, const cs_run *run, const cs_scored *sc);
/* Put a fragment in place as the next article; below, untouched and
 * score are the article's (cs_scored), for the summary. */
int cs_run_writer_splice(cs_run_writer *w, const char *frag, size_t len, int below,
                         int untouched, double score);
void cs_run_writer_free(cs_run_writer *w);

/* One article's GitHub workflow commands (report_github.c); path and tmp
 * are scratch buffers. */
int cs_report_github_article(cs_buf *out, cs_buf *path, cs_buf *tmp, const cs_run *run,
                             const cs_scored *sc);
/* The text report's parts of a run (report_text.c): one article with why
 * it fails (in a narrowed run an untouched article is left out unless
 * opts.show_unchanged), appended to out; the closing lines after the last
 * article (a narrowed run's gate line, the counts of w). */
int cs_report_text_article(cs_buf *out, const cs_run *run, const cs_scored *sc);
int cs_report_text_run_end(cs_run_writer *w, const cs_run *run);
/* The JSON report's document around the articles (report_json.c): its
 * opening ("schema", "version", "articles": [) started in w->j on w->out,
 * and its closing summary from the counts of w. */
int cs_report_json_run_begin(cs_run_writer *w);
int cs_report_json_run_end(cs_run_writer *w, const cs_run *run);
/* Whole-run reports, from run->items.  Each appends to out and returns 0,
 * or -1 on OOM.  SARIF 2.1.0 (report_sarif.c). */
int cs_report_run_sarif(cs_buf *out, const cs_run *run);
/* JUnit XML: one testsuite per run, one testcase per article (report_junit.c). */
int cs_report_run_junit(cs_buf *out, const cs_run *run);
/* One self-contained HTML page for editors (report_html.c). */
int cs_report_run_html(cs_buf *out, const cs_run *run);
/* Parts of that page, for a page of one's own (the playground of
 * `credscore serve`): one article's <section class="article" id="a1">
 * (summary, text with the findings marked, notes) exactly as the page
 * shows its first article; and the stylesheet its classes need (the
 * marker colours of cfg included), without the <style> tags. */
int cs_report_html_article(cs_buf *out, const cs_run *run, const cs_scored *sc);
int cs_report_html_style(cs_buf *out, const cs_config *cfg);

/* One article as a JSON object (inside a run, or one JSONL line when
 * id_json is set: the record's id as a JSON value, written as it is). */
int cs_report_json_article(cs_json *j, const cs_document *doc, const cs_result *res,
                           const cs_config *cfg, const char *id_json, const cs_report_opts *o);
/* The same for an article of a run: with, when it is narrowed, its
 * "changed" object ({"new_findings", "untouched", "whole_score",
 * "whole_verdict"}) after "verdict". */
int cs_report_json_scored(cs_json *j, const cs_run *run, const cs_scored *sc);

/* Is finding f left out as not new in a narrowed run (in the baseline, or
 * on a line unchanged since --diff-base)? */
int cs_report_is_old(const cs_run *run, const cs_finding *f);

#endif
