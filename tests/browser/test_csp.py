"""The pages' scripts work under the Content-Security-Policy, which Chromium enforces: htmx
searches and redraws, the "near me" button, search-as-you-type's Enter, the import progress
poll, the notice board's print button; and Chromium reports no violation on the way (while an injected inline script is
refused, so the policy does bite)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from chengnuan.bulk.choices import ImportKind, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.employment.search import postings_changed
from tests.employment.factories import WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import PostingFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHENYANG = {"latitude": 41.796, "longitude": 123.429}


@pytest.fixture
def open_page(browser, live_server, reference_data):
    """A page for one person (signed in by copying a test client's session cookie), and the
    CSP violations Chromium reports on it."""
    contexts = []
    violations: list[str] = []

    def make(user=None, *, staff: bool = False):
        context = browser.new_context(
            base_url=live_server.url,
            locale="zh-CN",
            viewport={"width": 390, "height": 844},
            geolocation=SHENYANG,
            permissions=["geolocation"],
        )
        contexts.append(context)
        if user is not None:
            client = (staff_signed_in if staff else signed_in)(Client(), user)
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        return page

    yield make, violations
    for context in contexts:
        context.close()


def test_scripts_work_under_the_policy_without_a_violation(open_page):
    make, violations = open_page
    welder = PostingFactory(title="电焊工")
    postings_changed([welder.pk])

    page = make()
    page.goto("/jobs/")
    page.locator("#q").fill("电焊")  # htmx searches as one types
    page.locator("main .card", has_text="电焊工").wait_for()
    near_me = page.get_by_role("button", name="离我最近（用手机定位）")
    near_me.click()
    page.wait_for_url("**lng=123.42900**")

    page = make(WorkerFactory())
    page.goto("/me/registration/")
    page.locator("select[name=residence_city]").select_option(label="沈阳市")
    anshan_tiexi = page.locator("select[name=residence_county] option[value='210303']")
    expect(anshan_tiexi).to_have_count(0)  # the counties redrawn for 沈阳市 only
    search = page.get_by_label("搜索其他工作")
    page.evaluate("window.samePage = true")
    search.fill("美发")
    search.press("Enter")
    page.locator("#occupation-results").get_by_text("美发", exact=False).first.wait_for()
    assert page.evaluate("window.samePage")  # Enter searched in place, did not send the form

    clerk = StaffFactory()
    job = ImportJob.objects.create(kind=ImportKind.SEEKER, file_name="大表.xlsx", created_by=clerk,
                                   status=ImportStatus.READING, total=100, processed=25,
                                   lease_expires_at=timezone.now() + datetime.timedelta(minutes=1))  # fmt: skip
    page = make(clerk, staff=True)
    page.goto(f"/office/bulk/imports/{job.pk}/")
    ImportJob.objects.filter(pk=job.pk).update(processed=75)
    page.locator("#job-status", has_text="已检查 75 行").wait_for()  # the poll swapped it in
    page.add_init_script("window.print = () => { window.printed = true; }")
    page.goto("/office/bulk/notice-board/")
    assert page.locator(".board h1").evaluate("e => getComputedStyle(e).textAlign") == "center"
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.printed")

    assert violations == []

    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.inlineRan = true")
    assert page.evaluate("window.inlineRan") is None
