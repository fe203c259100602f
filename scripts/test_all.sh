#!/usr/bin/env bash
# `make test` after the default build: the default suite, and meanwhile the sanitized build;
# then the sanitized unit tests and the fuzz smoke run in one ctest run.
#
# Why together: the default suite waits on servers, browsers and PostgreSQL about half of the
# time (measured on 2 cores: 182 s of wall time for about 220 s of CPU), so the clang ASan+UBSan
# build (about 220 s alone) compiles in those gaps. It runs at a lower priority (nice) so the
# tests keep their pace and their timeouts mean what they say. The sanitized unit tests (four
# gtest shards) and the ten fuzz targets then fill both cores in one ctest run instead of two.
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
