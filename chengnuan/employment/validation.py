"""Pure checks of what people type for employers, postings and job seekers.

Each `clean_*` takes an input dataclass and returns a normalised copy, or raises
ValidationError({field: [中文说明]}) listing every problem at once, so a form can show each
message next to its field. No per-row database query: codes are checked against small maps
loaded once per process (see `reference_codes`), so the bulk importer can run 100k rows.

Each `*_field_values` turns a cleaned input into model field values, with the derived ones
(city_code, monthly wages, hashes, masks, is_older), for the services and the importer alike.
"""

import dataclasses
import datetime
import functools
import threading
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from chengnuan.classifications.models import Industry, Occupation
from chengnuan.core import crypto
from chengnuan.core.timeutil import today as local_today
from chengnuan.core.validators import (
    clean_id_number,
    clean_mobile,
    clean_person_name,
    clean_uscc,
    id_number_facts,
)
from chengnuan.employment import discrimination
from chengnuan.employment.choices import (
    MONTHLY_FACTOR,
    WAGE_MONTHS_RANGE,
    Benefit,
    ContractType,
    Education,
    Gender,
    PushChannel,
    PushFrequency,
    Shift,
    WageUnit,
)
from chengnuan.employment.inputs import Amount, EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.texts import amount_text
from chengnuan.regions.models import Division, DivisionLevel
from chengnuan.regions.selectors import division_by_code

# Plausible wage ranges per unit; outside them the number is almost always a typo or the
# wrong unit (a daily wage entered as monthly).
WAGE_RANGE: dict[WageUnit, tuple[Amount, int]] = {
    WageUnit.MONTH: (1000, 100_000),
    WageUnit.DAY: (50, 5_000),
    WageUnit.HOUR: (10, 1_000),
    WageUnit.PIECE: (Decimal("0.01"), 10_000),  # 0.5 元/件 is common
}
WORKING_AGE = (16, 70)
# A registration's age (from the 身份证号) above this is a mistyped birth year, not a person.
MAX_REGISTRATION_AGE = 100
# An earliest start date this many days past is still taken (a paper form filled in last
# month and entered today); earlier, it is a typing slip.
AVAILABLE_FROM_PAST_DAYS = 30
# GLOSSARY: 大龄农民工 by convention 50+ (men) / 40+ (women).
OLDER_AGE = {Gender.MALE: 50, Gender.FEMALE: 40}
# A posting with no upper age limit, or one at 50 or above, welcomes older workers.
OLDER_FRIENDLY_AGE_MAX = 50
MAX_WANTED = 5
MAX_TEXT = 2000

Errors = dict[str, list[str]]


# --- reference code maps --------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceCodes:
    # Every division code in the database: 户籍地 may lie in any province.
    divisions: frozenset[str]
    occupations: frozenset[str]
    industries: frozenset[str]


_codes: ReferenceCodes | None = None
_codes_lock = threading.Lock()


def reference_codes() -> ReferenceCodes:
    """Division, occupation and industry codes, loaded once per process (a few thousand short
    strings). Not kept while the tables are still empty, so loading reference data later works.
    The province's own divisions, with levels and parents, come from regions.selectors."""
    global _codes
    if _codes is None:
        with _codes_lock:
            if _codes is None:
                loaded = ReferenceCodes(
                    divisions=frozenset(Division.objects.values_list("code", flat=True)),
                    occupations=frozenset(Occupation.objects.values_list("code", flat=True)),
                    industries=frozenset(Industry.objects.values_list("code", flat=True)),
                )
                if not (loaded.divisions and loaded.occupations):
                    return loaded
                _codes = loaded
    return _codes


def forget_reference_codes() -> None:
    """Drop the cached codes (after reference data is reloaded)."""
    global _codes
    _codes = None


def _province_division(code: str, level: str) -> Division | None:
    """A division of the platform's province at `level`, from the in-memory index."""
    if not code.startswith(settings.PROVINCE_CODE):
        return None
    division = division_by_code(code)
    return division if division is not None and division.level == level else None


def _check_county(code: str | None, field: str, errors: Errors) -> str:
    code = (code or "").strip()
    if not code:
        errors.setdefault(field, []).append("请选择县区。")
    elif _province_division(code, DivisionLevel.COUNTY) is None:
        errors.setdefault(field, []).append("这个县区代码不对，请从列表里重新选择县区。")
    return code


def _check_township(
    code: str | None, field: str, errors: Errors, *, county: str | None = None
) -> str:
    code = (code or "").strip()
    township = _province_division(code, DivisionLevel.TOWNSHIP) if code else None
    if not code:
        errors.setdefault(field, []).append("请选择乡镇街道。")
    elif township is None:
        errors.setdefault(field, []).append("这个乡镇街道代码不对，请从列表里重新选择。")
    elif county and township.parent_id != county:
        errors.setdefault(field, []).append("这个乡镇街道不在所选县区里，请重新选择。")
    return code


def _check_code(
    code: str | None, known: frozenset[str], field: str, what: str, errors: Errors
) -> str | None:
    code = (code or "").strip() or None
    if code is not None and code not in known:
        errors.setdefault(field, []).append(f"没有这个{what}，请从列表里重新选择。")
    return code


@functools.cache
def _choice_values(choices: Any) -> frozenset[str]:
    """`TextChoices.values` builds a new list on every call; a bulk import asks ~7 times a row."""
    return frozenset(choices.values)


def _check_choice(
    value: str, choices: Any, field: str, what: str, errors: Errors, *, blank: bool = False
) -> str:
    value = (value or "").strip()
    if (blank and not value) or value in _choice_values(choices):
        return value
    errors.setdefault(field, []).append(f"请从列表里重新选择{what}。")
    return value


def _check_text(
    value: str, field: str, what: str, limit: int, errors: Errors, *, required: bool = False
) -> str:
    value = (value or "").strip()
    if required and not value:
        errors.setdefault(field, []).append(f"请填写{what}。")
    elif len(value) > limit:
        errors.setdefault(field, []).append(f"{what}最多{limit}个字，您填了{len(value)}个。")
    return value


def _run(errors: Errors, field: str, clean: Any, value: Any, *args: Any) -> Any:
    """Apply a core validator, filing its message under `field`."""
    try:
        return clean(value, *args)
    except ValidationError as exc:
        errors.setdefault(field, []).extend(exc.messages)
        return value


def _check_wage(amount: Amount | None, unit: str, field: str, errors: Errors) -> None:
    if amount is None or unit not in WAGE_RANGE:
        return
    low, high = WAGE_RANGE[WageUnit(unit)]
    label = WageUnit(unit).label
    if amount < low:
        hint = "如果是日工资，请把工资单位改成“元/天”。" if unit == WageUnit.MONTH else "请核对。"
        errors.setdefault(field, []).append(
            f"工资太低了：按{label}最少填{amount_text(low)}。{hint}"
        )
    elif amount > high:
        hint = "如果是月工资，请把工资单位改成“元/月”。" if unit != WageUnit.MONTH else ""
        errors.setdefault(field, []).append(
            f"工资太高了：按{label}最多填{high}，请核对是不是多写了0。{hint}"
        )


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


# --- employers ------------------------------------------------------------------------------


def clean_employer(data: EmployerInput) -> EmployerInput:
    errors: Errors = {}
    codes = reference_codes()
    cleaned = dataclasses.replace(
        data,
        uscc=_run(errors, "uscc", clean_uscc, data.uscc),
        name=_check_text(data.name, "name", "单位名称", 128, errors, required=True),
        industry_code=_check_code(
            data.industry_code, codes.industries, "industry_code", "行业", errors
        ),
        county_code=_check_county(data.county_code, "county_code", errors),
        address=_check_text(data.address, "address", "详细地址", 200, errors),
        contact_name=_check_text(
            data.contact_name, "contact_name", "联系人", 32, errors, required=True
        ),
        contact_phone=_run(errors, "contact_phone", clean_mobile, data.contact_phone),
    )
    _raise(errors)
    return cleaned


def employer_field_values(data: EmployerInput) -> dict[str, Any]:
    return {
        "uscc": data.uscc,
        "name": data.name,
        "industry_id": data.industry_code,
        "county_id": data.county_code,
        "address": data.address,
        "contact_name": data.contact_name,
        "contact_phone": data.contact_phone,
        "contact_phone_masked": crypto.mask_phone(data.contact_phone),
    }


# --- postings -------------------------------------------------------------------------------


def clean_posting(data: PostingInput, *, today: datetime.date | None = None) -> PostingInput:
    """Every field of a posting checked at once, including the anti-discrimination rules."""
    today = today or local_today()
    errors: Errors = {}
    codes = reference_codes()
    county = _check_county(data.county_code, "county_code", errors)
    township = (data.township_code or "").strip() or None
    if township is not None:
        _check_township(township, "township_code", errors, county=county)
    cleaned = dataclasses.replace(
        data,
        title=_check_text(data.title, "title", "岗位名称", 60, errors, required=True),
        occupation_code=_check_code(
            data.occupation_code, codes.occupations, "occupation_code", "职业", errors
        ),
        industry_code=_check_code(
            data.industry_code, codes.industries, "industry_code", "行业", errors
        ),
        county_code=county,
        township_code=township,
        address=_check_text(data.address, "address", "详细地址", 200, errors),
        wage_unit=_check_choice(data.wage_unit, WageUnit, "wage_unit", "工资单位", errors),
        education=_check_choice(data.education, Education, "education", "学历要求", errors),
        shift=_check_choice(data.shift, Shift, "shift", "班次", errors, blank=True),
        contract_type=_check_choice(
            data.contract_type, ContractType, "contract_type", "用工形式", errors
        ),
        benefits=_clean_benefits(data.benefits, errors),
        description=_check_text(data.description, "description", "岗位说明", MAX_TEXT, errors),
        contact_name=_check_text(
            data.contact_name, "contact_name", "联系人", 32, errors, required=True
        ),
        contact_phone=_run(errors, "contact_phone", clean_mobile, data.contact_phone),
    )
    _check_coordinates(data.lng, data.lat, errors)
    _check_posting_wages(data, errors)
    _check_posting_numbers(data, errors)
    _check_valid_until(data.valid_until, today, errors)
    errors_from_discrimination(cleaned, errors)
    _raise(errors)
    return cleaned


def errors_from_discrimination(data: PostingInput, errors: Errors) -> None:
    """File any discriminatory wording under the field it was written in. A kind already
    explained under the title is only named under the description, so a page shows each
    explanation once."""
    explained: dict[str, str] = {}
    for field, label in (("title", "岗位名称"), ("description", "岗位说明")):
        parts = []
        for finding in discrimination.find_discrimination(getattr(data, field)):
            if finding.category in explained:
                words = "”“".join(finding.words)
                parts.append(
                    f"“{words}”也是{finding.category}歧视，原因见“{explained[finding.category]}”的说明。"
                )
            else:
                parts.append(discrimination.explain([finding]))
                explained[finding.category] = label
        if parts:
            errors.setdefault(field, []).append("".join(parts))


def _clean_benefits(benefits: list[str], errors: Errors) -> list[str]:
    known = _choice_values(Benefit)
    if any(b not in known for b in benefits):
        errors.setdefault("benefits", []).append("有的福利待遇不在列表里，请重新勾选。")
    return list(dict.fromkeys(b for b in benefits if b in known))


def _check_coordinates(lng: float | None, lat: float | None, errors: Errors) -> None:
    if (lng is None) != (lat is None):
        errors.setdefault("lng", []).append("经度和纬度要一起填，或者都不填。")
    elif lng is not None and lat is not None and not (73 <= lng <= 136 and 3 <= lat <= 54):
        errors.setdefault("lng", []).append("这个位置不在中国境内，请在地图上重新选点。")


def _check_posting_wages(data: PostingInput, errors: Errors) -> None:
    if data.wage_min is None or data.wage_max is None:
        errors.setdefault("wage_min", []).append("请填写最低工资和最高工资。")
        return
    if data.wage_min > data.wage_max:
        errors.setdefault("wage_max", []).append("最高工资不能比最低工资少，请核对。")
    _check_wage(data.wage_min, data.wage_unit, "wage_min", errors)
    _check_wage(data.wage_max, data.wage_unit, "wage_max", errors)
    low, high = WAGE_MONTHS_RANGE
    if data.wage_months is not None and not low <= data.wage_months <= high:
        errors.setdefault("wage_months", []).append(
            f"一年发几个月工资要在{low}到{high}之间（比如13薪填13），不清楚就空着。"
        )


def _check_posting_numbers(data: PostingInput, errors: Errors) -> None:
    if data.headcount is None or data.headcount < 1:
        errors.setdefault("headcount", []).append("招聘人数最少是1人。")
    elif data.headcount > 10_000:
        errors.setdefault("headcount", []).append("招聘人数最多填10000人，请核对。")
    low, high = WORKING_AGE
    for field, age in (("age_min", data.age_min), ("age_max", data.age_max)):
        if age is not None and not low <= age <= high:
            errors.setdefault(field, []).append(f"年龄要在{low}到{high}岁之间。")
    if data.age_min is not None and data.age_max is not None and data.age_min > data.age_max:
        errors.setdefault("age_max", []).append("最大年龄不能比最小年龄小，请核对。")


def _check_valid_until(
    valid_until: datetime.date | None, today: datetime.date, errors: Errors
) -> None:
    if valid_until is None:
        errors.setdefault("valid_until", []).append("请填写招聘截止日期。")
    elif valid_until < today:
        errors.setdefault("valid_until", []).append("招聘截止日期已经过了，请选今天或以后的日期。")
    elif valid_until > _one_year_after(today):
        errors.setdefault("valid_until", []).append(
            "招聘截止日期最多选一年以内，到期后可以再发布。"
        )


def monthly_wage(amount: Amount, unit: str) -> int | None:
    """The monthly equivalent in whole yuan, used by filters and sorting; None for piece
    rates."""
    factor = MONTHLY_FACTOR.get(WageUnit(unit))
    if factor is None:
        return None
    monthly = Decimal(amount) * Decimal(str(factor))
    return int(monthly.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def posting_field_values(data: PostingInput) -> dict[str, Any]:
    """Model field values of a cleaned posting, derived fields included (not employer,
    status or who created it)."""
    return {
        "title": data.title,
        "occupation_id": data.occupation_code,
        "industry_id": data.industry_code,
        "county_id": data.county_code,
        "township_id": data.township_code,
        "city_code": data.county_code[:4],
        "address": data.address,
        "lng": data.lng,
        "lat": data.lat,
        "wage_min": data.wage_min,
        "wage_max": data.wage_max,
        "wage_unit": data.wage_unit,
        "wage_months": data.wage_months,
        "monthly_wage_min": monthly_wage(data.wage_min, data.wage_unit),
        "monthly_wage_max": monthly_wage(data.wage_max, data.wage_unit),
        "headcount": data.headcount,
        "age_min": data.age_min,
        "age_max": data.age_max,
        "open_to_older": data.age_max is None or data.age_max >= OLDER_FRIENDLY_AGE_MAX,
        "education": data.education,
        "benefits": data.benefits,
        "shift": data.shift,
        "contract_type": data.contract_type,
        "description": data.description,
        "contact_name": data.contact_name,
        "contact_phone": data.contact_phone,
        "contact_phone_masked": crypto.mask_phone(data.contact_phone),
        "valid_until": data.valid_until,
    }


# --- job seekers ----------------------------------------------------------------------------


def clean_seeker(data: SeekerInput, *, today: datetime.date | None = None) -> SeekerInput:
    today = today or local_today()
    errors: Errors = {}
    id_number = _run(errors, "id_number", clean_seeker_id_number, data.id_number, today)
    cleaned = dataclasses.replace(
        data,
        name=_run(errors, "name", clean_person_name, data.name),
        id_number=id_number,
        phone=_run(errors, "phone", clean_mobile, data.phone),
        hukou_area_code=_clean_hukou(data.hukou_area_code, errors),
        residence_code=_check_township(data.residence_code, "residence_code", errors),
        wanted_occupation_codes=_clean_wanted_occupations(data.wanted_occupation_codes, errors),
        wanted_area_codes=_clean_wanted_areas(data.wanted_area_codes, errors),
        expected_wage_unit=_check_choice(
            data.expected_wage_unit, WageUnit, "expected_wage_unit", "工资单位", errors
        ),
        skills=_check_text(data.skills, "skills", "技能", MAX_TEXT, errors),
        certificates=_check_text(data.certificates, "certificates", "证书", MAX_TEXT, errors),
        experience=_check_text(data.experience, "experience", "工作经历", MAX_TEXT, errors),
        push_frequency=_check_choice(
            data.push_frequency, PushFrequency, "push_frequency", "推送频率", errors
        ),
        push_channel=_check_choice(
            data.push_channel, PushChannel, "push_channel", "推送方式", errors
        ),
    )
    _check_wage(data.expected_wage, data.expected_wage_unit, "expected_wage", errors)
    _check_available_from(data.available_from, today, errors)
    if (data.quiet_start is None) != (data.quiet_end is None):
        errors.setdefault("quiet_start", []).append(
            "免打扰时间要填开始和结束两个时间，或者都不填。"
        )
    elif data.quiet_start is not None and data.quiet_start == data.quiet_end:
        errors.setdefault("quiet_end", []).append("免打扰的开始和结束时间不能一样。")
    _raise(errors)
    return cleaned


def clean_seeker_id_number(value: str, today: datetime.date | None = None) -> str:
    """A valid 身份证号 of someone who may register: at least 16 (the legal working age) by
    the birth date it holds, and not so old that the birth year must be mistyped."""
    number = clean_id_number(value)
    birth_date = id_number_facts(number).birth_date
    age = age_on(birth_date, today or local_today())
    if age < WORKING_AGE[0]:
        raise ValidationError(
            f"按身份证号，这个人今年{age}岁。未满{WORKING_AGE[0]}周岁不能登记求职。",
            code="too_young",
        )
    if age > MAX_REGISTRATION_AGE:
        raise ValidationError(
            f"按身份证号，出生日期是{birth_date.year}年{birth_date.month}月{birth_date.day}日，"
            f"算下来{age}岁，这不太可能。请核对第7到14位（出生年月日）。",
            code="implausible_age",
        )
    return number


def _check_available_from(day: datetime.date | None, today: datetime.date, errors: Errors) -> None:
    if day is None:
        return
    if day < today - datetime.timedelta(days=AVAILABLE_FROM_PAST_DAYS):
        errors.setdefault("available_from", []).append(
            f"最早到岗日期（{day:%Y-%m-%d}）已经过去很久了，请核对。现在就能上岗的，这一项不填就行。"
        )
    elif day > _one_year_after(today):
        errors.setdefault("available_from", []).append("最早到岗日期最多选一年以内。")


def _clean_hukou(code: str | None, errors: Errors) -> str | None:
    """户籍地 may be anywhere in China (most migrant workers come from another province)."""
    code = (code or "").strip() or None
    if code is not None and code not in reference_codes().divisions:
        errors.setdefault("hukou_area_code", []).append("没有这个户籍地代码，请从列表里重新选择。")
    return code


def _clean_wanted_occupations(codes: list[str], errors: Errors) -> list[str]:
    wanted = list(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    if any(c not in reference_codes().occupations for c in wanted):
        errors.setdefault("wanted_occupation_codes", []).append("有的工种不在列表里，请重新选择。")
    elif len(wanted) > MAX_WANTED:
        errors.setdefault("wanted_occupation_codes", []).append(f"想做的工作最多选{MAX_WANTED}个。")
    return wanted


def _clean_wanted_areas(codes: list[str], errors: Errors) -> list[str]:
    wanted = list(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    levels = (DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP)
    if any(all(_province_division(c, level) is None for level in levels) for c in wanted):
        errors.setdefault("wanted_area_codes", []).append("有的地方不在本省的列表里，请重新选择。")
    elif len(wanted) > MAX_WANTED:
        errors.setdefault("wanted_area_codes", []).append(f"想去的地方最多选{MAX_WANTED}个。")
    return wanted


def is_older_worker(birth_date: datetime.date, gender: str, today: datetime.date) -> bool:
    return age_on(birth_date, today) >= OLDER_AGE[Gender(gender)]


def seeker_field_values(data: SeekerInput, *, today: datetime.date | None = None) -> dict[str, Any]:
    """Model field values of a cleaned seeker (not the many-to-many wanted lists, status or
    who registered), with hashes, masks, birth date, gender and is_older derived."""
    facts = id_number_facts(data.id_number)
    return {
        "name": data.name,
        "id_number": data.id_number,
        "id_number_hash": crypto.lookup_hash(data.id_number),
        "id_number_masked": crypto.mask_id_number(data.id_number),
        "birth_date": facts.birth_date,
        "gender": facts.gender,
        "phone": data.phone,
        "phone_hash": crypto.lookup_hash(data.phone),
        "phone_masked": crypto.mask_phone(data.phone),
        "hukou_area_id": data.hukou_area_code,
        "residence_id": data.residence_code,
        "area_code": data.residence_code,
        "expected_wage": data.expected_wage,
        "expected_wage_unit": data.expected_wage_unit,
        "available_from": data.available_from,
        "skills": data.skills,
        "certificates": data.certificates,
        "experience": data.experience,
        "wants_training": data.wants_training,
        "is_older": is_older_worker(facts.birth_date, facts.gender, today or local_today()),
        "is_poverty_alleviated": data.is_poverty_alleviated,
        "push_frequency": data.push_frequency,
        "push_channel": data.push_channel,
        "quiet_start": data.quiet_start,
        "quiet_end": data.quiet_end,
    }
