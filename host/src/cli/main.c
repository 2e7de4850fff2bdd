/* main.c - parse the command line and run one command.  Only main exits. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "progress.h"

static const char usage[] =
    "usage: credscore [COMMAND] [OPTIONS] [FILE|FOLDER|-]...\n"
    "\n"
    "Rate how well news articles are sourced.\n"
    "\n"
    "Commands:\n"
    "  score FILES...      score articles (the default command)\n"
    "  explain FILE:LINE   how the passage at that line was scored, point by point\n"
    "  watch ARTICLE       re-score whenever the article, a rule or the config changes\n"
    "                      (--rounds N: stop after N scorings)\n"
    "  bundle [-o FILE]    write config, rules and plugins into one archive\n"
    "                      (default credscore-bundle.tar) for --bundle\n"
    "  config              print the effective configuration\n"
    "  rules               list every rule with marker, weight, level and source\n"
    "  plugins             list the loaded plugins\n"
    "  test [PATHS...]     run the rules' examples and annotated fixture articles\n"
    "                      (--with-pack: the configuration's rules' examples too)\n"
    "  init                write a starter credscore.yaml and an example rule with\n"
    "                      tests (rules/example.lua) in the current folder\n"
    "  eval LABELS.jsonl   measure detection against labelled passages (--errors)\n"
    "  baseline FILES...   record current findings (-o FILE, default\n"
    "                      .credscore-baseline.json) for --baseline\n"
    "  serve               score articles over HTTP (credscore serve --help)\n"
    "\n"
    "Options:\n"
    "  -c, --config FILE       use this credscore.yaml (default: found upwards from .)\n"
    "      --no-config         built-in defaults only\n"
    "      --profile NAME      apply the config's profile NAME (its profiles: section)\n"
    "      --bundle FILE       configuration, rules and plugins from a bundle archive\n"
    "  -f, --format FMT        report format: text (default), json, sarif, github,\n"
    "                          junit, html\n"
    "      --input-format FMT  text, markdown or html (default: by file extension)\n"
    "      --jsonl             read a JSONL stream of {\"id\",\"text\"} (file or -)\n"
    "  -o, --output FILE       write the report to FILE atomically\n"
    "  -j, --jobs N            score in N worker processes (streams and many files)\n"
    "      --timeout SECONDS   stop an article, or loading the rules, that takes longer\n"
    "                          (default 120, 0 = none; score goes on without it, explain,\n"
    "                          test, eval and baseline stop, watch skips the round)\n"
    "      --max-article-mb N  refuse an article larger than N MB (default 50, 0 = none;\n"
    "                          the config's limits.article_mb)\n"
    "      --fail-under SCORE  exit 1 when an article scores below SCORE\n"
    "      --max MARKER=N      exit 1 when an article has more than N such findings\n"
    "      --no-exit           exit 0 whatever the scores (errors still exit 2)\n"
    "      --min-level LEVEL   list findings of at least info, warning or error\n"
    "      --baseline FILE     findings recorded in FILE are not counted (only new ones)\n"
    "      --diff-base REV     count only findings on lines changed since git REV\n"
    "      --all               also list findings that counted 0 (duplicates)\n"
    "      --show-unchanged    with --baseline or --diff-base, also list articles\n"
    "                          with no new findings\n"
    "      --report-positive   sarif, github: also report positive findings (named\n"
    "                          sources...), left out by default\n"
    "      --plugin-path DIR   search DIR for plugins first (repeatable)\n"
    "      --no-plugins        load no plugins\n"
    "      --allow-insecure-plugins  load plugins others could replace (world-writable, or\n"
    "                          another user's file or folder)\n"
    "      --strict            a failing rule fails the run (the default)\n"
    "      --lenient           a failing rule is disabled instead of failing the run\n"
    "      --color[=WHEN]      always, never or auto (default; NO_COLOR is respected)\n"
    "  -q, --quiet             no warnings, no progress line\n"
    "      --progress          always show the progress line of a stream or folder run\n"
    "                          on stderr (default: only on a terminal, after 2 s)\n"
    "      --no-progress       never show it\n"
    "  -h, --help              this help\n"
    "  -V, --version           print the version\n"
    "\n"
    "Exit status: 0 scored and every threshold held; 1 an article fell below a\n"
    "threshold; 2 usage, configuration, rule, plugin or input error.\n";

/* The options of these commands; the session options (cli_options.h) too. */
enum {
    OPT_INPUT_FORMAT = 1000, OPT_JSONL, OPT_FAIL_UNDER, OPT_NO_EXIT, OPT_MIN_LEVEL, OPT_ALL,
    OPT_COLOR, OPT_MAX, OPT_BASELINE, OPT_DIFF_BASE, OPT_ROUNDS, OPT_SHOW_UNCHANGED,
    OPT_REPORT_POSITIVE, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_WITH_PACK
};

static const struct option long_opts[] = {
    CS_SESSION_LONG_OPTIONS,
    {"format", required_argument, NULL, 'f'},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"output", required_argument, NULL, 'o'},
    {"fail-under", required_argument, NULL, OPT_FAIL_UNDER},
    {"no-exit", no_argument, NULL, OPT_NO_EXIT},
    {"min-level", required_argument, NULL, OPT_MIN_LEVEL},
    {"all", no_argument, NULL, OPT_ALL},
    {"errors", no_argument, NULL, OPT_ALL},
    {"max", required_argument, NULL, OPT_MAX},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"diff-base", required_argument, NULL, OPT_DIFF_BASE},
    {"show-unchanged", no_argument, NULL, OPT_SHOW_UNCHANGED},
    {"report-positive", no_argument, NULL, OPT_REPORT_POSITIVE},
    {"rounds", required_argument, NULL, OPT_ROUNDS},
    {"with-pack", no_argument, NULL, OPT_WITH_PACK},
    {"color", optional_argument, NULL, OPT_COLOR},
    {"colour", optional_argument, NULL, OPT_COLOR},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static const char *const commands[] = {"score", "config", "rules", "plugins", "test", "eval", "baseline", "explain", "watch", "bundle", "init", NULL};

static int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int bad_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "credscore: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'credscore --help'.\n");
    va_end(ap);
    return CS_EXIT_ERROR;
}

static int parse_format(const char *s, cs_out_format *out)
{
    static const struct { const char *name; cs_out_format f; } names[] = {
        {"text", CS_OUT_TEXT},   {"json", CS_OUT_JSON},   {"sarif", CS_OUT_SARIF},
        {"github", CS_OUT_GITHUB}, {"junit", CS_OUT_JUNIT}, {"html", CS_OUT_HTML},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].f;
            return 0;
        }
    return -1;
}

/* A score threshold: a finite decimal number from 0 to 100 (no nan, inf
 * or hex); 0, or -1 when s is anything else. */
static int parse_score(const char *s, double *out)
{
    char *end;
    if (*s == '\0' || strpbrk(s, "xXnNiI") != NULL) /* hex, nan, inf */
        return -1;
    double v = strtod(s, &end);
    if (*end != '\0' || !isfinite(v) || v < 0 || v > 100)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    cs_cli cli;
    memset(&cli, 0, sizeof cli);
    cli.command = "score";
    cli.color = -1;
    cli.progress = CS_PROGRESS_AUTO;
    cli.timeout = 120;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "serve") == 0) /* its own options */
        return cs_cmd_serve(argc - 1, argv + 1);
    if (argc > 1) {
        for (const char *const *c = commands; *c; c++)
            if (strcmp(argv[1], *c) == 0) {
                cli.command = *c;
                first = 2;
            }
    }
    const char **dirs = calloc((size_t)argc, sizeof(char *));
    if (dirs == NULL)
        return CS_EXIT_ERROR;
    cli.plugin_dirs = dirs;
    int code = CS_EXIT_ERROR;
    optind = first;
    int c;
    const char *format_opt = NULL; /* -f as given */
    while ((c = getopt_long(argc, argv, "c:f:o:j:qhV", long_opts, NULL)) != -1) {
        int taken = cs_cli_session_option(&cli, c, optarg, NULL);
        if (taken < 0)
            goto out;
        if (taken)
            continue;
        switch (c) {
        case 'f':
            format_opt = optarg;
            if (parse_format(optarg, &cli.format) != 0) {
                code = bad_usage("unknown report format '%s' (text, json, sarif, github, junit, "
                                 "html)", optarg);
                goto out;
            }
            break;
        case OPT_INPUT_FORMAT:
            if (cs_format_parse(optarg, &cli.input_format) != 0) {
                code = bad_usage("unknown input format '%s' (text, markdown, html)", optarg);
                goto out;
            }
            break;
        case OPT_JSONL: cli.jsonl = 1; break;
        case 'o': cli.output = optarg; break;
        case OPT_FAIL_UNDER:
            if (parse_score(optarg, &cli.fail_under) != 0) {
                code = bad_usage("--fail-under wants a number from 0 to 100, not '%s'", optarg);
                goto out;
            }
            cli.has_fail_under = 1;
            break;
        case OPT_NO_EXIT: cli.no_exit = 1; break;
        case OPT_BASELINE: cli.baseline = optarg; break;
        case OPT_DIFF_BASE: cli.diff_base = optarg; break;
        case OPT_ROUNDS: {
            long long n = cs_cli_whole_number(optarg, 1, 1000000);
            if (n < 0) {
                code = bad_usage("--rounds wants a positive number, not '%s'", optarg);
                goto out;
            }
            cli.rounds = (int)n;
            break;
        }
        case OPT_MAX: {
            char *eq = strchr(optarg, '=');
            long long n = eq ? cs_cli_whole_number(eq + 1, 0, LONG_MAX) : -1;
            if (!eq || eq == optarg || n < 0 ||
                cli.nmax >= sizeof cli.maxes / sizeof cli.maxes[0]) {
                code = bad_usage("--max wants MARKER=N (N >= 0, at most 16 of them), not '%s'",
                                 optarg);
                goto out;
            }
            *eq = '\0';
            cli.maxes[cli.nmax].marker = optarg;
            cli.maxes[cli.nmax].limit = n;
            cli.nmax++;
            break;
        }
        case OPT_MIN_LEVEL:
            if (cs_level_parse(optarg, &cli.min_level) != 0) {
                code = bad_usage("unknown level '%s' (info, warning, error)", optarg);
                goto out;
            }
            break;
        case OPT_ALL: cli.show_zero = 1; break;
        case OPT_SHOW_UNCHANGED: cli.show_unchanged = 1; break;
        case OPT_REPORT_POSITIVE: cli.report_positive = 1; break;
        case OPT_WITH_PACK: cli.with_pack = 1; break;
        case OPT_COLOR:
            if (optarg == NULL || strcmp(optarg, "always") == 0)
                cli.color = 1;
            else if (strcmp(optarg, "never") == 0)
                cli.color = 0;
            else if (strcmp(optarg, "auto") == 0)
                cli.color = -1;
            else {
                code = bad_usage("--color wants always, never or auto, not '%s'", optarg);
                goto out;
            }
            break;
        case 'j': {
            long long n = cs_cli_whole_number(optarg, 1, 64);
            if (n < 0) {
                code = bad_usage("-j wants a number of workers from 1 to 64, not '%s'", optarg);
                goto out;
            }
            cli.jobs = (int)n;
            break;
        }
        case 'q': cli.quiet = 1; break;
        case OPT_PROGRESS: cli.progress = CS_PROGRESS_ALWAYS; break;
        case OPT_NO_PROGRESS: cli.progress = CS_PROGRESS_NEVER; break;
        case 'h':
            fputs(usage, stdout);
            code = CS_EXIT_OK;
            goto out;
        case 'V':
            printf("credscore %s (plugin ABI %d.%d)\n", CREDSCORE_VERSION, CREDSCORE_ABI_MAJOR,
                   CREDSCORE_ABI_MINOR);
            code = CS_EXIT_OK;
            goto out;
        default:
            fprintf(stderr, "Try 'credscore --help'.\n");
            goto out;
        }
    }
    cli.args = (const char **)argv + optind;
    cli.nargs = (size_t)(argc - optind);
    if (cli.jsonl && format_opt && cli.format != CS_OUT_JSON) {
        code = bad_usage("--jsonl writes one JSON report per line: -f %s is not supported "
                         "(leave -f out, or -f json)", format_opt);
        goto out;
    }
    if (strcmp(cli.command, "score") == 0)
        code = cli.jsonl ? cs_cmd_stream(&cli) : cs_cmd_score(&cli);
    else if (strcmp(cli.command, "config") == 0)
        code = cs_cmd_config(&cli);
    else if (strcmp(cli.command, "rules") == 0)
        code = cs_cmd_rules(&cli);
    else if (strcmp(cli.command, "plugins") == 0)
        code = cs_cmd_plugins(&cli);
    else if (strcmp(cli.command, "test") == 0)
        code = cs_cmd_test(&cli);
    else if (strcmp(cli.command, "init") == 0)
        code = cs_cmd_init(&cli);
    else if (strcmp(cli.command, "eval") == 0)
        code = cs_cmd_eval(&cli);
    else if (strcmp(cli.command, "baseline") == 0)
        code = cs_cmd_baseline(&cli);
    else if (strcmp(cli.command, "explain") == 0)
        code = cs_cmd_explain(&cli);
    else if (strcmp(cli.command, "watch") == 0)
        code = cs_cmd_watch(&cli);
    else if (strcmp(cli.command, "bundle") == 0)
        code = cs_cmd_bundle(&cli);
out:
    free(dirs);
    return code;
}
