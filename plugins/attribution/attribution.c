/*
 * attribution.c - attribution verbs, their subjects and anonymous-source
 * refinements, one sentence at a time.
 *
 * Contract: see attribution.h.  Each verb costs a bounded scan of its
 * neighbourhood, so a sentence is analysed in linear time.
 */
#include "attribution.h"

#include <string.h>

#include "propernoun.h"

typedef struct sent_state {
    at_sent s;
    at_hit *hits;
    size_t nhits, cap;
    int finite;       /* a finite attribution verb produced a hit */
    size_t cue;       /* index of an anonymity cue, (size_t)-1 if none */
    int headline;     /* headline case: "Mayor Tells Council" */
} sent_state;

#define NONE_IDX ((size_t)-1)

static size_t skip_inserts(const at_sent *s, size_t g);
/* Bit of a special word id in a sentence's word-id mask. */
#define W(id) (1ull << ((id) & 63))

static int word(const at_tok *t)
{
    return t->kind == AT_TK_WORD;
}

/* A lower-case word the lexicon does not know (often an adjective). */
static int lower_is_mod(const at_tok *t)
{
    return word(t) && !(t->flags & AT_TF_CAP) && t->cls == 0 && t->vclass == 0;
}

/* Add a hit unless one of the same class overlaps it. */
static void add_hit(sent_state *st, at_class cls, at_rule rule, size_t ta, size_t tb, double conf,
                    const at_np *np)
{
    const at_tok *t = st->s.t;
    if (cls == AT_NONE || ta > tb)
        return;
    size_t start = t[ta].start, end = t[tb].end;
    for (size_t i = 0; i < st->nhits; i++) {
        at_hit *h = &st->hits[i];
        if (h->cls == cls && h->start < end && start < h->end)
            return;
    }
    if (st->nhits >= st->cap)
        return;
    at_hit *h = &st->hits[st->nhits++];
    memset(h, 0, sizeof(*h));
    h->cls = cls;
    h->rule = rule;
    h->start = start;
    h->end = end;
    h->conf = conf;
    h->np_a = np ? np->a : ta;
    h->head = np ? np->head : tb;
    /* the source is the phrase; the cue is what the span holds besides it
     * ("said" after it, "according to" before it) */
    size_t sa = np ? np->a : ta, sb = np ? np->b : tb;
    h->src_start = t[sa].start;
    h->src_end = t[sb].end;
    h->cue_start = h->cue_end = 0;
    if (np && np->b < tb) {
        h->cue_start = t[tb].start; /* the verb: "said", not "who chairs ..., said" */
        h->cue_end = t[tb].end;
    } else if (np && np->a > ta) {
        h->cue_start = t[ta].start;
        h->cue_end = t[np->a - 1].end;
    }
    h->postmod = np ? np->postmod : 0;
    h->surname_seen = np ? np->surname_seen : 0;
}

/* Record full personal names ("Petr Fiala", "Mayor Sobyanin", "Valeska
 * Paris": a place word can end a name) in names, and the names of
 * organisations ("Halvorsen" of "Halvorsen Utilities", "Coastal Transit
 * Authority") in orgs: a name introduced as an organisation stays one. */
static int register_names(at_names *names, at_names *orgs, const at_sent *s)
{
    const at_tok *t = s->t;
    if (!names)
        return 0;
    for (size_t i = 0; i < s->n;) {
        if (!word(&t[i]) || !(t[i].cls & AT_L_NAME)) {
            i++;
            continue;
        }
        size_t j = i, k = 0, last = i;
        while (j < s->n && word(&t[j]) &&
               ((t[j].cls & AT_L_NAME) ||
                ((t[j].cls & (AT_L_PLACE | AT_L_CITY)) && (t[j].flags & AT_TF_CAP) && k > 0 &&
                 !(t[j - 1].flags & AT_TF_POSS) && !(t[j].cls & AT_L_STOP)) ||
                (t[j].cls & AT_L_PARTICLE && j + 1 < s->n && (t[j + 1].cls & AT_L_NAME)))) {
            if (t[j].cls & (AT_L_NAME | AT_L_PLACE | AT_L_CITY)) {
                k++;
                last = j;
            }
            j++;
            if (t[j - 1].flags & AT_TF_POSS)
                break;
        }
        const at_tok *after = j < s->n ? &t[j] : NULL;
        if (orgs && after && word(after) && (after->flags & AT_TF_CAP) &&
            (after->cls & (AT_L_ORGSUF | AT_L_INST)) && !(after->cls & AT_L_TITLE) &&
            !(t[j - 1].flags & AT_TF_POSS)) {
            for (size_t m = i; m < j; m++)
                if ((t[m].cls & AT_L_NAME) &&
                    at_names_add(orgs, s->text + t[m].start, t[m].kend - t[m].start) != 0)
                    return -1;
            i = j;
            continue;
        }
        int titled = i > 0 && word(&t[i - 1]) && (t[i - 1].cls & AT_L_TITLE) &&
                     !(t[i - 1].flags & AT_TF_POSS);
        if (k >= 2 || (k == 1 && titled)) {
            if (at_names_add(names, s->text + t[last].start, t[last].kend - t[last].start) != 0)
                return -1;
        }
        i = j > i ? j : i + 1;
    }
    return 0;
}

/* Skip auxiliaries and adverbs left of token v; returns the index left of
 * the verb group, or NONE_IDX. */
static size_t skip_verb_group(const at_sent *s, size_t v, int *saw_be, int *neg)
{
    const at_tok *t = s->t;
    size_t g = v, steps = 0;
    *saw_be = 0;
    *neg = 0;
    while (g > 0 && steps < 5) {
        const at_tok *p = &t[g - 1];
        if (!word(p) || (p->cls & (AT_L_PRON | AT_L_NAME)) || !(p->cls & (AT_L_AUX | AT_L_BE | AT_L_ADV)))
            break;
        if (p->cls & AT_L_BE)
            *saw_be = 1;
        if (p->cls & AT_L_NEG)
            *neg = 1;
        g--;
        steps++;
    }
    return g == 0 ? NONE_IDX : g - 1;
}

/* A participle opening a clause: released, based, speaking, citing. */
static int participle_like(const at_sent *s, const at_tok *f)
{
    size_t n = f->kend - f->start;
    const char *e = s->text + f->kend;
    if (f->vclass && (f->vform & (AT_VF_PAST | AT_VF_PART | AT_VF_ING)))
        return 1;
    if (f->wid == AT_W_SPEAKING)
        return 1;
    return f->cls == 0 && n > 4 &&
           ((e[-2] == 'e' && e[-1] == 'd') || (e[-3] == 'i' && e[-2] == 'n' && e[-1] == 'g'));
}

/* A party tag: "D-Ohio", "R-Texas", "I-Vt." (party letter, hyphen, place). */
static int party_tag(const at_sent *s, const at_tok *f)
{
    const char *w = s->text + f->start;
    size_t n = f->end - f->start;
    return word(f) && n >= 4 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' &&
           w[2] >= 'A' && w[2] <= 'Z';
}

/* Kinds of apposition (see skip_apposition). */
enum { APPOS_OTHER, APPOS_PERSON, APPOS_THING };

/* "Fico, who plans to attend, had earlier denounced": from the comma at c,
 * find the phrase before the apposition; NONE_IDX when it is not one.
 * *kind tells whether the apposition shows a person (who, an age, a
 * title) or a thing (which). */
static size_t skip_apposition(const at_sent *s, size_t c, int *kind)
{
    const at_tok *t = s->t;
    size_t lo = c > 30 ? c - 30 : 0;
    *kind = APPOS_OTHER;
    for (size_t k = c; k-- > lo;) {
        uint8_t kd = t[k].kind;
        if (kd == AT_TK_COMMA) {
            if (k == 0 || k + 1 >= c)
                return NONE_IDX;
            const at_tok *f = &t[k + 1];
            int ok = (word(f) && (f->wid == AT_W_WHO || f->wid == AT_W_WHICH)) ||
                     (f->kind == AT_TK_NUM && k + 2 == c);
            if (ok)
                *kind = (word(f) && f->wid == AT_W_WHICH) ? APPOS_THING : APPOS_PERSON;
            /* a participle clause: ", released on Monday," ", speaking to Reuters," */
            if (!ok && word(f) && !(f->flags & AT_TF_CAP) && k + 2 < c && word(&t[k + 2]) &&
                (t[k + 2].cls & (AT_L_PREP | AT_L_ADV)) && participle_like(s, f)) {
                ok = 1;
                *kind = APPOS_PERSON; /* short and about the subject: keeps it adjacent */
            }
            /* a prepositional insert: ", in remarks to X,", ", of the University of X," */
            if (!ok && word(f) && (f->cls & AT_L_PPREP) && f->wid != AT_W_TO && c - k <= 12) {
                ok = 1;
                for (size_t j = k + 1; j < c && ok; j++)
                    ok = (word(&t[j]) || t[j].kind == AT_TK_NUM) &&
                         !(t[j].cls & (AT_L_AUX | AT_L_BE | AT_L_REL)) &&
                         !(t[j].vclass && (t[j].vform & (AT_VF_PAST | AT_VF_S)) &&
                           !(t[j].cls & AT_L_NOUNV));
                if (ok)
                    *kind = APPOS_PERSON;
            }
            /* post-nominal letters or a party tag: "Tom Molomby, SC, said",
             * "Ana Ortiz, D-Ohio, said" */
            if (!ok && k + 2 == c && word(f) &&
                (((f->flags & AT_TF_ALLCAPS) && f->kend - f->start <= 3) || party_tag(s, f))) {
                ok = 1;
                *kind = APPOS_PERSON;
            }
            if (!ok) {
                /* an appositive noun phrase: "deputy chairman of X and former president" */
                ok = 1;
                for (size_t j = k + 1; j < c; j++) {
                    const at_tok *w = &t[j];
                    if (!word(w) || (w->vclass && !(w->cls & (AT_L_MOD | AT_L_TITLE | AT_L_INST))) ||
                        (w->cls & (AT_L_AUX | AT_L_BE | AT_L_PRON))) {
                        ok = 0;
                        break;
                    }
                }
                int has_title = 0;
                for (size_t j = k + 1; ok && j < c; j++)
                    if (t[j].cls & (AT_L_TITLE | AT_L_PERSON))
                        has_title = 1;
                /* or any indefinite description of a person named before it:
                 * "Kiara Vell, a second-year art student, said" */
                int described = k >= 2 && (t[k + 1].wid == AT_W_A) && word(&t[k - 1]) &&
                                (t[k - 1].cls & AT_L_NAME) &&
                                (t[k - 2].cls & (AT_L_NAME | AT_L_TITLE));
                ok = ok && (has_title || described);
                if (ok)
                    *kind = APPOS_PERSON;
            }
            if (!ok)
                return NONE_IDX;
            const at_tok *h = &t[k - 1];
            if (!word(h) || !(h->cls & (AT_L_NAME | AT_L_PLACE | AT_L_CITY | AT_L_ORG | AT_L_ACRONYM |
                                        AT_L_INST | AT_L_ANON | AT_L_OUTLET | AT_L_TITLE |
                                        AT_L_DOC | AT_L_MEDIA | AT_L_PERSON)))
                return NONE_IDX;
            return k - 1;
        }
        if (kd == AT_TK_PERIOD || kd == AT_TK_QUOTE || kd == AT_TK_COLON || kd == AT_TK_SEMI ||
            kd == AT_TK_SQUOTE)
            return NONE_IDX;
    }
    return NONE_IDX;
}

/* Is the token after an inverted subject ("said the envoy ...") compatible
 * with inversion (end, punctuation, a preposition), not a clause ("said the
 * envoy had left")? */
static int inversion_ends(const at_sent *s, size_t after)
{
    const at_tok *t = s->t;
    if (after >= s->n)
        return 1;
    const at_tok *x = &t[after];
    if (!word(x))
        return x->kind != AT_TK_NUM;
    if (x->cls & (AT_L_AUX | AT_L_BE))
        return 0;
    if (x->wid == AT_W_THAT)
        return 0;
    if (x->vclass && (x->vform & AT_VF_ING))
        return 1; /* ", adding that" */
    if (x->vclass && (x->vform & (AT_VF_PAST | AT_VF_S | AT_VF_BASE)) && !(x->cls & AT_L_STOP))
        return 0;
    if (x->cls & (AT_L_PREP | AT_L_STOP | AT_L_ADV | AT_L_REL))
        return 1;
    return 0;
}

/* Does a word of class `cls` come within `span` tokens after i (words only)? */
static int word_ahead(const at_sent *s, size_t i, size_t span, uint64_t cls, int quote_ok)
{
    for (size_t j = i + 1; j < s->n && j <= i + span; j++) {
        const at_tok *x = &s->t[j];
        if (quote_ok && (x->kind == AT_TK_QUOTE || x->kind == AT_TK_SQUOTE) &&
            (x->flags & AT_TF_QOPEN))
            return 1;
        if (x->kind == AT_TK_PERIOD || x->kind == AT_TK_SEMI)
            return 0;
        if (word(x) && (x->cls & cls))
            return 1;
    }
    return 0;
}

/* "claimed the trophy": a prize right after a claim verb. */
static int prize_follows(const at_sent *s, size_t v)
{
    for (size_t j = v + 1; j < s->n && j <= v + 4; j++) {
        const at_tok *x = &s->t[j];
        if (!word(x) && x->kind != AT_TK_NUM)
            return 0;
        if (x->cls & AT_L_PRIZE)
            return 1;
        if (!(x->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT | AT_L_MOD)) && x->kind != AT_TK_NUM &&
            !(x->flags & AT_TF_POSS) && x->cls != 0)
            return 0;
    }
    return 0;
}

/* Classify the object of tell/cite and add it when it is a source.  With
 * media_only, only a named outlet or a qualified media noun counts ("told
 * CNN", "told Slovak television"; not "told the press"). */
static void object_source(sent_state *st, size_t v, int media_only)
{
    const at_tok *t = st->s.t;
    at_np o;
    if (v + 1 >= st->s.n || at_np_right(&st->s, v + 1, &o) != 0)
        return;
    if (t[o.head].cls & AT_L_PRON)
        return;
    at_np_classify(&st->s, &o, 1);
    if (o.cls == AT_NONE || o.cls == AT_VAGUE || (media_only && o.cls != AT_MEDIA))
        return; /* "quoted critics like X": the crowd is not the source */
    if (media_only) {
        int named = 0, qualified = 0;
        for (size_t i = o.a; i <= o.b; i++) {
            if (t[i].cls & AT_L_OUTLET)
                named = 1;
            else if (i < o.head && word(&t[i]) && !(t[i].cls & (AT_L_DET | AT_L_POSSDET)))
                qualified = 1;
        }
        if (!named && !qualified)
            return;
    }
    add_hit(st, o.cls, o.rule, v, o.b, o.conf, &o);
}

/* The subject of the sentence, for a participle (", saying ..."). */
static int sentence_subject(const at_sent *s, size_t limit, at_np *np)
{
    const at_tok *t = s->t;
    size_t i = 0;
    while (i < limit && !word(&t[i]))
        i++;
    if (i < limit && (t[i].cls & (AT_L_STOP | AT_L_ADV)) &&
        !(t[i].cls & (AT_L_DET | AT_L_QUANT | AT_L_PRON | AT_L_POSSDET)))
        i++;
    while (i < limit && t[i].kind == AT_TK_COMMA)
        i++;
    if (i >= limit || at_np_right(s, i, np) != 0 || np->b >= limit)
        return -1;
    size_t after = np->b + 1;
    if (after < s->n && word(&t[after]) && t[after].wid != AT_W_AND &&
        !(t[after].cls & (AT_L_AUX | AT_L_BE | AT_L_ADV)) && !t[after].vclass)
        return -1; /* the phrase must be followed by its verb */
    return 0;
}

/* A verb form that is also a noun ("reports", "claims", "note") is a verb
 * only when a clause or an object follows. */
static int noun_verb_ok(const at_tok *next, const at_tok *next2)
{
    if (!next)
        return 0;
    if (next->kind == AT_TK_COMMA || next->kind == AT_TK_COLON || next->kind == AT_TK_NUM ||
        (next->kind == AT_TK_QUOTE && (next->flags & AT_TF_QOPEN)))
        return 1;
    if (!word(next))
        return 0;
    if (next->wid == AT_W_TO && next2 && word(next2) && !(next2->flags & AT_TF_CAP) &&
        !(next2->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT | AT_L_PRON)))
        return 1; /* "claims to be", "vows to fight" */
    if (next->cls & AT_L_PPREP)
        return 0;
    if ((next->cls & AT_L_ADV) && !(next->cls & AT_L_STOP && !(next->cls & AT_L_NEG)))
        return 1; /* "officials note even if" */
    return (next->cls & (AT_L_ADV | AT_L_DET | AT_L_POSSDET | AT_L_QUANT | AT_L_PRON | AT_L_NAME |
                         AT_L_PLACE | AT_L_CITY | AT_L_ORG | AT_L_ACRONYM | AT_L_DEMONYM)) ||
           next->wid == AT_W_THAT;
}

/* "asked whether/if/why ...", "asked:", not "asked no questions". */
static int ask_ok(const at_sent *s, const at_tok *next)
{
    if (!next || !word(next))
        return 1;
    static const char *const q[] = {"whether", "if", "why", "how", "what", "when", "where", "who"};
    for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++)
        if (at_tok_is(s, next, q[i]))
            return 1;
    return 0;
}

/* "The mayor, Jan Novak, said": the comma at c closes a personal name in
 * apposition to the phrase before it.  The name is the subject; the phrase
 * joins the span.  0 and np when it is one, -1 otherwise. */
static int name_apposition(const at_sent *s, size_t c, at_np *np)
{
    const at_tok *t = s->t;
    size_t k = c;
    while (k > 0 && word(&t[k - 1]) && (t[k - 1].cls & (AT_L_NAME | AT_L_PARTICLE)) &&
           !(t[k - 1].flags & AT_TF_POSS))
        k--;
    if (k == c || k < 2 || t[k - 1].kind != AT_TK_COMMA || !(t[c - 1].cls & AT_L_NAME))
        return -1;
    at_np before;
    size_t bg = skip_inserts(s, k - 2); /* "The secretary general of X (Y), Jan Novak," */
    if (bg == NONE_IDX || at_np_left(s, bg, &before) != 0 ||
        !(t[before.head].cls & (AT_L_TITLE | AT_L_PERSON)))
        return -1;
    if (at_np_left(s, c - 1, np) != 0)
        return -1;
    np->a = before.a;
    return 0;
}

/* "a former schoolfriend (from Odesa) told": an indefinite noun the lexicon
 * does not know, used as a speaker, is an unnamed person. */
static int unnamed_person(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    size_t h = g;
    /* the verb must follow directly: "a former schoolfriend told" */
    if (g + 1 >= s->n || !t[g + 1].vclass || !(t[g + 1].vform & (AT_VF_PAST | AT_VF_S)) ||
        !(t[g + 1].vclass == AT_V_SAY || t[g + 1].vclass == AT_V_TELL ||
          t[g + 1].vclass == AT_V_CLAUSE))
        return -1;
    /* step over a short place attachment: "from Odesa", "in Kyiv" */
    if (h >= 2 && word(&t[h]) && (t[h].cls & (AT_L_NAME | AT_L_CITY | AT_L_PLACE)) &&
        word(&t[h - 1]) && (t[h - 1].wid == AT_W_FROM || t[h - 1].wid == AT_W_IN))
        h -= 2;
    if (!word(&t[h]) || (t[h].flags & AT_TF_CAP) || t[h].cls != 0 || t[h].vclass ||
        (t[h].flags & AT_TF_POSS))
        return -1;
    size_t a = h;
    for (int k = 0; k < 3 && a > 0; k++) {
        const at_tok *p = &t[a - 1];
        if (!word(p))
            return -1;
        if (p->wid == AT_W_A || (p->wid == AT_W_ONE && !(p->flags & AT_TF_POSS))) {
            memset(np, 0, sizeof(*np));
            np->a = a - 1;
            np->b = g;
            np->head = h;
            np->cls = AT_ANON;
            np->rule = AT_R_UNNAMED;
            np->conf = 0.45;
            return 0;
        }
        if ((p->cls & ~(AT_L_MOD | AT_L_DEMONYM)) != 0 || p->vclass)
            return -1;
        a--;
    }
    return -1;
}

/* "Beijing is particularly wary that ...": a stated stance. */
static void stance_adjectives(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    at_np np;
    for (size_t i = 1; i + 1 < s->n; i++) {
        if (!word(&t[i]) || !(t[i].cls & AT_L_COGADJ) || t[i + 1].wid != AT_W_THAT)
            continue;
        int saw_be = 0, neg = 0;
        size_t g = skip_verb_group(s, i, &saw_be, &neg);
        if (!saw_be || neg || g == NONE_IDX || at_np_left(s, g, &np) != 0)
            continue;
        at_np_classify(s, &np, 1);
        if (np.cls != AT_NONE)
            add_hit(st, np.cls, np.rule, np.a, i, np.conf * 0.7, &np);
    }
}

/* Pick the subject before the verb group that ends at g: 0 and np when
 * found, 1 when found and already classified, -1 when there is none.
 * *adjacent says whether a lone surname may count, *thing that an
 * apposition or relative clause showed a thing ("which"). */
/* Step left over material between a subject and its verb: a party tag
 * or any short parenthesis ("Rep. Ana Ortiz (D-Ohio) said") and a time
 * phrase ("the mayor on Friday said", "officials last week said").
 * Returns the token before it (g itself when there is none), NONE_IDX when
 * nothing is left. */
static size_t skip_inserts(const at_sent *s, size_t g)
{
    const at_tok *t = s->t;
    for (int round = 0; round < 2 && g != NONE_IDX; round++) {
        if (t[g].kind == AT_TK_PCLOSE) {
            size_t k = g;
            while (k > 0 && g - k < 8 && t[k].kind != AT_TK_POPEN)
                k--;
            if (t[k].kind != AT_TK_POPEN || k == 0)
                return g;
            g = k - 1;
            continue;
        }
        if (word(&t[g]) && (t[g].cls & AT_L_TIME)) {
            size_t k = g;
            while (k > 0 && g - k < 4 && word(&t[k - 1]) &&
                   ((t[k - 1].cls & AT_L_TIME) || t[k - 1].wid == AT_W_ON ||
                    t[k - 1].wid == AT_W_THIS || at_tok_is(s, &t[k - 1], "last") ||
                    at_tok_is(s, &t[k - 1], "late") || at_tok_is(s, &t[k - 1], "early") ||
                    at_tok_is(s, &t[k - 1], "earlier")))
                k--;
            if (k == g || k == 0 || !at_head_capable(&t[k - 1]))
                return g;
            g = k - 1;
            continue;
        }
        break;
    }
    return g;
}

/* A finite verb of a coordinated clause: a known verb form or an unknown
 * lower-case word in -ed ("attacked"). */
static int verb_like(const at_sent *s, const at_tok *x)
{
    if (!word(x) || (x->flags & AT_TF_CAP))
        return 0;
    if (x->vclass)
        return (x->vform & (AT_VF_PAST | AT_VF_S)) != 0;
    size_t n = x->kend - x->start;
    const char *e = s->text + x->kend;
    return x->cls == 0 && n > 4 && e[-2] == 'e' && e[-1] == 'd';
}

/* "Senator Paul Renner attacked the plan and said": from the "and" at g,
 * the subject of the verb before it, within the same clause. */
static int coordinated_subject(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    size_t lo = g > 12 ? g - 12 : 0;
    for (size_t k = g; k-- > lo;) {
        if (!word(&t[k]) && t[k].kind != AT_TK_NUM)
            return -1;
        if (!verb_like(s, &t[k]) || k == 0)
            continue;
        int saw_be, neg;
        size_t h = skip_verb_group(s, k, &saw_be, &neg);
        if (h == NONE_IDX || neg || saw_be || at_np_left(s, h, np) != 0)
            return -1;
        if (np->a > 0 && word(&t[np->a - 1]) && (t[np->a - 1].cls & AT_L_PPREP))
            return -1;
        return 0;
    }
    return -1;
}

/* "the Ministry of Health said", "the Bank of Norland": capitalised words
 * after "of" finish the name of the organisation before it, whatever
 * else they are.  0 and np (head the organisation noun, b = g) when
 * found, -1 otherwise. */
static int organisation_tail(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    size_t k = g;
    while (k > 0 && g - k < 3 && word(&t[k]) && (t[k].flags & AT_TF_CAP) &&
           !(t[k].flags & AT_TF_POSS) && t[k].wid != AT_W_OF)
        k--;
    if (k == g || k < 1 || !word(&t[k]) || t[k].wid != AT_W_OF)
        return -1;
    const at_tok *h = &t[k - 1];
    if (!word(h) || !(h->flags & AT_TF_CAP) || !(h->cls & (AT_L_INST | AT_L_ORGSUF)) ||
        at_np_left(s, k - 1, np) != 0)
        return -1;
    np->b = g;
    return 0;
}

/* "lawyers for the tenants said": a group noun with a prepositional
 * attachment whose own noun is unknown.  0 and np (head the group noun,
 * b = g) when found, -1 otherwise. */
static int described_group(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    size_t lo = g > 5 ? g - 5 : 0;
    for (size_t k = g; k > lo + 1; k--) {
        const at_tok *p = &t[k - 1];
        if (!word(&t[k]) || !word(p))
            return -1;
        if (!(p->wid == AT_W_FOR || p->wid == AT_W_OF || p->wid == AT_W_FROM ||
              p->wid == AT_W_AT || p->wid == AT_W_WITH))
            continue;
        const at_tok *h = &t[k - 2];
        if (!word(h) || !(h->cls & (AT_L_VAGUE | AT_L_ANON | AT_L_PEOPLE)) ||
            (h->flags & AT_TF_POSS) || (h->cls & AT_L_CROWD))
            return -1;
        if (at_np_left(s, k - 2, np) != 0 || np->head != k - 2)
            return -1;
        np->b = g;
        return 0;
    }
    return -1;
}

static int subject_before(const at_sent *s, size_t g, at_np *np, int *adjacent, int *thing)
{
    const at_tok *t = s->t;
    *adjacent = 1;
    *thing = 0;
    if (g == NONE_IDX)
        return -1;
    g = skip_inserts(s, g);
    if (g == NONE_IDX)
        return -1;
    if (t[g].kind == AT_TK_COMMA && name_apposition(s, g, np) == 0)
        return 0; /* "The mayor, Jan Novak, said" */
    if (t[g].kind == AT_TK_COMMA) {
        int kind;
        g = skip_apposition(s, g, &kind);
        *adjacent = kind == APPOS_PERSON;
        *thing = kind == APPOS_THING;
        if (g == NONE_IDX)
            return -1;
    } else if (word(&t[g]) && (t[g].cls & AT_L_REL) && g > 0 && word(&t[g - 1]) &&
               !(t[g - 1].cls & AT_L_PRON) && at_head_capable(&t[g - 1]) &&
               (t[g].wid == AT_W_WHO || t[g].wid == AT_W_WHICH || t[g].wid == AT_W_THAT)) {
        /* "a country that claims", "the official who said" */
        *adjacent = t[g].wid == AT_W_WHO;
        *thing = t[g].wid == AT_W_WHICH;
        g--;
    } else if (word(&t[g]) && t[g].wid == AT_W_AND) {
        /* "the senator attacked the plan and said": the first verb's subject */
        return coordinated_subject(s, g, np) == 0 ? 0 : -1;
    }
    if (at_np_left(s, g, np) != 0) {
        if (described_group(s, g, np) == 0 || organisation_tail(s, g, np) == 0)
            return 0;
        return unnamed_person(s, g, np) == 0 ? 1 : -1;
    }
    /* "a letter seen by Sky News says": the agent of a reduced relative is
     * not the subject; the noun before the participle is */
    if (np->a >= 3 && word(&t[np->a - 1]) && t[np->a - 1].wid == AT_W_BY &&
        word(&t[np->a - 2]) &&
        (participle_like(s, &t[np->a - 2]) || (t[np->a - 2].cls & AT_L_KNOW)) &&
        !(t[np->a - 2].vform & AT_VF_ING) && at_head_capable(&t[np->a - 3])) {
        at_np before;
        if (at_np_left(s, np->a - 3, &before) == 0 && before.head == np->a - 3) {
            *np = before;
            *adjacent = 0;
            return 0;
        }
    }
    /* the object of a preposition is not the subject ("a friend from Odesa told") */
    if (np->a > 0 && !np->postmod && word(&t[np->a - 1]) && (t[np->a - 1].cls & AT_L_PPREP)) {
        if (described_group(s, g, np) == 0)
            return 0;
        return unnamed_person(s, g, np) == 0 ? 1 : -1;
    }
    return 0;
}

/* A modal between the subject at g and the verb v ("others may think"):
 * a supposition, not a report. */
static int modal_between(const at_sent *s, size_t g, size_t v)
{
    static const char *const modal[] = {"may", "might", "could", "would", "should", "can"};
    for (size_t i = g + 1; i < v; i++)
        for (size_t k = 0; k < sizeof(modal) / sizeof(modal[0]); k++)
            if (at_tok_is(s, &s->t[i], modal[k]))
                return 1;
    return 0;
}

/* Does the complement of verb v start with a personal pronoun ("claims
 * she was", "said that his")? */
static int person_follows(const at_sent *s, size_t v)
{
    size_t j = v + 1;
    while (j < s->n && word(&s->t[j]) && (s->t[j].cls & AT_L_ADV))
        j++;
    if (j < s->n && word(&s->t[j]) && s->t[j].wid == AT_W_THAT)
        j++;
    if (j >= s->n || !word(&s->t[j]))
        return 0;
    const at_tok *x = &s->t[j];
    return x->wid == AT_W_HE || x->wid == AT_W_SHE || at_tok_is(s, x, "his") ||
           at_tok_is(s, x, "her");
}

/* Does the verb group after the subject ending at b up to the verb v
 * agree with a plural subject: "have", "are", "were", "do" in it, or a
 * bare present form ("say", "believe") with no auxiliary? */
static int plural_agreement(const at_sent *s, size_t b, size_t v)
{
    static const char *const plural_aux[] = {"have", "are", "were", "do", "haven't", "aren't",
                                             "weren't", "don't"};
    int aux = 0;
    for (size_t i = b + 1; i < v; i++) {
        if (!word(&s->t[i]))
            return 0;
        for (size_t k = 0; k < sizeof(plural_aux) / sizeof(plural_aux[0]); k++)
            if (at_tok_is(s, &s->t[i], plural_aux[k]))
                return 1;
        aux |= (s->t[i].cls & (AT_L_AUX | AT_L_BE)) != 0;
    }
    const at_tok *tv = &s->t[v];
    return !aux && (tv->vform & AT_VF_BASE) && !(tv->vform & (AT_VF_S | AT_VF_PAST)) &&
           !(tv->flags & AT_TF_CAP);
}

/* Does token x start a clause (nothing, punctuation or a conjunction
 * before it)? */
static int clause_start(const at_sent *s, size_t x)
{
    const at_tok *p = x > 0 ? &s->t[x - 1] : NULL;
    return !p || (!word(p) && p->kind != AT_TK_NUM) || p->wid == AT_W_AND ||
           at_tok_is(s, p, "but") || p->wid == AT_W_THAT || p->wid == AT_W_WHILE;
}

/* A bare quantifier as the subject ("many believe", "some argue", "others
 * say") or a quantified part of a group ("some in the party", "many among
 * the delegates"): a generic crowd.  0 and np when the subject ending at g
 * is one, -1 otherwise. */
static int crowd_quantifier(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    if (g == NONE_IDX || !word(&t[g]))
        return -1;
    memset(np, 0, sizeof(*np));
    if (((t[g].cls & AT_L_QUANT) && t[g].wid != AT_W_ONE && !(t[g].flags & AT_TF_POSS) &&
         !at_tok_is(s, &t[g], "all") && !at_tok_is(s, &t[g], "both")) ||
        at_tok_is(s, &t[g], "others")) {
        if (!clause_start(s, g))
            return -1;
        np->a = np->b = np->head = g;
        return 0;
    }
    /* cheap test first: a quantifier and "in"/"among" a few words back */
    int part = 0;
    for (size_t k = g; k >= 2 && g - k < 6 && !part; k--)
        part = word(&t[k - 1]) && (t[k - 2].cls & AT_L_QUANT) &&
               (t[k - 1].wid == AT_W_IN || at_tok_is(s, &t[k - 1], "among") ||
                at_tok_is(s, &t[k - 1], "within"));
    at_np in;
    if (!part || at_np_left(s, g, &in) != 0 || in.a < 2)
        return -1;
    const at_tok *p = &t[in.a - 1], *q = &t[in.a - 2];
    if (!word(p) || !(p->wid == AT_W_IN || at_tok_is(s, p, "among") ||
                      at_tok_is(s, p, "within")))
        return -1;
    if (!word(q) || !(q->cls & AT_L_QUANT) || q->wid == AT_W_ONE || !clause_start(s, in.a - 2))
        return -1;
    np->a = in.a - 2;
    np->b = g;
    np->head = in.a - 2;
    return 0;
}

/* The subject before verb v (whose verb group starts after g): classify
 * it and add a hit when it is a source. */
static void subject_hit(sent_state *st, size_t v, size_t g)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    uint8_t vc = t[v].vclass;
    int adjacent = 1, thing = 0;
    at_np np;
    if (crowd_quantifier(s, g, &np) == 0 && !modal_between(s, g, v) &&
        (vc == AT_V_SAY || vc == AT_V_COG || vc == AT_V_CLAUSE || vc == AT_V_CLAIM ||
         vc == AT_V_STANCE)) {
        add_hit(st, AT_VAGUE, AT_R_CROWD, np.a, v, 0.55, &np);
        st->finite = 1;
        return;
    }
    int found = subject_before(s, g, &np, &adjacent, &thing);
    if (found < 0)
        return;
    if (found == 0)
        at_np_classify(s, &np, adjacent);
    const at_tok *h = &t[np.head];
    if (np.cls == AT_NONE && thing && (h->cls & AT_L_NAME))
        np.cls = AT_INST, np.rule = AT_R_INST, np.conf = 0.6; /* "Acme, which ..., said" */
    if ((vc == AT_V_DOC || vc == AT_V_READ) && !(h->cls & (AT_L_DOC | AT_L_PDOC)))
        np.cls = AT_NONE;
    if (np.cls == AT_ONREC && np.rule == AT_R_PRONOUN && np.a > 0) {
        /* "said he believes": a complement clause, not a new attribution */
        const at_tok *l = &t[np.a - 1];
        if ((word(l) && l->vclass) ||
            (word(l) && l->wid == AT_W_THAT && np.a >= 2 && t[np.a - 2].vclass))
            np.cls = AT_NONE;
    }
    if (np.cls == AT_NONE && found == 0 && (h->cls & AT_L_PEOPLE) && !np.postmod &&
        np.a < np.head && word(&t[np.a]) && (t[np.a].cls & AT_L_QUANT) &&
        !(t[np.a].flags & AT_TF_POSS)) {
        /* "some individuals reported" (what they saw: anonymous); "many
         * people believe", "some people say" (opinion: a vague crowd) */
        if ((vc == AT_V_SAY || vc == AT_V_TELL) && (t[v].vform & AT_VF_PAST))
            np.cls = AT_ANON, np.rule = AT_R_UNNAMED, np.conf = 0.5;
        else if (vc == AT_V_COG || vc == AT_V_CLAUSE || vc == AT_V_SAY)
            np.cls = AT_VAGUE, np.rule = AT_R_CROWD, np.conf = 0.5;
    }
    if (np.cls == AT_INST && (h->cls & (AT_L_PLACE | AT_L_CITY)) && np.a == np.head &&
        person_follows(s, v)) {
        /* "Paris claims she was sent": the clause's "she" is the speaker,
         * so the place name is a person's surname */
        np.cls = AT_ONREC;
        np.rule = AT_R_SURNAME;
        np.conf = 0.6;
    }
    int coordinated = 0; /* "Harlan and Brooks say": two people */
    for (size_t i = np.a; i <= np.b && i < s->n; i++)
        coordinated |= word(&t[i]) && t[i].wid == AT_W_AND;
    if (np.cls == AT_ONREC && np.rule == AT_R_SURNAME && !np.surname_seen && !coordinated &&
        plural_agreement(s, np.b, v)) {
        /* "Republicans say", "Democrats have argued": a name agreeing with
         * a plural verb is a group, not a person */
        const at_tok *hd = &t[np.head];
        int plural = hd->kend - hd->start > 3 && s->text[hd->kend - 1] == 's';
        np.cls = plural ? AT_VAGUE : AT_NONE;
        np.rule = AT_R_CROWD;
        np.conf = 0.5;
    }
    if (np.cls == AT_VAGUE && modal_between(s, np.b, v))
        np.cls = AT_NONE; /* "others may think": a supposition */
    if (np.a > 0 && (at_tok_is(s, &t[np.a - 1], "if") || at_tok_is(s, &t[np.a - 1], "unless")))
        np.cls = AT_NONE; /* "if the minister believes ...": a condition, not a report */
    if (np.cls == AT_NONE)
        return;
    double conf = np.conf;
    if (vc == AT_V_STANCE || vc == AT_V_CALL)
        conf *= 0.8;
    add_hit(st, np.cls, np.rule, np.a, v, conf, &np);
    st->finite = 1;
}

/* Is token x a finite auxiliary or a finite verb form (the verb of a
 * clause)? */
static int finite_word(const at_tok *x)
{
    return word(x) && ((x->cls & (AT_L_AUX | AT_L_BE)) ||
                       (x->vclass && (x->vform & (AT_VF_PAST | AT_VF_S))));
}

/* A verb of the WordNet reporting lists (AT_V_CLAUSE) reports only with
 * its sentential complement: "that", "whether", a quotation, a colon, a
 * zero-that clause ("reckons the deal will fail": a noun phrase and a
 * finite verb), possibly after adverbs or a "to"-phrase ("hinted to
 * reporters that"); or it closes a quotation ("..." she whispered). */
static int clause_follows(const at_sent *s, size_t v)
{
    const at_tok *t = s->t;
    int to_phrase = 0;
    for (size_t j = v + 1, k = 0; j < s->n && k < 8; j++, k++) {
        const at_tok *x = &t[j];
        if (x->kind == AT_TK_QUOTE || x->kind == AT_TK_SQUOTE)
            return (x->flags & AT_TF_QOPEN) != 0;
        if (x->kind == AT_TK_COLON)
            return 1;
        if (x->kind == AT_TK_COMMA)
            return j + 1 < s->n && (t[j + 1].kind == AT_TK_QUOTE) && (t[j + 1].flags & AT_TF_QOPEN);
        if (!word(x) && !(x->kind == AT_TK_NUM && k == 0))
            break;
        if (x->wid == AT_W_THAT || at_tok_is(s, x, "whether"))
            return 1;
        if (x->wid == AT_W_OUT || ((x->cls & AT_L_ADV) && !(x->cls & AT_L_NEG)))
            continue;
        if (x->wid == AT_W_TO && !to_phrase) {
            to_phrase = 1;
            continue;
        }
        if (to_phrase && !x->vclass && !(x->cls & (AT_L_AUX | AT_L_BE | AT_L_REL)))
            continue;
        /* a zero-that clause: a short subject, then its finite verb */
        if (!to_phrase && k == 0 &&
            ((x->cls & (AT_L_PRON | AT_L_DET | AT_L_NAME | AT_L_QUANT)) || x->kind == AT_TK_NUM)) {
            for (size_t m = j + 1; m < s->n && m <= j + 4; m++) {
                if (finite_word(&t[m]))
                    return !(t[m].vclass && m == j + 1 && !(x->cls & AT_L_PRON));
                if (!word(&t[m]) || (t[m].cls & (AT_L_PREP | AT_L_REL)))
                    break;
            }
        }
        break;
    }
    /* the verb closes a quotation: a closing quote shortly before it */
    for (size_t j = v, k = 0; j-- > 0 && k < 5; k++) {
        const at_tok *x = &t[j];
        if ((x->kind == AT_TK_QUOTE || x->kind == AT_TK_SQUOTE) && !(x->flags & AT_TF_QOPEN))
            return 1;
        if (x->kind == AT_TK_PERIOD)
            break;
    }
    return 0;
}

/* Handle one attribution verb at index v. */
static void verb(sent_state *st, size_t v, size_t *participle, size_t *npart)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    const at_tok *tv = &t[v];
    const at_tok *prev = v > 0 ? &t[v - 1] : NULL;
    const at_tok *next = v + 1 < s->n ? &t[v + 1] : NULL;
    uint8_t vc = tv->vclass, vf = tv->vform;
    int ing_only = vf == AT_VF_ING;
    at_np np;

    if ((tv->flags & AT_TF_CAP) && !(tv->flags & (AT_TF_SENTINIT | AT_TF_ALLCAPS)) &&
        !(st->headline && (vf & (AT_VF_PAST | AT_VF_S))))
        return; /* "State Department", "the Post"; not "Mayor Tells Council" */
    if (prev && word(prev)) {
        if ((prev->cls & (AT_L_DET | AT_L_POSSDET)) && !(prev->cls & AT_L_QUANT) &&
            !(prev->flags & AT_TF_POSS))
            return; /* "the said agreement", "the reported attack" */
        if ((prev->flags & AT_TF_POSS) && !(prev->cls & AT_L_PRON))
            return; /* "Ukraine's claims" */
        if (prev->wid == AT_W_TO && (vf & AT_VF_BASE))
            return; /* "to say" */
    }
    if (prev && prev->kind == AT_TK_NUM)
        return;
    if ((tv->cls & AT_L_NOUNV) && (vf & (AT_VF_BASE | AT_VF_S)) && !(vf & AT_VF_PAST) &&
        !noun_verb_ok(next, v + 2 < s->n ? &t[v + 2] : NULL))
        return; /* "investigation reports as well as", "media posts" */
    if ((tv->cls & AT_L_NOUNV) && (vf & AT_VF_S) && !(vf & AT_VF_PAST) && prev &&
        (prev->kind == AT_TK_NUM || (word(prev) && (prev->cls & AT_L_QUANT)) ||
         (word(prev) && (lower_is_mod(prev) || (prev->cls & AT_L_MOD)) && v >= 2 &&
          (t[v - 2].kind == AT_TK_NUM ||
           (word(&t[v - 2]) && (t[v - 2].cls & (AT_L_QUANT | AT_L_DET | AT_L_POSSDET)))))))
        return; /* "two neighbouring states", "many reports": a noun phrase */
    switch (vc) {
    case AT_V_TELL:
        if (!next || next->wid == AT_W_TO)
            return; /* "told to leave" */
        for (size_t j = v + 2; j < s->n && j <= v + 4; j++) {
            if (!word(&t[j]))
                break;
            if (t[j].wid == AT_W_TO && j + 1 < s->n && word(&t[j + 1]) &&
                !(t[j + 1].cls & (AT_L_DET | AT_L_POSSDET | AT_L_NAME | AT_L_PRON)) &&
                !(t[j + 1].flags & AT_TF_CAP))
                return; /* "told him to leave": an order, not a statement */
        }
        break;
    case AT_V_ASK:
        if (!ask_ok(s, next) && !(prev && prev->kind == AT_TK_COMMA))
            return;
        break;
    case AT_V_CLAIM:
        if (prize_follows(s, v))
            return; /* "claimed the trophy" */
        break;
    case AT_V_CALL:
        if (next && word(next) && (next->wid == AT_W_FOR || next->wid == AT_W_ON ||
                                   next->wid == AT_W_OUT || next->wid == AT_W_UPON))
            return;
        if (!word_ahead(s, v, 7, 0, 1)) {
            int as = 0;
            for (size_t j = v + 1; j < s->n && j <= v + 7; j++)
                if (word(&t[j]) && t[j].wid == AT_W_AS)
                    as = 1;
            if (!as)
                return;
        }
        break;
    case AT_V_ISSUE:
        /* a document or a story as the object; an outlet publishes anything */
        if (!word_ahead(s, v, 4, AT_L_DOC | AT_L_PDOC | AT_L_CONTENT, 0) &&
            !(v > 0 && word(&t[v - 1]) && (t[v - 1].cls & (AT_L_OUTLET | AT_L_MEDIA))))
            return;
        break;
    case AT_V_CLAUSE:
        if (!clause_follows(s, v))
            return;
        break;
    case AT_V_DOC:
        if (next && word(next) && (next->cls & AT_L_PPREP))
            return; /* "a document found on the street": a reduced passive */
        break;
    case AT_V_READ:
        if (next && !(next->kind == AT_TK_COMMA || next->kind == AT_TK_COLON ||
                      next->kind == AT_TK_PERIOD || next->kind == AT_TK_QUOTE ||
                      next->kind == AT_TK_DASH))
            return;
        break;
    default:
        break;
    }

    /* present participles */
    if (ing_only) {
        if (vc == AT_V_CITE) { /* "citing sources familiar with" */
            object_source(st, v, 0);
            return;
        }
        if (prev && prev->kind == AT_TK_COMMA) {
            if (*npart < 8)
                participle[(*npart)++] = v;
            return;
        }
        if (prev && word(prev) && (prev->cls & (AT_L_NAME | AT_L_ANON | AT_L_PRON)) &&
            !(prev->cls & AT_L_STOP && !(prev->cls & AT_L_PRON)) &&
            (vc == AT_V_SAY || vc == AT_V_CALL || vc == AT_V_CLAIM || vc == AT_V_STANCE ||
             vc == AT_V_CLAUSE)) {
            if (at_np_left(s, v - 1, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls == AT_ONREC || np.cls == AT_ANON)
                    add_hit(st, np.cls, np.rule, np.a, v, np.conf * 0.9, &np);
            }
            return;
        }
        if (!(prev && word(prev) && (prev->cls & AT_L_BE)))
            return; /* only "is saying" goes on */
    }

    int saw_be = 0, neg = 0;
    size_t g = skip_verb_group(s, v, &saw_be, &neg);
    /* "I'm told", "we were told": the reporter's unnamed informants */
    if (vc == AT_V_TELL && !neg && (vf & (AT_VF_PAST | AT_VF_PART)) && v > 0 &&
        (saw_be || at_tok_is(s, &t[v - 1], "i'm") || at_tok_is(s, &t[v - 1], "we're"))) {
        size_t p = (saw_be && g != NONE_IDX) ? g : v - 1;
        if (word(&t[p]) && (t[p].wid == AT_W_I || t[p].wid == AT_W_WE) &&
            !(next && word(next) && next->wid == AT_W_TO)) {
            memset(&np, 0, sizeof(np));
            np.a = np.b = np.head = p;
            add_hit(st, AT_ANON, AT_R_UNNAMED, p, v, 0.6, &np);
            st->finite = 1;
            return;
        }
    }
    if (neg) {
        /* "did not say", "has not commented": no report -- but unnamed
         * officials who would not say are still the article's sources */
        int adjacent, thing;
        if ((vc == AT_V_SAY || vc == AT_V_CLAUSE) &&
            subject_before(s, g, &np, &adjacent, &thing) == 0) {
            at_np_classify(s, &np, adjacent);
            if (np.cls == AT_ANON)
                add_hit(st, AT_ANON, np.rule, np.a, v, np.conf * 0.8, &np);
        }
        return;
    }

    /* passive: "was quoted as saying", "was confirmed by X" */
    if (saw_be && !ing_only && (vf & (AT_VF_PAST | AT_VF_PART))) {
        size_t m = v + 1;
        while (m < s->n && word(&t[m]) && (t[m].cls & AT_L_ADV))
            m++;
        if (vc == AT_V_CITE && m < s->n && word(&t[m]) &&
            (t[m].wid == AT_W_AS || t[m].wid == AT_W_TO)) {
            if (g != NONE_IDX && at_np_left(s, g, &np) == 0) {
                at_np_classify(s, &np, 1);
                add_hit(st, np.cls, np.rule, np.a, v, np.conf, &np);
                st->finite = 1;
            }
            return;
        }
        for (size_t j = v + 1; j < s->n && j <= v + 7; j++) {
            if (!word(&t[j]) && t[j].kind != AT_TK_NUM)
                break;
            if (t[j].wid == AT_W_BY) {
                if (at_np_right(s, j + 1, &np) == 0) {
                    at_np_classify(s, &np, 0);
                    add_hit(st, np.cls, np.rule, v, np.b, np.conf, &np);
                    st->finite = 1;
                }
                break;
            }
        }
        return;
    }

    /* inversion: ", said the envoy", "” said Fiala", ", say officials" */
    if ((vf & (AT_VF_PAST | AT_VF_S | AT_VF_BASE)) && !ing_only &&
        (vc == AT_V_SAY || vc == AT_V_ASK || vc == AT_V_TELL || vc == AT_V_CLAUSE) && next &&
        (v == 0 || tv->flags & AT_TF_SENTINIT || prev->kind == AT_TK_COMMA ||
         (prev->kind == AT_TK_QUOTE && !(prev->flags & AT_TF_QOPEN)) ||
         (prev->kind == AT_TK_SQUOTE && !(prev->flags & AT_TF_QOPEN)) || prev->kind == AT_TK_DASH)) {
        if (at_np_right(s, v + 1, &np) == 0 && inversion_ends(s, np.b + 1) &&
            !(t[np.head].wid == AT_W_IT || t[np.head].wid == AT_W_THEY) &&
            /* a bare form agrees only with a plural: ", say officials" */
            ((vf & (AT_VF_PAST | AT_VF_S)) ||
             (t[np.head].kend > t[np.head].start && s->text[t[np.head].kend - 1] == 's' &&
              !(t[np.head].cls & AT_L_NAME)))) {
            at_np_classify(s, &np, 1);
            if (np.cls != AT_NONE) {
                add_hit(st, np.cls, np.rule, v, np.b, np.conf, &np);
                st->finite = 1;
                return;
            }
            /* ", told reporters": no inverted source; the subject may precede */
        }
    }

    /* subject before the verb; a bare participle ("a specific written
     * document") has none */
    int bare_participle = vf == AT_VF_PART && !saw_be &&
                          !(g != NONE_IDX && g + 1 < v && (t[g + 1].cls & AT_L_AUX));
    if (!bare_participle)
        subject_hit(st, v, g);

    /* objects: "told CNN", "CNN has cited anonymous officials" */
    if (vc == AT_V_TELL)
        object_source(st, v, 1);
    else if (vc == AT_V_CITE)
        object_source(st, v, 0);
}

/* "according to X", "per X", "in an interview with X", "media reports". */
static void phrases(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    at_np np;
    for (size_t i = 0; i + 1 < s->n; i++) {
        const at_tok *c = &t[i];
        if (!word(c))
            continue;
        if (c->wid == AT_W_ACCORDING && t[i + 1].wid == AT_W_TO) {
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls == AT_ONREC && np.rule == AT_R_PRONOUN)
                    continue;
                add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
            }
        } else if (c->wid == AT_W_OF && i >= 3 && t[i - 2].wid == AT_W_THE &&
                   t[i - 3].wid == AT_W_IN && t[i - 1].wid == AT_W_WORDS) {
            /* "in the words of the prosecutor, Mark Tedeschi": the name in
             * apposition, when there is one, is the source */
            size_t j = i + 1;
            while (j < s->n && j < i + 6 && word(&t[j]) && !(t[j].cls & AT_L_NAME))
                j++;
            size_t r = (j > i + 1 && j + 1 < s->n && t[j].kind == AT_TK_COMMA &&
                        (t[j + 1].cls & AT_L_NAME) && j + 2 < s->n && (t[j + 2].cls & AT_L_NAME))
                           ? j + 1
                           : i + 1;
            if (at_np_right(s, r, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls != AT_NONE && !(t[np.head].cls & AT_L_PRON))
                    add_hit(st, np.cls, np.rule, i - 3, np.b, np.conf, &np);
            }
        } else if (c->wid == AT_W_PER && !(c->flags & AT_TF_CAP && i > 0)) {
            if (at_np_right(s, i + 1, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA || (np.cls == AT_INST && !(t[np.head].cls & AT_L_PRON)))
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
            }
        } else if ((c->wid == AT_W_NOMINAL || c->wid == AT_W_INTERVIEW) &&
                   t[i + 1].wid == AT_W_FROM) {
            /* "criticism from the European Union", "remarks by the minister" */
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls != AT_NONE && !(t[np.head].cls & AT_L_PRON))
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.8, &np);
            }
        } else if ((c->cls & (AT_L_DOC | AT_L_PDOC)) && t[i + 1].wid == AT_W_TO &&
                   !(c->flags & AT_TF_CAP)) {
            /* "in a statement to the Kestria Herald": the outlet as the conduit */
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if (t[i + 1].wid == AT_W_BY && i + 2 < s->n &&
                   (at_tok_is(s, c, "seen") || at_tok_is(s, c, "obtained") ||
                    at_tok_is(s, c, "reviewed"))) {
            /* "a letter seen by Sky News", "documents obtained by the Herald":
             * the outlet's reporting */
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if ((c->wid == AT_W_INTERVIEW || c->wid == AT_W_SPEAKING) &&
                   (t[i + 1].wid == AT_W_TO || t[i + 1].wid == AT_W_WITH ||
                    t[i + 1].wid == AT_W_ON)) {
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
                else if (np.cls == AT_ANON && c->wid == AT_W_INTERVIEW)
                    add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if ((c->cls & AT_L_DOC) && c->wid == AT_W_REPORTS && i > 0 &&
                   (t[i - 1].cls & (AT_L_MEDIA | AT_L_OUTLET))) {
            if (at_np_left(s, i, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    add_hit(st, np.cls, np.rule, np.a, i, np.conf, &np);
            }
        }
    }
}

/* "the report appeared in the newspaper Volna", "the letter was published
 * in the Kestria Herald": an outlet as the place a claim appeared. */
static void media_venue(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    static const char *const venue_verbs[] = {"appeared", "appears", "appear", "published",
                                              "printed", "ran", "aired"};
    for (size_t i = 0; i + 2 < s->n; i++) {
        if (!word(&t[i]) || !(t[i + 1].wid == AT_W_IN || t[i + 1].wid == AT_W_ON))
            continue;
        int venue = 0;
        for (size_t k = 0; k < sizeof(venue_verbs) / sizeof(venue_verbs[0]); k++)
            venue |= at_tok_is(s, &t[i], venue_verbs[k]);
        at_np np;
        if (!venue || at_np_right(s, i + 2, &np) != 0)
            continue;
        int named = 0; /* an outlet's name, not "a paper by X" */
        for (size_t k = np.a; k <= np.b; k++)
            named |= (t[k].cls & AT_L_OUTLET) != 0;
        at_np_classify(s, &np, 0);
        if (np.cls == AT_MEDIA && named)
            add_hit(st, AT_MEDIA, AT_R_OUTLET, i, np.b, np.conf * 0.8, &np);
    }
}

/* A quotation closed and then its speaker and a verb of any kind:
 * "..." Senator Ilse Varga fumed", "..." she laughed": the verb is a
 * speech act because it reports the quotation.  Only verbs the lexicon
 * does not know already (those went through verb()). */
static void quote_speaker(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t q = 0; q + 2 < s->n; q++) {
        if (!((t[q].kind == AT_TK_QUOTE || t[q].kind == AT_TK_SQUOTE) &&
              !(t[q].flags & AT_TF_QOPEN)))
            continue;
        size_t r = q + 1;
        if (t[r].kind == AT_TK_COMMA)
            r++;
        at_np np;
        if (r >= s->n || at_np_right(s, r, &np) != 0 || np.b + 1 >= s->n)
            continue;
        const at_tok *v = &t[np.b + 1];
        size_t vn = v->kend - v->start;
        const char *e = s->text + v->kend;
        if (!word(v) || (v->flags & AT_TF_CAP) || v->vclass || v->cls || vn < 5 ||
            !(e[-2] == 'e' && e[-1] == 'd'))
            continue; /* an unknown past form: "fumed", "laughed", "shrugged" */
        size_t after = np.b + 2;
        if (after < s->n && word(&t[after]) && !(t[after].cls & (AT_L_PREP | AT_L_ADV)))
            continue; /* "... the minister signed the bill": an object, not a report */
        at_np_classify(s, &np, 1);
        if (np.cls == AT_ONREC || np.cls == AT_ANON || np.cls == AT_INST)
            add_hit(st, np.cls, np.rule, np.a, np.b + 1, np.conf * 0.8, &np);
    }
}

/* "(BBC Ukrainian Service)": an outlet credited in parentheses. */
static void outlet_credit(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t i = 0; i + 1 < s->n; i++) {
        if (t[i].kind != AT_TK_POPEN || !word(&t[i + 1]) || !(t[i + 1].cls & AT_L_OUTLET))
            continue;
        size_t j = i + 1;
        int ok = 1;
        while (j < s->n && t[j].kind != AT_TK_PCLOSE) {
            if (!word(&t[j]) || !(t[j].flags & AT_TF_CAP) ||
                ((t[j].cls & AT_L_STOP) && !(t[j].cls & AT_L_OUTLET))) {
                ok = 0;
                break;
            }
            j++;
        }
        /* "PARIS (AP) —" is the article's own dateline, not a source */
        if (ok && j + 1 < s->n && t[j + 1].kind == AT_TK_DASH)
            ok = 0;
        if (ok && j > i + 1)
            add_hit(st, AT_MEDIA, AT_R_OUTLET, i + 1, j - 1, 0.6, NULL);
    }
}

/* Anonymity cues without a verb: "spoke on condition of anonymity",
 * "declined to be named", "an unnamed official". */
static void anonymity_cues(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    int have_anon = 0;
    for (size_t i = 0; i < st->nhits; i++)
        if (st->hits[i].cls == AT_ANON)
            have_anon = 1;
    for (size_t i = 0; i < s->n; i++) {
        const at_tok *c = &t[i];
        if (!word(c))
            continue;
        size_t a = NONE_IDX;
        if (c->wid == AT_W_ANONYMITY || c->wid == AT_W_ANONYMOUSLY) {
            a = i;
            while (a > 0 && i - a < 5 && word(&t[a - 1]) &&
                   (t[a - 1].wid == AT_W_CONDITION || t[a - 1].wid == AT_W_OF ||
                    t[a - 1].wid == AT_W_ON || t[a - 1].wid == AT_W_THE ||
                    t[a - 1].wid == AT_W_SPEAKING || t[a - 1].wid == AT_W_REQUESTED ||
                    t[a - 1].wid == AT_W_ASKED || t[a - 1].wid == AT_W_FOR ||
                    t[a - 1].vclass == AT_V_ASK))
                a--;
        } else if ((c->wid == AT_W_NAMED || c->wid == AT_W_IDENTIFIED) && i >= 3 &&
                   word(&t[i - 1]) && (t[i - 1].cls & AT_L_BE) && t[i - 2].wid == AT_W_TO) {
            size_t k = i - 3;
            if (word(&t[k]) && t[k].wid == AT_W_NOT && k > 0)
                k--;
            if (word(&t[k]) && (t[k].wid == AT_W_DECLINED || t[k].wid == AT_W_REQUESTED ||
                                t[k].vclass == AT_V_ASK || t[k].vclass == AT_V_SAY))
                a = k;
        } else if ((c->cls & AT_L_ANONMOD) && !(c->cls & AT_L_CONNECT)) {
            for (size_t j = i + 1; j < s->n && j <= i + 5; j++) {
                const at_tok *x = &t[j];
                if (!word(x))
                    break;
                if (x->cls & (AT_L_ANON | AT_L_PERSON)) { /* "an anonymous blogger" */
                    if (!have_anon) {
                        at_np np;
                        memset(&np, 0, sizeof(np));
                        np.a = i;
                        np.b = np.head = j;
                        add_hit(st, AT_ANON, AT_R_UNNAMED, i, j, 0.85, &np);
                        have_anon = 1;
                    }
                    break;
                }
                if (!(x->cls & (AT_L_MOD | AT_L_DEMONYM | AT_L_PLACE | AT_L_INST | AT_L_ORG |
                                AT_L_ACRONYM | AT_L_TITLE)) &&
                    x->wid != AT_W_AND && !lower_is_mod(x))
                    break;
            }
            continue;
        }
        if (a == NONE_IDX)
            continue;
        if (st->cue == NONE_IDX)
            st->cue = i;
        if (!have_anon) {
            add_hit(st, AT_ANON, AT_R_UNNAMED, a, i, 0.85, NULL);
            have_anon = 1;
        }
    }
}

/* Why anonymity was granted, or how the source knows: adjust anonymous
 * hits.  may_reason: some token may have the class AT_L_REASON. */
static void refine_anonymous(sent_state *st, int may_reason)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    int reason = 0;
    for (size_t i = 0; may_reason && i < s->n; i++) {
        const at_tok *c = &t[i];
        if (!word(c) || !(c->cls & AT_L_REASON))
            continue;
        if (st->cue != NONE_IDX && i > st->cue)
            reason = 1; /* "... anonymity because ...", "... to discuss ..." */
        /* "not authorized to speak", "not permitted to discuss" */
        if (i > 0 && word(&t[i - 1]) && t[i - 1].wid == AT_W_NOT && i + 2 < s->n &&
            t[i + 1].wid == AT_W_TO && word(&t[i + 2]) &&
            (t[i + 2].vclass || t[i + 2].wid == AT_W_SPEAKING ||
             t[i + 2].wid == AT_W_INTERVIEW || (t[i + 2].cls & (AT_L_REASON | AT_L_BE))))
            reason = 1;
    }
    for (size_t k = 0; k < st->nhits; k++) {
        at_hit *h = &st->hits[k];
        if (h->cls != AT_ANON)
            continue;
        int know = 0;
        for (size_t j = h->head + 1; j < s->n && j <= h->head + 7; j++) {
            const at_tok *x = &t[j];
            if (x->kind == AT_TK_PERIOD || x->kind == AT_TK_QUOTE || x->kind == AT_TK_COLON ||
                x->kind == AT_TK_SEMI)
                break;
            if (word(x) && (x->cls & AT_L_KNOW)) {
                know = 1;
                break;
            }
        }
        if (reason) {
            h->rule = AT_R_EXPLAINED;
            h->has_weight = 1;
            h->weight = -4.0;
            continue;
        }
        if (know) {
            h->rule = AT_R_KNOWLEDGE;
            h->has_weight = 1;
            h->weight = -4.0;
            continue;
        }
        const at_tok *hd = &t[h->head];
        if (h->head < s->n && word(hd) && (hd->wid == AT_W_SOURCE || hd->wid == AT_W_INSIDER) &&
            !h->postmod) {
            int bare = 1;
            for (size_t j = h->np_a; j < h->head; j++) {
                const at_tok *x = &t[j];
                if (x->kind == AT_TK_NUM)
                    continue;
                if (!word(x) || !(x->cls & (AT_L_DET | AT_L_QUANT)) || (x->flags & AT_TF_POSS))
                    bare = 0;
            }
            if (h->head + 1 < s->n) {
                const at_tok *x = &t[h->head + 1];
                if (word(x) && (x->cls & (AT_L_CONNECT | AT_L_KNOW | AT_L_REL) ||
                                x->wid == AT_W_IN || x->wid == AT_W_AT || x->wid == AT_W_FROM ||
                                x->wid == AT_W_WITH || x->wid == AT_W_INSIDER ||
                                x->wid == AT_W_ON))
                    bare = 0;
            }
            if (bare) {
                h->rule = AT_R_BARE;
                h->has_weight = 1;
                h->weight = -10.0;
            }
        }
    }
}

/* An embedded post's sign-off: "— Jane Doe (@janedoe) April 3, 2022". */
static void signoff(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t i = 0; i + 3 < s->n; i++) {
        if (t[i].kind != AT_TK_DASH)
            continue;
        size_t j = i + 1, k = 0;
        while (j < s->n && word(&t[j]) && (t[j].cls & (AT_L_NAME | AT_L_PARTICLE))) {
            k += (t[j].cls & AT_L_NAME) != 0;
            j++;
        }
        if (k >= 2 && j + 1 < s->n && t[j].kind == AT_TK_POPEN && t[j + 1].kind == AT_TK_HANDLE)
            add_hit(st, AT_ONREC, AT_R_NAMED, i + 1, j - 1, 0.7, NULL);
    }
}

/* "It said", "it added": the pronoun stands for the last organisation,
 * document or outlet that spoke in the document (*last): an outlet when
 * that was one, an organisation otherwise.  Then remember this
 * sentence's last such source. */
static void resolve_it(sent_state *st, at_class *last)
{
    const at_tok *t = st->s.t;
    size_t o = 0;
    for (size_t i = 0; i < st->nhits; i++) {
        at_hit *h = &st->hits[i];
        int it = h->head < st->s.n && word(&t[h->head]) && t[h->head].wid == AT_W_IT &&
                 h->np_a == h->head;
        if (it) {
            if (last && *last == AT_MEDIA) { /* "KCNA said ... it added" */
                h->cls = AT_MEDIA;
                h->rule = AT_R_OUTLET;
            } /* else an organisation, as at_np_classify typed it */
        } else if (last && (h->cls == AT_INST || h->cls == AT_MEDIA)) {
            *last = h->cls;
        }
        st->hits[o++] = *h;
    }
    st->nhits = o;
}

/* Headline case ("Mayor Tells Council Budget Is Short"): at least three
 * words of four letters or more, all capitalised, and no sentence end. */
static int headline_case(const at_sent *s)
{
    size_t longw = 0;
    for (size_t i = 0; i < s->n; i++) {
        const at_tok *x = &s->t[i];
        if (x->kind == AT_TK_PERIOD || x->kind == AT_TK_QUOTE)
            return 0;
        if (!word(x) || x->kend - x->start < 4)
            continue;
        if (!(x->flags & AT_TF_CAP) || (x->flags & AT_TF_ALLCAPS))
            return 0;
        longw++;
    }
    return longw >= 3;
}

/* Analyse one sentence (see attribution.h): 0, or -1 when the name set
 * cannot grow. */
int at_analyse_sentence(const at_lexicon *lx, at_names *names, at_names *orgs,
                        at_class *last_thing, const char *text, size_t start, size_t end,
                        at_tok *toks, size_t tcap, at_hit *hits, size_t cap, size_t *nhits)
{
    sent_state st;
    size_t participle[8], npart = 0;
    at_tok_summary sum;

    *nhits = 0;
    memset(&st, 0, sizeof(st));
    st.s.text = text;
    st.s.t = toks;
    st.s.n = at_tokenize(lx, text, start, end, toks, tcap, &sum);
    st.s.names = names;
    st.s.orgs = orgs;
    st.hits = hits;
    st.cap = cap;
    st.cue = NONE_IDX;
    if (st.s.n == 0)
        return 0;
    /* what the sentence holds, so that passes without a trigger are skipped */
    uint64_t cls = sum.cls, wids = sum.wids;
    unsigned kinds = sum.kinds;
    int verbs = sum.first_verb <= sum.last_verb || sum.has_phrase;
    if (!verbs && !(wids & (W(AT_W_ACCORDING) | W(AT_W_PER) | W(AT_W_INTERVIEW) |
                            W(AT_W_SPEAKING) | W(AT_W_NOMINAL) | W(AT_W_REPORTS) |
                            W(AT_W_ANONYMITY) | W(AT_W_ANONYMOUSLY) | W(AT_W_NAMED) |
                            W(AT_W_IDENTIFIED) | W(AT_W_WORDS))) &&
        !(cls & (AT_L_ANONMOD | AT_L_COGADJ | AT_L_OUTLET | AT_L_NAME)) &&
        !(kinds & (1 << AT_TK_HANDLE)))
        return 0; /* nothing here can be an attribution */
    at_mark_units(lx, toks, st.s.n, &sum); /* sum.cls now covers the units' classes too */
    st.headline = headline_case(&st.s);
    if ((cls & AT_L_NAME) && register_names(names, orgs, &st.s) != 0)
        return -1;

    /* marking units only ever clears verb classes: the verbs stay inside
     * [first_verb, last_verb] */
    for (size_t v = sum.first_verb; v <= sum.last_verb && v < st.s.n; v++) {
        const at_tok *c = &toks[v];
        if (word(c) && c->vclass && !(c->flags & AT_TF_PHRASE))
            verb(&st, v, participle, &npart);
    }
    /* ", saying ...": the sentence's subject, when nothing else attributed it */
    if (!st.finite) {
        for (size_t k = 0; k < npart; k++) {
            at_np np;
            size_t v = participle[k];
            uint8_t vc = toks[v].vclass;
            if (vc != AT_V_SAY && vc != AT_V_CLAIM && vc != AT_V_STANCE && vc != AT_V_COG &&
                vc != AT_V_CLAUSE)
                continue;
            if (sentence_subject(&st.s, v, &np) != 0)
                continue;
            at_np_classify(&st.s, &np, 1);
            if (np.cls != AT_NONE)
                add_hit(&st, np.cls, np.rule, np.a, v, np.conf * 0.8, &np);
            break;
        }
    }
    if ((wids & (W(AT_W_ACCORDING) | W(AT_W_PER) | W(AT_W_INTERVIEW) | W(AT_W_SPEAKING) |
                 W(AT_W_NOMINAL) | W(AT_W_REPORTS) | W(AT_W_WORDS))) ||
        (sum.cls & (AT_L_MEDIA | AT_L_OUTLET)))
        phrases(&st);
    if (cls & AT_L_COGADJ)
        stance_adjectives(&st);
    if (kinds & (1 << AT_TK_POPEN))
        outlet_credit(&st);
    if (sum.cls & (AT_L_MEDIA | AT_L_OUTLET))
        media_venue(&st);
    if (kinds & ((1u << AT_TK_QUOTE) | (1u << AT_TK_SQUOTE)))
        quote_speaker(&st);
    if ((cls & AT_L_ANONMOD) || (wids & (W(AT_W_ANONYMITY) | W(AT_W_ANONYMOUSLY) |
                                         W(AT_W_NAMED) | W(AT_W_IDENTIFIED))))
        anonymity_cues(&st);
    if (st.nhits)
        refine_anonymous(&st, (sum.cls & AT_L_REASON) != 0);
    if (kinds & (1 << AT_TK_HANDLE))
        signoff(&st);
    resolve_it(&st, last_thing);
    *nhits = st.nhits;
    return 0;
}
