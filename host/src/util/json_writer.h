/*
 * json_writer.h - a streaming JSON writer into a cs_buf.
 *
 * Commas, quoting and (optionally) indentation are handled here; callers
 * only say begin/end, key and value.  Strings are escaped per RFC 8259
 * (control characters as \\uXXXX or the short forms) and always come out
 * as valid UTF-8: a byte that does not begin a valid UTF-8 character (a
 * rule's message, a plugin's rule id, a file name) becomes U+FFFD.  Numbers print with at most 3 decimals
 * and no trailing zeros, so output is byte-identical across runs.
 * Errors are sticky: when memory runs out (or objects and arrays nest
 * deeper than CS_JSON_MAX_DEPTH) nothing more is written and
 * cs_json_failed says so at the end; the output is then incomplete.
 */
#ifndef CS_JSON_WRITER_H
#define CS_JSON_WRITER_H

#include <stddef.h>
#include <string.h>

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

/* Write values as if inside `depth` open arrays or objects (indented so,
 * the first without a comma), for a piece of a document written apart:
 * a value written so is later put in place with cs_json_splice. */
void cs_json_init_at(cs_json *j, cs_buf *out, int pretty, int depth);

/* Put at the current place, as the next value, the bytes of one value
 * written by a writer started with cs_json_init_at at this depth (with the
 * same pretty setting): the comma after a sibling, then the bytes. */
void cs_json_splice(cs_json *j, const char *value, size_t len);
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

/* ---- constant keys ----
 * The _plain functions write a key that needs no JSON escape as it is:
 * key_len bytes of printable ASCII without '"' or '\\' (the caller's
 * promise: a fixed name of the schema, never text from an article or the
 * configuration, which goes through cs_json_key).  Otherwise, and in the
 * bytes they write, the same as cs_json_key and cs_json_kv_*. */
void cs_json_key_plain(cs_json *j, const char *key, size_t key_len);
void cs_json_kv_plain_string(cs_json *j, const char *key, size_t key_len, const char *s);
void cs_json_kv_plain_stringn(cs_json *j, const char *key, size_t key_len, const char *s,
                              size_t len);
void cs_json_kv_plain_int(cs_json *j, const char *key, size_t key_len, long long v);
void cs_json_kv_plain_number(cs_json *j, const char *key, size_t key_len, double v);
void cs_json_kv_plain_bool(cs_json *j, const char *key, size_t key_len, int v);

/* The same for a string literal key, cs_json_kv_lit_int(j, "line", n): the
 * compiler computes strlen of a literal, so a key costs one copy. */
static inline void cs_json_key_lit(cs_json *j, const char *key)
{
    cs_json_key_plain(j, key, strlen(key));
}
static inline void cs_json_kv_lit_string(cs_json *j, const char *key, const char *s)
{
    cs_json_kv_plain_string(j, key, strlen(key), s);
}
static inline void cs_json_kv_lit_stringn(cs_json *j, const char *key, const char *s, size_t len)
{
    cs_json_kv_plain_stringn(j, key, strlen(key), s, len);
}
static inline void cs_json_kv_lit_int(cs_json *j, const char *key, long long v)
{
    cs_json_kv_plain_int(j, key, strlen(key), v);
}
static inline void cs_json_kv_lit_number(cs_json *j, const char *key, double v)
{
    cs_json_kv_plain_number(j, key, strlen(key), v);
}
static inline void cs_json_kv_lit_bool(cs_json *j, const char *key, int v)
{
    cs_json_kv_plain_bool(j, key, strlen(key), v);
}

/* Append s (len bytes) JSON-escaped, without quotes.  Returns 0, or -1 when
 * memory runs out (out then holds part of the text). */
int cs_json_escape(cs_buf *out, const char *s, size_t len);

/* A finite number as cs_json_number writes it (at most 3 decimals, no
 * trailing zeros, no "-0") into buf, NUL-terminated; returns its length.
 * buf must hold CS_JSON_NUMBER_MAX bytes ("%.3f" of -DBL_MAX takes 316
 * with its NUL before the zeros are cut). */
#define CS_JSON_NUMBER_MAX 320
size_t cs_json_format_number(char *buf, double v);

/* How cs_escape_text replaces the character cp (a code point): the
 * replacement text, or NULL to keep it.  tmp (8 bytes) may hold a
 * replacement built on the fly; arg is cs_escape_text's, passed through. */
typedef const char *(*cs_escape_fn)(unsigned cp, char tmp[8], int arg);

/* Append s (len bytes) to out with each character that esc(cp, tmp, arg)
 * names replaced by its text, the others copied in runs; a byte that does
 * not begin a valid UTF-8 character becomes U+FFFD (esc is not asked), so
 * the output is valid UTF-8.  Returns 0, or -1 when memory runs out (out
 * then holds part of the text). */
int cs_escape_text(cs_buf *out, const char *s, size_t len, cs_escape_fn esc, int arg);

/* A control character made visible for a terminal, into tmp: the C0
 * controls and DEL as \x1b (backslash, x, two hex digits), the C1 controls
 * U+0080..U+009F as \u009b; NULL for any other character.  A
 * cs_escape_fn helper for text meant for a terminal or a log. */
const char *cs_escape_control(unsigned cp, char tmp[8]);

#endif
