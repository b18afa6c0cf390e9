"""Deadlines in Chinese working days: statutory holidays, 调休 make-up days, staff overrides."""

import datetime
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chengnuan.core import workdays
from chengnuan.core.models import WorkdayOverride
from chengnuan.core.workdays import add_workdays, is_workday, workdays_between

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 14), True),  # Saturday, made a working day for the Spring Festival
        (D(2026, 2, 28), True),  # Saturday make-up day
        (D(2026, 2, 16), False),  # Monday inside the Spring Festival holiday
        (D(2026, 2, 23), False),  # last Monday of the holiday
        (D(2026, 1, 4), True),  # Sunday make-up day for New Year
        (D(2025, 1, 26), True),  # Sunday make-up day
        (D(2025, 10, 1), False),  # National Day
        (D(2025, 10, 8), False),  # Wednesday, still the National Day holiday
        (D(2025, 10, 11), True),  # Saturday make-up day
        (D(2025, 6, 7), False),  # an ordinary Saturday
        (D(2025, 6, 9), True),  # an ordinary Monday
    ],
)
def test_is_workday_knows_holidays_and_make_up_days(day, working):
    assert is_workday(day) is working


def test_two_working_days_after_the_day_before_national_day_skip_the_holiday():
    assert add_workdays(D(2025, 9, 30), 2) == D(2025, 10, 10)


def test_make_up_saturday_counts_and_the_spring_festival_does_not():
    assert add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)


def test_counting_backwards_skips_the_holiday_too():
    assert add_workdays(D(2026, 2, 24), -1) == D(2026, 2, 14)
    assert add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)


def test_zero_working_days_is_the_start_day():
    assert add_workdays(D(2026, 2, 16), 0) == D(2026, 2, 16)


def test_workdays_between_counts_after_start_up_to_end():
    assert workdays_between(D(2026, 2, 13), D(2026, 2, 24)) == 2
    assert workdays_between(D(2026, 2, 24), D(2026, 2, 13)) == -2
    assert workdays_between(D(2026, 3, 2), D(2026, 3, 2)) == 0


def test_a_staff_override_wins_over_the_package():
    WorkdayOverride.objects.create(date=D(2026, 2, 14), is_workday=False, note="本省调整")
    WorkdayOverride.objects.create(date=D(2026, 2, 16), is_workday=True, note="本省调整")
    assert not is_workday(D(2026, 2, 14))
    assert is_workday(D(2026, 2, 16))
    assert add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 16)


def test_years_the_package_does_not_know_fall_back_to_weekdays_with_one_warning(
    caplog, monkeypatch
):
    monkeypatch.setattr(workdays, "_warned_years", set())
    with caplog.at_level(logging.WARNING, logger="chengnuan.core.workdays"):
        assert is_workday(D(2099, 1, 2))  # a Friday
        assert not is_workday(D(2099, 1, 3))  # a Saturday
        assert add_workdays(D(2099, 1, 2), 1) == D(2099, 1, 5)
    warnings = [r for r in caplog.records if "2099" in r.getMessage()]
    assert len(warnings) == 1


def test_overrides_fill_in_holidays_for_unknown_years(monkeypatch):
    monkeypatch.setattr(workdays, "_warned_years", {2099})
    WorkdayOverride.objects.create(date=D(2099, 1, 1), is_workday=False, note="元旦")
    WorkdayOverride.objects.create(date=D(2099, 1, 3), is_workday=True, note="元旦调休")
    assert not is_workday(D(2099, 1, 1))
    assert is_workday(D(2099, 1, 3))
    assert workdays_between(D(2098, 12, 31), D(2099, 1, 5)) == 3  # 2nd, 3rd, 5th


def test_long_walks_cross_the_override_blocks():
    # 250 working days is roughly a year: more than one block of overrides is read.
    end = add_workdays(D(2025, 1, 1), 250)
    assert workdays_between(D(2025, 1, 1), end) == 250
    assert is_workday(end)


@settings(max_examples=40, deadline=None)
@given(
    st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 1)),
    st.integers(min_value=-40, max_value=40),
)
def test_add_and_between_agree(start, n):
    end = add_workdays(start, n)
    assert workdays_between(start, end) == n
    if n:
        assert is_workday(end)
