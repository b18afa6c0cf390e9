import datetime

import pytest
from django.utils import timezone

from chengnuan.events import tasks
from chengnuan.events.choices import FairStatus
from chengnuan.events.models import JobFair
from chengnuan.events.services.signups import fair_reminders_send
from chengnuan.notifications.models import Notification
from tests.events.factories import FairFactory, SignupFactory, in_days

pytestmark = pytest.mark.django_db


def test_everyone_signed_up_for_tomorrows_fair_is_reminded_once():
    tomorrow = FairFactory(starts_at=in_days(1, 9), ends_at=in_days(1, 16))
    later = FairFactory(starts_at=in_days(2, 9), ends_at=in_days(2, 16))
    signups = [SignupFactory(fair=tomorrow), SignupFactory(fair=tomorrow)]
    SignupFactory(fair=later)

    assert tasks.remind_fairs_tomorrow.call_local() == 2
    assert tasks.remind_fairs_tomorrow.call_local() == 0  # run again: nothing twice

    reminders = Notification.objects.filter(topic="events.fair_reminder")
    assert sorted(reminders.values_list("recipient_id", flat=True)) == sorted(
        s.worker_id for s in signups
    )
    assert {n.dedupe_key for n in reminders} == {f"events.fair_reminder:{s.pk}" for s in signups}
    assert signups[0].code in reminders.get(recipient_id=signups[0].worker_id).body


def test_a_fair_just_after_midnight_is_tomorrows_in_beijing_time():
    """00:30 Beijing is still the previous day in UTC: the date is Beijing's."""
    fair = FairFactory(starts_at=in_days(1, 0) + datetime.timedelta(minutes=30),
                       ends_at=in_days(1, 12))  # fmt: skip
    SignupFactory(fair=fair)

    assert fair_reminders_send() == 1


def test_a_cancelled_fair_sends_no_reminder():
    fair = FairFactory(starts_at=in_days(1, 9), ends_at=in_days(1, 16),
                       status=FairStatus.CANCELLED, cancel_reason="改期")  # fmt: skip
    SignupFactory(fair=fair)

    assert fair_reminders_send() == 0


def test_the_reminder_runs_at_ten_in_the_morning_beijing_time():
    validate = tasks.remind_fairs_tomorrow.s().validate_datetime
    # Huey matches a crontab against UTC: 02:00 UTC is 10:00 in Beijing.
    assert validate(datetime.datetime(2026, 12, 8, 2, 0))
    assert not validate(datetime.datetime(2026, 12, 8, 10, 0))


def test_finished_fairs_are_closed_by_the_hourly_task():
    fair = FairFactory(starts_at=timezone.now() - datetime.timedelta(hours=3),
                       ends_at=timezone.now() - datetime.timedelta(minutes=1))  # fmt: skip

    assert tasks.finish_fairs.call_local() == 1
    assert JobFair.objects.get(pk=fair.pk).status == FairStatus.FINISHED
