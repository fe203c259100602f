#!/usr/bin/env bash
# Installs the Debian packages vakkaart needs to build, run and test. Idempotent: when every
# package is already installed it touches nothing (no apt-get update, no network).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsqlite3-dev sqlite3
  # Accounts: Argon2id password hashing and random secrets.
  libsodium-dev
  # The PostgreSQL backend (libpqxx) and the server the tests start in a temp folder.
  libpqxx-dev postgresql-15 postgresql-client-15
  libxapian-dev hunspell-nl
  # The Dutch lexicon's word sets (abseil's flat hash set).
  libabsl-dev
  # Search says when query words are English or French (hunspell dictionaries beside Dutch).
  libhunspell-dev hunspell-en-us hunspell-fr
  libicu-dev
  nlohmann-json3-dev
  libcli11-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang-tidy
  # The sanitized build and the fuzz targets (CMakePresets "asan"): clang, and the runtime of
  # libFuzzer and the sanitizers, which clang only recommends (and recommends are not installed).
  clang libclang-rt-14-dev
  # LLVM's linker for every build (CMakeLists.txt): the sanitized build links 17 binaries.
  lld
  python3 python3-jsonschema python3-yaml curl
  libmstch-dev
  chromium fonts-dejavu-core
  libzip-dev libpugixml-dev libcairo2-dev libpango1.0-dev
  # Spreadsheet exports are written as XLSX with libxlsxwriter (read back with libzip + pugixml).
  libxlsxwriter-dev
  # The export tests read the PDF and DOCX back: pdftotext/pdftoppm and LibreOffice.
  poppler-utils libreoffice-writer-nogui
  # `vakkaart analyse` reads PDF, HTML and Markdown job texts.
  libpoppler-cpp-dev libxml2-dev libcmark-dev
  # The composer's browser test reads the downloaded DOCX's XML with unzip.
  unzip
  # ESCO's CSV download is read with libcsv (RFC 4180); the SKOS tests parse our JSON-LD and
  # Turtle with real RDF parsers (rdflib, raptor's rapper).
  libcsv-dev python3-rdflib raptor2-utils
)
# Node.js runs the browser tests (playwright-core, axe-core from npm). A machine may already
# have a newer Node.js with its own npm (e.g. NodeSource); Debian's npm would conflict with it.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
# `--bench`: the peers and load generator the benchmarks run beside vakkaart.
# The analysis benchmarks run a scikit-learn TF-IDF baseline beside vakkaart.
if [ "${1:-}" = "--bench" ]; then packages+=(wrk nginx-light python3-sklearn); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
