/* test_sentence.c - cs_split_sentences: exact spans for news text. */
#include <ctype.h>
#include <stdlib.h>

#include "sentence.h"
#include "tap.h"

typedef struct acc {
    const char *text;
    char joined[4096]; /* sentences separated by " | " */
    char spans[1024];  /* "[s,e) [s,e)" */
    int n;
    int stop_at;       /* return 7 from this call (1-based), 0: never */
} acc;

static int acc_cb(void *ctx, size_t s, size_t e)
{
    acc *a = ctx;
    a->n++;
    size_t jl = strlen(a->joined), sl = strlen(a->spans);
    snprintf(a->joined + jl, sizeof a->joined - jl, "%s%.*s", a->n > 1 ? " | " : "",
             (int)(e - s), a->text + s);
    snprintf(a->spans + sl, sizeof a->spans - sl, "%s[%zu,%zu)", a->n > 1 ? " " : "", s, e);
    return a->stop_at == a->n ? 7 : 0;
}

static acc split_n(const char *text, size_t len)
{
    acc a;
    memset(&a, 0, sizeof a);
    a.text = text;
    cs_split_sentences(text, len, acc_cb, &a);
    return a;
}

static acc split(const char *text)
{
    return split_n(text, strlen(text));
}

/* One test of the sentence texts, one of the exact byte spans. */
#define SPLIT_IS(text, want_joined, want_spans, name)                                     \
    do {                                                                                  \
        acc a_ = split(text);                                                             \
        is_str(a_.joined, want_joined, "%s: sentences", name);                             \
        is_str(a_.spans, want_spans, "%s: spans", name);                                   \
    } while (0)


/* What a period after a word means, seen from outside: the number of
 * sentences in "We saw W. Lowe came.", "We saw W. The end." and "We saw
 * W. 5 came." (a name, a sentence starter, a number after it). */
enum { KIND_NONE, KIND_PREFIX, KIND_NUMBER, KIND_FINAL };
static const char *const kind_names[] = {"a word", "a prefix", "a number label",
                                         "a final abbreviation"};
static const int kind_counts[][3] = {
    [KIND_NONE] = {2, 2, 2},
    [KIND_PREFIX] = {1, 1, 1},
    [KIND_NUMBER] = {2, 2, 1},
    [KIND_FINAL] = {1, 2, 1},
};

/* The kind the splitter gives the word w, from the three probes. */
static int observed_kind(const char *w)
{
    static const char *const probes[] = {"We saw %s. Lowe came.", "We saw %s. The end.",
                                         "We saw %s. 5 came."};
    int counts[3];
    for (int i = 0; i < 3; i++) {
        char text[96];
        snprintf(text, sizeof text, probes[i], w);
        counts[i] = split(text).n;
    }
    for (int k = 0; k < 4; k++)
        if (memcmp(counts, kind_counts[k], sizeof counts) == 0)
            return k;
    return -1;
}

/* An initial or a dotted acronym: letters at even places, periods
 * between ("W", "U.S"). */
static int is_initials(const char *w)
{
    size_t n = strlen(w);
    for (size_t k = 0; k < n; k++)
        if (k % 2 == 0 ? !isalpha((unsigned char)w[k]) : w[k] != '.')
            return 0;
    return n % 2 == 1;
}

/* Every abbreviation of a kind, as written and in upper and lower case:
 * as written (or in any case when nocase) it has its kind; in another
 * case it is an ordinary word, or an initial ("P", "V"). */
static void abbreviations_are(const char *const *words, size_t n, int kind, int nocase)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        for (int v = 0; v < 3; v++) {
            char w[16];
            snprintf(w, sizeof w, "%s", words[i]);
            for (char *c = w; *c && v > 0; c++)
                *c = (char)(v == 1 ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
            int want = strcmp(w, words[i]) == 0 || nocase ? kind
                       : is_initials(w)                   ? KIND_FINAL
                                                          : KIND_NONE;
            int got = observed_kind(w);
            if (got != want && bad++ < 3)
                printf("#   '%s': %s, want %s\n", w, got < 0 ? "no kind" : kind_names[got],
                       kind_names[want]);
        }
    }
    is_int(bad, 0, "%zu abbreviations are %s, in their letter case", n, kind_names[kind]);
}

static void every_abbreviation(void)
{
    static const char *const prefixes[] = {
        "Mr", "Mrs", "Ms", "Messrs", "Prof", "Rev", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm",
        "Maj", "Brig", "Cmdr", "Cpl", "Pvt", "Sen", "Sens", "Rep", "Reps", "Gov", "Pres",
        "Supt", "Det", "Insp", "Hon", "Msgr", "Atty", "Mt", "Ft", "v"};
    static const char *const prefixes_any_case[] = {"vs", "e.g", "i.e", "approx", "cf"};
    static const char *const numbers[] = {"No", "Nos", "Fig", "Vol", "p", "pp"};
    static const char *const finals[] = {
        "Dr", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Ave", "Blvd",
        "Rd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
        "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
        "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo"};
    static const char *const finals_any_case[] = {"etc", "a.m", "p.m"};
#define WORDS(a) a, sizeof a / sizeof a[0]
    abbreviations_are(WORDS(prefixes), KIND_PREFIX, 0);
    abbreviations_are(WORDS(prefixes_any_case), KIND_PREFIX, 1);
    abbreviations_are(WORDS(numbers), KIND_NUMBER, 0);
    abbreviations_are(WORDS(finals), KIND_FINAL, 0);
    abbreviations_are(WORDS(finals_any_case), KIND_FINAL, 1);
#undef WORDS
    /* Words next to abbreviations in alphabetical order are words. */
    static const char *const words[] = {"Ma", "Mrx", "Ab", "Zz", "Wyom", "approxi", "Cfo", "Adn", "pq"};
    int bad = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (observed_kind(words[i]) != KIND_NONE && bad++ < 3)
            printf("#   '%s' is not an ordinary word\n", words[i]);
    is_int(bad, 0, "words near the abbreviations are ordinary words");
}

int main(void)
{
    every_abbreviation();

    /* The example of the brief. */
    SPLIT_IS("Gen. Mark Ellis said the U.S. would act. Officials disagreed.",
             "Gen. Mark Ellis said the U.S. would act. | Officials disagreed.",
             "[0,40) [41,61)", "title and U.S. mid-sentence");

    /* Abbreviation groups. */
    SPLIT_IS("Mr. Hale met Mrs. Ortiz and Ms. Tran. Dr. Imani Sow arrived. Prof. Lena Marsh "
             "and Rev. Tom Abel spoke.",
             "Mr. Hale met Mrs. Ortiz and Ms. Tran. | Dr. Imani Sow arrived. | Prof. Lena Marsh "
             "and Rev. Tom Abel spoke.",
             "[0,37) [38,60) [61,102)", "civil titles");
    SPLIT_IS("Lt. Col. Dana Reyes briefed Sgt. Ali Kemp and Capt. Rosa Lind. Adm. Joel Prinz left.",
             "Lt. Col. Dana Reyes briefed Sgt. Ali Kemp and Capt. Rosa Lind. | Adm. Joel Prinz left.",
             "[0,62) [63,84)", "military ranks");
    SPLIT_IS("Sen. Iris Vale and Rep. Omar Diaz met Gov. Kay Burt. Pres. Alan Moss declined.",
             "Sen. Iris Vale and Rep. Omar Diaz met Gov. Kay Burt. | Pres. Alan Moss declined.",
             "[0,52) [53,78)", "political titles");
    SPLIT_IS("The U.S. and U.K. envoys met U.N. and E.U. staff. Talks ended.",
             "The U.S. and U.K. envoys met U.N. and E.U. staff. | Talks ended.",
             "[0,49) [50,62)", "country and body abbreviations");
    SPLIT_IS("Brightwater Inc. and Delmar Corp. sued Hollis Ltd. and Ferro Co. Officials said "
             "so. A ruling is due.",
             "Brightwater Inc. and Delmar Corp. sued Hollis Ltd. and Ferro Co. Officials said so. | "
             "A ruling is due.",
             "[0,83) [84,100)", "company suffixes");
    SPLIT_IS("Paul Grant Jr. and Paul Grant Sr. live on Elm St. in Tarrow. St. Olaf Church rang.",
             "Paul Grant Jr. and Paul Grant Sr. live on Elm St. in Tarrow. | St. Olaf Church rang.",
             "[0,60) [61,82)", "Jr. Sr. St.");
    SPLIT_IS("Case No. 14 pitted Varga vs. Lund. The judge ruled.",
             "Case No. 14 pitted Varga vs. Lund. | The judge ruled.", "[0,34) [35,51)",
             "No. and vs.");
    SPLIT_IS("Some towns, e.g. Marlow, and one city, i.e. Denton, voted. Turnout was low.",
             "Some towns, e.g. Marlow, and one city, i.e. Denton, voted. | Turnout was low.",
             "[0,58) [59,75)", "e.g. and i.e.");
    SPLIT_IS("The blast came at 9:40 a.m. Tuesday and another at 3 p.m. on Friday. Police came.",
             "The blast came at 9:40 a.m. Tuesday and another at 3 p.m. on Friday. | Police came.",
             "[0,68) [69,81)", "a.m. and p.m.");
    SPLIT_IS("The vote moved from Jan. 5 to Feb. 9, Aug. 14, Sept. 3, Oct. 1, Nov. 20 and "
             "Dec. 2. Nobody objected.",
             "The vote moved from Jan. 5 to Feb. 9, Aug. 14, Sept. 3, Oct. 1, Nov. 20 and Dec. 2. | "
             "Nobody objected.",
             "[0,83) [84,100)", "month abbreviations");
    SPLIT_IS("Crews on Mt. Arlo and at Ft. Carrow moved approx. 300 people. Roads closed.",
             "Crews on Mt. Arlo and at Ft. Carrow moved approx. 300 people. | Roads closed.",
             "[0,61) [62,75)", "Mt. Ft. approx.");
    SPLIT_IS("Fruit, bread, etc. were sold. Stalls opened.",
             "Fruit, bread, etc. were sold. | Stalls opened.", "[0,29) [30,44)",
             "etc. mid-sentence");

    /* A sentence-final abbreviation before a sentence starter. */
    SPLIT_IS("The team returned to the U.S. The next day it flew on.",
             "The team returned to the U.S. | The next day it flew on.", "[0,29) [30,54)",
             "U.S. at the end of a sentence");
    SPLIT_IS("She left at 6 p.m. They stayed.", "She left at 6 p.m. | They stayed.",
             "[0,18) [19,31)", "p.m. at the end");
    SPLIT_IS("Funds ran out, etc. But work went on.", "Funds ran out, etc. | But work went on.",
             "[0,19) [20,37)", "etc. at the end");
    SPLIT_IS("He moved to the U.S.", "He moved to the U.S.", "[0,20)",
             "abbreviation at the end of the text");
    SPLIT_IS("Talks began in Jan. The snow fell. Acme Inc. The firm grew. It is on Elm St. "
             "The house is old.",
             "Talks began in Jan. | The snow fell. | Acme Inc. | The firm grew. | It is on Elm St. | "
             "The house is old.",
             "[0,19) [20,34) [35,44) [45,59) [60,76) [77,94)", "month, company, street at the end");
    SPLIT_IS("They flew to Marren, D.C. Officials met them. Then they left D.C. The end.",
             "They flew to Marren, D.C. Officials met them. | Then they left D.C. | The end.",
             "[0,45) [46,65) [66,74)", "dotted acronym: break only before a starter");

    /* Initials. */
    SPLIT_IS("J. K. Marlowe wrote it. George W. Hale agreed.",
             "J. K. Marlowe wrote it. | George W. Hale agreed.", "[0,23) [24,46)", "initials");
    SPLIT_IS("A.B. Tolland spoke first. He was brief.",
             "A.B. Tolland spoke first. | He was brief.", "[0,25) [26,39)", "joined initials");

    /* Decimals, times, money. */
    SPLIT_IS("Growth was 3.5 percent, or $1.2 billion, by 10.30 on Monday. Shares fell 0.7.",
             "Growth was 3.5 percent, or $1.2 billion, by 10.30 on Monday. | Shares fell 0.7.",
             "[0,60) [61,77)", "decimals and times");

    /* Ellipses. */
    SPLIT_IS("He paused... and then spoke. She said \xE2\x80\xA6 nothing more. It was over... The "
             "crowd left.",
             "He paused... and then spoke. | She said \xE2\x80\xA6 nothing more. | It was over... | "
             "The crowd left.",
             "[0,28) [29,55) [56,70) [71,86)", "ellipsis");

    /* ? and ! */
    SPLIT_IS("Was it safe? Nobody knew! Officials stayed.",
             "Was it safe? | Nobody knew! | Officials stayed.", "[0,12) [13,25) [26,43)",
             "question and exclamation");
    SPLIT_IS("\"Why now?\" she asked. He shrugged.", "\"Why now?\" she asked. | He shrugged.",
             "[0,21) [22,34)", "quoted question then attribution");
    SPLIT_IS("Really?! Yes.", "Really?! | Yes.", "[0,8) [9,13)", "?! cluster");

    /* Closing quotes and brackets stay with their sentence. */
    SPLIT_IS("\"We will rebuild.\" He left.", "\"We will rebuild.\" | He left.", "[0,18) [19,27)",
             "straight double quote");
    SPLIT_IS("'We will rebuild.' He left.", "'We will rebuild.' | He left.", "[0,18) [19,27)",
             "straight single quote");
    SPLIT_IS("\xE2\x80\x9CWe will rebuild.\xE2\x80\x9D He left.",
             "\xE2\x80\x9CWe will rebuild.\xE2\x80\x9D | He left.", "[0,22) [23,31)",
             "curly double quotes");
    SPLIT_IS("She said \xE2\x80\x98" "enough.\xE2\x80\x99 Then she left.",
             "She said \xE2\x80\x98" "enough.\xE2\x80\x99 | Then she left.", "[0,22) [23,37)",
             "curly single quotes");
    SPLIT_IS("\xC2\xAB" "Nous partons.\xC2\xBB Then silence.",
             "\xC2\xAB" "Nous partons.\xC2\xBB | Then silence.", "[0,17) [18,31)", "guillemets");
    SPLIT_IS("(The road reopened.) Traffic resumed. [Edited.] Done.",
             "(The road reopened.) | Traffic resumed. | [Edited.] | Done.",
             "[0,20) [21,37) [38,47) [48,53)", "brackets");
    SPLIT_IS("He said \"it is over.\") Next.", "He said \"it is over.\") | Next.", "[0,22) [23,28)",
             "quote then bracket");

    /* White space: newlines are spaces; spans exclude white space. */
    SPLIT_IS("First line.\nSecond line\ncontinues here.",
             "First line. | Second line\ncontinues here.", "[0,11) [12,39)", "newlines");
    SPLIT_IS("   Lead.   Tail.  \n", "Lead. | Tail.", "[3,8) [11,16)", "surrounding spaces");
    SPLIT_IS("One.\xC2\xA0Two.\xC2\xA0", "One. | Two.", "[0,4) [6,10)", "no-break spaces");
    SPLIT_IS("No final period", "No final period", "[0,15)", "no terminator");
    SPLIT_IS("It ended.He left. The U.S.-led talks.", "It ended.He left. | The U.S.-led talks.",
             "[0,17) [18,37)", "no space after the period");
    SPLIT_IS("Prices fell. shares too.", "Prices fell. shares too.", "[0,24)",
             "lower case after a period");

    /* Nothing to split. */
    is_int(split("").n, 0, "empty text: no sentence");
    is_int(split("  \n\t ").n, 0, "white space only: no sentence");
    is_int(split("...").n, 1, "punctuation only: one sentence");

    /* The callback stops the split. */
    {
        acc a;
        memset(&a, 0, sizeof a);
        a.text = "One. Two. Three.";
        a.stop_at = 2;
        int rc = cs_split_sentences(a.text, strlen(a.text), acc_cb, &a);
        is_int(rc, 7, "callback's non-zero return is returned");
        is_int(a.n, 2, "no call after the callback stopped");
    }

    /* Never reads past len: an exact-size heap buffer with no NUL. */
    {
        const char *s = "Alpha rose. Beta fell. Gamma";
        size_t n = 22; /* "Alpha rose. Beta fell." */
        char *buf = malloc(n);
        memcpy(buf, s, n);
        acc a = split_n(buf, n);
        is_str(a.spans, "[0,11) [12,22)", "len bounds the text (no NUL)");
        memcpy(buf, "He saw U.S. \xE2\x80\xA6 then ok", n);
        a = split_n(buf, 13); /* ends inside the ellipsis */
        is_str(a.spans, "[0,13)", "truncated multi-byte character at len");
        free(buf);
    }

    /* Runs with no terminator (skipped a byte at a time) around E2 bytes
     * that are not an ellipsis. */
    SPLIT_IS("No terminator \xE2\x80\x9C" "at\xE2\x80\x9D all \xE2\x80\x94 here",
             "No terminator \xE2\x80\x9C" "at\xE2\x80\x9D all \xE2\x80\x94 here", "[0,35)",
             "no terminator at all");
    SPLIT_IS("A \xE2\x80\x94 bb. C\xE2\x80\xA6 D!", "A \xE2\x80\x94 bb. | C\xE2\x80\xA6 | D!",
             "[0,9) [10,14) [15,17)", "terminators after E2 dashes, the last byte a terminator");
    {
        size_t n = 1 << 20;
        char *big = malloc(n);
        for (size_t i = 0; i < n; i++)
            big[i] = "word \xE2\x80\x99s "[i % 11];
        acc a = split_n(big, n - 3);
        is_int(a.n, 1, "1 MiB without a terminator is one sentence");
        free(big);
    }

    /* Every terminator at every place of a sixteen-byte block: the scan
     * between terminators reads sixteen bytes at a time. */
    {
        int bad = 0;
        for (size_t k = 0; k < 40; k++) {
            char text[128], want[128];
            memset(text, 'w', k);
            strcpy(text + k, "Stop. Why? Yes! Last\xE2\x80\xA6 Done");
            snprintf(want, sizeof want, "[0,%zu) [%zu,%zu) [%zu,%zu) [%zu,%zu) [%zu,%zu)", k + 5,
                     k + 6, k + 10, k + 11, k + 15, k + 16, k + 23, k + 24, k + 28);
            acc a = split(text);
            if (strcmp(a.spans, want) != 0 && bad++ == 0)
                printf("#   after %zu bytes: got %s, want %s\n", k, a.spans, want);
        }
        is_int(bad, 0, "each terminator after 0 to 39 bytes");
    }

    /* Linear time: a long text of short sentences and a long run of dots. */
    {
        size_t n = 1 << 20;
        char *big = malloc(n);
        for (size_t i = 0; i < n; i++)
            big[i] = "Go. U.S. "[i % 9];
        acc a = split_n(big, n);
        ok(a.n > 100000, "1 MiB of short sentences split (%d)", a.n);
        memset(big, '.', n);
        a = split_n(big, n);
        is_int(a.n, 1, "1 MiB of periods is one sentence");
        free(big);
    }

    return done_testing();
}
