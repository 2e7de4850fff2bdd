/* score_files.c - article files scored in worker processes, in order
 * (score_files.h). */
#include "score_files.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "document_load.h"
#include "pool.h"
#include "result_codec.h"

/* Files a worker holds at once: a few hundred microseconds of work each,
 * told back in runs of FILE_DEPTH / 2 (pool.h), so that the parent and the
 * worker wake each other once per run, not once per file. */
#define FILE_DEPTH 16

struct cs_score_files {
    cs_score_files_opts o;
    char *const *files;
    size_t n, submitted, taken;
    cs_pool *pool;
    cs_buf item;            /* a work item being built */
    cs_result res;          /* a worker's, reused from file to file */
    cs_document doc;        /* a worker's, reused from file to file */
};

/* What a worker says of an article whose report it wrote (the bytes follow). */
typedef struct article_head {
    double score;
    int32_t below;
    int32_t untouched;
} article_head;

unsigned long long cs_score_files_bytes(const char *path)
{
    struct stat fst;
    if (strcmp(path, "-") == 0 || stat(path, &fst) != 0 || !S_ISREG(fst.st_mode))
        return 0;
    return (unsigned long long)fst.st_size;
}

/* A work item is a file's path, a NUL byte and the file's bytes, read
 * here as JSONL records are, so that a worker spends its time scoring,
 * not in the system calls of opening and reading many small files; or,
 * for a file not read here (not a regular file, or one the read refuses),
 * the path alone: the worker reads the file itself and reports what is
 * wrong with it in the article's place.  Standard input is "-", a NUL byte
 * and its bytes. */
static int submit_file(cs_score_files *sf, const char *path, cs_diag *d)
{
    cs_buf *item = &sf->item;
    long long max_bytes = sf->o.ses->cfg.limits.article_bytes;
    size_t plen = strlen(path);
    item->len = 0;
    if (cs_buf_append(item, path, plen + 1) != 0) /* with its NUL */
        return cs_diag_set(d, "out of memory");
    if (strcmp(path, "-") == 0) {
        if (cs_document_read("-", item, max_bytes, d) != 0)
            return -1;
    } else if (!cs_document_read_regular(path, item, max_bytes)) {
        item->len = plen; /* the path alone */
    }
    return cs_pool_submit_buf(sf->pool, item, d);
}

/* Load the article of a work item (see submit_file) into doc (zeroed, or
 * holding the previous article).  in_place: the item's bytes stay as they
 * are while doc holds the article (a worker's, until its next item), so
 * that doc reads them in place, else doc copies them into a document of
 * its own.  A path alone is read from the file, into the memory doc kept
 * from the articles before. */
static int load_item(const cs_score_files *sf, cs_document *doc, const char *item, size_t len,
                     int in_place, cs_diag *d)
{
    long long max_bytes = sf->o.ses->cfg.limits.article_bytes;
    size_t plen = strlen(item);
    if (plen == len)
        return cs_document_reload_file(doc, item, sf->o.input_format, max_bytes, d);
    const char *bytes = item + plen + 1;
    size_t n = len - plen - 1;
    cs_format fmt = sf->o.input_format;
    if (fmt == CS_FORMAT_AUTO && strcmp(item, "-") != 0)
        fmt = cs_format_from_path(item); /* as a file read by its path is */
    if (in_place)
        return cs_document_load_borrowed(doc, item, bytes, n, fmt, max_bytes, 0, d);
    cs_document_free(doc);
    return cs_document_load_memory_max(doc, item, bytes, n, fmt, max_bytes, d);
}

/* Score one file in a worker (the item: see submit_file).  The result
 * (status 0) is, streamed, an article_head and the article's part of the
 * report, else the encoded cs_result; or an error message (status 2). */
static int score_file_item(void *vctx, const char *item, size_t len, char *note, cs_buf *out)
{
    cs_score_files *sf = vctx;
    cs_scored sc;
    cs_diag d;
    memset(&sc, 0, sizeof sc);
    sc.doc = sf->doc; /* lent, and taken back below */
    cs_scorer_set_crash_note(sf->o.ses->scorer, note, CS_POOL_NOTE_MAX);
    int status = 0;
    if (load_item(sf, &sc.doc, item, len, 1, &d) != 0 ||
        cs_scorer_score(sf->o.ses->scorer, &sc.doc, &sf->res, &d) != 0) {
        cs_buf_puts(out, d.msg);
        status = 2;
    } else if (!sf->o.streamed) {
        if (cs_result_encode(&sf->res, out) != 0) {
            cs_buf_puts(out, "out of memory");
            status = 2;
        }
    } else {
        sc.res = sf->res; /* lent, and taken back below (narrowing may grow it) */
        article_head h = {0, 0, 0};
        if (cs_gate_settle(sf->o.gate, &sc, &d) != 0) {
            cs_buf_puts(out, d.msg);
            status = 2;
        } else {
            h.score = sc.narrowed ? sc.whole_score : sc.res.score; /* the mean is of real scores */
            h.below = sc.below;
            h.untouched = sc.untouched;
            if (cs_buf_append(out, &h, sizeof h) != 0 ||
                cs_run_fragment(sf->o.kind, out, sf->o.run, &sc) != 0) {
                out->len = 0;
                cs_buf_puts(out, "out of memory");
                status = 2;
            }
        }
        sf->res = sc.res;
    }
    sf->doc = sc.doc;
    return status;
}

int cs_score_files_start(cs_score_files **out, const cs_score_files_opts *o,
                         char *const *files, size_t n, cs_diag *d)
{
    cs_score_files *sf = calloc(1, sizeof *sf);
    *out = NULL;
    if (sf == NULL)
        return cs_diag_set(d, "out of memory");
    sf->o = *o;
    sf->files = files;
    sf->n = n;
    cs_result_init(&sf->res);
    if (n && cs_pool_start_depth(&sf->pool, o->jobs > 0 ? o->jobs : 1, FILE_DEPTH,
                                 score_file_item, sf, d) != 0) {
        cs_score_files_free(sf);
        return -1;
    }
    if (sf->pool)
        cs_pool_set_timeout(sf->pool, o->timeout);
    *out = sf;
    return 0;
}

/* A worker's answer for file `path`, its report already written: put it in
 * place.  *below says whether the article fails. */
static int take_written(const char *path, const cs_pool_result *r, cs_run_writer *w,
                        int *below, cs_diag *d)
{
    article_head h;
    if (r->status < 0)
        return cs_diag_at(d, path, 0, 0, "not scored: %s", r->crash);
    if (r->status != 0)
        return cs_diag_set(d, "%.*s", (int)r->len, r->data);
    if (r->len < sizeof h)
        return cs_diag_at(d, path, 0, 0, "internal: a worker's answer is cut short");
    memcpy(&h, r->data, sizeof h);
    *below = h.below != 0;
    if (cs_run_writer_splice(w, r->data + sizeof h, r->len - sizeof h, h.below, h.untouched,
                             h.score) != 0)
        return cs_diag_set(d, "out of memory");
    return 0;
}

/* Turn a worker's answer for file `path` into a scored article here: the
 * document is loaded again and the result decoded. */
static int take_answer(const cs_score_files *sf, const char *path, const cs_pool_result *r,
                       cs_scored *sc, cs_diag *d)
{
    const cs_config *cfg = &sf->o.ses->cfg;
    if (r->status < 0)
        return cs_diag_at(d, path, 0, 0, "not scored: %s", r->crash);
    if (r->status != 0)
        return cs_diag_set(d, "%.*s", (int)r->len, r->data);
    if (load_item(sf, &sc->doc, r->item, r->item_len, 0, d) != 0)
        return -1;
    if (cs_result_decode(r->data, r->len, cfg, &sc->res) != 0)
        return cs_diag_at(d, path, 0, 0, "internal: could not read the worker's result");
    return 0;
}

int cs_score_files_next(cs_score_files *sf, cs_run_writer *w, cs_scored *sc, int *below,
                        cs_diag *d)
{
    cs_pool_result r;
    while (sf->submitted < sf->n && cs_pool_can_submit(sf->pool))
        if (submit_file(sf, sf->files[sf->submitted++], d) != 0)
            return -1;
    if (cs_pool_next(sf->pool, &r, d) != 1)
        return -1;
    const char *path = sf->files[sf->taken++];
    int rc;
    *below = 0;
    if (sf->o.streamed) {
        rc = take_written(path, &r, w, below, d);
    } else {
        rc = take_answer(sf, path, &r, sc, d);
        if (rc == 0)
            rc = cs_gate_settle(sf->o.gate, sc, d);
        *below = sc->below;
    }
    return rc == 0 ? 0 : 1;
}

void cs_score_files_finish(cs_score_files *sf)
{
    if (sf)
        cs_pool_finish(sf->pool);
}

void cs_score_files_free(cs_score_files *sf)
{
    if (sf == NULL)
        return;
    cs_pool_free(sf->pool);
    cs_buf_free(&sf->item);
    cs_result_free(&sf->res);
    cs_document_free(&sf->doc);
    free(sf);
}
