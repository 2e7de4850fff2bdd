/*
 * document_load.h - load an article into a cs_document: read the bytes
 * (a file, standard input or memory) under a size limit, then split them
 * with the loader of the article's format (input.h).
 *
 * Errors: functions return 0 or -1 and fill a cs_diag naming the place.
 * On -1 the document may hold part of its contents: cs_document_free it.
 */
#ifndef CS_DOCUMENT_LOAD_H
#define CS_DOCUMENT_LOAD_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "document.h"

/* Load and split a file ("-" is stdin).  fmt AUTO picks by extension.
 * Refuses a missing or unreadable file, a directory, an empty file, NUL
 * bytes and invalid UTF-8, naming the place; and a file larger than
 * max_bytes (0: no limit): "path: article larger than the limit of N MB;
 * refusing to read it (...)".  The file is read in chunks, each checked
 * as it comes, so an endless input (/dev/zero, a pipe that never ends) is
 * refused at the first chunk with a NUL byte or past the limit instead of
 * filling memory. */
int cs_document_load_file_max(cs_document *doc, const char *path, cs_format fmt,
                              long long max_bytes, cs_diag *d);

/* Append the bytes of the article at path ("-": standard input) to out
 * (then NUL-terminated), as cs_document_load_file_max reads them: chunk by
 * chunk, refused at the first chunk that holds a NUL byte ("path:line:col:
 * NUL byte in input ...") or takes the bytes read past max_bytes (0: no
 * limit); also a directory, and a regular file larger than the limit
 * before any byte is read.  0, or -1 with d filled (out then holds part of
 * the bytes). */
int cs_document_read(const char *path, cs_buf *out, long long max_bytes, cs_diag *d);

/* Append the bytes of the file at path to out (then NUL-terminated), as
 * cs_document_read does, when it is a regular file that reads whole
 * without an error: 1.  Else 0, out as it was: not a regular file (not
 * opened at all: a FIFO's writer loses nothing to it), or cs_document_read would
 * refuse it (missing, unreadable, a NUL byte, past max_bytes, out of
 * memory), and says why.  For a reader that hands the bytes on and leaves
 * any refusal to be reported in the article's place. */
int cs_document_read_regular(const char *path, cs_buf *out, long long max_bytes);

/* cs_document_load_file_max into a document used for one article after
 * another (zeroed before the first; cs_document_clear keeps its memory,
 * the source's buffer too). */
int cs_document_reload_file(cs_document *doc, const char *path, cs_format fmt,
                            long long max_bytes, cs_diag *d);

/* cs_document_load_file_max with the default limit, CS_DOC_DEFAULT_MAX_BYTES. */
int cs_document_load_file(cs_document *doc, const char *path, cs_format fmt, cs_diag *d);

/* Same from memory (copied); `id` names it in messages.  Refuses len >
 * max_bytes (0: no limit) as cs_document_load_file_max does. */
int cs_document_load_memory_max(cs_document *doc, const char *id, const char *data, size_t len,
                                cs_format fmt, long long max_bytes, cs_diag *d);

/* cs_document_load_memory_max into a document used for one article after
 * another (zeroed before the first; cs_document_clear keeps its memory),
 * reading data in place instead of copying it: data[len] must be '\0',
 * and data must stay unchanged while doc holds the article (until it is
 * loaded again, cleared or freed).  flags: CS_DOC_CHECKED_UTF8 when data
 * is known to be valid UTF-8 without a NUL byte, else 0. */
int cs_document_load_borrowed(cs_document *doc, const char *id, const char *data, size_t len,
                              cs_format fmt, long long max_bytes, unsigned flags, cs_diag *d);

/* cs_document_load_memory_max without a size limit. */
int cs_document_load_memory(cs_document *doc, const char *id, const char *data, size_t len,
                            cs_format fmt, cs_diag *d);

#endif
