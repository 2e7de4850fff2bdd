/*
 * baseline.h - accepted findings, so CI fails only on new ones.
 *
 * `credscore baseline FILES -o .credscore-baseline.json` records the
 * fingerprint (fingerprint.h) of every current finding per article path;
 * `credscore score --baseline FILE` then treats findings found in it as
 * suppressed ("in the baseline"): they stay in JSON and SARIF, leave the
 * score and cannot fail the run.
 *
 * File: {"schema": "credscore-baseline", "version": 1,
 *        "findings": [{"path", "fingerprint", "rule", "marker", "text"}]}
 * Errors: 0 / -1 with a cs_diag naming the file.
 */
#ifndef CS_BASELINE_H
#define CS_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "config.h"
#include "document.h"
#include "result.h"

typedef struct cs_baseline_entry {
    char *path;
    uint64_t fingerprint;
} cs_baseline_entry;

typedef struct cs_baseline {
    cs_baseline_entry *items;
    size_t n, cap;
} cs_baseline;

int cs_baseline_load(cs_baseline *b, const char *file, cs_diag *d);
void cs_baseline_free(cs_baseline *b);

/* Mark the findings of one article that the baseline holds; returns the
 * number marked. */
size_t cs_baseline_apply(const cs_baseline *b, const cs_document *doc, const cs_config *cfg,
                         cs_result *res);

/* Append one article's findings to a baseline being written (JSON array
 * items, comma-separated; *first tracks the comma; *count is increased by
 * the number written). */
int cs_baseline_write_article(cs_buf *out, const cs_document *doc, const cs_result *res,
                              const cs_config *cfg, int *first, size_t *count);

#endif
