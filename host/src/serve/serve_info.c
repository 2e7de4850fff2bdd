/* serve_info.c - the GET routes: /healthz, /metrics, /v1/config,
 * /v1/markers, /v1/rules (docs/api.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json_writer.h"
#include "report_rules.h"
#include "serve_error.h"
#include "serve_routes.h"
#include "serve_server.h"

static void iso_time(time_t t, char *out, size_t n)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A JSON reply of 200, the writer open on its body. */
static void json_reply(serve_reply *rp, cs_json *j)
{
    rp->status = 200;
    rp->type = "application/json";
    rp->body.len = 0;
    cs_json_init(j, &rp->body, 1);
}

static void json_done(serve_reply *rp, cs_json *j)
{
    if (cs_buf_putc(&rp->body, '\n') != 0 || cs_json_failed(j))
        serve_error(rp, 500, "out_of_memory", "out of memory");
}

void serve_info_health(serve_request *rq, serve_reply *rp)
{
    serve_server *srv = serve_request_server(rq);
    int ok;
    char error[1024], when[40], loaded_at[40];
    time_t at, loaded;
    unsigned long gen;
    serve_server_reload_state(srv, &ok, error, sizeof error, &at, &gen, &loaded);
    int draining = atomic_load(&srv->draining);
    const char *status = draining ? "draining" : ok ? "ok" : "stale";
    cs_json j;
    json_reply(rp, &j);
    if (draining)
        rp->status = 503;
    cs_json_object(&j);
    cs_json_kv_string(&j, "status", status);
    if (serve_request_authorized(rq)) { /* the details only with the token */
        cs_json_kv_int(&j, "generation", (long long)gen);
        iso_time(loaded, loaded_at, sizeof loaded_at);
        cs_json_kv_string(&j, "loaded", loaded_at);
        cs_json_kv_int(&j, "uptime_s", (long long)(time(NULL) - srv->started));
        cs_json_key(&j, "last_reload");
        if (at == 0) {
            cs_json_null(&j);
        } else {
            cs_json_object(&j);
            cs_json_kv_bool(&j, "ok", ok);
            iso_time(at, when, sizeof when);
            cs_json_kv_string(&j, "at", when);
            if (!ok)
                cs_json_kv_string(&j, "error", error);
            cs_json_end_object(&j);
        }
    }
    cs_json_end_object(&j);
    json_done(rp, &j);
}

void serve_info_metrics(serve_request *rq, serve_reply *rp)
{
    serve_server *srv = serve_request_server(rq);
    int ok;
    char error[8];
    time_t at, loaded;
    unsigned long gen;
    serve_server_reload_state(srv, &ok, error, sizeof error, &at, &gen, &loaded);
    rp->status = 200;
    rp->type = "text/plain; version=0.0.4; charset=utf-8";
    if (serve_metrics_render(&srv->metrics, atomic_load(&srv->in_flight), gen, &rp->body) != 0)
        serve_error(rp, 500, "out_of_memory", "out of memory");
}

/* The profile a GET asks for (?profile=), or -1 with a 400. */
static int wanted_profile(serve_request *rq, serve_reply *rp)
{
    const char *p = serve_request_arg(rq, "profile");
    int i = serve_gen_profile(serve_request_gen(rq), p);
    if (i < 0)
        serve_error(rp, 400, "unknown_profile", "unknown profile '%s'", p);
    return i;
}

void serve_info_markers(serve_request *rq, serve_reply *rp)
{
    int p = wanted_profile(rq, rp);
    if (p < 0)
        return;
    const cs_config *cfg = &serve_request_gen(rq)->sessions[p]->cfg;
    cs_json j;
    json_reply(rp, &j);
    cs_json_object(&j);
    cs_json_key(&j, "markers");
    cs_json_array(&j);
    for (size_t i = 0; i < cfg->nmarkers; i++) {
        const cs_marker_conf *m = &cfg->markers[i];
        cs_json_object(&j);
        cs_json_kv_string(&j, "name", m->name);
        cs_json_kv_number(&j, "weight", m->has_weight ? m->weight : m->default_weight);
        cs_json_kv_bool(&j, "weight_fixed", m->has_weight);
        cs_json_kv_string(&j, "level", cs_level_name(m->level));
        cs_json_kv_number(&j, "cap", m->cap);
        cs_json_kv_number(&j, "passage_cap", m->passage_cap);
        cs_json_kv_bool(&j, "one_shot", m->one_shot);
        if (m->message)
            cs_json_kv_string(&j, "message", m->message);
        if (m->description)
            cs_json_kv_string(&j, "description", m->description);
        if (m->why)
            cs_json_kv_string(&j, "why", m->why);
        if (m->fix)
            cs_json_kv_string(&j, "fix", m->fix);
        cs_json_end_object(&j);
    }
    cs_json_end_array(&j);
    cs_json_end_object(&j);
    json_done(rp, &j);
}

void serve_info_config(serve_request *rq, serve_reply *rp)
{
    int p = wanted_profile(rq, rp);
    if (p < 0)
        return;
    const serve_gen *g = serve_request_gen(rq);
    const cs_config *cfg = &g->sessions[p]->cfg;
    char *yaml = NULL;
    size_t ylen = 0;
    FILE *f = open_memstream(&yaml, &ylen);
    int rc = f ? cs_config_print(cfg, f) : -1;
    if (f)
        fclose(f);
    if (rc != 0) {
        free(yaml);
        serve_error(rp, 500, "out_of_memory", "out of memory");
        return;
    }
    char loaded[40];
    iso_time(g->loaded, loaded, sizeof loaded);
    cs_json j;
    json_reply(rp, &j);
    cs_json_object(&j);
    cs_json_kv_int(&j, "generation", (long long)g->id);
    cs_json_kv_string(&j, "loaded", loaded);
    cs_json_key(&j, "path");
    if (cfg->path)
        cs_json_string(&j, cfg->path);
    else
        cs_json_null(&j);
    cs_json_key(&j, "profile");
    if (g->names[p])
        cs_json_string(&j, g->names[p]);
    else
        cs_json_null(&j);
    cs_json_key(&j, "profiles");
    cs_json_array(&j);
    for (size_t i = 1; i < g->n; i++)
        cs_json_string(&j, g->names[i]);
    cs_json_end_array(&j);
    cs_json_kv_stringn(&j, "yaml", yaml ? yaml : "", ylen);
    cs_json_end_object(&j);
    free(yaml);
    json_done(rp, &j);
}

void serve_info_rules(serve_request *rq, serve_reply *rp)
{
    int p = wanted_profile(rq, rp);
    if (p < 0)
        return;
    const cs_session *s = serve_request_gen(rq)->sessions[p];
    rp->status = 200;
    rp->type = "application/json";
    if (cs_report_rules_json(&rp->body, &s->cfg, cs_scorer_rules(s->scorer),
                             cs_scorer_plugins(s->scorer)) != 0)
        serve_error(rp, 500, "out_of_memory", "out of memory");
}
