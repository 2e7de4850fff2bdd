/*
 * stream.h - score a JSONL stream (`credscore score --jsonl`): one JSON
 * object per input line ({"id", "text", optional "format"}) in, one JSON
 * report per line out, in input order, written as the answers come.  A
 * malformed line yields {"id", "line": N, "error": "..."} and the stream
 * goes on.
 *
 * Lines are scored in worker processes (pool.h, jobs of them), in batches
 * of up to CS_STREAM_BATCH_LINES lines; each worker reads its records
 * with its own cs_jsonl_reader (jsonl.h).  A worker answers one output
 * line per input line and packs the counts in its status, so that the
 * answers are written as they come without being looked at.  When a
 * worker dies on a batch (or overruns the time limit), the pool hands the
 * batch back and its lines are scored again one by one in a one-worker
 * quarantine pool, so a plugin that crashes on one article costs that
 * line only (an error line naming the plugin) and output order is kept.
 * Once *stop is set (a signal), reading stops; lines already read are
 * finished and written.
 *
 * Every answer to a record, whichever path wrote it (report, error line,
 * timeout, crash), echoes the record's id by one rule (jsonl.h): the
 * id_json of cs_jsonl_read, or null when the record has no valid id.
 * Each answer passes the gates (gate.h: threshold and limits; a stream is
 * not narrowed).  Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_STREAM_H
#define CS_STREAM_H

#include <signal.h>
#include <stddef.h>

#include "atomic_file.h"
#include "gate.h"
#include "jsonl.h"
#include "line_reader.h"
#include "report.h"
#include "session.h"

#define CS_STREAM_MAX_LINE (64u * 1024 * 1024) /* longer records are refused, not buffered */

typedef struct cs_stream_opts {
    cs_session *ses;            /* its scorer scores the records */
    const cs_gate *gate;
    cs_format input_format;     /* records without "format" (0: text) */
    cs_level min_level;         /* reports: findings of at least this level */
    int show_zero;              /* reports: also findings that counted 0 */
    int jobs;                   /* worker processes (at least 1) */
    int timeout;                /* seconds per record (0: none) */
    const char *name;           /* the stream, in messages ("-" or the file) */
    cs_out_file *out;           /* answers go here when out->name is set, else stdout */
    void (*warn)(void *ctx, const char *msg); /* "line N: not scored: ...; the other
                                               * lines go on" */
    void (*progress)(void *ctx, size_t answered, unsigned long long bytes); /* after
                                 * each batch written */
    void (*progress_done)(void *ctx); /* once every batch in flight is written */
    void *ctx;                  /* for warn and the progress calls */
    const volatile sig_atomic_t *stop; /* set: read no more */
} cs_stream_opts;

/* How far a stream got. */
typedef struct cs_stream_totals {
    size_t lines;               /* input lines read */
    unsigned long long bytes;   /* input bytes batched */
    size_t written;             /* records answered */
    size_t errors;              /* ... with an error line */
    size_t failed;              /* ... that fail a gate */
    size_t first_errors[3];     /* the input lines of the first errors */
} cs_stream_totals;

typedef struct cs_stream cs_stream;

/* Start the workers (forked now: install signal handlers after this). */
int cs_stream_start(cs_stream **out, const cs_stream_opts *o, cs_diag *d);

/* Answer every line r gives until its end or *stop; totals in *t.  0 when
 * every line read is answered, else -1 with d ("NAME: read error after
 * line N: ...", a worker pool failure, an output error). */
int cs_stream_run(cs_stream *s, cs_line_reader *r, cs_stream_totals *t, cs_diag *d);

void cs_stream_free(cs_stream *s);

/* The next line "LINENO\tRECORD" of a batch (the item the stream's and the
 * server's workers get) at *p, before end: 1 with *lineno, *rec and
 * *rec_len set and *p moved past the line, 0 when no line is left.  A
 * line without a tab (none is written) is passed over. */
int cs_stream_batch_next(const char **p, const char *end, size_t *lineno, const char **rec,
                         size_t *rec_len);

/* What scoring one record needs; the reader, the result and the document
 * are the caller's, reused from record to record. */
typedef struct cs_record_scoring {
    cs_scorer *scorer;
    const cs_config *cfg;
    cs_report_opts ro;        /* of the article's JSON report */
    cs_format fmt;            /* of records without "format" */
    cs_jsonl_reader *reader;
    cs_result *res;           /* the record's result after a 0 return */
    cs_document *doc;         /* the record's article (it reads the reader's
                                 text in place), or NULL: one of its own */
} cs_record_scoring;

/* Score one JSONL record, line lineno of its stream, and append its answer
 * line to out: the article's JSON report, or the error line of
 * cs_jsonl_error_line when the record is malformed or cannot be scored.
 * Both `score --jsonl` (in its workers) and the server's stream answer a
 * record this way.  0, or -1 when the answer is an error line. */
int cs_stream_score_record(const cs_record_scoring *rs, size_t lineno, const char *line,
                           size_t llen, cs_buf *out);

/* "line 4", "lines 4 and 9", "lines 4, 9 and 17", "lines 4, 9, 17 and 2
 * more": the first errors' input lines, into buf (size n). */
void cs_stream_error_lines(const cs_stream_totals *t, char *buf, size_t n);

#endif
