/*
 * score_files.h - score article files in worker processes (pool.h), in
 * the order given, each through the gates (gate.h).
 *
 * Every article, even a single one, is scored in a worker: a plugin that
 * crashes or exits costs that article, not the run, and a runaway (a
 * pathological Lua pattern runs inside one C call) is stopped after the
 * time limit (guard.h); either way the article comes back as lost, named.
 * For a report written article by article (text, JSON, GitHub: streamed)
 * the worker also renders the article's part of the report, which the
 * caller splices into its cs_run_writer; otherwise the result comes back
 * encoded (result_codec.h) and the article is loaded again here.
 *
 * Regular files are read here, in the parent, and their bytes sent to the
 * worker with their path, as JSONL records are: the worker scores instead
 * of opening, reading and closing many small files, and the run reads each
 * file once (a report that loads the article again here uses the same
 * bytes).  Anything else (a FIFO, which is not even
 * opened here, or a file the read refuses) is sent by its path alone: the
 * worker reads it and says what is wrong in the article's place.
 * Standard input ("-") is read once, here, and sent to the worker: neither
 * loading it again nor a worker forked after a crash could read it twice.
 * Errors: 0 / -1 with a cs_diag.
 */
#ifndef CS_SCORE_FILES_H
#define CS_SCORE_FILES_H

#include <stddef.h>

#include "gate.h"
#include "report.h"
#include "session.h"

typedef struct cs_score_files_opts {
    cs_session *ses;        /* its scorer scores the articles */
    const cs_gate *gate;
    cs_format input_format; /* 0: by file extension */
    int jobs;               /* worker processes (at least 1) */
    int timeout;            /* seconds per article (0: none) */
    int streamed;           /* the workers render each article for a run writer ... */
    cs_run_kind kind;       /* ... of this kind ... */
    const cs_run *run;      /* ... for this run */
} cs_score_files_opts;

typedef struct cs_score_files cs_score_files;

/* Start the workers for files[0..n) (kept, not copied; n 0: none). */
int cs_score_files_start(cs_score_files **out, const cs_score_files_opts *o,
                         char *const *files, size_t n, cs_diag *d);

/* The next article, in order.  Streamed: its part of the report spliced
 * into w (sc unused); else sc gets the article, loaded here, its result
 * and the gates' verdict.  *below: the article fails a gate.  Returns 0;
 * 1 when this article is lost (d names it and why; the next may come);
 * -1 when the run cannot go on (d). */
int cs_score_files_next(cs_score_files *sf, cs_run_writer *w, cs_scored *sc, int *below,
                        cs_diag *d);

/* Every article was taken: the workers exit while the caller goes on. */
void cs_score_files_finish(cs_score_files *sf);
void cs_score_files_free(cs_score_files *sf);

/* The size of an article file for a progress line: 0 for standard input
 * or a file that cannot be read (its error comes from the scoring). */
unsigned long long cs_score_files_bytes(const char *path);

#endif
