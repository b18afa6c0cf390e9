"""A worker on a 320-pixel phone opens a job fair, signs up and finds the entry code; the
printable booth list prints from its button under the Content-Security-Policy."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.employment.views_support import signed_in
from tests.events.factories import BoothFactory, FairFactory, WorkerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, live_server, user) -> None:
    client = signed_in(Client(), user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_worker_signs_up_for_a_fair_on_a_small_phone(new_page, live_server):
    fair = FairFactory(title="铁西区冬季专场招聘会")
    BoothFactory(fair=fair)
    worker = WorkerFactory()
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    _as(page, live_server, worker)

    page.goto("/fairs/")
    page.get_by_role("link", name="铁西区冬季专场招聘会").click()
    assert _no_sideways_scroll(page)
    page.get_by_role("button", name="我要报名").click()

    expect(page.get_by_text("报名成功")).to_be_visible()
    code = worker.fair_signups.get().code
    page.get_by_role("link", name="我的招聘会").first.click()
    expect(page.get_by_text(code)).to_be_visible()
    assert _no_sideways_scroll(page)


def test_the_booth_list_prints_from_its_button_without_a_policy_violation(new_page):
    booth = BoothFactory()
    page = new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script("window.print = () => { window.printed = true; }")

    page.goto(f"/fairs/{booth.fair.pk}/print/")
    expect(page.get_by_text(booth.employer.name)).to_be_visible()
    page.get_by_role("button", name="打印").click()

    page.wait_for_function("window.printed === true")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert violations == []
