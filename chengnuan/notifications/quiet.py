"""Quiet hours in Beijing time, whatever the server's zone: an SMS due inside them is held
until they end."""

import datetime
from zoneinfo import ZoneInfo

from chengnuan.notifications.preferences import Preferences

BEIJING = ZoneInfo("Asia/Shanghai")


def sms_due_at(now: datetime.datetime, preferences: Preferences) -> datetime.datetime:
    """`now` if it is outside the person's quiet hours, else the moment they end."""
    start, end = preferences.quiet_start, preferences.quiet_end
    if start is None or end is None or start == end:
        return now
    local = now.astimezone(BEIJING)
    moment = local.time()
    if start < end:  # e.g. 12:00-14:00
        inside, days_ahead = start <= moment < end, 0
    else:  # wraps midnight, e.g. 22:00-07:00
        inside, days_ahead = moment >= start or moment < end, 1 if moment >= start else 0
    if not inside:
        return now
    day = local.date() + datetime.timedelta(days=days_ahead)
    return datetime.datetime.combine(day, end, tzinfo=BEIJING)


def beijing_day_start(now: datetime.datetime) -> datetime.datetime:
    """Midnight of `now`'s day in Beijing (the daily cap counts from it)."""
    day = now.astimezone(BEIJING).date()
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=BEIJING)
