"""Storing messages: the inbox row always, an SMS delivery when the person's preferences allow
it, in the caller's transaction; delivery is queued for after it commits (services/outbox.py
sends). One plan for both entry points: notification_send (one message, returns the row) and
notifications_send_bulk (thousands, through core.fastinsert)."""

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.core.fastinsert import RowInserter, values_present
from chengnuan.notifications.choices import Channel
from chengnuan.notifications.links import short_url
from chengnuan.notifications.models import Delivery, MessageTemplate, Notification, Unsubscription
from chengnuan.notifications.preferences import Preferences, preferences_for_many
from chengnuan.notifications.quiet import beijing_day_start, sms_due_at
from chengnuan.notifications.rendering import render_html, render_sms
from chengnuan.notifications.topics import Topic, get_topic

CHUNK = 2000  # messages planned and inserted together in the bulk path


@dataclass(frozen=True)
class Outgoing:
    """One message for notifications_send_bulk."""

    recipient_id: int
    topic: str
    context: dict[str, Any] = field(default_factory=dict)
    dedupe_key: str | None = None
    link: str = ""


@dataclass(frozen=True)
class _Texts:
    title: str
    body: str
    sms: str


@dataclass
class _Planned:
    message: Outgoing
    topic: Topic
    title: str
    body: str
    sms: str  # "" : no SMS
    sms_due_at: datetime.datetime | None


class _Wording:
    """Each topic's texts: province staff's MessageTemplate if there is one, else the
    registered defaults. Read once per send."""

    def __init__(self, topics: Iterable[str]) -> None:
        self._edited = {t.topic: t for t in MessageTemplate.objects.filter(topic__in=set(topics))}

    def texts(self, topic: Topic) -> _Texts:
        edited = self._edited.get(topic.code)
        if edited is None:
            return _Texts(topic.title, topic.body, topic.sms)
        return _Texts(edited.title, edited.body, edited.sms)


def _plan(messages: Sequence[Outgoing], now: datetime.datetime) -> list[_Planned]:
    """The messages that go out, rendered: duplicates of a stored or earlier dedupe key,
    closed accounts, missing consent, turned-off or unsubscribed promotional topics and
    those over the daily cap are left out."""
    topics = {m.topic: get_topic(m.topic) for m in messages}
    keys = [m.dedupe_key for m in messages if m.dedupe_key]
    taken = values_present(Notification, "dedupe_key", keys) if keys else set()
    recipient_ids = {m.recipient_id for m in messages}
    open_accounts = set(
        User.objects.filter(
            pk__in=recipient_ids, is_active=True, closed_at__isnull=True
        ).values_list("pk", flat=True)
    )
    preferences = preferences_for_many(open_accounts)
    promotional = [code for code, topic in topics.items() if topic.promotional]
    unsubscribed: set[tuple[int, str]] = set()
    sent_today: Counter[int] = Counter()
    if promotional:
        unsubscribed = set(
            Unsubscription.objects.filter(
                user_id__in=open_accounts, topic__in=promotional
            ).values_list("user_id", "topic")
        )
        sent_today.update(
            dict(
                Notification.objects.filter(
                    recipient_id__in=open_accounts,
                    promotional=True,
                    created_at__gte=beijing_day_start(now),
                )
                .values_list("recipient_id")
                .annotate(n=Count("id"))
                .values_list("recipient_id", "n")
            )
        )
    wording = _Wording(topics)
    cap = settings.NOTIFICATIONS_PROMOTIONAL_DAILY_CAP
    planned = []
    for message in messages:
        topic = topics[message.topic]
        if message.dedupe_key:
            if message.dedupe_key in taken:
                continue
            taken.add(message.dedupe_key)
        if message.recipient_id not in open_accounts:
            continue
        prefs: Preferences = preferences[message.recipient_id]
        if topic.consent is not None and topic.consent not in prefs.consents:
            continue
        if topic.promotional:
            if not prefs.promotional or (message.recipient_id, topic.code) in unsubscribed:
                continue
            if sent_today[message.recipient_id] >= cap:
                continue  # dropped, not held: the sender's next push window tries again
            sent_today[message.recipient_id] += 1
        texts = wording.texts(topic)
        sms = render_sms(texts.sms, message.context) if prefs.sms and texts.sms else ""
        planned.append(
            _Planned(
                message=message,
                topic=topic,
                title=render_html(texts.title, message.context)[:200],
                body=render_html(texts.body, message.context),
                sms=sms,
                sms_due_at=sms_due_at(now, prefs) if sms else None,
            )
        )
    return planned


def _notification_values(plan: _Planned, now: datetime.datetime) -> dict[str, Any]:
    return {
        "recipient_id": plan.message.recipient_id,
        "topic": plan.topic.code,
        "dedupe_key": plan.message.dedupe_key or None,
        "title": plan.title,
        "body": plan.body,
        "link": plan.message.link,
        "promotional": plan.topic.promotional,
        "created_at": now,
    }


def _sms_values(plan: _Planned, notification_id: int) -> dict[str, Any]:
    return {
        "notification_id": notification_id,
        "channel": Channel.SMS,
        "text": f"{plan.sms} 详情：{short_url(notification_id)}",
        "due_at": plan.sms_due_at,
    }


def _deliver_after_commit() -> None:
    from chengnuan.notifications.tasks import deliveries_send

    transaction.on_commit(deliveries_send)


@transaction.atomic
def notification_send(
    *,
    recipient: User,
    topic: str,
    context: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
    link: str = "",
) -> Notification | None:
    """Store one message (inbox row, and an SMS delivery if the recipient wants SMS) and
    send it after commit. None: a message with this dedupe_key exists, or the recipient's
    choices (consent, unsubscribed, daily cap, closed account) leave it out."""
    now = timezone.now()
    message = Outgoing(
        recipient_id=recipient.pk,
        topic=topic,
        context=context or {},
        dedupe_key=dedupe_key,
        link=link,
    )
    planned = _plan([message], now)
    if not planned:
        return None
    plan = planned[0]
    try:
        # A savepoint: a concurrent send of the same key loses here without spoiling the
        # caller's transaction.
        with transaction.atomic():
            notification = Notification.objects.create(**_notification_values(plan, now))
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if plan.sms:
        Delivery.objects.create(**_sms_values(plan, notification.pk))
        _deliver_after_commit()
    return notification


@transaction.atomic
def notifications_send_bulk(*, messages: Iterable[Outgoing]) -> int:
    """Store many messages at once, by the same rules as notification_send; returns how many
    were stored. Deliveries are queued once, after commit."""
    now = timezone.now()
    notifications, deliveries = RowInserter(Notification), RowInserter(Delivery)
    stored = with_sms = 0
    iterator = iter(messages)
    while chunk := list(islice(iterator, CHUNK)):
        planned = _plan(chunk, now)
        if not planned:
            continue
        ids = notifications.insert([_notification_values(p, now) for p in planned])
        sms = [_sms_values(p, pk) for p, pk in zip(planned, ids, strict=True) if p.sms]
        if sms:
            deliveries.insert(sms, returning=False)
        stored += len(ids)
        with_sms += len(sms)
    if with_sms:
        _deliver_after_commit()
    return stored
