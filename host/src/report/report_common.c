/*
 * report_common.c - what the report writers (report_text.c,
 * report_json.c, report_github.c, report_sarif.c, report_junit.c,
 * report_html.c) share: where a finding stands, note names, paths as
 * reports show them, numbers and points, matched words on one line.
 */
#include "report_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json_writer.h"
#include "utf8.h"

void cs_finding_pos(const cs_document *doc, const cs_finding *f, cs_pos *pos)
{
    const cs_passage *p = &doc->passages[f->passage];
    pos->src_start = cs_doc_src_offset(doc, p, f->start, 0);
    pos->src_end = cs_doc_src_offset(doc, p, f->end, 1);
    if (pos->src_end < pos->src_start)
        pos->src_end = pos->src_start;
    cs_doc_line_col(doc, pos->src_start, &pos->line, &pos->col);
    cs_doc_line_col(doc, pos->src_end, &pos->end_line, &pos->end_col);
}

const char *cs_note_name(cs_point_note n)
{
    switch (n) {
    case CS_NOTE_DUPLICATE: return "duplicate";
    case CS_NOTE_ONE_SHOT: return "one-shot";
    case CS_NOTE_PASSAGE_CAP: return "passage cap";
    case CS_NOTE_SUPPRESSED: return "suppressed";
    default: return NULL;
    }
}

/* Append path made absolute and normalised ("/a/b", no ".", "..", "//").
 * cwd may be NULL when path is absolute. */
static int normalise(cs_buf *out, const char *cwd, const char *path)
{
    size_t base = out->len;
    const char *parts[2] = {path[0] == '/' ? NULL : cwd, path};
    for (int k = 0; k < 2; k++) {
        const char *p = parts[k];
        while (p && *p) {
            while (*p == '/')
                p++;
            const char *seg = p;
            while (*p && *p != '/')
                p++;
            size_t n = (size_t)(p - seg);
            if (n == 0 || (n == 1 && seg[0] == '.'))
                continue;
            if (n == 2 && seg[0] == '.' && seg[1] == '.') {
                while (out->len > base && out->data[out->len - 1] != '/')
                    out->len--;
                if (out->len > base)
                    out->len--; /* the slash */
                continue;
            }
            if (cs_buf_putc(out, '/') != 0 || cs_buf_append(out, seg, n) != 0)
                return -1;
        }
    }
    if (out->len == base && cs_buf_putc(out, '/') != 0)
        return -1;
    return cs_buf_terminate(out);
}

/* abs under dir (both normalised)?  Returns the relative part or NULL. */
static const char *under(const char *abs, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1) /* "/" */
        return abs[1] ? abs + 1 : NULL;
    if (strncmp(abs, dir, n) == 0 && abs[n] == '/' && abs[n + 1])
        return abs + n + 1;
    return NULL;
}

int cs_report_rel_path(cs_buf *out, const char *path, int *inside)
{
    int rc = -1;
    char *cwd = NULL, *real = NULL;
    cs_buf abs = {0}, ncwd = {0};
    *inside = 1;
    if (strcmp(path, "-") == 0 || path[0] == '\0') {
        rc = cs_buf_puts(out, path);
        goto out;
    }
    cwd = getcwd(NULL, 0);
    if (cwd == NULL || cwd[0] != '/') {
        /* No usable current folder: the path as given, less "./". */
        while (path[0] == '.' && path[1] == '/')
            path += 2;
        *inside = path[0] != '/';
        rc = cs_buf_puts(out, path);
        goto out;
    }
    if (normalise(&ncwd, NULL, cwd) != 0 || normalise(&abs, ncwd.data, path) != 0)
        goto out;
    const char *rel = under(abs.data, ncwd.data);
    if (rel == NULL && path[0] == '/' && (real = realpath(path, NULL)) != NULL) {
        /* An absolute path through a symbolic link to the current folder. */
        abs.len = 0;
        if (normalise(&abs, NULL, real) != 0)
            goto out;
        rel = under(abs.data, ncwd.data);
    }
    if (rel) {
        rc = cs_buf_puts(out, rel);
    } else {
        *inside = 0;
        rc = cs_buf_puts(out, abs.data);
    }
out:
    free(cwd);
    free(real);
    cs_buf_free(&abs);
    cs_buf_free(&ncwd);
    return rc;
}

void cs_report_fmt_number(char *buf, size_t n, double v)
{
    double r = round(v * 1000.0) / 1000.0;
    if (r == 0 || r != r)
        r = 0;
    int k = snprintf(buf, n, "%.3f", r);
    if (k < 0 || (size_t)k >= n)
        return;
    while (k > 0 && buf[k - 1] == '0')
        buf[--k] = '\0';
    if (k > 0 && buf[k - 1] == '.')
        buf[--k] = '\0';
}

void cs_report_fmt_points(char *buf, size_t n, double v)
{
    double r = round(v * 10.0) / 10.0;
    if (r == 0 || r != r)
        snprintf(buf, n, "0");
    else if (r == floor(r))
        snprintf(buf, n, "%+.0f", r);
    else
        snprintf(buf, n, "%+.1f", r);
}

const char *cs_report_term_escape(unsigned cp, char tmp[8], int keep_tab)
{
    if (cp == '\t' && keep_tab)
        return NULL;
    return cs_escape_control(cp, tmp);
}

/* Matched words on one line: white space folded to single spaces, trimmed,
 * cut with "..." after 80 characters (chars) or 80 bytes (the text
 * report's count, kept as it was).  Control characters are made visible
 * and bytes that are not UTF-8 become U+FFFD (cs_report_term_escape). */
static int put_words(cs_buf *out, const char *s, size_t len, int chars)
{
    size_t shown = 0, i = 0;
    int space = 0;
    char tmp[8];
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            i++;
            continue;
        }
        if (shown >= 80)
            return cs_buf_puts(out, "...");
        if (space && shown && cs_buf_putc(out, ' ') != 0)
            return -1;
        space = 0;
        unsigned cp = c;
        size_t n = c < 0x80 ? 1 : cs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        const char *rep = n ? cs_report_term_escape(cp, tmp, 0) : "\xEF\xBF\xBD";
        if (n == 0)
            n = 1;
        if (rep ? cs_buf_puts(out, rep) != 0 : cs_buf_append(out, s + i, n) != 0)
            return -1;
        shown += chars ? 1 : n;
        i += n;
    }
    return 0;
}

int cs_report_put_words(cs_buf *out, const char *s, size_t len)
{
    return put_words(out, s, len, 1);
}

int cs_report_put_words_bytes(cs_buf *out, const char *s, size_t len)
{
    return put_words(out, s, len, 0);
}
