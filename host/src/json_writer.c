#include "json_writer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void cs_json_init(cs_json *j, cs_buf *out, int pretty)
{
    memset(j, 0, sizeof *j);
    j->out = out;
    j->pretty = pretty;
}

static void put(cs_json *j, const char *s, size_t n)
{
    cs_buf *b = j->out;
    if (b->len + n < b->cap) { /* fast path: room for the bytes and the NUL */
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    if (!j->failed && cs_buf_append(b, s, n) != 0)
        j->failed = 1;
}

/* Decimal digits of v into the end of buf; returns the start. */
static char *format_int(char *end, long long v)
{
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return p;
}

static void newline(cs_json *j)
{
    if (!j->pretty)
        return;
    put(j, "\n", 1);
    for (int i = 0; i < j->depth; i++)
        put(j, "  ", 2);
}

/* Separator before a value or key at the current depth. */
static void before_value(cs_json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (j->count[j->depth - 1]++ > 0)
            put(j, ",", 1);
        newline(j);
    }
}

static void open_(cs_json *j, char c)
{
    before_value(j);
    put(j, &c, 1);
    if (j->depth < CS_JSON_MAX_DEPTH)
        j->count[j->depth] = 0;
    j->depth++;
}

static void close_(cs_json *j, char c)
{
    j->depth--;
    if (j->depth < CS_JSON_MAX_DEPTH && j->count[j->depth] > 0)
        newline(j);
    put(j, &c, 1);
}

void cs_json_object(cs_json *j) { open_(j, '{'); }
void cs_json_end_object(cs_json *j) { close_(j, '}'); }
void cs_json_array(cs_json *j) { open_(j, '['); }
void cs_json_end_array(cs_json *j) { close_(j, ']'); }

int cs_escape_bytes(cs_buf *out, const char *s, size_t len, cs_escape_fn esc, int arg)
{
    size_t run = 0;
    char tmp[8];
    for (size_t i = 0; i < len; i++) {
        const char *rep = esc((unsigned char)s[i], tmp, arg);
        if (rep == NULL)
            continue;
        if (cs_buf_append(out, s + run, i - run) != 0 || cs_buf_puts(out, rep) != 0)
            return -1;
        run = i + 1;
    }
    return cs_buf_append(out, s + run, len - run);
}

/* RFC 8259 escapes: " \ and the short forms of LF CR TAB; other C0
 * controls and DEL as \u00XX. */
static const char *json_escape_byte(unsigned char c, char tmp[8], int arg)
{
    (void)arg;
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        return NULL;
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: snprintf(tmp, 8, "\\u%04x", c); return tmp;
    }
}

int cs_json_escape(cs_buf *out, const char *s, size_t len)
{
    /* Hot path (every string of every report): most strings need no
     * escape at all; find the first byte that does without a call per byte. */
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f)
            break;
        i++;
    }
    if (i == len)
        return cs_buf_append(out, s, len);
    if (cs_buf_append(out, s, i) != 0)
        return -1;
    return cs_escape_bytes(out, s + i, len - i, json_escape_byte, 0);
}

void cs_json_key(cs_json *j, const char *key)
{
    before_value(j);
    put(j, "\"", 1);
    if (!j->failed && cs_json_escape(j->out, key, strlen(key)) != 0)
        j->failed = 1;
    put(j, j->pretty ? "\": " : "\":", j->pretty ? 3 : 2);
    j->after_key = 1;
}

void cs_json_stringn(cs_json *j, const char *s, size_t len)
{
    before_value(j);
    put(j, "\"", 1);
    if (!j->failed && cs_json_escape(j->out, s, len) != 0)
        j->failed = 1;
    put(j, "\"", 1);
}

void cs_json_string(cs_json *j, const char *s)
{
    if (s == NULL)
        cs_json_null(j);
    else
        cs_json_stringn(j, s, strlen(s));
}

void cs_json_number(cs_json *j, double v)
{
    before_value(j);
    if (!isfinite(v)) {
        put(j, "null", 4);
        return;
    }
    char tmp[64];
    double r = round(v * 1000.0) / 1000.0;
    if (r == 0)
        r = 0; /* no "-0" */
    if (r == floor(r) && fabs(r) < 1e15) { /* integers, the common case */
        char *start = format_int(tmp + sizeof tmp, (long long)r);
        put(j, start, (size_t)(tmp + sizeof tmp - start));
        return;
    }
    int n = snprintf(tmp, sizeof tmp, "%.3f", r);
    while (n > 0 && tmp[n - 1] == '0')
        n--;
    if (n > 0 && tmp[n - 1] == '.')
        n--;
    put(j, tmp, (size_t)n);
}

void cs_json_int(cs_json *j, long long v)
{
    before_value(j);
    char tmp[32];
    char *start = format_int(tmp + sizeof tmp, v);
    put(j, start, (size_t)(tmp + sizeof tmp - start));
}

void cs_json_bool(cs_json *j, int v)
{
    before_value(j);
    put(j, v ? "true" : "false", v ? 4 : 5);
}

void cs_json_null(cs_json *j)
{
    before_value(j);
    put(j, "null", 4);
}

void cs_json_raw(cs_json *j, const char *text)
{
    before_value(j);
    put(j, text, strlen(text));
}

void cs_json_kv_string(cs_json *j, const char *key, const char *s)
{
    cs_json_key(j, key);
    cs_json_string(j, s);
}

void cs_json_kv_stringn(cs_json *j, const char *key, const char *s, size_t len)
{
    cs_json_key(j, key);
    cs_json_stringn(j, s, len);
}

void cs_json_kv_int(cs_json *j, const char *key, long long v)
{
    cs_json_key(j, key);
    cs_json_int(j, v);
}

void cs_json_kv_number(cs_json *j, const char *key, double v)
{
    cs_json_key(j, key);
    cs_json_number(j, v);
}

void cs_json_kv_bool(cs_json *j, const char *key, int v)
{
    cs_json_key(j, key);
    cs_json_bool(j, v);
}

int cs_json_failed(const cs_json *j)
{
    return j->failed;
}
