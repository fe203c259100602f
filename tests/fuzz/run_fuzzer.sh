#!/usr/bin/env bash
# Runs one libFuzzer target over its seed corpus, then fuzzes for a while.
#   run_fuzzer.sh <binary> <name> <max_len> <seconds>
# New inputs go to $FUZZ_WORK/<name>/corpus (never into the repository); a crash leaves its
# input in $FUZZ_WORK/<name>/ and fails the run. -timeout=1: more than a second for one input
# is a finding (the parsers must be linear), as is a leak or an RSS above 2 GB.
set -euo pipefail
bin=$1 name=$2 max_len=$3 seconds=$4
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-/tmp/vakkaart-fuzz}/$name
mkdir -p "$work/corpus"
args=(-max_len="$max_len" -timeout=1 -rss_limit_mb=2048 -max_total_time="$seconds"
      -print_final_stats=1 -artifact_prefix="$work/")
if [[ -f $here/dict/$name.dict ]]; then args+=(-dict="$here/dict/$name.dict"); fi
# Sanitizer findings abort with a report; UBSan's are fatal in this build.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$bin" "${args[@]}" "$work/corpus" "$here/corpus/$name"
