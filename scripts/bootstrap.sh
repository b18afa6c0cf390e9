#!/usr/bin/env bash
# Creates .venv with Python 3.11 and installs the project (with test tools when given "dev").
# Re-running it is cheap: pip skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "需要 Python 3.11 (found $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
extra=""
[ "${1:-}" = "dev" ] && extra="[dev]"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python - <<'PY'  # fail loudly if the install did not take
import importlib.util
import sys

missing = [m for m in ("django", "ninja", "huey", "rjieba", "psycopg") if importlib.util.find_spec(m) is None]
sys.exit(f"install incomplete, missing: {missing}" if missing else 0)
PY
