/*
 * scratch.h - a scratch folder for unit tests that need files: make it
 * with mkdtemp on a "/tmp/cs-NAME.XXXXXX" template, write files into it
 * with scratch_put, name them with scratch_path, and remove it with
 * everything in it (one level of sub-folders) with scratch_remove.
 * Header-only; a failed write is left for the test's own checks to show.
 */
#ifndef CS_TEST_SCRATCH_H
#define CS_TEST_SCRATCH_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* dir/name into buf (size n); returns buf ("" when it does not fit). */
static inline char *scratch_path(const char *dir, const char *name, char *buf, size_t n)
{
    int len = snprintf(buf, n, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= n)
        buf[0] = '\0';
    return buf;
}

/* Write text to dir/name, replacing it. */
static inline void scratch_put(const char *dir, const char *name, const char *text)
{
    char path[4200];
    FILE *f = fopen(scratch_path(dir, name, path, sizeof path), "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Remove dir, its files and its sub-folders' files. */
static inline void scratch_remove(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[4200];
        struct stat st;
        scratch_path(dir, e->d_name, path, sizeof path);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            scratch_remove(path);
        else
            unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

#endif
