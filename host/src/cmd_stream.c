/* cmd_stream.c - `credscore score --jsonl FILE|-`: one JSON object per input
 * line ({"id", "text", optional "format"}) in, one JSON report per line
 * out, in input order, flushed line by line.  A malformed line yields
 * {"line": N, "error": "..."} and the stream goes on. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "json_writer.h"
#include "report.h"

static void error_line(cs_buf *out, size_t lineno, const char *id, const char *msg)
{
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_key(&j, "id");
    cs_json_string(&j, id);
    cs_json_key(&j, "line");
    cs_json_int(&j, (long long)lineno);
    cs_json_key(&j, "error");
    cs_json_string(&j, msg);
    cs_json_end_object(&j);
    cs_buf_putc(out, '\n');
}

/* Parse one line: fills id (malloc'd), text pointer (owned by root). */
static int parse_line(const char *line, size_t len, json_t **root, char **id, const char **text,
                      size_t *text_len, cs_format *fmt, char *err, size_t errlen)
{
    json_error_t je;
    *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (*root == NULL) {
        snprintf(err, errlen, "malformed JSON at column %d: %s", je.column, je.text);
        return -1;
    }
    if (!json_is_object(*root)) {
        snprintf(err, errlen, "expected a JSON object with \"id\" and \"text\"");
        return -1;
    }
    json_t *jid = json_object_get(*root, "id");
    char buf[64];
    if (json_is_string(jid)) {
        *id = cs_strdup(json_string_value(jid));
    } else if (json_is_integer(jid)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        *id = cs_strdup(buf);
    } else {
        snprintf(err, errlen, "missing \"id\" (a string or an integer)");
        return -1;
    }
    json_t *jt = json_object_get(*root, "text");
    if (!json_is_string(jt)) {
        snprintf(err, errlen, "missing \"text\" (a string)");
        return -1;
    }
    *text = json_string_value(jt);
    *text_len = json_string_length(jt);
    json_t *jf = json_object_get(*root, "format");
    if (jf) {
        if (!json_is_string(jf) || cs_format_parse(json_string_value(jf), fmt) != 0) {
            snprintf(err, errlen, "\"format\" must be \"text\", \"markdown\" or \"html\"");
            return -1;
        }
    }
    return 0;
}

int cs_cmd_stream(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    cs_result res;
    cs_buf out = {0};
    char *line = NULL;
    size_t cap = 0;
    FILE *in = NULL;
    cs_result_init(&res);
    const char *src = cli->nargs ? cli->args[0] : "-";
    if (cli->nargs > 1) {
        cs_cli_error("score --jsonl reads one stream (a file or -)");
        return CS_EXIT_ERROR;
    }
    if (cs_session_open(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    if (cs_cli_check_max(cli, &ses.cfg) != 0)
        goto out;
    in = strcmp(src, "-") == 0 ? stdin : fopen(src, "r");
    if (in == NULL) {
        fprintf(stderr, "credscore: %s: cannot open: %s\n", src, strerror(errno));
        goto out;
    }
    double threshold = cli->has_fail_under ? cli->fail_under : ses.cfg.threshold;
    int use_threshold = cli->has_fail_under || ses.cfg.has_threshold;
    cs_report_opts ro = {0, cli->min_level, cli->show_zero};
    size_t lineno = 0, errors = 0, failed = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue; /* blank lines are allowed between records */
        json_t *root = NULL;
        char *id = NULL;
        const char *text = NULL;
        size_t text_len = 0;
        cs_format fmt = cli->input_format ? cli->input_format : CS_FORMAT_TEXT;
        char err[512];
        cs_diag d;
        if (parse_line(line, len, &root, &id, &text, &text_len, &fmt, err, sizeof err) != 0) {
            error_line(&out, lineno, id, err);
            errors++;
        } else {
            cs_document doc;
            if (cs_document_load_memory(&doc, id, text, text_len, fmt, &d) != 0 ||
                cs_scorer_score(ses.scorer, &doc, &res, &d) != 0) {
                error_line(&out, lineno, id, d.msg);
                errors++;
            } else {
                cs_json j;
                cs_json_init(&j, &out, 0);
                if (cs_report_json_article(&j, &doc, &res, &ses.cfg, id, &ro) != 0 ||
                    cs_buf_putc(&out, '\n') != 0) {
                    cs_document_free(&doc);
                    json_decref(root);
                    free(id);
                    cs_cli_error("out of memory");
                    goto out;
                }
                char why[160];
                failed += (use_threshold && res.score < threshold) ||
                          cs_cli_over_max(cli, &ses.cfg, &res, why, sizeof why);
            }
            cs_document_free(&doc);
        }
        json_decref(root);
        free(id);
        if (cs_write_all(STDOUT_FILENO, out.data, out.len) != 0) {
            cs_cli_error("cannot write to standard output");
            goto out;
        }
        out.len = 0;
    }
    if (ferror(in)) {
        fprintf(stderr, "credscore: %s: read error after line %zu\n", src, lineno);
        goto out;
    }
    if (errors)
        fprintf(stderr, "credscore: %s: %zu malformed or failed line%s (reported in the output)\n",
                src, errors, errors == 1 ? "" : "s");
    exit_code = errors ? CS_EXIT_ERROR : (failed && !cli->no_exit) ? CS_EXIT_THRESHOLD : CS_EXIT_OK;
out:
    if (in && in != stdin)
        fclose(in);
    free(line);
    cs_buf_free(&out);
    cs_result_free(&res);
    cs_session_close(&ses);
    return exit_code;
}
