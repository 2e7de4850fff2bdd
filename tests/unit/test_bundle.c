/* test_bundle.c - unpacking a bundle (bundle.h): the members a bundle can
 * hold land in a private folder under $TMPDIR with their bytes (plugins
 * executable); anything else (a path out of the bundle, a link, no
 * config.yaml, a cut archive) is refused, naming it, and leaves nothing
 * behind; cs_bundle_member's refusals; the MANIFEST read back (rule files in
 * order with their names, plugins relocated, a bad line named);
 * cs_bundle_remove. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "bundle.h"
#include "tap.h"

static char scratch[] = "/tmp/cs-bundle-test.XXXXXX";
static char tarfile[4200];

/* Append a ustar member: name, type ('0' file, '5' folder, '2' link), bytes. */
static void member(cs_buf *tar, const char *name, char type, const char *data)
{
    char h[512] = {0};
    size_t len = data ? strlen(data) : 0;
    snprintf(h, 100, "%s", name);
    snprintf(h + 100, 8, "%07o", 0644);
    snprintf(h + 124, 12, "%011o", (unsigned)len & 07777777777u);
    h[156] = type;
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    cs_buf_append(tar, h, sizeof h);
    if (len) {
        char pad[512] = {0};
        cs_buf_append(tar, data, len);
        cs_buf_append(tar, pad, (512 - len % 512) % 512);
    }
}

static void finish(cs_buf *tar)
{
    char zeros[1024] = {0};
    cs_buf_append(tar, zeros, sizeof zeros);
    FILE *f = fopen(tarfile, "wb");
    if (f) {
        fwrite(tar->data, 1, tar->len, f);
        fclose(f);
    }
    tar->len = 0;
}

/* Entries in the scratch $TMPDIR besides the archive itself. */
static int leftovers(void)
{
    int n = 0;
    DIR *dp = opendir(scratch);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL)
        n += e->d_name[0] != '.' && strcmp(e->d_name, "b.tar") != 0;
    if (dp)
        closedir(dp);
    return n;
}

static char *slurp(const char *dir, const char *rel)
{
    static char buf[256];
    char path[4300];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    return f ? buf : "(missing)";
}

/* The error of opening the archive as written. */
static const char *open_error(void)
{
    static cs_diag d;
    char *dir = NULL;
    d.msg[0] = '\0';
    if (cs_bundle_open(tarfile, &dir, &d) == 0) {
        cs_bundle_remove(dir);
        free(dir);
        return "(opened)";
    }
    return dir == NULL ? d.msg + strlen(tarfile) : "(dir left set)";
}

/* Replace the MANIFEST of the unpacked bundle dir by text. */
static void put_manifest(const char *dir, const char *text)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/MANIFEST", dir);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The MANIFEST as cs_bundle_read_rules and cs_bundle_relocate_plugins see it. */
static void manifest_tests(const char *dir)
{
    cs_diag d;
    char want[4400];
    cs_bundle_rules br = {0};
    put_manifest(dir, "credscore bundle\nversion 0.1.0\nabi 1.1\n"
                      "rule rules/000-desk.lua /src/desk rules/a.lua\n"
                      "rule rules/000-desk.lua again.lua\n"
                      "plugin x 1.0 /old/x.so\n");
    is_int(cs_bundle_read_rules(dir, &br, &d), 0, "MANIFEST: rules read");
    is_int((int)br.n, 2, "MANIFEST: both rule lines, in order");
    snprintf(want, sizeof want, "%s/rules/000-desk.lua", dir);
    is_str(br.n ? br.paths[0] : "", want, "MANIFEST: a rule's path inside the bundle");
    is_str(br.n ? br.names[0] : "", "/src/desk rules/a.lua", "MANIFEST: its original name, spaces kept");
    is_str(br.n > 1 ? br.names[1] : "", "again.lua", "MANIFEST: the second rule's name");
    cs_bundle_rules_free(&br);

    cs_plugin_conf pc[2] = {{.name = NULL, .path = strdup("/old/x.so")}, {.name = "byname"}};
    cs_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.plugins = pc;
    cfg.nplugins = 2;
    is_int(cs_bundle_relocate_plugins(dir, &cfg, &d), 0, "MANIFEST: plugins relocated");
    snprintf(want, sizeof want, "%s/plugins/x.so", dir);
    is_str(pc[0].path, want, "MANIFEST: a plugin by path becomes the bundled copy");
    ok(pc[1].path == NULL, "MANIFEST: a plugin by name is left alone");
    free(pc[0].path);

    pc[0].path = strdup("/elsewhere/y.so");
    is_int(cs_bundle_relocate_plugins(dir, &cfg, &d), -1, "MANIFEST: a plugin not listed");
    is_str(d.msg, "bundle: plugin /elsewhere/y.so is not in the bundle", "... is named");
    free(pc[0].path);

    put_manifest(dir, "credscore bundle\nplugin X! 1.0 /old/x.so\n");
    pc[0].path = strdup("/old/x.so");
    is_int(cs_bundle_relocate_plugins(dir, &cfg, &d), -1, "MANIFEST: a bad plugin name");
    is_str(d.msg, "bundle: MANIFEST line 2 'plugin X! 1.0 /old/x.so': plugin file "
                  "'plugins/X!.so' is not named by a plugin name ([a-z0-9_-], at most 64)",
           "... names the line");
    free(pc[0].path);

    put_manifest(dir, "credscore bundle\nrule rules/000-desk.lua ok\nrule lonely\n");
    is_int(cs_bundle_read_rules(dir, &br, &d), -1, "MANIFEST: a rule line without a name");
    is_str(d.msg, "bundle: MANIFEST line 3 'rule lonely': a rule line needs a file and a name",
           "... names the line");
    cs_bundle_rules_free(&br);
    put_manifest(dir, "rule rules/../../x.lua x\n");
    is_int(cs_bundle_read_rules(dir, &br, &d), -1, "MANIFEST: a rule outside the bundle");
    is_str(d.msg, "bundle: MANIFEST line 1 'rule rules/../../x.lua x': rule file "
                  "'rules/../../x.lua' has a '..' component (a bundle's files stay inside it)",
           "... names the line and why");
    cs_bundle_rules_free(&br);
    char path[4300];
    snprintf(path, sizeof path, "%s/MANIFEST", dir);
    unlink(path);
    is_int(cs_bundle_read_rules(dir, &br, &d), -1, "MANIFEST missing: rules");
    is_str(d.msg, "bundle: cannot read its MANIFEST", "... says so");
    is_int(cs_bundle_relocate_plugins(dir, &cfg, &d), -1, "MANIFEST missing: plugins");
}

int main(void)
{
    cs_diag d;
    cs_buf tar = {0};
    if (mkdtemp(scratch) == NULL)
        return ok(0, "scratch folder"), done_testing();
    setenv("TMPDIR", scratch, 1);
    snprintf(tarfile, sizeof tarfile, "%s/b.tar", scratch);

    member(&tar, "credscore-bundle/", '5', NULL);
    member(&tar, "credscore-bundle/MANIFEST", '0', "credscore-bundle 1\n");
    member(&tar, "credscore-bundle/config.yaml", '0', "version: 1\n");
    member(&tar, "credscore-bundle/rules/000-desk.lua", '0', "-- rules\n");
    member(&tar, "credscore-bundle/plugins/x.so", '0', "not really ELF");
    finish(&tar);
    char *dir = NULL;
    is_int(cs_bundle_open(tarfile, &dir, &d), 0, "a bundle opens");
    ok(dir && strncmp(dir, scratch, strlen(scratch)) == 0 &&
       strstr(dir, "/credscore-bundle.") != NULL,
       "into a new folder under $TMPDIR: %s", dir ? dir : "(null)");
    is_str(slurp(dir, "config.yaml"), "version: 1\n", "config.yaml holds its bytes");
    is_str(slurp(dir, "rules/000-desk.lua"), "-- rules\n", "a rule file holds its bytes");
    is_str(slurp(dir, "plugins/x.so"), "not really ELF", "a plugin holds its bytes");
    char path[4400];
    struct stat st;
    snprintf(path, sizeof path, "%s/plugins/x.so", dir);
    ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700, "a plugin is mode 0700");

    char *out = NULL;
    const char *why = NULL;
    is_int(cs_bundle_member(dir, "rules/000-desk.lua", &out, &why), 0, "member: a rule file");
    snprintf(path, sizeof path, "%s/rules/000-desk.lua", dir);
    is_str(out, path, "member: its path inside the folder");
    free(out);
    struct { const char *rel, *why; } bad[] = {
        {"", "is empty"},
        {"/etc/passwd", "is an absolute path (a bundle's files are named relative to it)"},
        {"rules/../config.yaml", "has a '..' component (a bundle's files stay inside it)"},
        {"rules/001-none.lua", "is not in the bundle"},
        {"rules", "is not a regular file"},
        {"rules/link.lua", "is a symbolic link (a bundle holds regular files only)"},
    };
    snprintf(path, sizeof path, "%s/rules/link.lua", dir);
    ok(symlink("/etc/passwd", path) == 0, "a symbolic link planted in the folder");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = cs_bundle_member(dir, bad[i].rel, &out, &why);
        ok(rc == -1 && out == NULL && why && strcmp(why, bad[i].why) == 0,
           "member '%s' %s", bad[i].rel, bad[i].why);
    }
    manifest_tests(dir);
    cs_bundle_remove(dir);
    ok(stat(dir, &st) != 0, "cs_bundle_remove deletes the folder");
    free(dir);
    is_int(leftovers(), 0, "nothing left in $TMPDIR");

    /* Refused archives leave nothing behind. */
    member(&tar, "credscore-bundle/MANIFEST", '0', "m\n");
    finish(&tar);
    is_str(open_error(), ": not a credscore bundle (no config.yaml)", "no config.yaml");
    member(&tar, "credscore-bundle/config.yaml", '0', "version: 1\n");
    member(&tar, "credscore-bundle/../evil", '0', "x");
    finish(&tar);
    is_str(open_error(), ": not a credscore bundle: unexpected member 'credscore-bundle/../evil'",
           "a member out of the bundle");
    member(&tar, "credscore-bundle/rules/a/b.lua", '0', "x");
    finish(&tar);
    is_str(open_error(), ": not a credscore bundle: unexpected member "
                         "'credscore-bundle/rules/a/b.lua'",
           "a rule in a sub-folder");
    member(&tar, "credscore-bundle/rules/l.lua", '2', NULL);
    finish(&tar);
    is_str(open_error(), ": not a credscore bundle: unexpected member "
                         "'credscore-bundle/rules/l.lua'",
           "a link member");
    member(&tar, "credscore-bundle/config.yaml", '0', "version: 1\n");
    tar.len -= 512; /* the data block is gone: the size points past the end */
    snprintf(tar.data + tar.len - 512 + 124, 12, "%011o", 4096);
    FILE *f = fopen(tarfile, "wb");
    if (f) {
        fwrite(tar.data, 1, tar.len, f);
        fclose(f);
    }
    tar.len = 0;
    is_str(open_error(), ": truncated bundle (member credscore-bundle/config.yaml)",
           "a cut archive");
    is_int(leftovers(), 0, "the refused archives left nothing in $TMPDIR");
    unlink(tarfile);
    is_str(open_error(), ": cannot read the bundle: No such file or directory", "no archive");

    cs_buf_free(&tar);
    rmdir(scratch);
    return done_testing();
}
