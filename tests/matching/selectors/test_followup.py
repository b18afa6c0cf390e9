import datetime

import pytest
from django.utils import timezone

from chengnuan.core.models import AuditEntry
from chengnuan.employment.choices import SeekerStatus
from chengnuan.matching.selectors.followup import followup_seekers
from tests.employment.factories import DalianClerkFactory
from tests.factories import StaffFactory
from tests.matching.support import seeker

pytestmark = pytest.mark.django_db


def registered(days_ago: int, **fields):
    person = seeker(**fields)
    type(person).objects.filter(pk=person.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return person


def test_older_then_poverty_alleviated_then_longest_waiting_first():
    newer = registered(35)
    oldest = registered(90)
    lifted = registered(31, is_poverty_alleviated=True)
    older = registered(32, is_older=True, age=56)
    both = registered(33, is_older=True, is_poverty_alleviated=True, age=58)
    registered(5)
    registered(60, status=SeekerStatus.PAUSED)
    clerk = StaffFactory()
    assert list(followup_seekers(clerk, days=30)) == [both, older, lifted, oldest, newer]
    assert AuditEntry.objects.filter(actor=clerk).exists()


def test_nobody_outside_the_area_is_listed():
    registered(40)
    assert list(followup_seekers(DalianClerkFactory(), days=30)) == []
