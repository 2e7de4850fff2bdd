/* test_guard.c - the --timeout guard (guard.h): a deadline's time left
 * (none running, no limit, running, overrun) and its message; a body run
 * unguarded (seconds 0: here, its effects seen) or in a watched child (its
 * exit code and reply come back, its memory stays its own); an article
 * that runs over is stopped after about the limit and named with its
 * note; a child killed or exiting inside an article is named, killed
 * outside one gives 128 + the signal; an article under the limit is not stopped. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "guard.h"
#include "tap.h"

static int touched; /* set by a body: seen here only when it ran here */

static int body_ok(void *ctx, cs_guard *g)
{
    (void)ctx;
    touched = 1;
    cs_guard_begin(g, "quick.txt");
    cs_guard_end(g);
    cs_guard_reply(g, "hello", 5);
    return 7;
}

static int body_slow(void *ctx, cs_guard *g)
{
    cs_guard_begin(g, "art-1");
    snprintf(cs_guard_note(g), CS_GUARD_NOTE_MAX, "rule %s", (const char *)ctx);
    sleep(30);
    cs_guard_end(g);
    return 0;
}

static int body_killed_inside(void *ctx, cs_guard *g)
{
    (void)ctx;
    cs_guard_begin(g, "art-2");
    snprintf(cs_guard_note(g), CS_GUARD_NOTE_MAX, "plugin boom");
    raise(SIGKILL);
    return 0;
}

static int body_exits_inside(void *ctx, cs_guard *g)
{
    (void)ctx;
    cs_guard_begin(g, "art-5");
    snprintf(cs_guard_note(g), CS_GUARD_NOTE_MAX, "plugin quitter");
    _exit(3);
}

static int body_killed_outside(void *ctx, cs_guard *g)
{
    (void)ctx;
    cs_guard_begin(g, "art-3");
    cs_guard_end(g);
    raise(SIGKILL);
    return 0;
}

static int body_under(void *ctx, cs_guard *g)
{
    (void)ctx;
    for (int i = 0; i < 3; i++) { /* three articles of 0.4 s under a 1 s limit */
        cs_guard_begin(g, "art-4");
        usleep(400 * 1000);
        cs_guard_end(g);
    }
    return 0;
}

int main(void)
{
    cs_deadline dl;
    memset(&dl, 0, sizeof dl);
    long long now = cs_guard_now_ms();
    ok(now > 0, "the clock is never 0");
    is_int((int)cs_deadline_left_ms(&dl, 5, now), -1, "no article running: -1");
    cs_deadline_begin(&dl, "a.md");
    is_str(dl.label, "a.md", "begin keeps the label");
    is_int((int)cs_deadline_left_ms(&dl, 0, now), -1, "no limit: -1");
    long long left = cs_deadline_left_ms(&dl, 5, cs_guard_now_ms());
    ok(left > 4000 && left <= 5000, "just begun: about the whole limit left (%lld ms)", left);
    is_int((int)cs_deadline_left_ms(&dl, 5, cs_guard_now_ms() + 6000), 0, "past the limit: 0");
    snprintf(dl.note, sizeof dl.note, "rule x");
    cs_deadline_end(&dl);
    is_int((int)cs_deadline_left_ms(&dl, 5, now), -1, "ended: -1");
    is_str(dl.note, "", "ended: the note cleared");
    char buf[200];
    cs_deadline_describe(3, "rule x (a.lua:2)", buf, sizeof buf);
    is_str(buf, "took longer than 3 s and was stopped in rule x (a.lua:2)", "described with a note");
    cs_deadline_describe(3, "", buf, sizeof buf);
    is_str(buf, "took longer than 3 s and was stopped", "described without one");

    cs_diag d;
    char reply[CS_GUARD_REPLY_MAX];
    size_t len = 99;
    touched = 0;
    is_int(cs_guard_run(0, body_ok, NULL, reply, &len, &d), 7, "unguarded: the body's code");
    ok(touched == 1, "unguarded: the body ran here");
    ok(len == 5 && memcmp(reply, "hello", 5) == 0, "unguarded: its reply");
    touched = 0;
    len = 99;
    is_int(cs_guard_run(2, body_ok, NULL, reply, &len, &d), 7, "guarded: the child's code");
    ok(touched == 0, "guarded: the body ran in a child");
    ok(len == 5 && memcmp(reply, "hello", 5) == 0, "guarded: its reply comes back");

    long long t0 = cs_guard_now_ms();
    is_int(cs_guard_run(1, body_slow, "slow-one (s.lua:1)", reply, &len, &d), -1,
           "an article over the limit: -1");
    long long took = cs_guard_now_ms() - t0;
    ok(took >= 1000 && took < 5000, "stopped after about the limit (%lld ms)", took);
    is_str(d.msg, "art-1: not scored: took longer than 1 s and was stopped in rule slow-one "
                  "(s.lua:1)", "named with its label and note");
    is_int((int)len, 0, "no reply from a stopped body");

    is_int(cs_guard_run(5, body_killed_inside, NULL, NULL, NULL, &d), -1,
           "killed inside an article: -1");
    is_str(d.msg, "art-2: not scored: the worker died of signal 9 (Killed) in plugin boom",
           "named with the signal and the note");
    is_int(cs_guard_run(5, body_exits_inside, NULL, NULL, NULL, &d), -1,
           "exiting inside an article: -1");
    is_str(d.msg, "art-5: not scored: the worker exited with status 3 in plugin quitter",
           "named with the status and the note");
    is_int(cs_guard_run(5, body_killed_outside, NULL, NULL, NULL, &d), 128 + SIGKILL,
           "killed outside an article: 128 + the signal");
    is_int(cs_guard_run(1, body_under, NULL, NULL, NULL, &d), 0,
           "articles under the limit, longer together: not stopped");
    return done_testing();
}
