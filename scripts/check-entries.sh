#!/usr/bin/env bash
# Check entries the way CI does, reporting only on the files given (all of them when none are given).
# Needs only bash and Python 3.11: it sets up .venv with the runtime packages the first time.
# ตรวจรายการแบบเดียวกับ CI โดยแสดงเฉพาะปัญหาของไฟล์ที่ระบุ ต้องการเพียง bash และ Python 3.11
# Used by pre-commit (.pre-commit-config.yaml); also handy on its own: bash scripts/check-entries.sh technologies/rmutt/x.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh runtime >&2
export PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m generator check "$@"
