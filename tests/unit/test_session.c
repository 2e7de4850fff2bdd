/* test_session.c - opening a session without a command line (session.h):
 * built-in defaults, a configuration file, a profile, the options that
 * override limits, and the errors (a profile without a file, a missing
 * bundle, a bad configuration) in the cs_diag, with nothing held after. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session.h"
#include "tap.h"

static char scratch[] = "/tmp/cs-session-test.XXXXXX";

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

int main(void)
{
    cs_session s;
    cs_session_opts o;
    cs_diag d;
    if (mkdtemp(scratch) == NULL)
        return ok(0, "scratch folder"), done_testing();
    char conf[4200], bad[4200];
    snprintf(conf, sizeof conf, "%s/credscore.yaml", scratch);
    snprintf(bad, sizeof bad, "%s/bad.yaml", scratch);
    put(conf, "profiles:\n  strict:\n    scoring:\n      fail_under: 70\n");
    put(bad, "bogus_key: 3\n");

    memset(&o, 0, sizeof o);
    o.no_config = 1;
    o.no_plugins = 1;
    is_int(cs_session_open(&s, &o, 0, &d), 0, "defaults: opens");
    ok(s.cfg_loaded && s.scorer == NULL && s.bundle_dir == NULL,
       "defaults: a configuration, no scorer unless asked");
    cs_session_close(&s);
    cs_session_close(&s); /* closing twice is harmless */

    setenv("CREDSCORE_RULES_DIR", "rules", 1); /* the pack of this tree (run from its root) */
    o.has_max_article = 1;
    o.max_article_mb = 3;
    o.quiet = 1;
    is_int(cs_session_open(&s, &o, 1, &d), 0, "defaults with a scorer: opens");
    if (s.scorer == NULL)
        printf("# %s\n", d.msg);
    ok(s.scorer != NULL, "the scorer is built");
    ok(s.cfg.limits.article_bytes == 3LL * 1024 * 1024, "max_article_mb replaces the limit");
    cs_session_close(&s);
    ok(s.scorer == NULL && !s.cfg_loaded, "closed: nothing held");

    memset(&o, 0, sizeof o);
    o.config_path = conf;
    o.profile = "strict";
    o.no_plugins = 1;
    is_int(cs_session_open(&s, &o, 0, &d), 0, "a config file with a profile opens");
    ok(s.cfg.has_threshold && s.cfg.threshold == 70, "the profile is applied");
    cs_session_close(&s);

    o.profile = "lenient";
    is_int(cs_session_open(&s, &o, 0, &d), -1, "an unknown profile: -1");
    ok(strstr(d.msg, "lenient") != NULL, "... naming it: %s", d.msg);
    ok(!s.cfg_loaded && s.scorer == NULL, "... and nothing held");

    memset(&o, 0, sizeof o);
    o.no_config = 1;
    o.profile = "strict";
    is_int(cs_session_open(&s, &o, 0, &d), -1, "a profile without a config file: -1");
    is_str(d.msg, "--profile strict: cannot be used with --no-config (profiles are defined in "
                  "a configuration file)", "... says why");

    memset(&o, 0, sizeof o);
    o.config_path = bad;
    is_int(cs_session_open(&s, &o, 0, &d), -1, "a bad configuration: -1");
    ok(strncmp(d.msg, bad, strlen(bad)) == 0, "... naming the file: %s", d.msg);

    memset(&o, 0, sizeof o);
    char missing[4200];
    snprintf(missing, sizeof missing, "%s/none.tar", scratch);
    o.bundle = missing;
    is_int(cs_session_open(&s, &o, 1, &d), -1, "a missing bundle: -1");
    ok(strstr(d.msg, "cannot read the bundle") != NULL, "... says so: %s", d.msg);
    ok(s.bundle_dir == NULL, "... and nothing unpacked");

    unlink(conf);
    unlink(bad);
    rmdir(scratch);
    return done_testing();
}
