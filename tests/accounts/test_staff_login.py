"""Staff sign in with a password and a TOTP code; failures lock a source, never the officer."""

import pytest
from django.core.exceptions import ValidationError

from chengnuan.accounts.services import staff as services
from chengnuan.accounts.services.staff import staff_sign_in
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


OFFICE_IP = "10.21.1.8"
ATTACKER_IP = "203.0.113.66"


def fail(user, ip, times=1, otp_token="000000"):
    for _ in range(times):
        with pytest.raises(ValidationError):
            staff_sign_in(username=user.username, password="wrong", otp_token=otp_token, ip=ip)


def sign_in(user, device, ip, **override):
    kwargs = {
        "username": user.username,
        "password": STAFF_PASSWORD,
        "otp_token": current_totp(device),
        "ip": ip,
    }
    return staff_sign_in(**(kwargs | override))


def test_failures_from_another_source_do_not_lock_the_officer_out():
    user, device = staff_with_device()
    fail(user, ATTACKER_IP, times=5)
    with pytest.raises(ValidationError, match="还可以试4次"):  # the office's own count
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=OFFICE_IP)
    signed_in, _ = sign_in(user, device, OFFICE_IP)
    assert signed_in == user


def test_five_failures_from_one_source_lock_that_source():
    user, _device = staff_with_device()
    fail(user, ATTACKER_IP, times=4)
    with pytest.raises(RateLimited) as info:
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=ATTACKER_IP)
    assert "已暂时锁定" in info.value.messages[0]
    with pytest.raises(RateLimited):
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=ATTACKER_IP)


def test_the_locked_officer_unlocks_with_password_and_totp_and_the_lock_clears():
    user, device = staff_with_device()
    fail(user, OFFICE_IP, times=5)
    signed_in, _ = sign_in(user, device, OFFICE_IP)
    assert signed_in == user
    assert AuditEntry.objects.filter(
        actor=user, result=AuditResult.OK, detail__unlocked=True
    ).exists()
    with pytest.raises(ValidationError, match="还可以试4次"):
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=OFFICE_IP)


def test_a_wrong_totp_while_locked_stays_locked_even_with_the_right_password():
    user, device = staff_with_device()
    fail(user, OFFICE_IP, times=5)
    wrong = f"{(int(current_totp(device)) + 1) % 1_000_000:06d}"
    with pytest.raises(RateLimited):
        sign_in(user, device, OFFICE_IP, otp_token=wrong)
    with pytest.raises(RateLimited):
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=OFFICE_IP)


def test_while_locked_no_password_is_tried_without_the_current_code(monkeypatch):
    user, _device = staff_with_device()
    fail(user, ATTACKER_IP, times=5)
    tried = []
    monkeypatch.setattr(services, "authenticate", lambda **kwargs: tried.append(kwargs))
    with pytest.raises(RateLimited):
        staff_sign_in(
            username=user.username, password=STAFF_PASSWORD, otp_token="000000", ip=ATTACKER_IP
        )
    assert tried == []


def test_a_right_code_with_a_wrong_password_while_locked_spends_the_code():
    user, device = staff_with_device()
    fail(user, OFFICE_IP, times=5)
    code = current_totp(device)
    with pytest.raises(RateLimited):
        sign_in(user, device, OFFICE_IP, password="wrong", otp_token=code)
    with pytest.raises(RateLimited):  # the same code again, now with the right password
        sign_in(user, device, OFFICE_IP, otp_token=code)


def test_strangers_wrong_codes_do_not_throttle_the_officers_device():
    user, device = staff_with_device()
    fail(user, ATTACKER_IP, times=25)  # the IP cap (30) is not reached
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
    signed_in, _ = sign_in(user, device, OFFICE_IP)
    assert signed_in == user


def test_failures_spread_over_many_sources_lock_every_source_but_not_the_officer():
    user, device = staff_with_device()
    for n in range(10):
        fail(user, f"198.51.100.{n}", times=2)  # 20 for the username, 2 per source
    with pytest.raises(RateLimited):  # a fresh source is already checked code first
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip="192.0.2.1")
    signed_in, _ = sign_in(user, device, OFFICE_IP)
    assert signed_in == user


def test_a_totp_code_works_only_once():
    user, device = staff_with_device()
    code = current_totp(device)
    sign_in(user, device, OFFICE_IP, otp_token=code)
    with pytest.raises(ValidationError, match="不对"):
        sign_in(user, device, OFFICE_IP, otp_token=code)


def test_thirty_failures_from_one_ip_refuse_that_ip_for_everyone():
    officers = [staff_with_device() for _ in range(6)]
    for officer, _device in officers:
        fail(officer, ATTACKER_IP, times=5)
    user, device = staff_with_device()
    with pytest.raises(RateLimited, match="这台设备"):
        sign_in(user, device, ATTACKER_IP)
    assert sign_in(user, device, OFFICE_IP)[0] == user


def test_failure_audit_rows_name_the_username_but_never_the_password():
    user, _device = staff_with_device()
    with pytest.raises(ValidationError):
        staff_sign_in(username=user.username, password="s3cret-guess", otp_token="1", ip=OFFICE_IP)
    fail(user, OFFICE_IP, times=5)
    denied = AuditEntry.objects.filter(result=AuditResult.DENIED, detail__username=user.username)
    assert denied.count() == 6
    assert "s3cret-guess" not in str(list(denied.values("detail", "actor_label", "object_id")))


def test_the_locked_page_tells_the_officer_how_to_get_in(client):
    user, device = staff_with_device()
    fail(user, "127.0.0.1", times=5)  # the test client's address
    page = client.post(STAFF_LOGIN, form(user, device, otp_token="000000")).content.decode()
    assert "已暂时锁定" in page and "动态验证码" in page
    response = client.post(STAFF_LOGIN, form(user, device))
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_lock_is_per_username():
    user, _device = staff_with_device()
    other, other_device = staff_with_device()
    fail(user, OFFICE_IP, times=5)
    signed_in, _ = sign_in(other, other_device, OFFICE_IP)
    assert signed_in == other


def test_a_success_clears_earlier_failures_of_its_source():
    user, device = staff_with_device()
    fail(user, OFFICE_IP, times=4)
    sign_in(user, device, OFFICE_IP)
    with pytest.raises(ValidationError, match="还可以试4次"):
        staff_sign_in(username=user.username, password="wrong", otp_token="000000", ip=OFFICE_IP)


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
