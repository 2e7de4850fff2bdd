/*
 * jsonl.h - one record of a JSONL article stream.
 *
 * A record is one JSON object on one line: {"id": STRING|INTEGER,
 * "text": STRING, "format": "text"|"markdown"|"html" (optional)}.  Other
 * keys are ignored; duplicate keys are refused; a "\u0000" inside a string
 * is allowed by the JSON reader (the text then fails UTF-8 validation
 * when it is loaded as a document, which names the place).
 *
 * cs_jsonl_parse_record parses line[0..len) (no newline needed).  On 0:
 * *root is the parsed value (free it with json_decref), *id a malloc'd
 * string (an integer id is written in decimal), text and text_len point
 * into *root, *fmt is set when "format" is given (else left as it was).
 * On -1: err holds one line saying what is wrong (valid UTF-8, even when
 * the JSON reader quotes broken input); *root (possibly NULL)
 * and *id (possibly NULL) still belong to the caller, who frees them
 * with json_decref and free in every case.  Pure function of its input;
 * thread-safe.
 */
#ifndef CS_JSONL_H
#define CS_JSONL_H

#include <jansson.h>
#include <stddef.h>

#include "document.h"

int cs_jsonl_parse_record(const char *line, size_t len, json_t **root, char **id,
                          const char **text, size_t *text_len, cs_format *fmt, char *err,
                          size_t errlen);

#endif
