#include "matcher.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "fold.h"

#define NONE UINT32_MAX

typedef struct pattern {
    uint32_t id;
    uint32_t len;        /* folded length */
    uint32_t text_off;   /* into m->pattext */
    unsigned prefix : 1; /* trailing '*': no end boundary */
    unsigned open_start : 1; /* first byte not a word char: no start boundary check */
    unsigned open_end : 1;
} pattern;

/* The DFA: state s owns the row delta[s * nclasses .. + nclasses).  An
 * entry holds the row offset of the next state (s * nclasses, not s, so a
 * step is one add and one load).  The states where hits are reported (a
 * pattern ends there or at one of its dictionary links) come last, so a
 * step finds out whether to look for hits by comparing the row offset with
 * output_row, off the path from one step to the next.
 *
 * The automaton is anchored at word starts: a phrase whose first byte is a
 * word byte (not open_start) may only begin after a non-word byte or at the
 * start of the text (matcher.h), so it is only entered there.  There are
 * two roots: state ROOT (no phrase under way, the last folded byte was not
 * a word byte, or none was read yet) and state IN_WORD (no phrase under
 * way, inside a word).  From IN_WORD a word byte leads back to IN_WORD and
 * only open_start phrases can begin.  A state's failure chain thus runs
 * over the suffixes of what was read that may begin a phrase there, and
 * ends at the root of the last byte's kind; the hits reported are exactly
 * the boundary-respecting hits a plain Aho-Corasick automaton finds, in the
 * same order, and the states of phrases begun inside a word (which could
 * only end in a refused hit) are never visited.  (Skipping the rest of a
 * word in IN_WORD without table steps was measured slower: the branch out
 * of the skip is mispredicted about once a word.) */
#define ROOT 0u    /* state number (and row offset) of the root */
#define IN_WORD 1u /* state number of the in-word root */

/* The compact table (cs_matcher_compact): when the rows, each padded to a
 * multiple of UNIT16 entries, number at most 65535 units of UNIT16
 * entries, the scan uses 16-bit entries holding the next state's row
 * offset in such units (row16), about half the memory of the 32-bit table
 * (the scan is bound by the time its table loads take, and a smaller table
 * stays in the caches).  A unit of 4 entries is 8 bytes, the largest scale
 * an x86-64 load applies to an index, so a step's load takes the row as
 * its index as it is (next_row); an automaton too large for that gets
 * units of UNIT16_WIDE entries.  The 32-bit table is the one compile
 * builds, and the fallback for larger automata. */
#define UNIT16 4u
#define UNIT16_WIDE 8u

/* What the scan's first look-up (m->step) says of an input byte besides a
 * class (< 256): a byte whose fold depends on the bytes around it
 * (cs_fold_table: below ' '), which cs_fold_next reads.  An ASCII white
 * space has the class of ' ' (fill_dfa: a run of them steps as one). */
#define STEP_SLOW 0x100u

struct cs_matcher {
    pattern *pats;
    size_t npats, pats_cap;
    cs_buf pattext;          /* folded pattern bytes */
    int compiled;
    uint8_t cls[256];        /* folded byte -> class */
    uint16_t step[256];      /* input byte -> class of its fold, or STEP_SLOW */
    uint32_t nclasses;
    uint32_t *delta;         /* nstates * nclasses row offsets, or NULL (delta16) */
    uint32_t nstates;
    uint32_t output_row;     /* row offset of the first state with outputs */
    uint16_t *delta16;       /* the compact table (nstates * stride16), or NULL */
    uint32_t unit16;         /* its unit: UNIT16 or UNIT16_WIDE entries */
    uint32_t stride16;       /* its row length: nclasses rounded up to unit16 */
    uint32_t output_row16;   /* its row offset / unit16 of the first state with outputs */
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
    free(m->delta16);
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

/* The trie while compiling: node 0 is the root; the children of a node
 * form a list.  Its nodes become the states of the dense DFA. */
typedef struct trie {
    uint32_t *first_child;  /* per node: first child, or NONE */
    uint32_t *next_sibling; /* per node: next child of its parent, or NONE */
    uint8_t *label;         /* per node: class of the edge into it */
    uint32_t *ends;         /* per node: patterns ending there */
    uint32_t *term;         /* per pattern: the node where it ends */
    uint32_t nodes;
} trie;

static void trie_free(trie *t)
{
    free(t->first_child);
    free(t->next_sibling);
    free(t->label);
    free(t->ends);
    free(t->term);
}

/* Every byte used by a pattern gets its own class; the rest are class 0
 * (non-word bytes) or class 1 (word bytes), so that a class is either all
 * word bytes or none (is_word: per class).  Also the scan's step table. */
static void assign_classes(cs_matcher *m, uint8_t *is_word)
{
    for (size_t c = 0; c < 256; c++)
        m->cls[c] = cs_fold_is_word((unsigned char)c) ? 1 : 0;
    is_word[0] = 0;
    is_word[1] = 1;
    m->nclasses = 2;
    uint8_t own[256] = {0};
    for (size_t i = 0; i < m->pattext.len; i++) {
        unsigned char c = (unsigned char)m->pattext.data[i];
        if (!own[c]) {
            own[c] = 1;
            is_word[m->nclasses] = (uint8_t)cs_fold_is_word(c);
            m->cls[c] = (uint8_t)m->nclasses++;
        }
    }
    for (size_t b = 0; b < 256; b++) {
        unsigned char f = cs_fold_table[b];
        m->step[b] = f >= ' ' ? m->cls[f] : STEP_SLOW;
    }
}

/* Insert every pattern into t (arrays sized for max_nodes nodes).  Returns
 * 0 or -1 when memory runs out. */
static int build_trie(const cs_matcher *m, trie *t, size_t max_nodes)
{
    uint32_t root_child[256]; /* the root has many children: find them at once */
    t->first_child = malloc(max_nodes * sizeof(uint32_t));
    t->next_sibling = malloc(max_nodes * sizeof(uint32_t));
    t->label = malloc(max_nodes);
    t->ends = calloc(max_nodes, sizeof(uint32_t));
    t->term = malloc((m->npats ? m->npats : 1) * sizeof(uint32_t));
    if (!t->first_child || !t->next_sibling || !t->label || !t->ends || !t->term)
        return -1;
    for (size_t c = 0; c < 256; c++)
        root_child[c] = NONE;
    t->first_child[0] = NONE;
    t->next_sibling[0] = NONE;
    t->label[0] = 0;
    t->nodes = 1;
    for (size_t p = 0; p < m->npats; p++) {
        uint32_t node = 0;
        const unsigned char *text = (const unsigned char *)m->pattext.data + m->pats[p].text_off;
        for (uint32_t k = 0; k < m->pats[p].len; k++) {
            uint8_t c = m->cls[text[k]];
            uint32_t child = node == 0 ? root_child[c] : t->first_child[node];
            while (node != 0 && child != NONE && t->label[child] != c)
                child = t->next_sibling[child];
            if (child == NONE) {
                child = t->nodes++;
                t->first_child[child] = NONE;
                t->label[child] = c;
                t->next_sibling[child] = t->first_child[node];
                t->first_child[node] = child;
                if (node == 0)
                    root_child[c] = child;
            }
            node = child;
        }
        t->term[p] = node;
        t->ends[node]++;
    }
    return 0;
}

/* Memory for the DFA table, every byte of which gets written.  A large
 * table is faulted in with one call (MADV_POPULATE_WRITE, Linux 5.14+)
 * instead of one page fault per page; where that is missing or fails,
 * the pages come in one by one as before. */
static void *alloc_table(size_t bytes)
{
    char *table = malloc(bytes);
#ifdef MADV_POPULATE_WRITE
    long page = sysconf(_SC_PAGESIZE);
    if (table != NULL && page > 0 && bytes >= 64 * (size_t)page) {
        uintptr_t first = ((uintptr_t)table + (size_t)page - 1) / (size_t)page * (size_t)page;
        uintptr_t end = ((uintptr_t)table + bytes) / (size_t)page * (size_t)page;
        madvise((void *)first, end - first, MADV_POPULATE_WRITE);
    }
#endif
    return table;
}

/* Fill the DFA rows and the per-state outputs from the trie, breadth first
 * (queue, state_of and fail: scratch for t.nodes nodes; is_word: per
 * class).  A node's row is its failure state's row (a shallower state,
 * whose row is final) except along its own trie edges, and the failure
 * state of a child is where that row went before the edge was set.  The
 * two roots (see struct cs_matcher) send a byte that begins no phrase
 * there to the root of its kind: that makes the failure state of a
 * root's child the root of the child's byte kind, and so on down.  A state
 * is numbered when found: those with outputs (a pattern ends there or at a
 * dictionary link) from the top down, the others from 0 up (ROOT, IN_WORD
 * first), so the shallow states a scan spends most of its time in get
 * neighbouring rows and a state with outputs is told by its number alone.
 * A state entered by a white space stays there on more white space, so
 * that the scan may step a run of white space byte by byte: a run folds
 * to one ' ', and no phrase holds two in a row. */
static void fill_dfa(cs_matcher *m, const trie *t, const uint8_t *is_word, uint32_t *queue,
                     uint32_t *state_of, uint32_t *fail)
{
    const uint32_t ncls = m->nclasses;
    const uint32_t space = m->cls[' '];
    uint32_t low = 0, high = t->nodes + 1;
    size_t qh = 0, qt = 0;
    state_of[0] = low++; /* ROOT */
    low++;               /* IN_WORD */
    m->dict[ROOT] = m->dict[IN_WORD] = NONE; /* out_count is 0: no empty pattern */
    m->out_count[IN_WORD] = 0;
    fail[0] = 0;
    queue[qt++] = 0;
    uint32_t *in_word = &m->delta[(size_t)IN_WORD * ncls];
    while (qh < qt) {
        uint32_t node = queue[qh++];
        uint32_t *row = &m->delta[(size_t)state_of[node] * ncls];
        if (node == 0)
            for (uint32_t c = 0; c < ncls; c++)
                row[c] = (is_word[c] ? IN_WORD : ROOT) * ncls;
        else
            memcpy(row, &m->delta[fail[node]], ncls * sizeof(uint32_t));
        if (node != 0 && t->label[node] == space) /* more white space: the same folded ' ' */
            row[space] = state_of[node] * ncls;
        for (uint32_t child = t->first_child[node]; child != NONE;
             child = t->next_sibling[child]) {
            uint32_t c = t->label[child];
            uint32_t dict = NONE;
            if (row[c] >= high * ncls) { /* the failure state has outputs (a number >= high) */
                uint32_t f = row[c] / ncls;
                dict = m->out_count[f] ? f : m->dict[f];
            }
            uint32_t s = t->ends[child] || dict != NONE ? --high : low++;
            state_of[child] = s;
            fail[child] = row[c];
            m->out_count[s] = t->ends[child];
            m->dict[s] = dict;
            row[c] = s * ncls;
            queue[qt++] = child;
        }
        if (node == 0) /* inside a word only a phrase opening with a non-word byte begins */
            for (uint32_t c = 0; c < ncls; c++)
                in_word[c] = is_word[c] ? IN_WORD * ncls : row[c];
    }
    m->nstates = t->nodes + 1;
    m->output_row = low * ncls;
}

/* Pattern indices grouped by final state, in pattern order (fill: scratch
 * for every state). */
static void group_outputs(cs_matcher *m, const trie *t, const uint32_t *state_of,
                          uint32_t *fill)
{
    uint32_t acc = 0;
    for (uint32_t s = 0; s < m->nstates; s++) {
        m->out_first[s] = m->out_count[s] ? acc : NONE;
        acc += m->out_count[s];
        fill[s] = 0;
    }
    for (size_t p = 0; p < m->npats; p++) {
        uint32_t s = state_of[t->term[p]];
        m->out_pats[m->out_first[s] + fill[s]++] = (uint32_t)p;
    }
}

int cs_matcher_compile(cs_matcher *m, cs_diag *d)
{
    int rc = -1;
    trie t = {0};
    uint32_t *queue = NULL;    /* trie nodes, breadth first */
    uint32_t *state_of = NULL; /* per node: its state */
    uint32_t *fail = NULL;     /* per node: row offset of its failure state */
    uint8_t is_word[258];
    assign_classes(m, is_word);
    size_t max_states = m->pattext.len + 2;
    if (max_states > UINT32_MAX / m->nclasses)
        return cs_diag_set(d, "too many phrases");
    if (build_trie(m, &t, max_states) != 0) {
        cs_diag_set(d, "out of memory compiling %zu phrases", m->npats);
        goto out;
    }
    size_t nstates = (size_t)t.nodes + 1; /* and IN_WORD */
    queue = malloc(nstates * sizeof(uint32_t));
    state_of = malloc(nstates * sizeof(uint32_t));
    fail = malloc(nstates * sizeof(uint32_t));
    m->delta = alloc_table(nstates * m->nclasses * sizeof(uint32_t));
    m->out_count = malloc(nstates * sizeof(uint32_t));
    m->out_first = malloc(nstates * sizeof(uint32_t));
    m->dict = malloc(nstates * sizeof(uint32_t));
    m->out_pats = malloc((m->npats ? m->npats : 1) * sizeof(uint32_t));
    if (!queue || !state_of || !fail || !m->delta || !m->out_count || !m->out_first ||
        !m->dict || !m->out_pats) {
        cs_diag_set(d, "out of memory compiling %zu phrases", m->npats);
        goto out;
    }
    m->out_count[ROOT] = 0;
    fill_dfa(m, &t, is_word, queue, state_of, fail);
    group_outputs(m, &t, state_of, fail);
    m->compiled = 1;
    rc = 0;
out:
    trie_free(&t);
    free(queue);
    free(state_of);
    free(fail);
    return rc;
}

/* Does the character at text[i] fold to a word byte?  0 at the end. */
static int word_at(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    return cs_fold_is_word(cs_fold_next_fast(text, len, &i));
}

/* What a scan keeps besides its loop's own variables. */
typedef struct scan_state {
    const cs_matcher *m;
    const char *text;
    size_t len;
    cs_match_cb cb;
    void *ctx;
    size_t next; /* fold_slow: the offset past the character folded */
} scan_state;

/* Report the hits of every pattern ending in the state whose row is at
 * `row` (an offset, or offset / unit on the compact table of that unit,
 * unit 0 for the 32-bit table) or along its
 * dictionary links.  The last folded byte began at text[at] and the scan
 * is now at text[i]; a hit begins where its first folded byte did, found
 * by reading its characters back from `at`.  A hit's start boundary needs
 * no check: the automaton only begins a phrase where it may (see struct
 * cs_matcher).  Returns the callback's first non-zero value, else 0.  Out
 * of line, as seldom run. */
static __attribute__((noinline)) int report_hits(const scan_state *ss, size_t row, unsigned unit,
                                                 size_t at, size_t i)
{
    const cs_matcher *m = ss->m;
    uint32_t state = unit ? (uint32_t)(row * unit / m->stride16) : (uint32_t)(row / m->nclasses);
    const char *text = ss->text;
    size_t len = ss->len;
    size_t j = at;
    unsigned char c = cs_fold_next_fast(text, len, &j); /* the last folded byte again */
    for (uint32_t o = m->out_count[state] ? state : m->dict[state]; o != NONE; o = m->dict[o]) {
        for (uint32_t k = 0; k < m->out_count[o]; k++) {
            const pattern *p = &m->pats[m->out_pats[m->out_first[o] + k]];
            if (!p->open_end && !p->prefix && word_at(text, len, i))
                continue;
            size_t end = i;
            if (c == ' ') /* never end a span on a folded space run */
                end = at + 1;
            if (p->prefix) /* a word prefix spans to the end of the word */
                while (end < len) {
                    size_t e = end;
                    if (!cs_fold_is_word(cs_fold_next_fast(text, len, &e)))
                        break;
                    end = e;
                }
            size_t start = at;
            for (uint32_t n = 1; n < p->len; n++)
                start = cs_fold_prev_fast(text, start);
            int r = ss->cb(ss->ctx, p->id, start, end);
            if (r)
                return r;
        }
    }
    return 0;
}

/* Fold the character at text[at], one whose fold depends on the bytes
 * around it (cs_fold_next reads it), the offset past it into ss->next.
 * Returns its class.  Out of line: the scan's loop keeps its registers. */
static __attribute__((noinline)) size_t fold_slow(scan_state *ss, size_t at)
{
    size_t p = at;
    unsigned char c = cs_fold_next(ss->text, ss->len, &p);
    ss->next = p;
    return ss->m->cls[c];
}

/* The row of the state a byte of class k leads to from the state whose row
 * is `row`, on the compact table of that unit (16-bit entries, see
 * scan_table) or, unit 0, on the 32-bit one.  The scan is bound by the
 * chain of these loads, each one's address made from the one before.  The
 * class's column (table + k) does not depend on that chain, and an empty
 * asm keeps the compiler from folding it back into the row, so the row
 * enters the load as its scaled index: no add between one load and the
 * next (one cycle less a byte; on a compiler without GCC's asm the same
 * entry is read, only perhaps with the add). */
static inline __attribute__((always_inline)) size_t next_row(const uint16_t *delta16,
                                                            const uint32_t *delta32,
                                                            unsigned unit, size_t row, size_t k)
{
    if (unit) {
        const uint16_t *column = delta16 + k;
#if defined(__GNUC__)
        __asm__("" : "+r"(column));
#endif
        return column[row * unit];
    }
    const uint32_t *column = delta32 + k;
#if defined(__GNUC__)
    __asm__("" : "+r"(column));
#endif
    return column[row];
}

/* The scan over either table: the compact one (16-bit entries, rows of
 * stride16 counted in units of `unit` entries) or, unit 0, the first one
 * (32-bit entries holding state * nclasses).  Inlined into each caller
 * with unit a constant, so each gets a loop with no test of its own for
 * the table.
 * A byte that folds on its own (most of them, ASCII white space too: see
 * fill_dfa) takes one look-up for its class (m->step) and one for the
 * next state, two such bytes at a time; a character that does not is
 * folded by cs_fold_next.  The loop keeps few values (pointers, not
 * offsets), so that they stay in registers. */
static inline __attribute__((always_inline)) int scan_table(const cs_matcher *m,
                                                           const char *text, size_t len,
                                                           cs_match_cb cb, void *ctx,
                                                           unsigned unit)
{
    scan_state ss;
    ss.m = m;
    ss.text = text;
    ss.len = len;
    ss.cb = cb;
    ss.ctx = ctx;
    size_t row = ROOT; /* the current state's row (offset, or offset / unit) */
    const unsigned char *const u = (const unsigned char *)text;
    const unsigned char *p = u, *const end = u + len;
    const uint16_t *step = m->step;
    const uint16_t *delta16 = m->delta16;
    const uint32_t *delta32 = m->delta;
    const size_t output_row = unit ? m->output_row16 : m->output_row;
    for (;;) {
        /* two bytes at a time while both fold on their own */
        for (; end - p >= 2; p += 2) {
            size_t k0 = step[p[0]], k1 = step[p[1]];
            if ((k0 | k1) >= STEP_SLOW)
                break;
            row = next_row(delta16, delta32, unit, row, k0);
            if (row >= output_row) {
                int r = report_hits(&ss, row, unit, (size_t)(p - u), (size_t)(p - u) + 1);
                if (r)
                    return r;
            }
            row = next_row(delta16, delta32, unit, row, k1);
            if (row >= output_row) {
                int r = report_hits(&ss, row, unit, (size_t)(p - u) + 1, (size_t)(p - u) + 2);
                if (r)
                    return r;
            }
        }
        if (p >= end)
            return 0;
        /* then one character, whatever it folds from */
        size_t at = (size_t)(p - u), k = step[*p];
        if (k < STEP_SLOW) {
            p++;
        } else {
            k = fold_slow(&ss, at);
            p = u + ss.next;
        }
        row = next_row(delta16, delta32, unit, row, k);
        if (row >= output_row) {
            int r = report_hits(&ss, row, unit, at, (size_t)(p - u));
            if (r)
                return r;
        }
    }
}

static int scan16(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb, void *ctx)
{
    return scan_table(m, text, len, cb, ctx, UNIT16);
}

static int scan16_wide(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb,
                       void *ctx)
{
    return scan_table(m, text, len, cb, ctx, UNIT16_WIDE);
}

static int scan32(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb, void *ctx)
{
    return scan_table(m, text, len, cb, ctx, 0);
}

int cs_matcher_scan(const cs_matcher *m, const char *text, size_t len, cs_match_cb cb,
                    void *ctx)
{
    if (!m->compiled || m->npats == 0)
        return 0;
    if (m->delta16 == NULL)
        return scan32(m, text, len, cb, ctx);
    return m->unit16 == UNIT16 ? scan16(m, text, len, cb, ctx)
                               : scan16_wide(m, text, len, cb, ctx);
}

void cs_matcher_compact(cs_matcher *m)
{
    if (!m->compiled || m->delta16 || m->npats == 0)
        return;
    uint32_t ncls = m->nclasses, unit = UNIT16, stride = (ncls + unit - 1) / unit * unit;
    if ((size_t)m->nstates * (stride / unit) > UINT16_MAX) {
        unit = UNIT16_WIDE;
        stride = (ncls + unit - 1) / unit * unit;
        if ((size_t)m->nstates * (stride / unit) > UINT16_MAX)
            return;
    }
    uint16_t *t = alloc_table((size_t)m->nstates * stride * sizeof(uint16_t));
    if (t == NULL)
        return;
    /* An entry is a state number times ncls, so entry * (1 / ncls) is
     * that number within far less than 0.5 (below 2^16 states, ncls <
     * 258): rounded, it is exact, and a multiplication where a division
     * by a variable would take tens of cycles per entry. */
    const double inv = 1.0 / ncls;
    const uint32_t units_a_row = stride / unit;
    for (size_t s = 0; s < m->nstates; s++) {
        for (uint32_t c = 0; c < ncls; c++)
            t[s * stride + c] = (uint16_t)((uint32_t)((double)m->delta[s * ncls + c] * inv + 0.5) *
                                           units_a_row);
        for (uint32_t c = ncls; c < stride; c++)
            t[s * stride + c] = 0; /* padding, never read */
    }
    m->delta16 = t;
    m->unit16 = unit;
    m->stride16 = stride;
    m->output_row16 = m->output_row / ncls * units_a_row;
    free(m->delta);
    m->delta = NULL;
}

size_t cs_matcher_phrase_count(const cs_matcher *m)
{
    return m->npats;
}

size_t cs_matcher_state_count(const cs_matcher *m)
{
    return m->nstates;
}
