/*
 * serve_expire.h - the read timeout: a request must arrive whole (request
 * line, headers and body) within --read-timeout seconds.
 *
 * Each request is registered when its request line arrives.  A scan, run
 * by the main loop a few times a second, answers every request still being
 * received after the timeout with 408 and a JSON body, written straight to
 * its socket, then shuts the socket down, so that the connection's thread
 * (blocked reading) sees the end and closes it.  The handler and the scan
 * agree through each entry's phase: whichever moves it first from
 * READING wins (the handler to answer, the scan to expire it); the socket
 * is written and shut under the list's lock, and an entry leaves the list
 * (serve_expire_remove) before libmicrohttpd closes its socket, so the
 * scan never writes to a closed or reused descriptor.
 */
#ifndef CS_SERVE_EXPIRE_H
#define CS_SERVE_EXPIRE_H

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

typedef struct serve_expiry_entry {
    struct serve_expiry_entry *prev, *next;
    struct timespec start;
    int fd;
    atomic_int phase;
    int listed;
} serve_expiry_entry;

typedef struct serve_expiry {
    pthread_mutex_t mu;
    serve_expiry_entry *head;
    int seconds;
} serve_expiry;

void serve_expire_init(serve_expiry *e, int seconds);
void serve_expire_free(serve_expiry *e);

/* A request began on socket fd: its deadline starts now. */
void serve_expire_add(serve_expiry *e, serve_expiry_entry *x, int fd);

/* Still ours to handle (0: it was answered 408; close the connection)? */
int serve_expire_reading(serve_expiry *e, serve_expiry_entry *x);

/* The request is in (or answered early): no 408 any more.  0 when the scan
 * expired it first. */
int serve_expire_answering(serve_expiry *e, serve_expiry_entry *x);

/* The request ended: off the list.  1 when it had been answered 408. */
int serve_expire_remove(serve_expiry *e, serve_expiry_entry *x);

/* Answer 408 to the requests past their deadline. */
void serve_expire_scan(serve_expiry *e);

#endif
