# credscore - build, test, install.
#
#   make            build build/credscore and the bundled plugins (build/plugins/)
#   make run        install missing Debian packages (as root), build, score the example
#   make test       install missing packages, build, run every test (prove, TAP)
#   make test-san   the same suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make check-layout  no #include or link cycle in the host, file size limits
#   make install    PREFIX=/usr/local DESTDIR=  (binary, rules, plugins, header, .pc, man page)
#   make deps       install missing Debian packages (root) or print the apt-get line
#   make fuzz       libFuzzer targets (clang), each run FUZZ_SECONDS (tests/fuzz/README.md)
#   make fuzz-regress  every fuzz target once over its seeds and regression inputs

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
DATADIR  ?= $(PREFIX)/share
INCDIR   ?= $(PREFIX)/include
MANDIR   ?= $(DATADIR)/man
DESTDIR  ?=

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
SAN      ?=
PKGS     := lua5.4 yaml-0.1 libpcre2-8 libcmark gumbo jansson libmicrohttpd
DEB_PKGS := gcc make pkg-config liblua5.4-dev libyaml-dev libpcre2-dev libcmark-dev \
            libgumbo-dev libjansson-dev libmicrohttpd-dev wordnet-base
# Test dependencies (make deps DEPS_FOR=test): CI fails, never skips, when one
# is missing.  libclang-rt-14-dev is clang's libFuzzer runtime (only a
# Recommends of clang); prove comes with perl; npm comes with the machine's
# Node.js or, when there is none, from Debian's npm; its SARIF validators and
# puppeteer-core (which drives chromium in tests/cli/79-playground.t) go into
# NPM_TOOLS.  python3-distributed is Dask's scheduler for
# tests/cli/64-dask.t (for Debian's /usr/bin/python3); bsdutils has script(1),
# the terminal of tests/cli/49-progress.t; python3-jsonschema and python3-yaml
# (also run as /usr/bin/python3) check docs/credscore.schema.json
# (tests/cli/46-init.t).  hey is the HTTP load generator of
# tests/cli/81-serve-load.t (and of make bench's serve section).
TEST_PKGS := jq curl valgrind libxml2-utils chromium clang libclang-rt-14-dev parallel git perl pre-commit \
             python3-distributed bsdutils python3-jsonschema python3-yaml hey
NPM_TOOLS := $(BUILD)/npm-tools

ifeq ($(SAN),1)
BUILD    := build-san
OPT      := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif

# Recursive (=) so pkg-config runs only when a recipe needs it, after `deps`.
# libmicrohttpd is compiled against but not linked: the server opens it with
# dlopen (host/src/serve/mhd_lib.h), so that no other command pays for
# loading it and the TLS libraries it links at every start.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(filter-out libmicrohttpd,$(PKGS)))
# host/src has one folder per stage (README "Architecture"); its headers are
# included by name, from every stage folder.
HOST_DIRS := $(patsubst %/,%,$(sort $(wildcard host/src/*/)))
CPPFLAGS  += -Ihost/include $(HOST_DIRS:%=-I%) -D_GNU_SOURCE \
             -DCS_DATADIR='"$(DATADIR)/credscore"' -DCS_LIBDIR='"$(LIBDIR)/credscore/plugins"'
# Plugins (bundled and test ones) are built against the public header only.
PLUGIN_CPPFLAGS := -Ihost/include -D_GNU_SOURCE
CFLAGS    += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter $(OPT)
# Header dependencies: each compile writes TARGET.d next to its output
# (-MMD -MP), included at the end of this file.
DEPFLAGS   = -MMD -MP -MF $@.d -MT $@
LDFLAGS   += $(OPT)

CORE_SRC  := $(filter-out host/src/cli/main.c,$(wildcard host/src/*/*.c))
# Files embedded in the binary as C arrays (generated into $(BUILD)/gen/):
# the playground page of `credscore serve`.
EMBED     := host/src/serve/playground.html
EMBED_SRC  = $(EMBED:host/src/%.html=$(BUILD)/gen/%_html.c)
CORE_OBJ  := $(CORE_SRC:host/src/%.c=$(BUILD)/obj/%.o) $(EMBED:host/src/%.html=$(BUILD)/gen/%_html.o)
MAIN_OBJ  := $(BUILD)/obj/cli/main.o
CORE_LIB  := $(BUILD)/libcredscore-core.a
BIN       := $(BUILD)/credscore

PLUGIN_DIRS := $(patsubst %/,%,$(dir $(wildcard plugins/*/Makefile.inc)))
PLUGIN_SOS  := $(PLUGIN_DIRS:plugins/%=$(BUILD)/plugins/%.so)

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_PLUGIN_SRC := $(wildcard tests/plugins/*.c)
TEST_PLUGIN_SOS := $(TEST_PLUGIN_SRC:tests/plugins/%.c=$(BUILD)/tests/plugins/%.so)

.PHONY: all run test check check-layout test-san test-valgrind golden install deps clean bench eval docs fuzz \
        fuzz-build fuzz-regress

# CLI tests that also run under valgrind (the browser and npm-tool ones are
# left out: they test outputs, not memory, and take minutes under memcheck;
# so is the fuzz one: its targets carry ASan).
VALGRIND_CLI := $(filter-out tests/cli/79-playground.t tests/cli/80-formats.t tests/cli/85-html.t \
                  tests/cli/60-install.t \
                  tests/cli/99-fuzz-regress.t,$(wildcard tests/cli/*.t))

all: $(BIN) $(PLUGIN_SOS)

$(BUILD)/obj/%.o: host/src/%.c $(BUILD)/obj/%.o.d
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

# An embedded file as `const char cs_NAME_html[]` (NUL-terminated) and
# `const size_t cs_NAME_html_len` (od is POSIX: no xxd needed).
$(BUILD)/gen/%_html.c: host/src/%.html
	@mkdir -p $(dir $@)
	@{ echo "/* generated by the Makefile from $<: do not edit */"; \
	  echo '#include <stddef.h>'; \
	  echo 'const char cs_$(notdir $*)_html[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo "const size_t cs_$(notdir $*)_html_len = $$(wc -c < $<);"; } > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/%_html.o: $(BUILD)/gen/%_html.c
	$(CC) $(CFLAGS) -c $< -o $@
.SECONDARY: $(EMBED_SRC)

$(CORE_LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(CORE_LIB)
	$(CC) $(LDFLAGS) -rdynamic -o $@ $^ $(PKG_LIBS) -ldl -lm -lpthread

.SECONDEXPANSION:

# Each bundled plugin: plugins/NAME/*.c -> $(BUILD)/plugin-obj/NAME/*.o ->
# $(BUILD)/plugins/NAME.so.  Plugins see the public header only
# (PLUGIN_CPPFLAGS: host/include, not host/src); a plugin's own rules and
# flags live in its plugins/NAME/Makefile.inc, included below.
plugin_objs = $(patsubst plugins/%.c,$(BUILD)/plugin-obj/%.o,$(wildcard plugins/$(1)/*.c))
$(BUILD)/plugin-obj/%.o: plugins/%.c
	@mkdir -p $(dir $@)
	$(CC) $(PLUGIN_CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(BUILD)/plugins/%.so: $$(call plugin_objs,$$*)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -fvisibility=hidden -shared -o $@ $(filter %.o,$^) $(LDFLAGS)

include $(wildcard plugins/*/Makefile.inc)

# Keep the plugin objects (make would delete them as intermediate files,
# and compile every plugin again next time).
.SECONDARY: $(foreach d,$(PLUGIN_DIRS),$(call plugin_objs,$(notdir $(d))))

$(BUILD)/tests/plugins/%.so: tests/plugins/%.c $(BUILD)/tests/plugins/%.so.d
	@mkdir -p $(dir $@)
	$(CC) $(PLUGIN_CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -fPIC -shared -o $@ $< $(LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(CORE_LIB) $(BUILD)/tests/%.d
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -Itests/unit -o $@ $< $(CORE_LIB) $(PKG_LIBS) -ldl -lm -lpthread

FOR_TEST := $(filter test check,$(DEPS_FOR))
deps:
	@missing=$$(for p in $(DEB_PKGS) $(if $(FOR_TEST),$(TEST_PKGS)); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done; \
	  $(if $(FOR_TEST),command -v npm >/dev/null 2>&1 || echo npm)); \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; \
	elif [ "$$(id -u)" = 0 ]; then echo "deps: installing" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "deps: missing packages; run: sudo apt-get install -y" $$missing; exit 2; fi
ifneq ($(FOR_TEST),)
	@if sh tests/tools/npm-tools.sh $(NPM_TOOLS); then \
	  echo "deps: SARIF validators and puppeteer-core in $(NPM_TOOLS)"; \
	elif [ "$${CI:-}" = true ]; then echo "deps: the npm test tools could not be installed"; exit 2; \
	else echo "deps: warning: the npm test tools could not be installed (offline?):" \
	  "tests/cli/80-formats.t and 79-playground.t will skip those checks"; fi
endif

run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	$(BIN) score examples/articles/harbour-fire.md; status=$$?; \
	  echo "(credscore exit status $$status: 0 passed, 1 below the threshold)"; [ $$status -le 1 ]

test:
	@$(MAKE) --no-print-directory deps DEPS_FOR=test
	@$(MAKE) --no-print-directory check

check: all $(UNIT_BIN) $(TEST_PLUGIN_SOS)
	BUILD=$(BUILD) NPM_TOOLS=$(NPM_TOOLS) prove -f $(UNIT_BIN) tests/cli/*.t tests/layout/*.t

# The host's structure (tests/layout/check-layout.sh): no #include or link
# cycle among its modules, no include of a later stage folder, no .c file
# over 800 lines, no command over 250.  Also run by `make check`
# (tests/layout/*.t).
check-layout: $(CORE_OBJ) $(MAIN_OBJ)
	BUILD=$(BUILD) sh tests/layout/check-layout.sh

test-san:
	@$(MAKE) --no-print-directory SAN=1 check

# The unit tests and every credscore run of the CLI tests under valgrind memcheck.
test-valgrind: all $(UNIT_BIN) $(TEST_PLUGIN_SOS)
	BUILD=$(BUILD) prove -f --exec 'valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite' $(UNIT_BIN)
	VALGRIND=1 BUILD=$(BUILD) prove -f $(VALGRIND_CLI)

# Detection quality on each labelled corpus of ../shared/corpus that is
# present (dev.jsonl, wikinews.jsonl) and of the blind sets written for the
# project (tests/fixtures/blind; CORPORA="a.jsonl b.jsonl" or CORPUS=one
# for others), each reported on its own, plus the detection fixtures' false
# alarms; rewrites docs/quality.md.
CORPORA ?= $(or $(CORPUS),../shared/corpus/dev.jsonl ../shared/corpus/wikinews.jsonl \
                         tests/fixtures/blind/tune.jsonl tests/fixtures/blind/holdout.jsonl \
                         tests/fixtures/blind/politics-tune.jsonl tests/fixtures/blind/politics-holdout.jsonl \
                         tests/fixtures/blind/wire-tune.jsonl tests/fixtures/blind/wire-holdout.jsonl)
eval: all
	@set -e; args=""; \
	for c in $(CORPORA); do \
	  if [ ! -f "$$c" ]; then echo "eval: $$c not found, skipped"; continue; fi; \
	  out=$(BUILD)/eval-$$(basename "$$c" .jsonl).txt; \
	  echo "== $$c"; $(BIN) eval --no-config "$$c" | tee "$$out"; \
	  args="$$args $$out $$c"; \
	done; \
	if [ -z "$$args" ]; then echo "eval: no corpus found (set CORPORA=...)"; exit 0; fi; \
	$(BIN) test tests/fixtures/detection > $(BUILD)/eval-fixtures.txt || true; \
	tail -n 1 $(BUILD)/eval-fixtures.txt; \
	sh tests/tools/quality-doc.sh $(BUILD)/eval-fixtures.txt $$args > docs/quality.md.tmp; \
	mv docs/quality.md.tmp docs/quality.md; echo "eval: docs/quality.md updated"

# Performance figures (tests/bench/run.sh): generates deterministic corpora,
# measures throughput, latency, memory, rule-count cost, textlint (npm,
# installed into $(BUILD)/bench/textlint) and a perf profile; raw figures in
# $(BUILD)/bench/results.txt, docs/performance.md rewritten.
BENCH_TOOLS := $(BUILD)/bench/gen_corpus $(BUILD)/bench/gen_real $(BUILD)/bench/benchtool
bench: all $(BENCH_TOOLS)
	BUILD=$(BUILD) CC='$(CC)' OPT='$(OPT)' sh tests/bench/run.sh

$(BUILD)/bench/%: tests/bench/%.c tests/bench/gen_util.h
	@mkdir -p $(dir $@)
	$(CC) -D_GNU_SOURCE $(CFLAGS) -o $@ $<

# Rewrite the golden reports in tests/golden/ after an intended change.
golden: all
	UPDATE_GOLDEN=1 BUILD=$(BUILD) prove tests/cli/15-golden.t

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/credscore/plugins \
	  $(DESTDIR)$(DATADIR)/credscore/rules $(DESTDIR)$(INCDIR)/credscore \
	  $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/credscore
	install -m 644 $(PLUGIN_SOS) $(DESTDIR)$(LIBDIR)/credscore/plugins/
	install -m 644 rules/*.lua $(DESTDIR)$(DATADIR)/credscore/rules/
	install -m 644 host/include/credscore/plugin.h $(DESTDIR)$(INCDIR)/credscore/
	install -m 644 docs/credscore.1 $(DESTDIR)$(MANDIR)/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@INCDIR@|$(INCDIR)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	  host/credscore.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/credscore.pc

clean:
	rm -rf build build-san build-fuzz

# ---- fuzzing (clang + libFuzzer; tests/fuzz/README.md) ----
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="html jsonl"] [FUZZ_ARGS=...]
#       builds $(FUZZ_BUILD)/fuzz_<target> and runs each target in turn for
#       FUZZ_SECONDS on a scratch corpus $(FUZZ_BUILD)/corpus/<target>
#       (seeded from tests/fuzz/seeds/<target>, kept between runs); crashes
#       land in $(FUZZ_BUILD)/artifacts/<target>/, the log in
#       $(FUZZ_BUILD)/logs/<target>.log.  The repository is never written.
#   make fuzz-regress
#       runs every target once over tests/fuzz/seeds/<target>/* and
#       tests/fuzz/regressions/<target>/* (no fuzzing); fails on any crash.
#
# The host sources are compiled again with clang, instrumented for
# libFuzzer, ASan and UBSan (no gcc objects, no static library).
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= $(BUILD)-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= text markdown html config jsonl phrases
FUZZ_ARGS    ?= -rss_limit_mb=2048 -timeout=10 -max_len=65536
FUZZ_OPT     := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                -Wno-unused-parameter $(FUZZ_OPT)
FUZZ_OBJ     := $(CORE_SRC:host/src/%.c=$(FUZZ_BUILD)/obj/%.o) \
                $(EMBED:host/src/%.html=$(FUZZ_BUILD)/gen/%_html.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_BUILD)/obj/%.o: host/src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/gen/%_html.o: $(BUILD)/gen/%_html.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) $(DEPFLAGS) -Itests/fuzz \
	  -DFUZZ_RULES_DIR='"$(CURDIR)/rules"' -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) \
	  $(PKG_LIBS) -ldl -lm -lpthread

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_SECONDS=$(FUZZ_SECONDS) \
	  FUZZ_ARGS="$(FUZZ_ARGS)" sh tests/fuzz/run.sh fuzz

fuzz-regress: $(FUZZ_BINS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_ARGS="$(FUZZ_ARGS)" \
	  sh tests/fuzz/run.sh regress

# Header dependencies written by the compiles (DEPFLAGS).  Each rule above
# also names its depfile: one that is missing (a target built by an older
# Makefile, before depfiles) is "made" by the empty rule below, so the
# target is built again and gets one.
# (Listed by name: a depfile found only through a pattern would be an
# intermediate file, and a missing one of those rebuilds nothing.)
DEP_FILES := $(CORE_OBJ:=.d) $(MAIN_OBJ:=.d) $(TEST_PLUGIN_SOS:=.d) $(UNIT_BIN:=.d)
$(DEP_FILES): ;
-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/plugin-obj/*/*.d $(BUILD)/gen/*/*.d \
                    $(BUILD)/tests/*.d $(BUILD)/tests/plugins/*.d $(FUZZ_BUILD)/obj/*/*.d \
                    $(FUZZ_BUILD)/*.d)
