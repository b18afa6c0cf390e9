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
from dataclasses import dataclass

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from chengnuan.notifications.channels import DeliveryFailed, Undeliverable, sender_for
from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery

RECORD_WAITS = (0.5, 1, 2, 4, 8)
RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 6 * 3600


def retry_delay(attempts: int) -> datetime.timedelta:
    """Back-off after the `attempts`-th failed try: 30 s, 1 min, 2 min, … at most 6 hours."""
    return datetime.timedelta(
        seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)
    )


@dataclass(frozen=True)
class Outbound:
    """A claimed delivery, as much of it as sending needs (plain values: a batch of model
    instances with their message and recipient costs more than sending them)."""

    pk: int
    channel: str
    text: str
    attempts: int
    due_at: datetime.datetime
    recipient_id: int
    phone: str


def _claimable(now: datetime.datetime) -> Q:
    return Q(status=DeliveryStatus.PENDING, due_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, lease_until__lt=now
    )


# Where a sender's claim loop has got to in the pending deliveries: (due_at, id) of the last
# one it claimed.
Cursor = tuple[datetime.datetime, int]


def _candidates(now: datetime.datetime, limit: int, after: Cursor | None) -> list[int]:
    """Ids worth trying to claim, each kind read through its own partial index (one query
    with an OR would scan every delivery ever sent): those whose lease ran out first, then
    the pending ones in due order from `after` on. The cursor matters on PostgreSQL: the
    index keeps entries of rows that already left "pending" until VACUUM, and a scan from
    the start would step over every one of them for each batch."""
    if connection.vendor == "postgresql":
        # Walk the index in order and stop at `limit`. Without fresh statistics (a push just
        # added 100,000 rows; ANALYZE needs the owner's role) the planner takes a bitmap of
        # every pending row and sorts it, for each batch.
        with connection.cursor() as sql:
            sql.execute("SET LOCAL enable_bitmapscan = off")
    expired = Delivery.objects.filter(status=DeliveryStatus.SENDING, lease_until__lt=now)
    ids = list(expired.order_by("lease_until").values_list("pk", flat=True)[:limit])
    if len(ids) < limit:
        due = Delivery.objects.filter(status=DeliveryStatus.PENDING, due_at__lte=now)
        if after is not None:
            due = due.filter(_after(after))
        ids += due.order_by("due_at", "pk").values_list("pk", flat=True)[: limit - len(ids)]
    return ids


def _after(cursor: Cursor) -> ExpressionWrapper:
    """(due_at, id) > cursor as a row comparison (SQLite and PostgreSQL have them), which
    the index scan starts from; the same test spelt with OR would be a filter over the whole
    index."""
    table = connection.ops.quote_name(Delivery._meta.db_table)
    # The time as the database stores it (on SQLite a text that must compare as stored).
    due_at = connection.ops.adapt_datetimefield_value(cursor[0])
    row = RawSQL(f"({table}.due_at, {table}.id) > (%s, %s)", (due_at, cursor[1]))  # noqa: S611
    return ExpressionWrapper(row, output_field=BooleanField())


@transaction.atomic
def deliveries_claim(*, limit: int, after: Cursor | None = None) -> tuple[str, list[Outbound]]:
    """Claim up to `limit` due deliveries (and any whose consumer's lease ran out) for this
    consumer: its claim token and the rows it won."""
    now = timezone.now()
    token = uuid.uuid4().hex
    candidates = _candidates(now, limit, after)
    if not candidates:
        return token, []
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
    # Read back by primary key (the claim token has no index of its own).
    claimed = Delivery.objects.filter(pk__in=candidates, claim=token).values_list(
        "pk",
        "channel",
        "text",
        "attempts",
        "due_at",
        "notification__recipient_id",
        "notification__recipient__phone",
    )
    return token, [Outbound(*row) for row in claimed]


@transaction.atomic
def _finish(token: str, outcomes: dict[str, list[Outbound]], errors: dict[int, str]) -> None:
    """Record how each claimed delivery went, only while this consumer still holds it."""
    now = timezone.now()
    mine = Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
    if outcomes["sent"]:
        mine.filter(pk__in=[d.pk for d in outcomes["sent"]]).update(
            status=DeliveryStatus.SENT, sent_at=now, claim="", lease_until=None, last_error=""
        )
    if outcomes["unsent"]:  # the lease was running out: back to the queue, due now
        mine.filter(pk__in=[d.pk for d in outcomes["unsent"]]).update(
            status=DeliveryStatus.PENDING,
            due_at=now,
            claim="",
            lease_until=None,
            attempts=F("attempts") - 1,
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


def deliveries_send_claimed(token: str, claimed: list[Outbound]) -> int:
    """Send what this consumer claimed; how many went out. It stops sending when half the
    lease is gone and hands the rest back, so no other consumer takes over a row it may
    still send."""
    started = time.monotonic()
    budget = settings.NOTIFICATIONS_LEASE_SECONDS / 2
    outcomes: dict[str, list[Outbound]] = defaultdict(list)
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
    _record(token, outcomes, errors)
    return len(outcomes["sent"])


def _record(token: str, outcomes: dict[str, list[Outbound]], errors: dict[int, str]) -> None:
    """What was sent must be written down: a busy database (SQLite's lock while a large send
    commits) is waited out a few times before giving up. Given up, the rows stay claimed
    until the lease ends and go out again under the same idempotency keys."""
    for wait in RECORD_WAITS:
        try:
            _finish(token, outcomes, errors)
            return
        except OperationalError:
            time.sleep(wait)
    _finish(token, outcomes, errors)


def deliveries_send_due(*, batch: int | None = None) -> int:
    """Claim and send batches until nothing is due; how many went out. Not one transaction:
    each claim and each batch's result commit on their own, so what was sent stays sent."""
    sent, after = 0, None
    while True:
        token, claimed = deliveries_claim(
            limit=batch or settings.NOTIFICATIONS_SEND_BATCH, after=after
        )
        if not claimed:
            return sent
        sent += deliveries_send_claimed(token, claimed)
        after = max((d.due_at, d.pk) for d in claimed)


@transaction.atomic
def deliveries_purge(*, now: datetime.datetime | None = None) -> int:
    """Empty the text of deliveries that ended more than NOTIFICATIONS_TEXT_KEEP_DAYS ago."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=settings.NOTIFICATIONS_TEXT_KEEP_DAYS)
    ended = Q(status=DeliveryStatus.SENT, sent_at__lt=before) | Q(
        status__in=[DeliveryStatus.FAILED, DeliveryStatus.CANCELLED], due_at__lt=before
    )
    return Delivery.objects.filter(ended).exclude(text="").update(text="")
