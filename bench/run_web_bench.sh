#!/usr/bin/env bash
# Benchmarks vakkaart's HTTP server against nginx serving the very same bytes, side by side.
#
# Imports data/sources/*.txt into a temporary database, starts `vakkaart serve --port 0` on it,
# saves each measured route's response body into a temporary nginx root (same Content-Type), and
# runs `wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION --latency` against vakkaart and nginx,
# route after route, $ROUNDS times (medians are reported). Samples vakkaart's RSS throughout.
# Prints a table and PASS/FAIL per target:
#   API route req/s >= 0.5 x nginx;  p99 <= 20 ms on every vakkaart route;  zero errors
#   (non-2xx/3xx responses and socket errors);  RSS growth after warm-up <= 10% ("memory flat").
# Exits 0 when the benchmark ran, whatever the numbers (they are for people to read); exits 2 on
# a setup failure (no binary, import failed, a server did not start, ...).
#
# Environment (all optional):
#   VAKKAART_BIN     binary to run (default build/vakkaart; built with the default preset if missing)
#   DURATION         seconds per wrk run (30)          ROUNDS       repetitions, median taken (1)
#   WARMUP           seconds of unmeasured load per route before measuring (2; 0 = none)
#   WRK_THREADS (2)  WRK_CONNECTIONS (64)              SERVER_THREADS  passed as `serve --threads`
#   API_ROUTE        (/api/profiles/gemeenschapswerker)
#   PAGE_ROUTE       (/profiles/gemeenschapswerker)
#   SEARCH_ROUTE     (/api/search?q=vrijwilligersbeleid)
#   KEEP_TMP=1       keep the temporary directory (database, logs, nginx config, wrk outputs)
set -euo pipefail
export LC_ALL=C

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
scripts/install-deps.sh --bench

duration="${DURATION:-30}"
rounds="${ROUNDS:-1}"
warmup="${WARMUP:-2}"
wrk_threads="${WRK_THREADS:-2}"
wrk_connections="${WRK_CONNECTIONS:-64}"

route_names=(api page search)
route_paths=(
  "${API_ROUTE:-/api/profiles/gemeenschapswerker}"
  "${PAGE_ROUTE:-/profiles/gemeenschapswerker}"
  "${SEARCH_ROUTE:-/api/search?q=vrijwilligersbeleid}"
)

RATIO_TARGET=0.5   # API route: vakkaart req/s over nginx req/s
P99_TARGET_MS=20   # every vakkaart route
RSS_GROWTH_MAX=10  # percent, from after the warm-up to the end of the run

fail_setup() {
  echo "run_web_bench.sh: setup failed: $*" >&2
  exit 2
}

for tool in wrk nginx curl awk python3; do
  command -v "${tool}" >/dev/null 2>&1 || fail_setup "${tool} not found (scripts/install-deps.sh --bench)"
done

# --- the binary -------------------------------------------------------------------------------
bin="${VAKKAART_BIN:-build/vakkaart}"
if [[ ! -x "${bin}" ]]; then
  [[ -n "${VAKKAART_BIN:-}" ]] && fail_setup "VAKKAART_BIN=${VAKKAART_BIN} is not an executable"
  echo "building ${bin} (cmake --preset default) ..."
  { cmake --preset default >/dev/null && cmake --build --preset default -j "$(nproc)" --target vakkaart >/dev/null; } ||
    fail_setup "building vakkaart failed"
fi

# --- temporary directory and cleanup ----------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/web_bench.XXXXXX")"
# nginx workers may run as another user when the master runs as root: they must read the bodies.
chmod 755 "${tmp}"
server_pid=""
nginx_pid=""
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
  [[ -n "${wrk_pid}" ]] && stop_process "${wrk_pid}"
  [[ -n "${nginx_pid}" ]] && stop_process "${nginx_pid}"
  [[ -n "${server_pid}" ]] && stop_process "${server_pid}"
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "kept ${tmp}" >&2
  else
    rm -rf "${tmp}"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

rss_kb() { # VmRSS of the server in kB (0 when gone)
  awk '/^VmRSS:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/${server_pid}/status" 2>/dev/null || echo 0
}

hwm_kb() {
  awk '/^VmHWM:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/${server_pid}/status" 2>/dev/null || echo 0
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# --- import and serve -------------------------------------------------------------------------
"${bin}" --db "${tmp}/v.db" import data/sources/*.txt >"${tmp}/import.log" 2>&1 ||
  { tail -n 20 "${tmp}/import.log" >&2; fail_setup "import failed (log above)"; }

serve_args=(--db "${tmp}/v.db" serve --port 0)
[[ -n "${SERVER_THREADS:-}" ]] && serve_args+=(--threads "${SERVER_THREADS}")
"${bin}" "${serve_args[@]}" >"${tmp}/server.log" 2>&1 &
server_pid=$!

authority=""
for ((i = 0; i < 100; i++)); do
  authority="$(sed -n 's#^vakkaart serving http://\([^/]*\)/.*#\1#p' "${tmp}/server.log" | head -n 1)"
  [[ -n "${authority}" ]] && break
  kill -0 "${server_pid}" 2>/dev/null || break
  sleep 0.1
done
[[ -n "${authority}" ]] || { cat "${tmp}/server.log" >&2; fail_setup "vakkaart serve printed no address (log above)"; }
vakkaart_base="http://${authority}"

for ((i = 0; ; i++)); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "${vakkaart_base}/api/health" || true)" == 200 ]] && break
  ((i < 100)) || { cat "${tmp}/server.log" >&2; fail_setup "${vakkaart_base}/api/health did not answer 200"; }
  sleep 0.1
done

# --- the bodies nginx serves ------------------------------------------------------------------
# route_state[i]: ok | "page route not available yet" | "HTTP <code>, not measured"
route_state=()
route_type=()
mkdir -p "${tmp}/nginx/root" "${tmp}/nginx/temp"
for i in "${!route_names[@]}"; do
  meta="$(curl -sS -o "${tmp}/nginx/root/r${i}.body" -w '%{http_code}\t%{content_type}' \
    "${vakkaart_base}${route_paths[i]}")" || fail_setup "curl ${vakkaart_base}${route_paths[i]} failed"
  code="${meta%%$'\t'*}"
  route_type[i]="${meta#*$'\t'}"
  if [[ "${code}" == 200 ]]; then
    route_state[i]=ok
  elif [[ "${route_names[i]}" == page && "${code}" == 404 ]]; then
    route_state[i]="page route not available yet"
  else
    route_state[i]="HTTP ${code}, not measured"
  fi
done

# --- nginx: one location per route, each serving its saved body with vakkaart's Content-Type --
nginx_port="$(free_port)"
nginx_base="http://127.0.0.1:${nginx_port}"
{
  cat <<EOF
# generated by bench/run_web_bench.sh
daemon off;
master_process on;
worker_processes auto;
pid ${tmp}/nginx/nginx.pid;
error_log ${tmp}/nginx/error.log warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000;  # cpp-httplib closes a keep-alive connection after 1000 requests too
  server_tokens off;
  etag off;
  client_body_temp_path ${tmp}/nginx/temp/body;
EOF
  # The compiled-in temp paths live under /var/lib/nginx; nginx creates them at start-up even when
  # unused, so point every module that is built in at the temp directory.
  for module in proxy fastcgi uwsgi scgi; do
    nginx -V 2>&1 | grep -q -- "--without-http_${module}_module" ||
      echo "  ${module}_temp_path ${tmp}/nginx/temp/${module};"
  done
  cat <<EOF
  server {
    listen 127.0.0.1:${nginx_port};
    location / {
      return 404;
    }
EOF
  for i in "${!route_names[@]}"; do
    [[ "${route_state[i]}" == ok ]] || continue
    cat <<EOF
    location = /r${i} {
      types {}
      default_type "${route_type[i]}";
      alias ${tmp}/nginx/root/r${i}.body;
    }
EOF
  done
  echo "  }"
  echo "}"
} >"${tmp}/nginx/nginx.conf"

nginx -p "${tmp}/nginx/" -e "${tmp}/nginx/error.log" -c "${tmp}/nginx/nginx.conf" \
  >"${tmp}/nginx/stdout.log" 2>&1 &
nginx_pid=$!
for ((i = 0; ; i++)); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "${nginx_base}/" || true)" == 404 ]] && break
  if ! kill -0 "${nginx_pid}" 2>/dev/null || ((i >= 100)); then
    cat "${tmp}/nginx/stdout.log" "${tmp}/nginx/error.log" >&2 2>/dev/null || true
    fail_setup "nginx did not start on port ${nginx_port} (config ${tmp}/nginx/nginx.conf)"
  fi
  sleep 0.1
done

# Both must serve the same bytes with the same Content-Type.
for i in "${!route_names[@]}"; do
  [[ "${route_state[i]}" == ok ]] || continue
  ctype="$(curl -sS -o "${tmp}/nginx/check.body" -w '%{content_type}' "${nginx_base}/r${i}")" ||
    fail_setup "curl ${nginx_base}/r${i} failed"
  cmp -s "${tmp}/nginx/check.body" "${tmp}/nginx/root/r${i}.body" ||
    fail_setup "nginx's body for ${route_paths[i]} differs from vakkaart's"
  [[ "${ctype}" == "${route_type[i]}" ]] ||
    fail_setup "nginx's Content-Type '${ctype}' for ${route_paths[i]} differs from vakkaart's '${route_type[i]}'"
done

# --- wrk --------------------------------------------------------------------------------------
# Prints: req/s  p99-ms  requests  non-2xx/3xx  connect  read  write  timeout
parse_wrk() {
  awk '
    function to_ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /h$/)  return substr(v, 1, length(v) - 1) * 3600000
      return v + 0
    }
    /^ +99% / { p99 = to_ms($2) }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ {
      gsub(",", "")
      for (f = 1; f < NF; f++) {
        if ($f == "connect") connect = $(f + 1)
        if ($f == "read") read = $(f + 1)
        if ($f == "write") write = $(f + 1)
        if ($f == "timeout") timeout = $(f + 1)
      }
    }
    /^Requests\/sec:/ { rps = $2 }
    END {
      if (rps == "" || p99 == "") exit 1
      printf "%s %.3f %d %d %d %d %d %d\n", rps, p99, requests, non2xx, connect, read, write, timeout
    }' "$1"
}

run_wrk() { # url seconds output-file
  # In the background so that an INT/TERM trap runs at once (cleanup stops wrk too).
  wrk -t"${wrk_threads}" -c"${wrk_connections}" -d"$2s" --latency "$1" >"$3" 2>&1 &
  wrk_pid=$!
  wait "${wrk_pid}" || { cat "$3" >&2; fail_setup "wrk against $1 failed"; }
  wrk_pid=""
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "web benchmark: vakkaart ${vakkaart_base} vs nginx $(nginx -v 2>&1 | sed 's#.*nginx/##') ${nginx_base}"
echo "  binary ${bin}, server threads ${SERVER_THREADS:-default}, $(nproc) cores;" \
  "wrk -t${wrk_threads} -c${wrk_connections} -d${duration}s --latency, ${rounds} round(s), ${warmup}s warm-up"

rss_idle="$(rss_kb)"
if ((warmup > 0)); then
  for i in "${!route_names[@]}"; do
    [[ "${route_state[i]}" == ok ]] || continue
    run_wrk "${vakkaart_base}${route_paths[i]}" "${warmup}" "${tmp}/warmup-vakkaart-r${i}.txt"
    run_wrk "${nginx_base}/r${i}" "${warmup}" "${tmp}/warmup-nginx-r${i}.txt"
  done
fi
rss_start="$(rss_kb)"

declare -A v_rps v_p99 n_rps n_p99 v_err n_err v_err_detail rss_before rss_after
for ((round = 1; round <= rounds; round++)); do
  for i in "${!route_names[@]}"; do
    [[ "${route_state[i]}" == ok ]] || continue
    for peer in vakkaart nginx; do
      if [[ "${peer}" == vakkaart ]]; then url="${vakkaart_base}${route_paths[i]}"; else url="${nginx_base}/r${i}"; fi
      out="${tmp}/wrk-${peer}-r${i}-${round}.txt"
      before="$(rss_kb)"
      run_wrk "${url}" "${duration}" "${out}"
      after="$(rss_kb)"
      if ! kill -0 "${server_pid}" 2>/dev/null; then
        tail -n 20 "${tmp}/server.log" >&2
        fail_setup "vakkaart exited during the run (log above)"
      fi
      read -r rps p99 requests non2xx connect rd wr timeout < <(parse_wrk "${out}") ||
        { cat "${out}" >&2; fail_setup "could not parse wrk's output (above)"; }
      errors=$((non2xx + connect + rd + wr + timeout))
      printf '  round %d  %-7s %-8s %10.0f req/s  p99 %8.2f ms  %9d requests  %d errors\n' \
        "${round}" "${route_names[i]}" "${peer}" "${rps}" "${p99}" "${requests}" "${errors}"
      if [[ "${peer}" == vakkaart ]]; then
        v_rps[$i]+=" ${rps}"
        v_p99[$i]+=" ${p99}"
        v_err[$i]=$((${v_err[$i]:-0} + errors))
        if ((errors > 0)); then
          v_err_detail[$i]+="round ${round}: non-2xx/3xx ${non2xx}, connect ${connect}, read ${rd}, write ${wr}, timeout ${timeout} of ${requests} requests; "
        fi
        [[ -n "${rss_before[$i]:-}" ]] || rss_before[$i]="${before}"
        rss_after[$i]="${after}"
      else
        n_rps[$i]+=" ${rps}"
        n_p99[$i]+=" ${p99}"
        n_err[$i]=$((${n_err[$i]:-0} + errors))
      fi
    done
  done
done
sleep 1
rss_end="$(rss_kb)"
rss_peak="$(hwm_kb)"

# --- report -----------------------------------------------------------------------------------
echo
printf '%-44s %12s %12s %7s %12s %12s %14s %16s\n' route "vakkaart r/s" "nginx r/s" ratio \
  "vakk p99 ms" "nginx p99 ms" "errors v/n" "RSS MB bef→aft"
declare -A ratio_of p99_of
for i in "${!route_names[@]}"; do
  label="${route_names[i]} ${route_paths[i]}"
  if [[ "${route_state[i]}" != ok ]]; then
    printf '%-44s %s\n' "${label}" "${route_state[i]}"
    continue
  fi
  vr="$(median <<<"${v_rps[$i]}")"
  nr="$(median <<<"${n_rps[$i]}")"
  vp="$(median <<<"${v_p99[$i]}")"
  np="$(median <<<"${n_p99[$i]}")"
  ratio_of[$i]="$(awk -v a="${vr}" -v b="${nr}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')"
  p99_of[$i]="$(awk -v p="${vp}" 'BEGIN { printf "%.2f", p }')"
  printf '%-44s %12.0f %12.0f %7s %12.2f %12.2f %14s %16s\n' "${label}" "${vr}" "${nr}" "${ratio_of[$i]}" \
    "${vp}" "${np}" "${v_err[$i]}/${n_err[$i]}" "$(mb "${rss_before[$i]}")→$(mb "${rss_after[$i]}")"
done
for i in "${!route_names[@]}"; do
  [[ -n "${v_err_detail[$i]:-}" ]] && echo "  ${route_names[i]} vakkaart errors: ${v_err_detail[$i]%; }"
done
echo "  (medians of ${rounds} round(s); ratio = vakkaart/nginx req/s; wrk counts a request taking over 2 s as a timeout" \
  "error and leaves it out of the latency percentiles)"
growth="$(awk -v a="${rss_start}" -v b="${rss_end}" 'BEGIN { printf "%.1f", (a > 0) ? (b - a) * 100 / a : 0 }')"
echo "vakkaart RSS: idle $(mb "${rss_idle}") MB, after warm-up $(mb "${rss_start}") MB, end $(mb "${rss_end}") MB" \
  "(${growth}% since warm-up), peak $(mb "${rss_peak}") MB"

echo
met=0
missed=0
verdict() { # ok-flag text
  if [[ "$1" == 1 ]]; then
    echo "PASS  $2"
    met=$((met + 1))
  else
    echo "FAIL  $2"
    missed=$((missed + 1))
  fi
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }

if [[ "${route_state[0]}" == ok ]]; then
  verdict "$(ge "${ratio_of[0]}" "${RATIO_TARGET}")" \
    "API route req/s ratio ${ratio_of[0]} of nginx (target >= ${RATIO_TARGET})"
else
  verdict 0 "API route req/s ratio: ${route_state[0]}"
fi
for i in "${!route_names[@]}"; do
  if [[ "${route_state[i]}" == ok ]]; then
    verdict "$(ge "${P99_TARGET_MS}" "${p99_of[$i]}")" \
      "${route_names[i]} p99 ${p99_of[$i]} ms (target <= ${P99_TARGET_MS} ms)"
  elif [[ "${route_state[i]}" == "page route not available yet" ]]; then
    echo "SKIP  ${route_names[i]} p99: page route not available yet"
  else
    verdict 0 "${route_names[i]} p99: ${route_state[i]}"
  fi
done
total_errors=0
for i in "${!v_err[@]}"; do total_errors=$((total_errors + ${v_err[$i]})); done
verdict "$((total_errors == 0 ? 1 : 0))" "vakkaart errors: ${total_errors} (target 0)"
if [[ "$(ge "${RSS_GROWTH_MAX}" "${growth}")" == 1 ]]; then
  verdict 1 "memory flat: RSS grew ${growth}% over the run (target <= ${RSS_GROWTH_MAX}%)"
else
  verdict 0 "memory not flat: RSS grew ${growth}% over the run (target <= ${RSS_GROWTH_MAX}%)"
fi
nginx_errors=0
for i in "${!n_err[@]}"; do nginx_errors=$((nginx_errors + ${n_err[$i]})); done
((nginx_errors == 0)) || echo "NOTE  nginx had ${nginx_errors} errors: the load generator or machine may be the bottleneck"
echo "targets: ${met} met, ${missed} missed"
exit 0
