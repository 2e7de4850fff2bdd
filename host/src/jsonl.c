/* jsonl.c - one record of a JSONL article stream (contract in jsonl.h). */
#include "jsonl.h"

#include <stdio.h>

#include "buf.h"

/* Length of the valid UTF-8 character at s (NUL-terminated), or 0. */
static size_t utf8_char(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n;
    unsigned cp, min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; cp = c & 0x07; }
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) /* also stops at the NUL */
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : n;
}

/* jansson quotes the raw input near a syntax error ("near '...'"), cut at
 * any byte: whatever is not valid UTF-8 in the message becomes '?', so
 * that the error line written from it is valid JSON. */
static void clean_utf8(char *msg)
{
    unsigned char *s = (unsigned char *)msg;
    while (*s) {
        size_t n = utf8_char(s);
        if (n == 0) {
            *s++ = '?';
            continue;
        }
        s += n;
    }
}

int cs_jsonl_parse_record(const char *line, size_t len, json_t **root, char **id,
                          const char **text, size_t *text_len, cs_format *fmt, char *err,
                          size_t errlen)
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
    char buf[64];
    if (json_is_string(jid)) {
        *id = cs_strdup(json_string_value(jid));
    } else if (json_is_integer(jid)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        *id = cs_strdup(buf);
    } else {
        snprintf(err, errlen, "missing \"id\" (a string or an integer)");
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
