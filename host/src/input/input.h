/*
 * input.h - the format loaders: each splits a prepared document's source
 * bytes (cs_doc_prepare) into passages through the document builder
 * (cs_doc_begin/add/end).  Plain text in input_text.c, Markdown in
 * input_markdown.c, HTML in input_html.c; document_load.c picks one.
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

#endif
