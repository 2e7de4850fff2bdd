/*
 * plugin.c - the credscore ABI face of the quotes plugin.
 *
 * For every direct quotation of a passage: when a speaker with a name, a
 * pronoun or a person's title is attributed in the same or a neighbouring
 * sentence, emit on_record (rule "attributed-quote", span = the quote);
 * when no attribution of any kind is near (same or neighbouring sentence,
 * the previous passage, or the rest of a quote that runs over several
 * passages), emit anonymous (rule "orphan-quote"), except in the document's
 * first passage: a quotation that opens a story is usually attributed in the
 * next paragraph, which is not seen yet.  Scare quotes (a few words inside a
 * sentence) are not quotations.  A speaker shown by layout
 * (layout.h) is on_record too: a transcript label ("MODERATOR: ...", rule
 * "speaker-label") or a sign-off after a quote or a letter ("” — Mara
 * Quist", rule "signed").
 *
 * Options: orphan_min_words (int, default 6): shortest orphan flagged;
 * orphan_strict (bool, default true): flag an orphan only when the quote
 * is the whole passage and has at least strict_min_words (int, default 12).
 *
 * Contract: exports credscore_plugin_entry only.  The instance is read-only
 * after create; the quote carried from one passage to the next lives in
 * the per-document state, so the plugin is THREAD_SAFE.  A finding about a
 * passage can only be emitted while that passage is scored, so a speaker
 * in the NEXT passage is seen only for a quote that continues into it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"

#include "layout.h"
#include "qscan.h"
#include "qwords.h"
#include "speaker.h"

/* Bytes at the end of a passage searched for a speaker of the next one. */
#define QT_TAIL_BYTES 400
/* Quote parts kept on the stack when there is no document state. */
#define QT_STACK_PARTS 64
/* Words that make a quote a quotation whatever its shape (is_quotation). */
#define QT_QUOTATION_WORDS 5

typedef struct qt_instance {
    const credscore_host *host;
    qt_alloc al;
    qt_words *words;
    size_t orphan_min_words;
    int orphan_strict;
    size_t strict_min_words;
    size_t count_to; /* the largest word threshold: quotes' words are counted up to it */
} qt_instance;

/* Quote spans kept for the tail of the previous passage. */
#define QT_TAIL_QUOTES 8

typedef struct qt_doc {
    qt_alloc al;
    size_t scored;     /* passages of this document scored so far */
    int open;          /* a quote is still open at the end of the last passage */
    size_t open_words; /* its words so far */
    int open_kind;     /* best speaker seen so far for it (QT_SPK_*) */
    /* the last sentence of the previous passage, analysed only when a quote
     * of this passage needs it (the host's text is gone by then) */
    char tail[QT_TAIL_BYTES];
    size_t tail_len;
    qt_part tail_q[QT_TAIL_QUOTES];
    size_t tail_nq;
    int prev_kind;     /* speaker found in the tail, -1 = not analysed yet */
    qt_part *parts;
    size_t cap;
} qt_doc;

static const char *const qt_markers[] = {"on_record", "anonymous", NULL};

static void *std_alloc(size_t n)
{
    return malloc(n);
}

static void std_free(void *p)
{
    free(p);
}

static int qt_create(const credscore_host *host, const credscore_options *opts, void **instance,
                     char *err, size_t errlen)
{
    int rc = -1;
    qt_alloc al = {std_alloc, std_free};
    qt_instance *in = NULL;
    long long v;
    int b;

    if (!host || !instance) {
        snprintf(err, errlen, "quotes: no host");
        goto out;
    }
    if (CREDSCORE_HOST_HAS(host, alloc) && CREDSCORE_HOST_HAS(host, free)) {
        al.alloc = host->alloc;
        al.free = host->free;
    }
    in = al.alloc(sizeof(*in));
    if (!in) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    memset(in, 0, sizeof(*in));
    in->host = host;
    in->al = al;
    in->orphan_min_words = 6;
    in->strict_min_words = 12;
    in->orphan_strict = 1;
    if (opts && CREDSCORE_HOST_HAS(host, option_int)) {
        if (host->option_int(opts, "orphan_min_words", &v) == 0) {
            if (v < 1 || v > 10000) {
                snprintf(err, errlen, "option orphan_min_words: must be 1..10000");
                goto out;
            }
            in->orphan_min_words = (size_t)v;
        }
        if (host->option_int(opts, "strict_min_words", &v) == 0) {
            if (v < 1 || v > 10000) {
                snprintf(err, errlen, "option strict_min_words: must be 1..10000");
                goto out;
            }
            in->strict_min_words = (size_t)v;
        }
    }
    if (opts && CREDSCORE_HOST_HAS(host, option_bool) &&
        host->option_bool(opts, "orphan_strict", &b) == 0)
        in->orphan_strict = b != 0;
    in->count_to = QT_QUOTATION_WORDS;
    if (in->orphan_min_words > in->count_to)
        in->count_to = in->orphan_min_words;
    if (in->strict_min_words > in->count_to)
        in->count_to = in->strict_min_words;
    if (qt_words_build(&in->words, &al) != 0) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    *instance = in;
    in = NULL;
    rc = 0;
out:
    if (in)
        al.free(in);
    return rc;
}

static void qt_destroy(void *instance)
{
    qt_instance *in = instance;
    if (!in)
        return;
    qt_words_free(in->words);
    in->al.free(in);
}

static int qt_begin_document(void *instance, const credscore_document *doc, void **doc_state)
{
    qt_instance *in = instance;
    (void)doc;
    qt_doc *d = in->al.alloc(sizeof(*d));
    if (!d)
        return -1;
    memset(d, 0, sizeof(*d));
    d->al = in->al;
    *doc_state = d;
    return 0;
}

static void qt_end_document(void *instance, void *doc_state)
{
    qt_doc *d = doc_state;
    (void)instance;
    if (!d)
        return;
    if (d->parts)
        d->al.free(d->parts);
    d->al.free(d);
}

/* Index of the sentence holding byte off (the last one starting at or
 * before it), or 0. */
static size_t sentence_of(const credscore_passage *p, size_t off)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n_sentences; i++)
        if (p->sentences[i].start <= off)
            k = i;
    return k;
}

/* Is the quote a quotation rather than scare quotes?  At least five words,
 * the continuation of a quote from the previous passage, or a complete
 * utterance: it opens a sentence and ends with punctuation. */
static int is_quotation(const char *text, const qt_part *q, size_t words)
{
    if (words >= QT_QUOTATION_WORDS || q->cont_in)
        return 1;
    if (words == 0)
        return 0;
    size_t e = q->cend;
    while (e > q->cstart && (text[e - 1] == ' '))
        e--;
    int ends = e > q->cstart && (text[e - 1] == ',' || text[e - 1] == '.' || text[e - 1] == '!' ||
                                 text[e - 1] == '?');
    size_t s = q->start;
    while (s > 0 && (text[s - 1] == ' ' || text[s - 1] == '\t'))
        s--;
    int opens = s == 0 || text[s - 1] == '.' || text[s - 1] == ':' || text[s - 1] == '!' ||
                text[s - 1] == '?';
    return ends && opens;
}

/* Does the part cover the whole passage (bar punctuation and space)? */
static int whole_passage(const credscore_passage *p, const qt_part *q)
{
    for (size_t i = 0; i < q->start; i++)
        if (p->text[i] != ' ' && p->text[i] != '\t')
            return 0;
    for (size_t i = q->end; i < p->len; i++) {
        char c = p->text[i];
        if (c != ' ' && c != '.' && c != ',' && c != '\t' && c != '\n')
            return 0;
    }
    return 1;
}

static void emit(const qt_instance *in, credscore_sink *sink, const char *marker, const char *rule,
                 const qt_part *q, double conf, const char *msg)
{
    credscore_finding f;
    memset(&f, 0, sizeof(f));
    f.struct_size = sizeof(f);
    f.marker = marker;
    f.rule = rule;
    f.start = q->start;
    f.end = q->end;
    f.confidence = conf;
    f.message = msg;
    if (f.start < f.end)
        in->host->emit(sink, &f); /* a dropped finding is logged by the host */
}

/* Score the parts found in a passage; updates the document's carry-over. */
static void score_parts(const qt_instance *in, qt_doc *d, const credscore_passage *p,
                        const qt_part *parts, size_t n, credscore_sink *sink)
{
    int carried_open = d->open;
    /* the speaker of the last stretch looked at: quotes of one sentence
     * share their stretch, which is read once (memo_kind -1: none yet) */
    size_t memo_a = 0, memo_b = 0;
    int memo_kind = -1;
    for (size_t k = 0; k < n; k++) {
        const qt_part *q = &parts[k];
        size_t a = 0, b = p->len;
        if (p->n_sentences && p->sentences) {
            size_t si = sentence_of(p, q->start), ei = sentence_of(p, q->end ? q->end - 1 : 0);
            a = p->sentences[si > 0 ? si - 1 : 0].start;
            b = p->sentences[ei + 1 < p->n_sentences ? ei + 1 : ei].end;
            if (b > p->len)
                b = p->len;
            if (a > b)
                a = b;
        }
        if (memo_kind < 0 || a != memo_a || b != memo_b) {
            memo_kind = qt_speaker(in->words, p->text, a, b, parts, n);
            memo_a = a;
            memo_b = b;
        }
        int local = memo_kind;
        size_t words = q->words + (q->cont_in && carried_open ? d->open_words : 0);
        int inherited = q->cont_in && carried_open ? d->open_kind : QT_SPK_NONE;
        int quotation = is_quotation(p->text, q, words);

        if (quotation && local == QT_SPK_PERSON)
            emit(in, sink, "on_record", "attributed-quote", q, 0.6,
                 "Direct quotation attributed to an identifiable speaker");
        if (q->open_out) { /* decided when the quote closes */
            d->open = 1;
            d->open_words = words;
            d->open_kind = local > inherited ? local : inherited;
            continue;
        }
        d->open = 0;
        int near = local > inherited ? local : inherited;
        if (near == QT_SPK_NONE && k == 0) { /* the previous passage may introduce it */
            if (d->prev_kind < 0)
                d->prev_kind = qt_speaker(in->words, d->tail, 0, d->tail_len, d->tail_q,
                                          d->tail_nq);
            near = d->prev_kind;
        }
        /* A quotation opening the document is not judged: its speaker is
         * usually named in the next passage, which cannot be seen here. */
        if (!quotation || near != QT_SPK_NONE || d->scored == 0)
            continue;
        int flag = words >= in->orphan_min_words;
        if (in->orphan_strict)
            flag = words >= in->strict_min_words && whole_passage(p, q);
        if (flag)
            emit(in, sink, "anonymous", "orphan-quote", q, 0.5,
                 "Quotation with no speaker nearby: say who said it");
    }
    if (n == 0)
        d->open = 0;
}

/* Speakers shown by layout: a transcript label, a signed quote or letter. */
static void score_layout(const qt_instance *in, const credscore_passage *p, credscore_sink *sink)
{
    qt_part span;
    memset(&span, 0, sizeof(span));
    if (qt_speaker_label(in->words, p->text, p->len, &span.start, &span.end))
        emit(in, sink, "on_record", "speaker-label", &span, 0.6,
             "Transcript speaker label: the words that follow are attributed to this speaker");
    if (qt_signoff(in->words, p->text, p->len, &span.start, &span.end))
        emit(in, sink, "on_record", "signed", &span, 0.6,
             "Signed quotation or letter: attributed to the person who signs it");
}

/* Keep the last sentence of the passage (and its quote spans): a speaker
 * there may introduce the next passage's quote. */
static void keep_tail(qt_doc *d, const credscore_passage *p, const qt_part *parts, size_t n)
{
    size_t tail = p->len > QT_TAIL_BYTES ? p->len - QT_TAIL_BYTES : 0;
    if (p->n_sentences && p->sentences) {
        size_t s = p->sentences[p->n_sentences - 1].start;
        if (s > tail && s <= p->len)
            tail = s;
    }
    d->tail_len = p->len - tail;
    memcpy(d->tail, p->text + tail, d->tail_len);
    d->tail_nq = 0;
    for (size_t k = 0; k < n && d->tail_nq < QT_TAIL_QUOTES; k++) {
        if (parts[k].end <= tail)
            continue;
        qt_part *q = &d->tail_q[d->tail_nq++];
        *q = parts[k];
        q->start = q->start > tail ? q->start - tail : 0;
        q->end -= tail;
    }
    d->prev_kind = -1;
}

static int qt_score_passage(void *instance, void *doc_state, const credscore_document *doc,
                            const credscore_passage *passage, credscore_sink *sink)
{
    qt_instance *in = instance;
    qt_doc *d = doc_state;
    qt_doc local_doc;
    qt_part stack_parts[QT_STACK_PARTS];
    qt_part *parts = stack_parts;
    size_t cap = QT_STACK_PARTS;
    (void)doc;

    if (!in || !passage || !passage->text)
        return -1;
    if (!d) { /* no document state: every passage stands alone */
        memset(&local_doc, 0, sizeof(local_doc));
        d = &local_doc;
        d->prev_kind = QT_SPK_NONE;
    } else if (d->parts) {
        parts = d->parts;
        cap = d->cap;
    }
    size_t n = qt_scan(passage->text, passage->len, d->open, in->count_to, parts, cap);
    if (n == cap && d != &local_doc) {
        /* maybe more: grow to the number of quote marks and scan again */
        size_t marks = 0;
        for (size_t i = 0; i < passage->len; i++) {
            unsigned char c = (unsigned char)passage->text[i];
            marks += c == '"' || c == 0xE2 || c == 0xC2;
        }
        size_t want = marks / 2 + 2;
        if (want > cap) {
            qt_part *np = d->al.alloc(want * sizeof(*np));
            if (!np)
                return -1;
            if (d->parts)
                d->al.free(d->parts);
            d->parts = parts = np;
            d->cap = cap = want;
            n = qt_scan(passage->text, passage->len, d->open, in->count_to, parts, cap);
        }
    }
    score_parts(in, d, passage, parts, n, sink);
    score_layout(in, passage, sink);
    d->scored++;

    if (d != &local_doc)
        keep_tail(d, passage, parts, n);
    return 0;
}

/* The options qt_create reads, and the rules the plugin emits. */
static const credscore_option qt_options[] = {
    {"orphan_min_words", "int, default 6: shortest unattributed quote flagged"},
    {"orphan_strict", "bool, default true: flag an orphan only when it is the whole passage"},
    {"strict_min_words", "int, default 12: shortest orphan flagged under orphan_strict"},
    {NULL, NULL}};

static const credscore_rule_info qt_rules[] = {
    {"attributed-quote", "on_record",
     "A direct quotation with a named speaker, pronoun or title in or next to its sentence.",
     NULL},
    {"orphan-quote", "anonymous", "A direct quotation nobody is said to have spoken.",
     "Say who said it, in the same or the next sentence."},
    {"speaker-label", "on_record",
     "A transcript speaker label (\"MODERATOR: ...\"): the words are that speaker's.", NULL},
    {"signed", "on_record", "A quotation or letter signed by the person it is from.", NULL},
    {NULL, NULL, NULL, NULL}};

static const credscore_plugin qt_descriptor = {
    CREDSCORE_PLUGIN_HEADER,
    .name = "quotes",
    .version = "1.0.0",
    .license = "MIT",
    .description = "Direct quotations: attributed to a speaker, or orphaned",
    .markers = qt_markers,
    .flags = CREDSCORE_PLUGIN_THREAD_SAFE,
    .create = qt_create,
    .destroy = qt_destroy,
    .score_passage = qt_score_passage,
    .begin_document = qt_begin_document,
    .end_document = qt_end_document,
    .options = qt_options,
    .rules = qt_rules,
};

/* The plugin's entry point: returns the descriptor. */
CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
    return &qt_descriptor;
}
