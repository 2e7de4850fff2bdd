/* cli_options.c - the options every session-opening command takes
 * (cli_options.h). */
#include "cli_options.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* The usage error for command (NULL: the main command line). */
static int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int usage_error(const char *command, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (command)
        cs_cli_errorf("%s: %s\nTry 'credscore %s --help'.", command, msg, command);
    else
        cs_cli_errorf("%s\nTry 'credscore --help'.", msg);
    return -1;
}

long long cs_cli_whole_number(const char *s, long long lo, long long hi)
{
    char *end;
    long long n = strtoll(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || n < lo || n > hi)
        return -1;
    return n;
}

int cs_cli_session_option(cs_cli *cli, int c, const char *arg, const char *command)
{
    long long n;
    switch (c) {
    case 'c': cli->config_path = arg; return 1;
    case CS_OPT_NO_CONFIG: cli->no_config = 1; return 1;
    case CS_OPT_PROFILE:
        if (*arg == '\0')
            return usage_error(command, "--profile wants a profile name");
        cli->profile = arg;
        return 1;
    case CS_OPT_BUNDLE: cli->bundle = arg; return 1;
    case CS_OPT_TIMEOUT:
        if ((n = cs_cli_whole_number(arg, 0, 86400)) < 0)
            return usage_error(command, "--timeout wants seconds from 0 (none) to 86400, not '%s'",
                               arg);
        cli->timeout = (int)n;
        return 1;
    case CS_OPT_MAX_ARTICLE:
        if ((n = cs_cli_whole_number(arg, 0, 1048576)) < 0)
            return usage_error(command, "--max-article-mb wants megabytes from 0 (no limit) to "
                               "1048576, not '%s'", arg);
        cli->has_max_article = 1;
        cli->max_article_mb = n;
        return 1;
    case CS_OPT_PLUGIN_PATH: cli->plugin_dirs[cli->nplugin_dirs++] = arg; return 1;
    case CS_OPT_NO_PLUGINS: cli->no_plugins = 1; return 1;
    case CS_OPT_INSECURE: cli->allow_insecure_plugins = 1; return 1;
    case CS_OPT_LENIENT: cli->lenient = 1; return 1;
    case CS_OPT_STRICT: cli->lenient = 0; return 1;
    default: return 0;
    }
}
