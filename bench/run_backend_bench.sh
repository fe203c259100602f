#!/usr/bin/env bash
# Benchmarks vakkaart's two store backends under HTTP load, side by side: TWO `vakkaart serve`
# on one PostgreSQL database against ONE on an SQLite file, with the same data.
#
# Starts a throwaway PostgreSQL cluster (scripts/pg_cluster.sh), imports data/sources/*.txt into
# it and into an SQLite file, makes a bench user (editor of the demo organisation) with an API
# token and $FUNCTIONS functions on a core profile in each database, and runs wrk twice per
# backend, one after the other:
#   read mix   $WRK_CONNECTIONS connections; profile, qualification, search and compare pages
#              and their API (bench/backend_read.lua); on PostgreSQL half the connections go to
#              each server (one wrk run, one latency distribution).
#   write mix  $WRITERS writers, each editing a function through POST /api/functions/ID/edits
#              with the version it last saw (bench/backend_write.lua); on PostgreSQL each
#              function has a writer on each server. A 409 is the version check and is counted
#              apart; afterwards the functions must have gained one version per saved edit (no
#              edit lost, none applied twice), give or take the edits still in flight when wrk
#              stopped (at most one per writer: saved, but their answers never counted).
# Every request carries the Bearer token, so no answer comes from the response cache.
# Prints requests/s, p50/p99, the answers that are neither 2xx nor 409 (target 0), the 409s,
# socket errors and timeouts (target 0) and each server's RSS before and after each mix, in one
# table.
# Exits 0 when the benchmark ran, whatever the figures; 2 on a setup failure.
#
# Environment (all optional):
#   VAKKAART_BIN      binary to run (default build/vakkaart; built with the default preset if missing)
#   DURATION          seconds per wrk run (60)
#   WARMUP            seconds of unmeasured read mix before each measured read mix (5; 0 = none):
#                     a server opens its pool's connections under the first load
#   WRK_CONNECTIONS   connections of the read mix (64)     WRK_THREADS  wrk threads, read mix (2)
#   WRITERS           writers of the write mix (10)        FUNCTIONS    functions edited (5)
#   WRK_TIMEOUT       seconds before wrk gives up on an answer and counts a timeout (10; wrk's
#                     own default of 2 s would count queueing under 64 connections as errors)
#   POOL_SIZE         passed as `serve --pool-size` to the PostgreSQL servers (server default)
#   SERVER_THREADS    passed as `serve --threads`
#   KEEP_TMP=1        keep the temporary directory (SQLite databases, logs, wrk outputs; the cluster goes)
set -euo pipefail
export LC_ALL=C

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

fail_setup() {
  echo "run_backend_bench.sh: setup failed: $*" >&2
  exit 2
}

scripts/install-deps.sh --bench || fail_setup "scripts/install-deps.sh --bench failed"

duration="${DURATION:-60}"
warmup="${WARMUP:-5}"
connections="${WRK_CONNECTIONS:-64}"
wrk_threads="${WRK_THREADS:-2}"
writers="${WRITERS:-10}"
function_count="${FUNCTIONS:-5}"
wrk_timeout="${WRK_TIMEOUT:-10}"

for tool in wrk curl awk python3; do
  command -v "${tool}" >/dev/null 2>&1 || fail_setup "${tool} not found (scripts/install-deps.sh --bench)"
done

# --- the binary -------------------------------------------------------------------------------
bin="${VAKKAART_BIN:-build/vakkaart}"
if [[ ! -x "${bin}" ]]; then
  [[ -n "${VAKKAART_BIN:-}" ]] && fail_setup "VAKKAART_BIN=${VAKKAART_BIN} is not an executable"
  echo "building ${bin} (cmake --preset default) ..."
  { cmake --preset default >/dev/null && cmake --build --preset default -j 2 --target vakkaart >/dev/null; } ||
    fail_setup "building vakkaart failed"
fi

# --- temporary directory and cleanup ----------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/backend_bench.XXXXXX")"
# Under root the cluster belongs to `postgres`, which must reach its folder inside this one.
chmod 755 "${tmp}"
cluster="${tmp}/pg"
# A command on PostgreSQL keeps its search index under $XDG_CACHE_HOME/vakkaart (one folder per
# database URL): in here, so that the throwaway databases leave none behind.
export XDG_CACHE_HOME="${tmp}/cache"
server_pids=()
wrk_pid=""

# shellcheck disable=SC2317  # stop_process and cleanup run from the EXIT trap
stop_process() { # pid: SIGTERM, then SIGKILL after 5 s
  local pid="$1" i
  kill -0 "${pid}" 2>/dev/null || return 0
  kill -TERM "${pid}" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true
}

# shellcheck disable=SC2317
cleanup() {
  local pid
  [[ -n "${wrk_pid}" ]] && stop_process "${wrk_pid}"
  for pid in "${server_pids[@]}"; do stop_process "${pid}"; done
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

rss_kb() { # pid: VmRSS in kB (0 when gone)
  awk '/^VmRSS:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/$1/status" 2>/dev/null || echo 0
}
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# --- databases --------------------------------------------------------------------------------
echo "starting a PostgreSQL cluster (scripts/pg_cluster.sh) ..."
pg_url="$(scripts/pg_cluster.sh start "${cluster}" 2>"${tmp}/pg_cluster.log" | tail -n 1)" ||
  { cat "${tmp}/pg_cluster.log" >&2; fail_setup "scripts/pg_cluster.sh start failed (log above)"; }
[[ "${pg_url}" == postgresql://* ]] || fail_setup "scripts/pg_cluster.sh printed '${pg_url}', not a URL"
sqlite_db="${tmp}/vakkaart.db"

bench_user="bench@vakkaart.local"
declare -A token
for backend in pg sqlite; do
  if [[ "${backend}" == pg ]]; then db="${pg_url}"; else db="${sqlite_db}"; fi
  "${bin}" --db "${db}" import data/sources/*.txt >"${tmp}/import-${backend}.log" 2>&1 ||
    { tail -n 20 "${tmp}/import-${backend}.log" >&2; fail_setup "import into ${backend} failed (log above)"; }
  "${bin}" --db "${db}" user add "${bench_user}" --org demo --role editor >"${tmp}/user-${backend}.log" 2>&1 ||
    { cat "${tmp}/user-${backend}.log" >&2; fail_setup "user add on ${backend} failed (log above)"; }
  token[${backend}]="$("${bin}" --db "${db}" token create "${bench_user}" --name bench 2>"${tmp}/token-${backend}.log")" ||
    { cat "${tmp}/token-${backend}.log" >&2; fail_setup "token create on ${backend} failed (log above)"; }
  [[ -n "${token[${backend}]}" ]] || fail_setup "token create on ${backend} printed no token"
done

# --- servers ----------------------------------------------------------------------------------
# start_server NAME DB [serve options...]: starts it, waits for /api/health; sets `authority`.
declare -A server_pid server_authority
start_server() {
  local name="$1" db="$2" i
  shift 2
  local args=(--db "${db}" serve --port 0 --search-per-minute 0)
  [[ -n "${SERVER_THREADS:-}" ]] && args+=(--threads "${SERVER_THREADS}")
  "${bin}" "${args[@]}" "$@" >"${tmp}/server-${name}.log" 2>&1 &
  server_pid[${name}]=$!
  server_pids+=($!)
  authority=""
  for ((i = 0; i < 600; i++)); do
    authority="$(sed -n 's#^vakkaart serving http://\([^/]*\)/.*#\1#p' "${tmp}/server-${name}.log" | head -n 1)"
    [[ -n "${authority}" ]] && break
    kill -0 "${server_pid[${name}]}" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "${authority}" ]] ||
    { tail -n 20 "${tmp}/server-${name}.log" >&2; fail_setup "server ${name} printed no address (log above)"; }
  for ((i = 0; ; i++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://${authority}/api/health" || true)" == 200 ]] && break
    ((i < 300)) || { tail -n 20 "${tmp}/server-${name}.log" >&2; fail_setup "server ${name}: /api/health did not answer 200"; }
    sleep 0.1
  done
  server_authority[${name}]="${authority}"
}

pg_options=()
[[ -n "${POOL_SIZE:-}" ]] && pg_options+=(--pool-size "${POOL_SIZE}")
# One after the other, each with its own index folder (built at start, from the store).
start_server pg-a "${pg_url}" --search-index "${tmp}/index-pg-a" "${pg_options[@]}"
start_server pg-b "${pg_url}" --search-index "${tmp}/index-pg-b" "${pg_options[@]}"
start_server sqlite "${sqlite_db}"

# api METHOD URL TOKEN [BODY]: prints the body; fails unless the status is 2xx.
api() {
  local method="$1" url="$2" auth="$3" body="${4:-}" out code
  out="$(mktemp "${tmp}/api.XXXXXX")"
  if [[ -n "${body}" ]]; then
    code="$(curl -sS -o "${out}" -w '%{http_code}' -X "${method}" -H "Authorization: Bearer ${auth}" \
      -H 'Content-Type: application/json' --data-binary "${body}" "${url}")" || code=000
  else
    code="$(curl -sS -o "${out}" -w '%{http_code}' -X "${method}" -H "Authorization: Bearer ${auth}" "${url}")" ||
      code=000
  fi
  if [[ "${code}" != 2* ]]; then
    echo "${method} ${url}: HTTP ${code}: $(head -c 500 "${out}")" >&2
    rm -f "${out}"
    return 1
  fi
  cat "${out}"
  rm -f "${out}"
}

json_field() { # PATH: reads JSON on stdin, prints the member at PATH ("function.id")
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[key]
print(value)' "$1"
}

# --- the read mix's paths ---------------------------------------------------------------------
# Same data in both databases: the paths come from the SQLite server and are checked on all.
sqlite_base="http://${server_authority[sqlite]}"
api GET "${sqlite_base}/api/profiles" "${token[sqlite]}" >"${tmp}/profiles.json" ||
  fail_setup "GET /api/profiles failed"
api GET "${sqlite_base}/api/qualifications" "${token[sqlite]}" >"${tmp}/qualifications.json" ||
  fail_setup "GET /api/qualifications failed"
python3 - "${tmp}/profiles.json" "${tmp}/qualifications.json" >"${tmp}/paths.txt" <<'EOF' ||
import json
import sys
import urllib.parse


def ids(path):
    with open(path) as f:
        data = json.load(f)
    # The list is either the document itself or its one array member.
    if isinstance(data, dict):
        data = next(v for v in data.values() if isinstance(v, list))
    return [item["id"] for item in data]


profiles = ids(sys.argv[1])
qualifications = ids(sys.argv[2])
if len(profiles) < 2 or not qualifications:
    sys.exit(f"need 2 profiles and a qualification, have {len(profiles)} and {len(qualifications)}")
terms = ["vrijwilligersbeleid", "begeleiden", '"sociale verkiezingen"', "netwerk*",
         "vorming", "overleg", "armoede", "dossier"]
items = profiles + qualifications
for i in range(8):
    p = profiles[i % len(profiles)]
    q = qualifications[i % len(qualifications)]
    term = urllib.parse.quote(terms[i % len(terms)])
    pair = f"item={items[i % len(items)]}&item={items[(i + 3) % len(items)]}"
    for path in (f"/profiles/{p}", f"/api/profiles/{p}", f"/qualifications/{q}",
                 f"/api/qualifications/{q}", f"/search?q={term}", f"/api/search?q={term}",
                 f"/compare?{pair}", f"/api/compare?{pair}"):
        print(path)
EOF
  fail_setup "could not make the read mix's paths"

# Every path must answer 200 on every server before the clock runs (the first search may wait
# for an index being built).
for name in pg-a pg-b sqlite; do
  auth="${token[pg]}"
  [[ "${name}" == sqlite ]] && auth="${token[sqlite]}"
  while read -r path; do
    for ((i = 0; ; i++)); do
      code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${auth}" \
        "http://${server_authority[${name}]}${path}" || true)"
      [[ "${code}" == 200 ]] && break
      ((i < 100)) || fail_setup "server ${name}: GET ${path} answered ${code}"
      sleep 0.1
    done
  done <"${tmp}/paths.txt"
done

# --- the functions the writers edit ------------------------------------------------------------
core_profile="$(head -n 1 "${tmp}/paths.txt" | sed 's#^/profiles/##')"
declare -A function_ids
for backend in pg sqlite; do
  base="http://${server_authority[sqlite]}"
  [[ "${backend}" == pg ]] && base="http://${server_authority[pg-a]}"
  function_ids[${backend}]=""
  for ((f = 1; f <= function_count; f++)); do
    body="{\"title\":\"Benchmark function ${f}\",\"core_profile\":\"${core_profile}\"}"
    id="$(api POST "${base}/api/functions" "${token[${backend}]}" "${body}" | json_field function.id)" ||
      fail_setup "creating a function on ${backend} failed"
    function_ids[${backend}]+="${id} "
  done
done
# A function made through one PostgreSQL server is there through the other.
for id in ${function_ids[pg]}; do
  api GET "http://${server_authority[pg-b]}/api/functions/${id}" "${token[pg]}" >/dev/null ||
    fail_setup "function ${id}, made through pg-a, is not found through pg-b"
done

# versions BACKEND: "id version" lines of its functions, as the store has them now.
versions() {
  local backend="$1" base="http://${server_authority[sqlite]}" id version
  [[ "${backend}" == pg ]] && base="http://${server_authority[pg-a]}"
  for id in ${function_ids[${backend}]}; do
    version="$(api GET "${base}/api/functions/${id}" "${token[${backend}]}" | json_field function.version)" ||
      fail_setup "reading function ${id} on ${backend} failed"
    echo "${id} ${version}"
  done
}

# --- wrk --------------------------------------------------------------------------------------
# run_wrk NAME SECONDS SCRIPT THREADS CONNECTIONS HOSTS TOKEN: writes ${tmp}/wrk-NAME.txt
run_wrk() {
  local name="$1" seconds="$2" script="$3" threads="$4" conns="$5" hosts="$6" auth="$7"
  local first="${hosts%%,*}"
  # In the background so that an INT/TERM trap runs at once (cleanup stops wrk too).
  BENCH_HOSTS="${hosts}" BENCH_TOKEN="${auth}" BENCH_PATHS="${tmp}/paths.txt" \
    BENCH_FUNCTIONS="${tmp}/functions-${name}.txt" \
    wrk -t"${threads}" -c"${conns}" -d"${seconds}s" --timeout "${wrk_timeout}s" --latency -s "${script}" "http://${first}/" \
    >"${tmp}/wrk-${name}.txt" 2>&1 &
  wrk_pid=$!
  wait "${wrk_pid}" || { cat "${tmp}/wrk-${name}.txt" >&2; fail_setup "wrk (${name}) failed"; }
  wrk_pid=""
  grep -q '^BENCH rps ' "${tmp}/wrk-${name}.txt" ||
    { cat "${tmp}/wrk-${name}.txt" >&2; fail_setup "wrk (${name}) printed no figures (above)"; }
}

figure() { # RUN KEY: a BENCH figure of a run
  awk -v key="$2" '$1 == "BENCH" && $2 == key { print $3 }' "${tmp}/wrk-$1.txt"
}

check_servers() {
  local name
  for name in pg-a pg-b sqlite; do
    kill -0 "${server_pid[${name}]}" 2>/dev/null ||
      { tail -n 20 "${tmp}/server-${name}.log" >&2; fail_setup "server ${name} exited during the run (log above)"; }
  done
}

pg_hosts="${server_authority[pg-a]},${server_authority[pg-b]}"
declare -A rss_before rss_after saved_check
echo "backend benchmark: ${bin}, $(nproc) cores, ${duration} s per run (read mix after ${warmup} s of warm-up);" \
  "read mix wrk -t${wrk_threads} -c${connections}, write mix ${writers} writers on ${function_count} functions"
echo "  PostgreSQL $(psql "${pg_url}" -Atc 'SHOW server_version' 2>/dev/null || echo '?'):" \
  "servers pg-a ${server_authority[pg-a]}, pg-b ${server_authority[pg-b]} (--pool-size ${POOL_SIZE:-default});" \
  "SQLite: ${server_authority[sqlite]}"

for mix in read write; do
  for backend in pg sqlite; do
    run="${mix}-${backend}"
    if [[ "${backend}" == pg ]]; then names=(pg-a pg-b) hosts="${pg_hosts}"; else names=(sqlite) hosts="${server_authority[sqlite]}"; fi
    for name in "${names[@]}"; do rss_before[${run}-${name}]="$(rss_kb "${server_pid[${name}]}")"; done
    if [[ "${mix}" == read ]]; then
      echo "  ${run}: ${connections} connections ..."
      if ((warmup > 0)); then
        run_wrk "${run}-warmup" "${warmup}" bench/backend_read.lua "${wrk_threads}" "${connections}" "${hosts}" "${token[${backend}]}"
      fi
      run_wrk "${run}" "${duration}" bench/backend_read.lua "${wrk_threads}" "${connections}" "${hosts}" "${token[${backend}]}"
    else
      versions "${backend}" >"${tmp}/functions-${run}.txt"
      echo "  ${run}: ${writers} writers ..."
      run_wrk "${run}" "${duration}" bench/backend_write.lua "${writers}" "${writers}" "${hosts}" "${token[${backend}]}"
      versions "${backend}" >"${tmp}/functions-${run}-after.txt"
      # Saved edits against versions gained: each 2xx made exactly one new version.
      gained="$(awk 'NR == FNR { v[$1] = $2; next } { sum += $2 - v[$1] } END { print sum + 0 }' \
        "${tmp}/functions-${run}.txt" "${tmp}/functions-${run}-after.txt")"
      saved_check[${run}]="${gained}"
    fi
    check_servers
    for name in "${names[@]}"; do rss_after[${run}-${name}]="$(rss_kb "${server_pid[${name}]}")"; done
  done
done

# --- report -----------------------------------------------------------------------------------
runs=(read-pg read-sqlite write-pg write-sqlite)
echo
printf '%-34s %14s %14s %14s %14s\n' "" "read: PG x2" "read: SQLite" "write: PG x2" "write: SQLite"
row() { # LABEL KEY [printf format]
  local label="$1" key="$2" format="${3:-%14s}" run
  printf '%-34s' "${label}"
  for run in "${runs[@]}"; do
    # shellcheck disable=SC2059  # the format is ours
    printf " ${format}" "$(figure "${run}" "${key}")"
  done
  echo
}
row "requests/s" rps "%14.0f"
row "p50 latency ms" p50_ms "%14.2f"
row "p99 latency ms" p99_ms "%14.2f"
row "requests" requests
row "2xx" status_2xx
row "non-2xx other than 409 (target 0)" status_other
row "409 conflicts (expected)" status_409
row "socket errors (target 0)" socket_errors
row "timeouts > ${wrk_timeout} s (target 0)" timeouts
row_versions() {
  local run
  printf '%-34s %14s %14s' "versions gained (saved edits)" "-" "-"
  for run in write-pg write-sqlite; do
    printf ' %14s' "${saved_check[${run}]} ($(figure "${run}" status_2xx))"
  done
  echo
}
row_versions
rss_row() { # LABEL SERVER RUN...
  local label="$1" name="$2" run
  shift 2
  printf '%-34s' "${label}"
  for run in "${runs[@]}"; do
    if [[ -n "${rss_before[${run}-${name}]:-}" ]]; then
      printf ' %14s' "$(mb "${rss_before[${run}-${name}]}")→$(mb "${rss_after[${run}-${name}]}")"
    else
      printf ' %14s' "-"
    fi
  done
  echo
}
rss_row "RSS MB before→after, pg-a" pg-a
rss_row "RSS MB before→after, pg-b" pg-b
rss_row "RSS MB before→after, sqlite" sqlite
echo "  (PG x2: one wrk run over both PostgreSQL servers, half the connections on each; RSS before" \
  "the mix and its warm-up, and after it; wrk's own output per run kept with KEEP_TMP=1)"

echo
failures=0
for run in "${runs[@]}"; do
  other="$(figure "${run}" status_other)"
  sockets="$(figure "${run}" socket_errors)"
  timeouts="$(figure "${run}" timeouts)"
  if ((other + sockets + timeouts > 0)); then
    echo "FAIL  ${run}: ${other} answers neither 2xx nor 409 ($(figure "${run}" statuses))," \
      "${sockets} socket errors, ${timeouts} timeouts"
    failures=$((failures + 1))
  fi
done
for run in write-pg write-sqlite; do
  saved="$(figure "${run}" status_2xx)"
  gained="${saved_check[${run}]}"
  # Edits in flight when wrk stopped are saved but uncounted: at most one per writer.
  if ((gained < saved || gained > saved + writers)); then
    echo "FAIL  ${run}: the functions gained ${gained} versions for ${saved} saved edits" \
      "(expected ${saved} to $((saved + writers)))"
    failures=$((failures + 1))
  fi
  unread="$(figure "${run}" unread_409)"
  ((${unread:-0} == 0)) || echo "NOTE  ${run}: ${unread} conflicts did not say the current version"
done
if ((failures == 0)); then
  echo "PASS  no errors apart from the expected 409s; one version per saved edit"
fi
exit 0
