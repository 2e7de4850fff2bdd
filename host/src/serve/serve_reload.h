/*
 * serve_reload.h - generations in turn: the current one handed to
 * requests, a new one loaded and swapped in, the old ones freed once no
 * request uses them.  Only the server's main loop reloads and reaps.
 */
#ifndef CS_SERVE_RELOAD_H
#define CS_SERVE_RELOAD_H

#include "serve_server.h"
#include "serve_watch.h"

/* Load the first generation (before the daemon starts); -1 with d. */
int serve_reload_first(serve_server *s, serve_watch *w, cs_diag *d);

/* Load a new generation (why: "SIGHUP", "rules/x.lua changed", for the
 * log) and swap it in; on failure keep the current one and record the
 * error for /healthz.  Either way w becomes the snapshot of the files
 * now in force (so a broken edit is tried once).  0 or -1. */
int serve_reload(serve_server *s, serve_watch *w, const char *why);

/* Free the retired generations no request holds any more. */
void serve_reload_reap(serve_server *s);

/* Free every generation (the daemon is stopped). */
void serve_reload_free_all(serve_server *s);

#endif
