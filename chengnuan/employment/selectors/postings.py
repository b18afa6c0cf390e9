"""Reads of postings, with their joins done: what the public sees (the one rule of a public
posting), an employer's own, the review queue and the staff lists of an area."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import EmployerStatus, PostingStatus
from chengnuan.employment.models import Employer, Posting

_POSTING_JOINS = ("employer", "occupation", "industry", "county", "township")


def public_postings() -> QuerySet[Posting]:
    """The one rule of what the public sees: published, not past its end date, from a
    verified employer. Newest first, with joins. The search index, the /jobs/ page, a
    posting's page and the API all read through it."""
    found = Posting.objects.filter(
        status=PostingStatus.PUBLISHED,
        valid_until__gte=today(),
        employer__status=EmployerStatus.VERIFIED,
    )
    return found.select_related(*_POSTING_JOINS).order_by("-published_at", "-id")


def posting_for_public(pk: int) -> Posting:
    return get_object_or_404(public_postings(), pk=pk)


def postings_for_employer(employer: Employer) -> QuerySet[Posting]:
    return (
        Posting.objects.filter(employer=employer)
        .select_related(*_POSTING_JOINS)
        .order_by("-created_at", "-id")
    )


def review_queue(user: User) -> QuerySet[Posting]:
    """Postings waiting for review where the job is in the user's area, oldest first, so
    nobody waits longest. Unverified employers come with them (the reviewer verifies first)."""
    return (
        scope_filter(Posting.objects.filter(status=PostingStatus.PENDING), user, "county_id")
        .select_related(*_POSTING_JOINS)
        .order_by("updated_at", "id")
    )


def staff_postings(user: User, *, status: str = "", county: str = "") -> QuerySet[Posting]:
    """Postings whose job lies in the staff member's area, newest first."""
    found = scope_filter(Posting.objects.all(), user, "county_id").select_related(
        "employer", "county"
    )
    if status:
        found = found.filter(status=status)
    if county:
        found = found.filter(county_id=county)
    return found.order_by("-created_at", "-id")
