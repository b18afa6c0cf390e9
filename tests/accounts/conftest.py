import re

import pytest
from django_otp.oath import totp

from chengnuan.accounts.sms import LocmemSmsBackend


@pytest.fixture
def sms_outbox(settings):
    settings.SMS_BACKEND = "chengnuan.accounts.sms.LocmemSmsBackend"
    LocmemSmsBackend.outbox.clear()
    yield LocmemSmsBackend.outbox
    LocmemSmsBackend.outbox.clear()


def code_in(message) -> str:
    match = re.search(r"验证码是(\d{6})", message.text)
    assert match, message.text
    return match.group(1)


def current_totp(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is slow on purpose; these tests check who gets in, not hash strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
