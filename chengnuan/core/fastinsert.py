"""Bulk writes of rows already validated by their app's own rules (multi-row INSERT …
RETURNING on SQLite, COPY on PostgreSQL), and the one plain look-up a dedupe needs. Generic:
it knows models and fields, no app; the apps' bulk services (employment.services.bulk) use it
for spreadsheet imports.

QuerySet.bulk_create spends most of its time preparing each value through the SQL compiler
(about 10 µs a value, 30 values a row) and, on SQLite, is capped at 999 parameters a
statement. The rows written here were built by validation functions, so each
value only needs what its field's database preparation does: encryption for
EncryptedTextField, adaptation for dates and JSON, plain str for choice enums. SQLite (3.35+)
returns the ids in VALUES order, as bulk_create relies on too; on PostgreSQL the ids are
drawn from the sequence before the COPY.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import connections, models, router
from django.utils import timezone
from psycopg import sql as psycopg_sql

from chengnuan.core import crypto
from chengnuan.core.fields import EncryptedTextField

Converter = Callable[[Any], Any]
_AS_IS = frozenset(
    {
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "PositiveBigIntegerField",
        "SmallIntegerField",
        "BigIntegerField",
        "BooleanField",
        "FloatField",
        "DecimalField",
        "ForeignKey",
        "OneToOneField",
    }
)
_TEXT = frozenset({"CharField", "TextField"})
# PostgreSQL allows 65,535 parameters; SQLite (3.32+) 32,766 by default; both are far above
# what a statement of ROWS_PER_STATEMENT rows needs.
ROWS_PER_STATEMENT = 500
PARAMETER_LIMIT = 30_000


def _encrypt(value: Any) -> Any:
    return value if value is None or value == "" else crypto.encrypt(str(value))


def _text(value: Any) -> Any:
    return value if value is None or type(value) is str else str(value)


def _as_is(value: Any) -> Any:
    return value


class RowInserter:
    """Inserts rows of `model`: dicts of attname -> value (`insert`), or rows already made
    database-ready by `row` (`insert_rows`), which lets worker processes do the encryption
    and adaptation in parallel. Missing fields take their default (auto_now fields: now)."""

    def __init__(self, model: type[models.Model]) -> None:
        meta = model._meta
        self.model = model
        self.fields = [
            f
            for f in meta.concrete_fields
            if not (f.primary_key and isinstance(f, models.AutoField))
        ]
        self.alias = router.db_for_write(model)
        self._plan: tuple[list[tuple[str, Converter]], dict[str, Any]] | None = None
        self._sql: dict[tuple[int, bool], str] = {}  # SQLite statements by (rows, returning)

    def _converter(self, field: models.Field, connection: Any) -> Converter:
        kind = field.get_internal_type()
        if isinstance(field, EncryptedTextField):
            return _encrypt
        stock = type(field).__module__.startswith("django.")
        if stock and kind in _AS_IS:
            return _as_is  # validated Python ints, bools, floats, Decimals and raw ids
        if stock and kind in _TEXT:
            return _text
        return lambda value: field.get_db_prep_save(value, connection)

    def _default(self, field: models.Field, now: Any) -> Any:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    def _planned(self) -> tuple[list[tuple[str, Converter]], dict[str, Any]]:
        """Each column's converter, and the defaults prepared once (they are the same for
        every row of one import)."""
        if self._plan is None:
            connection = connections[self.alias]
            convert = [self._converter(f, connection) for f in self.fields]
            now = timezone.now()
            defaults = {
                f.attname: prepare(self._default(f, now))
                for f, prepare in zip(self.fields, convert, strict=True)
            }
            self._plan = (
                [(f.attname, c) for f, c in zip(self.fields, convert, strict=True)],
                defaults,
            )
        return self._plan

    def row(self, values: dict[str, Any]) -> list[Any]:
        """One row's values in column order, ready for the database."""
        named, defaults = self._planned()
        return [
            prepare(values[name]) if name in values else defaults[name] for name, prepare in named
        ]

    def stamped(
        self, constant: dict[str, Any], varying: tuple[str, ...], values: Iterable[tuple[Any, ...]]
    ) -> list[list[Any]]:
        """Rows that differ only in a few fields (a seeker's consents, link rows): the
        constant part is prepared once and the varying values, ids and codes that need no
        preparation, are stamped into copies of it."""
        template = self.row(constant | dict.fromkeys(varying))
        slots = [self.slot(name) for name in varying]
        rows = []
        for stamp in values:
            row = template.copy()
            for slot, value in zip(slots, stamp, strict=True):
                row[slot] = value
            rows.append(row)
        return rows

    def slot(self, attname: str) -> int:
        """Where a field sits in a row from `row` (to fill in a value known only later)."""
        return [f.attname for f in self.fields].index(attname)

    def insert(self, rows: Sequence[dict[str, Any]], *, returning: bool = True) -> list[int]:
        """Insert every row; the new primary keys in row order (empty when not returning)."""
        return self.insert_rows([self.row(values) for values in rows], returning=returning)

    def insert_rows(self, rows: Sequence[list[Any]], *, returning: bool = True) -> list[int]:
        if not rows:
            return []
        connection = connections[self.alias]
        if connection.vendor == "postgresql":
            return self._copy(connection, iter(rows), len(rows), returning=returning)
        return self._insert_values(connection, iter(rows), len(rows), returning=returning)

    def _insert_values(
        self, connection: Any, rows: Iterator[list[Any]], count: int, *, returning: bool
    ) -> list[int]:
        """SQLite: multi-row INSERT … VALUES … RETURNING, a few hundred rows a statement, run on
        the driver's own connection (inside the caller's transaction): Django's cursor would
        rewrite each statement's thousands of %s placeholders into ? with a regex, about 5 µs
        a row, and the statement text is the same for every full chunk."""
        if sqlite3.sqlite_version_info < (3, 35):
            raise RuntimeError("SQLite 3.35 or newer is needed for INSERT … RETURNING")
        connection.ensure_connection()
        driver = connection.connection
        per_statement = max(1, min(ROWS_PER_STATEMENT, PARAMETER_LIMIT // len(self.fields)))
        ids: list[int] = []
        while chunk := list(islice(rows, per_statement)):
            sql = self._values_sql(connection, len(chunk), returning=returning)
            with connection.wrap_database_errors:  # Django's IntegrityError etc., as usual
                cursor = driver.execute(sql, [value for row in chunk for value in row])
                if returning:
                    ids.extend(row[0] for row in cursor.fetchall())
                cursor.close()
        return ids

    def _values_sql(self, connection: Any, rows: int, *, returning: bool) -> str:
        key = (rows, returning)
        if key not in self._sql:
            self._sql[key] = self._build_values_sql(connection, rows, returning=returning)
        return self._sql[key]

    def _build_values_sql(self, connection: Any, rows: int, *, returning: bool) -> str:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in self.fields)
        one_row = "(" + ", ".join(["?"] * len(self.fields)) + ")"
        suffix = f" RETURNING {quote(str(self.model._meta.pk.column))}" if returning else ""
        values = ", ".join([one_row] * rows)
        # Only quoted names from the model and ? placeholders: the values are parameters.
        return f"INSERT INTO {quote(self.model._meta.db_table)} ({columns}) VALUES {values}{suffix}"  # noqa: S608

    def _copy(
        self, connection: Any, rows: Iterator[list[Any]], count: int, *, returning: bool
    ) -> list[int]:
        """PostgreSQL: COPY … FROM STDIN, the fastest way in; the ids are drawn from the
        table's own sequence first (COPY returns nothing), so they are known in row order.
        (psycopg spends seconds parsing the placeholders of a large multi-row INSERT.)"""
        table = self.model._meta.db_table
        pk_column = str(self.model._meta.pk.column)
        fields = [str(f.column) for f in self.fields]
        ids: list[int] = []
        with connection.cursor() as cursor:
            if returning:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [table, pk_column, count],
                )
                ids = [row[0] for row in cursor.fetchall()]
                fields = [pk_column, *fields]
            statement = psycopg_sql.SQL("COPY {} ({}) FROM STDIN").format(
                psycopg_sql.Identifier(table),
                psycopg_sql.SQL(", ").join(map(psycopg_sql.Identifier, fields)),
            )
            # psycopg's own copy(): its errors are wrapped into Django's here.
            with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
                for index, row in enumerate(rows):
                    copy.write_row([ids[index], *row] if returning else row)
        return ids


@contextmanager
def larger_page_cache(connection: Any, mebibytes: int = 128) -> Iterator[None]:
    """On SQLite, a page cache large enough for the random-key indexes (hashes of 身份证号
    and phone numbers) a bulk insert touches everywhere: at the default 2 MB most index
    pages are read again and again (99,000 seekers: 5.6 s → 4.9 s). The connection's own
    size is put back afterwards; other databases manage their own memory."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    driver = connection.connection
    (before,) = driver.execute("PRAGMA cache_size").fetchone()
    driver.execute(f"PRAGMA cache_size = {-1024 * int(mebibytes)}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(before)}")


def values_present(model: type[models.Model], field_name: str, values: Sequence[str]) -> set[str]:
    """Which of `values` the field already holds, in one plain query: Django's `__in` lookup
    spends ~10 µs preparing each of the thousands of parameters of a dedupe batch."""
    if not values:
        return set()
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    field = model._meta.get_field(field_name)
    assert isinstance(field, models.Field)
    column = quote(str(field.column))
    params: list[Any] = list(values)
    if connection.vendor == "postgresql":
        # One array parameter: psycopg spends ~25 ms splitting a query of 2,000 placeholders.
        condition, params = f"{column} = ANY(%s)", [params]
    else:
        condition = f"{column} IN ({', '.join(['%s'] * len(values))})"
    sql = f"SELECT {column} FROM {quote(model._meta.db_table)} WHERE {condition}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}
