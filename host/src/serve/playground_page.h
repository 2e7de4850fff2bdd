/*
 * playground_page.h - what the playground page reads from the server
 * besides its draft (playground_draft.h):
 *
 *   GET /                       the page (host/src/serve/playground.html,
 *                               embedded at build time), with the HTML
 *                               report's stylesheet for the configuration's
 *                               markers and a fresh CSP nonce for its script
 *   GET /v1/rules/NAME/source   the source of a loaded rule file, NAME being
 *                               the id of one of its rules or its file name
 *                               ("anonymous" or "anonymous.lua"): 200
 *                               {"rule": id or null, "name", "file", "line",
 *                               "source"}; 404 when the configuration loaded
 *                               no such rule or file.  Only files the
 *                               configuration loaded are read: NAME is looked
 *                               up among them, never used as a path.
 */
#ifndef CS_PLAYGROUND_PAGE_H
#define CS_PLAYGROUND_PAGE_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "scorer.h"

#define CS_PLAYGROUND_NONCE_MAX 32

/* The page for cfg appended to out; its script nonce (base64, to repeat in
 * a Content-Security-Policy header) into nonce.  0, or -1 when memory or
 * the system's random numbers run out. */
int cs_playground_page(const cs_config *cfg, cs_buf *out, char nonce[CS_PLAYGROUND_NONCE_MAX]);

/* GET /v1/rules/NAME/source against the loaded scorer s: the HTTP status,
 * the JSON body appended to out (-1 when memory runs out). */
int cs_playground_rule_source(const cs_scorer *s, const char *name, cs_buf *out);

#endif
