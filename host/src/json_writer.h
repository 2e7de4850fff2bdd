/*
 * json_writer.h - a streaming JSON writer into a cs_buf.
 *
 * Commas, quoting and (optionally) indentation are handled here; callers
 * only say begin/end, key and value.  Strings are escaped per RFC 8259;
 * invalid UTF-8 never reaches here (inputs are validated on load), but
 * control characters are escaped.  Numbers print with at most 3 decimals
 * and no trailing zeros, so output is byte-identical across runs.
 * Memory errors are sticky: check cs_json_failed at the end.
 */
#ifndef CS_JSON_WRITER_H
#define CS_JSON_WRITER_H

#include <stddef.h>

#include "buf.h"

#define CS_JSON_MAX_DEPTH 32

typedef struct cs_json {
    cs_buf *out;
    int pretty;
    int depth;
    int count[CS_JSON_MAX_DEPTH]; /* values written at each depth */
    int after_key;
    int failed;
} cs_json;

void cs_json_init(cs_json *j, cs_buf *out, int pretty);
void cs_json_object(cs_json *j);
void cs_json_end_object(cs_json *j);
void cs_json_array(cs_json *j);
void cs_json_end_array(cs_json *j);
void cs_json_key(cs_json *j, const char *key);
void cs_json_string(cs_json *j, const char *s);
void cs_json_stringn(cs_json *j, const char *s, size_t len);
void cs_json_number(cs_json *j, double v);
void cs_json_int(cs_json *j, long long v);
void cs_json_bool(cs_json *j, int v);
void cs_json_null(cs_json *j);
/* Write pre-formatted JSON text as one value. */
void cs_json_raw(cs_json *j, const char *text);
int cs_json_failed(const cs_json *j);

/* A key and its value in one call: cs_json_key(j, key) then the value
 * writer of the same name, with its rules (cs_json_kv_string writes null
 * for a NULL s; numbers as cs_json_number).  Same bytes as the two calls. */
void cs_json_kv_string(cs_json *j, const char *key, const char *s);
void cs_json_kv_stringn(cs_json *j, const char *key, const char *s, size_t len);
void cs_json_kv_int(cs_json *j, const char *key, long long v);
void cs_json_kv_number(cs_json *j, const char *key, double v);
void cs_json_kv_bool(cs_json *j, const char *key, int v);

/* Append s (len bytes) JSON-escaped, without quotes. */
int cs_json_escape(cs_buf *out, const char *s, size_t len);

/* How cs_escape_bytes replaces byte c: the replacement text, or NULL to
 * keep c.  tmp (8 bytes) may hold a replacement built on the fly; arg is
 * cs_escape_bytes's, passed through. */
typedef const char *(*cs_escape_fn)(unsigned char c, char tmp[8], int arg);

/* Append s (len bytes) to out with each byte esc(c, tmp, arg) names
 * replaced by its text, the other bytes copied in runs.  Returns 0, or -1
 * when memory runs out (out then holds part of the text). */
int cs_escape_bytes(cs_buf *out, const char *s, size_t len, cs_escape_fn esc, int arg);

#endif
