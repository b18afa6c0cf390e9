"""Plain multi-row INSERTs for the generator. QuerySet.bulk_create builds a model instance and
compiles SQL for every 24 rows (SQLite's 999-parameter limit), which made a million postings
take half an hour; one prepared INSERT run with executemany over rows of field values does the
same writes several times faster. Values still go through each field's own database
preparation where it matters (encryption, JSON, dates), so what lands in the table is what
the ORM would have written; defaults fill the fields a row leaves out. Unlike bulk_create,
nothing is stamped by auto_now / auto_now_add: rows carry their own times (a seeker who
registered in spring has a created_at in spring)."""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, models
from django.db.models.fields import AutoFieldMixin

# Field types whose Python value is already what the database driver takes. Exact types:
# a subclass may prepare differently (EncryptedTextField is a TextField that encrypts).
_AS_IS = frozenset(
    {
        models.CharField,
        models.TextField,
        models.IntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.BigIntegerField,
        models.FloatField,
        models.BooleanField,
        models.ForeignKey,
        models.OneToOneField,
    }
)
# (attname, how to prepare a value, prepared default, column name)
_Columns = list[tuple[str, Callable[[Any], Any], Any, str]]


def insert_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows given as {attname: value}; the auto primary key is left to the database.
    Returns how many rows were written."""
    columns = _columns(model)
    names = {attname for attname, _, _, _ in columns}
    values = []
    for row in rows:
        unknown = row.keys() - names
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        values.append(
            [
                prepare(row[name]) if name in row else default
                for name, prepare, default, _ in columns
            ]
        )
    if not values:
        return 0
    quote = connection.ops.quote_name
    # Only quoted table and column names from the model go into the text; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(model._meta.db_table),
        ", ".join(quote(column) for _, _, _, column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
    return len(values)


def _columns(model: type[models.Model]) -> _Columns:
    columns: _Columns = []
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, AutoFieldMixin):
            continue
        prepare = _identity if type(field) in _AS_IS else _preparer(field)
        columns.append((field.attname, prepare, prepare(field.get_default()), str(field.column)))
    return columns


def _identity(value: Any) -> Any:
    return value


def _preparer(field: models.Field) -> Callable[[Any], Any]:
    def prepare(value: Any) -> Any:
        return None if value is None else field.get_db_prep_save(value, connection)

    return prepare
