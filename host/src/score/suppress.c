#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static const char directive[] = "credscore-";

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void cs_suppressions_free(cs_suppressions *s)
{
    for (size_t i = 0; i < s->n; i++) {
        for (size_t k = 0; k < s->items[i].nnames; k++)
            free(s->items[i].names[k]);
        free(s->items[i].reason);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}

static int known_name(const char *name, const cs_config *cfg, const cs_ruleset *rs)
{
    return strcmp(name, "all") == 0 || cs_config_marker_index(cfg, name) >= 0 ||
           (rs && cs_ruleset_find(rs, name) >= 0) || strchr(name, '/') != NULL;
}

/* Parse the body of one comment: "credscore-KIND names: reason". */
static int parse_one(const cs_document *doc, const cs_config *cfg, const cs_ruleset *rs,
                     const char *body, size_t len, cs_suppression *out, cs_diag *d)
{
    const char *p = body, *end = body + len;
    const char *path = doc->path;
    static const struct { const char *word; cs_supp_kind kind; } kinds[] = {
        {"credscore-disable-next", CS_SUPP_NEXT},
        {"credscore-disable", CS_SUPP_DISABLE},
        {"credscore-enable", CS_SUPP_ENABLE},
    };
    size_t k;
    for (k = 0; k < 3; k++) {
        size_t wl = strlen(kinds[k].word);
        if ((size_t)(end - p) >= wl && strncmp(p, kinds[k].word, wl) == 0 &&
            (p + wl == end || is_space(p[wl]) || p[wl] == ':')) {
            p += wl;
            break;
        }
    }
    if (k == 3)
        return cs_diag_at(d, path, out->line, out->col,
                          "unknown directive: use credscore-disable, credscore-disable-next or "
                          "credscore-enable");
    out->kind = kinds[k].kind;
    const char *colon = memchr(p, ':', (size_t)(end - p));
    const char *names_end = colon ? colon : end;
    while (p < names_end) {
        while (p < names_end && (is_space(*p) || *p == ','))
            p++;
        const char *w = p;
        while (p < names_end && !is_space(*p) && *p != ',')
            p++;
        if (p == w)
            break;
        if (out->nnames == CS_SUPP_MAX_NAMES)
            return cs_diag_at(d, path, out->line, out->col, "more than %d names in one directive",
                              CS_SUPP_MAX_NAMES);
        char *name = cs_strndup(w, (size_t)(p - w));
        if (name == NULL)
            return cs_diag_set(d, "out of memory");
        out->names[out->nnames++] = name;
        if (!known_name(name, cfg, rs))
            return cs_diag_at(d, path, out->line, out->col,
                              "unknown marker or rule '%s' in %s", name, kinds[k].word);
    }
    if (out->nnames == 0)
        return cs_diag_at(d, path, out->line, out->col,
                          "%s needs the markers or rules it applies to (or \"all\")",
                          kinds[k].word);
    if (out->kind == CS_SUPP_ENABLE)
        return 0;
    const char *r = colon ? colon + 1 : end;
    while (r < end && is_space(*r))
        r++;
    const char *rend = end;
    while (rend > r && is_space(rend[-1]))
        rend--;
    if (rend == r)
        return cs_diag_at(d, path, out->line, out->col,
                          "suppression without a reason: say why, as in <!-- %s %s: cleared by "
                          "the standards desk -->",
                          kinds[k].word, out->names[0]);
    out->reason = cs_strndup(r, (size_t)(rend - r));
    return out->reason ? 0 : cs_diag_set(d, "out of memory");
}

/* The first "<!--" of s[0..len), or NULL: memchr finds each '<' (seldom
 * in prose) much faster than memmem looks for the four bytes. */
static const char *find_comment(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *p = memchr(s, '<', len); p != NULL; p = memchr(p + 1, '<', (size_t)(end - p - 1)))
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
            return p;
    return NULL;
}

int cs_suppressions_parse(const cs_document *doc, const cs_config *cfg, const cs_ruleset *rs,
                          cs_suppressions *out, cs_diag *d)
{
    memset(out, 0, sizeof *out);
    if (doc->format != CS_FORMAT_MARKDOWN && doc->format != CS_FORMAT_HTML)
        return 0;
    const char *s = doc->source.data;
    size_t len = doc->source.len;
    size_t i = 0;
    while (i + 4 <= len) {
        const char *open = find_comment(s + i, len - i);
        if (open == NULL)
            break;
        size_t start = (size_t)(open - s);
        const char *close = memmem(open + 4, len - start - 4, "-->", 3);
        if (close == NULL)
            break;
        size_t stop = (size_t)(close - s) + 3;
        const char *body = open + 4;
        while (body < close && is_space(*body))
            body++;
        size_t blen = (size_t)(close - body);
        if (blen >= sizeof directive - 1 && strncmp(body, directive, sizeof directive - 1) == 0) {
            void *items = out->items;
            if (cs_array_grow(&items, &out->cap, out->n + 1, sizeof(cs_suppression)) != 0)
                return cs_diag_set(d, "out of memory");
            out->items = items;
            cs_suppression *sp = &out->items[out->n++];
            memset(sp, 0, sizeof *sp);
            sp->src_start = start;
            sp->src_end = stop;
            cs_doc_line_col(doc, start, &sp->line, &sp->col);
            if (parse_one(doc, cfg, rs, body, blen, sp, d) != 0)
                return -1;
        }
        i = stop;
    }
    return 0;
}

static int names_match(const cs_suppression *sp, const char *marker, const char *rule)
{
    for (size_t k = 0; k < sp->nnames; k++)
        if (strcmp(sp->names[k], "all") == 0 || strcmp(sp->names[k], marker) == 0 ||
            strcmp(sp->names[k], rule) == 0)
            return 1;
    return 0;
}

/* First passage that starts after a source offset, or npassages. */
static size_t passage_after(const cs_document *doc, size_t off)
{
    for (size_t p = 0; p < doc->npassages; p++)
        if (doc->passages[p].src_start >= off)
            return p;
    return doc->npassages;
}

void cs_suppressions_apply(const cs_suppressions *s, const cs_document *doc,
                           const cs_config *cfg, cs_result *res)
{
    if (s->n == 0)
        return;
    for (size_t i = 0; i < res->nfindings; i++) {
        cs_finding *f = &res->findings[i];
        if (f->suppress_reason)
            continue;
        const char *marker = cfg->markers[f->marker].name;
        const cs_passage *p = &doc->passages[f->passage];
        size_t at = cs_doc_src_offset(doc, p, f->start, 0);
        const char *reason = NULL;
        for (size_t k = 0; k < s->n && s->items[k].src_start < at; k++) {
            const cs_suppression *sp = &s->items[k];
            if (!names_match(sp, marker, f->rule_id))
                continue;
            if (sp->kind == CS_SUPP_DISABLE)
                reason = sp->reason;
            else if (sp->kind == CS_SUPP_ENABLE)
                reason = NULL;
            else if (passage_after(doc, sp->src_end) == f->passage)
                reason = sp->reason;
        }
        /* The directive list dies with the article's scoring; the result
         * keeps its own copy of the reason. */
        if (reason)
            f->suppress_reason = cs_result_strdup(res, reason, strlen(reason));
    }
}
