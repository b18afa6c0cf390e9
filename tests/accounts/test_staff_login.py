"""Staff sign in with a password and a TOTP code; five failures lock the username."""

import pytest
from django.core.exceptions import ValidationError

from chengnuan.accounts.services import staff_sign_in
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.core.ratelimit import RateLimited
from tests.accounts.conftest import current_totp
from tests.accounts.factories import STAFF_PASSWORD, staff_with_device

pytestmark = pytest.mark.django_db

STAFF_LOGIN = "/accounts/staff/login/"


def form(user, device, **override):
    data = {
        "username": user.username,
        "password": STAFF_PASSWORD,
        "otp_token": current_totp(device),
    }
    return data | override


def test_password_and_totp_sign_in_a_verified_staff_member(client):
    user, device = staff_with_device()
    response = client.post(STAFF_LOGIN, form(user, device) | {"next": "/accounts/login/"})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    later = client.get("/accounts/login/").wsgi_request
    assert later.user == user and later.user.is_verified()
    assert AuditEntry.objects.filter(
        actor=user, action=AuditAction.LOGIN, result=AuditResult.OK
    ).exists()


def test_a_wrong_totp_code_is_refused_and_audited(client):
    user, device = staff_with_device()
    wrong = f"{(int(current_totp(device)) + 1) % 1_000_000:06d}"
    page = client.post(STAFF_LOGIN, form(user, device, otp_token=wrong)).content.decode()
    assert "用户名、密码或动态验证码不对" in page and "还可以试4次" in page
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(actor=user, result=AuditResult.DENIED).exists()


def test_a_wrong_password_is_refused_with_the_same_message(client):
    user, device = staff_with_device()
    page = client.post(STAFF_LOGIN, form(user, device, password="nope")).content.decode()
    assert "用户名、密码或动态验证码不对" in page
    assert f'value="{user.username}"' in page  # the username stays typed in


def test_staff_without_a_confirmed_device_cannot_get_in(client):
    user, device = staff_with_device(confirmed=False)
    page = client.post(STAFF_LOGIN, form(user, device)).content.decode()
    assert "还没有绑定动态验证码" in page
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_username_even_for_the_right_password_and_code():
    user, device = staff_with_device()
    for _ in range(5):
        with pytest.raises(ValidationError):
            staff_sign_in(username=user.username, password="wrong", otp_token="000000")
    with pytest.raises(RateLimited) as info:
        staff_sign_in(
            username=user.username, password=STAFF_PASSWORD, otp_token=current_totp(device)
        )
    assert "15分钟后再试" in info.value.messages[0]


def test_the_lock_is_per_username():
    user, _device = staff_with_device()
    other, other_device = staff_with_device()
    for _ in range(5):
        with pytest.raises(ValidationError):
            staff_sign_in(username=user.username, password="wrong", otp_token="000000")
    signed_in, _ = staff_sign_in(
        username=other.username, password=STAFF_PASSWORD, otp_token=current_totp(other_device)
    )
    assert signed_in == other


def test_a_success_clears_earlier_failures():
    user, device = staff_with_device()
    for _ in range(4):
        with pytest.raises(ValidationError):
            staff_sign_in(username=user.username, password="wrong", otp_token="000000")
    staff_sign_in(username=user.username, password=STAFF_PASSWORD, otp_token=current_totp(device))
    with pytest.raises(ValidationError, match="还可以试4次"):
        staff_sign_in(username=user.username, password="wrong", otp_token="000000")


def test_a_worker_cannot_use_the_staff_sign_in():
    from tests.factories import UserFactory

    worker = UserFactory()
    worker.set_password(STAFF_PASSWORD)
    worker.save()
    with pytest.raises(ValidationError, match="不对"):
        staff_sign_in(username=worker.username, password=STAFF_PASSWORD, otp_token="123456")


def test_the_admin_login_is_the_staff_sign_in(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(STAFF_LOGIN)


def test_admin_needs_the_second_factor(client):
    user, device = staff_with_device(is_staff=True, is_superuser=True)
    client.force_login(user)  # password only, no OTP
    assert client.get("/django-admin/").status_code == 302
    client.logout()
    client.post(STAFF_LOGIN, form(user, device))
    assert client.get("/django-admin/").status_code == 200
