"""Issue 12's whole loop as the people meet it, on phone-sized screens: a worker who wants 保洁
work near 铁西区 at 4000+ a month gets one inbox message with its reasons after an employer
posts exactly that (and not a second one when the push runs again), applies with one tap, is
invited to a remote interview, both sides open the room and see each other connected, and the
hire shows in the province's effectiveness figures."""

import datetime

import pytest
from django.utils import timezone

from chengnuan.accounts.models import StaffRole
from chengnuan.applications.choices import ApplicationStatus, InterviewMode
from chengnuan.applications.models import Application
from chengnuan.applications.services.applications import application_transition
from chengnuan.applications.services.interviews import application_invite
from chengnuan.matching.selectors.effectiveness import push_funnel
from chengnuan.matching.services.compute import match_new_postings
from chengnuan.matching.services.push import matches_push_city
from chengnuan.notifications.models import Notification
from tests.applications.support import invitation
from tests.browser.conftest import needs_concurrent_database
from tests.browser.test_interview_room import signed_in_page
from tests.employment.factories import EmployerUserFactory
from tests.factories import EmployerFactory, StaffFactory
from tests.matching.support import NEAR_TIEXI, SHENYANG, posting, seeker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    needs_concurrent_database,
]


def test_a_pushed_posting_is_applied_for_interviewed_over_video_and_counted_as_a_hire(
    new_page, live_server
):
    worker = seeker(name="王秀英", expected_wage=4000)
    owner = EmployerUserFactory()
    job = posting(
        title="小区保洁员",
        employer=EmployerFactory(owner=owner),
        wage_min=4200,
        wage_max=4800,
        lng=NEAR_TIEXI[0],
        lat=NEAR_TIEXI[1],
        benefits=["housing"],
        # Past the settling time the incremental run leaves for late commits.
        published_at=timezone.now() - datetime.timedelta(minutes=10),
    )

    assert match_new_postings(city_code=SHENYANG).postings == 1
    matches_push_city(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG)  # a second run in the same window sends nothing
    assert Notification.objects.filter(recipient=worker.user).count() == 1

    page = signed_in_page(new_page, live_server, worker.user)
    page.goto("/me/messages/")
    page.get_by_role("link", name="有1个新岗位适合您").first.click()
    for reason in ("离您住处3公里", "月薪不低于您期望"):
        page.get_by_text(reason).first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(f"/jobs/{job.pk}/")
    page.get_by_role("link", name="申请这个岗位").click()
    page.get_by_role("button", name="确认申请").click()
    application = Application.objects.get(seeker=worker, posting=job)
    assert application.status == ApplicationStatus.APPLIED

    room = application_invite(
        application=application, data=invitation(InterviewMode.REMOTE), actor=owner
    ).room
    employer_page = signed_in_page(new_page, live_server, owner)
    for side in (employer_page, page):
        side.goto(f"/interviews/room/{room.token}/")
    for side in (employer_page, page):
        side.locator("#room-state", has_text="已接通").wait_for(timeout=30_000)

    for step in (ApplicationStatus.INTERVIEWED, ApplicationStatus.HIRED):
        application_transition(application=application, to=step, actor=owner)
    (row,) = push_funnel(StaffFactory(role=StaffRole.PROVINCE, area_id="21"), level="city")
    assert (row.area_code, row.pushed, row.opened, row.applied, row.hired) == (
        SHENYANG, 1, 1, 1, 1
    )  # fmt: skip
