/*
 * wordnet.h - read the WordNet 3 database files (Debian wordnet-base) at
 * build time for gen/lexgen.c.
 *
 * Only what the lexicon generator needs: the first (most frequent) sense
 * of a lemma from index.POS, one synset line of data.POS by its offset,
 * and the exception lists (verb.exc, noun.exc) for irregular forms.  See
 * wndb(5) for the file formats and lexnames(5) for the lexicographer file
 * numbers.
 *
 * Contract: wn_open returns 0, or -1 with a message naming the missing
 * file in err.  Everything is freed by wn_close.  Not thread-safe (one
 * build tool, one thread).
 */
#ifndef AT_WORDNET_H
#define AT_WORDNET_H

#include <stddef.h>
#include <stdio.h>

#define WN_MAX_WORDS 64
#define WN_MAX_PTRS 2048
#define WN_MAX_FRAMES 64
#define WN_MAX_SENSES 80

/* Lexicographer files used by the generator (lexnames(5)). */
enum {
    WN_NOUN_COMMUNICATION = 10,
    WN_NOUN_GROUP = 14,
    WN_NOUN_PERSON = 18,
    WN_VERB_COGNITION = 31,
    WN_VERB_COMMUNICATION = 32
};

/* One synset line of data.noun or data.verb, parsed. */
typedef struct wn_synset {
    long offset;
    int lexfile;
    int nwords;
    char *words[WN_MAX_WORDS];      /* lower case, '(a)' markers removed */
    int capital[WN_MAX_WORDS];      /* the word is written with a capital ("Republican") */
    int nptrs;
    char ptr_sym[WN_MAX_PTRS][3];   /* "@", "~", "~i", ... */
    long ptr_off[WN_MAX_PTRS];
    char ptr_pos[WN_MAX_PTRS];
    int nframes;
    int frame[WN_MAX_FRAMES];       /* verb frame number */
    int frame_word[WN_MAX_FRAMES];  /* 0: all words of the synset, else word number */
    char *line;                     /* storage of the words */
} wn_synset;

typedef struct wn_exc {
    char *inflected, *base;
} wn_exc;

typedef struct wn_db {
    char dir[512];
    FILE *data_noun, *data_verb, *index_noun, *index_verb;
    wn_exc *verb_exc, *noun_exc;
    size_t n_verb_exc, n_noun_exc;
    wn_synset syn;  /* scratch of wn_read_synset */
} wn_db;

/* Open the database in dir. */
int wn_open(wn_db *db, const char *dir, char *err, size_t errlen);
void wn_close(wn_db *db);

/* Read the synset at offset of data.noun (pos 'n') or data.verb ('v')
 * into db->syn (valid until the next call).  0, or -1 when the line is
 * not a synset. */
int wn_read_synset(wn_db *db, char pos, long offset);

/* Call fn(lemma, offsets, n, arg) for every lemma of index.noun ('n') or
 * index.verb ('v'), in file order, with the synset offsets of its senses,
 * most frequent first (at most WN_MAX_SENSES); stops when fn returns
 * non-zero and returns that value. */
int wn_each_lemma(wn_db *db, char pos,
                  int (*fn)(const char *lemma, const long *offs, int n, void *arg), void *arg);

/* The i-th exception form whose base is `base` (verb.exc for 'v',
 * noun.exc for 'n'), or NULL. */
const char *wn_exception(const wn_db *db, char pos, const char *base, int i);

#endif
