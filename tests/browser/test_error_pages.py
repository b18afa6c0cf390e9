"""A closed job's old link, followed on a phone with DEBUG off as in production."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dead_job_link_says_so_in_chinese_and_leads_back_to_the_search(new_page, settings):
    settings.DEBUG = False
    page = new_page()
    response = page.goto("/jobs/987654321/")
    assert response.status == 404
    assert page.get_by_role("heading", name="找不到这个页面").is_visible()
    assert "Not Found" not in page.locator("body").inner_text()

    page.get_by_role("link", name="看招聘岗位").click()
    page.wait_for_url("**/jobs/")
    page.get_by_role("button", name="搜索").first.wait_for()
