/*
 * document.h - an article split into passages and sentences.
 *
 * A cs_document owns a copy of the original bytes and everything derived
 * from them: the passage texts (one buffer, each passage NUL-terminated),
 * a map from every passage byte back to its byte in the original file, the
 * sentence spans and a line index for 1-based line:column.  The format
 * loaders (input.h) fill it through the builder functions
 * cs_doc_begin/add/end; document_load.h reads an article and runs them.
 *
 * Errors: functions return 0 or -1 and fill a cs_diag.  Ownership: the
 * document owns all its memory; cs_document_free releases it.  Pointers
 * into a document (cs_doc_text, spans) stay valid until it is freed.
 */
#ifndef CS_DOCUMENT_H
#define CS_DOCUMENT_H

#include <stddef.h>

#include "buf.h"
#include "credscore/plugin.h"
#include "diag.h"

typedef enum cs_format {
    CS_FORMAT_AUTO = 0,
    CS_FORMAT_TEXT,
    CS_FORMAT_MARKDOWN,
    CS_FORMAT_HTML
} cs_format;

/* Text bytes [text_off, text_off+len) of the document buffer come from the
 * source bytes [src_off, src_off+src_len).  When len == src_len the mapping
 * is byte for byte; otherwise (a decoded entity, an inserted space) the
 * whole piece maps onto the whole source range. */
typedef struct cs_offset_seg {
    size_t text_off;
    size_t len;
    size_t src_off;
    size_t src_len;
} cs_offset_seg;

typedef struct cs_passage {
    size_t text_off;   /* into doc->text.data */
    size_t len;
    size_t seg_first;  /* into doc->segs */
    size_t nsegs;
    size_t sent_first; /* into doc->sentences (spans relative to the passage) */
    size_t nsent;
    unsigned scopes;   /* CREDSCORE_SCOPE_* */
    size_t src_start;  /* source byte range covered by the passage */
    size_t src_end;
} cs_passage;

typedef struct cs_document {
    char *path;            /* display name / id (owned) */
    cs_format format;
    cs_buf source;         /* original bytes, NUL-terminated (borrowed: the
                              caller's, see cs_document_load_borrowed) */
    size_t *line_starts;   /* byte offset of each line start */
    size_t nlines, lines_cap;
    cs_buf text;           /* passage texts */
    cs_offset_seg *segs;
    size_t nsegs, segs_cap;
    credscore_span *sentences;
    size_t nsent, sent_cap;
    cs_passage *passages;
    size_t npassages, passages_cap;
    /* last line:column answer, so queries near each other along one long
     * line cost little, and which lines are plain ASCII (columns are bytes
     * there), found out when first asked (owned; a document is used by one
     * thread) */
    struct cs_lc_cache *lc;
    /* builder state */
    int building;
    cs_passage cur;
} cs_document;

/* Format from a file name's extension (.md/.markdown, .html/.htm, else text). */
cs_format cs_format_from_path(const char *path);
/* "text", "markdown", "html" <-> cs_format; parse returns -1 if unknown. */
const char *cs_format_name(cs_format f);
int cs_format_parse(const char *name, cs_format *out);

/* One MB of the size limits (limits.article_mb, --max-article-mb): MiB. */
#define CS_DOC_MB (1024LL * 1024LL)
/* The article size limit when none is configured: 50 MB. */
#define CS_DOC_DEFAULT_MAX_BYTES (50 * CS_DOC_MB)

void cs_document_free(cs_document *doc);

/* Empty doc (zeroed, or holding an article) for the next article, keeping
 * the memory it holds, so that a document used for one article after
 * another seldom allocates.  Its path is freed, a borrowed source let go. */
void cs_document_clear(cs_document *doc);

/* Make a document whose path and source bytes are set ready for a format
 * loader: refuses NUL bytes and invalid UTF-8, and an input of nothing but
 * white space ("empty input: nothing to score"), naming doc->path; builds
 * the line index.  0, or -1 with d filled. */
int cs_doc_prepare(cs_document *doc, cs_diag *d);

/* A flag of cs_doc_prepare_flags: the source is known to be valid UTF-8
 * without a NUL byte (the JSONL scanner checked it), so it is not checked
 * again. */
#define CS_DOC_CHECKED_UTF8 1u

/* cs_doc_prepare with flags (0 or CS_DOC_CHECKED_UTF8). */
int cs_doc_prepare_flags(cs_document *doc, unsigned flags, cs_diag *d);

/* ---- builder, for the format loaders ---- */

/* Start a passage with the given scopes.  Must be followed by cs_doc_end. */
int cs_doc_begin(cs_document *doc, unsigned scopes);
/* Append len bytes that come from source [src_off, src_off+src_len). */
int cs_doc_add(cs_document *doc, const char *bytes, size_t len, size_t src_off, size_t src_len);
/* Append one space standing for the source bytes at src_off (a line break
 * inside a paragraph, a <br>); nothing when the text already ends in a space. */
int cs_doc_add_space(cs_document *doc, size_t src_off);
/* Close the passage: trim surrounding white space, drop it if nothing is
 * left, split it into sentences. */
int cs_doc_end(cs_document *doc);

/* ---- queries ---- */

/* Where line k (0-based, k < doc->nlines) of the line index ends: its
 * '\n', or the end of the source. */
static inline size_t cs_doc_line_end(const cs_document *doc, size_t k)
{
    return k + 1 < doc->nlines ? doc->line_starts[k + 1] - 1 : doc->source.len;
}

static inline const char *cs_doc_text(const cs_document *doc, const cs_passage *p)
{
    return doc->text.data + p->text_off;
}

/* Source byte offset of passage byte `off` (0..p->len).  `is_end` maps an
 * end-exclusive offset (the byte after a span). */
size_t cs_doc_src_offset(const cs_document *doc, const cs_passage *p, size_t off, int is_end);

/* 1-based line and column (in Unicode code points) of a source offset. */
void cs_doc_line_col(const cs_document *doc, size_t src_off, int *line, int *col);

/* Check bytes for NUL and invalid UTF-8; on failure fill d with path:line:col. */
int cs_validate_utf8(const char *path, const char *data, size_t len, cs_diag *d);

/* The message for a NUL byte in an article (cs_validate_utf8, reading). */
#define CS_NUL_MESSAGE "NUL byte in input (a binary file?); refusing to score it"

/* 1-based line and column (code points) of byte off of data, counted from
 * the start: for places in bytes that are not (yet) a document. */
void cs_text_line_col(const char *data, size_t off, int *line, int *col);

#endif
