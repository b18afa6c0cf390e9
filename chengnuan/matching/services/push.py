"""Sending seekers their new best matches through notifications, one city (of residence) at
a time under its claim, per push frequency: daily seekers every day, weekly seekers on
Mondays, "never" nobody.

One message per seeker per window, listing up to PUSH_SIZE postings with their reasons. Its
dedupe key names the seeker and the window, so a run redone after a crash finds the message
already stored and sends nothing twice; a PushRecord per pair, written in the same
transaction as the message, keeps every pair from being pushed again later.

A seeker who turned personalised recommendations off (PIPL art. 24) gets the newest postings
of their city instead, chosen without their profile. Older seekers' messages are filled up
with postings fit for older workers."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import PushFrequency
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.feeds import public_older_postings, seekers_to_push
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.matching.choices import ClaimJob, MatchKind
from chengnuan.matching.models import Match, MatchSettings, PushRecord
from chengnuan.matching.push_topic import NEW_MATCHES
from chengnuan.matching.services.claims import city_claimed
from chengnuan.notifications.selectors import notifications_for_dedupe_keys
from chengnuan.notifications.services import Outgoing, notification_send, notifications_send_bulk

PUSH_SIZE = 3
# "Newest in your area" looks back this far.
NEWEST_DAYS = 7
# The newest postings of a city considered for one run's non-personalised messages.
NEWEST_POOL = 60
CHUNK = 1000
MATCHES_LINK = "/me/matches/"


@dataclass
class PushRun:
    city_code: str
    claimed: bool = True
    messages: int = 0
    pairs: int = 0


def push_window(frequency: str, on: datetime.date) -> str | None:
    """The window a message of this frequency belongs to on this day, or None when this
    frequency sends nothing that day."""
    if frequency == PushFrequency.DAILY:
        return f"{on:%Y-%m-%d}"
    if frequency == PushFrequency.WEEKLY and on.weekday() == 0:
        year, week, _ = on.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def dedupe_key(seeker_id: int, window: str) -> str:
    return f"{NEW_MATCHES}:{seeker_id}:{window}"


def matches_push_city(*, city_code: str, on: datetime.date | None = None) -> PushRun:
    on = on or today()
    with city_claimed(ClaimJob.PUSH, city_code) as won:
        if not won:
            return PushRun(city_code, claimed=False)
        run = PushRun(city_code)
        pools = _Pools.of_city(city_code)
        for frequency in (PushFrequency.DAILY, PushFrequency.WEEKLY):
            window = push_window(frequency, on)
            if window is None:
                continue
            seekers = list(
                seekers_to_push(city_code, frequency)
                .values_list("id", "user_id", "area_code", "is_older")
                .order_by("id")
            )
            for start in range(0, len(seekers), CHUNK):
                with transaction.atomic():
                    _push_chunk(seekers[start : start + CHUNK], window, pools, run)
        return run


@dataclass
class _Pools:
    """A city's newest public postings, and those fit for older workers: (id, reasons)."""

    newest: list[tuple[int, list[str]]]
    older: list[tuple[int, list[str]]]

    @classmethod
    def of_city(cls, city_code: str) -> "_Pools":
        since = timezone.now() - datetime.timedelta(days=NEWEST_DAYS)
        newest = public_postings().filter(city_code=city_code, published_at__gte=since)
        older = public_older_postings().filter(city_code=city_code, published_at__gte=since)
        return cls(
            newest=[
                (pk, ["您所在城市新发布"])
                for pk in newest.values_list("id", flat=True)[:NEWEST_POOL]
            ],
            older=[
                (pk, ["招大龄" if welcome else "不限年龄上限"])
                for pk, welcome in older.values_list("id", "open_to_older")[:NEWEST_POOL]
            ],
        )


_Pick = tuple[int, str, int | None, list[str]]  # posting, kind, score, reasons


def _push_chunk(
    seekers: list[tuple[int, int, str, bool]], window: str, pools: _Pools, run: PushRun
) -> None:
    keys = {seeker_id: dedupe_key(seeker_id, window) for seeker_id, *_ in seekers}
    # Stored already (a run that died after its commit, or a second run the same day).
    sent = set(
        notifications_for_dedupe_keys(list(keys.values())).values_list("dedupe_key", flat=True)
    )
    todo = [row for row in seekers if keys[row[0]] not in sent]
    if not todo:
        return
    ids = [row[0] for row in todo]
    personal = _personalised(ids)
    pushed: dict[int, set[int]] = defaultdict(set)
    for seeker_id, posting_id in PushRecord.objects.filter(seeker_id__in=ids).values_list(
        "seeker_id", "posting_id"
    ):
        pushed[seeker_id].add(posting_id)
    matches = _unpushed_matches([i for i in ids if personal[i]], pushed)
    picks: dict[int, list[_Pick]] = {}
    for seeker_id, _, _, is_older in todo:
        if personal[seeker_id]:
            chosen = matches.get(seeker_id, [])[:PUSH_SIZE]
            if is_older:
                chosen += _fill(pools.older, MatchKind.OLDER, pushed[seeker_id], chosen)
        else:
            chosen = _fill(pools.newest, MatchKind.NEWEST, pushed[seeker_id], [])
        if chosen:
            picks[seeker_id] = chosen
    _send(todo, picks, keys, run)


def _personalised(ids: list[int]) -> dict[int, bool]:
    off = set(
        MatchSettings.objects.filter(seeker_id__in=ids, personalised=False).values_list(
            "seeker_id", flat=True
        )
    )
    return {i: i not in off for i in ids}


def _unpushed_matches(ids: list[int], pushed: dict[int, set[int]]) -> dict[int, list[_Pick]]:
    found: dict[int, list[_Pick]] = defaultdict(list)
    rows = (
        Match.objects.filter(seeker_id__in=ids, posting_id__in=public_postings().values("id"))
        .order_by("seeker_id", "-score", "-posting_id")
        .values_list("seeker_id", "posting_id", "score", "reasons")
    )
    for seeker_id, posting_id, score, reasons in rows:
        if posting_id not in pushed[seeker_id]:
            found[seeker_id].append((posting_id, MatchKind.PERSONAL, score, reasons))
    return found


def _fill(
    pool: list[tuple[int, list[str]]], kind: str, pushed: set[int], chosen: list[_Pick]
) -> list[_Pick]:
    taken = pushed | {pick[0] for pick in chosen}
    room = PUSH_SIZE - len(chosen)
    picks: list[_Pick] = [(pk, kind, None, reasons) for pk, reasons in pool if pk not in taken]
    return picks[:room]


def _send(
    todo: list[tuple[int, int, str, bool]],
    picks: dict[int, list[_Pick]],
    keys: dict[int, str],
    run: PushRun,
) -> None:
    items = _items({pick[0] for chosen in picks.values() for pick in chosen})
    messages = []
    for seeker_id, user_id, _, _ in todo:
        chosen = [pick for pick in picks.get(seeker_id, []) if pick[0] in items]
        if chosen:
            messages.append(
                Outgoing(
                    recipient_id=user_id,
                    topic=NEW_MATCHES,
                    context=_context(chosen, items),
                    dedupe_key=keys[seeker_id],
                    link=MATCHES_LINK,
                )
            )
    if not messages:
        return
    notifications_send_bulk(messages=messages)
    # Only pairs whose message was stored count as pushed (a recipient without consent for
    # pushes gets nothing, and may get these postings once they consent).
    stored = set(
        notifications_for_dedupe_keys([m.dedupe_key for m in messages if m.dedupe_key]).values_list(
            "dedupe_key", flat=True
        )
    )
    now = timezone.now()
    records = [
        PushRecord(
            seeker_id=seeker_id,
            posting_id=posting_id,
            kind=kind,
            area_code=area_code,
            score=score,
            reasons=reasons,
            dedupe_key=keys[seeker_id],
            pushed_at=now,
        )
        for seeker_id, _, area_code, _ in todo
        if keys[seeker_id] in stored
        for posting_id, kind, score, reasons in picks.get(seeker_id, [])
        if posting_id in items
    ]
    PushRecord.objects.bulk_create(records, batch_size=500)
    run.messages += len(stored)
    run.pairs += len(records)


def _items(posting_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """What a message shows of each posting: still public ones only."""
    ids = list(posting_ids)
    return {
        pk: {"title": title, "employer": employer, "link": f"/jobs/{pk}/"}
        for pk, title, employer in public_postings()
        .filter(id__in=ids)
        .values_list("id", "title", "employer__name")
    }


def _context(chosen: list[_Pick], items: dict[int, dict[str, Any]]) -> dict[str, Any]:
    return {
        "count": len(chosen),
        "items": [items[pk] | {"reasons": reasons} for pk, _, _, reasons in chosen],
    }


def by_hand_key(seeker_id: int, posting_id: int) -> str:
    return f"{NEW_MATCHES}:hand:{seeker_id}:{posting_id}"


@transaction.atomic
def match_push_by_hand(*, clerk: User, seeker: JobSeeker, posting: Posting) -> PushRecord:
    """A clerk sends a chosen public posting to a seeker in their area (audited). The
    caller's access helper has checked both are within the clerk's reach."""
    if seeker.user is None:
        raise ValidationError(
            {"seeker": ["这位求职者还没有在网上注册账号，收不到站内消息，请打电话告诉他（她）。"]}
        )
    if not public_postings().filter(pk=posting.pk).exists():
        raise ValidationError({"posting": ["这个岗位已经结束或还没公开，不能推送。"]})
    if PushRecord.objects.filter(seeker=seeker, posting=posting).exists():
        raise ValidationError({"posting": ["这个岗位已经推送给过这位求职者，不再重复推送。"]})
    stored = (
        Match.objects.filter(seeker=seeker, posting=posting)
        .values_list("reasons", flat=True)
        .first()
    )
    reasons = ["工作人员为您挑选", *(stored or [])]
    key = by_hand_key(seeker.pk, posting.pk)
    items = _items([posting.pk])
    sent = notification_send(
        recipient=seeker.user,
        topic=NEW_MATCHES,
        context=_context([(posting.pk, MatchKind.BY_HAND, None, reasons)], items),
        dedupe_key=key,
        link=MATCHES_LINK,
    )
    if sent is None:
        raise ValidationError(
            {"seeker": ["这位求职者没有同意接收岗位推送（或已退订），消息没有发出。请打电话联系。"]}
        )
    record = PushRecord.objects.create(
        seeker=seeker,
        posting=posting,
        kind=MatchKind.BY_HAND,
        area_code=seeker.area_code,
        reasons=reasons,
        dedupe_key=key,
        pushed_at=timezone.now(),
        pushed_by=clerk,
    )
    audit_record(
        actor=clerk,
        action=AuditAction.CREATE,
        obj=seeker,
        detail={"push_by_hand": posting.pk},
    )
    return record
