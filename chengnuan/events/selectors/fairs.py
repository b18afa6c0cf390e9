"""Reads of fairs: what the public sees (published and upcoming or on now, near a place),
one fair's page, and the staff list of an area."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import scope_filter
from chengnuan.employment.selectors.seekers import seeker_for_user
from chengnuan.events.choices import FairStatus
from chengnuan.events.models import JobFair

_JOINS = ("area", "township")
# Shown on their page after the fact too (a cancelled fair says why).
VISIBLE = (FairStatus.PUBLISHED, FairStatus.CANCELLED, FairStatus.FINISHED)


def upcoming_fairs() -> QuerySet[JobFair]:
    """The one rule of a public fair: published and not yet over. Soonest first."""
    return (
        JobFair.objects.filter(status=FairStatus.PUBLISHED, ends_at__gt=timezone.now())
        .select_related(*_JOINS)
        .order_by("starts_at", "id")
    )


def fairs_near(area_code: str) -> QuerySet[JobFair]:
    """Upcoming fairs for someone in `area_code` (a city, county or township): for a county,
    its own fairs and the city-wide ones; for a city, every fair in it."""
    fairs = upcoming_fairs()
    code = area_code.strip()
    if len(code) >= 6:
        county = code[:6]
        return fairs.filter(Q(area_id=county) | Q(area_id=county[:4]))
    if len(code) == 4:
        return fairs.filter(area__code__startswith=code)
    return fairs


def home_area(user: User) -> str:
    """Where a signed-in worker lives (their 求职登记's township), or "" when unknown."""
    if not user.is_authenticated or user.kind != UserKind.WORKER:
        return ""
    seeker = seeker_for_user(user)
    return seeker.residence_id if seeker is not None else ""


def fair_for_public(pk: int) -> JobFair:
    return get_object_or_404(
        JobFair.objects.filter(status__in=VISIBLE).select_related(*_JOINS), pk=pk
    )


def staff_fairs(user: User, *, status: str = "") -> QuerySet[JobFair]:
    """Fairs held in the staff member's area, the latest first."""
    found = scope_filter(JobFair.objects.all(), user, "area_id").select_related(*_JOINS)
    if status:
        found = found.filter(status=status)
    return found.order_by("-starts_at", "-id")
