import pytest
from django.utils import timezone

from chengnuan.events.choices import BoothStatus
from chengnuan.events.selectors.figures import fair_figures
from tests.events.factories import BoothFactory, FairFactory, SignupFactory, SlotFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_fairs_figures_count_signups_attendance_booths_and_postings():
    fair = FairFactory()
    clerk = StaffFactory()
    SignupFactory(fair=fair, attended_at=timezone.now(), attended_marked_by=clerk)
    SignupFactory(fair=fair)
    SignupFactory(fair=fair)
    SignupFactory()  # another fair's
    BoothFactory(fair=fair)
    BoothFactory(fair=fair)
    BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)

    figures = fair_figures(fair)

    assert (figures.signups, figures.attended, figures.attendance_rate) == (3, 1, 33)
    assert (figures.booths_approved, figures.booths_pending) == (2, 1)
    assert figures.postings == 2  # the pending booth's posting is not counted


def test_an_online_fairs_figures_count_interview_places():
    slot = SlotFactory(capacity=5, booked=2)

    figures = fair_figures(slot.booth.fair)

    assert (figures.slot_places, figures.slot_booked) == (5, 2)
    assert figures.attendance_rate is None
