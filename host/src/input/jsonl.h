/*
 * jsonl.h - one record of a JSONL article stream.
 *
 * A record is one JSON object on one line: {"id": STRING|NUMBER,
 * "text": STRING, "format": "text"|"markdown"|"html" (optional)}.  Other
 * keys are ignored; duplicate keys are refused; a "\u0000" inside a string
 * is allowed by the JSON reader (the text then fails UTF-8 validation
 * when it is loaded as a document, which names the place).
 *
 * The id rule (README "Stream mode", credscore(1)): every answer to a
 * record echoes its id as given, a string as the same string and a number
 * as the same number (1 -> 1, 1.5 -> 1.5; written in its shortest form:
 * 1.50 -> 1.5, 1e2 -> 100).  An id of any other type (object, array,
 * boolean, null), or none, makes the record an error whose answer has
 * "id": null.
 *
 * Two readers with the same contract:
 *
 * cs_jsonl_read (the one the stream uses) scans the common record in one
 * pass: top-level keys, string unescaping and UTF-8 validation, into
 * buffers the reader keeps from line to line.  Whatever it does not handle
 * itself (an error, nested values, an exponent, a key with escapes,
 * "\u0000", ...) goes to cs_jsonl_parse_record, so it accepts and refuses
 * exactly the same lines, with the same id, text, format and message.
 *
 * cs_jsonl_parse_record is the reference: jansson parses the whole line.
 */
#ifndef CS_JSONL_H
#define CS_JSONL_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "document.h"

#define CS_JSONL_ERR_MAX 512

/* One record as read by cs_jsonl_read.  Every pointer belongs to the reader
 * and stays valid until its next cs_jsonl_read or cs_jsonl_reader_free. */
typedef struct cs_jsonl_record {
    const char *id;   /* the id as text, NUL-terminated: a string's value, a
                         number as in id_json; on an error possibly NULL */
    const char *id_json; /* the id as the JSON value to echo (a quoted string
                         or a number), NULL exactly when id is */
    const char *text; /* the unescaped "text", NUL-terminated; text_len
                         counts every byte (a "\u0000" included) */
    size_t text_len;
    int text_checked; /* 1: the scanner read the text, which is then valid
                         UTF-8 without a NUL byte; 0: the reference did */
    cs_format fmt;    /* "format", or the caller's default when absent */
    const char *err;  /* on -1: one line saying what is wrong (valid UTF-8) */
} cs_jsonl_record;

/* Buffers reused from one record to the next.  Zero it (or call
 * cs_jsonl_reader_init) before the first read; one reader per thread. */
typedef struct cs_jsonl_reader {
    cs_buf id;            /* the scanner's id */
    cs_buf id_json;       /* the scanner's id as JSON */
    cs_buf text;          /* the scanner's unescaped text */
    cs_buf format;        /* the scanner's format name */
    cs_buf skipped;       /* the scanner's string value of another key */
    json_t *root;         /* the reference parser's value for the last record */
    char *reference_id;   /* the reference parser's id for the last record */
    char *reference_id_json; /* ... and that id as JSON */
    char err[CS_JSONL_ERR_MAX];
    int used_reference;   /* 1 when the last record went to cs_jsonl_parse_record */
} cs_jsonl_reader;

/* An empty reader (allocates nothing; cannot fail). */
void cs_jsonl_reader_init(cs_jsonl_reader *r);

/* Read the record line[0..len) (no newline needed; line need not be
 * NUL-terminated).  Returns 0 with *rec filled, or -1 with rec->err (and
 * rec->id when the record named one before the error).  default_fmt is
 * rec->fmt when the record has no "format".  Same answer as the reference
 * for every line (when memory runs out the scanner leaves the line to it). */
int cs_jsonl_read(cs_jsonl_reader *r, const char *line, size_t len, cs_format default_fmt,
                  cs_jsonl_record *rec);

/* Release the reader's buffers (the reader may be used again after init). */
void cs_jsonl_reader_free(cs_jsonl_reader *r);

/* The reference parser.  On 0: *root is the parsed value (free it with
 * json_decref), *id and *id_json malloc'd strings (as in cs_jsonl_record),
 * text and text_len point into *root, *fmt is set when "format" is given
 * (else left as it was).  On -1: err holds one line saying what is wrong
 * (valid UTF-8, even when the JSON reader quotes broken input); *root,
 * *id and *id_json (each possibly NULL; set them to NULL before the call)
 * still belong to the caller, who frees them with json_decref and free in
 * every case.  Pure function of its input; thread-safe. */
int cs_jsonl_parse_record(const char *line, size_t len, json_t **root, char **id,
                          char **id_json, const char **text, size_t *text_len, cs_format *fmt,
                          char *err, size_t errlen);

/* Append the stream's error answer for input line lineno to out:
 * {"id":ID,"line":N,"error":MSG} and a newline, where ID is id_json (the
 * record's id as JSON, written as it is) or null.  The one writer of this
 * line for `score --jsonl` and `credscore serve`'s stream; an allocation
 * failure leaves out shorter than the whole line (callers compare len). */
void cs_jsonl_error_line(cs_buf *out, size_t lineno, const char *id_json, const char *msg);

#endif
