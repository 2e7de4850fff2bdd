/*
 * input.h - the format loaders: each splits a prepared document's source
 * bytes (cs_doc_prepare) into passages through the document builder
 * (cs_doc_begin/add/end).  Plain text in input_text.c, Markdown in
 * input_markdown.c (files of plain paragraphs in input_markdown_plain.c),
 * HTML in input_html.c; document_load.c picks one.
 *
 * Each returns 0, or -1 with d filled (naming doc->path).
 */
#ifndef CS_INPUT_H
#define CS_INPUT_H

#include "diag.h"
#include "document.h"

int cs_load_text(cs_document *doc, cs_diag *d);
int cs_load_markdown(cs_document *doc, cs_diag *d);
int cs_load_html(cs_document *doc, cs_diag *d);

/* The two ways cs_load_markdown reads a file (input_markdown.c,
 * input_markdown_plain.c); tests compare them.  cs_markdown_is_plain says
 * whether src[0..len) is plain paragraphs with nothing CommonMark could
 * read as syntax (then both loaders give the same passages); it only
 * reads.  cs_load_markdown_plain splits such a file (and only such a
 * file: on any other it gives wrong passages); cs_load_markdown_cmark
 * parses any file with cmark. */
int cs_markdown_is_plain(const char *src, size_t len);
int cs_load_markdown_plain(cs_document *doc, cs_diag *d);
int cs_load_markdown_cmark(cs_document *doc, cs_diag *d);

#endif
