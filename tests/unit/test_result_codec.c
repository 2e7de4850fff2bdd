/* test_result_codec.c - a scored result as bytes (result_codec.h): what a
 * worker encodes the parent decodes to the same result, strings and all;
 * bytes cut short, with trailing garbage or for another marker set are
 * refused. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document_load.h"
#include "merge.h"
#include "result_codec.h"
#include "tap.h"
#include "test_finding.h"

/* Do a and b hold the same findings, passages, markers and totals? */
static int same_result(const cs_result *a, const cs_result *b)
{
    if (a->nfindings != b->nfindings || a->npassages != b->npassages ||
        a->nmarkers != b->nmarkers || a->score != b->score || a->base != b->base ||
        a->raw_points != b->raw_points || a->good != b->good || a->weak != b->weak ||
        a->unsourced != b->unsourced || a->sources != b->sources)
        return 0;
    for (size_t i = 0; i < a->nfindings; i++) {
        const cs_finding *x = &a->findings[i], *y = &b->findings[i];
        if (x->marker != y->marker || x->passage != y->passage || x->start != y->start ||
            x->end != y->end || x->weight != y->weight || x->points != y->points ||
            x->note != y->note || x->claim != y->claim || x->source_key != y->source_key ||
            strcmp(x->rule_id, y->rule_id) != 0 || strcmp(x->source, y->source) != 0 ||
            strcmp(x->message, y->message) != 0 ||
            (x->suppress_reason == NULL) != (y->suppress_reason == NULL) ||
            (x->suppress_reason && strcmp(x->suppress_reason, y->suppress_reason) != 0))
            return 0;
    }
    return memcmp(a->passages, b->passages, a->npassages * sizeof *a->passages) == 0 &&
           memcmp(a->markers, b->markers, a->nmarkers * sizeof *a->markers) == 0;
}

int main(void)
{
    cs_config cfg;
    cs_diag d;
    ok(cs_config_default(&cfg, &d) == 0, "built-in config loads");
    const char *text = "Mayor Ana Kerrigan said the quay opens.\n\nOfficials said it ran out.\n";
    cs_document doc;
    ok(cs_document_load_memory(&doc, "t", text, strlen(text), CS_FORMAT_TEXT, &d) == 0,
       "article loads");

    cs_result r, back;
    cs_result_init(&r);
    cs_result_init(&back);
    cs_finding f = test_finding(&cfg, "on_record", 0, 0, 23, 6);
    cs_result_add(&r, &f);
    f = test_finding(&cfg, "anonymous", 1, 0, 14, -8);
    f.message = "an unnamed source: \xc3\xa9 \"quoted\"";
    f.suppress_reason = "cleared by the desk";
    cs_result_add(&r, &f);
    ok(cs_merge_document(&cfg, &doc, &r) == 0, "merge runs");
    r.error = (char *)cs_result_strdup(&r, "plugin x failed", 15);
    r.warnings = NULL;

    cs_buf bytes = {0};
    is_int(cs_result_encode(&r, &bytes), 0, "encode: 0");
    ok(bytes.len > 0, "encode: some bytes");
    is_int(cs_result_decode(bytes.data, bytes.len, &cfg, &back), 0, "decode: 0");
    ok(same_result(&r, &back), "round trip: findings, passages, markers and totals equal");
    is_str(back.verdict, r.verdict, "round trip: the verdict looked up again");
    is_str(back.error, "plugin x failed", "round trip: the error string");
    ok(back.warnings == NULL, "round trip: no warnings stays NULL");
    is_str(back.findings[1].suppress_reason, "cleared by the desk",
           "round trip: the suppress reason");
    ok(back.findings[0].suppress_reason == NULL, "round trip: no suppress reason stays NULL");
    ok(back.findings[1].message != r.findings[1].message,
       "decoded strings are copies in the receiving result");

    /* The decoded result encodes and decodes to the same result again
     * (bytes are not compared: a finding's padding travels as it is). */
    cs_buf again = {0};
    cs_result twice;
    cs_result_init(&twice);
    ok(cs_result_encode(&back, &again) == 0 &&
       cs_result_decode(again.data, again.len, &cfg, &twice) == 0 && same_result(&r, &twice),
       "decode(encode(decode(x))) is the same result");
    ok(again.len == bytes.len, "and as many bytes");
    cs_result_free(&twice);

    /* Every shorter prefix is refused, and one byte too many too. */
    int refused = 1;
    for (size_t n = 0; n < bytes.len; n++)
        if (cs_result_decode(bytes.data, n, &cfg, &back) != -1) {
            refused = 0;
            printf("# prefix of %zu bytes accepted\n", n);
        }
    ok(refused, "every prefix of the bytes is refused (%zu prefixes)", bytes.len);
    cs_buf_putc(&bytes, 'x');
    is_int(cs_result_decode(bytes.data, bytes.len, &cfg, &back), -1,
           "trailing garbage is refused");
    bytes.len--;

    /* A finding whose marker index is out of range is refused. */
    cs_result bad;
    cs_result_init(&bad);
    f = test_finding(&cfg, "on_record", 0, 0, 4, 6);
    f.marker = (int)cfg.nmarkers;
    cs_result_add(&bad, &f);
    cs_buf bad_bytes = {0};
    cs_result_encode(&bad, &bad_bytes);
    is_int(cs_result_decode(bad_bytes.data, bad_bytes.len, &cfg, &back), -1,
           "a marker index past the config's markers is refused");

    /* Bytes for another marker set (a different config) are refused. */
    size_t nm = cfg.nmarkers;
    cfg.nmarkers = nm - 1;
    is_int(cs_result_decode(bytes.data, bytes.len, &cfg, &back), -1,
           "bytes for another number of markers are refused");
    cfg.nmarkers = nm;

    /* An empty result survives too. */
    cs_result empty;
    cs_result_init(&empty);
    for (size_t i = 0; i < cfg.nmarkers; i++) {
        cs_marker_total t = {0};
        void *items = empty.markers;
        cs_array_grow(&items, &empty.markers_cap, empty.nmarkers + 1, sizeof t);
        empty.markers = items;
        empty.markers[empty.nmarkers++] = t;
    }
    empty.score = 100;
    again.len = 0;
    is_int(cs_result_encode(&empty, &again), 0, "an empty result encodes");
    is_int(cs_result_decode(again.data, again.len, &cfg, &back), 0, "and decodes");
    ok(back.nfindings == 0 && back.npassages == 0 && back.score == 100,
       "with no findings, no passages and its score");

    cs_result_free(&empty);
    cs_result_free(&bad);
    cs_buf_free(&bad_bytes);
    cs_buf_free(&again);
    cs_buf_free(&bytes);
    cs_result_free(&back);
    cs_result_free(&r);
    cs_document_free(&doc);
    cs_config_free(&cfg);
    return done_testing();
}
