/* cmd_init.c - `credscore init`: a starter configuration and an example
 * rule with its tests, written into the current folder.
 *
 * Writes credscore.yaml and rules/example.lua (rules/ is made when
 * missing).  Nothing is overwritten: when either file exists, nothing is
 * written and the command fails with exit 2 naming it.  Each file is
 * created exclusively (O_EXCL) and removed again if writing it fails, so
 * an interrupted run never leaves half a file.  The written configuration
 * loads as it is, and `credscore test rules/` passes on the written rule
 * (tests/cli/46-init.t checks both and validates the configuration against
 * docs/credscore.schema.json). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char init_config[] =
    "# credscore.yaml - written by `credscore init`.\n"
    "#\n"
    "# credscore uses the credscore.yaml of the folder it runs in, or of the\n"
    "# nearest folder above.  Every key is optional: what is left out keeps the\n"
    "# built-in default, and `credscore config` prints the effective result.\n"
    "# Unknown keys and wrong types are errors naming the line.  Editors: the\n"
    "# JSON Schema docs/credscore.schema.json of the credscore sources describes\n"
    "# this file (YAML language servers read a first line such as\n"
    "# \"# yaml-language-server: $schema=/path/to/credscore.schema.json\").\n"
    "version: 1\n"
    "\n"
    "# Rule files and folders, relative to this file.  \"@default\" is the bundled\n"
    "# pack; rules/ holds your own (`credscore test rules/` runs their examples).\n"
    "rules: [\"@default\", \"rules/\"]\n"
    "\n"
    "# Markers: what a finding says about a passage.  Change what you name; the\n"
    "# others keep their defaults (`credscore config` lists all eight).\n"
    "markers:\n"
    "  anonymous:\n"
    "    level: warning          # info | warning | error\n"
    "    # weight: -10           # every anonymous finding weighs this much\n"
    "    # passage_cap: 12       # at most this many points per passage (0 = none)\n"
    "  # A new marker needs a description and a default weight:\n"
    "  # wire_credit:\n"
    "  #   description: \"Credited to a wire service\"\n"
    "  #   default_weight: 1\n"
    "\n"
    "# One rule at a time, by id (`credscore rules` lists them; a misspelled id\n"
    "# is an error):\n"
    "rule_overrides:\n"
    "  # hedged-claimed: {weight: -1, level: info}\n"
    "  # attribution/pronoun: {enabled: false}\n"
    "\n"
    "scoring:\n"
    "  fail_under: 40            # exit 1 below this score (0..100; --fail-under)\n"
    "  unsourced: pass           # an article with no attribution at all: pass | fail\n"
    "\n"
    "# Named overlays for desks with other standards (--profile investigations):\n"
    "# profiles:\n"
    "#   investigations:\n"
    "#     markers: {anonymous: {weight: -12, level: error}}\n"
    "#     scoring: {fail_under: 60}\n";

static const char init_rule[] =
    "-- rules/example.lua - written by `credscore init`: a rule to copy and change.\n"
    "--\n"
    "-- A rule names a marker (`credscore config` lists them), a message, and one\n"
    "-- way of finding words: phrases (here), a regex or a check function.  Its\n"
    "-- examples are its tests: `credscore test rules/` scores each hit sentence,\n"
    "-- which must produce a finding of this rule, and each miss sentence, which\n"
    "-- must not.  docs/rules.md of the credscore sources documents every field.\n"
    "rule {\n"
    "  id = \"example-rumour\", marker = \"vague\", weight = -5,\n"
    "  message = \"A rumour is not a source: say who says it and how they know\",\n"
    "  phrases = { \"rumour has it\", \"rumor has it\", \"word on the street is\" },\n"
    "  -- a hit is cancelled when the same sentence names who confirmed it\n"
    "  unless = { \"confirmed by\" },\n"
    "  examples = {\n"
    "    hit = {\n"
    "      \"Rumour has it that the plant will close in May.\",\n"
    "      \"Word on the street is that the mayor will resign.\",\n"
    "    },\n"
    "    miss = {\n"
    "      \"The plant manager, Rui Costa, said it would close in May.\",\n"
    "      \"Rumour has it, and a letter confirmed by the owner shows, that the plant will close.\",\n"
    "    },\n"
    "  },\n"
    "}\n";

typedef struct init_file {
    const char *path;
    const char *text;
} init_file;

static const init_file init_files[] = {
    {"credscore.yaml", init_config},
    {"rules/example.lua", init_rule},
};
#define NFILES (sizeof init_files / sizeof init_files[0])

/* Create path with text, never over an existing file.  0, or -1 after a
 * message (the partial file removed). */
static int write_new(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST)
            cs_cli_errorf("init: %s already exists; not overwriting it", path);
        else
            cs_cli_errorf("init: %s: cannot create it: %s", path, strerror(errno));
        return -1;
    }
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t n = write(fd, text + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    int err = done < len ? errno : 0;
    if (close(fd) != 0 && err == 0)
        err = errno ? errno : EIO;
    if (done < len || err != 0) {
        cs_cli_errorf("init: %s: cannot write it: %s", path, strerror(err ? err : EIO));
        unlink(path);
        return -1;
    }
    return 0;
}

int cs_cmd_init(const cs_cli *cli)
{
    size_t written = 0;
    int made_dir = 0;
    if (cli->nargs > 0) {
        cs_cli_errorf("init takes no operands (it writes into the current folder)\n"
                      "Try 'credscore --help'.");
        return CS_EXIT_ERROR;
    }
    /* Refuse before writing anything when a file is in the way. */
    for (size_t i = 0; i < NFILES; i++) {
        struct stat st;
        if (lstat(init_files[i].path, &st) == 0) {
            cs_cli_errorf("init: %s already exists; not overwriting it (nothing was written)",
                          init_files[i].path);
            return CS_EXIT_ERROR;
        }
    }
    if (mkdir("rules", 0777) == 0) {
        made_dir = 1;
    } else if (errno != EEXIST) {
        cs_cli_errorf("init: rules: cannot make the folder: %s", strerror(errno));
        return CS_EXIT_ERROR;
    }
    for (; written < NFILES; written++)
        if (write_new(init_files[written].path, init_files[written].text) != 0)
            goto fail;
    for (size_t i = 0; i < NFILES; i++)
        printf("wrote %s\n", init_files[i].path);
    printf("next: credscore test rules/      run the example rule's tests\n"
           "      credscore config           the effective configuration\n"
           "      credscore score ARTICLE    score an article\n");
    return CS_EXIT_OK;
fail:
    for (size_t i = 0; i < written; i++) /* all or nothing */
        unlink(init_files[i].path);
    if (made_dir)
        rmdir("rules");
    return CS_EXIT_ERROR;
}
