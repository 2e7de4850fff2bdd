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

/* What goes before the next value or key: nothing (right after a key, or
 * at the top level), a new line when pretty (the first in an object or
 * array), or a comma and the new line (after a sibling). */
enum { CS_JSON_SEP_NONE, CS_JSON_SEP_FIRST, CS_JSON_SEP_COMMA };

typedef struct cs_json {
    cs_buf *out;
    int pretty;
    int depth;
    int next;  /* CS_JSON_SEP_*: what goes before the next value or key */
    int after; /* what goes before a value that follows a value at this depth */
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
/* A string value that needs no escape, copied as it is: len bytes of
 * printable ASCII without '"' or '\\' (the caller's promise: a fixed name
 * of the schema, as for the _plain keys below).  Same bytes as
 * cs_json_stringn. */
void cs_json_plain_stringn(cs_json *j, const char *s, size_t len);
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

/* ---- the writer's core ----
 * Every writer is made of the same steps: make room once for all the
 * bytes it may write (separator, key, value), write them straight into the
 * buffer, then set the new length and the NUL.  The steps are inline so
 * that a writer called with a constant key (the _lit and _plain ones
 * below) copies the key with a length the compiler knows and makes no
 * call for its separator; json_writer.c builds every other writer from
 * them too.  They are the writer's own: callers use the functions above
 * and below.  CS_JSON_INLINE: always inlined, as the key's length is known
 * only at the call (the compiler's size limits would otherwise keep some
 * calls out of line, each with a strlen of its key). */
#define CS_JSON_INLINE static inline __attribute__((always_inline))

/* Most bytes of a key's quotes, colon and (pretty) space; of a string's
 * quotes; of a formatted long long; of a number on the fast path. */
#define CS_JSON_KEY_EXTRA 4
#define CS_JSON_STRING_EXTRA 2
#define CS_JSON_INT_MAX 20
#define CS_JSON_NUMBER_FAST_MAX 24

/* Room for n more bytes (and the NUL) at the end of the output: where to
 * write them, or NULL after an error (j->failed set, sticky). */
CS_JSON_INLINE char *cs_json_room(cs_json *j, size_t n)
{
    if (j->failed)
        return NULL;
    if (cs_buf_reserve(j->out, n) != 0) {
        j->failed = 1;
        return NULL;
    }
    return j->out->data + j->out->len;
}

/* The output now ends at end (written within the room made). */
CS_JSON_INLINE void cs_json_commit(cs_json *j, char *end)
{
    j->out->len = (size_t)(end - j->out->data);
    *end = '\0';
}

/* Most bytes cs_json_separator writes: a comma, a newline and two spaces
 * per depth when pretty.  The room asked for it is the most at any depth,
 * a constant: room is only capacity, and only what is committed counts. */
#define CS_JSON_SEPARATOR_MAX (2 + 2 * CS_JSON_MAX_DEPTH)

/* A newline and the indentation of the deepest level (json_writer.c). */
extern const char cs_json_indent[CS_JSON_SEPARATOR_MAX - 1];

/* A newline and the indentation of the current depth at p, within room
 * for CS_JSON_SEPARATOR_MAX - 1 bytes: all of cs_json_indent is copied,
 * whatever the depth (one copy of a constant size, no loop or branch on
 * the depth), and the end returned is where the current depth's
 * indentation ends. */
CS_JSON_INLINE char *cs_json_newline(const cs_json *j, char *p)
{
    memcpy(p, cs_json_indent, sizeof cs_json_indent);
    return p + 1 + 2 * (size_t)j->depth; /* depth <= CS_JSON_MAX_DEPTH */
}

/* What goes before a value or key at the current depth (j->next), at p;
 * what goes before the next one is then j->after.  Returns the end. */
CS_JSON_INLINE char *cs_json_separator(cs_json *j, char *p)
{
    /* The state is read before any byte is stored: a store through p may
     * alias j as far as the compiler knows, and would make it read again. */
    int next = j->next, newline = j->pretty && next != CS_JSON_SEP_NONE;
    j->next = j->after;
    if (next == CS_JSON_SEP_COMMA)
        *p++ = ',';
    if (newline)
        p = cs_json_newline(j, p);
    return p;
}

/* The separator and a key that needs no escape (see the _plain writers)
 * at p, within room made for CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA
 * + key_len bytes; returns the end, where the key's value goes. */
CS_JSON_INLINE char *cs_json_put_plain_key(cs_json *j, char *p, const char *key, size_t key_len)
{
    size_t key_end = j->pretty ? 3 : 2; /* read before the stores (cs_json_separator) */
    p = cs_json_separator(j, p);
    *p++ = '"';
    memcpy(p, key, key_len);
    p += key_len;
    memcpy(p, "\": ", 3); /* within CS_JSON_KEY_EXTRA; the space stays only when pretty */
    return p + key_end;
}

/* The digits of v at p (CS_JSON_INT_MAX bytes of room); returns the end. */
char *cs_json_put_int(char *p, long long v);

/* v as cs_json_number writes it at p (CS_JSON_NUMBER_FAST_MAX bytes of
 * room); returns the end, or NULL after an error.  A value off the fast
 * path makes room again (data may move): the output is committed up to p
 * first. */
char *cs_json_put_number(cs_json *j, char *p, double v);

/* The quoted, escaped string s (len bytes) at p, within room made for
 * len + CS_JSON_STRING_EXTRA bytes (an escape makes more on the way); the
 * output then ends after it (j->failed set when memory runs out). */
void cs_json_put_string(cs_json *j, char *p, const char *s, size_t len);

/* ---- constant keys ----
 * The _plain functions write a key that needs no JSON escape as it is:
 * key_len bytes of printable ASCII without '"' or '\\' (the caller's
 * promise: a fixed name of the schema, never text from an article or the
 * configuration, which goes through cs_json_key).  Otherwise, and in the
 * bytes they write, the same as cs_json_key and cs_json_kv_*.  Each makes
 * room once for its key and value. */
CS_JSON_INLINE void cs_json_key_plain(cs_json *j, const char *key, size_t key_len)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len);
    if (p == NULL)
        return;
    cs_json_commit(j, cs_json_put_plain_key(j, p, key, key_len));
    j->next = CS_JSON_SEP_NONE; /* the key's value follows */
}

CS_JSON_INLINE void cs_json_kv_plain_stringn(cs_json *j, const char *key, size_t key_len,
                                            const char *s, size_t len)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len +
                                  CS_JSON_STRING_EXTRA + len);
    if (p == NULL)
        return;
    cs_json_put_string(j, cs_json_put_plain_key(j, p, key, key_len), s, len);
}

CS_JSON_INLINE void cs_json_kv_plain_string(cs_json *j, const char *key, size_t key_len,
                                           const char *s)
{
    if (s != NULL) {
        cs_json_kv_plain_stringn(j, key, key_len, s, strlen(s));
        return;
    }
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len + 4);
    if (p == NULL)
        return;
    p = cs_json_put_plain_key(j, p, key, key_len);
    memcpy(p, "null", 4);
    cs_json_commit(j, p + 4);
}

CS_JSON_INLINE void cs_json_kv_plain_int(cs_json *j, const char *key, size_t key_len, long long v)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len +
                                  CS_JSON_INT_MAX);
    if (p == NULL)
        return;
    cs_json_commit(j, cs_json_put_int(cs_json_put_plain_key(j, p, key, key_len), v));
}

CS_JSON_INLINE void cs_json_kv_plain_number(cs_json *j, const char *key, size_t key_len, double v)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len +
                                  CS_JSON_NUMBER_FAST_MAX);
    if (p == NULL)
        return;
    p = cs_json_put_number(j, cs_json_put_plain_key(j, p, key, key_len), v);
    if (p)
        cs_json_commit(j, p);
}

CS_JSON_INLINE void cs_json_kv_plain_bool(cs_json *j, const char *key, size_t key_len, int v)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + key_len + 5);
    if (p == NULL)
        return;
    p = cs_json_put_plain_key(j, p, key, key_len);
    memcpy(p, v ? "true" : "false", 5); /* "true" and its NUL when v */
    cs_json_commit(j, p + (v ? 4 : 5));
}

/* The same for a string literal key, cs_json_kv_lit_int(j, "line", n): the
 * compiler computes strlen of a literal, so a key costs one copy. */
CS_JSON_INLINE void cs_json_key_lit(cs_json *j, const char *key)
{
    cs_json_key_plain(j, key, strlen(key));
}
CS_JSON_INLINE void cs_json_kv_lit_string(cs_json *j, const char *key, const char *s)
{
    cs_json_kv_plain_string(j, key, strlen(key), s);
}
CS_JSON_INLINE void cs_json_kv_lit_stringn(cs_json *j, const char *key, const char *s, size_t len)
{
    cs_json_kv_plain_stringn(j, key, strlen(key), s, len);
}
CS_JSON_INLINE void cs_json_kv_lit_int(cs_json *j, const char *key, long long v)
{
    cs_json_kv_plain_int(j, key, strlen(key), v);
}
CS_JSON_INLINE void cs_json_kv_lit_number(cs_json *j, const char *key, double v)
{
    cs_json_kv_plain_number(j, key, strlen(key), v);
}
CS_JSON_INLINE void cs_json_kv_lit_bool(cs_json *j, const char *key, int v)
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

/* ---- a run of members in one room ----
 * Members of the open object under constant keys (the _plain promise),
 * numbers only: a passage's lines and points, a finding's places.  Room
 * is made once for the run and the output committed once at its end;
 * each member's bytes are those of cs_json_kv_lit_int or
 * cs_json_kv_lit_number, through the same steps.
 *     cs_json_run run;
 *     cs_json_run_begin(&run, j, 3);
 *     cs_json_run_int(&run, "index", i);  (three members at most)
 *     cs_json_run_end(&run);
 * A key takes at most CS_JSON_RUN_KEY_MAX bytes; a member past the count
 * begun with is refused (the writer fails). */
#define CS_JSON_RUN_KEY_MAX 32
#define CS_JSON_RUN_MEMBER_MAX                                                                   \
    (CS_JSON_SEPARATOR_MAX + CS_JSON_KEY_EXTRA + CS_JSON_RUN_KEY_MAX + CS_JSON_NUMBER_MAX)

typedef struct cs_json_run {
    cs_json *j;
    char *p;     /* where the next member goes; NULL after an error */
    size_t left; /* members there is still room for */
} cs_json_run;

CS_JSON_INLINE void cs_json_run_begin(cs_json_run *r, cs_json *j, size_t members)
{
    r->j = j;
    r->left = members;
    r->p = cs_json_room(j, members * CS_JSON_RUN_MEMBER_MAX);
}

/* The member's separator and key at r->p, or NULL when there is no room
 * for another member (the writer then fails). */
CS_JSON_INLINE char *cs_json_run_key(cs_json_run *r, const char *key, size_t key_len)
{
    if (r->p == NULL || r->left == 0 || key_len > CS_JSON_RUN_KEY_MAX) {
        r->j->failed = 1;
        return r->p = NULL;
    }
    r->left--;
    return cs_json_put_plain_key(r->j, r->p, key, key_len);
}

CS_JSON_INLINE void cs_json_run_int(cs_json_run *r, const char *key, long long v)
{
    char *p = cs_json_run_key(r, key, strlen(key));
    if (p)
        r->p = cs_json_put_int(p, v);
}

CS_JSON_INLINE void cs_json_run_number(cs_json_run *r, const char *key, double v)
{
    char *p = cs_json_run_key(r, key, strlen(key));
    if (p)
        r->p = p + cs_json_format_number(p, v); /* CS_JSON_NUMBER_MAX bytes at most */
}

CS_JSON_INLINE void cs_json_run_end(cs_json_run *r)
{
    if (r->p)
        cs_json_commit(r->j, r->p);
}

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
