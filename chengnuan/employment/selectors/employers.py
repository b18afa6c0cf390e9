"""Reads of employers: an employer account's own, and the staff lists of an area."""

from django.db.models import Q, QuerySet

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import scope_filter
from chengnuan.employment.models import Employer


def employers_for_owner(user: User) -> QuerySet[Employer]:
    """The employers an employer account manages (usually one)."""
    if not user.is_authenticated or user.kind != UserKind.EMPLOYER:
        return Employer.objects.none()
    return Employer.objects.filter(owner=user).select_related("county", "industry")


def employers_for_staff(user: User, status: str | None = None) -> QuerySet[Employer]:
    found = scope_filter(Employer.objects.all(), user, "county_id").select_related(
        "county", "industry"
    )
    if status:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-id")


def staff_employers(
    user: User, *, status: str = "", county: str = "", query: str = ""
) -> QuerySet[Employer]:
    """Employers in the staff member's area; `query` matches the name or the exact USCC."""
    found = employers_for_staff(user, status or None)
    if county:
        found = found.filter(county_id=county)
    query = query.strip()
    if query:
        found = found.filter(Q(name__contains=query) | Q(uscc=query.upper()))
    return found
