#!/usr/bin/env bash
# `make test` after the default build: the default suite, and meanwhile the sanitized build;
# then the sanitized unit tests and the fuzz smoke run in one ctest run.
#
# Why together: the default suite waits on servers, browsers and PostgreSQL part of the time, so
# the clang ASan+UBSan build compiles in those gaps. It runs at a lower priority (nice) so the
# tests keep their pace and their timeouts mean what they say; on 2 cores the suite leaves it
# little (2026-12-07: the suite 423 s, the sanitized build done 240 s after it), so most of it
# runs after the suite. The sanitized unit tests (four gtest shards, and two more of the
# store-touching ones on PostgreSQL) and the fuzz targets then fill both cores in one ctest run
# instead of two.
#
# The unit tests run here only. Until 2026-12-07 the default build compiled and ran them as well:
# the same tests again at -O2 with gcc, 164 s more of that build (alone, 2 cores, nothing cached)
# and 166 s of ctest time (per-test processes; the PostgreSQL ones 94 s). Here the PostgreSQL
# shards take 85 s of ctest time and this stage 208 s instead of 166 s.
#
# Build cost, 2 cores, nothing cached (2026-12-07): the unity batch of 40 files (CMakePresets)
# instead of 16 took the sanitized build from 307 s to 261 s alone and the default one from
# 209 s to 196 s: fewer translation units instantiate the same header templates fewer times.
# The unit tests keep batches of 12 (tests/CMakeLists.txt): in a batch of 40 their first one was
# the last and longest step, one core idle beside it; with 12, 239 s and 178 s.
# Tried and dropped: -O0 for the sanitized build (150 s to build, but its unit tests ran twice
# as long, 100 s -> 203 s) and -O0 for the test sources only (tests 66 s -> 117 s). Tried again
# on 2026-12-07 with the PostgreSQL shards: the build alone 259 s at -O0 (one unity file 92 s
# -> 50 s), but a PostgreSQL shard took 143 s instead of 52 s (nlohmann::json at -O0).
# Where the time goes (clean clone, 2 cores, 2026-12-07: 1,488 s): the app's build about
# 250 s; the default suite 548 s, both cores busy, so the sanitized build gets little beside
# it and needs 484 s more alone; then this stage 206 s.
#
#   scripts/test_all.sh [JOBS]
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-$(nproc)}

mkdir -p build-asan
log=build-asan/sanitized-build.log
started=$(date +%s)
nice -n 15 cmake --build --preset asan -j "$jobs" --target vakkaart_sanitized >"$log" 2>&1 &
build_pid=$!

status=0
ctest --preset default -j "$jobs" || status=1

if ! wait "$build_pid"; then
  tail -n 80 "$log"
  echo "make test: the sanitized build failed (whole log: $log)" >&2
  exit 1
fi
echo "make test: sanitized build ready ($(( $(date +%s) - started )) s after it started, beside the default suite)"

ctest --preset sanitized -j "$jobs" || status=1
exit "$status"
