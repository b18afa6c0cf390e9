"""Running one import: read and check every row, then write them all in one transaction.

Two phases, so that nothing is half-applied and the clerk can watch:

1. Checking (status 「正在检查」): each row is parsed and validated in Python with memoised
   look-ups; every `batch_size` rows the handler screens the batch against the database with
   one query (already registered → skipped) and the progress is committed.
2. Saving (status 「正在保存」): in ALL_OR_NOTHING mode only when no row has an error; in
   VALID_ROWS mode the good rows. One transaction, bulk inserts in batches.

Rows with errors come back as a sheet (the original columns plus 错误原因) that can be fixed
and uploaded again; in ALL_OR_NOTHING mode it holds every row, so the clerk fixes it in place.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from chengnuan.bulk import conf, parallel
from chengnuan.bulk.choices import ImportMode, ImportStatus
from chengnuan.bulk.columns import SheetSpec
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.models import ERRORS_SHOWN, ImportJob
from chengnuan.bulk.parsers import normalise
from chengnuan.bulk.reading import SheetRefused, Table, open_table
from chengnuan.bulk.rows import Cells, Errors, RowInvalid
from chengnuan.bulk.workbooks import write_error_sheet
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction, AuditResult

logger = logging.getLogger(__name__)

FAILED_MESSAGE = "导入时系统出错了，没有写入任何数据。请稍后再上传一次；还不行请联系管理员。"


class Handler(Protocol):
    """What one kind of sheet does with its rows (see handlers.py, survey_handlers.py)."""

    spec: SheetSpec

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
    items: list[Any] = field(default_factory=list)
    errors: dict[int, Errors] = field(default_factory=dict)
    skipped: int = 0
    total: int = 0


def make_handler(job: ImportJob) -> Handler:
    from chengnuan.bulk.handlers import HANDLERS

    user = job.created_by
    return HANDLERS[job.kind](job=job, lookups=Lookups(user.scope_prefix))


def import_run(*, job_id: int) -> ImportJob:
    """Run a queued import to its end; a job already started is left alone (a retried task
    must not import twice)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.READING, started_at=timezone.now()
    )
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if not claimed:
        return job
    try:
        handler = make_handler(job)
        # Not kept in a variable: the loaded sheet is freed before the error sheet reads it again.
        outcome = _check_rows(job, open_table(Path(job.file.path), handler.spec), handler)
        if outcome.total == 0:
            raise SheetRefused("表格里只有列名，没有填数据。")
        _finish(job, handler, outcome)
    except SheetRefused as refusal:
        _end(job, ImportStatus.REFUSED, message=refusal.message)
    except Exception:
        logger.exception("import job %s failed", job.pk)
        _end(job, ImportStatus.FAILED, message=FAILED_MESSAGE)
    _audit(job)
    _drop_upload(job)
    return job


def _check_rows(job: ImportJob, table: Table, handler: Handler) -> Outcome:
    outcome = Outcome()
    rows = _data_values(table, handler.spec)
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
        if outcome.total % size == 0:
            _screen(handler, batch, outcome)
            batch = []
            _progress(job, outcome.total, table.estimated_rows)
    _screen(handler, batch, outcome)
    return outcome


def _data_values(table: Table, spec: SheetSpec) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each data row as column key -> cell, the untouched example row left out."""
    example = _example_row(spec)
    for number, cells in table.rows:
        values = {key: cell for key, cell in zip(table.keys, cells, strict=True) if key}
        if not _is_example(values, example):
            yield number, values


def _prepare_here(
    handler: Handler, rows: Iterator[tuple[int, dict[str, Any]]]
) -> Iterator[parallel.RowResult]:
    for number, values in rows:
        try:
            yield number, True, handler.prepare(Cells(handler.spec, values))
        except RowInvalid as invalid:
            yield number, False, invalid.errors


def _screen(handler: Handler, batch: list[tuple[int, Any]], outcome: Outcome) -> None:
    if not batch:
        return
    screened = handler.screen(batch)
    outcome.items.extend(screened.new)
    outcome.skipped += screened.skipped
    outcome.errors.update(screened.errors)


def _progress(job: ImportJob, processed: int, estimated: int) -> None:
    total = max(estimated, processed)
    ImportJob.objects.filter(pk=job.pk).update(processed=processed, total=total)


def _finish(job: ImportJob, handler: Handler, outcome: Outcome) -> None:
    job.total = job.processed = outcome.total
    job.skipped = outcome.skipped
    job.error_count = len(outcome.errors)
    job.errors = _error_list(handler.spec, outcome.errors)
    if outcome.errors and job.mode == ImportMode.ALL_OR_NOTHING:
        _attach_error_sheet(job, handler.spec, outcome.errors, every_row=True)
        _end(job, ImportStatus.REJECTED)
        return
    job.status = ImportStatus.WRITING
    job.save(
        update_fields=[
            "status",
            "total",
            "processed",
            "skipped",
            "error_count",
            "errors",
            "updated_at",
        ]
    )
    with transaction.atomic():
        job.created = handler.write(outcome.items) if outcome.items else 0
        if outcome.errors:
            _attach_error_sheet(job, handler.spec, outcome.errors, every_row=False)
        _end(job, ImportStatus.DONE)


def _end(job: ImportJob, status: str, *, message: str = "") -> None:
    job.status = status
    job.message = message
    job.finished_at = timezone.now()
    if status in (ImportStatus.REFUSED, ImportStatus.FAILED):
        job.created = 0
        job.processed = min(job.processed, job.total)
    job.save()


def _audit(job: ImportJob) -> None:
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


def _drop_upload(job: ImportJob) -> None:
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
    return "；".join(
        f"「{header}」{message}" if header else message
        for header, message in row_reasons(spec, errors)
    )


def _error_list(spec: SheetSpec, errors: dict[int, Errors]) -> list[dict[str, Any]]:
    shown: list[dict[str, Any]] = []
    for row in sorted(errors):
        for header, message in row_reasons(spec, errors[row]):
            if len(shown) >= ERRORS_SHOWN:
                return shown
            shown.append({"row": row, "column": header, "message": message})
    return shown


def _attach_error_sheet(
    job: ImportJob, spec: SheetSpec, errors: dict[int, Errors], *, every_row: bool
) -> None:
    """Read the upload again and write the rows back with a 错误原因 column: only the bad rows,
    or (every_row) all of them so the whole sheet can be fixed in place."""
    table = open_table(Path(job.file.path), spec)
    reasons = {row: reason_text(spec, row_errors) for row, row_errors in errors.items()}
    rows = ((reasons.get(n, ""), cells) for n, cells in table.rows if every_row or n in reasons)
    with write_error_sheet(spec, table.headers, rows) as handle:
        stem = Path(job.file_name).stem[:60]
        job.error_file.save(f"{stem}-错误原因.xlsx", File(handle), save=False)
