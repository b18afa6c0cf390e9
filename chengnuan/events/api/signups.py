"""/api/v1/events sign-ups: a worker's own (sign up, cancel, book an interview slot), and the
door's look-up and attendance for staff. Looking up by phone is a POST, so no number is in
a URL."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind, staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.core.pagination import Pagination
from chengnuan.events import access
from chengnuan.events.models import FairSignup, InterviewBooking
from chengnuan.events.schemas import BookingOut, DoneOut, DoorLookupIn, SignupOut, SignupStaffOut
from chengnuan.events.selectors.fairs import fair_for_public
from chengnuan.events.selectors.signups import signups_for_staff, signups_for_worker
from chengnuan.events.services.signups import (
    booking_cancel,
    booking_create,
    signup_cancel,
    signup_create,
    signup_mark_attended,
)

router = Router(tags=["招聘会"])


@router.post(
    "/fairs/{fair_id}/signup", response={201: SignupOut}, auth=ApiAuth, summary="报名招聘会"
)
def fair_signup(request: HttpRequest, fair_id: int) -> Status[FairSignup]:
    user = login_required_kind(request, UserKind.WORKER)
    return Status(201, signup_create(fair=fair_for_public(fair_id), worker=user))


@router.delete("/fairs/{fair_id}/signup", response=DoneOut, auth=ApiAuth, summary="取消报名")
def fair_signup_cancel(request: HttpRequest, fair_id: int) -> DoneOut:
    user = login_required_kind(request, UserKind.WORKER)
    signup_cancel(signup=access.get_signup_for_worker_or_404(user, fair_id), actor=user)
    return DoneOut(detail="已取消报名。")


@router.get("/me/signups", response=list[SignupOut], auth=ApiAuth, summary="我的招聘会")
@paginate(Pagination)
def my_signups(request: HttpRequest) -> Any:
    return signups_for_worker(login_required_kind(request, UserKind.WORKER))


@router.post(
    "/fairs/{fair_id}/slots/{slot_id}/booking",
    response={201: BookingOut},
    auth=ApiAuth,
    summary="预约面试时段（网络招聘会，先报名）",
)
def slot_book(request: HttpRequest, fair_id: int, slot_id: int) -> Status[InterviewBooking]:
    user = login_required_kind(request, UserKind.WORKER)
    signup = access.get_signup_for_worker_or_404(user, fair_id)
    slot = access.get_public_slot_or_404(signup.fair, slot_id)
    booking = booking_create(signup=signup, slot=slot, actor=user)
    return Status(201, access.get_booking_for_worker_or_404(user, booking.pk))


@router.delete("/me/bookings/{booking_id}", response=DoneOut, auth=ApiAuth, summary="取消面试预约")
def my_booking_cancel(request: HttpRequest, booking_id: int) -> DoneOut:
    user = login_required_kind(request, UserKind.WORKER)
    booking_cancel(booking=access.get_booking_for_worker_or_404(user, booking_id), actor=user)
    return DoneOut(detail="已取消这个面试预约。")


# --- the door -----------------------------------------------------------------------------------


@router.post(
    "/office/fairs/{fair_id}/signups/search",
    response=list[SignupStaffOut],
    auth=ApiAuth,
    summary="入场查找报名人（入场码、手机号后四位或完整手机号）",
)
@paginate(Pagination)
def office_signup_search(request: HttpRequest, fair_id: int, payload: DoorLookupIn) -> Any:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, fair_id)
    return signups_for_staff(user, fair, query=payload.q)


@router.post(
    "/office/fairs/{fair_id}/signups/{signup_id}/attended",
    response=SignupStaffOut,
    auth=ApiAuth,
    summary="签到",
)
def office_signup_attended(request: HttpRequest, fair_id: int, signup_id: int) -> FairSignup:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, fair_id)
    signup = access.get_signup_for_staff_or_404(user, fair, signup_id)
    return signup_mark_attended(signup=signup, actor=user)
