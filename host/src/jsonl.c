/* jsonl.c - one record of a JSONL article stream (contract in jsonl.h). */
#include "jsonl.h"

#include <stdio.h>

#include "buf.h"

int cs_jsonl_parse_record(const char *line, size_t len, json_t **root, char **id,
                          const char **text, size_t *text_len, cs_format *fmt, char *err,
                          size_t errlen)
{
    json_error_t je;
    *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (*root == NULL) {
        snprintf(err, errlen, "malformed JSON at column %d: %s", je.column, je.text);
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
