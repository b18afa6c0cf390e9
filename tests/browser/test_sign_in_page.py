"""The SMS sign-in page as a worker whose SMS is late sees it: the resend button can be read."""

import pytest

from tests.browser.elder import axe_problems, elder_problems
from tests.browser.visible import contrast_with_background

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_resend_button_stands_out_from_its_background(new_page, sms_outbox):
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("我是求职者").check()
    page.get_by_label("手机号").fill("13912345678")
    page.get_by_role("button", name="获取验证码").click()
    page.get_by_text("验证码已发到").wait_for()

    resend = page.get_by_role("button", name="重新获取验证码")
    assert resend.is_visible()
    assert contrast_with_background(resend) >= 4.5


def test_the_code_step_holds_the_elder_rules_in_large_text(new_page, sms_outbox):
    """The step a worker with a late SMS stands on: the resend button inside its sentence is a
    finger-sized target too (it was the one page of the sign-in journey left out of the
    elder-mode walk, which can only GET)."""
    page = new_page()
    page.goto("/accounts/login/")
    page.locator("header .text-size button").click()
    page.get_by_label("我是求职者").check()
    page.get_by_label("手机号").fill("13912345678")
    page.get_by_role("button", name="获取验证码").click()
    page.get_by_text("验证码已发到").wait_for()

    assert elder_problems(page, min_text=18, min_target=60) == []
    assert axe_problems(page) == []
