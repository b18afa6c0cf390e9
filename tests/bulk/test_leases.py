"""Imports whose process died: ended as failed once their lease has run out, by whichever
consumer looks first and never while the lease is fresh; an importer that comes back after
its job was ended writes nothing; the clerk reads what happened and can import again. The
real thing, a consumer killed with SIGKILL, is in test_killed_consumer.py."""

import datetime
import threading
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from chengnuan.bulk import handlers, importer, leases, tasks
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.services import imports
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.employment.models import JobSeeker
from tests.bulk.sheets import TIEXI, filled_template, seeker_row, upload
from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def running_job(clerk, *, lease_left: float, status: str = ImportStatus.READING) -> ImportJob:
    """An import some process is working on, whose lease runs out in `lease_left` seconds
    (already ran out when negative)."""
    job = ImportJob(
        kind=ImportKind.SEEKER,
        mode=ImportMode.VALID_ROWS,
        file_name="大表.xlsx",
        created_by=clerk,
        status=status,
        total=100_000,
        processed=20_000,
        started_at=timezone.now(),
        lease_expires_at=timezone.now() + datetime.timedelta(seconds=lease_left),
    )
    job.file.save("upload.xlsx", ContentFile(b"sheet with personal numbers"), save=False)
    job.save()
    return job


def import_audits(job: ImportJob) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=AuditAction.IMPORT, object_id=str(job.pk)))


@pytest.mark.parametrize("status", [ImportStatus.READING, ImportStatus.WRITING])
def test_a_running_import_whose_lease_ran_out_ends_as_failed_without_its_upload(
    clerk, status, django_capture_on_commit_callbacks
):
    job = running_job(clerk, lease_left=-5, status=status)
    path = job.file.path
    with django_capture_on_commit_callbacks(execute=True):
        assert imports.import_jobs_end_abandoned() == 1
    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, imports.ABANDONED_MESSAGE)
    assert job.finished_at and job.lease_expires_at is None and job.created == 0
    assert not job.file and not Path(path).exists()
    [audit] = import_audits(job)
    assert audit.result == AuditResult.FAILED and audit.detail["status"] == ImportStatus.FAILED


def test_an_import_whose_lease_is_fresh_belongs_to_a_live_consumer_and_is_left_alone(clerk):
    job = running_job(clerk, lease_left=30)
    assert imports.import_jobs_end_abandoned() == 0
    job.refresh_from_db()
    assert job.status == ImportStatus.READING and job.file and not import_audits(job)


def test_of_two_consumers_ending_the_same_import_only_the_first_does_anything(clerk):
    job = running_job(clerk, lease_left=-5)
    assert imports.import_job_end_if_abandoned(job_id=job.pk) is True
    # The second saw the job among the abandoned ones too, but its update finds it ended.
    assert imports.import_job_end_if_abandoned(job_id=job.pk) is False
    assert len(import_audits(job)) == 1


def test_queued_and_ended_imports_are_not_taken_for_abandoned(clerk):
    queued = upload(
        clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row()]), name="排队.xlsx"
    )
    ImportJob.objects.filter(pk=queued.pk).update(status=ImportStatus.QUEUED)
    done = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row()]))
    assert done.status == ImportStatus.DONE and done.lease_expires_at is None
    assert imports.import_jobs_end_abandoned() == 0
    assert ImportJob.objects.get(pk=queued.pk).status == ImportStatus.QUEUED


def test_a_consumer_starting_up_ends_what_ran_out_and_looks_again_after_one_lease(clerk, settings):
    settings.BULK_IMPORT_LEASE_SECONDS = 30
    ended = running_job(clerk, lease_left=-5)
    fresh = running_job(clerk, lease_left=20)  # maybe the dead consumer's: known in 31 s
    HUEY.flush()
    tasks.end_abandoned_imports_at_start_up()
    assert ImportJob.objects.get(pk=ended.pk).status == ImportStatus.FAILED
    assert ImportJob.objects.get(pk=fresh.pk).status == ImportStatus.READING
    [again] = HUEY.scheduled()
    assert isinstance(again, tasks.end_abandoned_imports.task_class)
    utc_now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)  # Huey's etas are naive UTC
    assert 29 < (again.eta - utc_now).total_seconds() <= 31
    HUEY.flush()


def test_abandoned_imports_are_looked_for_every_minute():
    validate = tasks.end_abandoned_imports.s().validate_datetime
    start = datetime.datetime(2025, 3, 1, 9, 0)
    assert all(validate(start + datetime.timedelta(minutes=m)) for m in range(60))


@pytest.mark.django_db(transaction=True)
def test_an_importer_whose_job_was_ended_while_it_ran_writes_nothing(reference_data, monkeypatch):
    """It was frozen past its lease (a paused machine) and another consumer ended its job:
    when it comes back it keeps none of its work and does not write over the ending."""
    clerk = StaffFactory()
    screen = handlers.SeekerHandler.screen

    def frozen_then_ended(self, batch):
        in_another_consumer(lambda: lease_ran_out_and_ended(self.job.pk))
        return screen(self, batch)

    monkeypatch.setattr(handlers.SeekerHandler, "screen", frozen_then_ended)
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row(), seeker_row()]))
    assert (job.status, job.message) == (ImportStatus.FAILED, imports.ABANDONED_MESSAGE)
    assert JobSeeker.objects.count() == 0 and job.created == 0
    assert len(import_audits(job)) == 1  # the ending's; the importer wrote none


def lease_ran_out_and_ended(job_id: int) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert imports.import_jobs_end_abandoned() == 1


def in_another_consumer(work) -> None:
    """Run `work` on a thread of its own, with its own database connection."""

    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


@pytest.mark.django_db(transaction=True)
def test_the_lease_is_renewed_while_the_import_is_busy(reference_data, settings, monkeypatch):
    """A phase of the import that takes longer than a whole lease (here checking a batch)
    does not let the lease run out, and no other consumer takes the import for abandoned."""
    settings.BULK_IMPORT_LEASE_SECONDS = 0.6
    clerk = StaffFactory()
    screen = handlers.SeekerHandler.screen
    seen: list[tuple[bool, int]] = []

    def slow(self, batch):
        time.sleep(1.5)
        lease = ImportJob.objects.get(pk=self.job.pk).lease_expires_at
        seen.append((lease > timezone.now(), imports.import_jobs_end_abandoned()))
        return screen(self, batch)

    monkeypatch.setattr(handlers.SeekerHandler, "screen", slow)
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row()]))
    assert seen == [(True, 0)]
    assert (job.status, job.created) == (ImportStatus.DONE, 1)


def test_the_lease_keeper_stops_once_the_import_has_ended(clerk, settings):
    settings.BULK_IMPORT_LEASE_SECONDS = 0.3
    job = running_job(clerk, lease_left=30)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, lease_expires_at=None)
    keeper = leases.LeaseKeeper(job.pk)
    with keeper:
        time.sleep(0.05)
    assert not keeper._thread.is_alive()


def test_ending_an_import_that_was_ended_meanwhile_raises_lease_lost(clerk):
    job = running_job(clerk, lease_left=-5)
    imports.import_jobs_end_abandoned()
    job.status = ImportStatus.DONE
    with pytest.raises(leases.LeaseLost):
        leases.save_while_running(job, ["status"])
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.FAILED
    assert importer.FAILED_MESSAGE != imports.ABANDONED_MESSAGE


# --- what the clerk sees ------------------------------------------------------------------------


def test_the_clerk_reads_what_happened_and_can_import_again(client, clerk):
    job = running_job(clerk, lease_left=-5)
    imports.import_jobs_end_abandoned()
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:import_detail", args=[job.pk])).content.decode()
    assert "后台处理程序中途停了" in page and "一行也没有导入" in page
    retry = f"{reverse('bulk:import_new')}?kind=seeker&amp;mode=valid"
    assert f'href="{retry}">重新导入</a>' in page and "hx-trigger" not in page
    listed = client.get(reverse("bulk:import_list")).content.decode()
    assert "系统出错" in listed


def test_import_again_opens_the_upload_form_with_kind_and_mode_chosen(client, clerk):
    staff_signed_in(client, clerk)
    form = client.get(reverse("bulk:import_new") + "?kind=posting&mode=valid").context["form"]
    assert (form.initial["kind"], form.initial["mode"]) == ("posting", "valid")


def test_a_running_import_whose_process_stopped_tells_the_clerk_so(client, clerk):
    stalled = running_job(clerk, lease_left=-5)
    working = running_job(clerk, lease_left=30)
    staff_signed_in(client, clerk)
    url = reverse("bulk:import_detail", args=[stalled.pk])
    assert "后台处理好像停住了" in client.get(url).content.decode()
    url = reverse("bulk:import_detail", args=[working.pk])
    assert "后台处理好像停住了" not in client.get(url).content.decode()
