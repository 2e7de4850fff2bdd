/* serve_body.c - read the article of POST /v1/score (serve_body.h). */
#include "serve_body.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "serve_error.h"

serve_body_kind serve_body_kind_of(const char *ct, cs_format *fmt)
{
    static const struct {
        const char *type;
        serve_body_kind kind;
        cs_format fmt;
    } types[] = {
        {"application/json", SERVE_BODY_JSON, CS_FORMAT_AUTO},
        {"text/markdown", SERVE_BODY_RAW, CS_FORMAT_MARKDOWN},
        {"text/plain", SERVE_BODY_RAW, CS_FORMAT_TEXT},
        {"text/html", SERVE_BODY_RAW, CS_FORMAT_HTML},
    };
    if (ct == NULL)
        return SERVE_BODY_NONE;
    size_t n = strcspn(ct, "; \t");
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strlen(types[i].type) != n || strncasecmp(ct, types[i].type, n) != 0)
            continue;
        const char *cs = strcasestr(ct + n, "charset=");
        if (cs) {
            cs += 8;
            if (*cs == '"')
                cs++;
            if (strncasecmp(cs, "utf-8", 5) != 0 && strncasecmp(cs, "us-ascii", 8) != 0)
                return SERVE_BODY_NONE;
        }
        *fmt = types[i].fmt;
        return types[i].kind;
    }
    return SERVE_BODY_NONE;
}

/* 400 bad_request with the message; returns -1. */
#define BAD(rp, ...) (serve_error((rp), 400, "bad_request", __VA_ARGS__), -1)

int serve_article_from_json(serve_article *a, const char *body, size_t len, serve_reply *rp)
{
    memset(a, 0, sizeof *a);
    json_error_t e;
    if (len == 0)
        return BAD(rp, "the body is empty: send {\"text\": \"...\"}");
    json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
    if (root == NULL) {
        cs_json j;
        char msg[400];
        snprintf(msg, sizeof msg, "malformed JSON at line %d, column %d (byte %d): %s", e.line,
                 e.column, e.position, e.text);
        serve_error_begin(rp, &j, 400, "bad_json", msg);
        cs_json_kv_int(&j, "line", e.line);
        cs_json_kv_int(&j, "column", e.column);
        cs_json_kv_int(&j, "byte", e.position);
        serve_error_end(rp, &j);
        return -1;
    }
    a->json = root;
    if (!json_is_object(root))
        return BAD(rp, "the body must be a JSON object {\"text\": \"...\"}");
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (strcmp(key, "text") == 0) {
            if (!json_is_string(v))
                return BAD(rp, "\"%s\" must be a string", key);
            a->text = json_string_value(v);
            a->len = json_string_length(v);
        } else if (strcmp(key, "format") == 0) {
            if (!json_is_string(v) || cs_format_parse(json_string_value(v), &a->fmt) != 0 ||
                a->fmt == CS_FORMAT_AUTO)
                return BAD(rp, "\"format\" is the article's input format: text, markdown or "
                               "html (the report format is ?format= in the query)");
        } else if (strcmp(key, "id") == 0) {
            if (!json_is_string(v))
                return BAD(rp, "\"%s\" must be a string", key);
            a->id = json_string_value(v);
        } else if (strcmp(key, "profile") == 0) {
            if (!json_is_string(v))
                return BAD(rp, "\"%s\" must be a string", key);
            a->profile = json_string_value(v);
        } else {
            return BAD(rp, "unknown member \"%s\" (the members are text, format, id and "
                           "profile)", key);
        }
    }
    if (a->text == NULL)
        return BAD(rp, "the body has no \"text\" (the article, a string)");
    return 0;
}

void serve_article_free(serve_article *a)
{
    if (a->json)
        json_decref((json_t *)a->json);
    a->json = NULL;
}
