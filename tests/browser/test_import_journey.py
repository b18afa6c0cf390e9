"""Issue 4's journey as a clerk meets it, in the browser: download the seeker template, fill
20 rows (3 wrong), upload, read the three errors, fix them in the returned sheet, upload
again and get 20 seekers; the same sheet again adds nobody; a .docx renamed .xlsx is refused."""

from pathlib import Path

import pytest

from chengnuan.bulk.choices import ImportKind
from chengnuan.employment.models import JobSeeker
from tests.browser.conftest import sign_in_staff
from tests.bulk.sheets import (
    docx_bytes,
    fill_template,
    fix_returned_sheet,
    three_fixes,
    twenty_rows_three_wrong,
)
from tests.factories import StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def upload_seekers(page, tmp_path: Path, name: str, content: bytes) -> None:
    """The upload page as the clerk uses it: kind 求职登记, the default all-or-nothing mode."""
    sheet = tmp_path / name
    sheet.write_bytes(content)
    page.goto("/office/bulk/imports/new/")
    page.get_by_label("求职登记", exact=True).check()
    page.get_by_label("选择填好的表格").set_input_files(str(sheet))
    page.get_by_role("button", name="上传").click()
    page.locator("#job-status").wait_for()


def test_clerk_fixes_three_wrong_rows_in_the_returned_sheet_and_registers_twenty(
    new_page, tmp_path
):
    clerk = StaffFactory()  # 沈阳市铁西区
    page = new_page()
    sign_in_staff(page, clerk)

    page.goto("/office/bulk/imports/new/")
    template = download(page, "求职登记导入表")
    filled = fill_template(template, ImportKind.SEEKER, twenty_rows_three_wrong())
    upload_seekers(page, tmp_path, "11月求职登记.xlsx", filled)
    page.get_by_text("有 3 行有错误，这张表一行都没有导入。").wait_for()
    errors = page.locator("table tbody tr").all_inner_texts()
    assert [line.split("\t")[:2] for line in errors] == [
        ["第7行", "「身份证号」"],
        ["第12行", "「手机号」"],
        ["第18行", "「现居住乡镇街道」"],
    ]
    assert "沈阳市铁西区没有叫「幸福大街」的乡镇街道" in errors[2]
    assert JobSeeker.objects.count() == 0

    returned = download(page, "下载退回的表格（写了错误原因）")
    fixed = fix_returned_sheet(returned, three_fixes())
    upload_seekers(page, tmp_path, "11月求职登记-改好了.xlsx", fixed)
    page.get_by_text("导入完成。").wait_for()
    assert page.get_by_text("新登记：20 人").is_visible()
    assert JobSeeker.objects.count() == 20

    upload_seekers(page, tmp_path, "11月求职登记-又传了一次.xlsx", fixed)
    page.get_by_text("导入完成。").wait_for()
    assert page.get_by_text("新登记：0 人").is_visible()
    assert page.get_by_text("已经登记过、没有重复登记：20 行").is_visible()
    assert JobSeeker.objects.count() == 20


def test_word_document_renamed_to_xlsx_is_refused_on_the_page(new_page, tmp_path):
    page = new_page()
    sign_in_staff(page, StaffFactory())
    upload_seekers(page, tmp_path, "求职登记.xlsx", docx_bytes())
    alert = page.get_by_role("alert")
    assert "这是Word文档" in alert.inner_text()
    assert "没有导入任何数据" in alert.inner_text()
    assert JobSeeker.objects.count() == 0
