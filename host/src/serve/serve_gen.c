/* serve_gen.c - load a generation of the configuration: a scorer per
 * profile, the lanes forked from them, the files to watch (serve_gen.h). */
#include "serve_gen.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"

/* Add path to g's watch list unless it is there. */
static int watch_add(serve_gen *g, const char *path)
{
    for (size_t i = 0; i < g->nwatch; i++)
        if (strcmp(g->watch[i], path) == 0)
            return 0;
    char **grown = realloc(g->watch, (g->nwatch + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    g->watch = grown;
    if ((g->watch[g->nwatch] = cs_strdup(path)) == NULL)
        return -1;
    g->nwatch++;
    return 0;
}

/* The files a change of which makes a new generation: the bundle; or the
 * configuration file, every rule file loaded and every rule folder named. */
static int watch_list(serve_gen *g, const cs_serve_opts *o)
{
    if (o->session.bundle)
        return watch_add(g, o->session.bundle);
    const cs_config *cfg = &g->sessions[0]->cfg;
    if (cfg->path && watch_add(g, cfg->path) != 0)
        return -1;
    for (size_t i = 0; i < cfg->nrule_paths; i++) {
        if (cfg->rule_paths[i][0] == '@')
            continue; /* the bundled pack */
        char *p = cfg->rule_paths[i][0] == '/' ? cs_strdup(cfg->rule_paths[i])
                                               : cs_paths_join(cfg->dir, cfg->rule_paths[i]);
        int rc = p ? watch_add(g, p) : -1;
        free(p);
        if (rc != 0)
            return -1;
    }
    for (size_t s = 0; s < g->n; s++) {
        const char *const *files;
        size_t n = cs_scorer_rule_files(g->sessions[s]->scorer, &files);
        for (size_t i = 0; i < n; i++)
            if (watch_add(g, files[i]) != 0)
                return -1;
    }
    return 0;
}

/* Open the session of profile (NULL: the default) into g->sessions[g->n]. */
static int open_one(serve_gen *g, const cs_serve_opts *o, const char *profile, cs_diag *d)
{
    cs_session_opts so = o->session;
    so.profile = profile;
    cs_session *s = calloc(1, sizeof *s);
    char *name = profile ? cs_strdup(profile) : NULL;
    if (s == NULL || (profile && name == NULL)) {
        free(s);
        return cs_diag_set(d, "out of memory");
    }
    if (cs_session_open(s, &so, 1, d) != 0) {
        free(s);
        free(name);
        return -1;
    }
    g->sessions[g->n] = s;
    g->names[g->n] = name;
    g->n++;
    return 0;
}

/* Open the default session, then one per profile of its configuration. */
static int open_sessions(serve_gen *g, const cs_serve_opts *o, cs_diag *d)
{
    g->sessions = calloc(1, sizeof *g->sessions);
    g->names = calloc(1, sizeof *g->names);
    if (g->sessions == NULL || g->names == NULL)
        return cs_diag_set(d, "out of memory");
    if (open_one(g, o, o->session.profile, d) != 0)
        return -1;
    const cs_config *cfg = &g->sessions[0]->cfg;
    const cs_ynode *map = cfg->profiles ? cfg->profiles->value : NULL;
    size_t np = map && map->kind == CS_YNODE_MAPPING ? map->npairs : 0;
    cs_session **ss = realloc(g->sessions, (1 + np) * sizeof *ss);
    if (ss)
        g->sessions = ss;
    char **nn = ss ? realloc(g->names, (1 + np) * sizeof *nn) : NULL;
    if (nn)
        g->names = nn;
    if (ss == NULL || nn == NULL)
        return cs_diag_set(d, "out of memory");
    for (size_t i = 0; i < np; i++)
        if (open_one(g, o, map->pairs[i].key->value, d) != 0)
            return -1;
    return 0;
}

int serve_gen_load(serve_gen **out, const cs_serve_opts *o, unsigned long id,
                   atomic_ullong *restarts, cs_diag *d)
{
    *out = NULL;
    serve_gen *g = calloc(1, sizeof *g);
    if (g == NULL)
        return cs_diag_set(d, "out of memory");
    atomic_init(&g->refs, 1);
    g->id = id;
    g->loaded = time(NULL);
    void **ctxs = NULL;
    if (open_sessions(g, o, d) != 0)
        goto fail;
    g->scoring = calloc(g->n, sizeof *g->scoring);
    g->gates = calloc(g->n, sizeof *g->gates);
    g->nworkers = o->jobs > 0 ? o->jobs : 1;
    g->workers = calloc((size_t)g->nworkers, sizeof *g->workers);
    ctxs = calloc((size_t)g->nworkers, sizeof *ctxs);
    if (g->scoring == NULL || g->gates == NULL || g->workers == NULL || ctxs == NULL) {
        cs_diag_set(d, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < g->n; i++) {
        static const cs_gate_opts none = {0};
        if (cs_gate_open(&g->gates[i], &g->sessions[i]->cfg, &none, d) != 0)
            goto fail;
        g->ngates = i + 1;
        g->scoring[i] = (serve_scoring){&g->sessions[i]->cfg, g->sessions[i]->scorer,
                                        &g->gates[i], g->sessions[i], &o->session};
    }
    for (int i = 0; i < g->nworkers; i++) {
        serve_worker_init(&g->workers[i], g->scoring, g->n, o->version);
        ctxs[i] = &g->workers[i];
    }
    if (watch_list(g, o) != 0) {
        cs_diag_set(d, "out of memory");
        goto fail;
    }
    if (serve_lanes_new(&g->lanes, g->nworkers, serve_work, ctxs, o->timeout, restarts, d) != 0)
        goto fail;
    free(ctxs);
    *out = g;
    return 0;
fail:
    free(ctxs);
    serve_gen_free(g);
    return -1;
}

int serve_gen_profile(const serve_gen *g, const char *name)
{
    if (name == NULL)
        return 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->names[i] && strcmp(g->names[i], name) == 0)
            return (int)i;
    return -1;
}

void serve_gen_hold(serve_gen *g)
{
    atomic_fetch_add(&g->refs, 1);
}

void serve_gen_drop(serve_gen *g)
{
    atomic_fetch_sub(&g->refs, 1);
}

void serve_gen_free(serve_gen *g)
{
    if (g == NULL)
        return;
    serve_lanes_free(g->lanes);
    for (int i = 0; g->workers && i < g->nworkers; i++)
        serve_worker_free(&g->workers[i]);
    for (size_t i = 0; i < g->ngates; i++)
        cs_gate_close(&g->gates[i]);
    free(g->gates);
    for (size_t i = 0; i < g->n; i++) {
        cs_session_close(g->sessions[i]);
        free(g->sessions[i]);
        free(g->names[i]);
    }
    for (size_t i = 0; i < g->nwatch; i++)
        free(g->watch[i]);
    free(g->watch);
    free(g->names);
    free(g->sessions);
    free(g->scoring);
    free(g->workers);
    free(g);
}
