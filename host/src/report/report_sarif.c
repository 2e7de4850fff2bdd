/*
 * report_sarif.c - the run as one SARIF 2.1.0 log (cs_report_run_sarif).
 *
 * Contract:
 *   - One log, one run.  tool.driver lists every enabled Lua rule (in rule
 *     set order), then the "plugin/rule" ids the plugins have used, then any
 *     other rule id a result names; each with shortDescription (rule or
 *     marker message), fullDescription (rule, declared plugin rule or marker
 *     description), help (a plugin rule's declared help, else the marker's
 *     why and fix), defaultConfiguration.level and properties
 *     {marker, weight, source}.
 *   - tool.driver.informationUri is CS_HOMEPAGE (the project's README).
 *   - One result per finding at or above opts.min_level; duplicates only
 *     with opts.show_zero (as in the text report); findings of positive
 *     weight (named sources...: nothing to fix, noise in code scanning)
 *     only with opts.report_positive.  Suppressed findings stay, with
 *     suppressions [{kind, justification}]: kind "inSource" for a comment
 *     in the article, "external" for a finding left out as not new
 *     (--baseline, --diff-base).  In those narrowed runs every result has
 *     baselineState "new" or "unchanged".
 *   - Levels: info -> "note", warning -> "warning", error -> "error".
 *   - Locations are relative to the current folder (uriBaseId %SRCROOT%,
 *     percent-encoded per RFC 3986, no leading "./"); a file outside it gets
 *     an absolute file:// URI.  Columns count Unicode code points
 *     (columnKind "unicodeCodePoints"); endColumn is exclusive; charOffset /
 *     charLength count code points too; snippet is the region's source text.
 *   - partialFingerprints "credscore/v1" is cs_fingerprint (fingerprint.h):
 *     rule, marker, folded words and occurrence index, no line number.
 *   - Every article is listed in run.artifacts, findings or not, with its
 *     score and verdict in properties (in a narrowed run, --baseline or
 *     --diff-base, those of its new findings, with "newFindings",
 *     "wholeScore" and "wholeVerdict" beside), and whether it failed: "failed",
 *     "belowThreshold" (the score threshold only), "failure" (why, when
 *     not the threshold).  The run's properties count them the same way:
 *     failed = belowThreshold + overMax + unsourcedFailed.
 *   - Output is deterministic: the same input, config and current folder
 *     give byte-identical logs.
 *
 * Errors: functions return 0, or -1 when memory runs out.  No global state.
 */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fingerprint.h"
#include "plugin_host.h"
#include "rules.h"
#include "weight_policy.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* The tool's informationUri (SARIF2005): where people read about it.  A
 * packager may point it elsewhere with -DCS_HOMEPAGE='"..."'. */
#ifndef CS_HOMEPAGE
#define CS_HOMEPAGE "https://github.com/credscore/credscore#readme"
#endif
#define SRCROOT "%SRCROOT%"

/* Append path percent-encoded as an RFC 3986 path: unreserved characters
 * and "/" stay, every other byte becomes %XX. */
static int put_uri_path(cs_buf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        int keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep ? cs_buf_putc(out, (char)c) != 0
                 : cs_buf_printf(out, "%%%c%c", hex[c >> 4], hex[c & 15]) != 0)
            return -1;
    }
    return cs_buf_terminate(out);
}

/* An article's location: uri (relative, or file:// when outside) and
 * whether it is relative to %SRCROOT%. */
typedef struct art_loc {
    cs_buf uri;
    int relative;
} art_loc;

static int make_loc(art_loc *a, const char *path)
{
    cs_buf rel = {0};
    int rc = -1;
    if (cs_report_rel_path(&rel, path, &a->relative) != 0 || cs_buf_terminate(&rel) != 0)
        goto out;
    if (!a->relative && cs_buf_puts(&a->uri, "file://") != 0)
        goto out;
    rc = put_uri_path(&a->uri, rel.data);
out:
    cs_buf_free(&rel);
    return rc;
}

/* "uri", and "uriBaseId" when relative, of an article's location. */
static void write_uri(cs_json *j, const art_loc *a)
{
    cs_json_kv_stringn(j, "uri", a->uri.data, a->uri.len);
    if (a->relative)
        cs_json_kv_string(j, "uriBaseId", SRCROOT);
}

static void write_artifact_location(cs_json *j, const art_loc *a, size_t index)
{
    cs_json_key(j, "artifactLocation");
    cs_json_object(j);
    write_uri(j, a);
    cs_json_kv_int(j, "index", (long long)index);
    cs_json_end_object(j);
}

/* "key": {"text": s}, a SARIF message or description object. */
static void write_text(cs_json *j, const char *key, const char *s)
{
    cs_json_key(j, key);
    cs_json_object(j);
    cs_json_kv_string(j, "text", s);
    cs_json_end_object(j);
}

static const char *sarif_level(cs_level l)
{
    switch (l) {
    case CS_LEVEL_ERROR: return "error";
    case CS_LEVEL_WARNING: return "warning";
    default: return "note";
    }
}

/* One reportingDescriptor. */
typedef struct rule_ent {
    const char *id;
    const cs_rule *lua;       /* a Lua rule, or NULL */
    const cs_plugin *plugin;  /* the plugin of a "plugin/rule" id, or NULL */
    const cs_finding *first;  /* its first listed finding, or NULL */
} rule_ent;

typedef struct rule_tab {
    rule_ent *items;
    size_t n, cap;
} rule_tab;

static long rule_find(const rule_tab *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].id == id || strcmp(t->items[i].id, id) == 0)
            return (long)i;
    return -1;
}

static int rule_push(rule_tab *t, const char *id, const cs_rule *lua, const cs_plugin *pl)
{
    void *items = t->items;
    if (cs_array_grow(&items, &t->cap, t->n + 1, sizeof(rule_ent)) != 0)
        return -1;
    t->items = items;
    t->items[t->n++] = (rule_ent){id, lua, pl, NULL};
    return 0;
}

/* Does finding f describe its rule (weight, level) in tool.driver? */
static int describes(const cs_finding *f, const cs_report_opts *o)
{
    if (f->level < o->min_level)
        return 0;
    if (f->note == CS_NOTE_DUPLICATE && !o->show_zero && !f->suppress_reason)
        return 0;
    return 1;
}

/* Is finding f listed in the report?  Not a positive one (a named
 * source...: nothing to fix) unless o->report_positive. */
static int listed(const cs_finding *f, const cs_report_opts *o)
{
    return describes(f, o) && (f->weight <= 0 || o->report_positive);
}

static int build_rules(rule_tab *t, const cs_run *run)
{
    const cs_ruleset *rs = run->rules;
    const cs_plugin_set *ps = run->plugins;
    for (size_t i = 0; rs && i < rs->nrules; i++)
        if (rs->rules[i].enabled && rule_find(t, rs->rules[i].id) < 0 &&
            rule_push(t, rs->rules[i].id, &rs->rules[i], NULL) != 0)
            return -1;
    for (size_t p = 0; ps && p < ps->n; p++) {
        const cs_plugin *pl = ps->items[p];
        for (size_t k = 0; k < pl->nrule_ids; k++) {
            const cs_rule_override *ov = cs_config_override(run->cfg, pl->rule_ids[k]);
            if (ov && !ov->enabled)
                continue;
            if (rule_find(t, pl->rule_ids[k]) < 0 && rule_push(t, pl->rule_ids[k], NULL, pl) != 0)
                return -1;
        }
    }
    for (size_t a = 0; a < run->n; a++) {
        const cs_result *res = &run->items[a].res;
        for (size_t i = 0; i < res->nfindings; i++) {
            const cs_finding *f = &res->findings[i];
            if (!describes(f, &run->opts))
                continue;
            long k = rule_find(t, f->rule_id);
            if (k < 0) {
                if (rule_push(t, f->rule_id, NULL, NULL) != 0)
                    return -1;
                k = (long)t->n - 1;
            }
            if (t->items[k].first == NULL)
                t->items[k].first = f;
        }
    }
    return 0;
}

/* "anonymous-officials" -> "AnonymousOfficials" (SARIF names are Pascal case). */
static int pascal_name(cs_buf *b, const char *id)
{
    int up = 1;
    b->len = 0;
    for (const char *p = id; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            up = 1;
            continue;
        }
        if (up && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        up = 0;
        if (cs_buf_putc(b, c) != 0)
            return -1;
    }
    return cs_buf_terminate(b);
}

static double rule_weight(const cs_config *cfg, const rule_ent *e, int marker)
{
    if (e->first)
        return e->first->weight;
    const cs_rule_override *ov = e->lua ? e->lua->override : cs_config_override(cfg, e->id);
    return cs_policy_weight(cfg, marker, ov, e->lua && e->lua->has_weight,
                            e->lua ? e->lua->weight : 0);
}

static int write_rule(cs_json *j, const cs_run *run, const rule_ent *e, cs_buf *tmp)
{
    const cs_config *cfg = run->cfg;
    /* a plugin's rule: its declared description and help (ABI 1.1), if any */
    const credscore_rule_info *ri = NULL;
    const cs_plugin *pl = e->lua ? NULL : cs_plugins_find_rule(run->plugins, e->id, &ri);
    int marker = -1;
    if (e->lua)
        marker = e->lua->marker;
    else if (e->first)
        marker = e->first->marker;
    else if (ri && ri->marker)
        marker = cs_config_marker_index(cfg, ri->marker);
    else if (pl && pl->nmarkers == 1)
        marker = pl->markers[0];
    const cs_marker_conf *m = marker >= 0 ? &cfg->markers[marker] : NULL;
    const char *msg = e->lua && e->lua->message ? e->lua->message : m ? m->message : NULL;
    const char *desc = e->lua && e->lua->description ? e->lua->description
                       : ri && ri->description        ? ri->description
                       : m                            ? m->description
                                                      : NULL;
    cs_json_object(j);
    cs_json_kv_string(j, "id", e->id);
    if (pascal_name(tmp, e->id) != 0)
        return -1;
    if (tmp->len)
        cs_json_kv_stringn(j, "name", tmp->data, tmp->len);
    write_text(j, "shortDescription", msg && *msg ? msg : e->id);
    write_text(j, "fullDescription", desc && *desc ? desc : msg && *msg ? msg : e->id);
    if (ri && ri->help && *ri->help) {
        write_text(j, "help", ri->help);
    } else if (m && ((m->why && *m->why) || (m->fix && *m->fix))) {
        tmp->len = 0;
        if (m->why && *m->why && cs_buf_puts(tmp, m->why) != 0)
            return -1;
        if (m->fix && *m->fix &&
            (cs_buf_puts(tmp, tmp->len ? " " : "") != 0 || cs_buf_puts(tmp, m->fix) != 0))
            return -1;
        write_text(j, "help", tmp->data); /* not empty, no NUL inside */
    }
    cs_level level = e->first ? e->first->level
                     : e->lua && e->lua->has_level ? e->lua->level
                     : m                           ? m->level
                                                   : CS_LEVEL_INFO;
    if (!e->first && !e->lua && m) {
        const cs_rule_override *ov = cs_config_override(cfg, e->id);
        if (ov && ov->has_level)
            level = ov->level;
    }
    cs_json_key(j, "defaultConfiguration");
    cs_json_object(j);
    cs_json_kv_string(j, "level", sarif_level(level));
    cs_json_end_object(j);
    cs_json_key(j, "properties");
    cs_json_object(j);
    if (m) {
        cs_json_key(j, "tags");
        cs_json_array(j);
        cs_json_string(j, "credscore");
        cs_json_string(j, m->name);
        cs_json_end_array(j);
        cs_json_kv_string(j, "marker", m->name);
        cs_json_kv_number(j, "weight", rule_weight(cfg, e, marker));
    }
    const char *source = e->lua ? e->lua->source : e->plugin ? e->plugin->source
                                                 : e->first  ? e->first->source
                                                             : NULL;
    if (source)
        cs_json_kv_string(j, "source", source);
    cs_json_end_object(j);
    cs_json_end_object(j);
    return 0;
}

/* Code points in s[from, to), s valid UTF-8. */
static size_t code_points(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Code-point offset of byte off, moving a cursor from the last offset
 * asked (findings come roughly in document order). */
typedef struct cp_cursor {
    size_t byte, cp;
} cp_cursor;

static size_t cp_offset(const cs_document *doc, cp_cursor *c, size_t off)
{
    if (off > doc->source.len)
        off = doc->source.len;
    if (off < c->byte)
        c->cp -= code_points(doc->source.data, off, c->byte);
    else
        c->cp += code_points(doc->source.data, c->byte, off);
    c->byte = off;
    return c->cp;
}

static int write_result(cs_json *j, const cs_run *run, const rule_tab *t, size_t article,
                        const art_loc *loc, size_t i, cp_cursor *cur)
{
    const cs_scored *sc = &run->items[article];
    const cs_document *doc = &sc->doc;
    const cs_finding *f = &sc->res.findings[i];
    const cs_marker_conf *m = &run->cfg->markers[f->marker];
    cs_pos pos;
    cs_finding_pos(doc, f, &pos);
    long k = rule_find(t, f->rule_id);
    cs_json_object(j);
    cs_json_kv_string(j, "ruleId", f->rule_id);
    if (k >= 0)
        cs_json_kv_int(j, "ruleIndex", k);
    cs_json_kv_string(j, "level", sarif_level(f->level));
    const char *msg = f->message && *f->message ? f->message : m->message;
    write_text(j, "message", msg && *msg ? msg : m->name);

    cs_json_key(j, "locations");
    cs_json_array(j);
    cs_json_object(j);
    cs_json_key(j, "physicalLocation");
    cs_json_object(j);
    write_artifact_location(j, loc, article);
    cs_json_key(j, "region");
    cs_json_object(j);
    cs_json_kv_int(j, "startLine", pos.line);
    cs_json_kv_int(j, "startColumn", pos.col);
    cs_json_kv_int(j, "endLine", pos.end_line);
    cs_json_kv_int(j, "endColumn", pos.end_col);
    size_t start_cp = cp_offset(doc, cur, pos.src_start);
    size_t end_cp = cp_offset(doc, cur, pos.src_end);
    cs_json_kv_int(j, "charOffset", (long long)start_cp);
    cs_json_kv_int(j, "charLength", (long long)(end_cp - start_cp));
    cs_json_key(j, "snippet");
    cs_json_object(j);
    cs_json_kv_stringn(j, "text", doc->source.data + pos.src_start, pos.src_end - pos.src_start);
    cs_json_end_object(j);
    cs_json_end_object(j);
    cs_json_end_object(j);
    cs_json_end_object(j);
    cs_json_end_array(j);

    char fp[17];
    cs_fingerprint_hex(cs_fingerprint(doc, &sc->res, run->cfg, i), fp);
    cs_json_key(j, "partialFingerprints");
    cs_json_object(j);
    cs_json_kv_string(j, "credscore/v1", fp);
    cs_json_end_object(j);

    int old = cs_report_is_old(run, f);
    if (sc->narrowed) /* --baseline, --diff-base: what is new since the base */
        cs_json_kv_string(j, "baselineState", old ? "unchanged" : "new");
    if (f->suppress_reason) {
        cs_json_key(j, "suppressions");
        cs_json_array(j);
        cs_json_object(j);
        /* an editor's comment in the article, or the baseline / git base */
        cs_json_kv_string(j, "kind", old ? "external" : "inSource");
        cs_json_kv_string(j, "justification", f->suppress_reason);
        cs_json_end_object(j);
        cs_json_end_array(j);
    }

    cs_json_key(j, "properties");
    cs_json_object(j);
    cs_json_kv_string(j, "marker", m->name);
    cs_json_kv_number(j, "points", f->points);
    cs_json_kv_number(j, "weight", f->weight);
    cs_json_kv_number(j, "confidence", f->confidence);
    cs_json_kv_stringn(j, "words", cs_doc_text(doc, &doc->passages[f->passage]) + f->start,
                       f->end - f->start);
    if (cs_note_name(f->note))
        cs_json_kv_string(j, "note", cs_note_name(f->note));
    cs_json_kv_string(j, "source", f->source);
    cs_json_end_object(j);
    cs_json_end_object(j);
    return 0;
}

static const char *mime_type(cs_format f)
{
    switch (f) {
    case CS_FORMAT_MARKDOWN: return "text/markdown";
    case CS_FORMAT_HTML: return "text/html";
    default: return "text/plain";
    }
}

int cs_report_run_sarif(cs_buf *out, const cs_run *run)
{
    int rc = -1;
    rule_tab rules = {0};
    art_loc *locs = NULL;
    cs_buf tmp = {0};
    char *cwd = NULL;
    cs_json j;
    cs_json_init(&j, out, 1);

    if (run->n && (locs = calloc(run->n, sizeof *locs)) == NULL)
        goto out;
    for (size_t a = 0; a < run->n; a++)
        if (make_loc(&locs[a], run->items[a].doc.path) != 0)
            goto out;
    if (build_rules(&rules, run) != 0)
        goto out;

    cs_json_object(&j);
    cs_json_kv_string(&j, "$schema", SARIF_SCHEMA);
    cs_json_kv_string(&j, "version", "2.1.0");
    cs_json_key(&j, "runs");
    cs_json_array(&j);
    cs_json_object(&j);

    cs_json_key(&j, "tool");
    cs_json_object(&j);
    cs_json_key(&j, "driver");
    cs_json_object(&j);
    cs_json_kv_string(&j, "name", "credscore");
    cs_json_kv_string(&j, "version", run->tool_version ? run->tool_version : "unknown");
    if (run->tool_version)
        cs_json_kv_string(&j, "semanticVersion", run->tool_version);
    cs_json_kv_string(&j, "informationUri", CS_HOMEPAGE);
    cs_json_key(&j, "rules");
    cs_json_array(&j);
    for (size_t i = 0; i < rules.n; i++)
        if (write_rule(&j, run, &rules.items[i], &tmp) != 0)
            goto out;
    cs_json_end_array(&j);
    cs_json_end_object(&j);
    cs_json_end_object(&j);

    cs_json_key(&j, "invocations");
    cs_json_array(&j);
    cs_json_object(&j);
    cs_json_kv_bool(&j, "executionSuccessful", run->errors == 0);
    int notes = 0;
    for (size_t a = 0; a < run->n; a++) {
        const cs_scored *sc = &run->items[a];
        if (!sc->res.error)
            continue;
        if (!notes++) {
            cs_json_key(&j, "toolExecutionNotifications");
            cs_json_array(&j);
        }
        cs_json_object(&j);
        cs_json_kv_string(&j, "level", "error");
        write_text(&j, "message", sc->res.error);
        cs_json_key(&j, "locations");
        cs_json_array(&j);
        cs_json_object(&j);
        cs_json_key(&j, "physicalLocation");
        cs_json_object(&j);
        write_artifact_location(&j, &locs[a], a);
        cs_json_end_object(&j);
        cs_json_end_object(&j);
        cs_json_end_array(&j);
        cs_json_end_object(&j);
    }
    if (notes)
        cs_json_end_array(&j);
    cs_json_end_object(&j);
    cs_json_end_array(&j);

    cwd = getcwd(NULL, 0);
    if (cwd && cwd[0] == '/') {
        tmp.len = 0;
        if (cs_buf_puts(&tmp, "file://") != 0 || put_uri_path(&tmp, cwd) != 0 ||
            (tmp.data[tmp.len - 1] != '/' && cs_buf_putc(&tmp, '/') != 0))
            goto out;
        cs_json_key(&j, "originalUriBaseIds");
        cs_json_object(&j);
        cs_json_key(&j, SRCROOT);
        cs_json_object(&j);
        cs_json_kv_stringn(&j, "uri", tmp.data, tmp.len);
        cs_json_end_object(&j);
        cs_json_end_object(&j);
    }

    cs_json_key(&j, "artifacts");
    cs_json_array(&j);
    for (size_t a = 0; a < run->n; a++) {
        const cs_scored *sc = &run->items[a];
        cs_json_object(&j);
        cs_json_key(&j, "location");
        cs_json_object(&j);
        write_uri(&j, &locs[a]);
        cs_json_end_object(&j);
        cs_json_kv_int(&j, "length", (long long)sc->doc.source.len);
        cs_json_kv_string(&j, "mimeType", mime_type(sc->doc.format));
        cs_json_key(&j, "roles");
        cs_json_array(&j);
        cs_json_string(&j, "analysisTarget");
        cs_json_end_array(&j);
        cs_json_key(&j, "properties");
        cs_json_object(&j);
        cs_json_kv_number(&j, "score", sc->res.score);
        cs_json_kv_string(&j, "verdict", sc->res.verdict);
        if (sc->narrowed) { /* the score above is that of the new findings */
            cs_json_kv_int(&j, "newFindings", (long long)sc->fresh);
            cs_json_kv_number(&j, "wholeScore", sc->whole_score);
            cs_json_kv_string(&j, "wholeVerdict", sc->whole_verdict);
        }
        cs_json_kv_bool(&j, "failed", sc->below != 0);
        cs_json_kv_bool(&j, "belowThreshold", sc->below == CS_FAIL_THRESHOLD);
        if (sc->below && sc->why[0])
            cs_json_kv_string(&j, "failure", sc->why);
        cs_json_end_object(&j);
        cs_json_end_object(&j);
    }
    cs_json_end_array(&j);

    cs_json_key(&j, "results");
    cs_json_array(&j);
    size_t failed = 0, below = 0, over_max = 0, unsourced = 0;
    for (size_t a = 0; a < run->n; a++) {
        const cs_result *res = &run->items[a].res;
        cp_cursor cur = {0, 0};
        failed += run->items[a].below != 0;
        below += run->items[a].below == CS_FAIL_THRESHOLD;
        over_max += run->items[a].below == CS_FAIL_MAX;
        unsourced += run->items[a].below == CS_FAIL_UNSOURCED;
        for (size_t i = 0; i < res->nfindings; i++)
            if (listed(&res->findings[i], &run->opts) &&
                write_result(&j, run, &rules, a, &locs[a], i, &cur) != 0)
                goto out;
    }
    cs_json_end_array(&j);

    cs_json_kv_string(&j, "columnKind", "unicodeCodePoints");
    cs_json_key(&j, "properties");
    cs_json_object(&j);
    cs_json_kv_int(&j, "articles", (long long)run->n);
    cs_json_kv_int(&j, "failed", (long long)failed);
    cs_json_kv_int(&j, "belowThreshold", (long long)below);
    cs_json_kv_int(&j, "overMax", (long long)over_max);
    cs_json_kv_int(&j, "unsourcedFailed", (long long)unsourced);
    cs_json_kv_int(&j, "errors", (long long)run->errors);
    if (run->has_threshold)
        cs_json_kv_number(&j, "threshold", run->threshold);
    cs_json_end_object(&j);

    cs_json_end_object(&j);
    cs_json_end_array(&j);
    cs_json_end_object(&j);
    if (cs_buf_putc(out, '\n') != 0 || cs_json_failed(&j))
        goto out;
    rc = 0;
out:
    for (size_t a = 0; locs && a < run->n; a++)
        cs_buf_free(&locs[a].uri);
    free(locs);
    free(rules.items);
    cs_buf_free(&tmp);
    free(cwd);
    return rc;
}
