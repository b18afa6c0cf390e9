"""Schedules in Beijing time. Huey (utc=True, its default) checks a periodic task's crontab
against a naive UTC time, so `crontab(hour="9")` alone fires at 17:00 in Beijing. Every app's
tasks.py declares its schedules with `beijing_crontab`, which reads the same arguments as
Huey's crontab and matches them against Beijing's wall clock."""

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from huey import crontab

BEIJING = ZoneInfo("Asia/Shanghai")


def beijing_crontab(
    minute: str = "*", hour: str = "*", day: str = "*", month: str = "*", day_of_week: str = "*"
) -> Callable[[datetime.datetime], bool]:
    matches = crontab(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week)

    def matches_in_beijing(utc_now: datetime.datetime) -> bool:
        beijing_now = utc_now.replace(tzinfo=datetime.UTC).astimezone(BEIJING)
        return bool(matches(beijing_now.replace(tzinfo=None)))

    return matches_in_beijing
