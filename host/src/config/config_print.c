/*
 * config_print.c - the effective configuration printed as YAML
 * (cs_config_print in config.h, `credscore config`): every value, paths
 * resolved, strings quoted so that the output loads again to the same
 * configuration, the file's profiles as written.  The text is built in
 * memory and written in one go; nothing is left allocated.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* Shortest %g form that reads back as the same double. */
static void fmt_double(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "0");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static int put_double(cs_buf *b, double v)
{
    char num[40];
    fmt_double(v, num, sizeof num);
    return cs_buf_puts(b, num);
}

/* A double-quoted YAML scalar: escapes everything a YAML reader would not
 * take literally (controls, quotes, backslash, line separators, BOM,
 * non-characters); malformed UTF-8 bytes become \xHH. */
static int put_quoted(cs_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    if (cs_buf_putc(b, '"') != 0)
        return -1;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = cs_utf8_decode(p + i, len - i, &cp);
        int rc;
        if (n == 0) {
            rc = cs_buf_printf(b, "\\x%02X", p[i]);
            n = 1;
        } else if (cp == '"') {
            rc = cs_buf_puts(b, "\\\"");
        } else if (cp == '\\') {
            rc = cs_buf_puts(b, "\\\\");
        } else if (cp == '\n') {
            rc = cs_buf_puts(b, "\\n");
        } else if (cp == '\t') {
            rc = cs_buf_puts(b, "\\t");
        } else if (cp == '\r') {
            rc = cs_buf_puts(b, "\\r");
        } else if (cp == 0x85) {
            rc = cs_buf_puts(b, "\\N");
        } else if (cp == 0x2028) {
            rc = cs_buf_puts(b, "\\L");
        } else if (cp == 0x2029) {
            rc = cs_buf_puts(b, "\\P");
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            rc = cs_buf_printf(b, "\\x%02X", cp);
        } else if (cp == 0xFEFF || (cp >= 0xFFFE && cp <= 0xFFFF)) {
            rc = cs_buf_printf(b, "\\u%04X", cp);
        } else {
            rc = cs_buf_append(b, p + i, n);
        }
        if (rc != 0)
            return -1;
        i += n;
    }
    return cs_buf_putc(b, '"');
}

/* Text that reads back as the same plain scalar in block context. */
static int plain_safe(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || s[n - 1] == ' ')
        return 0;
    if (s[0] == '-' && (s[1] == '\0' || s[1] == ' '))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '.' || ch == '/' || ch == '+' || ch == '-' || ch == '~' ||
              (ch == ' ' && i > 0)))
            return 0;
    }
    return 1;
}

static int put_indent(cs_buf *b, int indent)
{
    for (int i = 0; i < indent; i++)
        if (cs_buf_putc(b, ' ') != 0)
            return -1;
    return 0;
}

/* A key: plain when safe, quoted otherwise; long keys in explicit form
 * ("? key" / ":") because YAML limits implicit keys to 1024 characters. */
static int put_key(cs_buf *b, const char *key, int indent)
{
    if (put_indent(b, indent) != 0)
        return -1;
    if (strlen(key) > 500) {
        if (cs_buf_puts(b, "? ") != 0 || put_quoted(b, key) != 0 || cs_buf_putc(b, '\n') != 0)
            return -1;
        return put_indent(b, indent) != 0 ? -1 : cs_buf_putc(b, ':');
    }
    if ((plain_safe(key) ? cs_buf_puts(b, key) : put_quoted(b, key)) != 0)
        return -1;
    return cs_buf_putc(b, ':');
}

/* A node in block style after "key:" or "-" (already written), keeping
 * plain scalars plain so their types read back the same. */
static int put_node(cs_buf *b, const cs_ynode *n, int indent)
{
    if (n->kind == CS_YNODE_SCALAR) {
        if (n->plain && n->value[0] == '\0')
            return cs_buf_putc(b, '\n');
        if (cs_buf_putc(b, ' ') != 0)
            return -1;
        if ((n->plain && plain_safe(n->value) ? cs_buf_puts(b, n->value)
                                              : put_quoted(b, n->value)) != 0)
            return -1;
        return cs_buf_putc(b, '\n');
    }
    if (n->kind == CS_YNODE_SEQUENCE) {
        if (n->nitems == 0)
            return cs_buf_puts(b, " []\n");
        if (cs_buf_putc(b, '\n') != 0)
            return -1;
        for (size_t i = 0; i < n->nitems; i++) {
            const cs_ynode *it = n->items[i];
            if (put_indent(b, indent) != 0 || cs_buf_putc(b, '-') != 0)
                return -1;
            if (it->kind != CS_YNODE_MAPPING || it->npairs == 0 ||
                strlen(it->pairs[0].key->value) > 500) {
                if (put_node(b, it, indent + 2) != 0)
                    return -1;
                continue;
            }
            /* "- key: value" with the other keys below the first one */
            if (cs_buf_putc(b, ' ') != 0)
                return -1;
            for (size_t j = 0; j < it->npairs; j++)
                if (put_key(b, it->pairs[j].key->value, j == 0 ? 0 : indent + 2) != 0 ||
                    put_node(b, it->pairs[j].value, indent + 4) != 0)
                    return -1;
        }
        return 0;
    }
    if (n->npairs == 0)
        return cs_buf_puts(b, " {}\n");
    if (cs_buf_putc(b, '\n') != 0)
        return -1;
    for (size_t i = 0; i < n->npairs; i++)
        if (put_key(b, n->pairs[i].key->value, indent) != 0 ||
            put_node(b, n->pairs[i].value, indent + 2) != 0)
            return -1;
    return 0;
}

static int put_string_list(cs_buf *b, const char *key, char **v, size_t n)
{
    if (n == 0)
        return cs_buf_printf(b, "%s: []\n", key);
    if (cs_buf_printf(b, "%s:\n", key) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (cs_buf_puts(b, "  - ") != 0 || put_quoted(b, v[i]) != 0 || cs_buf_putc(b, '\n') != 0)
            return -1;
    return 0;
}

static int put_field_str(cs_buf *b, const char *key, const char *v)
{
    return cs_buf_printf(b, "    %s: ", key) != 0 || put_quoted(b, v ? v : "") != 0 ||
                   cs_buf_putc(b, '\n') != 0
               ? -1
               : 0;
}

static int put_field_num(cs_buf *b, int indent, const char *key, double v)
{
    return put_indent(b, indent) != 0 || cs_buf_printf(b, "%s: ", key) != 0 ||
                   put_double(b, v) != 0 || cs_buf_putc(b, '\n') != 0
               ? -1
               : 0;
}

static int print_config(const cs_config *c, cs_buf *b)
{
    if (cs_buf_puts(b, "# credscore configuration: every effective value.\n") != 0)
        return -1;
    if (c->path != NULL) {
        if (cs_buf_puts(b, "# Built-in defaults overlaid with ") != 0)
            return -1;
        for (const char *p = c->path; *p; p++) /* a comment ends at a line break */
            if (cs_buf_putc(b, (unsigned char)*p < 0x20 ? '?' : *p) != 0)
                return -1;
        if (c->profile != NULL && cs_buf_printf(b, ", then its profile '%s'", c->profile) != 0)
            return -1; /* a profile name is [a-z0-9_-]+: safe in a comment */
        if (cs_buf_putc(b, '\n') != 0)
            return -1;
    } else if (cs_buf_puts(b, "# Built-in defaults (no credscore.yaml).\n") != 0) {
        return -1;
    }
    if (cs_buf_puts(b, "# Paths below are already resolved.\nversion: 1\n") != 0 ||
        put_string_list(b, "rules", c->rule_paths, c->nrule_paths) != 0 ||
        put_string_list(b, "plugin_paths", c->plugin_paths, c->nplugin_paths) != 0 ||
        put_string_list(b, "include", c->include, c->ninclude) != 0 ||
        put_string_list(b, "exclude", c->exclude, c->nexclude) != 0)
        return -1;

    if (cs_buf_puts(b, c->nplugins ? "plugins:\n" : "plugins: []\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nplugins; i++) {
        const cs_plugin_conf *p = &c->plugins[i];
        if (cs_buf_puts(b, p->name ? "  - name: " : "  - path: ") != 0 ||
            put_quoted(b, p->name ? p->name : p->path ? p->path : "") != 0 ||
            cs_buf_putc(b, '\n') != 0)
            return -1;
        if (p->options != NULL &&
            (cs_buf_puts(b, "    options:") != 0 || put_node(b, p->options, 6) != 0))
            return -1;
    }

    if (cs_buf_puts(b, "markers:\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nmarkers; i++) {
        const cs_marker_conf *m = &c->markers[i];
        if (put_key(b, m->name, 2) != 0 || cs_buf_putc(b, '\n') != 0 ||
            put_field_str(b, "description", m->description) != 0 ||
            put_field_str(b, "why", m->why) != 0 || put_field_str(b, "fix", m->fix) != 0 ||
            put_field_str(b, "message", m->message) != 0 ||
            put_field_num(b, 4, "default_weight", m->default_weight) != 0 ||
            (m->has_weight && put_field_num(b, 4, "weight", m->weight) != 0) ||
            cs_buf_printf(b, "    level: %s\n", cs_level_name(m->level)) != 0 ||
            put_field_num(b, 4, "passage_cap", m->passage_cap) != 0 ||
            put_field_num(b, 4, "cap", m->cap) != 0 ||
            cs_buf_printf(b, "    one_shot: %s\n", m->one_shot ? "true" : "false") != 0)
            return -1;
    }

    if (cs_buf_puts(b, c->noverrides ? "rule_overrides:\n" : "rule_overrides: {}\n") != 0)
        return -1;
    for (size_t i = 0; i < c->noverrides; i++) {
        const cs_rule_override *o = &c->overrides[i];
        if (put_key(b, o->id, 2) != 0 || cs_buf_putc(b, '\n') != 0 ||
            (o->has_weight && put_field_num(b, 4, "weight", o->weight) != 0) ||
            (o->has_level && cs_buf_printf(b, "    level: %s\n", cs_level_name(o->level)) != 0) ||
            cs_buf_printf(b, "    enabled: %s\n", o->enabled ? "true" : "false") != 0)
            return -1;
    }

    if (cs_buf_puts(b, "scoring:\n") != 0 || put_field_num(b, 2, "base", c->base) != 0 ||
        (c->has_threshold ? put_field_num(b, 2, "fail_under", c->threshold)
                          : cs_buf_puts(b, "  fail_under: null  # no threshold\n")) != 0 ||
        cs_buf_printf(b, "  unsourced: %s\n", c->unsourced_fails ? "fail" : "pass") != 0)
        return -1;

    if (cs_buf_puts(b, c->nbands ? "bands:\n" : "bands: []\n") != 0)
        return -1;
    for (size_t i = 0; i < c->nbands; i++)
        if (cs_buf_puts(b, "  - min: ") != 0 || put_double(b, c->bands[i].min) != 0 ||
            cs_buf_puts(b, "\n    verdict: ") != 0 || put_quoted(b, c->bands[i].verdict) != 0 ||
            cs_buf_putc(b, '\n') != 0)
            return -1;

    /* memory is whole MiB when it came from a config; round up otherwise */
    const long long mib = CS_CONFIG_MIB;
    long long mb = c->limits.memory_bytes / mib + (c->limits.memory_bytes % mib != 0);
    long long article_mb = c->limits.article_bytes / mib + (c->limits.article_bytes % mib != 0);
    if (cs_buf_printf(b, "limits:\n  instructions: %lld\n  memory_mb: %lld\n  article_mb: %lld\n",
                      c->limits.instructions, mb, article_mb) != 0)
        return -1;

    /* The profiles as written, so that --profile still works on the printed
     * file; applying one again to values that already include it changes
     * nothing (a profile only sets values: setting them twice is setting
     * them once). */
    const cs_ynode *pm = c->profiles != NULL ? c->profiles->value : NULL;
    if (pm == NULL || pm->kind != CS_YNODE_MAPPING || pm->npairs == 0)
        return 0;
    if (cs_buf_puts(b, "# --profile NAME applies one of these on top of the values above") != 0 ||
        (c->profile != NULL &&
         cs_buf_printf(b, ";\n# '%s' is already applied to them", c->profile) != 0) ||
        cs_buf_puts(b, ".\nprofiles:") != 0)
        return -1;
    return put_node(b, pm, 2);
}

int cs_config_print(const cs_config *c, FILE *out)
{
    int rc = -1;
    cs_buf b = {0};
    if (c == NULL || out == NULL)
        goto out;
    if (print_config(c, &b) != 0)
        goto out;
    if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len)
        goto out;
    if (fflush(out) != 0)
        goto out;
    rc = 0;
out:
    cs_buf_free(&b);
    return rc;
}
