"""The preferences hook, and employment's provider that answers it for job seekers."""

import datetime

import pytest

from chengnuan.employment.choices import PushFrequency, SeekerStatus
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose
from chengnuan.employment.notify import seeker_preferences, seekers_preferences
from chengnuan.notifications.preferences import DEFAULT, preferences_for, preferences_for_many
from tests.employment.factories import EmployerUserFactory
from tests.notifications.support import recipient

pytestmark = pytest.mark.django_db


def test_a_seeker_who_chose_sms_and_agreed_gets_sms_and_their_quiet_hours():
    user = recipient(quiet=(datetime.time(22), datetime.time(7)))
    prefs = seeker_preferences(user)
    assert prefs.sms and prefs.consents == {"push", "sms"} and prefs.promotional
    assert (prefs.quiet_start, prefs.quiet_end) == (datetime.time(22), datetime.time(7))


def test_no_sms_without_the_channel_the_consent_or_a_number():
    site, refused, no_number = recipient(sms=False), recipient(sms_consent=False), recipient()
    no_number.phone = ""
    no_number.save()
    answers = seekers_preferences([site.pk, refused.pk, no_number.pk])
    assert not any(p.sms for p in answers.values())
    assert answers[refused.pk].consents == {"push"}


def test_the_newest_consent_row_wins():
    user = recipient(push=False)
    Consent.objects.create(
        seeker=user.seeker, purpose=ConsentPurpose.PUSH, granted=True, method=ConsentMethod.SIGNED
    )
    assert "push" in seeker_preferences(user).consents


@pytest.mark.parametrize(
    ("seeker", "promotional"),
    [
        ({"push_frequency": PushFrequency.NEVER}, False),
        ({"status": SeekerStatus.PAUSED}, False),
        ({"status": SeekerStatus.CLOSED}, False),
        ({"push_frequency": PushFrequency.WEEKLY}, True),
    ],
)
def test_promotional_messages_follow_the_seekers_frequency_and_status(seeker, promotional):
    frequency = seeker.pop("push_frequency", PushFrequency.DAILY)
    user = recipient(frequency=frequency, **seeker)
    assert seeker_preferences(user).promotional is promotional


def test_someone_without_a_registration_is_not_employments_to_answer():
    employer = EmployerUserFactory()
    assert seeker_preferences(employer) is None
    assert preferences_for(employer) == DEFAULT


def test_many_at_once_agree_with_one_by_one():
    users = [recipient(), recipient(sms=False), EmployerUserFactory()]
    many = preferences_for_many([u.pk for u in users])
    assert many == {u.pk: preferences_for(u) for u in users}
