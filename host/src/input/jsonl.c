/* jsonl.c - one record of a JSONL article stream (contract in jsonl.h). */
#include "jsonl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"
#include "swar.h"
#include "utf8.h"

/* jansson quotes the raw input near a syntax error ("near '...'"), cut at
 * any byte: whatever is not valid UTF-8 in the message becomes '?', so
 * that the error line written from it is valid JSON. */
static void clean_utf8(char *msg)
{
    unsigned char *s = (unsigned char *)msg;
    while (*s) {
        unsigned cp;
        size_t n = cs_utf8_decode(s, SIZE_MAX, &cp);
        if (n == 0) {
            *s++ = '?';
            continue;
        }
        s += n;
    }
}

/* ---- the scanner (cs_jsonl_read) ----
 *
 * It handles the common record and nothing else: whenever a line holds
 * something it does not handle, or something that is an error, it answers
 * SCAN_REFER and the line goes to the reference parser, which accepts or
 * refuses it and words the message.  So a line the scanner accepts must be
 * one jansson accepts with the same values, which is what its limits are
 * for: keys without escapes, no nested objects or arrays, numbers without
 * exponent and with at most MAX_INT_DIGITS digits before the point (no
 * overflow), no "\u0000", at most MAX_KEYS keys. */

enum { SCAN_RECORD = 0, SCAN_REFER = -1 };

#define MAX_KEYS 16
#define MAX_INT_DIGITS 18

static int is_json_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const unsigned char *skip_space(const unsigned char *p, const unsigned char *end)
{
    while (p < end && is_json_space(*p))
        p++;
    return p;
}

static int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* A byte that a key holds as it is: printable ASCII but '"' and '\\'. */
static int is_plain_byte(unsigned c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Does w hold a byte below 0x20 (a control character, which a string may
 * not hold raw) or from 0x80 up (part of a UTF-8 sequence, to be checked)?
 * Exact for the word as a whole: below 0x20 | from 0x80 up, folded. */
static int has_control_or_high(uint64_t w)
{
    return (((w - CS_SWAR_ONES * 0x20) | w) & CS_SWAR_HIGHS) != 0;
}

/* Four hex digits at p (before end) into *value; -1 when they are not. */
static int read_hex4(const unsigned char *p, const unsigned char *end, unsigned *value)
{
    if (end - p < 4)
        return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return -1;
        v = v << 4 | digit;
    }
    *value = v;
    return 0;
}

/* Encode code point cp (not a surrogate, at most U+10FFFF) at dst;
 * returns its length. */
static size_t put_utf8(char *dst, unsigned cp)
{
    unsigned char *b = (unsigned char *)dst;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | cp >> 18);
    b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The escape after a backslash at *pp (which points at the letter after
 * it): its bytes go to *qq, *pp and *qq past them. */
static int unescape(const unsigned char **pp, const unsigned char *end, char **qq)
{
    const unsigned char *p = *pp;
    if (p == end)
        return SCAN_REFER;
    unsigned letter = *p++, cp;
    switch (letter) {
    case '"': case '\\': case '/': cp = letter; break;
    case 'b': cp = '\b'; break;
    case 'f': cp = '\f'; break;
    case 'n': cp = '\n'; break;
    case 'r': cp = '\r'; break;
    case 't': cp = '\t'; break;
    case 'u':
        if (read_hex4(p, end, &cp) != 0)
            return SCAN_REFER;
        p += 4;
        if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return SCAN_REFER; /* NUL, or a low surrogate alone */
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low;
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || read_hex4(p + 2, end, &low) != 0 ||
                low < 0xDC00 || low > 0xDFFF)
                return SCAN_REFER;
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        break;
    default:
        return SCAN_REFER;
    }
    *qq += put_utf8(*qq, cp);
    *pp = p;
    return 0;
}

/* Where the next c is in [p, end), or end. */
static const unsigned char *find_byte(const unsigned char *p, const unsigned char *end, int c)
{
    const unsigned char *hit = memchr(p, c, (size_t)(end - p));
    return hit ? hit : end;
}

#if defined(CS_SWAR_BLOCKS)
/* Does v hold a byte below 0x20 or from 0x80 up, as has_control_or_high
 * asks?  Read as signed, both are exactly the bytes below 0x20. */
static inline int block_has_control_or_high(cs_block16 v)
{
    return cs_block16_any((cs_block16)((cs_sblock16)v < 0x20));
}
#endif

/* Copy the run [*pp, stop), which holds no '"' and no '\\', to *qq, *pp
 * and *qq past it: ASCII sixteen and eight bytes at a time, a UTF-8
 * sequence checked as it comes.  A control character or bytes that are
 * not UTF-8 are refused.  *qq has room for the run: the output is the
 * string's bytes unescaped, never longer than the input so far. */
static int copy_run(const unsigned char **pp, const unsigned char *stop, char **qq)
{
    const unsigned char *start = *pp, *p = start;
    char *q = *qq;
    for (;;) {
#if defined(CS_SWAR_BLOCKS)
        while (stop - p >= 16) {
            cs_block16 v = cs_block16_load(p);
            if (block_has_control_or_high(v))
                break;
            memcpy(q, &v, sizeof v);
            q += 16;
            p += 16;
        }
#endif
        while (stop - p >= 8) {
            uint64_t w = cs_swar_load(p);
            if (has_control_or_high(w))
                break;
            memcpy(q, &w, sizeof w);
            q += 8;
            p += 8;
        }
        /* Fewer than eight left: when the run's last eight bytes are
         * ASCII, they end it in one store (a byte of the run goes out at
         * the same distance from its input as every other, so the bytes
         * before p among them are stored again as they are). */
        if (stop - p < 8 && stop - start >= 8) {
            uint64_t w = cs_swar_load(stop - 8);
            if (!has_control_or_high(w)) {
                q += stop - p;
                memcpy(q - 8, &w, sizeof w);
                p = stop;
                break;
            }
        }
        while (p < stop && *p >= 0x20 && *p < 0x80)
            *q++ = (char)*p++;
        if (p == stop)
            break;
        unsigned cp;
        size_t len = *p < 0x20 ? 0 : cs_utf8_decode(p, (size_t)(stop - p), &cp);
        if (len == 0)
            return SCAN_REFER; /* a raw control character, or not UTF-8 */
        memcpy(q, p, len);
        q += len;
        p += len;
    }
    *pp = p;
    *qq = q;
    return 0;
}

/* The string at *pp (its opening quote) unescaped into b, NUL-terminated;
 * *pp past its closing quote.  memchr finds the next quote and the next
 * backslash; the bytes between are a run. */
static int scan_string_into(const unsigned char **pp, const unsigned char *end, cs_buf *b)
{
    const unsigned char *p = *pp;
    if (*p != '"')
        return SCAN_REFER;
    p++;
    b->len = 0;
    if (cs_buf_reserve(b, (size_t)(end - p)) != 0)
        return SCAN_REFER; /* out of memory: the reference says so */
    char *q = b->data;
    const unsigned char *quote = find_byte(p, end, '"');
    for (;;) {
        const unsigned char *backslash = find_byte(p, quote, '\\');
        if (copy_run(&p, backslash, &q) != 0)
            return SCAN_REFER;
        if (p == end)
            return SCAN_REFER; /* no closing quote */
        if (p == quote)
            break;
        p++; /* the backslash */
        if (unescape(&p, end, &q) != 0)
            return SCAN_REFER;
        if (p > quote) /* that quote was escaped: look for the next one */
            quote = find_byte(p, end, '"');
    }
    *pp = p + 1;
    b->len = (size_t)(q - b->data);
    b->data[b->len] = '\0';
    return 0;
}

enum { NUMBER_INTEGER = 1, NUMBER_FRACTION = 2 };

/* The number at *pp: NUMBER_INTEGER with its value, or NUMBER_FRACTION
 * (no exponent, at most MAX_INT_DIGITS digits before the point). */
static int scan_number(const unsigned char **pp, const unsigned char *end, long long *value)
{
    const unsigned char *p = *pp;
    int negative = 0;
    long long v = 0;
    if (p < end && *p == '-') {
        negative = 1;
        p++;
    }
    if (p == end || !is_digit(*p))
        return SCAN_REFER;
    if (*p == '0') {
        p++;
        if (p < end && is_digit(*p))
            return SCAN_REFER; /* a leading zero */
    } else {
        const unsigned char *first = p;
        while (p < end && is_digit(*p)) {
            if (p - first == MAX_INT_DIGITS)
                return SCAN_REFER;
            v = v * 10 + (*p++ - '0');
        }
    }
    int kind = NUMBER_INTEGER;
    if (p < end && *p == '.') {
        p++;
        if (p == end || !is_digit(*p))
            return SCAN_REFER;
        while (p < end && is_digit(*p))
            p++;
        kind = NUMBER_FRACTION;
    }
    if (p < end && (*p == 'e' || *p == 'E'))
        return SCAN_REFER;
    *value = negative ? -v : v;
    *pp = p;
    return kind;
}

/* The value of a key the record does not use: checked, not kept (a
 * string is unescaped into scratch). */
static int skip_value(const unsigned char **pp, const unsigned char *end, cs_buf *scratch)
{
    const unsigned char *p = *pp;
    static const char *const literals[] = {"true", "false", "null"};
    if (*p == '"') {
        if (scan_string_into(&p, end, scratch) != 0)
            return SCAN_REFER;
    } else if (*p == '-' || is_digit(*p)) {
        long long v;
        if (scan_number(&p, end, &v) < 0)
            return SCAN_REFER;
    } else {
        size_t i, n = 0;
        for (i = 0; i < sizeof literals / sizeof literals[0]; i++) {
            n = strlen(literals[i]);
            if ((size_t)(end - p) >= n && memcmp(p, literals[i], n) == 0)
                break;
        }
        if (i == sizeof literals / sizeof literals[0])
            return SCAN_REFER; /* an object, an array, or not JSON */
        p += n;
    }
    *pp = p;
    return 0;
}

/* The id of a number, as it is echoed: an integral value below 2^53 in
 * plain digits, any other in the fewest significant digits that read back
 * as the same double ("%.Ng"); so "1" -> 1, "1.50" -> 1.5, "1e2" -> 100,
 * "0.1" -> 0.1.  Scanner and reference both write numbers through it. */
static int put_number_id(cs_buf *out, double v)
{
    char tmp[40];
    if (v == (double)(long long)v && v > -9007199254740992.0 && v < 9007199254740992.0)
        return cs_buf_printf(out, "%lld", (long long)v);
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    return cs_buf_puts(out, tmp);
}

/* The id of a string, as it is echoed: the same string, JSON-quoted. */
static int put_string_id(cs_buf *out, const char *s, size_t len)
{
    return cs_buf_putc(out, '"') != 0 || cs_json_escape(out, s, len) != 0 ||
                   cs_buf_putc(out, '"') != 0
               ? -1
               : 0;
}

/* The value of "id": a string or a number.  id gets its text (a number
 * as in put_number_id), id_json the JSON value to echo. */
static int scan_id(const unsigned char **pp, const unsigned char *end, cs_buf *id,
                   cs_buf *id_json)
{
    id_json->len = 0;
    if (**pp == '"') {
        if (scan_string_into(pp, end, id) != 0)
            return SCAN_REFER;
        return put_string_id(id_json, id->data, id->len) == 0 ? 0 : SCAN_REFER;
    }
    const unsigned char *start = *pp;
    long long v;
    int kind = scan_number(pp, end, &v);
    if (kind < 0)
        return SCAN_REFER;
    id->len = 0;
    if (kind == NUMBER_INTEGER) {
        if (cs_buf_printf(id_json, "%lld", v) != 0)
            return SCAN_REFER;
    } else {
        /* strtod reads the token: it is a plain JSON number (no exponent) */
        if (cs_buf_append(id, start, (size_t)(*pp - start)) != 0 ||
            put_number_id(id_json, strtod(id->data, NULL)) != 0)
            return SCAN_REFER;
        id->len = 0;
    }
    return cs_buf_append(id, id_json->data, id_json->len) == 0 ? 0 : SCAN_REFER;
}

static int scan_record(cs_jsonl_reader *r, const unsigned char *p, const unsigned char *end,
                       cs_format default_fmt, cs_jsonl_record *rec)
{
    struct { const unsigned char *name; size_t len; } keys[MAX_KEYS];
    size_t nkeys = 0;
    int have_id = 0, have_text = 0, have_format = 0;
    p = skip_space(p, end);
    if (p == end || *p != '{')
        return SCAN_REFER;
    p = skip_space(p + 1, end);
    for (;;) {
        if (p == end || *p != '"')
            return SCAN_REFER; /* also the empty object: no "id" */
        const unsigned char *key = ++p;
        while (p < end && is_plain_byte(*p))
            p++;
        if (p == end || *p != '"')
            return SCAN_REFER; /* an escape or a non-ASCII byte in a key */
        size_t klen = (size_t)(p - key);
        p++;
        for (size_t k = 0; k < nkeys; k++)
            if (keys[k].len == klen && memcmp(keys[k].name, key, klen) == 0)
                return SCAN_REFER; /* a duplicate key */
        if (nkeys == MAX_KEYS)
            return SCAN_REFER;
        keys[nkeys].name = key;
        keys[nkeys++].len = klen;
        p = skip_space(p, end);
        if (p == end || *p != ':')
            return SCAN_REFER;
        p = skip_space(p + 1, end);
        if (p == end)
            return SCAN_REFER;
        int rc;
        if (klen == 2 && memcmp(key, "id", 2) == 0) {
            rc = scan_id(&p, end, &r->id, &r->id_json);
            have_id = 1;
        } else if (klen == 4 && memcmp(key, "text", 4) == 0) {
            rc = scan_string_into(&p, end, &r->text);
            have_text = 1;
        } else if (klen == 6 && memcmp(key, "format", 6) == 0) {
            rc = scan_string_into(&p, end, &r->format);
            have_format = 1;
        } else {
            rc = skip_value(&p, end, &r->skipped);
        }
        if (rc != 0)
            return SCAN_REFER;
        p = skip_space(p, end);
        if (p == end)
            return SCAN_REFER;
        if (*p == '}')
            break;
        if (*p != ',')
            return SCAN_REFER;
        p = skip_space(p + 1, end);
    }
    if (skip_space(p + 1, end) != end || !have_id || !have_text)
        return SCAN_REFER;
    cs_format fmt = default_fmt;
    if (have_format && cs_format_parse(r->format.data, &fmt) != 0)
        return SCAN_REFER;
    rec->id = r->id.data;
    rec->id_json = r->id_json.data;
    rec->text = r->text.data;
    rec->text_len = r->text.len;
    rec->text_checked = 1; /* copy_run and unescape let no NUL and no bad byte through */
    rec->fmt = fmt;
    rec->err = NULL;
    return SCAN_RECORD;
}

void cs_jsonl_reader_init(cs_jsonl_reader *r)
{
    memset(r, 0, sizeof *r);
}

/* Drop what the reference parser left for the previous record. */
static void drop_reference(cs_jsonl_reader *r)
{
    json_decref(r->root);
    r->root = NULL;
    free(r->reference_id);
    r->reference_id = NULL;
    free(r->reference_id_json);
    r->reference_id_json = NULL;
}

int cs_jsonl_read(cs_jsonl_reader *r, const char *line, size_t len, cs_format default_fmt,
                  cs_jsonl_record *rec)
{
    drop_reference(r);
    r->used_reference = 0;
    const unsigned char *p = (const unsigned char *)line;
    if (scan_record(r, p, p + len, default_fmt, rec) == SCAN_RECORD)
        return 0;
    r->used_reference = 1;
    const char *text = NULL;
    size_t text_len = 0;
    cs_format fmt = default_fmt;
    r->err[0] = '\0';
    int rc = cs_jsonl_parse_record(line, len, &r->root, &r->reference_id, &r->reference_id_json,
                                   &text, &text_len, &fmt, r->err, sizeof r->err);
    rec->id = r->reference_id;
    rec->id_json = r->reference_id_json;
    rec->text = text;
    rec->text_len = text_len;
    rec->text_checked = 0;
    rec->fmt = fmt;
    rec->err = rc == 0 ? NULL : r->err;
    return rc;
}

void cs_jsonl_reader_free(cs_jsonl_reader *r)
{
    drop_reference(r);
    cs_buf_free(&r->id);
    cs_buf_free(&r->id_json);
    cs_buf_free(&r->text);
    cs_buf_free(&r->format);
    cs_buf_free(&r->skipped);
}

/* ---- the reference parser ---- */

int cs_jsonl_parse_record(const char *line, size_t len, json_t **root, char **id,
                          char **id_json, const char **text, size_t *text_len, cs_format *fmt,
                          char *err, size_t errlen)
{
    json_error_t je;
    *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (*root == NULL) {
        snprintf(err, errlen, "malformed JSON at column %d: %s", je.column, je.text);
        clean_utf8(err);
        return -1;
    }
    if (!json_is_object(*root)) {
        snprintf(err, errlen, "expected a JSON object with \"id\" and \"text\"");
        return -1;
    }
    json_t *jid = json_object_get(*root, "id");
    cs_buf echo = {0};
    int put;
    if (json_is_string(jid))
        put = put_string_id(&echo, json_string_value(jid), json_string_length(jid));
    else if (json_is_integer(jid))
        put = cs_buf_printf(&echo, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
    else if (json_is_real(jid))
        put = put_number_id(&echo, json_real_value(jid));
    else if (jid == NULL) {
        snprintf(err, errlen, "missing \"id\" (a string or a number)");
        return -1;
    } else {
        snprintf(err, errlen, "\"id\" must be a string or a number, not %s",
                 json_is_object(jid)  ? "an object"
                 : json_is_array(jid) ? "an array"
                 : json_is_null(jid)  ? "null"
                                      : "a boolean");
        return -1;
    }
    if (put != 0) {
        cs_buf_free(&echo);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    *id_json = echo.data;
    *id = cs_strdup(json_is_string(jid) ? json_string_value(jid) : echo.data);
    if (*id == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    json_t *jt = json_object_get(*root, "text");
    if (!json_is_string(jt)) {
        snprintf(err, errlen, "missing \"text\" (a string)");
        return -1;
    }
    *text = json_string_value(jt);
    *text_len = json_string_length(jt);
    json_t *jf = json_object_get(*root, "format");
    if (jf) {
        if (!json_is_string(jf) || cs_format_parse(json_string_value(jf), fmt) != 0) {
            snprintf(err, errlen, "\"format\" must be \"text\", \"markdown\" or \"html\"");
            return -1;
        }
    }
    return 0;
}

void cs_jsonl_error_line(cs_buf *out, size_t lineno, const char *id_json, const char *msg)
{
    cs_json j;
    cs_json_init(&j, out, 0);
    cs_json_object(&j);
    cs_json_key(&j, "id");
    if (id_json)
        cs_json_raw(&j, id_json);
    else
        cs_json_null(&j);
    cs_json_kv_int(&j, "line", (long long)lineno);
    cs_json_kv_string(&j, "error", msg);
    cs_json_end_object(&j);
    cs_buf_putc(out, '\n');
}
