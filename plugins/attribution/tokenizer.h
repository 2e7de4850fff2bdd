/*
 * tokenizer.h - split one sentence into classified tokens.
 *
 * A token is a word (with its lexicon classes), a number, a quote mark or a
 * punctuation mark, with its byte span in the passage.  Possessive ’s / 's
 * and a trailing abbreviation period stay inside the word token; the lookup
 * key stops before them.  Curly and straight quotes and apostrophes are
 * treated alike.
 *
 * Contract: at_tokenize tokenises text[start..end) and writes at most cap
 * tokens (a longer sentence is cut there).  It may read any byte of
 * text[0..text_len] (the passage and the NUL after it) in blocks, but no
 * byte from end on changes a token.  No allocation, no state.
 */
#ifndef AT_TOKENIZER_H
#define AT_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

/* A function kept out of the hot loop that calls it (GCC and Clang). */
#if defined(__GNUC__)
#define AT_OUT_OF_LINE __attribute__((noinline))
#else
#define AT_OUT_OF_LINE
#endif

enum {
    AT_TK_WORD,
    AT_TK_NUM,
    AT_TK_COMMA,
    AT_TK_PERIOD, /* . ! ? */
    AT_TK_COLON,
    AT_TK_SEMI,
    AT_TK_QUOTE,  /* double quote, open or close (AT_TF_QOPEN) */
    AT_TK_SQUOTE, /* single quote used as a quote mark */
    AT_TK_DASH,
    AT_TK_POPEN,
    AT_TK_PCLOSE,
    AT_TK_HANDLE, /* @name */
    AT_TK_OTHER
};

/* token flags */
#define AT_TF_CAP      0x0001u /* first letter upper case */
#define AT_TF_ALLCAPS  0x0002u /* two or more letters, all upper case */
#define AT_TF_POSS     0x0004u /* possessive ’s / s’ */
#define AT_TF_SENTINIT 0x0008u /* first word of the sentence or of a quotation */
#define AT_TF_HYPHEN   0x0010u /* contains a hyphen */
#define AT_TF_ABBR     0x0020u /* ends with an abbreviation period */
#define AT_TF_QOPEN    0x0040u /* a quote mark that opens */
#define AT_TF_PHRASE   0x0080u /* part of a multi-word lexicon phrase */
#define AT_TF_PHEND    0x0100u /* last word of such a phrase */
#define AT_TF_CONTR    0x0200u /* it’s, he’s: a contraction, not a possessive */

typedef struct at_tok {
    /* from cls to vform: what the word's lexicon entry gives (at_lexent
     * holds them in this order, so the tokenizer copies them at once) */
    uint64_t cls;      /* AT_L_* classes of this occurrence */
    int32_t phrase;    /* first lexicon phrase starting with this word, -1 if none */
    int32_t ent;       /* lexicon entry index, -1 if the word is unknown */
    uint16_t wid;      /* AT_W_* */
    uint8_t vclass;    /* AT_V_* */
    uint8_t vform;     /* AT_VF_* */
    uint16_t flags;    /* AT_TF_* */
    uint8_t kind;      /* AT_TK_* */
    size_t start, end; /* byte span in the passage */
    size_t kend;       /* end of the lookup key (before ’s or a trailing period) */
} at_tok;

/* What a tokenised sentence holds, gathered while tokenising, so that the
 * analysis can skip passes that have nothing to look at. */
typedef struct at_tok_summary {
    uint64_t cls;      /* OR of the tokens' classes */
    uint64_t wids;     /* bit (wid & 63) of every token's special id */
    unsigned kinds;    /* bit (1 << kind) of every token kind */
    int has_phrase;    /* a token starts a lexicon phrase (phrase >= 0) */
    size_t first_verb; /* first and last token with a verb class; */
    size_t last_verb;  /* first_verb > last_verb when there is none */
} at_tok_summary;

/* Tokenise text[start..end) (byte offsets inside the passage of text_len
 * bytes, start <= end <= text_len, text[text_len] readable).  Returns the
 * number of tokens written to toks (at most cap) and describes them in
 * *sum. */
size_t at_tokenize(const at_lexicon *lx, const char *text, size_t text_len, size_t start,
                   size_t end, at_tok *toks, size_t cap, at_tok_summary *sum);

#endif
