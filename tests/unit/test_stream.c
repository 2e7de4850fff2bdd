/* test_stream.c - a JSONL stream scored in worker processes (stream.h):
 * one answer per record in input order, a malformed line answered with
 * {"id", "line", "error"} and counted, blank lines skipped, the gates
 * counting the records that fail; a record that runs over the time limit
 * replayed alone, lost with its id and a warning while the others are
 * answered; a stop before reading answers nothing; how the first error
 * lines are told. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stream.h"
#include "scratch.h"
#include "tap.h"

static char dir[] = "/tmp/cs-stream-test.XXXXXX";
static char warned[512];

static void warn(void *ctx, const char *msg)
{
    (void)ctx;
    snprintf(warned, sizeof warned, "%s", msg);
}

/* A file of the scratch folder (scratch.h). */
static void put(const char *name, const char *text)
{
    scratch_put(dir, name, text);
}

/* Run the stream in file `in` through s, its answers committed to
 * out.jsonl (of); the output text. */
static char *run(cs_stream *s, cs_out_file *of, const char *in, cs_stream_totals *t, int *rc)
{
    static char text[65536];
    char path[4200];
    cs_diag d;
    snprintf(path, sizeof path, "%s/out.jsonl", dir);
    unlink(path);
    cs_out_open(of, path, &d);
    snprintf(path, sizeof path, "%s/%s", dir, in);
    FILE *f = fopen(path, "r");
    cs_line_reader r;
    cs_line_reader_init(&r, f ? fileno(f) : -1, CS_STREAM_MAX_LINE);
    *rc = cs_stream_run(s, &r, t, &d);
    cs_line_reader_free(&r);
    if (f)
        fclose(f);
    cs_out_commit(of, &d);
    cs_out_abort(of);
    snprintf(path, sizeof path, "%s/out.jsonl", dir);
    f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = '\0';
    if (f)
        fclose(f);
    return text;
}

/* Line k (1-based) of text, up to max bytes. */
static const char *line_of(const char *text, int k, size_t max)
{
    static char buf[600];
    for (; k > 1 && text; k--)
        text = (text = strchr(text, '\n')) ? text + 1 : NULL;
    size_t n = text ? strcspn(text, "\n") : 0;
    snprintf(buf, sizeof buf, "%.*s", (int)(n < max ? n : max), text ? text : "");
    return buf;
}

int main(void)
{
    cs_diag d;
    cs_session ses;
    cs_gate gate;
    if (mkdtemp(dir) == NULL)
        return ok(0, "scratch folder"), done_testing();
    put("slow.lua", "rule { id = \"slow-pattern\", marker = \"vague\", needs = { \"slowly\" },\n"
                    "  check = function(p)\n"
                    "    local s = (\"a\"):rep(30)\n"
                    "    if s:find((\"a?\"):rep(30) .. (\"a\"):rep(30)) then return nil end\n"
                    "  end }\n"
                    "rule { id = \"critics\", marker = \"vague\", phrases = { \"critics say\" } }\n");
    put("c.yaml", "rules: [slow.lua]\nplugins: []\nlimits: {instructions: 0}\n");
    put("in.jsonl", "{\"id\":\"a\",\"text\":\"Critics say it moved.\"}\n"
                    "{\"id\":\"b\",\"text\":\n"
                    "\n"
                    "{\"id\":7,\"text\":\"It stood still.\"}\n");
    put("slow.jsonl", "{\"id\":\"a\",\"text\":\"Critics say it moved.\"}\n"
                      "{\"id\":\"s\",\"text\":\"It moved slowly.\"}\n"
                      "{\"id\":\"c\",\"text\":\"Critics say it stopped.\"}\n");
    char conf[4200];
    snprintf(conf, sizeof conf, "%s/c.yaml", dir);
    cs_session_opts so = {.config_path = conf};
    if (cs_session_open(&ses, &so, 1, &d) != 0)
        return ok(0, "session: %s", d.msg), done_testing();
    cs_gate_opts go = {.has_fail_under = 1, .fail_under = 60};
    if (cs_gate_open(&gate, &ses.cfg, &go, &d) != 0)
        return ok(0, "gate: %s", d.msg), done_testing();

    volatile sig_atomic_t stop = 0;
    cs_out_file of = {.fd = -1, .slot = -1};
    cs_stream_opts o = {.ses = &ses, .gate = &gate, .jobs = 2, .timeout = 1, .name = "in",
                        .out = &of, .warn = warn, .stop = &stop};
    cs_stream *s;
    cs_stream_totals t;
    int rc;
    is_int(cs_stream_start(&s, &o, &d), 0, "starts");
    char *text = run(s, &of, "in.jsonl", &t, &rc);
    is_int(rc, 0, "the stream is answered");
    ok(t.lines == 4 && t.written == 3, "4 lines read, 3 records answered (%zu, %zu)", t.lines,
       t.written);
    ok(t.errors == 1 && t.first_errors[0] == 2, "one error, on line 2");
    is_int((int)t.failed, 1, "one record below 60 (the gate; 7 has nothing to judge)");
    is_str(line_of(text, 1, 9), "{\"id\":\"a\"", "answer 1: record a");
    ok(strncmp(line_of(text, 2, 200), "{\"id\":null,\"line\":2,\"error\":", 28) == 0,
       "answer 2: the malformed line, with its line: %s", line_of(text, 2, 200));
    is_str(line_of(text, 3, 7), "{\"id\":7", "answer 3: record 7 (the blank line skipped)");
    is_str(line_of(text, 4, 10), "", "nothing more");
    cs_stream_free(s);

    /* a runaway record: its batch is replayed, only it is lost */
    is_int(cs_stream_start(&s, &o, &d), 0, "starts again");
    text = run(s, &of, "slow.jsonl", &t, &rc);
    is_int(rc, 0, "the stream with a runaway is answered");
    ok(t.written == 3 && t.errors == 1 && t.first_errors[0] == 2,
       "every record answered, one error on line 2");
    char want[4400];
    snprintf(want, sizeof want,
             "{\"id\":\"s\",\"line\":2,\"error\":\"not scored: took longer than 1 s and was "
             "stopped in rule slow-pattern (%s/slow.lua:1)\"}",
             dir);
    is_str(line_of(text, 2, 500), want, "the runaway's answer names it, the time and the rule");
    is_str(line_of(text, 3, 9), "{\"id\":\"c\"", "the record after it is answered, in order");
    ok(strncmp(warned, "line 2: not scored: took longer than 1 s", 40) == 0 &&
           strstr(warned, "; the other lines go on") != NULL,
       "a warning names the line: %s", warned);
    cs_stream_free(s);

    /* stopped before reading */
    stop = 1;
    is_int(cs_stream_start(&s, &o, &d), 0, "starts a third time");
    run(s, &of, "in.jsonl", &t, &rc);
    ok(rc == 0 && t.lines == 0 && t.written == 0, "a stop before reading: nothing read");
    cs_stream_free(s);

    char buf[128];
    cs_stream_totals e = {.errors = 1, .first_errors = {4}};
    cs_stream_error_lines(&e, buf, sizeof buf);
    is_str(buf, "line 4", "one error line");
    e = (cs_stream_totals){.errors = 2, .first_errors = {4, 9}};
    cs_stream_error_lines(&e, buf, sizeof buf);
    is_str(buf, "lines 4 and 9", "two");
    e = (cs_stream_totals){.errors = 3, .first_errors = {4, 9, 17}};
    cs_stream_error_lines(&e, buf, sizeof buf);
    is_str(buf, "lines 4, 9 and 17", "three");
    e = (cs_stream_totals){.errors = 5, .first_errors = {4, 9, 17}};
    cs_stream_error_lines(&e, buf, sizeof buf);
    is_str(buf, "lines 4, 9, 17 and 2 more", "more");

    cs_gate_close(&gate);
    cs_session_close(&ses);
    scratch_remove(dir);
    return done_testing();
}
