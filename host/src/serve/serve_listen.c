/* serve_listen.c - parse --listen, bind, listen (serve_listen.h). */
#include "serve_listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BACKLOG 256

/* Split "host:port" / "[v6]:port" into host and port; -1 if malformed. */
static int split(const char *spec, char *host, size_t hostlen, long *port)
{
    const char *colon;
    size_t hlen;
    const char *h = spec;
    if (spec[0] == '[') {
        const char *close = strchr(spec, ']');
        if (close == NULL || close[1] != ':')
            return -1;
        h = spec + 1;
        hlen = (size_t)(close - h);
        colon = close + 1;
    } else {
        colon = strrchr(spec, ':');
        if (colon == NULL || memchr(spec, ':', (size_t)(colon - spec)))
            return -1;
        hlen = (size_t)(colon - spec);
    }
    if (hlen == 0 || hlen >= hostlen)
        return -1;
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    char *end;
    errno = 0;
    *port = strtol(colon + 1, &end, 10);
    if (colon[1] < '0' || colon[1] > '9' || *end || errno || *port < 0 || *port > 65535)
        return -1;
    return 0;
}

int serve_listen(const char *spec, int *loopback, char *bound, size_t boundlen, cs_diag *d)
{
    char host[128];
    long port;
    struct sockaddr_storage ss;
    socklen_t sslen;
    memset(&ss, 0, sizeof ss);
    if (split(spec, host, sizeof host, &port) != 0)
        return cs_diag_set(d, "--listen '%s': want ADDR:PORT (e.g. 127.0.0.1:8080, "
                              "[::1]:8080; port 0 = any free one)", spec);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((unsigned short)port);
        sslen = sizeof *v4;
        *loopback = (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((unsigned short)port);
        sslen = sizeof *v6;
        *loopback = IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
    } else {
        return cs_diag_set(d, "--listen '%s': '%s' is not a numeric IPv4 or IPv6 address",
                           spec, host);
    }
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return cs_diag_set(d, "--listen %s: cannot make a socket: %s", spec, strerror(errno));
    int one = 1;
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (ss.ss_family == AF_INET6)
        (void)setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, sslen) != 0 || listen(fd, BACKLOG) != 0) {
        int e = errno;
        close(fd);
        return cs_diag_set(d, "--listen %s: cannot listen: %s", spec, strerror(e));
    }
    sslen = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &sslen) != 0) {
        int e = errno;
        close(fd);
        return cs_diag_set(d, "--listen %s: %s", spec, strerror(e));
    }
    char addr[INET6_ADDRSTRLEN];
    if (ss.ss_family == AF_INET) {
        inet_ntop(AF_INET, &v4->sin_addr, addr, sizeof addr);
        snprintf(bound, boundlen, "%s:%u", addr, ntohs(v4->sin_port));
    } else {
        inet_ntop(AF_INET6, &v6->sin6_addr, addr, sizeof addr);
        snprintf(bound, boundlen, "[%s]:%u", addr, ntohs(v6->sin6_port));
    }
    return fd;
}

void serve_listen_peer(const struct sockaddr *sa, char *out, size_t outlen)
{
    out[0] = '\0';
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)outlen);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
                  (socklen_t)outlen);
}
