"""我的信息 as the worker reads it on the phone, and the workbook they download."""

import io

import openpyxl
import pytest

from chengnuan.accounts.models import UserKind
from tests.browser.test_journeys import sign_in_by_sms
from tests.employment.factories import LOADER_OCCUPATION
from tests.factories import JobSeekerFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_my_data_reads_in_chinese_and_downloads_a_readable_workbook(new_page, sms_outbox):
    worker = UserFactory(kind=UserKind.WORKER, phone_number="13912345678")
    seeker = JobSeekerFactory(
        user=worker, name="李四", phone="13912345678", registered_by=StaffFactory()
    )
    seeker.wanted_occupations.set([LOADER_OCCUPATION])
    page = new_page()
    sign_in_by_sms(page, sms_outbox, phone="13912345678", role_label="我是求职者")

    page.goto("/accounts/me/")
    seeker_section = page.locator("section#seeker").inner_text()
    assert "registered" not in seeker_section and LOADER_OCCUPATION not in seeker_section
    assert "铁路车站货运服务员" in seeker_section and "代为登记的工作人员" in seeker_section

    with page.expect_download() as info:
        page.get_by_role("link", name="下载我的全部信息（表格）").click()
    path = info.value.path()
    assert info.value.suggested_filename.endswith(".xlsx")
    with open(path, "rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    pairs = {row[0]: row[1] for row in book.active.iter_rows(values_only=True) if row[0] and row[1]}
    assert pairs["姓名"] == "李四" and pairs["状态"] == "求职中"
    assert pairs["想做的工作"] == "铁路车站货运服务员"
