/*
 * cli_options.h - the options of every command that opens a session
 * (main.c's commands and `serve`): the configuration (-c, --no-config,
 * --profile, --bundle), the rule time limit, the article size limit, the
 * plugins and the strictness.  One table entry macro and one parser, so
 * that each command lists and reads them the same way.
 */
#ifndef CS_CLI_OPTIONS_H
#define CS_CLI_OPTIONS_H

#include <getopt.h>

#include "cli.h"

/* getopt_long codes of the session options (the rest are 'c'), below the
 * codes the commands give their own options (from 1000). */
enum {
    CS_OPT_NO_CONFIG = 900, CS_OPT_PROFILE, CS_OPT_BUNDLE, CS_OPT_TIMEOUT, CS_OPT_MAX_ARTICLE,
    CS_OPT_PLUGIN_PATH, CS_OPT_NO_PLUGINS, CS_OPT_INSECURE, CS_OPT_LENIENT, CS_OPT_STRICT
};

/* The session options' entries, for a command's struct option table. */
#define CS_SESSION_LONG_OPTIONS                                              \
    {"config", required_argument, NULL, 'c'},                                \
    {"no-config", no_argument, NULL, CS_OPT_NO_CONFIG},                      \
    {"profile", required_argument, NULL, CS_OPT_PROFILE},                    \
    {"bundle", required_argument, NULL, CS_OPT_BUNDLE},                      \
    {"timeout", required_argument, NULL, CS_OPT_TIMEOUT},                    \
    {"max-article-mb", required_argument, NULL, CS_OPT_MAX_ARTICLE},         \
    {"plugin-path", required_argument, NULL, CS_OPT_PLUGIN_PATH},            \
    {"no-plugins", no_argument, NULL, CS_OPT_NO_PLUGINS},                    \
    {"allow-insecure-plugins", no_argument, NULL, CS_OPT_INSECURE},          \
    {"lenient", no_argument, NULL, CS_OPT_LENIENT},                          \
    {"strict", no_argument, NULL, CS_OPT_STRICT}

/* The whole number written in s (digits only) when it is from lo to hi
 * (lo >= 0), else -1. */
long long cs_cli_whole_number(const char *s, long long lo, long long hi);

/* Take getopt_long's answer c (its argument arg) into cli when it is a
 * session option: --plugin-path appends to cli->plugin_dirs, which must
 * have room for one per argument.  Returns 1 when taken, 0 when c is not
 * a session option, -1 after a bad argument: then the usage error is on
 * stderr, "credscore: [CMD: ]MESSAGE" and "Try 'credscore [CMD ]--help'."
 * (CMD is `command`, NULL for the main command line). */
int cs_cli_session_option(cs_cli *cli, int c, const char *arg, const char *command);

#endif
