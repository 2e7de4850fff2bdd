/* cmd_baseline.c - `credscore baseline FILES...`: score the articles (and
 * the folders' articles) and record every finding they have now, so that
 * `score --baseline FILE` counts only new ones (baseline.h).  Written
 * atomically to -o FILE (default .credscore-baseline.json); any error
 * records nothing.  Each article is scored under --timeout. */
#include <stdio.h>

#include "atomic_file.h"
#include "baseline.h"
#include "cli.h"

/* The guarded body: each article scored under --timeout. */
static int record(void *vctx, cs_guard *g)
{
    const cs_cli *cli = vctx;
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    cs_path_list files = {0};
    cs_buf out = {0};  /* the findings */
    cs_buf arts = {0}; /* the file: the articles, then the findings */
    cs_result res;
    cs_diag d;
    cs_result_init(&res);
    const char *target = cli->output ? cli->output : ".credscore-baseline.json";
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    cs_scorer_set_crash_note(ses.scorer, cs_guard_note(g), CS_GUARD_NOTE_MAX);
    if (cs_cli_collect(cli, &ses, &files) != 0) {
        cs_cli_error("baseline: nothing recorded because of the errors above");
        goto out;
    }
    if (cs_cli_check_output(cli, &ses, target, files.items, files.n) != 0)
        goto out;
    int first = 1, first_art = 1;
    size_t count = 0;
    cs_buf_puts(&arts, "{\n  \"schema\": \"credscore-baseline\",\n  \"version\": 1,\n  \"articles\": [");
    for (size_t i = 0; i < files.n; i++) {
        cs_document doc;
        cs_guard_begin(g, files.items[i]);
        int rc = cs_document_load_file_max(&doc, files.items[i], cli->input_format,
                                           ses.cfg.limits.article_bytes, &d) != 0 ||
                 cs_scorer_score(ses.scorer, &doc, &res, &d) != 0;
        cs_guard_end(g);
        if (rc) {
            cs_cli_error(d.msg);
            cs_cli_error("baseline: nothing recorded because of the errors above");
            cs_document_free(&doc);
            goto out;
        }
        if (cs_baseline_write_path(&arts, doc.path, &first_art) != 0 ||
            cs_baseline_write_article(&out, &doc, &res, &ses.cfg, &first, &count) != 0) {
            cs_document_free(&doc);
            cs_cli_error("out of memory");
            goto out;
        }
        cs_document_free(&doc);
    }
    if (cs_buf_puts(&arts, first_art ? "],\n  \"findings\": [" : "\n  ],\n  \"findings\": [") != 0 ||
        cs_buf_append(&arts, out.data ? out.data : "", out.len) != 0 ||
        cs_buf_puts(&arts, first ? "]\n}\n" : "\n  ]\n}\n") != 0) {
        cs_cli_error("out of memory");
        goto out;
    }
    if (cs_write_atomic(target, arts.data, arts.len, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    fprintf(stderr, "credscore: recorded %zu finding%s of %zu article%s in %s\n", count,
            count == 1 ? "" : "s", files.n, files.n == 1 ? "" : "s", target);
    exit_code = CS_EXIT_OK;
out:
    cs_result_free(&res);
    cs_buf_free(&out);
    cs_buf_free(&arts);
    cs_path_list_free(&files);
    cs_session_close(&ses);
    return exit_code;
}

int cs_cmd_baseline(const cs_cli *cli)
{
    if (cli->nargs == 0) {
        cs_cli_error("baseline: name the articles or folders to record");
        return CS_EXIT_ERROR;
    }
    return cs_cli_guarded(cli, record, (void *)cli);
}
