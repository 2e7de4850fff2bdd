/* cmd_watch.c - `credscore watch ARTICLE`: score, then re-score and reprint
 * whenever the article, the config or a rule file changes (inotify), so an
 * editor tuning a rule sees at once what the edit does, and the score's
 * change since the last round that scored ("dam.md: 51 -> 57 (+6)").  A
 * broken rule or config is reported and watching goes on: a round that
 * fails keeps every file watched before and adds the rule files the config
 * names, so fixing the broken file starts the next round; a round that
 * runs over --timeout is reported the same way.  Stops on Ctrl-C, or after
 * --rounds N scorings. */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "file_watch.h"
#include "paths.h"
#include "report.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* Watch a rules entry of a config: a file, every *.lua of a folder, or
 * the bundled pack (@default). */
static void watch_rule_path(cs_file_watch *w, const char *entry)
{
    char *bundled = strcmp(entry, "@default") == 0 ? cs_paths_bundled_rules() : NULL;
    const char *path = bundled ? bundled : entry;
    char **list = NULL;
    size_t n = 0;
    if (cs_paths_list(path, ".lua", &list, &n) == 0) {
        for (size_t i = 0; i < n; i++)
            cs_file_watch_add(w, list[i]);
        cs_paths_free_list(list, n);
    } else {
        cs_file_watch_add(w, path); /* not a folder: a file */
    }
    free(bundled);
}

/* After a round that failed: also watch the config credscore would load
 * and the rule files it names, read afresh and silently (the round has
 * reported what is wrong), so that a rule broken from the first round on
 * is watched too. */
static void watch_config_rules(const cs_cli *cli, cs_file_watch *w)
{
    if (cli->bundle)
        return;
    cs_config cfg;
    cs_diag d;
    char cwd[PATH_MAX], *found = NULL;
    const char *path = cli->config_path;
    if (path == NULL && !cli->no_config && getcwd(cwd, sizeof cwd) &&
        cs_config_find(cwd, &found) > 0)
        path = found;
    if (path)
        cs_file_watch_add(w, path);
    memset(&cfg, 0, sizeof cfg);
    int rc = path ? cs_config_load_profile(&cfg, path, cli->profile, &d)
                  : cs_config_default(&cfg, &d);
    if (rc == 0)
        for (size_t i = 0; i < cfg.nrule_paths; i++)
            watch_rule_path(w, cfg.rule_paths[i]);
    cs_config_free(&cfg);
    free(found);
}

/* The score of the last round that scored, for the next round's change. */
typedef struct last_score {
    int have;
    double score;
} last_score;

/* "dam.md: 51 -> 57 (+6)" when an earlier round scored. */
static void print_change(const char *article, const last_score *last, double now)
{
    if (!last->have)
        return;
    double diff = now - last->score;
    if (diff == 0)
        printf("%s: %.0f -> %.0f (no change)\n", article, last->score, now);
    else
        printf("%s: %.0f -> %.0f (%+.0f)\n", article, last->score, now, diff);
}

/* What a round scores. */
typedef struct round_args {
    const cs_cli *cli;
    const char *article;
    cs_session *ses;
} round_args;

/* The guarded part of a round: load the article, score it, print the
 * report; hands the score back (a double). */
static int score_round(void *vctx, cs_guard *g)
{
    const round_args *a = vctx;
    cs_document doc;
    cs_result res;
    cs_diag d;
    cs_buf out = {0};
    int code = CS_EXIT_ERROR;
    memset(&doc, 0, sizeof doc);
    cs_result_init(&res);
    cs_scorer_set_crash_note(a->ses->scorer, cs_guard_note(g), CS_GUARD_NOTE_MAX);
    cs_guard_begin(g, a->article);
    int rc = cs_document_load_file_max(&doc, a->article, a->cli->input_format,
                                       a->ses->cfg.limits.article_bytes, &d) != 0 ||
             cs_scorer_score(a->ses->scorer, &doc, &res, &d) != 0;
    cs_guard_end(g);
    if (rc) {
        cs_cli_error(d.msg);
        goto out;
    }
    cs_report_opts ro = {.color = cs_cli_use_color(a->cli, STDOUT_FILENO),
                         .min_level = a->cli->min_level, .show_zero = a->cli->show_zero};
    if (cs_report_text(&out, &doc, &res, &a->ses->cfg, &ro) == 0)
        fwrite(out.data, 1, out.len, stdout);
    cs_guard_reply(g, &res.score, sizeof res.score);
    code = CS_EXIT_OK;
out:
    cs_buf_free(&out);
    cs_document_free(&doc);
    cs_result_free(&res);
    return code;
}

/* One round: load config and rules afresh, score (under --timeout: a
 * round that runs over is reported and watching goes on), print, refresh
 * watches: after a round that scored, exactly the files it used; after
 * one that failed, those watched before plus what it could find. */
static void score_once(const cs_cli *cli, const char *article, cs_file_watch *w, int round,
                       last_score *last)
{
    cs_session ses;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    printf("== %02d:%02d:%02d  round %d: %s\n", tm.tm_hour, tm.tm_min, tm.tm_sec, round, article);
    fflush(stdout);
    if (cs_cli_open_session(&ses, cli, 1) != 0) {
        cs_file_watch_add(w, article);
        watch_config_rules(cli, w);
        goto out;
    }
    cs_file_watch_clear(w);
    cs_file_watch_add(w, article);
    if (cli->config_path)
        cs_file_watch_add(w, cli->config_path);
    if (ses.cfg.path)
        cs_file_watch_add(w, ses.cfg.path);
    const char *const *files;
    size_t n = cs_scorer_rule_files(ses.scorer, &files);
    for (size_t i = 0; i < n; i++)
        cs_file_watch_add(w, files[i]);
    round_args a = {cli, article, &ses};
    char reply[CS_GUARD_REPLY_MAX];
    size_t len = 0;
    cs_diag d;
    int code = cs_guard_run(cli->timeout, score_round, &a, reply, &len, &d);
    if (code < 0)
        cs_cli_error(d.msg);
    if (code == CS_EXIT_OK && len == sizeof(double)) {
        double score;
        memcpy(&score, reply, sizeof score);
        print_change(article, last, score);
        last->have = 1;
        last->score = score;
    }
    cs_session_close(&ses);
out:
    printf("== watching %zu file%s; Ctrl-C to stop\n", w->nfiles, w->nfiles == 1 ? "" : "s");
    fflush(stdout);
    fflush(stderr);
}

int cs_cmd_watch(const cs_cli *cli)
{
    if (cli->nargs != 1) {
        cs_cli_error("watch: give one article to watch");
        return CS_EXIT_ERROR;
    }
    cs_file_watch w;
    cs_diag d;
    if (cs_file_watch_open(&w, &d) != 0) {
        cs_cli_errorf("watch: %s", d.msg);
        return CS_EXIT_ERROR;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int round = 1;
    last_score last = {0, 0};
    score_once(cli, cli->args[0], &w, round, &last);
    while (!stop_requested && (cli->rounds == 0 || round < cli->rounds))
        if (cs_file_watch_wait(&w, 500))
            score_once(cli, cli->args[0], &w, ++round, &last);
    cs_file_watch_close(&w);
    return CS_EXIT_OK;
}
