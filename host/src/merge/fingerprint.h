/*
 * fingerprint.h - identities of findings that survive unrelated edits.
 *
 * A fingerprint hashes (FNV-1a, 64 bits) the rule id, the marker, the
 * matched words folded (fold.h: case, quotes, white space) and the
 * occurrence number of that same triple earlier in the article.  Line
 * numbers are deliberately left out, so inserting text elsewhere in the
 * article does not change it.  Used by SARIF partialFingerprints and by
 * baselines.  Pure functions.
 */
#ifndef CS_FINGERPRINT_H
#define CS_FINGERPRINT_H

#include <stdint.h>

#include "config.h"
#include "document.h"
#include "result.h"

/* Fingerprint of finding i of res. */
uint64_t cs_fingerprint(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                        size_t i);

/* The fingerprints of all of res's findings into out[0 .. res->nfindings),
 * the same values as cs_fingerprint, each rule, marker and words hashed
 * once.  Returns 0, or -1 when memory runs out (out unchanged). */
int cs_fingerprint_all(const cs_document *doc, const cs_result *res, const cs_config *cfg,
                       uint64_t *out);

/* As 16 lower-case hex digits plus NUL. */
void cs_fingerprint_hex(uint64_t fp, char out[17]);

#endif
