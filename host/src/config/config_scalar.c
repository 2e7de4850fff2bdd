/*
 * config_scalar.c - YAML scalars read strictly as numbers, integers and
 * booleans (config_scalar.h).
 */
#include "config_scalar.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <strings.h>

/* Strict decimal: [+-]digits[.digits][e[+-]digits]; -1 not a number,
 * -2 out of range.  No hex, inf or nan. */
int cfg_parse_decimal(const char *s, double *out)
{
    const char *p = s;
    int digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    for (; isdigit((unsigned char)*p); p++)
        digits++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            digits++;
    if (digits == 0)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return -1;
    char *end;
    double v = strtod(s, &end);
    if (end != p)
        return -1;
    if (!isfinite(v))
        return -2;
    *out = v;
    return 0;
}

int cfg_parse_integer(const char *s, long long *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p != '\0')
        return -1;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end != p)
        return -1;
    if (errno == ERANGE)
        return -2;
    *out = v;
    return 0;
}

int cfg_parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
    for (size_t i = 0; i < 3; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

/* The text of a plain (unquoted) scalar, else NULL (n may be NULL):
 * numbers, integers and booleans must be written plain. */
const char *cfg_plain_value(const cs_ynode *n)
{
    return n != NULL && n->kind == CS_YNODE_SCALAR && n->plain ? n->value : NULL;
}
