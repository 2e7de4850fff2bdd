/*
 * plugin.c - the credscore ABI face of the attribution plugin.
 *
 * Contract: exports credscore_plugin_entry and nothing else.  The instance
 * (the lexicon) is read-only after create, and everything that changes
 * while scoring lives in the per-document state, so the plugin declares
 * CREDSCORE_PLUGIN_THREAD_SAFE.  Options: `outlets` (list of strings) adds
 * outlet names to the built-in list.  Findings: markers on_record,
 * anonymous, institutional, media; spans are byte ranges of the passage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credscore/plugin.h"

#include "attribution.h"
#include "lexicon.h"
#include "names.h"
#include "tokenizer.h"
#include "utf8.h"

/* Most tokens analysed in one sentence (a longer sentence is cut). */
#define AT_MAX_SENT_TOKENS 16384
/* Tokens on the stack when the host gives no document state. */
#define AT_STACK_TOKENS 512
/* Hits of one sentence. */
#define AT_MAX_HITS 64
/* Configured outlets read at create. */
#define AT_MAX_OUTLETS 1024

typedef struct at_instance {
    const credscore_host *host;
    at_alloc al;
    at_lexicon *lx;
} at_instance;

typedef struct at_docstate {
    at_alloc al;
    at_names names;
    at_names orgs;
    at_class last_thing; /* what a later "it said" stands for */
    at_tok *toks;
    size_t tcap;
} at_docstate;

static const char *const at_markers[] = {"on_record", "anonymous", "institutional", "media",
                                        "vague",     NULL};

static void *std_alloc(size_t n)
{
    return malloc(n);
}

static void std_free(void *p)
{
    free(p);
}

static const char *marker_name(at_class c)
{
    switch (c) {
    case AT_ONREC:
        return "on_record";
    case AT_ANON:
        return "anonymous";
    case AT_INST:
        return "institutional";
    case AT_MEDIA:
        return "media";
    case AT_VAGUE:
        return "vague";
    default:
        return NULL;
    }
}

static const char *rule_name(at_rule r)
{
    switch (r) {
    case AT_R_NAMED:
        return "named-speaker";
    case AT_R_SURNAME:
        return "surname";
    case AT_R_PRONOUN:
        return "pronoun";
    case AT_R_TITLE:
        return "title";
    case AT_R_UNNAMED:
        return "unnamed-source";
    case AT_R_EXPLAINED:
        return "anonymity-explained";
    case AT_R_KNOWLEDGE:
        return "source-knowledge";
    case AT_R_BARE:
        return "bare-source";
    case AT_R_INST:
        return "institution";
    case AT_R_OUTLET:
        return "outlet";
    case AT_R_CROWD:
        return "crowd";
    default:
        return "attribution";
    }
}

/* Append s[0..n) to msg (capacity cap, *o bytes used), cutting it as
 * snprintf would; msg stays NUL-terminated. */
static void msg_put(char *msg, size_t cap, size_t *o, const char *s, size_t n)
{
    if (*o + n > cap - 1)
        n = cap - 1 - *o;
    memcpy(msg + *o, s, n);
    *o += n;
    msg[*o] = '\0';
}

/* The words around the quoted source of each rule's message: what kind of
 * source it was typed as, then (after the cue) what to do about it. */
static void message_parts(const at_hit *h, const char **before, const char **after)
{
    *after = "";
    switch (h->rule) {
    case AT_R_NAMED:
        *before = "On record: named speaker \"";
        break;
    case AT_R_SURNAME:
        *before = h->surname_seen ? "On record: surname of a person named earlier \""
                                  : "On record: capitalised surname \"";
        break;
    case AT_R_PRONOUN:
        *before = "On record: pronoun for a speaker named in the article \"";
        break;
    case AT_R_TITLE:
        *before = "On record: a unique title pointing to one person \"";
        break;
    case AT_R_UNNAMED:
        *before = "Anonymous source: unnamed person \"";
        *after = "; say who, or why not";
        break;
    case AT_R_EXPLAINED:
        *before = "Anonymous source, but the reason for anonymity is given: unnamed person \"";
        *after = "; still missing: how the source knows, or a name";
        break;
    case AT_R_KNOWLEDGE:
        *before = "Anonymous source, but how the source knows is given: unnamed person \"";
        *after = "; still missing: why anonymity was granted, or a name";
        break;
    case AT_R_BARE:
        *before = "Bare 'a source': unnamed person \"";
        *after = "; says nothing about who the source is or how they know";
        break;
    case AT_R_INST:
        *before = "Institutional source: organisation or document \"";
        break;
    case AT_R_OUTLET:
        *before = "Media source: outlet \"";
        *after = " (another outlet's reporting)";
        break;
    case AT_R_CROWD:
        *before = "Vague source: generic crowd \"";
        *after = "; which of them, and who?";
        break;
    default:
        *before = "Attribution: \"";
        break;
    }
}

/* Append a clipped copy of text[a..b) (control characters read as spaces). */
static void msg_quote(char *msg, size_t cap, size_t *o, const char *text, size_t a, size_t b)
{
    char quote[104];
    size_t n = at_utf8_clip(text + a, b - a, 96), q = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[a + i];
        quote[q++] = (char)((c < 0x20 || c == 0x7F) ? ' ' : c);
    }
    if (n < b - a) {
        memcpy(quote + q, "...", 3);
        q += 3;
    }
    msg_put(msg, cap, o, quote, q);
}

/* One readable line for a hit: the type it was given, its source and its
 * cue, e.g. `On record: named speaker "Carla Mendes" (cue "said")`.
 * cap >= 1. */
static void hit_message(const at_hit *h, const char *text, char *msg, size_t cap)
{
    const char *before, *after;
    size_t o = 0, sa = h->src_start, sb = h->src_end;
    if (sb <= sa || sb > h->end || sa < h->start) {
        sa = h->start;
        sb = h->end;
    }
    message_parts(h, &before, &after);
    msg[0] = '\0';
    msg_put(msg, cap, &o, before, strlen(before));
    msg_quote(msg, cap, &o, text, sa, sb);
    msg_put(msg, cap, &o, "\"", 1);
    if (h->cue_end > h->cue_start && h->cue_start >= h->start && h->cue_end <= h->end) {
        msg_put(msg, cap, &o, " (cue \"", 7);
        msg_quote(msg, cap, &o, text, h->cue_start, h->cue_end);
        msg_put(msg, cap, &o, "\")", 2);
    }
    msg_put(msg, cap, &o, after, strlen(after));
}

static int at_create(const credscore_host *host, const credscore_options *opts, void **instance,
                     char *err, size_t errlen)
{
    int rc = -1;
    const char **outlets = NULL;
    size_t n_outlets = 0;
    at_instance *in = NULL;
    at_alloc al = {std_alloc, std_free};

    if (!host || !instance) {
        snprintf(err, errlen, "attribution: no host");
        goto out;
    }
    if (CREDSCORE_HOST_HAS(host, alloc) && CREDSCORE_HOST_HAS(host, free)) {
        al.alloc = host->alloc;
        al.free = host->free;
    }
    if (opts && CREDSCORE_HOST_HAS(host, option_list_count) &&
        CREDSCORE_HOST_HAS(host, option_list_item)) {
        n_outlets = host->option_list_count(opts, "outlets");
        if (n_outlets > AT_MAX_OUTLETS) {
            snprintf(err, errlen, "option outlets: at most %d names", AT_MAX_OUTLETS);
            goto out;
        }
        if (n_outlets) {
            outlets = al.alloc(n_outlets * sizeof(*outlets));
            if (!outlets) {
                snprintf(err, errlen, "out of memory");
                goto out;
            }
            for (size_t i = 0; i < n_outlets; i++)
                outlets[i] = host->option_list_item(opts, "outlets", i);
        }
    }
    in = al.alloc(sizeof(*in));
    if (!in) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    memset(in, 0, sizeof(*in));
    in->host = host;
    in->al = al;
    if (at_lexicon_build(&in->lx, (const char *const *)outlets, n_outlets, &al, err, errlen) != 0)
        goto out;
    *instance = in;
    in = NULL;
    rc = 0;
out:
    if (in)
        al.free(in);
    if (outlets)
        al.free(outlets);
    return rc;
}

static void at_destroy(void *instance)
{
    at_instance *in = instance;
    if (!in)
        return;
    at_lexicon_free(in->lx);
    in->al.free(in);
}

static int at_begin_document(void *instance, const credscore_document *doc, void **doc_state)
{
    at_instance *in = instance;
    (void)doc;
    at_docstate *ds = in->al.alloc(sizeof(*ds));
    if (!ds)
        return -1;
    memset(ds, 0, sizeof(*ds));
    ds->al = in->al;
    at_names_init(&ds->names, &in->al);
    at_names_init(&ds->orgs, &in->al);
    ds->last_thing = AT_NONE;
    *doc_state = ds;
    return 0;
}

static void at_end_document(void *instance, void *doc_state)
{
    at_docstate *ds = doc_state;
    (void)instance;
    if (!ds)
        return;
    at_names_free(&ds->names);
    at_names_free(&ds->orgs);
    if (ds->toks)
        ds->al.free(ds->toks);
    ds->al.free(ds);
}

/* Make room for n tokens in the document's scratch buffer. */
static int reserve_tokens(at_docstate *ds, size_t n)
{
    if (n > AT_MAX_SENT_TOKENS)
        n = AT_MAX_SENT_TOKENS;
    if (n <= ds->tcap)
        return 0;
    size_t cap = ds->tcap ? ds->tcap : 256;
    while (cap < n)
        cap *= 2;
    if (cap > AT_MAX_SENT_TOKENS)
        cap = AT_MAX_SENT_TOKENS;
    at_tok *t = ds->al.alloc(cap * sizeof(*t));
    if (!t)
        return -1;
    if (ds->toks)
        ds->al.free(ds->toks);
    ds->toks = t;
    ds->tcap = cap;
    return 0;
}

/* Analyse text[start..end) and emit its findings. */
static int score_range(at_instance *in, at_docstate *ds, at_tok *stack_toks,
                       const credscore_passage *p, size_t start, size_t end, credscore_sink *sink)
{
    at_hit hits[AT_MAX_HITS];
    size_t nhits = 0;
    at_tok *toks = stack_toks;
    size_t tcap = AT_STACK_TOKENS;
    at_names *names = NULL, *orgs = NULL;
    at_class *last_thing = NULL;
    char msg[400];

    if (ds) {
        if (reserve_tokens(ds, end - start + 1) != 0)
            return -1;
        toks = ds->toks;
        tcap = ds->tcap;
        names = &ds->names;
        orgs = &ds->orgs;
        last_thing = &ds->last_thing;
    }
    if (at_analyse_sentence(in->lx, names, orgs, last_thing, p->text, p->len, start, end, toks,
                            tcap, hits, AT_MAX_HITS, &nhits) != 0)
        return -1;
    for (size_t i = 0; i < nhits; i++) {
        const at_hit *h = &hits[i];
        credscore_finding f;
        if (h->start >= h->end || h->end > p->len)
            continue;
        memset(&f, 0, sizeof(f));
        f.struct_size = sizeof(f);
        f.marker = marker_name(h->cls);
        f.rule = rule_name(h->rule);
        f.start = h->start;
        f.end = h->end;
        f.confidence = h->conf;
        f.has_weight = h->has_weight;
        f.weight = h->weight;
        hit_message(h, p->text, msg, sizeof(msg));
        f.message = msg;
        if (!f.marker)
            continue;
        in->host->emit(sink, &f); /* a dropped finding is logged by the host */
    }
    return 0;
}

/* Score every sentence of a passage (with a token buffer on the stack when
 * there is no document state). */
/* Does text[a..b) start (after spaces) with a lower-case ASCII letter? */
static int starts_lower(const char *text, size_t a, size_t b)
{
    while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\n'))
        a++;
    return a < b && text[a] >= 'a' && text[a] <= 'z';
}

static int score_sentences(at_instance *in, at_docstate *ds, at_tok *stack_toks,
                           const credscore_passage *passage, credscore_sink *sink)
{
    if (passage->n_sentences == 0 || !passage->sentences)
        return score_range(in, ds, stack_toks, passage, 0, passage->len, sink);
    size_t done = 0;
    for (size_t i = 0; i < passage->n_sentences; i++) {
        size_t a = passage->sentences[i].start, b = passage->sentences[i].end;
        if (b > passage->len)
            b = passage->len;
        if (a < done)
            a = done; /* overlapping spans: never analyse a byte twice */
        if (a >= b)
            continue;
        /* a split no sentence makes: "Orlen Freight Inc. | said in a filing"
         * (the next "sentence" starts in lower case): analyse them as one */
        while (i + 1 < passage->n_sentences && passage->sentences[i + 1].start >= b &&
               passage->sentences[i + 1].end <= passage->len &&
               starts_lower(passage->text, passage->sentences[i + 1].start,
                            passage->sentences[i + 1].end)) {
            i++;
            b = passage->sentences[i].end;
        }
        if (score_range(in, ds, stack_toks, passage, a, b, sink) != 0)
            return -1;
        done = b;
    }
    return 0;
}

static int at_score_passage(void *instance, void *doc_state, const credscore_document *doc,
                            const credscore_passage *passage, credscore_sink *sink)
{
    at_instance *in = instance;
    (void)doc;
    if (!in || !passage || !passage->text)
        return -1;
    if (doc_state)
        return score_sentences(in, doc_state, NULL, passage, sink);
    at_tok stack_toks[AT_STACK_TOKENS];
    return score_sentences(in, NULL, stack_toks, passage, sink);
}

/* The options create reads, and the rules score_range emits (rule_name). */
static const credscore_option at_options[] = {
    {"outlets", "list of outlet names added to the built-in list (at most 1024)"},
    {NULL, NULL}};

static const credscore_rule_info at_rules[] = {
    {"named-speaker", "on_record", "A claim attributed to a person named in full.", NULL},
    {"surname", "on_record", "A claim attributed to a person named earlier, by surname.", NULL},
    {"pronoun", "on_record", "A claim attributed by a pronoun to a person named earlier.", NULL},
    {"title", "on_record", "A claim attributed to a person by title (\"the fire chief said\").",
     "Give the person's name with the title where it is known."},
    {"unnamed-source", "anonymous", "A claim attributed to an unnamed official or source.",
     "Name the source, or say why anonymity was granted and how the source knows."},
    {"anonymity-explained", "anonymous",
     "An unnamed source whose anonymity is explained (why it was granted).", NULL},
    {"source-knowledge", "anonymous",
     "An unnamed source described by how they know (\"who attended the meeting\").", NULL},
    {"bare-source", "anonymous", "A bare \"a source said\": no description at all.",
     "Describe the source (role, how they know) or name them."},
    {"institution", "institutional", "A claim attributed to an organisation.", NULL},
    {"outlet", "media", "A claim attributed to another news outlet.",
     "Check the outlet's report yourself, or say the claim is theirs."},
    {"crowd", "vague", "A claim attributed to an unnamed group (\"critics say\").",
     "Say who: name at least one member of the group."},
    {"attribution", NULL, "Another attribution the plugin recognised.", NULL},
    {NULL, NULL, NULL, NULL}};

static const credscore_plugin at_descriptor = {
    CREDSCORE_PLUGIN_HEADER,
    .name = "attribution",
    .version = "1.0.0",
    .license = "MIT",
    .description = "Who says what: named, anonymous, institutional and media sources",
    .markers = at_markers,
    .flags = CREDSCORE_PLUGIN_THREAD_SAFE,
    .create = at_create,
    .destroy = at_destroy,
    .score_passage = at_score_passage,
    .begin_document = at_begin_document,
    .end_document = at_end_document,
    .options = at_options,
    .rules = at_rules,
};

/* The plugin's entry point: returns the descriptor (host is not needed). */
CREDSCORE_EXPORT const credscore_plugin *credscore_plugin_entry(const credscore_host *host)
{
    (void)host;
    return &at_descriptor;
}
