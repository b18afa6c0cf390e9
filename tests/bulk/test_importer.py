"""Running an import (importer.py): files that cannot be imported are refused with the reason
and nothing is written; rows are screened and written batch by batch, all or nothing."""

import io
import zipfile

import pytest
from django.db import connection
from openpyxl import Workbook

from chengnuan.bulk import handlers, importer
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.employment.models import Consent, Employer, JobSeeker, Posting
from tests.bulk.sheets import (
    TIEXI,
    docx_bytes,
    filled_template,
    plain_workbook,
    posting_row,
    saved,
    seeker_row,
    upload,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def refused(job, says: str) -> None:
    assert job.status == ImportStatus.REFUSED, job.message
    assert says in job.message
    assert job.created == 0
    assert JobSeeker.objects.count() == 0


def test_word_document_renamed_to_xlsx_is_refused(clerk):
    refused(upload(clerk, docx_bytes(), name="求职登记.xlsx"), "Word文档")


def test_zip_that_is_not_a_workbook_is_refused(clerk):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"...")
    refused(upload(clerk, buffer.getvalue()), "不是Excel表格")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7 ...", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "另存为"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "图片"),
        (b"\x00\x01\x02binary", "不是Excel表格"),
        (b"PK\x03\x04broken zip", "损坏"),
    ],
)
def test_other_files_are_refused(clerk, content, says):
    refused(upload(clerk, content), says)


def test_empty_file_is_refused(clerk):
    refused(upload(clerk, b""), "空的")


def test_sheet_with_headers_only_is_refused(clerk):
    refused(upload(clerk, filled_template(ImportKind.SEEKER, "210106", [])), "没有填数据")


def test_blank_workbook_is_refused(clerk):
    refused(upload(clerk, plain_workbook([], [])), "没有内容")


def test_wrong_headers_say_which_are_missing_and_which_unknown(clerk):
    content = plain_workbook(["姓名", "身份证号", "电话号码", "住址"], [["张三", "x", "y", "z"]])
    job = upload(clerk, content)
    refused(job, "缺少这些列")
    assert "「手机号」" in job.message and "「现居住县区」" in job.message
    assert "这些列不认识：「电话号码」、「住址」" in job.message


def test_same_column_twice_is_refused(clerk):
    row = seeker_row()
    headers = [*row.keys(), "手机"]
    refused(upload(clerk, plain_workbook(headers, [[*row.values(), "13900000000"]])), "出现了两次")


def test_formula_in_a_cell_is_refused_naming_the_cell(clerk):
    book = Workbook()
    sheet = book.active
    row = seeker_row()
    sheet.append(list(row))
    sheet.append(list(row.values()))
    sheet["G2"] = "=A2&B2"
    refused(upload(clerk, saved(book)), "G2格里是公式")


def test_formula_in_a_csv_cell_is_refused(clerk):
    row = seeker_row(姓名='=HYPERLINK("http://x")')
    content = (",".join(row) + "\n" + ",".join(str(v) for v in row.values()) + "\n").encode()
    refused(upload(clerk, content, name="a.csv"), "A2格里是公式")


def test_file_over_the_size_limit_is_refused(clerk, settings):
    settings.BULK_IMPORT_MAX_MB = 0
    refused(upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()])), "太大")


def test_sheet_over_the_row_limit_is_refused_and_nothing_is_written(clerk, settings):
    settings.BULK_IMPORT_MAX_ROWS = 2
    content = filled_template(
        ImportKind.SEEKER, "210106", [seeker_row(), seeker_row(), seeker_row()]
    )
    refused(upload(clerk, content), "超过2行")


def test_refusal_is_audited_with_file_name(clerk):
    job = upload(clerk, docx_bytes(), name="调查表.xlsx")
    entry = AuditEntry.objects.get(object_type="bulk.importjob", object_id=str(job.pk))
    assert entry.action == AuditAction.IMPORT
    assert entry.result == AuditResult.FAILED
    assert entry.actor == clerk
    assert entry.detail["file_name"] == "调查表.xlsx"
    assert entry.detail["status"] == ImportStatus.REFUSED


def test_uploaded_file_is_deleted_once_the_import_is_over(clerk):
    job = upload(clerk, docx_bytes())
    job.refresh_from_db()
    assert not job.file


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_each_encoding_chinese_excel_saves(clerk, encoding):
    row = seeker_row()
    text = ",".join(row) + "\r\n" + ",".join(str(v) for v in row.values()) + "\r\n"
    job = upload(clerk, text.encode(encoding), name="求职.csv")
    assert job.status == ImportStatus.DONE, (job.message, job.errors)
    assert JobSeeker.objects.get().name == "李秀英"


def test_csv_saved_as_utf16_is_refused_as_no_sheet(clerk):
    refused(upload(clerk, "姓名,手机号\n".encode("utf-16-le"), name="a.csv"), "不是Excel表格")


def test_csv_in_an_encoding_we_cannot_read_is_refused(clerk):
    refused(upload(clerk, b"\xff\xfe\xfd,abc\n", name="a.csv"), "编码看不懂")


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
