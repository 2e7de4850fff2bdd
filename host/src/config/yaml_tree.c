/*
 * yaml_tree.c - libyaml events to a cs_ynode tree (see yaml_tree.h).
 *
 * The builder keeps a stack of open collections.  A finished node (a
 * scalar, an alias, or a collection at its END event) is attached to the
 * collection on top of the stack: appended to a sequence, or used as the
 * pending key / value of a mapping.  Anchors are registered only once
 * their node is finished, which is what makes recursive aliases an error
 * instead of a cycle.  Every node is also recorded in the document's flat
 * list, which is what cs_ydoc_free walks (shared nodes are freed once).
 */
#include "yaml_tree.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"

struct cs_ydoc {
    char *name;
    const cs_ynode *root;
    cs_ynode **all;   /* every node allocated, for freeing */
    size_t nall, allcap;
};

typedef struct anchor_slot {
    char *name;       /* NULL = empty slot */
    cs_ynode *node;
} anchor_slot;

typedef struct frame {
    cs_ynode *node;
    char *anchor;     /* anchor to register when the collection ends */
    const cs_ynode *key; /* mapping: key waiting for its value */
} frame;

typedef struct builder {
    cs_ydoc *doc;
    const char *data; /* input bytes (for positions of reader errors) */
    size_t len;
    cs_diag *d;
    frame stack[CS_YAML_MAX_DEPTH];
    int depth;        /* open collections */
    size_t total;     /* nodes so far, aliases expanded */
    anchor_slot *anchors;
    size_t nanchors, anchorcap; /* anchorcap: 0 or a power of two */
    int ndocs;
} builder;

/* ---- anchors: a small open-addressing hash table ---- */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ull & SIZE_MAX;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= (size_t)1099511628211ull;
    }
    return h;
}

static anchor_slot *anchor_find_slot(anchor_slot *tab, size_t cap, const char *name)
{
    size_t i = hash_str(name) & (cap - 1);
    while (tab[i].name != NULL && strcmp(tab[i].name, name) != 0)
        i = (i + 1) & (cap - 1);
    return &tab[i];
}

static cs_ynode *anchor_get(const builder *b, const char *name)
{
    if (b->anchorcap == 0)
        return NULL;
    anchor_slot *s = anchor_find_slot(b->anchors, b->anchorcap, name);
    return s->name ? s->node : NULL;
}

/* Register (or redefine: YAML lets a later anchor reuse a name) an anchor.
 * Takes ownership of name on success. */
static int anchor_put(builder *b, char *name, cs_ynode *node)
{
    if ((b->nanchors + 1) * 2 > b->anchorcap) {
        size_t ncap = b->anchorcap ? b->anchorcap * 2 : 64;
        anchor_slot *tab = calloc(ncap, sizeof *tab);
        if (tab == NULL)
            return -1;
        for (size_t i = 0; i < b->anchorcap; i++)
            if (b->anchors[i].name != NULL)
                *anchor_find_slot(tab, ncap, b->anchors[i].name) = b->anchors[i];
        free(b->anchors);
        b->anchors = tab;
        b->anchorcap = ncap;
    }
    anchor_slot *s = anchor_find_slot(b->anchors, b->anchorcap, name);
    if (s->name != NULL) {
        free(name);
        s->node = node;
        return 0;
    }
    s->name = name;
    s->node = node;
    b->nanchors++;
    return 0;
}

static void anchors_free(builder *b)
{
    for (size_t i = 0; i < b->anchorcap; i++)
        free(b->anchors[i].name);
    free(b->anchors);
    b->anchors = NULL;
    b->anchorcap = b->nanchors = 0;
}

/* ---- nodes ---- */

static int oom(builder *b)
{
    return cs_diag_set(b->d, "%s: out of memory while reading YAML", b->doc->name);
}

/* 1-based line / column of a libyaml mark, clamped to int. */
static int mark_line(yaml_mark_t m)
{
    return m.line >= (size_t)INT32_MAX ? INT32_MAX : (int)m.line + 1;
}

static int mark_col(yaml_mark_t m)
{
    return m.column >= (size_t)INT32_MAX ? INT32_MAX : (int)m.column + 1;
}

static cs_ynode *node_new(builder *b, cs_ykind kind, yaml_mark_t mark)
{
    cs_ydoc *doc = b->doc;
    if (doc->nall == doc->allcap) {
        void *p = doc->all;
        if (cs_array_grow(&p, &doc->allcap, doc->nall + 1, sizeof *doc->all) != 0) {
            oom(b);
            return NULL;
        }
        doc->all = p;
    }
    cs_ynode *n = calloc(1, sizeof *n);
    if (n == NULL) {
        oom(b);
        return NULL;
    }
    n->kind = kind;
    n->line = mark_line(mark);
    n->col = mark_col(mark);
    n->weight = 1;
    doc->all[doc->nall++] = n;
    return n;
}

static int count_nodes(builder *b, size_t add, int line, int col)
{
    if (add > CS_YAML_MAX_NODES || b->total > CS_YAML_MAX_NODES - add)
        return cs_diag_at(b->d, b->doc->name, line, col,
                          "document too large: more than %d nodes (an alias counts its "
                          "whole subtree each time it is used)",
                          CS_YAML_MAX_NODES);
    b->total += add;
    return 0;
}

static int key_cmp(const void *pa, const void *pb)
{
    const cs_ypair *a = *(const cs_ypair *const *)pa, *b = *(const cs_ypair *const *)pb;
    int c = strcmp(a->key->value, b->key->value);
    if (c != 0)
        return c;
    return a < b ? -1 : a > b;
}

/* Duplicate keys of a finished mapping; reports the first repeated key in
 * document order.  Sorting keeps this O(n log n) for hostile inputs. */
static int check_duplicates(builder *b, const cs_ynode *map)
{
    if (map->npairs < 2)
        return 0;
    int rc = -1;
    const cs_ypair **v = malloc(map->npairs * sizeof *v);
    if (v == NULL) {
        oom(b);
        goto out;
    }
    for (size_t i = 0; i < map->npairs; i++)
        v[i] = &map->pairs[i];
    qsort(v, map->npairs, sizeof *v, key_cmp);
    const cs_ypair *first_dup = NULL;
    for (size_t i = 1; i < map->npairs; i++)
        if (strcmp(v[i]->key->value, v[i - 1]->key->value) == 0 &&
            (first_dup == NULL || v[i] < first_dup))
            first_dup = v[i];
    if (first_dup != NULL) {
        cs_diag_at(b->d, b->doc->name, first_dup->key->line, first_dup->key->col,
                   "duplicate key '%s'", first_dup->key->value);
        goto out;
    }
    rc = 0;
out:
    free(v);
    return rc;
}

/* Hang a finished node on the open collection (or make it the root). */
static int attach(builder *b, cs_ynode *n)
{
    if (b->depth == 0) {
        b->doc->root = n;
        return 0;
    }
    frame *f = &b->stack[b->depth - 1];
    cs_ynode *p = f->node;
    if (p->kind == CS_YNODE_MAPPING && f->key == NULL) {
        if (n->kind != CS_YNODE_SCALAR)
            return cs_diag_at(b->d, b->doc->name, n->line, n->col,
                              "a mapping key must be a scalar (complex keys are not "
                              "supported)");
        f->key = n;
        return 0;
    }
    if (p->kind == CS_YNODE_SEQUENCE) {
        void *items = p->items;
        if (cs_array_grow(&items, &p->cap, p->nitems + 1, sizeof *p->items) != 0)
            return oom(b);
        p->items = items;
        p->items[p->nitems++] = n;
    } else {
        void *pairs = p->pairs;
        if (cs_array_grow(&pairs, &p->cap, p->npairs + 1, sizeof *p->pairs) != 0)
            return oom(b);
        p->pairs = pairs;
        p->pairs[p->npairs].key = f->key;
        p->pairs[p->npairs].value = n;
        p->npairs++;
        p->weight += f->key->weight;
        f->key = NULL;
    }
    p->weight += n->weight;
    if (n->height + 1 > p->height)
        p->height = n->height + 1;
    return 0;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    const char *anchor = (const char *)ev->data.scalar.anchor;
    size_t len = ev->data.scalar.length;
    int line = mark_line(ev->start_mark), col = mark_col(ev->start_mark);
    if (memchr(ev->data.scalar.value, '\0', len) != NULL)
        return cs_diag_at(b->d, b->doc->name, line, col,
                          "a NUL character inside a scalar is not supported");
    if (count_nodes(b, 1, line, col) != 0)
        return -1;
    cs_ynode *n = node_new(b, CS_YNODE_SCALAR, ev->start_mark);
    if (n == NULL)
        return -1;
    n->value = cs_strndup((const char *)ev->data.scalar.value, len);
    if (n->value == NULL)
        return oom(b);
    n->len = len;
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
               ev->data.scalar.plain_implicit;
    if (anchor != NULL) {
        char *name = cs_strdup(anchor);
        if (name == NULL || anchor_put(b, name, n) != 0) {
            free(name);
            return oom(b);
        }
    }
    return attach(b, n);
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    int line = mark_line(ev->start_mark), col = mark_col(ev->start_mark);
    cs_ynode *target = anchor_get(b, name);
    if (target == NULL) {
        for (int i = 0; i < b->depth; i++)
            if (b->stack[i].anchor != NULL && strcmp(b->stack[i].anchor, name) == 0)
                return cs_diag_at(b->d, b->doc->name, line, col,
                                  "alias '*%s' refers to a node that contains it "
                                  "(recursive structures are not supported)",
                                  name);
        return cs_diag_at(b->d, b->doc->name, line, col, "unknown anchor '%s' in alias",
                          name);
    }
    if (b->depth + target->height > CS_YAML_MAX_DEPTH)
        return cs_diag_at(b->d, b->doc->name, line, col,
                          "nesting deeper than %d levels (through alias '*%s')",
                          CS_YAML_MAX_DEPTH, name);
    if (count_nodes(b, target->weight, line, col) != 0)
        return -1;
    if (target->kind != CS_YNODE_SCALAR)
        return attach(b, target);
    /* A scalar alias gets its own node so messages point at the alias. */
    cs_ynode *n = node_new(b, CS_YNODE_SCALAR, ev->start_mark);
    if (n == NULL)
        return -1;
    n->value = cs_strndup(target->value, target->len);
    if (n->value == NULL)
        return oom(b);
    n->len = target->len;
    n->plain = target->plain;
    return attach(b, n);
}

static int on_start(builder *b, const yaml_event_t *ev, cs_ykind kind)
{
    const char *anchor = kind == CS_YNODE_SEQUENCE
                             ? (const char *)ev->data.sequence_start.anchor
                             : (const char *)ev->data.mapping_start.anchor;
    int line = mark_line(ev->start_mark), col = mark_col(ev->start_mark);
    if (b->depth >= CS_YAML_MAX_DEPTH)
        return cs_diag_at(b->d, b->doc->name, line, col, "nesting deeper than %d levels",
                          CS_YAML_MAX_DEPTH);
    if (count_nodes(b, 1, line, col) != 0)
        return -1;
    cs_ynode *n = node_new(b, kind, ev->start_mark);
    if (n == NULL)
        return -1;
    n->height = 1; /* an empty collection is one level */
    char *name = NULL;
    if (anchor != NULL && (name = cs_strdup(anchor)) == NULL)
        return oom(b);
    frame *f = &b->stack[b->depth++];
    f->node = n;
    f->anchor = name;
    f->key = NULL;
    return 0;
}

static int on_end(builder *b)
{
    if (b->depth == 0) /* libyaml never does this; stay safe anyway */
        return cs_diag_set(b->d, "%s: unbalanced YAML events", b->doc->name);
    frame f = b->stack[--b->depth];
    if (f.node->kind == CS_YNODE_MAPPING && check_duplicates(b, f.node) != 0) {
        free(f.anchor);
        return -1;
    }
    if (f.anchor != NULL && anchor_put(b, f.anchor, f.node) != 0) {
        free(f.anchor);
        return oom(b);
    }
    return attach(b, f.node);
}

/* Line and column of a byte offset (reader errors carry only an offset). */
static void offset_position(const builder *b, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    if (off > b->len)
        off = b->len;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)b->data[i];
        if (ch == '\n') {
            (*line)++;
            *col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static int parser_error(builder *b, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "invalid YAML";
    if (p->error == YAML_MEMORY_ERROR)
        return oom(b);
    if (p->error == YAML_READER_ERROR) {
        int line, col;
        offset_position(b, p->problem_offset, &line, &col);
        if (p->problem_value != -1)
            return cs_diag_at(b->d, b->doc->name, line, col, "%s (byte 0x%02x)", problem,
                              (unsigned)p->problem_value & 0xffu);
        return cs_diag_at(b->d, b->doc->name, line, col, "%s", problem);
    }
    int line = mark_line(p->problem_mark), col = mark_col(p->problem_mark);
    if (p->context != NULL)
        return cs_diag_at(b->d, b->doc->name, line, col, "%s (%s)", problem, p->context);
    return cs_diag_at(b->d, b->doc->name, line, col, "%s", problem);
}

static int on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->ndocs > 1)
            return cs_diag_at(b->d, b->doc->name, mark_line(ev->start_mark),
                              mark_col(ev->start_mark),
                              "a second YAML document; only one is allowed here");
        return 0;
    case YAML_SCALAR_EVENT: return on_scalar(b, ev);
    case YAML_ALIAS_EVENT: return on_alias(b, ev);
    case YAML_SEQUENCE_START_EVENT: return on_start(b, ev, CS_YNODE_SEQUENCE);
    case YAML_MAPPING_START_EVENT: return on_start(b, ev, CS_YNODE_MAPPING);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return on_end(b);
    default: return 0;
    }
}

int cs_ydoc_parse_mem(const char *name, const char *data, size_t len, cs_ydoc **out,
                      cs_diag *d)
{
    int rc = -1;
    int parser_ready = 0;
    yaml_parser_t parser;
    builder b;
    memset(&b, 0, sizeof b);
    *out = NULL;
    b.d = d;
    b.data = data;
    b.len = len;
    b.doc = calloc(1, sizeof *b.doc);
    if (b.doc == NULL) {
        cs_diag_set(d, "%s: out of memory while reading YAML", name ? name : "");
        goto out;
    }
    b.doc->name = cs_strdup(name ? name : "<memory>");
    if (b.doc->name == NULL) {
        cs_diag_set(d, "out of memory while reading YAML");
        goto out;
    }
    if (!yaml_parser_initialize(&parser)) {
        oom(&b);
        goto out;
    }
    parser_ready = 1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)(data ? data : ""),
                                 data ? len : 0);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            parser_error(&b, &parser);
            goto out;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        int erc = on_event(&b, &ev);
        yaml_event_delete(&ev);
        if (erc != 0)
            goto out;
        if (done)
            break;
    }
    *out = b.doc;
    b.doc = NULL;
    rc = 0;
out:
    for (int i = 0; i < b.depth; i++)
        free(b.stack[i].anchor);
    anchors_free(&b);
    if (parser_ready)
        yaml_parser_delete(&parser);
    cs_ydoc_free(b.doc);
    return rc;
}

int cs_ydoc_parse_file(const char *path, cs_ydoc **out, cs_diag *d)
{
    cs_buf buf = {0};
    *out = NULL;
    if (cs_read_file(path, &buf) != 0) {
        int e = errno;
        cs_buf_free(&buf);
        return cs_diag_set(d, "%s: cannot read: %s", path, e ? strerror(e) : "read error");
    }
    int rc = cs_ydoc_parse_mem(path, buf.data, buf.len, out, d);
    cs_buf_free(&buf);
    return rc;
}

void cs_ydoc_free(cs_ydoc *doc)
{
    if (doc == NULL)
        return;
    for (size_t i = 0; i < doc->nall; i++) {
        cs_ynode *n = doc->all[i];
        free(n->value);
        free(n->items);
        free(n->pairs);
        free(n);
    }
    free(doc->all);
    free(doc->name);
    free(doc);
}

/* ---- reading ---- */

const cs_ynode *cs_ydoc_root(const cs_ydoc *doc)
{
    return doc ? doc->root : NULL;
}

const char *cs_ydoc_name(const cs_ydoc *doc)
{
    return doc ? doc->name : NULL;
}

const cs_ypair *cs_ynode_pair(const cs_ynode *map, const char *key)
{
    if (map == NULL || map->kind != CS_YNODE_MAPPING || key == NULL)
        return NULL;
    for (size_t i = 0; i < map->npairs; i++)
        if (strcmp(map->pairs[i].key->value, key) == 0)
            return &map->pairs[i];
    return NULL;
}

const cs_ynode *cs_ynode_get(const cs_ynode *map, const char *key)
{
    const cs_ypair *p = cs_ynode_pair(map, key);
    return p ? p->value : NULL;
}

int cs_ynode_is_null(const cs_ynode *n)
{
    if (n == NULL || n->kind != CS_YNODE_SCALAR || !n->plain)
        return 0;
    const char *v = n->value;
    return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
           strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

const char *cs_ynode_describe(const cs_ynode *n, char *buf, size_t n_buf)
{
    const char *word = NULL;
    if (buf == NULL || n_buf == 0)
        return "";
    if (n == NULL)
        word = "nothing";
    else if (n->kind == CS_YNODE_MAPPING)
        word = "a mapping";
    else if (n->kind == CS_YNODE_SEQUENCE)
        word = "a sequence";
    else if (cs_ynode_is_null(n))
        word = "null";
    else if (!n->plain)
        word = "a quoted string";
    else if (n_buf < 8)
        word = "a string";
    if (word != NULL) {
        snprintf(buf, n_buf, "%s", word);
        return buf;
    }
    if (n->len + 3 <= n_buf) {
        snprintf(buf, n_buf, "'%s'", n->value);
        return buf;
    }
    size_t keep = n_buf - 6; /* room for the quotes, "..." and NUL */
    while (keep > 0 && ((unsigned char)n->value[keep] & 0xC0) == 0x80)
        keep--; /* do not split a UTF-8 character */
    snprintf(buf, n_buf, "'%.*s...'", (int)keep, n->value);
    return buf;
}
