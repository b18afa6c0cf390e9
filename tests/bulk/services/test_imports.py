"""The files of an import hold 身份证号 and phone numbers: readable by the service user only,
the upload deleted when the import ends however it ends, and an hourly purge for what a dead
process left behind."""

import datetime
import os
import stat
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from chengnuan.bulk import handlers, tasks
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.services import imports
from tests.bulk.sheets import TIEXI, filled_template, seeker_row, upload

pytestmark = pytest.mark.django_db


def mode(path: str | Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_uploads_and_returned_sheets_are_readable_by_the_service_user_only(
    clerk, settings, django_capture_on_commit_callbacks
):
    settings.BULK_IMPORT_INLINE_MAX_BYTES = 0  # queued: its upload stays until the task runs
    with django_capture_on_commit_callbacks(execute=False):
        queued = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row()]))
    path = Path(queued.file.path)
    assert mode(path) == 0o600
    media = Path(default_storage.location)
    folders = [path.parent, *[p for p in path.parents if media in p.parents]]
    assert {mode(folder) for folder in folders} == {0o700}  # bulk/, uploads/, year/, month/
    settings.BULK_IMPORT_INLINE_MAX_BYTES = 1024 * 1024
    rejected = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row(手机号="1")]))
    assert rejected.status == ImportStatus.REJECTED
    assert mode(rejected.error_file.path) == 0o600


@pytest.mark.parametrize("ending", ["done", "rejected", "refused", "failed"])
def test_the_upload_is_deleted_however_the_import_ends(clerk, monkeypatch, ending):
    rows = [seeker_row(手机号="1") if ending == "rejected" else seeker_row()]
    content = filled_template(ImportKind.SEEKER, TIEXI, rows)
    if ending == "refused":
        content = b"%PDF-1.4 not a sheet"
    if ending == "failed":

        def broken(self, cells):
            raise RuntimeError("bug")

        monkeypatch.setattr(handlers.SeekerHandler, "prepare", broken)
    job = upload(clerk, content)
    assert job.status == ending and not job.file
    assert not list(Path(default_storage.location, "bulk", "uploads").rglob("*.*"))


def stored(name: str, *, hours_old: float) -> str:
    """A file saved in the media storage, last modified `hours_old` hours ago."""
    name = default_storage.save(name, ContentFile(b"personal numbers"))
    then = (timezone.now() - datetime.timedelta(hours=hours_old)).timestamp()
    os.utime(default_storage.path(name), (then, then))
    return name


def job_with(clerk, *, status: str, upload_name: str = "", error_name: str = "") -> ImportJob:
    return ImportJob.objects.create(
        kind=ImportKind.SEEKER,
        mode=ImportMode.VALID_ROWS,
        file_name="表格.xlsx",
        created_by=clerk,
        status=status,
        file=upload_name,
        error_file=error_name,
        finished_at=None if status == ImportStatus.QUEUED else timezone.now(),
    )


def test_the_purge_deletes_uploads_of_ended_imports_and_old_files_no_import_names(clerk):
    kept_upload = stored("bulk/uploads/2025/03/queued.xlsx", hours_old=30)
    ended_upload = stored("bulk/uploads/2025/03/ended.xlsx", hours_old=1)
    kept_sheet = stored("bulk/errors/2025/03/recent-错误原因.xlsx", hours_old=30)
    old_orphans = [
        stored("bulk/uploads/2025/03/orphan.xlsx", hours_old=7),
        stored("bulk/errors/2025/03/orphan-错误原因.xlsx", hours_old=7),
    ]
    young_orphan = stored("bulk/uploads/2025/03/being-saved.xlsx", hours_old=0.1)
    queued = job_with(clerk, status=ImportStatus.QUEUED, upload_name=kept_upload)
    ended = job_with(clerk, status=ImportStatus.FAILED, upload_name=ended_upload)
    job_with(clerk, status=ImportStatus.DONE, error_name=kept_sheet)

    assert imports.import_files_purge() == 3
    remaining = {name for name in [kept_upload, ended_upload, kept_sheet, young_orphan, *old_orphans]
                 if default_storage.exists(name)}  # fmt: skip
    assert remaining == {kept_upload, kept_sheet, young_orphan}
    assert ImportJob.objects.get(pk=queued.pk).file == kept_upload
    assert not ImportJob.objects.get(pk=ended.pk).file
    assert imports.import_files_purge() == 0


def test_the_purge_copes_with_no_import_folders_yet():
    assert imports.import_files_purge() == 0


def test_the_files_are_purged_every_hour():
    validate = tasks.purge_import_files.s().validate_datetime
    start = datetime.datetime(2025, 3, 1, 0, 0)
    runs = [start + datetime.timedelta(minutes=m) for m in range(24 * 60)]
    assert sum(1 for moment in runs if validate(moment)) == 24
