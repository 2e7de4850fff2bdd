/* test_json_writer.c - the JSON writer: exact bytes for escaping (every
 * byte value, at every position of the eight-byte scan), numbers (the fast
 * formatter against the snprintf rule it replaces, over sweeps, edge cases
 * and random values), integers, keys, nesting and pretty printing. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json_writer.h"
#include "tap.h"
#include "utf8.h"

/* ---- references: the writer's rules written the plain (slow) way ---- */

/* A string's escaped form, character by character (RFC 8259 short forms
 * for '"', '\\', LF, CR and TAB; other C0 controls, DEL and the C1
 * controls as \u00XX; valid UTF-8 as it is; any byte that does not begin
 * a valid UTF-8 character as U+FFFD). */
static void ref_escape(cs_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            unsigned cp;
            size_t n = cs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
            if (n == 0)
                cs_buf_puts(out, "\xEF\xBF\xBD");
            else if (cp <= 0x9f)
                cs_buf_printf(out, "\\u%04x", cp);
            else
                cs_buf_append(out, s + i, n);
            if (n > 1)
                i += n - 1;
            continue;
        }
        switch (c) {
        case '"': cs_buf_puts(out, "\\\""); break;
        case '\\': cs_buf_puts(out, "\\\\"); break;
        case '\n': cs_buf_puts(out, "\\n"); break;
        case '\r': cs_buf_puts(out, "\\r"); break;
        case '\t': cs_buf_puts(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                cs_buf_printf(out, "\\u%04x", c);
            else
                cs_buf_putc(out, (char)c);
        }
    }
    cs_buf_terminate(out);
}

/* A number as the writer has always printed it: round to 3 decimals, no
 * -0, integers below 1e15 as integers, else "%.3f" less trailing zeros;
 * "null" when not finite.  Where v * 1000 overflows (|v| above about
 * 1.8e305, an integer) v is printed as it is, never "inf". */
static void ref_number(char *buf, size_t n, double v)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "null");
        return;
    }
    double r = isfinite(v * 1000.0) ? round(v * 1000.0) / 1000.0 : v;
    if (r == 0)
        r = 0;
    if (r == floor(r) && fabs(r) < 1e15) {
        snprintf(buf, n, "%lld", (long long)r);
        return;
    }
    int k = snprintf(buf, n, "%.3f", r);
    while (k > 0 && buf[k - 1] == '0')
        buf[--k] = '\0';
    if (k > 0 && buf[k - 1] == '.')
        buf[--k] = '\0';
}

/* ---- helpers ---- */

/* The writer's string value for s (len bytes), quotes included. */
static void writer_string(cs_buf *out, const char *s, size_t len)
{
    cs_json j;
    out->len = 0;
    cs_json_init(&j, out, 0);
    cs_json_stringn(&j, s, len);
    cs_buf_terminate(out);
}

/* 1 when the writer escapes s as the reference does. */
static int escape_matches(const char *s, size_t len)
{
    cs_buf got = {0}, want = {0}, direct = {0};
    writer_string(&got, s, len);
    cs_buf_putc(&want, '"');
    ref_escape(&want, s, len);
    cs_buf_putc(&want, '"');
    cs_json_escape(&direct, s, len);
    cs_buf_terminate(&direct);
    int same = got.len == want.len && memcmp(got.data, want.data, got.len) == 0 &&
               direct.len + 2 == want.len && memcmp(direct.data, want.data + 1, direct.len) == 0;
    cs_buf_free(&got);
    cs_buf_free(&want);
    cs_buf_free(&direct);
    return same;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* number_matches's output buffer, reused (the test runs under valgrind too). */
static cs_buf number_out;

/* 1 when cs_json_number, cs_json_kv_lit_number and cs_json_format_number
 * all print v as the reference; the first mismatch is reported. */
static int number_matches(double v)
{
    static int reported;
    char want[512], formatted[CS_JSON_NUMBER_MAX];
    ref_number(want, sizeof want, v);
    cs_buf out = number_out;
    cs_json j;
    out.len = 0;
    cs_json_init(&j, &out, 0);
    cs_json_number(&j, v);
    cs_buf_terminate(&out);
    int same = strcmp(out.data, want) == 0;
    out.len = 0;
    cs_json_init(&j, &out, 0);
    cs_json_object(&j);
    cs_json_kv_lit_number(&j, "n", v);
    cs_json_end_object(&j);
    char kv[600];
    snprintf(kv, sizeof kv, "{\"n\":%s}", want);
    same = same && strcmp(out.data, kv) == 0;
    if (isfinite(v)) {
        size_t n = cs_json_format_number(formatted, v);
        same = same && n == strlen(want) && strcmp(formatted, want) == 0;
    }
    if (!same && !reported++)
        printf("# number %.17g: got '%s', expected '%s'\n", v, out.data, want);
    number_out = out;
    return same;
}

/* ---- escaping ---- */

static void test_escape_exact(void)
{
    cs_buf b = {0};
    writer_string(&b, "plain text", 10);
    is_str(b.data, "\"plain text\"", "plain text is copied");
    writer_string(&b, "", 0);
    is_str(b.data, "\"\"", "the empty string");
    writer_string(&b, "say \"no\"", 8);
    is_str(b.data, "\"say \\\"no\\\"\"", "quotes");
    writer_string(&b, "a\\b", 3);
    is_str(b.data, "\"a\\\\b\"", "backslash");
    writer_string(&b, "l1\nl2\r\tx", 8);
    is_str(b.data, "\"l1\\nl2\\r\\tx\"", "LF, CR and TAB in short form");
    writer_string(&b, "\b\f\x01\x1f\x7f", 5);
    is_str(b.data, "\"\\u0008\\u000c\\u0001\\u001f\\u007f\"",
           "BS, FF, other controls and DEL as \\u00xx (lower-case hex)");
    writer_string(&b, "\0x", 2);
    is_str(b.data, "\"\\u0000x\"", "NUL inside a counted string");
    writer_string(&b, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb0", 14);
    is_str(b.data, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb0\"", "UTF-8 passes through");
    writer_string(&b, "a\xe2\x80\xa8" "b\xe2\x80\xa9", 8);
    is_str(b.data, "\"a\xe2\x80\xa8" "b\xe2\x80\xa9\"", "U+2028 and U+2029 are not escaped");
    writer_string(&b, "\x80\xff\xc3", 3);
    is_str(b.data, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"",
           "bytes that are not UTF-8 become U+FFFD, one each");
    writer_string(&b, "a\xc3(\xe2\x82z\xf0\x9f\x93", 9);
    is_str(b.data, "\"a\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"",
           "truncated sequences: each byte U+FFFD, the next character kept");
    writer_string(&b, "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80", 9);
    is_str(b.data, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                   "\xef\xbf\xbd\xef\xbf\xbd\"",
           "overlong, surrogate and above U+10FFFF: U+FFFD per byte");
    writer_string(&b, "esc\x1b[31m csi\xc2\x9b nel\xc2\x85 nbsp\xc2\xa0", 27);
    is_str(b.data, "\"esc\\u001b[31m csi\\u009b nel\\u0085 nbsp\xc2\xa0\"",
           "ESC and the C1 controls escaped, U+00A0 kept");
    cs_buf tk = {0};
    cs_json jk;
    cs_json_init(&jk, &tk, 0);
    cs_json_object(&jk);
    cs_json_kv_string(&jk, "k\xff", "v\xfe");
    cs_json_kv_lit_string(&jk, "p", "bad\xff.txt");
    cs_json_end_object(&jk);
    is_str(tk.data, "{\"k\xef\xbf\xbd\":\"v\xef\xbf\xbd\",\"p\":\"bad\xef\xbf\xbd.txt\"}",
           "keys and values of every writer are valid UTF-8");
    cs_buf_free(&tk);
    writer_string(&b, "0123456789abcdef\"0123456789abcdef", 33);
    is_str(b.data, "\"0123456789abcdef\\\"0123456789abcdef\"", "an escape between two clean words");
    cs_buf_free(&b);
}

static void test_escape_every_byte(void)
{
    int bad = 0;
    for (int c = 0; c < 256; c++) {
        char s[1] = {(char)c};
        bad += !escape_matches(s, 1);
    }
    is_int(bad, 0, "every byte value alone escapes as the reference");
    /* Every byte value at every position of strings of 1 to 33 bytes, so
     * that each lane of the sixteen- and eight-byte scans and each tail
     * length sees it. */
    bad = 0;
    char s[33];
    for (size_t len = 1; len <= sizeof s; len++)
        for (size_t pos = 0; pos < len; pos++)
            for (int c = 0; c < 256; c++) {
                memset(s, 'a', len);
                s[pos] = (char)c;
                bad += !escape_matches(s, len);
            }
    is_int(bad, 0, "every byte value at every position of 1- to 33-byte strings");
}

static void test_escape_random(void)
{
    /* Mostly plain text with a few bytes to escape and some UTF-8. */
    static const char alphabet[] = "abcdefghij ,.ABC\"\\\n\t\r\x01\x1f\x7f\x80\xc3\xa9\xe2\x82\xac\xc2\x9b\xf0\x9f\x93\xb0\xff";
    int bad = 0;
    char s[300];
    for (int t = 0; t < 5000; t++) {
        size_t len = (size_t)(rng() % sizeof s);
        int sparse = (int)(rng() % 4);
        for (size_t i = 0; i < len; i++) {
            uint64_t r = rng();
            s[i] = sparse && r % 16 ? (char)('a' + r % 26)
                                    : alphabet[(r >> 8) % (sizeof alphabet - 1)];
        }
        bad += !escape_matches(s, len);
    }
    is_int(bad, 0, "random strings escape as the reference");
    /* A long one grows the buffer several times on the way. */
    size_t len = 200000;
    char *big = malloc(len);
    for (size_t i = 0; i < len; i++)
        big[i] = i % 7 == 0 ? '"' : i % 11 == 0 ? '\x02' : 'x';
    ok(escape_matches(big, len), "a 200 KB string with many escapes");
    free(big);
}

/* ---- numbers ---- */

static void test_number_exact(void)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0, "0"},           {-0.0, "0"},        {0.0004, "0"},          {-0.0004, "0"},
        {0.0005, "0.001"},  {-0.0005, "-0.001"}, {1, "1"},              {-8, "-8"},
        {1.5, "1.5"},       {-6.8, "-6.8"},     {0.85, "0.85"},         {37.85, "37.85"},
        {-12.15, "-12.15"}, {2.125, "2.125"},   {1.0001, "1"},          {99.9999, "100"},
        {0.1, "0.1"},       {0.07, "0.07"},     {-0.007, "-0.007"},     {1e12, "1000000000000"},
        {123456.789, "123456.789"},             {1e15, "1000000000000000"},
        {1e16, "10000000000000000"},             {1e15 + 0.5, "1000000000000000.5"},
        /* 1e20 * 1000 is not exact in a double: it has always printed so */
        {1e20, "99999999999999983616"},
        /* v * 1000 overflows: printed as the integer it is, not "inf" */
        {-1e306, "-1000000000000000017216064596736454828831087825013238982328892017892380671244575047987920451875459594568606138861698291060311049225532948520696938805711440650122628514669428460356992624968028329550689224175284346730060716088829214255439694630119794546505512415617982143262670862918816362862119154749127262208"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[CS_JSON_NUMBER_MAX];
        cs_json_format_number(buf, cases[i].v);
        is_str(buf, cases[i].want, "number %.17g", cases[i].v);
    }
    cs_buf b = {0};
    cs_json j;
    cs_json_init(&j, &b, 0);
    cs_json_array(&j);
    cs_json_number(&j, NAN);
    cs_json_number(&j, INFINITY);
    cs_json_number(&j, -INFINITY);
    cs_json_end_array(&j);
    is_str(b.data, "[null,null,null]", "NaN and infinities are null");
    char buf[CS_JSON_NUMBER_MAX];
    cs_json_format_number(buf, NAN);
    is_str(buf, "null", "cs_json_format_number: NaN is null");
    cs_json_format_number(buf, DBL_MAX);
    ok(strlen(buf) == 309 && strspn(buf, "0123456789") == 309, "DBL_MAX: its 309 digits");
    cs_buf_free(&b);
}

static void test_number_sweep(void)
{
    /* Every multiple of 0.001 in [-10, 10], every 29th up to 200, and
     * neighbours. */
    int bad = 0;
    for (long k = -200000; k <= 200000; k++) {
        if (labs(k) > 10000 && k % 29)
            continue;
        double v = (double)k / 1000.0;
        bad += !number_matches(v);
        if (k % 7 == 0) {
            bad += !number_matches(nextafter(v, INFINITY));
            bad += !number_matches(nextafter(v, -INFINITY));
        }
    }
    is_int(bad, 0, "multiples of 0.001 up to 200 and neighbours");
    /* The halves between them, where rounding decides. */
    bad = 0;
    for (long k = -3000; k <= 3000; k++) {
        double v = ((double)k + 0.5) / 1000.0;
        bad += !number_matches(v);
        bad += !number_matches(nextafter(v, INFINITY));
        bad += !number_matches(nextafter(v, -INFINITY));
    }
    is_int(bad, 0, "halfway values x.xxx5 and neighbours");
}

static void test_number_edges(void)
{
    static const double edges[] = {
        1e12,   -1e12,   999999999999.9995, -999999999999.9995, 999999999999.999,
        1e15,   -1e15,   999999999999999.0, 4503599627370496.0, 4503599627370495.5,
        9007199254740993.0, 1e16, 1e20, -1e20, 1e300, -1e300, DBL_MAX, -DBL_MAX,
        DBL_MIN, -DBL_MIN, 4.9e-324, -4.9e-324, 1e-300, 0.1, 0.2, 0.3, 2.675, 1.005,
        1.0005, 8.325, 9.995, 0.125, 1234567.8915, 9223372036854775807.0,
        -9223372036854775808.0, 1.8446744073709552e19,
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        double v = edges[i];
        bad += !number_matches(v);
        bad += !number_matches(nextafter(v, INFINITY));
        bad += !number_matches(nextafter(v, -INFINITY));
    }
    is_int(bad, 0, "edge values around the fast path's limit, huge and tiny ones");
}

static void test_number_random(void)
{
    int bad = 0;
    for (int t = 0; t < 10000; t++) {
        uint64_t bits = rng();
        double v;
        memcpy(&v, &bits, sizeof v);
        bad += !number_matches(v); /* any double: NaN, infinities, subnormals */
    }
    is_int(bad, 0, "random bit patterns");
    bad = 0;
    for (int t = 0; t < 10000; t++) {
        /* A random value of a random magnitude from 1e-6 to 1e17. */
        double unit = (double)(rng() >> 11) / 9007199254740992.0;
        int e = (int)(rng() % 24) - 6;
        double v = (rng() & 1 ? -1 : 1) * unit * pow(10, e);
        bad += !number_matches(v);
    }
    is_int(bad, 0, "random values of every magnitude");
    bad = 0;
    for (int t = 0; t < 10000; t++) {
        /* Sums and products like the scorer's: weights times confidences. */
        double w = (double)((long)(rng() % 2001) - 1000) / 10.0;
        double c = (double)(rng() % 1001) / 1000.0;
        bad += !number_matches(w * c);
        bad += !number_matches(50 + w * c);
    }
    is_int(bad, 0, "weights times confidences");
}

/* ---- integers ---- */

static void test_int(void)
{
    static const long long cases[] = {0, 1, -1, 9, 10, 99, 100, 101, 999, 1000, -1000, 65535,
                                      1234567890123LL, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
    int bad = 0;
    cs_buf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0] + 100000; i++) {
        long long v;
        if (i < sizeof cases / sizeof cases[0])
            v = cases[i];
        else if (i % 3)
            v = (long long)((rng() >> (rng() % 64)) & INT64_MAX) * (rng() & 1 ? -1 : 1);
        else
            v = (long long)(i % 40 < 19 ? 1 : -1) * (long long)pow(10, (double)(i % 19)) +
                (long long)(i % 3) - 1;
        char want[32];
        snprintf(want, sizeof want, "%lld", v);
        cs_json j;
        b.len = 0;
        cs_json_init(&j, &b, 0);
        cs_json_int(&j, v);
        bad += strcmp(b.data, want) != 0;
    }
    is_int(bad, 0, "integers print as %%lld, LLONG_MIN and LLONG_MAX included");
    bad = 0; /* every small one: the digit paths for 1 to 4 digits and past */
    for (long long v = -20000; v <= 20000; v++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", v);
        cs_json jj;
        b.len = 0;
        cs_json_init(&jj, &b, 0);
        cs_json_int(&jj, v);
        bad += strcmp(b.data, want) != 0;
    }
    is_int(bad, 0, "every integer from -20000 to 20000 prints as %%lld");
    b.len = 0;
    cs_json j;
    cs_json_init(&j, &b, 0);
    cs_json_object(&j);
    cs_json_kv_lit_int(&j, "min", LLONG_MIN);
    cs_json_kv_int(&j, "max", LLONG_MAX);
    cs_json_end_object(&j);
    is_str(b.data, "{\"min\":-9223372036854775808,\"max\":9223372036854775807}", "int keys");
    cs_buf_free(&b);
}

/* ---- structure ---- */

/* Writes the same document through every kind of call. */
static void write_sample(cs_json *j)
{
    cs_json_object(j);
    cs_json_kv_lit_string(j, "id", "a\"1");
    cs_json_kv_string(j, "path", NULL);
    cs_json_kv_lit_string(j, "none", NULL);
    cs_json_key(j, "we\"ird\n");
    cs_json_int(j, 3);
    cs_json_key_lit(j, "empty_object");
    cs_json_object(j);
    cs_json_end_object(j);
    cs_json_key_lit(j, "empty_array");
    cs_json_array(j);
    cs_json_end_array(j);
    cs_json_key_lit(j, "list");
    cs_json_array(j);
    cs_json_int(j, 1);
    cs_json_number(j, 2.5);
    cs_json_string(j, "x");
    cs_json_stringn(j, "yz", 1);
    cs_json_plain_stringn(j, "plain", 5);
    cs_json_bool(j, 1);
    cs_json_bool(j, 0);
    cs_json_null(j);
    cs_json_raw(j, "{\"raw\":true}");
    cs_json_object(j);
    cs_json_kv_lit_bool(j, "t", 1);
    cs_json_kv_bool(j, "f", 0);
    cs_json_end_object(j);
    cs_json_end_array(j);
    cs_json_key_lit(j, "nested");
    cs_json_object(j);
    cs_json_kv_lit_number(j, "n", -0.25);
    cs_json_kv_number(j, "m", 1e16);
    cs_json_kv_lit_int(j, "i", -7);
    cs_json_kv_lit_stringn(j, "s", "abc", 2);
    cs_json_kv_stringn(j, "t", "\t", 1);
    cs_json_end_object(j);
    cs_json_end_object(j);
}

static void test_structure(void)
{
    cs_buf b = {0};
    cs_json j;
    cs_json_init(&j, &b, 0);
    write_sample(&j);
    ok(!cs_json_failed(&j), "compact: no error");
    is_str(b.data,
           "{\"id\":\"a\\\"1\",\"path\":null,\"none\":null,\"we\\\"ird\\n\":3,\"empty_object\":{},"
           "\"empty_array\":[],\"list\":[1,2.5,\"x\",\"y\",\"plain\",true,false,null,{\"raw\":true},"
           "{\"t\":true,\"f\":false}],\"nested\":{\"n\":-0.25,\"m\":10000000000000000,"
           "\"i\":-7,\"s\":\"ab\",\"t\":\"\\t\"}}",
           "compact document");
    b.len = 0;
    cs_json_init(&j, &b, 1);
    write_sample(&j);
    ok(!cs_json_failed(&j), "pretty: no error");
    is_str(b.data,
           "{\n"
           "  \"id\": \"a\\\"1\",\n"
           "  \"path\": null,\n"
           "  \"none\": null,\n"
           "  \"we\\\"ird\\n\": 3,\n"
           "  \"empty_object\": {},\n"
           "  \"empty_array\": [],\n"
           "  \"list\": [\n"
           "    1,\n"
           "    2.5,\n"
           "    \"x\",\n"
           "    \"y\",\n"
           "    \"plain\",\n"
           "    true,\n"
           "    false,\n"
           "    null,\n"
           "    {\"raw\":true},\n"
           "    {\n"
           "      \"t\": true,\n"
           "      \"f\": false\n"
           "    }\n"
           "  ],\n"
           "  \"nested\": {\n"
           "    \"n\": -0.25,\n"
           "    \"m\": 10000000000000000,\n"
           "    \"i\": -7,\n"
           "    \"s\": \"ab\",\n"
           "    \"t\": \"\\t\"\n"
           "  }\n"
           "}",
           "pretty document");
    /* Two top-level values in a row (a JSONL stream) get no separator. */
    b.len = 0;
    cs_json_init(&j, &b, 0);
    cs_json_int(&j, 1);
    cs_json_int(&j, 2);
    is_str(b.data, "12", "top-level values are not separated");
    cs_buf_free(&b);
}

/* Values written apart (cs_json_init_at) and spliced in come out as the
 * same values written in place, compact and pretty. */
static void test_splice(void)
{
    for (int pretty = 0; pretty <= 1; pretty++) {
        cs_buf whole = {0}, spliced = {0}, frag = {0};
        cs_json j;
        cs_json_init(&j, &whole, pretty);
        cs_json_object(&j);
        cs_json_key_lit(&j, "articles");
        cs_json_array(&j);
        for (int i = 0; i < 3; i++) {
            cs_json_object(&j);
            cs_json_kv_lit_int(&j, "n", i);
            cs_json_end_object(&j);
        }
        cs_json_end_array(&j);
        cs_json_end_object(&j);
        cs_json_init(&j, &spliced, pretty);
        cs_json_object(&j);
        cs_json_key_lit(&j, "articles");
        cs_json_array(&j);
        for (int i = 0; i < 3; i++) {
            cs_json part;
            frag.len = 0;
            cs_json_init_at(&part, &frag, pretty, 2);
            cs_json_object(&part);
            cs_json_kv_lit_int(&part, "n", i);
            cs_json_end_object(&part);
            cs_json_splice(&j, frag.data, frag.len);
        }
        cs_json_end_array(&j);
        cs_json_end_object(&j);
        is_str(spliced.data, whole.data, "%s: spliced values as if written in place",
               pretty ? "pretty" : "compact");
        cs_buf_free(&whole);
        cs_buf_free(&spliced);
        cs_buf_free(&frag);
    }
}

/* A run of members (cs_json_run_*) writes the bytes of the same members
 * written one by one, compact and pretty, as the first members of an
 * object and after others, numbers on the fast and the slow path; a
 * member past the count begun with fails the writer. */
static void test_run(void)
{
    static const double numbers[] = {0, -0.0, 2.5, -1.0005, 1e12, -3e15, 1e300, NAN, INFINITY};
    const size_t nnum = sizeof numbers / sizeof numbers[0];
    for (int pretty = 0; pretty <= 1; pretty++) {
        for (int before = 0; before <= 1; before++) {
            cs_buf one = {0}, run = {0};
            cs_json j;
            cs_json_init(&j, &one, pretty);
            cs_json_object(&j);
            if (before)
                cs_json_kv_lit_string(&j, "x", "y");
            cs_json_kv_lit_int(&j, "first", LLONG_MIN);
            for (size_t k = 0; k < nnum; k++)
                cs_json_kv_lit_number(&j, "number_with_a_long_key", numbers[k]);
            cs_json_kv_lit_int(&j, "last", 42);
            cs_json_kv_lit_bool(&j, "after", 1);
            cs_json_end_object(&j);
            cs_json_init(&j, &run, pretty);
            cs_json_object(&j);
            if (before)
                cs_json_kv_lit_string(&j, "x", "y");
            cs_json_run r;
            cs_json_run_begin(&r, &j, nnum + 2);
            cs_json_run_int(&r, "first", LLONG_MIN);
            for (size_t k = 0; k < nnum; k++)
                cs_json_run_number(&r, "number_with_a_long_key", numbers[k]);
            cs_json_run_int(&r, "last", 42);
            cs_json_run_end(&r);
            cs_json_kv_lit_bool(&j, "after", 1);
            cs_json_end_object(&j);
            ok(!cs_json_failed(&j), "run: no error");
            is_str(run.data, one.data, "run (%s, %s): the bytes of the members one by one",
                   pretty ? "pretty" : "compact", before ? "after a member" : "first members");
            cs_buf_free(&one);
            cs_buf_free(&run);
        }
    }
    cs_buf b = {0};
    cs_json j;
    cs_json_init(&j, &b, 0);
    cs_json_object(&j);
    cs_json_run r;
    cs_json_run_begin(&r, &j, 1);
    cs_json_run_int(&r, "a", 1);
    cs_json_run_int(&r, "b", 2);
    cs_json_run_end(&r);
    ok(cs_json_failed(&j), "run: a member past the count begun with fails the writer");
    cs_buf_free(&b);
}

static void test_depth_limit(void)
{
    cs_buf b = {0};
    cs_json j;
    cs_json_init(&j, &b, 0);
    for (int i = 0; i < CS_JSON_MAX_DEPTH; i++)
        cs_json_array(&j);
    ok(!cs_json_failed(&j), "%d nested arrays are fine", CS_JSON_MAX_DEPTH);
    for (int i = 0; i < CS_JSON_MAX_DEPTH; i++)
        cs_json_end_array(&j);
    is_int(b.len, 2 * CS_JSON_MAX_DEPTH, "and close again");
    cs_json_array(&j);
    for (int i = 0; i < CS_JSON_MAX_DEPTH; i++)
        cs_json_array(&j);
    ok(cs_json_failed(&j), "one more level is an error");
    cs_buf_free(&b);
}

int main(void)
{
    test_escape_exact();
    test_escape_every_byte();
    test_escape_random();
    test_number_exact();
    test_number_sweep();
    test_number_edges();
    test_number_random();
    test_int();
    test_structure();
    test_splice();
    test_run();
    test_depth_limit();
    cs_buf_free(&number_out);
    return done_testing();
}
