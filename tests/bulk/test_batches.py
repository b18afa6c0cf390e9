"""Sheets of several batches. On PostgreSQL each screened batch is written while the next rows
are checked, inside one transaction; on SQLite everything is written at the end. Either way
the outcome is the same, and an all-or-nothing sheet with a late error writes nothing."""

import pytest
from django.db import connection

from chengnuan.bulk import handlers, importer
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.employment.models import Consent, Employer, JobSeeker, Posting
from tests.bulk.sheets import TIEXI, filled_template, posting_row, seeker_row, upload
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_batches(settings):
    settings.BULK_BATCH_SIZE = 2


def test_a_new_employer_named_in_every_batch_is_registered_once(clerk, small_batches):
    rows = [
        posting_row(岗位名称=title) for title in ("装配工", "焊工", "叉车司机", "保洁员", "保安")
    ]
    job = upload(clerk, filled_template(ImportKind.POSTING, TIEXI, rows), kind=ImportKind.POSTING)
    assert (job.status, job.created) == (ImportStatus.DONE, 5)
    assert Employer.objects.count() == 1
    assert Posting.objects.filter(employer=Employer.objects.get()).count() == 5


def test_an_error_in_the_last_batch_of_an_all_or_nothing_sheet_writes_nothing(clerk, small_batches):
    rows = [seeker_row() for _ in range(5)] + [seeker_row(手机号="12")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows))
    assert job.status == ImportStatus.REJECTED and job.error_count == 1
    assert (job.created, JobSeeker.objects.count(), Consent.objects.count()) == (0, 0, 0)


def test_the_same_person_in_two_batches_is_registered_once_with_both_consents(clerk, small_batches):
    rows = [seeker_row() for _ in range(4)]
    rows.append(dict(rows[0], 姓名="李秀英"))  # row 5 repeats row 1's 身份证号, two batches later
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    assert (job.status, job.created, job.error_count) == (ImportStatus.DONE, 4, 1)
    assert JobSeeker.objects.count() == 4 and Consent.objects.count() == 8


@pytest.mark.django_db(transaction=True)
def test_progress_shows_to_others_while_the_written_rows_stay_unseen_until_the_end(
    reference_data, settings, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes every row at the end")
    settings.BULK_BATCH_SIZE = 2
    clerk = StaffFactory()
    seen_by_others: list[tuple[int, int]] = []
    write = handlers.SeekerHandler.write

    def write_and_look(self, items):
        written = write(self, items)
        with importer.progress_connection() as other, other.cursor() as cursor:
            cursor.execute("SELECT processed FROM bulk_importjob WHERE id = %s", [self.job.pk])
            processed = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM employment_jobseeker")
            seen_by_others.append((processed, cursor.fetchone()[0]))
        return written

    monkeypatch.setattr(handlers.SeekerHandler, "write", write_and_look)
    rows = [seeker_row() for _ in range(5)]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows))
    assert (job.status, job.created) == (ImportStatus.DONE, 5)
    assert seen_by_others == [(0, 0), (2, 0), (4, 0)]  # progress of the batch before, no seekers
    assert ImportJob.objects.get(pk=job.pk).processed == 5
    assert JobSeeker.objects.count() == 5
