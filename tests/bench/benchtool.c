/* benchtool.c - the timing and memory probes of `make bench`.
 *
 *   benchtool time -n N [-k KEY] -- CMD [ARG...]
 *       run CMD N times in a row (stdin /dev/null, stdout /dev/null) and
 *       print the wall time of each run and min/median/max in ms, the CPU
 *       time of the fastest run, the max RSS the kernel reports for it, and
 *       the idle share of the machine's CPUs over all the runs.
 *   benchtool rss [-i MS] [-k KEY] -- CMD [ARG...]
 *       run CMD once, sampling its process tree every MS ms (default 10)
 *       from /proc: peak of the summed RSS of the tree, the parent's VmHWM,
 *       the largest VmHWM of any descendant (a worker), the number of
 *       processes seen, and the wait4() max RSS.
 *   benchtool spin -p P [-n ITERATIONS]
 *       P processes each spinning on the same CPU-bound loop at once; the
 *       wall time shows what a second core really adds on this machine,
 *       the CPU time each got and the machine's idle and steal shares
 *       (/proc/stat) tell a busy machine from a slow shared core.
 *
 * Output is KEY_name=value lines (KEY defaults to the command), so the
 * bench script can collect them into results.txt.  CMD failing (exit
 * status other than 0 or 1, or a signal) is an error: exit 2. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double tv_ms(struct timeval tv)
{
    return (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}

static pid_t spawn(char **argv)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("benchtool: fork");
        exit(2);
    }
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY);
        if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0)
            _exit(127);
        close(in);
        close(out);
        execvp(argv[0], argv);
        fprintf(stderr, "benchtool: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

static void check_status(int status, char **argv)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) <= 1)
        return;
    if (WIFSIGNALED(status))
        fprintf(stderr, "benchtool: %s: killed by signal %d\n", argv[0], WTERMSIG(status));
    else
        fprintf(stderr, "benchtool: %s: exit status %d\n", argv[0], WEXITSTATUS(status));
    exit(2);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Machine-wide jiffies from /proc/stat: busy, idle (+iowait), steal. */
static void cpu_jiffies(unsigned long long *busy, unsigned long long *idle,
                        unsigned long long *steal)
{
    unsigned long long v[8] = {0};
    *busy = *idle = *steal = 0;
    FILE *f = fopen("/proc/stat", "r");
    if (f == NULL)
        return;
    if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
               &v[4], &v[5], &v[6], &v[7]) == 8) {
        *busy = v[0] + v[1] + v[2] + v[5] + v[6];
        *idle = v[3] + v[4];
        *steal = v[7];
    }
    fclose(f);
}

static int cmd_time(const char *key, int n, char **argv)
{
    double *wall = calloc((size_t)n, sizeof *wall);
    if (wall == NULL)
        return 2;
    double best = 1e300, best_user = 0, best_sys = 0;
    long best_rss = 0;
    unsigned long long b0, i0, s0, b1, i1, s1;
    cpu_jiffies(&b0, &i0, &s0);
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        pid_t pid = spawn(argv);
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0) {
            perror("benchtool: wait4");
            return 2;
        }
        wall[i] = now_ms() - t0;
        check_status(status, argv);
        printf("%s_run%d_ms=%.2f\n", key, i + 1, wall[i]);
        if (wall[i] < best) {
            best = wall[i];
            best_user = tv_ms(ru.ru_utime);
            best_sys = tv_ms(ru.ru_stime);
            best_rss = ru.ru_maxrss;
        }
    }
    cpu_jiffies(&b1, &i1, &s1);
    double all = (double)((b1 - b0) + (i1 - i0) + (s1 - s0));
    double *sorted = malloc((size_t)n * sizeof *sorted);
    if (sorted == NULL)
        return 2;
    memcpy(sorted, wall, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_double);
    double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    printf("%s_runs=%d\n%s_min_ms=%.2f\n%s_median_ms=%.2f\n%s_max_ms=%.2f\n", key, n, key,
           sorted[0], key, median, key, sorted[n - 1]);
    printf("%s_best_user_ms=%.1f\n%s_best_sys_ms=%.1f\n%s_best_maxrss_kb=%ld\n", key,
           best_user, key, best_sys, key, best_rss);
    /* how busy the whole machine was meanwhile (idle share of all CPUs) */
    printf("%s_machine_idle_pct=%.1f\n%s_machine_steal_pct=%.1f\n", key,
           all > 0 ? 100.0 * (double)(i1 - i0) / all : 0.0, key,
           all > 0 ? 100.0 * (double)(s1 - s0) / all : 0.0);
    free(sorted);
    free(wall);
    return 0;
}

/* ---- process tree sampling ------------------------------------------- */

typedef struct proc {
    pid_t pid, ppid;
    long rss_kb, hwm_kb;
} proc;

static int read_proc(pid_t pid, proc *p)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    p->pid = pid;
    p->ppid = -1;
    p->rss_kb = p->hwm_kb = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "PPid:", 5) == 0)
            p->ppid = (pid_t)atol(line + 5);
        else if (strncmp(line, "VmRSS:", 6) == 0)
            p->rss_kb = atol(line + 6);
        else if (strncmp(line, "VmHWM:", 6) == 0)
            p->hwm_kb = atol(line + 6);
    }
    fclose(f);
    return 0;
}

#define MAX_SEEN 4096

typedef struct tree_stats {
    long peak_sum_kb;    /* largest sum of VmRSS over the tree in one sample */
    long parent_hwm_kb;  /* VmHWM of the root process */
    long child_hwm_kb;   /* largest VmHWM of any descendant */
    pid_t seen[MAX_SEEN];
    int nseen;
} tree_stats;

static void sample_tree(pid_t root, tree_stats *st)
{
    static proc all[MAX_SEEN * 4];
    size_t n = 0;
    DIR *d = opendir("/proc");
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < sizeof all / sizeof all[0]) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        if (read_proc((pid_t)atol(e->d_name), &all[n]) == 0)
            n++;
    }
    closedir(d);
    /* descendants of root: repeat until no new member (trees are shallow) */
    static unsigned char in[MAX_SEEN * 4];
    memset(in, 0, n);
    int changed = 1;
    for (size_t i = 0; i < n; i++)
        in[i] = all[i].pid == root;
    while (changed) {
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            if (in[i])
                continue;
            for (size_t k = 0; k < n; k++)
                if (in[k] && all[k].pid == all[i].ppid) {
                    in[i] = 1;
                    changed = 1;
                    break;
                }
        }
    }
    long sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!in[i])
            continue;
        sum += all[i].rss_kb;
        if (all[i].pid == root) {
            if (all[i].hwm_kb > st->parent_hwm_kb)
                st->parent_hwm_kb = all[i].hwm_kb;
        } else {
            if (all[i].hwm_kb > st->child_hwm_kb)
                st->child_hwm_kb = all[i].hwm_kb;
            int known = 0;
            for (int s = 0; s < st->nseen; s++)
                known |= st->seen[s] == all[i].pid;
            if (!known && st->nseen < MAX_SEEN)
                st->seen[st->nseen++] = all[i].pid;
        }
    }
    if (sum > st->peak_sum_kb)
        st->peak_sum_kb = sum;
}

static int cmd_rss(const char *key, int interval_ms, char **argv)
{
    static tree_stats st;
    double t0 = now_ms();
    pid_t pid = spawn(argv);
    int status = 0;
    struct rusage ru;
    int samples = 0;
    for (;;) {
        pid_t w = wait4(pid, &status, WNOHANG, &ru);
        if (w == pid)
            break;
        if (w < 0) {
            perror("benchtool: wait4");
            return 2;
        }
        sample_tree(pid, &st);
        samples++;
        struct timespec ts = {0, (long)interval_ms * 1000000L};
        nanosleep(&ts, NULL);
    }
    double wall = now_ms() - t0;
    check_status(status, argv);
    printf("%s_wall_ms=%.1f\n%s_user_ms=%.1f\n%s_sys_ms=%.1f\n", key, wall, key,
           tv_ms(ru.ru_utime), key, tv_ms(ru.ru_stime));
    printf("%s_samples=%d\n%s_interval_ms=%d\n", key, samples, key, interval_ms);
    printf("%s_wait4_maxrss_kb=%ld\n", key, ru.ru_maxrss);
    printf("%s_parent_hwm_kb=%ld\n%s_max_child_hwm_kb=%ld\n%s_children_seen=%d\n", key,
           st.parent_hwm_kb, key, st.child_hwm_kb, key, st.nseen);
    printf("%s_peak_tree_rss_kb=%ld\n", key, st.peak_sum_kb);
    return 0;
}

/* ---- spin ------------------------------------------------------------- */

static volatile uint64_t spin_sink;

static void spin(uint64_t iters)
{
    uint64_t x = 88172645463325252ULL;
    for (uint64_t i = 0; i < iters; i++) { /* xorshift: a dependent chain */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    spin_sink = x;
}

static int cmd_spin(int procs, uint64_t iters)
{
    unsigned long long b0, i0, s0, b1, i1, s1;
    cpu_jiffies(&b0, &i0, &s0);
    double t0 = now_ms();
    for (int i = 0; i < procs; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("benchtool: fork");
            return 2;
        }
        if (pid == 0) {
            spin(iters);
            _exit(0);
        }
    }
    int status;
    struct rusage ru;
    double cpu = 0;
    while (wait4(-1, &status, 0, &ru) > 0)
        cpu += tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime);
    double wall = now_ms() - t0;
    cpu_jiffies(&b1, &i1, &s1);
    double all = (double)((b1 - b0) + (i1 - i0) + (s1 - s0));
    printf("spin_p%d_ms=%.1f\n", procs, wall);
    /* CPU time each spinning process got: below the wall time when it had
     * to wait for a CPU (other jobs), near it when it ran all along. */
    printf("spin_p%d_cpu_ms=%.1f\n", procs, cpu / procs);
    /* the whole machine while it ran: idle and steal shares of all CPUs */
    printf("spin_p%d_idle_pct=%.1f\nspin_p%d_steal_pct=%.1f\n", procs,
           all > 0 ? 100.0 * (double)(i1 - i0) / all : 0.0, procs,
           all > 0 ? 100.0 * (double)(s1 - s0) / all : 0.0);
    return 0;
}

static void usage(void)
{
    fputs("usage: benchtool time -n N [-k KEY] -- CMD [ARG...]\n"
          "       benchtool rss [-i MS] [-k KEY] -- CMD [ARG...]\n"
          "       benchtool spin -p PROCS [-n ITERATIONS]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    const char *cmd = argv[1], *key = argv[1];
    long n = 0, interval = 10, procs = 1;
    uint64_t iters = 400000000ULL;
    int i = 2;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (argv[i][0] != '-' || i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        switch (argv[i - 1][1]) {
        case 'n':
            n = atol(v);
            iters = strtoull(v, NULL, 10);
            break;
        case 'k': key = v; break;
        case 'i': interval = atol(v); break;
        case 'p': procs = atol(v); break;
        default: usage();
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (strcmp(cmd, "spin") == 0)
        return procs > 0 && iters > 0 ? cmd_spin((int)procs, iters) : 2;
    if (i >= argc)
        usage();
    if (strcmp(cmd, "time") == 0 && n > 0)
        return cmd_time(key, (int)n, argv + i);
    if (strcmp(cmd, "rss") == 0 && interval > 0)
        return cmd_rss(key, (int)interval, argv + i);
    usage();
    return 2;
}
