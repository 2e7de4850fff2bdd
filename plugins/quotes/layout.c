/*
 * layout.c - speaker labels and sign-offs (see layout.h).
 *
 * Both scans are linear: a label is looked for at the start of each line
 * (bounded length), a sign-off in the last QT_SIGNOFF_BYTES of the passage.
 */
#include "layout.h"

#include <string.h>

/* Longest speaker label, colon excluded ("SEN. MARIA DE LA CRUZ"). */
#define QT_LABEL_BYTES 48
/* Most words in a label. */
#define QT_LABEL_WORDS 4
/* How far from the end of the passage a sign-off's dash may stand. */
#define QT_SIGNOFF_BYTES 160
/* Bytes after a bare-name label searched for signs of speech. */
#define QT_SPEECH_BYTES 200

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static int is_alpha(char c)
{
    return is_upper(c) || is_lower(c);
}

/* A right single quote (U+2019) at text[i]: part of a name ("O’NEILL"). */
static int is_curly_apos(const char *text, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
           (unsigned char)text[i + 2] == 0x99;
}

/* Is text[a..b) a first- or second-person pronoun (speech, not narration)? */
static int is_speech_word(const char *text, size_t a, size_t b)
{
    static const char *const words[] = {"i", "we", "you", "my", "our", "me", "us", "your", NULL};
    for (size_t k = 0; words[k]; k++) {
        size_t n = strlen(words[k]);
        if (b - a != n)
            continue;
        size_t i = 0;
        while (i < n && (text[a + i] | 0x20) == words[k][i])
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Do the words of text[a..b) read as speech: a first- or second-person
 * pronoun, or a question mark? */
static int reads_as_speech(const char *text, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        if (text[i] == '?')
            return 1;
        if (!is_alpha(text[i])) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < b && is_alpha(text[i]))
            i++;
        if (is_speech_word(text, s, i))
            return 1;
    }
    return 0;
}

/* One label starting at text[a] (a line start): 1 and its end (the colon)
 * in *colon, or 0. */
static int label_at(const qt_words *w, const char *text, size_t len, size_t a, size_t *colon)
{
    size_t i = a, words = 0;
    int titled = 0;
    while (i < len && i - a <= QT_LABEL_BYTES) {
        /* one word: capitals, with . ' - inside or after */
        size_t s = i, letters = 0;
        while (i < len) {
            if (is_upper(text[i]))
                letters++, i++;
            else if (text[i] == '.' || text[i] == '\'' || text[i] == '-')
                i++;
            else if (is_curly_apos(text, len, i))
                i += 3;
            else
                break;
        }
        if (letters == 0 || (i < len && is_lower(text[i])))
            return 0; /* not an all-capital word */
        size_t e = i;
        while (e > s && (text[e - 1] == '.' || text[e - 1] == '-'))
            e--;
        int cls = qt_words_class(w, text + s, e - s);
        if (cls == QT_W_STOP || cls == QT_W_LABEL || cls == QT_W_SOURCE || cls == QT_W_DET)
            return 0;
        titled |= cls == QT_W_TITLE;
        if (++words > QT_LABEL_WORDS)
            return 0;
        if (i < len && text[i] == ':')
            break;
        if (i >= len || text[i] != ' ')
            return 0;
        i++;
    }
    if (i >= len || text[i] != ':' || i + 2 > len || text[i + 1] != ' ')
        return 0;
    size_t body = i + 2;
    while (body < len && text[body] == ' ')
        body++;
    if (body >= len || text[body] == '\n')
        return 0; /* a label with nothing said */
    if (!titled) {
        /* a bare name: only when what follows is speech (not a dateline) */
        size_t lim = body + QT_SPEECH_BYTES < len ? body + QT_SPEECH_BYTES : len;
        if (words < 2 || !reads_as_speech(text, body, lim))
            return 0;
    }
    *colon = i;
    return 1;
}

int qt_speaker_label(const qt_words *w, const char *text, size_t len, size_t *start, size_t *end)
{
    size_t a = 0;
    while (a < len) {
        while (a < len && (text[a] == ' ' || text[a] == '\t'))
            a++;
        size_t colon;
        if (a < len && is_upper(text[a]) && label_at(w, text, len, a, &colon)) {
            *start = a;
            *end = colon;
            return 1;
        }
        const char *nl = memchr(text + a, '\n', len - a);
        if (!nl)
            break;
        a = (size_t)(nl - text) + 1;
    }
    return 0;
}

/* Length of a dash at text[i]: an em or en dash, or "--"; 0 if none. */
static size_t dash_at(const char *text, size_t len, size_t i)
{
    if (i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93))
        return 3;
    if (i + 1 < len && text[i] == '-' && text[i + 1] == '-')
        return 2;
    return 0;
}

/* Does text[a..b) hold a capitalised name of two to four words, then
 * nothing or ", affiliation" up to b? */
static int name_then_end(const qt_words *w, const char *text, size_t a, size_t b)
{
    size_t i = a, caps = 0, words = 0;
    while (i < b && text[i] == ' ')
        i++;
    while (i < b && text[i] != ',') {
        size_t s = i;
        while (i < b && (is_alpha(text[i]) || text[i] == '.' || text[i] == '\'' || text[i] == '-' ||
                         is_curly_apos(text, b, i)))
            i += is_curly_apos(text, b, i) ? 3 : 1;
        if (i == s)
            return 0; /* a digit, a bracket, a quote mark: not a name */
        size_t e = i;
        while (e > s && text[e - 1] == '.')
            e--;
        if (words == 0 && e > s) {
            int cls = qt_words_class(w, text + s, e - s);
            if (cls == QT_W_STOP || cls == QT_W_LABEL || cls == QT_W_SOURCE || cls == QT_W_DET)
                return 0;
        }
        if (is_upper(text[s]))
            caps++;
        else if (words == 0)
            return 0; /* a name starts with a capital */
        if (++words > 5)
            return 0;
        while (i < b && text[i] == ' ')
            i++;
    }
    if (caps < 2 || caps > 4)
        return 0; /* particles ("de", "van") may add one lower-case word */
    if (i >= b)
        return 1;
    /* ", affiliation": words and commas, no sentence end, no quotes */
    for (i++; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '!' || c == '?' || c == '"')
            return 0;
        if (c == 0xE2 && i + 2 < b && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D))
            return 0; /* a curly quote mark */
        if (c == '.' && i + 1 < b && text[i + 1] == ' ')
            return 0;
    }
    return 1;
}

int qt_signoff(const qt_words *w, const char *text, size_t len, size_t *start, size_t *end)
{
    size_t b = len;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\n' || text[b - 1] == '\t' ||
                     text[b - 1] == '\r'))
        b--;
    size_t from = b > QT_SIGNOFF_BYTES ? b - QT_SIGNOFF_BYTES : 0;
    size_t dash = b, dlen = 0;
    /* the last dash, found as a left-to-right scan would ("---" is a dash at
     * its first two hyphens), visiting only the bytes a dash can start with */
    const char *e2 = memchr(text + from, 0xE2, b - from);
    const char *hy = memchr(text + from, '-', b - from);
    for (size_t i = from; e2 || hy;) {
        const char *next = !hy || (e2 && e2 < hy) ? e2 : hy;
        i = (size_t)(next - text);
        size_t n = dash_at(text, b, i);
        if (n) {
            dash = i;
            dlen = n;
        }
        i += n ? n : 1;
        if (e2 && (size_t)(e2 - text) < i)
            e2 = i < b ? memchr(text + i, 0xE2, b - i) : NULL;
        if (hy && (size_t)(hy - text) < i)
            hy = i < b ? memchr(text + i, '-', b - i) : NULL;
    }
    if (dlen == 0 || !name_then_end(w, text, dash + dlen, b))
        return 0;
    /* what stands before the dash: a closing quote, or a first-person letter */
    size_t p = dash;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\n' || text[p - 1] == '\t'))
        p--;
    if (p == 0)
        return 0; /* a signature alone may be a byline */
    int quote = text[p - 1] == '"' ||
                (p >= 3 && (unsigned char)text[p - 3] == 0xE2 && (unsigned char)text[p - 2] == 0x80 &&
                 (unsigned char)text[p - 1] == 0x9D);
    int ends = quote || text[p - 1] == '.' || text[p - 1] == '!' || text[p - 1] == '?';
    if (!ends)
        return 0; /* a dash inside a sentence */
    if (!quote && !reads_as_speech(text, 0, p))
        return 0; /* narration signed by its writer: a byline */
    *start = dash;
    *end = b;
    return 1;
}
