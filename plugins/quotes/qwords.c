/*
 * qwords.c - vocabulary of the quotes plugin: a small hash table.
 *
 * Contract: see qwords.h.  The built-in lists are plain strings; create
 * splits and sorts them once (the first list naming a word gives its
 * class), then indexes the words by hash.  A look-up folds the word into a
 * zero-padded key and compares it eight bytes at a time.
 */
#include "qwords.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define QT_SLOTS 1024   /* power of two, more than twice the word count */

typedef struct qt_entry {
    union {
        char word[QT_KEY_BYTES]; /* zero padded */
        uint64_t w[QT_KEY_BYTES / 8];
    } k;
    unsigned char len;
    unsigned char cls;
    unsigned char list; /* the list the word came from: the first one wins */
} qt_entry;

struct qt_words {
    qt_alloc al;
    qt_entry *e;
    size_t n;
    uint16_t slot[QT_SLOTS]; /* entry index + 1, 0 = empty */
};

/* Hash of a zero-padded key of len bytes. */
static uint32_t key_hash(const uint64_t *w, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
    for (size_t i = 0; i * 8 < len; i++) {
        h = (h ^ w[i]) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static const struct {
    int cls;
    const char *words;
} lists[] = {
    {QT_W_SAY,
     "say says said tell tells told add adds added write writes wrote explain explains "
     "explained note notes noted declare declares declared insist insists insisted argue "
     "argues argued warn warns warned state states stated continue continues continued "
     "recall recalls recalled reply replies replied respond responds responded stress "
     "stresses stressed emphasize emphasized emphasise emphasised remark remarks remarked "
     "comment comments commented claim claims claimed tweet tweets tweeted posted quoted "
     "cited announce announces announced confirm confirms confirmed deny denies denied "
     "acknowledge acknowledges acknowledged admit admits admitted conclude concludes "
     "concluded caution cautions cautioned urge urges urged reiterate reiterates reiterated "
     "suggest suggests suggested joke jokes joked recount recounts recounted ask asks "
     "asked read reads testified testify wrote writing saying telling adding calling warning "
     "called describe describes described declared exclaimed quipped mused sighed "
     "laughed shouted yelled whispered murmured"},
    {QT_W_AUX,
     "has have had is was were are be been will would could can may might also later "
     "earlier then once again further repeatedly previously reportedly simply only just "
     "recently publicly privately flatly firmly bluntly himself herself"},
    {QT_W_PERSON, "he she i"},
    {QT_W_PLURAL, "they we it"},
    {QT_W_TITLE,
     "president minister premier secretary spokesman spokeswoman spokesperson chancellor "
     "governor mayor ambassador envoy general admiral commander colonel captain director "
     "chairman chairwoman chair ceo founder senator congressman congresswoman lawmaker "
     "leader king queen prince pope judge prosecutor attorney counsel mp commissioner "
     "professor coach manager negotiator dr mr mrs ms gen sen rep gov woman man mother "
     "father doctor lawyer author writer journalist activist witness victim chief head "
     "deputy captain sergeant officer moderator host anchor interviewer presenter reporter "
     "correspondent caller narrator panelist panellist guest questioner announcer "
     "representative rep sen gov lt sgt col maj capt cmdr pres supt insp det rev"},
    {QT_W_SOURCE,
     "official officials source sources ministry embassy government administration office "
     "department agency council committee commission court army military police "
     "authorities authority statement report document company group organization "
     "organisation party campaign kremlin pentagon diplomat diplomats aide aides adviser "
     "advisers people residents experts analysts critics observers insiders post letter "
     "message media newspaper agency website broadcaster channel"},
    {QT_W_DET, "the a an his her its their our this that these those"},
    {QT_W_STOP,
     "but and or so yet the a an in on at for of to from by with as after before during "
     "when while if this that these those there here what who why how meanwhile however "
     "still also then now today yesterday tomorrow monday tuesday wednesday thursday "
     "friday saturday sunday january february march april may june july august september "
     "october november december last next our your my we you they it its photo video read "
     "more watch follow please not no yes"},
    {QT_W_ACCORDING, "according"},
    {QT_W_LABEL,
     "note update updated correction clarification breaking news editor's editors warning "
     "alert related photos videos credit credits date location venue also see advertisement "
     "sponsored subscribe listen opinion analysis explainer live summary background context "
     "disclosure disclaimer tags topics subject re fw fwd attachment"},
};

static int cmp_entry(const void *a, const void *b)
{
    const qt_entry *x = a, *y = b;
    int c = memcmp(x->k.word, y->k.word, x->len < y->len ? x->len : y->len);
    if (c)
        return c;
    if (x->len != y->len)
        return (int)x->len - (int)y->len;
    return (int)x->list - (int)y->list;
}

/* Copy, sort and de-duplicate the word lists: 0, or -1 when out of memory. */
int qt_words_build(qt_words **out, const qt_alloc *al)
{
    int rc = -1;
    size_t n = 0;
    qt_words *w = al->alloc(sizeof(*w));
    if (!w)
        return -1;
    memset(w, 0, sizeof(*w));
    w->al = *al;
    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
        for (const char *s = lists[l].words; *s; s++)
            if (*s != ' ' && (s[1] == ' ' || s[1] == '\0'))
                n++;
    w->e = al->alloc(n * sizeof(*w->e));
    if (!w->e)
        goto out;
    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
        const char *s = lists[l].words;
        while (*s) {
            while (*s == ' ')
                s++;
            const char *b = s;
            while (*s && *s != ' ')
                s++;
            size_t len = (size_t)(s - b);
            if (len == 0 || len >= QT_KEY_BYTES)
                continue;
            qt_entry *e = &w->e[w->n++];
            memset(e, 0, sizeof(*e));
            memcpy(e->k.word, b, len);
            e->len = (unsigned char)len;
            e->cls = (unsigned char)lists[l].cls;
            e->list = (unsigned char)l;
        }
    }
    /* sort by word, then list; keep the first entry of each word */
    qsort(w->e, w->n, sizeof(*w->e), cmp_entry);
    size_t k = 0;
    for (size_t i = 0; i < w->n; i++) {
        if (k > 0 && w->e[k - 1].len == w->e[i].len &&
            memcmp(w->e[k - 1].k.word, w->e[i].k.word, w->e[i].len) == 0)
            continue;
        w->e[k++] = w->e[i];
    }
    w->n = k;
    if (2 * w->n > QT_SLOTS)
        goto out; /* the built-in lists outgrew the table */
    for (size_t i = 0; i < w->n; i++) {
        size_t j = key_hash(w->e[i].k.w, w->e[i].len) & (QT_SLOTS - 1);
        while (w->slot[j] != 0)
            j = (j + 1) & (QT_SLOTS - 1);
        w->slot[j] = (uint16_t)(i + 1);
    }
    *out = w;
    w = NULL;
    rc = 0;
out:
    qt_words_free(w);
    return rc;
}

/* Release the table (NULL is fine). */
void qt_words_free(qt_words *w)
{
    if (!w)
        return;
    if (w->e)
        w->al.free(w->e);
    w->al.free(w);
}

/* Class of a folded word: probe the table. */
int qt_words_lookup(const qt_words *w, const qt_key *key, size_t len)
{
    if (len == 0 || len >= QT_KEY_BYTES || key->c[0] < 'a' || key->c[0] > 'z')
        return QT_W_NONE;
    for (size_t j = key_hash(key->w, len) & (QT_SLOTS - 1); w->slot[j] != 0;
         j = (j + 1) & (QT_SLOTS - 1)) {
        const qt_entry *e = &w->e[w->slot[j] - 1];
        if (e->len != len)
            continue;
        size_t i = 0;
        while (i * 8 < len && e->k.w[i] == key->w[i])
            i++;
        if (i * 8 >= len)
            return e->cls;
    }
    return QT_W_NONE;
}

/* Class of a word: fold it into a padded key, then look it up. */
int qt_words_class(const qt_words *w, const char *text, size_t len)
{
    qt_key key;
    if (len == 0 || len >= QT_KEY_BYTES)
        return QT_W_NONE;
    memset(&key, 0, sizeof(key));
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        key.c[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return qt_words_lookup(w, &key, len);
}
