/* cmd_stream.c - `credscore score --jsonl FILE|-`: one JSON object per input
 * line ({"id", "text", optional "format"}) in, one JSON report per line
 * out, in input order, flushed line by line.  A malformed line yields
 * {"id", "line": N, "error": "..."} and the stream goes on.
 *
 * Lines are scored in worker processes (pool.h, -j N of them), in batches
 * of up to BATCH_LINES lines; each worker reads its records with its own
 * cs_jsonl_reader (jsonl.h).  A worker answers one output line per input
 * line and packs the counts in its status, so the parent writes answers
 * as they come without looking at them.  When a worker dies on a batch
 * (or overruns --timeout), the pool hands the batch back and its lines
 * are scored again one by one in a one-worker quarantine pool, so a
 * plugin that crashes on one article costs that line only (an error line
 * naming the plugin) and output order is kept.  SIGINT/SIGTERM/SIGHUP
 * stop reading; lines already read are finished and written, and stderr
 * says how far the stream got.
 *
 * Every answer to a record, whichever path wrote it (report, error line,
 * timeout, crash), echoes the record's id by one rule (jsonl.h): the
 * id_json of cs_jsonl_read, or null when the record has no valid id.
 *
 * With -o FILE the answers go to a temporary file beside FILE, renamed over
 * it once the whole stream is answered (malformed lines included, as they
 * are answered in the output); an interrupted or failed stream leaves FILE
 * as it was.  A FILE that is not a regular file (a FIFO, /dev/stdout) is
 * written in place, line by line (atomic_file.h). */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "json_writer.h"
#include "jsonl.h"
#include "pool.h"
#include "progress.h"
#include "report.h"

enum { LINE_OK = 0, LINE_BELOW = 1, LINE_ERROR = 2 };

/* Small batches: the per-batch cost is a few system calls, while the
 * memory each batch's answer passes through (4 to 5 times the batch) is
 * fresh pages on the first rounds; 16 lines or 64 KiB measured best on the
 * bench corpus (tests/bench), ahead of 64 lines / 256 KiB and 4 / 16 KiB. */
#define BATCH_LINES 16
#define BATCH_BYTES (64 * 1024)
#define MAX_LINE (64u * 1024 * 1024) /* longer records are refused, not buffered */
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

/* Reads lines from a file descriptor and can tell whether the next line is
 * already available, so a batch never waits for lines not yet written. */
typedef struct line_reader {
    int fd;
    char *buf;
    size_t pos, len, cap;
    int eof;
    int skipping;   /* inside an over-long line, dropping it */
} line_reader;

enum { LR_EOF = 0, LR_LINE = 1, LR_NOT_READY = 2, LR_TOO_LONG = 3, LR_ERROR = -1 };

/* Next line (without its newline) into line and len.  With may_block == 0
 * returns LR_NOT_READY instead of waiting.  LR_TOO_LONG reports a record
 * over MAX_LINE (skipped).  LR_ERROR with errno (EINTR on a signal). */
static int lr_next(line_reader *r, int may_block, const char **line, size_t *len)
{
    for (;;) {
        char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
        if (nl) {
            size_t start = r->pos;
            r->pos = (size_t)(nl - r->buf) + 1;
            if (r->skipping) {
                r->skipping = 0;
                return LR_TOO_LONG;
            }
            *line = r->buf + start;
            *len = (size_t)(nl - r->buf) - start;
            return LR_LINE;
        }
        if (r->eof) {
            if (r->pos < r->len && !r->skipping) { /* last line without newline */
                *line = r->buf + r->pos;
                *len = r->len - r->pos;
                r->pos = r->len;
                return LR_LINE;
            }
            if (r->skipping) {
                r->skipping = 0;
                return LR_TOO_LONG;
            }
            return LR_EOF;
        }
        if (!may_block) {
            struct pollfd pfd = {r->fd, POLLIN, 0};
            if (poll(&pfd, 1, 0) <= 0)
                return LR_NOT_READY;
        }
        /* Make room: drop consumed bytes, or the whole over-long line. */
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->len >= MAX_LINE) {
            r->skipping = 1;
            r->len = 0;
        }
        if (r->cap - r->len < 65536) {
            size_t ncap = r->cap ? r->cap * 2 : 1 << 18; /* grows with the longest line */
            char *nb = realloc(r->buf, ncap);
            if (nb == NULL)
                return LR_ERROR;
            r->buf = nb;
            r->cap = ncap;
        }
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0)
            return LR_ERROR;
        if (n == 0)
            r->eof = 1;
        r->len += (size_t)n;
    }
}

typedef struct stream_ctx {
    const cs_cli *cli;
    cs_session *ses;
    cs_result res;
    cs_jsonl_reader reader; /* this process's record buffers */
    const cs_gate *gate;
} stream_ctx;

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* An error answer; id_json is the record's id as JSON (NULL: null). */
static void error_line(cs_buf *out, size_t lineno, const char *id_json, const char *msg)
{
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_key(&j, "id");
    if (id_json)
        cs_json_raw(&j, id_json);
    else
        cs_json_null(&j);
    cs_json_kv_int(&j, "line", (long long)lineno);
    cs_json_kv_string(&j, "error", msg);
    cs_json_end_object(&j);
    cs_buf_putc(out, '\n');
}

/* Score one line into out.  Returns LINE_*. */
static int score_line(stream_ctx *c, size_t lineno, const char *line, size_t llen, cs_buf *out)
{
    cs_format fmt = c->cli->input_format ? c->cli->input_format : CS_FORMAT_TEXT;
    cs_jsonl_record rec;
    cs_diag d;
    if (cs_jsonl_read(&c->reader, line, llen, fmt, &rec) != 0) {
        error_line(out, lineno, rec.id_json, rec.err);
        return LINE_ERROR;
    }
    cs_document doc;
    int status = LINE_ERROR;
    if (cs_document_load_memory_max(&doc, rec.id, rec.text, rec.text_len, rec.fmt,
                                    c->ses->cfg.limits.article_bytes, &d) != 0 ||
        cs_scorer_score(c->ses->scorer, &doc, &c->res, &d) != 0) {
        error_line(out, lineno, rec.id_json, d.msg);
        goto out;
    }
    cs_report_opts ro = {.min_level = c->cli->min_level, .show_zero = c->cli->show_zero};
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_report_json_article(&j, &doc, &c->res, &c->ses->cfg, rec.id_json, &ro);
    cs_buf_putc(out, '\n');
    char why[160];
    status = cs_gate_judge(c->gate, &c->res, why, sizeof why) ? LINE_BELOW : LINE_OK;
out:
    cs_document_free(&doc);
    return status;
}

/* Score a batch (runs in a worker).  The item is lines "LINENO\tJSON\n";
 * one output line per item line, then, for each line answered with an
 * error, its line number as a uint64_t (the trailer: status_errors of
 * them, split off by take_trailer); the status packs the counts
 * (batch_status). */
static int score_batch(void *vctx, const char *item, size_t len, char *note, cs_buf *out)
{
    stream_ctx *c = vctx;
    int lines = 0, errors = 0, below = 0;
    uint64_t err_lines[BATCH_LINES];
    cs_scorer_set_crash_note(c->ses->scorer, note, CS_POOL_NOTE_MAX);
    const char *p = item, *end = item + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            nl = end;
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        if (tab && (size_t)(nl - tab - 1) == sizeof TOO_LONG_MARK - 1 &&
            memcmp(tab + 1, TOO_LONG_MARK, sizeof TOO_LONG_MARK - 1) == 0) {
            char msg[96];
            snprintf(msg, sizeof msg, "record longer than %u MiB: refused", MAX_LINE >> 20);
            error_line(out, (size_t)strtoull(p, NULL, 10), NULL, msg);
            if (errors < BATCH_LINES)
                err_lines[errors++] = strtoull(p, NULL, 10);
            lines++;
        } else if (tab) {
            int st = score_line(c, (size_t)strtoull(p, NULL, 10), tab + 1,
                                (size_t)(nl - tab - 1), out);
            if (st == LINE_ERROR && errors < BATCH_LINES)
                err_lines[errors++] = strtoull(p, NULL, 10);
            below += st == LINE_BELOW;
            lines++;
        }
        p = nl + 1;
    }
    if (errors && cs_buf_append(out, err_lines, (size_t)errors * sizeof *err_lines) != 0)
        return -1; /* out of memory: like a crash, the batch is replayed line by line */
    return batch_status(lines, errors, below);
}

typedef struct stream_state {
    stream_ctx *ctx;
    cs_pool *quarantine; /* one worker, made on the first crash */
    size_t errors, failed, written;
    size_t first_errors[3];  /* the input lines of the first errors, for the summary */
    cs_buf scratch;
    cs_jsonl_reader reader; /* the parent's, for the id of a line lost in quarantine */
    cs_out_file out;        /* -o FILE, when open (out.name set) */
} stream_state;

/* Answers to -o FILE, else to standard output. */
static int write_out(stream_state *st, const char *data, size_t len, cs_diag *d)
{
    if (st->out.name)
        return cs_out_write(&st->out, data, len, d);
    if (cs_write_all(STDOUT_FILENO, data, len) != 0)
        return cs_diag_set(d, "cannot write to standard output: %s", strerror(errno));
    return 0;
}

/* Count an error answered for input line lineno. */
static void note_error(stream_state *st, size_t lineno)
{
    if (st->errors < sizeof st->first_errors / sizeof *st->first_errors)
        st->first_errors[st->errors] = lineno;
    st->errors++;
}

/* A batch's answer: its output lines, less the trailer of error line
 * numbers (score_batch), which are counted.  *len is set to the length of
 * the output lines.  Returns 0, or -1 when the answer is cut short. */
static int take_trailer(stream_state *st, const cs_pool_result *r, size_t *len, cs_diag *d)
{
    size_t n = status_errors(r->status);
    if (r->len < n * sizeof(uint64_t))
        return cs_diag_set(d, "internal: a worker's answer is cut short");
    *len = r->len - n * sizeof(uint64_t);
    for (size_t i = 0; i < n; i++) {
        uint64_t lineno;
        memcpy(&lineno, r->data + *len + i * sizeof lineno, sizeof lineno);
        note_error(st, (size_t)lineno);
    }
    return 0;
}

/* A worker died on the batch [batch, batch + len): score its lines one by
 * one in quarantine. */
static int replay(stream_state *st, const char *batch, size_t len, cs_diag *d)
{
    if (st->quarantine == NULL &&
        cs_pool_start(&st->quarantine, 1, score_batch, st->ctx, d) != 0)
        return -1;
    cs_pool_set_timeout(st->quarantine, st->ctx->cli->timeout);
    const char *p = batch, *end = batch + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            nl = end;
        if (cs_pool_submit(st->quarantine, p, (size_t)(nl - p) + (nl < end), d) != 0)
            return -1;
        cs_pool_result r;
        if (cs_pool_next(st->quarantine, &r, d) != 1)
            return -1;
        if (r.status < 0) {
            size_t lineno = (size_t)strtoull(p, NULL, 10);
            const char *tab = memchr(p, '\t', (size_t)(nl - p));
            cs_jsonl_record rec = {0};
            if (tab) /* the id by the same rule as a scored line's (valid on an error too) */
                cs_jsonl_read(&st->reader, tab + 1, (size_t)(nl - tab - 1), CS_FORMAT_TEXT, &rec);
            char msg[256];
            snprintf(msg, sizeof msg, "not scored: %s", r.crash);
            st->scratch.len = 0;
            error_line(&st->scratch, lineno, rec.id_json, msg);
            cs_cli_errorf("line %zu: %s; the other lines go on", lineno, msg);
            note_error(st, lineno);
            if (write_out(st, st->scratch.data, st->scratch.len, d) != 0)
                return -1;
        } else {
            size_t out_len;
            if (take_trailer(st, &r, &out_len, d) != 0)
                return -1;
            st->failed += status_below(r.status);
            if (write_out(st, r.data, out_len, d) != 0)
                return -1;
        }
        st->written++;
        p = nl + 1;
    }
    return 0;
}

/* Write one finished batch straight from the pool's buffer (or replay it
 * after a crash). */
static int emit(stream_state *st, const cs_pool_result *r, cs_diag *d)
{
    if (r->status < 0)
        return replay(st, r->item, r->item_len, d);
    size_t out_len;
    if (take_trailer(st, r, &out_len, d) != 0)
        return -1;
    st->failed += status_below(r->status);
    st->written += status_lines(r->status);
    return write_out(st, r->data, out_len, d);
}

/* "line 4", "lines 4 and 9", "lines 4, 9 and 17", "lines 4, 9, 17 and 2
 * more": the first errors' input lines, into buf (size n). */
static void error_lines_text(const stream_state *st, char *buf, size_t n)
{
    size_t shown = st->errors < 3 ? st->errors : 3;
    int k = snprintf(buf, n, "line%s", st->errors == 1 ? "" : "s");
    for (size_t i = 0; i < shown && k >= 0 && (size_t)k < n; i++)
        k += snprintf(buf + k, n - (size_t)k, "%s%zu",
                      i == 0 ? " " : (i + 1 == shown && st->errors == shown) ? " and " : ", ",
                      st->first_errors[i]);
    if (st->errors > shown && k >= 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, " and %zu more", st->errors - shown);
}

int cs_cmd_stream(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    stream_ctx ctx;
    cs_pool *pool = NULL;
    cs_buf item = {0};
    stream_state st;
    FILE *in = NULL;
    line_reader lr = {-1, NULL, 0, 0, 0, 0, 0};
    cs_diag d;
    cs_progress prog = {0};
    cs_gate gate;
    int gate_open = 0;
    memset(&ctx, 0, sizeof ctx);
    memset(&st, 0, sizeof st);
    st.out.fd = -1;
    cs_result_init(&ctx.res);
    cs_jsonl_reader_init(&ctx.reader);
    cs_jsonl_reader_init(&st.reader);
    const char *src = cli->nargs ? cli->args[0] : "-";
    if (cli->nargs > 1) {
        cs_cli_error("score --jsonl reads one stream (a file or -)");
        return CS_EXIT_ERROR;
    }
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    if (cs_cli_open_gate(&gate, cli, &ses.cfg, 0) != 0)
        goto out;
    gate_open = 1;
    in = strcmp(src, "-") == 0 ? stdin : fopen(src, "r");
    if (in == NULL) {
        cs_cli_errorf("%s: cannot open: %s", src, strerror(errno));
        goto out;
    }
    if (cli->output) {
        char *inputs[] = {(char *)src};
        if (cs_cli_check_output(cli, &ses, cli->output, inputs, 1) != 0)
            goto out;
        if (cs_out_open(&st.out, cli->output, &d) != 0) {
            cs_cli_error(d.msg);
            goto out;
        }
    }
    lr.fd = fileno(in);
    ctx.cli = cli;
    ctx.ses = &ses;
    ctx.gate = &gate;
    int jobs = cli->jobs > 0 ? cli->jobs : 1;
    if (cs_pool_start(&pool, jobs, score_batch, &ctx, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    /* A batch over the limit is replayed line by line, each line with the
     * same limit: only a slow line is lost, never a batch. */
    cs_pool_set_timeout(pool, cli->timeout);
    /* Batches read ahead of the answers written: in flight, queued or
     * answered out of order. */
    size_t max_pending = (size_t)jobs * 4 + 7;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    st.ctx = &ctx;
    size_t lineno = 0;
    unsigned long long bytes_read = 0; /* input bytes batched so far, for the progress line */
    struct stat in_st;
    cs_progress_start(&prog, cli->progress, cli->quiet,
                      cli->output == NULL && isatty(STDOUT_FILENO),
                      fstat(lr.fd, &in_st) == 0 && S_ISREG(in_st.st_mode)
                          ? (unsigned long long)in_st.st_size
                          : 0);
    cs_pool_result r;
    int eof = 0;
    while (!stop_requested) {
        /* Batch the lines that are already there, then write what is ready. */
        while (cs_pool_can_submit(pool) && cs_pool_pending(pool) < max_pending && !eof &&
               !stop_requested) {
            item.len = 0;
            int lines = 0;
            while (lines < BATCH_LINES && item.len < BATCH_BYTES) {
                const char *l;
                size_t len;
                int may_block = lines == 0 && cs_pool_pending(pool) == 0;
                int rc = lr_next(&lr, may_block, &l, &len);
                if (rc == LR_NOT_READY)
                    break;
                if (rc == LR_EOF) {
                    eof = 1;
                    break;
                }
                if (rc == LR_ERROR) {
                    if (errno == EINTR)
                        break;
                    cs_cli_errorf("%s: read error after line %zu: %s", src,
                                  lineno, strerror(errno));
                    goto out;
                }
                lineno++;
                if (rc == LR_TOO_LONG) {
                    /* Answer in order: flush the batch so far, then the error. */
                    if (cs_buf_printf(&item, "%zu\t%s\n", lineno, TOO_LONG_MARK) != 0) {
                        cs_cli_error("out of memory");
                        goto out;
                    }
                    lines++;
                    break;
                }
                bytes_read += len + 1;
                while (len && (l[len - 1] == '\r'))
                    len--;
                if (len == 0)
                    continue; /* blank lines are allowed between records */
                if (cs_buf_printf(&item, "%zu\t", lineno) != 0 ||
                    cs_buf_append(&item, l, len) != 0 || cs_buf_putc(&item, '\n') != 0) {
                    cs_cli_error("out of memory");
                    goto out;
                }
                lines++;
            }
            if (lines == 0)
                break;
            /* The pool takes the batch (and hands it back if its worker
             * dies); item becomes an empty buffer for the next one. */
            if (cs_pool_submit_buf(pool, &item, &d) != 0) {
                cs_cli_error(d.msg);
                goto out;
            }
        }
        if (eof && cs_pool_pending(pool) == 0)
            break;
        if (cs_pool_pending(pool) == 0)
            continue; /* nothing in flight: go back to reading */
        int got = cs_pool_next(pool, &r, &d);
        if (got < 0 || (got == 1 && emit(&st, &r, &d) != 0)) {
            cs_cli_error(d.msg);
            goto out;
        }
        cs_progress_update(&prog, st.written, bytes_read);
    }
    /* Finish what was read. */
    int got;
    while ((got = cs_pool_next(pool, &r, &d)) == 1) {
        if (emit(&st, &r, &d) != 0) {
            cs_cli_error(d.msg);
            goto out;
        }
        cs_progress_update(&prog, st.written, bytes_read);
    }
    cs_progress_finish(&prog);
    if (got < 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    if (stop_requested) {
        cs_cli_errorf("%s: interrupted: %zu record%s %s, through input line %zu",
                      src, st.written, st.written == 1 ? "" : "s",
                      cs_out_is_atomic(&st.out) ? "answered" : "written", lineno);
        if (cs_out_is_atomic(&st.out))
            cs_cli_errorf("%s left unchanged because the stream was interrupted",
                          cli->output);
        goto out;
    }
    if (st.out.name && cs_out_commit(&st.out, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    if (st.errors) {
        char where[128];
        error_lines_text(&st, where, sizeof where);
        cs_cli_errorf("%s: %zu malformed or failed line%s (%s; reported in the output)",
                      src, st.errors, st.errors == 1 ? "" : "s", where);
    }
    exit_code = st.errors                        ? CS_EXIT_ERROR
                : (st.failed && !cli->no_exit) ? CS_EXIT_THRESHOLD
                                               : CS_EXIT_OK;
out:
    cs_progress_finish(&prog);
    cs_out_abort(&st.out); /* the answers of a stream not finished are dropped */
    cs_pool_free(pool);
    cs_pool_free(st.quarantine);
    cs_buf_free(&st.scratch);
    if (in && in != stdin)
        fclose(in);
    free(lr.buf);
    cs_buf_free(&item);
    cs_result_free(&ctx.res);
    cs_jsonl_reader_free(&ctx.reader);
    cs_jsonl_reader_free(&st.reader);
    if (gate_open)
        cs_gate_close(&gate);
    cs_session_close(&ses);
    return exit_code;
}
