"""Effectiveness of pushes, by area of the seeker's residence (city or county) and month
(Beijing time) of the push: pushed -> opened -> applied -> interviewed -> hired, each pair
counted at every stage it reached (a hire also counts as applied and interviewed).

Pushed and opened come from matching's PushRecord and notifications' Notification.opened_at;
the later stages from the outcome sources registered with matching.outcomes (the
applications app plugs in there)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.matching.models import PushRecord
from chengnuan.matching.outcomes import STAGES, outcomes_of
from chengnuan.notifications.selectors import notifications_for_dedupe_keys
from chengnuan.regions.selectors import division_by_code

LEVELS = {"city": 4, "county": 6}
_CHUNK = 2000


def parse_month(text: str) -> datetime.date:
    """「2026-12」 → 1 December 2026; ValueError for anything else."""
    year, month = text.split("-")
    if len(year) != 4 or len(month) != 2:
        raise ValueError(text)
    return datetime.date(int(year), int(month), 1)


@dataclass
class FunnelRow:
    area_code: str
    area_name: str
    month: str  # "2026-12"
    pushed: int = 0
    opened: int = 0
    applied: int = 0
    interviewed: int = 0
    hired: int = 0


def push_funnel(
    user: User, *, level: str = "city", month: datetime.date | None = None
) -> list[FunnelRow]:
    """Rows by area and month within the staff member's area, newest month first."""
    width = LEVELS.get(level, LEVELS["city"])
    records = scope_filter(PushRecord.objects.all(), user, "area_code")
    if month is not None:
        first = timezone.make_aware(
            datetime.datetime.combine(month.replace(day=1), datetime.time())
        )
        following = timezone.make_aware(
            datetime.datetime.combine(
                (first + datetime.timedelta(days=32)).replace(day=1), datetime.time()
            )
        )
        records = records.filter(pushed_at__gte=first, pushed_at__lt=following)
    rows: dict[tuple[str, str], FunnelRow] = {}
    keys: dict[str, list[FunnelRow]] = defaultdict(list)
    pairs: dict[tuple[int, int], FunnelRow] = {}
    for seeker_id, posting_id, area_code, pushed_at, key in records.values_list(
        "seeker_id", "posting_id", "area_code", "pushed_at", "dedupe_key"
    ).iterator(chunk_size=5000):
        slot = (area_code[:width], f"{timezone.localtime(pushed_at):%Y-%m}")
        row = rows.get(slot)
        if row is None:
            division = division_by_code(slot[0])
            row = rows[slot] = FunnelRow(slot[0], division.name if division else slot[0], slot[1])
        row.pushed += 1
        keys[key].append(row)
        pairs[(seeker_id, posting_id)] = row
    _count_opened(keys)
    _count_outcomes(pairs)
    return sorted(rows.values(), key=lambda r: (r.month, r.area_code), reverse=True)


def _count_opened(keys: dict[str, list[FunnelRow]]) -> None:
    """A message lists several postings: opening it opens each of them."""
    names = list(keys)
    for start in range(0, len(names), _CHUNK):
        opened = notifications_for_dedupe_keys(names[start : start + _CHUNK]).filter(
            opened_at__isnull=False
        )
        for key in opened.values_list("dedupe_key", flat=True):
            for row in keys.get(key or "", []):
                row.opened += 1


def _count_outcomes(pairs: dict[tuple[int, int], FunnelRow]) -> None:
    for pair, stage in outcomes_of(list(pairs)).items():
        row = pairs.get(pair)
        if row is None:
            continue
        reached = STAGES.index(stage)
        row.applied += 1
        row.interviewed += reached >= 1
        row.hired += reached >= 2
