"""Writes for workers at a fair: sign up (once per fair), cancel, be marked attended at the
door, book an interview slot at an online booth (never past its capacity), and the reminder
the day before."""

import datetime
import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.core.timeutil import today as local_today
from chengnuan.events import notify
from chengnuan.events.choices import BoothStatus, FairStatus
from chengnuan.events.models import FairSignup, InterviewBooking, InterviewSlot, JobFair
from chengnuan.events.services.fairs import require_fair_staff, state_error

# Letters and digits nobody misreads at a noisy door (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _require_worker(actor: Any) -> User:
    if not isinstance(actor, User) or actor.kind != UserKind.WORKER:
        raise state_error("只有求职者可以报名招聘会。")
    return actor


@transaction.atomic
def signup_create(*, fair: JobFair, worker: User) -> FairSignup:
    """Sign a worker up for a published fair that has not ended. Twice is refused, also when
    two requests arrive at once (the unique constraint decides)."""
    _require_worker(worker)
    if fair.status != FairStatus.PUBLISHED or fair.ends_at <= timezone.now():
        raise state_error("这个招聘会现在不能报名。")
    if FairSignup.objects.filter(fair=fair, worker=worker).exists():
        raise state_error("您已经报名这个招聘会了。")
    try:
        with transaction.atomic():
            signup = FairSignup.objects.create(fair=fair, worker=worker, code=new_code())
    except IntegrityError as error:
        raise state_error("您已经报名这个招聘会了。") from error
    return signup


@transaction.atomic
def signup_cancel(*, signup: FairSignup, actor: User) -> None:
    """The worker takes back a sign-up before the fair starts; their slots free up."""
    signup = FairSignup.objects.select_for_update().select_related("fair").get(pk=signup.pk)
    if signup.worker_id != actor.pk:
        raise state_error("您只能取消自己的报名。")
    if signup.attended_at is not None:
        raise state_error("您已经签到了，不能再取消报名。")
    for booking in signup.bookings.all():
        _release(booking)
    signup.delete()


@transaction.atomic
def signup_mark_attended(*, signup: FairSignup, actor: User) -> FairSignup:
    """Staff at the door mark a worker as come. Marking twice changes nothing (the first
    time and who marked it stay)."""
    signup = FairSignup.objects.select_for_update().select_related("fair").get(pk=signup.pk)
    require_fair_staff(actor, signup.fair.area_id)
    if signup.fair.status not in (FairStatus.PUBLISHED, FairStatus.FINISHED):
        raise state_error("这个招聘会没有在举办，不能签到。")
    if signup.attended_at is not None:
        return signup
    signup.attended_at = timezone.now()
    signup.attended_marked_by = actor
    signup.save(update_fields=["attended_at", "attended_marked_by"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=signup, detail={"attended": True})
    return signup


@transaction.atomic
def booking_create(*, signup: FairSignup, slot: InterviewSlot, actor: User) -> InterviewBooking:
    """Book a place in an interview slot. The place is taken by one conditional UPDATE
    (booked < capacity): of any number of requests at once, exactly `capacity` win, on
    SQLite and PostgreSQL alike, without holding a lock while the rest is checked."""
    if signup.worker_id != actor.pk:
        raise state_error("您只能用自己的报名预约。")
    slot = InterviewSlot.objects.select_related("booth__fair").get(pk=slot.pk)
    booth = slot.booth
    if booth.fair_id != signup.fair_id:
        raise state_error("这个时段不属于您报名的招聘会。")
    if booth.status != BoothStatus.APPROVED or booth.fair.status != FairStatus.PUBLISHED:
        raise state_error("这个展位现在不能预约。")
    if slot.starts_at <= timezone.now():
        raise state_error("这个时段已经开始或过去了，请选别的时段。")
    if InterviewBooking.objects.filter(booth=booth, signup=signup).exists():
        raise state_error("您已经预约过这家单位的面试了。")
    taken = InterviewSlot.objects.filter(pk=slot.pk, booked__lt=F("capacity")).update(
        booked=F("booked") + 1
    )
    if not taken:
        raise state_error("这个时段已经约满了，请选别的时段。")
    try:
        with transaction.atomic():
            booking = InterviewBooking.objects.create(slot=slot, booth=booth, signup=signup)
    except IntegrityError as error:
        # Leaving the outer transaction with an error gives the place back.
        raise state_error("您已经预约过这家单位的面试了。") from error
    return booking


def _release(booking: InterviewBooking) -> None:
    InterviewSlot.objects.filter(pk=booking.slot_id, booked__gt=0).update(booked=F("booked") - 1)
    booking.delete()


@transaction.atomic
def booking_cancel(*, booking: InterviewBooking, actor: User) -> None:
    booking = (
        InterviewBooking.objects.select_for_update().select_related("signup").get(pk=booking.pk)
    )
    if booking.signup.worker_id != actor.pk:
        raise state_error("您只能取消自己的预约。")
    _release(booking)


def fair_reminders_send(*, today: datetime.date | None = None) -> int:
    """Tell everyone signed up for a fair that starts tomorrow (Beijing date). Each sign-up
    is reminded once: the message's dedupe key is the sign-up's, so the task may run again
    (or on two machines) and sends nothing twice. Returns how many messages were stored."""
    tomorrow = (today or local_today()) + datetime.timedelta(days=1)
    signups = FairSignup.objects.filter(
        fair__status=FairStatus.PUBLISHED, fair__starts_at__date=tomorrow
    ).select_related("fair")
    return notify.fair_reminders(list(signups))


@transaction.atomic
def signups_erase(*, user: User) -> int:
    """A closing account's sign-ups and bookings go, and their interview places free up."""
    signups = list(FairSignup.objects.select_for_update().filter(worker=user))
    for booking in InterviewBooking.objects.filter(signup__in=signups):
        _release(booking)
    FairSignup.objects.filter(pk__in=[s.pk for s in signups]).delete()
    return len(signups)
