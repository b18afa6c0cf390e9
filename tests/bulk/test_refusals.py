"""Files that cannot be imported are refused with the reason, and nothing is written."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from chengnuan.bulk.choices import ImportKind, ImportStatus
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.employment.models import JobSeeker
from tests.bulk.sheets import (
    docx_bytes,
    filled_template,
    plain_workbook,
    saved,
    seeker_row,
    upload,
)

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
