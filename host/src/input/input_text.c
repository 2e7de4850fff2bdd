/* input_text.c - plain text: blank-line separated paragraphs; a text with no
 * blank line at all (scraped text) is one paragraph per line.  The lines
 * are those of the document's line index (cs_doc_prepare). */
#include <string.h>

#include "input.h"

static int line_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* Is a blank line (not the last one) somewhere after text? */
static int has_blank_line(const cs_document *doc)
{
    const char *s = doc->source.data;
    int seen_text = 0;
    for (size_t k = 0; k + 1 < doc->nlines; k++) {
        size_t start = doc->line_starts[k];
        if (!line_is_blank(s + start, cs_doc_line_end(doc, k) - start))
            seen_text = 1;
        else if (seen_text)
            return 1;
    }
    return 0;
}

int cs_load_text(cs_document *doc, cs_diag *d)
{
    const char *s = doc->source.data;
    int per_line = !has_blank_line(doc);
    int open = 0;
    for (size_t k = 0; k < doc->nlines; k++) {
        size_t start = doc->line_starts[k];
        size_t line_len = cs_doc_line_end(doc, k) - start;
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
    }
    if (open && cs_doc_end(doc) != 0)
        goto oom;
    return 0;
oom:
    return cs_diag_at(d, doc->path, 0, 0, "out of memory while splitting passages");
}
