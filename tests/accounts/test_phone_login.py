"""SMS one-time codes: sending, limits, wrong tries, first sign-in."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from django.utils import timezone

from chengnuan.accounts.models import PhoneCode, User, UserKind
from chengnuan.accounts.services.account import account_close
from chengnuan.accounts.services.phone import (
    login_code_request,
    login_code_verify,
    phone_codes_purge,
)
from chengnuan.core import crypto
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.core.ratelimit import RateLimited
from tests.accounts.conftest import code_in
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PHONE = "13912345678"


@pytest.fixture
def send(sms_outbox, django_capture_on_commit_callbacks):
    """Request a code as the login page does; returns the code that arrived by SMS."""

    def _send(phone=PHONE, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            login_code_request(phone=phone, purpose="login", **kwargs)
        return code_in(sms_outbox[-1])

    return _send


def age_codes(minutes: int) -> None:
    """Make every code `minutes` older, as if that much time had passed."""
    PhoneCode.objects.update(
        created_at=F("created_at") - datetime.timedelta(minutes=minutes),
        expires_at=F("expires_at") - datetime.timedelta(minutes=minutes),
        minute_slot=F("minute_slot") - minutes,
    )


def message(exc_info) -> str:
    return exc_info.value.messages[0]


def test_first_sign_in_creates_a_worker_named_after_the_phone_hash(send):
    code = send()
    user = login_code_verify(phone=PHONE, code=code, kind=UserKind.WORKER)
    assert user.kind == UserKind.WORKER
    assert user.phone == PHONE
    assert user.phone_masked == "139****5678"
    assert user.username.startswith("m") and PHONE not in user.username
    assert not user.has_usable_password()
    assert AuditEntry.objects.filter(actor=user, action=AuditAction.LOGIN).exists()


def test_choosing_employer_on_first_sign_in_makes_an_employer_account(send):
    user = login_code_verify(phone=PHONE, code=send(), kind=UserKind.EMPLOYER)
    assert user.kind == UserKind.EMPLOYER


def test_signing_in_again_returns_the_same_account_whatever_role_is_chosen(send):
    first = login_code_verify(phone=PHONE, code=send(), kind=UserKind.WORKER)
    age_codes(2)
    again = login_code_verify(phone="+86 139 1234 5678", code=send(), kind=UserKind.EMPLOYER)
    assert again.pk == first.pk and again.kind == UserKind.WORKER


def test_the_code_is_never_stored_in_clear(send):
    code = send()
    row = PhoneCode.objects.get()
    assert code not in row.code_hash
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_phonecode")
        assert code not in repr(cursor.fetchall())
    assert row.expires_at - row.created_at == datetime.timedelta(minutes=5)


def test_a_second_code_within_60_seconds_is_refused(send):
    now = timezone.now()
    send(now=now)
    with pytest.raises(RateLimited) as info:
        login_code_request(phone=PHONE, purpose="login", now=now + datetime.timedelta(seconds=30))
    assert "秒后再获取验证码" in message(info)
    send(now=now + datetime.timedelta(seconds=61))
    assert PhoneCode.objects.count() == 2


def test_the_60_second_rule_is_per_number(send):
    send(phone=PHONE)
    send(phone="13912345679")
    assert PhoneCode.objects.count() == 2


def test_two_requests_in_the_same_minute_slot_cannot_both_pass(send):
    """The database constraint holds even if two processes pass the check together."""
    now = timezone.now()
    send(now=now)
    # As if another process had just passed the 60-second check at the same moment:
    PhoneCode.objects.update(created_at=now - datetime.timedelta(minutes=5))
    with pytest.raises(RateLimited) as info:
        login_code_request(phone=PHONE, purpose="login", now=now)
    assert "请60秒后再获取验证码" in message(info)


def test_at_most_ten_codes_a_day_per_number(send):
    start = timezone.localtime().replace(hour=0, minute=1, second=0, microsecond=0)
    for i in range(10):
        send(now=start + datetime.timedelta(minutes=2 * i))
    with pytest.raises(RateLimited) as info:
        login_code_request(phone=PHONE, purpose="login", now=start + datetime.timedelta(hours=3))
    assert message(info) == "今天获取验证码次数太多了，请明天再试。"
    send(now=start + datetime.timedelta(days=1))  # a new day


def test_one_device_cannot_spray_codes_at_many_numbers(send):
    for i in range(20):
        send(phone=f"139000000{i:02d}", ip="10.0.0.9")
    with pytest.raises(RateLimited):
        login_code_request(phone="13900000099", purpose="login", ip="10.0.0.9")
    send(phone="13900000099", ip="10.0.0.10")


def test_a_landline_cannot_receive_a_code(sms_outbox):
    with pytest.raises(ValidationError):
        login_code_request(phone="024-23456789", purpose="login")
    assert sms_outbox == [] and not PhoneCode.objects.exists()


def test_a_wrong_code_says_how_many_tries_are_left(send):
    code = send()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    with pytest.raises(ValidationError) as info:
        login_code_verify(phone=PHONE, code=wrong)
    assert message(info) == "验证码错了，还可以试4次。"
    assert PhoneCode.objects.get().attempts == 1
    assert login_code_verify(phone=PHONE, code=code).phone == PHONE


def test_five_wrong_tries_spend_the_code_even_the_right_one_then_fails(send):
    code = send()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError, match=f"还可以试{left}次"):
            login_code_verify(phone=PHONE, code=wrong)
    with pytest.raises(ValidationError) as info:
        login_code_verify(phone=PHONE, code=wrong)
    assert info.value.code == "locked"
    with pytest.raises(ValidationError) as info:
        login_code_verify(phone=PHONE, code=code)
    assert message(info) == "验证码已失效，请重新获取。"
    assert PhoneCode.objects.get().locked


def test_an_expired_code_is_refused(send):
    now = timezone.now()
    code = send(now=now)
    with pytest.raises(ValidationError) as info:
        login_code_verify(
            phone=PHONE, code=code, now=now + datetime.timedelta(minutes=5, seconds=1)
        )
    assert message(info) == "验证码已失效，请重新获取。"


def test_a_code_works_only_once(send):
    code = send()
    login_code_verify(phone=PHONE, code=code)
    with pytest.raises(ValidationError, match="已失效"):
        login_code_verify(phone=PHONE, code=code)


def test_only_the_newest_code_counts(send):
    old = send()
    age_codes(2)
    new = send()
    if old != new:
        with pytest.raises(ValidationError):
            login_code_verify(phone=PHONE, code=old)
    assert login_code_verify(phone=PHONE, code=new)


def test_verifying_without_requesting_asks_for_a_code_first(sms_outbox):
    with pytest.raises(ValidationError, match="请先获取验证码"):
        login_code_verify(phone=PHONE, code="123456")


@pytest.mark.parametrize("typed", ["12345", "abcdef", "1234567", ""])
def test_a_code_that_is_not_six_digits_is_explained(typed, sms_outbox):
    with pytest.raises(ValidationError, match="6位数字"):
        login_code_verify(phone=PHONE, code=typed)


def test_staff_cannot_sign_in_by_sms(send):
    StaffFactory(phone_number=PHONE)
    with pytest.raises(ValidationError, match="工作人员"):
        login_code_verify(phone=PHONE, code=send())


def test_a_disabled_account_cannot_sign_in(send):
    UserFactory(phone_number=PHONE, is_active=False)
    with pytest.raises(ValidationError, match="已停用"):
        login_code_verify(phone=PHONE, code=send())


def test_a_closed_accounts_number_starts_a_new_account(send):
    old = login_code_verify(phone=PHONE, code=send())
    account_close(user=old)
    assert not PhoneCode.objects.exists()  # closing deletes the codes too
    new = login_code_verify(phone=PHONE, code=send(), kind=UserKind.EMPLOYER)
    assert new.pk != old.pk and new.kind == UserKind.EMPLOYER
    old.refresh_from_db()
    assert old.closed_at is not None and old.phone_hash is None
    assert User.objects.filter(phone_hash=crypto.lookup_hash(PHONE)).get() == new


def test_old_codes_are_purged_but_todays_stay(send):
    send()
    age_codes(3 * 24 * 60)
    send()
    assert phone_codes_purge() == 1
    assert PhoneCode.objects.count() == 1
