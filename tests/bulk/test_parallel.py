"""Large sheets: checked in worker processes and run by the task queue; old error sheets
purged."""

import datetime
import gc

import pytest
from django.utils import timezone

from chengnuan.bulk import parallel
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.services import imports
from chengnuan.employment.models import JobSeeker
from tests.bulk.sheets import filled_template, seeker_row, upload, worker_name

pytestmark = pytest.mark.django_db


def test_large_sheet_goes_to_the_task_queue_and_finishes(
    clerk, settings, django_capture_on_commit_callbacks
):
    settings.BULK_IMPORT_INLINE_MAX_BYTES = 0  # everything counts as large
    content = filled_template(ImportKind.SEEKER, "210106", [seeker_row(), seeker_row()])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = upload(clerk, content)
    assert job.status == ImportStatus.QUEUED and JobSeeker.objects.count() == 0
    for callback in callbacks:  # the commit: Huey runs the task (immediate mode under test)
        callback()
    job.refresh_from_db()
    assert (job.status, job.created) == (ImportStatus.DONE, 2)


def test_a_job_already_started_is_not_run_twice(clerk):
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()]))
    from chengnuan.bulk.importer import import_run

    again = import_run(job_id=job.pk)
    assert again.created == 1 and JobSeeker.objects.count() == 1


def test_rows_checked_in_worker_processes_give_the_same_result(clerk, settings):
    settings.BULK_PARALLEL_MIN_ROWS = 1
    settings.BULK_IMPORT_WORKERS = 2
    if not parallel.worker_count(100):
        pytest.skip("workers need a database other processes can open (not SQLite in memory)")
    rows = [seeker_row(姓名=worker_name(n)) for n in range(30)]
    rows[7]["手机号"] = "12"
    rows[21]["本人已同意登记"] = "否"
    job = upload(
        clerk, filled_template(ImportKind.SEEKER, "210106", rows), mode=ImportMode.VALID_ROWS
    )
    assert job.status == ImportStatus.DONE, job.message
    assert (job.total, job.created, job.error_count) == (30, 28, 2)
    assert [e["row"] for e in job.errors] == [10, 24]


def test_old_error_sheets_are_purged(clerk):
    rows = [seeker_row(手机号="1")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", rows))
    assert job.error_file
    assert imports.import_files_purge(now=timezone.now()) == 0
    assert imports.import_files_purge(now=timezone.now() + datetime.timedelta(days=8)) == 1
    assert not ImportJob.objects.get(pk=job.pk).error_file


def test_workers_that_cannot_work_fail_the_import_instead_of_hanging(clerk, settings, monkeypatch):
    settings.BULK_PARALLEL_MIN_ROWS = 1
    settings.BULK_IMPORT_WORKERS = 2
    if not parallel.worker_count(100) or settings.DATABASES["default"]["ENGINE"].endswith(
        "sqlite3"
    ):
        pytest.skip("needs PostgreSQL: workers are pointed at a database that does not exist")
    monkeypatch.setattr(parallel, "database_name", lambda: "no_such_database_h7")
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row(), seeker_row()]))
    assert job.status == ImportStatus.FAILED and "没有写入任何数据" in job.message
    assert JobSeeker.objects.count() == 0


def test_an_import_turns_automatic_garbage_collection_back_on(clerk):
    """It is paused during the import (core/gc_pause.py); a consumer left without it would
    never free the cycles of the tasks that follow."""
    gc.enable()
    upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()]))
    assert gc.isenabled()


def test_a_failed_import_turns_automatic_garbage_collection_back_on(clerk, monkeypatch):
    from chengnuan.bulk import handlers

    def broken(self, cells):
        raise RuntimeError("bug")

    monkeypatch.setattr(handlers.SeekerHandler, "prepare", broken)
    gc.enable()
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()]))
    assert job.status == ImportStatus.FAILED and gc.isenabled()
