import datetime

import pytest

from chengnuan.notifications.preferences import Preferences
from chengnuan.notifications.quiet import BEIJING, beijing_day_start, sms_due_at

pytestmark = pytest.mark.django_db  # the cache every test clears lives in the database

T = datetime.time
UTC = datetime.UTC


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=BEIJING)


NIGHT = Preferences(quiet_start=T(22), quiet_end=T(7))
NOON = Preferences(quiet_start=T(12), quiet_end=T(14))


@pytest.mark.parametrize(
    ("now", "prefs", "due"),
    [
        (at(8, 21, 59), NIGHT, at(8, 21, 59)),  # before the night
        (at(8, 22), NIGHT, at(9, 7)),  # the night begins: held to next morning
        (at(8, 23, 30), NIGHT, at(9, 7)),
        (at(9, 3), NIGHT, at(9, 7)),  # after midnight: this morning
        (at(9, 7), NIGHT, at(9, 7)),  # the end itself is outside
        (at(9, 13), NOON, at(9, 14)),
        (at(9, 15), NOON, at(9, 15)),
        (at(9, 3), Preferences(), at(9, 3)),  # no quiet hours
        (at(9, 3), Preferences(quiet_start=T(5), quiet_end=T(5)), at(9, 3)),
    ],
)
def test_an_sms_inside_quiet_hours_is_due_when_they_end(now, prefs, due):
    assert sms_due_at(now, prefs) == due


def test_quiet_hours_are_beijing_time_whatever_zone_now_is_in():
    # 15:30 UTC is 23:30 in Beijing: inside 22:00-07:00.
    now = datetime.datetime(2026, 12, 8, 15, 30, tzinfo=UTC)
    assert sms_due_at(now, NIGHT) == at(9, 7)


def test_the_day_starts_at_midnight_beijing_time():
    now = datetime.datetime(2026, 12, 8, 17, 0, tzinfo=UTC)  # 01:00 on the 9th in Beijing
    assert beijing_day_start(now) == at(9, 0)
