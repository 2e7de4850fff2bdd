/*
 * cli.h - parsed command line and the commands behind it.
 *
 * main.c only parses argv into a cs_cli and calls one cs_cmd_* function,
 * which returns an exit code (enum cs_exit).  Commands print errors to
 * stderr as "credscore: path:line:col: what is wrong".
 */
#ifndef CS_CLI_H
#define CS_CLI_H

#include <stddef.h>

#include "config.h"
#include "document.h"
#include "document_load.h"
#include "gate.h"
#include "guard.h"
#include "paths.h"
#include "scorer.h"
#include "session.h"

#define CREDSCORE_VERSION "0.1.0"

typedef enum cs_out_format {
    CS_OUT_TEXT,
    CS_OUT_JSON,
    CS_OUT_SARIF,
    CS_OUT_GITHUB,
    CS_OUT_JUNIT,
    CS_OUT_HTML
} cs_out_format;

typedef struct cs_cli {
    const char *command;       /* "score", "config", "plugins", "rules", ... */
    const char **args;         /* operands (files, ...) */
    size_t nargs;
    const char *config_path;   /* --config */
    int no_config;             /* --no-config: built-in defaults only */
    const char *profile;       /* --profile NAME: the config's profile to apply, or NULL */
    cs_out_format format;      /* --format */
    cs_format input_format;    /* --input-format */
    int jsonl;                 /* --jsonl */
    const char *output;        /* -o FILE (written atomically) */
    int has_fail_under;
    double fail_under;         /* --fail-under */
    int no_exit;               /* --no-exit: exit 0 whatever the scores */
    cs_level min_level;        /* --min-level */
    const char **plugin_dirs;  /* --plugin-path (repeatable) */
    size_t nplugin_dirs;
    int no_plugins;
    int allow_insecure_plugins;
    int lenient;               /* a failing rule is disabled, not fatal */
    int with_pack;             /* test: also the configuration's rules' examples */
    int color;                 /* -1 auto, 0 never, 1 always */
    int quiet;
    int progress;              /* -1 auto, 0 --no-progress, 1 --progress (progress.h) */
    int show_zero;             /* --all: list findings that counted 0 */
    int show_unchanged;        /* --show-unchanged: list articles with nothing new */
    int report_positive;       /* --report-positive: SARIF/GitHub keep positive findings */
    int rounds;                /* watch: stop after N scorings (0 = never) */
    int jobs;                  /* -j N worker processes (0 = 1) */
    int timeout;               /* --timeout SECONDS per article (0 = none) */
    int has_max_article;       /* --max-article-mb given: */
    long long max_article_mb;  /* ... the largest article read, in MiB (0 = no limit) */
    const char *bundle;        /* --bundle FILE: config, rules, plugins from one archive */
    const char *baseline;      /* --baseline FILE */
    const char *diff_base;     /* --diff-base REV */
    cs_gate_max maxes[16];     /* --max MARKER=N */
    size_t nmax;
} cs_cli;

/* The session options the command line gives (--config, --no-config,
 * --profile, --bundle, --plugin-path, --no-plugins, ...) into o. */
void cs_cli_session_opts(const cs_cli *cli, cs_session_opts *o);

/* cs_session_open with the options of cli; an error is printed
 * ("credscore: <msg>") and -1 returned (s then holds nothing). */
int cs_cli_open_session(cs_session *s, const cs_cli *cli, int want_scorer);

/* cs_gate_open with the gates of the command line (--fail-under, --max,
 * --baseline, --diff-base; those of a stream: with_narrowing 0) over cfg;
 * an error is printed and -1 returned. */
int cs_cli_open_gate(cs_gate *g, const cs_cli *cli, const cs_config *cfg, int with_narrowing);

/* Run a command body that scores in this process under --timeout
 * (cs_guard_run, guard.h): the body marks each article; one that runs
 * longer stops the body, its message is printed and CS_EXIT_ERROR
 * returned.  Else the body's exit code. */
int cs_cli_guarded(const cs_cli *cli, cs_guard_fn fn, void *ctx);

/* Refuse to write output (the -o file, the baseline written) over one of
 * the run's own inputs: inputs[0..n) (articles, also those found in
 * folders; "-" is standard input), the --baseline file, the configuration,
 * a rule file or a plugin (same device and inode).  Prints the error and
 * returns -1, else 0. */
int cs_cli_check_output(const cs_cli *cli, const cs_session *ses, const char *output,
                        char *const *inputs, size_t n);

/* The articles the operands name, into l: the one discovery of
 * discover.h (folders walked with the session's configuration; a warning
 * about an entry skipped printed unless -q).  0; 1 after an error about an
 * operand (printed); -1 after another error (printed). */
int cs_cli_collect(const cs_cli *cli, const cs_session *ses, cs_path_list *l);

/* A folder walk's warning on stderr, unless -q (ctx: the cs_cli). */
void cs_cli_walk_warning(void *ctx, const char *msg);

/* Print "credscore: <msg>" to stderr. */
void cs_cli_error(const char *msg);

/* The same with a printf format: "credscore: " and the formatted text,
 * then a newline, in one write to stderr.  Every command's error and
 * warning lines go through here. */
void cs_cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Should text output be coloured? */
int cs_cli_use_color(const cs_cli *cli, int fd);

int cs_cmd_score(const cs_cli *cli);
int cs_cmd_stream(const cs_cli *cli);
int cs_cmd_config(const cs_cli *cli);
int cs_cmd_plugins(const cs_cli *cli);
int cs_cmd_rules(const cs_cli *cli);
int cs_cmd_test(const cs_cli *cli);
int cs_cmd_init(const cs_cli *cli);
int cs_cmd_eval(const cs_cli *cli);
int cs_cmd_baseline(const cs_cli *cli);
int cs_cmd_explain(const cs_cli *cli);
int cs_cmd_watch(const cs_cli *cli);
int cs_cmd_bundle(const cs_cli *cli);
/* `credscore serve`: parses its own options (argv[0] is "serve"). */
int cs_cmd_serve(int argc, char **argv);

#endif
