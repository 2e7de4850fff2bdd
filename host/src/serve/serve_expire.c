/* serve_expire.c - 408 for requests not received within --read-timeout
 * (serve_expire.h). */
#include "serve_expire.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { READING, ANSWERING, EXPIRED };

void serve_expire_init(serve_expiry *e, int seconds)
{
    memset(e, 0, sizeof *e);
    pthread_mutex_init(&e->mu, NULL);
    e->seconds = seconds;
}

void serve_expire_free(serve_expiry *e)
{
    pthread_mutex_destroy(&e->mu);
}

void serve_expire_add(serve_expiry *e, serve_expiry_entry *x, int fd)
{
    clock_gettime(CLOCK_MONOTONIC, &x->start);
    x->fd = fd;
    atomic_init(&x->phase, READING);
    pthread_mutex_lock(&e->mu);
    x->prev = NULL;
    x->next = e->head;
    if (e->head)
        e->head->prev = x;
    e->head = x;
    x->listed = 1;
    pthread_mutex_unlock(&e->mu);
}

int serve_expire_reading(serve_expiry *e, serve_expiry_entry *x)
{
    if (atomic_load(&x->phase) != EXPIRED)
        return 1;
    pthread_mutex_lock(&e->mu); /* the scan's write is over once we have the lock */
    pthread_mutex_unlock(&e->mu);
    return 0;
}

int serve_expire_answering(serve_expiry *e, serve_expiry_entry *x)
{
    int want = READING;
    if (atomic_compare_exchange_strong(&x->phase, &want, ANSWERING) || want == ANSWERING)
        return 1;
    return serve_expire_reading(e, x);
}

int serve_expire_remove(serve_expiry *e, serve_expiry_entry *x)
{
    pthread_mutex_lock(&e->mu);
    if (x->listed) {
        if (x->prev)
            x->prev->next = x->next;
        else
            e->head = x->next;
        if (x->next)
            x->next->prev = x->prev;
        x->listed = 0;
    }
    pthread_mutex_unlock(&e->mu);
    return atomic_load(&x->phase) == EXPIRED;
}

/* Write the 408 reply to fd as it is (best effort: the client may be gone). */
static void answer_408(int fd, int seconds)
{
    char body[200], msg[400];
    int blen = snprintf(body, sizeof body,
                        "{\"error\":\"request_timeout\",\"message\":\"the request was not "
                        "received within --read-timeout (%d s)\"}\n",
                        seconds);
    int n = snprintf(msg, sizeof msg,
                     "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
                     "Content-Length: %d\r\nConnection: close\r\n\r\n%s",
                     blen, body);
    if (n > 0 && (size_t)n < sizeof msg)
        (void)send(fd, msg, (size_t)n, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void serve_expire_scan(serve_expiry *e)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&e->mu);
    for (serve_expiry_entry *x = e->head; x; x = x->next) {
        double age = (double)(now.tv_sec - x->start.tv_sec) +
                     (double)(now.tv_nsec - x->start.tv_nsec) / 1e9;
        int want = READING;
        if (age < e->seconds || x->fd < 0 ||
            !atomic_compare_exchange_strong(&x->phase, &want, EXPIRED))
            continue;
        answer_408(x->fd, e->seconds);
        shutdown(x->fd, SHUT_RDWR);
    }
    pthread_mutex_unlock(&e->mu);
}
