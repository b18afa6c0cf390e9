"""What a person does with their messages: read them, open them (or their short link), and
turn a promotional topic off or on again."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery, Notification, Unsubscription
from chengnuan.notifications.topics import get_topic


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_open(*, notification: Notification) -> Notification:
    """The person opened the message or its link: read and opened, the first time counts."""
    now = timezone.now()
    Notification.objects.filter(pk=notification.pk, opened_at__isnull=True).update(
        opened_at=now, read_at=Coalesce("read_at", now)
    )
    notification.refresh_from_db(fields=["read_at", "opened_at"])
    return notification


@transaction.atomic
def topic_unsubscribe(*, user: User, topic: str) -> Unsubscription:
    """No more messages of this promotional topic; its SMS not yet sent are cancelled."""
    if not get_topic(topic).promotional:
        raise ValidationError("这类消息是办事通知，不能退订。", code="not_promotional")
    unsubscription, _ = Unsubscription.objects.get_or_create(user=user, topic=topic)
    Delivery.objects.filter(
        Q(status=DeliveryStatus.PENDING),
        notification__recipient=user,
        notification__topic=topic,
    ).update(status=DeliveryStatus.CANCELLED, last_error="本人已退订")
    return unsubscription


@transaction.atomic
def topic_resubscribe(*, user: User, topic: str) -> None:
    get_topic(topic)
    Unsubscription.objects.filter(user=user, topic=topic).delete()
