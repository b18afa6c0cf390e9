import pytest
from django.utils import timezone

from chengnuan.events.choices import BoothStatus
from chengnuan.events.selectors.figures import fair_figures
from tests.events.factories import (
    BoothFactory,
    FairFactory,
    PostingFactory,
    SignupFactory,
    SlotFactory,
)
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


def test_a_fair_without_applications_counts_none():
    figures = fair_figures(FairFactory())

    assert (figures.applications, figures.hires) == (0, 0)


def test_applications_and_hires_count_signed_up_workers_applying_to_the_fairs_postings():
    from chengnuan.applications import models as applications
    from tests.factories import JobSeekerFactory

    booth = BoothFactory()
    posting = booth.postings.get()
    signed_up, hired, elsewhere = (SignupFactory(fair=booth.fair) for _ in range(3))
    for signup, status in ((signed_up, "applied"), (hired, "hired")):
        applications.Application.objects.create(
            seeker=JobSeekerFactory(user=signup.worker), posting=posting, status=status,
            hired_at=timezone.now() if status == "hired" else None,
            closed_at=timezone.now() if status == "hired" else None,
            seeker_area="210106001", posting_area=posting.county_id,
        )  # fmt: skip
    applications.Application.objects.create(
        seeker=JobSeekerFactory(user=elsewhere.worker), posting=PostingFactory(),
        seeker_area="210106001", posting_area="210106",
    )  # fmt: skip

    figures = fair_figures(booth.fair)

    assert (figures.applications, figures.hires) == (2, 1)
