"""Reads other domain apps make in bulk (matching): a city's active seekers (residents and
visitors wanting work there) and their wanted occupations and areas, the seekers to send pushes to, the postings fit for older workers.
Area tests are ranges on the code (2101 <= code < 2102), which every database answers from
its index, where LIKE '2101%' is not on SQLite."""

from collections.abc import Collection

from django.db.models import Q, QuerySet

from chengnuan.classifications.models import Occupation
from chengnuan.employment.choices import PushFrequency, SeekerStatus
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import public_postings

_WantedOccupation = JobSeeker.wanted_occupations.through
_WantedArea = JobSeeker.wanted_areas.through


def code_range(prefix: str) -> tuple[str, str]:
    """[low, high) of every code starting with the digits `prefix`."""
    return prefix, str(int(prefix) + 1).zfill(len(prefix))


def city_residents(
    city_code: str, occupation_prefixes: Collection[str] | None = None
) -> QuerySet[JobSeeker]:
    """Active seekers living in the city (a range on the (status, area_code) index); with
    `occupation_prefixes`, only those wanting an occupation whose code starts with one."""
    low, high = code_range(city_code)
    found = JobSeeker.objects.filter(
        status=SeekerStatus.ACTIVE, area_code__gte=low, area_code__lt=high
    )
    return _wanting_occupations(found, occupation_prefixes)


def city_visitors(
    city_code: str, occupation_prefixes: Collection[str] | None = None
) -> QuerySet[JobSeeker]:
    """Active seekers living elsewhere who want work somewhere in the city (or anywhere in
    the province). Kept apart from the residents: one query with both conditions ORed makes
    the database read every active seeker's row."""
    low, high = code_range(city_code)
    # The ids first, read from the wanted areas' index (each seeker's residence checked by
    # key): given a subquery instead, the database walks every active seeker's row.
    visitors = list(
        _WantedArea.objects.filter(
            Q(division_id__gte=low, division_id__lt=high) | Q(division_id=city_code[:2])
        )
        .exclude(jobseeker__area_code__gte=low, jobseeker__area_code__lt=high)
        .values_list("jobseeker_id", flat=True)
        .distinct()
    )
    found = JobSeeker.objects.filter(status=SeekerStatus.ACTIVE, id__in=visitors)
    return _wanting_occupations(found, occupation_prefixes)


def _wanting_occupations(
    found: QuerySet[JobSeeker], occupation_prefixes: Collection[str] | None
) -> QuerySet[JobSeeker]:
    if occupation_prefixes is None:
        return found
    # The codes themselves (a few thousand in the whole classification), not ranges or LIKE
    # on "4-09-08-01": PostgreSQL's collations order "-" unlike bytes, and SQLite's LIKE
    # uses no index.
    prefixes = tuple(occupation_prefixes)
    codes = [
        code
        for code in Occupation.objects.values_list("code", flat=True)
        if code.startswith(prefixes)
    ]
    wanting = _WantedOccupation.objects.filter(occupation_id__in=codes).values("jobseeker_id")
    return found.filter(id__in=wanting)


def wanted_occupation_pairs(seekers: QuerySet[JobSeeker]) -> QuerySet:
    """(seeker id, occupation code) of the seekers given."""
    return _WantedOccupation.objects.filter(jobseeker_id__in=seekers.values("id")).values_list(
        "jobseeker_id", "occupation_id"
    )


def wanted_area_pairs(seekers: QuerySet[JobSeeker]) -> QuerySet:
    """(seeker id, division code) of the seekers given."""
    return _WantedArea.objects.filter(jobseeker_id__in=seekers.values("id")).values_list(
        "jobseeker_id", "division_id"
    )


def seekers_to_push(city_code: str, frequency: str) -> QuerySet[JobSeeker]:
    """Active seekers living in the city, with an account to send to, who chose this
    push frequency ("never" finds nobody)."""
    if frequency == PushFrequency.NEVER:
        return JobSeeker.objects.none()
    low, high = code_range(city_code)
    return JobSeeker.objects.filter(
        status=SeekerStatus.ACTIVE,
        area_code__gte=low,
        area_code__lt=high,
        user__isnull=False,
        push_frequency=frequency,
    )


def public_older_postings() -> QuerySet[Posting]:
    """Public postings fit for older workers: 欢迎大龄, or no upper age limit."""
    return public_postings().filter(Q(open_to_older=True) | Q(age_max__isnull=True))
