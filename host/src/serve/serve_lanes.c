/* serve_lanes.c - a job queue served by lanes, each a thread with a pool
 * of one forked worker (serve_lanes.h). */
#include "serve_lanes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_work.h"

typedef struct lane {
    serve_lanes *owner;
    cs_pool *pool;
    pthread_t thread;
    int started;
    cs_buf one;               /* a record of a batch being replayed */
    cs_jsonl_reader reader;   /* ids of lost records */
} lane;

struct serve_lanes {
    pthread_mutex_t mu;
    pthread_cond_t work;      /* a job was queued, or stopping */
    serve_job *head, *tail;
    size_t busy;              /* queued or running */
    int stopping;
    atomic_ullong *restarts;
    lane *lanes;
    int n;
};

serve_job *serve_job_new(void)
{
    serve_job *j = calloc(1, sizeof *j);
    if (j && pthread_cond_init(&j->done, NULL) != 0) {
        free(j);
        j = NULL;
    }
    return j;
}

void serve_job_free(serve_job *j)
{
    if (j == NULL)
        return;
    cs_buf_free(&j->job);
    cs_buf_free(&j->out);
    pthread_cond_destroy(&j->done);
    free(j);
}

/* Score j's bytes in the lane's worker: status, answer and crash into j. */
static void run_one(lane *ln, const char *job, size_t len, serve_job *j, int *status,
                    cs_buf *out, char *crash, size_t crash_len)
{
    cs_diag d;
    cs_pool_result r;
    if (cs_pool_submit(ln->pool, job, len, &d) != 0 || cs_pool_next(ln->pool, &r, &d) != 1) {
        *status = SERVE_WORK_INTERNAL;
        cs_buf_puts(out, d.msg);
        return;
    }
    (void)j;
    *status = r.status;
    if (r.status < 0) {
        atomic_fetch_add(ln->owner->restarts, 1);
        snprintf(crash, crash_len, "%s", r.crash);
    } else if (r.len && cs_buf_append(out, r.data, r.len) != 0) {
        out->len = 0;
        *status = SERVE_WORK_INTERNAL;
        cs_buf_puts(out, "out of memory");
    }
}

/* A batch whose worker died: each record again, alone; the one at fault
 * is answered in band. */
static void replay(lane *ln, serve_job *j)
{
    size_t pos = 0, second = 0;
    int rc;
    char first_crash[sizeof j->crash];
    snprintf(first_crash, sizeof first_crash, "%s", j->crash);
    j->out.len = 0;
    j->status = SERVE_WORK_OK;
    if (serve_job_batch_next(j->job.data, j->job.len, &second, &ln->one) == 1 &&
        serve_job_batch_next(j->job.data, j->job.len, &second, &ln->one) == 0) {
        /* one record: it is the one at fault, no need to run it again */
        (void)serve_job_batch_next(j->job.data, j->job.len, &pos, &ln->one);
        if (serve_job_lost_record(&ln->reader, ln->one.data, ln->one.len, first_crash,
                                  &j->out) != 0) {
            j->status = SERVE_WORK_INTERNAL;
            cs_buf_puts(&j->out, "out of memory");
        }
        return;
    }
    while ((rc = serve_job_batch_next(j->job.data, j->job.len, &pos, &ln->one)) == 1) {
        int status;
        char crash[sizeof j->crash];
        run_one(ln, ln->one.data, ln->one.len, j, &status, &j->out, crash, sizeof crash);
        if (status < 0 &&
            serve_job_lost_record(&ln->reader, ln->one.data, ln->one.len, crash, &j->out) != 0)
            rc = -1;
        if (status == SERVE_WORK_INTERNAL || rc < 0)
            break;
    }
    if (rc < 0) {
        j->status = SERVE_WORK_INTERNAL;
        j->out.len = 0;
        cs_buf_puts(&j->out, "out of memory");
    }
}

static void *lane_main(void *arg)
{
    lane *ln = arg;
    serve_lanes *l = ln->owner;
    for (;;) {
        pthread_mutex_lock(&l->mu);
        while (l->head == NULL && !l->stopping)
            pthread_cond_wait(&l->work, &l->mu);
        serve_job *j = l->head;
        if (j == NULL) { /* stopping, and nothing left */
            pthread_mutex_unlock(&l->mu);
            break;
        }
        l->head = j->next;
        if (l->head == NULL)
            l->tail = NULL;
        j->next = NULL;
        j->state = SERVE_JOB_RUNNING;
        pthread_mutex_unlock(&l->mu);

        j->out.len = 0;
        j->crash[0] = '\0';
        run_one(ln, j->job.data, j->job.len, j, &j->status, &j->out, j->crash, sizeof j->crash);
        if (j->status < 0 && serve_job_is_batch(j->job.data, j->job.len))
            replay(ln, j);

        pthread_mutex_lock(&l->mu);
        j->state = SERVE_JOB_DONE;
        l->busy--;
        int orphan = j->orphan;
        /* Under the lock: its waiter cannot return (and free j) before
         * the unlock. */
        pthread_cond_signal(&j->done);
        pthread_mutex_unlock(&l->mu);
        if (orphan)
            serve_job_free(j);
    }
    return NULL;
}

int serve_lanes_new(serve_lanes **out, int n, cs_pool_work_fn fn, void **ctxs, int timeout,
                    atomic_ullong *restarts, cs_diag *d)
{
    *out = NULL;
    serve_lanes *l = calloc(1, sizeof *l);
    if (l == NULL || (l->lanes = calloc((size_t)n, sizeof(lane))) == NULL) {
        free(l);
        return cs_diag_set(d, "out of memory");
    }
    pthread_mutex_init(&l->mu, NULL);
    pthread_cond_init(&l->work, NULL);
    l->restarts = restarts;
    l->n = n;
    /* Every worker is forked before any lane thread runs. */
    for (int i = 0; i < n; i++) {
        l->lanes[i].owner = l;
        cs_jsonl_reader_init(&l->lanes[i].reader);
        if (cs_pool_start(&l->lanes[i].pool, 1, fn, ctxs[i], d) != 0) {
            serve_lanes_free(l);
            return -1;
        }
        cs_pool_set_timeout(l->lanes[i].pool, timeout);
    }
    for (int i = 0; i < n; i++) {
        if (pthread_create(&l->lanes[i].thread, NULL, lane_main, &l->lanes[i]) != 0) {
            serve_lanes_free(l);
            return cs_diag_set(d, "cannot start a scoring thread");
        }
        l->lanes[i].started = 1;
    }
    *out = l;
    return 0;
}

void serve_lanes_submit(serve_lanes *l, serve_job *j)
{
    pthread_mutex_lock(&l->mu);
    j->state = SERVE_JOB_QUEUED;
    j->orphan = 0;
    j->next = NULL;
    if (l->tail)
        l->tail->next = j;
    else
        l->head = j;
    l->tail = j;
    l->busy++;
    pthread_cond_signal(&l->work);
    pthread_mutex_unlock(&l->mu);
}

void serve_lanes_wait(serve_lanes *l, serve_job *j)
{
    pthread_mutex_lock(&l->mu);
    while (j->state != SERVE_JOB_DONE)
        pthread_cond_wait(&j->done, &l->mu);
    pthread_mutex_unlock(&l->mu);
}

int serve_lanes_done(serve_lanes *l, serve_job *j)
{
    pthread_mutex_lock(&l->mu);
    int done = j->state == SERVE_JOB_DONE;
    pthread_mutex_unlock(&l->mu);
    return done;
}

void serve_lanes_cancel(serve_lanes *l, serve_job *j)
{
    if (j == NULL)
        return;
    pthread_mutex_lock(&l->mu);
    int free_now = 1;
    if (j->state == SERVE_JOB_QUEUED) {
        serve_job **p = &l->head, *prev = NULL;
        while (*p && *p != j) {
            prev = *p;
            p = &(*p)->next;
        }
        if (*p) {
            *p = j->next;
            if (l->tail == j)
                l->tail = prev;
            l->busy--;
        }
    } else if (j->state == SERVE_JOB_RUNNING) {
        j->orphan = 1;
        free_now = 0;
    }
    pthread_mutex_unlock(&l->mu);
    if (free_now)
        serve_job_free(j);
}

size_t serve_lanes_busy(serve_lanes *l)
{
    pthread_mutex_lock(&l->mu);
    size_t n = l->busy;
    pthread_mutex_unlock(&l->mu);
    return n;
}

void serve_lanes_free(serve_lanes *l)
{
    if (l == NULL)
        return;
    pthread_mutex_lock(&l->mu);
    l->stopping = 1;
    pthread_cond_broadcast(&l->work);
    pthread_mutex_unlock(&l->mu);
    for (int i = 0; i < l->n; i++)
        if (l->lanes[i].started)
            pthread_join(l->lanes[i].thread, NULL);
    for (int i = 0; i < l->n; i++) {
        cs_pool_free(l->lanes[i].pool);
        cs_buf_free(&l->lanes[i].one);
        cs_jsonl_reader_free(&l->lanes[i].reader);
    }
    pthread_mutex_destroy(&l->mu);
    pthread_cond_destroy(&l->work);
    free(l->lanes);
    free(l);
}
