#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

int cs_diag_set(cs_diag *d, const char *fmt, ...)
{
    if (d == NULL)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int cs_diag_at(cs_diag *d, const char *path, int line, int col, const char *fmt, ...)
{
    if (d == NULL)
        return -1;
    int n;
    if (line > 0 && col > 0)
        n = snprintf(d->msg, sizeof d->msg, "%s:%d:%d: ", path, line, col);
    else if (line > 0)
        n = snprintf(d->msg, sizeof d->msg, "%s:%d: ", path, line);
    else
        n = snprintf(d->msg, sizeof d->msg, "%s: ", path);
    if (n < 0 || (size_t)n >= sizeof d->msg)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg + n, sizeof d->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}
