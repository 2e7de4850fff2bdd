/*
 * fuzz_jsonl.c - libFuzzer target: `credscore score --jsonl` records.
 *
 * The input is a JSONL stream: split at '\n' as cmd_stream.c does
 * (trailing '\r' dropped, blank lines skipped), each line is read with
 * cs_jsonl_read (jsonl.c, the reader the stream command uses, one reader
 * reused across lines and inputs) and must give exactly what the jansson
 * reference cs_jsonl_parse_record gives: both accept or both refuse, with
 * the same id, text bytes, format and message.
 * A malformed record must come with a message, and its error line must be
 * valid JSON.  A good record's text is loaded as a document in its
 * format (text by default), the document invariants of fuzz_common.h are
 * checked, it is scored with one scorer built in LLVMFuzzerInitialize
 * (built-in config, bundled rules, no plugins, strict: a failing rule
 * fails the article without changing the scorer), every finding must lie
 * in its passage, the score in 0..100, and the JSON and text reports must
 * be written, the JSON one parsing back with jansson.
 *
 * The bundled rules are found through $CREDSCORE_RULES_DIR, set to
 * FUZZ_RULES_DIR (the source tree's rules/, given by the Makefile) unless
 * already set.  Per-input work is bounded by the input size (-max_len)
 * and the config's Lua instruction limit.  The scorer, config, result and
 * reader live for the whole process (freed by the OS at exit).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz_common.h"
#include "json_writer.h"
#include "jsonl.h"
#include "report.h"
#include "result.h"
#include "scorer.h"

#ifndef FUZZ_RULES_DIR
#define FUZZ_RULES_DIR "rules"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cs_config cfg;
static cs_scorer *scorer;
static cs_result res;
static cs_jsonl_reader reader;

static void quiet_log(void *ctx, int level, const char *message)
{
    (void)ctx;
    (void)level;
    (void)message;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cs_diag d;
    setenv("CREDSCORE_RULES_DIR", FUZZ_RULES_DIR, 0);
    if (cs_config_default(&cfg, &d) != 0) {
        fprintf(stderr, "fuzz_jsonl: %s\n", d.msg);
        abort();
    }
    cs_scorer_opts o;
    memset(&o, 0, sizeof o);
    o.no_plugins = 1;
    o.log = quiet_log;
    if (cs_scorer_new(&scorer, &cfg, &o, &d) != 0) {
        fprintf(stderr, "fuzz_jsonl: %s\n", d.msg);
        abort();
    }
    cs_result_init(&res);
    cs_jsonl_reader_init(&reader);
    return 0;
}

/* The JSON in b must parse back. */
static void check_json(const cs_buf *b)
{
    json_error_t je;
    json_t *v = json_loadb(b->data, b->len, 0, &je);
    if (v == NULL) {
        fprintf(stderr, "fuzz_jsonl: report is not JSON: %s\n%.*s\n", je.text, (int)b->len,
                b->data);
        __builtin_trap();
    }
    json_decref(v);
}

static void check_result(const cs_document *doc)
{
    FUZZ_CHECK(res.score >= 0 && res.score <= 100);
    FUZZ_CHECK(res.npassages == doc->npassages);
    for (size_t i = 0; i < res.nfindings; i++) {
        const cs_finding *f = &res.findings[i];
        FUZZ_CHECK(f->passage < doc->npassages);
        FUZZ_CHECK(f->start <= f->end && f->end <= doc->passages[f->passage].len);
        FUZZ_CHECK(f->marker >= 0 && (size_t)f->marker < cfg.nmarkers);
        cs_pos pos;
        cs_finding_pos(doc, f, &pos);
        FUZZ_CHECK(pos.src_start <= pos.src_end && pos.src_end <= doc->source.len);
        FUZZ_CHECK(pos.line >= 1 && pos.col >= 1 && pos.end_line >= pos.line);
    }
}

/* The reader's record must be the reference's. */
static void check_same_as_reference(const char *line, size_t len, int got,
                                    const cs_jsonl_record *rec)
{
    json_t *root = NULL;
    char *id = NULL, *id_json = NULL;
    const char *text = NULL;
    size_t text_len = 0;
    cs_format fmt = CS_FORMAT_TEXT;
    char err[CS_JSONL_ERR_MAX];
    err[0] = '\0';
    int want = cs_jsonl_parse_record(line, len, &root, &id, &id_json, &text, &text_len, &fmt,
                                     err, sizeof err);
    FUZZ_CHECK(got == want);
    FUZZ_CHECK((rec->id == NULL) == (id == NULL));
    FUZZ_CHECK(id == NULL || strcmp(rec->id, id) == 0);
    FUZZ_CHECK((rec->id_json == NULL) == (id_json == NULL));
    FUZZ_CHECK(id_json == NULL || strcmp(rec->id_json, id_json) == 0);
    if (want != 0) {
        FUZZ_CHECK(rec->err != NULL && strcmp(rec->err, err) == 0);
    } else {
        FUZZ_CHECK(rec->text_len == text_len && memcmp(rec->text, text, text_len) == 0);
        FUZZ_CHECK(rec->text[text_len] == '\0');
        FUZZ_CHECK(rec->fmt == fmt);
    }
    json_decref(root);
    free(id);
    free(id_json);
}

static void one_record(const char *line, size_t len)
{
    cs_jsonl_record rec;
    cs_buf out = {0};
    cs_json j;
    int rc = cs_jsonl_read(&reader, line, len, CS_FORMAT_TEXT, &rec);
    check_same_as_reference(line, len, rc, &rec);
    const char *id = rec.id, *err = rec.err;
    if (rc != 0) {
        FUZZ_CHECK(err != NULL && err[0] != '\0');
        cs_json_init(&j, &out, 0); /* the error line cmd_stream.c writes */
        cs_json_object(&j);
        cs_json_key(&j, "id");
        if (rec.id_json)
            cs_json_raw(&j, rec.id_json);
        else
            cs_json_null(&j);
        cs_json_key(&j, "error");
        cs_json_string(&j, err);
        cs_json_end_object(&j);
        FUZZ_CHECK(!cs_json_failed(&j));
        check_json(&out);
        goto done;
    }
    FUZZ_CHECK(id != NULL && rec.text != NULL);
    FUZZ_CHECK(rec.fmt == CS_FORMAT_TEXT || rec.fmt == CS_FORMAT_MARKDOWN ||
               rec.fmt == CS_FORMAT_HTML || rec.fmt == CS_FORMAT_AUTO);
    cs_document doc;
    cs_diag d;
    d.msg[0] = '\0';
    if (cs_document_load_memory(&doc, id, rec.text, rec.text_len, rec.fmt, &d) != 0) {
        FUZZ_CHECK(d.msg[0] != '\0');
        cs_document_free(&doc);
        goto done;
    }
    fuzz_check_document(&doc);
    if (cs_scorer_score(scorer, &doc, &res, &d) != 0) {
        FUZZ_CHECK(d.msg[0] != '\0');
        cs_document_free(&doc);
        goto done;
    }
    check_result(&doc);
    cs_report_opts ro = {.min_level = CS_LEVEL_INFO, .show_zero = 1};
    cs_json_init(&j, &out, 0);
    FUZZ_CHECK(cs_report_json_article(&j, &doc, &res, &cfg, rec.id_json, &ro) == 0);
    FUZZ_CHECK(!cs_json_failed(&j));
    check_json(&out);
    out.len = 0;
    FUZZ_CHECK(cs_report_text(&out, &doc, &res, &cfg, &ro) == 0);
    cs_document_free(&doc);
done:
    cs_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            nl = end;
        size_t len = (size_t)(nl - p);
        while (len && p[len - 1] == '\r')
            len--;
        if (len > 0)
            one_record(p, len);
        p = nl + 1;
    }
    return 0;
}
