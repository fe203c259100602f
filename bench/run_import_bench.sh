#!/usr/bin/env bash
# Runs the import benchmark (build/bench/import_bench; build it first with
# `cmake --build build -j2 --target import_bench`) and checks the medians against the targets:
#   parsing AKOV qualifications   >= 50 MB/s
#   importing into SQLite         >= 500 documents/s
# Exits 0 when both targets are met, 1 otherwise.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench="$(bench_binary import_bench)"

json="$(mktemp "${TMPDIR:-/tmp}/import_bench.XXXXXX.json")"
trap 'rm -f "${json}"' EXIT

VAKKAART_SOURCES_DIR=data/sources "${bench}" \
  --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true \
  --benchmark_format=json >"${json}"

python3 - "${json}" <<'EOF'
import json
import sys

PARSE_TARGET_MB_S = 50.0
SQLITE_TARGET_DOCS_S = 500.0

with open(sys.argv[1]) as f:
    report = json.load(f)


def median(benchmark, field):
    for b in report["benchmarks"]:
        if b.get("run_name") == benchmark and b.get("aggregate_name") == "median":
            return b[field]
    sys.exit(f"run_import_bench.sh: no median for {benchmark} in the benchmark output")


parse_mb_s = median("BM_ParseAkovBk", "bytes_per_second") / 1e6
parse_docs_s = median("BM_ParseAkovBk", "items_per_second")
sqlite_docs_s = median("BM_ImportIntoSqlite/real_time", "items_per_second")

parse_ok = parse_mb_s >= PARSE_TARGET_MB_S
sqlite_ok = sqlite_docs_s >= SQLITE_TARGET_DOCS_S
verdict = lambda ok: "PASS" if ok else "FAIL"

print("import benchmark (median of 5 repetitions, 1000 generated qualifications)")
print(f"  parse akov-bk:      {parse_mb_s:8.1f} MB/s   ({parse_docs_s:.0f} docs/s)"
      f"   target >= {PARSE_TARGET_MB_S:.0f} MB/s     {verdict(parse_ok)}")
print(f"  import into SQLite: {sqlite_docs_s:8.1f} docs/s"
      f"   target >= {SQLITE_TARGET_DOCS_S:.0f} docs/s   {verdict(sqlite_ok)}")
print(f"overall: {verdict(parse_ok and sqlite_ok)}")
sys.exit(0 if parse_ok and sqlite_ok else 1)
EOF
