#!/usr/bin/env bash
# Runs one libFuzzer target over its seed corpus, then fuzzes for a while.
#   run_fuzzer.sh <binary> <name> <max_len> <seconds>
# New inputs go to $FUZZ_WORK/<name>/corpus (never into the repository); a crash leaves its
# input in $FUZZ_WORK/<name>/ and fails the run. A leak or an RSS above 2 GB is a finding, and so
# is one input taking longer than FUZZ_TIMEOUT seconds (default 1: the parsers must be linear).
# FUZZ_SEED fixes libFuzzer's random seed, so a run repeats the same inputs in the same order:
# the smoke run of `make test` uses it, so that what passes here passes in CI (a slower machine
# runs a prefix of the same sequence in its time budget).
set -euo pipefail
bin=$1 name=$2 max_len=$3 seconds=$4
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-/tmp/vakkaart-fuzz}/$name
mkdir -p "$work/corpus"
args=(-max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-1}" -rss_limit_mb=2048 -max_total_time="$seconds"
      -print_final_stats=1 -artifact_prefix="$work/")
if [[ -n ${FUZZ_SEED:-} ]]; then args+=(-seed="$FUZZ_SEED"); fi
if [[ -f $here/dict/$name.dict ]]; then args+=(-dict="$here/dict/$name.dict"); fi
# Sanitizer findings abort with a report; UBSan's are fatal in this build.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Extra seed folders of this target (seed_dirs.txt): real inputs kept elsewhere in the tests.
seeds=("$here/corpus/$name")
while read -r target dir; do
  if [[ $target == "$name" ]]; then seeds+=("$here/../../$dir"); fi
done < <(grep -v '^#' "$here/seed_dirs.txt")
exec "$bin" "${args[@]}" "$work/corpus" "${seeds[@]}"
