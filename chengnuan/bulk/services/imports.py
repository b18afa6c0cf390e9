"""Writes of the bulk app that are not the import itself (importer.py): starting an import,
ending the imports whose process died, and purging the files they leave. Survey writes are
in services/surveys.py."""

import datetime
import logging
import uuid
from collections.abc import Iterator
from pathlib import PurePath

from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.bulk import conf, importer
from chengnuan.bulk.choices import (
    FINISHED_STATUSES,
    RUNNING_STATUSES,
    ImportKind,
    ImportMode,
    ImportStatus,
)
from chengnuan.bulk.models import ERROR_SHEET_DIR, UPLOAD_DIR, ImportJob

logger = logging.getLogger(__name__)

ABANDONED_MESSAGE = (
    "这次导入没有做完：后台处理程序中途停了（可能是服务器重启了），这张表一行也没有导入。"
    "请点「重新导入」，把这个表格再上传一次。如果又停了，请把表格分成几个小一点的分别上传，"
    "或者联系管理员。"
)


def import_job_start(
    *, user: User, kind: ImportKind, mode: ImportMode, upload: UploadedFile
) -> ImportJob:
    """Store the upload as a queued import. A small file is imported at once (the clerk
    sees the result on the next page); a larger one goes to the task queue and the clerk
    watches its progress bar or comes back later."""
    suffix = PurePath(upload.name or "").suffix.lower()[:8]
    with transaction.atomic():
        job = ImportJob(
            kind=kind,
            mode=mode,
            file_name=(upload.name or "未命名")[:200],
            file_size=upload.size or 0,
            created_by=user,
        )
        # The stored name is random: a clerk's file name may carry a person's name.
        job.file.save(f"{uuid.uuid4().hex}{suffix}", upload, save=False)
        job.full_clean(exclude=["file"])
        job.save()
    if job.file_size <= conf.inline_max_bytes():
        importer.import_run(job_id=job.pk)
    else:
        from chengnuan.bulk.tasks import run_import

        transaction.on_commit(lambda: run_import(job.pk))
    job.refresh_from_db()
    return job


def import_jobs_end_abandoned() -> int:
    """End as failed every running import whose lease has run out: the process that ran it
    is gone (killed, out of memory, its machine down), and since an import writes its rows in
    one transaction, it wrote none. Consumers may look at the same time; the conditional
    update's row count says which one ends a job. A job whose lease is fresh belongs to a
    live process and is left alone. Returns how many were ended. See
    docs/decisions/0005-a-killed-import-ends-as-failed.md for why not run it again."""
    abandoned = ImportJob.objects.filter(_abandoned()).values_list("pk", flat=True)
    return sum(import_job_end_if_abandoned(job_id=job_id) for job_id in abandoned)


def import_job_end_if_abandoned(*, job_id: int) -> bool:
    """Whether this call ended the job (False: it still runs, or someone else ended it)."""
    with transaction.atomic():
        ended = ImportJob.objects.filter(_abandoned(), pk=job_id).update(
            status=ImportStatus.FAILED,
            message=ABANDONED_MESSAGE,
            created=0,
            finished_at=Now(),
            updated_at=Now(),
            lease_expires_at=None,
        )
        if not ended:
            return False
        job = ImportJob.objects.select_related("created_by").get(pk=job_id)
        logger.warning(
            "import job %s ended as failed: its process stopped renewing its lease", job_id
        )
        importer.audit_import(job)
        transaction.on_commit(lambda: importer.drop_upload(job))
    return True


def _abandoned() -> Q:
    return Q(status__in=RUNNING_STATUSES, lease_expires_at__lt=Now())


def import_files_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the files that hold personal numbers and are no longer needed; returns how
    many were removed: error sheets older than BULK_ERROR_SHEET_DAYS, uploads of imports that
    have ended (normally deleted at the end; not if the process died just before), and files
    in the import folders that no import names, once older than BULK_ORPHAN_FILE_HOURS (an
    error sheet written just before its process was killed)."""
    now = now or timezone.now()
    return _purge_error_sheets(now) + _purge_uploads_of_ended_jobs() + _purge_orphans(now)


def _purge_error_sheets(now: datetime.datetime) -> int:
    cutoff = now - datetime.timedelta(days=conf.error_sheet_days())
    removed = 0
    for job in ImportJob.objects.filter(finished_at__lt=cutoff).exclude(error_file=""):
        job.error_file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(error_file="")
        removed += 1
    return removed


def _purge_uploads_of_ended_jobs() -> int:
    ended = ImportJob.objects.filter(status__in=FINISHED_STATUSES).exclude(file="")
    removed = 0
    for job in ended:
        importer.drop_upload(job)
        removed += 1
    return removed


def _purge_orphans(now: datetime.datetime) -> int:
    storage = ImportJob.file.field.storage
    named = set(ImportJob.objects.exclude(file="").values_list("file", flat=True))
    named |= set(ImportJob.objects.exclude(error_file="").values_list("error_file", flat=True))
    cutoff = now - datetime.timedelta(hours=conf.orphan_file_hours())
    removed = 0
    for folder in (UPLOAD_DIR, ERROR_SHEET_DIR):
        for name in _stored_files(storage, folder):
            if name not in named and storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                removed += 1
    return removed


def _stored_files(storage: Storage, folder: str) -> Iterator[str]:
    """Every file under `folder`, by its storage name."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    yield from (f"{folder}/{name}" for name in files)
    for sub in folders:
        yield from _stored_files(storage, f"{folder}/{sub}")
