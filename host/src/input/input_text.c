/* input_text.c - plain text: blank-line separated paragraphs; a text with no
 * blank line at all (scraped text) is one paragraph per line. */
#include <string.h>

#include "input.h"

static int line_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* Where the line starting at s[start] ends: its '\n', or len. */
static size_t line_end(const char *s, size_t len, size_t start)
{
    if (start >= len)
        return len;
    const char *nl = memchr(s + start, '\n', len - start);
    return nl ? (size_t)(nl - s) : len;
}

static int has_blank_line(const char *s, size_t len)
{
    size_t start = 0;
    int seen_text = 0;
    for (size_t i = line_end(s, len, 0);; i = line_end(s, len, start)) {
        if (line_is_blank(s + start, i - start)) {
            if (seen_text && i < len)
                return 1;
        } else {
            seen_text = 1;
        }
        if (i == len)
            return 0;
        start = i + 1;
    }
}

int cs_load_text(cs_document *doc, cs_diag *d)
{
    const char *s = doc->source.data;
    size_t len = doc->source.len;
    int per_line = !has_blank_line(s, len);
    int open = 0;
    size_t start = 0;
    for (size_t i = line_end(s, len, 0);; i = line_end(s, len, start)) {
        size_t line_len = i - start;
        if (line_len && s[start + line_len - 1] == '\r')
            line_len--;
        if (line_is_blank(s + start, line_len)) {
            if (open && cs_doc_end(doc) != 0)
                goto oom;
            open = 0;
        } else {
            if (open && per_line) {
                if (cs_doc_end(doc) != 0)
                    goto oom;
                open = 0;
            }
            if (!open) {
                if (cs_doc_begin(doc, CREDSCORE_SCOPE_PARAGRAPH) != 0)
                    goto oom;
                open = 1;
            } else if (cs_doc_add_space(doc, start - 1) != 0) {
                goto oom;
            }
            if (cs_doc_add(doc, s + start, line_len, start, line_len) != 0)
                goto oom;
        }
        if (i == len)
            break;
        start = i + 1;
    }
    if (open && cs_doc_end(doc) != 0)
        goto oom;
    return 0;
oom:
    return cs_diag_at(d, doc->path, 0, 0, "out of memory while splitting passages");
}
