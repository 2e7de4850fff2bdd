/*
 * serve_listen.h - the server's listening socket.
 *
 * ADDR:PORT with a numeric IPv4 address, or [ADDR]:PORT with an IPv6 one;
 * port 0 takes any free port.  Loopback addresses are 127.0.0.0/8 and ::1.
 */
#ifndef CS_SERVE_LISTEN_H
#define CS_SERVE_LISTEN_H

#include <stddef.h>

#include "diag.h"

/* Parse spec, bind and listen: the socket (close-on-exec), *loopback set,
 * and the address it is bound to ("127.0.0.1:41235", "[::1]:8080") in
 * bound.  -1 with d saying what is wrong. */
int serve_listen(const char *spec, int *loopback, char *bound, size_t boundlen, cs_diag *d);

struct sockaddr;

/* A client's address as text ("127.0.0.1", "::1"), into out. */
void serve_listen_peer(const struct sockaddr *sa, char *out, size_t outlen);

#endif
