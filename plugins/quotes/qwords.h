/*
 * qwords.h - the small vocabulary the quotes plugin needs to find speakers.
 *
 * A table of (word, class) pairs, copied and sorted at create so that a word
 * is found by binary search.  Read-only after qt_words_build: any thread may
 * look words up.
 *
 * Errors: qt_words_build returns 0 or -1 (out of memory).  Ownership: the
 * table owns its memory; qt_words_free releases it.
 */
#ifndef QT_WORDS_H
#define QT_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* word classes */
enum {
    QT_W_NONE = 0,
    QT_W_SAY,      /* said says told added wrote ...: a speech verb */
    QT_W_AUX,      /* has had was also later: between subject and verb */
    QT_W_PERSON,   /* he she i: a person pronoun */
    QT_W_PLURAL,   /* they we it: a speaker, but not one identifiable person */
    QT_W_TITLE,    /* president minister spokesman: one person */
    QT_W_SOURCE,   /* official source ministry statement: a non-person source */
    QT_W_DET,      /* the a an his her its their */
    QT_W_STOP,     /* capitalised words that are not names: But The In ... */
    QT_W_ACCORDING, /* "according" (to) */
    QT_W_LABEL     /* update note correction: a newsroom label, not a speaker */
};

typedef struct qt_alloc {
    void *(*alloc)(size_t size);
    void (*free)(void *ptr);
} qt_alloc;

typedef struct qt_words qt_words;

/* Build the sorted table. */
int qt_words_build(qt_words **out, const qt_alloc *al);
/* Free it (NULL is fine). */
void qt_words_free(qt_words *w);
/* Class of the word text[0..len) (ASCII case-insensitive), QT_W_NONE if unknown. */
int qt_words_class(const qt_words *w, const char *text, size_t len);

/* Longest word the table can hold, plus one. */
#define QT_KEY_BYTES 24

/* A word folded for qt_words_lookup: its bytes with A-Z in lower case,
 * zero from its length on. */
typedef union qt_key {
    char c[QT_KEY_BYTES];
    uint64_t w[QT_KEY_BYTES / 8];
} qt_key;

/* Class of the folded word key->c[0..len), QT_W_NONE if unknown (also
 * when len is 0 or QT_KEY_BYTES or more).  For a caller that folds the
 * word while it scans it; qt_words_class folds and then asks this. */
int qt_words_lookup(const qt_words *w, const qt_key *key, size_t len);

#endif
