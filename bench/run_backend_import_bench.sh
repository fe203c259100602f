#!/usr/bin/env bash
# Times `vakkaart --db X import` into SQLite and into PostgreSQL, side by side, for two corpora:
#   bundled   data/sources/*.txt (the real sources: a framework of profiles and a qualification)
#   bk-1000   the 1,000 generated BK pages of build/bench/import_bench (written to a folder with
#             $VAKKAART_BENCH_DUMP_DIR; see bench/import_bench.cpp)
# Each import goes into a new, empty database (an SQLite file; a database created in a throwaway
# cluster of scripts/pg_cluster.sh) and is timed as a whole command, as an operator runs it:
# process start, schema migrations, parsing, the one import transaction and the search index
# refresh that `import` does. Prints documents per second (the median of $ROUNDS rounds).
# Exits 0 when the benchmark ran; 2 on a setup failure.
#
# Environment (all optional):
#   VAKKAART_BIN   binary to run (default build/vakkaart)
#   ROUNDS         imports per corpus and backend, median taken (3)
#   KEEP_TMP=1     keep the temporary directory (SQLite databases, import reports; the cluster goes)
set -euo pipefail
export LC_ALL=C

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

fail_setup() {
  echo "run_backend_import_bench.sh: setup failed: $*" >&2
  exit 2
}

rounds="${ROUNDS:-3}"
bin="${VAKKAART_BIN:-build/vakkaart}"
[[ -x "${bin}" ]] || fail_setup "${bin} is not an executable (build it: cmake --build --preset default --target vakkaart)"
generator="$(bench_binary import_bench)"
for tool in psql python3; do
  command -v "${tool}" >/dev/null 2>&1 || fail_setup "${tool} not found (scripts/install-deps.sh)"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/backend_import_bench.XXXXXX")"
# Under root the cluster belongs to `postgres`, which must reach its folder inside this one.
chmod 755 "${tmp}"
cluster="${tmp}/pg"
# A command on PostgreSQL keeps its search index under $XDG_CACHE_HOME/vakkaart (one folder per
# database URL): in here, so that the throwaway databases leave none behind.
export XDG_CACHE_HOME="${tmp}/cache"

# shellcheck disable=SC2317  # runs from the EXIT trap
cleanup() {
  # The cluster goes whatever KEEP_TMP says: its server would outlive the script.
  [[ -d "${cluster}" ]] && scripts/pg_cluster.sh stop "${cluster}" || true
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "kept ${tmp}" >&2
  else
    rm -rf "${tmp}"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the corpora ------------------------------------------------------------------------------
# A filter that matches no benchmark: the generator only writes (and checks) its documents.
VAKKAART_SOURCES_DIR=data/sources VAKKAART_BENCH_DUMP_DIR="${tmp}/bk-1000" \
  "${generator}" --benchmark_filter='^none$' >"${tmp}/generate.log" 2>&1 ||
  { cat "${tmp}/generate.log" >&2; fail_setup "${generator} could not write the BK pages (log above)"; }
bk_files=("${tmp}"/bk-1000/*.txt)
((${#bk_files[@]} == 1000)) || fail_setup "${generator} wrote ${#bk_files[@]} BK pages, not 1000"
bundled_files=(data/sources/*.txt)

echo "starting a PostgreSQL cluster (scripts/pg_cluster.sh) ..."
pg_url="$(scripts/pg_cluster.sh start "${cluster}" 2>"${tmp}/pg_cluster.log" | tail -n 1)" ||
  { cat "${tmp}/pg_cluster.log" >&2; fail_setup "scripts/pg_cluster.sh start failed (log above)"; }
[[ "${pg_url}" == postgresql://* ]] || fail_setup "scripts/pg_cluster.sh printed '${pg_url}', not a URL"

# import_once CORPUS BACKEND ROUND: prints "documents seconds"
import_once() {
  local corpus="$1" backend="$2" round="$3" db name start end
  local -a files
  if [[ "${corpus}" == bundled ]]; then files=("${bundled_files[@]}"); else files=("${bk_files[@]}"); fi
  name="import_${corpus//-/_}_${round}"
  if [[ "${backend}" == sqlite ]]; then
    db="${tmp}/${name}.db"
  else
    psql "${pg_url}" -qc "CREATE DATABASE ${name}" >/dev/null || fail_setup "CREATE DATABASE ${name} failed"
    db="${pg_url%/*}/${name}"
  fi
  start="$(date +%s.%N)"
  "${bin}" --db "${db}" import --json "${files[@]}" >"${tmp}/${name}-${backend}.json" \
    2>"${tmp}/${name}-${backend}.log" ||
    { tail -n 20 "${tmp}/${name}-${backend}.log" >&2; fail_setup "import of ${corpus} into ${backend} failed (log above)"; }
  end="$(date +%s.%N)"
  python3 - "${tmp}/${name}-${backend}.json" "${start}" "${end}" <<'EOF' ||
import json
import sys

with open(sys.argv[1]) as f:
    report = json.load(f)
docs = [d for f in report["files"] for d in f["documents"]]
created = sum(1 for d in docs if d["outcome"] == "created")
if created != len(docs) or not docs:
    sys.exit(f"{len(docs)} documents, {created} created: the database was not empty")
print(len(docs), float(sys.argv[3]) - float(sys.argv[2]))
EOF
    fail_setup "the import report of ${corpus} into ${backend} is not what was expected"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "import benchmark: ${bin}, $(nproc) cores, ${rounds} round(s) per corpus and backend," \
  "each into a new database; PostgreSQL $(psql "${pg_url}" -Atc 'SHOW server_version' 2>/dev/null || echo '?')"
declare -A docs_of rate_of seconds_of
for corpus in bundled bk-1000; do
  for backend in sqlite pg; do
    rates=""
    times=""
    for ((round = 1; round <= rounds; round++)); do
      read -r docs seconds < <(import_once "${corpus}" "${backend}" "${round}") || exit 2
      rate="$(awk -v d="${docs}" -v s="${seconds}" 'BEGIN { printf "%.1f", d / s }')"
      printf '  %-8s %-7s round %d: %5d documents in %7.3f s = %8.1f docs/s\n' \
        "${corpus}" "${backend}" "${round}" "${docs}" "${seconds}" "${rate}"
      rates+="${rate}"$'\n'
      times+="${seconds}"$'\n'
      docs_of[${corpus}]="${docs}"
    done
    rate_of[${corpus}-${backend}]="$(printf '%s' "${rates}" | median)"
    seconds_of[${corpus}-${backend}]="$(printf '%s' "${times}" | median)"
  done
done

echo
printf '%-34s %9s %16s %16s %10s\n' corpus documents "SQLite docs/s" "PostgreSQL docs/s" "PG/SQLite"
for corpus in bundled bk-1000; do
  if [[ "${corpus}" == bundled ]]; then label="bundled sources (${#bundled_files[@]} files)"; else label="1,000 generated BK pages"; fi
  sqlite_rate="${rate_of[${corpus}-sqlite]}"
  pg_rate="${rate_of[${corpus}-pg]}"
  printf '%-34s %9d %16.1f %16.1f %10.2f\n' "${label}" "${docs_of[${corpus}]}" "${sqlite_rate}" "${pg_rate}" \
    "$(awk -v a="${pg_rate}" -v b="${sqlite_rate}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')"
done
echo "  (medians of ${rounds} round(s); seconds: bundled $(printf '%.3f' "${seconds_of[bundled-sqlite]}") SQLite /" \
  "$(printf '%.3f' "${seconds_of[bundled-pg]}") PostgreSQL, bk-1000 $(printf '%.3f' "${seconds_of[bk-1000-sqlite]}") SQLite /" \
  "$(printf '%.3f' "${seconds_of[bk-1000-pg]}") PostgreSQL; the whole command, index refresh included)"
exit 0
