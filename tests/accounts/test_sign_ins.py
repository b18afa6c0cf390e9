"""登录过的设备: a person sees where they are signed in (APP tokens and browsers) and ends
any of them, on the page and through the API; every end is audited, never with a key."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, BrowserSession, PhoneCode, User
from chengnuan.accounts.selectors import session_store
from chengnuan.accounts.services.account import account_close
from chengnuan.accounts.services.sign_ins import api_token_create, device_label, sign_ins_purge
from chengnuan.core.models import AuditAction, AuditEntry
from tests.accounts.conftest import code_in, current_totp
from tests.accounts.factories import STAFF_PASSWORD, staff_with_device
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/accounts"
PAGE = "/accounts/me/sign-ins/"
PHONE = "13912345678"
ANDROID_WECHAT = (
    "Mozilla/5.0 (Linux; Android 12; V2148A) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MicroMessenger/8.0.28"
)
WINDOWS_EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"
)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def browser_sign_in(sms_outbox, django_capture_on_commit_callbacks):
    """Sign in by SMS code on the page, as a real browser would; returns the client."""

    def _sign_in(user_agent=ANDROID_WECHAT, phone=PHONE):
        browser = Client(HTTP_USER_AGENT=user_agent)
        PhoneCode.objects.all().delete()  # a second browser within the minute may ask too
        with django_capture_on_commit_callbacks(execute=True):
            browser.post("/accounts/login/", {"phone": phone, "kind": "worker", "action": "send"})
        data = {"phone": phone, "kind": "worker", "action": "verify", "stage": "code"}
        response = browser.post("/accounts/login/", data | {"code": code_in(sms_outbox[-1])})
        assert response.status_code == 302
        return browser

    return _sign_in


def worker_with_app():
    worker = User.objects.get(phone_masked="139****5678")
    token, key = api_token_create(user=worker, name="我的手机")
    return worker, token, key


def signed_in(browser) -> bool:
    return "_auth_user_id" in browser.get(PAGE).wsgi_request.session


def test_a_browser_sign_in_is_recorded_with_a_readable_device(browser_sign_in):
    browser = browser_sign_in()
    row = BrowserSession.objects.get()
    assert row.device == "安卓手机 · 微信"
    assert row.session_key == browser.session.session_key
    assert row.key_hash != row.session_key  # the key is looked up by hash, stored encrypted


def test_the_page_lists_browsers_and_app_tokens_and_marks_this_one(browser_sign_in):
    browser = browser_sign_in()
    browser_sign_in(user_agent=WINDOWS_EDGE)
    _worker, token, _key = worker_with_app()
    page = browser.get(PAGE).content.decode()
    assert "安卓手机 · 微信（就是您现在用的这台）" in page
    assert "Windows电脑 · Edge" in page
    assert "我的手机" in page and "手机APP" in page
    assert f"{timezone.localtime(token.expires_at):%Y-%m-%d}" in page
    assert "退出其他所有设备" in page


def test_the_api_lists_sign_ins_with_times_and_the_current_one(browser_sign_in, client):
    browser_sign_in()
    _worker, token, key = worker_with_app()
    client.get(f"{API}/me", **bearer(key))  # sets last used
    body = client.get(f"{API}/sessions", **bearer(key)).json()
    assert [item["kind"] for item in body] == ["app", "web"]
    app = body[0]
    assert app["id"] == f"app-{token.pk}" and app["current"] is True
    assert app["name"] == "我的手机" and app["last_used_at"] and app["expires_at"]
    assert body[1]["current"] is False and body[1]["name"] == "安卓手机 · 微信"


def test_ending_an_app_token_through_the_api_stops_it_at_once(browser_sign_in, client):
    browser = browser_sign_in()
    _worker, token, key = worker_with_app()
    browser_key = browser.get(PAGE).wsgi_request.COOKIES["csrftoken"]
    response = browser.delete(f"{API}/sessions/app-{token.pk}", HTTP_X_CSRFTOKEN=browser_key)
    assert response.status_code == 200
    assert client.get(f"{API}/me", **bearer(key)).status_code == 401


def test_the_app_can_sign_a_forgotten_browser_out(browser_sign_in, client):
    browser = browser_sign_in()
    _worker, _token, key = worker_with_app()
    row = BrowserSession.objects.get()
    response = client.delete(f"{API}/sessions/web-{row.pk}", **bearer(key))
    assert response.status_code == 200
    assert not signed_in(browser)


def test_someone_elses_sign_in_is_not_found(browser_sign_in, client):
    browser_sign_in()
    row = BrowserSession.objects.get()
    stranger = UserFactory()
    _token, key = api_token_create(user=stranger, name="别人的手机")
    for sign_in_id in (f"web-{row.pk}", "app-999999", "nonsense", "web-1x"):
        response = client.delete(f"{API}/sessions/{sign_in_id}", **bearer(key))
        assert response.status_code == 404
        assert response.json()["detail"][0]["msg"] == "没有找到这条记录。"
    assert BrowserSession.objects.get().ended_at is None


def test_end_others_keeps_only_the_one_in_hand(browser_sign_in, client):
    first = browser_sign_in()
    second = browser_sign_in(user_agent=WINDOWS_EDGE)
    worker, _token, key = worker_with_app()
    _other_token, other_key = api_token_create(user=worker, name="旧手机")
    response = client.post(f"{API}/sessions/end-others", **bearer(key))
    assert response.json() == {"detail": "已退出其他3处登录。", "ended": 3}
    assert client.get(f"{API}/me", **bearer(key)).status_code == 200
    assert client.get(f"{API}/me", **bearer(other_key)).status_code == 401
    assert not signed_in(first) and not signed_in(second)


def test_end_others_on_the_page_keeps_this_browser(browser_sign_in):
    browser = browser_sign_in()
    other = browser_sign_in(user_agent=WINDOWS_EDGE)
    response = browser.post(f"{PAGE}end-others/", follow=True)
    assert "已退出其他1处登录" in response.content.decode()
    assert signed_in(browser) and not signed_in(other)


def test_ending_this_browser_on_the_page_signs_it_out(browser_sign_in):
    browser = browser_sign_in()
    row = BrowserSession.objects.get()
    response = browser.post(f"{PAGE}web-{row.pk}/end/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert not signed_in(browser)


def test_signing_out_ends_the_recorded_browser_session(browser_sign_in):
    browser = browser_sign_in()
    browser.post("/accounts/logout/")
    assert BrowserSession.objects.get().ended_at is not None


def test_every_end_is_audited_without_any_key(browser_sign_in, client):
    browser = browser_sign_in()
    session_key = browser.session.session_key
    worker, token, key = worker_with_app()
    client.post(f"{API}/sessions/end-others", **bearer(key))
    client.post(f"{API}/logout", **bearer(key))
    ends = AuditEntry.objects.filter(action=AuditAction.DELETE, detail__what="sign_in")
    assert {(e.object_type, e.detail["why"]) for e in ends} == {
        ("accounts.browsersession", "others_by_owner"),
        ("accounts.apitoken", "logout"),
    }
    assert all(e.actor == worker for e in ends)
    everything = str(list(AuditEntry.objects.values()))
    assert key not in everything and key[3:] not in everything
    assert session_key not in everything
    assert token.key_hash not in everything


def test_a_staff_member_sees_their_own_sign_ins(client):
    user, device = staff_with_device()
    client.post(
        "/accounts/staff/login/",
        {"username": user.username, "password": STAFF_PASSWORD, "otp_token": current_totp(device)},
        HTTP_USER_AGENT=WINDOWS_EDGE,
    )
    page = client.get(PAGE).content.decode()
    assert "Windows电脑 · Edge（就是您现在用的这台）" in page and "动态验证码" in page


def test_the_sign_ins_page_asks_a_visitor_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_closing_the_account_signs_every_browser_out(
    browser_sign_in, django_capture_on_commit_callbacks
):
    browser = browser_sign_in()
    other = browser_sign_in(user_agent=WINDOWS_EDGE)
    keys = list(BrowserSession.objects.values_list("session_key", flat=True))
    worker = User.objects.get(phone_masked="139****5678")
    account_close(user=worker)
    assert not BrowserSession.objects.filter(ended_at__isnull=True).exists()
    assert not any(session_store(k).exists(k) for k in keys)
    assert not signed_in(browser) and not signed_in(other)


def test_the_purge_ends_browser_rows_whose_session_expired(browser_sign_in, settings):
    browser_sign_in()
    row = BrowserSession.objects.get()
    session_store(row.session_key).delete()  # expired and cleared
    BrowserSession.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=20)
    )
    sign_ins_purge()
    assert BrowserSession.objects.get().ended_at is not None
    sign_ins_purge(now=timezone.now() + datetime.timedelta(days=31))
    assert not BrowserSession.objects.exists()


def test_the_purge_keeps_a_live_old_browser_session(browser_sign_in):
    browser_sign_in()
    BrowserSession.objects.update(created_at=timezone.now() - datetime.timedelta(days=20))
    sign_ins_purge()
    assert BrowserSession.objects.get().ended_at is None


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (ANDROID_WECHAT, "安卓手机 · 微信"),
        (WINDOWS_EDGE, "Windows电脑 · Edge"),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
            "苹果手机 · Safari",
        ),
        ("", "电脑 · 浏览器"),
    ],
)
def test_device_labels_are_words_a_worker_knows(user_agent, label):
    assert device_label(user_agent) == label


def test_an_ended_token_is_no_longer_listed(client):
    worker = UserFactory()
    token, key = api_token_create(user=worker, name="APP")
    old, _ = api_token_create(user=worker, name="旧手机")
    ApiToken.objects.filter(pk=old.pk).update(revoked_at=timezone.now())
    ids = [item["id"] for item in client.get(f"{API}/sessions", **bearer(key)).json()]
    assert ids == [f"app-{token.pk}"]
