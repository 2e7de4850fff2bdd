/*
 * lexicon.h - the word classes of the attribution plugin.
 *
 * A lexicon maps a normalised word (ASCII lower case, ’ read as ') to an
 * entry: a bit set of classes (AT_L_*), a special word id (AT_W_*), verb
 * information (AT_V_*, AT_VF_*) and the multi-word phrases that start with
 * the word ("white house", "associated press").  It is built once, at
 * create, from the const tables in words.c plus the configured outlets, and
 * is read-only afterwards, so any number of threads may look words up.
 *
 * Errors: at_lexicon_build returns 0 or -1 (out of memory, bad outlet name,
 * with a reason in err).  Ownership: the lexicon owns all its memory and
 * at_lexicon_free releases it through the allocator it was built with.
 */
#ifndef AT_LEXICON_H
#define AT_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- word classes (bits of at_lexent.cls) ---- */
#define AT_L_DET      (1ull << 0)  /* the a an another other */
#define AT_L_QUANT    (1ull << 1)  /* one two several some many */
#define AT_L_POSSDET  (1ull << 2)  /* his her its their our */
#define AT_L_MOD      (1ull << 3)  /* senior former top state-run ... */
#define AT_L_ANONMOD  (1ull << 4)  /* anonymous unnamed unidentified */
#define AT_L_TITLE    (1ull << 5)  /* president spokesman general judge */
#define AT_L_PERSON   (1ull << 6)  /* weak person nouns: doctor woman lawyer */
#define AT_L_ANON     (1ull << 7)  /* official(s) source(s) diplomat(s) aide(s) */
#define AT_L_PEOPLE   (1ull << 8)  /* person people: anonymous only with a post-modifier */
#define AT_L_INST     (1ull << 9)  /* ministry embassy government police */
#define AT_L_DOC      (1ull << 10) /* statement report data census */
#define AT_L_PDOC     (1ull << 11) /* letter post message: personal writings */
#define AT_L_ORG      (1ull << 12) /* named organisations (capitalised only) */
#define AT_L_PLACE    (1ull << 13) /* countries (capitalised only) */
#define AT_L_CITY     (1ull << 14) /* capitals and big cities (capitalised only) */
#define AT_L_DEMONYM  (1ull << 15) /* Russian Czech European (capitalised only) */
#define AT_L_OUTLET   (1ull << 16) /* news outlets and agencies (capitalised only) */
#define AT_L_OUTSUF   (1ull << 17) /* Times Post Journal News: outlet name endings (capitalised only) */
#define AT_L_MEDIA    (1ull << 18) /* media press newspaper broadcaster channel outlet */
#define AT_L_VAGUE    (1ull << 19) /* experts critics residents: crowds, never a finding */
#define AT_L_PRON     (1ull << 20) /* he she it they i we you */
#define AT_L_AUX      (1ull << 21) /* has had will would did ... */
#define AT_L_BE       (1ull << 22) /* is was were been being got */
#define AT_L_ADV      (1ull << 23) /* also later repeatedly: inside a verb group */
#define AT_L_STOP     (1ull << 24) /* function words and non-name capitalised words */
#define AT_L_PREP     (1ull << 25) /* of for from at by with in on to ... */
#define AT_L_CONNECT  (1ull << 26) /* familiar close briefed ... after a source noun */
#define AT_L_ABBR     (1ull << 27) /* takes a trailing period: Gen. Sen. Mr. Jan. */
#define AT_L_PARTICLE (1ull << 28) /* von van de al bin: inside personal names */
#define AT_L_PRIZE    (1ull << 29) /* trophy title seat: "claimed the trophy" is no claim */
#define AT_L_REL      (1ull << 30) /* who whom whose which that where */
#define AT_L_REASON   (1ull << 31) /* because authorized sensitive: why anonymity */
#define AT_L_KNOW     (1ull << 32) /* seen attended present involved: how they know */
#define AT_L_NEEDCAPS (1ull << 33) /* set by the builder: entry needs a capital in text */
#define AT_L_NAME     (1ull << 34) /* set by the tokenizer: capitalised unknown word */
#define AT_L_ACRONYM  (1ull << 35) /* set by the tokenizer: unknown ALL-CAPS word */
#define AT_L_NEG      (1ull << 36) /* not never didn't: a negated verb group */
#define AT_L_NOUNV    (1ull << 37) /* report claims note: verb forms that are also nouns */
#define AT_L_PPREP    (1ull << 38) /* of in at ...: prepositions that never start a clause */
#define AT_L_COGADJ   (1ull << 39) /* wary convinced: "X is wary that ..." is a stance */
#define AT_L_CROWD    (1ull << 40) /* experts critics demographers: opinion-holder plurals */
#define AT_L_ORGSUF   (1ull << 41) /* Utilities Partnership Authority: organisation name heads
                                    * (capitalised only) */
#define AT_L_TIME     (1ull << 42) /* Friday yesterday week: time phrases inside a clause */
#define AT_L_CONTENT  (1ull << 43) /* video footage story: what an outlet runs or airs */
#define AT_L_ORGNOUN  (1ull << 44) /* academy militia utility: the AT_L_ORGSUF words in any
                                    * case ("the academy said") */

/* Classes that only apply to a capitalised occurrence. */
#define AT_L_CAPONLY                                                                           \
    (AT_L_ORG | AT_L_PLACE | AT_L_CITY | AT_L_DEMONYM | AT_L_OUTLET | AT_L_OUTSUF | AT_L_ORGSUF)

/* ---- special word ids (at_lexent.wid) ---- */
enum {
    AT_W_NONE = 0,
    AT_W_AND, AT_W_TO, AT_W_ACCORDING, AT_W_PER, AT_W_BY, AT_W_AS, AT_W_THAT, AT_W_OF,
    AT_W_FOR, AT_W_FROM, AT_W_AT, AT_W_WITH, AT_W_IN, AT_W_ON, AT_W_ABOUT,
    AT_W_IT, AT_W_HE, AT_W_SHE, AT_W_THEY, AT_W_I, AT_W_WE, AT_W_YOU,
    AT_W_THE, AT_W_A, AT_W_ONE, AT_W_SOURCE, AT_W_INSIDER, AT_W_INTEL, AT_W_AUTH,
    AT_W_CONDITION, AT_W_ANONYMITY, AT_W_ANONYMOUSLY, AT_W_NAMED, AT_W_IDENTIFIED,
    AT_W_DECLINED, AT_W_ASKED, AT_W_REQUESTED, AT_W_NOT, AT_W_NEWS, AT_W_AGENCY,
    AT_W_INTERVIEW, AT_W_SPEAKING, AT_W_MEDIA, AT_W_REPORTS, AT_W_OUT, AT_W_US,
    AT_W_UPON, AT_W_WHO, AT_W_WHICH, AT_W_OFFICIAL, AT_W_TV, AT_W_FOLLOWING,
    AT_W_SAYING, AT_W_HAVING, AT_W_WHILE, AT_W_THIS, AT_W_MORE, AT_W_NOMINAL, AT_W_WORDS,
    AT_W_ADD, AT_W_CONFIRM, AT_W_URGE, /* every form of the verb: "added", "urging" */
    AT_W_COUNT
};
/* A sentence's summary keeps one bit per word id (tokenizer.h). */
_Static_assert(AT_W_COUNT <= 64, "word ids fit a 64-bit mask");

/* ---- verbs ---- */
enum {
    AT_V_NONE = 0,
    AT_V_SAY,    /* say add warn explain note ...: any subject */
    AT_V_TELL,   /* tell: needs an object, "told to" is no attribution */
    AT_V_COG,    /* believe think fear assess: cognition */
    AT_V_DOC,    /* find show indicate: only with a document subject */
    AT_V_READ,   /* "the statement read": document subject, then punctuation */
    AT_V_CALL,   /* call describe dub label: needs a quote or "as" after */
    AT_V_ISSUE,  /* issue release publish: needs a document object */
    AT_V_STANCE, /* accuse condemn dismiss threaten: weaker */
    AT_V_CITE,   /* cite quote: the object is a source too */
    AT_V_CLAIM,  /* claim: not with a prize object */
    AT_V_ASK,    /* ask: not "asked to", "asked not to be named" */
    AT_V_CLAUSE  /* whisper hint reckon (from WordNet): only with a clause or a quote */
};
/* verb form bits (at_lexent.vform) */
#define AT_VF_BASE 0x01u
#define AT_VF_S    0x02u
#define AT_VF_PAST 0x04u
#define AT_VF_PART 0x08u
#define AT_VF_ING  0x10u

/* Longest word the lexicon can hold (bytes, normalised). */
#define AT_KEY_MAX 40
/* Most words in one phrase. */
#define AT_PHRASE_MAX 6

/* Key bytes kept inside an entry, so that a look-up of a short word reads
 * one entry and nothing else. */
#define AT_KEY_INLINE 16

/* One word.  Entries are 64 bytes and 64-byte aligned: one cache line,
 * which is all a look-up of a known word of up to AT_KEY_INLINE bytes
 * reads besides the Bloom filter.  cls .. vform are what every occurrence
 * of the word gets, laid out as in the token (tokenizer.h's at_tok, from
 * its cls to its vform), so that the tokenizer's copy of them is a few
 * wide moves. */
typedef struct at_lexent {
    uint64_t key[AT_KEY_INLINE / 8]; /* first key bytes, zero padded (internal) */
    uint64_t cls;        /* AT_L_* classes of any occurrence */
    int32_t phrase;      /* first phrase starting with this word, -1 if none */
    uint32_t index;      /* the entry's number, as look-ups report it (internal) */
    uint16_t wid;        /* AT_W_* */
    uint8_t vclass;      /* AT_V_* */
    uint8_t vform;       /* AT_VF_* bits */
    uint8_t keylen;      /* 0: an empty slot of the table (internal) */
    uint8_t pad[3];
    uint64_t capcls;     /* classes of a capitalised occurrence only */
    uint64_t allcapcls;  /* classes of an ALL-CAPS occurrence only (US, WHO) */
    uint32_t keyoff;     /* where the whole key is stored (internal) */
    uint32_t hash;       /* at_hash_key of the key (internal) */
} at_lexent;

/* What a look-up of a word the lexicon does not hold stands for: no class,
 * no phrase (-1), entry index -1 (as int32_t). */
extern const at_lexent at_unknown_word;

typedef struct at_phrase {
    uint64_t cls;                    /* class of the whole phrase */
    int needcaps;                    /* proper noun: its last word must be capitalised */
    uint16_t wid;                    /* special id of the whole phrase */
    uint8_t nwords;                  /* 2..AT_PHRASE_MAX */
    int32_t went[AT_PHRASE_MAX];     /* lexicon entry index of each word */
    uint8_t wposs[AT_PHRASE_MAX];    /* the word is written with a possessive ’s */
    int32_t next;                    /* next phrase with the same first word */
} at_phrase;

/* Memory functions the lexicon (and the rest of the plugin) allocates with. */
typedef struct at_alloc {
    void *(*alloc)(size_t size);
    void (*free)(void *ptr);
} at_alloc;

typedef struct at_lexicon at_lexicon;

/* Build the lexicon from the built-in tables plus `n_outlets` extra outlet
 * names (one or more words each).  Returns 0 and sets *out, or -1 with a
 * one-line reason in err. */
int at_lexicon_build(at_lexicon **out, const char *const *outlets, size_t n_outlets,
                     const at_alloc *al, char *err, size_t errlen);

struct at_lexicon_extra;

/* The same; with use_builtin 0 the built-in tables are built again even
 * when the plugin carries them already built (lexgen, tests).  extra: the
 * generated word lists to add (NULL: those linked into the plugin, if any). */
int at_lexicon_build_ex(at_lexicon **out, const char *const *outlets, size_t n_outlets,
                        const at_alloc *al, int use_builtin, const struct at_lexicon_extra *extra,
                        char *err, size_t errlen);

/* The hash of a past form in at_comm_past: FNV-1a (32 bits) of its bytes,
 * lower-case ASCII. */
static inline uint32_t at_comm_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 16777619u;
    }
    return h;
}

/* Past forms of communication verbs (generated from WordNet by
 * gen/lexgen.c into lexicon_data.c), sorted at_comm_hash values. */
extern const uint32_t at_comm_past[];
extern const size_t at_n_comm_past;

/* Free a lexicon (NULL is fine). */
void at_lexicon_free(at_lexicon *lx);

/* A built lexicon as arrays: what gen/lexgen.c writes into lexicon_data.c
 * (as the constant at_builtin_lexicon) and a lexicon built from the
 * built-in tables alone then reads in place.  The sizes guard against a
 * stale file: a mismatch means building again. */
typedef struct at_lexicon_image {
    size_t entry_size;     /* sizeof(at_lexent) when written */
    size_t phrase_size;    /* sizeof(at_phrase) when written */
    size_t ntab, nphr, narena;
    const at_lexent *tab;  /* ntab entries, 64-byte aligned */
    const uint64_t *bloom; /* 512 words */
    const char *arena;     /* narena bytes */
    const at_phrase *phr;  /* nphr phrases */
} at_lexicon_image;

/* Normalise text[0..len) into key (ASCII lower case, ’ and ‘ read as ').
 * Returns the key length, or 0 when the word is longer than AT_KEY_MAX. */
size_t at_lexicon_normalise(const char *text, size_t len, char key[AT_KEY_MAX + 1]);

/* Hash of a normalised key, eight bytes at a time.  The buffer must hold
 * AT_KEY_PAD readable bytes, and the bytes from len up to the next multiple
 * of eight must be zero (the tokenizer and the builder pad their keys). */
#define AT_KEY_PAD (AT_KEY_MAX + 8)

/* The state at_hash_key starts from, one eight-byte step, and the result:
 * a multiply per word, then the product's high half (its best mixed bits:
 * the Bloom filter's bit comes from its top) with the top byte folded
 * into the low bits (the table's slot), since a product bit depends on
 * the key's bits at and below it only: without the fold, keys differing
 * in their eighth byte alone ("reporter", "reported") would share a slot.
 * The length need not go in: a key has no zero byte, so its zero padding
 * tells it apart from any longer or shorter key. */
static inline uint64_t at_hash_start(size_t len)
{
    (void)len;
    return 0;
}

static inline uint64_t at_hash_step(uint64_t h, uint64_t w)
{
    return (h ^ w) * 0x9E3779B97F4A7C15ull;
}

static inline uint32_t at_hash_end(uint64_t h)
{
    return (uint32_t)(h >> 32) ^ (uint32_t)(h >> 56);
}

static inline uint32_t at_hash_key(const char *k, size_t len)
{
    uint64_t h = at_hash_start(len);
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w; /* byte order does not matter: build and look-up use the same */
        memcpy(&w, k + i, 8);
        h = at_hash_step(h, w);
    }
    return at_hash_end(h);
}

/* The arrays of lx (valid while lx is). */
void at_lexicon_image_of(const at_lexicon *lx, at_lexicon_image *im);

/* May the lexicon hold a key with this hash (at_hash_key)?  0 means surely
 * not: one bit of the Bloom filter, set by the builder for every key. */
static inline int at_image_may_hold(const at_lexicon_image *im, uint32_t hash)
{
    uint32_t bit = (hash >> 17) & 32767u;
    return (im->bloom[bit >> 6] >> (bit & 63)) & 1;
}

/* Entry of a key of 1..AT_KEY_INLINE (16) bytes held in two words, as
 * memcpy from the zero-padded key would load them (key byte j in bits
 * 8(j % 8).. of word j / 8 on a little-endian machine, zero above len, so
 * k1 is 0 up to eight bytes), or &at_unknown_word when absent (never
 * NULL).  No key in memory, no hashing loop, and only the entry's own
 * line is compared: a key byte is never 0, so the two words tell a key of
 * up to eight bytes from any other, and an empty slot (all zero) from
 * every key.  Inline: the tokenizer asks it of most words, from the
 * arrays of at_lexicon_image_of. */
static inline const at_lexent *at_image_lookup_short(const at_lexicon_image *im, uint64_t k0,
                                                     uint64_t k1, size_t len)
{
    _Static_assert(AT_KEY_INLINE == 16, "a short key is the two words held in an entry");
    uint64_t h = at_hash_step(at_hash_start(len), k0);
    if (len > 8)
        h = at_hash_step(h, k1); /* one step per eight bytes, as at_hash_key */
    uint32_t hash = at_hash_end(h);
    if (!at_image_may_hold(im, hash))
        return &at_unknown_word;
    size_t mask = im->ntab - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const at_lexent *e = &im->tab[i];
        if (e->key[0] == k0) {
            /* a longer key may share the first sixteen bytes */
            if (e->key[1] == k1 && e->keylen == len)
                return e;
        } else if (e->keylen == 0) {
            return &at_unknown_word;
        }
    }
}

/* Entry of a normalised key, or NULL. */
const at_lexent *at_lexicon_lookup(const at_lexicon *lx, const char *key, size_t len);

/* The same with the key's hash (at_hash_key) already computed; *index
 * receives the entry's index (-1 when absent). */
const at_lexent *at_lexicon_lookup_hashed(const at_lexicon *lx, const char *key, size_t len,
                                          uint32_t hash, int32_t *index);

/* Phrase number i (i >= 0 from at_lexent.phrase or at_phrase.next). */
const at_phrase *at_lexicon_phrase(const at_lexicon *lx, int32_t i);


#endif
