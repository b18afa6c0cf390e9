"""/api/v1/accounts: the APP channel signs in by SMS code and gets a bearer token."""

import pytest
from django.test import RequestFactory

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.api_auth import TokenAuth
from chengnuan.accounts.models import ApiToken
from chengnuan.accounts.services.sign_ins import api_token_create, api_token_revoke
from tests.accounts.conftest import code_in
from tests.accounts.factories import staff_with_device
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/accounts"


@pytest.fixture
def api_post(client, sms_outbox, django_capture_on_commit_callbacks):
    def _post(path, payload, **headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"{API}{path}", payload, content_type="application/json", **headers)

    return _post


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def sign_in(api_post, sms_outbox, phone="13912345678", kind="worker"):
    assert api_post("/login/code", {"phone": phone}).status_code == 200
    response = api_post(
        "/login/verify", {"phone": phone, "code": code_in(sms_outbox[-1]), "kind": kind}
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_sign_in_by_code_returns_a_token_that_opens_me(client, api_post, sms_outbox):
    body = sign_in(api_post, sms_outbox, kind="employer")
    assert body["token"].startswith("cn_")
    assert body["user"]["kind"] == "employer"
    me = client.get(f"{API}/me", **bearer(body["token"]))
    assert me.status_code == 200
    assert me.json()["phone_masked"] == "139****5678"
    assert body["token"] not in ApiToken.objects.get().key_hash


def test_me_without_a_token_is_401_in_chinese(client):
    response = client.get(f"{API}/me")
    assert response.status_code == 401
    assert response.json()["detail"][0]["msg"] == "请先登录。"


def test_a_made_up_token_is_401(client):
    assert client.get(f"{API}/me", **bearer("cn_madeup")).status_code == 401


def test_logout_revokes_the_token(client, api_post, sms_outbox):
    token = sign_in(api_post, sms_outbox)["token"]
    assert api_post("/logout", {}, **bearer(token)).status_code == 200
    assert client.get(f"{API}/me", **bearer(token)).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_a_token_of_a_disabled_user_stops_working(client):
    user = UserFactory()
    _token, key = api_token_create(user=user, name="APP")
    user.is_active = False
    user.save()
    assert client.get(f"{API}/me", **bearer(key)).status_code == 401


def test_the_browser_session_also_opens_the_api(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(f"{API}/me").json()["id"] == user.pk


def test_a_wrong_code_is_422_with_the_tries_left(api_post, sms_outbox):
    api_post("/login/code", {"phone": "13912345678"})
    wrong = f"{(int(code_in(sms_outbox[-1])) + 1) % 1_000_000:06d}"
    response = api_post("/login/verify", {"phone": "13912345678", "code": wrong})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "验证码错了，还可以试4次。"


def test_asking_too_often_is_429(api_post):
    api_post("/login/code", {"phone": "13912345678"})
    response = api_post("/login/code", {"phone": "13912345678"})
    assert response.status_code == 429
    assert "秒后再获取验证码" in response.json()["detail"][0]["msg"]


def test_a_bad_phone_is_422(api_post):
    response = api_post("/login/code", {"phone": "12345"})
    assert response.status_code == 422


def test_staff_cannot_choose_staff_as_their_kind(api_post, sms_outbox):
    api_post("/login/code", {"phone": "13912345678"})
    response = api_post(
        "/login/verify", {"phone": "13912345678", "code": code_in(sms_outbox[-1]), "kind": "staff"}
    )
    assert response.status_code == 422


def test_a_staff_token_counts_as_verified_staff_and_keeps_the_scope():
    staff, _device = staff_with_device()
    _token, key = api_token_create(user=staff, name="导入脚本")
    request = RequestFactory().get("/api/v1/x", **bearer(key))
    assert TokenAuth()(request) == staff
    assert staff_required(request) == staff
    assert staff_required(request).area_id == "210106"


def test_a_revoked_staff_token_authenticates_nobody():
    staff, _device = staff_with_device()
    token, key = api_token_create(user=staff, name="导入脚本")
    api_token_revoke(token=token, actor=staff)
    assert TokenAuth()(RequestFactory().get("/", **bearer(key))) is None
