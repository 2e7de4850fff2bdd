/*
 * yaml_tree.h - a YAML document read into a small node tree.
 *
 * libyaml's event parser (not its document loader) turns one YAML document
 * into a tree of three node kinds: scalars, sequences and mappings.  Every
 * node remembers the 1-based line and column where it starts, so callers
 * can point at the exact place of a mistake.  Scalars keep whether they
 * were written plain (`yes`, `42`) or quoted/block (`"yes"`, `'42'`, `|`):
 * only a plain scalar may be read as a number, a boolean or null.
 *
 * What the loader refuses, each with "name:line:col: reason" in a cs_diag:
 *   - YAML syntax errors: "name:line:col: <libyaml problem> (<context>)";
 *   - more than one document in the stream;
 *   - a duplicate key in a mapping: "name:line:col: duplicate key 'x'";
 *   - a mapping key that is not a scalar (complex keys);
 *   - a scalar holding a NUL character (values are C strings);
 *   - an alias to an unknown anchor, or to a node that is not finished
 *     yet (a recursive structure such as `&a [*a]`);
 *   - nesting deeper than CS_YAML_MAX_DEPTH collections;
 *   - more than CS_YAML_MAX_NODES nodes, counting an aliased subtree again
 *     every time an alias uses it (this defeats "billion laughs" input).
 *
 * Anchors and aliases: an alias to a collection resolves to the anchored
 * node itself (the tree is then a DAG, never a cycle); an alias to a scalar
 * becomes a copy of the scalar placed at the alias's own line and column.
 * Tags are not interpreted; a scalar with an explicit tag (`!!str 5`) is
 * simply not plain.  Merge keys (`<<`) get no special meaning.
 *
 * Errors: parse functions return 0, or -1 with a cs_diag.  Ownership: a
 * cs_ydoc owns every node and string in it; nodes and strings stay valid,
 * read-only, until cs_ydoc_free.  No global state: parsing is thread-safe.
 */
#ifndef CS_YAML_TREE_H
#define CS_YAML_TREE_H

#include <stddef.h>

#include "diag.h"

#define CS_YAML_MAX_DEPTH 64
#define CS_YAML_MAX_NODES 1000000

typedef struct cs_ynode cs_ynode;
typedef struct cs_ydoc cs_ydoc;

typedef enum cs_ykind {
    CS_YNODE_SCALAR = 0,
    CS_YNODE_SEQUENCE,
    CS_YNODE_MAPPING
} cs_ykind;

/* One key: value entry of a mapping.  The key is always a scalar. */
typedef struct cs_ypair {
    const cs_ynode *key;
    const cs_ynode *value;
} cs_ypair;

/* A node.  Read-only for callers; only the fields of its kind are set. */
struct cs_ynode {
    cs_ykind kind;
    int line, col;          /* 1-based position of the node's first character */
    /* scalar */
    char *value;            /* NUL-terminated, never NULL for a scalar */
    size_t len;
    int plain;              /* written plain and untagged (may be a number/bool/null) */
    /* sequence */
    const cs_ynode **items;
    size_t nitems;
    /* mapping, keys in document order, no duplicates */
    cs_ypair *pairs;
    size_t npairs;
    /* bookkeeping of the loader */
    size_t cap;             /* allocated items or pairs */
    size_t weight;          /* nodes in the subtree, aliases expanded */
    int height;             /* 0 for a scalar, else 1 + deepest child */
};

/* ---- parsing ----
 * Parse one YAML document.  *out receives a new cs_ydoc (free it with
 * cs_ydoc_free); on -1 *out is NULL and d says why.  An empty stream (an
 * empty file, only comments) is a valid document whose root is NULL. */

/* Read the file at path ("-" is stdin); its path is the display name. */
int cs_ydoc_parse_file(const char *path, cs_ydoc **out, cs_diag *d);
/* Parse len bytes at data; name is used in messages ("<built-in>"). */
int cs_ydoc_parse_mem(const char *name, const char *data, size_t len, cs_ydoc **out,
                      cs_diag *d);

/* Free a document and all its nodes; NULL is allowed. */
void cs_ydoc_free(cs_ydoc *doc);

/* ---- reading ----
 * Pure functions over a finished tree; they never allocate and accept
 * NULL nodes (returning NULL / 0). */

/* The root node, NULL for an empty stream. */
const cs_ynode *cs_ydoc_root(const cs_ydoc *doc);
/* The display name given when parsing (owned by the document). */
const char *cs_ydoc_name(const cs_ydoc *doc);

/* The value for key in a mapping, or NULL (absent, or map is not a mapping). */
const cs_ynode *cs_ynode_get(const cs_ynode *map, const char *key);
/* The whole entry for key (to reach the key's position), or NULL. */
const cs_ypair *cs_ynode_pair(const cs_ynode *map, const char *key);

/* 1 when n is a plain null scalar: empty, "~", "null", "Null" or "NULL". */
int cs_ynode_is_null(const cs_ynode *n);

/* A short description for messages: "a mapping", "a sequence", "null",
 * "a quoted string" or "'<text>'" (plain scalars, shortened). Writes into
 * buf (size n >= 16) and returns it. */
const char *cs_ynode_describe(const cs_ynode *n, char *buf, size_t n_buf);

#endif
