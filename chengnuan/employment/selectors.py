"""Reads of the labour market database, with their joins done. Staff lists pass through
chengnuan.core.scoping.scope_filter, so nobody sees a row outside their area."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from chengnuan.accounts.models import User, UserKind
from chengnuan.core import crypto
from chengnuan.core.scoping import scope_filter
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import EmployerStatus, PostingStatus
from chengnuan.employment.models import Employer, JobSeeker, Posting

_POSTING_JOINS = ("employer", "occupation", "industry", "county", "township")


@dataclass(kw_only=True)
class PublicPostingFilters:
    city_code: str | None = None
    county_code: str | None = None
    occupation_code: str | None = None  # a code or a prefix (6- = 生产制造及有关人员)
    min_monthly_wage: int | None = None  # piece-rate postings have no monthly figure: left out
    older_friendly: bool | None = None


def public_postings(filters: PublicPostingFilters | None = None) -> QuerySet[Posting]:
    """What the public sees: published, not past its end date, from a verified employer.
    Newest first."""
    found = Posting.objects.filter(
        status=PostingStatus.PUBLISHED,
        valid_until__gte=today(),
        employer__status=EmployerStatus.VERIFIED,
    )
    filters = filters or PublicPostingFilters()
    if filters.city_code:
        found = found.filter(city_code=filters.city_code)
    if filters.county_code:
        found = found.filter(county_id=filters.county_code)
    if filters.occupation_code:
        found = found.filter(occupation__code__startswith=filters.occupation_code)
    if filters.min_monthly_wage is not None:
        found = found.filter(monthly_wage_max__gte=filters.min_monthly_wage)
    if filters.older_friendly:
        found = found.filter(open_to_older=True)
    return found.select_related(*_POSTING_JOINS).order_by("-published_at", "-id")


def posting_for_public(pk: int) -> Posting:
    return get_object_or_404(public_postings(), pk=pk)


def postings_for_employer(employer: Employer) -> QuerySet[Posting]:
    return (
        Posting.objects.filter(employer=employer)
        .select_related(*_POSTING_JOINS)
        .order_by("-created_at", "-id")
    )


def employers_for_owner(user: User) -> QuerySet[Employer]:
    """The employers an employer account manages (usually one)."""
    if not user.is_authenticated or user.kind != UserKind.EMPLOYER:
        return Employer.objects.none()
    return Employer.objects.filter(owner=user).select_related("county", "industry")


def review_queue(user: User) -> QuerySet[Posting]:
    """Postings waiting for review where the job is in the user's area, oldest first, so
    nobody waits longest. Unverified employers come with them (the reviewer verifies first)."""
    return (
        scope_filter(Posting.objects.filter(status=PostingStatus.PENDING), user, "county_id")
        .select_related(*_POSTING_JOINS)
        .order_by("updated_at", "id")
    )


@dataclass(kw_only=True)
class SeekerFilters:
    """Staff search over job seekers. Numbers match exactly (through their keyed hash);
    names match by substring."""

    status: str | None = None
    area_code: str | None = None  # narrow further inside the user's own area
    occupation_code: str | None = None
    is_older: bool | None = None
    wants_training: bool | None = None
    name: str | None = None
    id_number: str | None = None
    phone: str | None = None


def seekers_for_staff(user: User, filters: SeekerFilters | None = None) -> QuerySet[JobSeeker]:
    found = scope_filter(JobSeeker.objects.all(), user, "area_code").select_related(
        "residence", "hukou_area"
    )
    filters = filters or SeekerFilters()
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.area_code:
        found = found.filter(area_code__startswith=filters.area_code)
    if filters.occupation_code:
        found = found.filter(
            wanted_occupations__code__startswith=filters.occupation_code
        ).distinct()
    if filters.is_older is not None:
        found = found.filter(is_older=filters.is_older)
    if filters.wants_training is not None:
        found = found.filter(wants_training=filters.wants_training)
    if filters.name:
        found = found.filter(name__contains=filters.name.strip())
    if filters.id_number:
        found = found.filter(id_number_hash=crypto.lookup_hash(filters.id_number))
    if filters.phone:
        found = found.filter(phone_hash=crypto.lookup_hash(filters.phone))
    return found.order_by("-created_at", "-id")


def employers_for_staff(user: User, status: str | None = None) -> QuerySet[Employer]:
    found = scope_filter(Employer.objects.all(), user, "county_id").select_related(
        "county", "industry"
    )
    if status:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-id")


def seeker_for_user(user: User) -> JobSeeker | None:
    """The signed-in worker's own registration, if they have one."""
    if not user.is_authenticated:
        return None
    return (
        JobSeeker.objects.filter(user=user)
        .select_related("residence", "hukou_area")
        .prefetch_related("wanted_occupations", "wanted_areas")
        .first()
    )
