/* suggest.c - the closest valid name to a misspelt one (suggest.h). */
#include "suggest.h"

#include <string.h>

#define SUGGEST_MAX_NAME 64

/* Levenshtein distance, or a large value for long strings. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > SUGGEST_MAX_NAME || lb > SUGGEST_MAX_NAME)
        return (size_t)-1;
    size_t row[SUGGEST_MAX_NAME + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void cs_suggest_consider(const char *word, const char *cand, const char **best, size_t *bestd)
{
    size_t dist = edit_distance(word, cand);
    if (dist <= 2 && dist < strlen(word) && dist < *bestd) {
        *best = cand;
        *bestd = dist;
    }
}

const char *cs_suggest(const char *word, const char *const *valid)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t i = 0; valid[i] != NULL; i++)
        cs_suggest_consider(word, valid[i], &best, &bestd);
    return best;
}
