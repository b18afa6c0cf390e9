"""The full-text store, chosen by the database in use: SQLite FTS5 or PostgreSQL tsvector.
Both index the same tokens and answer the same three questions (see base.Backend)."""

from django.db import connection

from chengnuan.search.backends.base import Backend, DocRow


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from chengnuan.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from chengnuan.search.backends.sqlite import SqliteBackend

        return SqliteBackend()
    raise NotImplementedError(f"search has no backend for {connection.vendor}")


__all__ = ["Backend", "DocRow", "backend"]
