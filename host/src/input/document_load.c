/*
 * document_load.c - getting an article in: read its bytes from a file or
 * memory under the size limit, pick the format, run that format's loader
 * (input.h) over the prepared document.
 */
#include "document_load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"

/* Bytes asked of read() at a time when the size is not known (a pipe,
 * standard input, or past the size fstat gave). */
#define CS_READ_CHUNK 65536

/* Prepare the document (its source already read; flags for
 * cs_doc_prepare_flags) and split it with the loader of fmt (AUTO: by the
 * extension of path, text for "-"). */
static int load_common(cs_document *doc, const char *path, cs_format fmt, unsigned flags,
                       cs_diag *d)
{
    if (fmt == CS_FORMAT_AUTO)
        fmt = strcmp(path, "-") == 0 ? CS_FORMAT_TEXT : cs_format_from_path(path);
    doc->format = fmt;
    if (cs_doc_prepare_flags(doc, flags, d) != 0)
        return -1;
    int rc;
    switch (fmt) {
    case CS_FORMAT_MARKDOWN: rc = cs_load_markdown(doc, d); break;
    case CS_FORMAT_HTML: rc = cs_load_html(doc, d); break;
    default: rc = cs_load_text(doc, d); break;
    }
    if (rc != 0)
        return -1;
    if (cs_buf_terminate(&doc->text) != 0)
        return cs_diag_at(d, path, 0, 0, "out of memory");
    return 0;
}

/* The error for an article past the size limit max_bytes (> 0). */
static int too_large(const char *path, long long max_bytes, cs_diag *d)
{
    return cs_diag_at(d, path, 0, 0,
                      "article larger than the limit of %lld MB; refusing to read it (raise "
                      "limits.article_mb in the config or pass --max-article-mb)",
                      (max_bytes + CS_DOC_MB - 1) / CS_DOC_MB);
}

/* Append the bytes of the open file fd (path names it in messages; its
 * status *st, or NULL when fstat failed) to out, then NUL-terminate them:
 * cs_document_read's checks and messages.  0, or -1 with d filled. */
static int read_fd(int fd, const char *path, const struct stat *st, cs_buf *out,
                   long long max_bytes, cs_diag *d)
{
    if (st && S_ISDIR(st->st_mode))
        return cs_diag_at(d, path, 0, 0, "is a directory, not an article");
    if (st && S_ISREG(st->st_mode) && max_bytes > 0 && st->st_size > max_bytes)
        return too_large(path, max_bytes, d);
    /* The bytes go straight into out.  A regular file's size is known: one
     * read asks for one byte more than it, so that the short read which
     * brings the last byte also tells that the file ends there, without a
     * further call that returns 0.  A file that grew meanwhile, and any
     * other kind, is read on in chunks until read returns 0. */
    size_t base = out->len, got = 0, expect = 0;
    int sized = 0;
    if (st && S_ISREG(st->st_mode) && st->st_size > 0) {
        sized = 1;
        expect = (size_t)st->st_size;
    }
    for (;;) {
        size_t want = sized && got < expect ? expect - got + 1 : CS_READ_CHUNK;
        if (cs_buf_reserve(out, want) != 0)
            return cs_diag_at(d, path, 0, 0, "out of memory");
        ssize_t n = read(fd, out->data + out->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return cs_diag_at(d, path, 0, 0, "cannot read: %s", strerror(errno));
        if (n == 0)
            break;
        if (max_bytes > 0 && (long long)(got + (size_t)n) > max_bytes)
            return too_large(path, max_bytes, d);
        const char *nul = memchr(out->data + out->len, '\0', (size_t)n);
        out->len += (size_t)n;
        got += (size_t)n;
        if (nul != NULL) {
            int line, col;
            cs_text_line_col(out->data + base, (size_t)(nul - (out->data + base)), &line, &col);
            return cs_diag_at(d, path, line, col, CS_NUL_MESSAGE);
        }
        if (sized && got == expect && (size_t)n < want)
            break; /* the size fstat gave, and a short read: the end */
    }
    if (cs_buf_terminate(out) != 0)
        return cs_diag_at(d, path, 0, 0, "out of memory");
    return 0;
}

int cs_document_read(const char *path, cs_buf *out, long long max_bytes, cs_diag *d)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cs_diag_at(d, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    int rc = read_fd(fd, path, fstat(fd, &st) == 0 ? &st : NULL, out, max_bytes, d);
    if (!is_stdin)
        close(fd);
    return rc;
}

int cs_document_read_regular(const char *path, cs_buf *out, long long max_bytes)
{
    /* Anything but a regular file is not even opened: opening a FIFO would
     * wait for a writer, or, without waiting, take a reader's place for a
     * moment, and a writer that came then would lose what it wrote when
     * that reader left.  O_NONBLOCK for the file that took its name since. */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return 0;
    size_t base = out->len;
    int rc = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        cs_diag d;
        rc = read_fd(fd, path, &st, out, max_bytes, &d) == 0;
        if (!rc)
            out->len = base; /* the caller's bytes as they were */
    }
    close(fd);
    return rc;
}

int cs_document_load_file_max(cs_document *doc, const char *path, cs_format fmt,
                              long long max_bytes, cs_diag *d)
{
    memset(doc, 0, sizeof *doc);
    return cs_document_reload_file(doc, path, fmt, max_bytes, d);
}

int cs_document_reload_file(cs_document *doc, const char *path, cs_format fmt,
                            long long max_bytes, cs_diag *d)
{
    cs_document_clear(doc);
    doc->path = cs_strdup(path);
    if (doc->path == NULL)
        return cs_diag_at(d, path, 0, 0, "out of memory");
    if (cs_document_read(path, &doc->source, max_bytes, d) != 0)
        return -1;
    return load_common(doc, path, fmt, 0, d);
}

int cs_document_load_file(cs_document *doc, const char *path, cs_format fmt, cs_diag *d)
{
    return cs_document_load_file_max(doc, path, fmt, CS_DOC_DEFAULT_MAX_BYTES, d);
}

int cs_document_load_memory_max(cs_document *doc, const char *id, const char *data, size_t len,
                                cs_format fmt, long long max_bytes, cs_diag *d)
{
    memset(doc, 0, sizeof *doc);
    doc->path = cs_strdup(id);
    if (doc->path == NULL)
        return cs_diag_at(d, id, 0, 0, "out of memory");
    if (max_bytes > 0 && (long long)len > max_bytes)
        return too_large(id, max_bytes, d);
    if (cs_buf_append(&doc->source, data, len) != 0 || cs_buf_terminate(&doc->source) != 0)
        return cs_diag_at(d, id, 0, 0, "out of memory");
    if (fmt == CS_FORMAT_AUTO)
        fmt = CS_FORMAT_TEXT;
    return load_common(doc, id, fmt, 0, d);
}

int cs_document_load_borrowed(cs_document *doc, const char *id, const char *data, size_t len,
                              cs_format fmt, long long max_bytes, unsigned flags, cs_diag *d)
{
    cs_document_clear(doc);
    doc->path = cs_strdup(id);
    if (doc->path == NULL)
        return cs_diag_at(d, id, 0, 0, "out of memory");
    if (max_bytes > 0 && (long long)len > max_bytes)
        return too_large(id, max_bytes, d);
    /* The caller's bytes, read in place (cs_document_clear lets them go). */
    cs_buf_free(&doc->source);
    doc->source = (cs_buf){.data = (char *)data, .len = len, .cap = len + 1, .borrowed = 1};
    if (fmt == CS_FORMAT_AUTO)
        fmt = CS_FORMAT_TEXT;
    return load_common(doc, id, fmt, flags, d);
}

int cs_document_load_memory(cs_document *doc, const char *id, const char *data, size_t len,
                            cs_format fmt, cs_diag *d)
{
    return cs_document_load_memory_max(doc, id, data, len, fmt, 0, d);
}
