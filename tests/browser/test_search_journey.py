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


def test_tapping_a_suggestion_puts_it_in_the_box_and_the_address(new_page):
    posting = PostingFactory(title="急招普工")
    postings_changed([posting.pk])
    page = new_page()
    assert "没有找到「pg」" in search(page, "pg")
    page.get_by_role("link", name="您是不是要找「普工」？").click()
    page.wait_for_url(re.compile(r"q=%E6%99%AE%E5%B7%A5"))
    page.locator(".card").first.wait_for()
    assert page.get_by_role("searchbox").first.input_value() == "普工"
    page.reload()
    assert "急招普工" in page.locator("main").inner_text()
    assert page.get_by_role("searchbox").first.input_value() == "普工"


def test_a_city_typed_becomes_a_chip_that_can_be_removed(new_page):
    here = PostingFactory(title="日结小工")
    elsewhere = PostingFactory(
        title="日结装卸", description="沈阳来的老板", county_id=DALIAN_GANJINGZI
    )
    postings_changed([here.pk, elsewhere.pk])
    page = new_page()
    found = search(page, "沈阳 日结")
    assert "日结小工" in found and "日结装卸" not in found
    chip = page.get_by_role("link", name="去掉地点：沈阳")
    assert chip.is_visible()
    chip.click()
    page.wait_for_url(lambda url: "%E6%B2%88%E9%98%B3" not in url)  # 沈阳 gone from the address
    page.get_by_text("日结装卸").wait_for()
    assert page.get_by_role("searchbox").first.input_value() == "日结"


def test_without_location_the_distance_sort_shows_the_county_chips(new_page):
    posting = PostingFactory(title="普工")
    postings_changed([posting.pk])
    page = new_page()  # no geolocation permission granted
    search(page, "普工")
    page.get_by_role("button", name="离我最近（用手机定位）").click()
    page.get_by_text("选一个县区").wait_for()
    county = page.get_by_role("link", name="铁西区").first
    assert county.is_visible()  # not inside the folded 筛选条件 panel
    county.click()
    page.wait_for_url(re.compile(r"near=\d{6}"))
    page.locator(".distance").first.wait_for()
