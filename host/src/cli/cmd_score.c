/* cmd_score.c - `credscore score FILES...`: score articles and folders,
 * print one report, apply the thresholds, return the exit code. */
#include <dirent.h>
#include <errno.h>
#include <strings.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "merge.h"
#include "pool.h"
#include "progress.h"
#include "result_codec.h"
#include "cli.h"
#include "discover.h"
#include "paths.h"
#include "report.h"

/* Write report bytes: to the -o file when one is open (atomic_file.h),
 * else to standard output. */
static int write_report(cs_out_file *of, const cs_buf *out, cs_diag *d)
{
    if (of->name)
        return cs_out_write(of, out->data, out->len, d);
    if (out->len && cs_write_all(STDOUT_FILENO, out->data, out->len) != 0)
        return cs_diag_set(d, "cannot write to standard output: %s", strerror(errno));
    return 0;
}

/* A report to standard output is written in pieces of about this size. */
#define FLUSH_BYTES (256 * 1024)

/* Render a whole run in a format that needs every article at once (the
 * others go through a cs_run_writer as the articles come). */
static int render(const cs_cli *cli, const cs_run *run, cs_buf *out)
{
    switch (cli->format) {
    case CS_OUT_SARIF: return cs_report_run_sarif(out, run);
    case CS_OUT_JUNIT: return cs_report_run_junit(out, run);
    case CS_OUT_HTML: return cs_report_run_html(out, run);
    default: return -1; /* (written as they come) */
    }
}

static void free_scored(cs_scored *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cs_document_free(&items[i].doc);
        cs_result_free(&items[i].res);
    }
    free(items);
}

typedef struct batch_ctx {
    const cs_cli *cli;
    cs_session *ses;
    cs_result res;          /* reused from file to file */
    int streamed;           /* the worker writes the article's report */
    cs_run_kind kind;       /* ... of this kind */
    const cs_run *run;      /* ... for this run */
    const cs_gate *gate;
} batch_ctx;

/* What a worker says of an article whose report it wrote (the bytes follow). */
typedef struct article_head {
    double score;
    int32_t below;
    int32_t untouched;
} article_head;

/* The size of an article file for the progress line: 0 for standard input
 * or a file that cannot be read (its error comes from the scoring). */
static unsigned long long file_bytes(const char *path)
{
    struct stat fst;
    if (strcmp(path, "-") == 0 || stat(path, &fst) != 0 || !S_ISREG(fst.st_mode))
        return 0;
    return (unsigned long long)fst.st_size;
}

/* A work item is a file's path or, for standard input, "-", a NUL byte and
 * the bytes read: the parent reads standard input once, since neither the
 * parent loading the article again nor a worker forked after a crash
 * could read it a second time. */
static int submit_file(cs_pool *pool, const char *path, cs_buf *item, long long max_bytes,
                       cs_diag *d)
{
    item->len = 0;
    if (cs_buf_append(item, path, strlen(path) + (strcmp(path, "-") == 0)) != 0)
        return cs_diag_set(d, "out of memory");
    if (strcmp(path, "-") == 0 && cs_document_read("-", item, max_bytes, d) != 0)
        return -1;
    return cs_pool_submit(pool, item->data, item->len, d);
}

/* Load the article of a work item (see submit_file). */
static int load_item(cs_document *doc, const char *item, size_t len, cs_format fmt,
                     long long max_bytes, cs_diag *d)
{
    size_t plen = strlen(item);
    if (plen < len)
        return cs_document_load_memory_max(doc, item, item + plen + 1, len - plen - 1, fmt,
                                           max_bytes, d);
    return cs_document_load_file_max(doc, item, fmt, max_bytes, d);
}

/* Score one file in a worker (the item: see submit_file).  The result (status 0)
 * is, for a report written article by article, an article_head and the
 * article's fragment, else the encoded cs_result; or an error message
 * (status 2). */
static int score_file_item(void *vctx, const char *item, size_t len, char *note, cs_buf *out)
{
    batch_ctx *c = vctx;
    cs_scored sc;
    cs_diag d;
    memset(&sc, 0, sizeof sc);
    cs_scorer_set_crash_note(c->ses->scorer, note, CS_POOL_NOTE_MAX);
    int status = 0;
    if (load_item(&sc.doc, item, len, c->cli->input_format, c->ses->cfg.limits.article_bytes,
                  &d) != 0 ||
        cs_scorer_score(c->ses->scorer, &sc.doc, &c->res, &d) != 0) {
        cs_buf_puts(out, d.msg);
        status = 2;
    } else if (!c->streamed) {
        if (cs_result_encode(&c->res, out) != 0) {
            cs_buf_puts(out, "out of memory");
            status = 2;
        }
    } else {
        sc.res = c->res; /* lent, and taken back below (narrowing may grow it) */
        article_head h = {0, 0, 0};
        if (cs_gate_settle(c->gate, &sc, &d) != 0) {
            cs_buf_puts(out, d.msg);
            status = 2;
        } else {
            h.score = sc.narrowed ? sc.whole_score : sc.res.score; /* the mean is of real scores */
            h.below = sc.below;
            h.untouched = sc.untouched;
            if (cs_buf_append(out, &h, sizeof h) != 0 ||
                cs_run_fragment(c->kind, out, c->run, &sc) != 0) {
                out->len = 0;
                cs_buf_puts(out, "out of memory");
                status = 2;
            }
        }
        c->res = sc.res;
    }
    cs_document_free(&sc.doc);
    return status;
}

/* A worker's answer for file `path`, its report already written: put it in
 * place.  *below says whether the article fails. */
static int take_written(const char *path, const cs_pool_result *r, cs_run_writer *w,
                        int *below, cs_diag *d)
{
    article_head h;
    if (r->status < 0)
        return cs_diag_at(d, path, 0, 0, "not scored: %s", r->crash);
    if (r->status != 0)
        return cs_diag_set(d, "%.*s", (int)r->len, r->data);
    if (r->len < sizeof h)
        return cs_diag_at(d, path, 0, 0, "internal: a worker's answer is cut short");
    memcpy(&h, r->data, sizeof h);
    *below = h.below != 0;
    if (cs_run_writer_splice(w, r->data + sizeof h, r->len - sizeof h, h.below, h.untouched,
                             h.score) != 0)
        return cs_diag_set(d, "out of memory");
    return 0;
}

/* Turn a worker's answer for file `path` into a scored article in the
 * parent: the document is loaded again here and the result decoded. */
static int take_answer(const cs_cli *cli, const cs_config *cfg, const char *path,
                       const cs_pool_result *r, cs_scored *sc, cs_diag *d)
{
    if (r->status < 0)
        return cs_diag_at(d, path, 0, 0, "not scored: %s", r->crash);
    if (r->status != 0)
        return cs_diag_set(d, "%.*s", (int)r->len, r->data);
    if (load_item(&sc->doc, r->item, r->item_len, cli->input_format, cfg->limits.article_bytes,
                  d) != 0)
        return -1;
    if (cs_result_decode(r->data, r->len, cfg, &sc->res) != 0)
        return cs_diag_at(d, path, 0, 0, "internal: could not read the worker's result");
    return 0;
}

int cs_cmd_score(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    cs_path_list files = {0};
    cs_buf out = {0};
    cs_scored *items = NULL;
    unsigned long long *sizes = NULL; /* per file, for the progress line */
    size_t n = 0;
    cs_diag d;
    cs_pool *pool = NULL;
    cs_buf item = {0}; /* a work item being built */
    cs_run_writer rw;
    batch_ctx bctx;
    cs_out_file of = {.fd = -1, .slot = -1};
    cs_progress prog = {0};
    memset(&rw, 0, sizeof rw);
    memset(&bctx, 0, sizeof bctx);
    cs_result_init(&bctx.res);
    if (cli->nargs == 0) {
        cs_cli_error("score: no article given (a file, a folder, or - for standard input)");
        return CS_EXIT_ERROR;
    }
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    cs_gate gate;
    if (cs_cli_open_gate(&gate, cli, &ses.cfg, 1) != 0) {
        cs_session_close(&ses);
        return CS_EXIT_ERROR;
    }
    int bad_operand = cs_cli_collect(cli, &ses, &files);
    if (bad_operand < 0)
        goto out;
    if (files.n && !(items = calloc(files.n, sizeof *items))) {
        cs_cli_error("out of memory");
        goto out;
    }
    if (cli->output) {
        if (cs_cli_check_output(cli, &ses, cli->output, files.items, files.n) != 0)
            goto out;
        if (cs_out_open(&of, cli->output, &d) != 0) {
            cs_cli_error(d.msg);
            goto out;
        }
    }
    cs_run run = {0};
    run.cfg = &ses.cfg;
    run.rules = cs_scorer_rules(ses.scorer);
    run.plugins = cs_scorer_plugins(ses.scorer);
    run.has_threshold = gate.has_threshold;
    run.threshold = gate.threshold;
    run.errors = bad_operand ? 1 : 0;
    run.opts = (cs_report_opts){.color = cs_cli_use_color(cli, STDOUT_FILENO) && !cli->output,
                                .min_level = cli->min_level,
                                .show_zero = cli->show_zero,
                                .show_unchanged = cli->show_unchanged,
                                .report_positive = cli->report_positive};
    run.tool_version = CREDSCORE_VERSION;
    run.baseline_file = cli->baseline;
    run.diff_base = cli->diff_base;
    run.baseline_reason = cs_baseline_reason;
    run.unchanged_reason = gate.unchanged;
    size_t failed = 0;
    /* Text, JSON and GitHub reports are written as the articles come, each
     * article freed once written (and, to standard output, the report
     * flushed every FLUSH_BYTES): memory stays that of one article, not of
     * the whole run.  The other formats need every article at once. */
    int streamed = cli->format == CS_OUT_TEXT || cli->format == CS_OUT_JSON ||
                   cli->format == CS_OUT_GITHUB;
    cs_run_kind kind = cli->format == CS_OUT_JSON     ? CS_RUN_JSON
                       : cli->format == CS_OUT_GITHUB ? CS_RUN_GITHUB
                                                      : CS_RUN_TEXT;
    /* Written as it comes to standard output or a temporary file; a file
     * written in place (a device, a FIFO) gets the report only when the
     * run has ended without errors, like a replaced one. */
    int flush_early = cli->output == NULL || cs_out_is_atomic(&of);
    if (streamed && cs_run_writer_begin(&rw, kind, &out, &run) != 0) {
        cs_cli_error("out of memory");
        goto out;
    }
    /* Every article, even a single one, is scored in a worker process: a
     * plugin that crashes or exits costs that article (named, exit 2), not
     * the run, and a runaway (a pathological Lua pattern runs inside one C
     * call) is stopped after --timeout.  The workers also write the
     * articles of a streamed report. */
    bctx.cli = cli;
    bctx.ses = &ses;
    bctx.streamed = streamed;
    bctx.kind = kind;
    bctx.run = &run;
    bctx.gate = &gate;
    if (files.n && cs_pool_start(&pool, cli->jobs > 0 ? cli->jobs : 1, score_file_item, &bctx,
                                 &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    if (pool)
        cs_pool_set_timeout(pool, cli->timeout);
    size_t submitted = 0;
    unsigned long long total_bytes = 0, done_bytes = 0;
    /* each file's size, asked once (a stat per file is a good part of the
     * system time of a folder run) */
    if (files.n && !(sizes = malloc(files.n * sizeof *sizes))) {
        cs_cli_error("out of memory");
        goto out;
    }
    for (size_t i = 0; i < files.n; i++)
        total_bytes += sizes[i] = file_bytes(files.items[i]);
    cs_progress_start(&prog, cli->progress, cli->quiet,
                      cli->output == NULL && isatty(STDOUT_FILENO), total_bytes);
    for (size_t i = 0; i < files.n; i++) {
        cs_scored *sc = &items[n];
        cs_result_init(&sc->res);
        int rc, below = 0;
        cs_pool_result r;
        while (submitted < files.n && cs_pool_can_submit(pool))
            if (submit_file(pool, files.items[submitted++], &item,
                            ses.cfg.limits.article_bytes, &d) != 0) {
                cs_cli_error(d.msg);
                goto out;
            }
        if (cs_pool_next(pool, &r, &d) != 1) {
            cs_cli_error(d.msg);
            goto out;
        }
        if (streamed) {
            rc = take_written(files.items[i], &r, &rw, &below, &d);
        } else {
            rc = take_answer(cli, &ses.cfg, files.items[i], &r, sc, &d);
            if (rc == 0)
                rc = cs_gate_settle(&gate, sc, &d);
            below = sc->below;
        }
        if (rc != 0) {
            cs_cli_error(d.msg);
            run.errors++;
        }
        failed += rc == 0 && below;
        if (streamed || rc != 0) { /* nothing kept: items[n] is free for the next */
            cs_document_free(&sc->doc);
            cs_result_free(&sc->res);
            memset(sc, 0, sizeof *sc);
        } else {
            n++;
        }
        done_bytes += sizes[i];
        cs_progress_update(&prog, i + 1, done_bytes);
        if (streamed && flush_early && out.len >= FLUSH_BYTES) {
            if (write_report(&of, &out, &d) != 0) {
                cs_cli_error(d.msg);
                goto out;
            }
            out.len = 0;
        }
    }
    cs_progress_finish(&prog);
    cs_pool_finish(pool); /* the workers exit while the report is written */
    run.items = items;
    run.n = n;
    if (streamed ? cs_run_writer_end(&rw, &run) : render(cli, &run, &out)) {
        cs_cli_error("out of memory");
        goto out;
    }
    if (run.errors && cli->output) {
        /* Never replace a good report with one from a failed run. */
        cs_cli_errorf("%s left unchanged because of the errors above",
                      cli->output);
        goto out;
    }
    if (write_report(&of, &out, &d) != 0 || (of.name && cs_out_commit(&of, &d) != 0)) {
        cs_cli_error(d.msg);
        goto out;
    }
    if (cli->format == CS_OUT_HTML && cli->output && !cli->quiet) /* a page to open: say where */
        fprintf(stderr, "credscore: wrote the HTML report to %s\n", cli->output);
    if (run.errors)
        exit_code = CS_EXIT_ERROR;
    else if (failed && !cli->no_exit)
        exit_code = CS_EXIT_THRESHOLD;
    else
        exit_code = CS_EXIT_OK;
out:
    cs_progress_finish(&prog);
    cs_out_abort(&of); /* a report not committed leaves the previous file */
    cs_pool_free(pool);
    cs_buf_free(&item);
    cs_result_free(&bctx.res);
    cs_run_writer_free(&rw);
    cs_gate_close(&gate);
    free_scored(items, n);
    free(sizes);
    cs_buf_free(&out);
    cs_path_list_free(&files);
    cs_session_close(&ses);
    return exit_code;
}
