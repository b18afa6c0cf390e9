"""staff_create, staff_api_token, create_demo_accounts, demo_logins."""

import base64
import re
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.demo import DEMO_STAFF
from chengnuan.accounts.models import ApiToken, StaffRole, User, UserKind
from chengnuan.accounts.services.staff import staff_sign_in
from tests.accounts.conftest import current_totp

pytestmark = pytest.mark.django_db


def run(*args, **kwargs) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **kwargs)
    return out.getvalue()


def test_staff_create_makes_a_staff_member_with_an_enrolment_url():
    out = run(
        "staff_create",
        "--username",
        "liu",
        "--role",
        "clerk",
        "--area",
        "210106",
        "--department",
        "hrss",
        "--password",
        "pw-123456",
    )
    user = User.objects.get(username="liu")
    assert user.kind == UserKind.STAFF and user.area_id == "210106"
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    assert "otpauth://totp/" in out and "base32" in out
    staff_sign_in(username="liu", password="pw-123456", otp_token=current_totp(device))


def test_staff_create_generates_a_password_and_can_issue_an_api_token():
    out = run(
        "staff_create",
        "--username",
        "zhao",
        "--role",
        "city",
        "--area",
        "2101",
        "--department",
        "union",
        "--api-token",
        "导入脚本",
    )
    assert "初始密码" in out
    key = re.search(r"(cn_\S+)", out).group(1)
    assert ApiToken.objects.get(user__username="zhao").key_hash != key


def test_staff_create_refuses_an_area_of_the_wrong_level():
    with pytest.raises(CommandError, match="6位"):
        run(
            "staff_create",
            "--username",
            "x",
            "--role",
            "clerk",
            "--area",
            "2101",
            "--department",
            "hrss",
            "--password",
            "p",
        )
    with pytest.raises(CommandError, match="不存在"):
        run(
            "staff_create",
            "--username",
            "x",
            "--role",
            "city",
            "--area",
            "2199",
            "--department",
            "hrss",
            "--password",
            "p",
        )
    assert not User.objects.filter(username="x").exists()


def test_staff_api_token_needs_an_existing_staff_member():
    with pytest.raises(CommandError):
        run("staff_api_token", "--username", "nobody", "--name", "x")


def test_demo_accounts_are_created_once_and_sign_in_with_the_printed_secret():
    run("create_demo_accounts")
    run("create_demo_accounts")
    assert User.objects.filter(kind=UserKind.STAFF).count() == len(DEMO_STAFF)
    assert User.objects.filter(kind=UserKind.WORKER, phone_masked="138****0001").count() == 1
    assert User.objects.filter(kind=UserKind.EMPLOYER, phone_masked="138****0002").count() == 1
    roles = dict(User.objects.filter(kind=UserKind.STAFF).values_list("area_id", "role"))
    assert roles == {
        "210106": StaffRole.CLERK,
        "2101": StaffRole.CITY,
        "210211": StaffRole.CLERK,
        "21": StaffRole.PROVINCE,
    }

    out = run("demo_logins")
    spec = DEMO_STAFF[0]
    assert spec.username in out and spec.password in out
    uri = next(w for w in out.split() if w.startswith("otpauth://") and spec.username in w)
    secret = parse_qs(urlsplit(uri).query)["secret"][0]
    code = authenticator_code(secret)
    user, _device = staff_sign_in(username=spec.username, password=spec.password, otp_token=code)
    assert user.area_id == spec.area_code
    assert out.count("otpauth://totp/") == len(DEMO_STAFF)
    assert out.count("\u2588" * 7) >= len(DEMO_STAFF)  # a QR code's finder pattern, per officer
    assert "身份验证器" in out and "控制台" in out


def test_demo_logins_print_no_code_that_goes_stale():
    run("create_demo_accounts")
    out = run("demo_logins", "--no-qr")
    assert not re.search(r"(?<![\w=%])\d{6}(?!\w)", out)
    assert "\u2588" not in out


def authenticator_code(base32_secret: str) -> str:
    """The current code of a TOTP secret as an authenticator app computes it (RFC 6238)."""
    key = base64.b32decode(base32_secret + "=" * (-len(base32_secret) % 8))
    return f"{totp(key, 30, 0, 6):06d}"


def test_demo_totp_secrets_are_fixed():
    run("create_demo_accounts")
    first = TOTPDevice.objects.get(user__username=DEMO_STAFF[0].username).key
    run("create_demo_accounts")
    assert (
        TOTPDevice.objects.get(user__username=DEMO_STAFF[0].username).key
        == first
        == DEMO_STAFF[0].totp_key
    )


def test_demo_accounts_are_refused_in_production(settings):
    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="生产环境"):
        run("create_demo_accounts")
    with pytest.raises(CommandError, match="生产环境"):
        run("demo_logins")
    assert not User.objects.exists()


def test_the_demo_province_officer_can_edit_the_working_day_calendar(client):
    run("create_demo_accounts")
    spec = next(s for s in DEMO_STAFF if s.calendar_admin)
    device = TOTPDevice.objects.get(user__username=spec.username)
    client.post(
        "/accounts/staff/login/",
        {"username": spec.username, "password": spec.password, "otp_token": current_totp(device)},
    )
    assert client.get("/django-admin/core/workdayoverride/add/").status_code == 200
    response = client.post(
        "/django-admin/core/workdayoverride/add/",
        {"date": "2027-02-06", "is_workday": "on", "note": "2027年春节调休"},
    )
    assert response.status_code == 302
    import datetime

    from chengnuan.core.workdays import is_workday

    assert is_workday(datetime.date(2027, 2, 6))  # a Saturday, now a working day
