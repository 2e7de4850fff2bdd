/*
 * serve_gen.h - a generation of the server's configuration: the scorers
 * (one for the default profile, one for each profile the configuration
 * defines), the lanes and workers forked from them, and the files whose
 * change calls for a new generation.
 *
 * A generation is reference counted: the server holds the current one,
 * each request holds the one it started with until it ends.  When a newer
 * generation replaces it, the old one is freed once its last request is
 * done (serve_gen_free: its lanes finish, its workers exit).
 */
#ifndef CS_SERVE_GEN_H
#define CS_SERVE_GEN_H

#include <stdatomic.h>
#include <stddef.h>
#include <time.h>

#include "serve.h"
#include "serve_lanes.h"
#include "serve_work.h"

typedef struct serve_gen {
    atomic_int refs;
    unsigned long id;              /* 1, 2, ... in load order */
    time_t loaded;
    size_t n;                      /* profiles: [0] the default (--profile or none) */
    char **names;                  /* their names ([0] may be NULL) */
    cs_session **sessions;         /* one per profile, each allocated apart (a
                                      scorer points into its session) */
    cs_gate *gates;                /* one per profile: its threshold (no baseline) */
    size_t ngates;                 /* of them opened */
    serve_scoring *scoring;        /* what the workers see */
    serve_worker *workers;         /* one per lane */
    int nworkers;
    serve_lanes *lanes;
    char **watch;                  /* files and folders whose change reloads */
    size_t nwatch;
    struct serve_gen *next;        /* in the server's list of retired generations */
} serve_gen;

/* Load generation id as o says and fork its lanes (o->jobs of them).
 * restarts counts their workers lost to crashes and timeouts.  0, or -1
 * with d saying what is wrong (nothing is left allocated). */
int serve_gen_load(serve_gen **out, const cs_serve_opts *o, unsigned long id,
                   atomic_ullong *restarts, cs_diag *d);

/* The index of the profile called name (NULL: the default, 0), or -1. */
int serve_gen_profile(const serve_gen *g, const char *name);

/* Take and drop a reference. */
void serve_gen_hold(serve_gen *g);
void serve_gen_drop(serve_gen *g);

/* Stop the lanes (their queued jobs first), close the sessions, free g. */
void serve_gen_free(serve_gen *g);

#endif
