"""Delivery channels besides the inbox. SMS goes through the project's SMS backend
(accounts.sms, chosen by settings.SMS_BACKEND), with the delivery's id as idempotency key.
WeChat template messages have their place here but no implementation: a deployment that
has an official account sets NOTIFICATIONS_WECHAT_BACKEND to a WechatBackend of its own, and
until someone writes one (and a way to learn each worker's openid), the channel stays off."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from chengnuan.accounts.sms import SmsError, sms_send_now
from chengnuan.notifications.choices import Channel


class DeliveryFailed(Exception):
    """The channel did not take the message now; it is tried again later."""


class Undeliverable(Exception):
    """The message can never go out on this channel (no number): the delivery is cancelled."""


def _send_sms(delivery: Any) -> None:
    phone = delivery.notification.recipient.phone
    if not phone:
        raise Undeliverable("没有手机号")
    try:
        sms_send_now(phone=phone, text=delivery.text, key=f"notification-delivery-{delivery.pk}")
    except SmsError as exc:
        raise DeliveryFailed(str(exc)) from exc


class WechatBackend:
    """What a WeChat template-message implementation provides (none ships): send one
    template message to `openid`; `key` is the idempotency key, as for SMS."""

    def send(self, *, openid: str, template_id: str, data: dict[str, str], key: str) -> None:
        raise NotImplementedError


def wechat_backend() -> WechatBackend | None:
    path = settings.NOTIFICATIONS_WECHAT_BACKEND
    return import_string(path)() if path else None


# channel -> function(delivery) that sends it or raises DeliveryFailed / Undeliverable.
SENDERS: dict[str, Callable[[Any], None]] = {Channel.SMS: _send_sms}


def sender_for(channel: str) -> Callable[[Any], None]:
    try:
        return SENDERS[channel]
    except KeyError:
        raise Undeliverable(f"渠道 {channel} 未开通") from None
