"""The SMS sign-in page, step by step, without JavaScript."""

import pytest
from django.urls import reverse

from chengnuan.accounts.models import PhoneCode, User, UserKind
from tests.accounts.conftest import code_in

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def post(client, sms_outbox, django_capture_on_commit_callbacks):
    def _post(data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(LOGIN, data, REMOTE_ADDR="10.9.8.7", **kwargs)

    return _post


def test_login_page_offers_both_roles(client):
    page = client.get(LOGIN).content.decode()
    assert "我是求职者" in page and "我是招聘单位" in page
    assert "获取验证码" in page


def test_asking_for_a_code_moves_to_the_code_step(post, sms_outbox):
    response = post({"phone": "13912345678", "kind": "worker", "action": "send"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "139****5678" in page and 'name="code"' in page
    assert len(sms_outbox) == 1


def test_a_wrong_phone_keeps_what_was_typed_and_says_why(post, sms_outbox):
    response = post({"phone": "024-2345678", "kind": "employer", "action": "send"})
    page = response.content.decode()
    assert 'value="024-2345678"' in page
    assert "手机号" in page and "有效" in page
    assert 'value="employer" required id="id_kind_1" checked' in page
    assert sms_outbox == []


def test_the_right_code_signs_in_and_creates_the_chosen_kind(client, post, sms_outbox):
    post({"phone": "13912345678", "kind": "employer", "action": "send"})
    response = post(
        {
            "phone": "13912345678",
            "kind": "employer",
            "code": code_in(sms_outbox[0]),
            "action": "verify",
            "stage": "code",
            "next": "/accounts/me/",
        }
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/me/"
    user = User.objects.get(phone_masked="139****5678")
    assert user.kind == UserKind.EMPLOYER
    assert client.get("/accounts/me/").status_code == 200


def test_a_wrong_code_stays_on_the_code_step_with_the_tries_left(post, sms_outbox):
    post({"phone": "13912345678", "kind": "worker", "action": "send"})
    wrong = f"{(int(code_in(sms_outbox[0])) + 1) % 1_000_000:06d}"
    page = post(
        {
            "phone": "13912345678",
            "kind": "worker",
            "code": wrong,
            "action": "verify",
            "stage": "code",
        }
    ).content.decode()
    assert "验证码错了，还可以试4次" in page
    assert 'name="code"' in page and 'value="13912345678"' in page


def test_asking_again_too_soon_says_to_wait(post):
    post({"phone": "13912345678", "kind": "worker", "action": "send"})
    page = post(
        {"phone": "13912345678", "kind": "worker", "action": "send", "stage": "code"}
    ).content.decode()
    assert "秒后再获取验证码" in page
    assert PhoneCode.objects.count() == 1


def test_an_outside_next_address_is_ignored(post, sms_outbox):
    post({"phone": "13912345678", "kind": "worker", "action": "send"})
    response = post(
        {
            "phone": "13912345678",
            "kind": "worker",
            "code": code_in(sms_outbox[0]),
            "action": "verify",
            "next": "https://evil.example/",
        }
    )
    assert response["Location"] == reverse("home")


def test_logout_needs_a_post(client):
    user = User.objects.create(username="w1", kind=UserKind.WORKER)
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 302  # signed out: back to sign in
