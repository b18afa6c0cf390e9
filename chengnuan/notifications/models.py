from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from chengnuan.core.fields import EncryptedTextField
from chengnuan.notifications.choices import Channel, DeliveryStatus


class Notification(models.Model):
    """One message to one person: the in-site inbox row, stored before anything is sent.
    title and body are rendered once, HTML-escaped (see rendering.py); the deliveries carry
    the other channels' texts."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,  # the (recipient, created_at) index leads with it
    )
    topic = models.CharField("类别", max_length=64)
    # NULL, not "", when the sender gives none: NULLs never collide in the unique constraint.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    link = models.CharField("链接", max_length=300, blank=True)
    # Copied from the topic when sent: the daily cap counts these rows without the registry.
    promotional = models.BooleanField(default=False)
    created_at = models.DateTimeField("时间", default=timezone.now)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    opened_at = models.DateTimeField("打开时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(promotional=True),
                name="notification_promotional",
            ),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["dedupe_key"], name="notification_unique_dedupe_key"),
            models.CheckConstraint(
                condition=Q(opened_at__isnull=True) | Q(read_at__isnull=False),
                name="notification_opened_is_read",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """The outbox: one message on one channel other than the inbox. A consumer claims it
    with a conditional UPDATE (status, claim token, lease) and marks it sent after the
    channel accepted it; see docs/decisions/0007-notification-outbox.md."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField("渠道", max_length=8, choices=Channel.choices)
    # The text as sent (short link included), encrypted at rest; emptied some days after
    # the delivery ended (deliveries_purge).
    text = EncryptedTextField("内容", blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    due_at = models.DateTimeField("计划发送时间", default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    claim = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            # The consumers' claim query: pending by due time, sending by lease.
            models.Index(
                fields=["due_at"],
                condition=Q(status=DeliveryStatus.PENDING),
                name="delivery_pending_due",
            ),
            models.Index(
                fields=["lease_until"],
                condition=Q(status=DeliveryStatus.SENDING),
                name="delivery_sending_lease",
            ),
            models.Index(fields=["status", "sent_at"], name="delivery_status_sent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="delivery_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="delivery_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.SENDING)
                | (Q(lease_until__isnull=False) & ~Q(claim="")),
                name="delivery_sending_has_lease",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.SENT) | Q(sent_at__isnull=False),
                name="delivery_sent_has_time",
            ),
            # One delivery per channel and message: a retry reuses the row, never adds one.
            models.UniqueConstraint(
                fields=["notification", "channel"], name="delivery_one_per_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk} {self.get_status_display()}"


class MessageTemplate(models.Model):
    """Province staff's wording of a topic, overriding the texts the topic registered."""

    topic = models.CharField("类别", max_length=64, unique=True)
    title = models.CharField("标题模板", max_length=200)
    body = models.TextField("内容模板", blank=True)
    sms = models.CharField("短信模板", max_length=300, blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["topic"]

    def __str__(self) -> str:
        return self.topic


class Unsubscription(models.Model):
    """A person turned a promotional topic off (one tap from any of its messages)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    topic = models.CharField("类别", max_length=64)
    at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        ordering = ["topic"]
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="unsubscription_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic}"
