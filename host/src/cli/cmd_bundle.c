/* cmd_bundle.c - `credscore bundle [-o FILE]`: the effective
 * configuration, every rule file and every plugin loaded, written into one
 * archive (bundle.h; default credscore-bundle.tar) for `--bundle`. */
#include <stdio.h>

#include "bundle.h"
#include "cli.h"

int cs_cmd_bundle(const cs_cli *cli)
{
    cs_session ses;
    cs_diag d;
    const char *out = cli->output ? cli->output : "credscore-bundle.tar";
    if (cs_cli_open_session(&ses, cli, 1) != 0)
        return CS_EXIT_ERROR;
    int rc = cs_bundle_write(out, &ses.cfg, ses.scorer, CREDSCORE_VERSION, &d);
    if (rc != 0)
        cs_cli_error(d.msg);
    else {
        const char *const *files;
        size_t n = cs_scorer_rule_files(ses.scorer, &files);
        fprintf(stderr, "credscore: wrote %s: configuration, %zu rule file%s, %zu plugin%s\n", out,
                n, n == 1 ? "" : "s", cs_scorer_plugins(ses.scorer)->n,
                cs_scorer_plugins(ses.scorer)->n == 1 ? "" : "s");
    }
    cs_session_close(&ses);
    return rc == 0 ? CS_EXIT_OK : CS_EXIT_ERROR;
}
