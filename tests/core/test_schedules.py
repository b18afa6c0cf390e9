import datetime

import pytest

from chengnuan.core.schedules import beijing_crontab

# The autouse cache fixture clears the database cache.
pytestmark = pytest.mark.django_db


def test_nine_in_the_morning_is_nine_in_beijing_not_in_utc():
    nine = beijing_crontab(hour="9", minute="0")
    assert nine(datetime.datetime(2026, 12, 8, 1, 0))  # 09:00 in Beijing
    assert not nine(datetime.datetime(2026, 12, 8, 9, 0))  # 17:00 in Beijing


def test_a_weekday_is_beijing_s_weekday_across_utc_midnight():
    monday_morning = beijing_crontab(hour="7", minute="30", day_of_week="1")
    # Sunday 23:30 UTC is Monday 07:30 in Beijing.
    assert monday_morning(datetime.datetime(2026, 12, 6, 23, 30))
    assert not monday_morning(datetime.datetime(2026, 12, 7, 23, 30))
