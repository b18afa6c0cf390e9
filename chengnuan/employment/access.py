"""One access helper per resource, called on the first line of every view and API route.
Anything outside the caller's reach is a 404, never a 403, so nobody learns it exists."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from chengnuan.accounts.models import UserKind
from chengnuan.accounts.scoping import scope_filter
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.models import Employer, JobSeeker, Posting
from chengnuan.employment.selectors.seekers import seeker_for_user


def _is_kind(user: Any, kind: UserKind) -> bool:
    return bool(user is not None and user.is_authenticated and user.kind == kind)


def get_posting_for_staff_or_404(user: Any, pk: int) -> Posting:
    """A posting whose job lies in the staff member's area."""
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    postings = Posting.objects.select_related("employer", "occupation", "county", "township")
    return get_object_or_404(scope_filter(postings, user, "county_id"), pk=pk)


def get_posting_for_employer_or_404(user: Any, pk: int) -> Posting:
    """A posting of an employer this employer account owns."""
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    postings = Posting.objects.select_related("employer", "occupation", "county", "township")
    return get_object_or_404(postings, pk=pk, employer__owner=user)


def get_employer_for_staff_or_404(user: Any, pk: int) -> Employer:
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    employers = Employer.objects.select_related("county", "industry")
    return get_object_or_404(scope_filter(employers, user, "county_id"), pk=pk)


def get_employer_for_owner_or_404(user: Any, pk: int) -> Employer:
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    return get_object_or_404(
        Employer.objects.select_related("county", "industry"), pk=pk, owner=user
    )


def get_seeker_for_staff_or_404(user: Any, pk: int, request: HttpRequest | None) -> JobSeeker:
    """A job seeker living in the staff member's area; the read is written to the audit log
    (PIPL: every staff read of a person's record)."""
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    seekers = JobSeeker.objects.select_related("residence", "hukou_area", "registered_by")
    seeker = get_object_or_404(scope_filter(seekers, user, "area_code"), pk=pk)
    audit_record(actor=user, action=AuditAction.VIEW, obj=seeker, request=request)
    return seeker


def get_own_seeker_or_404(user: Any) -> JobSeeker:
    """The signed-in worker's own registration."""
    seeker = seeker_for_user(user) if _is_kind(user, UserKind.WORKER) else None
    if seeker is None:
        raise Http404
    return seeker
