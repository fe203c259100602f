#!/usr/bin/env bash
# Times `vakkaart --db X import` into SQLite and into PostgreSQL, side by side, for two corpora:
#   bundled   data/sources/*.txt (the real sources: a framework of profiles and a qualification)
#   bk-1000   the 1,000 generated BK pages of build/bench/import_bench (written to a folder with
#             $VAKKAART_BENCH_DUMP_DIR; see bench/import_bench.cpp)
# Each import goes into a new, empty database (an SQLite file; a database created in a throwaway
# cluster of scripts/pg_cluster.sh) and is timed as a whole command, as an operator runs it:
# process start, schema migrations, parsing, the one import transaction and the search index
# build that `import` ends with. The index is then deleted and `vakkaart search` timed while it
# rebuilds it: whole import minus that rebuild is what the backend's writes cost, where SQLite
# and PostgreSQL differ (the index is Xapian on local disk for both).
# Prints documents per second, whole and without the index (medians of $ROUNDS rounds).
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

# import_once CORPUS BACKEND ROUND: prints "documents import-seconds index-rebuild-seconds"
import_once() {
  local corpus="$1" backend="$2" round="$3" db name start end rebuilt index
  local -a files
  if [[ "${corpus}" == bundled ]]; then files=("${bundled_files[@]}"); else files=("${bk_files[@]}"); fi
  name="import_${corpus//-/_}_${round}"
  # A cache folder of its own: on PostgreSQL the index is the only thing in it.
  export XDG_CACHE_HOME="${tmp}/cache-${name}-${backend}"
  if [[ "${backend}" == sqlite ]]; then
    db="${tmp}/${name}.db"
    index="${db}.search"
  else
    index="${XDG_CACHE_HOME}/vakkaart"
    psql "${pg_url}" -qc "CREATE DATABASE ${name}" >/dev/null || fail_setup "CREATE DATABASE ${name} failed"
    db="${pg_url%/*}/${name}"
  fi
  start="$(date +%s.%N)"
  "${bin}" --db "${db}" import --json "${files[@]}" >"${tmp}/${name}-${backend}.json" \
    2>"${tmp}/${name}-${backend}.log" ||
    { tail -n 20 "${tmp}/${name}-${backend}.log" >&2; fail_setup "import of ${corpus} into ${backend} failed (log above)"; }
  end="$(date +%s.%N)"
  [[ -d "${index}" ]] || fail_setup "the import into ${backend} left no search index at ${index}"
  rm -rf "${index}"
  "${bin}" --db "${db}" search vrijwilligersbeleid --limit 1 >/dev/null 2>"${tmp}/${name}-${backend}-search.log" ||
    { cat "${tmp}/${name}-${backend}-search.log" >&2; fail_setup "search on ${backend} failed (log above)"; }
  rebuilt="$(date +%s.%N)"
  python3 - "${tmp}/${name}-${backend}.json" "${start}" "${end}" "${rebuilt}" <<'EOF' ||
import json
import sys

with open(sys.argv[1]) as f:
    report = json.load(f)
docs = [d for f in report["files"] for d in f["documents"]]
created = sum(1 for d in docs if d["outcome"] == "created")
if created != len(docs) or not docs:
    sys.exit(f"{len(docs)} documents, {created} created: the database was not empty")
start, end, rebuilt = (float(t) for t in sys.argv[2:5])
print(len(docs), end - start, rebuilt - end)
EOF
    fail_setup "the import report of ${corpus} into ${backend} is not what was expected"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "import benchmark: ${bin}, $(nproc) cores, ${rounds} round(s) per corpus and backend," \
  "each into a new database; PostgreSQL $(psql "${pg_url}" -Atc 'SHOW server_version' 2>/dev/null || echo '?')"
declare -A docs_of rate_of store_rate_of seconds_of index_of
for corpus in bundled bk-1000; do
  for backend in sqlite pg; do
    rates=""
    store_rates=""
    times=""
    index_times=""
    for ((round = 1; round <= rounds; round++)); do
      read -r docs seconds index_seconds < <(import_once "${corpus}" "${backend}" "${round}") || exit 2
      rate="$(awk -v d="${docs}" -v s="${seconds}" 'BEGIN { printf "%.1f", d / s }')"
      # Without the index: never below a millisecond, should the rebuild take longer.
      store_rate="$(awk -v d="${docs}" -v s="${seconds}" -v i="${index_seconds}" \
        'BEGIN { t = s - i; if (t < 0.001) t = 0.001; printf "%.1f", d / t }')"
      printf '  %-8s %-7s round %d: %5d documents in %7.3f s = %7.1f docs/s; index rebuild %6.3f s\n' \
        "${corpus}" "${backend}" "${round}" "${docs}" "${seconds}" "${rate}" "${index_seconds}"
      rates+="${rate}"$'\n'
      store_rates+="${store_rate}"$'\n'
      times+="${seconds}"$'\n'
      index_times+="${index_seconds}"$'\n'
      docs_of[${corpus}]="${docs}"
    done
    rate_of[${corpus}-${backend}]="$(printf '%s' "${rates}" | median)"
    store_rate_of[${corpus}-${backend}]="$(printf '%s' "${store_rates}" | median)"
    seconds_of[${corpus}-${backend}]="$(printf '%s' "${times}" | median)"
    index_of[${corpus}-${backend}]="$(printf '%s' "${index_times}" | median)"
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
echo
printf '%-30s %9s %15s %15s %9s\n' "docs/s (median)" documents SQLite PostgreSQL PG/SQLite
for corpus in bundled bk-1000; do
  if [[ "${corpus}" == bundled ]]; then label="bundled sources (${#bundled_files[@]} files)"; else label="1,000 generated BK pages"; fi
  printf '%-30s %9d %15.1f %15.1f %9s\n' "${label}" "${docs_of[${corpus}]}" \
    "${rate_of[${corpus}-sqlite]}" "${rate_of[${corpus}-pg]}" \
    "$(ratio "${rate_of[${corpus}-pg]}" "${rate_of[${corpus}-sqlite]}")"
  printf '%-30s %9s %15.1f %15.1f %9s\n' "  without the index build" "" \
    "${store_rate_of[${corpus}-sqlite]}" "${store_rate_of[${corpus}-pg]}" \
    "$(ratio "${store_rate_of[${corpus}-pg]}" "${store_rate_of[${corpus}-sqlite]}")"
  printf '%-30s %9s %15s %15s\n' "  seconds: import / index" "" \
    "$(printf '%.2f / %.2f' "${seconds_of[${corpus}-sqlite]}" "${index_of[${corpus}-sqlite]}")" \
    "$(printf '%.2f / %.2f' "${seconds_of[${corpus}-pg]}" "${index_of[${corpus}-pg]}")"
done
echo "  (the whole \`vakkaart import\` command into a new database; \"without the index build\": minus the" \
  "time \`vakkaart search\` takes to rebuild the deleted index; medians of ${rounds} round(s))"
exit 0
