/* test_input.c - the text, Markdown and HTML loaders: passages, scopes and
 * the exact source offset of every passage byte. */
#include <stdlib.h>

#include "document.h"
#include "document_load.h"
#include "tap.h"

#define P CREDSCORE_SCOPE_PARAGRAPH
#define H CREDSCORE_SCOPE_HEADING
#define Q CREDSCORE_SCOPE_QUOTE
#define L CREDSCORE_SCOPE_LIST_ITEM

static cs_document D;
static cs_diag E;

static int load(cs_format f, const char *src)
{
    cs_document_free(&D);
    memset(&E, 0, sizeof E);
    return cs_document_load_memory(&D, "t", src, strlen(src), f, &E);
}

static const char *ptext(size_t i)
{
    return i < D.npassages ? cs_doc_text(&D, &D.passages[i]) : "(no such passage)";
}

static long pscopes(size_t i)
{
    return i < D.npassages ? (long)D.passages[i].scopes : -1;
}

/* Source offset of the start (or, with is_end, the end) of the n-th (0-based)
 * occurrence of `needle` in passage i's text; -1 if absent. */
static long src_at_n(size_t i, const char *needle, int n, int is_end)
{
    if (i >= D.npassages)
        return -1;
    const cs_passage *p = &D.passages[i];
    const char *t = cs_doc_text(&D, p);
    const char *hit = strstr(t, needle);
    while (hit != NULL && n-- > 0)
        hit = strstr(hit + 1, needle);
    if (hit == NULL)
        return -1;
    size_t off = (size_t)(hit - t) + (is_end ? strlen(needle) : 0);
    return (long)cs_doc_src_offset(&D, p, off, is_end);
}

static long src_at(size_t i, const char *needle, int is_end)
{
    return src_at_n(i, needle, 0, is_end);
}

/* Offset of the n-th occurrence of needle in the original source. */
static long in_src_n(const char *needle, int n)
{
    const char *hit = strstr(D.source.data, needle);
    while (hit != NULL && n-- > 0)
        hit = strstr(hit + 1, needle);
    return hit ? (long)(hit - D.source.data) : -2;
}

static long in_src(const char *needle)
{
    return in_src_n(needle, 0);
}

/* "line:col" of passage i's first `needle`. */
static const char *where(size_t i, const char *needle)
{
    static char buf[32];
    long off = src_at(i, needle, 0);
    if (off < 0)
        return "(absent)";
    int line, col;
    cs_doc_line_col(&D, (size_t)off, &line, &col);
    snprintf(buf, sizeof buf, "%d:%d", line, col);
    return buf;
}

/* Invariants of every loaded document: segments tile each passage's text,
 * stay inside the source, and byte-for-byte segments copy the source. */
static int segs_ok(void)
{
    for (size_t i = 0; i < D.npassages; i++) {
        const cs_passage *p = &D.passages[i];
        size_t at = p->text_off;
        for (size_t k = 0; k < p->nsegs; k++) {
            const cs_offset_seg *s = &D.segs[p->seg_first + k];
            if (s->text_off != at || s->src_off + s->src_len > D.source.len)
                return 0;
            for (size_t j = 0; s->len == s->src_len && j < s->len; j++) {
                char t = D.text.data[s->text_off + j], o = D.source.data[s->src_off + j];
                /* A space may stand for one white-space byte (a line break
                 * inside a code span). */
                if (t != o && !(t == ' ' && (o == '\n' || o == '\r' || o == '\t')))
                    return 0;
            }
            at += s->len;
        }
        if (at != p->text_off + p->len)
            return 0;
    }
    return 1;
}

static void test_text(void)
{
    is_int(load(CS_FORMAT_TEXT, "First para line one\nline two.\n\nSecond para here.\n"), 0,
           "text: loads");
    is_int(D.npassages, 2, "text: blank lines separate passages");
    is_str(ptext(0), "First para line one line two.", "text: lines of a paragraph joined");
    is_str(ptext(1), "Second para here.", "text: second paragraph");
    is_int(pscopes(0), P, "text: paragraph scope");
    is_int(src_at(0, "line two", 0), in_src("line two"), "text: offset after the line break");
    is_int(src_at(0, " line two", 0), in_src("\nline two"), "text: the joining space maps to the newline");
    is_int(src_at(1, "here", 0), in_src("here"), "text: offset in the second passage");
    ok(segs_ok(), "text: segments consistent");

    is_int(load(CS_FORMAT_TEXT, "Line A said this.\nLine B said that.\r\nLine C.\n"), 0,
           "text per line: loads");
    is_int(D.npassages, 3, "text per line: no blank line, one passage per line");
    is_str(ptext(1), "Line B said that.", "text per line: CR dropped");
    is_str(ptext(2), "Line C.", "text per line: third line");
    is_int(src_at(2, "C.", 0), in_src("C."), "text per line: offset");
    ok(segs_ok(), "text per line: segments consistent");

    is_int(load(CS_FORMAT_AUTO, "# Not a heading\n\nPlain *text*."), 0, "auto from memory: loads");
    is_str(ptext(0), "# Not a heading", "auto from memory is plain text");
    is_int(load(CS_FORMAT_TEXT, " \n\t\n"), -1, "text: blank input refused");
    ok(strstr(E.msg, "empty input") != NULL, "text: blank input message (%s)", E.msg);
}

/* Text passages around CR, missing final newlines and trailing blank lines. */
static void test_text_edges(void)
{
    is_int(load(CS_FORMAT_TEXT, "One line, no newline"), 0, "text edges: no newline loads");
    is_int(D.npassages, 1, "text edges: one passage");
    is_str(ptext(0), "One line, no newline", "text edges: whole text");
    is_int(load(CS_FORMAT_TEXT, "Para one\r\nstill one\r\n\r\nPara two\r\n\r\n\r\n"), 0,
           "text edges: CRLF loads");
    is_int(D.npassages, 2, "text edges: a CRLF blank line separates passages");
    is_str(ptext(0), "Para one still one", "text edges: CRLF lines joined");
    is_str(ptext(1), "Para two", "text edges: trailing blank lines dropped");
    is_int(src_at(1, "two", 1), in_src("two\r") + 3, "text edges: end before the CR");
    ok(segs_ok(), "text edges: segments consistent");
    is_int(load(CS_FORMAT_TEXT, "\n\nLate start\n \t \nAfter spaces\n"), 0,
           "text edges: leading blank lines");
    is_int(D.npassages, 2, "text edges: a line of spaces and tabs is blank");
    is_int(src_at(0, "Late", 0), 2, "text edges: offset after leading blank lines");
    is_str(where(1, "After"), "5:1", "text edges: line:col of the second passage");
}

/* cs_doc_line_col: columns count code points; answers do not depend on
 * the order of the queries (the cache goes forward and back). */
static void test_line_col(void)
{
    /* Line 2 mixes ASCII and 2-, 3- and 4-byte characters across
     * 8-byte blocks. */
    const char *src = "First line.\n"
                      "ab\xC3\xA9" "cdefgh\xE2\x80\x99ijklmnop\xF0\x9F\x98\x80qrstuvwxyz0123456789 "
                      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 end.\n"
                      "Last line with \xE2\x80\x9Cquotes\xE2\x80\x9D.";
    is_int(load(CS_FORMAT_TEXT, src), 0, "line:col: loads");
    size_t len = strlen(src);
    int *want_line = calloc(len + 1, sizeof(int)), *want_col = calloc(len + 1, sizeof(int));
    int l = 1, c = 1;
    for (size_t i = 0; i <= len; i++) { /* by hand: the definition */
        want_line[i] = l;
        want_col[i] = c;
        if (i < len && src[i] == '\n') {
            l++;
            c = 1;
        } else if (i < len && ((unsigned char)src[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    int bad = 0;
    unsigned seed = 7;
    for (int pass = 0; pass < 3; pass++)
        for (size_t k = 0; k <= len; k++) {
            /* forward, backward, then random offsets */
            size_t off = pass == 0 ? k : pass == 1 ? len - k : (size_t)rand_r(&seed) % (len + 1);
            int line, col;
            cs_doc_line_col(&D, off, &line, &col);
            if (line != want_line[off] || col != want_col[off]) {
                if (bad++ < 3)
                    printf("#   offset %zu: %d:%d, expected %d:%d\n", off, line, col,
                           want_line[off], want_col[off]);
            }
        }
    is_int(bad, 0, "line:col: every offset, forward, backward and at random");
    int line, col;
    cs_doc_line_col(&D, len + 100, &line, &col);
    ok(line == want_line[len] && col == want_col[len], "line:col: past the end is the end");
    free(want_line);
    free(want_col);
}

/* cs_validate_utf8 finds the first NUL or bad byte wherever it falls in
 * the 8-byte blocks of an ASCII run. */
static void test_validate(void)
{
    char buf[64];
    cs_diag d;
    int bad = 0;
    for (size_t at = 0; at < 40; at++) {
        memset(buf, 'a', sizeof buf);
        buf[20] = '\n';
        buf[at] = '\0';
        if (cs_validate_utf8("t", buf, 48, &d) == 0 || strstr(d.msg, "NUL byte") == NULL)
            bad++;
        buf[at] = (char)0xC3; /* a lead byte, then 'a': invalid */
        if (cs_validate_utf8("t", buf, 48, &d) == 0 || strstr(d.msg, "invalid UTF-8") == NULL)
            bad++;
        char want[32];
        snprintf(want, sizeof want, "t:%d:%d:", at > 20 ? 2 : 1, at > 20 ? (int)at - 20 : (int)at + 1);
        if (strncmp(d.msg, want, strlen(want)) != 0 && bad++ < 3)
            printf("#   %s, expected %s\n", d.msg, want);
        buf[at] = (char)0xC3;
        buf[at + 1] = (char)0xA9; /* a whole character: fine */
        if (at != 19 && at != 20 && cs_validate_utf8("t", buf, 48, &d) != 0)
            bad++;
    }
    is_int(bad, 0, "validate: NUL and invalid bytes found and placed at every alignment");
    const char *good = "plain ASCII text that runs on for a while \xE2\x80\x94 then UTF-8 \xF0\x9F\x98\x80";
    ok(cs_validate_utf8("t", good, strlen(good), &d) == 0, "validate: good text passes");
    ok(cs_validate_utf8("t", "abcdefg\xE2\x80", 9, &d) != 0, "validate: a cut character at the end");
}

static void test_markdown(void)
{
    /* The example of the brief. */
    const char *md = "# Title\n\n> Officials *said* the [strike](http://x) killed 20.\n";
    is_int(load(CS_FORMAT_MARKDOWN, md), 0, "md: loads");
    is_int(D.npassages, 2, "md: heading and quoted paragraph");
    is_str(ptext(0), "Title", "md: heading text");
    is_int(pscopes(0), H, "md: heading scope");
    is_str(ptext(1), "Officials said the strike killed 20.", "md: inline markup removed");
    is_int(pscopes(1), P | Q, "md: block quote scope bits");
    is_int(src_at(1, "strike", 0), 33, "md: 'strike' starts at byte 33");
    is_int(src_at(1, "strike", 1), 39, "md: 'strike' ends at byte 39");
    is_str(where(1, "strike"), "3:25", "md: 'strike' at line 3 column 25");
    is_int(src_at(1, "said", 0), in_src("said"), "md: emphasis text offset");
    is_int(src_at(1, "killed 20.", 0), in_src("killed"), "md: text after the link destination");
    is_int(src_at(1, "20.", 1), (long)strlen(md) - 1, "md: passage ends before the newline");
    is_int(D.passages[1].nsent, 1, "md: one sentence");
    ok(strstr(ptext(1), "http") == NULL, "md: URL not in the text");
    ok(segs_ok(), "md: segments consistent");

    /* Setext and ATX headings. */
    is_int(load(CS_FORMAT_MARKDOWN, "Storm warning\nfor Kelby\n===\n\n## Update on roads ##\n"), 0,
           "md headings: loads");
    is_int(D.npassages, 2, "md headings: two");
    is_str(ptext(0), "Storm warning for Kelby", "md headings: setext over two lines");
    is_int(pscopes(0), H, "md headings: setext scope");
    is_str(ptext(1), "Update on roads", "md headings: ATX closing hashes dropped");
    is_int(src_at(0, "Kelby", 0), in_src("Kelby"), "md headings: second setext line offset");
    is_int(src_at(0, " for", 0), in_src("\nfor"), "md headings: soft break maps to the newline");
    ok(segs_ok(), "md headings: segments consistent");

    /* Lists: items, nesting, lazy continuation, block quote in a list. */
    is_int(load(CS_FORMAT_MARKDOWN, "- First item\n- Second item\n  - Nested item\nlazy line\n\n"
                                    "1. Ordered one\n\n> - Quoted item\n\n- > Item quote\n"),
           0, "md lists: loads");
    is_int(D.npassages, 6, "md lists: six passages");
    is_str(ptext(0), "First item", "md lists: first item");
    is_int(pscopes(0), P | L, "md lists: item scope");
    is_str(ptext(2), "Nested item lazy line", "md lists: nested item with lazy line");
    is_int(pscopes(2), P | L, "md lists: nested item scope");
    is_int(src_at(2, "lazy", 0), in_src("lazy"), "md lists: lazy line offset");
    is_str(where(2, "lazy"), "4:1", "md lists: lazy line at 4:1");
    is_str(ptext(3), "Ordered one", "md lists: ordered item");
    is_int(pscopes(3), P | L, "md lists: ordered item scope");
    is_int(pscopes(4), P | Q | L, "md lists: list in quote has both bits");
    is_int(pscopes(5), P | Q | L, "md lists: quote in list has both bits");
    ok(segs_ok(), "md lists: segments consistent");

    /* Skipped blocks. */
    is_int(load(CS_FORMAT_MARKDOWN, "Before.\n\n```\nsecret code\n```\n\n    indented code\n\n"
                                    "<!-- editor: cut this -->\n\n<div>\nraw block\n</div>\n\n"
                                    "---\n\nAfter.\n"),
           0, "md skipped: loads");
    is_int(D.npassages, 2, "md skipped: only the two paragraphs");
    is_str(ptext(0), "Before.", "md skipped: before");
    is_str(ptext(1), "After.", "md skipped: after code, HTML, comment, rule");
    is_int(src_at(1, "After", 0), in_src("After"), "md skipped: offset after skipped blocks");

    /* Inline HTML and comments inside a paragraph. */
    is_int(load(CS_FORMAT_MARKDOWN, "Hello <!-- hidden note --> world and <span class=\"k\">kin</span>.\n"),
           0, "md inline html: loads");
    is_str(ptext(0), "Hello world and kin.", "md inline html: tags and comment skipped");
    is_int(src_at(0, "world", 0), in_src("world"), "md inline html: offset after comment");
    is_int(src_at(0, "kin", 0), in_src(">kin") + 1, "md inline html: text inside span");
    is_int(src_at(0, ".", 0), in_src("</span>.") + 7, "md inline html: period after closing tag");

    /* Emphasis, strong, code spans, links with titles, images, autolinks. */
    is_int(load(CS_FORMAT_MARKDOWN,
                "A **bold** and _soft_ claim, `code`, [a link](<http://e.invalid/a b> \"T t\"). "
                "See ![a chart](c.png \"c\") here, <http://e.invalid/x> and [ref text][r].\n\n"
                "[r]: http://e.invalid/r\n"),
           0, "md inline: loads");
    is_int(D.npassages, 1, "md inline: link reference definition is not a passage");
    is_str(ptext(0), "A bold and soft claim, code, a link. See here, http://e.invalid/x and ref text.",
           "md inline: text");
    is_int(src_at(0, "bold", 0), in_src("bold"), "md inline: strong");
    is_int(src_at(0, "soft", 0), in_src("soft"), "md inline: emphasis");
    is_int(src_at(0, "code", 0), in_src("code"), "md inline: code span");
    is_int(src_at(0, "link", 0), in_src("link"), "md inline: link text");
    is_int(src_at(0, "link.", 1), in_src("\"). ") + 3, "md inline: period after link title");
    is_int(src_at(0, "here", 0), in_src("here"), "md inline: image skipped");
    is_int(src_at(0, "http", 0), in_src("<http://e.invalid/x>") + 1, "md inline: autolink text");
    is_int(src_at(0, "ref text", 0), in_src("ref text"), "md inline: reference link");
    is_int(src_at(0, "text.", 1), in_src("][r].") + 5, "md inline: period after reference");
    ok(segs_ok(), "md inline: segments consistent");

    /* Backslash escapes and entities map onto all their source bytes. */
    is_int(load(CS_FORMAT_MARKDOWN,
                "Prices rose 5\\* in \\[Vell\\] while AT&amp;T paid &#8364;5 to the caf&eacute; "
                "&#x41;nd &copy; &bogus; Kay&rsquo;s.\n"),
           0, "md escapes: loads");
    const char *want = "Prices rose 5* in [Vell] while AT&T paid \xE2\x82\xAC" "5 to the caf\xC3\xA9 And "
                       "\xC2\xA9 &bogus; Kay\xE2\x80\x99s.";
    is_str(ptext(0), want, "md escapes: decoded text");
    is_int(src_at(0, "*", 0), in_src("\\*"), "md escapes: \\* starts at the backslash");
    is_int(src_at(0, "*", 1), in_src("\\*") + 2, "md escapes: \\* ends after the star");
    is_int(src_at(0, "[", 0), in_src("\\["), "md escapes: \\[");
    is_int(src_at(0, "Vell", 0), in_src("Vell"), "md escapes: text between escapes");
    is_int(src_at(0, "&", 0), in_src("&amp;"), "md escapes: &amp; start");
    is_int(src_at(0, "&", 1), in_src("&amp;") + 5, "md escapes: &amp; end");
    is_int(src_at(0, "T paid", 0), in_src("T paid"), "md escapes: text after an entity");
    is_int(src_at(0, "\xE2\x82\xAC", 0), in_src("&#8364;"), "md escapes: &#8364; start");
    is_int(src_at(0, "\xE2\x82\xAC", 1), in_src("&#8364;") + 7, "md escapes: &#8364; end");
    is_int(src_at(0, "\xC3\xA9", 0), in_src("&eacute;"), "md escapes: &eacute;");
    is_int(src_at(0, "And", 0), in_src("&#x41;"), "md escapes: hex reference");
    is_int(src_at(0, "nd \xC2\xA9", 0), in_src("nd &copy;"), "md escapes: after hex reference");
    is_int(src_at(0, "&bogus;", 0), in_src("&bogus;"), "md escapes: unknown entity verbatim");
    is_int(src_at(0, "\xE2\x80\x99", 0), in_src("&rsquo;"), "md escapes: &rsquo;");
    is_int(src_at(0, "s.", 0), in_src("s.\n"), "md escapes: end of the passage");
    ok(segs_ok(), "md escapes: segments consistent");

    /* Soft and hard line breaks; a code span across lines. */
    is_int(load(CS_FORMAT_MARKDOWN, "One line\nnext line.  \nHard break\\\nlast `co\nde` x.\n"), 0,
           "md breaks: loads");
    is_str(ptext(0), "One line next line. Hard break last co de x.", "md breaks: text");
    is_int(src_at(0, " next", 0), in_src("\nnext"), "md breaks: soft break at the newline");
    is_int(src_at(0, "Hard", 0), in_src("Hard"), "md breaks: after a hard break");
    is_int(src_at(0, "last", 0), in_src("last"), "md breaks: after a backslash break");
    is_int(src_at(0, "co de", 0), in_src("co\nde"), "md breaks: code span over a line");
    is_int(src_at(0, "de", 0), in_src("de`"), "md breaks: code span second line");
    ok(segs_ok(), "md breaks: segments consistent");

    /* CRLF line endings and line:col. */
    is_int(load(CS_FORMAT_MARKDOWN, "# Head\r\n\r\nFirst line\r\nsecond line.\r\n\r\n- Caf\xC3\xA9 "
                                    "owner Zo\xC3\xAB said.\r\n"),
           0, "md crlf: loads");
    is_int(D.npassages, 3, "md crlf: three passages");
    is_str(ptext(0), "Head", "md crlf: heading without CR");
    is_str(ptext(1), "First line second line.", "md crlf: paragraph");
    is_int(src_at(1, "second", 0), in_src("second"), "md crlf: offset on the second line");
    is_str(where(1, "second"), "4:1", "md crlf: second at 4:1");
    is_int(src_at(1, " second", 0), in_src("\r\nsecond"), "md crlf: break maps to the CR");
    is_str(where(2, "said"), "6:18", "md crlf: column counts code points");
    ok(segs_ok(), "md crlf: segments consistent");

    /* A lone CR ends a line too, as cmark counts lines (mixed endings). */
    is_int(load(CS_FORMAT_MARKDOWN, "# Head\r\rOne line\rtwo line.\n\r\nMayor Ana said.\r"), 0,
           "md lone cr: loads");
    is_int(D.npassages, 3, "md lone cr: three passages");
    is_str(ptext(1), "One line two line.", "md lone cr: paragraph");
    is_int(src_at(1, "two", 0), in_src("two"), "md lone cr: offset on the line after a CR");
    is_str(where(1, "two"), "1:18", "md lone cr: two at 1:18 (line:col count LF only)");
    is_int(src_at(2, "Mayor", 0), in_src("Mayor"), "md lone cr: offset after LF then CRLF");
    is_str(where(2, "said"), "3:11", "md lone cr: said at 3:11");
    ok(segs_ok(), "md lone cr: segments consistent");

    /* Tables are not CommonMark: a paragraph with its pipes. */
    is_int(load(CS_FORMAT_MARKDOWN, "| Town | Votes |\n|---|---|\n| Arden | 12 |\n"), 0,
           "md table: loads");
    is_int(D.npassages, 1, "md table: one paragraph");
    is_str(ptext(0), "| Town | Votes | |---|---| | Arden | 12 |", "md table: text");
    is_int(src_at(0, "Arden", 0), in_src("Arden"), "md table: offset");

    /* Deep block quotes: no recursion trouble. */
    {
        cs_buf b = {0};
        for (int i = 0; i < 10000; i++)
            cs_buf_putc(&b, '>');
        cs_buf_puts(&b, " Deep quote text.\n");
        cs_document_free(&D);
        int rc = cs_document_load_memory(&D, "deep.md", b.data, b.len, CS_FORMAT_MARKDOWN, &E);
        is_int(rc, 0, "md deep: 10000 nested quotes load");
        is_str(ptext(0), "Deep quote text.", "md deep: text");
        is_int(pscopes(0), P | Q, "md deep: scope");
        is_int(src_at(0, "Deep", 0), 10001, "md deep: offset");
        cs_buf_free(&b);
    }
}

static void test_html(void)
{
    const char *html =
        "<!DOCTYPE html>\n<html><head><title>Page title</title>"
        "<style>p { color: red }</style><script>var a = \"<p>no</p>\";</script></head>\n"
        "<body><nav>Home | World</nav><header><h1>Flood hits Marrow</h1></header>\n"
        "<p>Officials said the water rose.</p>\n<noscript>Enable scripts</noscript>"
        "<aside>Related</aside><form><button>Go</button><select><option>A</option></select>"
        "</form><iframe src=\"x\"></iframe><svg><text>chart</text></svg>"
        "<p hidden>h1</p><p aria-hidden=\"true\">h2</p><p style=\"Display : None\">h3</p>"
        "<template><p>tpl</p></template><footer>Copyright</footer></body></html>\n";
    is_int(load(CS_FORMAT_HTML, html), 0, "html: loads");
    is_int(D.npassages, 2, "html: only the headline and the paragraph");
    is_str(ptext(0), "Flood hits Marrow", "html: h1 inside header kept");
    is_int(pscopes(0), H, "html: heading scope");
    is_str(ptext(1), "Officials said the water rose.", "html: paragraph");
    is_int(pscopes(1), P, "html: paragraph scope");
    is_int(src_at(1, "water", 0), in_src("water"), "html: offset");
    is_str(where(1, "water"), "4:23", "html: line:col");
    ok(segs_ok(), "html: segments consistent");

    /* Character references. */
    is_int(load(CS_FORMAT_HTML, "<p>AT&amp;T&#8217;s chief&nbsp;said &copy 2024 &#x2014; "
                                "&eacute;t&eacute; &hellip; &bogus; x&#146;s.</p>"),
           0, "html entities: loads");
    is_str(ptext(0), "AT&T\xE2\x80\x99s chief\xC2\xA0said \xC2\xA9 2024 \xE2\x80\x94 "
                     "\xC3\xA9t\xC3\xA9 \xE2\x80\xA6 &bogus; x\xE2\x80\x99s.",
           "html entities: decoded text");
    is_int(src_at(0, "&", 0), in_src("&amp;"), "html entities: &amp; start");
    is_int(src_at(0, "&", 1), in_src("&amp;") + 5, "html entities: &amp; end");
    is_int(src_at(0, "T\xE2\x80\x99", 0), in_src("T&#8217;"), "html entities: T after &amp;");
    is_int(src_at(0, "\xE2\x80\x99", 0), in_src("&#8217;"), "html entities: &#8217; start");
    is_int(src_at(0, "\xE2\x80\x99", 1), in_src("&#8217;") + 7, "html entities: &#8217; end");
    is_int(src_at(0, "\xC2\xA0", 0), in_src("&nbsp;"), "html entities: &nbsp; start");
    is_int(src_at(0, "\xC2\xA0", 1), in_src("&nbsp;") + 6, "html entities: &nbsp; end");
    is_int(src_at(0, "said", 0), in_src("said"), "html entities: text after &nbsp;");
    is_int(src_at(0, "\xC2\xA9", 1), in_src("&copy ") + 5, "html entities: &copy without ';'");
    is_int(src_at(0, "2024", 0), in_src("2024"), "html entities: after legacy reference");
    is_int(src_at(0, "\xE2\x80\x94", 0), in_src("&#x2014;"), "html entities: hex reference");
    is_int(src_at(0, "\xE2\x80\xA6", 0), in_src("&hellip;"), "html entities: &hellip;");
    is_int(src_at(0, "&bogus;", 0), in_src("&bogus;"), "html entities: unknown name verbatim");
    is_int(src_at_n(0, "\xE2\x80\x99", 1, 0), in_src("&#146;"), "html entities: windows-1252 &#146;");
    is_int(src_at(0, "s.", 0), in_src("s.</p>"), "html entities: final text");
    ok(segs_ok(), "html entities: segments consistent");

    /* <br>, nested inline elements, white space collapse. */
    is_int(load(CS_FORMAT_HTML, "<p>  The <a href=\"/x\"><em>mayor</em> <strong>said</strong></a>\n"
                                "   no<br>again<br/>\n and  <span>again</span>. </p>"),
           0, "html inline: loads");
    is_str(ptext(0), "The mayor said no again and again.", "html inline: text");
    is_int(src_at(0, "mayor", 0), in_src("mayor"), "html inline: nested <a><em>");
    is_int(src_at(0, "said", 0), in_src("said"), "html inline: <strong>");
    is_int(src_at(0, " said", 0), in_src("</em> ") + 5, "html inline: single space maps 1:1");
    is_int(src_at(0, " no", 0), in_src("\n   no"), "html inline: newline run maps to its start");
    is_int(src_at(0, "again", 0), in_src("again"), "html inline: text after <br>");
    is_int(src_at(0, " again", 0), in_src("<br>"), "html inline: <br> space maps to the tag");
    is_int(src_at_n(0, "again", 1, 0), in_src("again</span>"), "html inline: span text");
    ok(segs_ok(), "html inline: segments consistent");

    /* Quotes, lists, tables, definition lists, figures, divs. */
    is_int(load(CS_FORMAT_HTML,
                "<blockquote><p>We will stay.</p>Said plainly.</blockquote>"
                "<ul><li>Point one</li><li><p>Point <b>two</b></p><ol><li>Sub point</li></ol></li></ul>"
                "<table><tr><th>Town</th><td>Arden</td></tr></table>"
                "<dl><dt>Term</dt><dd>Meaning</dd></dl>"
                "<figure><img src=\"a.png\" alt=\"alt text\"><figcaption>A caption</figcaption></figure>"
                "<div>Intro text<p>Inner para.</p>Trailing text</div>"
                "<h2>Sub <em>head</em></h2>"),
           0, "html blocks: loads");
    is_int(D.npassages, 14, "html blocks: passages");
    is_str(ptext(0), "We will stay.", "html blocks: quoted paragraph");
    is_int(pscopes(0), P | Q, "html blocks: <blockquote><p> has QUOTE");
    is_str(ptext(1), "Said plainly.", "html blocks: direct quote text");
    is_int(pscopes(1), P | Q, "html blocks: direct quote text scope");
    is_str(ptext(2), "Point one", "html blocks: list item");
    is_int(pscopes(2), P | L, "html blocks: list item scope");
    is_str(ptext(3), "Point two", "html blocks: paragraph in item");
    is_str(ptext(4), "Sub point", "html blocks: nested item");
    is_int(pscopes(4), P | L, "html blocks: nested item scope");
    is_str(ptext(5), "Town", "html blocks: th");
    is_str(ptext(6), "Arden", "html blocks: td");
    is_str(ptext(7), "Term", "html blocks: dt");
    is_str(ptext(8), "Meaning", "html blocks: dd");
    is_str(ptext(9), "A caption", "html blocks: figcaption, image alt skipped");
    is_str(ptext(10), "Intro text", "html blocks: div text before a block");
    is_str(ptext(11), "Inner para.", "html blocks: p in div");
    is_str(ptext(12), "Trailing text", "html blocks: div text after a block");
    is_str(ptext(13), "Sub head", "html blocks: h2 with inline");
    is_int(pscopes(13), H, "html blocks: h2 scope");
    is_int(src_at(12, "Trailing", 0), in_src("Trailing"), "html blocks: offset");
    ok(segs_ok(), "html blocks: segments consistent");

    /* Comments, pre/code, inline code, stray tags, CRLF. */
    is_int(load(CS_FORMAT_HTML, "<p>Before<!-- secret note -->after.</p>\r\n<pre><code>x = 1\r\n"
                                "</code></pre><p>Use <code>grep</code> daily.</p>"
                                "<p>Alpha</span> beta\r\nline.</p>"),
           0, "html misc: loads");
    is_int(D.npassages, 3, "html misc: three passages");
    is_str(ptext(0), "Beforeafter.", "html misc: comment produces no text");
    is_int(src_at(0, "after", 0), in_src("after"), "html misc: offset after comment");
    is_str(ptext(1), "Use grep daily.", "html misc: pre skipped, inline code kept");
    is_str(ptext(2), "Alpha beta line.", "html misc: stray end tag and CRLF");
    is_int(src_at(2, "beta", 0), in_src("beta"), "html misc: offset after stray tag");
    is_int(src_at(2, "line", 0), in_src("line."), "html misc: offset after CRLF");
    is_str(where(2, "line"), "4:1", "html misc: line:col after CRLF");
    ok(segs_ok(), "html misc: segments consistent");

    /* 10,000 nested divs. */
    {
        cs_buf b = {0};
        for (int i = 0; i < 10000; i++)
            cs_buf_puts(&b, "<div>");
        cs_buf_puts(&b, "Deep text here.");
        for (int i = 0; i < 10000; i++)
            cs_buf_puts(&b, "</div>");
        cs_document_free(&D);
        int rc = cs_document_load_memory(&D, "deep.html", b.data, b.len, CS_FORMAT_HTML, &E);
        is_int(rc, 0, "html deep: 10000 nested divs load");
        is_int(D.npassages, 1, "html deep: one passage");
        is_str(ptext(0), "Deep text here.", "html deep: text");
        is_int(src_at(0, "Deep", 0), 50000, "html deep: offset");
        cs_buf_free(&b);
    }
}

/* deep_html(b, n, open, close): n times open, a paragraph, n times close. */
static void deep_html(cs_buf *b, int n, const char *open, const char *close)
{
    b->len = 0;
    for (int i = 0; i < n; i++)
        cs_buf_puts(b, open);
    cs_buf_puts(b, "<p>Deep text here.</p>");
    for (int i = 0; i < n; i++)
        cs_buf_puts(b, close);
}

static int load_buf(cs_format f, const cs_buf *b)
{
    cs_document_free(&D);
    memset(&E, 0, sizeof E);
    return cs_document_load_memory(&D, "deep.html", b->data, b->len, f, &E);
}

/* HTML nesting is capped at 10,000 open elements before gumbo parses it
 * (issue 13); what closes itself or is not markup does not count. */
static void test_html_nesting(void)
{
    cs_buf b = {0};
    deep_html(&b, 10001, "<div>", "</div>");
    is_int(load_buf(CS_FORMAT_HTML, &b), -1, "html nesting: 10,001 divs refused");
    is_str(E.msg, "deep.html:1:50001: HTML nested more than 10000 elements deep; refusing to parse it",
           "html nesting: the message names the start tag past the limit");
    deep_html(&b, 10001, "<div></div>", "");
    is_int(load_buf(CS_FORMAT_HTML, &b), 0, "html nesting: 10,001 closed divs side by side load");
    deep_html(&b, 20000, "<p>a<li>b<td>c<br><img src=x>", "");
    is_int(load_buf(CS_FORMAT_HTML, &b), 0, "html nesting: elements that close themselves do not add up");
    deep_html(&b, 20000, "<svg><path d=\"M0 0\"/></svg>", "");
    is_int(load_buf(CS_FORMAT_HTML, &b), 0, "html nesting: self-closing tags in svg");
    deep_html(&b, 20000, "<!-- <div> --><script>if (a<b) '<div>'</script>", "");
    is_int(load_buf(CS_FORMAT_HTML, &b), 0, "html nesting: comments and script text are not markup");
    deep_html(&b, 10001, "<span><div></span>", "");
    is_int(load_buf(CS_FORMAT_HTML, &b), -1, "html nesting: an end tag stopped by a div closes nothing");
    deep_html(&b, 10001, "<DIV class='x>y' data-a=\"</div>\">", "</Div>");
    is_int(load_buf(CS_FORMAT_HTML, &b), -1, "html nesting: quoted '>' and '</div>' in attributes");
    deep_html(&b, 10001, "<b><i>", "</i></b>");
    is_int(load_buf(CS_FORMAT_HTML, &b), -1, "html nesting: inline elements count too");
    cs_buf_free(&b);
}

/* The article size limit from memory (a JSONL record's text). */
static void test_size_limit(void)
{
    cs_document_free(&D);
    is_int(cs_document_load_memory_max(&D, "r1", "Officials said so.", 18, CS_FORMAT_TEXT, 18, &E),
           0, "size limit: exactly the limit loads");
    cs_document_free(&D);
    is_int(cs_document_load_memory_max(&D, "r1", "Officials said so.", 18, CS_FORMAT_TEXT, 17, &E),
           -1, "size limit: one byte more is refused");
    is_str(E.msg, "r1: article larger than the limit of 1 MB; refusing to read it (raise "
                  "limits.article_mb in the config or pass --max-article-mb)",
           "size limit: the message");
    cs_document_free(&D);
    is_int(cs_document_load_memory_max(&D, "r1", "Officials said so.", 18, CS_FORMAT_TEXT, 0, &E),
           0, "size limit: 0 is no limit");
}

/* Do documents a and b hold the same article: path, format, passages
 * (text, scopes, source range, offset segments, sentences) and line
 * index?  And is a's line:col right at every source offset?  On a
 * difference why says which. */
static int doc_same(const cs_document *a, const cs_document *b, char *why, size_t n)
{
    if (strcmp(a->path, b->path) != 0 || a->format != b->format)
        return snprintf(why, n, "path or format"), 0;
    if (a->source.len != b->source.len || memcmp(a->source.data, b->source.data, a->source.len))
        return snprintf(why, n, "source"), 0;
    if (a->npassages != b->npassages || a->nlines != b->nlines)
        return snprintf(why, n, "%zu passages, %zu lines; want %zu, %zu", a->npassages,
                        a->nlines, b->npassages, b->nlines), 0;
    for (size_t i = 0; i < a->nlines; i++)
        if (a->line_starts[i] != b->line_starts[i])
            return snprintf(why, n, "line %zu starts at %zu, want %zu", i + 1, a->line_starts[i],
                            b->line_starts[i]), 0;
    for (size_t i = 0; i < a->npassages; i++) {
        const cs_passage *p = &a->passages[i], *q = &b->passages[i];
        if (p->len != q->len || strcmp(cs_doc_text(a, p), cs_doc_text(b, q)) != 0 ||
            p->scopes != q->scopes || p->src_start != q->src_start || p->src_end != q->src_end ||
            p->nsegs != q->nsegs || p->nsent != q->nsent)
            return snprintf(why, n, "passage %zu", i), 0;
        for (size_t k = 0; k < p->nsegs; k++) {
            cs_offset_seg x = a->segs[p->seg_first + k], y = b->segs[q->seg_first + k];
            if (x.text_off - p->text_off != y.text_off - q->text_off || x.len != y.len ||
                x.src_off != y.src_off || x.src_len != y.src_len)
                return snprintf(why, n, "passage %zu, segment %zu", i, k), 0;
        }
        for (size_t k = 0; k < p->nsent; k++) {
            credscore_span x = a->sentences[p->sent_first + k], y = b->sentences[q->sent_first + k];
            if (x.start != y.start || x.end != y.end)
                return snprintf(why, n, "passage %zu, sentence %zu", i, k), 0;
        }
    }
    int want_line = 1, want_col = 1; /* by hand: the definition */
    for (size_t off = 0; off <= a->source.len; off++) {
        int line, col;
        cs_doc_line_col(a, off, &line, &col);
        if (line != want_line || col != want_col)
            return snprintf(why, n, "offset %zu at %d:%d, want %d:%d", off, line, col, want_line,
                            want_col), 0;
        unsigned char c = (unsigned char)a->source.data[off];
        if (off < a->source.len && c == '\n') {
            want_line++;
            want_col = 1;
        } else if (off < a->source.len && (c & 0xC0) != 0x80) {
            want_col++;
        }
    }
    return 1;
}

/* One document read with cs_document_load_borrowed, article after
 * article (long and short, ASCII and not on the same lines, every
 * format, refused ones between), holds what a fresh document loaded with
 * cs_document_load_memory_max holds, or the same error. */
static void test_reuse(void)
{
    static const struct {
        const char *src;
        cs_format fmt;
        long long max;
        int valid; /* valid UTF-8 without NUL: may be flagged as checked */
    } arts[] = {
        {"First paragraph, plain ASCII. It has two sentences.\n\nSecond one.\n\n"
         "Third paragraph with more words than the others, so that the buffers grow. "
         "Officials said so. Mr. Hale agreed. Then the U.S. team left.\n",
         CS_FORMAT_TEXT, 0, 1},
        {"Caf\xC3\xA9 first \xE2\x80\x9Cline\xE2\x80\x9D.\nPlain second line.", CS_FORMAT_TEXT, 0,
         1},
        {"Short.", CS_FORMAT_TEXT, 0, 1},
        {"# A heading\n\nA *paragraph* with \xE2\x80\x94 a dash.\n\n> A quote.\n", CS_FORMAT_MARKDOWN,
         0, 1},
        {"bad \xC3 byte here", CS_FORMAT_TEXT, 0, 0},
        {"<p>An <b>HTML</b> paragraph &amp; more.</p><p>Another one.</p>", CS_FORMAT_HTML, 0, 1},
        {"  \n\t\n ", CS_FORMAT_TEXT, 0, 1},
        {"Too long for its limit.", CS_FORMAT_TEXT, 10, 1},
        {"one line\nanother \xC3\xA9 line\nthird line", CS_FORMAT_AUTO, 0, 1},
    };
    cs_document reused = {0};
    int bad = 0;
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof arts / sizeof arts[0]; i++) {
            const char *src = arts[i].src;
            size_t len = strlen(src);
            char id[16], why[2200] = "";
            snprintf(id, sizeof id, "a%zu", i);
            unsigned flags = round == 1 && arts[i].valid ? CS_DOC_CHECKED_UTF8 : 0;
            cs_document fresh;
            cs_diag e1 = {0}, e2 = {0};
            int want = cs_document_load_memory_max(&fresh, id, src, len, arts[i].fmt,
                                                   arts[i].max, &e1);
            int got = cs_document_load_borrowed(&reused, id, src, len, arts[i].fmt, arts[i].max,
                                                flags, &e2);
            if (got != want)
                snprintf(why, sizeof why, "status %d, want %d", got, want);
            else if (got != 0 && strcmp(e2.msg, e1.msg) != 0)
                snprintf(why, sizeof why, "message '%s', want '%s'", e2.msg, e1.msg);
            else if (got == 0 && reused.source.data != src)
                snprintf(why, sizeof why, "the bytes were copied");
            else if (got == 0)
                doc_same(&reused, &fresh, why, sizeof why);
            if (why[0] && bad++ < 3)
                printf("#   round %d, article %zu: %s\n", round, i, why);
            cs_document_free(&fresh);
        }
    }
    is_int(bad, 0, "reuse: each article as in a fresh document (twice, checked UTF-8 the 2nd time)");
    cs_document_free(&reused);
    cs_document_free(&reused); /* freeing twice is harmless */
}

int main(void)
{
    test_text();
    test_text_edges();
    test_line_col();
    test_validate();
    test_markdown();
    test_html();
    test_html_nesting();
    test_size_limit();
    test_reuse();
    cs_document_free(&D);
    return done_testing();
}
