"""Points Django at the matching benchmark's own database (never the dev database):
SQLite under /tmp/bench-matching-sqlite, PostgreSQL database cn_bench_matching."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQLITE_DIR = "/tmp/bench-matching-sqlite"  # noqa: S108 (a bench's own scratch database)
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "cn_bench_matching"


def setup_django(db: str) -> None:
    sys.path.insert(0, str(ROOT))
    if db == "sqlite":
        os.environ["CHENGNUAN_VAR_DIR"] = SQLITE_DIR
        os.environ.pop("DATABASE_URL", None)
    else:
        _ensure_pg_database()
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    os.environ["CHENGNUAN_ENV"] = "development"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def _ensure_pg_database() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (PG_NAME,)).fetchone():
            conn.execute(f"CREATE DATABASE {PG_NAME}")
