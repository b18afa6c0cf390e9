import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.events.choices import BoothStatus, FairStatus
from chengnuan.events.models import FairSignup, InterviewBooking, InterviewSlot
from chengnuan.events.services.signups import (
    booking_cancel,
    booking_create,
    signup_cancel,
    signup_create,
    signup_mark_attended,
    signups_erase,
)
from tests.events.factories import (
    DALIAN_GANJINGZI,
    FairFactory,
    SignupFactory,
    SlotFactory,
    WorkerFactory,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_worker_signs_up_once_with_an_entry_code():
    fair, worker = FairFactory(), WorkerFactory()

    signup = signup_create(fair=fair, worker=worker)

    assert len(signup.code) == 8
    with pytest.raises(ValidationError, match="已经报名"):
        signup_create(fair=fair, worker=worker)
    assert FairSignup.objects.filter(fair=fair).count() == 1


def test_the_database_keeps_one_signup_per_worker_per_fair():
    signup = SignupFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        SignupFactory(fair=signup.fair, worker=signup.worker)


def test_no_signing_up_for_a_fair_that_is_over_or_not_published():
    over = FairFactory(starts_at=timezone.now() - datetime.timedelta(hours=3),
                       ends_at=timezone.now() - datetime.timedelta(hours=1))  # fmt: skip
    draft = FairFactory(status=FairStatus.DRAFT, published_at=None)

    for fair in (over, draft):
        with pytest.raises(ValidationError, match="不能报名"):
            signup_create(fair=fair, worker=WorkerFactory())


def test_staff_cannot_sign_up_as_workers():
    with pytest.raises(ValidationError, match="只有求职者"):
        signup_create(fair=FairFactory(), worker=StaffFactory())


def test_the_door_marks_attendance_once_and_audits_it():
    signup = SignupFactory()
    clerk = StaffFactory()

    first = signup_mark_attended(signup=signup, actor=clerk)
    again = signup_mark_attended(signup=signup, actor=StaffFactory())

    assert again.attended_at == first.attended_at
    assert again.attended_marked_by_id == clerk.pk
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(signup.pk),
                                     object_type="events.fairsignup").count() == 1  # fmt: skip


def test_a_dalian_clerk_cannot_mark_attendance_at_a_shenyang_fair():
    with pytest.raises(ValidationError, match="不在您负责的区域"):
        signup_mark_attended(signup=SignupFactory(), actor=StaffFactory(area_id=DALIAN_GANJINGZI))


def _signed_up_for(slot):
    return SignupFactory(fair=slot.booth.fair)


def test_booking_takes_a_place_and_cancelling_gives_it_back():
    slot = SlotFactory(capacity=2)
    signup = _signed_up_for(slot)

    booking = booking_create(signup=signup, slot=slot, actor=signup.worker)
    assert InterviewSlot.objects.get(pk=slot.pk).booked == 1

    booking_cancel(booking=booking, actor=signup.worker)
    assert InterviewSlot.objects.get(pk=slot.pk).booked == 0
    assert not InterviewBooking.objects.exists()


def test_a_full_slot_refuses_the_next_booking():
    slot = SlotFactory(capacity=1)
    first, second = _signed_up_for(slot), _signed_up_for(slot)
    booking_create(signup=first, slot=slot, actor=first.worker)

    with pytest.raises(ValidationError, match="约满"):
        booking_create(signup=second, slot=slot, actor=second.worker)

    assert InterviewSlot.objects.get(pk=slot.pk).booked == 1


def test_one_booking_per_worker_per_booth_and_the_refused_one_takes_no_place():
    slot = SlotFactory(capacity=5)
    other = SlotFactory(booth=slot.booth, capacity=5)
    signup = _signed_up_for(slot)
    booking_create(signup=signup, slot=slot, actor=signup.worker)

    with pytest.raises(ValidationError, match="已经预约过"):
        booking_create(signup=signup, slot=other, actor=signup.worker)

    assert InterviewSlot.objects.get(pk=other.pk).booked == 0


def test_the_database_never_holds_more_bookings_than_places():
    slot = SlotFactory(capacity=2, booked=2)

    with pytest.raises(IntegrityError), transaction.atomic():
        InterviewSlot.objects.filter(pk=slot.pk).update(booked=3)


def test_a_booth_not_yet_approved_cannot_be_booked():
    slot = SlotFactory(booth__status=BoothStatus.PENDING, booth__number=None)
    signup = _signed_up_for(slot)

    with pytest.raises(ValidationError, match="不能预约"):
        booking_create(signup=signup, slot=slot, actor=signup.worker)


def test_a_slot_of_another_fair_cannot_be_booked():
    slot = SlotFactory()
    signup = SignupFactory()

    with pytest.raises(ValidationError, match="不属于"):
        booking_create(signup=signup, slot=slot, actor=signup.worker)


def test_cancelling_a_signup_frees_its_places():
    slot = SlotFactory(capacity=2)
    signup = _signed_up_for(slot)
    booking_create(signup=signup, slot=slot, actor=signup.worker)

    signup_cancel(signup=signup, actor=signup.worker)

    assert InterviewSlot.objects.get(pk=slot.pk).booked == 0
    assert not FairSignup.objects.exists()


def test_someone_else_cannot_cancel_a_signup():
    with pytest.raises(ValidationError, match="自己的报名"):
        signup_cancel(signup=SignupFactory(), actor=WorkerFactory())


def test_erasing_a_worker_removes_their_signups_and_frees_their_places():
    slot = SlotFactory(capacity=2)
    signup = _signed_up_for(slot)
    kept = SignupFactory()
    booking_create(signup=signup, slot=slot, actor=signup.worker)

    assert signups_erase(user=signup.worker) == 1

    assert list(FairSignup.objects.all()) == [kept]
    assert InterviewSlot.objects.get(pk=slot.pk).booked == 0
