/*
 * test_draft_rule.c - a rule file given as text (cs_scorer_opts.draft, the
 * playground's draft rule) and a rule's examples (rule_examples.h).
 *
 * A draft loads after the other rule files as "draft:NAME.lua" and replaces
 * the rule file named NAME.lua (given as a file or found in a folder);
 * its errors name "draft:NAME.lua" at the line (also an unknown field,
 * whose line is searched in the text: there is no file to read again);
 * limits apply as to a file; a bad NAME is refused.  A session builds
 * such scorers (cs_session_draft_scorer): with the configuration's rules
 * and plugins, or the draft alone as `credscore test` loads it.  The HTML
 * report's article and stylesheet (cs_report_html_article/style) are the
 * bytes of the whole page's.  Runs in a fresh temporary folder.  Output:
 * TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "document.h"
#include "document_load.h"
#include "report.h"
#include "result.h"
#include "rule_examples.h"
#include "rules.h"
#include "scorer.h"
#include "session.h"
#include "tap.h"

#define BUDGET "instruction budget exceeded (1000000 instructions per call; raise " \
               "limits.instructions in the config)"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
}

static void discard_log(void *ctx, int level, const char *message)
{
    (void)ctx, (void)level, (void)message;
}

/* A scorer over files[] with a draft NAME / source; 0, or -1 with d. */
static int build(cs_scorer **s, cs_config *cfg, const char *const *files, size_t n,
                 const char *name, const char *source, cs_diag *d)
{
    cs_rule_draft dr = {name, source, source ? strlen(source) : 0};
    cs_scorer_opts o = {0};
    o.rule_files = files;
    o.nrule_files = n;
    o.no_plugins = 1;
    o.skip_override_check = 1;
    o.draft = name ? &dr : NULL;
    o.log = discard_log;
    return cs_scorer_new(s, cfg, &o, d);
}

static const char *source_of(const cs_scorer *s, const char *id)
{
    const cs_ruleset *rs = cs_scorer_rules(s);
    long i = cs_ruleset_find(rs, id);
    return i < 0 ? NULL : rs->rules[i].source;
}

/* The loaded rule files, joined by spaces. */
static const char *files_of(const cs_scorer *s, char *buf, size_t size)
{
    const char *const *files;
    size_t n = cs_scorer_rule_files(s, &files), w = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && w < size; i++)
        w += (size_t)snprintf(buf + w, size - w, "%s%s", i ? " " : "", files[i]);
    return buf;
}

static void replaces(cs_config *cfg)
{
    char buf[256];
    cs_diag d = {{0}};
    cs_scorer *s = NULL;
    const char *files[] = {"a.lua", "mine.lua"};
    if (ok(build(&s, cfg, files, 2, "mine",
                 "-- a draft\nrule { id = 'm2', marker = 'vague', phrases = { 'people say' } }\n",
                 &d) == 0, "file: the draft loads")) {
        is_str(files_of(s, buf, sizeof buf), "a.lua draft:mine.lua",
               "file: mine.lua is replaced by draft:mine.lua, loaded last");
        is_str(source_of(s, "a1"), "a.lua:1", "file: the other file's rule is kept");
        ok(source_of(s, "m1") == NULL, "file: the replaced file's rule is gone");
        is_str(source_of(s, "m2"), "draft:mine.lua:2", "file: the draft's rule, at its line");
        is_str(cs_scorer_rule_file_path(s, "a.lua"), "a.lua", "file: a.lua was read from a.lua");
        ok(cs_scorer_rule_file_path(s, "draft:mine.lua") == NULL &&
           cs_scorer_rule_file_path(s, "mine.lua") == NULL,
           "file: no path for the draft or the replaced file");
    } else {
        printf("# %s\n", d.msg);
    }
    cs_scorer_free(s);
    s = NULL;
    const char *dir[] = {"pack"};
    if (ok(build(&s, cfg, dir, 1, "mine.lua",
                 "rule { id = 'm1', marker = 'vague', phrases = { 'people say' } }\n", &d) == 0,
           "folder: a draft named mine.lua loads")) {
        is_str(files_of(s, buf, sizeof buf), "pack/a.lua pack/b.lua draft:mine.lua",
               "folder: pack/mine.lua is left out, the draft loaded last");
        is_str(source_of(s, "m1"), "draft:mine.lua:1",
               "folder: the draft's rule may keep the replaced rule's id");
    } else {
        printf("# %s\n", d.msg);
    }
    cs_scorer_free(s);
    s = NULL;
    const char *none[] = {NULL};
    if (ok(build(&s, cfg, none, 0, "new-rule_1.x",
                 "rule { id = 'n', marker = 'vague', phrases = { 'people say' } }\n", &d) == 0,
           "alone: a draft with no other rule file")) {
        is_str(files_of(s, buf, sizeof buf), "draft:new-rule_1.x.lua", "alone: only the draft");
    } else {
        printf("# %s\n", d.msg);
    }
    cs_scorer_free(s);
}

/* cs_scorer_new must fail with exactly `want`. */
static void fails(cs_config *cfg, const char *name, const char *source, const char *want,
                  const char *what)
{
    const char *files[] = {"a.lua", "mine.lua"};
    cs_scorer *s = NULL;
    cs_diag d = {{0}};
    int rc = build(&s, cfg, files, 2, name, source, &d);
    is_int(rc, -1, "%s: refused", what);
    is_str(rc ? d.msg : "", want, "%s: message", what);
    cs_scorer_free(s);
}

static void errors(cs_config *cfg)
{
    fails(cfg, "mine", "rule {\n  id = 'x',\n  marker = 'vague'\n  phrases = { 'y' } }\n",
          "draft:mine.lua:4: '}' expected (to close '{' at line 1) near 'phrases'",
          "syntax error");
    fails(cfg, "mine",
          "rule {\n  id = 'x', marker = 'vague',\n  phrases = { 'y' },\n\n  mesage = 'm',\n}\n",
          "draft:mine.lua:5: rule 'x': unknown field 'mesage' (did you mean 'message'?)",
          "unknown field at the line where it is written");
    fails(cfg, "mine", "\n\nrule { id = 'x', marker = 'nope', phrases = { 'y' } }\n",
          "draft:mine.lua:3: rule 'x': unknown marker 'nope' (known: anonymous, vague, "
          "unverified, hedged, on_record, institutional, media, social)",
          "unknown marker");
    fails(cfg, "mine", "rule { id = 'a1', marker = 'vague', phrases = { 'y' } }\n",
          "draft:mine.lua:1: duplicate rule id 'a1' (first defined at a.lua:1)",
          "an id another file defines");
    fails(cfg, "mine", "local n = 0\nwhile true do n = n + 1 end\n",
          "draft:mine.lua:2: " BUDGET, "a runaway draft stops at the instruction budget");
    fails(cfg, "mine", "error('no')\n", "draft:mine.lua:1: no", "a draft that raises");
    fails(cfg, "mine", "\x1bLua\x54\x00", "draft:mine.lua: attempt to load a binary chunk "
          "(mode is 't'): rule files must be Lua source text (bytecode is refused)",
          "bytecode is refused");
    fails(cfg, "../a", "", "draft rule name '../a': use 1 to 64 letters, digits, '-', '_' or "
          "'.' (not starting with '.')", "a name with a slash");
    fails(cfg, "", "", "draft rule name '': use 1 to 64 letters, digits, '-', '_' or '.' (not "
          "starting with '.')", "an empty name");
    fails(cfg, ".lua", "", "draft rule name '.lua': use 1 to 64 letters, digits, '-', '_' or "
          "'.' (not starting with '.')", "a name that is only the suffix");
    ok(cs_rule_draft_name_ok("a.b-c_D9") && cs_rule_draft_name_ok("x.lua") &&
       !cs_rule_draft_name_ok("a b") && !cs_rule_draft_name_ok(".hidden") &&
       !cs_rule_draft_name_ok(NULL) &&
       !cs_rule_draft_name_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
       "cs_rule_draft_name_ok: letters, digits, '-', '_', '.'; not hidden, at most 64");
}

static void examples(cs_config *cfg)
{
    const char *none[] = {NULL};
    cs_scorer *s = NULL;
    cs_diag d = {{0}};
    const char *src = "rule { id = 'h', marker = 'vague', select = 'heading',\n"
                      "  phrases = { 'critics say' } }\n"
                      "rule { id = 'p', marker = 'vague', phrases = { 'critics say' } }\n";
    if (!ok(build(&s, cfg, none, 0, "ex", src, &d) == 0, "examples: the draft loads")) {
        printf("# %s\n", d.msg);
        return;
    }
    const cs_ruleset *rs = cs_scorer_rules(s);
    const cs_rule *h = &rs->rules[cs_ruleset_find(rs, "h")];
    const cs_rule *p = &rs->rules[cs_ruleset_find(rs, "p")];
    cs_result res;
    cs_result_init(&res);
    cs_document doc;
    is_int(cs_example_score(s, h, "Critics say the plan is late.", &doc, &res, &d), 0,
           "examples: a heading rule's example is scored");
    is_int(cs_example_fired(&res, h), 1, "examples: ... as a heading, so the rule fires");
    is_int(doc.npassages, 1, "examples: ... one passage");
    cs_document_free(&doc);
    is_int(cs_example_score(s, p, "The plan is late.", &doc, &res, &d), 0,
           "examples: a paragraph example is scored");
    is_int(cs_example_fired(&res, p), 0, "examples: ... and the rule does not fire on it");
    cs_document_free(&doc);
    cs_result_free(&res);
    cs_scorer_free(s);
}

static int count_rules(const cs_scorer *s, const char *prefix)
{
    const cs_ruleset *rs = cs_scorer_rules(s);
    int n = 0;
    for (size_t i = 0; i < rs->nrules; i++)
        n += strncmp(rs->rules[i].source, prefix, strlen(prefix)) == 0;
    return n;
}

static void session(void)
{
    write_file("credscore.yaml", "rules: [\"pack/\"]\nplugins: [{path: ./nope.so}]\n");
    cs_session ses;
    cs_session_opts o = {0};
    cs_diag d = {{0}};
    o.config_path = "credscore.yaml";
    o.quiet = 1;
    if (!ok(cs_session_open(&ses, &o, 0, &d) == 0, "session: opens")) {
        printf("# %s\n", d.msg);
        return;
    }
    cs_rule_draft dr = {"mine", "rule { id = 'm9', marker = 'vague', phrases = { 'x y' },\n"
                                "  examples = { hit = { 'x y z' } } }\n", 0};
    dr.len = strlen(dr.source);
    cs_scorer *s = NULL;
    is_int(cs_session_draft_scorer(&ses, &o, &dr, 0, &s, &d), -1,
           "session: with the configuration, its plugins are loaded too");
    ok(strstr(d.msg, "nope.so") != NULL, "... and one that is missing fails: %s", d.msg);
    if (!ok(cs_session_draft_scorer(&ses, &o, &dr, 1, &s, &d) == 0,
            "session: the draft alone loads without plugins"))
        printf("# %s\n", d.msg);
    else {
        is_int(cs_scorer_rules(s)->nrules, 1, "... only the draft's rule");
        is_int(cs_scorer_plugins(s)->n, 0, "... no plugin");
    }
    cs_scorer_free(s);
    s = NULL;
    write_file("credscore.yaml", "rules: [\"pack/\"]\nplugins: []\n");
    cs_session_close(&ses);
    if (!ok(cs_session_open(&ses, &o, 0, &d) == 0, "session: opens again without plugins"))
        return;
    if (ok(cs_session_draft_scorer(&ses, &o, &dr, 0, &s, &d) == 0,
           "session: the configuration's rules with the draft")) {
        is_int(count_rules(s, "pack/"), 2, "... pack/a.lua and pack/b.lua");
        is_int(count_rules(s, "draft:mine.lua"), 1, "... and the draft, in place of pack/mine.lua");
    } else {
        printf("# %s\n", d.msg);
    }
    cs_scorer_free(s);
    cs_session_close(&ses);
    unlink("credscore.yaml");
}

/* The article section and the stylesheet are the page's own bytes. */
static void html_parts(cs_config *cfg)
{
    const char *files[] = {"a.lua"};
    cs_scorer *s = NULL;
    cs_diag d = {{0}};
    if (!ok(build(&s, cfg, files, 1, NULL, NULL, &d) == 0, "html: scorer"))
        return;
    cs_scored sc;
    memset(&sc, 0, sizeof sc);
    cs_result_init(&sc.res);
    static const char text[] = "# Title\n\nOfficials said it <b>was</b> late.\n";
    cs_buf page = {0}, art = {0}, css = {0};
    if (ok(cs_document_load_memory(&sc.doc, "t.md", text, sizeof text - 1, CS_FORMAT_MARKDOWN,
                                   &d) == 0 && cs_scorer_score(s, &sc.doc, &sc.res, &d) == 0,
           "html: scored")) {
        cs_run run = {0};
        run.items = &sc;
        run.n = 1;
        run.cfg = cfg;
        run.rules = cs_scorer_rules(s);
        run.tool_version = "test";
        ok(cs_report_run_html(&page, &run) == 0 && cs_report_html_article(&art, &run, &sc) == 0 &&
           cs_report_html_style(&css, cfg) == 0 && cs_buf_terminate(&page) == 0 &&
           cs_buf_terminate(&art) == 0 && cs_buf_terminate(&css) == 0, "html: written");
        ok(art.len > 0 && strncmp(art.data, "<section class=\"article\" id=\"a1\" ", 33) == 0 &&
           strstr(art.data, ">Officials said</mark>") != NULL,
           "html: the article section, its finding marked");
        const char *at = strstr(page.data, art.data);
        ok(at != NULL && strncmp(at + art.len, "</main>", 7) == 0,
           "html: ... byte for byte the page's section");
        const char *st = strstr(page.data, "<style>\n");
        ok(st != NULL && strncmp(st + 8, css.data, css.len) == 0 &&
           strncmp(st + 8 + css.len, "</style>", 8) == 0 && strstr(css.data, ".m-anonymous{"),
           "html: the stylesheet is the page's, marker colours included");
    }
    cs_buf_free(&page);
    cs_buf_free(&art);
    cs_buf_free(&css);
    cs_document_free(&sc.doc);
    cs_result_free(&sc.res);
    cs_scorer_free(s);
}

int main(void)
{
    char dir[] = "/tmp/credscore-draft.XXXXXX";
    char back[4096];
    if (getcwd(back, sizeof back) == NULL || mkdtemp(dir) == NULL || chdir(dir) != 0 ||
        mkdir("pack", 0700) != 0) {
        printf("Bail out! no temporary folder\n");
        return 1;
    }
    write_file("a.lua",
               "rule { id = 'a1', marker = 'anonymous', phrases = { 'officials said' } }\n");
    write_file("mine.lua", "rule { id = 'm1', marker = 'vague', phrases = { 'some say' } }\n");
    write_file("pack/a.lua", "rule { id = 'a1', marker = 'anonymous', phrases = { 'x y' } }\n");
    write_file("pack/b.lua", "rule { id = 'b1', marker = 'anonymous', phrases = { 'y z' } }\n");
    write_file("pack/mine.lua", "rule { id = 'm1', marker = 'vague', phrases = { 'some say' } }\n");
    cs_config cfg;
    cs_diag d;
    if (cs_config_default(&cfg, &d) != 0) {
        printf("Bail out! %s\n", d.msg);
        return 1;
    }
    replaces(&cfg);
    errors(&cfg);
    examples(&cfg);
    html_parts(&cfg);
    cs_config_free(&cfg);
    session();
    const char *files[] = {"a.lua", "mine.lua", "pack/a.lua", "pack/b.lua", "pack/mine.lua"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        unlink(files[i]);
    if (rmdir("pack") != 0 || chdir(back) != 0 || rmdir(dir) != 0)
        printf("# could not remove %s\n", dir);
    return done_testing();
}
