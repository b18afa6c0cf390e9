"""Every page of the key journeys (key_pages.KEY_PAGES) on a phone, as the person who uses it:
in large-text mode text at least 18 px, touch targets at least 60 px, contrast at least 4.5:1,
no horizontal scroll at 375 and 320 px, and no serious or critical axe-core finding; in the
normal mode touch targets at least 48 px. One context per person, one page
reused for all of that person's pages, so the whole walk stays fast."""

import pytest

from tests.browser.elder import axe_problems, elder_problems
from tests.browser.key_pages import KEY_PAGES, make_key_world, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = sorted({page.person for page in KEY_PAGES})


@pytest.mark.parametrize("person", PEOPLE)
def test_key_pages_hold_the_elder_rules_and_pass_axe(person, browser, live_server, reference_data):
    world = make_key_world()
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 375, "height": 800}
    )
    if person in world.people:
        context.add_cookies([session_cookie(world.people[person], live_server.url)])
    page = context.new_page()
    found: list[str] = []
    try:
        for large in (True, False):
            context.add_cookies(
                [{"name": "large_text", "value": "1" if large else "0", "url": live_server.url}]
            )
            for key_page in (p for p in KEY_PAGES if p.person == person):
                path = key_page.path(world)
                where = f"{key_page.name} {path} ({'大字' if large else '标准'})"
                page.set_viewport_size({"width": 375, "height": 800})
                response = page.goto(path)
                if response is None or not response.ok:
                    found.append(f"{where}: answered {response and response.status}")
                    continue
                problems = elder_problems(
                    page, min_text=18 if large else 0, min_target=60 if large else 48
                )
                if large:  # the same markup and colours in both modes: axe once is enough
                    problems += axe_problems(page)
                if large:
                    # A compact header: the brand with the text-size switch, then one row of menu.
                    header = page.locator("header.top").bounding_box()
                    if header["height"] > 2 * 60 + 4:
                        problems.append(f"the header is {header['height']:.0f}px tall")
                    page.set_viewport_size({"width": 320, "height": 800})
                    problems += [
                        f"320px: {p}"
                        for p in elder_problems(page, min_text=18, min_target=0)
                        if p.startswith("page is")
                    ]
                found += [f"{where}: {p}" for p in problems]
    finally:
        context.close()
    assert not found, "\n".join(found)
