"""Reads of sign-ups: a worker's own (with their bookings), and a fair's for staff, read as a
list of people (audited) and found at the door by entry code or phone."""

from django.db.models import Prefetch, QuerySet

from chengnuan.accounts.models import User
from chengnuan.core.crypto import lookup_hash
from chengnuan.events.models import FairSignup, InterviewBooking, JobFair


def signups_for_worker(user: User) -> QuerySet[FairSignup]:
    bookings = InterviewBooking.objects.select_related("slot", "booth__employer")
    return (
        FairSignup.objects.filter(worker=user)
        .select_related("fair", "fair__area")
        .prefetch_related(Prefetch("bookings", queryset=bookings))
        .order_by("-fair__starts_at", "-id")
    )


def signup_of(user: User, fair: JobFair) -> FairSignup | None:
    if not user.is_authenticated:
        return None
    return signups_for_worker(user).filter(fair=fair).first()


def signups_for_staff(staff: User, fair: JobFair, *, query: str = "") -> QuerySet[FairSignup]:
    """A fair's sign-ups (the caller has checked the fair is in the staff member's area),
    audited when read. `query`: an entry code, the last four digits of the phone, or the
    whole phone number (matched on its keyed hash)."""
    found = FairSignup.objects.filter(fair=fair).select_related("worker", "attended_marked_by")
    query = "".join(query.split()).upper()
    if query:
        if len(query) == 11 and query.isdigit():
            found = found.filter(worker__phone_hash=lookup_hash(query))
        elif len(query) == 4 and query.isdigit():
            found = found.filter(worker__phone_masked__endswith=query)
        else:
            found = found.filter(code=query)
    return found.order_by("-created_at", "-id").audited(
        actor=staff, detail={"fair": fair.pk, "purpose": "attendance"}
    )
