/*
 * attribution.c - the analysis of one sentence: tokens, units, the cues
 * (cues.c) and their sources, then anonymity cues and refinements and "it"
 * resolved to the last organisation that spoke.
 *
 * Contract: see attribution.h.  Each verb costs a bounded scan of its
 * neighbourhood, so a sentence is analysed in linear time.
 */
#include "attribution.h"

#include <string.h>

#include "analysis.h"
#include "clause.h"
#include "propernoun.h"

/* Add a hit unless one of the same class overlaps it. */
void at_add_hit(sent_state *st, at_class cls, at_rule rule, size_t ta, size_t tb, double conf,
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
        if (!at_word(&t[i]) || !(t[i].cls & AT_L_NAME)) {
            i++;
            continue;
        }
        size_t j = i, k = 0, last = i;
        while (j < s->n && at_word(&t[j]) &&
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
        if (orgs && after && at_word(after) && (after->flags & AT_TF_CAP) &&
            (after->cls & (AT_L_ORGSUF | AT_L_INST)) && !(after->cls & AT_L_TITLE) &&
            !(t[j - 1].flags & AT_TF_POSS)) {
            for (size_t m = i; m < j; m++)
                if ((t[m].cls & AT_L_NAME) &&
                    at_names_add(orgs, s->text + t[m].start, t[m].kend - t[m].start) != 0)
                    return -1;
            i = j;
            continue;
        }
        int titled = i > 0 && at_word(&t[i - 1]) && (t[i - 1].cls & AT_L_TITLE) &&
                     !(t[i - 1].flags & AT_TF_POSS);
        if (k >= 2 || (k == 1 && titled)) {
            if (at_names_add(names, s->text + t[last].start, t[last].kend - t[last].start) != 0)
                return -1;
        }
        i = j > i ? j : i + 1;
    }
    return 0;
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
        if (!at_word(c))
            continue;
        size_t a = NONE_IDX;
        if (c->wid == AT_W_ANONYMITY || c->wid == AT_W_ANONYMOUSLY) {
            a = i;
            while (a > 0 && i - a < 5 && at_word(&t[a - 1]) &&
                   (t[a - 1].wid == AT_W_CONDITION || t[a - 1].wid == AT_W_OF ||
                    t[a - 1].wid == AT_W_ON || t[a - 1].wid == AT_W_THE ||
                    t[a - 1].wid == AT_W_SPEAKING || t[a - 1].wid == AT_W_REQUESTED ||
                    t[a - 1].wid == AT_W_ASKED || t[a - 1].wid == AT_W_FOR ||
                    t[a - 1].vclass == AT_V_ASK))
                a--;
        } else if ((c->wid == AT_W_NAMED || c->wid == AT_W_IDENTIFIED) && i >= 3 &&
                   at_word(&t[i - 1]) && (t[i - 1].cls & AT_L_BE) && t[i - 2].wid == AT_W_TO) {
            size_t k = i - 3;
            if (at_word(&t[k]) && t[k].wid == AT_W_NOT && k > 0)
                k--;
            if (at_word(&t[k]) && (t[k].wid == AT_W_DECLINED || t[k].wid == AT_W_REQUESTED ||
                                   t[k].vclass == AT_V_ASK || t[k].vclass == AT_V_SAY))
                a = k;
        } else if ((c->cls & AT_L_ANONMOD) && !(c->cls & AT_L_CONNECT)) {
            for (size_t j = i + 1; j < s->n && j <= i + 5; j++) {
                const at_tok *x = &t[j];
                if (!at_word(x))
                    break;
                if (x->cls & (AT_L_ANON | AT_L_PERSON)) { /* "an anonymous blogger" */
                    if (!have_anon) {
                        at_np np;
                        memset(&np, 0, sizeof(np));
                        np.a = i;
                        np.b = np.head = j;
                        at_add_hit(st, AT_ANON, AT_R_UNNAMED, i, j, 0.85, &np);
                        have_anon = 1;
                    }
                    break;
                }
                if (!(x->cls & (AT_L_MOD | AT_L_DEMONYM | AT_L_PLACE | AT_L_INST | AT_L_ORG |
                                AT_L_ACRONYM | AT_L_TITLE)) &&
                    x->wid != AT_W_AND && !at_lower_is_mod(x))
                    break;
            }
            continue;
        }
        if (a == NONE_IDX)
            continue;
        if (st->cue == NONE_IDX)
            st->cue = i;
        if (!have_anon) {
            at_add_hit(st, AT_ANON, AT_R_UNNAMED, a, i, 0.85, NULL);
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
        if (!at_word(c) || !(c->cls & AT_L_REASON))
            continue;
        if (st->cue != NONE_IDX && i > st->cue)
            reason = 1; /* "... anonymity because ...", "... to discuss ..." */
        /* "not authorized to speak", "not permitted to discuss" */
        if (i > 0 && at_word(&t[i - 1]) && t[i - 1].wid == AT_W_NOT && i + 2 < s->n &&
            t[i + 1].wid == AT_W_TO && at_word(&t[i + 2]) &&
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
            if (at_word(x) && (x->cls & AT_L_KNOW)) {
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
        if (h->head < s->n && at_word(hd) && (hd->wid == AT_W_SOURCE || hd->wid == AT_W_INSIDER) &&
            !h->postmod) {
            int bare = 1;
            for (size_t j = h->np_a; j < h->head; j++) {
                const at_tok *x = &t[j];
                if (x->kind == AT_TK_NUM)
                    continue;
                if (!at_word(x) || !(x->cls & (AT_L_DET | AT_L_QUANT)) || (x->flags & AT_TF_POSS))
                    bare = 0;
            }
            if (h->head + 1 < s->n) {
                const at_tok *x = &t[h->head + 1];
                if (at_word(x) && (x->cls & (AT_L_CONNECT | AT_L_KNOW | AT_L_REL) ||
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
        int it = h->head < st->s.n && at_word(&t[h->head]) && t[h->head].wid == AT_W_IT &&
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

/* Analyse one sentence (see attribution.h): 0, or -1 when the name set
 * cannot grow. */
int at_analyse_sentence(const at_lexicon *lx, at_names *names, at_names *orgs,
                        at_class *last_thing, const char *text, size_t text_len, size_t start,
                        size_t end, at_tok *toks, size_t tcap, at_hit *hits, size_t cap,
                        size_t *nhits)
{
    sent_state st;
    size_t participle[8], npart = 0;
    at_tok_summary sum;

    *nhits = 0;
    memset(&st, 0, sizeof(st));
    st.s.text = text;
    st.s.t = toks;
    st.s.n = at_tokenize(lx, text, text_len, start, end, toks, tcap, &sum);
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
    st.headline = at_headline_case(&st.s);
    if ((cls & AT_L_NAME) && register_names(names, orgs, &st.s) != 0)
        return -1;

    /* marking units only ever clears verb classes: the verbs stay inside
     * [first_verb, last_verb] */
    for (size_t v = sum.first_verb; v <= sum.last_verb && v < st.s.n; v++) {
        const at_tok *c = &toks[v];
        if (at_word(c) && c->vclass && !(c->flags & AT_TF_PHRASE))
            at_verb(&st, v, participle, &npart);
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
            if (at_sentence_subject(&st.s, v, &np) != 0)
                continue;
            at_np_classify(&st.s, &np, 1);
            if (np.cls != AT_NONE)
                at_add_hit(&st, np.cls, np.rule, np.a, v, np.conf * 0.8, &np);
            break;
        }
    }
    if ((wids & (W(AT_W_ACCORDING) | W(AT_W_PER) | W(AT_W_INTERVIEW) | W(AT_W_SPEAKING) |
                 W(AT_W_NOMINAL) | W(AT_W_REPORTS) | W(AT_W_WORDS))) ||
        (sum.cls & (AT_L_MEDIA | AT_L_OUTLET)))
        at_phrases(&st);
    if (cls & AT_L_COGADJ)
        at_stance_adjectives(&st);
    if (kinds & (1 << AT_TK_POPEN))
        at_outlet_credit(&st);
    if (sum.cls & (AT_L_MEDIA | AT_L_OUTLET))
        at_media_venue(&st);
    if (kinds & ((1u << AT_TK_QUOTE) | (1u << AT_TK_SQUOTE)))
        at_quote_speaker(&st);
    if ((wids & W(AT_W_THAT)) && (cls & (AT_L_NAME | AT_L_TITLE)) && !st.finite)
        at_that_speaker(&st);
    if ((cls & AT_L_ANONMOD) || (wids & (W(AT_W_ANONYMITY) | W(AT_W_ANONYMOUSLY) |
                                         W(AT_W_NAMED) | W(AT_W_IDENTIFIED))))
        anonymity_cues(&st);
    if (st.nhits)
        refine_anonymous(&st, (sum.cls & AT_L_REASON) != 0);
    if (kinds & (1 << AT_TK_HANDLE))
        at_signoff(&st);
    resolve_it(&st, last_thing);
    *nhits = st.nhits;
    return 0;
}
