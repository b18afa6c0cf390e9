"""Reads of messages. Only the recipient reads their own; staff have no route to anyone's inbox."""

from collections.abc import Iterable

from django.db.models import QuerySet

from chengnuan.accounts.models import User
from chengnuan.notifications.models import MessageTemplate, Notification, Unsubscription
from chengnuan.notifications.topics import Topic, all_topics


def notifications_for_dedupe_keys(keys: Iterable[str]) -> QuerySet[Notification]:
    """The messages sent under these dedupe keys (for other apps' figures: opened or not)."""
    return Notification.objects.filter(dedupe_key__in=list(keys))


def inbox_of(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def unsubscribed_topics(user: User) -> set[str]:
    return set(Unsubscription.objects.filter(user=user).values_list("topic", flat=True))


def topics_with_choice(user: User) -> list[tuple[Topic, bool]]:
    """Every topic and whether the person gets it (promotional ones can be turned off)."""
    off = unsubscribed_topics(user)
    return [(topic, topic.code not in off) for topic in all_topics()]


def templates_by_topic() -> dict[str, MessageTemplate]:
    return {t.topic: t for t in MessageTemplate.objects.select_related("updated_by")}
