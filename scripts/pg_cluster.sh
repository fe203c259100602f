#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a folder of its
# own, on a free TCP port of 127.0.0.1, with its socket in that folder. PostgreSQL refuses to run
# as root, so when started by root (as CI is) the cluster belongs to the `postgres` user and every
# server command runs through `runuser`.
#
#   scripts/pg_cluster.sh start DIR   creates and starts the cluster; prints its admin URL and
#                                     writes it to DIR/url (a database `vakkaart` exists)
#   scripts/pg_cluster.sh stop DIR    stops the cluster (fast shutdown) and removes DIR
#   scripts/pg_cluster.sh restart DIR stops and starts it again, same port (failure tests)
#   scripts/pg_cluster.sh url DIR     prints the admin URL of a started cluster
#
# A missing PostgreSQL is a failure (exit 2), never a skip: scripts/install-deps.sh installs it.
set -euo pipefail

command_name="${1:-}"
dir="${2:-}"
if [[ -z "${command_name}" || -z "${dir}" ]]; then
  echo "usage: $0 start|stop|restart|url DIR" >&2
  exit 64
fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "${pg_bin}" || ! -x "${pg_bin}/initdb" ]]; then
  echo "pg_cluster.sh: PostgreSQL server binaries not found (run scripts/install-deps.sh)" >&2
  exit 2
fi

as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

owner_name() {
  if [[ "$(id -u)" -eq 0 ]]; then echo postgres; else id -un; fi
}

start_server() {
  as_owner "${pg_bin}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t 60 \
    -o "-p $(cat "${dir}/port") -k ${dir} -c listen_addresses=127.0.0.1" start >/dev/null
}

case "${command_name}" in
  start)
    # A cluster left by an interrupted run is stopped and replaced.
    if [[ -d "${dir}/data" ]]; then
      as_owner "${pg_bin}/pg_ctl" -D "${dir}/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "${dir}"
    mkdir -p "${dir}"
    dir="$(cd "${dir}" && pwd)"
    if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "${dir}"; fi
    # C collation: text sorts by bytes, as in SQLite, so both backends list in the same order.
    as_owner "${pg_bin}/initdb" -D "${dir}/data" -A trust -U "$(owner_name)" -E UTF8 \
      --locale=C.UTF-8 >"${dir}/initdb.log" 2>&1 ||
      { cat "${dir}/initdb.log" >&2; exit 2; }
    # Tests create many databases and open many connections; fsync buys nothing in a temp dir.
    cat >>"${dir}/data/postgresql.conf" <<EOF
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 64MB
EOF
    free_port >"${dir}/port"
    start_server || { cat "${dir}/server.log" >&2; exit 2; }
    url="postgresql://$(owner_name)@127.0.0.1:$(cat "${dir}/port")"
    as_owner "${pg_bin}/createdb" -h 127.0.0.1 -p "$(cat "${dir}/port")" -U "$(owner_name)" vakkaart
    echo "${url}/vakkaart" >"${dir}/url"
    cat "${dir}/url"
    ;;
  stop)
    if [[ -d "${dir}/data" ]]; then
      as_owner "${pg_bin}/pg_ctl" -D "${dir}/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "${dir}"
    ;;
  restart)
    as_owner "${pg_bin}/pg_ctl" -D "${dir}/data" -m fast -w stop >/dev/null
    start_server
    ;;
  url)
    cat "${dir}/url"
    ;;
  *)
    echo "usage: $0 start|stop|restart|url DIR" >&2
    exit 64
    ;;
esac
