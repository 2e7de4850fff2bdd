/*
 * tap.h - a tiny TAP producer for the unit tests (read by `prove`).
 *
 *   ok(cond, "name %d", i);      one test point
 *   is_int(got, want, "name");   equality with a diagnostic on failure
 *   is_str(got, want, "name");
 *   return done_testing();       prints the plan; exit status = failures
 */
#ifndef CS_TAP_H
#define CS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static int tap_vok(int cond, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static int tap_vok(int cond, const char *fmt, va_list ap)
{
    tap_count++;
    if (!cond)
        tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_count);
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

static int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3), unused));
static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = tap_vok(cond, fmt, ap);
    va_end(ap);
    return r;
}

#define is_int(got, want, ...)                                                             \
    do {                                                                                   \
        long long tap_g = (long long)(got), tap_w = (long long)(want);                     \
        if (!ok(tap_g == tap_w, __VA_ARGS__))                                              \
            printf("#   got: %lld\n#   expected: %lld\n", tap_g, tap_w);                   \
    } while (0)

#define is_str(got, want, ...)                                                             \
    do {                                                                                   \
        const char *tap_g = (got), *tap_w = (want);                                        \
        int tap_c = tap_g && tap_w ? strcmp(tap_g, tap_w) == 0 : tap_g == tap_w;            \
        if (!ok(tap_c, __VA_ARGS__))                                                       \
            printf("#   got: '%s'\n#   expected: '%s'\n", tap_g ? tap_g : "(null)",       \
                   tap_w ? tap_w : "(null)");                                              \
    } while (0)

static int done_testing(void) __attribute__((unused));
static int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
