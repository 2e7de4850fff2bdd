/*
 * subject.c - noun-phrase scanning and source classification.
 *
 * Contract: see subject.h.  All scans are bounded (a phrase is at most a few
 * dozen tokens), so the cost per verb is constant.
 */
#include "subject.h"

#include <string.h>

#define HEADS                                                                                  \
    (AT_L_NAME | AT_L_TITLE | AT_L_PERSON | AT_L_ANON | AT_L_PEOPLE | AT_L_INST | AT_L_DOC |    \
     AT_L_PDOC | AT_L_ORG | AT_L_PLACE | AT_L_CITY | AT_L_OUTLET | AT_L_MEDIA | AT_L_ACRONYM |  \
     AT_L_VAGUE | AT_L_ORGSUF | AT_L_ORGNOUN)
/* Words that may stand before the head inside a phrase. */
#define PREMODS                                                                                \
    (AT_L_NAME | AT_L_TITLE | AT_L_MOD | AT_L_ANONMOD | AT_L_DEMONYM | AT_L_PLACE | AT_L_CITY |  \
     AT_L_ORG | AT_L_OUTLET | AT_L_ACRONYM | AT_L_INST | AT_L_MEDIA | AT_L_PARTICLE |           \
     AT_L_OUTSUF | AT_L_DOC | AT_L_PERSON | AT_L_ANON | AT_L_ORGSUF)
/* Nouns a compound modifier may precede ("occupation governor"). */
#define COMPOUND_HEADS                                                                         \
    (AT_L_TITLE | AT_L_ANON | AT_L_INST | AT_L_DOC | AT_L_MEDIA | AT_L_PERSON | AT_L_PEOPLE |   \
     AT_L_PDOC)
/* Heads that take a prepositional attachment ("the governor of X"). */
#define PP_HEADS                                                                               \
    (AT_L_TITLE | AT_L_ANON | AT_L_PEOPLE | AT_L_INST | AT_L_DOC | AT_L_PDOC | AT_L_QUANT |     \
     AT_L_NAME | AT_L_PERSON | AT_L_MEDIA | AT_L_OUTLET | AT_L_ACRONYM | AT_L_ORG | AT_L_VAGUE |  \
     AT_L_ORGSUF)

static int is_word(const at_tok *t)
{
    return t->kind == AT_TK_WORD;
}

static int lower_unknown(const at_tok *t)
{
    return is_word(t) && !(t->flags & AT_TF_CAP) && t->cls == 0 && t->vclass == 0;
}

/* Non-zero when t can head a source phrase (a person pronoun, a name, a
 * title, a source noun, an institution, a document, a place, an outlet). */
int at_head_capable(const at_tok *t)
{
    if (!is_word(t))
        return 0;
    if (t->cls & AT_L_PRON)
        return t->wid == AT_W_HE || t->wid == AT_W_SHE || t->wid == AT_W_IT ||
               t->wid == AT_W_THEY;
    if ((t->cls & AT_L_STOP) && !(t->cls & HEADS))
        return 0;
    return (t->cls & HEADS) != 0;
}

/* A year written as four digits ("2022"): a modifier, not a count. */
static int year(const at_sent *s, const at_tok *t)
{
    const char *w = s->text + t->start;
    return t->kind == AT_TK_NUM && t->end - t->start == 4 && (w[0] == '1' || w[0] == '2') &&
           w[1] >= '0' && w[1] <= '9' && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9';
}

/* Extend a phrase ending at g to the left over its pre-modifiers.
 * Returns the first token of the phrase. */
static size_t scan_premods(const at_sent *s, size_t g)
{
    const at_tok *t = s->t;
    size_t a = g;
    int nunk = 0;
    while (a > 0) {
        const at_tok *p = &t[a - 1];
        if (p->kind == AT_TK_NUM) {
            if ((p->flags & AT_TF_HYPHEN) || (year(s, p) && (t[g].cls & (AT_L_DOC | AT_L_PDOC)))) {
                a--; /* "the 38-year-old goalkeeper", "its 2022 report" */
                continue;
            }
            if (t[a].cls & (AT_L_ANON | AT_L_PEOPLE | AT_L_VAGUE))
                a--;
            break;
        }
        if (!is_word(p))
            break;
        if (p->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT)) {
            if (p->flags & AT_TF_POSS) { /* "one's" is not a determiner here */
                a--;
                continue;
            }
            a--;
            break;
        }
        if (p->flags & AT_TF_POSS) {
            if (p->cls & AT_L_PRON)
                break;
            a--;
            continue;
        }
        /* a capitalised common word inside a capitalised name: "Grid
         * Safety Agency", "Public Trust Office" */
        if ((p->flags & AT_TF_CAP) && !(p->flags & AT_TF_SENTINIT) && (t[a].flags & AT_TF_CAP) &&
            !p->vclass && !(p->cls & (PREMODS | AT_L_STOP | AT_L_PREP | AT_L_DET | AT_L_PRON |
                                      AT_L_AUX | AT_L_BE | AT_L_QUANT | AT_L_POSSDET))) {
            a--;
            continue;
        }
        if (p->vclass && !(p->flags & AT_TF_PHRASE) && !(p->cls & PREMODS))
            break;
        if ((p->cls & AT_L_STOP) && p->wid != AT_W_AND)
            break;
        if (p->cls & PREMODS) {
            a--;
            continue;
        }
        if (p->wid == AT_W_AND && a >= 2 &&
            (t[a - 2].cls & (AT_L_DEMONYM | AT_L_NAME | AT_L_MOD | AT_L_PLACE | AT_L_CITY |
                             AT_L_ORG | AT_L_ACRONYM | AT_L_INST)) &&
            (t[a].cls & (AT_L_DEMONYM | AT_L_NAME | AT_L_MOD | AT_L_PLACE | AT_L_CITY | AT_L_ORG |
                         AT_L_ACRONYM | AT_L_INST)) &&
            !(t[a - 2].flags & AT_TF_POSS)) {
            a--;
            continue;
        }
        if (lower_unknown(p) && nunk < 2 && (t[a].cls & COMPOUND_HEADS)) {
            nunk++;
            a--;
            continue;
        }
        break;
    }
    return a;
}

/* "a source familiar with the matter said", "officials in Kyiv said":
 * a source noun followed by a post-modifier that runs up to g. */
static int anon_postmod_left(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    size_t lo = g > 10 ? g - 10 : 0;
    for (size_t x = g + 1; x-- > lo;) {
        const at_tok *c = &t[x];
        if (!is_word(c) && c->kind != AT_TK_NUM)
            return -1;
        if (x != g && c->vclass && !(c->cls & (AT_L_CONNECT | AT_L_KNOW | AT_L_MOD)) &&
            !(c->flags & AT_TF_PHRASE) && (c->vform & (AT_VF_PAST | AT_VF_S)))
            return -1;
        /* "a lawyer involved in the case", "a hospital employee with
         * direct knowledge of": a person noun, indefinite */
        int person = 0;
        if ((c->cls & AT_L_PERSON) && x > 0) {
            size_t d = scan_premods(s, x);
            person = d < x && is_word(&t[d]) && (t[d].wid == AT_W_A || t[d].wid == AT_W_ONE);
        }
        /* "regulators familiar with the review": people, whatever else
         * the noun may name */
        int human = (c->cls & AT_L_INST) && x + 1 <= g &&
                    (at_tok_is(s, &t[x + 1], "familiar") || at_tok_is(s, &t[x + 1], "briefed") ||
                     at_tok_is(s, &t[x + 1], "privy"));
        /* "scientists involved in the mission": a crowd noun that says how
         * they know is an informed, unnamed source */
        int informed = (c->cls & AT_L_VAGUE) && x + 1 <= g && (t[x + 1].cls & AT_L_KNOW) &&
                       (t[x + 1].cls & AT_L_CONNECT);
        if (x == g || !((c->cls & (AT_L_ANON | AT_L_PEOPLE)) || person || human || informed))
            continue;
        const at_tok *nx = &t[x + 1];
        int ok;
        if (human || informed)
            ok = 1;
        else if (person) /* "a lawyer involved in", "an employee with direct knowledge
                          * of", "a worker at the depot" */
            ok = (nx->cls & (AT_L_CONNECT | AT_L_KNOW)) || nx->wid == AT_W_WHO ||
                 nx->wid == AT_W_AT || nx->wid == AT_W_IN || nx->wid == AT_W_FROM ||
                 (nx->wid == AT_W_WITH && x + 2 <= g && (t[x + 2].cls & AT_L_KNOW));
        else if (c->cls & AT_L_ANON)
            ok = (nx->cls & (AT_L_CONNECT | AT_L_KNOW)) || nx->wid == AT_W_WHO ||
                 nx->wid == AT_W_IN || nx->wid == AT_W_AT || nx->wid == AT_W_FROM ||
                 nx->wid == AT_W_WITH || nx->wid == AT_W_ON || nx->wid == AT_W_INSIDER;
        else
            ok = (nx->cls & (AT_L_CONNECT | AT_L_KNOW)) || nx->wid == AT_W_WHO ||
                 (nx->wid == AT_W_WITH && x + 2 <= g && (t[x + 2].cls & AT_L_KNOW));
        if (!ok)
            continue;
        if (c->cls & AT_L_PEOPLE && x > 0 && (t[x - 1].cls & AT_L_VAGUE))
            return -1;
        memset(np, 0, sizeof(*np));
        np->a = scan_premods(s, x);
        np->b = g;
        np->head = x;
        np->postmod = 1;
        return 0;
    }
    return -1;
}

/* Has the name ending at token i a title right before it ("University of
 * X president Sehar Memon")?  Otherwise a name after "an organisation of"
 * is part of the organisation's name ("the Department of Environmental
 * Quality"). */
static int titled_name(const at_sent *s, size_t i)
{
    const at_tok *t = s->t;
    size_t k = i;
    while (k > 0 && is_word(&t[k - 1]) && (t[k - 1].cls & (AT_L_NAME | AT_L_PARTICLE)) &&
           !(t[k - 1].flags & AT_TF_POSS))
        k--;
    return k > 0 && is_word(&t[k - 1]) && (t[k - 1].cls & AT_L_TITLE);
}

/* Phrase ending at token g, scanning left (see subject.h): 0 or -1. */
int at_np_left(const at_sent *s, size_t g, at_np *np)
{
    const at_tok *t = s->t;
    if (g >= s->n)
        return -1;
    if (anon_postmod_left(s, g, np) == 0)
        return 0;
    if (!at_head_capable(&t[g]) && !((t[g].cls & AT_L_QUANT) && t[g].wid == AT_W_ONE))
        return -1;
    memset(np, 0, sizeof(*np));
    np->b = g;
    np->head = g;
    if (t[g].cls & AT_L_PRON) {
        np->a = g;
        return 0;
    }
    size_t a = scan_premods(s, g);
    /* prepositional attachments: "the governor of X", "one of the officials" */
    for (int k = 0; k < 3 && a >= 2; k++) {
        const at_tok *p = &t[a - 1], *h = &t[a - 2];
        if (!(p->wid == AT_W_OF || p->wid == AT_W_FOR || p->wid == AT_W_FROM ||
              p->wid == AT_W_AT || (p->wid == AT_W_BY && (h->cls & (AT_L_DOC | AT_L_PDOC))) ||
              /* "an aide to a senior senator", "an adviser to the mayor" */
              (p->wid == AT_W_TO && (h->cls & AT_L_ANON) && !(h->cls & AT_L_INST)) ||
              /* "the foreign ministry in Beijing", "the embassy in Paris" */
              (p->wid == AT_W_IN && (h->cls & (AT_L_INST | AT_L_ORGNOUN)) &&
               (t[np->head].cls & (AT_L_CITY | AT_L_PLACE | AT_L_NAME)) &&
               np->head == a && !(t[np->head].flags & AT_TF_POSS))))
            break; /* "a poll by the institute" */
        if (!is_word(h) || !(h->cls & PP_HEADS) || (h->cls & AT_L_PRON) ||
            ((h->cls & AT_L_STOP) && !(h->cls & AT_L_QUANT)))
            break;
        if (h->flags & AT_TF_POSS)
            break;
        /* the head moves to the noun the phrase attaches to ("the Department
         * of Agriculture"), unless a title governs a personal name:
         * "Secretary of State Antony Blinken" */
        if (!(h->cls & AT_L_QUANT) &&
            !((t[np->head].cls & AT_L_NAME) && p->wid == AT_W_OF &&
              ((h->cls & (AT_L_TITLE | AT_L_PERSON)) || titled_name(s, np->head) ||
               !(h->cls & (AT_L_INST | AT_L_ORG | AT_L_ORGSUF)))))
            np->head = a - 2; /* (with for/from/at the name is another party:
                               * "a spokeswoman for Halvern Motors") */
        a = scan_premods(s, a - 2);
    }
    np->a = a;
    return 0;
}

/* Phrase starting at token r, scanning right (see subject.h): 0 or -1. */
int at_np_right(const at_sent *s, size_t r, at_np *np)
{
    const at_tok *t = s->t;
    size_t i = r, last = (size_t)-1;
    int nunk = 0, depth;

    if (r >= s->n)
        return -1;
    memset(np, 0, sizeof(*np));
    np->a = r;
    if (is_word(&t[r]) && (t[r].cls & AT_L_PRON)) {
        if (!at_head_capable(&t[r]))
            return -1;
        np->b = np->head = r;
        return 0;
    }
    for (; i < s->n; i++) {
        const at_tok *c = &t[i];
        if (c->kind == AT_TK_NUM) {
            if (i == r || (t[i - 1].cls & (AT_L_DET | AT_L_QUANT)))
                continue;
            break;
        }
        if (!is_word(c))
            break;
        if ((c->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT)) && !(c->flags & AT_TF_POSS)) {
            if (i == r || (t[i - 1].cls & (AT_L_DET | AT_L_QUANT))) {
                if ((c->cls & AT_L_QUANT) && c->wid == AT_W_ONE)
                    last = i;
                continue;
            }
            break;
        }
        if (c->flags & AT_TF_POSS) {
            if (c->cls & AT_L_PRON)
                break;
            continue;
        }
        if ((c->cls & AT_L_STOP) && !(c->cls & (PREMODS | HEADS)) && c->wid != AT_W_AND)
            break;
        if (c->vclass && !(c->flags & AT_TF_PHRASE) && !(c->cls & (PREMODS | HEADS)))
            break;
        if (c->cls & (PREMODS | HEADS | AT_L_PEOPLE)) {
            if (at_head_capable(c) || (c->cls & AT_L_TITLE))
                last = i;
            continue;
        }
        if (c->wid == AT_W_AND && i + 1 < s->n && (t[i + 1].cls & (PREMODS | HEADS)))
            continue;
        if (lower_unknown(c) && nunk < 2) {
            nunk++;
            continue;
        }
        break;
    }
    if (last == (size_t)-1)
        return -1;
    np->b = np->head = last;
    /* up to two attachments: "a report by news agency X", "one of the officials" */
    for (depth = 0; depth < 2; depth++) {
        size_t p = np->b + 1;
        if (p + 1 >= s->n || !is_word(&t[p]))
            break;
        uint16_t w = t[p].wid;
        if (!(w == AT_W_OF || w == AT_W_FOR || w == AT_W_FROM || w == AT_W_AT || w == AT_W_BY))
            break;
        if (!(t[np->b].cls & PP_HEADS))
            break;
        /* scan the attached phrase without its own attachments */
        size_t j = p + 1, sl = (size_t)-1;
        int su = 0;
        for (; j < s->n; j++) {
            const at_tok *c = &t[j];
            if (!is_word(c))
                break;
            if ((c->cls & (AT_L_DET | AT_L_POSSDET | AT_L_QUANT)) && !(c->flags & AT_TF_POSS)) {
                if (j == p + 1)
                    continue;
                break;
            }
            if (c->flags & AT_TF_POSS)
                continue;
            if ((c->cls & AT_L_STOP) && !(c->cls & (PREMODS | HEADS)) && c->wid != AT_W_AND)
                break;
            if (c->vclass && !(c->flags & AT_TF_PHRASE) && !(c->cls & (PREMODS | HEADS)))
                break;
            if (c->cls & (PREMODS | HEADS)) {
                if (at_head_capable(c) || (c->cls & AT_L_TITLE))
                    sl = j;
                continue;
            }
            if (c->wid == AT_W_AND && j + 1 < s->n && (t[j + 1].cls & (PREMODS | HEADS)))
                continue;
            if (lower_unknown(c) && su < 2) {
                su++;
                continue;
            }
            break;
        }
        if (sl == (size_t)-1)
            break;
        np->b = sl;
        if ((t[np->head].cls & AT_L_QUANT) && t[np->head].wid == AT_W_ONE)
            np->head = sl;
    }
    return 0;
}

/* ---------------- classification ---------------- */

/* Facts about the words of a phrase before its head. */
typedef struct np_facts {
    int det_def, det_indef, det_none;
    int has_poss;        /* a possessor word (Russia's, the group's) */
    int has_title;
    int has_nat;         /* a nationality or country used as a modifier */
    int has_city;        /* a city or a capitalised unknown place as a modifier */
    int has_outlet, has_media, has_intel, has_inst_mod, has_mod, has_org;
    int has_name;        /* a personal or company name as a modifier (Acme officials) */
    size_t poss;         /* the last possessor word, when has_poss */
    size_t name_run;     /* personal-name words ending at the head */
} np_facts;

static void gather(const at_sent *s, const at_np *np, np_facts *f)
{
    const at_tok *t = s->t;
    memset(f, 0, sizeof(*f));
    f->det_none = 1;
    for (size_t i = np->a; i <= np->b && i < s->n; i++) {
        const at_tok *c = &t[i];
        if (!is_word(c)) {
            if (c->kind == AT_TK_NUM && i < np->head && !(c->flags & AT_TF_HYPHEN) && !year(s, c))
                f->det_indef = 1, f->det_none = 0; /* "two officials", not "a 38-year-old" */
            continue;
        }
        int before = i < np->head;
        if (c->cls & AT_L_OUTLET)
            f->has_outlet = 1;
        if (c->cls & AT_L_MEDIA)
            f->has_media = 1;
        if (!before)
            continue;
        if ((c->cls & (AT_L_DET | AT_L_POSSDET)) && !(c->flags & AT_TF_POSS)) {
            f->det_none = 0;
            if (c->wid == AT_W_A)
                f->det_indef = 1;
            else
                f->det_def = 1;
        } else if ((c->cls & AT_L_QUANT) && !(c->flags & AT_TF_POSS)) {
            f->det_none = 0;
            f->det_indef = 1;
        }
        if (c->flags & AT_TF_POSS)
            f->has_poss = 1;
        if (c->cls & AT_L_TITLE)
            f->has_title = 1;
        if (!(c->flags & AT_TF_POSS)) {
            if (c->cls & (AT_L_DEMONYM | AT_L_PLACE))
                f->has_nat = 1;
            if (c->cls & AT_L_CITY || ((c->cls & AT_L_NAME) && !(c->flags & AT_TF_SENTINIT)))
                f->has_city = 1;
        }
        if (c->wid == AT_W_INTEL)
            f->has_intel = 1;
        if (c->cls & (AT_L_INST | AT_L_ORG | AT_L_ACRONYM | AT_L_ORGSUF))
            f->has_inst_mod = 1;
        if (c->cls & (AT_L_ORG | AT_L_ACRONYM | AT_L_ORGSUF))
            f->has_org = 1;
        if ((c->cls & AT_L_NAME) && !(c->cls & (AT_L_PLACE | AT_L_CITY | AT_L_DEMONYM)))
            f->has_name = 1;
        if (c->flags & AT_TF_POSS)
            f->poss = i;
        if (c->cls & (AT_L_MOD | AT_L_ANONMOD | AT_L_DEMONYM))
            f->has_mod = 1;
    }
    if (np->head < s->n && (t[np->head].cls & AT_L_NAME)) {
        size_t i = np->head + 1, k = 0;
        while (i-- > np->a) {
            const at_tok *c = &t[i];
            if (i != np->head && (c->flags & AT_TF_POSS))
                break;
            if (c->cls & AT_L_NAME)
                k++;
            else if (c->cls & AT_L_PARTICLE || (c->flags & AT_TF_ABBR && c->end - c->start <= 2))
                continue;
            else if (c->cls & (AT_L_PLACE | AT_L_CITY) && !(c->flags & AT_TF_POSS) && k > 0)
                k++; /* "Michael Jordan": a place word inside a name */
            else
                break;
        }
        f->name_run = k;
    }
}

/* A sentence-initial capitalised word that looks like a plural common noun. */
static int plural_looking(const at_sent *s, const at_tok *c)
{
    static const char *const suf[] = {"ents", "ists", "ians", "ors", "ants", "ees", "ies"};
    if (!(c->flags & AT_TF_SENTINIT))
        return 0;
    size_t n = c->kend - c->start;
    for (size_t i = 0; i < sizeof(suf) / sizeof(suf[0]); i++) {
        size_t k = strlen(suf[i]);
        if (n > k + 2 && memcmp(s->text + c->kend - k, suf[i], k) == 0)
            return 1;
    }
    return 0;
}

static void set(at_np *np, at_class cls, at_rule rule, double conf)
{
    np->cls = cls;
    np->rule = rule;
    np->conf = conf;
}

int at_tok_is(const at_sent *s, const at_tok *t, const char *w)
{
    if (!is_word(t))
        return 0;
    /* w is read only as far as the word: most words differ at once */
    size_t n = t->kend - t->start;
    for (size_t i = 0; i < n; i++) {
        char c = s->text[t->start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (w[i] == '\0' || c != w[i])
            return 0;
    }
    return w[n] == '\0';
}

/* Is the word text[0..n) in the set (which may be NULL)? */
static int in_set(const at_names *set, const char *w, size_t n)
{
    return set && at_names_has(set, w, n);
}

/* A possessor that is a person: "Cornyn's statement", "Jane Doe's letter". */
static int person_possessor(const at_sent *s, const np_facts *f)
{
    const at_tok *t = s->t;
    if (!f->has_poss)
        return 0;
    const at_tok *p = &t[f->poss];
    if (!(p->cls & AT_L_NAME) || in_set(s->orgs, s->text + p->start, p->kend - p->start))
        return 0;
    /* a name the lexicon does not know as an organisation or a place */
    return !(p->cls & (AT_L_ORG | AT_L_ORGSUF | AT_L_INST | AT_L_PLACE | AT_L_CITY |
                       AT_L_ACRONYM | AT_L_OUTLET));
}

/* Words before the head other than determiners and quantifiers, or a
 * prepositional attachment after it: "school leaders", "lawyers for X". */
static int qualified(const at_sent *s, const at_np *np)
{
    if (np->b > np->head)
        return 1;
    for (size_t i = np->a; i < np->head; i++) {
        const at_tok *c = &s->t[i];
        if (is_word(c) && !(c->cls & (AT_L_DET | AT_L_QUANT | AT_L_POSSDET)))
            return 1;
    }
    return 0;
}

int at_call_sign(const at_sent *s, const at_tok *h, int bare)
{
    static const char *const band[] = {"TV", "FM", "AM", "DT"};
    const char *w = s->text + h->start;
    size_t n = h->kend - h->start;
    if (h->kind != AT_TK_WORD || (w[0] != 'K' && w[0] != 'W'))
        return 0;
    size_t letters = n == 4 && bare ? 4 : (n == 6 || n == 7) && w[n - 3] == '-' ? n - 3 : 0;
    if (letters == 0 || (letters == 4 && n == 4 && (h->flags & AT_TF_SENTINIT)))
        return 0;
    for (size_t i = 1; i < letters; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return 0;
    if (letters == n)
        return 1; /* "told WKXR" */
    for (size_t i = 0; i < sizeof band / sizeof band[0]; i++)
        if (memcmp(w + n - 2, band[i], 2) == 0)
            return 1;
    return 0;
}

/* Decide what source np is (see subject.h); sets cls, rule and conf. */
void at_np_classify(const at_sent *s, at_np *np, int adjacent)
{
    const at_tok *t = s->t;
    const at_tok *h = &t[np->head];
    np_facts f;

    set(np, AT_NONE, AT_R_NONE, 0.0);
    np->surname_seen = 0;
    if (!is_word(h))
        return;
    if (h->cls & AT_L_PRON) {
        if (h->wid == AT_W_HE || h->wid == AT_W_SHE)
            set(np, AT_ONREC, AT_R_PRONOUN, 0.5);
        else if (h->wid == AT_W_IT)
            set(np, AT_INST, AT_R_INST, 0.35);
        return;
    }
    gather(s, np, &f);
    const char *w = s->text + h->start;
    size_t wl = h->kend - h->start;
    if (at_call_sign(s, h, 0)) {
        set(np, AT_MEDIA, AT_R_OUTLET, 0.8);
        return;
    }

    int name_head = (h->cls & AT_L_NAME) ||
                    ((h->cls & (AT_L_PLACE | AT_L_CITY)) && np->head > np->a &&
                     (t[np->head - 1].cls & AT_L_NAME) && !(t[np->head - 1].flags & AT_TF_POSS) &&
                     !(t[np->head - 1].flags & AT_TF_SENTINIT));
    if (name_head && f.name_run == 0)
        f.name_run = (h->cls & AT_L_NAME) ? 1 : 2;

    int human_postmod = np->postmod && np->head + 1 < s->n &&
                        (at_tok_is(s, &t[np->head + 1], "familiar") ||
                         at_tok_is(s, &t[np->head + 1], "briefed") ||
                         at_tok_is(s, &t[np->head + 1], "privy"));
    int informed_postmod = np->postmod && (h->cls & AT_L_VAGUE) && np->head + 1 < s->n &&
                           (t[np->head + 1].cls & AT_L_KNOW) && (t[np->head + 1].cls & AT_L_CONNECT);
    if (np->postmod &&
        ((h->cls & (AT_L_ANON | AT_L_PEOPLE | AT_L_PERSON)) || human_postmod || informed_postmod)) {
        set(np, AT_ANON, AT_R_UNNAMED, 0.8);
        return;
    }
    /* a capitalised organisation noun heads an organisation's name:
     * "Halvorsen Utilities", "the Church" */
    if ((h->cls & AT_L_ORGSUF) && !(h->cls & (AT_L_TITLE | AT_L_PERSON | AT_L_ANON))) {
        set(np, AT_INST, AT_R_INST, 0.75);
        return;
    }
    if (name_head) {
        /* "Procter & Gamble", "Science & Medicine": a firm's or a journal's name */
        if (np->a > 0 && t[np->a - 1].kind == AT_TK_OTHER && s->text[t[np->a - 1].start] == '&') {
            set(np, AT_INST, AT_R_INST, 0.6);
            return;
        }
        /* "an Internet posting": an indefinite article makes a name no person */
        if (f.name_run <= 1 && !f.has_title && np->head > np->a &&
            is_word(&t[np->head - 1]) && t[np->head - 1].wid == AT_W_A)
            return;
        if (f.name_run <= 1 && !f.has_title && in_set(s->orgs, w, wl)) {
            set(np, AT_INST, AT_R_INST, 0.7); /* introduced as an organisation */
            return;
        }
        /* proper names take no quantifier: "many Republicans" is a crowd */
        if (f.det_indef && !f.det_def && !f.has_title && wl > 3 && w[wl - 1] == 's' &&
            !(h->flags & AT_TF_POSS)) {
            set(np, AT_VAGUE, AT_R_CROWD, 0.6);
            return;
        }
        if (f.name_run >= 2)
            set(np, AT_ONREC, AT_R_NAMED, 0.9);
        else if (f.has_title)
            set(np, AT_ONREC, AT_R_NAMED, 0.85);
        else if (in_set(s->names, w, wl)) {
            set(np, AT_ONREC, AT_R_SURNAME, 0.85);
            np->surname_seen = 1;
        } else if (adjacent && !plural_looking(s, h))
            set(np, AT_ONREC, AT_R_SURNAME, 0.65);
        return;
    }
    if (h->cls & AT_L_OUTLET) {
        set(np, AT_MEDIA, AT_R_OUTLET, 0.85);
        return;
    }
    if (h->cls & AT_L_MEDIA) {
        if (h->wid == AT_W_NEWS && !f.has_outlet)
            return;
        /* "the event website", "the ministry's portal": a body's own site */
        if (!f.has_outlet && (at_tok_is(s, h, "website") || at_tok_is(s, h, "portal")) &&
            (f.has_poss || f.has_inst_mod || !f.det_none)) {
            if (f.has_poss || f.has_inst_mod || qualified(s, np))
                set(np, AT_INST, AT_R_INST, 0.6);
            return;
        }
        set(np, AT_MEDIA, AT_R_OUTLET, f.has_outlet ? 0.85 : 0.7);
        return;
    }
    if (h->cls & (AT_L_DOC | AT_L_PDOC)) {
        if (f.has_outlet || f.has_media) {
            set(np, AT_MEDIA, AT_R_OUTLET, 0.8);
            return;
        }
        /* a person's own statement or letter: "Cornyn's statement added" */
        if (person_possessor(s, &f)) {
            set(np, AT_ONREC, AT_R_NAMED, 0.7);
            return;
        }
        if (!(h->cls & AT_L_DOC)) {
            /* a personal writing speaks for an organisation only when one
             * owns it: "the Home Office letter", "the ministry's post", "an
             * internal memo" (internal to a body) */
            int internal = 0;
            for (size_t i = np->a; i < np->head; i++)
                internal |= at_tok_is(s, &t[i], "internal") || at_tok_is(s, &t[i], "leaked") ||
                            at_tok_is(s, &t[i], "official") || at_tok_is(s, &t[i], "confidential");
            if (f.has_inst_mod || internal ||
                (f.has_poss &&
                 (t[f.poss].cls & (AT_L_INST | AT_L_ORG | AT_L_ACRONYM | AT_L_ORGSUF))))
                set(np, AT_INST, AT_R_INST, 0.65);
            return;
        }
        /* "reports say", "estimates suggest": which ones is not said (vague,
         * not ours); "data show" names no document either, but is a record */
        if ((h->wid == AT_W_REPORTS || at_tok_is(s, h, "estimates") || at_tok_is(s, h, "studies") ||
             at_tok_is(s, h, "surveys") || at_tok_is(s, h, "polls") || at_tok_is(s, h, "analyses") ||
             at_tok_is(s, h, "assessments")) &&
            !f.det_def && (f.det_none || w[wl - 1] == 's') && !f.has_poss && !f.has_inst_mod &&
            np->b == np->head)
            return; /* (also "various estimates", "some reports"; not "a report") */
        set(np, AT_INST, AT_R_INST, 0.75);
        return;
    }
    if (h->cls & AT_L_ANON) {
        /* "Acme officials": a named company's officials speak for it */
        if (f.has_name && !f.has_nat && !f.has_poss && !f.has_inst_mod && !f.has_title)
            set(np, AT_INST, AT_R_INST, 0.6);
        else
            set(np, AT_ANON, AT_R_UNNAMED, 0.8);
        return;
    }
    /* a document's authors speak for it: "the report's authors", "the
     * authors of the study", "the authors" (of the study just named) */
    if ((at_tok_is(s, h, "authors") || at_tok_is(s, h, "co-authors")) && !f.det_indef &&
        (f.det_def || (f.has_poss && (t[f.poss].cls & AT_L_DOC)))) {
        set(np, AT_INST, AT_R_INST, 0.55);
        return;
    }
    if ((h->cls & (AT_L_CROWD | AT_L_VAGUE)) && np->a < np->head && is_word(&t[np->a]) &&
        t[np->a].wid == AT_W_ONE && !(t[np->a].flags & AT_TF_POSS)) {
        set(np, AT_ANON, AT_R_UNNAMED, 0.5); /* "one of the lifeguards": one person, unnamed */
        return;
    }
    if (h->cls & AT_L_CROWD) {
        /* a generic crowd of opinion holders: "experts", "many economists";
         * not "the experts" (some already introduced) */
        if (!f.det_def && !f.has_poss && !f.has_name && !f.has_org)
            set(np, AT_VAGUE, AT_R_CROWD, 0.6);
        return;
    }
    if (h->cls & AT_L_VAGUE) {
        /* a described group of people: "school leaders", "lawyers for the
         * tenants"; a bare "residents" says nothing of who, nor a
         * quantified one: "some longtime residents say" is a crowd, which
         * the rule pack's vague rules judge */
        int quantified = is_word(&t[np->a]) && (t[np->a].cls & AT_L_QUANT) &&
                         t[np->a].wid != AT_W_ONE && !(t[np->a].flags & AT_TF_POSS);
        if (!(h->cls & AT_L_DEMONYM) && qualified(s, np) && !f.has_poss && !quantified)
            set(np, AT_ANON, AT_R_UNNAMED, 0.5);
        return;
    }
    if (h->cls & (AT_L_TITLE | AT_L_PERSON)) {
        int person = !(h->cls & AT_L_TITLE);
        for (size_t i = np->a; i < np->head; i++)
            if ((t[i].cls & AT_L_ANONMOD) && !(t[i].cls & AT_L_CONNECT)) {
                set(np, AT_ANON, AT_R_UNNAMED, 0.8); /* "an anonymous blogger" */
                return;
            }
        if (!f.det_indef && (!person || f.det_def || f.has_poss)) {
            set(np, AT_ONREC, AT_R_TITLE, person ? 0.4 : 0.5);
            return;
        }
        /* "a spokesman for the ministry", "a spokeswoman for Halvern
         * Motors": the body spoken for speaks (not a titled person: "a
         * spokesman for Senator Ortiz") */
        if (np->b > np->head && !person) {
            int named = 0, titled = 0;
            for (size_t i = np->head + 1; i <= np->b; i++) {
                if (t[i].cls & (AT_L_INST | AT_L_ORG | AT_L_ACRONYM | AT_L_ORGSUF)) {
                    set(np, AT_INST, AT_R_INST, 0.6);
                    return;
                }
                named |= (t[i].cls & AT_L_NAME) != 0;
                titled |= (t[i].cls & AT_L_TITLE) != 0;
            }
            if (named && !titled) {
                set(np, AT_INST, AT_R_INST, 0.55);
                return;
            }
        }
        /* "a witness told investigators", "a nurse at the hospital said":
         * one person, not named */
        if (f.det_indef && !f.has_name && !f.has_poss)
            set(np, AT_ANON, AT_R_UNNAMED, 0.5);
        return;
    }
    /* "progressive groups say", "several companies said": organisations
     * nobody named (a crowd, not a body) */
    if ((h->cls & (AT_L_ORGNOUN | AT_L_INST)) && !f.det_def && !f.has_poss && !f.has_name &&
        !f.has_org && !f.has_nat && !f.has_city && !f.has_inst_mod && h->wid != AT_W_AUTH &&
        !(h->flags & AT_TF_CAP) && wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's')
        return;
    if (h->cls & AT_L_INST) {
        int unnamed_nat = f.has_nat && !f.has_poss && !f.has_city && !f.has_org;
        if (h->wid == AT_W_AUTH) {
            if (unnamed_nat && !f.has_inst_mod)
                set(np, AT_ANON, AT_R_UNNAMED, 0.6);
            else
                set(np, AT_INST, AT_R_INST, 0.6);
            return;
        }
        if ((h->wid == AT_W_INTEL || f.has_intel) && unnamed_nat) {
            set(np, AT_ANON, AT_R_UNNAMED, 0.6);
            return;
        }
        set(np, AT_INST, AT_R_INST, 0.8);
        return;
    }
    if (h->cls & (AT_L_ORG | AT_L_ACRONYM)) {
        set(np, AT_INST, AT_R_INST, 0.8);
        return;
    }
    /* "the academy said", "the state's utility said": an organisation
     * noun (WordNet noun.group below "organization"), made definite */
    if ((h->cls & AT_L_ORGNOUN) && (f.det_def || f.has_poss) && !f.det_indef &&
        !(h->cls & (AT_L_PERSON | AT_L_TITLE | AT_L_ANON | AT_L_VAGUE))) {
        set(np, AT_INST, AT_R_INST, 0.6);
        return;
    }
    if (h->cls & (AT_L_PLACE | AT_L_CITY)) {
        /* a surname that is also a place ("Valeska Paris" ... "Paris said") */
        if (in_set(s->names, w, wl)) {
            set(np, AT_ONREC, AT_R_SURNAME, 0.8);
            np->surname_seen = 1;
            return;
        }
        set(np, AT_INST, AT_R_INST, 0.6);
        return;
    }
}
