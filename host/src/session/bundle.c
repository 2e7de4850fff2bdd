#include "bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "buf.h"
#include "paths.h"

#define ROOT "credscore-bundle/"
#define BLOCK 512

/* ---- writing ---- */

static void octal(char *field, size_t width, unsigned long long v)
{
    snprintf(field, width, "%0*llo", (int)width - 1, v);
}

static int add_member(cs_buf *tar, const char *name, const char *data, size_t len, unsigned mode)
{
    char h[BLOCK];
    memset(h, 0, sizeof h);
    if (strlen(name) >= 100)
        return -1;
    memcpy(h, name, strlen(name));
    octal(h + 100, 8, mode);
    octal(h + 108, 8, 0);
    octal(h + 116, 8, 0);
    octal(h + 124, 12, len);
    octal(h + 136, 12, 0); /* mtime 0: the same inputs give the same archive */
    h[156] = '0';
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < BLOCK; i++)
        sum += (unsigned char)h[i];
    snprintf(h + 148, 8, "%06o", sum);
    static const char zeros[BLOCK];
    size_t pad = (BLOCK - len % BLOCK) % BLOCK;
    return cs_buf_append(tar, h, BLOCK) || cs_buf_append(tar, data, len) ||
                   cs_buf_append(tar, zeros, pad)
               ? -1
               : 0;
}

static int add_file(cs_buf *tar, const char *name, const char *src, unsigned mode, cs_diag *d)
{
    cs_buf content = {0};
    if (cs_read_file(src, &content) != 0) {
        cs_buf_free(&content);
        return cs_diag_at(d, src, 0, 0, "cannot read for the bundle: %s", strerror(errno));
    }
    int rc = add_member(tar, name, content.data ? content.data : "", content.len, mode);
    cs_buf_free(&content);
    return rc ? cs_diag_set(d, "bundle member name too long: %s", name) : 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Append s to b with every byte that is not [A-Za-z0-9._-] replaced by
 * '_' (member names: the MANIFEST splits its lines at spaces). */
static int put_member_word(cs_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '-';
        if (cs_buf_putc(b, keep ? (char)c : '_') != 0)
            return -1;
    }
    return 0;
}

/* Append a MANIFEST line's last field (an original path, kept for names in
 * reports) with control characters (a newline would start a new line)
 * replaced by '?'. */
static int put_manifest_text(cs_buf *b, const char *s)
{
    for (; *s; s++)
        if (cs_buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s) != 0)
            return -1;
    return 0;
}

int cs_bundle_write(const char *path, const cs_config *cfg, const cs_scorer *s,
                    const char *version, cs_diag *d)
{
    int rc = -1;
    cs_buf tar = {0}, manifest = {0}, name = {0};
    char *conf = NULL;
    size_t conflen = 0;
    FILE *mem = open_memstream(&conf, &conflen);
    if (mem == NULL || cs_config_print(cfg, mem) != 0) {
        if (mem)
            fclose(mem);
        cs_diag_set(d, "cannot print the configuration for the bundle");
        goto out;
    }
    fclose(mem);
    cs_buf_printf(&manifest, "credscore bundle\nversion %s\nabi %d.%d\n", version,
                  CREDSCORE_ABI_MAJOR, CREDSCORE_ABI_MINOR);
    if (add_member(&tar, ROOT "config.yaml", conf, conflen, 0644) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    const char *const *files;
    size_t n = cs_scorer_rule_files(s, &files);
    for (size_t i = 0; i < n; i++) {
        name.len = 0;
        if (cs_buf_printf(&name, ROOT "rules/%03zu-", i) != 0 ||
            put_member_word(&name, base_name(files[i])) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        if (add_file(&tar, name.data, files[i], 0644, d) != 0)
            goto out;
        if (cs_buf_printf(&manifest, "rule %s ", name.data + sizeof ROOT - 1) != 0 ||
            put_manifest_text(&manifest, files[i]) != 0 || cs_buf_putc(&manifest, '\n') != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
    }
    const cs_plugin_set *ps = cs_scorer_plugins(s);
    for (size_t i = 0; i < ps->n; i++) {
        name.len = 0;
        cs_buf_printf(&name, ROOT "plugins/%s.so", ps->items[i]->desc.name);
        if (add_file(&tar, name.data, ps->items[i]->path, 0755, d) != 0)
            goto out;
        if (cs_buf_printf(&manifest, "plugin %s ", ps->items[i]->desc.name) != 0 ||
            put_member_word(&manifest, ps->items[i]->desc.version) != 0 ||
            cs_buf_putc(&manifest, ' ') != 0 ||
            put_manifest_text(&manifest, ps->items[i]->path) != 0 ||
            cs_buf_putc(&manifest, '\n') != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
    }
    static const char zeros[2 * BLOCK];
    if (add_member(&tar, ROOT "MANIFEST", manifest.data, manifest.len, 0644) != 0 ||
        cs_buf_append(&tar, zeros, sizeof zeros) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    rc = cs_write_atomic(path, tar.data, tar.len, d);
out:
    free(conf);
    cs_buf_free(&tar);
    cs_buf_free(&manifest);
    cs_buf_free(&name);
    return rc;
}

/* ---- reading ---- */

static unsigned long long parse_octal(const char *f, size_t n)
{
    unsigned long long v = 0;
    for (size_t i = 0; i < n && f[i]; i++)
        if (f[i] >= '0' && f[i] <= '7')
            v = v * 8 + (unsigned)(f[i] - '0');
    return v;
}

/* Only the member names a bundle can hold are accepted. */
static int safe_name(const char *n)
{
    if (strncmp(n, ROOT, sizeof ROOT - 1) != 0 || strstr(n, "..") || strchr(n, '\\'))
        return 0;
    const char *rest = n + sizeof ROOT - 1;
    if (strcmp(rest, "config.yaml") == 0 || strcmp(rest, "MANIFEST") == 0)
        return 1;
    if ((strncmp(rest, "rules/", 6) == 0 || strncmp(rest, "plugins/", 8) == 0) &&
        strchr(rest + 6 + (rest[0] == 'p') * 2, '/') == NULL)
        return rest[strlen(rest) - 1] != '/';
    return 0;
}

int cs_bundle_open(const char *path, char **dir, cs_diag *d)
{
    int rc = -1;
    cs_buf tar = {0}, out = {0};
    *dir = NULL;
    if (cs_read_file(path, &tar) != 0) {
        cs_buf_free(&tar);
        return cs_diag_at(d, path, 0, 0, "cannot read the bundle: %s", strerror(errno));
    }
    const char *tmp = getenv("TMPDIR");
    cs_buf_printf(&out, "%s/credscore-bundle.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(out.data) == NULL) {
        cs_diag_at(d, path, 0, 0, "cannot make a folder to unpack into: %s", strerror(errno));
        goto out;
    }
    *dir = cs_strdup(out.data);
    int have_config = 0;
    size_t off = 0;
    while (off + BLOCK <= tar.len) {
        const char *h = tar.data + off;
        if (h[0] == '\0')
            break;
        char name[101];
        memcpy(name, h, 100);
        name[100] = '\0';
        unsigned long long size = parse_octal(h + 124, 12);
        off += BLOCK;
        if (size > tar.len - off) {
            cs_diag_at(d, path, 0, 0, "truncated bundle (member %s)", name);
            goto out;
        }
        if (h[156] == '5') /* folder entries are implied */
            continue;
        if ((h[156] != '0' && h[156] != '\0') || !safe_name(name)) {
            cs_diag_at(d, path, 0, 0, "not a credscore bundle: unexpected member '%s'", name);
            goto out;
        }
        const char *rest = name + sizeof ROOT - 1;
        cs_buf file = {0};
        cs_buf_printf(&file, "%s/%s", *dir, rest);
        char *slash = strrchr(file.data, '/');
        *slash = '\0';
        mkdir(file.data, 0700);
        *slash = '/';
        FILE *f = fopen(file.data, "wb");
        int ok = f && fwrite(tar.data + off, 1, size, f) == size;
        if (f && fclose(f) != 0)
            ok = 0;
        if (ok && strncmp(rest, "plugins/", 8) == 0)
            chmod(file.data, 0700);
        cs_buf_free(&file);
        if (!ok) {
            cs_diag_at(d, path, 0, 0, "cannot unpack %s: %s", rest, strerror(errno));
            goto out;
        }
        have_config |= strcmp(rest, "config.yaml") == 0;
        off += (size + BLOCK - 1) / BLOCK * BLOCK;
    }
    if (!have_config) {
        cs_diag_at(d, path, 0, 0, "not a credscore bundle (no config.yaml)");
        goto out;
    }
    rc = 0;
out:
    if (rc != 0 && *dir) {
        cs_bundle_remove(*dir);
        free(*dir);
        *dir = NULL;
    }
    cs_buf_free(&tar);
    cs_buf_free(&out);
    return rc;
}

int cs_bundle_member(const char *dir, const char *rel, char **out, const char **why)
{
    int rc = -1;
    char *joined = NULL, *real = NULL, *root = NULL;
    struct stat st;
    *out = NULL;
    *why = NULL;
    if (rel[0] == '\0') {
        *why = "is empty";
        goto out;
    }
    if (rel[0] == '/') {
        *why = "is an absolute path (a bundle's files are named relative to it)";
        goto out;
    }
    for (const char *c = rel; *c;) { /* each component */
        size_t n = strcspn(c, "/");
        if (n == 2 && c[0] == '.' && c[1] == '.') {
            *why = "has a '..' component (a bundle's files stay inside it)";
            goto out;
        }
        c += n + (c[n] == '/');
    }
    if ((joined = cs_paths_join(dir, rel)) == NULL)
        goto out;
    if (lstat(joined, &st) != 0) {
        *why = "is not in the bundle";
        goto out;
    }
    if (S_ISLNK(st.st_mode)) {
        *why = "is a symbolic link (a bundle holds regular files only)";
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = "is not a regular file";
        goto out;
    }
    real = realpath(joined, NULL);
    root = realpath(dir, NULL);
    if (real == NULL || root == NULL) {
        *why = errno == ENOMEM ? NULL : "does not resolve";
        goto out;
    }
    size_t rl = strlen(root);
    if (strncmp(real, root, rl) != 0 || real[rl] != '/') {
        *why = "resolves outside the bundle folder";
        goto out;
    }
    *out = joined;
    joined = NULL;
    rc = 0;
out:
    free(joined);
    free(real);
    free(root);
    return rc;
}

/* ---- the MANIFEST of an unpacked bundle ---- */

/* Say in d what is wrong with line n (text: the line, up to its newline) of
 * an unpacked bundle's MANIFEST; returns -1. */
static int manifest_error(cs_diag *d, size_t n, const char *text, const char *fmt,
                          const char *what, const char *why)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, what, why ? why : "out of memory");
    int len = (int)strcspn(text, "\n") > 300 ? 300 : (int)strcspn(text, "\n");
    return cs_diag_set(d, "bundle: MANIFEST line %zu '%.*s': %s", n, len, text, msg);
}

/* Read dir's MANIFEST into m; -1 with d when it cannot be read. */
static int read_manifest(const char *dir, cs_buf *m, cs_diag *d)
{
    char *path = cs_paths_join(dir, "MANIFEST");
    int rc = path && cs_read_file(path, m) == 0 ? 0 : -1;
    free(path);
    return rc ? cs_diag_set(d, "bundle: cannot read its MANIFEST") : 0;
}

/* A plugin name as plugin_host.c accepts it: 1-64 of [a-z0-9_-]. */
static int plugin_name_ok(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");
    return n > 0 && n <= 64 && s[n] == '\0';
}

/* The bundled file for the plugin configured as orig: the last MANIFEST
 * line "plugin NAME VERSION orig" (m: the MANIFEST text) names it.  0 with
 * *found (malloc'd; NULL when no line names orig), or -1 with d. */
static int bundled_plugin(const char *dir, const char *m, const char *orig, char **found,
                          cs_diag *d)
{
    *found = NULL;
    size_t n = 1;
    for (const char *line = m; line && *line; n++) {
        const char *nl = strchr(line, '\n');
        char name[80], version[80], path[4096];
        if (sscanf(line, "plugin %79s %79s %4095[^\n]", name, version, path) == 3 &&
            strcmp(path, orig) == 0) {
            char file[160];
            const char *why = "";
            snprintf(file, sizeof file, "plugins/%s.so", name);
            free(*found);
            *found = NULL;
            if (!plugin_name_ok(name) || cs_bundle_member(dir, file, found, &why) != 0)
                return manifest_error(d, n, line, "plugin file '%s' %s", file,
                                      plugin_name_ok(name) ? why
                                                           : "is not named by a plugin name "
                                                             "([a-z0-9_-], at most 64)");
        }
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

int cs_bundle_relocate_plugins(const char *dir, cs_config *cfg, cs_diag *d)
{
    cs_buf m = {0};
    int rc = -1;
    if (read_manifest(dir, &m, d) != 0)
        goto out;
    for (size_t i = 0; i < cfg->nplugins; i++) {
        cs_plugin_conf *pc = &cfg->plugins[i];
        if (pc->path == NULL)
            continue;
        char *found = NULL;
        if (bundled_plugin(dir, m.data, pc->path, &found, d) != 0)
            goto out;
        if (found == NULL) {
            cs_diag_set(d, "bundle: plugin %s is not in the bundle", pc->path);
            goto out;
        }
        free(pc->path);
        pc->path = found;
    }
    rc = 0;
out:
    cs_buf_free(&m);
    return rc;
}

void cs_bundle_rules_free(cs_bundle_rules *br)
{
    for (size_t i = 0; i < br->n; i++) {
        free(br->paths[i]);
        free(br->names[i]);
    }
    free(br->paths);
    free(br->names);
    memset(br, 0, sizeof *br);
}

/* Append path and name to br (taking path); -1 (path freed) when out of
 * memory. */
static int add_rule(cs_bundle_rules *br, char *path, const char *name)
{
    size_t cap = br->cap;
    void *a = br->paths, *b = br->names;
    int grown = cs_array_grow(&a, &cap, br->n + 1, sizeof(char *)) == 0;
    if (grown)
        br->paths = a;
    cap = br->cap;
    grown = grown && cs_array_grow(&b, &cap, br->n + 1, sizeof(char *)) == 0;
    if (grown) {
        br->names = b;
        br->cap = cap;
    }
    char *copy = grown ? cs_strdup(name) : NULL;
    if (copy == NULL) {
        free(path);
        return -1;
    }
    br->paths[br->n] = path;
    br->names[br->n] = copy;
    br->n++;
    return 0;
}

int cs_bundle_read_rules(const char *dir, cs_bundle_rules *br, cs_diag *d)
{
    cs_buf m = {0};
    int rc = -1;
    if (read_manifest(dir, &m, d) != 0)
        goto out;
    size_t n = 1;
    for (char *line = m.data; line && *line; n++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(line, "rule ", 5) == 0) {
            char *sp = strchr(line + 5, ' ');
            if (sp == NULL) {
                manifest_error(d, n, line, "%s%s", "a rule line needs a file and a name", "");
                goto out;
            }
            *sp = '\0';
            char *path = NULL;
            const char *why = "";
            if (cs_bundle_member(dir, line + 5, &path, &why) != 0) {
                char rel[256];
                snprintf(rel, sizeof rel, "%s", line + 5);
                *sp = ' ';
                manifest_error(d, n, line, "rule file '%s' %s", rel, why);
                goto out;
            }
            *sp = ' ';
            if (add_rule(br, path, sp + 1) != 0) {
                cs_diag_set(d, "out of memory");
                goto out;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    rc = 0;
out:
    cs_buf_free(&m);
    return rc;
}

static void remove_files(const char *dir)
{
    DIR *dp = opendir(dir);
    if (dp == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = cs_paths_join(dir, e->d_name);
        if (p) {
            unlink(p);
            free(p);
        }
    }
    closedir(dp);
    rmdir(dir);
}

void cs_bundle_remove(const char *dir)
{
    char *rules = cs_paths_join(dir, "rules"), *plugins = cs_paths_join(dir, "plugins");
    if (rules)
        remove_files(rules);
    if (plugins)
        remove_files(plugins);
    free(rules);
    free(plugins);
    remove_files(dir);
}
