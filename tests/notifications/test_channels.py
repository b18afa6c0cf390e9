import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from chengnuan.notifications.channels import Undeliverable, sender_for, wechat_backend_is_one

pytestmark = pytest.mark.django_db


def test_no_wechat_backend_is_configured_by_default_and_the_channel_has_no_sender():
    assert wechat_backend_is_one() == []
    with pytest.raises(Undeliverable):
        sender_for("wechat")


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("chengnuan.nothing.Here", "notifications.E001"),
        ("chengnuan.accounts.sms.SmsMessage", "notifications.E002"),
    ],
)
def test_a_wechat_backend_setting_must_name_a_wechat_backend(settings, path, code):
    settings.NOTIFICATIONS_WECHAT_BACKEND = path
    assert [e.id for e in wechat_backend_is_one()] == [code]
    with pytest.raises(SystemCheckError):
        call_command("check")
