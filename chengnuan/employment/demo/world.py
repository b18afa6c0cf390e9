"""What the generator needs from the reference tables, read once: the CSCO code of every
profile's occupations, the industries, the province's townships with coordinates grouped by
city, and the county codes a 身份证号 may start with."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from chengnuan.classifications.models import Industry, Occupation
from chengnuan.core.validators import clean_id_number
from chengnuan.employment.demo.identity import id_number
from chengnuan.employment.demo.jobs_production import PRODUCTION_PROFILES
from chengnuan.employment.demo.jobs_services import SERVICE_PROFILES
from chengnuan.employment.demo.profiles import JobProfile
from chengnuan.regions.models import Division, DivisionLevel

# Share of demo activity per city of 辽宁 (roughly its share of jobs: 沈阳 and 大连 lead).
CITY_WEIGHTS = {
    "2101": 30,
    "2102": 24,
    "2103": 7,
    "2104": 4,
    "2105": 3,
    "2106": 4,
    "2107": 5,
    "2108": 5,
    "2109": 2,
    "2110": 3,
    "2111": 4,
    "2112": 3,
    "2113": 3,
    "2114": 3,
}


_BIRTH_SAMPLE = datetime.date(1985, 6, 15)


PROFILES = PRODUCTION_PROFILES + SERVICE_PROFILES


class DemoDataMissing(Exception):
    """Reference data the generator relies on is not loaded."""


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    county_code: str
    county_name: str
    city_name: str
    lng: float | None
    lat: float | None


@dataclass(frozen=True)
class ProfileCodes:
    profile: JobProfile
    occupations: tuple[str, ...]  # CSCO code of each of profile.roles, in order


@dataclass(frozen=True)
class DemoWorld:
    profiles: tuple[ProfileCodes, ...]
    profile_weights: tuple[int, ...]
    city_codes: tuple[str, ...]
    city_weights: tuple[int, ...]
    workplaces: dict[str, tuple[Place, ...]]  # city -> townships with coordinates
    county_workplaces: dict[str, tuple[Place, ...]]  # county -> townships with coordinates
    homes: dict[str, tuple[Place, ...]]  # city -> every township
    home_counties: tuple[str, ...]  # the province's counties a 身份证号 may name

    @classmethod
    def load(cls) -> "DemoWorld":
        province = settings.PROVINCE_CODE
        places = _townships(province)
        if not places:
            raise DemoDataMissing("没有乡镇街道数据，请先运行 python manage.py load_reference。")
        homes: dict[str, list[Place]] = {}
        for place in places:
            homes.setdefault(place.code[:4], []).append(place)
        workplaces = {
            city: tuple(p for p in group if p.lng is not None) for city, group in homes.items()
        }
        cities = tuple(c for c in sorted(homes) if workplaces.get(c))
        by_county: dict[str, list[Place]] = {}
        for place in places:
            if place.lng is not None:
                by_county.setdefault(place.county_code, []).append(place)
        profiles = _profile_codes()
        return cls(
            profiles=profiles,
            profile_weights=tuple(p.profile.weight for p in profiles),
            city_codes=cities,
            city_weights=tuple(CITY_WEIGHTS.get(c, 2) for c in cities),
            workplaces=workplaces,
            county_workplaces={county: tuple(group) for county, group in by_county.items()},
            homes={city: tuple(group) for city, group in homes.items()},
            home_counties=_id_counties(province),
        )


def city_short(name: str) -> str:
    return name.removesuffix("市")


def _townships(province: str) -> list[Place]:
    rows = Division.objects.filter(
        code__startswith=province, level=DivisionLevel.TOWNSHIP
    ).select_related("parent__parent")
    return [
        Place(
            code=d.code,
            name=d.name,
            county_code=d.parent.code,
            county_name=d.parent.name,
            city_name=d.parent.parent.name,
            lng=d.lng,
            lat=d.lat,
        )
        for d in rows.order_by("code")
        if d.parent is not None and d.parent.parent is not None
    ]


def _profile_codes() -> tuple[ProfileCodes, ...]:
    names = {role.occupation for p in PROFILES for role in p.roles}
    codes = dict(Occupation.objects.filter(name__in=names, level=4).values_list("name", "code"))
    wanted_industries = {
        code for p in PROFILES for role in p.roles for code in p.industries_of(role)
    }
    found_industries = set(
        Industry.objects.filter(code__in=wanted_industries).values_list("code", flat=True)
    )
    missing = sorted(names - set(codes)) + sorted(wanted_industries - found_industries)
    if missing:
        raise DemoDataMissing(
            f"职业或行业分类里缺少 {missing}，请先运行 python manage.py load_reference。"
        )
    return tuple(
        ProfileCodes(p, tuple(codes[role.occupation] for role in p.roles)) for p in PROFILES
    )


def _id_counties(province: str) -> tuple[str, ...]:
    """Current county codes of the province that the 身份证号 validator accepts."""
    counties = Division.objects.filter(level=DivisionLevel.COUNTY, code__startswith=province)
    accepted = []
    for code in counties.order_by("code").values_list("code", flat=True):
        try:
            clean_id_number(id_number(code, _BIRTH_SAMPLE, 1))
        except ValidationError:
            continue
        accepted.append(code)
    return tuple(accepted)
