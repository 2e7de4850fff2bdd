/*
 * clause.c - the structure of a sentence around a cue (clause.h).
 */
#include "clause.h"

#include <string.h>

#include "analysis.h"
#include "propernoun.h"

static size_t skip_inserts(const at_sent *s, size_t g);

/* A lower-case word the lexicon does not know (often an adjective). */
int at_lower_is_mod(const at_tok *t)
{
    return at_word(t) && !(t->flags & AT_TF_CAP) && t->cls == 0 && t->vclass == 0;
}

/* Skip auxiliaries and adverbs left of token v; returns the index left of
 * the verb group, or NONE_IDX. */
size_t at_skip_verb_group(const at_sent *s, size_t v, int *saw_be, int *neg)
{
    const at_tok *t = s->t;
    size_t g = v, steps = 0;
    *saw_be = 0;
    *neg = 0;
    while (g > 0 && steps < 5) {
        const at_tok *p = &t[g - 1];
        if (!at_word(p) || (p->cls & (AT_L_PRON | AT_L_NAME)) || !(p->cls & (AT_L_AUX | AT_L_BE | AT_L_ADV)))
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
    return at_word(f) && n >= 4 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' &&
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
            int ok = (at_word(f) && (f->wid == AT_W_WHO || f->wid == AT_W_WHICH)) ||
                     (f->kind == AT_TK_NUM && k + 2 == c);
            if (ok)
                *kind = (at_word(f) && f->wid == AT_W_WHICH) ? APPOS_THING : APPOS_PERSON;
            /* a participle clause: ", released on Monday," ", speaking to Reuters," */
            if (!ok && at_word(f) && !(f->flags & AT_TF_CAP) && k + 2 < c && at_word(&t[k + 2]) &&
                (t[k + 2].cls & (AT_L_PREP | AT_L_ADV | AT_L_TIME)) && participle_like(s, f)) {
                ok = 1;
                *kind = APPOS_PERSON; /* short and about the subject: keeps it adjacent */
            }
            /* a prepositional insert: ", in remarks to X,", ", of the University of X," */
            if (!ok && at_word(f) && (f->cls & AT_L_PPREP) && f->wid != AT_W_TO && c - k <= 12) {
                ok = 1;
                for (size_t j = k + 1; j < c && ok; j++)
                    ok = (at_word(&t[j]) || t[j].kind == AT_TK_NUM) &&
                         !(t[j].cls & (AT_L_AUX | AT_L_BE | AT_L_REL)) &&
                         !(t[j].vclass && (t[j].vform & (AT_VF_PAST | AT_VF_S)) &&
                           !(t[j].cls & AT_L_NOUNV));
                if (ok)
                    *kind = APPOS_PERSON;
            }
            /* post-nominal letters or a party tag: "Tom Molomby, SC, said",
             * "Ana Ortiz, D-Ohio, said" */
            if (!ok && at_word(f) &&
                ((k + 2 == c && ((f->flags & AT_TF_ALLCAPS) && f->kend - f->start <= 3)) ||
                 ((k + 2 == c || (k + 3 == c && t[k + 2].kind == AT_TK_PERIOD)) &&
                  party_tag(s, f)))) { /* (the state abbreviated: "R-Okla.,") */
                ok = 1;
                *kind = APPOS_PERSON;
            }
            if (!ok) {
                /* an appositive noun phrase: "deputy chairman of X and former president" */
                ok = 1;
                for (size_t j = k + 1; j < c; j++) {
                    const at_tok *w = &t[j];
                    if (!at_word(w) || (w->vclass && !(w->cls & (AT_L_MOD | AT_L_TITLE | AT_L_INST))) ||
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
                int described = k >= 2 && (t[k + 1].wid == AT_W_A) && at_word(&t[k - 1]) &&
                                (t[k - 1].cls & AT_L_NAME) &&
                                (t[k - 2].cls & (AT_L_NAME | AT_L_TITLE));
                ok = ok && (has_title || described);
                if (ok)
                    *kind = APPOS_PERSON;
            }
            if (!ok)
                return NONE_IDX;
            const at_tok *h = &t[k - 1];
            if (!at_word(h) || !(h->cls & (AT_L_NAME | AT_L_PLACE | AT_L_CITY | AT_L_ORG | AT_L_ACRONYM |
                                           AT_L_INST | AT_L_ANON | AT_L_OUTLET | AT_L_TITLE |
                                           AT_L_DOC | AT_L_MEDIA | AT_L_PERSON)))
                return NONE_IDX;
            return k - 1;
        }
        if (kd == AT_TK_PERIOD && k + 1 == c && k > 0 && party_tag(s, &t[k - 1]))
            continue; /* the period of an abbreviated state: ", R-Okla.," */
        if (kd == AT_TK_PERIOD || kd == AT_TK_QUOTE || kd == AT_TK_COLON || kd == AT_TK_SEMI ||
            kd == AT_TK_SQUOTE)
            return NONE_IDX;
    }
    return NONE_IDX;
}

/* Is the token after an inverted subject ("said the envoy ...") compatible
 * with inversion (end, punctuation, a preposition), not a clause ("said the
 * envoy had left")? */
int at_inversion_ends(const at_sent *s, size_t after)
{
    const at_tok *t = s->t;
    if (after >= s->n)
        return 1;
    const at_tok *x = &t[after];
    if (!at_word(x))
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
int at_word_ahead(const at_sent *s, size_t i, size_t span, uint64_t cls, int quote_ok)
{
    for (size_t j = i + 1; j < s->n && j <= i + span; j++) {
        const at_tok *x = &s->t[j];
        if (quote_ok && (x->kind == AT_TK_QUOTE || x->kind == AT_TK_SQUOTE) &&
            (x->flags & AT_TF_QOPEN))
            return 1;
        if (x->kind == AT_TK_PERIOD || x->kind == AT_TK_SEMI)
            return 0;
        if (at_word(x) && (x->cls & cls))
            return 1;
    }
    return 0;
}

/* "claimed the trophy": a prize right after a claim verb. */
int at_prize_follows(const at_sent *s, size_t v)
{
    for (size_t j = v + 1; j < s->n && j <= v + 4; j++) {
        const at_tok *x = &s->t[j];
        if (!at_word(x) && x->kind != AT_TK_NUM)
            return 0;
        if (x->cls & AT_L_PRIZE)
            return 1;
        if (!(x->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT | AT_L_MOD)) && x->kind != AT_TK_NUM &&
            !(x->flags & AT_TF_POSS) && x->cls != 0)
            return 0;
    }
    return 0;
}

/* The subject of the sentence, for a participle (", saying ..."). */
int at_sentence_subject(const at_sent *s, size_t limit, at_np *np)
{
    const at_tok *t = s->t;
    size_t i = 0;
    while (i < limit && !at_word(&t[i]))
        i++;
    if (i < limit && (t[i].cls & (AT_L_STOP | AT_L_ADV)) &&
        !(t[i].cls & (AT_L_DET | AT_L_QUANT | AT_L_PRON | AT_L_POSSDET)))
        i++;
    while (i < limit && t[i].kind == AT_TK_COMMA)
        i++;
    if (i >= limit || at_np_right(s, i, np) != 0 || np->b >= limit)
        return -1;
    size_t after = np->b + 1;
    if (after < s->n && at_word(&t[after]) && t[after].wid != AT_W_AND &&
        !(t[after].cls & (AT_L_AUX | AT_L_BE | AT_L_ADV)) && !t[after].vclass)
        return -1; /* the phrase must be followed by its verb */
    return 0;
}

/* A verb form that is also a noun ("reports", "claims", "note") is a verb
 * only when a clause or an object follows. */
int at_noun_verb_ok(const at_tok *next, const at_tok *next2)
{
    if (!next)
        return 0;
    if (next->kind == AT_TK_COMMA || next->kind == AT_TK_COLON || next->kind == AT_TK_NUM ||
        (next->kind == AT_TK_QUOTE && (next->flags & AT_TF_QOPEN)))
        return 1;
    if (!at_word(next))
        return 0;
    if (next->wid == AT_W_TO && next2 && at_word(next2) && !(next2->flags & AT_TF_CAP) &&
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
int at_ask_ok(const at_sent *s, const at_tok *next)
{
    if (!next || !at_word(next))
        return 1;
    static const char *const q[] = {"whether", "if", "why", "how", "what", "when", "where", "who"};
    for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++)
        if (at_tok_is(s, next, q[i]))
            return 1;
    return 0;
}

/* "The mayor, Jan Novak, said": the comma at c closes a personal name in
 * apposition to the phrase before it.  The name is the subject; the phrase
 * joins the span.  0 and np when it is one, 1 and np classified when the
 * phrase is a media noun (the name is an outlet's), -1 otherwise. */
static int name_apposition(const at_sent *s, size_t c, at_np *np)
{
    const at_tok *t = s->t;
    size_t k = c;
    while (k > 0 && at_word(&t[k - 1]) && (t[k - 1].cls & (AT_L_NAME | AT_L_PARTICLE)) &&
           !(t[k - 1].flags & AT_TF_POSS))
        k--;
    if (k == c || k < 2 || t[k - 1].kind != AT_TK_COMMA || !(t[c - 1].cls & AT_L_NAME))
        return -1;
    at_np before;
    size_t bg = skip_inserts(s, k - 2); /* "The secretary general of X (Y), Jan Novak," */
    if (bg == NONE_IDX || at_np_left(s, bg, &before) != 0 ||
        !(t[before.head].cls & (AT_L_TITLE | AT_L_PERSON | AT_L_MEDIA)))
        return -1;
    if (at_np_left(s, c - 1, np) != 0)
        return -1;
    np->a = before.a;
    if (t[before.head].cls & AT_L_MEDIA) {
        /* "Solvany's largest daily, Novy Glas, reported": the name is the
         * outlet's (classified here: returns 1) */
        np->head = before.head;
        np->cls = AT_MEDIA;
        np->rule = AT_R_OUTLET;
        np->conf = 0.75;
        return 1;
    }
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
    if (h >= 2 && at_word(&t[h]) && (t[h].cls & (AT_L_NAME | AT_L_CITY | AT_L_PLACE)) &&
        at_word(&t[h - 1]) && (t[h - 1].wid == AT_W_FROM || t[h - 1].wid == AT_W_IN))
        h -= 2;
    if (!at_word(&t[h]) || (t[h].flags & AT_TF_CAP) || t[h].cls != 0 || t[h].vclass ||
        (t[h].flags & AT_TF_POSS))
        return -1;
    size_t a = h;
    for (int k = 0; k < 3 && a > 0; k++) {
        const at_tok *p = &t[a - 1];
        if (!at_word(p))
            return -1;
        /* "one of the divers said": one of a group of people */
        int one_of = k == 0 && a >= 3 && t[a - 1].wid == AT_W_THE && at_word(&t[a - 2]) &&
                     t[a - 2].wid == AT_W_OF && at_word(&t[a - 3]) && t[a - 3].wid == AT_W_ONE &&
                     t[h].kend - t[h].start > 3 && s->text[t[h].kend - 1] == 's';
        if (one_of)
            a -= 2;
        if (one_of || p->wid == AT_W_A || (p->wid == AT_W_ONE && !(p->flags & AT_TF_POSS))) {
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
        if (at_word(&t[g]) && (t[g].cls & AT_L_TIME)) {
            size_t k = g;
            while (k > 0 && g - k < 4 && at_word(&t[k - 1]) &&
                   ((t[k - 1].cls & AT_L_TIME) || t[k - 1].wid == AT_W_ON ||
                    t[k - 1].wid == AT_W_THIS || at_tok_is(s, &t[k - 1], "last") ||
                    at_tok_is(s, &t[k - 1], "late") || at_tok_is(s, &t[k - 1], "early") ||
                    at_tok_is(s, &t[k - 1], "earlier")))
                k--;
            /* "census data released Thursday show": a document, its
             * participle and the time */
            if (k >= 2 && at_word(&t[k - 1]) && !(t[k - 1].flags & AT_TF_CAP) &&
                participle_like(s, &t[k - 1]) && at_word(&t[k - 2]) &&
                (t[k - 2].cls & (AT_L_DOC | AT_L_PDOC))) {
                g = k - 2;
                continue;
            }
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
    if (!at_word(x) || (x->flags & AT_TF_CAP))
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
        if (!at_word(&t[k]) && t[k].kind != AT_TK_NUM)
            return -1;
        if (!verb_like(s, &t[k]) || k == 0)
            continue;
        int saw_be, neg;
        size_t h = at_skip_verb_group(s, k, &saw_be, &neg);
        if (h == NONE_IDX || neg || saw_be || at_np_left(s, h, np) != 0)
            return -1;
        if (np->a > 0 && at_word(&t[np->a - 1]) && (t[np->a - 1].cls & AT_L_PPREP))
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
    while (k > 0 && g - k < 3 && at_word(&t[k]) && (t[k].flags & AT_TF_CAP) &&
           !(t[k].flags & AT_TF_POSS) && t[k].wid != AT_W_OF)
        k--;
    if (k == g || k < 1 || !at_word(&t[k]) || t[k].wid != AT_W_OF)
        return -1;
    const at_tok *h = &t[k - 1];
    if (!at_word(h) || !(h->flags & AT_TF_CAP) || !(h->cls & (AT_L_INST | AT_L_ORGSUF)) ||
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
        if (!at_word(&t[k]) || !at_word(p))
            return -1;
        if (!(p->wid == AT_W_FOR || p->wid == AT_W_OF || p->wid == AT_W_FROM ||
              p->wid == AT_W_AT || p->wid == AT_W_WITH))
            continue;
        const at_tok *h = &t[k - 2];
        if (!at_word(h) || !(h->cls & (AT_L_VAGUE | AT_L_ANON | AT_L_PEOPLE)) ||
            (h->flags & AT_TF_POSS) || (h->cls & AT_L_CROWD))
            return -1;
        if (at_np_left(s, k - 2, np) != 0 || np->head != k - 2)
            return -1;
        np->b = g;
        return 0;
    }
    return -1;
}

int at_subject_before(const at_sent *s, size_t g, at_np *np, int *adjacent, int *thing)
{
    const at_tok *t = s->t;
    *adjacent = 1;
    *thing = 0;
    if (g == NONE_IDX)
        return -1;
    g = skip_inserts(s, g);
    if (g == NONE_IDX)
        return -1;
    int named = t[g].kind == AT_TK_COMMA ? name_apposition(s, g, np) : -1;
    if (named >= 0)
        return named; /* "The mayor, Jan Novak, said"; "the daily, Novy Glas, reported" */
    if (t[g].kind == AT_TK_COMMA) {
        int kind;
        g = skip_apposition(s, g, &kind);
        *adjacent = kind == APPOS_PERSON;
        *thing = kind == APPOS_THING;
        if (g == NONE_IDX)
            return -1;
    } else if (at_word(&t[g]) && (t[g].cls & AT_L_REL) && g > 0 && at_word(&t[g - 1]) &&
               !(t[g - 1].cls & AT_L_PRON) && at_head_capable(&t[g - 1]) &&
               (t[g].wid == AT_W_WHO || t[g].wid == AT_W_WHICH || t[g].wid == AT_W_THAT)) {
        /* "a country that claims", "the official who said" */
        *adjacent = t[g].wid == AT_W_WHO;
        *thing = t[g].wid == AT_W_WHICH;
        g--;
    } else if (at_word(&t[g]) && t[g].wid == AT_W_AND) {
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
    if (np->a >= 3 && at_word(&t[np->a - 1]) && t[np->a - 1].wid == AT_W_BY &&
        at_word(&t[np->a - 2]) &&
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
    if (np->a > 0 && !np->postmod && at_word(&t[np->a - 1]) && (t[np->a - 1].cls & AT_L_PPREP)) {
        if (described_group(s, g, np) == 0)
            return 0;
        return unnamed_person(s, g, np) == 0 ? 1 : -1;
    }
    return 0;
}

/* A modal between the subject at g and the verb v ("others may think"):
 * a supposition, not a report. */
int at_modal_between(const at_sent *s, size_t g, size_t v)
{
    static const char *const modal[] = {"may", "might", "could", "would", "should", "can"};
    for (size_t i = g + 1; i < v; i++)
        for (size_t k = 0; k < sizeof(modal) / sizeof(modal[0]); k++)
            if (at_tok_is(s, &s->t[i], modal[k]))
                return 1;
    return 0;
}

int at_future_between(const at_sent *s, size_t g, size_t v)
{
    for (size_t i = g + 1; i < v; i++)
        if (at_tok_is(s, &s->t[i], "will") || at_tok_is(s, &s->t[i], "shall") ||
            (at_tok_is(s, &s->t[i], "to") && i + 1 == v))
            return 1;
    return 0;
}

/* Does the complement of verb v start with a personal pronoun ("claims
 * she was", "said that his")? */
int at_person_follows(const at_sent *s, size_t v)
{
    size_t j = v + 1;
    while (j < s->n && at_word(&s->t[j]) && (s->t[j].cls & AT_L_ADV))
        j++;
    if (j < s->n && at_word(&s->t[j]) && s->t[j].wid == AT_W_THAT)
        j++;
    if (j >= s->n || !at_word(&s->t[j]))
        return 0;
    const at_tok *x = &s->t[j];
    return x->wid == AT_W_HE || x->wid == AT_W_SHE || at_tok_is(s, x, "his") ||
           at_tok_is(s, x, "her");
}

/* Does the verb group after the subject ending at b up to the verb v
 * agree with a plural subject: "have", "are", "were", "do" in it, or a
 * bare present form ("say", "believe") with no auxiliary? */
int at_plural_agreement(const at_sent *s, size_t b, size_t v)
{
    static const char *const plural_aux[] = {"have", "are", "were", "do", "haven't", "aren't",
                                             "weren't", "don't"};
    int aux = 0;
    for (size_t i = b + 1; i < v; i++) {
        if (!at_word(&s->t[i]))
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
    return !p || (!at_word(p) && p->kind != AT_TK_NUM) || p->wid == AT_W_AND ||
           at_tok_is(s, p, "but") || p->wid == AT_W_THAT || p->wid == AT_W_WHILE;
}

/* A bare quantifier as the subject ("many believe", "some argue", "others
 * say") or a quantified part of a group ("some in the party", "many among
 * the delegates"): a generic crowd.  0 and np when the subject ending at g
 * is one, -1 otherwise. */
int at_crowd_quantifier(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    if (g == NONE_IDX || !at_word(&t[g]))
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
        part = at_word(&t[k - 1]) && (t[k - 2].cls & AT_L_QUANT) &&
               (t[k - 1].wid == AT_W_IN || at_tok_is(s, &t[k - 1], "among") ||
                at_tok_is(s, &t[k - 1], "within"));
    at_np in;
    if (!part || at_np_left(s, g, &in) != 0 || in.a < 2)
        return -1;
    const at_tok *p = &t[in.a - 1], *q = &t[in.a - 2];
    if (!at_word(p) || !(p->wid == AT_W_IN || at_tok_is(s, p, "among") ||
                         at_tok_is(s, p, "within")))
        return -1;
    if (!at_word(q) || !(q->cls & AT_L_QUANT) || q->wid == AT_W_ONE || !clause_start(s, in.a - 2))
        return -1;
    np->a = in.a - 2;
    np->b = g;
    np->head = in.a - 2;
    return 0;
}

/* Is token x a finite auxiliary or a finite verb form (the verb of a
 * clause)? */
static int finite_word(const at_tok *x)
{
    return at_word(x) && ((x->cls & (AT_L_AUX | AT_L_BE)) ||
                          (x->vclass && (x->vform & (AT_VF_PAST | AT_VF_S))));
}

/* A verb of the WordNet reporting lists (AT_V_CLAUSE) reports only with
 * its sentential complement: "that", "whether", a quotation, a colon, a
 * zero-that clause ("reckons the deal will fail": a noun phrase and a
 * finite verb), possibly after adverbs or a "to"-phrase ("hinted to
 * reporters that"); or it closes a quotation ("..." she whispered). */
int at_clause_follows(const at_sent *s, size_t v)
{
    const at_tok *t = s->t;
    int to_phrase = 0, pp = 0;
    for (size_t j = v + 1, k = 0; j < s->n && k < 8; j++, k++) {
        const at_tok *x = &t[j];
        if (x->kind == AT_TK_QUOTE || x->kind == AT_TK_SQUOTE)
            return (x->flags & AT_TF_QOPEN) != 0;
        if (x->kind == AT_TK_COLON)
            return 1;
        if (x->kind == AT_TK_COMMA)
            return j + 1 < s->n && (t[j + 1].kind == AT_TK_QUOTE) && (t[j + 1].flags & AT_TF_QOPEN);
        if (!at_word(x) && !(x->kind == AT_TK_NUM && k == 0))
            break;
        if (x->wid == AT_W_THAT || at_tok_is(s, x, "whether"))
            return 1;
        if (x->wid == AT_W_OUT || ((x->cls & AT_L_ADV) && !(x->cls & AT_L_NEG)))
            continue;
        if (x->wid == AT_W_TO && !to_phrase) {
            to_phrase = 1;
            continue;
        }
        /* a prepositional phrase first: "conceded under questioning from
         * council members that" */
        if (!to_phrase && (x->cls & (AT_L_PREP | AT_L_PPREP)) && x->wid != AT_W_TO && !pp) {
            pp = 1;
            continue;
        }
        if (pp && (!x->vclass || x->vform == AT_VF_ING) &&
            !(x->cls & (AT_L_AUX | AT_L_BE | AT_L_REL | AT_L_PRON)))
            continue;
        if (to_phrase && !x->vclass && !(x->cls & (AT_L_AUX | AT_L_BE | AT_L_REL)))
            continue;
        /* a zero-that clause: a short subject, then its finite verb */
        if (!to_phrase && k == 0 &&
            ((x->cls & (AT_L_PRON | AT_L_DET | AT_L_NAME | AT_L_QUANT)) || x->kind == AT_TK_NUM)) {
            for (size_t m = j + 1; m < s->n && m <= j + 4; m++) {
                if (finite_word(&t[m]))
                    return !(t[m].vclass && m == j + 1 && !(x->cls & AT_L_PRON));
                if (!at_word(&t[m]) || (t[m].cls & (AT_L_PREP | AT_L_REL)))
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

/* Headline case ("Mayor Tells Council Budget Is Short"): at least three
 * words of four letters or more, all capitalised, and no sentence end. */
int at_headline_case(const at_sent *s)
{
    size_t longw = 0;
    for (size_t i = 0; i < s->n; i++) {
        const at_tok *x = &s->t[i];
        if (x->kind == AT_TK_PERIOD || x->kind == AT_TK_QUOTE)
            return 0;
        if (!at_word(x) || x->kend - x->start < 4)
            continue;
        if (!(x->flags & AT_TF_CAP) || (x->flags & AT_TF_ALLCAPS))
            return 0;
        longw++;
    }
    return longw >= 3;
}
