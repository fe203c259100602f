# Sourced by the bench/run_*.sh scripts: run from the repository root and find a built bench.
# Usage: bench="$(bench_binary NAME)"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

bench_binary() {
  local path="build/bench/$1"
  if [[ ! -x "${path}" ]]; then
    echo "${path} not found; build it with 'cmake --build build -j2 --target $1'" >&2
    exit 2
  fi
  echo "${path}"
}
