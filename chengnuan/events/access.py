"""One access helper per resource, called on the first line of every view and API route.
Anything outside the caller's reach is a 404, never a 403, so nobody learns it exists."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from chengnuan.accounts.models import UserKind
from chengnuan.accounts.scoping import scope_filter
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.events.models import Booth, FairSignup, InterviewBooking, InterviewSlot, JobFair


def _is_kind(user: Any, kind: UserKind) -> bool:
    return bool(user is not None and user.is_authenticated and user.kind == kind)


def get_fair_for_staff_or_404(user: Any, pk: int) -> JobFair:
    """A fair held in the staff member's area (a Dalian clerk never reaches a Shenyang fair)."""
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    fairs = JobFair.objects.select_related("area", "township", "created_by")
    return get_object_or_404(scope_filter(fairs, user, "area_id"), pk=pk)


def get_booth_for_staff_or_404(user: Any, pk: int) -> Booth:
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    booths = Booth.objects.select_related("fair", "employer", "decided_by")
    return get_object_or_404(scope_filter(booths, user, "fair__area__code"), pk=pk)


def get_booth_for_employer_or_404(user: Any, pk: int) -> Booth:
    """A booth of an employer this employer account owns."""
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    booths = Booth.objects.select_related("fair", "employer")
    return get_object_or_404(booths, pk=pk, employer__in=employers_for_owner(user))


def get_slot_for_employer_or_404(user: Any, pk: int) -> InterviewSlot:
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    slots = InterviewSlot.objects.select_related("booth__fair", "booth__employer")
    return get_object_or_404(slots, pk=pk, booth__employer__in=employers_for_owner(user))


def get_signup_for_worker_or_404(user: Any, fair_pk: int) -> FairSignup:
    """The worker's own sign-up for a fair."""
    if not _is_kind(user, UserKind.WORKER):
        raise Http404
    return get_object_or_404(
        FairSignup.objects.select_related("fair"), fair__pk=fair_pk, worker=user
    )


def get_signup_for_staff_or_404(user: Any, fair: JobFair, pk: int) -> FairSignup:
    """A sign-up of a fair the caller has already reached through get_fair_for_staff_or_404."""
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    return get_object_or_404(FairSignup.objects.select_related("fair", "worker"), pk=pk, fair=fair)


def get_booking_for_worker_or_404(user: Any, pk: int) -> InterviewBooking:
    if not _is_kind(user, UserKind.WORKER):
        raise Http404
    bookings = InterviewBooking.objects.select_related("slot", "signup", "booth")
    return get_object_or_404(bookings, pk=pk, signup__worker=user)


def get_public_slot_or_404(fair: JobFair, pk: int) -> InterviewSlot:
    """A slot at one of the fair's booths (bookable or not: the service says why not)."""
    return get_object_or_404(InterviewSlot.objects.select_related("booth"), pk=pk, booth__fair=fair)
