"""Who may open what: staff_required, login_required_kind, and the sign-in redirects."""

import pytest
from django.core.exceptions import PermissionDenied

from chengnuan.accounts.access import LoginRequired, login_required_kind, staff_required
from chengnuan.accounts.models import UserKind
from tests.accounts.conftest import current_totp
from tests.accounts.factories import STAFF_PASSWORD, staff_with_device
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def request_of(client):
    """A real request that went through the whole middleware stack (sessions, OTP)."""
    return client.get("/accounts/login/").wsgi_request


def test_anonymous_visitor_is_sent_to_the_staff_sign_in(client):
    with pytest.raises(LoginRequired) as info:
        staff_required(request_of(client))
    assert info.value.login_url.startswith("/accounts/staff/login/?next=")


def test_staff_signed_in_without_the_second_factor_is_sent_back_to_sign_in(client):
    user, _device = staff_with_device()
    client.force_login(user)
    with pytest.raises(LoginRequired):
        staff_required(request_of(client))


def test_staff_with_password_and_totp_passes(client):
    user, device = staff_with_device()
    client.post(
        "/accounts/staff/login/",
        {"username": user.username, "password": STAFF_PASSWORD, "otp_token": current_totp(device)},
    )
    assert staff_required(request_of(client)) == user


def test_a_worker_is_refused_staff_pages_outright(client):
    client.force_login(UserFactory())
    with pytest.raises(PermissionDenied) as info:
        staff_required(request_of(client))
    assert not isinstance(info.value, LoginRequired)


def test_login_required_kind_accepts_the_kind_and_refuses_others(client):
    worker = UserFactory(kind=UserKind.WORKER)
    client.force_login(worker)
    assert login_required_kind(request_of(client), UserKind.WORKER) == worker
    assert login_required_kind(request_of(client), (UserKind.WORKER, UserKind.EMPLOYER)) == worker
    with pytest.raises(PermissionDenied, match="招聘单位"):
        login_required_kind(request_of(client), UserKind.EMPLOYER)


def test_login_required_kind_for_staff_still_needs_the_second_factor(client):
    user, _device = staff_with_device()
    client.force_login(user)
    with pytest.raises(LoginRequired):
        login_required_kind(request_of(client), UserKind.STAFF)


def test_pages_redirect_anonymous_visitors_to_sign_in_and_back(client):
    response = client.get("/accounts/me/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Faccounts%2Fme%2F"


def test_pages_for_workers_refuse_staff_with_403(client):
    user, device = staff_with_device()
    client.post(
        "/accounts/staff/login/",
        {"username": user.username, "password": STAFF_PASSWORD, "otp_token": current_totp(device)},
    )
    assert client.get("/accounts/me/").status_code == 403


def test_a_disabled_user_is_treated_as_signed_out(client):
    worker = UserFactory()
    client.force_login(worker)
    worker.is_active = False
    worker.save()
    assert client.get("/accounts/me/").status_code == 302
