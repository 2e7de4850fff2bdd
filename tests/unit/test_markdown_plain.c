/* test_markdown_plain.c - the plain-paragraph Markdown reader
 * (input_markdown_plain.c) against cmark (cs_load_markdown_cmark): which
 * files it takes, and for every file it takes, the same passages, scopes,
 * sentences and offset segments as cmark gives.  Inputs: hand-written
 * cases, every .md file of examples/ and tests/, and generated articles
 * whose words include the characters the reader must look at closely. */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "document.h"
#include "document_load.h"
#include "input.h"
#include "splitmix.h"
#include "tap.h"

typedef int (*loader_fn)(cs_document *, cs_diag *);

/* Prepare a document from src and split it with load.  0 or -1. */
static int load_with(cs_document *doc, const char *src, size_t len, loader_fn load)
{
    cs_diag d;
    memset(doc, 0, sizeof *doc);
    memset(&d, 0, sizeof d);
    doc->path = strdup("t.md");
    doc->format = CS_FORMAT_MARKDOWN;
    if (doc->path == NULL || cs_buf_append(&doc->source, src, len) != 0 ||
        cs_buf_terminate(&doc->source) != 0 || cs_doc_prepare(doc, &d) != 0 || load(doc, &d) != 0 ||
        cs_buf_terminate(&doc->text) != 0)
        return -1;
    return 0;
}

/* Where two documents first differ ("" when they do not). */
static const char *first_difference(const cs_document *a, const cs_document *b)
{
    if (a->npassages != b->npassages)
        return "passage count";
    if (a->nsegs != b->nsegs)
        return "segment count";
    if (a->nsent != b->nsent)
        return "sentence count";
    if (a->text.len != b->text.len || memcmp(a->text.data, b->text.data, a->text.len) != 0)
        return "passage text";
    for (size_t i = 0; i < a->nsegs; i++) {
        const cs_offset_seg *s = &a->segs[i], *t = &b->segs[i];
        if (s->text_off != t->text_off || s->len != t->len || s->src_off != t->src_off ||
            s->src_len != t->src_len)
            return "offset segment";
    }
    for (size_t i = 0; i < a->nsent; i++)
        if (a->sentences[i].start != b->sentences[i].start ||
            a->sentences[i].end != b->sentences[i].end)
            return "sentence span";
    for (size_t i = 0; i < a->npassages; i++) {
        const cs_passage *p = &a->passages[i], *q = &b->passages[i];
        if (p->text_off != q->text_off || p->len != q->len || p->seg_first != q->seg_first ||
            p->nsegs != q->nsegs || p->sent_first != q->sent_first || p->nsent != q->nsent ||
            p->scopes != q->scopes || p->src_start != q->src_start || p->src_end != q->src_end)
            return "passage record";
    }
    return "";
}

/* Load src both ways (it must be plain) and compare.  Returns "" when the
 * documents are the same, else what differs. */
static const char *compare_both(const char *src, size_t len)
{
    cs_document plain, cmark;
    const char *why;
    memset(&cmark, 0, sizeof cmark);
    if (load_with(&plain, src, len, cs_load_markdown_plain) != 0)
        why = "plain reader failed";
    else if (load_with(&cmark, src, len, cs_load_markdown_cmark) != 0)
        why = "cmark failed";
    else
        why = first_difference(&plain, &cmark);
    cs_document_free(&plain);
    cs_document_free(&cmark);
    return why;
}

static int is_plain(const char *s)
{
    return cs_markdown_is_plain(s, strlen(s));
}

static void test_refused(void)
{
    static const char *const syntax[] = {
        "#NoSpace is no heading\n",     "#  Two spaces\n",
        "## Closing ##\n",              "####### Seven\n",
        "#\n",                          "## \n",
        "Text.\n\n> Quoted.\n",
        "- item\n",                     "+ item\n",
        "Title\n===\n",                 "Title\n---\n",
        "~~~\ncode\n~~~\n",             "1. First\n",
        "12) Twelfth\n",                "[ref]: http://example.org\n",
        "    indented code\n",          "Text\n  continued\n",
        "A *stressed* word.\n",         "A snake_case name.\n",
        "Some `code` here.\n",          "A <b>tag</b>.\n",
        "An entity &amp; more.\n",      "A number &#35;.\n",
        "A [link](http://x).\n",        "A [full][ref] link.\n",
        "An ![image](x.png).\n",        "Escaped \\* star.\n",
        "Hard  \nbreak.\n",             "Soft \nbreak.\n",
        "Tab\tinside.\n",               "Carriage\r\nreturn.\n",
        "\xEF\xBB\xBFWith a BOM.\n",    "Trailing space at the end. ",
        "Two `runs on\ntwo lines` of a paragraph.\n", "```\nfenced\n```\n",
        "`Code` at a line start.\n",   "A &name; entity.\n",
        "A hex &#x41; entity.\n",      "Runs `` of ` unequal length.\n",
        "## A `code` heading\n",
    };
    for (size_t i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
        ok(!is_plain(syntax[i]), "refused: case %zu", i);
}

static void test_taken(void)
{
    ok(is_plain(""), "taken: an empty file (cs_doc_prepare refuses it before)");
    static const char *const prose[] = {
        "One line without a newline",
        "One paragraph.\n",
        "Two lines\nof one paragraph.\n\nAnd a second paragraph.\n",
        "\n\nBlank lines first.\n\n\n\nAnd many between.\n\n",
        "The minister said [sic] that AT & T was fined.\n",
        "Wow! she said. \"Really?\" he asked (twice).\n",
        "Prices rose 3.5% in 2024; the index # was 7 > 6 = true | maybe ~ 5.\n",
        "x] and ]y and [z and a]b.\n",
        "\xE2\x80\x9CQuoted,\xE2\x80\x9D said Ana\xC3\xAFs \xE2\x80\x94 a d\xC3\xA9j\xC3\xA0 vu.\n",
        "\xC2\xA0Starts with a no-break space.\n\nEnds with one\xC2\xA0\n",
        "Line one.\nLine two.\nLine three.",
        "2024 was a year.\nA number 7 in the line.\n",
        "# Title\n\nBody.\n",
        "A paragraph line\n## A heading interrupts it\nThen a new paragraph.\n",
        "### Deep heading! & more [x]\nText right under it.",
        "###### Six is the deepest\n",
        "It don`t matter.\n\nIt won`t either.\n",
        "## A heading that don`t close\nA paragraph that won`t either.\n",
        "Texas A&M's team, R&D spending and AT&T.\n",
        "A lone `` pair, and &amp without its semicolon.\n",
    };
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
        ok(is_plain(prose[i]), "taken: %zu", i);
        is_str(compare_both(prose[i], strlen(prose[i])), "", "taken: %zu, same as cmark", i);
    }
}

/* ---- generated articles ---- */

/* Words and marks of invented news prose, with the characters the reader
 * must treat with care ('!', '&', '[', ']', digits before '.', quotes). */
static const char *const pieces[] = {
    "the",    "council", "said",     "on",         "Tuesday", "that",    "officials",
    "had",    "agreed",  "a",        "budget",     "of",      "$4.2",    "million.",
    "\"We",   "will",    "see,\"",   "Mayor",      "Odile",   "Brandt",  "told",
    "The",    "Herald.", "Wow!",     "[sic]",      "R&D",     "&",       "3.",
    "1)",     "#5",      "x>y",      "a-b",        "+3",      "=",       "~",
    "2024.",  "[a",      "b]",       "!",          "&x",      "\xE2\x80\x94",
    "caf\xC3\xA9", "\xE2\x80\x9Cyes\xE2\x80\x9D", "(maybe)", "one.", "Two?",
    "don`t",  "``",      "A&M's",    "&amp;",      "&x;",     "&#35;",
};

/* Build an article of paragraphs from pieces into buf (capacity cap). */
static size_t generate(uint64_t *seed, char *buf, size_t cap)
{
    size_t n = 0;
    size_t paragraphs = 1 + splitmix64_next(seed) % 4;
    for (size_t p = 0; p < paragraphs; p++) {
        size_t lines = 1 + splitmix64_next(seed) % 3;
        for (size_t l = 0; l < lines; l++) {
            if (splitmix64_next(seed) % 5 == 0) { /* a heading line, of level 1 to 7 */
                size_t level = 1 + splitmix64_next(seed) % 7;
                for (size_t h = 0; h < level && n + 2 < cap; h++)
                    buf[n++] = '#';
                buf[n++] = ' ';
            }
            size_t words = 1 + splitmix64_next(seed) % 9;
            for (size_t w = 0; w < words; w++) {
                const char *piece = pieces[splitmix64_next(seed) % (sizeof pieces / sizeof pieces[0])];
                size_t len = strlen(piece);
                if (n + len + 4 >= cap)
                    return n;
                if (w > 0)
                    buf[n++] = ' ';
                memcpy(buf + n, piece, len);
                n += len;
            }
            buf[n++] = '\n';
        }
        buf[n++] = '\n';
    }
    return n;
}

static void test_generated(void)
{
    uint64_t seed = 20261207;
    char buf[4096];
    size_t plain = 0, same = 0;
    const char *why = "";
    for (int i = 0; i < 3000; i++) {
        size_t len = generate(&seed, buf, sizeof buf);
        if (!cs_markdown_is_plain(buf, len))
            continue;
        plain++;
        const char *w = compare_both(buf, len);
        if (*w == '\0')
            same++;
        else if (*why == '\0')
            why = w;
    }
    ok(plain >= 300, "generated: %zu of 3000 articles are plain (>= 300 exercise the reader)", plain);
    is_int((long)same, (long)plain, "generated: every plain article the same as cmark");
    is_str(why, "", "generated: first difference");
}

/* ---- the repository's own Markdown files ---- */

typedef struct tree_walk {
    size_t files, plain;
    char failed[1200]; /* the first file that differs */
} tree_walk;

static void check_file(tree_walk *tw, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    tw->files++;
    if (!cs_markdown_is_plain(buf, len))
        return;
    tw->plain++;
    const char *why = compare_both(buf, len);
    if (*why != '\0' && tw->failed[0] == '\0')
        snprintf(tw->failed, sizeof tw->failed, "%s: %s", path, why);
}

static void walk(tree_walk *tw, const char *dir)
{
    DIR *dh = opendir(dir);
    if (dh == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        size_t n = strlen(e->d_name);
        if (S_ISDIR(st.st_mode))
            walk(tw, path);
        else if (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)
            check_file(tw, path);
    }
    closedir(dh);
}

static void test_repository_files(void)
{
    tree_walk tw = {0, 0, ""};
    walk(&tw, "examples");
    walk(&tw, "tests");
    ok(tw.files >= 20, "repository: %zu Markdown files found", tw.files);
    ok(tw.plain >= 3, "repository: %zu of them plain", tw.plain);
    is_str(tw.failed, "", "repository: every plain file the same as cmark");
}

int main(void)
{
    test_refused();
    test_taken();
    test_generated();
    test_repository_files();
    return done_testing();
}
