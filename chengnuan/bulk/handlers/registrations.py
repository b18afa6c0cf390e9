"""What the importer does with posting and seeker rows: read each row's cells into a checked
input (rows.py), then hand it to employment's bulk services (employment/services/bulk.py),
which own every rule of the records (area, employer, dedupe key, consent) and write them on
their fast path. Their refusals, keyed by field, come back here under the sheet's columns.

Re-uploading a sheet adds nothing: a seeker already registered (same 身份证号) is skipped,
and so is a posting an earlier import created (same natural key).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError

from chengnuan.bulk import columns
from chengnuan.bulk.importer import Screened
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.rows import (
    EMPLOYER_FIELD_COLUMNS,
    POSTING_FIELD_COLUMNS,
    SEEKER_FIELD_COLUMNS,
    Cells,
    Errors,
    RowInvalid,
    read_posting,
    read_seeker,
)
from chengnuan.core.timeutil import today
from chengnuan.employment.services.bulk import (
    BulkScreened,
    PostingBulkCreation,
    PreparedPosting,
    PreparedSeeker,
    SeekerBulkRegistration,
)

T = TypeVar("T")
# A posting row names its employer too; the two inputs share a field name only where the
# cell is the same (county, contact, address; an industry is read for neither).
POSTING_ROW_COLUMNS = POSTING_FIELD_COLUMNS | EMPLOYER_FIELD_COLUMNS


def _prepared(cells: Cells, field_columns: dict[str, str], prepare: Callable[[], T]) -> T:
    """The service's prepared row, or its refusal under the row's columns."""
    try:
        return prepare()
    except ValidationError as refused:
        cells.absorb(refused, field_columns)
        raise RowInvalid(cells.errors) from None


def _in_columns(errors: Errors, field_columns: dict[str, str]) -> Errors:
    by_column: Errors = {}
    for name, messages in errors.items():
        by_column.setdefault(field_columns.get(name, ""), []).extend(messages)
    return by_column


def _screened(screened: BulkScreened[Any], field_columns: dict[str, str]) -> Screened:
    errors = {row: _in_columns(found, field_columns) for row, found in screened.errors.items()}
    return Screened(new=screened.new, skipped=screened.skipped, errors=errors)


class PostingHandler:
    """Posting rows, created by employment's PostingBulkCreation for the uploading clerk."""

    spec = columns.POSTING
    writes_per_batch = True

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.lookups = lookups
        self.creation = PostingBulkCreation(clerk=job.created_by, today=today())

    def prepare(self, cells: Cells) -> PreparedPosting:
        posting, employer = read_posting(cells, self.lookups, self.creation.today)
        return _prepared(
            cells,
            POSTING_ROW_COLUMNS,
            lambda: self.creation.prepare(posting=posting, employer=employer),
        )

    def screen(self, batch: list[tuple[int, PreparedPosting]]) -> Screened:
        return _screened(self.creation.screen(batch), POSTING_ROW_COLUMNS)

    def write(self, items: list[PreparedPosting]) -> int:
        return self.creation.write(items)


class SeekerHandler:
    """Seeker rows, registered by employment's SeekerBulkRegistration for the uploading clerk."""

    spec = columns.SEEKER
    writes_per_batch = True

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.lookups = lookups
        self.registration = SeekerBulkRegistration(clerk=job.created_by, today=today())

    def prepare(self, cells: Cells) -> PreparedSeeker:
        seeker = read_seeker(cells, self.lookups, self.registration.today)
        return _prepared(cells, SEEKER_FIELD_COLUMNS, lambda: self.registration.prepare(seeker))

    def screen(self, batch: list[tuple[int, PreparedSeeker]]) -> Screened:
        return _screened(self.registration.screen(batch), SEEKER_FIELD_COLUMNS)

    def write(self, items: list[PreparedSeeker]) -> int:
        return self.registration.write(items)
