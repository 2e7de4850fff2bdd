/*
 * report_junit.c - the run as JUnit XML (cs_report_run_junit), for CI
 * systems that show test reports.
 *
 * Contract:
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <testsuites name="credscore" tests=N failures=F errors=E>
 *     <testsuite name="credscore" tests=N failures=F errors=E skipped="0">
 *       <properties> version, threshold (when set), unscored files </properties>
 *       <testcase classname="credscore" name="PATH">     one per article
 *         <failure message="score S below threshold T" type="threshold">
 *           its warning and error findings, one "path:line:col: ..." line each
 *         </failure>                                     only when it failed
 *         <error message="..." type="plugin"/>           when a plugin failed on it
 *         <system-out> every listed finding, then the score line </system-out>
 *       </testcase>
 *       <testcase classname="credscore" name="(unscored files)"> with an
 *         <error> when some files could not be scored at all
 *     </testsuite>
 *   </testsuites>
 *
 *   - PATH is relative to the current folder when the file lies below it.
 *   - A failure's message is the failure reason when there is one (a --max
 *     limit), else "score S below threshold T".
 *   - Listed findings: level >= opts.min_level; duplicates and suppressed
 *     findings appear in system-out with their note, never in a failure.
 *   - Text is escaped (& < > as entities, CR as &#13;), attributes also
 *     " ' tab and LF; characters XML 1.0 does not allow
 *     (most C0 controls, U+FFFE/U+FFFF, bad UTF-8) and DEL and the C1
 *     controls become U+FFFD.
 *   - No timestamps or durations: the output is deterministic.
 *
 * Errors: 0, or -1 when memory runs out.  No global state.
 */
#include "report.h"
#include "utf8.h"

#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD"

/* Append s escaped for XML text (attr = 0) or a double-quoted attribute. */
static int xml_escape(cs_buf *out, const char *str, size_t len, int attr)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned u;
        size_t n = cs_utf8_decode(s + i, len - i, &u);
        long cp = n ? (long)u : -1;
        if (n == 0)
            n = 1;
        const char *esc = NULL;
        switch (cp) {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = attr ? "&quot;" : NULL; break;
        case '\'': esc = attr ? "&apos;" : NULL; break;
        case '\t': esc = attr ? "&#9;" : NULL; break;
        case '\n': esc = attr ? "&#10;" : NULL; break;
        case '\r': esc = "&#13;"; break;
        default:
            if (cp < 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xFFFE ||
                cp == 0xFFFF)
                esc = REPLACEMENT;
        }
        int rc = esc ? cs_buf_puts(out, esc) : cs_buf_append(out, str + i, n);
        if (rc != 0)
            return -1;
        i += n;
    }
    return 0;
}

static int xml_str(cs_buf *out, const char *s, int attr)
{
    return xml_escape(out, s ? s : "", s ? strlen(s) : 0, attr);
}

/* One finding as a line: "path:line:col: level marker points "words" message [rule]". */
static int finding_text(cs_buf *t, const cs_run *run, const cs_scored *sc, const cs_buf *path,
                        const cs_finding *f)
{
    const cs_document *doc = &sc->doc;
    const cs_marker_conf *m = &run->cfg->markers[f->marker];
    cs_pos pos;
    cs_finding_pos(doc, f, &pos);
    char pts[32];
    cs_report_fmt_points(pts, sizeof pts, f->points);
    const char *note = cs_note_name(f->note);
    const char *msg = f->message && *f->message ? f->message : m->message;
    t->len = 0;
    if (cs_buf_printf(t, "%s:%d:%d: %s %s %s%s%s%s \"", path->data ? path->data : "", pos.line,
                      pos.col, cs_level_name(f->level), m->name, pts, note ? " (" : "",
                      note ? note : "", note ? ")" : "") != 0 ||
        cs_report_put_words(t, cs_doc_text(doc, &doc->passages[f->passage]) + f->start,
                            f->end - f->start) != 0 ||
        cs_buf_printf(t, "\" %s [%s]", msg ? msg : "", f->rule_id) != 0)
        return -1;
    if (f->suppress_reason && cs_buf_printf(t, " (suppressed: %s)", f->suppress_reason) != 0)
        return -1;
    return cs_buf_putc(t, '\n');
}

static int testcase(cs_buf *out, cs_buf *t, const cs_run *run, const cs_scored *sc,
                    const cs_buf *path)
{
    const cs_result *res = &sc->res;
    cs_level fail_level = run->opts.min_level > CS_LEVEL_WARNING ? run->opts.min_level
                                                                 : CS_LEVEL_WARNING;
    char score[32], thr[32];
    cs_report_fmt_number(score, sizeof score, res->score);
    cs_report_fmt_number(thr, sizeof thr, run->threshold);
    if (cs_buf_puts(out, "    <testcase classname=\"credscore\" name=\"") != 0 ||
        xml_escape(out, path->data ? path->data : "", path->len, 1) != 0 ||
        cs_buf_puts(out, "\">\n") != 0)
        return -1;
    if (sc->below) {
        t->len = 0;
        if (sc->why[0] ? cs_buf_puts(t, sc->why) != 0
                       : cs_buf_printf(t, "%sscore %s below threshold %s",
                                       sc->narrowed ? "new findings " : "", score, thr) != 0)
            return -1;
        if (sc->narrowed) { /* the gate judged the new findings; the real score beside */
            char whole[32];
            cs_report_fmt_number(whole, sizeof whole, sc->whole_score);
            if (cs_buf_printf(t, "%s (the whole article scores %s)",
                              sc->why[0] ? " (new findings only)" : "", whole) != 0)
                return -1;
        }
        if (cs_buf_puts(out, "      <failure message=\"") != 0 ||
            xml_escape(out, t->data, t->len, 1) != 0 ||
            cs_buf_printf(out, "\" type=\"%s\">", sc->why[0] ? "limit" : "threshold") != 0)
            return -1;
        for (size_t i = 0; i < res->nfindings; i++) {
            const cs_finding *f = &res->findings[i];
            if (f->level < fail_level || f->note == CS_NOTE_DUPLICATE || f->suppress_reason)
                continue;
            if (finding_text(t, run, sc, path, f) != 0 || xml_escape(out, t->data, t->len, 0) != 0)
                return -1;
        }
        if (cs_buf_puts(out, "</failure>\n") != 0)
            return -1;
    }
    if (res->error) {
        if (cs_buf_puts(out, "      <error message=\"") != 0 || xml_str(out, res->error, 1) != 0 ||
            cs_buf_puts(out, "\" type=\"plugin\"/>\n") != 0)
            return -1;
    }
    if (cs_buf_puts(out, "      <system-out>") != 0)
        return -1;
    for (size_t i = 0; i < res->nfindings; i++) {
        const cs_finding *f = &res->findings[i];
        if (f->level < run->opts.min_level)
            continue;
        if (finding_text(t, run, sc, path, f) != 0 || xml_escape(out, t->data, t->len, 0) != 0)
            return -1;
    }
    t->len = 0;
    if (cs_buf_printf(t, "%s: score %s/100, %s (%zu passage%s, %zu finding%s)",
                      path->data ? path->data : "", score, res->verdict ? res->verdict : "",
                      sc->doc.npassages, sc->doc.npassages == 1 ? "" : "s", res->nfindings,
                      res->nfindings == 1 ? "" : "s") != 0 ||
        xml_escape(out, t->data, t->len, 0) != 0 ||
        cs_buf_puts(out, "</system-out>\n    </testcase>\n") != 0)
        return -1;
    return 0;
}

int cs_report_run_junit(cs_buf *out, const cs_run *run)
{
    int rc = -1;
    cs_buf path = {0}, t = {0};
    size_t failures = 0, errors = 0;
    for (size_t a = 0; a < run->n; a++) {
        failures += run->items[a].below != 0;
        errors += run->items[a].res.error != NULL;
    }
    size_t tests = run->n + (run->errors ? 1 : 0);
    errors += run->errors ? 1 : 0;
    if (cs_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") != 0 ||
        cs_buf_printf(out, "<testsuites name=\"credscore\" tests=\"%zu\" failures=\"%zu\" "
                           "errors=\"%zu\">\n", tests, failures, errors) != 0 ||
        cs_buf_printf(out, "  <testsuite name=\"credscore\" tests=\"%zu\" failures=\"%zu\" "
                           "errors=\"%zu\" skipped=\"0\">\n", tests, failures, errors) != 0 ||
        cs_buf_puts(out, "    <properties>\n      <property name=\"credscore.version\" value=\"") != 0 ||
        xml_str(out, run->tool_version ? run->tool_version : "unknown", 1) != 0 ||
        cs_buf_puts(out, "\"/>\n") != 0)
        goto out;
    if (run->has_threshold) {
        char thr[32];
        cs_report_fmt_number(thr, sizeof thr, run->threshold);
        if (cs_buf_printf(out, "      <property name=\"threshold\" value=\"%s\"/>\n", thr) != 0)
            goto out;
    }
    if (cs_buf_printf(out, "      <property name=\"unscored\" value=\"%zu\"/>\n"
                           "    </properties>\n", run->errors) != 0)
        goto out;
    for (size_t a = 0; a < run->n; a++) {
        int inside;
        path.len = 0;
        if (cs_report_rel_path(&path, run->items[a].doc.path, &inside) != 0 ||
            testcase(out, &t, run, &run->items[a], &path) != 0)
            goto out;
    }
    if (run->errors &&
        cs_buf_printf(out, "    <testcase classname=\"credscore\" name=\"(unscored files)\">\n"
                           "      <error message=\"%zu file%s could not be scored (see the "
                           "errors on standard error)\" type=\"input\"/>\n    </testcase>\n",
                      run->errors, run->errors == 1 ? "" : "s") != 0)
        goto out;
    if (cs_buf_puts(out, "  </testsuite>\n</testsuites>\n") != 0)
        goto out;
    rc = 0;
out:
    cs_buf_free(&path);
    cs_buf_free(&t);
    return rc;
}
