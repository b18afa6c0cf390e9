"""Coded values of the notifications app."""

from django.db import models


class Channel(models.TextChoices):
    """Where a delivery goes. The in-site inbox is the Notification row itself (always)."""

    SMS = "sms", "短信"
    WECHAT = "wechat", "微信模板消息"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"  # due at due_at (later than now: held for quiet hours)
    SENDING = "sending", "发送中"  # claimed by one consumer until lease_until
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"  # retries used up
    CANCELLED = "cancelled", "已取消"  # nothing left to send it to (number gone, opted out)
