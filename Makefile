# Khuyến Công — the two commands a newcomer needs:
#   make run    installs what is missing, builds, creates var/khuyencong.db with demo data,
#               and serves http://127.0.0.1:8080
#   make test   builds with sanitizers and runs every test (unit, API, browser, style)
SHELL := /bin/bash
.DEFAULT_GOAL := run

RELEASE_DIR := build/release
TEST_DIR    := build/debug
DB          ?= var/khuyencong.db
PORT        ?= 8080
WEB_SOURCES := $(shell find web/src -type f -not -path "web/src/shared/generated/*" 2>/dev/null) \
               web/index.html web/vite.config.ts web/package.json src/http/openapi.json

.PHONY: bench bench-quick bench-api bench-web bench-plan bench-reports bench-startup bench-search bench-load run test deps build build-test web web-deps check-style unit-tests api-tests pg-tests cluster-check e2e-tests clean build-fuzz fuzz fuzz-replay

deps:
	@scripts/install-deps

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web-deps: deps web/node_modules/.installed

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run --silent build
	@touch $@

web: web-deps web/dist/index.html

$(RELEASE_DIR)/build.ninja:
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(RELEASE_DIR)/build.ninja
	cmake --build $(RELEASE_DIR) --target khuyencong

run: build web
	@mkdir -p var
	@[ -f $(DB) ] || $(RELEASE_DIR)/khuyencong demo --db $(DB)
	$(RELEASE_DIR)/khuyencong serve --db $(DB) --port $(PORT) --web web/dist

$(TEST_DIR)/build.ninja:
	cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKC_SANITIZE=ON

build-test: deps $(TEST_DIR)/build.ninja
	cmake --build $(TEST_DIR)

check-style: web-deps
	scripts/check-format
	cd web && npm run --silent typecheck && npm run --silent lint && npm run --silent format:check

# Suites run two at a time: each has its own server and database, and they wait on their
# server more than they compute. The one that times answers during long work runs alone.
TIMED_SUITE := tests/api/longwork.test.mjs
API_SUITES  := $(filter-out $(TIMED_SUITE),$(wildcard tests/api/*.test.mjs))
NODE_TEST   := node --test --test-concurrency=2

unit-tests: build-test
	cd $(TEST_DIR) && ctest -j2 --output-on-failure

api-tests: build-test
	KC_BIN=$(abspath $(TEST_DIR))/khuyencong $(NODE_TEST) $(API_SUITES)
	KC_BIN=$(abspath $(TEST_DIR))/khuyencong node --test $(TIMED_SUITE)

e2e-tests: build-test web
	KC_BIN=$(abspath $(TEST_DIR))/khuyencong KC_WEB=$(abspath web/dist) node web/e2e/run.mjs

# The store and API suites again, against a throwaway PostgreSQL cluster.
pg-tests: build-test
	KC_BIN=$(abspath $(TEST_DIR))/khuyencong scripts/with-postgres bash -c \
	  'scripts/gtest-shards 2 $(TEST_DIR)/unit_tests --gtest_filter="Register*:Audit.*:Faults.*:DataVersion.*:VersionReaderTest.*:FacilityFree.*" \
	   && $(NODE_TEST) $(API_SUITES) && node --test $(TIMED_SUITE)'

# Two server processes and nginx over one PostgreSQL: a session follows the user across them.
cluster-check: build-test web
	KC_BIN=$(abspath $(TEST_DIR))/khuyencong scripts/cluster-demo --check

# libFuzzer targets (clang-16, ASan + UBSan) in their own build folder; see fuzz/README.md.
FUZZ_DIR     := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := csv xlsx xls json_body query text legacy

$(FUZZ_DIR)/build.ninja:
	CC=clang-16 CXX=clang++-16 cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKC_FUZZ=ON

build-fuzz: deps $(FUZZ_DIR)/build.ninja
	cmake --build $(FUZZ_DIR)

# Every seed corpus replayed: no crash, no leak, no sanitizer report (part of make test).
fuzz-replay: build-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  LSAN_OPTIONS=suppressions=$(abspath fuzz/lsan.supp) \
	    $(FUZZ_DIR)/fuzz_$$t -runs=0 fuzz/corpus/$$t >$(FUZZ_DIR)/replay-$$t.log 2>&1 \
	    || { cat $(FUZZ_DIR)/replay-$$t.log; exit 1; }; \
	  echo "fuzz-replay: $$t: $$(ls fuzz/corpus/$$t | wc -l) inputs, no finding"; \
	done

# Fuzzes each target for FUZZ_SECONDS (new inputs go to build/fuzz/corpus, not the repository).
fuzz: build-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  LSAN_OPTIONS=suppressions=$(abspath fuzz/lsan.supp) \
	    $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    $(FUZZ_DIR)/corpus/$$t fuzz/corpus/$$t 2>&1 | tail -n 12 || exit 1; \
	done

test: check-style unit-tests fuzz-replay api-tests pg-tests cluster-check e2e-tests

# Benchmarks (not part of make test): figures in docs/benchmarks.md.
bench-api: build
	scripts/with-postgres bench/run-api

bench-web: build web
	KC_BIN=$(abspath $(RELEASE_DIR))/khuyencong node web/bench/load.mjs

bench-plan:
	bench/run-plan

bench-reports:
	scripts/with-postgres bench/run-reports

# Start-up time and memory, against nginx started the same way.
bench-startup: build
	bench/startup.py $(RELEASE_DIR)/khuyencong

bench-search: build
	scripts/with-postgres bench/search.py $(RELEASE_DIR)/khuyencong

# Every benchmark in turn (under 30 minutes), then each part's time (bench/run-all).
bench: build web
	bench/run-all full

bench-load: build
	DURATION=$${DURATION:-300} scripts/with-postgres bench/run-load

# A short version of each benchmark (smaller data, shorter runs; under 5 minutes): to see that
# they all run, and which way a change moves them. The figures of record come from make bench.
bench-quick: build web
	bench/run-all quick

clean:
	rm -rf build web/dist
