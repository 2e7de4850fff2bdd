/* cmd_score.c - `credscore score FILES...`: collect the articles (files,
 * folders, "-"), score them in worker processes (score_files.h) through
 * the gates (gate.h), write one report, return the exit code. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "progress.h"
#include "report.h"
#include "score_files.h"

/* A report to standard output is written in pieces of about this size. */
#define FLUSH_BYTES (256 * 1024)

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

/* What the report says of the run as a whole. */
static void describe_run(cs_run *run, const cs_cli *cli, const cs_session *ses,
                         const cs_gate *gate)
{
    run->cfg = &ses->cfg;
    run->rules = cs_scorer_rules(ses->scorer);
    run->plugins = cs_scorer_plugins(ses->scorer);
    run->has_threshold = gate->has_threshold;
    run->threshold = gate->threshold;
    run->opts = (cs_report_opts){.color = cs_cli_use_color(cli, STDOUT_FILENO) && !cli->output,
                                 .min_level = cli->min_level,
                                 .show_zero = cli->show_zero,
                                 .show_unchanged = cli->show_unchanged,
                                 .report_positive = cli->report_positive};
    run->tool_version = CREDSCORE_VERSION;
    run->baseline_file = cli->baseline;
    run->diff_base = cli->diff_base;
    run->baseline_reason = cs_baseline_reason;
    run->unchanged_reason = gate->unchanged;
}

/* The end of a run: the report written (never over a good -o file from a
 * failed run), the exit code. */
static int conclude(const cs_cli *cli, const cs_run *run, size_t failed, cs_out_file *of,
                    const cs_buf *out)
{
    cs_diag d;
    if (run->errors && cli->output) {
        cs_cli_errorf("%s left unchanged because of the errors above", cli->output);
        return CS_EXIT_ERROR;
    }
    if (write_report(of, out, &d) != 0 || (of->name && cs_out_commit(of, &d) != 0)) {
        cs_cli_error(d.msg);
        return CS_EXIT_ERROR;
    }
    if (cli->format == CS_OUT_HTML && cli->output && !cli->quiet) /* a page to open: say where */
        fprintf(stderr, "credscore: wrote the HTML report to %s\n", cli->output);
    return run->errors ? CS_EXIT_ERROR : failed && !cli->no_exit ? CS_EXIT_THRESHOLD : CS_EXIT_OK;
}

int cs_cmd_score(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    cs_gate gate;
    cs_path_list files = {0};
    cs_buf out = {0};
    cs_scored *items = NULL;
    unsigned long long *sizes = NULL; /* per file, for the progress line */
    size_t n = 0, failed = 0;
    cs_diag d;
    cs_score_files *sf = NULL;
    cs_run_writer rw;
    cs_out_file of = {.fd = -1, .slot = -1};
    cs_progress prog = {0};
    cs_run run = {0};
    memset(&rw, 0, sizeof rw);
    if (cli->nargs == 0) {
        cs_cli_error("score: no article given (a file, a folder, or - for standard input)");
        return CS_EXIT_ERROR;
    }
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
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
    describe_run(&run, cli, &ses, &gate);
    run.errors = bad_operand ? 1 : 0;
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
    cs_score_files_opts so = {&ses, &gate, cli->input_format, cli->jobs, cli->timeout,
                              streamed, kind, &run};
    if (cs_score_files_start(&sf, &so, files.items, files.n, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    unsigned long long done_bytes = 0;
    cs_progress_start(&prog, cli->progress, cli->quiet,
                      cli->output == NULL && isatty(STDOUT_FILENO), 0);
    /* each file's size, asked once and only for a progress line that may
     * show: a stat per file is a good part of the system time of a folder
     * run, and comes before the first article is scored */
    if (prog.enabled && files.n) {
        if (!(sizes = malloc(files.n * sizeof *sizes))) {
            cs_cli_error("out of memory");
            goto out;
        }
        for (size_t i = 0; i < files.n; i++)
            prog.total += sizes[i] = cs_score_files_bytes(files.items[i]);
    }
    for (size_t i = 0; i < files.n; i++) {
        cs_scored *sc = &items[n];
        cs_result_init(&sc->res);
        int below = 0, rc = cs_score_files_next(sf, &rw, sc, &below, &d);
        if (rc < 0) {
            cs_cli_error(d.msg);
            goto out;
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
        done_bytes += sizes ? sizes[i] : 0;
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
    cs_score_files_finish(sf); /* the workers exit while the report is written */
    run.items = items;
    run.n = n;
    if (streamed ? cs_run_writer_end(&rw, &run) : render(cli, &run, &out)) {
        cs_cli_error("out of memory");
        goto out;
    }
    exit_code = conclude(cli, &run, failed, &of, &out);
out:
    cs_progress_finish(&prog);
    cs_out_abort(&of); /* a report not committed leaves the previous file */
    cs_score_files_free(sf);
    cs_run_writer_free(&rw);
    cs_gate_close(&gate);
    free_scored(items, n);
    free(sizes);
    cs_buf_free(&out);
    cs_path_list_free(&files);
    cs_session_close(&ses);
    return exit_code;
}
