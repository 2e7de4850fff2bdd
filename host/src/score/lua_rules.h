/*
 * lua_rules.h - rule files: the `rule { ... }` API and Lua check functions.
 *
 * A rule file is Lua that calls rule{} once per rule:
 *
 *   rule {
 *     id = "anonymous-officials", marker = "anonymous", weight = -8,
 *     message = "Unnamed officials: say why anonymity was granted",
 *     phrases = { "officials said", "a source familiar with" },
 *     unless  = { "declined to be named because" },
 *     examples = { hit = { "Officials said the bridge was closed." },
 *                  miss = { "Officials met on Tuesday." } },
 *   }
 *
 * Fields: id, marker (required); message, description, weight, level,
 * confidence (0..1), scope ("sentence" | "passage": a regex match may not
 * cross a sentence end, unless cancels within the sentence, a check runs
 * once per sentence; default sentence, passage for checks), select (scope names:
 * "paragraph", "heading", "quote", "list_item"), examples; and exactly one
 * of phrases (list), regex (string), check (function(p) -> findings).
 * unless (phrases) cancels a hit in the same sentence (or passage);
 * needs (phrases) makes a regex or check rule run only where one occurs.
 *
 * A check receives p = { text, index, sentences = {{from=,to=}...},
 * hits = {{from=,to=,text=}...}, heading, quote, list_item } (1-based,
 * inclusive positions, as string.find) and returns nil, one finding or a
 * list of findings { from=, to=, message=?, confidence=?, weight=? }.
 *
 * Errors (syntax, a bad field, a failing check) come back as
 * "file:line: message"; an unknown field of a rule or of its examples at
 * the line where it is written, with a "did you mean" ("file:4: rule 'x':
 * unknown field 'mesage' (did you mean 'message'?)"); those of a check as
 * "file:line: rule 'id': message"
 * (the line where the check failed, else where the rule was defined).
 * rule{} works only while a file loads (not from a check), one call at a
 * time; its lists are read raw (no metamethods).  A failed rule{} fails
 * the file even when the script caught the error with pcall, so a rule is
 * never kept half-defined.  A check runs, findings read and checked
 * included, as one protected call under the sandbox limits; its findings
 * are emitted only when all of them are valid.  A finding's message is cut
 * at CS_CHECK_MESSAGE_MAX bytes ("..." added) and its length charged to the
 * instruction budget, since the host keeps a copy per finding.
 *
 * One cs_lua_rules per scorer; not thread-safe.  lua_rules.c defines the
 * rules and loads the files; lua_check.c runs a check.
 */
#ifndef CS_LUA_RULES_H
#define CS_LUA_RULES_H

#include <stddef.h>

#include "config.h"
#include "credscore/plugin.h"
#include "lua_sandbox.h"
#include "rules.h"

#define CS_CHECK_MESSAGE_MAX 1000 /* bytes of a check's finding message kept */

typedef struct cs_lua_rules {
    cs_lua lua;
    cs_ruleset *rs;
    const cs_config *cfg;
    const char *current_file; /* the file loading (its name in messages), or NULL */
    const char *current_path; /* ... and its path (read again to place an error) */
    const char *current_text; /* ... or its text, when it was given as text */
    size_t current_len;
    int rule_line;            /* line of the rule{} call being run */
    int defining;             /* inside rule{} */
    cs_diag pending;          /* first rule{} error of the file loading ("" = none) */
} cs_lua_rules;

/* Where a check's findings go: span [start, end) in passage bytes. */
typedef int (*cs_check_emit)(void *ctx, size_t start, size_t end, const char *message,
                             double confidence, int has_weight, double weight);

typedef struct cs_check_input {
    const char *text;
    size_t len;
    size_t index;                 /* 0-based passage index */
    unsigned scopes;
    const credscore_span *sentences;
    size_t nsent;
    const credscore_span *hits;   /* the rule's needs/phrase hits */
    size_t nhits;
} cs_check_input;

int cs_lua_rules_open(cs_lua_rules *lr, cs_ruleset *rs, const cs_config *cfg, cs_log_fn log,
                      void *log_ctx, cs_diag *d);
void cs_lua_rules_close(cs_lua_rules *lr);

/* Run one rule file, adding its rules to the set.  Errors always name the
 * file ("path:line: ..." or "path: ..."); after one, the set may hold part
 * of the file's rules and must not be used (loading fails the run). */
int cs_lua_rules_load_file(cs_lua_rules *lr, const char *path, cs_diag *d);

/* The same, naming the file `name` in messages and rule sources. */
int cs_lua_rules_load_file_as(cs_lua_rules *lr, const char *path, const char *name, cs_diag *d);

/* The same for a rule file given as text (len bytes), named `name` in
 * messages and rule sources: "draft:x.lua:3: rule 'y': ..." (the
 * playground's draft rules). */
int cs_lua_rules_load_source(cs_lua_rules *lr, const char *text, size_t len, const char *name,
                             cs_diag *d);

/* Run rule r's check on a passage; findings go to emit.  A Lua error, a
 * limit or a malformed finding fails with "file:line: rule 'id': ..." and
 * emits nothing.  The state stays usable. */
int cs_lua_rules_check(cs_lua_rules *lr, const cs_rule *r, const cs_check_input *in,
                       cs_check_emit emit, void *ctx, cs_diag *d);

#endif
