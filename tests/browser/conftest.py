"""Key journeys in a real headless Chromium (Debian's package), driven by Playwright."""

import os
import shutil

import pytest
from django.db import connection
from django_otp.oath import totp

from tests.security.scan import audit_table_text, clear_numbers

# Playwright's sync API runs an event loop in this thread; the ORM calls that the test itself
# makes to set up data stay synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Two browsers that talk to each other through the server at the same moment (the interview
# room's signalling) need a database that gives each server thread its own connection. The
# in-memory SQLite test database is one connection that the live server's threads share:
# concurrent requests break its savepoints ("cannot release savepoint - SQL statements in
# progress") and the broken connection then fails every test after. Such journeys run on
# PostgreSQL, the production database; on SQLite they are skipped with this reason.
needs_concurrent_database = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory SQLite test database is one connection shared by the live server's threads",
)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is required for browser tests (scripts/test.sh installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                # The interview room's video call: a fake camera and microphone, granted
                # without a permission prompt.
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def sms_outbox(settings):
    from chengnuan.accounts.sms import LocmemSmsBackend

    settings.SMS_BACKEND = "chengnuan.accounts.sms.LocmemSmsBackend"
    LocmemSmsBackend.outbox.clear()
    return LocmemSmsBackend.outbox


@pytest.fixture
def new_page(browser, live_server, reference_data, caplog):
    """A factory of pages, one browser context (cookie jar) each: one person per context.
    After the journey, no clear 身份证号 or phone number may be in the audit table, the logs or
    any URL the browser asked for (what an access log keeps)."""
    contexts = []
    urls: list[str] = []

    def make():
        context = browser.new_context(
            base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}
        )
        context.on("request", lambda request: urls.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()
    for where, text in (
        ("audit", audit_table_text()),
        ("logs", caplog.text),
        ("URLs", "\n".join(urls)),
    ):
        assert not clear_numbers(text), f"clear personal numbers in the {where}"


def current_totp(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in_staff(page, staff, password: str = "correct horse 9") -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="手机", confirmed=True)
    page.goto("/accounts/staff/login/")
    page.get_by_label("用户名").fill(staff.username)
    page.get_by_label("密码").fill(password)
    page.get_by_label("动态验证码").fill(current_totp(device))
    page.get_by_role("button", name="登录").click()
    page.get_by_role("button", name="退出").wait_for()
