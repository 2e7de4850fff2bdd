/*
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
 * One plugin's calls for an article (begin_document, score_passage on
 * every passage, end_document) follow each other with no call of the same
 * plugin for another article in between.  The host runs its own rules over
 * an article first and then each plugin through it, one plugin after the
 * other; `score --jsonl` does so for a batch of articles at once (the rules
 * over every article, then one plugin through every article, then the
 * next).  A plugin sees no other plugin's findings and must not count on
 * an interleaving of its calls with another plugin's.
 *
 * end_document is called for every article whose begin_document succeeded
 * (also when scoring the article fails later); when begin_document fails
 * (returns non-zero) neither score_passage nor end_document is called for
 * that article, so begin_document frees whatever it made before failing.
 *
 * VERSIONING
 *   CREDSCORE_ABI_MAJOR changes only when an existing field changes meaning or
 *   position; the host refuses a plugin built for another major.  A minor bump
 *   only APPENDS fields to the end of a struct below; each field says the
 *   minor that added it ("since 1.x").  The host refuses a plugin built
 *   against a newer minor than its own (it could not honour the newer
 *   fields).  A plugin built against an older minor keeps working: the host
 *   copies the descriptor into a zeroed struct of its own size, so fields the
 *   plugin does not know read as 0 / NULL.
 *
 *   Every struct starts with `struct_size`.  A plugin that wants a host
 *   function added in a later minor asks CREDSCORE_HOST_HAS(host, field):
 *   true when the host's struct is large enough to hold the field and the
 *   field is not NULL.  That is the whole test: a host whose struct reaches
 *   a field knows that field (fields are never reused or moved), so
 *   host->abi_minor need not be compared as well.
 *
 *       if (CREDSCORE_HOST_HAS(host, set_error))
 *           host->set_error(sink, "the dateline is not a date");
 *
 * OWNERSHIP AND LIFETIMES
 *   `host` is the same pointer in the entry call and in create; it and the
 *   struct it points to stay valid and unchanged until destroy returns, so
 *   a plugin may keep it (in a static from the entry, or in its instance).
 *   Everything else the host passes in (documents, passages, their texts and
 *   spans, options, sinks) is owned by the host and valid only during the
 *   call that receives it; option strings stay valid until destroy returns.
 *   The descriptor the entry returns, and every string and list it points
 *   to (name, version, markers, options, rules ...), must stay valid and
 *   unchanged until destroy returns: the host copies the descriptor struct
 *   but not what it points to (static const data is the normal way).
 *   Strings in a finding, and a set_error message, are copied by the host;
 *   the plugin may reuse its buffers when the call returns.  Memory the
 *   plugin hands back to the host is never freed by the host, and vice versa.
 *
 * ERRORS
 *   Callbacks return 0 on success and non-zero on failure.  create may write a
 *   one-line reason into `err` (size `errlen`, 512 bytes today; always
 *   NUL-terminate).  A failing score_passage makes the host report an error
 *   for that article naming the plugin and the passage ("plugin NAME failed
 *   on passage N"), followed by the reason given with host->set_error
 *   (since 1.1) during that call.  A plugin must never call exit() or abort().
 *
 * PROCESSES (what the host really does; there are no threads)
 *   - The host never calls a plugin from two threads: every callback of an
 *     instance runs on the one thread of its process.
 *   - The entry and create run in the main process (once per scorer;
 *     `watch` makes a new scorer each round), before the host forks its
 *     worker processes (`score` with files, `stream`: `-j N`, also N = 1).  Each worker is a
 *     fork(2) of that process: it gets a copy-on-write copy of the instance
 *     as create left it and calls begin_document / score_passage /
 *     end_document on that copy.  Changes a worker makes to the instance are
 *     seen neither by the main process nor by other workers, and are lost
 *     when the worker ends.  So: keep what changes per article in doc_state,
 *     and do not start threads, open connections or take locks in create
 *     that a forked copy could not use (only the forking thread survives
 *     fork).  Some commands (watch, explain, test) score in the main process.
 *   - A worker ends with _exit(): destroy is never called in a worker.  A
 *     worker may be killed (SIGKILL) at any moment, in the middle of a call,
 *     when an article takes longer than --timeout or the run is
 *     interrupted: end_document and destroy are then not called.  Do not
 *     rely on them to flush files or release anything outside the process.
 *   - A worker that crashes (a signal in plugin code) costs one article: the
 *     host reports it naming the plugin and forks a new worker.
 *   - destroy runs once per instance, in the main process, on the
 *     instance as the main process holds it: as create left it when
 *     workers did the scoring.
 *   - A plugin must not write to stdout (it carries the report; in workers
 *     it is redirected to stderr), must not install signal handlers or
 *     change signal dispositions or masks (the host uses SIGINT, SIGTERM,
 *     SIGHUP and SIGPIPE), must not fork, and must not change the
 *     process's current folder, environment or locale.  Log with host->log.
 *   - CREDSCORE_PLUGIN_THREAD_SAFE is informational: `credscore plugins`
 *     shows it and nothing else reads it.  Set it when one instance may
 *     score several documents at once (all per-document state in
 *     doc_state), so that a future host may use threads.
 *
 * LIMITS (a plugin beyond one is refused at load, unless noted)
 *   - name: 1 to 64 bytes of [a-z0-9_-]; version: non-empty.
 *   - markers: 1 to 64 entries, each defined in the configuration.
 *   - options (since 1.1): at most 64 entries; names 1 to 64 bytes.
 *   - rules (since 1.1): at most 256 entries; ids 1 to 64 bytes of
 *     [a-z0-9_-], each listed once, marker among `markers`.
 *   - Rule ids a plugin emits: the first 256 distinct ids are kept; findings
 *     with further new ids are reported under the first id used (not refused).
 *   - Dropped-finding warnings: at most 10 per plugin and process.
 *   - host->log: a line is cut at about 1000 bytes.
 *   - set_error: the message is cut at 300 bytes.
 */
#ifndef CREDSCORE_PLUGIN_H
#define CREDSCORE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CREDSCORE_ABI_MAJOR 1
#define CREDSCORE_ABI_MINOR 1

/* Name of the symbol the host looks up. */
#define CREDSCORE_PLUGIN_ENTRY_SYMBOL "credscore_plugin_entry"

/* Visibility helper for the entry point. */
#if defined(__GNUC__)
#define CREDSCORE_EXPORT __attribute__((visibility("default")))
#else
#define CREDSCORE_EXPORT
#endif

/* Passage scopes (bit mask): where in the article a passage stands (since 1.0). */
#define CREDSCORE_SCOPE_PARAGRAPH 0x01u
#define CREDSCORE_SCOPE_HEADING   0x02u
#define CREDSCORE_SCOPE_QUOTE     0x04u /* inside a block quote */
#define CREDSCORE_SCOPE_LIST_ITEM 0x08u /* inside a list item */

/* Plugin flags (since 1.0).  Informational only: see PROCESSES above. */
#define CREDSCORE_PLUGIN_THREAD_SAFE 0x01u

/* Log levels for host->log (since 1.0). */
#define CREDSCORE_LOG_DEBUG 0
#define CREDSCORE_LOG_INFO  1
#define CREDSCORE_LOG_WARN  2
#define CREDSCORE_LOG_ERROR 3

/* A half-open byte range [start, end) inside a passage's text (since 1.0). */
typedef struct credscore_span {
    size_t start; /* since 1.0 */
    size_t end;   /* since 1.0 */
} credscore_span;

/* One passage (a paragraph, heading, list item ...) of an article (since 1.0). */
typedef struct credscore_passage {
    uint32_t struct_size;            /* sizeof as the host knows it (since 1.0) */
    /* The passage: `len` bytes of valid UTF-8 with no NUL byte among them
     * (input holding a NUL is refused).  text[len] is a NUL byte, so C
     * string functions stop at the end of the passage; bytes after it are
     * not the plugin's to read (since 1.0). */
    const char *text;
    size_t len;                      /* since 1.0 */
    const credscore_span *sentences; /* sentence spans, in order, inside text (since 1.0) */
    size_t n_sentences;              /* since 1.0 */
    size_t index;                    /* 0-based passage number in the article (since 1.0) */
    unsigned scopes;                 /* CREDSCORE_SCOPE_* bits (since 1.0) */
} credscore_passage;

/* The article being scored (since 1.0). */
typedef struct credscore_document {
    uint32_t struct_size; /* sizeof as the host knows it (since 1.0) */
    const char *id;       /* file path, "-" for stdin, or the JSONL "id" (since 1.0) */
    const char *format;   /* "text", "markdown" or "html" (since 1.0) */
    size_t n_passages;    /* since 1.0 */
} credscore_document;

/* A finding as a plugin reports it (since 1.0).  Set struct_size to
 * sizeof(credscore_finding); a 1.x host reads the 1.0 fields below. */
typedef struct credscore_finding {
    /* Every field since 1.0. */
    uint32_t struct_size;   /* sizeof(credscore_finding) */
    const char *marker;     /* one of the markers the descriptor declares */
    const char *rule;       /* short id inside the plugin, e.g. "named-speaker";
                             * NULL or "" is reported as "finding" */
    size_t start, end;      /* byte span inside the passage text, start < end,
                             * neither inside a UTF-8 character */
    double weight;          /* used only when has_weight is non-zero; -1000..1000 */
    int has_weight;         /* 0: the marker's default weight applies */
    double confidence;      /* 0..1; values outside are clamped.  It multiplies
                             * the weight: a finding left at 0 scores nothing,
                             * and the host warns once per plugin and run
                             * (workers included) when it sees a 0 (say 1
                             * when sure) */
    const char *message;    /* NULL: the marker's default message; any length, copied */
} credscore_finding;

/* Opaque handles owned by the host. */
typedef struct credscore_options credscore_options; /* the plugin's YAML options */
typedef struct credscore_sink credscore_sink;       /* where findings of one call go */

/* What the host offers a plugin.  Fields are only ever appended. */
typedef struct credscore_host {
    uint32_t struct_size; /* sizeof(credscore_host) of the host (since 1.0) */
    uint32_t abi_major;   /* CREDSCORE_ABI_MAJOR of the host (since 1.0) */
    uint32_t abi_minor;   /* CREDSCORE_ABI_MINOR of the host (since 1.0) */
    void *host_data;      /* private to the host (since 1.0) */

    /* Report a finding for the passage being scored (since 1.0).  Returns 0
     * when kept, -1 when the host dropped it (undeclared marker, span
     * outside the passage or splitting a character, weight out of range);
     * the host logs a warning naming the plugin when it drops one. */
    int (*emit)(credscore_sink *sink, const credscore_finding *finding);

    /* Write one line to the host's log (stderr), prefixed with "plugin
     * NAME: " (since 1.0).  INFO and above show; --quiet keeps only ERROR. */
    void (*log)(const struct credscore_host *host, int level, const char *message);

    /* A plain allocator (since 1.0): today the C library's malloc and free.
     * Not counted and not limited; alloc may return NULL.  Memory from alloc
     * goes back through free, never through the C library's free; there is
     * no realloc (a plugin that needs one uses the C library's allocator
     * for that memory). */
    void *(*alloc)(size_t size);
    void (*free)(void *ptr);

    /* Options from the plugin's `options:` mapping in the config (since 1.0).
     * option_string returns NULL when the key is absent or not a scalar;
     * the number/bool readers return 0 on success, -1 when absent or of
     * the wrong type (then *out is untouched).  Lists: option_list_count
     * returns the item count (0 when absent), option_list_item the i-th
     * scalar or NULL.  Returned strings stay valid until destroy returns.
     * Keys the descriptor's `options` list does not declare are refused
     * when the config loads (since 1.1; see credscore_plugin.options). */
    const char *(*option_string)(const credscore_options *opts, const char *key);
    int (*option_int)(const credscore_options *opts, const char *key, long long *out);
    int (*option_double)(const credscore_options *opts, const char *key, double *out);
    int (*option_bool)(const credscore_options *opts, const char *key, int *out);
    size_t (*option_list_count)(const credscore_options *opts, const char *key);
    const char *(*option_list_item)(const credscore_options *opts, const char *key, size_t i);

    /* Say why the current score_passage call fails (since 1.1): call it
     * with the sink of that call, then return non-zero.  The message (one
     * line, copied, cut at 300 bytes) is added to the article's error:
     * "plugin NAME failed on passage N: MESSAGE".  A later call in the same
     * score_passage replaces it; a call when score_passage then returns 0
     * has no effect. */
    void (*set_error)(credscore_sink *sink, const char *message);
} credscore_host;

/* Is `field` of the host struct there and set?  (See VERSIONING.) */
#define CREDSCORE_HOST_HAS(host, field)                                              \
    ((host)->struct_size >= offsetof(credscore_host, field) + sizeof((host)->field) && \
     (host)->field != NULL)

/* One option a plugin accepts (since 1.1).  Lists of these end with an
 * entry whose name is NULL.  This struct never grows (a list's stride
 * cannot change); a later ABI would add another list instead. */
typedef struct credscore_option {
    const char *name;        /* the key under `options:`, 1-64 bytes (since 1.1) */
    const char *description; /* one line shown by `credscore plugins`, or NULL (since 1.1) */
} credscore_option;

/* One rule a plugin may emit (since 1.1), for listings and reports.  Lists
 * of these end with an entry whose id is NULL.  This struct never grows. */
typedef struct credscore_rule_info {
    /* Every field since 1.1. */
    const char *id;          /* as in credscore_finding.rule, [a-z0-9_-], 1-64 bytes */
    const char *marker;      /* the marker it emits (one of `markers`), or NULL */
    const char *description; /* one sentence: what it finds (`credscore rules`,
                              * SARIF fullDescription), or NULL */
    const char *help;        /* what an editor should do about it (SARIF help,
                              * `credscore rules -f json`), or NULL */
} credscore_rule_info;

/* The descriptor a plugin returns from its entry point.  Fields are only
 * ever appended; the fields up to and including `score_passage` are the
 * minimum a 1.x host accepts. */
typedef struct credscore_plugin {
    uint32_t struct_size;  /* sizeof(credscore_plugin) as the plugin saw it (since 1.0) */
    uint32_t abi_major;    /* CREDSCORE_ABI_MAJOR (since 1.0) */
    uint32_t abi_minor;    /* CREDSCORE_ABI_MINOR (since 1.0) */
    const char *name;      /* unique, [a-z0-9_-]+ (required; since 1.0) */
    const char *version;   /* the plugin's own version (required; since 1.0) */
    const char *license;   /* SPDX id, e.g. "MIT" (since 1.0) */
    const char *description; /* one line (since 1.0) */
    const char *const *markers; /* NULL-terminated list of markers it may emit
                                 * (required; since 1.0) */
    unsigned flags;        /* CREDSCORE_PLUGIN_* (since 1.0) */

    /* Make an instance from the options (required; since 1.0). */
    int (*create)(const credscore_host *host, const credscore_options *opts,
                  void **instance, char *err, size_t errlen);
    /* Free the instance (required; since 1.0). */
    void (*destroy)(void *instance);
    /* Score one passage; findings go through host->emit(sink, ...) (required;
     * since 1.0).  On failure, host->set_error(sink, why) then return non-zero. */
    int (*score_passage)(void *instance, void *doc_state, const credscore_document *doc,
                         const credscore_passage *passage, credscore_sink *sink);
    /* Optional per-document state: begin returns it in *doc_state (both since
     * 1.0; see the top of this file for when end_document is skipped). */
    int (*begin_document)(void *instance, const credscore_document *doc, void **doc_state);
    void (*end_document)(void *instance, void *doc_state);

    /* The options the plugin accepts (since 1.1).  NULL: any key is passed
     * on unchecked (the 1.0 behaviour).  A list (possibly empty: {{NULL}})
     * makes every other key under the plugin's `options:` a configuration
     * error naming the config file and line, with a "did you mean". */
    const credscore_option *options;
    /* The rules the plugin may emit, with descriptions (since 1.1), or NULL.
     * Listed by `credscore rules` and in SARIF rule metadata; emitting a
     * rule id not listed here is still allowed. */
    const credscore_rule_info *rules;
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
