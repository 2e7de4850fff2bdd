/*
 * lexgen.c - write the attribution plugin's built-in lexicon as C.
 *
 * Run at build time (the Makefile's rule for lexicon_data.c).  It reads
 * WordNet 3 (Debian wordnet-base; folder from argv[1], else $WORDNET_DIR,
 * else /usr/share/wordnet) and derives five word lists from it:
 *
 *  - reporting verbs: lemmas whose MOST FREQUENT sense (the first one in
 *    index.verb) lies in verb.communication and takes a sentential
 *    complement (verb frame 26, "Somebody ----s that CLAUSE"), and lemmas
 *    whose most frequent sense lies in verb.cognition, takes frame 26 and
 *    is a kind of judging (its hypernym chain reaches "think": believe,
 *    reckon, surmise; not know, remember, decide, which report facts or
 *    acts rather than opinions).  COMM_STOP below drops the few
 *    communication verbs that report no claim.  Each is inflected with
 *    regular rules, irregular forms from verb.exc.  They get the verb
 *    class AT_V_CLAUSE: attribution only with a clause or a quote;
 *  - opinion-holder crowds: nouns whose most frequent sense is in
 *    noun.person below one of CROWD_SEEDS (expert, critic, observer ...),
 *    as plurals (noun.exc for irregular ones): "demographers say";
 *  - organisation name heads: nouns whose most frequent sense is in
 *    noun.group below "organization", singular and plural: name heads
 *    when capitalised ("Halvorsen Utilities said"), organisation nouns in
 *    any case ("the academy said");
 *  - unnamed office holders: nouns whose most frequent sense is in
 *    noun.person below "official", as plurals: "bureaucrats said",
 *    "feds say" (unnamed officials are anonymous sources);
 *  - people by occupation or role: nouns whose most frequent sense is in
 *    noun.person below one of PERSON_SEEDS (worker, professional,
 *    athlete, leader), singular: "a nurse said" (an unnamed person), "the
 *    goalkeeper insisted" (a title standing for a person).
 *
 * These lists only add words the hand-written tables (words.c) do not
 * know.  The lexicon of both is then built with the plugin's own code and
 * printed as constant arrays (the at_lexicon_image at_builtin_lexicon that
 * lexicon.c reads instead of building it again), together with the
 * generated lists themselves (at_gen_extra, for a lexicon rebuilt with
 * configured outlets).  Output on stdout; exit 0, or 1 with a message on
 * stderr (for instance when WordNet is missing).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "words.h"
#include "wordnet.h"

/* Communication verbs with a that-clause frame that report no claim:
 * directives (the clause is an order, not a statement), feigning, not
 * attending to something, and homographs of far more frequent function
 * words ("will" the modal, "mind" the noun, "record" the noun). */
static const char *const COMM_STOP[] = {"will",    "order", "instruct", "teach",     "pray",
                                        "petition", "pretend", "feign",  "ignore",    "disregard",
                                        "record",  "mind",  NULL};

/* Opinion holders: a crowd of these "says" or "believes" something. */
static const char *const CROWD_SEEDS[] = {"expert",    "specialist", "scientist",  "scholar",
                                          "intellectual", "observer", "critic",    "commentator",
                                          "analyst",   "advocate",   "proponent",  "opponent",
                                          "supporter", NULL};

/* People by occupation or role: one of these, unnamed, can be a source ("a
 * nurse said", "the goalkeeper insisted"); singular forms. */
static const char *const PERSON_SEEDS[] = {"worker", "professional", "athlete", "leader", NULL};

static void *gen_alloc(size_t n) { return malloc(n); }
static void gen_free(void *p) { free(p); }

/* ---------------- a growing string ---------------- */

typedef struct strbuf {
    char *s;
    size_t n, cap;
    int oom;
} strbuf;

static void sb_add_sep(strbuf *b, const char *w, char sep)
{
    size_t k = strlen(w);
    if (b->oom)
        return;
    if (b->n + k + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + k + 2)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    if (b->n)
        b->s[b->n++] = sep;
    memcpy(b->s + b->n, w, k);
    b->n += k;
    b->s[b->n] = '\0';
}

static void sb_add(strbuf *b, const char *w)
{
    sb_add_sep(b, w, ' ');
}

/* ---------------- a set of synset offsets ---------------- */

typedef struct offset_set {
    long *slot; /* 0 = empty; offsets are never 0 (the licence header) */
    size_t nslot, count;
} offset_set;

static int set_has(const offset_set *s, long off)
{
    if (!s->nslot)
        return 0;
    for (size_t i = (size_t)off * 2654435761u & (s->nslot - 1);; i = (i + 1) & (s->nslot - 1)) {
        if (s->slot[i] == off)
            return 1;
        if (s->slot[i] == 0)
            return 0;
    }
}

static int set_add(offset_set *s, long off)
{
    if (2 * (s->count + 1) > s->nslot) {
        offset_set g = {NULL, s->nslot ? s->nslot * 2 : 1024, 0};
        g.slot = calloc(g.nslot, sizeof(long));
        if (!g.slot)
            return -1;
        for (size_t i = 0; i < s->nslot; i++)
            if (s->slot[i])
                set_add(&g, s->slot[i]);
        free(s->slot);
        *s = g;
    }
    for (size_t i = (size_t)off * 2654435761u & (s->nslot - 1);; i = (i + 1) & (s->nslot - 1)) {
        if (s->slot[i] == off)
            return 0;
        if (s->slot[i] == 0) {
            s->slot[i] = off;
            s->count++;
            return 0;
        }
    }
}

/* ---------------- word shapes ---------------- */

/* A lemma the lexicon can hold as one word: lower-case letters and inner
 * hyphens, 3..30 bytes. */
static int plain_lemma(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || n > 30 || w[0] == '-' || w[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || w[i] == '-'))
            return 0;
    return 1;
}

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int ends(const char *w, const char *suf)
{
    size_t n = strlen(w), k = strlen(suf);
    return n >= k && strcmp(w + n - k, suf) == 0;
}

/* Third person singular of a verb (verb 1: "echoes"), or plural of a noun
 * (verb 0: "aficionados"), by the regular rules. */
static void add_s(const char *w, char *out, size_t cap, int verb)
{
    size_t n = strlen(w);
    if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh") ||
        (verb && n >= 2 && w[n - 1] == 'o' && !vowel(w[n - 2])))
        snprintf(out, cap, "%ses", w);
    else if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out, cap, "%ss", w);
}

static void add_ed(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (w[n - 1] == 'e')
        snprintf(out, cap, "%sd", w);
    else if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sied", (int)(n - 1), w);
    else
        snprintf(out, cap, "%sed", w);
}

static void add_ing(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "ie"))
        snprintf(out, cap, "%.*sying", (int)(n - 2), w);
    else if (w[n - 1] == 'e' && !ends(w, "ee") && !ends(w, "ye") && !ends(w, "oe"))
        snprintf(out, cap, "%.*sing", (int)(n - 1), w);
    else
        snprintf(out, cap, "%sing", w);
}

/* "base s past participle ing" of a verb, irregular forms from verb.exc. */
static void verb_forms(const wn_db *db, const char *base, char *out, size_t cap)
{
    char s[64], past[64], part[64], ing[64];
    const char *exc[4] = {NULL, NULL, NULL, NULL};
    int nexc = 0;
    ing[0] = '\0';
    for (int i = 0; nexc < 4; i++) {
        const char *x = wn_exception(db, 'v', base, i);
        if (!x)
            break;
        if (ends(x, "ing") && !ends(base, "ing"))
            snprintf(ing, sizeof ing, "%s", x);
        else
            exc[nexc++] = x;
    }
    add_s(base, s, sizeof s, 1);
    if (nexc > 0) {
        snprintf(past, sizeof past, "%s", exc[0]);
        snprintf(part, sizeof part, "%s", exc[nexc > 1 ? 1 : 0]);
    } else {
        add_ed(base, past, sizeof past);
        snprintf(part, sizeof part, "%s", past);
    }
    if (!ing[0])
        add_ing(base, ing, sizeof ing);
    snprintf(out, cap, "%s %s %s %s %s", base, s, past, part, ing);
}

/* Plural of a noun, irregular forms from noun.exc. */
static void noun_plural(const wn_db *db, const char *w, char *out, size_t cap)
{
    const char *x = wn_exception(db, 'n', w, 0);
    if (x)
        snprintf(out, cap, "%s", x);
    else
        add_s(w, out, cap, 0);
}

/* ---------------- selection ---------------- */

typedef struct gen_state {
    wn_db db;
    strbuf verbs;          /* verb definitions, one per line: "forms" */
    strbuf crowd, org, anon, person; /* space-separated words */
    uint32_t *comm;        /* at_comm_hash of communication verbs' past forms */
    size_t ncomm, comm_cap;
    offset_set crowd_set, org_set, anon_set, person_set;
    offset_set *closure;   /* the set collect_seed_senses fills */
    int closure_lex;
    const char *const *seeds;
    int nverbs;
    int failed;
} gen_state;

static int in_list(const char *w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

/* Does the synset carry frame 26 for its word number wnum (1-based)? */
static int that_clause_frame(const wn_synset *s, int wnum)
{
    for (int i = 0; i < s->nframes; i++)
        if (s->frame[i] == 26 && (s->frame_word[i] == 0 || s->frame_word[i] == wnum))
            return 1;
    return 0;
}

/* Does the hypernym chain of verb synset off reach the root "think" ("use
 * or exercise the mind ... to make inferences, decisions, or arrive at a
 * solution or judgments")?  Not "remember" or "know", whose synsets also
 * hold the word "think" ("think of"). */
static int judging(wn_db *db, long off)
{
    for (int depth = 0; depth < 16; depth++) {
        if (wn_read_synset(db, 'v', off) != 0)
            return 0;
        long up = -1;
        for (int i = 0; i < db->syn.nptrs; i++)
            if (strcmp(db->syn.ptr_sym[i], "@") == 0 && db->syn.ptr_pos[i] == 'v') {
                up = db->syn.ptr_off[i];
                break;
            }
        if (up < 0) /* the root "think, cogitate, cerebrate" */
            return db->syn.nwords > 1 && strcmp(db->syn.words[0], "think") == 0 &&
                   strcmp(db->syn.words[1], "cogitate") == 0;
        off = up;
    }
    return 0;
}

/* Keep the past form (the third of verb_forms' five) of a communication
 * verb, hashed, for at_that_speaker. */
static void keep_comm_past(gen_state *g, const char *forms)
{
    const char *p = forms;
    for (int k = 0; k < 2 && p; k++) {
        p = strchr(p, ' ');
        if (p)
            p++;
    }
    if (!p)
        return;
    size_t n = strcspn(p, " ");
    if (g->ncomm == g->comm_cap) {
        size_t cap = g->comm_cap ? 2 * g->comm_cap : 1024;
        uint32_t *m = realloc(g->comm, cap * sizeof *m);
        if (!m) {
            g->failed = 1;
            return;
        }
        g->comm = m;
        g->comm_cap = cap;
    }
    g->comm[g->ncomm++] = at_comm_hash(p, n);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int pick_verb(const char *lemma, const long *offs, int n, void *arg)
{
    gen_state *g = arg;
    char forms[400];
    if (!plain_lemma(lemma) || in_list(lemma, COMM_STOP))
        return 0;
    if (wn_read_synset(&g->db, 'v', offs[0]) != 0)
        return 0;
    const wn_synset *s = &g->db.syn;
    int lex = s->lexfile, wnum = 0;
    if (lex == WN_VERB_COMMUNICATION) { /* any frame: "joked that" */
        verb_forms(&g->db, lemma, forms, sizeof forms);
        keep_comm_past(g, forms);
        if (wn_read_synset(&g->db, 'v', offs[0]) != 0)
            return 0;
    }
    for (int i = 0; i < s->nwords; i++)
        if (strcmp(s->words[i], lemma) == 0)
            wnum = i + 1;
    if (!wnum || !that_clause_frame(s, wnum))
        return 0;
    if (lex == WN_VERB_COGNITION) {
        if (!judging(&g->db, offs[0]))
            return 0;
    } else if (lex != WN_VERB_COMMUNICATION) {
        return 0;
    }
    verb_forms(&g->db, lemma, forms, sizeof forms);
    sb_add_sep(&g->verbs, forms, '\n');
    g->nverbs++;
    return 0;
}

/* Add every sense of a seed lemma that lies in the wanted lexicographer
 * file, then everything below it (hyponyms, not instances). */
static int closure_of_seed(const char *lemma, const long *offs, int n, void *arg)
{
    gen_state *g = arg;
    if (!in_list(lemma, g->seeds))
        return 0;
    long stack[8192];
    size_t sp = 0;
    for (int i = 0; i < n && sp < 8192; i++)
        stack[sp++] = offs[i];
    while (sp > 0) {
        long off = stack[--sp];
        if (set_has(g->closure, off))
            continue;
        if (wn_read_synset(&g->db, 'n', off) != 0 || g->db.syn.lexfile != g->closure_lex)
            continue;
        if (set_add(g->closure, off) != 0) {
            g->failed = 1;
            return 1;
        }
        for (int i = 0; i < g->db.syn.nptrs && sp < 8192; i++)
            if (strcmp(g->db.syn.ptr_sym[i], "~") == 0 && g->db.syn.ptr_pos[i] == 'n')
                stack[sp++] = g->db.syn.ptr_off[i];
    }
    return 0;
}

/* Is lemma written with a capital in its noun synset at off? */
static int capitalised(gen_state *g, const char *lemma, long off)
{
    if (wn_read_synset(&g->db, 'n', off) != 0)
        return 0;
    for (int i = 0; i < g->db.syn.nwords; i++)
        if (strcmp(g->db.syn.words[i], lemma) == 0)
            return g->db.syn.capital[i];
    return 0;
}

static int pick_noun(const char *lemma, const long *offs, int n, void *arg)
{
    gen_state *g = arg;
    char pl[80];
    if (!plain_lemma(lemma))
        return 0;
    if (set_has(&g->crowd_set, offs[0])) {
        noun_plural(&g->db, lemma, pl, sizeof pl);
        sb_add(&g->crowd, pl);
    }
    if (set_has(&g->anon_set, offs[0])) {
        noun_plural(&g->db, lemma, pl, sizeof pl);
        sb_add(&g->anon, pl);
    }
    if (set_has(&g->person_set, offs[0]) && strlen(lemma) >= 4 && !capitalised(g, lemma, offs[0]))
        sb_add(&g->person, lemma); /* not "Republican", "Catholic": members, named */
    if (set_has(&g->org_set, offs[0]) && strlen(lemma) >= 4) {
        sb_add(&g->org, lemma);
        noun_plural(&g->db, lemma, pl, sizeof pl);
        sb_add(&g->org, pl);
    }
    return 0;
}

/* ---------------- output ---------------- */

static void put_entry(const at_lexent *e)
{
    printf("    {.key = {0x%016" PRIx64 "u, 0x%016" PRIx64 "u}, .cls = 0x%" PRIx64
           "u, .phrase = %" PRId32 ", .index = %" PRIu32 "u, .wid = %u, .vclass = %u, .vform = %u, "
           ".keylen = %u, .capcls = 0x%" PRIx64 "u, .allcapcls = 0x%" PRIx64 "u, .keyoff = %" PRIu32
           "u, .hash = 0x%08" PRIx32 "u},\n",
           e->key[0], e->key[1], e->cls, e->phrase, e->index, (unsigned)e->wid,
           (unsigned)e->vclass, (unsigned)e->vform, (unsigned)e->keylen, e->capcls, e->allcapcls,
           e->keyoff, e->hash);
}

static void put_phrase(const at_phrase *p)
{
    printf("    {0x%" PRIx64 "u, %d, %u, %u, {", p->cls, p->needcaps, (unsigned)p->wid,
           (unsigned)p->nwords);
    for (int k = 0; k < AT_PHRASE_MAX; k++)
        printf("%s%" PRId32, k ? ", " : "", p->went[k]);
    printf("}, {");
    for (int k = 0; k < AT_PHRASE_MAX; k++)
        printf("%s%u", k ? ", " : "", (unsigned)p->wposs[k]);
    printf("}, %" PRId32 "},\n", p->next);
}

/* A word list as C string pieces of about 70 bytes. */
static void put_words(const char *s)
{
    printf("     \"");
    size_t col = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' && col > 70) {
            printf(" \"\n     \"");
            col = 0;
            continue;
        }
        putchar(*p);
        col++;
    }
    printf("\"");
}

/* Split the verb lines into at_verbdef rows of the generated table. */
static size_t split_verbs(char *lines, at_verbdef *out, size_t cap)
{
    size_t n = 0;
    char *save = NULL;
    for (char *l = strtok_r(lines, "\n", &save); l && n < cap; l = strtok_r(NULL, "\n", &save))
        out[n++] = (at_verbdef){AT_V_CLAUSE, l};
    return n;
}

static void print_lexicon(const at_lexicon *lx)
{
    at_lexicon_image im;
    at_lexicon_image_of(lx, &im);
    printf("static const at_lexent tab[%zu] __attribute__((aligned(64))) = {\n", im.ntab);
    for (size_t i = 0; i < im.ntab; i++)
        put_entry(&im.tab[i]);
    printf("};\n\nstatic const uint64_t bloom[512] = {\n");
    for (size_t i = 0; i < 512; i++)
        printf("%s0x%016" PRIx64 "u,%s", i % 4 ? " " : "    ", im.bloom[i], i % 4 == 3 ? "\n" : "");
    printf("};\n\nstatic const char arena[%zu] = {\n", im.narena ? im.narena : 1);
    for (size_t i = 0; i < im.narena; i++)
        printf("%s%d,%s", i % 16 ? " " : "    ", im.arena[i], i % 16 == 15 ? "\n" : "");
    printf("%s};\n\nstatic const at_phrase phr[%zu] = {\n", im.narena % 16 ? "\n" : "",
           im.nphr ? im.nphr : 1);
    for (size_t i = 0; i < im.nphr; i++)
        put_phrase(&im.phr[i]);
    printf("};\n\nconst at_lexicon_image at_builtin_lexicon = {\n"
           "    sizeof(at_lexent), sizeof(at_phrase), %zu, %zu, %zu, tab, bloom, arena, phr,\n"
           "};\n",
           im.ntab, im.nphr, im.narena);
}

int main(int argc, char **argv)
{
    static gen_state g; /* large: the WordNet scratch synset */
    at_alloc al = {gen_alloc, gen_free};
    at_lexicon *lx = NULL;
    at_verbdef *vd = NULL;
    char err[700];
    int rc = 1;
    const char *dir = argc > 1 ? argv[1] : getenv("WORDNET_DIR");
    if (!dir || !*dir)
        dir = "/usr/share/wordnet";

    if (wn_open(&g.db, dir, err, sizeof err) != 0) {
        fprintf(stderr, "lexgen: %s\n", err);
        return 1;
    }
    static const char *const org_seeds[] = {"organization", NULL};
    static const char *const anon_seeds[] = {"official", NULL};
    g.closure = &g.crowd_set;
    g.closure_lex = WN_NOUN_PERSON;
    g.seeds = CROWD_SEEDS;
    wn_each_lemma(&g.db, 'n', closure_of_seed, &g);
    g.closure = &g.org_set;
    g.closure_lex = WN_NOUN_GROUP;
    g.seeds = org_seeds;
    wn_each_lemma(&g.db, 'n', closure_of_seed, &g);
    g.closure = &g.anon_set;
    g.closure_lex = WN_NOUN_PERSON;
    g.seeds = anon_seeds;
    wn_each_lemma(&g.db, 'n', closure_of_seed, &g);
    g.closure = &g.person_set;
    g.closure_lex = WN_NOUN_PERSON;
    g.seeds = PERSON_SEEDS;
    wn_each_lemma(&g.db, 'n', closure_of_seed, &g);
    wn_each_lemma(&g.db, 'n', pick_noun, &g);
    wn_each_lemma(&g.db, 'v', pick_verb, &g);
    if (g.failed || g.verbs.oom || g.crowd.oom || g.org.oom || g.anon.oom || g.person.oom) {
        fprintf(stderr, "lexgen: out of memory\n");
        goto out;
    }
    if (g.nverbs == 0 || !g.crowd.n || !g.org.n || !g.anon.n || !g.person.n) {
        fprintf(stderr, "lexgen: %s holds no usable WordNet 3 verb or noun data\n", dir);
        goto out;
    }

    printf("/* Generated by plugins/attribution/gen/lexgen.c from words.c and WordNet 3\n"
           " * (%s): do not edit. */\n#include \"lexicon.h\"\n#include \"words.h\"\n\n",
           dir);
    /* the generated lists, as C (and, split, as tables for the builder) */
    printf("/* Reporting verbs: verb.communication and judging verb.cognition lemmas\n"
           " * with a that-clause frame (26), sense 1 only, inflected. */\n");
    printf("static const at_verbdef gen_verbdefs[] = {\n");
    vd = calloc((size_t)g.nverbs + 1, sizeof(*vd));
    if (!vd) {
        fprintf(stderr, "lexgen: out of memory\n");
        goto out;
    }
    size_t nvd = split_verbs(g.verbs.s, vd, (size_t)g.nverbs);
    for (size_t i = 0; i < nvd; i++)
        printf("    {AT_V_CLAUSE, \"%s\"},\n", vd[i].forms);
    printf("};\n\n/* Opinion-holder plurals: noun.person below the crowd seeds. */\n");
    printf("static const at_wordset gen_wordsets[] = {\n    {AT_L_CROWD | AT_L_VAGUE, 0,\n");
    put_words(g.crowd.s);
    printf("},\n    /* Organisation heads: noun.group below \"organization\" (name heads\n"
           "     * when capitalised, organisation nouns in any case). */\n"
           "    {AT_L_ORGSUF | AT_L_ORGNOUN, 0,\n");
    put_words(g.org.s);
    printf("},\n    /* Unnamed office holders: noun.person below \"official\". */\n"
           "    {AT_L_ANON, 0,\n");
    put_words(g.anon.s);
    printf("},\n    /* People by occupation or role: noun.person below worker, professional,\n"
           "     * athlete, leader (singular). */\n"
           "    {AT_L_PERSON, 0,\n");
    put_words(g.person.s);
    printf("},\n};\n\nconst at_lexicon_extra at_gen_extra = {gen_wordsets, 4, gen_verbdefs, "
           "%zu};\n\n",
           nvd);

    qsort(g.comm, g.ncomm, sizeof *g.comm, cmp_u32);
    printf("/* Past forms of WordNet verb.communication lemmas (most frequent sense,\n"
           " * any frame), as at_comm_hash values, sorted: at_that_speaker. */\n"
           "const uint32_t at_comm_past[] = {\n");
    size_t ncomm = 0;
    for (size_t i = 0; i < g.ncomm; i++)
        if (i == 0 || g.comm[i] != g.comm[i - 1]) {
            printf("%s0x%08" PRIx32 "u,%s", ncomm % 6 ? " " : "    ", g.comm[i],
                   ncomm % 6 == 5 ? "\n" : "");
            ncomm++;
        }
    printf("%s};\nconst size_t at_n_comm_past = %zu;\n\n", ncomm % 6 ? "\n" : "", ncomm);

    at_wordset ws[4] = {{AT_L_CROWD | AT_L_VAGUE, 0, g.crowd.s},
                        {AT_L_ORGSUF | AT_L_ORGNOUN, 0, g.org.s},
                        {AT_L_ANON, 0, g.anon.s},
                        {AT_L_PERSON, 0, g.person.s}};
    at_lexicon_extra extra = {ws, 4, vd, nvd};
    if (at_lexicon_build_ex(&lx, NULL, 0, &al, 0, &extra, err, sizeof err) != 0) {
        fprintf(stderr, "lexgen: %s\n", err);
        goto out;
    }
    print_lexicon(lx);
    rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
out:
    at_lexicon_free(lx);
    free(vd);
    free(g.verbs.s);
    free(g.crowd.s);
    free(g.org.s);
    free(g.anon.s);
    free(g.person.s);
    free(g.comm);
    free(g.person_set.slot);
    free(g.anon_set.slot);
    free(g.crowd_set.slot);
    free(g.org_set.slot);
    wn_close(&g.db);
    return rc;
}
