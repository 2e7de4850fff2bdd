/* test_pool.c - worker processes (pool.h): results in input order with
 * their status and item, whatever the number of workers and the items
 * each holds; a worker killed by a signal or exiting costs only its item,
 * named with what was running, and the others are scored (once: answers
 * written and not told yet are taken from the shared memory); an item
 * past the time limit is stopped; cs_pool_submit_buf takes the bytes;
 * pending counts. */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pool.h"
#include "tap.h"

/* The work: "die" is killed by SIGKILL in "plugin boom", "quit" exits with
 * status 3 in "plugin quitter", "slow" sleeps 30 s, "big" answers 5 MiB
 * of letters (status 0); anything else comes back as "<item>!" with
 * status = its length. */
static atomic_int *runs; /* shared with the workers: calls of work */

static int work(void *ctx, const char *item, size_t len, char *note, cs_buf *out)
{
    int *calls = ctx; /* the worker's copy: proves ctx is passed */
    (*calls)++;
    atomic_fetch_add(runs, 1);
    if (len == 3 && memcmp(item, "die", 3) == 0) {
        snprintf(note, CS_POOL_NOTE_MAX, "plugin boom");
        raise(SIGKILL);
    }
    if (len == 4 && memcmp(item, "quit", 4) == 0) {
        snprintf(note, CS_POOL_NOTE_MAX, "plugin quitter");
        _exit(3);
    }
    if (len == 4 && memcmp(item, "slow", 4) == 0) {
        snprintf(note, CS_POOL_NOTE_MAX, "plugin sleeper");
        sleep(30);
    }
    note[0] = '\0';
    if (len == 3 && memcmp(item, "big", 3) == 0) { /* past a result slot (4 MiB) */
        for (int k = 0; k < 5 * 1024; k++)
            for (int b = 0; b < 1024; b++)
                if (cs_buf_putc(out, (char)('a' + (k + b) % 26)) != 0)
                    return -2;
        return 0;
    }
    if (cs_buf_append(out, item, len) != 0 || cs_buf_putc(out, '!') != 0)
        return -2;
    return *calls > 0 ? (int)len : -3;
}

/* Submit items[0..n) through pool p, whose next submission number is
 * first, taking results as room is needed; check each comes back in order,
 * with its number and item.  Fills status[], crash[], data[] per item. */
static int run_items(cs_pool *p, uint64_t first, const char *const *items, int n, int *status,
                     char crash[][CS_POOL_NOTE_MAX + 64], char data[][32])
{
    cs_diag d;
    int next = 0, in_order = 1;
    cs_pool_result r;
    for (int i = 0; i < n; i++) {
        while (!cs_pool_can_submit(p)) {
            if (cs_pool_next(p, &r, &d) != 1)
                return -1;
            in_order &= r.seq == first + (uint64_t)next && r.item_len == strlen(items[next]) &&
                        memcmp(r.item, items[next], r.item_len) == 0;
            status[next] = r.status;
            snprintf(crash[next], sizeof crash[next], "%s", r.status == -1 ? r.crash : "");
            snprintf(data[next], sizeof data[next], "%.*s", (int)r.len, r.data ? r.data : "");
            next++;
        }
        if (cs_pool_submit(p, items[i], strlen(items[i]), &d) != 0)
            return -1;
    }
    int got;
    while ((got = cs_pool_next(p, &r, &d)) == 1) {
        in_order &= r.seq == first + (uint64_t)next && r.item_len == strlen(items[next]) &&
                    memcmp(r.item, items[next], r.item_len) == 0;
        status[next] = r.status;
        snprintf(crash[next], sizeof crash[next], "%s", r.status == -1 ? r.crash : "");
        snprintf(data[next], sizeof data[next], "%.*s", (int)r.len, r.data ? r.data : "");
        next++;
    }
    return got == 0 && next == n && in_order ? 0 : -1;
}

/* A result handed out in place (in the worker's shared slot) stays intact
 * and NUL-terminated until the next cs_pool_next, however fast the
 * workers answer the items submitted meanwhile. */
static void results_stay(int workers, int depth)
{
    cs_pool *p = NULL;
    cs_diag d;
    int calls = 0, sent = 0, got = 0, intact = 1;
    enum { N = 40 };
    char items[N][16];
    for (int k = 0; k < N; k++)
        snprintf(items[k], sizeof items[k], "item-%02d", k % 100);
    ok(cs_pool_start_depth(&p, workers, depth, work, &calls, &d) == 0,
       "%d worker(s) holding %d items start again", workers, depth);
    while (got < N) {
        while (sent < N && cs_pool_can_submit(p) && cs_pool_submit(p, items[sent], 7, &d) == 0)
            sent++;
        cs_pool_result r;
        if (cs_pool_next(p, &r, &d) != 1)
            break;
        char want[9];
        memcpy(want, items[got], 7);
        memcpy(want + 7, "!", 2);
        while (sent < N && cs_pool_can_submit(p) && cs_pool_submit(p, items[sent], 7, &d) == 0)
            sent++;
        usleep(3000); /* time for a worker to answer what it was given */
        intact &= r.len == 8 && memcmp(r.data, want, 8) == 0 && r.data[8] == '\0';
        got++;
    }
    ok(intact && got == N,
       "%d worker(s), %d items: each result unchanged until the next one is asked for (%d of %d)",
       workers, depth, got, N);
    cs_pool_free(p);
}

/* Results larger than a worker's result slot come back whole, between
 * results that fit (the worker moves such a result out of its slot). */
static void big_results(int depth)
{
    cs_pool *p = NULL;
    cs_diag d;
    int calls = 0, whole = 1, got = 0;
    const char *items[] = {"a", "big", "bb", "big", "big", "ccc"};
    ok(cs_pool_start_depth(&p, 1, depth, work, &calls, &d) == 0,
       "a pool for big results starts (%d items a worker)", depth);
    for (int i = 0; i < 6; i++)
        cs_pool_submit(p, items[i], strlen(items[i]), &d);
    cs_pool_result r;
    for (int i = 0; i < 6 && cs_pool_next(p, &r, &d) == 1; i++, got++) {
        if (strcmp(items[i], "big") != 0) {
            whole &= r.len == strlen(items[i]) + 1 && r.data[r.len - 1] == '!';
            continue;
        }
        int same = r.len == 5u * 1024 * 1024 && r.status == 0;
        for (size_t k = 0; same && k < r.len; k += 4093)
            same = r.data[k] == (char)('a' + (k / 1024 + k % 1024) % 26);
        whole &= same && r.data[r.len] == '\0';
    }
    ok(whole && got == 6, "%d items a worker: 5 MiB results come back whole, between small ones (%d of 6)",
       depth, got);
    cs_pool_free(p);
}

/* Workers that hold 16 items and tell of their answers in runs: many
 * items in order; a crash or a timeout after answers written and not told
 * yet costs only the item it hit, and no item is scored twice (runs
 * counts the calls of work). */
static void deep(int workers)
{
    cs_diag d;
    int calls = 0;
    static char crash[64][CS_POOL_NOTE_MAX + 64];
    static char data[64][32];
    int status[64];
    char names[50][16];
    const char *items[50];
    for (int k = 0; k < 50; k++) {
        snprintf(names[k], sizeof names[k], "i%d", k);
        items[k] = names[k];
    }
    cs_pool *p = NULL;
    ok(cs_pool_start_depth(&p, workers, 16, work, &calls, &d) == 0,
       "%d worker(s) holding 16 items start", workers);
    is_int(run_items(p, 0, items, 50, status, crash, data), 0,
           "16 items a worker, %d worker(s): fifty results in input order", workers);
    int all = 1;
    for (int k = 0; k < 50; k++) {
        char want[32];
        snprintf(want, sizeof want, "%s!", items[k]);
        all &= status[k] == (int)strlen(items[k]) && strcmp(data[k], want) == 0;
    }
    ok(all, "16 items a worker, %d worker(s): each result its item's", workers);
    is_int(run_items(p, 50, items, 1, status, crash, data), 0,
           "16 items a worker, %d worker(s): a lone item comes back (told when idle)", workers);

    atomic_store(runs, 0);
    const char *crashy[] = {"a", "b", "c", "die", "e", "f"};
    is_int(run_items(p, 51, crashy, 6, status, crash, data), 0,
           "16 items a worker, %d worker(s): a crash after answers not told yet: in order", workers);
    ok(status[0] == 1 && status[1] == 1 && status[2] == 1 && status[4] == 1 && status[5] == 1,
       "16 items a worker, %d worker(s): the items before and after the crash are scored",
       workers);
    is_int(status[3], -1, "16 items a worker, %d worker(s): the crashing item fails", workers);
    is_str(crash[3], "the worker died of signal 9 (Killed) in plugin boom",
           "16 items a worker, %d worker(s): named with what was running", workers);

    cs_pool_set_timeout(p, 1);
    const char *slow[] = {"x", "y", "slow", "z"};
    is_int(run_items(p, 57, slow, 4, status, crash, data), 0,
           "16 items a worker, %d worker(s): a slow item after answers not told yet: in order",
           workers);
    ok(status[0] == 1 && status[1] == 1 && status[3] == 1 && status[2] == -1,
       "16 items a worker, %d worker(s): only the slow item fails", workers);
    is_str(crash[2], "took longer than 1 s and was stopped in plugin sleeper",
           "16 items a worker, %d worker(s): naming the limit and what was running", workers);
    cs_pool_finish(p);
    cs_pool_free(p);
    is_int(atomic_load(runs), 10, "16 items a worker, %d worker(s): each of the ten items ran once",
           workers);
}

int main(void)
{
    alarm(120); /* an answer never told would hang the test: fail it instead */
    runs = mmap(NULL, sizeof *runs, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (runs == MAP_FAILED)
        return 1;
    cs_diag d;
    int calls = 0;
    static char crash[16][CS_POOL_NOTE_MAX + 64];
    static char data[16][32];
    int status[16];

    for (int workers = 1; workers <= 3; workers += 2) {
        cs_pool *p = NULL;
        ok(cs_pool_start(&p, workers, work, &calls, &d) == 0, "%d worker(s) start", workers);
        const char *items[] = {"a", "bb", "ccc", "dddd", "e", "ff", "ggg", "h", "ii", "j"};
        is_int(run_items(p, 0, items, 10, status, crash, data), 0,
               "%d worker(s): ten results, in input order, each with its item", workers);
        int all = 1;
        for (int i = 0; i < 10; i++) {
            char want[32];
            snprintf(want, sizeof want, "%s!", items[i]);
            all &= status[i] == (int)strlen(items[i]) && strcmp(data[i], want) == 0;
        }
        ok(all, "%d worker(s): each result holds the work's bytes and status", workers);
        is_int(cs_pool_pending(p), 0, "%d worker(s): nothing pending at the end", workers);
        cs_pool_result r;
        is_int(cs_pool_next(p, &r, &d), 0, "%d worker(s): next with nothing outstanding: 0",
               workers);
        cs_pool_finish(p);
        cs_pool_free(p);
    }
    is_int(calls, 0, "the work ran in the workers (the parent's ctx untouched)");

    /* Crashes cost only their item. */
    cs_pool *p = NULL;
    ok(cs_pool_start(&p, 2, work, &calls, &d) == 0, "a pool for crashes starts");
    const char *items[] = {"one", "die", "two", "quit", "three", "four"};
    is_int(run_items(p, 0, items, 6, status, crash, data), 0,
           "with a killed and an exiting worker: six results in order");
    is_int(status[1], -1, "the killed worker's item fails");
    is_str(crash[1], "the worker died of signal 9 (Killed) in plugin boom",
           "naming the signal and what was running");
    is_int(status[3], -1, "the exiting worker's item fails");
    is_str(crash[3], "the worker exited with status 3 in plugin quitter",
           "naming the status and what was running");
    ok(status[0] == 3 && status[2] == 3 && status[4] == 5 && status[5] == 4 &&
       strcmp(data[4], "three!") == 0 && strcmp(data[5], "four!") == 0,
       "the other items are scored as usual (new workers forked)");

    /* The time limit. */
    cs_pool_set_timeout(p, 1);
    const char *slow[] = {"slow", "fast"};
    is_int(run_items(p, 6, slow, 2, status, crash, data), 0, "a slow item and a fast one: in order");
    is_int(status[0], -1, "the slow item fails");
    is_str(crash[0], "took longer than 1 s and was stopped in plugin sleeper",
           "naming the limit and what was running");
    ok(status[1] == 4 && strcmp(data[1], "fast!") == 0, "the fast one is scored");

    /* submit_buf takes the bytes and leaves an empty buffer. */
    cs_buf item = {0};
    cs_buf_append(&item, "owned", 5);
    is_int(cs_pool_submit_buf(p, &item, &d), 0, "submit_buf: 0");
    is_int(item.len, 0, "submit_buf: the caller's buffer is left empty");
    is_int(cs_pool_pending(p), 1, "submit_buf: one item pending");
    cs_pool_result r;
    ok(cs_pool_next(p, &r, &d) == 1 && r.len == 6 && memcmp(r.data, "owned!", 6) == 0 &&
       r.item_len == 5 && memcmp(r.item, "owned", 5) == 0,
       "submit_buf: its result, with the item handed back");
    cs_buf_free(&item);
    cs_pool_finish(p);
    cs_pool_free(p);
    results_stay(1, 2);
    results_stay(2, 2);
    results_stay(1, 16);
    results_stay(2, 16);
    results_stay(2, 1);
    big_results(2);
    big_results(16);
    deep(1);
    deep(2);
    return done_testing();
}
