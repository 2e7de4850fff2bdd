/*
 * scorer.c - scoring a document: per passage the phrase matcher once, then
 * phrase, regex and check rules and the plugins; then the merge.  The
 * scorer is built by scorer_load.c.
 */
#include "scorer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "merge.h"
#include "scorer_state.h"
#include "suppress.h"
#include "weight_policy.h"

/* Set the crash note to the concatenation of the NULL-terminated list of
 * strings, cut to fit as snprintf would (it is written for every passage
 * and plugin, so without formatting).  Nothing when there is no note. */
static void set_crash_note(cs_scorer *s, const char *const *parts)
{
    if (s->crash_note == NULL || s->crash_note_size == 0)
        return;
    size_t n = 0, room = s->crash_note_size - 1;
    for (; *parts != NULL && n < room; parts++) {
        size_t len = strlen(*parts);
        if (len > room - n)
            len = room - n;
        memcpy(s->crash_note + n, *parts, len);
        n += len;
    }
    s->crash_note[n] = '\0';
}

/* The same for one string of known length. */
static void set_crash_note_n(cs_scorer *s, const char *note, size_t len)
{
    if (s->crash_note == NULL || s->crash_note_size == 0)
        return;
    if (len > s->crash_note_size - 1)
        len = s->crash_note_size - 1;
    memcpy(s->crash_note, note, len);
    s->crash_note[len] = '\0';
}

/* ---- emitting findings ---- */

static double clamp01(double c)
{
    if (!(c >= 0)) /* also NaN from a plugin */
        return 0;
    return c > 1 ? 1 : c;
}

static int add_rule_finding(cs_scorer *s, const cs_rule *r, size_t start, size_t end,
                            const char *msg, double conf, int has_w, double w)
{
    const cs_marker_conf *m = &s->cfg->markers[r->marker];
    cs_finding f = {0};
    f.marker = r->marker;
    f.rule_id = r->id;
    f.source = r->source;
    f.message = r->message ? r->message : m->message;
    if (msg && (f.message = cs_result_strdup(s->res, msg, strlen(msg))) == NULL)
        return -1;
    f.passage = s->passage;
    f.start = start;
    f.end = end;
    f.confidence = clamp01(conf);
    f.weight = cs_policy_weight(s->cfg, r->marker, r->override, has_w || r->has_weight,
                                has_w ? w : r->weight);
    f.level = cs_policy_level(s->cfg, r->marker, r->override, r->has_level, r->level);
    return cs_result_add(s->res, &f) ? 0 : -1;
}

static int plugin_accept(void *ctx, cs_plugin *pl, int marker, const char *rule_id,
                         const credscore_finding *pf)
{
    cs_scorer *s = ctx;
    const cs_marker_conf *m = &s->cfg->markers[marker];
    const cs_rule_override *ov = cs_config_override(s->cfg, rule_id);
    if (ov && !ov->enabled)
        return 0;
    cs_finding f = {0};
    f.marker = marker;
    f.rule_id = rule_id;
    f.source = pl->source;
    f.message = m->message;
    if (pf->message &&
        (f.message = cs_result_strdup(s->res, pf->message, strlen(pf->message))) == NULL)
        return -1;
    f.passage = s->passage;
    f.start = pf->start;
    f.end = pf->end;
    f.confidence = clamp01(pf->confidence);
    f.weight = cs_policy_weight(s->cfg, marker, ov, pf->has_weight, pf->weight);
    f.level = cs_policy_level(s->cfg, marker, ov, 0, CS_LEVEL_INFO);
    return cs_result_add(s->res, &f) ? 0 : -1;
}

static int check_emit(void *ctx, size_t start, size_t end, const char *message, double conf,
                      int has_w, double w)
{
    cs_scorer *s = ctx;
    return add_rule_finding(s, s->cur_rule, start + s->check_offset, end + s->check_offset,
                            message, conf, has_w, w);
}

/* ---- one passage ---- */

static uint32_t sentence_of(const credscore_span *sent, size_t nsent, size_t off)
{
    size_t lo = 0, hi = nsent;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (sent[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static int on_hit(void *ctx, uint32_t id, size_t start, size_t end)
{
    cs_scorer *s = ctx;
    void *items = s->found;
    if (cs_array_grow(&items, &s->found_cap, s->nfound + 1, sizeof(hit)) != 0)
        return -1;
    s->found = items;
    s->found[s->nfound++] = (hit){id, 0, start, end};
    return 0;
}

int cs_scorer_scan_pass(cs_scorer *s, const cs_document *const *docs, size_t n, cs_diag *d)
{
    size_t np = 0;
    for (size_t k = 0; k < n; k++)
        np += docs[k]->npassages;
    void *items = s->passage_hits;
    if (cs_array_grow(&items, &s->passages_cap, np + 1, sizeof(size_t)) != 0)
        return cs_diag_set(d, "out of memory");
    s->passage_hits = items;
    s->nfound = 0;
    np = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t pi = 0; pi < docs[k]->npassages; pi++) {
            const cs_passage *p = &docs[k]->passages[pi];
            s->passage_hits[np++] = s->nfound;
            if (cs_matcher_scan(s->rules.matcher, cs_doc_text(docs[k], p), p->len, on_hit, s) != 0)
                return cs_diag_set(d, "out of memory");
        }
    s->passage_hits[np] = s->nfound;
    return 0;
}

/* Make the hits of scan-pass passage `at` the current passage's: their
 * sentences (the passage's sentence spans: sent, nsent), and each needs
 * phrase's mark on its rule (phrase_stamp, regex_due). */
static void take_hits(cs_scorer *s, size_t at, const credscore_span *sent, size_t nsent)
{
    s->hits = s->found + s->passage_hits[at];
    s->nhits = s->passage_hits[at + 1] - s->passage_hits[at];
    memcpy(s->regex_due, s->regex_always, s->regex_words * sizeof(uint64_t));
    for (size_t k = 0; k < s->nhits; k++) {
        hit *h = &s->hits[k];
        h->sent = sentence_of(sent, nsent, h->start);
        const cs_phrase_ref *ref = &s->rules.phrases[h->phrase];
        if (ref->role == CS_ROLE_NEEDS) {
            s->phrase_stamp[ref->rule] = s->serial;
            uint32_t place = s->regex_place[ref->rule];
            if (place != UINT32_MAX)
                s->regex_due[place / 64] |= 1ull << (place % 64);
        }
    }
}

static int rule_applies(const cs_rule *r, unsigned scopes)
{
    return r->enabled && !r->failed && (r->select == 0 || (r->select & scopes));
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Collect the passage's unless hits as sorted (rule, sentence) keys. */
static int collect_unless(cs_scorer *s)
{
    s->nunless = 0;
    for (size_t k = 0; k < s->nhits; k++) {
        const cs_phrase_ref *ref = &s->rules.phrases[s->hits[k].phrase];
        if (ref->role != CS_ROLE_UNLESS)
            continue;
        void *items = s->unless;
        if (cs_array_grow(&items, &s->unless_cap, s->nunless + 1, sizeof(uint64_t)) != 0)
            return -1;
        s->unless = items;
        s->unless[s->nunless++] = (uint64_t)ref->rule << 32 | s->hits[k].sent;
    }
    if (s->nunless > 1)
        qsort(s->unless, s->nunless, sizeof(uint64_t), cmp_u64);
    return 0;
}

/* Is a hit in sentence `sent` cancelled by an unless phrase of the rule
 * (anywhere in the passage for passage-scope rules)?  Binary search. */
static int cancelled(const cs_scorer *s, size_t rule, const cs_rule *r, uint32_t sent)
{
    uint64_t lo_key = (uint64_t)rule << 32 | (r->passage_scope ? 0 : sent);
    uint64_t hi_key = (uint64_t)rule << 32 | (r->passage_scope ? UINT32_MAX : sent);
    size_t lo = 0, hi = s->nunless;
    while (lo < hi) { /* first key >= lo_key */
        size_t mid = (lo + hi) / 2;
        if (s->unless[mid] < lo_key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nunless && s->unless[lo] <= hi_key;
}

static int push_cand(cs_scorer *s, size_t start, size_t end)
{
    void *items = s->cands;
    if (cs_array_grow(&items, &s->cands_cap, s->ncands + 1, sizeof(cand)) != 0)
        return -1;
    s->cands = items;
    s->cands[s->ncands++] = (cand){start, end};
    return 0;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    return lx > ly ? -1 : lx < ly; /* longest first at the same start */
}

/* Emit a rule's candidate spans without overlaps: sorted by start, a span
 * that overlaps the one kept before it replaces it only when longer. */
static int flush_cands(cs_scorer *s, const cs_rule *r)
{
    if (s->ncands > 1)
        qsort(s->cands, s->ncands, sizeof(cand), cmp_cand);
    size_t kept = 0;
    for (size_t i = 0; i < s->ncands; i++) {
        cand c = s->cands[i];
        if (kept > 0 && c.start < s->cands[kept - 1].end) {
            cand *last = &s->cands[kept - 1];
            if (c.end - c.start > last->end - last->start)
                *last = c;
            continue;
        }
        s->cands[kept++] = c;
    }
    for (size_t i = 0; i < kept; i++)
        if (add_rule_finding(s, r, s->cands[i].start, s->cands[i].end, NULL, r->confidence, 0,
                             0) != 0)
            return -1;
    s->ncands = 0;
    return 0;
}

static int run_phrase_rules(cs_scorer *s, unsigned scopes)
{
    /* Hits arrive in end order; group them per rule (a few per passage). */
    for (size_t k = 0; k < s->nhits; k++) {
        const cs_phrase_ref *ref = &s->rules.phrases[s->hits[k].phrase];
        if (ref->role != CS_ROLE_HIT)
            continue;
        size_t rule = ref->rule;
        const cs_rule *r = &s->rules.rules[rule];
        /* The first hit of each rule handles all of its hits. */
        if (s->done_stamp[rule] == s->serial || !rule_applies(r, scopes))
            continue;
        s->done_stamp[rule] = s->serial;
        s->ncands = 0;
        for (size_t j = k; j < s->nhits; j++) {
            const hit *h = &s->hits[j];
            const cs_phrase_ref *rj = &s->rules.phrases[h->phrase];
            if (rj->role != CS_ROLE_HIT || rj->rule != rule)
                continue;
            if (r->has_unless && cancelled(s, rule, r, h->sent))
                continue;
            if (push_cand(s, h->start, h->end) != 0)
                return -1;
        }
        if (flush_cands(s, r) != 0)
            return -1;
    }
    return 0;
}

static int rule_failed(cs_scorer *s, cs_rule *r, cs_diag *d)
{
    if (!s->lenient)
        return -1;
    r->failed = 1;
    s->nfailed++;
    free(r->fail_reason);
    r->fail_reason = cs_strdup(d->msg);
    if (s->quiet_disable)
        return 0;
    char line[CS_DIAG_MAX + 64];
    snprintf(line, sizeof line, "%s; rule '%s' disabled for the rest of the run", d->msg, r->id);
    s->log(s->log_ctx, CREDSCORE_LOG_WARN, line);
    return 0;
}

/* Regex rules start on PCRE2's interpreter and are JIT compiled once this
 * scorer has seen CS_JIT_AFTER bytes of text: for one draft, compiling
 * costs more than it saves (the JIT's code pages are a good part of a cold
 * start); for a stream, it pays back at once.  Each scorer owns its rules,
 * so this touches nothing another scorer uses.  Matches are the same
 * either way: a match that outgrows the JIT's stack (32 KiB by default)
 * is run again on the interpreter, which starts every scorer. */
#define CS_JIT_AFTER (64u * 1024)

static void jit_when_due(cs_scorer *s, size_t len)
{
    s->text_seen += len;
    if (s->jitted || s->text_seen < CS_JIT_AFTER)
        return;
    s->jitted = 1;
    cs_matcher_compact(s->rules.matcher); /* a stream: the smaller table pays */
    for (size_t i = 0; i < s->nregex; i++) { /* best effort: the interpreter otherwise */
        cs_rule *r = &s->rules.rules[s->regex_rules[i]];
        r->jitted = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Where rule's needs hits of this passage begin, sorted, into s->starts;
 * returns their count, or (size_t)-1 when out of memory. */
static size_t needs_starts(cs_scorer *s, size_t rule)
{
    size_t n = 0;
    for (size_t k = 0; k < s->nhits; k++) {
        const cs_phrase_ref *ref = &s->rules.phrases[s->hits[k].phrase];
        if (ref->rule != rule || ref->role != CS_ROLE_NEEDS)
            continue;
        void *items = s->starts;
        if (cs_array_grow(&items, &s->starts_cap, n + 1, sizeof(size_t)) != 0)
            return (size_t)-1;
        s->starts = items;
        s->starts[n++] = s->hits[k].start;
    }
    if (n > 1)
        qsort(s->starts, n, sizeof(size_t), cmp_size);
    return n;
}

/* Collect rule r's matches starting in text[from..limit] (limit inclusive;
 * the whole subject stays visible to lookarounds) as candidates.  Returns 0,
 * 1 when the rule failed and was disabled (lenient), or -1 with d set. */
static int regex_window(cs_scorer *s, size_t rule, const cs_rule *r, const char *text,
                        size_t len, const credscore_span *sent, size_t nsent, size_t from,
                        size_t limit, size_t *resume, cs_diag *d)
{
    pcre2_set_offset_limit(s->mctx, limit);
    PCRE2_SIZE off = from;
    while (off <= limit && off <= len) {
        /* (pcre2_jit_match: the JIT code without pcre2_match's checks of
         * arguments known good here, about a tenth of a short search) */
        int m = r->jitted ? pcre2_jit_match(r->re, (PCRE2_SPTR)text, len, off, 0, s->md, s->mctx)
                          : pcre2_match(r->re, (PCRE2_SPTR)text, len, off, 0, s->md, s->mctx);
        if (m == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter's own limits are larger */
            m = pcre2_match(r->re, (PCRE2_SPTR)text, len, off, PCRE2_NO_JIT, s->md, s->mctx);
        if (m == PCRE2_ERROR_NOMATCH)
            break;
        if (m < 0) { /* match limit, heap limit ...: like any failing rule */
            PCRE2_UCHAR buf[200];
            pcre2_get_error_message(m, buf, sizeof buf);
            cs_diag_at(d, r->file, r->line, 0, "rule '%s': regex failed: %s", r->id,
                       (const char *)buf);
            s->ncands = 0;
            return rule_failed(s, (cs_rule *)r, d) != 0 ? -1 : 1;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
        size_t ms = ov[0], me = ov[1];
        uint32_t si = sentence_of(sent, nsent, ms);
        int crosses = !r->passage_scope && nsent && me > sent[si].end;
        if (me > ms && !crosses && !(r->has_unless && cancelled(s, rule, r, si)))
            if (push_cand(s, ms, me) != 0)
                return cs_diag_set(d, "out of memory");
        off = me > ms ? me : me + 1;
        while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
            off++; /* never restart inside a UTF-8 character */
        if (resume)
            *resume = off;
    }
    return 0;
}

/* A starts_with_needs rule: one try at each needs hit's start, left to right,
 * none inside an earlier match (what a search from the passage start finds
 * when every match begins at a needs phrase). */
static int regex_at_needs(cs_scorer *s, size_t rule, const cs_rule *r, const char *text,
                          size_t len, const credscore_span *sent, size_t nsent, cs_diag *d)
{
    size_t n = needs_starts(s, rule);
    if (n == (size_t)-1)
        return cs_diag_set(d, "out of memory");
    size_t resume = 0;
    for (size_t k = 0; k < n; k++) {
        if (s->starts[k] < resume || (k > 0 && s->starts[k] == s->starts[k - 1]))
            continue;
        int rc = regex_window(s, rule, r, text, len, sent, nsent, s->starts[k], s->starts[k],
                              &resume, d);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* credscore test: does a search from the passage start find exactly what
 * the shortcut (regex_at_needs, regex_near_needs, regex_upto_needs) found
 * (now in s->cands)?
 * 0, or -1 with d naming the rule and its broken promise. */
static int verify_needs_promise(cs_scorer *s, size_t rule, const cs_rule *r, const char *text,
                                size_t len, const credscore_span *sent, size_t nsent, cs_diag *d)
{
    size_t nfound = s->ncands;
    int rc = regex_window(s, rule, r, text, len, sent, nsent, 0, len, NULL, d);
    if (rc != 0)
        return rc;
    for (size_t k = nfound; k < s->ncands; k++) {
        int seen = 0;
        for (size_t j = 0; j < nfound && !seen; j++)
            seen = s->cands[j].start == s->cands[k].start && s->cands[j].end == s->cands[k].end;
        if (!seen) {
            int n = (int)(s->cands[k].end - s->cands[k].start);
            const char *m = text + s->cands[k].start;
            if (r->has_within)
                cs_diag_at(d, r->file, r->line, 0,
                           "rule '%s' sets needs_within = %zu, but its regex also matches "
                           "\"%.*s\", which begins farther before its needs phrases",
                           r->id, r->needs_within, n, m);
            else if (r->holds_needs)
                cs_diag_at(d, r->file, r->line, 0,
                           "rule '%s' sets holds_needs, but its regex also matches \"%.*s\", "
                           "which begins after its sentence's needs phrases",
                           r->id, n, m);
            else
                cs_diag_at(d, r->file, r->line, 0,
                           "rule '%s' sets starts_with_needs, but its regex also matches \"%.*s\", "
                           "which does not begin with one of its needs phrases",
                           r->id, n, m);
            return -1;
        }
    }
    s->ncands = nfound;
    return 0;
}

static int is_blank_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Where the stretch of at most `within` bytes that ends at `at` begins, a
 * run of ASCII white space counting as one byte, moved on to the start of
 * a character (no match begins inside one). */
static size_t back_within(const char *text, size_t at, size_t within)
{
    size_t p = at, used = 0;
    while (p > 0 && used < within) {
        used++;
        if (is_blank_byte((unsigned char)text[p - 1]))
            while (p > 0 && is_blank_byte((unsigned char)text[p - 1]))
                p--;
        else
            p--;
    }
    while (p < at && ((unsigned char)text[p] & 0xC0) == 0x80)
        p++;
    return p;
}

/* A needs_within rule: matches are looked for only where they may begin,
 * in the stretches of r->needs_within bytes up to each needs phrase (see
 * back_within), within each sentence holding a needs phrase (the passage,
 * with passage scope), left to right with each search resuming after the
 * previous match: what the sentence's search from its start finds when
 * every match begins in such a stretch. */
static int regex_near_needs(cs_scorer *s, size_t rule, const cs_rule *r, const char *text,
                            size_t len, const credscore_span *sent, size_t nsent, cs_diag *d)
{
    size_t n = needs_starts(s, rule);
    if (n == (size_t)-1)
        return cs_diag_set(d, "out of memory");
    int whole = r->passage_scope || nsent == 0;
    uint32_t last = UINT32_MAX;
    for (size_t k = 0; k < n; k++) {
        size_t lo = 0, hi = len; /* the region searched: [lo, hi] as regex_window takes it */
        if (!whole) {
            uint32_t si = sentence_of(sent, nsent, s->starts[k]);
            if (si == last)
                continue;
            last = si;
            size_t end = sent[si].end < len ? sent[si].end : len;
            if (end <= sent[si].start)
                continue;
            lo = sent[si].start;
            hi = end - 1;
        } else if (k > 0) {
            break;
        }
        /* the stretches of every needs phrase (those of later sentences
         * too: a match may begin here and run on), merged, clipped */
        size_t resume = lo;
        for (size_t j = 0; j < n; j++) {
            size_t a = back_within(text, s->starts[j], r->needs_within), b = s->starts[j];
            while (j + 1 < n && back_within(text, s->starts[j + 1], r->needs_within) <= b + 1)
                b = s->starts[++j];
            if (b < lo || a > hi)
                continue;
            size_t from = a > resume ? a : resume, limit = b < hi ? b : hi;
            if (from > limit)
                continue;
            int rc = regex_window(s, rule, r, text, len, sent, nsent, from, limit, &resume, d);
            if (rc != 0)
                return rc;
        }
    }
    return 0;
}

/* A rule with `needs` searches only the sentences holding one of its needs
 * phrases (the passage, with passage scope, or without sentences), as a
 * check rule does: a match cannot cross a sentence anyway.  With
 * holds_needs, only the starts up to the last needs phrase of each. */
static int regex_upto_needs(cs_scorer *s, size_t rule, const cs_rule *r, const char *text,
                            size_t len, const credscore_span *sent, size_t nsent, cs_diag *d)
{
    size_t n = needs_starts(s, rule);
    if (n == (size_t)-1)
        return cs_diag_set(d, "out of memory");
    if (r->passage_scope || nsent == 0) {
        size_t limit = r->holds_needs && n > 0 ? s->starts[n - 1] : len;
        return regex_window(s, rule, r, text, len, sent, nsent, 0, limit, NULL, d);
    }
    /* each sentence holding a hit once: the starts are sorted */
    for (size_t k = 0; k < n; k++) {
        uint32_t si = sentence_of(sent, nsent, s->starts[k]);
        while (k + 1 < n && sentence_of(sent, nsent, s->starts[k + 1]) == si)
            k++; /* (s->starts[k]: the sentence's last needs phrase) */
        const credscore_span *sp = &sent[si];
        size_t end = sp->end < len ? sp->end : len;
        if (end <= sp->start)
            continue;
        size_t limit = r->holds_needs && s->starts[k] < end - 1 ? s->starts[k] : end - 1;
        int rc = regex_window(s, rule, r, text, len, sent, nsent, sp->start, limit, NULL, d);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* Run regex rule `rule` over a passage, as its needs fields allow: its
 * matches become findings.  0, or -1 with d set. */
static int run_regex_rule(cs_scorer *s, size_t rule, const char *text, size_t len,
                          const credscore_span *sent, size_t nsent, unsigned scopes, cs_diag *d)
{
    const cs_rule *r = &s->rules.rules[rule];
    if (!rule_applies(r, scopes))
        return 0;
    s->ncands = 0;
    int rc = 0;
    if (r->starts_with_needs) {
        rc = regex_at_needs(s, rule, r, text, len, sent, nsent, d);
        if (rc == 0 && s->verify_needs_starts)
            rc = verify_needs_promise(s, rule, r, text, len, sent, nsent, d);
    } else if (r->has_within) {
        rc = regex_near_needs(s, rule, r, text, len, sent, nsent, d);
        if (rc == 0 && s->verify_needs_starts)
            rc = verify_needs_promise(s, rule, r, text, len, sent, nsent, d);
    } else if (r->holds_needs || (r->has_needs && !r->passage_scope && nsent > 0)) {
        rc = regex_upto_needs(s, rule, r, text, len, sent, nsent, d);
        if (rc == 0 && r->holds_needs && s->verify_needs_starts)
            rc = verify_needs_promise(s, rule, r, text, len, sent, nsent, d);
    } else {
        rc = regex_window(s, rule, r, text, len, sent, nsent, 0, len, NULL, d);
    }
    if (rc < 0)
        return -1;
    if (flush_cands(s, r) != 0)
        return cs_diag_set(d, "out of memory");
    return 0;
}

/* Run the regex rules due in this passage (s->regex_due), in their order,
 * each as its needs fields allow. */
static int run_regex_rules(cs_scorer *s, const char *text, size_t len, const credscore_span *sent,
                           size_t nsent, unsigned scopes, cs_diag *d)
{
    jit_when_due(s, len);
    for (size_t w = 0; w < s->regex_words; w++)
        for (uint64_t due = s->regex_due[w]; due != 0; due &= due - 1) {
            size_t rule = s->regex_rules[w * 64 + (size_t)__builtin_ctzll(due)];
            int rc = run_regex_rule(s, rule, text, len, sent, nsent, scopes, d);
            if (rc != 0)
                return rc;
        }
    return 0;
}

static int run_check_rules(cs_scorer *s, const cs_passage *p, const char *text,
                           const credscore_span *sent, cs_diag *d)
{
    for (size_t i = 0; i < s->ncheck; i++) {
        size_t rule = s->check_rules[i];
        cs_rule *r = &s->rules.rules[rule];
        if (!rule_applies(r, p->scopes) || (r->has_needs && s->phrase_stamp[rule] != s->serial))
            continue;
        s->nspans = 0;
        for (size_t k = 0; k < s->nhits; k++) {
            const cs_phrase_ref *ref = &s->rules.phrases[s->hits[k].phrase];
            if (ref->rule != rule || ref->role != CS_ROLE_NEEDS)
                continue;
            void *items = s->spans;
            if (cs_array_grow(&items, &s->spans_cap, s->nspans + 1, sizeof(credscore_span)) != 0)
                return cs_diag_set(d, "out of memory");
            s->spans = items;
            s->spans[s->nspans++] = (credscore_span){s->hits[k].start, s->hits[k].end};
        }
        s->cur_rule = r;
        /* names the rule if it runs past the time limit */
        set_crash_note(s, (const char *const[]){"rule ", r->id, " (", r->source, ")", NULL});
        if (r->passage_scope || p->nsent == 0) {
            cs_check_input in = {text, p->len, s->passage, p->scopes, sent, p->nsent,
                                 s->spans, s->nspans};
            s->check_offset = 0;
            if (cs_lua_rules_check(&s->lua, r, &in, check_emit, s, d) != 0 &&
                rule_failed(s, r, d) != 0)
                return -1;
            continue;
        }
        /* Sentence scope: one call per sentence, positions relative to it. */
        for (size_t k = 0; k < p->nsent && !r->failed; k++) {
            credscore_span one = {0, sent[k].end - sent[k].start};
            size_t nh = 0;
            for (size_t h = 0; h < s->nspans; h++) /* keep the needs hits inside it */
                if (s->spans[h].start >= sent[k].start && s->spans[h].end <= sent[k].end)
                    nh++;
            if (r->has_needs && nh == 0)
                continue;
            credscore_span *local = s->spans + s->nspans; /* scratch after the hits */
            void *items = s->spans;
            if (cs_array_grow(&items, &s->spans_cap, s->nspans + nh + 1,
                              sizeof(credscore_span)) != 0)
                return cs_diag_set(d, "out of memory");
            s->spans = items;
            local = s->spans + s->nspans;
            size_t w = 0;
            for (size_t h = 0; h < s->nspans; h++)
                if (s->spans[h].start >= sent[k].start && s->spans[h].end <= sent[k].end)
                    local[w++] = (credscore_span){s->spans[h].start - sent[k].start,
                                                  s->spans[h].end - sent[k].start};
            cs_check_input in = {text + sent[k].start, one.end, s->passage, p->scopes, &one, 1,
                                 local, w};
            s->check_offset = sent[k].start;
            if (cs_lua_rules_check(&s->lua, r, &in, check_emit, s, d) != 0 &&
                rule_failed(s, r, d) != 0)
                return -1;
        }
    }
    if (s->crash_note)
        s->crash_note[0] = '\0';
    return 0;
}

int cs_scorer_plugin_pass(cs_scorer *s, size_t i, const cs_document *doc, cs_result *res,
                          cs_diag *d)
{
    cs_plugin *pl = s->plugins.items[i];
    credscore_document cdoc = {sizeof(credscore_document), doc->path, cs_format_name(doc->format),
                               doc->npassages};
    void *state = NULL;
    if (pl->desc.begin_document && pl->desc.begin_document(pl->instance, &cdoc, &state) != 0)
        return cs_diag_set(d, "plugin %s failed to begin the article", pl->desc.name);
    s->res = res;
    credscore_sink sink; /* field by field: its reason buffer is not zeroed per passage */
    sink.plugin = pl;
    sink.accept = plugin_accept;
    sink.ctx = s;
    int rc = 0;
    for (size_t pi = 0; pi < doc->npassages && rc == 0; pi++) {
        const cs_passage *p = &doc->passages[pi];
        const char *text = cs_doc_text(doc, p);
        credscore_passage cp = {sizeof(credscore_passage), text, p->len,
                                doc->sentences + p->sent_first, p->nsent, pi, p->scopes};
        s->passage = pi;
        sink.passage_len = p->len;
        sink.passage_text = text;
        sink.error[0] = '\0';
        set_crash_note_n(s, pl->crash_note, pl->crash_note_len);
        if (pl->desc.score_passage(pl->instance, state, &cdoc, &cp, &sink) != 0)
            /* with the reason it gave through host->set_error, if any */
            rc = cs_diag_set(d, "plugin %s failed on passage %zu%s%s", pl->desc.name, pi + 1,
                             sink.error[0] ? ": " : "", sink.error);
        if (s->crash_note)
            s->crash_note[0] = '\0';
    }
    if (pl->desc.end_document)
        pl->desc.end_document(pl->instance, state);
    s->res = NULL;
    return rc;
}

/* Lenient mode: every article scored while rules are disabled says which,
 * one line per rule, in res->warnings. */
static int note_disabled_rules(cs_scorer *s, cs_result *res)
{
    cs_buf b = {0};
    for (size_t i = 0; i < s->rules.nrules; i++) {
        const cs_rule *r = &s->rules.rules[i];
        if (r->failed && cs_buf_printf(&b, "%srule '%s' (%s) was disabled: %s", b.len ? "\n" : "",
                                       r->id, r->source,
                                       r->fail_reason ? r->fail_reason : "it failed") != 0) {
            cs_buf_free(&b);
            return -1;
        }
    }
    res->warnings = b.len ? cs_result_strdup(res, b.data, b.len) : NULL;
    int rc = b.len && res->warnings == NULL ? -1 : 0;
    cs_buf_free(&b);
    return rc;
}

int cs_scorer_rules_pass(cs_scorer *s, const cs_document *doc, size_t first, cs_result *res,
                         cs_diag *d)
{
    int rc = -1;
    cs_result_reset(res);
    s->res = res;
    for (size_t pi = 0; pi < doc->npassages; pi++) {
        const cs_passage *p = &doc->passages[pi];
        const char *text = cs_doc_text(doc, p);
        const credscore_span *sent = doc->sentences + p->sent_first;
        s->passage = pi;
        s->serial++;
        take_hits(s, first + pi, sent, p->nsent);
        if (collect_unless(s) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        if (run_phrase_rules(s, p->scopes) != 0) {
            cs_diag_set(d, "out of memory");
            goto out;
        }
        if (run_regex_rules(s, text, p->len, sent, p->nsent, p->scopes, d) != 0)
            goto out;
        if (run_check_rules(s, p, text, sent, d) != 0)
            goto out;
    }
    if (s->nfailed && note_disabled_rules(s, res) != 0) {
        cs_diag_set(d, "out of memory");
        goto out;
    }
    rc = 0;
out:
    s->res = NULL;
    return rc;
}

int cs_scorer_finish(cs_scorer *s, const cs_document *doc, cs_result *res, cs_diag *d)
{
    cs_suppressions supp;
    if (cs_suppressions_parse(doc, s->cfg, &s->rules, &supp, d) != 0) {
        cs_suppressions_free(&supp);
        return -1;
    }
    cs_suppressions_apply(&supp, doc, s->cfg, res);
    cs_suppressions_free(&supp);
    if (cs_merge_document(s->cfg, doc, res) != 0)
        return cs_diag_set(d, "out of memory");
    return 0;
}
