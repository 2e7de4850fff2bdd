/*
 * cues.c - the cues of a sentence and the hits they make: reporting and
 * cognition verbs with their subjects or objects, phrase cues ("according
 * to", "in a statement"), quotes with their speakers, media venues and
 * outlet credits, stance adjectives and sign-offs.  Each cue costs a
 * bounded scan of its neighbourhood (clause.c).
 */
#include <string.h>

#include "analysis.h"
#include "clause.h"
#include "propernoun.h"

/* Classify the object of tell/cite and add it when it is a source.  With
 * media_only, only a named outlet or a qualified media noun counts ("told
 * CNN", "told Slovak television"; not "told the press"). */
static void object_source(sent_state *st, size_t v, int media_only)
{
    const at_tok *t = st->s.t;
    at_np o;
    if (v + 1 < st->s.n && at_call_sign(&st->s, &t[v + 1], 1)) { /* "told WKRT-TV" */
        memset(&o, 0, sizeof o);
        o.a = o.b = o.head = v + 1;
        at_add_hit(st, AT_MEDIA, AT_R_OUTLET, v, v + 1, 0.8, &o);
        return;
    }
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
            else if (i < o.head && at_word(&t[i]) && !(t[i].cls & (AT_L_DET | AT_L_POSSDET)))
                qualified = 1;
        }
        if (!named && !qualified)
            return;
    }
    at_add_hit(st, o.cls, o.rule, v, o.b, o.conf, &o);
}

/* "Beijing is particularly wary that ...": a stated stance. */
void at_stance_adjectives(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    at_np np;
    for (size_t i = 1; i + 1 < s->n; i++) {
        if (!at_word(&t[i]) || !(t[i].cls & AT_L_COGADJ) || t[i + 1].wid != AT_W_THAT)
            continue;
        int saw_be = 0, neg = 0;
        size_t g = at_skip_verb_group(s, i, &saw_be, &neg);
        if (!saw_be || neg || g == NONE_IDX || at_np_left(s, g, &np) != 0)
            continue;
        at_np_classify(s, &np, 1);
        if (np.cls != AT_NONE)
            at_add_hit(st, np.cls, np.rule, np.a, i, np.conf * 0.7, &np);
    }
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
    if (at_crowd_quantifier(s, g, &np) == 0 && !at_modal_between(s, g, v) &&
        (vc == AT_V_SAY || vc == AT_V_COG || vc == AT_V_CLAUSE || vc == AT_V_CLAIM ||
         vc == AT_V_STANCE)) {
        at_add_hit(st, AT_VAGUE, AT_R_CROWD, np.a, v, 0.55, &np);
        st->finite = 1;
        return;
    }
    int found = at_subject_before(s, g, &np, &adjacent, &thing);
    if (found < 0)
        return;
    if (found == 0)
        at_np_classify(s, &np, adjacent);
    const at_tok *h = &t[np.head];
    if (thing && (h->cls & AT_L_NAME) &&
        (np.cls == AT_NONE ||
         (np.cls == AT_ONREC && (np.rule == AT_R_NAMED || np.rule == AT_R_SURNAME) &&
          !np.surname_seen && !(t[np.head].cls & AT_L_TITLE))))
        /* "Acme, which ..., said", "the Fenwick Trust, which funded the work,
         * said": "which" is said of things, a person takes "who" */
        np.cls = AT_INST, np.rule = AT_R_INST, np.conf = 0.6;
    if (vc == AT_V_DOC && found == 0 && (h->cls & AT_L_PEOPLE) && !np.postmod &&
        h->kend > h->start && s->text[h->kend - 1] == 's' && np.b > np.head) {
        /* "figures from the health department show": statistics */
        np.cls = AT_INST;
        np.rule = AT_R_INST;
        np.conf = 0.6;
    } else if ((vc == AT_V_DOC || vc == AT_V_READ) && !(h->cls & (AT_L_DOC | AT_L_PDOC))) {
        np.cls = AT_NONE;
    }
    if (np.cls == AT_ONREC && np.rule == AT_R_PRONOUN && np.a > 0) {
        /* "said he believes": a complement clause, not a new attribution */
        const at_tok *l = &t[np.a - 1];
        if ((at_word(l) && l->vclass) ||
            (at_word(l) && l->wid == AT_W_THAT && np.a >= 2 && t[np.a - 2].vclass))
            np.cls = AT_NONE;
    }
    if (np.cls == AT_NONE && found == 0 && (h->cls & AT_L_PEOPLE) && !np.postmod &&
        np.a < np.head && at_word(&t[np.a]) && (t[np.a].cls & AT_L_QUANT) &&
        !(t[np.a].flags & AT_TF_POSS)) {
        /* "some individuals reported" (what they saw: anonymous); "many
         * people believe", "some people say" (opinion: a vague crowd) */
        if ((vc == AT_V_SAY || vc == AT_V_TELL) && (t[v].vform & AT_VF_PAST))
            np.cls = AT_ANON, np.rule = AT_R_UNNAMED, np.conf = 0.5;
        else if (vc == AT_V_COG || vc == AT_V_CLAUSE || vc == AT_V_SAY)
            np.cls = AT_VAGUE, np.rule = AT_R_CROWD, np.conf = 0.5;
    }
    if (np.cls == AT_INST && (h->cls & (AT_L_PLACE | AT_L_CITY)) && np.a == np.head &&
        at_person_follows(s, v)) {
        /* "Paris claims she was sent": the clause's "she" is the speaker,
         * so the place name is a person's surname */
        np.cls = AT_ONREC;
        np.rule = AT_R_SURNAME;
        np.conf = 0.6;
    }
    int coordinated = 0; /* "Harlan and Brooks say": two people */
    for (size_t i = np.a; i <= np.b && i < s->n; i++)
        coordinated |= at_word(&t[i]) && t[i].wid == AT_W_AND;
    if (np.cls == AT_ONREC && np.rule == AT_R_SURNAME && !np.surname_seen && !coordinated &&
        at_plural_agreement(s, np.b, v)) {
        /* "Republicans say", "Democrats have argued": a name agreeing with
         * a plural verb is a group, not a person */
        const at_tok *hd = &t[np.head];
        int plural = hd->kend - hd->start > 3 && s->text[hd->kend - 1] == 's';
        np.cls = plural ? AT_VAGUE : AT_NONE;
        np.rule = AT_R_CROWD;
        np.conf = 0.5;
    }
    if (np.cls == AT_VAGUE && at_modal_between(s, np.b, v))
        np.cls = AT_NONE; /* "others may think": a supposition */
    if (at_future_between(s, np.b, v))
        np.cls = AT_NONE; /* "the mayor will testify on Wednesday": not said yet */
    if (np.cls == AT_ANON && vc == AT_V_COG && (h->cls & AT_L_PERSON) && !np.postmod &&
        at_word(&t[np.a]) && t[np.a].wid == AT_W_A)
        np.cls = AT_NONE; /* "a teacher thought it was a bomb": a belief told, not a source */
    if (np.a > 0 && (at_tok_is(s, &t[np.a - 1], "if") || at_tok_is(s, &t[np.a - 1], "unless")))
        np.cls = AT_NONE; /* "if the minister believes ...": a condition, not a report */
    if (np.cls == AT_NONE)
        return;
    double conf = np.conf;
    if (vc == AT_V_STANCE || vc == AT_V_CALL)
        conf *= 0.8;
    at_add_hit(st, np.cls, np.rule, np.a, v, conf, &np);
    st->finite = 1;
}

/* The verb at v and its neighbours, as the cue checks read them. */
typedef struct verb_ctx {
    const at_tok *tv;   /* the verb */
    const at_tok *prev; /* the token before it, NULL at the start */
    const at_tok *next; /* the token after it, NULL at the end */
    uint8_t vc, vf;     /* its verb class and form */
} verb_ctx;

static verb_ctx verb_context(const at_sent *s, size_t v)
{
    const at_tok *t = s->t;
    verb_ctx c = {
        .tv = &t[v],
        .prev = v > 0 ? &t[v - 1] : NULL,
        .next = v + 1 < s->n ? &t[v + 1] : NULL,
        .vc = t[v].vclass,
        .vf = t[v].vform,
    };
    return c;
}

/* "told him to leave", "urged senators to drop the bill": an object, then
 * "to" and a verb within three words of v: an order or a request, not a
 * statement.  The word after "to" must be lower case: a capital there is
 * a place or a name ("told them to Lagos"), for urge as for tell (the
 * urge test had no such check before the two shared this one). */
static int directive_follows(const at_sent *s, size_t v)
{
    const at_tok *t = s->t;
    for (size_t j = v + 2; j < s->n && j <= v + 4; j++) {
        if (!at_word(&t[j]))
            break;
        if (t[j].wid == AT_W_TO && j + 1 < s->n && at_word(&t[j + 1]) &&
            !(t[j + 1].cls & (AT_L_DET | AT_L_POSSDET | AT_L_NAME | AT_L_PRON)) &&
            !(t[j + 1].flags & AT_TF_CAP))
            return 1;
    }
    return 0;
}

/* A lower-case word the lexicon does not know, in -ed: a past form
 * ("fumed", "joked"). */
static int unknown_past_form(const at_sent *s, const at_tok *t)
{
    const char *e = s->text + t->kend;
    return at_word(t) && !(t->flags & AT_TF_CAP) && !t->vclass && !t->cls &&
           t->kend - t->start >= 5 && e[-2] == 'e' && e[-1] == 'd';
}

/* Is the verb at v, by its form and neighbours, no attribution here ("State
 * Department", "the said agreement", "to say", "told to leave", "claimed
 * the trophy", "called for")? */
static int not_a_cue(const sent_state *st, size_t v)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    const verb_ctx c = verb_context(s, v);

    if ((c.tv->flags & AT_TF_CAP) && !(c.tv->flags & (AT_TF_SENTINIT | AT_TF_ALLCAPS)) &&
        !(st->headline && (c.vf & (AT_VF_PAST | AT_VF_S))))
        return 1; /* "State Department", "the Post"; not "Mayor Tells Council" */
    if (c.prev && at_word(c.prev)) {
        if ((c.prev->cls & (AT_L_DET | AT_L_POSSDET)) && !(c.prev->cls & AT_L_QUANT) &&
            !(c.prev->flags & AT_TF_POSS))
            return 1; /* "the said agreement", "the reported attack" */
        if ((c.prev->flags & AT_TF_POSS) && !(c.prev->cls & AT_L_PRON))
            return 1; /* "Ukraine's claims" */
        if (c.prev->wid == AT_W_TO && (c.vf & AT_VF_BASE))
            return 1; /* "to say" */
    }
    if (c.prev && c.prev->kind == AT_TK_NUM)
        return 1;
    if ((c.tv->cls & AT_L_NOUNV) && (c.vf & (AT_VF_BASE | AT_VF_S)) && !(c.vf & AT_VF_PAST) &&
        !at_noun_verb_ok(c.next, v + 2 < s->n ? &t[v + 2] : NULL))
        return 1; /* "investigation reports as well as", "media posts" */
    if ((c.tv->cls & AT_L_NOUNV) && (c.vf & AT_VF_S) && !(c.vf & AT_VF_PAST) && c.prev &&
        (c.prev->kind == AT_TK_NUM || (at_word(c.prev) && (c.prev->cls & AT_L_QUANT)) ||
         (at_word(c.prev) && (at_lower_is_mod(c.prev) || (c.prev->cls & AT_L_MOD)) && v >= 2 &&
          (t[v - 2].kind == AT_TK_NUM ||
           (at_word(&t[v - 2]) && (t[v - 2].cls & (AT_L_QUANT | AT_L_DET | AT_L_POSSDET)))))))
        return 1; /* "two neighbouring states", "many reports": a noun phrase */
    if (c.vc == AT_V_SAY && c.next && at_word(c.next) && c.tv->wid == AT_W_URGE &&
        directive_follows(s, v))
        return 1; /* "urged senators to drop the amendment": a request */
    switch (c.vc) {
    case AT_V_TELL:
        if (!c.next || c.next->wid == AT_W_TO)
            return 1; /* "told to leave" */
        if (directive_follows(s, v))
            return 1; /* "told him to leave": an order, not a statement */
        break;
    case AT_V_ASK:
        if (!at_ask_ok(s, c.next) && !(c.prev && c.prev->kind == AT_TK_COMMA))
            return 1;
        break;
    case AT_V_CLAIM:
        if (at_prize_follows(s, v))
            return 1; /* "claimed the trophy" */
        break;
    case AT_V_CALL:
        if (c.next && at_word(c.next) &&
            (c.next->wid == AT_W_FOR || c.next->wid == AT_W_ON || c.next->wid == AT_W_OUT ||
             c.next->wid == AT_W_UPON))
            return 1;
        if (!at_word_ahead(s, v, 7, 0, 1)) {
            int as = 0;
            for (size_t j = v + 1; j < s->n && j <= v + 7; j++)
                if (at_word(&t[j]) && t[j].wid == AT_W_AS)
                    as = 1;
            if (!as)
                return 1;
        }
        break;
    case AT_V_ISSUE:
        /* a document or a story as the object; an outlet publishes anything */
        if (!at_word_ahead(s, v, 4, AT_L_DOC | AT_L_PDOC | AT_L_CONTENT, 0) &&
            !(v > 0 && at_word(&t[v - 1]) && (t[v - 1].cls & (AT_L_OUTLET | AT_L_MEDIA))))
            return 1;
        break;
    case AT_V_CLAUSE:
        if (!at_clause_follows(s, v))
            return 1;
        break;
    case AT_V_DOC:
        if (c.next && at_word(c.next) && (c.next->cls & AT_L_PPREP))
            return 1; /* "a document found on the street": a reduced passive */
        break;
    case AT_V_READ:
        if (c.next && !(c.next->kind == AT_TK_COMMA || c.next->kind == AT_TK_COLON ||
                        c.next->kind == AT_TK_PERIOD || c.next->kind == AT_TK_QUOTE ||
                        c.next->kind == AT_TK_DASH))
            return 1;
        break;
    default:
        break;
    }
    return 0;
}

/* A present participle at v: "citing sources familiar with", ", saying"
 * (kept in participle[] for the sentence's subject), "officials saying".
 * Returns 1 when done with it, 0 when it goes on as a finite verb ("is
 * saying"). */
static int participle_cue(sent_state *st, size_t v, size_t *participle, size_t *npart)
{
    const at_sent *s = &st->s;
    const at_tok *prev = v > 0 ? &s->t[v - 1] : NULL;
    uint8_t vc = s->t[v].vclass;
    at_np np;

    if (vc == AT_V_CITE) { /* "citing sources familiar with" */
        object_source(st, v, 0);
        return 1;
    }
    if (prev && prev->kind == AT_TK_COMMA) {
        if (*npart < 8)
            participle[(*npart)++] = v;
        return 1;
    }
    if (prev && at_word(prev) && (prev->cls & (AT_L_NAME | AT_L_ANON | AT_L_PRON)) &&
        !(prev->cls & AT_L_STOP && !(prev->cls & AT_L_PRON)) &&
        (vc == AT_V_SAY || vc == AT_V_CALL || vc == AT_V_CLAIM || vc == AT_V_STANCE ||
         vc == AT_V_CLAUSE)) {
        if (at_np_left(s, v - 1, &np) == 0) {
            at_np_classify(s, &np, 1);
            if (np.cls == AT_ONREC || np.cls == AT_ANON)
                at_add_hit(st, np.cls, np.rule, np.a, v, np.conf * 0.9, &np);
        }
        return 1;
    }
    return !(prev && at_word(prev) && (prev->cls & AT_L_BE)); /* only "is saying" goes on */
}

/* "I'm told", "we were told" (not negated): the reporter's unnamed
 * informants.  g: the token left of the verb group.  1 when it is that. */
static int reporter_told(sent_state *st, size_t v, size_t g, int saw_be)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    const at_tok *next = v + 1 < s->n ? &t[v + 1] : NULL;
    uint8_t vc = t[v].vclass, vf = t[v].vform;
    at_np np;

    if (vc == AT_V_TELL && (vf & (AT_VF_PAST | AT_VF_PART)) && v > 0 &&
        (saw_be || at_tok_is(s, &t[v - 1], "i'm") || at_tok_is(s, &t[v - 1], "we're"))) {
        size_t p = (saw_be && g != NONE_IDX) ? g : v - 1;
        if (at_word(&t[p]) && (t[p].wid == AT_W_I || t[p].wid == AT_W_WE) &&
            !(next && at_word(next) && next->wid == AT_W_TO)) {
            memset(&np, 0, sizeof(np));
            np.a = np.b = np.head = p;
            at_add_hit(st, AT_ANON, AT_R_UNNAMED, p, v, 0.6, &np);
            st->finite = 1;
            return 1;
        }
    }
    return 0;
}

/* A negated verb: "did not say", "has not commented" is no report, but
 * unnamed officials who would not say are still the article's sources. */
static void negated_cue(sent_state *st, size_t v, size_t g)
{
    const at_sent *s = &st->s;
    uint8_t vc = s->t[v].vclass;
    at_np np;

    int adjacent, thing;
    if ((vc == AT_V_SAY || vc == AT_V_CLAUSE) &&
        at_subject_before(s, g, &np, &adjacent, &thing) == 0) {
        at_np_classify(s, &np, adjacent);
        if (np.cls == AT_ANON)
            at_add_hit(st, AT_ANON, np.rule, np.a, v, np.conf * 0.8, &np);
    }
}

/* A passive: "was quoted as saying", "was confirmed by X". */
static void passive_cue(sent_state *st, size_t v, size_t g)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    uint8_t vc = t[v].vclass;
    at_np np;

    size_t m = v + 1;
    while (m < s->n && at_word(&t[m]) && (t[m].cls & AT_L_ADV))
        m++;
    if (vc == AT_V_CITE && m < s->n && at_word(&t[m]) &&
        (t[m].wid == AT_W_AS || t[m].wid == AT_W_TO)) {
        if (g != NONE_IDX && at_np_left(s, g, &np) == 0) {
            at_np_classify(s, &np, 1);
            at_add_hit(st, np.cls, np.rule, np.a, v, np.conf, &np);
            st->finite = 1;
        }
        return;
    }
    for (size_t j = v + 1; j < s->n && j <= v + 7; j++) {
        if (!at_word(&t[j]) && t[j].kind != AT_TK_NUM)
            break;
        if (t[j].wid == AT_W_BY) {
            if (at_np_right(s, j + 1, &np) == 0) {
                at_np_classify(s, &np, 0);
                at_add_hit(st, np.cls, np.rule, v, np.b, np.conf, &np);
                st->finite = 1;
            }
            break;
        }
    }
}

/* Inversion: ", said the envoy", "” said Fiala", ", say officials" (a
 * finite form only).  1 when it made a hit. */
static int inverted_cue(sent_state *st, size_t v)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    const verb_ctx c = verb_context(s, v);
    at_np np;

    if ((c.vf & (AT_VF_PAST | AT_VF_S | AT_VF_BASE)) &&
        /* not tell: what follows "told" is whom it was told to (", told
         * police she had"), and an outlet there is object_source's */
        (c.vc == AT_V_SAY || c.vc == AT_V_ASK || c.vc == AT_V_CLAUSE) && c.next &&
        (v == 0 || c.tv->flags & AT_TF_SENTINIT || c.prev->kind == AT_TK_COMMA ||
         (c.prev->kind == AT_TK_QUOTE && !(c.prev->flags & AT_TF_QOPEN)) ||
         (c.prev->kind == AT_TK_SQUOTE && !(c.prev->flags & AT_TF_QOPEN)) ||
         c.prev->kind == AT_TK_DASH)) {
        if (at_np_right(s, v + 1, &np) == 0 && at_inversion_ends(s, np.b + 1) &&
            !(t[np.head].wid == AT_W_IT || t[np.head].wid == AT_W_THEY) &&
            /* a bare form agrees only with a plural: ", say officials" */
            ((c.vf & (AT_VF_PAST | AT_VF_S)) ||
             (t[np.head].kend > t[np.head].start && s->text[t[np.head].kend - 1] == 's' &&
              !(t[np.head].cls & AT_L_NAME)))) {
            at_np_classify(s, &np, 1);
            if (np.cls != AT_NONE) {
                at_add_hit(st, np.cls, np.rule, v, np.b, np.conf, &np);
                st->finite = 1;
                return 1;
            }
            /* ", told reporters": no inverted source; the subject may precede */
        }
    }
    return 0;
}

/* "would add two officers", "added a late sailing": "add" with a noun
 * phrase for object is adding a thing, not saying something more; "the
 * Senate confirmed Ramaswamy 54-45", "confirmed Ortiz as treasurer":
 * confirming a person is an appointment, not a statement. */
static int adds_a_thing(const at_sent *s, size_t v)
{
    const at_tok *t = s->t;
    if (v + 1 >= s->n)
        return 0;
    const at_tok *o = &t[v + 1];
    if (t[v].wid == AT_W_ADD)
        return o->kind == AT_TK_NUM ||
               (at_word(o) && (o->cls & (AT_L_DET | AT_L_QUANT | AT_L_POSSDET)) &&
                o->wid != AT_W_THAT);
    if (t[v].wid == AT_W_CONFIRM) {
        size_t j = v + 1;
        while (j < s->n && at_word(&t[j]) && (t[j].cls & (AT_L_NAME | AT_L_TITLE)) &&
               !(t[j].flags & AT_TF_POSS))
            j++;
        if (j == v + 1 || !(t[j - 1].cls & AT_L_NAME))
            return 0;
        return j >= s->n || t[j].kind == AT_TK_NUM || t[j].kind == AT_TK_PERIOD ||
               (at_word(&t[j]) && (t[j].wid == AT_W_AS || t[j].wid == AT_W_TO));
    }
    return 0;
}

/* Handle one attribution verb at index v. */
void at_verb(sent_state *st, size_t v, size_t *participle, size_t *npart)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    uint8_t vc = t[v].vclass, vf = t[v].vform;
    int ing_only = vf == AT_VF_ING;

    if (not_a_cue(st, v) || adds_a_thing(s, v))
        return;
    if (ing_only && participle_cue(st, v, participle, npart))
        return;
    int saw_be = 0, neg = 0;
    size_t g = at_skip_verb_group(s, v, &saw_be, &neg);
    if (!neg && reporter_told(st, v, g, saw_be))
        return;
    if (neg) {
        negated_cue(st, v, g);
        return;
    }
    if (saw_be && !ing_only && (vf & (AT_VF_PAST | AT_VF_PART))) {
        passive_cue(st, v, g);
        return;
    }
    if (!ing_only && inverted_cue(st, v))
        return;

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
void at_phrases(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    at_np np;
    for (size_t i = 0; i + 1 < s->n; i++) {
        const at_tok *c = &t[i];
        if (!at_word(c))
            continue;
        if (c->wid == AT_W_ACCORDING && t[i + 1].wid == AT_W_TO) {
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls == AT_ONREC && np.rule == AT_R_PRONOUN)
                    continue;
                at_add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
            }
        } else if (c->wid == AT_W_OF && i >= 3 && t[i - 2].wid == AT_W_THE &&
                   t[i - 3].wid == AT_W_IN && t[i - 1].wid == AT_W_WORDS) {
            /* "in the words of the prosecutor, Mark Tedeschi": the name in
             * apposition, when there is one, is the source */
            size_t j = i + 1;
            while (j < s->n && j < i + 6 && at_word(&t[j]) && !(t[j].cls & AT_L_NAME))
                j++;
            size_t r = (j > i + 1 && j + 1 < s->n && t[j].kind == AT_TK_COMMA &&
                        (t[j + 1].cls & AT_L_NAME) && j + 2 < s->n && (t[j + 2].cls & AT_L_NAME))
                           ? j + 1
                           : i + 1;
            if (at_np_right(s, r, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls != AT_NONE && !(t[np.head].cls & AT_L_PRON))
                    at_add_hit(st, np.cls, np.rule, i - 3, np.b, np.conf, &np);
            }
        } else if (c->wid == AT_W_PER && !(c->flags & AT_TF_CAP && i > 0)) {
            if (at_np_right(s, i + 1, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA || (np.cls == AT_INST && !(t[np.head].cls & AT_L_PRON)))
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
            }
        } else if ((c->wid == AT_W_NOMINAL || c->wid == AT_W_INTERVIEW) &&
                   t[i + 1].wid == AT_W_FROM) {
            /* "criticism from the European Union", "remarks by the minister" */
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 1);
                if (np.cls != AT_NONE && !(t[np.head].cls & AT_L_PRON))
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.8, &np);
            }
        } else if ((c->cls & (AT_L_DOC | AT_L_PDOC)) && t[i + 1].wid == AT_W_TO &&
                   !(c->flags & AT_TF_CAP)) {
            /* "in a statement to the Kestria Herald": the outlet as the conduit */
            if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if (t[i + 1].wid == AT_W_BY && i + 2 < s->n &&
                   (at_tok_is(s, c, "seen") || at_tok_is(s, c, "obtained") ||
                    at_tok_is(s, c, "reviewed") || at_tok_is(s, c, "quoted") ||
                    at_tok_is(s, c, "published") || at_tok_is(s, c, "reported") ||
                    at_tok_is(s, c, "aired") || at_tok_is(s, c, "broadcast") ||
                    at_tok_is(s, c, "carried") || at_tok_is(s, c, "asked") ||
                    at_tok_is(s, c, "interviewed"))) {
            /* "a letter seen by Sky News", "documents obtained by the Herald",
             * "as quoted by the Ledger", "first reported by KTLV", "asked by
             * Radio Lirenne whether": the outlet's reporting */
            if (at_call_sign(s, &t[i + 2], 1)) {
                memset(&np, 0, sizeof np);
                np.a = np.b = np.head = i + 2;
                at_add_hit(st, AT_MEDIA, AT_R_OUTLET, i, i + 2, 0.75, &np);
            } else if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if ((c->wid == AT_W_INTERVIEW || c->wid == AT_W_SPEAKING) &&
                   (t[i + 1].wid == AT_W_TO || t[i + 1].wid == AT_W_WITH ||
                    t[i + 1].wid == AT_W_ON)) {
            if (i + 2 < s->n && at_call_sign(s, &t[i + 2], 1)) { /* "an interview with WKXR" */
                memset(&np, 0, sizeof np);
                np.a = np.b = np.head = i + 2;
                at_add_hit(st, AT_MEDIA, AT_R_OUTLET, i, i + 2, 0.8, &np);
            } else if (at_np_right(s, i + 2, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf, &np);
                else if (np.cls == AT_ANON && c->wid == AT_W_INTERVIEW)
                    at_add_hit(st, np.cls, np.rule, i, np.b, np.conf * 0.9, &np);
            }
        } else if ((c->cls & AT_L_DOC) && c->wid == AT_W_REPORTS && i > 0 &&
                   (t[i - 1].cls & (AT_L_MEDIA | AT_L_OUTLET))) {
            if (at_np_left(s, i, &np) == 0) {
                at_np_classify(s, &np, 0);
                if (np.cls == AT_MEDIA)
                    at_add_hit(st, np.cls, np.rule, np.a, i, np.conf, &np);
            }
        }
    }
}

/* "the report appeared in the newspaper Volna", "the letter was published
 * in the Kestria Herald": an outlet as the place a claim appeared. */
void at_media_venue(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    static const char *const venue_verbs[] = {"appeared", "appears", "appear", "published",
                                              "printed", "ran", "aired"};
    for (size_t i = 0; i + 2 < s->n; i++) {
        if (!at_word(&t[i]) || !(t[i + 1].wid == AT_W_IN || t[i + 1].wid == AT_W_ON))
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
            at_add_hit(st, AT_MEDIA, AT_R_OUTLET, i, np.b, np.conf * 0.8, &np);
    }
}

/* A quotation closed and then its speaker and a verb of any kind:
 * "..." Senator Ilse Varga fumed", "..." she laughed": the verb is a
 * speech act because it reports the quotation.  Only verbs the lexicon
 * does not know already (those went through at_verb()). */
void at_quote_speaker(sent_state *st)
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
        if (!unknown_past_form(s, v))
            continue; /* "fumed", "laughed", "shrugged" report the quotation */
        size_t after = np.b + 2;
        if (after < s->n && at_word(&t[after]) && !(t[after].cls & (AT_L_PREP | AT_L_ADV)))
            continue; /* "... the minister signed the bill": an object, not a report */
        at_np_classify(s, &np, 1);
        if (np.cls == AT_ONREC || np.cls == AT_ANON || np.cls == AT_INST)
            at_add_hit(st, np.cls, np.rule, np.a, np.b + 1, np.conf * 0.8, &np);
    }
}

/* Is the word at t the past form of a communication verb (at_comm_past)? */
static int comm_past(const at_sent *s, const at_tok *t)
{
    uint32_t h = at_comm_hash(s->text + t->start, t->kend - t->start);
    size_t lo = 0, hi = at_n_comm_past;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (at_comm_past[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < at_n_comm_past && at_comm_past[lo] == h;
}

void at_that_speaker(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t v = 1; v + 1 < s->n; v++) {
        const at_tok *c = &t[v];
        if (!unknown_past_form(s, c))
            continue; /* "joked", "signaled" */
        if (!comm_past(s, c))
            continue; /* of a verb of saying (WordNet), not "learned that" */
        size_t k = v + 1;
        while (k < s->n && k < v + 4 && at_word(&t[k]) &&
               ((t[k].cls & AT_L_TIME) || t[k].wid == AT_W_ON))
            k++; /* "signaled Monday that" */
        if (k >= s->n || !at_word(&t[k]) || t[k].wid != AT_W_THAT)
            continue;
        int saw_be = 0, neg = 0, adjacent, thing;
        size_t g = at_skip_verb_group(s, v, &saw_be, &neg);
        at_np np;
        if (saw_be || neg || at_subject_before(s, g, &np, &adjacent, &thing) != 0)
            continue;
        at_np_classify(s, &np, adjacent);
        if (np.cls == AT_ONREC && np.rule != AT_R_PRONOUN)
            at_add_hit(st, np.cls, np.rule, np.a, v, np.conf * 0.7, &np);
    }
}

/* "(BBC Ukrainian Service)": an outlet credited in parentheses. */
void at_outlet_credit(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t i = 0; i + 1 < s->n; i++) {
        if (t[i].kind != AT_TK_POPEN || !at_word(&t[i + 1]) || !(t[i + 1].cls & AT_L_OUTLET))
            continue;
        size_t j = i + 1;
        int ok = 1;
        while (j < s->n && t[j].kind != AT_TK_PCLOSE) {
            if (!at_word(&t[j]) || !(t[j].flags & AT_TF_CAP) ||
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
            at_add_hit(st, AT_MEDIA, AT_R_OUTLET, i + 1, j - 1, 0.6, NULL);
    }
}

/* An embedded post's sign-off: "— Jane Doe (@janedoe) April 3, 2022". */
void at_signoff(sent_state *st)
{
    const at_sent *s = &st->s;
    const at_tok *t = s->t;
    for (size_t i = 0; i + 3 < s->n; i++) {
        if (t[i].kind != AT_TK_DASH)
            continue;
        size_t j = i + 1, k = 0;
        while (j < s->n && at_word(&t[j]) && (t[j].cls & AT_L_TITLE) && j < i + 3)
            j++; /* "- Rep. Dana Whitlock (@...)": a title before the name */
        while (j < s->n && at_word(&t[j]) && (t[j].cls & (AT_L_NAME | AT_L_PARTICLE))) {
            k += (t[j].cls & AT_L_NAME) != 0;
            j++;
        }
        if (k >= 2 && j + 1 < s->n && t[j].kind == AT_TK_POPEN && t[j + 1].kind == AT_TK_HANDLE)
            at_add_hit(st, AT_ONREC, AT_R_NAMED, i + 1, j - 1, 0.7, NULL);
    }
}
