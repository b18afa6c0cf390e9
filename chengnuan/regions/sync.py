"""Bring a reference table in line with rows read from a shipped file: create what is new,
update what differs, leave the rest alone. Rows are compared in memory against one query of
the current table, so a re-run with nothing changed writes nothing and costs one SELECT."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model

BATCH_SIZE = 2000


@dataclass
class SyncCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        return f"新增 {self.created}，更新 {self.updated}，未变 {self.unchanged}"


def sync_rows(
    model: type[Model], rows: Iterable[dict[str, Any]], *, fields: Sequence[str]
) -> SyncCounts:
    """Rows are dicts of attribute names (`parent_id`, not `parent`) including the primary key.
    Rows already in the table but absent from `rows` are kept: other tables point at them.
    Callers order rows parents first; the foreign keys are deferred to commit anyway."""
    pk_name = model._meta.pk.attname
    existing = {
        values[0]: values[1:] for values in model._default_manager.values_list(pk_name, *fields)
    }
    to_create: list[Model] = []
    to_update: list[Model] = []
    counts = SyncCounts()
    for row in rows:
        current = existing.get(row[pk_name])
        if current is None:
            to_create.append(model(**row))
        elif current != tuple(row[name] for name in fields):
            to_update.append(model(**row))
        else:
            counts.unchanged += 1
    model._default_manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    model._default_manager.bulk_update(to_update, list(fields), batch_size=BATCH_SIZE)
    counts.created, counts.updated = len(to_create), len(to_update)
    return counts
