"""Reads of booths: a fair's approved booths with the postings still live (its page and the
printed list), every booth of a fair for staff, an employer's own booths and the postings it
may bring."""

from django.db.models import Prefetch, QuerySet

from chengnuan.accounts.models import User
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.events.choices import BoothStatus
from chengnuan.events.models import Booth, InterviewSlot, JobFair


def _live_postings() -> Prefetch:
    # A posting closed since the booth was approved no longer shows.
    return Prefetch("postings", queryset=public_postings(), to_attr="live_postings")


def fair_booths(fair: JobFair) -> QuerySet[Booth]:
    """Approved booths by booth number, with employer, live postings and slots."""
    return (
        Booth.objects.filter(fair=fair, status=BoothStatus.APPROVED)
        .select_related("employer", "employer__county")
        .prefetch_related(
            _live_postings(),
            Prefetch("slots", queryset=InterviewSlot.objects.order_by("starts_at")),
        )
        .order_by("number", "id")
    )


def booths_for_review(fair: JobFair) -> QuerySet[Booth]:
    """Every booth of a fair, waiting ones first."""
    return (
        Booth.objects.filter(fair=fair)
        .select_related("employer", "decided_by")
        .prefetch_related("postings")
        .order_by("status", "number", "id")
    )


def booths_for_employer_user(user: User) -> QuerySet[Booth]:
    return (
        Booth.objects.filter(employer__in=employers_for_owner(user))
        .select_related("fair", "employer")
        .prefetch_related("postings", "slots")
        .order_by("-fair__starts_at", "-id")
    )


def postings_to_bring(employer_ids: list[int]) -> QuerySet:
    """The published postings an employer may bring to a fair."""
    return public_postings().filter(employer_id__in=employer_ids)
