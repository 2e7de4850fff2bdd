/* cmd_serve.c - `credscore serve [OPTIONS]`: parse the options, then run
 * the server (serve.h; routes in docs/api.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_options.h"
#include "serve.h"

static const char usage[] =
    "usage: credscore serve [OPTIONS]\n"
    "\n"
    "Score articles over HTTP: POST /v1/score, POST /v1/score/stream, GET /v1/rules,\n"
    "/v1/markers, /v1/config, /healthz, /metrics; a rule playground for the browser\n"
    "at GET / (docs/api.md).  SIGHUP or a changed configuration or rule file\n"
    "reloads; SIGTERM drains and exits 0.\n"
    "\n"
    "  -c, --config FILE       the configuration (default: found upwards from .)\n"
    "      --no-config         built-in defaults only\n"
    "      --profile NAME      the default profile (a request may name another)\n"
    "      --bundle FILE       configuration, rules and plugins from a bundle\n"
    "  -j, --jobs N            scoring workers (default: the number of CPUs)\n"
    "      --timeout SECONDS   stop an article that takes longer (default 30, 0 = none)\n"
    "      --listen ADDR:PORT  where to listen (default 127.0.0.1:8080; port 0: any\n"
    "                          free port, see --port-file)\n"
    "      --port-file FILE    write the address listened on to FILE once serving\n"
    "      --token-file FILE   require \"Authorization: Bearer TOKEN\" (needed to listen\n"
    "                          on an address that is not loopback)\n"
    "      --max-body BYTES    largest request body (default 5242880: 5 MB)\n"
    "      --max-concurrent N  requests in flight before 429 (default 64)\n"
    "      --read-timeout S    seconds to receive a request before 408 (default 30)\n"
    "      --reload-poll MS    look for changed files every MS ms and reload one that\n"
    "                          stayed the same for a poll (default 1000, 0: only on\n"
    "                          SIGHUP)\n"
    "      --access-log FILE   JSON lines, one per request (default: standard error)\n"
    "      --max-article-mb N, --plugin-path DIR, --no-plugins, --allow-insecure-plugins,\n"
    "      --lenient, --strict as for score\n"
    "  -q, --quiet             errors only on standard error\n";

/* serve's own options; the session options (cli_options.h) too. */
enum {
    O_LISTEN = 1000, O_PORT_FILE, O_TOKEN_FILE, O_MAX_BODY, O_MAX_CONCURRENT, O_READ_TIMEOUT,
    O_RELOAD_POLL, O_ACCESS_LOG
};

static const struct option opts[] = {
    CS_SESSION_LONG_OPTIONS,
    {"jobs", required_argument, NULL, 'j'},
    {"listen", required_argument, NULL, O_LISTEN},
    {"port-file", required_argument, NULL, O_PORT_FILE},
    {"token-file", required_argument, NULL, O_TOKEN_FILE},
    {"max-body", required_argument, NULL, O_MAX_BODY},
    {"max-concurrent", required_argument, NULL, O_MAX_CONCURRENT},
    {"read-timeout", required_argument, NULL, O_READ_TIMEOUT},
    {"reload-poll", required_argument, NULL, O_RELOAD_POLL},
    {"access-log", required_argument, NULL, O_ACCESS_LOG},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* A whole number from lo to hi into *out; else the usage error, -1. */
static int number(const char *opt, const char *s, long long lo, long long hi, long long *out)
{
    long long v = cs_cli_whole_number(s, lo, hi);
    if (v < 0) {
        cs_cli_errorf("serve: %s wants a whole number from %lld to %lld, not '%s'\n"
                      "Try 'credscore serve --help'.", opt, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

int cs_cmd_serve(int argc, char **argv)
{
    cs_cli cli;
    cs_serve_opts o;
    memset(&cli, 0, sizeof cli);
    memset(&o, 0, sizeof o);
    const char **dirs = calloc((size_t)argc + 1, sizeof *dirs);
    if (dirs == NULL)
        return CS_EXIT_ERROR;
    cli.command = "serve";
    cli.plugin_dirs = dirs;
    o.listen = "127.0.0.1:8080";
    o.max_body = 5LL * 1024 * 1024;
    o.max_concurrent = 64;
    o.read_timeout = 30;
    o.reload_ms = 1000;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cpus < 1 ? 1 : cpus > 64 ? 64 : (int)cpus;
    o.version = CREDSCORE_VERSION;
    int c, code = CS_EXIT_ERROR;
    long long v;
    optind = 1;
    cli.timeout = 30;
    while ((c = getopt_long(argc, argv, "c:j:qh", opts, NULL)) != -1) {
        int taken = cs_cli_session_option(&cli, c, optarg, "serve");
        if (taken < 0)
            goto out;
        if (taken)
            continue;
        switch (c) {
        case 'j': if (number("-j", optarg, 1, 64, &v)) goto out; o.jobs = (int)v; break;
        case O_LISTEN: o.listen = optarg; break;
        case O_PORT_FILE: o.port_file = optarg; break;
        case O_TOKEN_FILE: o.token_file = optarg; break;
        case O_MAX_BODY:
            if (number("--max-body", optarg, 1, 1LL << 32, &v)) goto out;
            o.max_body = v;
            break;
        case O_MAX_CONCURRENT:
            if (number("--max-concurrent", optarg, 1, 4096, &v)) goto out;
            o.max_concurrent = (int)v;
            break;
        case O_READ_TIMEOUT:
            if (number("--read-timeout", optarg, 1, 3600, &v)) goto out;
            o.read_timeout = (int)v;
            break;
        case O_RELOAD_POLL:
            if (number("--reload-poll", optarg, 0, 3600000, &v)) goto out;
            o.reload_ms = (int)v;
            break;
        case O_ACCESS_LOG: o.access_log = optarg; break;
        case 'q': cli.quiet = o.quiet = 1; break;
        case 'h': fputs(usage, stdout); code = CS_EXIT_OK; goto out;
        default: fprintf(stderr, "Try 'credscore serve --help'.\n"); goto out;
        }
    }
    if (optind < argc) {
        cs_cli_errorf("serve: takes no operands ('%s'): articles come over HTTP\n"
                      "Try 'credscore serve --help'.", argv[optind]);
        goto out;
    }
    o.timeout = cli.timeout;
    cs_cli_session_opts(&cli, &o.session);
    code = cs_serve(&o);
out:
    free(dirs);
    return code;
}
