"""A station clerk on a phone-sized screen: a seeker's best matches with their reasons, a
posting pushed by hand, a contact recorded; the page fits a 390 px screen."""

import pytest

from chengnuan.matching.models import FollowUpContact, PushRecord
from chengnuan.matching.services.compute import matches_recompute
from tests.browser.conftest import sign_in_staff
from tests.factories import StaffFactory
from tests.matching.support import SHENYANG, posting, seeker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_pushes_a_matching_posting_by_hand_and_records_the_call(new_page):
    worker = seeker(name="王秀英")
    job = posting(title="小区保洁员", benefits=["housing"])
    matches_recompute(city_code=SHENYANG)
    clerk = StaffFactory()
    page = new_page()
    sign_in_staff(page, clerk)
    page.goto(f"/office/matching/seekers/{worker.pk}/")
    page.get_by_text("正是您想做的工作").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("岗位编号（必填）", exact=True).fill(str(job.pk))
    page.get_by_role("button", name="推送").click()
    page.get_by_text("已把「小区保洁员」推送给王秀英").wait_for()
    page.get_by_label("联系方式").select_option(label="打电话")
    page.get_by_label("情况记录").fill("本人说明天去面试")
    page.get_by_role("button", name="记下这次联系").click()
    page.get_by_text("已记下这次联系").wait_for()
    assert PushRecord.objects.filter(seeker=worker, posting=job, pushed_by=clerk).exists()
    assert FollowUpContact.objects.get(seeker=worker).note == "本人说明天去面试"
