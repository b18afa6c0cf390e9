"""Sending the outbox (docs/decisions/0007-notification-outbox.md). A consumer claims a batch
of due deliveries with one conditional UPDATE that only rows still claimable pass (so of two
consumers racing for a row exactly one wins: the row count says how many it won, the claim
token which), holds them for a lease, sends each through its channel with the delivery's id
as idempotency key, and marks them sent, retried later (back-off) or failed. A consumer
that dies mid-batch leaves its rows "sending" until the lease ends; then any consumer claims
them again and sends them with the same idempotency keys, which the gateway accepts once."""

import datetime
import time
import uuid
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from chengnuan.notifications.channels import DeliveryFailed, Undeliverable, sender_for
from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 6 * 3600


def retry_delay(attempts: int) -> datetime.timedelta:
    """Back-off after the `attempts`-th failed try: 30 s, 1 min, 2 min, … at most 6 hours."""
    return datetime.timedelta(
        seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)
    )


def _claimable(now: datetime.datetime) -> Q:
    return Q(status=DeliveryStatus.PENDING, due_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, lease_until__lt=now
    )


@transaction.atomic
def deliveries_claim(*, limit: int) -> tuple[str, list[Delivery]]:
    """Claim up to `limit` due deliveries (and any whose consumer's lease ran out) for this
    consumer: its claim token and the rows it won."""
    now = timezone.now()
    token = uuid.uuid4().hex
    candidates = Delivery.objects.filter(_claimable(now)).order_by("due_at").values("pk")[:limit]
    won = (
        Delivery.objects.filter(pk__in=candidates)
        .filter(_claimable(now))  # checked again on each row as the UPDATE takes it
        .update(
            status=DeliveryStatus.SENDING,
            claim=token,
            lease_until=now + datetime.timedelta(seconds=settings.NOTIFICATIONS_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
    )
    if not won:
        return token, []
    claimed = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
    return token, list(claimed.select_related("notification__recipient"))


@transaction.atomic
def _finish(token: str, outcomes: dict[str, list[Delivery]], errors: dict[int, str]) -> None:
    """Record how each claimed delivery went, only while this consumer still holds it."""
    now = timezone.now()
    mine = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
    if outcomes["sent"]:
        mine.filter(pk__in=[d.pk for d in outcomes["sent"]]).update(
            status=DeliveryStatus.SENT, sent_at=now, claim="", lease_until=None, last_error=""
        )
    if outcomes["unsent"]:  # the lease was running out: back to the queue as they were
        mine.filter(pk__in=[d.pk for d in outcomes["unsent"]]).update(
            status=DeliveryStatus.PENDING, claim="", lease_until=None, attempts=F("attempts") - 1
        )
    for delivery in outcomes["cancelled"]:
        mine.filter(pk=delivery.pk).update(
            status=DeliveryStatus.CANCELLED,
            claim="",
            lease_until=None,
            last_error=errors[delivery.pk],
        )
    for delivery in outcomes["failed"]:
        retry = delivery.attempts < settings.NOTIFICATIONS_MAX_ATTEMPTS
        mine.filter(pk=delivery.pk).update(
            status=DeliveryStatus.PENDING if retry else DeliveryStatus.FAILED,
            due_at=now + retry_delay(delivery.attempts) if retry else delivery.due_at,
            claim="",
            lease_until=None,
            last_error=errors[delivery.pk][:200],
        )


def deliveries_send_claimed(token: str, claimed: list[Delivery]) -> int:
    """Send what this consumer claimed; how many went out. It stops sending when half the
    lease is gone and hands the rest back, so no other consumer takes over a row it may
    still send."""
    started = time.monotonic()
    budget = settings.NOTIFICATIONS_LEASE_SECONDS / 2
    outcomes: dict[str, list[Delivery]] = defaultdict(list)
    errors: dict[int, str] = {}
    for delivery in claimed:
        if time.monotonic() - started > budget:
            outcomes["unsent"].append(delivery)
            continue
        try:
            sender_for(delivery.channel)(delivery)
        except Undeliverable as exc:
            outcomes["cancelled"].append(delivery)
            errors[delivery.pk] = str(exc)
        except DeliveryFailed as exc:
            outcomes["failed"].append(delivery)
            errors[delivery.pk] = str(exc)
        else:
            outcomes["sent"].append(delivery)
    _finish(token, outcomes, errors)
    return len(outcomes["sent"])


def deliveries_send_due(*, batch: int | None = None) -> int:
    """Claim and send batches until nothing is due; how many went out. Not one transaction:
    each claim and each batch's result commit on their own, so what was sent stays sent."""
    sent = 0
    while True:
        token, claimed = deliveries_claim(limit=batch or settings.NOTIFICATIONS_SEND_BATCH)
        if not claimed:
            return sent
        sent += deliveries_send_claimed(token, claimed)


@transaction.atomic
def deliveries_purge(*, now: datetime.datetime | None = None) -> int:
    """Empty the text of deliveries that ended more than NOTIFICATIONS_TEXT_KEEP_DAYS ago."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=settings.NOTIFICATIONS_TEXT_KEEP_DAYS)
    ended = Q(status=DeliveryStatus.SENT, sent_at__lt=before) | Q(
        status__in=[DeliveryStatus.FAILED, DeliveryStatus.CANCELLED], due_at__lt=before
    )
    return Delivery.objects.filter(ended).exclude(text="").update(text="")
