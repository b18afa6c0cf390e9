"""An employer's pages on a phone: a refused posting explains each rule once; ending a
posting asks first."""

import re

import pytest

from chengnuan.accounts.models import UserKind
from chengnuan.employment import discrimination
from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.models import Posting
from tests.browser.test_journeys import fill_posting_form, sign_in_by_sms
from tests.factories import EmployerFactory, PostingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "13987654321"


@pytest.fixture
def employer_page(new_page, sms_outbox):
    owner = UserFactory(kind=UserKind.EMPLOYER, phone_number=PHONE)
    employer = EmployerFactory(owner=owner)
    page = new_page()
    sign_in_by_sms(page, sms_outbox, phone=PHONE, role_label="我是招聘单位")
    return page, employer


def test_a_refused_posting_explains_each_unlawful_kind_once(employer_page):
    page, _employer = employer_page
    page.goto("/employer/postings/new/")
    fill_posting_form(page, title="装配工（限男性）", description="流水线装配，只招男性，包吃住。")
    page.get_by_role("button", name="提交审核").click()

    page.get_by_text("性别歧视").first.wait_for()
    main = page.locator("main").inner_text()
    assert main.count(discrimination.EXPLANATIONS[discrimination.GENDER]) == 1
    assert "也是性别歧视" in main  # the description is marked too, pointing to the title
    assert not Posting.objects.exists()


def test_ending_a_posting_asks_first_and_going_back_keeps_it(employer_page):
    page, employer = employer_page
    posting = PostingFactory(employer=employer, title="汽车配件装配工")
    page.goto("/employer/")
    page.get_by_role("link", name="招满了，结束招聘").click()
    page.get_by_role("heading", name="确定结束招聘吗？").wait_for()
    assert "汽车配件装配工" in page.locator("main").inner_text()

    page.get_by_role("link", name="不了，返回").click()
    page.wait_for_url("**/employer/")
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED

    page.get_by_role("link", name="招满了，结束招聘").click()
    page.get_by_role("button", name=re.compile("确定，结束招聘")).click()
    page.get_by_text("岗位已结束招聘").wait_for()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.CLOSED
