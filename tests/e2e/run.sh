#!/usr/bin/env bash
# Browser end-to-end tests of the pages of `vakkaart serve`.
#
#   tests/e2e/run.sh [node --test options, e.g. --test-name-pattern=search]
#
# Environment: VAKKAART_BIN (the vakkaart binary; default build/vakkaart),
# VAKKAART_ROOT (the source tree; default two levels up), E2E_ARTIFACTS (where
# screenshots, PDFs and failure shots go; default tests/e2e/artifacts),
# E2E_CHROMIUM (default /usr/bin/chromium).
# Installs the pinned packages of package-lock.json with `npm ci` only when
# node_modules is missing or older than the lock file; never downloads a browser.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  touch node_modules
fi

exec node --test --test-reporter=spec "$@" e2e.test.js
