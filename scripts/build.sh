#!/usr/bin/env bash
# Set everything up and build the site from the bundled sample database into ./site
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime
export PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 NO_MKDOCS_2_WARNING=1
.venv/bin/python -m generator check
.venv/bin/python -m generator build --out site "$@"
