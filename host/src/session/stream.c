/* stream.c - score a JSONL stream in worker processes, in input order
 * (stream.h). */
#include "stream.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document_load.h"
#include "json_writer.h"
#include "pool.h"

/* Small batches: the per-batch cost is a few system calls, while the
 * memory each batch's answer passes through (4 to 5 times the batch) is
 * fresh pages on the first rounds; 16 lines or 64 KiB measured best on the
 * bench corpus (tests/bench), ahead of 64 lines / 256 KiB and 4 / 16 KiB. */
#define BATCH_LINES 16
#define BATCH_BYTES (64 * 1024)
#define TOO_LONG_MARK "\001too-long" /* stands for a refused record in a batch */

/* A batch's status packs three counts of COUNT_BITS each: lines answered
 * (one output line each), errors, lines below the threshold. */
#define COUNT_BITS 10
#define COUNT_MASK ((1 << COUNT_BITS) - 1)
_Static_assert(BATCH_LINES <= COUNT_MASK && 3 * COUNT_BITS < sizeof(int) * CHAR_BIT - 1,
               "batch counts must fit in a worker's status");

static int batch_status(int lines, int errors, int below)
{
    return (lines << COUNT_BITS | errors) << COUNT_BITS | below;
}

static size_t status_lines(int status)
{
    return (size_t)(status >> 2 * COUNT_BITS & COUNT_MASK);
}

static size_t status_errors(int status)
{
    return (size_t)(status >> COUNT_BITS & COUNT_MASK);
}

static size_t status_below(int status)
{
    return (size_t)(status & COUNT_MASK);
}

/* One record of a batch in a worker: its buffers, reused from batch to
 * batch, and what became of it in the batch being scored. */
typedef struct batch_slot {
    cs_jsonl_reader reader;  /* the record's buffers (the article reads its text in place) */
    cs_document doc;
    cs_result res;
    size_t lineno;
    cs_jsonl_record rec;
    cs_diag d;
    const char *error;       /* the error answer's message, or NULL: scored */
    size_t rec_len;          /* the record's bytes */
} batch_slot;

/* Free what a slot holds and make it as new. */
static void slot_release(batch_slot *sl)
{
    cs_jsonl_reader_free(&sl->reader);
    cs_jsonl_reader_init(&sl->reader);
    cs_document_free(&sl->doc);
    memset(&sl->doc, 0, sizeof sl->doc);
    cs_result_free(&sl->res);
    cs_result_init(&sl->res);
}

struct cs_stream {
    cs_stream_opts o;
    cs_pool *pool;
    cs_pool *quarantine;     /* one worker, made on the first crash */
    batch_slot slots[BATCH_LINES]; /* a worker's, one per line of a batch */
    cs_jsonl_reader ids;     /* the parent's, for the id of a line lost in quarantine */
    cs_buf scratch;          /* an error line written by the parent */
    cs_stream_totals *t;     /* of the run in progress */
};


/* Read the record line into rec and load its article into doc.  0, or -1
 * with the error answer's message in *why (rec's or d's). */
static int load_record(const cs_record_scoring *rs, const char *line, size_t llen,
                       cs_jsonl_record *rec, cs_document *doc, cs_diag *d, const char **why)
{
    if (cs_jsonl_read(rs->reader, line, llen, rs->fmt, rec) != 0) {
        *why = rec->err;
        return -1;
    }
    if (cs_document_load_borrowed(doc, rec->id, rec->text, rec->text_len, rec->fmt,
                                  rs->cfg->limits.article_bytes,
                                  rec->text_checked ? CS_DOC_CHECKED_UTF8 : 0, d) != 0) {
        *why = d->msg;
        return -1;
    }
    return 0;
}

/* Append a scored record's answer line to out: its article's JSON report. */
static void answer_record(const cs_record_scoring *rs, const cs_document *doc,
                          const cs_result *res, const cs_jsonl_record *rec, cs_buf *out)
{
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_report_json_article(&j, doc, res, rs->cfg, rec->id_json, &rs->ro);
    cs_buf_putc(out, '\n');
}

int cs_stream_score_record(const cs_record_scoring *rs, size_t lineno, const char *line,
                           size_t llen, cs_buf *out)
{
    cs_jsonl_record rec;
    cs_diag d;
    cs_document own = {0};
    cs_document *doc = rs->doc ? rs->doc : &own;
    const char *why;
    int rc = -1;
    if (load_record(rs, line, llen, &rec, doc, &d, &why) != 0) {
        cs_jsonl_error_line(out, lineno, rec.id_json, why);
        goto out;
    }
    if (cs_scorer_score(rs->scorer, doc, rs->res, &d) != 0) {
        cs_jsonl_error_line(out, lineno, rec.id_json, d.msg);
        goto out;
    }
    answer_record(rs, doc, rs->res, &rec, out);
    rc = 0;
out:
    cs_document_free(&own);
    return rc;
}

int cs_stream_batch_next(const char **p, const char *end, size_t *lineno, const char **rec,
                         size_t *rec_len)
{
    while (*p < end) {
        const char *line = *p;
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        if (nl == NULL)
            nl = end;
        *p = nl < end ? nl + 1 : end;
        const char *tab = memchr(line, '\t', (size_t)(nl - line));
        if (tab == NULL)
            continue;
        *lineno = (size_t)strtoull(line, NULL, 10);
        *rec = tab + 1;
        *rec_len = (size_t)(nl - tab - 1);
        return 1;
    }
    return 0;
}

/* Read up to BATCH_LINES lines of a batch from *p (before end) into the
 * worker's slots, score their articles together (cs_scorer_score_batch:
 * each stage's code and tables stay in the cache for all of them) and
 * append their answers to out in order.  Counts the lines, the errors
 * (their line numbers into err_lines) and the lines below the gate. */
static void score_round(cs_stream *s, const char **p, const char *end, cs_buf *out,
                        int *lines, int *errors, int *below, uint64_t *err_lines)
{
    cs_session *ses = s->o.ses;
    cs_record_scoring rs = {
        .scorer = ses->scorer,
        .cfg = &ses->cfg,
        .ro = {.min_level = s->o.min_level, .show_zero = s->o.show_zero},
        .fmt = s->o.input_format ? s->o.input_format : CS_FORMAT_TEXT,
    };
    const cs_document *docs[BATCH_LINES];
    cs_result *results[BATCH_LINES];
    cs_diag *diags[BATCH_LINES];
    int failed[BATCH_LINES];
    size_t ready[BATCH_LINES]; /* the slot of each article to score */
    size_t n = 0, nready = 0;
    const char *rec;
    size_t lineno, rec_len;
    while (n < BATCH_LINES && cs_stream_batch_next(p, end, &lineno, &rec, &rec_len)) {
        batch_slot *sl = &s->slots[n];
        sl->lineno = lineno;
        sl->rec_len = rec_len;
        sl->rec.id_json = NULL;
        sl->error = NULL;
        if (rec_len == sizeof TOO_LONG_MARK - 1 &&
            memcmp(rec, TOO_LONG_MARK, sizeof TOO_LONG_MARK - 1) == 0) {
            snprintf(sl->d.msg, sizeof sl->d.msg, "record longer than %u MiB: refused",
                     CS_STREAM_MAX_LINE >> 20);
            sl->error = sl->d.msg;
        } else {
            rs.reader = &sl->reader;
            if (load_record(&rs, rec, rec_len, &sl->rec, &sl->doc, &sl->d, &sl->error) == 0) {
                docs[nready] = &sl->doc;
                results[nready] = &sl->res;
                diags[nready] = &sl->d;
                ready[nready++] = n;
            }
        }
        n++;
    }
    cs_scorer_score_batch(ses->scorer, docs, results, diags, failed, nready);
    for (size_t k = 0; k < nready; k++)
        if (failed[k])
            s->slots[ready[k]].error = s->slots[ready[k]].d.msg;
    for (size_t k = 0; k < n; k++) {
        batch_slot *sl = &s->slots[k];
        (*lines)++;
        if (sl->error) {
            cs_jsonl_error_line(out, sl->lineno, sl->rec.id_json, sl->error);
            if (*errors < BATCH_LINES)
                err_lines[*errors] = sl->lineno;
            (*errors)++;
            continue;
        }
        answer_record(&rs, &sl->doc, &sl->res, &sl->rec, out);
        char why[160];
        *below += cs_gate_judge(s->o.gate, &sl->res, why, sizeof why) != 0;
    }
    /* A record larger than a whole batch does not leave its memory (the
     * text, the article, its findings) in its slot: a worker holds at most
     * one large article at a time, as it did before batches, not one per
     * slot (16 records of 4 MiB, each after k small ones: 1 GiB peak RSS
     * when kept, 0.28 GiB when freed).  Scoring such a record costs far
     * more than allocating its buffers again. */
    for (size_t k = 0; k < n; k++)
        if (s->slots[k].rec_len > BATCH_BYTES)
            slot_release(&s->slots[k]);
}

/* Score a batch (runs in a worker).  The item is lines "LINENO\tJSON\n"
 * (at most BATCH_LINES: the parent's batches; more are scored in rounds);
 * one output line per item line, then, for each line answered with an
 * error, its line number as a uint64_t (the trailer: status_errors of
 * them, split off by take_trailer); the status packs the counts
 * (batch_status). */
static int score_batch(void *vctx, const char *item, size_t len, char *note, cs_buf *out)
{
    cs_stream *s = vctx;
    int lines = 0, errors = 0, below = 0;
    uint64_t err_lines[BATCH_LINES];
    cs_scorer_set_crash_note(s->o.ses->scorer, note, CS_POOL_NOTE_MAX);
    const char *p = item, *end = item + len;
    while (p < end)
        score_round(s, &p, end, out, &lines, &errors, &below, err_lines);
    if (errors > BATCH_LINES)
        errors = BATCH_LINES;
    if (errors && cs_buf_append(out, err_lines, (size_t)errors * sizeof *err_lines) != 0)
        return -1; /* out of memory: like a crash, the batch is replayed line by line */
    return batch_status(lines, errors, below);
}

int cs_stream_start(cs_stream **out, const cs_stream_opts *o, cs_diag *d)
{
    cs_stream *s = calloc(1, sizeof *s);
    *out = NULL;
    if (s == NULL)
        return cs_diag_set(d, "out of memory");
    s->o = *o;
    for (size_t k = 0; k < BATCH_LINES; k++) {
        cs_result_init(&s->slots[k].res);
        cs_jsonl_reader_init(&s->slots[k].reader);
    }
    cs_jsonl_reader_init(&s->ids);
    if (cs_pool_start(&s->pool, o->jobs > 0 ? o->jobs : 1, score_batch, s, d) != 0) {
        cs_stream_free(s);
        return -1;
    }
    /* A batch over the limit is replayed line by line, each line with the
     * same limit: only a slow line is lost, never a batch. */
    cs_pool_set_timeout(s->pool, o->timeout);
    *out = s;
    return 0;
}

void cs_stream_free(cs_stream *s)
{
    if (s == NULL)
        return;
    cs_pool_free(s->pool);
    cs_pool_free(s->quarantine);
    cs_buf_free(&s->scratch);
    for (size_t k = 0; k < BATCH_LINES; k++) {
        cs_result_free(&s->slots[k].res);
        cs_jsonl_reader_free(&s->slots[k].reader);
        cs_document_free(&s->slots[k].doc);
    }
    cs_jsonl_reader_free(&s->ids);
    free(s);
}

/* Answers to the output file when one is open, else to standard output. */
static int write_out(cs_stream *s, const char *data, size_t len, cs_diag *d)
{
    if (s->o.out && s->o.out->name)
        return cs_out_write(s->o.out, data, len, d);
    if (cs_write_all(STDOUT_FILENO, data, len) != 0)
        return cs_diag_set(d, "cannot write to standard output: %s", strerror(errno));
    return 0;
}

/* Count an error answered for input line lineno. */
static void note_error(cs_stream_totals *t, size_t lineno)
{
    if (t->errors < sizeof t->first_errors / sizeof *t->first_errors)
        t->first_errors[t->errors] = lineno;
    t->errors++;
}

/* A batch's answer: its output lines, less the trailer of error line
 * numbers (score_batch), which are counted.  *len is set to the length of
 * the output lines.  Returns 0, or -1 when the answer is cut short. */
static int take_trailer(cs_stream *s, const cs_pool_result *r, size_t *len, cs_diag *d)
{
    size_t n = status_errors(r->status);
    if (r->len < n * sizeof(uint64_t))
        return cs_diag_set(d, "internal: a worker's answer is cut short");
    *len = r->len - n * sizeof(uint64_t);
    for (size_t i = 0; i < n; i++) {
        uint64_t lineno;
        memcpy(&lineno, r->data + *len + i * sizeof lineno, sizeof lineno);
        note_error(s->t, (size_t)lineno);
    }
    return 0;
}

/* A worker died on the line [p, nl) (in quarantine): answer it with an
 * error line naming how. */
static int lost_line(cs_stream *s, const char *p, const char *nl, const cs_pool_result *r,
                     cs_diag *d)
{
    size_t lineno = (size_t)strtoull(p, NULL, 10);
    const char *tab = memchr(p, '\t', (size_t)(nl - p));
    cs_jsonl_record rec = {0};
    if (tab) /* the id by the same rule as a scored line's (valid on an error too) */
        cs_jsonl_read(&s->ids, tab + 1, (size_t)(nl - tab - 1), CS_FORMAT_TEXT, &rec);
    char msg[256], warning[320];
    snprintf(msg, sizeof msg, "not scored: %s", r->crash);
    s->scratch.len = 0;
    cs_jsonl_error_line(&s->scratch, lineno, rec.id_json, msg);
    snprintf(warning, sizeof warning, "line %zu: %s; the other lines go on", lineno, msg);
    if (s->o.warn)
        s->o.warn(s->o.ctx, warning);
    note_error(s->t, lineno);
    return write_out(s, s->scratch.data, s->scratch.len, d);
}

/* A worker died on the batch [batch, batch + len): score its lines one by
 * one in quarantine. */
static int replay(cs_stream *s, const char *batch, size_t len, cs_diag *d)
{
    if (s->quarantine == NULL && cs_pool_start(&s->quarantine, 1, score_batch, s, d) != 0)
        return -1;
    cs_pool_set_timeout(s->quarantine, s->o.timeout);
    const char *p = batch, *end = batch + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            nl = end;
        if (cs_pool_submit(s->quarantine, p, (size_t)(nl - p) + (nl < end), d) != 0)
            return -1;
        cs_pool_result r;
        if (cs_pool_next(s->quarantine, &r, d) != 1)
            return -1;
        if (r.status < 0) {
            if (lost_line(s, p, nl, &r, d) != 0)
                return -1;
        } else {
            size_t out_len;
            if (take_trailer(s, &r, &out_len, d) != 0)
                return -1;
            s->t->failed += status_below(r.status);
            if (write_out(s, r.data, out_len, d) != 0)
                return -1;
        }
        s->t->written++;
        p = nl + 1;
    }
    return 0;
}

/* Write one finished batch straight from the pool's buffer (or replay it
 * after a crash). */
static int emit(cs_stream *s, const cs_pool_result *r, cs_diag *d)
{
    if (r->status < 0)
        return replay(s, r->item, r->item_len, d);
    size_t out_len;
    if (take_trailer(s, r, &out_len, d) != 0)
        return -1;
    s->t->failed += status_below(r->status);
    s->t->written += status_lines(r->status);
    return write_out(s, r->data, out_len, d);
}

/* Batch the lines already there into item (at least one line, waiting
 * for it, when nothing is in flight).  *lines gets the lines batched (0:
 * none ready), *eof 1 at the end.  -1 with d on a read error (EINTR: not
 * an error, *lines as far as it got). */
static int read_batch(cs_stream *s, cs_line_reader *r, cs_buf *item, int *lines, int *eof,
                      cs_diag *d)
{
    cs_stream_totals *t = s->t;
    item->len = 0;
    *lines = 0;
    while (*lines < BATCH_LINES && item->len < BATCH_BYTES) {
        const char *l;
        size_t len;
        int may_block = *lines == 0 && cs_pool_pending(s->pool) == 0;
        int rc = cs_line_next(r, may_block, &l, &len);
        if (rc == CS_LINE_NOT_READY)
            break;
        if (rc == CS_LINE_EOF) {
            *eof = 1;
            break;
        }
        if (rc == CS_LINE_ERROR) {
            if (errno == EINTR)
                break;
            return cs_diag_set(d, "%s: read error after line %zu: %s", s->o.name, t->lines,
                               strerror(errno));
        }
        t->lines++;
        if (rc == CS_LINE_TOO_LONG) {
            /* Answer in order: flush the batch so far, then the error. */
            if (cs_buf_printf(item, "%zu\t%s\n", t->lines, TOO_LONG_MARK) != 0)
                return cs_diag_set(d, "out of memory");
            (*lines)++;
            break;
        }
        t->bytes += len + 1;
        while (len && (l[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue; /* blank lines are allowed between records */
        if (cs_buf_printf(item, "%zu\t", t->lines) != 0 || cs_buf_append(item, l, len) != 0 ||
            cs_buf_putc(item, '\n') != 0)
            return cs_diag_set(d, "out of memory");
        (*lines)++;
    }
    return 0;
}

int cs_stream_run(cs_stream *s, cs_line_reader *r, cs_stream_totals *t, cs_diag *d)
{
    cs_buf item = {0};
    int rc = -1;
    memset(t, 0, sizeof *t);
    s->t = t;
    /* Batches read ahead of the answers written: in flight, queued or
     * answered out of order. */
    size_t max_pending = (size_t)(s->o.jobs > 0 ? s->o.jobs : 1) * 4 + 7;
    cs_pool_result res;
    int eof = 0;
    while (!*s->o.stop) {
        /* Batch the lines that are already there, then write what is ready. */
        while (cs_pool_can_submit(s->pool) && cs_pool_pending(s->pool) < max_pending && !eof &&
               !*s->o.stop) {
            int lines;
            if (read_batch(s, r, &item, &lines, &eof, d) != 0)
                goto out;
            if (lines == 0)
                break;
            /* The pool takes the batch (and hands it back if its worker
             * dies); item becomes an empty buffer for the next one. */
            if (cs_pool_submit_buf(s->pool, &item, d) != 0)
                goto out;
        }
        if (eof && cs_pool_pending(s->pool) == 0)
            break;
        if (cs_pool_pending(s->pool) == 0)
            continue; /* nothing in flight: go back to reading */
        int got = cs_pool_next(s->pool, &res, d);
        if (got < 0 || (got == 1 && emit(s, &res, d) != 0))
            goto out;
        if (s->o.progress)
            s->o.progress(s->o.ctx, t->written, t->bytes);
    }
    /* Finish what was read. */
    int got;
    while ((got = cs_pool_next(s->pool, &res, d)) == 1) {
        if (emit(s, &res, d) != 0)
            goto out;
        if (s->o.progress)
            s->o.progress(s->o.ctx, t->written, t->bytes);
    }
    if (s->o.progress_done)
        s->o.progress_done(s->o.ctx);
    rc = got < 0 ? -1 : 0;
out:
    cs_buf_free(&item);
    return rc;
}

void cs_stream_error_lines(const cs_stream_totals *t, char *buf, size_t n)
{
    size_t shown = t->errors < 3 ? t->errors : 3;
    int k = snprintf(buf, n, "line%s", t->errors == 1 ? "" : "s");
    for (size_t i = 0; i < shown && k >= 0 && (size_t)k < n; i++)
        k += snprintf(buf + k, n - (size_t)k, "%s%zu",
                      i == 0 ? " " : (i + 1 == shown && t->errors == shown) ? " and " : ", ",
                      t->first_errors[i]);
    if (t->errors > shown && k >= 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, " and %zu more", t->errors - shown);
}
