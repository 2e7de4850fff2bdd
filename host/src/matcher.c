#include "matcher.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"

#define NONE UINT32_MAX
#define RING 256 /* >= CS_PHRASE_MAX, power of two */

typedef struct pattern {
    uint32_t id;
    uint32_t len;        /* folded length */
    uint32_t text_off;   /* into m->pattext */
    unsigned prefix : 1; /* trailing '*': no end boundary */
    unsigned open_start : 1; /* first byte not a word char: no start boundary check */
    unsigned open_end : 1;
} pattern;

struct cs_matcher {
    pattern *pats;
    size_t npats, pats_cap;
    cs_buf pattext;          /* folded pattern bytes */
    int compiled;
    uint8_t cls[256];        /* byte -> class */
    uint32_t nclasses;
    uint32_t *delta;         /* nstates * nclasses */
    uint32_t nstates;
    uint32_t *out_first;     /* per state: index into out_pats, or NONE */
    uint32_t *out_count;     /* per state: patterns ending exactly here */
    uint32_t *dict;          /* per state: next state (by failure) with outputs, or NONE */
    uint32_t *out_pats;      /* pattern indices grouped by state */
};

cs_matcher *cs_matcher_new(void)
{
    return calloc(1, sizeof(cs_matcher));
}

void cs_matcher_free(cs_matcher *m)
{
    if (m == NULL)
        return;
    free(m->pats);
    cs_buf_free(&m->pattext);
    free(m->delta);
    free(m->out_first);
    free(m->out_count);
    free(m->dict);
    free(m->out_pats);
    free(m);
}

int cs_matcher_add(cs_matcher *m, const char *phrase, uint32_t id, cs_diag *d)
{
    if (m->compiled)
        return cs_diag_set(d, "internal: phrase added after compile");
    size_t len = strlen(phrase);
    int prefix = 0;
    while (len > 0 && (phrase[len - 1] == ' ' || phrase[len - 1] == '\t'))
        len--;
    if (len > 0 && phrase[len - 1] == '*') {
        prefix = 1;
        len--;
    }
    char folded[CS_PHRASE_MAX + 2];
    size_t n = cs_fold_string(phrase, len, folded, sizeof folded);
    if (n == (size_t)-1 || n > CS_PHRASE_MAX)
        return cs_diag_set(d, "phrase longer than %d characters: \"%.40s...\"", CS_PHRASE_MAX,
                           phrase);
    if (n == 0)
        return cs_diag_set(d, "empty phrase");
    void *items = m->pats;
    if (cs_array_grow(&items, &m->pats_cap, m->npats + 1, sizeof(pattern)) != 0)
        return cs_diag_set(d, "out of memory");
    m->pats = items;
    pattern *p = &m->pats[m->npats];
    p->id = id;
    p->len = (uint32_t)n;
    p->text_off = (uint32_t)m->pattext.len;
    p->prefix = (unsigned)prefix;
    p->open_start = !cs_fold_is_word((unsigned char)folded[0]);
    p->open_end = !cs_fold_is_word((unsigned char)folded[n - 1]);
    if (cs_buf_append(&m->pattext, folded, n) != 0)
        return cs_diag_set(d, "out of memory");
    m->npats++;
    return 0;
}

int cs_matcher_compile(cs_matcher *m, cs_diag *d)
{
    int rc = -1;
    uint32_t *queue = NULL;
    uint32_t *fail = NULL;
    size_t total = m->pattext.len;
    /* Byte classes: every byte used by a pattern gets its own class. */
    memset(m->cls, 0, sizeof m->cls);
    m->nclasses = 1;
    for (size_t i = 0; i < total; i++) {
        unsigned char c = (unsigned char)m->pattext.data[i];
        if (m->cls[c] == 0)
            m->cls[c] = (uint8_t)m->nclasses++;
    }
    size_t max_states = total + 1;
    if (max_states > UINT32_MAX / m->nclasses)
        return cs_diag_set(d, "too many phrases");
    m->delta = malloc(max_states * m->nclasses * sizeof(uint32_t));
    m->out_count = calloc(max_states, sizeof(uint32_t));
    m->out_first = malloc(max_states * sizeof(uint32_t));
    m->dict = malloc(max_states * sizeof(uint32_t));
    m->out_pats = malloc((m->npats ? m->npats : 1) * sizeof(uint32_t));
    fail = malloc(max_states * sizeof(uint32_t));
    queue = malloc(max_states * sizeof(uint32_t));
    if (!m->delta || !m->out_count || !m->out_first || !m->dict || !m->out_pats || !fail ||
        !queue) {
        cs_diag_set(d, "out of memory compiling %zu phrases", m->npats);
        goto out;
    }
    for (size_t i = 0; i < max_states * m->nclasses; i++)
        m->delta[i] = NONE;
    m->nstates = 1;
    /* Trie; remember the terminal state of each pattern. */
    uint32_t *term = queue; /* reuse as scratch: npats <= max_states */
    for (size_t p = 0; p < m->npats; p++) {
        uint32_t s = 0;
        const unsigned char *t = (const unsigned char *)m->pattext.data + m->pats[p].text_off;
        for (uint32_t k = 0; k < m->pats[p].len; k++) {
            uint32_t *next = &m->delta[(size_t)s * m->nclasses + m->cls[t[k]]];
            if (*next == NONE)
                *next = m->nstates++;
            s = *next;
        }
        term[p] = s;
        m->out_count[s]++;
    }
    /* Group pattern indices by terminal state. */
    uint32_t acc = 0;
    for (uint32_t s = 0; s < m->nstates; s++) {
        m->out_first[s] = m->out_count[s] ? acc : NONE;
        acc += m->out_count[s];
    }
    uint32_t *fill = fail; /* scratch: per-state fill cursor */
    for (uint32_t s = 0; s < m->nstates; s++)
        fill[s] = 0;
    for (size_t p = 0; p < m->npats; p++) {
        uint32_t s = term[p];
        m->out_pats[m->out_first[s] + fill[s]++] = (uint32_t)p;
    }
    /* BFS: failure links, dictionary links, full DFA transitions. */
    size_t qh = 0, qt = 0;
    fail[0] = 0;
    m->dict[0] = NONE;
    for (uint32_t c = 0; c < m->nclasses; c++) {
        uint32_t *next = &m->delta[c];
        if (*next == NONE) {
            *next = 0;
        } else {
            fail[*next] = 0;
            m->dict[*next] = NONE;
            queue[qt++] = *next;
        }
    }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (uint32_t c = 0; c < m->nclasses; c++) {
            uint32_t *next = &m->delta[(size_t)s * m->nclasses + c];
            uint32_t f = m->delta[(size_t)fail[s] * m->nclasses + c];
            if (*next == NONE) {
                *next = f;
            } else {
                uint32_t t = *next;
                fail[t] = f;
                m->dict[t] = m->out_count[f] ? f : m->dict[f];
                queue[qt++] = t;
            }
        }
    }
    m->compiled = 1;
    rc = 0;
out:
    free(fail);
    free(queue);
    return rc;
}

/* Fold the character at text[i] without consuming it ("" at the end). */
static int peek_word(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    size_t j = i;
    return cs_fold_is_word(cs_fold_next(text, len, &j));
}

int cs_matcher_scan(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb,
                    void *ctx)
{
    if (!m->compiled || m->npats == 0)
        return 0;
    size_t starts[RING];       /* input offset where each folded byte began */
    unsigned char chars[RING]; /* the folded bytes */
    size_t n = 0;              /* folded bytes so far */
    uint32_t s = 0;
    size_t i = 0;
    const uint32_t ncls = m->nclasses;
    while (i < len) {
        size_t at = i;
        unsigned char c = cs_fold_next(text, len, &i);
        starts[n & (RING - 1)] = at;
        chars[n & (RING - 1)] = c;
        n++;
        s = m->delta[(size_t)s * ncls + m->cls[c]];
        uint32_t o = m->out_count[s] ? s : m->dict[s];
        while (o != NONE) {
            for (uint32_t k = 0; k < m->out_count[o]; k++) {
                const pattern *p = &m->pats[m->out_pats[m->out_first[o] + k]];
                size_t first = n - p->len; /* folded index of the first byte */
                if (!p->open_start && first > 0 && cs_fold_is_word(chars[(first - 1) & (RING - 1)]))
                    continue;
                if (!p->open_end && !p->prefix && peek_word(text, len, i))
                    continue;
                size_t end = i;
                if (c == ' ') /* never end a span on a folded space run */
                    end = at + 1;
                if (p->prefix) /* a word prefix spans to the end of the word */
                    while (end < len) {
                        size_t j = end;
                        if (!cs_fold_is_word(cs_fold_next(text, len, &j)))
                            break;
                        end = j;
                    }
                int r = cb(ctx, p->id, starts[first & (RING - 1)], end);
                if (r)
                    return r;
            }
            o = m->dict[o];
        }
    }
    return 0;
}

size_t cs_matcher_phrase_count(const cs_matcher *m)
{
    return m->npats;
}

size_t cs_matcher_state_count(const cs_matcher *m)
{
    return m->nstates;
}
