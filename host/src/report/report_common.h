/*
 * report_common.h - helpers every report writer shares (report_text.c,
 * report_json.c, report_github.c, report_sarif.c, report_junit.c,
 * report_html.c): where a finding stands in the original file, note names,
 * paths as reports show them, numbers and points as reports print them,
 * matched words on one line.  Below the writers, so none of them needs
 * another to build.
 */
#ifndef CS_REPORT_COMMON_H
#define CS_REPORT_COMMON_H

#include <stddef.h>

#include "buf.h"
#include "document.h"
#include "result.h"

/* Where a finding stands in the original file. */
typedef struct cs_pos {
    size_t src_start, src_end;
    int line, col, end_line, end_col;
} cs_pos;

/* Fill pos with the source bytes, start and end line:column of finding f of doc. */
void cs_finding_pos(const cs_document *doc, const cs_finding *f, cs_pos *pos);

/* Human-readable note for a finding's points ("duplicate", "passage cap"...), or NULL. */
const char *cs_note_name(cs_point_note n);

/* Append path as reports show it: relative to the current folder, without
 * a leading "./", when it lies below it (*inside = 1), else absolute and
 * normalised (*inside = 0); an absolute path through a symbolic link to the
 * current folder counts as below it.  "-" (standard input) and "" stay as
 * they are; with no usable current folder, the path as given less "./".
 * Returns 0, or -1 when memory runs out. */
int cs_report_rel_path(cs_buf *out, const char *path, int *inside);
/* A number into buf (size n) as the JSON writer prints a finite one: at
 * most 3 decimals, no trailing zeros, no -0.  NaN gives "0", an infinity
 * "inf" or "-inf". */
void cs_report_fmt_number(char *buf, size_t n, double v);
/* Points for people, rounded to one decimal: "+6", "-8", "+1.5", "0"
 * ("0" for NaN), into buf (size n). */
void cs_report_fmt_points(char *buf, size_t n, double v);
/* Append matched words (len bytes of s) on one line: white space folded to
 * single spaces and trimmed, cut with "..." after 80 characters.  Returns
 * 0, or -1 when memory runs out. */
int cs_report_put_words(cs_buf *out, const char *s, size_t len);
/* The same cut after 80 bytes instead of 80 characters: the text report's
 * count, kept as it was. */
int cs_report_put_words_bytes(cs_buf *out, const char *s, size_t len);
/* What reaches a terminal for code point cp: a control character made
 * visible (\x1b, \u009b: cs_escape_control) in tmp, a tab kept when
 * keep_tab (NULL: the character as it is).  Bytes that are not UTF-8 are
 * the caller's to replace (cs_escape_text does it).  A cs_escape_text
 * callback. */
const char *cs_report_term_escape(unsigned cp, char tmp[8], int keep_tab);

#endif
