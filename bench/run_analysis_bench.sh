#!/usr/bin/env bash
# Runs the analysis speed benchmark (build/bench/analysis_speed_bench; build it first with
# `cmake --build build -j2 --target analysis_speed_bench`): N texts (N=100000 unless set) of
# ~300 words recombined from the evaluation set, vakkaart on 1 and 2 threads and Xapian queried
# once per segment, then the scikit-learn TF-IDF baseline (bench/analysis_baseline.py) on
# BASELINE_N (20000) of the same texts on one core. Prints the tables, the ratios and PASS/FAIL
# per target (also written to $LOG, default build/bench/analysis_speed_bench.log); exits 0
# when every target is met, 1 otherwise. Builds nothing: SPEED_BENCH=..., VAKKAART=...,
# PYTHON=... override the binaries.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench="${SPEED_BENCH:-$(bench_binary analysis_speed_bench)}"
export VAKKAART="${VAKKAART:-build/vakkaart}"
python="${PYTHON:-/usr/bin/python3}"
log="${LOG:-build/bench/analysis_speed_bench.log}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

{
  "${bench}" --n "${N:-100000}" --jsonl "${work}/texts.jsonl" --result "${work}/speed.json" "$@"
  echo
  echo "scikit-learn baseline (TF-IDF + cosine, whole document, one core) on the same texts:"
  pin=()
  if command -v taskset > /dev/null; then pin=(taskset -c 0); fi
  "${pin[@]}" "${python}" bench/analysis_baseline.py --speed "${work}/texts.jsonl" \
    --limit "${BASELINE_N:-20000}" --vakkaart "${VAKKAART}" > "${work}/baseline.json"
  "${python}" - "${work}/speed.json" "${work}/baseline.json" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
print(f"  {b['texts']} texts in {b['seconds']:.2f} s: {b['texts_per_s']:.0f} texts/s, "
      f"peak RSS {b['peak_rss_mb']:.1f} MB")
print()
r2 = v["texts_per_s_2"] / b["texts_per_s"]
r1 = v["texts_per_s_1"] / b["texts_per_s"]
print(f"ratios: vakkaart 2 threads / sklearn {r2:.2f}x; vakkaart 1 thread / sklearn {r1:.2f}x; "
      f"xapian / sklearn {v['xapian_texts_per_s'] / b['texts_per_s']:.2f}x")
checks = [
    (v["texts_per_s_2"] >= 20000, f"≥ 20,000 texts/s on 2 threads ({v['texts_per_s_2']:.0f})"),
    (r2 >= 2, f"≥ 2× the scikit-learn baseline ({r2:.2f}×)"),
    (v["rss_growth"] < 0.10,
     f"memory flat: RSS growth {v['rss_growth'] * 100:+.1f}% from 10k to {v['texts']} texts "
     f"({v['rss_10k_mb']:.1f} → {v['rss_end_mb']:.1f} MB) < 10%"),
]
for ok, what in checks:
    print("PASS" if ok else "FAIL", what)
sys.exit(0 if all(ok for ok, _ in checks) else 1)
PY
} 2>&1 | tee "${log}"
exit "${PIPESTATUS[0]}"
