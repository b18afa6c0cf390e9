"""The job search page on a small phone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 375])
def test_the_search_button_sits_beside_the_box(new_page, width):
    page = new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/jobs/")
    box = page.locator("#search-form input[name=q]").bounding_box()
    button = page.locator("#search-form button[type=submit]").bounding_box()
    assert abs(box["y"] - button["y"]) < 8  # one line, not wrapped under the box
    assert button["x"] >= box["x"] + box["width"]
    assert box["width"] >= width * 0.5  # the box keeps most of the line
    assert page.evaluate("document.documentElement.scrollWidth") <= width
