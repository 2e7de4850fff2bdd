/*
 * input_markdown_plain.c - Markdown files that are nothing but paragraphs
 * of prose, read without cmark.
 *
 * Most articles given to credscore as Markdown are paragraphs separated by
 * blank lines, perhaps under headings, with no other Markdown syntax in
 * them.  For such a file cmark's tree (CommonMark) is a HEADING per
 * heading line and a PARAGRAPH per run of other non-blank lines, one TEXT
 * node per line (or several, split at a literal '[', ']', '!' or '&', which
 * input_markdown.c maps back to the same contiguous bytes) and a soft
 * break between lines: cs_load_markdown_cmark then adds each line's bytes
 * verbatim and one space at each line break's "\n".  This file adds the
 * same passages directly, at a fraction of the cost (no tree, no search
 * for each literal in the source).
 *
 * The test is conservative: any byte or line start that CommonMark could
 * read as syntax, or that cmark would rewrite, sends the file to cmark.
 * Refused are:
 *   - a UTF-8 byte order mark (cmark drops it), any control byte but "\n"
 *     (tabs and "\r" change columns and line ends);
 *   - anywhere: '\\' (escapes, hard breaks), '*' and '_' (emphasis), '<'
 *     (HTML, autolinks), '&' that may begin an entity ("&#", or '&',
 *     letters and digits, ';'), "![" (images), "](" and "][" (links), and
 *     a run of '`' followed by another '`' in the same paragraph or
 *     heading (code; a lone run is literal, as in "don`t");
 *   - at a line start: a space (indented code, or leading white space
 *     that cmark strips), '#' other than a simple heading ("## Text",
 *     one space, no other '#'), '>' (quotes), '-', '+', '='
 *     '~' and '`' (lists, thematic breaks, setext underlines, fences), '['
 *     (link reference definitions), a number followed by '.' or ')'
 *     (ordered lists);
 *   - at a line end: a space (cmark strips it, or makes a hard break of
 *     two).
 * tests/unit/test_markdown_plain.c loads files of both kinds both ways and
 * compares every passage, scope and offset.
 */
#include "input.h"

#include <string.h>

/* Is c an ASCII letter or digit? */
static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* If the line at s[i] is a simple ATX heading ("## Text": one to six '#',
 * one space, then text without '#'), the offset of its text; else 0.
 * (Its end is the line's: a trailing space is refused for every line.) */
static size_t heading_text(const unsigned char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && s[j] == '#' && j - i < 7)
        j++;
    if (j == i || j - i > 6 || j + 1 >= len || s[j] != ' ' || s[j + 1] == ' ' || s[j + 1] == '\n')
        return 0;
    size_t text = j + 1;
    for (j = text; j < len && s[j] != '\n'; j++)
        if (s[j] == '#')
            return 0;
    return text;
}

/* Could the line starting at s[i] (not blank) open a block other than a
 * paragraph or a simple heading, or lose leading bytes to cmark? */
static int line_start_is_syntax(const unsigned char *s, size_t len, size_t i)
{
    switch (s[i]) {
    case '#':
        return heading_text(s, len, i) == 0;
    case ' ': case '>': case '-': case '+': case '=': case '~': case '`': case '[':
        return 1;
    default:
        break;
    }
    size_t j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9')
        j++;
    return j > i && j < len && (s[j] == '.' || s[j] == ')');
}

/* The end of the inline text that holds s[i] (not a line end): the end of
 * its line when that line is a simple heading, else the end of its
 * paragraph, the line end before a blank line, a heading or the end of
 * the file.  (Any other line start that would end a paragraph sends the
 * file to cmark anyway.) */
static size_t inline_block_end(const unsigned char *s, size_t len, size_t i)
{
    size_t start = i;
    while (start > 0 && s[start - 1] != '\n')
        start--;
    const unsigned char *nl = memchr(s + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - s) : len;
    if (heading_text(s, len, start) > 0)
        return end;
    while (end < len && end + 1 < len && s[end + 1] != '\n' &&
           heading_text(s, len, end + 1) == 0) {
        nl = memchr(s + end + 1, '\n', len - end - 1);
        end = nl ? (size_t)(nl - s) : len;
    }
    return end;
}

/* Could the '&' at s[i] begin an entity: "&#", or letters and digits up
 * to a ';'?  (A '&' before anything else is literal in CommonMark: "A&M",
 * "R&D's".) */
static int may_be_entity(const unsigned char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && s[j] == '#')
        return 1;
    while (j < len && is_alnum(s[j]))
        j++;
    return j > i + 1 && j < len && s[j] == ';';
}

/* Could the run of '`' at s[i] open a code span: is there another '`'
 * after the run in the same paragraph or heading?  A run no other run
 * follows is literal text; one that another follows may be closed by it
 * (or be the closer of one before, which the scan met first). */
static int may_open_code(const unsigned char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && s[j] == '`')
        j++;
    size_t end = inline_block_end(s, len, i);
    return j < end && memchr(s + j, '`', end - j) != NULL;
}

/* Could the byte s[i] (not at a line start) be Markdown syntax, or a byte
 * cmark rewrites? */
static int byte_is_syntax(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i], next = i + 1 < len ? s[i + 1] : 0;
    switch (c) {
    case '\\': case '*': case '_': case '<': case 0x7f:
        return 1;
    case '`':
        return may_open_code(s, len, i);
    case '&':
        return may_be_entity(s, len, i);
    case '!':
        return next == '[';
    case ']':
        return next == '(' || next == '[';
    default:
        return c < 0x20;
    }
}

/* Bytes that need a closer look: line ends, control bytes and those that
 * can be Markdown syntax somewhere in a line (byte_is_syntax). */
static const unsigned char look_closer[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
    [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [0x7f] = 1,
    ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['<'] = 1, ['&'] = 1, ['!'] = 1, [']'] = 1,
};

/* Is the byte s[i], one of look_closer's, Markdown syntax where it stands:
 * a syntax byte, or a line end after a space or before a line start
 * that is syntax? */
static int syntax_at(const unsigned char *s, size_t len, size_t i)
{
    if (s[i] != '\n')
        return byte_is_syntax(s, len, i);
    return (i > 0 && s[i - 1] == ' ') ||
           (i + 1 < len && s[i + 1] != '\n' && line_start_is_syntax(s, len, i + 1));
}

int cs_markdown_is_plain(const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 0;
    if (len > 0 && line_start_is_syntax(s, len, 0))
        return 0;
    size_t i = 0;
    while (i < len) {
        /* eight bytes at a time while none needs a closer look (most) */
        while (i + 8 <= len &&
               !(look_closer[s[i]] | look_closer[s[i + 1]] | look_closer[s[i + 2]] |
                 look_closer[s[i + 3]] | look_closer[s[i + 4]] | look_closer[s[i + 5]] |
                 look_closer[s[i + 6]] | look_closer[s[i + 7]]))
            i += 8;
        for (size_t stop = i + 8 < len ? i + 8 : len; i < stop; i++)
            if (look_closer[s[i]] && syntax_at(s, len, i))
                return 0;
    }
    return len == 0 || s[len - 1] != ' ';
}

int cs_load_markdown_plain(cs_document *doc, cs_diag *d)
{
    const unsigned char *s = (const unsigned char *)doc->source.data;
    size_t len = doc->source.len;
    int open = 0; /* a paragraph is open */
    for (size_t k = 0; k < doc->nlines; k++) { /* the lines of the index (cs_doc_prepare) */
        size_t i = doc->line_starts[k], end = cs_doc_line_end(doc, k);
        size_t text = i < len ? heading_text(s, len, i) : 0;
        if ((end == i || text > 0) && open) { /* a blank line or a heading ends it */
            if (cs_doc_end(doc) != 0)
                goto oom;
            open = 0;
        }
        if (text > 0) {
            if (cs_doc_begin(doc, CREDSCORE_SCOPE_HEADING) != 0 ||
                cs_doc_add(doc, (const char *)s + text, end - text, text, end - text) != 0 ||
                cs_doc_end(doc) != 0)
                goto oom;
        } else if (end > i) {
            if (open) { /* a soft break: one space for the "\n" before */
                if (cs_doc_add_space(doc, i - 1) != 0)
                    goto oom;
            } else if (cs_doc_begin(doc, CREDSCORE_SCOPE_PARAGRAPH) != 0) {
                goto oom;
            }
            open = 1;
            if (cs_doc_add(doc, (const char *)s + i, end - i, i, end - i) != 0)
                goto oom;
        }
    }
    if (open && cs_doc_end(doc) != 0)
        goto oom;
    return 0;
oom:
    return cs_diag_at(d, doc->path, 0, 0, "out of memory while parsing Markdown");
}
