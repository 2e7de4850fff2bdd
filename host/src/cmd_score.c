/* cmd_score.c - `credscore score FILES...`: score articles and folders,
 * print one report, apply the thresholds, return the exit code. */
#include <dirent.h>
#include <errno.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "json_writer.h"
#include "paths.h"
#include "report.h"

static const char *const article_exts[] = {".md", ".markdown", ".html", ".htm", ".txt", NULL};

typedef struct file_list {
    char **items;
    size_t n, cap;
} file_list;

static int push(file_list *l, const char *p)
{
    void *items = l->items;
    if (cs_array_grow(&items, &l->cap, l->n + 1, sizeof(char *)) != 0)
        return -1;
    l->items = items;
    if ((l->items[l->n] = cs_strdup(p)) == NULL)
        return -1;
    l->n++;
    return 0;
}

static int has_article_ext(const char *name)
{
    size_t n = strlen(name);
    for (const char *const *ext = article_exts; *ext; ext++) {
        size_t k = strlen(*ext);
        if (n > k && strcasecmp(name + n - k, *ext) == 0)
            return 1;
    }
    return 0;
}

/* Expand a folder into its articles, recursively; hidden entries skipped. */
static int expand_dir(file_list *l, const char *dir, int depth)
{
    if (depth > 32)
        return 0;
    DIR *dp = opendir(dir);
    if (dp == NULL)
        return 0;
    int rc = -1;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p = cs_paths_join(dir, e->d_name);
        struct stat st;
        if (p == NULL)
            goto out;
        int ok = 0;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
            ok = expand_dir(l, p, depth + 1) == 0;
        else if (S_ISREG(st.st_mode) && has_article_ext(e->d_name))
            ok = push(l, p) == 0;
        else
            ok = 1;
        free(p);
        if (!ok)
            goto out;
    }
    rc = 0;
out:
    closedir(dp);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Turn operands into a list of files; folders expand, "-" is stdin. */
static int collect(const cs_cli *cli, file_list *l)
{
    int status = 0;
    for (size_t i = 0; i < cli->nargs; i++) {
        const char *a = cli->args[i];
        struct stat st;
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = l->n;
            if (expand_dir(l, a, 0) != 0)
                return -1;
            if (l->n > before + 1)
                qsort(l->items + before, l->n - before, sizeof(char *), cmp_str);
            if (l->n == before) {
                fprintf(stderr, "credscore: %s: folder holds no articles (.md, .markdown, .html, "
                                ".htm, .txt)\n", a);
                status = 1;
            }
            continue;
        }
        if (push(l, a) != 0)
            return -1;
    }
    return status;
}

static void free_list(file_list *l)
{
    cs_paths_free_list(l->items, l->n);
    memset(l, 0, sizeof *l);
}

static int emit(const cs_cli *cli, cs_buf *out, int final, cs_diag *d)
{
    if (cli->output) {
        if (!final)
            return 0;
        return cs_write_atomic(cli->output, out->data ? out->data : "", out->len, d);
    }
    if (out->len && cs_write_all(STDOUT_FILENO, out->data, out->len) != 0)
        return cs_diag_set(d, "cannot write to standard output: %s", strerror(errno));
    out->len = 0;
    return 0;
}

int cs_cmd_score(const cs_cli *cli)
{
    int exit_code = CS_EXIT_ERROR;
    cs_session ses;
    file_list files = {0};
    cs_buf out = {0};
    cs_result res;
    cs_diag d;
    cs_result_init(&res);
    if (cli->nargs == 0) {
        cs_cli_error("score: no article given (a file, a folder, or - for standard input)");
        return CS_EXIT_ERROR;
    }
    if (cs_session_open(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    int bad_operand = collect(cli, &files);
    if (bad_operand < 0) {
        cs_cli_error("out of memory");
        goto out;
    }
    double threshold = cli->has_fail_under ? cli->fail_under : ses.cfg.threshold;
    int use_threshold = cli->has_fail_under || ses.cfg.has_threshold;
    cs_report_opts ro = {cs_cli_use_color(cli, STDOUT_FILENO) && !cli->output, cli->min_level,
                         cli->show_zero};
    cs_json j;
    cs_json_init(&j, &out, 1);
    if (cli->format == CS_OUT_JSON) {
        cs_json_object(&j);
        cs_json_key(&j, "schema");
        cs_json_string(&j, CS_REPORT_SCHEMA);
        cs_json_key(&j, "version");
        cs_json_int(&j, CS_REPORT_SCHEMA_VERSION);
        cs_json_key(&j, "articles");
        cs_json_array(&j);
    }
    size_t scored = 0, failed = 0, errors = bad_operand ? 1 : 0;
    double sum = 0;
    for (size_t i = 0; i < files.n; i++) {
        cs_document doc;
        if (cs_document_load_file(&doc, files.items[i], cli->input_format, &d) != 0) {
            cs_cli_error(d.msg);
            cs_document_free(&doc);
            errors++;
            continue;
        }
        if (cs_scorer_score(ses.scorer, &doc, &res, &d) != 0) {
            fprintf(stderr, "credscore: %s: %s\n", doc.path, d.msg);
            cs_document_free(&doc);
            errors++;
            continue;
        }
        scored++;
        sum += res.score;
        int below = use_threshold && res.score < threshold;
        failed += below;
        int rc = 0;
        if (cli->format == CS_OUT_JSON) {
            rc = cs_report_json_article(&j, &doc, &res, &ses.cfg, NULL, &ro);
        } else {
            rc = cs_report_text(&out, &doc, &res, &ses.cfg, &ro);
            if (below)
                rc |= cs_buf_printf(&out, "  below the threshold of %g\n", threshold);
        }
        cs_document_free(&doc);
        if (rc != 0) {
            cs_cli_error("out of memory");
            goto out;
        }
        if (cli->format == CS_OUT_TEXT && emit(cli, &out, 0, &d) != 0) {
            cs_cli_error(d.msg);
            goto out;
        }
    }
    if (cli->format == CS_OUT_JSON) {
        cs_json_end_array(&j);
        cs_json_key(&j, "summary");
        cs_json_object(&j);
        cs_json_key(&j, "articles");
        cs_json_int(&j, (long long)scored);
        cs_json_key(&j, "errors");
        cs_json_int(&j, (long long)errors);
        cs_json_key(&j, "below_threshold");
        cs_json_int(&j, (long long)failed);
        cs_json_key(&j, "threshold");
        if (use_threshold)
            cs_json_number(&j, threshold);
        else
            cs_json_null(&j);
        cs_json_key(&j, "mean_score");
        if (scored)
            cs_json_number(&j, sum / (double)scored);
        else
            cs_json_null(&j);
        cs_json_end_object(&j);
        cs_json_end_object(&j);
        if (cs_buf_putc(&out, '\n') != 0 || cs_json_failed(&j)) {
            cs_cli_error("out of memory");
            goto out;
        }
    } else if (files.n > 1 || errors) {
        cs_buf_printf(&out, "%zu article%s scored, %zu below the threshold, %zu error%s\n", scored,
                      scored == 1 ? "" : "s", failed, errors, errors == 1 ? "" : "s");
    }
    if (errors && cli->output) {
        /* Never replace a good report with one from a failed run. */
        fprintf(stderr, "credscore: %s left unchanged because of the errors above\n",
                cli->output);
        goto out;
    }
    if (emit(cli, &out, 1, &d) != 0) {
        cs_cli_error(d.msg);
        goto out;
    }
    if (errors)
        exit_code = CS_EXIT_ERROR;
    else if (failed && !cli->no_exit)
        exit_code = CS_EXIT_THRESHOLD;
    else
        exit_code = CS_EXIT_OK;
out:
    cs_result_free(&res);
    cs_buf_free(&out);
    free_list(&files);
    cs_session_close(&ses);
    return exit_code;
}
