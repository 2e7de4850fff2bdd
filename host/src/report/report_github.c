/*
 * report_github.c - the run as GitHub Actions workflow commands
 * (cs_report_run_github), which the runner turns into annotations.
 *
 * Contract:
 *   - One line per listed finding (level >= opts.min_level, not suppressed,
 *     not a duplicate, of negative or zero weight: a positive finding, a
 *     named source say, has nothing to fix and is listed only with
 *     opts.report_positive), in document order:
 *       ::CMD file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=credscore MARKER (RULE)::MESSAGE "WORDS" (POINTS points)
 *     " "WORDS"" is left out when the message already quotes the words or
 *     a part of them (the attribution plugin's do).
 *     CMD is notice / warning / error for the levels info / warning / error.
 *     Columns count code points; endColumn is exclusive, as in the JSON.
 *   - Then one line per article:
 *       ::notice file=PATH,title=credscore score::score S/100, VERDICT
 *     or ::error with ", below the threshold of T" (or the failure reason)
 *     when the article failed; and ::error ...,title=credscore error::...
 *     when a plugin failed on it.
 *   - In a narrowed run (--baseline, --diff-base) the score line gives the
 *     article's real score, then "; new findings: N, scoring S/100,
 *     VERDICT" (what the gate judges: ", new findings score below the
 *     threshold of T") or "; no new findings"; an article with nothing
 *     new is left out unless opts.show_unchanged.
 *   - PATH is relative to the current folder when the file lies below it.
 *   - Escaping is that of @actions/core (escapeData / escapeProperty):
 *     data: % -> %25, CR -> %0D, LF -> %0A; properties also : -> %3A and
 *     , -> %2C.  No other control character reaches the log: C0 (but
 *     tab) and DEL are written \x1b, C1 \u009b, and a byte that is not
 *     UTF-8 (a file name, a plugin's rule id) U+FFFD.
 *   - Deterministic output.
 *
 * Errors: 0, or -1 when memory runs out.  No global state.
 */
#include "report.h"
#include "report_common.h"

#include <string.h>

/* @actions/core escapeData (prop = 0) and escapeProperty (prop = 1); any
 * other control character (the log is shown on terminals) made visible
 * as cs_escape_control writes it (\x1b, \u009b); tab is kept. */
static const char *escape_char(unsigned c, char tmp[8], int prop)
{
    switch (c) {
    case '%': return "%25";
    case '\r': return "%0D";
    case '\n': return "%0A";
    case '\t': return NULL;
    case ':': return prop ? "%3A" : NULL;
    case ',': return prop ? "%2C" : NULL;
    default: return cs_escape_control(c, tmp);
    }
}

/* Bytes that are not UTF-8 become U+FFFD (cs_escape_text). */
static int escape(cs_buf *out, const char *s, size_t len, int prop)
{
    return cs_escape_text(out, s, len, escape_char, prop);
}

static int escape_str(cs_buf *out, const char *s, int prop)
{
    return escape(out, s ? s : "", s ? strlen(s) : 0, prop);
}

static const char *command(cs_level l)
{
    switch (l) {
    case CS_LEVEL_ERROR: return "error";
    case CS_LEVEL_WARNING: return "warning";
    default: return "notice";
    }
}

/* "::CMD file=PATH" */
static int begin(cs_buf *out, const char *cmd, const cs_buf *path)
{
    if (cs_buf_printf(out, "::%s file=", cmd) != 0)
        return -1;
    return escape(out, path->data ? path->data : "", path->len, 1);
}

/* Does msg already quote the words (or a part of them) in "..."? */
static int quotes_words(const char *msg, const char *words, size_t wlen)
{
    for (const char *q = strchr(msg, '"'); q; q = strchr(q, '"')) {
        const char *e = strchr(q + 1, '"');
        if (e == NULL)
            break;
        size_t n = (size_t)(e - q - 1);
        for (size_t i = 0; n && i + n <= wlen; i++)
            if (memcmp(words + i, q + 1, n) == 0)
                return 1;
        q = e + 1;
    }
    return 0;
}

static int finding_line(cs_buf *out, cs_buf *tmp, const cs_run *run, const cs_scored *sc,
                        const cs_buf *path, const cs_finding *f)
{
    const cs_document *doc = &sc->doc;
    const cs_marker_conf *m = &run->cfg->markers[f->marker];
    cs_pos pos;
    cs_finding_pos(doc, f, &pos);
    if (begin(out, command(f->level), path) != 0 ||
        cs_buf_printf(out, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=", pos.line, pos.col,
                      pos.end_line, pos.end_col) != 0)
        return -1;
    tmp->len = 0;
    if (cs_buf_printf(tmp, "credscore %s (%s)", m->name, f->rule_id) != 0 ||
        escape(out, tmp->data, tmp->len, 1) != 0 || cs_buf_puts(out, "::") != 0)
        return -1;
    const char *msg = f->message && *f->message ? f->message : m->message;
    char pts[32];
    cs_report_fmt_points(pts, sizeof pts, f->points);
    const char *note = cs_note_name(f->note);
    const char *text = msg ? msg : m->name;
    tmp->len = 0;
    if (cs_buf_puts(tmp, text) != 0 || cs_buf_puts(tmp, " \"") != 0 ||
        cs_report_put_words(tmp, cs_doc_text(doc, &doc->passages[f->passage]) + f->start,
                            f->end - f->start) != 0 ||
        cs_buf_putc(tmp, '"') != 0)
        return -1;
    size_t words_at = strlen(text) + 2, words_len = tmp->len - words_at - 1;
    if (quotes_words(text, tmp->data + words_at, words_len))
        tmp->len = strlen(text); /* the message names them already */
    if (cs_buf_printf(tmp, " (%s point%s%s%s)", pts, strcmp(pts, "+1") && strcmp(pts, "-1") ? "s" : "",
                      note ? ", " : "", note ? note : "") != 0)
        return -1;
    if (escape(out, tmp->data, tmp->len, 0) != 0 || cs_buf_putc(out, '\n') != 0)
        return -1;
    return 0;
}

static int article_lines(cs_buf *out, cs_buf *tmp, const cs_run *run, const cs_scored *sc,
                         const cs_buf *path)
{
    char score[32], thr[32];
    cs_report_fmt_number(score, sizeof score, sc->res.score);
    cs_report_fmt_number(thr, sizeof thr, run->threshold);
    if (begin(out, sc->below ? "error" : "notice", path) != 0 ||
        cs_buf_puts(out, ",title=credscore score::") != 0)
        return -1;
    tmp->len = 0;
    if (sc->narrowed) {
        char whole[32];
        cs_report_fmt_number(whole, sizeof whole, sc->whole_score);
        if (cs_buf_printf(tmp, "score %s/100, %s", whole,
                          sc->whole_verdict ? sc->whole_verdict : "") != 0 ||
            (sc->fresh == 0 ? cs_buf_puts(tmp, "; no new findings")
                            : cs_buf_printf(tmp, "; new findings: %zu, scoring %s/100, %s",
                                            sc->fresh, score,
                                            sc->res.verdict ? sc->res.verdict : "")) != 0)
            return -1;
    } else if (cs_buf_printf(tmp, "score %s/100, %s", score,
                             sc->res.verdict ? sc->res.verdict : "") != 0) {
        return -1;
    }
    const char *of_new = sc->narrowed ? " (new findings only)" : "";
    if (sc->below && sc->why[0] && cs_buf_printf(tmp, ", %s%s", sc->why, of_new) != 0)
        return -1;
    if (sc->below && !sc->why[0] &&
        cs_buf_printf(tmp, ", %sbelow the threshold of %s",
                      sc->narrowed ? "new findings score " : "", thr) != 0)
        return -1;
    if (escape(out, tmp->data, tmp->len, 0) != 0 || cs_buf_putc(out, '\n') != 0)
        return -1;
    if (sc->res.error) {
        if (begin(out, "error", path) != 0 || cs_buf_puts(out, ",title=credscore error::") != 0 ||
            escape_str(out, sc->res.error, 0) != 0 || cs_buf_putc(out, '\n') != 0)
            return -1;
    }
    return 0;
}

int cs_report_github_article(cs_buf *out, cs_buf *path, cs_buf *tmp, const cs_run *run,
                             const cs_scored *sc)
{
    int inside;
    if (sc->narrowed && sc->untouched && !run->opts.show_unchanged)
        return 0; /* nothing new, nothing to say on a pull request */
    path->len = 0;
    if (cs_report_rel_path(path, sc->doc.path, &inside) != 0)
        return -1;
    for (size_t i = 0; i < sc->res.nfindings; i++) {
        const cs_finding *f = &sc->res.findings[i];
        if (f->level < run->opts.min_level || f->note == CS_NOTE_DUPLICATE || f->suppress_reason ||
            (f->weight > 0 && !run->opts.report_positive))
            continue;
        if (finding_line(out, tmp, run, sc, path, f) != 0)
            return -1;
    }
    return article_lines(out, tmp, run, sc, path);
}
