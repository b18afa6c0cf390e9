"""One demo employer, posting or seeker at a time, from a seeded random generator. Pure: no
database access, so the same seed gives the same records. The values go through the same
`*_field_values` functions the services use, so derived fields match what a real
registration would store."""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from chengnuan.employment.choices import (
    Benefit,
    EmployerStatus,
    PostingStatus,
    PushChannel,
    PushFrequency,
    RegisteredVia,
    SeekerStatus,
    Shift,
    Source,
    WageUnit,
)
from chengnuan.employment.demo import identity, text
from chengnuan.employment.demo.identity import words
from chengnuan.employment.demo.world import DemoWorld, Place, city_short
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.models import ConsentMethod, ConsentPurpose
from chengnuan.employment.validation import (
    employer_field_values,
    posting_field_values,
    seeker_field_values,
)

T = TypeVar("T")
DAY = datetime.timedelta(days=1)
_BRANDS = words(
    "宏达 鑫源 华通 顺达 金鼎 恒信 盛世 利民 永安 众诚 嘉禾 鼎盛 东方 北方 辽河 渤海 新兴 富华 中兴 天成 瑞丰 兴隆 宏远 同创 安泰 德润 长兴 聚源 华瑞 正大 益民 通达 凯旋 金桥 昌盛 福源 广源 华美 海川 北辰"
)
# Piece rates go in steps of 1 jiao (0.5 元/件 is a common rate).
_WAGE_STEP = {
    WageUnit.MONTH: Decimal(100),
    WageUnit.DAY: Decimal(10),
    WageUnit.HOUR: Decimal(1),
    WageUnit.PIECE: Decimal("0.1"),
}
# Share of monthly-paid postings that pay a 13th month (「13薪」).
THIRTEENTH_MONTH_SHARE = 0.1


def weighted(rng: random.Random, options: dict[T, int] | dict[T, float]) -> T:
    return rng.choices(list(options), list(options.values()))[0]


def _moment(
    rng: random.Random, now: datetime.datetime, days_ago: tuple[float, float]
) -> datetime.datetime:
    return now - datetime.timedelta(seconds=rng.uniform(days_ago[0], days_ago[1]) * 86400)


# --- employers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployerRecord:
    fields: dict[str, Any]
    profile_index: int
    role_index: int
    place: Place


def _pick_profile(rng: random.Random, world: DemoWorld) -> int:
    return rng.choices(range(len(world.profiles)), world.profile_weights)[0]


def build_employer(
    rng: random.Random, world: DemoWorld, index: int, offset: int, now: datetime.datetime
) -> EmployerRecord:
    profile_index = _pick_profile(rng, world)
    profile = world.profiles[profile_index].profile
    role_index = rng.randrange(len(profile.roles))
    role = profile.roles[role_index]
    place = rng.choice(world.workplaces[rng.choices(world.city_codes, world.city_weights)[0]])
    kind = "3" if profile.key == "农业" and rng.random() < 0.4 else "1"
    trade = rng.choice(profile.trades_of(role))
    suffix = "专业合作社" if kind == "3" else rng.choice(("有限公司", "有限公司", "有限责任公司"))
    data = EmployerInput(
        uscc=identity.company_uscc(place.county_code, index, offset, kind=kind),
        name=f"{city_short(place.city_name)}{rng.choice(_BRANDS)}{trade}{suffix}",
        county_code=place.county_code,
        industry_code=rng.choice(profile.industries_of(role)),
        address=text.street_address(rng, place),
        contact_name=identity.contact_name(rng),
        contact_phone=identity.mobile(rng),
    )
    status = weighted(
        rng,
        {
            EmployerStatus.VERIFIED: 90,
            EmployerStatus.PENDING: 6,
            EmployerStatus.REJECTED: 2,
            EmployerStatus.SUSPENDED: 2,
        },
    )
    created = _moment(rng, now, (60, 400))
    fields = employer_field_values(data) | {
        "status": status,
        "verified_at": created + rng.uniform(0.2, 3) * DAY
        if status == EmployerStatus.VERIFIED
        else None,
        "status_note": "营业执照与填写信息不一致" if status == EmployerStatus.REJECTED else "",
        "source": weighted(rng, {Source.EMPLOYER: 60, Source.CLERK: 35, Source.IMPORT: 5}),
        "created_at": created,
        "updated_at": created,
    }
    return EmployerRecord(
        fields=fields, profile_index=profile_index, role_index=role_index, place=place
    )


# --- postings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployerRef:
    """What a posting needs to know of its employer (kept in memory for the whole run)."""

    pk: int
    profile_index: int
    role_index: int
    industry_code: str | None
    county_code: str
    status: str
    source: str


def build_posting(
    rng: random.Random, world: DemoWorld, employer: EmployerRef, now: datetime.datetime
) -> dict[str, Any]:
    codes = world.profiles[employer.profile_index]
    profile = codes.profile
    role = profile.roles[employer.role_index]
    place = rng.choice(world.county_workplaces[employer.county_code])
    unit = weighted(rng, profile.units)
    wage_min, wage_max = _wage_range(rng, profile.wages[unit], unit)
    months = 13 if unit == WageUnit.MONTH and rng.random() < THIRTEENTH_MONTH_SHARE else None
    benefits = _benefits(rng, profile.benefits, unit)
    shift = weighted(rng, profile.shifts)
    age_min = rng.choice((18, 18, 18, 20, 22))
    age_max = rng.choice(profile.age_max)
    core = rng.choice(role.titles)
    tags = text.job_tags(benefits, shift, shift == Shift.DAY and rng.random() < 0.25)
    headcount = rng.randint(*profile.headcount)
    data = PostingInput(
        title=text.posting_title(rng, core, place, tags),
        occupation_code=codes.occupations[employer.role_index],
        industry_code=employer.industry_code,
        county_code=place.county_code,
        township_code=place.code,
        address=text.street_address(rng, place),
        lng=round(place.lng + rng.uniform(-0.004, 0.004), 6) if place.lng is not None else None,
        lat=round(place.lat + rng.uniform(-0.003, 0.003), 6) if place.lat is not None else None,
        wage_min=wage_min,
        wage_max=wage_max,
        wage_unit=unit,
        wage_months=months,
        headcount=headcount,
        age_min=age_min,
        age_max=age_max,
        education=weighted(rng, profile.education),
        benefits=benefits,
        shift=shift,
        contract_type=weighted(rng, profile.contracts),
        description=text.posting_description(
            rng,
            core=core,
            headcount=headcount,
            place=place,
            duties=role.duties,
            wage=text.wage_phrase(unit, wage_min, wage_max, months),
            benefits=benefits,
            tags=tags,
            age_min=age_min,
            age_max=age_max,
        ),
        contact_name=identity.contact_name(rng),
        contact_phone=identity.mobile(rng),
        valid_until=now.date() + rng.randint(7, 120) * DAY,
    )
    return (
        posting_field_values(data)
        | _posting_life(rng, employer, now)
        | {"source": employer.source, "employer_id": employer.pk}
    )


def _wage_range(rng: random.Random, bounds: tuple[int, int], unit: str) -> tuple[Decimal, Decimal]:
    step = _WAGE_STEP[WageUnit(unit)]
    low, high = int(bounds[0] / step), int(bounds[1] / step)
    wage_min = rng.randint(low, max(low, low + (high - low) * 6 // 10))
    wage_max = wage_min if rng.random() < 0.15 else rng.randint(wage_min, high)
    return wage_min * step, wage_max * step


def _benefits(rng: random.Random, chances: dict[Benefit, float], unit: str) -> list[str]:
    chances = dict(chances)
    if unit == WageUnit.DAY:
        chances[Benefit.DAILY_PAY] = max(chances.get(Benefit.DAILY_PAY, 0), 0.6)
    picked = [b.value for b, p in chances.items() if rng.random() < p]
    if Benefit.INSURANCE in picked and Benefit.SOCIAL_INSURANCE in picked:
        picked.remove(Benefit.SOCIAL_INSURANCE)
    return picked


def _posting_life(
    rng: random.Random, employer: EmployerRef, now: datetime.datetime
) -> dict[str, Any]:
    """Status and its dates: most published within the last 60 days and still open."""
    if employer.status == EmployerStatus.VERIFIED:
        status = weighted(
            rng,
            {
                PostingStatus.PUBLISHED: 86,
                PostingStatus.PENDING: 4,
                PostingStatus.CLOSED: 5,
                PostingStatus.EXPIRED: 5,
            },
        )
    elif employer.status == EmployerStatus.PENDING:
        status = PostingStatus.PENDING
    else:
        status = PostingStatus.CLOSED
    life: dict[str, Any] = {
        "status": status,
        "published_at": None,
        "reviewed_at": None,
        "closed_at": None,
    }
    if status == PostingStatus.PENDING:
        created = _moment(rng, now, (0, 5))
    elif status == PostingStatus.EXPIRED:
        life["valid_until"] = now.date() - rng.randint(1, 30) * DAY
        published = (
            datetime.datetime.combine(life["valid_until"], now.timetz()) - rng.randint(30, 60) * DAY
        )
        life |= {"published_at": published, "reviewed_at": published}
        created = published - rng.uniform(0, 2) * DAY
    else:
        published = _moment(rng, now, (0, 60) if status == PostingStatus.PUBLISHED else (20, 60))
        life |= {"published_at": published, "reviewed_at": published}
        if status == PostingStatus.CLOSED:
            life["closed_at"] = published + rng.uniform(3, 19) * DAY
        created = published - rng.uniform(0, 2) * DAY
    life |= {
        "created_at": created,
        "updated_at": life["closed_at"] or life["published_at"] or created,
    }
    return life


# --- job seekers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SeekerRecord:
    fields: dict[str, Any]
    occupation_codes: list[str]
    area_codes: list[str]
    consents: dict[str, bool]
    consent_method: str


def build_seeker(
    rng: random.Random, world: DemoWorld, index: int, offset: int, now: datetime.datetime
) -> SeekerRecord:
    birth, sequence = identity.seeker_birth_and_sequence(index, offset)
    region = rng.choice(world.home_counties)
    home = _residence(rng, world, region)
    codes = world.profiles[_pick_profile(rng, world)]
    roles = rng.sample(
        range(len(codes.occupations)), k=min(len(codes.occupations), rng.randint(1, 2))
    )
    unit = (
        WageUnit.DAY
        if WageUnit.DAY in codes.profile.wages and rng.random() < 0.15
        else WageUnit.MONTH
    )
    data = SeekerInput(
        name=identity.person_name(rng, male=sequence % 2 == 1),
        id_number=identity.id_number(region, birth, sequence),
        phone=identity.mobile(rng),
        residence_code=home.code,
        hukou_area_code=region,
        wanted_occupation_codes=_wanted_occupations(
            rng, world, [codes.occupations[i] for i in roles]
        ),
        wanted_area_codes=_wanted_areas(rng, home),
        expected_wage=_expected_wage(rng, codes.profile.wages[unit], unit),
        expected_wage_unit=unit,
        available_from=None if rng.random() < 0.3 else now.date() + rng.randint(0, 30) * DAY,
        skills="，".join(
            rng.sample(codes.profile.skills, k=min(len(codes.profile.skills), rng.randint(0, 2)))
        ),
        certificates=rng.choice(codes.profile.certificates)
        if codes.profile.certificates and rng.random() < 0.4
        else "",
        experience=f"在{city_short(home.city_name)}做过{rng.randint(1, 15)}年{rng.choice(codes.profile.roles[roles[0]].titles)}"
        if rng.random() < 0.7
        else "",
        wants_training=rng.random() < 0.3,
        is_poverty_alleviated=rng.random() < 0.05,
        push_frequency=weighted(
            rng, {PushFrequency.WEEKLY: 5, PushFrequency.DAILY: 3, PushFrequency.NEVER: 2}
        ),
        push_channel=weighted(rng, {PushChannel.SITE: 6, PushChannel.SMS: 4}),
    )
    if rng.random() < 0.3:
        data.quiet_start, data.quiet_end = datetime.time(22, 0), datetime.time(7, 0)
    via = weighted(rng, {RegisteredVia.STATION: 75, RegisteredVia.IMPORT: 25})
    created = _moment(rng, now, (0, 365))
    fields = seeker_field_values(data, today=now.date()) | {
        "status": weighted(
            rng, {SeekerStatus.ACTIVE: 85, SeekerStatus.PAUSED: 10, SeekerStatus.CLOSED: 5}
        ),
        "registered_via": via,
        "created_at": created,
        "updated_at": created,
    }
    pushes = data.push_frequency != PushFrequency.NEVER
    return SeekerRecord(
        fields=fields,
        occupation_codes=list(data.wanted_occupation_codes),
        area_codes=list(data.wanted_area_codes),
        # The consents seeker_register records: registration always, pushes and SMS if wanted.
        consents={
            ConsentPurpose.REGISTRATION: True,
            ConsentPurpose.PUSH: pushes,
            ConsentPurpose.SMS: pushes and data.push_channel == PushChannel.SMS,
        },
        consent_method=ConsentMethod.SIGNED
        if via == RegisteredVia.IMPORT or rng.random() < 0.7
        else ConsentMethod.VERBAL,
    )


def _residence(rng: random.Random, world: DemoWorld, hukou: str) -> Place:
    """Half the workers live in their home city, the rest where the jobs are."""
    city = hukou[:4] if hukou[:4] in world.homes and rng.random() < 0.5 else None
    city = city or rng.choices(world.city_codes, world.city_weights)[0]
    return rng.choice(world.homes[city])


def _wanted_areas(rng: random.Random, home: Place) -> list[str]:
    """Nowhere in particular, near home (the county) or anywhere in the home city."""
    where = weighted(rng, {"anywhere": 3, "county": 5, "city": 2})
    return {"anywhere": [], "county": [home.county_code], "city": [home.code[:4]]}[where]


def _wanted_occupations(rng: random.Random, world: DemoWorld, wanted: list[str]) -> list[str]:
    """The seeker's own line of work, and now and then one more."""
    if rng.random() < 0.3:
        other = rng.choice(world.profiles).occupations[0]
        if other not in wanted:
            wanted.append(other)
    return wanted


def _expected_wage(rng: random.Random, bounds: tuple[int, int], unit: str) -> int:
    step = 500 if unit == WageUnit.MONTH else 10
    low, high = bounds[0] // step, (bounds[0] + bounds[1]) // 2 // step
    return rng.randint(low, max(low, high)) * step
