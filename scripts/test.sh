#!/usr/bin/env bash
# The whole suite: lint, types, then the tests on SQLite and on the PostgreSQL at
# 127.0.0.1:5432 (user postgres, trust auth), browser journeys included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export CHENGNUAN_ENV=test CHENGNUAN_VAR_DIR="${CHENGNUAN_VAR_DIR:-$(mktemp -d)}"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy chengnuan
.venv/bin/lint-imports
echo "== tests on SQLite"
env -u DATABASE_URL -u REDIS_URL .venv/bin/pytest "$@"
echo "== tests on PostgreSQL"
# A test database of this run's own, so two runs on one server never collide.
DATABASE_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
  TEST_DATABASE_NAME="test_chengnuan_$$" .venv/bin/pytest --create-db "$@"
