"""A worker searches the way the issue's users do, on a phone-sized page, with and without
JavaScript; a posting closed a moment ago no longer shows."""

import re

import pytest

from chengnuan.employment.search import postings_changed
from chengnuan.employment.services.postings import posting_close
from tests.factories import DALIAN_GANJINGZI, PostingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def search(page, words: str) -> str:
    """The results of a search from a fresh /jobs/ page. The address gets the query once the
    results are in (a page load without JavaScript, htmx's history push with it); htmx's
    swap classes go once they are on the page. Waiting for "network idle" is not enough: the
    page reached it before the search started, and returns at once."""
    page.goto("/jobs/")
    page.get_by_role("searchbox").first.fill(words)
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r"[?&]q="))
    page.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(state="detached")
    return page.locator("main").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_worker_finds_driver_jobs_with_housing_and_a_closed_one_vanishes(
    browser, live_server, reference_data, javascript
):
    housed = PostingFactory(title="物流园货车司机", benefits=["housing", "meals"])
    unhoused = PostingFactory(title="出租车司机", benefits=[])
    cleaner = PostingFactory(title="小区保洁员", county_id=DALIAN_GANJINGZI)
    postings_changed([housed.pk, unhoused.pk, cleaner.pk])
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=javascript,
        viewport={"width": 390, "height": 844},
    )
    page = context.new_page()

    found = search(page, "司机 包住")
    assert "物流园货车司机" in found
    assert "出租车司机" not in found and "小区保洁员" not in found

    assert "小区保洁员" in search(page, "清洁工")  # a synonym finds it

    posting_close(posting=housed, actor=housed.employer.owner)
    assert "物流园货车司机" not in search(page, "司机 包住")
    context.close()
