/* test_jsonl.c - the JSONL record reader: the scanner of cs_jsonl_read
 * against the jansson reference cs_jsonl_parse_record, line by line (same
 * acceptance, id, text, format and message), on crafted lines, on every
 * prefix of a few records and on random mutations of records; then exact
 * expectations for some of them and for buffer reuse. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "splitmix.h"
#include "tap.h"

/* A line with an explicit length (crafted lines may hold NUL bytes). */
typedef struct line {
    const char *s;
    size_t len; /* 0: strlen(s) */
} test_line;

#define L(s) {s, sizeof(s) - 1}

static const test_line crafted[] = {
    /* records the scanner reads itself */
    L("{\"id\":\"a\",\"text\":\"hello\"}"),
    L(" \t{ \r\"id\" \t: \"a\" , \"text\"\n:\"x\" } \t\r"),
    L("{\"text\":\"t\",\"id\":\"b\"}"),
    L("{\"id\":\"f\",\"text\":\"x\",\"format\":\"markdown\"}"),
    L("{\"id\":\"f\",\"format\":\"md\",\"text\":\"x\"}"),
    L("{\"id\":\"f\",\"format\":\"html\",\"text\":\"x\"}"),
    L("{\"id\":\"f\",\"format\":\"auto\",\"text\":\"x\"}"),
    L("{\"id\":\"f\",\"format\":\"plain\",\"text\":\"x\"}"),
    L("{\"id\":\"f\",\"format\":\"mark\\u0064own\",\"text\":\"x\"}"),
    L("{\"id\":\"e\",\"text\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"}"),
    L("{\"id\":\"u\",\"text\":\"\\u00e9\\u20AC\\uD83D\\uDE00\\u0041\\u007f\\u0080\\u07FF"
      "\\u0800\\uFFFF\"}"),
    L("{\"id\":\"u\",\"text\":\"\\udbff\\udfff \\ud800\\udc00\"}"),
    L("{\"id\":\"r\",\"text\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf "
      "\xef\xbf\xbf\"}"),
    L("{\"id\":\"\xc3\xa9\xe2\x82\xac\",\"text\":\"x\"}"),
    L("{\"id\":\"\",\"text\":\"\"}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"source\":\"wire\",\"n\":3,\"f\":-1.25,\"t\":true,"
      "\"u\":false,\"z\":null}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"\":\"empty key\"}"),
    L("{\"id\":7,\"text\":\"x\"}"),
    L("{\"id\":-7,\"text\":\"x\"}"),
    L("{\"id\":0,\"text\":\"x\"}"),
    L("{\"id\":-0,\"text\":\"x\"}"),
    L("{\"id\":123456789012345678,\"text\":\"x\"}"),
    L("{\"id\":-123456789012345678,\"text\":\"x\"}"),
    /* records the reference reads (big numbers, exponents, nesting, NUL) */
    L("{\"id\":1234567890123456789,\"text\":\"x\"}"),
    L("{\"id\":9223372036854775807,\"text\":\"x\"}"),
    L("{\"id\":-9223372036854775808,\"text\":\"x\"}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":1e3}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":-1.0E-2}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":1e-400}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":12345678901234567890.5}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"meta\":{\"a\":1,\"b\":[1,2,{\"c\":null}]}}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"tags\":[\"a\",\"b\"]}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"e\":{},\"a\":[]}"),
    L("{\"id\":\"k\",\"text\":\"a\\u0000b\"}"),
    L("{\"id\":\"k\\u0000z\",\"text\":\"x\"}"),
    L("{\"id\":\"k\",\"format\":\"md\\u0000x\",\"text\":\"x\"}"),
    L("{\"i\\u0064\":\"k\",\"text\":\"x\"}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"\\u00e9\":1}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"\xc3\xa9\":1}"),
    L("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,"
      "\"k\":11,\"l\":12,\"m\":13,\"n\":14,\"o\":15,\"p\":16,\"q\":17,"
      "\"id\":\"many\",\"text\":\"x\"}"),
    /* errors: numbers */
    L("{\"id\":9223372036854775808,\"text\":\"x\"}"),
    L("{\"id\":-9223372036854775809,\"text\":\"x\"}"),
    L("{\"id\":99999999999999999999999,\"text\":\"x\"}"),
    L("{\"id\":1.5,\"text\":\"x\"}"),
    L("{\"id\":1e3,\"text\":\"x\"}"),
    L("{\"id\":1E+3,\"text\":\"x\"}"),
    L("{\"id\":01,\"text\":\"x\"}"),
    L("{\"id\":-,\"text\":\"x\"}"),
    L("{\"id\":-a,\"text\":\"x\"}"),
    L("{\"id\":1.,\"text\":\"x\"}"),
    L("{\"id\":.5,\"text\":\"x\"}"),
    L("{\"id\":+1,\"text\":\"x\"}"),
    L("{\"id\":1x,\"text\":\"x\"}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":1e400}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":-1e400}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":1e}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":1e+}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":00}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":-01.5}"),
    L("{\"id\":\"k\",\"text\":\"x\",\"n\":0x10}"),
    /* errors: types */
    L("{\"id\":null,\"text\":\"x\"}"),
    L("{\"id\":true,\"text\":\"x\"}"),
    L("{\"id\":{},\"text\":\"x\"}"),
    L("{\"id\":[\"a\"],\"text\":\"x\"}"),
    L("{\"id\":\"a\",\"text\":7}"),
    L("{\"id\":\"a\",\"text\":null}"),
    L("{\"id\":\"a\",\"text\":[\"x\"]}"),
    L("{\"id\":\"a\"}"),
    L("{\"text\":\"x\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":\"pdf\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":\"MarkDown\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":1}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":null}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":\"\"}"),
    /* errors: literals */
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":tru}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":truex}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":True}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":nul}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":nulll}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":false1}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"t\":undefined}"),
    /* errors: duplicate keys */
    L("{\"id\":\"a\",\"id\":\"b\",\"text\":\"x\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"text\":\"y\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"format\":\"md\",\"format\":\"md\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"o\":1,\"o\":2}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"i\\u0064\":\"b\"}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"meta\":{\"a\":1,\"a\":2}}"),
    L("{\"id\":\"a\",\"text\":\"x\",\"\":1,\"\":2}"),
    /* errors: escapes and surrogates */
    L("{\"id\":\"u\",\"text\":\"\\uD83D\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uD83Dx\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uD83D\\u0041\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uD83D\\n\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uD83D\\uD83D\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uDE00\"}"),
    L("{\"id\":\"u\",\"text\":\"\\uDE00\\uD83D\"}"),
    L("{\"id\":\"u\",\"text\":\"\\u12G4\"}"),
    L("{\"id\":\"u\",\"text\":\"\\u12\"}"),
    L("{\"id\":\"u\",\"text\":\"\\u\"}"),
    L("{\"id\":\"u\",\"text\":\"\\x41\"}"),
    L("{\"id\":\"u\",\"text\":\"\\'\"}"),
    L("{\"id\":\"u\",\"text\":\"\\U0041\"}"),
    L("{\"id\":\"u\",\"text\":\"\\\"}"),
    L("{\"id\":\"u\",\"text\":\"ends with a backslash\\"),
    /* errors: raw bytes */
    L("{\"id\":\"r\",\"text\":\"a\tb\"}"),
    L("{\"id\":\"r\",\"text\":\"a\x01" "b\"}"),
    L("{\"id\":\"r\",\"text\":\"a\x1f" "b\"}"),
    L("{\"id\":\"r\",\"text\":\"a\0b\"}"),
    L("{\"id\":\"r\",\"text\":\"x\"}\0"),
    L("\0{\"id\":\"r\",\"text\":\"x\"}"),
    L("{\"id\":\"r\",\"text\":\"a\x7f" "b\"}"),
    L("{\"id\":\"r\",\"text\":\"\xc3\"}"),
    L("{\"id\":\"r\",\"text\":\"\xc3(\"}"),
    L("{\"id\":\"r\",\"text\":\"\xc0\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xc1\xbf\"}"),
    L("{\"id\":\"r\",\"text\":\"\xe0\x80\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xed\xa0\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xed\xbf\xbf\"}"),
    L("{\"id\":\"r\",\"text\":\"\xf0\x80\x80\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xf4\x90\x80\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xf5\x80\x80\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xff\"}"),
    L("{\"id\":\"r\",\"text\":\"\x80\"}"),
    L("{\"id\":\"r\",\"text\":\"\xe2\x82\"}"),
    L("{\"id\":\"r\",\"text\":\"x\"} \xc3\xa9"),
    L("{\"id\":\"r\",\"text\":\"x\"} \xff"),
    L("{\"id\":\"r\",\"text\":\"x\",\"o\":\"\xff\"}"),
    L("\xef\xbb\xbf{\"id\":\"bom\",\"text\":\"x\"}"),
    /* errors: structure */
    L("{\"id\":\"a\",\"text\":\"x\"} x"),
    L("{\"id\":\"a\",\"text\":\"x\"}}"),
    L("{\"id\":\"a\",\"text\":\"x\"},"),
    L("{\"id\":\"a\",\"text\":\"x\"} {}"),
    L("{\"id\":\"a\",\"text\":\"x\",}"),
    L("{\"id\":\"a\" \"text\":\"x\"}"),
    L("{\"id\" \"a\",\"text\":\"x\"}"),
    L("{\"id\":\"a\",,\"text\":\"x\"}"),
    L("{,\"id\":\"a\",\"text\":\"x\"}"),
    L("{'id':'a','text':'x'}"),
    L("{id:\"a\",text:\"x\"}"),
    L("{\"id\":\"a\",\"text\":\"x\"\x0b}"),
    L("{\"id\":\"a\",\"text\":\"x\"\x0c}"),
    L("{\"id\":\"a\"\xc2\xa0,\"text\":\"x\"}"),
    L("{}"),
    L("{ }"),
    L("[]"),
    L("[{\"id\":\"a\",\"text\":\"x\"}]"),
    L("\"str\""),
    L("1"),
    L("null"),
    L("true"),
    L(""),
    L(" "),
    L("{"),
    L("}"),
    L("not json at all"),
    L("{\"id\":\"a\",\"text\":\"x\"]"),
    L("{\"id\":\"a\",\"text\":\"x\"\r\n"),
};

/* Records whose every prefix is read too (truncated lines). */
static const char *const prefixed[] = {
    "{\"id\":\"p\",\"text\":\"A \\\"quote\\\", caf\xc3\xa9 \\u00e9\\uD83D\\uDE00 "
    "\xf0\x9f\x98\x80\\n\","
    "\"format\":\"markdown\",\"n\":-12.5,\"b\":true,\"z\":null}",
    " { \"id\" : -42 , \"text\" : \"x\" } ",
};

/* Does the reader give what the reference gives for this line?  On a
 * difference, says what in why. */
static int same_as_reference(cs_jsonl_reader *r, const char *s, size_t len, cs_format dflt,
                             char *why, size_t whylen)
{
    json_t *root = NULL;
    char *id = NULL, *id_json = NULL;
    const char *text = NULL;
    size_t text_len = 0;
    cs_format fmt = dflt;
    char err[CS_JSONL_ERR_MAX];
    cs_jsonl_record rec;
    int same = 0;
    err[0] = '\0';
    int want = cs_jsonl_parse_record(s, len, &root, &id, &id_json, &text, &text_len, &fmt, err,
                                     sizeof err);
    int got = cs_jsonl_read(r, s, len, dflt, &rec);
    if (got != want) {
        snprintf(why, whylen, "status %d, reference %d (%s)", got, want, want ? err : "");
        goto out;
    }
    if ((rec.id == NULL) != (id == NULL) || (id && strcmp(rec.id, id) != 0)) {
        snprintf(why, whylen, "id '%s', reference '%s'", rec.id ? rec.id : "(null)",
                 id ? id : "(null)");
        goto out;
    }
    if ((rec.id_json == NULL) != (id_json == NULL) ||
        (id_json && strcmp(rec.id_json, id_json) != 0)) {
        snprintf(why, whylen, "id as JSON '%s', reference '%s'",
                 rec.id_json ? rec.id_json : "(null)", id_json ? id_json : "(null)");
        goto out;
    }
    if (want != 0) {
        if (rec.err == NULL || strcmp(rec.err, err) != 0) {
            snprintf(why, whylen, "message '%s', reference '%s'", rec.err ? rec.err : "(null)",
                     err);
            goto out;
        }
        same = 1;
        goto out;
    }
    if (rec.text_len != text_len || memcmp(rec.text, text, text_len) != 0 ||
        rec.text[text_len] != '\0') {
        snprintf(why, whylen, "text differs (%zu bytes, reference %zu)", rec.text_len, text_len);
        goto out;
    }
    if (rec.fmt != fmt) {
        snprintf(why, whylen, "format %d, reference %d", (int)rec.fmt, (int)fmt);
        goto out;
    }
    same = 1;
out:
    json_decref(root);
    free(id);
    free(id_json);
    return same;
}


/* Bytes and pieces a mutation inserts: JSON syntax, escapes, UTF-8. */
static const char *const pieces[] = {
    "\"", "\\", ":", ",", "{", "}", "[", "]", " ", "\t", "\r", "\n", "0", "1", "-", ".", "e",
    "E", "+", "x", "\\u", "\\uD83D", "\\uDE00", "\\u0000", "\\n", "\\\"", "\xc3", "\xa9",
    "\xc3\xa9", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xff", "\x01", "true", "null",
    "\"id\":", "\"text\":", "\"format\":", "\"md\"", "1e400", "9223372036854775808",
    "{\"a\":1}", "\0",
};

/* One random mutation of seed into out (1 to 4 edits). */
static size_t mutate(const char *seed, uint64_t *rng, char *out, size_t cap)
{
    size_t len = strlen(seed);
    memcpy(out, seed, len);
    int edits = 1 + (int)(splitmix64_next(rng) % 4);
    for (int e = 0; e < edits; e++) {
        size_t at = len ? (size_t)(splitmix64_next(rng) % (len + 1)) : 0;
        unsigned kind = (unsigned)(splitmix64_next(rng) % 3);
        if (kind == 0 && at < len) { /* delete one to three bytes */
            size_t n = 1 + (size_t)(splitmix64_next(rng) % 3);
            if (n > len - at)
                n = len - at;
            memmove(out + at, out + at + n, len - at - n);
            len -= n;
        } else { /* insert (kind 1) or replace (kind 2) with a piece */
            size_t pi = (size_t)(splitmix64_next(rng) % (sizeof pieces / sizeof pieces[0]));
            const char *piece = pieces[pi];
            size_t n = piece[0] ? strlen(piece) : 1;
            if (kind == 2 && at < len) {
                memmove(out + at, out + at + 1, len - at - 1);
                len--;
            }
            if (len + n > cap)
                continue;
            memmove(out + at + n, out + at, len - at);
            memcpy(out + at, piece, n);
            len += n;
        }
    }
    return len;
}

static void differential(cs_jsonl_reader *r)
{
    char why[600];
    size_t scanned = 0, failures = 0;
    for (size_t i = 0; i < sizeof crafted / sizeof crafted[0]; i++) {
        const test_line *l = &crafted[i];
        for (int f = 0; f < 2; f++) {
            cs_format dflt = f ? CS_FORMAT_MARKDOWN : CS_FORMAT_TEXT;
            if (!ok(same_as_reference(r, l->s, l->len, dflt, why, sizeof why),
                    "crafted line %zu (default format %d) as the reference", i + 1, (int)dflt))
                printf("#   %s\n#   line: %.*s\n", why, (int)l->len, l->s);
            scanned += !r->used_reference;
        }
    }
    ok(scanned >= 40, "the scanner itself read %zu of the crafted lines", scanned);

    for (size_t i = 0; i < sizeof prefixed / sizeof prefixed[0]; i++) {
        size_t len = strlen(prefixed[i]), bad = 0;
        for (size_t n = 0; n <= len; n++)
            if (!same_as_reference(r, prefixed[i], n, CS_FORMAT_TEXT, why, sizeof why)) {
                if (bad++ == 0)
                    printf("#   prefix of %zu bytes: %s\n", n, why);
            }
        ok(bad == 0, "every prefix of record %zu as the reference (%zu differ)", i + 1, bad);
    }

    /* Random mutations of good records. */
    static const char *const seeds[] = {
        "{\"id\":\"m\",\"text\":\"Officials said \\\"no\\\" on Friday.\\nCaf\xc3\xa9 \\u00e9.\"}",
        "{\"id\":12,\"text\":\"x\",\"format\":\"html\",\"n\":1.5,\"t\":false}",
        " {\"text\":\"\\uD83D\\uDE00 \xf0\x9f\x98\x80\", \"id\" : \"s\" } ",
    };
    uint64_t rng = 42;
    char buf[512];
    size_t runs = 0, scanned_random = 0;
    for (int k = 0; k < 60000; k++) {
        const char *seed = seeds[k % 3];
        size_t len = mutate(seed, &rng, buf, sizeof buf);
        runs++;
        if (!same_as_reference(r, buf, len, CS_FORMAT_TEXT, why, sizeof why)) {
            if (failures++ < 5)
                printf("#   mutation %d: %s\n#   line: %.*s\n", k, why, (int)len, buf);
        }
        scanned_random += !r->used_reference;
    }
    ok(failures == 0, "%zu random mutations as the reference (%zu differ, %zu read by the scanner)",
       runs, failures, scanned_random);
    ok(scanned_random > 1000, "the scanner read many of the mutations itself");
}

/* Read one NUL-terminated line with the default format text. */
static int read_line(cs_jsonl_reader *r, const char *s, cs_jsonl_record *rec)
{
    return cs_jsonl_read(r, s, strlen(s), CS_FORMAT_TEXT, rec);
}

static void exact(cs_jsonl_reader *r)
{
    cs_jsonl_record rec;
    is_int(read_line(r, "{\"id\":\"a\",\"text\":\"hello\"}", &rec), 0, "plain record");
    is_int(r->used_reference, 0, "plain record: read by the scanner");
    is_str(rec.id, "a", "plain record: id");
    is_str(rec.text, "hello", "plain record: text");
    is_int(rec.text_len, 5, "plain record: length");
    is_int(rec.fmt, CS_FORMAT_TEXT, "plain record: the default format");

    is_int(read_line(r, " { \"text\" : \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\" , \"id\" : -0 } ", &rec), 0,
           "escapes, spaces, id last");
    is_int(r->used_reference, 0, "escapes: read by the scanner");
    is_str(rec.id, "0", "-0 is written 0");
    is_str(rec.text, "q\"\\/\b\f\n\r\t", "escapes unescaped");

    is_int(read_line(r, "{\"id\":-123456789012345678,\"text\":\"\\u00e9\\uD83D\\uDE00\\u20ac\","
                        "\"format\":\"md\",\"meta\":\"x\"}",
                     &rec),
           0, "unicode escapes");
    is_int(r->used_reference, 0, "unicode escapes: read by the scanner");
    is_str(rec.id, "-123456789012345678", "negative integer id");
    is_str(rec.text, "\xc3\xa9\xf0\x9f\x98\x80\xe2\x82\xac", "escapes become UTF-8");
    is_int(rec.fmt, CS_FORMAT_MARKDOWN, "format md");

    is_int(read_line(r, "{\"id\":9223372036854775807,\"text\":\"x\"}", &rec), 0, "largest id");
    is_int(r->used_reference, 1, "a 19-digit id goes to the reference");
    is_str(rec.id, "9223372036854775807", "and reads the same");

    is_int(read_line(r, "{\"id\":\"k\",\"text\":\"a\\u0000b\"}", &rec), 0, "\\u0000 in the text");
    is_int(r->used_reference, 1, "\\u0000 goes to the reference");
    is_int(rec.text_len, 3, "and counts in the length");

    is_int(read_line(r, "{\"id\":\"k\",\"text\":\"x\",\"meta\":{\"a\":[1,2]}}", &rec), 0,
           "nested value in another key");
    is_str(rec.text, "x", "nested value: text");

    is_int(read_line(r, "{\"id\":\"a\",\"text\":\"x\",\"text\":\"y\"}", &rec), -1, "duplicate key");
    is_str(rec.err, "malformed JSON at column 27: duplicate object key near '\"text\"'",
           "duplicate key: message");

    is_int(read_line(r, "{\"id\":\"a\"}", &rec), -1, "no text");
    is_str(rec.err, "missing \"text\" (a string)", "no text: message");
    is_str(rec.id, "a", "no text: the id is known");

    is_int(read_line(r, "{\"id\":1.5,\"text\":\"x\"}", &rec), 0, "a fraction as id");
    is_str(rec.id_json, "1.5", "fraction id: echoed as the number");
    is_str(rec.id, "1.5", "fraction id: its text");
    is_int(read_line(r, "{\"id\":7,\"text\":\"x\"}", &rec), 0, "an integer id");
    is_str(rec.id_json, "7", "integer id: echoed as the number");
    is_int(read_line(r, "{\"id\":\"q\\\"\",\"text\":\"x\"}", &rec), 0, "a string id");
    is_str(rec.id_json, "\"q\\\"\"", "string id: echoed as the JSON string");
    is_str(rec.id, "q\"", "string id: its value");
    is_int(read_line(r, "{\"id\":1.50,\"text\":\"x\"}", &rec), 0, "1.50 as id");
    is_str(rec.id_json, "1.5", "1.50 is echoed in its shortest form");
    is_int(read_line(r, "{\"id\":1e2,\"text\":\"x\"}", &rec), 0, "1e2 as id");
    is_str(rec.id_json, "100", "1e2 is echoed as 100");
    is_int(read_line(r, "{\"id\":true,\"text\":\"x\"}", &rec), -1, "a boolean as id");
    is_str(rec.err, "\"id\" must be a string or a number, not a boolean", "boolean id: message");
    ok(rec.id == NULL && rec.id_json == NULL, "boolean id: no id");
    is_int(read_line(r, "{\"id\":{},\"text\":\"x\"}", &rec), -1, "an object as id");
    is_str(rec.err, "\"id\" must be a string or a number, not an object", "object id: message");
    is_int(read_line(r, "{\"id\":null,\"text\":\"x\"}", &rec), -1, "null as id");
    is_str(rec.err, "\"id\" must be a string or a number, not null", "null id: message");
    is_int(read_line(r, "{\"text\":\"x\"}", &rec), -1, "no id");
    is_str(rec.err, "missing \"id\" (a string or a number)", "no id: message");

    is_int(read_line(r, "{\"id\":\"u\",\"text\":\"\\uDE00\"}", &rec), -1, "lone low surrogate");
    is_int(read_line(r, "{\"id\":\"u\",\"text\":\"\xed\xa0\x80\"}", &rec), -1, "raw surrogate");
    is_int(read_line(r, "{\"id\":\"a\",\"text\":\"x\",\"format\":\"pdf\"}", &rec), -1,
           "bad format");
    is_str(rec.err, "\"format\" must be \"text\", \"markdown\" or \"html\"", "bad format: message");
    is_int(read_line(r, "[1]", &rec), -1, "not an object");
    is_str(rec.err, "expected a JSON object with \"id\" and \"text\"", "not an object: message");

    /* Buffers are reused: a long text, then a short one, then the reference. */
    size_t big = 200000;
    char *line = malloc(big + 64);
    if (line == NULL) {
        ok(0, "memory for the long line");
        return;
    }
    int n = snprintf(line, 64, "{\"id\":\"long\",\"text\":\"");
    for (size_t i = 0; i < big; i++)
        line[n + i] = i % 97 == 96 ? ' ' : (char)('a' + i % 26);
    memcpy(line + n + big, "\"}", 3);
    is_int(cs_jsonl_read(r, line, strlen(line), CS_FORMAT_TEXT, &rec), 0, "long record");
    is_int(rec.text_len, big, "long record: length");
    ok(rec.text[0] == 'a' && rec.text[big - 1] == line[n + big - 1], "long record: bytes");
    is_int(read_line(r, "{\"id\":\"s\",\"text\":\"short\"}", &rec), 0, "short record after it");
    is_str(rec.text, "short", "short record: text");
    is_int(read_line(r, "{\"id\":\"s\",\"text\":\"x\",\"m\":[]}", &rec), 0, "reference after it");
    is_int(read_line(r, "{\"id\":\"t\",\"text\":\"back\"}", &rec), 0, "scanner again");
    is_str(rec.id, "t", "scanner again: id");
    free(line);
}

/* The scanner reads strings sixteen and eight bytes at a time, and a run's
 * last eight bytes in one: a non-ASCII character,
 * a broken UTF-8 sequence and a raw control character at every place of
 * such a block, in the text and in another key's value.  A good
 * character is read by the scanner itself, with the same text as the
 * reference; a bad byte gets the reference's answer. */
static void byte_lanes(cs_jsonl_reader *r)
{
    static const char *const good[] = {"\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80"};
    static const char *const bad[] = {"\x80", "\xc3", "\xe2\x80", "\x01", "\x1f", "\xff"};
    char line[256], text[128], why[600];
    int not_scanned = 0, wrong = 0, differ = 0;
    for (int in_other = 0; in_other < 2; in_other++) {
        for (size_t k = 0; k < 40; k++) {
            for (size_t g = 0; g < sizeof good / sizeof good[0]; g++) {
                memset(text, 'a', k);
                snprintf(text + k, sizeof text - k, "%s tail of the text\\n", good[g]);
                int n = snprintf(line, sizeof line,
                                 in_other ? "{\"id\":\"l\",\"note\":\"%s\",\"text\":\"x\"}"
                                          : "{\"id\":\"l\",\"text\":\"%s\"}",
                                 text);
                if (!same_as_reference(r, line, (size_t)n, CS_FORMAT_TEXT, why, sizeof why) &&
                    differ++ == 0)
                    printf("#   %s\n#   line: %s\n", why, line);
                not_scanned += r->used_reference;
                cs_jsonl_record rec;
                cs_jsonl_read(r, line, (size_t)n, CS_FORMAT_TEXT, &rec);
                text[strlen(text) - 2] = '\n';
                text[strlen(text) - 1] = '\0';
                if (!in_other && (rec.text == NULL || strcmp(rec.text, text) != 0) &&
                    wrong++ == 0)
                    printf("#   text '%s', want '%s'\n", rec.text ? rec.text : "(null)", text);
            }
            for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
                memset(text, 'a', k);
                snprintf(text + k, sizeof text - k, "%s tail", bad[b]);
                int n = snprintf(line, sizeof line,
                                 in_other ? "{\"id\":\"l\",\"note\":\"%s\",\"text\":\"x\"}"
                                          : "{\"id\":\"l\",\"text\":\"%s\"}",
                                 text);
                if (!same_as_reference(r, line, (size_t)n, CS_FORMAT_TEXT, why, sizeof why) &&
                    differ++ == 0)
                    printf("#   %s\n#   line: %s\n", why, line);
            }
        }
    }
    is_int(differ, 0, "a character or a bad byte after 0 to 39 bytes: as the reference");
    is_int(not_scanned, 0, "good characters after 0 to 39 bytes: read by the scanner");
    is_int(wrong, 0, "good characters after 0 to 39 bytes: the text");
}

int main(void)
{
    cs_jsonl_reader r;
    cs_jsonl_reader_init(&r);
    differential(&r);
    exact(&r);
    byte_lanes(&r);
    cs_jsonl_reader_free(&r);
    /* A reader that never read anything frees cleanly too. */
    cs_jsonl_reader_init(&r);
    cs_jsonl_reader_free(&r);
    return done_testing();
}
