#include "json_writer.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "swar.h"
#include "utf8.h"

/*
 * Every writer below is made of the inline steps of json_writer.h: make
 * room once for all the bytes it may write (separator, key, value), write
 * them straight into the buffer, then set the new length and the NUL.
 * Only a string with bytes to escape asks for more room on the way.
 */

/* Most bytes an escape takes: \u00XX for one input byte. */
#define ESCAPE_MAX 6

/* Nonzero for the bytes a JSON string cannot copy as they come: 1 for the
 * C0 controls, '"', '\\' and DEL (escaped), 2 for the bytes from 0x80
 * (copied when they begin a valid UTF-8 character, else replaced). */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50: '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 0x70: DEL */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x80 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x90 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xA0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xB0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xC0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xD0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xE0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xF0 */
};

/* U+FFFD REPLACEMENT CHARACTER, for a byte that is not valid UTF-8. */
#define REPLACEMENT "\xEF\xBF\xBD"

/* Nonzero when one of the 8 bytes of w is not plain printable ASCII other
 * than '"' and '\\'.  Lane by lane, with t the lane's low seven bits:
 * t + 0x60 reaches bit 7 from 0x20 up (no C0 control), t + 0x01 only for
 * 0x7f (DEL), (t ^ c) + 0x7f whenever t is not c, and no sum carries into
 * the next lane; bit 7 of w itself marks the bytes from 0x80. */
static inline uint64_t word_needs_escape(uint64_t w)
{
    uint64_t t = w & ~CS_SWAR_HIGHS;
    uint64_t plain = (t + CS_SWAR_ONES * 0x60) & ~(t + CS_SWAR_ONES * 0x01) &
                     ((t ^ CS_SWAR_ONES * '"') + CS_SWAR_ONES * 0x7f) &
                     ((t ^ CS_SWAR_ONES * '\\') + CS_SWAR_ONES * 0x7f) & ~w;
    return ~plain & CS_SWAR_HIGHS;
}

/* memcpy(p, s, n) for the short copies of keys and characters, without a
 * library call: two overlapping loads and stores, never a byte outside
 * either range. */
static inline void copy_short(char *p, const char *s, size_t n)
{
    if (n >= 8) {
        if (n > 16) {
            memcpy(p, s, n);
            return;
        }
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(p, &a, 8);
        memcpy(p + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(p, &a, 4);
        memcpy(p + n - 4, &b, 4);
    } else if (n > 0) {
        p[0] = s[0];
        p[n / 2] = s[n / 2];
        p[n - 1] = s[n - 1];
    }
}

/* The escape of byte c (needs_escape[c] set, or a C1 code point) at p;
 * returns the end.
 * The short forms of RFC 8259 for '"', '\\', LF, CR and TAB, else
 * \u00XX in lower-case hex. */
static inline char *write_escape(char *p, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *p++ = '\\';
    switch (c) {
    case '"': *p++ = '"'; break;
    case '\\': *p++ = '\\'; break;
    case '\n': *p++ = 'n'; break;
    case '\r': *p++ = 'r'; break;
    case '\t': *p++ = 't'; break;
    default:
        memcpy(p, "u00", 3);
        p[3] = hex[c >> 4];
        p[4] = hex[c & 15];
        p += 5;
        break;
    }
    return p;
}

/* How many lanes of a word come before the first one flagged in m (m
 * nonzero, one exact flag per lane as word_needs_escape gives): the
 * trailing zero bits over eight where lane 0 is the low byte (a
 * little-endian machine with the GCC built-in), else 0 (the caller's byte
 * loop finds the lane). */
static inline size_t plain_lanes(uint64_t m)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(m) / 8;
#else
    (void)m;
    return 0;
#endif
}

#if defined(CS_SWAR_BLOCKS)
/* Nonzero when a byte of v is one escape_at must look at (needs_escape
 * nonzero: a C0 control, '"', '\\', DEL or a byte from 0x80). */
static inline int block_needs_escape(cs_block16 v)
{
    return cs_block16_any((cs_block16)((v < 0x20) | (v == '"') | (v == '\\') | (v >= 0x7f)));
}
#endif

/* Write s (len bytes) escaped at p, inside b's room for len + tail bytes
 * from p, and return the end (room for tail bytes still after it), or
 * NULL when memory runs out (b then holds what was written,
 * NUL-terminated).  Valid UTF-8 characters are copied, except the C1
 * controls (U+0080..U+009F, escaped as \u0080 like C0); a byte that does
 * not begin one (invalid, truncated, overlong, a surrogate) becomes
 * U+FFFD, so the output is valid UTF-8 whatever s holds. */
static char *escape_at(cs_buf *b, char *p, const char *s, size_t len, size_t tail)
{
    size_t i = 0;
    for (;;) {
#if defined(CS_SWAR_BLOCKS)
        /* Sixteen plain bytes at a time, as they are; a block with a byte
         * to look at goes on eight bytes at a time. */
        while (len - i >= 16) {
            cs_block16 v = cs_block16_load(s + i);
            if (block_needs_escape(v))
                break;
            memcpy(p, &v, sizeof v);
            p += 16;
            i += 16;
        }
#endif
        /* Eight bytes at a time, stored whole (there is room for the
         * rest of the text): the plain ones up to the first byte to look
         * at count. */
        while (len - i >= 8) {
            uint64_t w = cs_swar_load(s + i);
            uint64_t m = word_needs_escape(w);
            memcpy(p, &w, 8);
            if (m) {
                size_t k = plain_lanes(m);
                p += k;
                i += k;
                break;
            }
            p += 8;
            i += 8;
        }
        /* Fewer than eight left: when the bytes from the last eight of s
         * (or, in a shorter string, from i) are plain, they end the output
         * in one or two stores (the bytes before i among the last eight
         * went out as they are, the test saw them). */
        size_t left = len - i;
        if (left > 0 && left < 8) {
            if (len >= 8) {
                uint64_t w = cs_swar_load(s + len - 8);
                if (!word_needs_escape(w)) {
                    p += left;
                    memcpy(p - 8, &w, 8);
                    break;
                }
            } else if (left >= 4) {
                uint32_t head, last;
                memcpy(&head, s + i, 4);
                memcpy(&last, s + len - 4, 4);
                if (!word_needs_escape(head | (uint64_t)last << 32)) {
                    memcpy(p, &head, 4);
                    memcpy(p + left - 4, &last, 4);
                    p += left;
                    break;
                }
            }
        }
        /* Byte by byte up to the next byte to look at or the end. */
        while (i < len && !needs_escape[(unsigned char)s[i]])
            *p++ = s[i++];
        if (i == len)
            break;
        unsigned cp;
        size_t n = needs_escape[(unsigned char)s[i]] == 2
                       ? cs_utf8_decode((const unsigned char *)s + i, len - i, &cp)
                       : 0;
        if (n > 0 && cp >= 0xA0) { /* a valid character: its bytes as they are (room made) */
            copy_short(p, s + i, n);
            p += n;
            i += n;
            continue;
        }
        /* An escape or a replacement is longer than its byte: room for the
         * longest and the rest of the text. */
        b->len = (size_t)(p - b->data);
        if (cs_buf_reserve(b, ESCAPE_MAX + (len - i - 1) + tail) != 0) {
            b->data[b->len] = '\0';
            return NULL;
        }
        p = b->data + b->len;
        if (n > 0) { /* a C1 control, U+0080..U+009F: \u0080 too */
            p = write_escape(p, (unsigned char)cp);
            i += n;
        } else if ((unsigned char)s[i] >= 0x80) {
            memcpy(p, REPLACEMENT, 3);
            p += 3;
            i++;
        } else {
            p = write_escape(p, (unsigned char)s[i]);
            i++;
        }
    }
    return p;
}

/* Append s (len bytes) escaped to b (escape_at), then leave room for
 * `tail` more bytes.  Returns 0, or -1 when memory runs out (b keeps what
 * was written, NUL-terminated). */
static int append_escaped(cs_buf *b, const char *s, size_t len, size_t tail)
{
    if (cs_buf_reserve(b, len + tail) != 0)
        return -1;
    char *p = escape_at(b, b->data + b->len, s, len, tail);
    if (p == NULL)
        return -1;
    b->len = (size_t)(p - b->data);
    b->data[b->len] = '\0';
    return 0;
}

int cs_json_escape(cs_buf *out, const char *s, size_t len)
{
    return append_escaped(out, s, len, 0);
}

/* "00" to "99": two digits at a time. */
static const char digit_pairs[] = "00010203040506070809"
                                  "10111213141516171819"
                                  "20212223242526272829"
                                  "30313233343536373839"
                                  "40414243444546474849"
                                  "50515253545556575859"
                                  "60616263646566676869"
                                  "70717273747576777879"
                                  "80818283848586878889"
                                  "90919293949596979899";

/* Digits of u at p; returns the end.  The numbers of a report are mostly
 * below 10,000 (indexes, lines, columns, counts): those without a loop. */
static char *write_uint(char *p, unsigned long long u)
{
    if (u < 10) {
        *p = (char)('0' + u);
        return p + 1;
    }
    if (u < 100) {
        memcpy(p, digit_pairs + 2 * u, 2);
        return p + 2;
    }
    if (u < 10000) {
        unsigned hi = (unsigned)u / 100, lo = (unsigned)u % 100;
        if (hi < 10) {
            *p = (char)('0' + hi);
            memcpy(p + 1, digit_pairs + 2 * lo, 2);
            return p + 3;
        }
        memcpy(p, digit_pairs + 2 * hi, 2);
        memcpy(p + 2, digit_pairs + 2 * lo, 2);
        return p + 4;
    }
    size_t n = 2;
    for (unsigned long long t = u; t >= 100; t /= 10)
        n++;
    char *end = p + n, *q = end;
    while (u >= 100) {
        q -= 2;
        memcpy(q, digit_pairs + 2 * (u % 100), 2);
        u /= 100;
    }
    if (u >= 10) {
        q -= 2;
        memcpy(q, digit_pairs + 2 * u, 2);
    } else {
        *--q = (char)('0' + u);
    }
    return end;
}

char *cs_json_put_int(char *p, long long v)
{
    if (v < 0) {
        *p++ = '-';
        return write_uint(p, 0ULL - (unsigned long long)v);
    }
    return write_uint(p, (unsigned long long)v);
}

/*
 * Numbers.  The rule (as it has always printed): r = round(v * 1000) / 1000,
 * 0 for -0; an integral r below 1e15 as an integer, any other r as "%.3f"
 * less its trailing zeros and a trailing '.'.
 *
 * Fast path for |v| < 1e12: k = round(v * 1000) is then an integer of at
 * most 1e15, exact in a double, and r = k / 1000 is k's decimal value to
 * within half an ulp of r (at most 2^-14 < 0.0005).  So r is integral
 * exactly when k is a multiple of 1000, and "%.3f" of r prints exactly
 * k / 1000: the integer part k / 1000 and the three digits k % 1000.
 * An integral v is its own r and needs no rounding at all.
 * tests/unit/test_json_writer.c compares both paths over many values.
 */
#define NUMBER_FAST_LIMIT 1e12

/* round(x) for |x| < 2^62, without the library call: x less its whole
 * part is exact, and the half-way case goes away from zero, as round's
 * does (a zero may come out with the other sign, which the caller reads
 * as zero either way). */
static inline double round_half_away(double x)
{
    double t = (double)(long long)x;
    double f = x - t;
    if (f >= 0.5)
        t += 1.0;
    else if (f <= -0.5)
        t -= 1.0;
    return t;
}

/* v finite and |v| < NUMBER_FAST_LIMIT, at p (at most CS_JSON_NUMBER_FAST_MAX
 * bytes); returns the end. */
static char *write_number_fast(char *p, double v)
{
    long long whole = (long long)v;
    if ((double)whole == v) /* integral (-0 too): no rounding to do */
        return cs_json_put_int(p, whole);
    double k = round_half_away(v * 1000.0);
    if (k == 0) {
        *p++ = '0';
        return p;
    }
    unsigned long long u;
    if (k < 0) {
        *p++ = '-';
        u = (unsigned long long)-k;
    } else {
        u = (unsigned long long)k;
    }
    p = write_uint(p, u / 1000);
    unsigned frac = (unsigned)(u % 1000);
    if (frac) {
        *p++ = '.';
        *p++ = (char)('0' + frac / 100);
        if (frac % 100) {
            *p++ = (char)('0' + frac / 10 % 10);
            if (frac % 10)
                *p++ = (char)('0' + frac % 10);
        }
    }
    return p;
}

/* Any finite v by the rule above, through snprintf, into buf
 * (CS_JSON_NUMBER_MAX bytes); returns the length. */
static size_t format_number_slow(char *buf, double v)
{
    double k = v * 1000.0; /* inf above about 1.8e305: v is an integer there */
    double r = isfinite(k) ? round(k) / 1000.0 : v;
    if (r == 0)
        r = 0; /* no "-0" */
    if (r == floor(r) && fabs(r) < 1e15) {
        char *end = cs_json_put_int(buf, (long long)r);
        *end = '\0';
        return (size_t)(end - buf);
    }
    int n = snprintf(buf, CS_JSON_NUMBER_MAX, "%.3f", r);
    if (n < 0 || n >= CS_JSON_NUMBER_MAX)
        n = 0; /* cannot happen: "%.3f" of a double takes at most 315 bytes */
    while (n > 0 && buf[n - 1] == '0')
        n--;
    if (n > 0 && buf[n - 1] == '.')
        n--;
    buf[n] = '\0';
    return (size_t)n;
}

size_t cs_json_format_number(char *buf, double v)
{
    if (!isfinite(v)) { /* JSON has no inf or NaN */
        memcpy(buf, "null", 5);
        return 4;
    }
    if (fabs(v) < NUMBER_FAST_LIMIT) {
        char *end = write_number_fast(buf, v);
        *end = '\0';
        return (size_t)(end - buf);
    }
    return format_number_slow(buf, v);
}

/* ---- the writer's state ---- */

void cs_json_init(cs_json *j, cs_buf *out, int pretty)
{
    memset(j, 0, sizeof *j);
    j->out = out;
    j->pretty = pretty;
}

const char cs_json_indent[CS_JSON_SEPARATOR_MAX - 1] =
    "\n                                                                ";
_Static_assert(sizeof cs_json_indent == 1 + 2 * CS_JSON_MAX_DEPTH &&
                   sizeof "\n                                                                " ==
                       sizeof cs_json_indent + 1,
               "a newline and two spaces per level, to the deepest");

/* The separator (cs_json_separator) and then n bytes of s. */
static void put_value(cs_json *j, const char *s, size_t n)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + n);
    if (p == NULL)
        return;
    p = cs_json_separator(j, p);
    memcpy(p, s, n);
    cs_json_commit(j, p + n);
}

static void open_(cs_json *j, char c)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + 1);
    if (p == NULL)
        return;
    if (j->depth >= CS_JSON_MAX_DEPTH) {
        j->failed = 1;
        return;
    }
    p = cs_json_separator(j, p);
    *p++ = c;
    cs_json_commit(j, p);
    j->depth++;
    j->next = CS_JSON_SEP_FIRST;
    j->after = CS_JSON_SEP_COMMA;
}

static void close_(cs_json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + 1);
    if (p == NULL)
        return;
    if (j->pretty && j->next != CS_JSON_SEP_FIRST) /* not empty */
        p = cs_json_newline(j, p);
    *p++ = c;
    cs_json_commit(j, p);
    /* The closed one was a value at the depth around it. */
    j->after = j->depth > 0 ? CS_JSON_SEP_COMMA : CS_JSON_SEP_NONE;
    j->next = j->after;
}

void cs_json_init_at(cs_json *j, cs_buf *out, int pretty, int depth)
{
    cs_json_init(j, out, pretty);
    if (depth < 0 || depth >= CS_JSON_MAX_DEPTH)
        j->failed = 1;
    else if (depth > 0) { /* the first value of its object or array */
        j->depth = depth;
        j->next = CS_JSON_SEP_FIRST;
        j->after = CS_JSON_SEP_COMMA;
    }
}

void cs_json_splice(cs_json *j, const char *value, size_t len)
{
    char *p = cs_json_room(j, 1 + len);
    if (p == NULL)
        return;
    if (j->next == CS_JSON_SEP_COMMA) /* the value brings its own new line */
        *p++ = ',';
    j->next = j->after;
    memcpy(p, value, len);
    cs_json_commit(j, p + len);
}

void cs_json_object(cs_json *j) { open_(j, '{'); }
void cs_json_end_object(cs_json *j) { close_(j, '}'); }
void cs_json_array(cs_json *j) { open_(j, '['); }
void cs_json_end_array(cs_json *j) { close_(j, ']'); }

/* The end of a key, "\":" (and a space when pretty), at p. */
static inline char *write_key_end(const cs_json *j, char *p)
{
    *p++ = '"';
    *p++ = ':';
    if (j->pretty)
        *p++ = ' ';
    return p;
}

void cs_json_key(cs_json *j, const char *key)
{
    size_t len = strlen(key);
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + 1 + len + CS_JSON_KEY_EXTRA);
    if (p == NULL)
        return;
    p = cs_json_separator(j, p);
    *p++ = '"';
    cs_json_commit(j, p);
    if (append_escaped(j->out, key, len, CS_JSON_KEY_EXTRA) != 0) {
        j->failed = 1;
        return;
    }
    p = j->out->data + j->out->len;
    cs_json_commit(j, write_key_end(j, p));
    j->next = CS_JSON_SEP_NONE; /* the key's value follows */
}

void cs_json_put_string(cs_json *j, char *p, const char *s, size_t len)
{
    *p++ = '"';
    p = escape_at(j->out, p, s, len, 1);
    if (p == NULL) {
        j->failed = 1;
        return;
    }
    *p++ = '"';
    cs_json_commit(j, p);
}

void cs_json_stringn(cs_json *j, const char *s, size_t len)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_STRING_EXTRA + len);
    if (p == NULL)
        return;
    cs_json_put_string(j, cs_json_separator(j, p), s, len);
}

void cs_json_plain_stringn(cs_json *j, const char *s, size_t len)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_STRING_EXTRA + len);
    if (p == NULL)
        return;
    p = cs_json_separator(j, p);
    *p++ = '"';
    copy_short(p, s, len);
    p += len;
    *p++ = '"';
    cs_json_commit(j, p);
}

void cs_json_string(cs_json *j, const char *s)
{
    if (s == NULL)
        cs_json_null(j);
    else
        cs_json_stringn(j, s, strlen(s));
}

char *cs_json_put_number(cs_json *j, char *p, double v)
{
    if (!isfinite(v)) {
        memcpy(p, "null", 4);
        return p + 4;
    }
    if (fabs(v) < NUMBER_FAST_LIMIT)
        return write_number_fast(p, v);
    char tmp[CS_JSON_NUMBER_MAX];
    size_t n = format_number_slow(tmp, v);
    cs_json_commit(j, p);
    p = cs_json_room(j, n);
    if (p == NULL)
        return NULL;
    memcpy(p, tmp, n);
    return p + n;
}

void cs_json_number(cs_json *j, double v)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_NUMBER_FAST_MAX);
    if (p == NULL)
        return;
    p = cs_json_put_number(j, cs_json_separator(j, p), v);
    if (p)
        cs_json_commit(j, p);
}

void cs_json_int(cs_json *j, long long v)
{
    char *p = cs_json_room(j, CS_JSON_SEPARATOR_MAX + CS_JSON_INT_MAX);
    if (p == NULL)
        return;
    cs_json_commit(j, cs_json_put_int(cs_json_separator(j, p), v));
}

void cs_json_bool(cs_json *j, int v)
{
    put_value(j, v ? "true" : "false", v ? 4 : 5);
}

void cs_json_null(cs_json *j)
{
    put_value(j, "null", 4);
}

void cs_json_raw(cs_json *j, const char *text)
{
    put_value(j, text, strlen(text));
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

/* ---- escaping for the other formats ---- */

int cs_escape_text(cs_buf *out, const char *s, size_t len, cs_escape_fn esc, int arg)
{
    size_t run = 0, i = 0;
    char tmp[8];
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp = c;
        size_t n = c < 0x80 ? 1 : cs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        const char *rep = n ? esc(cp, tmp, arg) : REPLACEMENT;
        if (n == 0)
            n = 1;
        if (rep != NULL) {
            if (cs_buf_append(out, s + run, i - run) != 0 || cs_buf_puts(out, rep) != 0)
                return -1;
            run = i + n;
        }
        i += n;
    }
    return cs_buf_append(out, s + run, len - run);
}

const char *cs_escape_control(unsigned cp, char tmp[8])
{
    if (cp < 0x20 || cp == 0x7f) {
        snprintf(tmp, 8, "\\x%02x", cp);
        return tmp;
    }
    if (cp >= 0x80 && cp <= 0x9f) {
        snprintf(tmp, 8, "\\u%04x", cp);
        return tmp;
    }
    return NULL;
}
