"""Chinese working days: weekends, statutory holidays and 调休 make-up days.

Sources, strongest first:
1. WorkdayOverride rows that staff keep (a new State Council notice, a provincial change);
2. the chinese_calendar package, which knows the years up to its release;
3. for later years, Monday to Friday (a warning is logged once per year, so someone enters
   that year's holidays as overrides).
"""

import datetime
import logging
from collections.abc import Iterator

import chinese_calendar

from chengnuan.core.models import WorkdayOverride

logger = logging.getLogger(__name__)

ONE_DAY = datetime.timedelta(days=1)
# Overrides are read in blocks of this many days while walking the calendar.
_BLOCK = 120
_warned_years: set[int] = set()


def _package_or_weekday(day: datetime.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            logger.warning(
                "chinese_calendar does not know %s: counting Monday-Friday plus staff overrides. "
                "Enter that year's holidays and make-up days as workday overrides.",
                day.year,
            )
        return day.weekday() < 5


def _overrides(first: datetime.date, last: datetime.date) -> dict[datetime.date, bool]:
    rows = WorkdayOverride.objects.filter(date__range=(first, last)).values_list(
        "date", "is_workday"
    )
    return dict(rows)


def _working(day: datetime.date, overrides: dict[datetime.date, bool]) -> bool:
    return overrides[day] if day in overrides else _package_or_weekday(day)


def _walk(start: datetime.date, step: int) -> Iterator[tuple[datetime.date, bool]]:
    """(day, is_workday) for the days after `start`, forwards (step 1) or backwards (-1)."""
    day = start
    while True:
        block_end = day + step * _BLOCK * ONE_DAY
        overrides = _overrides(min(day, block_end), max(day, block_end))
        for _ in range(_BLOCK):
            day += step * ONE_DAY
            yield day, _working(day, overrides)


def is_workday(day: datetime.date) -> bool:
    return _working(day, _overrides(day, day))


def add_workdays(start: datetime.date, n: int) -> datetime.date:
    """The day that is `n` working days after `start` (before it when n < 0); `start` itself
    is not counted, so "within 2 working days of 2026-09-30" ends on add_workdays(that, 2)."""
    if n == 0:
        return start
    step = 1 if n > 0 else -1
    remaining = abs(n)
    for day, working in _walk(start, step):
        if working:
            remaining -= 1
            if remaining == 0:
                return day
    raise AssertionError("unreachable: the calendar walk is endless")


def workdays_between(a: datetime.date, b: datetime.date) -> int:
    """Working days from a to b, counted the way add_workdays walks: after a up to and
    including b; negative (the days from b up to but excluding a) when b is before a. So
    add_workdays(a, workdays_between(a, b)) == b whenever b is a working day."""
    if b < a:
        return -_count(b, a - ONE_DAY)
    return _count(a + ONE_DAY, b)


def _count(first: datetime.date, last: datetime.date) -> int:
    """Working days in [first, last]."""
    overrides = _overrides(first, last)
    total = 0
    day = first
    while day <= last:
        total += _working(day, overrides)
        day += ONE_DAY
    return total
