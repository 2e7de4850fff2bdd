/*
 * serve_body.h - what POST /v1/score asks for, read from its body: a JSON
 * object {"text", "format"?, "id"?, "profile"?} (Content-Type
 * application/json), or the article itself (text/markdown, text/plain,
 * text/html, with ?id= and ?profile= in the query).
 */
#ifndef CS_SERVE_BODY_H
#define CS_SERVE_BODY_H

#include <stddef.h>

#include "document.h"
#include "serve_request.h"

typedef enum serve_body_kind {
    SERVE_BODY_NONE = 0,   /* a Content-Type none of the below */
    SERVE_BODY_JSON,
    SERVE_BODY_RAW
} serve_body_kind;

/* The kind of body a Content-Type value (or NULL) announces; for a raw
 * article, its input format into *fmt.  A charset other than utf-8 is
 * SERVE_BODY_NONE. */
serve_body_kind serve_body_kind_of(const char *content_type, cs_format *fmt);

typedef struct serve_article {
    const char *text;      /* the article (in the body or the parsed JSON) */
    size_t len;
    cs_format fmt;         /* CS_FORMAT_AUTO: by the id's extension */
    const char *id;        /* NULL: "-" */
    const char *profile;   /* NULL: the server's default */
    void *json;            /* the parsed body (freed by serve_article_free) */
} serve_article;

/* Read a JSON body.  0, or -1 with rp filled: 400 for malformed JSON (its
 * line, column and byte), a missing or mistyped member, an unknown one. */
int serve_article_from_json(serve_article *a, const char *body, size_t len, serve_reply *rp);

void serve_article_free(serve_article *a);

#endif
