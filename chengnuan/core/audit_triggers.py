"""Database triggers that make the audit log append-only: UPDATE and DELETE on
core_auditentry fail. Installed by migration core/0002. Django's test flush (transactional
tests on SQLite) deletes rows, so test fixtures lift the triggers for the flush only."""

from django.db.backends.base.base import BaseDatabaseWrapper

_SQLITE_INSTALL = [
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete",
]
# No row trigger stops TRUNCATE, and the table's owner can disable or drop these triggers: on
# PostgreSQL the application's role owns nothing and has no TRUNCATE right (manage.py
# db_grants), so the triggers are the second lock, not the only one.
_POSTGRES_INSTALL = [
    """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS core_auditentry_no_change ON core_auditentry",
    """CREATE TRIGGER core_auditentry_no_change BEFORE UPDATE OR DELETE ON core_auditentry
       FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only()""",
]
_POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_change ON core_auditentry",
    "DROP FUNCTION IF EXISTS core_auditentry_append_only()",
]


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, _POSTGRES_INSTALL if connection.vendor == "postgresql" else _SQLITE_INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    _run(connection, _POSTGRES_REMOVE if connection.vendor == "postgresql" else _SQLITE_REMOVE)
