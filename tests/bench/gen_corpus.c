/* gen_corpus.c - deterministic benchmark inputs for `make bench`.
 *
 *   gen_corpus corpus -o OUT.jsonl -b BYTES [-s SEED] [-d DIR] SOURCE...
 *       JSONL {"id","text"} of about 5 KB articles, at most BYTES bytes in
 *       all; with -d also every article as DIR/NNNNNN.txt (same text).
 *   gen_corpus draft -o OUT.md [-s SEED] SOURCE...
 *       one Markdown draft of about 5 KB.
 *   gen_corpus rules -o OUT.lua -n RULES [-p PHRASES] [-s SEED]
 *       RULES phrase rules of PHRASES invented multi-word phrases each.
 *
 * Articles mix plain paragraphs taken from the SOURCE articles (Markdown,
 * HTML or text, stripped to plain paragraphs) with paragraphs made from the
 * templates below, whose names, places, bodies and numbers are drawn from
 * a fixed-seed PRNG (splitmix64).  The same arguments give the same bytes
 * on every run and machine; each output's size and FNV-1a 64 checksum is
 * printed on standard output. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GEN_PROG "gen_corpus"
#include "gen_util.h"

/* ---- PRNG, checksum, small helpers ------------------------------------ */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    return splitmix64(&rng_state);
}

static size_t rng_below(size_t n)
{
    return n ? (size_t)(rng_next() % n) : 0;
}

#define PICK(arr) (arr[rng_below(sizeof arr / sizeof arr[0])])

/* An output's closing line: its size, item count and checksum. */
static void out_close(out *o, const char *what, size_t items)
{
    out_end(o);
    printf("%s: %s %" PRIu64 " bytes, %zu %s, fnv1a64 %016" PRIx64 "\n", o->path, what,
           o->bytes, items, items == 1 ? "item" : "items", o->fnv);
}

/* ---- source articles -> plain paragraphs ------------------------------ */

static char **src_paras;
static size_t nsrc_paras, src_cap;

static void add_para(const char *s, size_t n)
{
    /* collapse whitespace, trim */
    buf b = {0};
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            buf_putc(&b, ' ');
        space = 0;
        buf_putc(&b, c);
    }
    if (b.len < 40) { /* headings, bylines, stray words */
        free(b.data);
        return;
    }
    if (nsrc_paras == src_cap) {
        src_cap = src_cap ? src_cap * 2 : 64;
        src_paras = realloc(src_paras, src_cap * sizeof *src_paras);
        if (src_paras == NULL)
            die("out of memory");
    }
    src_paras[nsrc_paras++] = b.data;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("%s: cannot open: %s", path, strerror(errno));
    buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    if (b.data == NULL)
        buf_add(&b, "", 0);
    *len = b.len;
    return b.data;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static const struct {
    const char *name, *utf8;
} entities[] = {
    {"amp", "&"},           {"lt", "<"},           {"gt", ">"},
    {"quot", "\""},         {"apos", "'"},         {"#39", "'"},
    {"nbsp", " "},          {"mdash", "\xe2\x80\x94"}, {"ndash", "\xe2\x80\x93"},
    {"rsquo", "\xe2\x80\x99"}, {"lsquo", "\xe2\x80\x98"}, {"ldquo", "\xe2\x80\x9c"},
    {"rdquo", "\xe2\x80\x9d"}, {"hellip", "\xe2\x80\xa6"},
};

/* HTML: text of block elements; script, style, head, nav, footer, aside,
 * form and headings are dropped; a block tag ends a paragraph. */
static void split_html(const char *s, size_t n)
{
    static const char *skip[] = {"script", "style", "head", "nav", "footer", "aside",
                                 "form",   "h1",    "h2",   "h3",  "h4",     "h5", "h6"};
    static const char *block[] = {"p", "div", "article", "section", "li", "ul", "ol",
                                  "blockquote", "br", "body", "main", "tr", "table"};
    buf para = {0};
    size_t i = 0;
    while (i < n) {
        if (s[i] == '<') {
            size_t j = i + 1;
            int closing = j < n && s[j] == '/';
            if (closing)
                j++;
            char name[16];
            size_t k = 0;
            while (j < n && k + 1 < sizeof name &&
                   ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                    (s[j] >= '0' && s[j] <= '9'))) {
                char c = s[j++];
                name[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            name[k] = '\0';
            const char *gt = memchr(s + i, '>', n - i);
            size_t after = gt ? (size_t)(gt - s) + 1 : n;
            if (strncmp(s + i, "<!--", 4) == 0) {
                const char *e = strstr(s + i + 4, "-->");
                after = e ? (size_t)(e - s) + 3 : n;
            }
            int handled = 0;
            for (size_t q = 0; !closing && q < sizeof skip / sizeof skip[0]; q++)
                if (strcmp(name, skip[q]) == 0) {
                    char end[24];
                    snprintf(end, sizeof end, "</%s", name);
                    const char *e = strstr(s + after, end); /* sources are NUL-terminated */
                    if (e) {
                        const char *g = strchr(e, '>');
                        after = g ? (size_t)(g - s) + 1 : n;
                    }
                    add_para(para.data ? para.data : "", para.len);
                    para.len = 0;
                    handled = 1;
                    break;
                }
            for (size_t q = 0; !handled && q < sizeof block / sizeof block[0]; q++)
                if (strcmp(name, block[q]) == 0) {
                    add_para(para.data ? para.data : "", para.len);
                    para.len = 0;
                    break;
                }
            i = after;
        } else if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 10 ? n - i : 10);
            int done = 0;
            if (semi) {
                size_t nl = (size_t)(semi - s) - i - 1;
                for (size_t q = 0; q < sizeof entities / sizeof entities[0]; q++)
                    if (strlen(entities[q].name) == nl &&
                        strncmp(s + i + 1, entities[q].name, nl) == 0) {
                        buf_puts(&para, entities[q].utf8);
                        i = (size_t)(semi - s) + 1;
                        done = 1;
                        break;
                    }
            }
            if (!done)
                buf_putc(&para, s[i++]);
        } else {
            buf_putc(&para, s[i++]);
        }
    }
    add_para(para.data ? para.data : "", para.len);
    free(para.data);
}

/* Markdown and text: blank-line separated paragraphs; headings, code
 * fences, HTML comments dropped; quote and list markers and emphasis
 * stars removed. */
static void split_markdown(char *s, size_t n)
{
    /* remove HTML comments in place */
    for (char *c = strstr(s, "<!--"); c; c = strstr(c, "<!--")) {
        char *e = strstr(c, "-->");
        size_t cut = e ? (size_t)(e + 3 - c) : strlen(c);
        memmove(c, c + cut, strlen(c + cut) + 1);
    }
    n = strlen(s);
    buf para = {0};
    int fence = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *l = p;
        p = nl ? nl + 1 : end;
        while (len && (*l == ' ' || *l == '\t')) {
            l++;
            len--;
        }
        if (len >= 3 && (strncmp(l, "```", 3) == 0 || strncmp(l, "~~~", 3) == 0)) {
            fence = !fence;
            continue;
        }
        if (fence)
            continue;
        if (len == 0 || *l == '#') {
            add_para(para.data ? para.data : "", para.len);
            para.len = 0;
            continue;
        }
        while (len && (*l == '>' || *l == ' ')) {
            l++;
            len--;
        }
        if (len >= 2 && (*l == '-' || *l == '+') && l[1] == ' ') {
            l += 2;
            len -= 2;
        }
        for (size_t i = 0; i < len; i++)
            if (l[i] != '*')
                buf_putc(&para, l[i]);
        buf_putc(&para, ' ');
    }
    add_para(para.data ? para.data : "", para.len);
    free(para.data);
}

static void load_sources(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        size_t len;
        char *text = read_file(argv[i], &len);
        if (has_suffix(argv[i], ".html") || has_suffix(argv[i], ".htm"))
            split_html(text, len);
        else
            split_markdown(text, len);
        free(text);
    }
    if (nsrc_paras == 0)
        die("no paragraphs in the source articles");
}

/* ---- templates -------------------------------------------------------- */

static const char *first_names[] = {
    "Amara", "Tomas", "Ingrid", "Kofi", "Lucia", "Dmitri", "Aisha", "Henrik", "Mei", "Rafael",
    "Zainab", "Oskar", "Priyanka", "Mateo", "Yusuf", "Greta", "Hiroshi", "Nadia", "Samuel",
    "Leila", "Bruno", "Chiara", "Emeka", "Sofia", "Viktor", "Anjali", "Pablo", "Freya",
    "Tariq", "Camille", "Jonas", "Ewa", "Kwame", "Rosa", "Anders", "Farah", "Luca", "Marisol",
    "Idris", "Hanna", "Nikolai", "Esther", "Joao", "Ayumi", "Declan", "Selin", "Marek", "Ruth",
};
static const char *surnames[] = {
    "Adeyemi", "Bergstrom", "Castellano", "Dlamini", "Eriksen", "Fonseca", "Gallagher",
    "Haddad", "Ivanova", "Jaramillo", "Kowalczyk", "Lindqvist", "Mensah", "Nakamura",
    "Oyelaran", "Petrov", "Quintero", "Rasmussen", "Sandoval", "Tanaka", "Uribe", "Varga",
    "Wojcik", "Xavier", "Yilmaz", "Zeller", "Abara", "Brennan", "Cordova", "Dufresne",
    "Engel", "Farouk", "Grummet", "Holloway", "Ibsen", "Jovanovic", "Kimathi", "Lombardi",
    "Moreau", "Novak", "Ortega", "Pellegrini", "Ravensworth", "Szabo", "Thorne", "Vasquez",
    "Whitcombe", "Achterberg", "Bellweather", "Carvalho", "Delacroix", "Ferreira",
};
static const char *titles[] = {
    "Mayor", "Deputy Mayor", "Police Chief", "Harbour Master", "Health Minister",
    "Finance Minister", "Councillor", "Judge", "Professor", "Dr.", "Senator",
    "Fire Chief", "Superintendent", "Governor", "Ambassador", "Head Teacher",
};
static const char *roles[] = {
    "a spokesperson for the regional water board", "the chief executive of the rail operator",
    "a hydrologist at the state university", "the union's general secretary",
    "a lawyer representing the families", "the head of the tenants' association",
    "an epidemiologist at the city hospital", "the owner of a bakery on the square",
    "a retired engineer who inspected the bridge in 2009", "the director of the port",
    "a farmer whose fields flooded twice this year", "the district's chief planning officer",
};
static const char *places[] = {
    "Marrowby", "Kestrel Bay", "Dunhallow", "Port Ellery", "Sorvik", "Ashgrove", "Tallin Cross",
    "Brackenmoor", "Velmont", "Carrow Heath", "Lindenfeld", "Oakhaven", "Ribston", "Halvard",
    "Quarry Bend", "Saltmere", "Norvale", "Westleigh", "Fenwick", "Stoneridge", "Elsmere",
    "Corran", "Glenavy", "Pellham", "Thornbury", "Wexmoor", "Arden Falls", "Millbrook",
};
static const char *orgs[] = {
    "the Ministry of Transport", "the regional water board", "the district council",
    "the national statistics office", "the harbour authority", "the health department",
    "the teachers' union", "the state audit office", "the electricity regulator",
    "the coastguard", "the public prosecutor's office", "the central bank",
    "the chamber of commerce", "the university hospital", "the environment agency",
};
static const char *outlets[] = {
    "the Marrowby Courier", "the Evening Lantern", "Radio Saltmere", "the Northern Ledger",
    "the Valley Post", "Channel Nine News", "the Harbour Gazette", "the Daily Meridian",
    "Westleigh Weekly", "the Provincial Observer",
};
static const char *platforms[] = {
    "X", "Facebook", "Telegram", "Instagram", "TikTok", "YouTube", "a messaging app",
};
static const char *topics[] = {
    "the bridge repairs", "the new bus timetable", "the hospital merger", "the flood defences",
    "the school closures", "the port expansion", "the water tariff", "the housing plan",
    "the wind farm", "the ferry contract", "the library budget", "the road toll",
    "the recycling scheme", "the stadium lease", "the tram extension", "the air quality plan",
};
static const char *things[] = {
    "contract", "audit", "inquiry", "budget", "survey", "report", "plan", "vote", "tender",
    "review", "proposal", "inspection",
};
static const char *days[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};

/* Slots: {F} a new full name (sets {S}), {S} that surname, {T} title,
 * {R} role, {P} place, {O} organisation, {M} outlet, {X} platform,
 * {Q} topic, {H} a thing, {D} day, {Y} month, {K} small number,
 * {L} large number, {C} percentage. */
static const char *templates[] = {
    /* named, on the record */
    "{T} {F} said on {D} that {Q} would be finished before the winter, two months later than "
    "planned. \"We underestimated the state of the foundations,\" {S} said.",
    "\"Nobody in {P} should have to wait three hours for a bus,\" said {F}, who chairs the "
    "passengers' forum. {S} said the group had collected {L} signatures since {Y}.",
    "{F}, {R}, said the figures showed a fall of {C} percent compared with last year, the "
    "steepest drop since records began.",
    "Speaking at a packed meeting in the town hall, {T} {F} defended {Q}. {S} told residents "
    "that the cost had been checked twice by independent surveyors.",
    "\"I have lived on this street for {K} years and I have never seen the river this high,\" "
    "said {F}, a pensioner whose cellar was flooded on {D}.",
    "{F}, {R}, told the committee that the {H} had been signed without a second quote. {S} "
    "said the paperwork would be published in full.",
    "In a telephone interview, {F} said {P} had received only half of the money promised in "
    "{Y}. \"The rest is still on paper,\" {S} said.",
    "{T} {F} declined to give a date for the decision but said {Q} remained \"a priority for "
    "everyone in this building\".",
    /* institutional */
    "{O} said in a statement on {D} that it had reviewed {Q} and found no breach of the rules. "
    "The statement did not say who carried out the review.",
    "According to figures published by {O}, {L} households in {P} are still waiting for a "
    "connection, up from {K} thousand a year ago.",
    "A report by {O}, released on {D}, found that {C} percent of the money had been spent on "
    "consultants rather than construction.",
    "{O} confirmed in a letter to councillors that the {H} would be put out to tender again "
    "in {Y}.",
    /* media */
    "{M} first reported the delay on {D}, citing internal emails. The emails were later "
    "published on the council's website.",
    "The mayor told {M} that she would not stand for re-election if {Q} failed.",
    "According to {M}, the {H} was worth about {L} euros, roughly twice the original estimate.",
    /* anonymous */
    "Officials said the {H} had been delayed by a dispute over insurance, but declined to give "
    "further details.",
    "A source familiar with the negotiations said the two sides were still far apart on the "
    "price of {Q}.",
    "Two people familiar with the matter said the board had met in private on {D} to discuss "
    "the {H}.",
    "A senior official, who spoke on condition of anonymity because the talks were "
    "continuing, said an agreement on {Q} was close.",
    "Sources close to the council said at least {K} members would vote against the {H}.",
    /* vague, hedged, unverified */
    "Critics say the decision on {Q} was rushed through without proper consultation, and some "
    "residents argue that the town will pay for it for decades.",
    "Experts warn that the costs of {Q} could rise further if interest rates stay high.",
    "It is widely believed in {P} that the decision was taken months before the public vote.",
    "The contractor reportedly asked for an extra {L} euros in {Y}, a figure that could not "
    "be independently verified.",
    "The company allegedly ignored two warnings from inspectors, according to reports in the "
    "local press.",
    "The claim, made without offering evidence, was repeated by several councillors on {D}.",
    "There was no official confirmation of the second inspection, which {M} said took place "
    "in {Y}.",
    /* social */
    "In a post on {X}, {F} wrote that the queue outside the clinic stretched around the block. "
    "A video shared on {X} appeared to show dozens of people waiting in the rain.",
    "The footage, which circulated widely on {X} on {D}, showed water pouring through the "
    "roof of the sports hall.",
    /* narrative, no sourcing */
    "The {H} covers {K} kilometres of road between {P} and the coast, including three bridges "
    "built in the 1960s.",
    "Work on {Q} began in {Y} and was meant to take eighteen months. Since then the budget has "
    "grown by {C} percent and the opening date has moved twice.",
    "{P} has a population of about {L} and lost its last bank branch in {Y}. The nearest "
    "hospital is forty minutes away by car.",
    "The council meets again on {D}, when it is expected to vote on the {H} and on a smaller "
    "plan to resurface the market square.",
    "Rain is forecast for the rest of the week, and the river is expected to peak on {D} "
    "evening, two days later than first thought.",
    "The last time the town faced a bill of this size was in {Y} 1998, when the sea wall was "
    "rebuilt after a storm.",
    "Shops on the high street closed early on {D} as the water rose. By nightfall the main "
    "road was shut and buses were diverted through {P}.",
    "The {H} is the third in {K} years. The previous two were abandoned after the costs "
    "doubled and the contractor went bankrupt.",
    "Residents have until the end of {Y} to comment on the plan, which runs to {L} pages and "
    "includes maps of every affected street.",
    "At the public meeting, about {K} hundred people filled the hall and many more stood "
    "outside in the car park, listening through open windows.",
    "The bus depot, built on reclaimed land in the 1970s, floods roughly once every {K} years "
    "and was last renovated in {Y} 2011.",
};

static const char *headlines[] = {
    "{P} council delays vote on {Q}",
    "Costs of {Q} rise again in {P}",
    "Residents of {P} divided over {Q}",
    "Questions grow over the {H} for {Q}",
    "{T} {F} defends {Q} after week of protests",
};

static void expand(buf *b, const char *t)
{
    const char *surname = PICK(surnames);
    char num[32];
    for (const char *p = t; *p; p++) {
        if (p[0] != '{' || p[1] == '\0' || p[2] != '}') {
            buf_putc(b, *p);
            continue;
        }
        switch (p[1]) {
        case 'F':
            surname = PICK(surnames);
            buf_puts(b, PICK(first_names));
            buf_putc(b, ' ');
            buf_puts(b, surname);
            break;
        case 'S': buf_puts(b, surname); break;
        case 'T': buf_puts(b, PICK(titles)); break;
        case 'R': buf_puts(b, PICK(roles)); break;
        case 'P': buf_puts(b, PICK(places)); break;
        case 'O': buf_puts(b, PICK(orgs)); break;
        case 'M': buf_puts(b, PICK(outlets)); break;
        case 'X': buf_puts(b, PICK(platforms)); break;
        case 'Q': buf_puts(b, PICK(topics)); break;
        case 'H': buf_puts(b, PICK(things)); break;
        case 'D': buf_puts(b, PICK(days)); break;
        case 'Y': buf_puts(b, PICK(months)); break;
        case 'K':
            snprintf(num, sizeof num, "%zu", 2 + rng_below(28));
            buf_puts(b, num);
            break;
        case 'L':
            snprintf(num, sizeof num, "%zu,%03zu", 1 + rng_below(90), rng_below(1000));
            buf_puts(b, num);
            break;
        case 'C':
            snprintf(num, sizeof num, "%zu.%zu", 1 + rng_below(40), rng_below(10));
            buf_puts(b, num);
            break;
        default: buf_add(b, p, 3); break;
        }
        p += 2;
    }
}

/* One article of about target bytes of text: a headline-like first
 * paragraph, then paragraphs, one in seven from the sources. */
static void article(buf *b, size_t target, int markdown)
{
    b->len = 0;
    if (markdown)
        buf_puts(b, "# ");
    expand(b, PICK(headlines));
    size_t last = (size_t)-1;
    while (b->len < target) {
        buf_puts(b, "\n\n");
        size_t start = b->len;
        if (rng_below(7) == 0) {
            buf_puts(b, src_paras[rng_below(nsrc_paras)]);
        } else {
            size_t t;
            do
                t = rng_below(sizeof templates / sizeof templates[0]);
            while (t == last);
            last = t;
            expand(b, templates[t]);
            if (b->data[start] >= 'a' && b->data[start] <= 'z')
                b->data[start] = (char)(b->data[start] - 'a' + 'A'); /* "The ministry" */
        }
    }
}

/* ---- commands --------------------------------------------------------- */

static int cmd_corpus(const char *path, unsigned long long bytes, const char *dir)
{
    corpus c;
    buf text = {0};
    corpus_open(&c, path, bytes, dir, "bench", "txt");
    do
        article(&text, 4600 + rng_below(800), 0);
    while (corpus_add(&c, text.data, text.len));
    corpus_close(&c);
    free(text.data);
    return 0;
}

static int cmd_draft(const char *path)
{
    out o;
    out_open(&o, path);
    buf text = {0};
    article(&text, 5000, 1);
    buf_putc(&text, '\n');
    out_write(&o, text.data, text.len);
    out_close(&o, "Markdown draft", 1);
    free(text.data);
    return 0;
}

/* Invented words: never in the corpus, so a phrase holding one never fires. */
static void invented(buf *b)
{
    static const char *on[] = {"b", "br", "c", "d", "dr", "f", "g", "gl", "k", "l", "m",
                               "n", "p", "pl", "qu", "r", "s", "st", "t", "tr", "v", "z"};
    static const char *nu[] = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
    static const char *co[] = {"", "", "n", "r", "l", "m", "x", "th", "sk", "nd"};
    size_t syl = 2 + rng_below(2);
    for (size_t i = 0; i < syl; i++) {
        buf_puts(b, PICK(on));
        buf_puts(b, PICK(nu));
        buf_puts(b, PICK(co));
    }
}

static int cmd_rules(const char *path, size_t nrules, size_t nphrases)
{
    /* Real words, many of them common in news text, so the automaton walks
     * partial matches; each phrase also holds one invented word. */
    static const char *words[] = {
        "the", "a", "officials", "said", "sources", "according", "to", "experts", "report",
        "council", "minister", "police", "statement", "on", "of", "in", "was", "reported",
        "claims", "harbour", "bridge", "budget", "river", "court", "market", "spokesperson",
        "witnesses", "told", "reporters", "figures", "town", "hall", "vote", "plan", "local",
        "residents", "insiders", "analysts", "believe", "argue", "warned", "quietly",
        "privately", "unnamed", "senior", "federal", "regional", "agency", "documents",
    };
    static const char *markers[] = {"anonymous", "vague",         "unverified", "hedged",
                                    "social",    "institutional", "media",      "on_record"};
    static const int weights[] = {-8, -5, -6, -3, -2, 3, 1, 6};
    out o;
    out_open(&o, path);
    buf b = {0};
    buf_puts(&b, "-- Generated by tests/bench/gen_corpus (make bench): invented phrase rules\n"
                 "-- that should never fire, to measure the cost of rule count.\n\n");
    for (size_t r = 0; r < nrules; r++) {
        size_t m = r % (sizeof markers / sizeof markers[0]);
        char head[256];
        snprintf(head, sizeof head,
                 "rule {\n  id = \"bench-extra-%04zu\", marker = \"%s\", weight = %d,\n"
                 "  message = \"Benchmark rule %zu: an invented phrase\",\n  phrases = { ",
                 r + 1, markers[m], weights[m], r + 1);
        buf_puts(&b, head);
        for (size_t p = 0; p < nphrases; p++) {
            size_t nw = 2 + rng_below(3), inv = rng_below(nw);
            buf_putc(&b, '"');
            for (size_t w = 0; w < nw; w++) {
                if (w)
                    buf_putc(&b, ' ');
                if (w == inv)
                    invented(&b);
                else
                    buf_puts(&b, PICK(words));
            }
            buf_puts(&b, p + 1 < nphrases ? "\", " : "\" },\n}\n\n");
        }
        out_write(&o, b.data, b.len);
        b.len = 0;
    }
    out_close(&o, "Lua rules", nrules);
    free(b.data);
    return 0;
}

static void usage(void)
{
    fputs("usage: gen_corpus corpus -o OUT.jsonl -b BYTES [-s SEED] [-d DIR] SOURCE...\n"
          "       gen_corpus draft -o OUT.md [-s SEED] SOURCE...\n"
          "       gen_corpus rules -o OUT.lua -n RULES [-p PHRASES] [-s SEED]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    const char *cmd = argv[1], *outp = NULL, *dir = NULL;
    unsigned long long bytes = 0, seed = 20240917, nrules = 0, nphrases = 5;
    int i = 2;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (i + 1 >= argc)
            usage();
        char *end;
        const char *v = argv[i + 1];
        switch (argv[i][1]) {
        case 'o': outp = v; break;
        case 'd': dir = v; break;
        case 'b': bytes = strtoull(v, &end, 10); break;
        case 's': seed = strtoull(v, &end, 10); break;
        case 'n': nrules = strtoull(v, &end, 10); break;
        case 'p': nphrases = strtoull(v, &end, 10); break;
        default: usage();
        }
        i++;
    }
    if (outp == NULL)
        usage();
    rng_state = seed;
    if (strcmp(cmd, "corpus") == 0) {
        if (bytes == 0 || i >= argc)
            usage();
        load_sources(argc - i, argv + i);
        return cmd_corpus(outp, bytes, dir);
    }
    if (strcmp(cmd, "draft") == 0) {
        if (i >= argc)
            usage();
        load_sources(argc - i, argv + i);
        return cmd_draft(outp);
    }
    if (strcmp(cmd, "rules") == 0) {
        if (nrules == 0 || nphrases == 0)
            usage();
        return cmd_rules(outp, nrules, nphrases);
    }
    usage();
    return 2;
}
