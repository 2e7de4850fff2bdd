/*
 * serve_auth.h - the Bearer token of the server.
 *
 * The token is the first line of --token-file (at least 16 bytes of
 * printable ASCII, no spaces); a file that others may read or write is
 * refused.  A request carries it as "Authorization: Bearer TOKEN"; the
 * comparison takes the same time whatever the bytes and wherever they
 * differ.
 */
#ifndef CS_SERVE_AUTH_H
#define CS_SERVE_AUTH_H

#include <stddef.h>

#include "diag.h"

#define SERVE_TOKEN_MAX 512

typedef struct serve_auth {
    int enabled;
    char token[SERVE_TOKEN_MAX + 1];
    size_t len;
} serve_auth;

/* Read the token from path (NULL: no token, every request allowed). */
int serve_auth_load(serve_auth *a, const char *path, cs_diag *d);

/* Does the Authorization header value (or NULL) carry the token? */
int serve_auth_check(const serve_auth *a, const char *authorization);

/* Forget the token (overwritten). */
void serve_auth_clear(serve_auth *a);

#endif
