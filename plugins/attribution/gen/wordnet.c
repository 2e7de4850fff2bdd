/*
 * wordnet.c - a minimal reader of the WordNet 3 database files.
 *
 * Contract: see wordnet.h.  data.POS lines are read by byte offset (the
 * synset offset is the line's position in the file, wndb(5)).
 */
#include "wordnet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static FILE *open_file(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        snprintf(err, errlen,
                 "cannot open %s: %s (install the Debian package wordnet-base, or point "
                 "WORDNET_DIR at a WordNet 3 dict folder)",
                 path, strerror(errno));
    return f;
}

/* Read "inflected base" pairs; 0 or -1 (out of memory). */
static int read_exc(FILE *f, wn_exc **out, size_t *n)
{
    char *line = NULL;
    size_t cap = 0, count = 0, alloc = 0;
    wn_exc *v = NULL;
    int rc = -1;
    while (getline(&line, &cap, f) > 0) {
        char *save = NULL;
        char *a = strtok_r(line, " \n", &save);
        char *b = strtok_r(NULL, " \n", &save);
        if (!a || !b)
            continue;
        if (count == alloc) {
            alloc = alloc ? alloc * 2 : 1024;
            wn_exc *nv = realloc(v, alloc * sizeof(*v));
            if (!nv)
                goto out;
            v = nv;
        }
        v[count].inflected = strdup(a);
        v[count].base = strdup(b);
        if (!v[count].inflected || !v[count].base) {
            free(v[count].inflected);
            free(v[count].base);
            goto out;
        }
        count++;
    }
    rc = 0;
out:
    free(line);
    *out = v;
    *n = count;
    return rc;
}

int wn_open(wn_db *db, const char *dir, char *err, size_t errlen)
{
    memset(db, 0, sizeof(*db));
    snprintf(db->dir, sizeof db->dir, "%s", dir);
    FILE *vexc = NULL, *nexc = NULL;
    int rc = -1;
    if (!(db->data_noun = open_file(dir, "data.noun", err, errlen)) ||
        !(db->data_verb = open_file(dir, "data.verb", err, errlen)) ||
        !(db->index_noun = open_file(dir, "index.noun", err, errlen)) ||
        !(db->index_verb = open_file(dir, "index.verb", err, errlen)) ||
        !(vexc = open_file(dir, "verb.exc", err, errlen)) ||
        !(nexc = open_file(dir, "noun.exc", err, errlen)))
        goto out;
    if (read_exc(vexc, &db->verb_exc, &db->n_verb_exc) != 0 ||
        read_exc(nexc, &db->noun_exc, &db->n_noun_exc) != 0) {
        snprintf(err, errlen, "out of memory reading %s/*.exc", dir);
        goto out;
    }
    rc = 0;
out:
    if (vexc)
        fclose(vexc);
    if (nexc)
        fclose(nexc);
    if (rc != 0)
        wn_close(db);
    return rc;
}

void wn_close(wn_db *db)
{
    FILE *f[] = {db->data_noun, db->data_verb, db->index_noun, db->index_verb};
    for (size_t i = 0; i < 4; i++)
        if (f[i])
            fclose(f[i]);
    for (size_t i = 0; i < db->n_verb_exc; i++) {
        free(db->verb_exc[i].inflected);
        free(db->verb_exc[i].base);
    }
    for (size_t i = 0; i < db->n_noun_exc; i++) {
        free(db->noun_exc[i].inflected);
        free(db->noun_exc[i].base);
    }
    free(db->verb_exc);
    free(db->noun_exc);
    free(db->syn.line);
    memset(db, 0, sizeof(*db));
}

/* Lower-case a word and drop an adjective marker such as "(a)". */
static void clean_word(char *w)
{
    char *p = strchr(w, '(');
    if (p)
        *p = '\0';
    for (; *w; w++)
        if (*w >= 'A' && *w <= 'Z')
            *w = (char)(*w + 32);
}

int wn_read_synset(wn_db *db, char pos, long offset)
{
    FILE *f = pos == 'v' ? db->data_verb : db->data_noun;
    wn_synset *s = &db->syn;
    char *line = s->line;
    size_t cap = 0;
    if (fseek(f, offset, SEEK_SET) != 0)
        return -1;
    free(line);
    s->line = NULL;
    line = NULL;
    if (getline(&line, &cap, f) <= 0) {
        free(line);
        return -1;
    }
    s->line = line;
    char *bar = strstr(line, " | ");
    if (bar)
        *bar = '\0';
    char *save = NULL;
    char *tok = strtok_r(line, " \n", &save);
    if (!tok || strtol(tok, NULL, 10) != offset)
        return -1;
    s->offset = offset;
    char *lex = strtok_r(NULL, " ", &save);
    char *ss = strtok_r(NULL, " ", &save);
    char *wc = strtok_r(NULL, " ", &save);
    if (!lex || !ss || !wc)
        return -1;
    s->lexfile = atoi(lex);
    s->nwords = 0;
    long nw = strtol(wc, NULL, 16);
    for (long i = 0; i < nw; i++) {
        char *w = strtok_r(NULL, " ", &save);
        char *id = strtok_r(NULL, " ", &save);
        if (!w || !id)
            return -1;
        int capital = *w >= 'A' && *w <= 'Z';
        clean_word(w);
        if (s->nwords < WN_MAX_WORDS) {
            s->capital[s->nwords] = capital;
            s->words[s->nwords++] = w;
        }
    }
    char *pc = strtok_r(NULL, " ", &save);
    if (!pc)
        return -1;
    long np = strtol(pc, NULL, 10);
    s->nptrs = 0;
    for (long i = 0; i < np; i++) {
        char *sym = strtok_r(NULL, " ", &save);
        char *off = strtok_r(NULL, " ", &save);
        char *ppos = strtok_r(NULL, " ", &save);
        char *st = strtok_r(NULL, " ", &save);
        if (!sym || !off || !ppos || !st)
            return -1;
        if (s->nptrs < WN_MAX_PTRS) {
            snprintf(s->ptr_sym[s->nptrs], sizeof s->ptr_sym[0], "%s", sym);
            s->ptr_off[s->nptrs] = strtol(off, NULL, 10);
            s->ptr_pos[s->nptrs] = ppos[0];
            s->nptrs++;
        }
    }
    s->nframes = 0;
    if (pos == 'v') {
        char *fc = strtok_r(NULL, " ", &save);
        long nf = fc ? strtol(fc, NULL, 10) : 0;
        for (long i = 0; i < nf; i++) {
            char *plus = strtok_r(NULL, " ", &save);
            char *fn = strtok_r(NULL, " ", &save);
            char *wn = strtok_r(NULL, " ", &save);
            if (!plus || !fn || !wn)
                return -1;
            if (s->nframes < WN_MAX_FRAMES) {
                s->frame[s->nframes] = atoi(fn);
                s->frame_word[s->nframes] = (int)strtol(wn, NULL, 16);
                s->nframes++;
            }
        }
    }
    return 0;
}

int wn_each_lemma(wn_db *db, char pos,
                  int (*fn)(const char *lemma, const long *offs, int n, void *arg), void *arg)
{
    FILE *f = pos == 'v' ? db->index_verb : db->index_noun;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    if (fseek(f, 0, SEEK_SET) != 0)
        return -1;
    while (rc == 0 && getline(&line, &cap, f) > 0) {
        if (line[0] == ' ')
            continue; /* the licence header */
        char *save = NULL;
        char *lemma = strtok_r(line, " \n", &save);
        char *p = strtok_r(NULL, " ", &save);
        char *sc = strtok_r(NULL, " ", &save);
        char *pc = strtok_r(NULL, " ", &save);
        if (!lemma || !p || !sc || !pc)
            continue;
        long npc = strtol(pc, NULL, 10);
        for (long i = 0; i < npc; i++)
            strtok_r(NULL, " ", &save);
        strtok_r(NULL, " ", &save); /* sense_cnt */
        strtok_r(NULL, " ", &save); /* tagsense_cnt */
        long offs[WN_MAX_SENSES];
        int n = 0;
        for (char *o; n < WN_MAX_SENSES && (o = strtok_r(NULL, " \n", &save));)
            offs[n++] = strtol(o, NULL, 10);
        if (n > 0)
            rc = fn(lemma, offs, n, arg);
    }
    free(line);
    return rc;
}

const char *wn_exception(const wn_db *db, char pos, const char *base, int i)
{
    const wn_exc *v = pos == 'v' ? db->verb_exc : db->noun_exc;
    size_t n = pos == 'v' ? db->n_verb_exc : db->n_noun_exc;
    for (size_t k = 0; k < n; k++)
        if (strcmp(v[k].base, base) == 0 && i-- == 0)
            return v[k].inflected;
    return NULL;
}
