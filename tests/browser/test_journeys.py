"""The issue's key journeys, as a person meets them: a phone-sized headless Chromium against the
live server, real pages, real database, the SMS code read from the test SMS backend."""

import datetime
import re

import pytest
from django.utils import timezone

from chengnuan.accounts.models import StaffRole
from chengnuan.employment.choices import EmployerStatus, PostingStatus
from chengnuan.employment.models import Employer, JobSeeker, Posting
from tests.browser.conftest import sign_in_staff
from tests.factories import (
    DALIAN_GANJINGZI,
    JobSeekerFactory,
    StaffFactory,
    make_id_number,
    make_uscc,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORKER_PHONE = "13912345678"
EMPLOYER_PHONE = "13987654321"


def sign_in_by_sms(page, outbox, *, phone: str, role_label: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label(role_label).check()
    page.get_by_label("手机号").fill(phone)
    page.get_by_role("button", name="获取验证码").click()
    page.get_by_text("验证码已发到").wait_for()
    code = re.search(r"\d{6}", outbox[-1].text).group(0)
    page.get_by_label("验证码").fill(code)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_role("button", name="退出").wait_for()


def choose_region(
    page, *, city: str, county: str, township: str | None = None, prefix: str
) -> None:
    """Dependent selects: with JavaScript on, choosing an upper level redraws the levels below
    (an htmx POST); wait for each redraw before choosing the next level."""
    county_name = "county_code" if prefix in {"posting", "employer"} else f"{prefix}_county"
    levels = [(f"{prefix}_city", city), (county_name, county)]
    if township:
        levels.append((f"{prefix}_code", township))
    for index, (name, label) in enumerate(levels):
        select = page.locator(f"select[name={name}]")
        redraws = index < len(levels) - 1 and not select.evaluate(
            "(el, label) => el.selectedIndex >= 0 && el.options[el.selectedIndex].text === label",
            label,
        )
        if not redraws:
            select.select_option(label=label)
            continue
        # "Network idle" would return at once (the page reached it before this change): wait
        # for the redraw's answer, then for htmx to finish swapping it in.
        with page.expect_response(lambda response: response.request.method == "POST"):
            select.select_option(label=label)
        page.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(
            state="detached"
        )


def fill_posting_form(page, *, title: str, description: str) -> None:
    """The new-posting form, filled in as an employer in 沈阳铁西 would."""
    page.get_by_label("岗位名称").fill(title)
    page.get_by_label("招几个人").fill("5")
    choose_region(page, city="沈阳市", county="铁西区", prefix="posting")
    page.get_by_label("最低工资").fill("4500")
    page.get_by_label("最高工资").fill("6500")
    page.get_by_label("岗位说明").fill(description)
    page.get_by_label("联系人").fill("赵经理")
    page.get_by_label("联系电话").fill("13700001111")
    valid_until = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("招到哪天为止").fill(valid_until.isoformat())


def test_worker_signs_in_registers_and_sees_their_data(new_page, sms_outbox):
    page = new_page()
    sign_in_by_sms(page, sms_outbox, phone=WORKER_PHONE, role_label="我是求职者")

    page.goto("/me/registration/")
    page.get_by_label("姓名").fill("李建国")
    good_id = make_id_number(region="210106", birth=datetime.date(1972, 3, 9))
    bad_id = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")
    page.get_by_label("身份证号").fill(bad_id)
    page.get_by_label("手机号").fill(WORKER_PHONE)
    choose_region(page, city="沈阳市", county="铁西区", township="昆明湖街道", prefix="residence")
    page.get_by_label("以前做过什么工作").fill("在汽车配件厂干过三年装配")
    page.get_by_label("我已阅读并同意").check()
    page.get_by_role("button", name=re.compile("保存|提交|登记")).first.click()

    # Refused with a clear message; nothing else typed is lost.
    page.get_by_text("身份证号校验位不对").first.wait_for()
    assert page.get_by_label("姓名").input_value() == "李建国"
    assert page.get_by_label("身份证号").input_value() == bad_id
    assert page.get_by_label("以前做过什么工作").input_value() == "在汽车配件厂干过三年装配"
    assert page.locator("select[name=residence_code]").input_value() == "210106001"

    page.get_by_label("身份证号").fill(good_id)
    page.get_by_label("我已阅读并同意").check()
    page.get_by_role("button", name=re.compile("保存|提交|登记")).first.click()
    page.get_by_text("李建国").first.wait_for()
    seeker = JobSeeker.objects.get()
    assert seeker.id_number == good_id and seeker.user is not None

    page.goto("/accounts/me/")
    body = page.locator("main").inner_text()
    assert "李建国" in body and "昆明湖街道" in body


def test_employer_posts_a_job_clerk_approves_it_and_it_goes_public(new_page, sms_outbox):
    employer_page = new_page()
    sign_in_by_sms(employer_page, sms_outbox, phone=EMPLOYER_PHONE, role_label="我是招聘单位")

    employer_page.goto("/employer/")
    employer_page.get_by_label("统一社会信用代码").fill(make_uscc())
    employer_page.get_by_label("单位名称").fill("沈阳北方汽配制造有限公司")
    choose_region(employer_page, city="沈阳市", county="铁西区", prefix="employer")
    employer_page.get_by_label("联系人").fill("赵经理")
    employer_page.get_by_label("联系电话").fill("13700001111")
    employer_page.get_by_role("button", name=re.compile("提交|登记|保存")).first.click()
    employer_page.get_by_role("link", name="发布新岗位").click()

    fill_posting_form(
        employer_page, title="汽车配件装配工", description="流水线装配，长白班，限男性，包吃住。"
    )
    employer_page.get_by_role("button", name="提交审核").click()

    # 限男性 is refused with the rule explained; what was typed stays.
    employer_page.get_by_text("性别").first.wait_for()
    assert "就业促进法" in employer_page.locator("main").inner_text()
    assert employer_page.get_by_label("岗位名称").input_value() == "汽车配件装配工"
    assert not Posting.objects.exists()

    employer_page.get_by_label("岗位说明").fill("流水线装配，长白班，男女不限，包吃住。")
    employer_page.get_by_role("button", name="提交审核").click()
    employer_page.get_by_text("汽车配件装配工").first.wait_for()
    posting = Posting.objects.get()
    assert posting.status == PostingStatus.PENDING

    clerk = StaffFactory(role=StaffRole.CITY, area_id="2101", username="shenyang_city")
    office = new_page()
    sign_in_staff(office, clerk)
    employer = Employer.objects.get()
    office.goto(f"/office/employers/{employer.pk}/")
    office.get_by_role("button", name=re.compile("核验通过|通过")).first.click()
    office.wait_for_load_state()
    assert Employer.objects.get().status == EmployerStatus.VERIFIED
    office.goto(f"/office/postings/{posting.pk}/")
    office.get_by_role("button", name=re.compile("通过")).first.click()
    office.wait_for_load_state()
    assert Posting.objects.get().status == PostingStatus.PUBLISHED

    public = new_page()
    public.goto("/jobs/")
    public.get_by_text("汽车配件装配工").first.wait_for()


def test_dalian_clerk_cannot_open_a_shenyang_seeker(new_page):
    seeker = JobSeekerFactory(name="王小红")
    dalian_clerk = StaffFactory(area_id=DALIAN_GANJINGZI, username="dalian_clerk")
    page = new_page()
    sign_in_staff(page, dalian_clerk)
    response = page.goto(f"/office/seekers/{seeker.pk}/")
    assert response.status == 404
    assert "王小红" not in page.content()
