/*
 * A FROZEN COPY of credscore/plugin.h as released with plugin ABI 1.0, kept
 * so that tests/plugins/abi10.c is built with the 1.0 struct sizes: it proves
 * that a plugin compiled against 1.0 still loads.  Never edit it.
 *
 * credscore/plugin.h - the plugin ABI of credscore (the only public header).
 *
 * A plugin is a shared object that exports one function:
 *
 *     const credscore_plugin *credscore_plugin_entry(const credscore_host *host);
 *
 * The host dlopen()s the object (RTLD_NOW | RTLD_LOCAL), calls the entry once,
 * checks the descriptor it returns and then drives the callbacks:
 *
 *     create          once per scorer, with the plugin's options from the YAML config
 *     begin_document  once per article (optional): make per-document state
 *     score_passage   once per passage, in document order; findings go to host->emit
 *     end_document    once per article (optional): free per-document state
 *     destroy         once, when the scorer is freed
 *
 * VERSIONING
 *   CREDSCORE_ABI_MAJOR changes only when an existing field changes meaning or
 *   position; the host refuses a plugin built for another major.  A minor bump
 *   only APPENDS fields to the end of a struct below.  The host refuses a plugin
 *   built against a newer minor than its own (it could not honour the newer
 *   fields).  A plugin built against an older minor keeps working: the host
 *   copies the descriptor into a zeroed struct of its own size, so fields the
 *   plugin does not know read as 0 / NULL.
 *
 *   Every struct starts with `struct_size`.  A plugin that wants a host
 *   function added in a later minor checks both the version and the size:
 *
 *       if (host->abi_minor >= 1 &&
 *           host->struct_size > offsetof(credscore_host, some_new_function) &&
 *           host->some_new_function != NULL) ...
 *
 *   CREDSCORE_HOST_HAS(host, field) does exactly that.
 *
 * OWNERSHIP
 *   Everything the host passes in (texts, spans, options, the host struct) is
 *   owned by the host and valid only during the call, except `host` itself,
 *   which stays valid until destroy returns.  Strings in a finding are copied
 *   by emit; the plugin may reuse its buffers after emit returns.  Memory the
 *   plugin hands back to the host is never freed by the host, and vice versa.
 *
 * ERRORS
 *   Callbacks return 0 on success and non-zero on failure.  create may write a
 *   one-line reason into `err` (size `errlen`).  A failing score_passage makes
 *   the host report an error for that article naming the plugin; a plugin
 *   must never call exit() or abort().
 *
 * THREADS
 *   By default the host never calls one plugin instance from two threads at
 *   once.  A plugin that sets CREDSCORE_PLUGIN_THREAD_SAFE in `flags` may be
 *   called concurrently on different documents (with distinct doc_state).
 */
#ifndef CREDSCORE_PLUGIN_H
#define CREDSCORE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CREDSCORE_ABI_MAJOR 1
#define CREDSCORE_ABI_MINOR 0

/* Name of the symbol the host looks up. */
#define CREDSCORE_PLUGIN_ENTRY_SYMBOL "credscore_plugin_entry"

/* Visibility helper for the entry point. */
#if defined(__GNUC__)
#define CREDSCORE_EXPORT __attribute__((visibility("default")))
#else
#define CREDSCORE_EXPORT
#endif

/* Passage scopes (bit mask): where in the article a passage stands. */
#define CREDSCORE_SCOPE_PARAGRAPH 0x01u
#define CREDSCORE_SCOPE_HEADING   0x02u
#define CREDSCORE_SCOPE_QUOTE     0x04u /* inside a block quote */
#define CREDSCORE_SCOPE_LIST_ITEM 0x08u /* inside a list item */

/* Plugin flags. */
#define CREDSCORE_PLUGIN_THREAD_SAFE 0x01u

/* Log levels for host->log. */
#define CREDSCORE_LOG_DEBUG 0
#define CREDSCORE_LOG_INFO  1
#define CREDSCORE_LOG_WARN  2
#define CREDSCORE_LOG_ERROR 3

/* A half-open byte range [start, end) inside a passage's text. */
typedef struct credscore_span {
    size_t start;
    size_t end;
} credscore_span;

/* One passage (a paragraph, heading, list item ...) of an article. */
typedef struct credscore_passage {
    uint32_t struct_size;
    const char *text;                /* UTF-8, not NUL-terminated past len */
    size_t len;
    const credscore_span *sentences; /* sentence spans, in order, inside text */
    size_t n_sentences;
    size_t index;                    /* 0-based passage number in the article */
    unsigned scopes;                 /* CREDSCORE_SCOPE_* bits */
} credscore_passage;

/* The article being scored. */
typedef struct credscore_document {
    uint32_t struct_size;
    const char *id;     /* file path, "-" for stdin, or the JSONL "id" */
    const char *format; /* "text", "markdown" or "html" */
    size_t n_passages;
} credscore_document;

/* A finding as a plugin reports it. */
typedef struct credscore_finding {
    uint32_t struct_size;   /* sizeof(credscore_finding) */
    const char *marker;     /* one of the markers the descriptor declares */
    const char *rule;       /* short id inside the plugin, e.g. "named-speaker" */
    size_t start, end;      /* byte span inside the passage text, start < end */
    double weight;          /* used only when has_weight is non-zero */
    int has_weight;         /* 0: the marker's default weight applies */
    double confidence;      /* 0..1; values outside are clamped */
    const char *message;    /* NULL: the marker's default message */
} credscore_finding;

/* Opaque handles owned by the host. */
typedef struct credscore_options credscore_options; /* the plugin's YAML options */
typedef struct credscore_sink credscore_sink;       /* where findings of one call go */

/* What the host offers a plugin.  Fields are only ever appended. */
typedef struct credscore_host {
    uint32_t struct_size;
    uint32_t abi_major;
    uint32_t abi_minor;
    void *host_data; /* private to the host */

    /* Report a finding for the passage being scored.  Returns 0 when kept,
     * -1 when the host dropped it (undeclared marker, span outside the
     * passage); the host logs a warning naming the plugin either way. */
    int (*emit)(credscore_sink *sink, const credscore_finding *finding);

    /* Write one line to the host's log, prefixed with the plugin's name. */
    void (*log)(const struct credscore_host *host, int level, const char *message);

    /* Memory from the host allocator (counted; may return NULL). */
    void *(*alloc)(size_t size);
    void (*free)(void *ptr);

    /* Options from the plugin's `options:` mapping in the config.
     * option_string returns NULL when the key is absent or not a scalar;
     * the number/bool readers return 0 on success, -1 when absent or of
     * the wrong type (then *out is untouched).  Lists: option_list_count
     * returns the item count (0 when absent), option_list_item the i-th
     * scalar or NULL. */
    const char *(*option_string)(const credscore_options *opts, const char *key);
    int (*option_int)(const credscore_options *opts, const char *key, long long *out);
    int (*option_double)(const credscore_options *opts, const char *key, double *out);
    int (*option_bool)(const credscore_options *opts, const char *key, int *out);
    size_t (*option_list_count)(const credscore_options *opts, const char *key);
    const char *(*option_list_item)(const credscore_options *opts, const char *key, size_t i);
} credscore_host;

#define CREDSCORE_HOST_HAS(host, field)                                              \
    ((host)->struct_size >= offsetof(credscore_host, field) + sizeof((host)->field) && \
     (host)->field != NULL)

/* The descriptor a plugin returns from its entry point.  Fields are only
 * ever appended; the fields up to and including `score_passage` are the
 * minimum a 1.x host accepts. */
typedef struct credscore_plugin {
    uint32_t struct_size;  /* sizeof(credscore_plugin) as the plugin saw it */
    uint32_t abi_major;    /* CREDSCORE_ABI_MAJOR */
    uint32_t abi_minor;    /* CREDSCORE_ABI_MINOR */
    const char *name;      /* unique, [a-z0-9_-]+ (required) */
    const char *version;   /* the plugin's own version (required) */
    const char *license;   /* SPDX id, e.g. "MIT" */
    const char *description;
    const char *const *markers; /* NULL-terminated list of markers it may emit (required) */
    unsigned flags;        /* CREDSCORE_PLUGIN_* */

    /* Make an instance from the options (required). */
    int (*create)(const credscore_host *host, const credscore_options *opts,
                  void **instance, char *err, size_t errlen);
    /* Free the instance (required). */
    void (*destroy)(void *instance);
    /* Score one passage; findings go through host->emit(sink, ...) (required). */
    int (*score_passage)(void *instance, void *doc_state, const credscore_document *doc,
                         const credscore_passage *passage, credscore_sink *sink);
    /* Optional per-document state: begin returns it in *doc_state. */
    int (*begin_document)(void *instance, const credscore_document *doc, void **doc_state);
    void (*end_document)(void *instance, void *doc_state);
} credscore_plugin;

/* Smallest descriptor a 1.x host accepts: through score_passage. */
#define CREDSCORE_PLUGIN_MIN_SIZE \
    (offsetof(credscore_plugin, score_passage) + sizeof(void (*)(void)))

/* Initialise a descriptor's header fields in a plugin's source. */
#define CREDSCORE_PLUGIN_HEADER \
    .struct_size = sizeof(credscore_plugin), .abi_major = CREDSCORE_ABI_MAJOR, \
    .abi_minor = CREDSCORE_ABI_MINOR

typedef const credscore_plugin *(*credscore_plugin_entry_fn)(const credscore_host *host);

#ifdef __cplusplus
}
#endif
#endif /* CREDSCORE_PLUGIN_H */
