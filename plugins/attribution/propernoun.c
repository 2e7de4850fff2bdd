/*
 * propernoun.c - lexicon phrases and outlet-name patterns.
 *
 * Contract: see propernoun.h.
 */
#include "propernoun.h"


/* Length of the longest phrase starting at toks[i], 0 if none. */
static size_t match_phrase(const at_lexicon *lx, const at_tok *toks, size_t i, size_t n,
                           const at_phrase **best)
{
    size_t best_len = 0;
    for (int32_t p = toks[i].phrase; p >= 0;) {
        const at_phrase *ph = at_lexicon_phrase(lx, p);
        if (!ph)
            break;
        size_t k = ph->nwords;
        if (k > best_len && i + k <= n) {
            size_t j = 1;
            for (; j < k; j++) {
                const at_tok *t = &toks[i + j];
                if (t->ent != ph->went[j])
                    break;
                /* only a possessive word of the phrase, or its last word, carries ’s */
                if ((t->flags & AT_TF_POSS) ? (!ph->wposs[j] && j + 1 < k) : ph->wposs[j])
                    break;
            }
            const at_tok *last = &toks[i + k - 1];
            if (j == k && !((toks[i].flags & AT_TF_POSS) && !ph->wposs[0]) &&
                (!ph->needcaps || (last->flags & AT_TF_CAP) || last->kind == AT_TK_NUM)) {
                best_len = k;
                *best = ph;
            }
        }
        p = ph->next;
    }
    return best_len;
}

/* Make toks[a..b] one unit of class cls. */
static void set_unit(at_tok *toks, size_t a, size_t b, uint64_t cls, uint16_t wid)
{
    for (size_t j = a; j <= b; j++) {
        toks[j].cls = cls;
        toks[j].wid = wid;
        toks[j].vclass = 0;
        toks[j].vform = 0;
        toks[j].flags |= AT_TF_PHRASE;
    }
    toks[b].flags |= AT_TF_PHEND;
}

/* A capitalised word that may be part of an outlet's name. */
static int outlet_part(const at_tok *t)
{
    if (t->kind != AT_TK_WORD || !(t->flags & AT_TF_CAP) || (t->cls & (AT_L_TITLE | AT_L_DEMONYM)))
        return 0;
    /* a function word only as an outlet word inside the name: "Kestria Today" */
    if ((t->cls & AT_L_STOP) && !((t->cls & AT_L_OUTSUF) && !(t->flags & AT_TF_SENTINIT)))
        return 0;
    return (t->cls & (AT_L_NAME | AT_L_ACRONYM | AT_L_OUTLET | AT_L_OUTSUF | AT_L_PLACE |
                      AT_L_CITY | AT_L_ORG | AT_L_TIME | AT_L_ORGSUF)) != 0; /* "Sydney Morning Herald" */
}

/* A name that can follow or precede a media noun ("agency Interfax"). */
static int outlet_name(const at_tok *t)
{
    return t->kind == AT_TK_WORD && (t->flags & AT_TF_CAP) &&
           (t->cls & (AT_L_NAME | AT_L_ACRONYM | AT_L_OUTLET)) &&
           !(t->cls & (AT_L_TITLE | AT_L_STOP | AT_L_DEMONYM | AT_L_PLACE | AT_L_ORG));
}

/* Media nouns that name an outlet next to them (not "media", "press"). */
static int media_label(const at_tok *t)
{
    return t->kind == AT_TK_WORD && (t->cls & AT_L_MEDIA) && t->wid != AT_W_MEDIA &&
           !(t->flags & AT_TF_CAP && t->cls & AT_L_OUTSUF && !(t->flags & AT_TF_PHRASE) &&
             !(t->flags & AT_TF_SENTINIT));
}

/* Mark phrases and outlet names in toks[0..n) (see propernoun.h). */
void at_mark_units(const at_lexicon *lx, at_tok *toks, size_t n, at_tok_summary *sum)
{
    /* 1. lexicon phrases, longest first (only words start one) */
    int has_phrase = sum->has_phrase; /* a local: the tokens' stores cannot change it */
    for (size_t i = 0; has_phrase && i < n; i++) {
        if (toks[i].phrase < 0)
            continue;
        const at_phrase *ph = NULL;
        size_t k = match_phrase(lx, toks, i, n, &ph);
        if (k >= 2 && ph) {
            uint16_t poss = toks[i + k - 1].flags & AT_TF_POSS;
            set_unit(toks, i, i + k - 1, ph->cls, ph->wid);
            toks[i + k - 1].flags |= poss;
            sum->cls |= ph->cls;
            i += k - 1;
        }
    }
    /* every class a token has now (and maybe a few more: the passes below
     * look at each token anyway and only need to know what is absent) */
    uint64_t all = sum->cls;
    sum->cls |= (all & (AT_L_OUTSUF | AT_L_MEDIA)) ? AT_L_OUTLET : 0;
    /* 2. capitalised runs ending in an outlet word: "Kyiv Post", "The Moscow Times" */
    for (size_t i = 0; (all & AT_L_OUTSUF) && i < n;) {
        if (!outlet_part(&toks[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < n && outlet_part(&toks[j + 1]) && !(toks[j].flags & AT_TF_POSS))
            j++;
        const at_tok *last = &toks[j];
        int the_before = i > 0 && toks[i - 1].wid == AT_W_THE;
        if ((last->cls & AT_L_OUTSUF) && !(last->cls & AT_L_OUTLET) && (j > i || the_before) &&
            !(toks[i].cls & AT_L_OUTSUF && j == i)) {
            set_unit(toks, i, j, AT_L_OUTLET, 0);
            toks[j].flags |= last->flags & AT_TF_POSS;
        } else if ((last->cls & AT_L_OUTSUF) && j == i && the_before &&
                   !(last->cls & AT_L_OUTLET)) {
            set_unit(toks, i, j, AT_L_OUTLET, 0);
        }
        i = j + 1;
    }
    /* 2b. broadcasting and news companies: "the Australian Broadcasting
     *     Corporation", "Kestria News Network" (a media word inside a
     *     capitalised organisation name, a nationality allowed first) */
    for (size_t i = 0; (all & AT_L_MEDIA) && i < n;) {
        const at_tok *f = &toks[i];
        if (f->kind != AT_TK_WORD || !(f->flags & AT_TF_CAP) ||
            !(outlet_part(f) || (f->cls & AT_L_DEMONYM))) {
            i++;
            continue;
        }
        size_t j = i;
        int media = 0;
        while (j + 1 < n && !(toks[j].flags & AT_TF_POSS) &&
               (outlet_part(&toks[j + 1]) ||
                ((toks[j + 1].flags & AT_TF_CAP) && (toks[j + 1].cls & AT_L_INST) &&
                 toks[j + 1].kind == AT_TK_WORD && !(toks[j + 1].cls & AT_L_STOP)))) {
            media |= (((toks[j].cls & AT_L_MEDIA) && (toks[j].cls & AT_L_OUTSUF)) ||
                      (toks[j].cls & AT_L_OUTLET)) && j > i;
            media |= (toks[j].cls & AT_L_OUTLET) && j == i; /* "Norland Broadcasting" */
            media |= (toks[j].cls & AT_L_MEDIA) && (toks[j].cls & AT_L_OUTSUF) && j == i &&
                     !(toks[j].flags & AT_TF_SENTINIT);
            j++;
        }
        const at_tok *last = &toks[j];
        if (media && j > i && (last->cls & (AT_L_ORGSUF | AT_L_INST)) && !(last->cls & AT_L_OUTLET))
            set_unit(toks, i, j, AT_L_OUTLET, 0);
        i = j + 1;
    }
    /* 2c. a broadcaster's name after its medium: "Radio Lirenne", "TV
     *     Kestria", "Television Norland" (a capitalised media word that is
     *     also an outlet-name word, then one to three names) */
    for (size_t i = 0; (all & AT_L_MEDIA) && i + 1 < n; i++) {
        const at_tok *f = &toks[i];
        if (f->kind != AT_TK_WORD || !(f->flags & AT_TF_CAP) || (f->flags & AT_TF_PHRASE) ||
            (f->cls & (AT_L_MEDIA | AT_L_OUTSUF)) != (AT_L_MEDIA | AT_L_OUTSUF) ||
            (f->flags & AT_TF_POSS))
            continue;
        size_t j = i + 1, k = 0;
        while (j < n && k < 3 && outlet_name(&toks[j]) && !(toks[j].flags & AT_TF_PHRASE)) {
            k++;
            if (toks[j].flags & AT_TF_POSS)
                break;
            j++;
        }
        if (k > 0 && !(toks[i + k].cls & AT_L_OUTSUF)) {
            uint16_t poss = toks[i + k].flags & AT_TF_POSS;
            set_unit(toks, i, i + k, AT_L_OUTLET, 0);
            toks[i + k].flags |= poss;
            sum->cls |= AT_L_OUTLET;
            i += k;
        }
    }
    /* 3. media noun + name ("news agency Interfax") and name + media noun
     *    ("Russia-1 TV channel") */
    for (size_t i = 0; (all & AT_L_MEDIA) && i < n; i++) {
        if (!media_label(&toks[i]))
            continue;
        size_t j = i + 1, k = 0;
        while (j < n && k < 3 && outlet_name(&toks[j])) {
            j++;
            k++;
        }
        if (k > 0) {
            set_unit(toks, i + 1, i + k, AT_L_OUTLET, 0);
            continue;
        }
        size_t b = i;
        k = 0;
        while (b > 0 && k < 3 && outlet_name(&toks[b - 1]) && !(toks[b - 1].flags & AT_TF_POSS)) {
            b--;
            k++;
        }
        if (k > 0 && !(toks[b].flags & AT_TF_SENTINIT && k == 1 && (toks[b].cls & AT_L_NAME) &&
                       toks[i].wid == AT_W_NEWS))
            set_unit(toks, b, i - 1, AT_L_OUTLET, 0);
    }
}
