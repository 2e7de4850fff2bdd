/*
 * rule_tests.h - the tests of `credscore test`, run with a session's
 * scorer, their report written to a stream:
 *  - every rule's `examples` (rule_examples.h): each `hit` sentence must
 *    produce a finding of that rule, each `miss` sentence none;
 *  - annotated fixture articles (.md, .html): a comment line
 *        <!-- expect: anonymous, unverified -->      (or: expect: none)
 *    states the exact set of markers (from rules AND plugins) of the
 *    passage that starts on the next non-blank line.
 * Failures print expected vs found markers with their spans ("FAIL ...");
 * with verbose, each rule and fixture that passes is listed too ("ok ...").
 *
 * A check that fails at run time (the scorer built lenient, quiet about
 * it) is reported once, as one failure naming the rule and the place of
 * the error ("FAIL file:line: rule 'id': ..."), and stays disabled: the
 * other rules' examples and the fixtures still run.  Each example and
 * fixture is an article for the guard (guard.h), named in its message.
 */
#ifndef CS_RULE_TESTS_H
#define CS_RULE_TESTS_H

#include <stdio.h>

#include "guard.h"
#include "result.h"
#include "session.h"

typedef struct cs_rule_tests {
    cs_session *ses;     /* its scorer runs the tests */
    cs_guard *guard;     /* marks each example and fixture (NULL: no time limit) */
    FILE *out;           /* the report */
    int verbose;         /* also what passes */
    size_t passed, failed;
    char *reported;      /* per rule: its run-time failure reported */
    cs_result res;
} cs_rule_tests;

/* Ready t to test with ses's scorer; -1 with d when out of memory. */
int cs_rule_tests_init(cs_rule_tests *t, cs_session *ses, cs_guard *g, FILE *out, int verbose,
                       cs_diag *d);
void cs_rule_tests_free(cs_rule_tests *t);

/* Run every loaded rule's examples. */
void cs_rule_tests_examples(cs_rule_tests *t);

/* Check the annotated fixture at path (read as fmt; 0: by extension). */
void cs_rule_tests_fixture(cs_rule_tests *t, const char *path, cs_format fmt);

/* The configuration for the tested paths[0..n): searched upwards from
 * each of them (a folder, else the folder holding it), not from the
 * current folder; they must all find the same one.  *out: the file
 * (malloc'd) or NULL when none is found.  -1 with d ("test: A and B are
 * under different configurations (...)", a discovery error). */
int cs_rule_tests_config(const char *const *paths, size_t n, char **out, cs_diag *d);

#endif
