"""Loads one city's seekers and postings into the engine's arrays, reading employment only
through its selectors (the public-posting rule is employment's public_postings()).

Distances are between GCJ-02 points (divisions and postings both store GCJ-02): its offset
from WGS-84 is smooth over a city, so kilometres come out the same."""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.db.models import Q, QuerySet
from django.utils import timezone

from chengnuan.core.timeutil import today
from chengnuan.employment.choices import MONTHLY_FACTOR, Benefit
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.feeds import (
    city_residents,
    city_visitors,
    wanted_area_pairs,
    wanted_occupation_pairs,
)
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.matching.engine import PostingFrame, SeekerFrame
from chengnuan.matching.models import MatchSettings
from chengnuan.regions.selectors import division_by_code

BENEFIT_BITS = {code: 1 << i for i, code in enumerate(Benefit.values)}
GROUP_LENGTH, RELATED_LENGTH = 7, 4  # "4-09-08" 小类, "4-09" 中类 of "4-09-08-01"

_SEEKER_FIELDS = (
    "id", "birth_date", "area_code", "expected_wage", "expected_wage_unit", "is_older"
)  # fmt: skip
_POSTING_FIELDS = (
    "id",
    "occupation_id",
    "county_id",
    "township_id",
    "lng",
    "lat",
    "monthly_wage_min",
    "monthly_wage_max",
    "age_min",
    "age_max",
    "open_to_older",
    "benefits",
    "published_at",
)


def benefit_mask(codes: Iterable[str]) -> int:
    mask = 0
    for code in codes:
        mask |= BENEFIT_BITS.get(code, 0)
    return mask


def related_code(occupation_code: str) -> str:
    return occupation_code[:RELATED_LENGTH]


@dataclass
class Codes:
    """Numbers for occupation codes and their prefixes, for integer comparisons in numpy."""

    numbers: dict[str, int] = field(default_factory=dict)

    def __call__(self, code: str | None) -> int:
        if not code:
            return -1
        return self.numbers.setdefault(code, len(self.numbers))


@dataclass
class Centroids:
    """Division centroids, looked up once per code in a run."""

    known: dict[str, tuple[float, float]] = field(default_factory=dict)

    def __call__(self, code: str | None) -> tuple[float, float]:
        if not code:
            return (np.nan, np.nan)
        if code not in self.known:
            division = division_by_code(code)
            point = (division.lng, division.lat) if division is not None else (None, None)
            self.known[code] = (
                (point[0], point[1]) if point[0] is not None else (np.nan, np.nan)  # type: ignore[assignment]
            )
        return self.known[code]


def postings_for_matching(
    city_code: str, *, after: tuple[datetime.datetime, int] | None = None
) -> QuerySet[Posting]:
    """The city's public postings with an occupation, oldest published first; with `after`,
    only those published after the (published_at, id) watermark."""
    found = public_postings().filter(city_code=city_code, occupation__isnull=False)
    if after is not None:
        at, pk = after
        found = found.filter(Q(published_at__gt=at) | Q(published_at=at, id__gt=pk))
    return found.order_by("published_at", "id")


def posting_frame(city_code: str, postings: QuerySet[Posting], codes: Codes) -> PostingFrame:
    rows = list(postings.values_list(*_POSTING_FIELDS))
    centroid = Centroids()
    now = timezone.now()
    points = [
        (lng, lat) if lng is not None else centroid(township or county)
        for _, _, county, township, lng, lat, *_ in rows
    ]
    column = list(zip(*rows, strict=True)) if rows else [()] * len(_POSTING_FIELDS)
    occupations = column[1]

    def floats(values: Iterable[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    return PostingFrame(
        ids=np.array(column[0], dtype=np.int64),
        occupation=np.array([codes(c) for c in occupations], dtype=np.int64),
        group=np.array([codes(c[:GROUP_LENGTH]) for c in occupations], dtype=np.int64),
        related=np.array([codes(related_code(c)) for c in occupations], dtype=np.int64),
        city=int(city_code),
        county=np.array([int(c) for c in column[2]], dtype=np.int64),
        township=np.array([int(c) if c else 0 for c in column[3]], dtype=np.int64),
        lng=floats(p[0] for p in points),
        lat=floats(p[1] for p in points),
        monthly_min=floats(column[6]),
        monthly_max=floats(column[7]),
        age_min=floats(column[8]),
        age_max=floats(column[9]),
        open_to_older=np.array(column[10], dtype=bool),
        benefits=np.array([benefit_mask(b or ()) for b in column[11]], dtype=np.int64),
        age_days=np.array(
            [(now - at).total_seconds() / 86400 for at in column[12]], dtype=np.float64
        ),
    )


def seeker_frame(
    city_code: str, codes: Codes, occupation_prefixes: Collection[str] | None = None
) -> SeekerFrame:
    """The city's active seekers (residents, then visitors wanting work there) who want
    personalised matches (see MatchSettings)."""
    rows: list[tuple] = []
    wanted_areas: dict[int, set[int]] = {}
    pairs: list[tuple[int, str]] = []
    settings: dict[int, tuple[bool, list[str]]] = {}
    for seekers in (
        city_residents(city_code, occupation_prefixes),
        city_visitors(city_code, occupation_prefixes),
    ):
        settings |= {
            seeker_id: (personalised, wished)
            for seeker_id, personalised, wished in MatchSettings.objects.filter(
                seeker_id__in=seekers.values("id")
            ).values_list("seeker_id", "personalised", "wished_benefits")
        }
        rows += seekers.values_list(*_SEEKER_FIELDS).order_by()
        for seeker_id, code in wanted_area_pairs(seekers).order_by():
            wanted_areas.setdefault(seeker_id, set()).add(int(code))
        pairs += wanted_occupation_pairs(seekers).order_by()
    rows = [row for row in rows if settings.get(row[0], (True, []))[0]]
    index = {row[0]: i for i, row in enumerate(rows)}
    pairs = [(index[seeker_id], code) for seeker_id, code in pairs if seeker_id in index]
    on = today()
    centroid = Centroids()
    points = [centroid(row[2]) for row in rows]
    lat = np.array([p[1] for p in points], dtype=np.float64)
    return SeekerFrame(
        ids=np.array([row[0] for row in rows], dtype=np.int64),
        age=np.array([_age(row[1], on) for row in rows], dtype=np.float64),
        county=np.array([int(row[2][:6]) for row in rows], dtype=np.int64),
        resident=np.array([row[2].startswith(city_code) for row in rows], dtype=bool),
        lng=np.array([p[0] for p in points], dtype=np.float64),
        lat=lat,
        cos_lat=np.cos(np.radians(lat)),
        expected_monthly=np.array([_monthly(row[3], row[4]) for row in rows], dtype=np.float64),
        is_older=np.array([row[5] for row in rows], dtype=bool),
        benefits=np.array(
            [benefit_mask(settings.get(row[0], (True, []))[1]) for row in rows], dtype=np.int64
        ),
        wanted_areas=[frozenset(wanted_areas.get(row[0], ())) for row in rows],
        rows_seeker=np.array([i for i, _ in pairs], dtype=np.int64),
        rows_occupation=np.array([codes(c) for _, c in pairs], dtype=np.int64),
        rows_group=np.array([codes(c[:GROUP_LENGTH]) for _, c in pairs], dtype=np.int64),
        rows_related=np.array([codes(related_code(c)) for _, c in pairs], dtype=np.int64),
    )


def _age(birth: datetime.date, on: datetime.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _monthly(wage: Decimal | None, unit: str) -> float:
    factor = MONTHLY_FACTOR.get(unit)  # type: ignore[call-overload]
    return float(wage) * factor if wage and factor else np.nan


def seeker_age(seeker: JobSeeker) -> int:
    return _age(seeker.birth_date, today())
