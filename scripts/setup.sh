#!/usr/bin/env bash
# Create .venv and install the pinned requirements. Usage: scripts/setup.sh [runtime|dev]
set -euo pipefail
cd "$(dirname "$0")/.."
req=requirements.txt
[ "${1:-runtime}" = dev ] && req=requirements-dev.txt
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
# Install again only when the pinned requirements changed since the last successful install.
want="$req $(cat requirements.txt "$req" | sha256sum)"
stamp=.venv/.installed
if ! grep -qxF "$want" "$stamp" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
  echo "$want" >> "$stamp"
fi
