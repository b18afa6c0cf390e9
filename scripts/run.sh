#!/usr/bin/env bash
# One command from a fresh clone to a running platform on the embedded default:
# SQLite database, Huey on SQLite, reference + demo data, web on http://127.0.0.1:8000
# (or BIND=host:port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=chengnuan.settings
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py load_reference
$PY manage.py generate_demo --postings "${DEMO_POSTINGS:-3000}" --seekers "${DEMO_SEEKERS:-800}" --if-empty
$PY manage.py demo_fairs --if-empty
$PY manage.py collectstatic --noinput -v0

$PY manage.py run_huey --quiet &
consumer=$!
trap 'kill $consumer 2>/dev/null || true' EXIT INT TERM
$PY manage.py demo_logins
bind=${BIND:-127.0.0.1:8000}
echo "城暖农民工 is starting on http://${bind} (Ctrl-C stops the web server and the task consumer)"
.venv/bin/gunicorn chengnuan.wsgi:application --bind "${bind}" \
  --workers "${WEB_WORKERS:-2}" --threads 4 --access-logfile - --graceful-timeout 5
