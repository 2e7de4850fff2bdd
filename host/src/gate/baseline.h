/*
 * baseline.h - accepted findings, so CI fails only on new ones.
 *
 * `credscore baseline FILES -o .credscore-baseline.json` records the
 * fingerprint (fingerprint.h) of every current finding per article path,
 * the ones that count nothing (duplicates, caps) included: once its twin
 * is baselined, a duplicate would otherwise count as new.  Findings
 * suppressed in the article itself are not recorded.  Paths are kept as
 * reports show them (cs_report_rel_path: relative to the current folder,
 * no "./"), so "dir/a.md", "./dir/a.md" and an absolute path are the same
 * article.  `credscore score --baseline FILE` then treats findings found
 * in it as suppressed (cs_baseline_reason): they stay in JSON and SARIF,
 * leave the score and cannot fail the run.  Baselining and then scoring an
 * unchanged article, alone or among others, gives no new finding.
 *
 * File: {"schema": "credscore-baseline", "version": 1,
 *        "articles": ["path", ...],
 *        "findings": [{"path", "fingerprint", "rule", "marker", "text"}]}
 * ("articles" lists every article recorded, one without findings too; a
 * baseline without it knows the articles its findings name.)
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

/* The suppress_reason of a finding in the baseline: "in the baseline"
 * (this very pointer, so that reports can tell it from an editor's). */
extern const char cs_baseline_reason[];

typedef struct cs_baseline_entry {
    char *path;
    uint64_t fingerprint;
} cs_baseline_entry;

typedef struct cs_baseline {
    cs_baseline_entry *items;   /* sorted by fingerprint, then path */
    size_t n, cap;
    char **articles;            /* the articles recorded, findings or not (sorted) */
    size_t narticles, acap;
} cs_baseline;

/* Read a baseline file (its paths normalised as above). */
int cs_baseline_load(cs_baseline *b, const char *file, cs_diag *d);
void cs_baseline_free(cs_baseline *b);

/* Was the article at path recorded (so that it is not new)? */
int cs_baseline_knows(const cs_baseline *b, const char *path);

/* Mark the findings of one article that the baseline holds (not those
 * already suppressed) with cs_baseline_reason; *marked is increased by
 * the number marked.  Returns 0, or -1 when memory runs out. */
int cs_baseline_apply(const cs_baseline *b, const cs_document *doc, const cs_config *cfg,
                      cs_result *res, size_t *marked);

/* Append one article's findings to a baseline being written (JSON array
 * items, comma-separated; *first tracks the comma; *count is increased by
 * the number written).  Returns 0, or -1 when memory runs out. */
int cs_baseline_write_article(cs_buf *out, const cs_document *doc, const cs_result *res,
                              const cs_config *cfg, int *first, size_t *count);

/* Append one article's path, as recorded, as a JSON array item (*first
 * tracks the comma).  Returns 0, or -1 when memory runs out. */
int cs_baseline_write_path(cs_buf *out, const char *path, int *first);

#endif
