#include "result.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "merge.h"

struct cs_arena_block {
    cs_arena_block *next;
    size_t used, cap;
    char data[];
};

#define ARENA_BLOCK 16384

void cs_result_init(cs_result *r)
{
    memset(r, 0, sizeof *r);
}

void cs_result_reset(cs_result *r)
{
    r->nfindings = 0;
    r->npassages = 0;
    r->nmarkers = 0;
    r->raw_points = r->score = 0;
    r->good = r->weak = 0;
    r->sources = 0;
    r->unsourced = 0;
    r->verdict = NULL;
    r->error = NULL;
    r->warnings = NULL;
    /* Keep the first arena block, free the rest. */
    if (r->arena) {
        cs_arena_block *b = r->arena->next;
        while (b) {
            cs_arena_block *n = b->next;
            free(b);
            b = n;
        }
        r->arena->next = NULL;
        r->arena->used = 0;
    }
}

void cs_result_free(cs_result *r)
{
    cs_result_reset(r);
    free(r->arena);
    free(r->findings);
    free(r->passages);
    free(r->markers);
    cs_merge_scratch_free(r->merge_scratch);
    memset(r, 0, sizeof *r);
}

cs_finding *cs_result_add(cs_result *r, const cs_finding *f)
{
    void *items = r->findings;
    if (cs_array_grow(&items, &r->findings_cap, r->nfindings + 1, sizeof(cs_finding)) != 0)
        return NULL;
    r->findings = items;
    r->findings[r->nfindings] = *f;
    return &r->findings[r->nfindings++];
}

const char *cs_result_strdup(cs_result *r, const char *s, size_t len)
{
    /* The newest block is kept at the head of the list. */
    cs_arena_block *b = r->arena;
    if (b == NULL || b->cap - b->used < len + 1) {
        size_t cap = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
        cs_arena_block *nb = malloc(sizeof *nb + cap);
        if (nb == NULL)
            return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (b && b->used == 0 && b->next == NULL) { /* replace an empty first block */
            free(b);
            b = NULL;
        }
        nb->next = b;
        r->arena = nb;
        b = nb;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}
