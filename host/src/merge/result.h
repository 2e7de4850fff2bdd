/*
 * result.h - the findings of one article and the scores merged from them.
 *
 * A cs_result is reused from article to article (cs_result_reset keeps its
 * capacity), so scoring a stream allocates nothing per finding once warm.
 * Strings in a finding point either at storage that outlives the result
 * (rules, plugin descriptors, config) or into the result's arena, which is
 * reset with it.  cs_result_free releases everything.
 */
#ifndef CS_RESULT_H
#define CS_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"

/* Why a finding's points differ from weight x confidence. */
typedef enum cs_point_note {
    CS_NOTE_NONE = 0,
    CS_NOTE_DUPLICATE,    /* same marker, overlapping span of a stronger finding */
    CS_NOTE_ONE_SHOT,     /* the marker already counted in this passage */
    CS_NOTE_PASSAGE_CAP,  /* cut by the marker's per-passage cap */
    CS_NOTE_SUPPRESSED    /* suppressed in the article, with a reason */
} cs_point_note;

typedef struct cs_finding {
    int marker;              /* index into config->markers */
    const char *rule_id;
    const char *source;      /* "rules/anonymous.lua:12" or "plugin:attribution" */
    const char *message;
    size_t passage;          /* index into doc->passages */
    size_t start, end;       /* byte span inside the passage text */
    double weight;           /* effective weight after config overrides */
    double confidence;       /* 0..1 */
    cs_level level;
    double points;           /* what it adds to the passage score (set by merge) */
    cs_point_note note;
    size_t dup_of;           /* for CS_NOTE_DUPLICATE: the finding it duplicates */
    const char *suppress_reason;
    uint64_t source_key;     /* who or what it credits (merge.h); 0: not yet known */
    double claim;            /* its share in the article's sourcing (set by merge):
                              * + for a good source, - for a weak one, 0 when it
                              * counts nothing or its source was already counted */
} cs_finding;

typedef struct cs_passage_score {
    double points;           /* sum of finding points */
    double good, weak;       /* claims of the passage's sources (merge.h) */
    double score;            /* the share formula over the passage's sources */
    size_t first, count;     /* its findings: result->findings[first .. first+count) */
} cs_passage_score;

typedef struct cs_marker_total {
    size_t count;            /* findings of the marker that count (points != 0) */
    size_t hits;             /* all findings of the marker, duplicates included */
    double raw;              /* sum of passage points for the marker */
    double points;           /* after the article cap */
    int capped;
    size_t sources;          /* distinct sources of the marker in the article */
    double claims;           /* their claims, signed (merge.h) */
} cs_marker_total;

typedef struct cs_arena_block cs_arena_block;
typedef struct cs_merge_scratch cs_merge_scratch; /* merge.c's, kept for the next article */

typedef struct cs_result {
    cs_finding *findings;
    size_t nfindings, findings_cap;
    cs_passage_score *passages;
    size_t npassages, passages_cap;
    cs_marker_total *markers; /* one per config marker */
    size_t nmarkers, markers_cap;
    double base;
    double raw_points;        /* score - base (merge.h) */
    double score;             /* 0..100, a whole number (merge.h) */
    double good, weak;        /* claims of the article's good and weak sources */
    size_t sources;           /* distinct sources counted */
    int unsourced;            /* no attribution at all: nothing to judge */
    const char *verdict;
    char *error;              /* per-article error (plugin failure), arena string or NULL */
    const char *warnings;     /* lines about rules disabled in lenient mode, or NULL */
    cs_arena_block *arena;
    cs_merge_scratch *merge_scratch; /* NULL until the first merge */
} cs_result;

void cs_result_init(cs_result *r);
void cs_result_reset(cs_result *r);
void cs_result_free(cs_result *r);

/* Append a finding (copied); returns it or NULL when memory runs out. */
cs_finding *cs_result_add(cs_result *r, const cs_finding *f);

/* Copy a string into the result's arena (lives until reset); NULL on OOM. */
const char *cs_result_strdup(cs_result *r, const char *s, size_t len);

#endif
