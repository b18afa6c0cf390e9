"""Multi-row INSERT … RETURNING id for the importer's already-validated rows, and the one
plain look-up its dedupe needs.

QuerySet.bulk_create spends most of its time preparing each value through the SQL compiler
(about 10 µs a value, 30 values a row) and, on SQLite, is capped at 999 parameters a
statement. The rows the importer writes were built by the validation functions, so each
value only needs what its field's database preparation does: encryption for
EncryptedTextField, adaptation for dates and JSON, plain str for choice enums. Both SQLite
(3.35+) and PostgreSQL return the ids in VALUES order, as bulk_create relies on too.
"""

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, models, router
from django.utils import timezone

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
    """Inserts dicts of attname -> value into `model`'s table; missing fields take their
    default (auto_now fields: now)."""

    def __init__(self, model: type[models.Model]) -> None:
        meta = model._meta
        self.model = model
        self.fields = [
            f
            for f in meta.concrete_fields
            if not (f.primary_key and isinstance(f, models.AutoField))
        ]
        self.alias = router.db_for_write(model)

    def _converter(self, field: models.Field, connection: Any) -> Converter:
        kind = field.get_internal_type()
        if isinstance(field, EncryptedTextField):
            return _encrypt
        stock = type(field).__module__.startswith("django.")
        if stock and kind in _AS_IS:
            return _as_is  # validated Python ints, bools, floats and raw ids
        if stock and kind in _TEXT:
            return _text
        return lambda value: field.get_db_prep_save(value, connection)

    def _default(self, field: models.Field, now: Any) -> Any:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    def insert(self, rows: Sequence[dict[str, Any]], *, returning: bool = True) -> list[int]:
        """Insert every row; the new primary keys in row order (empty when not returning)."""
        connection = connections[self.alias]
        if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
            raise RuntimeError("SQLite 3.35 or newer is needed for INSERT … RETURNING")
        convert = [self._converter(f, connection) for f in self.fields]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in self.fields)
        one_row = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        per_statement = max(1, min(ROWS_PER_STATEMENT, PARAMETER_LIMIT // len(self.fields)))
        now = timezone.now()
        # Defaults are the same for every row: prepared once, then used as they are.
        prepared_defaults = {
            f.attname: prepare(self._default(f, now))
            for f, prepare in zip(self.fields, convert, strict=True)
        }
        named = [(f.attname, prepare) for f, prepare in zip(self.fields, convert, strict=True)]
        ids: list[int] = []
        suffix = f" RETURNING {quote(str(self.model._meta.pk.column))}" if returning else ""
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            params = [
                prepare(row[name]) if name in row else prepared_defaults[name]
                for row in chunk
                for name, prepare in named
            ]
            # Only quoted names from the model and %s placeholders: the values are parameters.
            values = ", ".join([one_row] * len(chunk))
            sql = f"INSERT INTO {quote(self.model._meta.db_table)} ({columns}) VALUES {values}{suffix}"  # noqa: S608
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                if returning:
                    ids.extend(row[0] for row in cursor.fetchall())
        return ids


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
    placeholders = ", ".join(["%s"] * len(values))
    sql = f"SELECT {column} FROM {quote(model._meta.db_table)} WHERE {column} IN ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, list(values))
        return {row[0] for row in cursor.fetchall()}
