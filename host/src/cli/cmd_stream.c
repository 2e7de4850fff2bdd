/* cmd_stream.c - `credscore score --jsonl FILE|-`: one JSON object per
 * input line in, one JSON report per line out, in input order, flushed as
 * the answers come (the stream runner: stream.h).  SIGINT/SIGTERM/SIGHUP
 * stop reading; lines already read are finished and written, and stderr
 * says how far the stream got.
 *
 * With -o FILE the answers go to a temporary file beside FILE, renamed over
 * it once the whole stream is answered (malformed lines included, as they
 * are answered in the output); an interrupted or failed stream leaves FILE
 * as it was.  A FILE that is not a regular file (a FIFO, /dev/stdout) is
 * written in place, line by line (atomic_file.h). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"
#include "stream.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* A line lost in quarantine, on stderr (ctx: unused). */
static void warn(void *ctx, const char *msg)
{
    cs_cli_errorf("%s", msg);
}

static void progress(void *ctx, size_t answered, unsigned long long bytes)
{
    cs_progress_update(ctx, answered, bytes);
}

static void progress_done(void *ctx)
{
    cs_progress_finish(ctx);
}

/* The size of the stream for the progress line: 0 when not a file. */
static unsigned long long stream_bytes(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
}

/* After the stream: say how it ended, commit -o FILE; the exit code. */
static int conclude(const cs_cli *cli, const char *src, const cs_stream_totals *t,
                    cs_out_file *out)
{
    cs_diag d;
    if (stop_requested) {
        cs_cli_errorf("%s: interrupted: %zu record%s %s, through input line %zu", src,
                      t->written, t->written == 1 ? "" : "s",
                      cs_out_is_atomic(out) ? "answered" : "written", t->lines);
        if (cs_out_is_atomic(out))
            cs_cli_errorf("%s left unchanged because the stream was interrupted", cli->output);
        return CS_EXIT_ERROR;
    }
    if (out->name && cs_out_commit(out, &d) != 0) {
        cs_cli_error(d.msg);
        return CS_EXIT_ERROR;
    }
    if (t->errors) {
        char where[128];
        cs_stream_error_lines(t, where, sizeof where);
        cs_cli_errorf("%s: %zu malformed or failed line%s (%s; reported in the output)", src,
                      t->errors, t->errors == 1 ? "" : "s", where);
    }
    return t->errors                      ? CS_EXIT_ERROR
           : (t->failed && !cli->no_exit) ? CS_EXIT_THRESHOLD
                                          : CS_EXIT_OK;
}

int cs_cmd_stream(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    cs_gate gate;
    int gate_open = 0;
    cs_stream *stream = NULL;
    cs_out_file out = {.fd = -1, .slot = -1};
    FILE *in = NULL;
    cs_line_reader lr;
    cs_diag d;
    cs_progress prog = {0};
    cs_stream_totals t;
    cs_line_reader_init(&lr, -1, CS_STREAM_MAX_LINE);
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
        if (cs_out_open(&out, cli->output, &d) != 0) {
            cs_cli_error(d.msg);
            goto out;
        }
    }
    lr.fd = fileno(in);
    cs_stream_opts so = {.ses = &ses, .gate = &gate, .input_format = cli->input_format,
                         .min_level = cli->min_level, .show_zero = cli->show_zero,
                         .jobs = cli->jobs, .timeout = cli->timeout, .name = src,
                         .out = &out, .warn = warn, .progress = progress,
                         .progress_done = progress_done, .ctx = &prog,
                         .stop = &stop_requested};
    if (cs_stream_start(&stream, &so, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    struct sigaction sa; /* after the workers are forked: theirs stay the default */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    cs_progress_start(&prog, cli->progress, cli->quiet,
                      cli->output == NULL && isatty(STDOUT_FILENO), stream_bytes(lr.fd));
    if (cs_stream_run(stream, &lr, &t, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    exit_code = conclude(cli, src, &t, &out);
out:
    cs_progress_finish(&prog);
    cs_out_abort(&out); /* the answers of a stream not finished are dropped */
    cs_stream_free(stream);
    if (in && in != stdin)
        fclose(in);
    cs_line_reader_free(&lr);
    if (gate_open)
        cs_gate_close(&gate);
    cs_session_close(&ses);
    return exit_code;
}
