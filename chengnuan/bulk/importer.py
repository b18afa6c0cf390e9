"""Running one import: read and check every row, then write them all in one transaction.

Two phases, so that nothing is half-applied and the clerk can watch:

1. Checking (status 「正在检查」): each row is parsed and validated in Python with memoised
   look-ups (by worker processes for large sheets, see parallel.py); every `batch_size` rows
   the handler screens the batch against the database with one query (already registered →
   skipped) and the progress is committed.
2. Saving (status 「正在保存」): in ALL_OR_NOTHING mode only when no row has an error; in
   VALID_ROWS mode the good rows. One transaction, bulk inserts (fastinsert.py). On SQLite
   this holds the write lock for the inserts only: about 6 s for 100,000 rows. On
   PostgreSQL the same transaction is opened before the checking and takes each screened
   batch as it comes (_writes_while_checking), so little is left to do at the end.

Rows with errors come back as a sheet (the original columns plus 错误原因) that can be fixed
and uploaded again; in ALL_OR_NOTHING mode it holds every row, so the clerk fixes it in place.

While it runs, the import holds a lease that a thread keeps fresh (leases.py): if the process
dies, the lease runs out and another consumer ends the import as failed. Since everything is
written in one transaction, a killed import has written nothing.
"""

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.core.files.base import File
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from chengnuan.bulk import conf, parallel
from chengnuan.bulk.choices import ImportMode, ImportStatus
from chengnuan.bulk.columns import SheetSpec
from chengnuan.bulk.leases import LeaseKeeper, LeaseLost, lease_expiry, save_while_running
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.models import ERRORS_SHOWN, ImportJob
from chengnuan.bulk.parsers import normalise
from chengnuan.bulk.reading import SheetRefused, Table, open_table
from chengnuan.bulk.rows import Cells, Errors, prepare_row
from chengnuan.bulk.workbooks import write_error_sheet
from chengnuan.core.audit import audit_record
from chengnuan.core.fastinsert import larger_page_cache
from chengnuan.core.gc_pause import collect_young, full_collections_paused
from chengnuan.core.models import AuditAction, AuditResult

logger = logging.getLogger(__name__)

FAILED_MESSAGE = "导入时系统出错了，没有写入任何数据。请稍后再上传一次；还不行请联系管理员。"


class Handler(Protocol):
    """What one kind of sheet does with its rows (see the handlers package)."""

    spec: SheetSpec
    # Whether write() may be called once per screened batch (rows independent of each other);
    # a demand survey's positions, spread over the sheet, are written together at the end.
    writes_per_batch: bool

    def prepare(self, cells: Cells) -> Any:
        """A checked row ready to write, or RowInvalid."""

    def screen(self, batch: list[tuple[int, Any]]) -> "Screened":
        """The batch against the database and the earlier rows: what is new, what is there."""

    def write(self, items: list[Any]) -> int:
        """Insert the new items (inside the caller's transaction); how many records were made."""


@dataclass
class Screened:
    new: list[Any] = field(default_factory=list)
    skipped: int = 0
    errors: dict[int, Errors] = field(default_factory=dict)


@dataclass
class Outcome:
    items: list[Any] = field(default_factory=list)  # screened, not yet written
    created: int = 0  # records already written (writing while checking)
    errors: dict[int, Errors] = field(default_factory=dict)
    skipped: int = 0
    total: int = 0
    # The sheet's headers and the cells of each bad row as uploaded, for the returned sheet.
    headers: list[str] = field(default_factory=list)
    bad_cells: dict[int, list[Any]] = field(default_factory=dict)


def make_handler(job: ImportJob) -> Handler:
    from chengnuan.bulk.handlers import HANDLERS

    user = job.created_by
    return HANDLERS[job.kind](job=job, lookups=Lookups(user.scope_prefix))


def import_run(*, job_id: int) -> ImportJob:
    """Run a queued import to its end; a job already started is left alone (a retried task
    must not import twice)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.READING, started_at=timezone.now(), lease_expires_at=lease_expiry()
    )
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if not claimed:
        return job
    try:
        with LeaseKeeper(job.pk):
            _run(job)
    except LeaseLost:
        logger.warning("import job %s was ended as abandoned while it ran; nothing kept", job.pk)
        if job.error_file:  # written by this run; the ended job does not name it
            job.error_file.delete(save=False)
        job.refresh_from_db()
        return job
    audit_import(job)
    drop_upload(job)
    return job


def _run(job: ImportJob) -> None:
    """Check and write the rows; the job ends as done, rejected, refused or failed."""
    try:
        handler = make_handler(job)
        started = time.perf_counter()
        run = _check_and_write if _writes_while_checking(handler) else _check_then_write
        with full_collections_paused():  # young ones run after each batch, in _check_rows
            # Not kept in a variable: the sheet is freed before the error sheet reads it again.
            outcome = run(job, open_table(Path(job.file.path), handler.spec), handler)
        logger.info(
            "import job %s: %s rows in %.1f s (%s created)",
            job.pk,
            outcome.total,
            time.perf_counter() - started,
            job.created,
        )
    except SheetRefused as refusal:
        _end(job, ImportStatus.REFUSED, message=refusal.message)
    except LeaseLost:
        raise
    except Exception:
        logger.exception("import job %s failed", job.pk)
        _end(job, ImportStatus.FAILED, message=FAILED_MESSAGE)


def _writes_while_checking(handler: Handler) -> bool:
    """On PostgreSQL each screened batch is written at once, inside one transaction that stays
    open until the end: the inserts run while the workers check the next rows, and a failure
    or a rejected all-or-nothing sheet still rolls back everything. SQLite has one writer for
    the whole database, so holding it through the checking would stall every other write
    (sign-ups, postings) for as long: there the rows are written at the end."""
    return connection.vendor == "postgresql" and handler.writes_per_batch


def _check_then_write(job: ImportJob, table: Table, handler: Handler) -> Outcome:
    outcome = _check_rows(job, table, handler)
    _refuse_empty(outcome)
    _finish(job, handler, outcome)
    return outcome


def _check_and_write(job: ImportJob, table: Table, handler: Handler) -> Outcome:
    """See _writes_while_checking. The progress goes through a second connection, since
    nothing this transaction writes is visible before it commits."""
    with progress_connection() as progress, transaction.atomic():
        with connection.cursor() as cursor:
            # Key checks run with each batch's inserts, while workers check rows, instead of
            # all ~1 million at commit (Django makes foreign keys deferrable).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        outcome = _check_rows(job, table, handler, write=True, progress=progress)
        _refuse_empty(outcome)
        if not _rejected(job, outcome):
            _finish(job, handler, outcome)  # DONE commits together with the rows
            return outcome
        transaction.set_rollback(True)
    outcome.created = 0
    _finish(job, handler, outcome)  # the rejection, recorded after the rollback
    return outcome


@contextmanager
def progress_connection() -> Iterator[Any]:
    """A second connection to the database, in autocommit."""
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        yield side
    finally:
        side.close()


def _refuse_empty(outcome: Outcome) -> None:
    if outcome.total == 0:
        raise SheetRefused("表格里只有列名，没有填数据。")


def _rejected(job: ImportJob, outcome: Outcome) -> bool:
    return bool(outcome.errors) and job.mode == ImportMode.ALL_OR_NOTHING


def _check_rows(
    job: ImportJob, table: Table, handler: Handler, *, write: bool = False, progress: Any = None
) -> Outcome:
    """Every row checked, screened in batches, with the progress committed per batch (and
    with `write`, each batch's new rows written). The cells of a row are kept until its
    result is known, and kept on if it has an error."""
    outcome = Outcome(headers=table.headers)
    in_flight: dict[int, list[Any]] = {}
    rows = _data_values(table, handler.spec, in_flight)
    workers = parallel.worker_count(table.estimated_rows)
    results = (
        parallel.prepare_in_workers(job, rows, workers) if workers else _prepare_here(handler, rows)
    )
    batch: list[tuple[int, Any]] = []
    size = conf.batch_size()
    for number, ok, result in results:
        outcome.total += 1
        if ok:
            batch.append((number, result))
        else:
            outcome.errors[number] = result
            outcome.bad_cells[number] = in_flight.pop(number)
        if outcome.total % size == 0:
            _screen(handler, batch, outcome, in_flight)
            if write:
                _write_screened(job, handler, outcome)
            batch = []
            _progress(job, outcome.total, table.estimated_rows, via=progress)
            collect_young()
    _screen(handler, batch, outcome, in_flight)
    if write:
        _write_screened(job, handler, outcome)
    return outcome


def _write_screened(job: ImportJob, handler: Handler, outcome: Outcome) -> None:
    """Write the rows screened so far, unless the sheet is already rejected as a whole."""
    if outcome.items and not _rejected(job, outcome):
        outcome.created += handler.write(outcome.items)
    outcome.items = []


def _data_values(
    table: Table, spec: SheetSpec, in_flight: dict[int, list[Any]]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each data row as column key -> cell, the untouched example row left out; its cells
    wait in `in_flight` until the row's result is in."""
    example = _example_row(spec)
    for number, cells in table.rows:
        values = {key: cell for key, cell in zip(table.keys, cells, strict=True) if key}
        if not _is_example(values, example):
            in_flight[number] = cells
            yield number, values


def _prepare_here(
    handler: Handler, rows: Iterator[tuple[int, dict[str, Any]]]
) -> Iterator[parallel.RowResult]:
    for number, values in rows:
        yield prepare_row(handler, number, values)


def _screen(
    handler: Handler,
    batch: list[tuple[int, Any]],
    outcome: Outcome,
    in_flight: dict[int, list[Any]],
) -> None:
    screened = handler.screen(batch) if batch else Screened()
    outcome.items.extend(screened.new)
    outcome.skipped += screened.skipped
    outcome.errors.update(screened.errors)
    for number, _ in batch:
        cells = in_flight.pop(number)
        if number in screened.errors:
            outcome.bad_cells[number] = cells


def _progress(job: ImportJob, processed: int, estimated: int, *, via: Any = None) -> None:
    """Written on `via` when given: another connection (see _check_and_write)."""
    total = max(estimated, processed)
    if via is None:
        ImportJob.objects.filter(pk=job.pk).update(processed=processed, total=total)
        return
    quote = via.ops.quote_name
    sql = f"UPDATE {quote(ImportJob._meta.db_table)} SET processed = %s, total = %s WHERE id = %s"  # noqa: S608
    with via.cursor() as cursor:
        cursor.execute(sql, [processed, total, job.pk])


def _finish(job: ImportJob, handler: Handler, outcome: Outcome) -> None:
    job.total = job.processed = outcome.total
    job.skipped = outcome.skipped
    job.error_count = len(outcome.errors)
    job.errors = _error_list(handler.spec, outcome.errors)
    if outcome.errors and job.mode == ImportMode.ALL_OR_NOTHING:
        _attach_full_sheet(job, handler.spec, outcome.errors)
        _end(job, ImportStatus.REJECTED)
        return
    job.status = ImportStatus.WRITING
    save_while_running(job, ["status", "total", "processed", "skipped", "error_count", "errors"])
    if outcome.errors:
        rows = ((n, outcome.bad_cells[n], outcome.errors[n]) for n in sorted(outcome.errors))
        _attach_sheet(job, handler.spec, outcome.headers, rows)
    # On SQLite the write lock is held for the inserts only.
    with larger_page_cache(connection), transaction.atomic():
        job.created = outcome.created + (handler.write(outcome.items) if outcome.items else 0)
        _end(job, ImportStatus.DONE)


_ENDING_FIELDS = [
    "status",
    "message",
    "finished_at",
    "lease_expires_at",
    "total",
    "processed",
    "created",
    "skipped",
    "error_count",
    "errors",
    "error_file",
]


def _end(job: ImportJob, status: str, *, message: str = "") -> None:
    job.status = status
    job.message = message
    job.finished_at = timezone.now()
    job.lease_expires_at = None
    if status in (ImportStatus.REFUSED, ImportStatus.FAILED):
        job.created = 0
        job.processed = min(job.processed, job.total)
    save_while_running(job, _ENDING_FIELDS)


def audit_import(job: ImportJob) -> None:
    """The audit row of an import that has ended."""
    audit_record(
        actor=job.created_by,
        action=AuditAction.IMPORT,
        obj=job,
        result=AuditResult.OK if job.status == ImportStatus.DONE else AuditResult.FAILED,
        detail={
            "kind": job.kind,
            "file_name": job.file_name,
            "mode": job.mode,
            "status": job.status,
            "total": job.total,
            "created": job.created,
            "skipped": job.skipped,
            "errors": job.error_count,
            "message": job.message,
        },
    )


def drop_upload(job: ImportJob) -> None:
    """The uploaded file holds personal numbers and is not needed once the import is over."""
    if job.file:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")


# --- the example row, error messages, the error sheet ------------------------------------------


def _example_row(spec: SheetSpec) -> dict[str, str]:
    return {column.key: normalise(column.example) for column in spec.columns}


def _is_example(values: dict[str, Any], example: dict[str, str]) -> bool:
    """The template's example row, left as it was, is not data."""
    first = next(iter(values), None)
    if first is None or normalise(values[first]) != example.get(first, ""):
        return False  # the usual case, decided on one cell
    return all(normalise(value) == example.get(key, "") for key, value in values.items())


def _message(header: str, message: str) -> str:
    """「身份证号」校验位不对… rather than 「身份证号」身份证号校验位不对…."""
    return (
        message[len(header) :].lstrip("，、") if header and message.startswith(header) else message
    )


def row_reasons(spec: SheetSpec, errors: Errors) -> list[tuple[str, str]]:
    """(column header, message) of each problem of a row; '' for a row-wide one."""
    reasons: list[tuple[str, str]] = []
    for key, messages in errors.items():
        header = spec.column(key).header if key else ""
        reasons.extend((header, _message(header, message)) for message in messages)
    return reasons


def reason_text(spec: SheetSpec, errors: Errors) -> str:
    """Every problem of a row in one cell: 「…」…；「…」…。 (each message's own full stop
    dropped where the next one follows)."""
    parts = [
        (f"「{header}」{message}" if header else message).rstrip("。；;. ")
        for header, message in row_reasons(spec, errors)
    ]
    return "；".join(parts) + "。" if parts else ""


def _error_list(spec: SheetSpec, errors: dict[int, Errors]) -> list[dict[str, Any]]:
    shown: list[dict[str, Any]] = []
    for row in sorted(errors):
        for header, message in row_reasons(spec, errors[row]):
            if len(shown) >= ERRORS_SHOWN:
                return shown
            shown.append({"row": row, "column": header, "message": message})
    return shown


def _attach_full_sheet(job: ImportJob, spec: SheetSpec, errors: dict[int, Errors]) -> None:
    """Every row of the upload, read again, with the bad ones' reasons: the clerk fixes the
    sheet in place and uploads it whole."""
    table = open_table(Path(job.file.path), spec)
    _attach_sheet(
        job, spec, table.headers, ((n, cells, errors.get(n, {})) for n, cells in table.rows)
    )


def _attach_sheet(
    job: ImportJob,
    spec: SheetSpec,
    headers: list[str],
    rows: Iterable[tuple[int, list[Any], Errors]],
) -> None:
    """The rows as uploaded, at their row numbers, with a 错误原因 column, saved as the job's
    returned sheet (drop-downs for the clerk's area)."""
    reasons = ((n, reason_text(spec, errors), cells) for n, cells, errors in rows)
    scope = job.created_by.scope_prefix
    with write_error_sheet(spec, headers, reasons, scope) as handle:
        stem = Path(job.file_name).stem[:60]
        job.error_file.save(f"{stem}-错误原因.xlsx", File(handle), save=False)
