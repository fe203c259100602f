# The two commands: `make run` and `make test`. Both install what is missing first.
JOBS ?= $(shell nproc)
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= vakkaart.db
# Seconds of fuzzing per target for `make fuzz` (the smoke run of `make test` takes 5).
FUZZ_SECONDS ?= 300

.PHONY: deps build run test test-asan fuzz bench format tidy clean screenshots

deps:
	@scripts/install-deps.sh

# The app, which the integration and browser tests drive; the unit tests are built and run in
# the sanitized build (`make test`, `make test-asan`), or locally with
# `cmake --build --preset default --target vakkaart_unit_tests`. `make bench` builds the
# benchmarks too (they take a third of a full build and no test needs them).
build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS) --target vakkaart_test_binaries

# Imports the bundled sources (a no-op when they are already stored), then serves.
run: build
	./build/vakkaart --db $(DB) import data/sources/*.txt
	./build/vakkaart --db $(DB) serve --host $(HOST) --port $(PORT)

# The default suite (integration, browser, lint), with the sanitized build compiling beside it,
# then the sanitized unit tests (on SQLite and PostgreSQL) and the fuzz smoke together
# (scripts/test_all.sh says why).
test: build
	@cmake --preset asan >/dev/null
	@scripts/test_all.sh $(JOBS)

# One clang build with AddressSanitizer + UndefinedBehaviorSanitizer serves two runs: the unit
# tests, and the fuzz targets (tests/fuzz) over their corpora plus 8 s of fuzzing each, in
# parallel (label fuzz; about 30 s on 2 cores).
test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target vakkaart_sanitized
	ctest --preset sanitized -j $(JOBS)

# Every page at 1366x768 and 390x844, whole, into screenshots/ (not committed), for a reviewer:
# the browser test that also checks each with axe-core and for sideways scrolling.
screenshots: build
	@mkdir -p screenshots
	@cd tests/e2e && VAKKAART_BIN=$(CURDIR)/build/vakkaart VAKKAART_ROOT=$(CURDIR) \
	  E2E_ARTIFACTS=$(CURDIR)/build/e2e-artifacts E2E_SCREENSHOTS=$(CURDIR)/screenshots \
	  bash run.sh --test-name-pattern='axe finds nothing serious'
	@echo "screenshots: $$(ls screenshots | wc -l) pages in screenshots/"

# Every fuzz target for FUZZ_SECONDS, JOBS at a time. New inputs collect in
# build-asan/fuzz-work/<target>/corpus; a crash leaves its input there and fails the run.
fuzz: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@mkdir -p build-asan/fuzz-work
	@FUZZ_WORK=$(CURDIR)/build-asan/fuzz-work xargs -P $(JOBS) -L 1 \
	  sh -c 'bash tests/fuzz/run_fuzzer.sh "$$2" "$$0" "$$1" $(FUZZ_SECONDS) \
	         > build-asan/fuzz-work/$$0.log 2>&1 && echo "fuzz $$0: ok" \
	         || { echo "fuzz $$0: FAILED (build-asan/fuzz-work/$$0.log)"; exit 1; }' \
	  < build-asan/tests/fuzz/targets.txt

# Each benchmark runs even when an earlier one misses a target (their exit status says so).
bench: build
	@cmake --build --preset default -j $(JOBS)
	-bench/run_import_bench.sh
	-bench/run_backend_import_bench.sh
	-build/bench/search_quality_bench
	-bench/run_search_bench.sh
	-bench/run_web_bench.sh
	-bench/run_backend_bench.sh
	-build/bench/function_coverage_bench
	-build/bench/function_export_bench
	-build/bench/function_history_bench
	-bench/run_analysis_bench.sh
	-bench/analysis_quality
	-build/bench/adversarial_input_bench

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

tidy: deps
	@cmake --preset tidy >/dev/null
	@cmake --build --preset tidy -j $(JOBS) --target vakkaart
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p build-tidy --quiet

clean:
	rm -rf build build-asan build-tidy
