#!/usr/bin/env bash
# Runs the search speed benchmark (build/bench/search_speed_bench; build it first with
# `cmake --build build -j2 --target search_speed_bench`): vakkaart against SQLite FTS5 on
# N synthetic statements (N=1000000 unless set) and 1,000 fixed queries. Prints a table, the
# ratios and PASS/FAIL per target (also written to $LOG, default build/bench/search_speed_bench.log);
# exits 0 when every target is met, 1 otherwise.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench="$(bench_binary search_speed_bench)"

log="${LOG:-build/bench/search_speed_bench.log}"
"${bench}" --n "${N:-1000000}" "$@" | tee "${log}"
