"""Writes of the bulk app that are not the import itself (importer.py): starting an import
and purging old files. Survey writes are in survey_services.py."""

import datetime
import uuid
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.bulk import conf, importer
from chengnuan.bulk.choices import ImportKind, ImportMode
from chengnuan.bulk.models import ImportJob


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


def import_files_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete error sheets older than BULK_ERROR_SHEET_DAYS (they hold personal numbers);
    returns how many were removed."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=conf.error_sheet_days())
    removed = 0
    for job in ImportJob.objects.filter(finished_at__lt=cutoff).exclude(error_file=""):
        job.error_file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(error_file="")
        removed += 1
    return removed
