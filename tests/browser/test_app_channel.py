"""The installable web app in a real Chromium: a worker's saved jobs stay readable offline
with the time they were saved; nothing is kept for a signed-out visitor or on a shared
computer; signing out clears the kept pages; the "add to home screen" hint can be dismissed."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from chengnuan.core.offline import SHARED_KEY
from chengnuan.employment.services.saved import saved_posting_add
from tests.employment.factories import WorkerFactory
from tests.employment.views_support import signed_in
from tests.factories import PostingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPT_PAGES = """async () => {
  if (!(await caches.has("pages"))) return [];
  const pages = await caches.open("pages");
  return (await pages.keys()).map((request) => new URL(request.url).pathname);
}"""


@pytest.fixture
def app_page(browser, live_server, reference_data):
    contexts = []

    def make(user=None, *, shared: bool = False):
        context = browser.new_context(
            base_url=live_server.url, locale="zh-CN", viewport={"width": 375, "height": 800}
        )
        contexts.append(context)
        if user is not None:
            client = signed_in(Client(), user)
            if shared:
                session = client.session
                session[SHARED_KEY] = True
                session.save()
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        return context, page

    yield make
    for context in contexts:
        context.close()


def controlled(page, path: str) -> None:
    """Open `path` once the service worker controls the page (the first visit installs it)."""
    page.goto(path)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(path)


def test_saved_jobs_stay_readable_offline_until_the_worker_signs_out(app_page):
    worker = WorkerFactory()
    posting = PostingFactory(title="汽车配件装配普工", description="有师傅带，不会可以学。")
    saved_posting_add(user=worker, posting=posting)
    context, page = app_page(worker)

    controlled(page, "/me/saved/")
    assert page.evaluate(KEPT_PAGES) == ["/me/saved/"]

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="汽车配件装配普工")).to_be_visible()
    expect(page.locator(".offline-saved-at")).to_contain_text("更新的")
    expect(page.get_by_text("现在没有网络。您看到的是上次打开时保存的内容。")).to_be_visible()
    page.get_by_text("地点、要求和联系方式").click()
    expect(page.get_by_text(posting.contact_phone)).to_be_visible()  # a number to call
    page.goto("/jobs/")  # never opened: the offline page, with the way to the saved jobs
    expect(page.get_by_role("heading", name="现在没有网络")).to_be_visible()

    context.set_offline(False)
    page.goto("/me/saved/")
    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/")
    assert page.evaluate(KEPT_PAGES) == []


def test_nothing_is_kept_on_a_shared_computer(app_page):
    worker = WorkerFactory()
    saved_posting_add(user=worker, posting=PostingFactory(title="夜班保安"))
    context, page = app_page(worker, shared=True)

    controlled(page, "/me/saved/")
    assert page.evaluate(KEPT_PAGES) == []
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="现在没有网络")).to_be_visible()
    expect(page.get_by_text("夜班保安")).to_have_count(0)


def test_nothing_is_kept_for_a_signed_out_visitor(app_page):
    posting = PostingFactory(title="保洁员")
    context, page = app_page()

    controlled(page, f"/jobs/{posting.pk}/")
    assert page.evaluate(KEPT_PAGES) == []
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="现在没有网络")).to_be_visible()


OFFER_INSTALL = """() => {
  const offer = new Event("beforeinstallprompt", { cancelable: true });
  offer.prompt = () => { window.prompted = true; return Promise.resolve(); };
  window.dispatchEvent(offer);
}"""


def test_the_install_hint_installs_or_goes_away_for_good(app_page):
    _context, page = app_page()
    page.goto("/jobs/")
    hint = page.locator("[data-install-hint]")
    expect(hint).to_be_hidden()  # only where the browser offers to install

    page.evaluate(OFFER_INSTALL)
    expect(hint).to_be_visible()
    page.get_by_role("button", name="添加到桌面").click()
    assert page.evaluate("window.prompted") is True
    expect(hint).to_be_hidden()

    page.reload()
    page.evaluate(OFFER_INSTALL)
    page.get_by_role("button", name="不用了").click()
    expect(hint).to_be_hidden()
    page.reload()
    page.evaluate(OFFER_INSTALL)
    expect(hint).to_be_hidden()
