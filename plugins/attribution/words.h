/*
 * words.h - the built-in word lists of the attribution plugin (data only).
 *
 * Each at_wordset is a class bit set, an optional special id and a string
 * of space-separated words; a word containing '_' is a phrase whose words
 * are joined by '_' ("white_house").  Each at_verbdef lists the five forms
 * of a verb, "base s past participle ing", '-' for a missing form.  The
 * tables are const and written by hand for this plugin; lexicon.c turns
 * them into a hash table at create.
 */
#ifndef AT_WORDS_H
#define AT_WORDS_H

#include <stddef.h>
#include <stdint.h>

typedef struct at_wordset {
    uint64_t cls;
    uint16_t wid;
    const char *words;
} at_wordset;

typedef struct at_verbdef {
    uint8_t vclass;
    const char *forms;
} at_verbdef;

/* Word lists generated at build time from a lexical resource (WordNet, by
 * gen/lexgen.c): they only add words the hand-written tables above do not
 * know, so a hand-written entry always wins. */
typedef struct at_lexicon_extra {
    const at_wordset *wordsets;
    size_t n_wordsets;
    const at_verbdef *verbdefs;
    size_t n_verbdefs;
} at_lexicon_extra;

extern const at_wordset at_wordsets[];
extern const size_t at_n_wordsets;
extern const at_verbdef at_verbdefs[];
extern const size_t at_n_verbdefs;

#endif
