/* lua_pattern_cost.c - count the steps of a Lua pattern search (see the
 * header).  The walk mirrors the order in which Lua 5.4 tries a pattern's
 * items, so that both meet the same matches, the same dead ends and the
 * same errors; what it does at each step is only counting. */
#include "lua_pattern_cost.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_CAPTURES 32   /* LUA_MAXCAPTURES */
#define MAX_DEPTH 200     /* lstrlib.c's MAXCCALLS: deeper is "pattern too complex" */
#define CAP_OPEN (-1)     /* a capture not closed yet */
#define CAP_POSITION (-2) /* a () capture */

typedef struct walker {
    const char *s_begin, *s_end, *p_end;
    int ncap;
    struct {
        const char *at;
        ptrdiff_t len;
    } cap[MAX_CAPTURES];
    int depth;
    long long steps, max_steps;
    cs_pattern_outcome halt; /* COUNTED while walking */
    char *error;
    size_t errlen;
    cs_pattern_tick_fn tick;
    void *tick_ctx;
} walker;

/* Count n steps; 0 when the walk must end. */
static int charge(walker *w, long long n)
{
    if (w->halt != CS_PATTERN_COUNTED)
        return 0;
    long long before = w->steps;
    w->steps += n;
    if (w->steps > w->max_steps) {
        w->halt = CS_PATTERN_STOPPED;
        return 0;
    }
    if (w->tick && before / CS_PATTERN_TICK != w->steps / CS_PATTERN_TICK &&
        w->tick(w->tick_ctx)) {
        w->halt = CS_PATTERN_STOPPED;
        return 0;
    }
    return 1;
}

static const char *invalid(walker *w, const char *msg)
{
    if (w->halt == CS_PATTERN_COUNTED) {
        w->halt = CS_PATTERN_INVALID;
        snprintf(w->error, w->errlen, "%s", msg);
    }
    return NULL;
}

/* The byte at p of the pattern, or 0 at its end (Lua reads the string's
 * terminating NUL there). */
static int pat_at(const walker *w, const char *p)
{
    return p < w->p_end ? (unsigned char)*p : 0;
}

static int subj_at(const walker *w, const char *s)
{
    return s < w->s_end ? (unsigned char)*s : 0;
}

/* Just past the single-character item at p; NULL when malformed. */
static const char *item_end(walker *w, const char *p)
{
    int c = (unsigned char)*p++;
    if (c == '%') {
        if (p >= w->p_end)
            return invalid(w, "malformed pattern (ends with '%')");
        return p + 1;
    }
    if (c == '[') {
        if (pat_at(w, p) == '^')
            p++;
        do { /* the first character after [ or [^ is a member, even ']' */
            if (p >= w->p_end)
                return invalid(w, "malformed pattern (missing ']')");
            if (*p++ == '%' && p < w->p_end)
                p++;
        } while (pat_at(w, p) != ']');
        return p + 1;
    }
    return p;
}

/* Does ch belong to the class letter cl (%a, %D, ...)? */
static int in_class(int ch, int cl)
{
    int yes;
    switch (tolower(cl)) {
    case 'a': yes = isalpha(ch); break;
    case 'c': yes = iscntrl(ch); break;
    case 'd': yes = isdigit(ch); break;
    case 'g': yes = isgraph(ch); break;
    case 'l': yes = islower(ch); break;
    case 'p': yes = ispunct(ch); break;
    case 's': yes = isspace(ch); break;
    case 'u': yes = isupper(ch); break;
    case 'w': yes = isalnum(ch); break;
    case 'x': yes = isxdigit(ch); break;
    default: return cl == ch;
    }
    if (isupper(cl))
        yes = !yes;
    return yes != 0;
}

/* Does ch belong to the set [...] from open ('[') to close (']')? */
static int in_set(int ch, const char *open, const char *close)
{
    const char *p = open + 1;
    int negate = *p == '^';
    if (negate)
        p++;
    while (p < close) {
        if (*p == '%' && p + 1 < close) {
            if (in_class(ch, (unsigned char)p[1]))
                return !negate;
            p += 2;
        } else if (p + 2 < close && p[1] == '-') {
            if ((unsigned char)p[0] <= ch && ch <= (unsigned char)p[2])
                return !negate;
            p += 3;
        } else {
            if ((unsigned char)*p == ch)
                return !negate;
            p++;
        }
    }
    return negate;
}

/* Does the item p..ep match the subject byte at s? */
static int item_matches(const walker *w, const char *s, const char *p, const char *ep)
{
    if (s >= w->s_end)
        return 0;
    int ch = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return in_class(ch, (unsigned char)p[1]);
    case '[': return in_set(ch, p, ep - 1);
    default: return (unsigned char)*p == ch;
    }
}

static const char *walk(walker *w, const char *s, const char *p);

/* item* / item+: the longest run first, then shorter ones. */
static const char *longest_first(walker *w, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (item_matches(w, s + n, p, ep))
        n++;
    if (!charge(w, n))
        return NULL;
    for (; n >= 0; n--) {
        const char *r = walk(w, s + n, ep + 1);
        if (r != NULL || w->halt != CS_PATTERN_COUNTED)
            return r;
    }
    return NULL;
}

/* item-: the shortest run first. */
static const char *shortest_first(walker *w, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = walk(w, s, ep + 1);
        if (r != NULL || w->halt != CS_PATTERN_COUNTED)
            return r;
        if (!item_matches(w, s, p, ep) || !charge(w, 1))
            return NULL;
        s++;
    }
}

static const char *open_capture(walker *w, const char *s, const char *p, ptrdiff_t what)
{
    if (w->ncap >= MAX_CAPTURES)
        return invalid(w, "too many captures");
    w->cap[w->ncap].at = s;
    w->cap[w->ncap].len = what;
    w->ncap++;
    const char *r = walk(w, s, p);
    if (r == NULL)
        w->ncap--;
    return r;
}

static const char *close_capture(walker *w, const char *s, const char *p)
{
    int k = w->ncap - 1;
    while (k >= 0 && w->cap[k].len != CAP_OPEN)
        k--;
    if (k < 0)
        return invalid(w, "invalid pattern capture");
    w->cap[k].len = s - w->cap[k].at;
    const char *r = walk(w, s, p);
    if (r == NULL)
        w->cap[k].len = CAP_OPEN;
    return r;
}

/* %1..%9: the text of an earlier capture again. */
static const char *same_as_capture(walker *w, const char *s, int digit)
{
    int k = digit - '1';
    if (k < 0 || k >= w->ncap || w->cap[k].len == CAP_OPEN) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid capture index %%%d", k + 1);
        return invalid(w, msg);
    }
    size_t len = (size_t)w->cap[k].len; /* a position capture: huge, never fits */
    if (!charge(w, (long long)(len < (size_t)w->max_steps ? len : (size_t)w->max_steps) / 16))
        return NULL;
    if ((size_t)(w->s_end - s) >= len && memcmp(w->cap[k].at, s, len) == 0)
        return s + len;
    return NULL;
}

/* %bxy at p (pointing at x). */
static const char *balanced(walker *w, const char *s, const char *p)
{
    if (p + 1 >= w->p_end)
        return invalid(w, "malformed pattern (missing arguments to '%b')");
    if (subj_at(w, s) != (unsigned char)p[0])
        return NULL;
    int open = (unsigned char)p[0], close = (unsigned char)p[1];
    long long depth = 1;
    const char *start = s;
    while (++s < w->s_end) {
        int ch = (unsigned char)*s;
        if (ch == close) {
            if (--depth == 0)
                return charge(w, s - start) ? s + 1 : NULL;
        } else if (ch == open) {
            depth++;
        }
    }
    charge(w, s - start);
    return NULL;
}

/* The search from subject position s, pattern position p: the end of the
 * match, or NULL (no match, or the walk halted: see w->halt). */
static const char *walk(walker *w, const char *s, const char *p)
{
    if (w->depth >= MAX_DEPTH)
        return invalid(w, "pattern too complex");
    w->depth++;
    for (;;) {
        if (!charge(w, 1)) {
            s = NULL;
            break;
        }
        if (p >= w->p_end)
            break; /* the whole pattern matched */
        int c = (unsigned char)*p;
        if (c == '(') {
            s = pat_at(w, p + 1) == ')' ? open_capture(w, s, p + 2, CAP_POSITION)
                                        : open_capture(w, s, p + 1, CAP_OPEN);
            break;
        }
        if (c == ')') {
            s = close_capture(w, s, p + 1);
            break;
        }
        if (c == '$' && p + 1 == w->p_end) {
            s = s == w->s_end ? s : NULL;
            break;
        }
        if (c == '%' && pat_at(w, p + 1) == 'b') {
            s = balanced(w, s, p + 2);
            if (s == NULL)
                break;
            p += 4;
            continue;
        }
        if (c == '%' && pat_at(w, p + 1) == 'f') {
            p += 2;
            if (pat_at(w, p) != '[') {
                s = invalid(w, "missing '[' after '%f' in pattern");
                break;
            }
            const char *ep = item_end(w, p);
            if (ep == NULL) {
                s = NULL;
                break;
            }
            int before = s == w->s_begin ? 0 : (unsigned char)s[-1];
            if (!in_set(before, p, ep - 1) && in_set(subj_at(w, s), p, ep - 1)) {
                p = ep;
                continue;
            }
            s = NULL;
            break;
        }
        if (c == '%' && isdigit(pat_at(w, p + 1))) {
            s = same_as_capture(w, s, pat_at(w, p + 1));
            if (s == NULL)
                break;
            p += 2;
            continue;
        }
        const char *ep = item_end(w, p);
        if (ep == NULL) {
            s = NULL;
            break;
        }
        int q = pat_at(w, ep);
        if (!item_matches(w, s, p, ep)) {
            if (q == '*' || q == '?' || q == '-') {
                p = ep + 1;
                continue;
            }
            s = NULL;
            break;
        }
        if (q == '?') {
            const char *r = walk(w, s + 1, ep + 1);
            if (r != NULL || w->halt != CS_PATTERN_COUNTED) {
                s = r;
                break;
            }
            p = ep + 1;
            continue;
        }
        if (q == '+') {
            s = longest_first(w, s + 1, p, ep);
            break;
        }
        if (q == '*') {
            s = longest_first(w, s, p, ep);
            break;
        }
        if (q == '-') {
            s = shortest_first(w, s, p, ep);
            break;
        }
        s++;
        p = ep;
    }
    w->depth--;
    return s;
}

cs_pattern_outcome cs_pattern_cost(const cs_pattern_search *q, long long *steps, char *error,
                                   size_t errlen)
{
    walker w;
    memset(&w, 0, sizeof w);
    w.s_begin = q->subject;
    w.s_end = q->subject + q->len;
    w.p_end = q->pattern + q->plen;
    w.max_steps = q->max_steps;
    w.halt = CS_PATTERN_COUNTED;
    w.error = error;
    w.errlen = errlen;
    w.tick = q->tick;
    w.tick_ctx = q->tick_ctx;
    if (errlen)
        error[0] = '\0';
    *steps = 0;
    if (q->mode == CS_PATTERN_ALL && q->max_matches == 0)
        return CS_PATTERN_COUNTED; /* gsub with n = 0 tries nothing */
    const char *p = q->pattern;
    int anchored = q->anchors && q->plen > 0 && *p == '^';
    if (anchored)
        p++;
    const char *s = q->subject + (q->init <= q->len ? q->init : q->len);
    const char *last = NULL;
    long long found = 0;
    /* A pattern that starts with an item matching exactly one character:
     * where that item fails, Lua's attempt is one step, counted here
     * without a walk. */
    const char *first_end = NULL;
    if (p < w.p_end && *p != '(' && *p != ')' && !(*p == '$' && p + 1 == w.p_end) &&
        !(*p == '%' && (pat_at(&w, p + 1) == 'b' || pat_at(&w, p + 1) == 'f' ||
                        isdigit(pat_at(&w, p + 1))))) {
        first_end = item_end(&w, p);
        int quant = first_end ? pat_at(&w, first_end) : 0;
        if (quant == '*' || quant == '?' || quant == '-')
            first_end = NULL;
        if (w.halt != CS_PATTERN_COUNTED) { /* malformed: the walk finds it again */
            w.halt = CS_PATTERN_COUNTED;
            first_end = NULL;
        }
    }
    for (;;) {
        w.ncap = 0;
        w.depth = 0;
        const char *e;
        if (first_end && !item_matches(&w, s, p, first_end)) {
            if (!charge(&w, 1))
                break;
            e = NULL;
        } else {
            e = walk(&w, s, p);
        }
        if (w.halt != CS_PATTERN_COUNTED)
            break;
        if (q->mode == CS_PATTERN_FIRST) {
            if (e != NULL || s >= w.s_end || anchored)
                break;
            s++;
            continue;
        }
        if (e != NULL && e != last) {
            found++;
            s = last = e;
            if (q->max_matches >= 0 && found >= q->max_matches)
                break;
        } else if (s < w.s_end) {
            s++;
        } else {
            break;
        }
        if (anchored)
            break;
    }
    *steps = w.steps;
    return w.halt;
}

int cs_pattern_is_plain(const char *p, size_t plen)
{
    static const char specials[] = "^$*+?.([%-";
    for (size_t i = 0; i < plen; i++)
        if (p[i] != '\0' && strchr(specials, p[i]) != NULL)
            return 0;
    return 1;
}
