"""The two field surveys as typed values, their checks and their model field values. The
survey form and the survey sheet import both go through these, as postings and seekers go
through chengnuan.employment.validation.

A survey records what was said; turning it into postings or a seeker registration runs the
full posting and seeker rules then (services/surveys.py)."""

import dataclasses
import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from chengnuan.bulk.choices import Difficulty, WorkStatus
from chengnuan.core import crypto
from chengnuan.core.timeutil import today as local_today
from chengnuan.core.validators import clean_id_number, clean_mobile, clean_uscc, id_number_facts
from chengnuan.employment.choices import Education, WageUnit
from chengnuan.employment.inputs import Amount
from chengnuan.employment.texts import amount_text
from chengnuan.employment.validation import MAX_WANTED, WAGE_RANGE, reference_codes
from chengnuan.regions.models import DivisionLevel
from chengnuan.regions.selectors import division_by_code

Errors = dict[str, list[str]]


@dataclass(kw_only=True)
class DemandSurveyInput:
    employer_name: str
    county_code: str
    contact_name: str
    contact_phone: str
    surveyed_on: datetime.date | None
    employer_uscc: str = ""
    industry_code: str | None = None
    note: str = ""


@dataclass(kw_only=True)
class PositionInput:
    title: str
    headcount: int | None = 1
    occupation_code: str | None = None
    wage_min: Amount | None = None  # both None: 面议
    wage_max: Amount | None = None
    wage_unit: str = WageUnit.MONTH
    skills: str = ""
    education: str = Education.NONE
    needed_by: datetime.date | None = None


@dataclass(kw_only=True)
class EmploymentSurveyInput:
    name: str
    id_number: str
    phone: str
    residence_code: str
    work_status: str
    wants_work: bool | None
    surveyed_on: datetime.date | None
    consent: bool
    wanted_work: str = ""
    wanted_occupation_codes: list[str] = field(default_factory=list)
    wanted_area_codes: list[str] = field(default_factory=list)
    expected_wage: int | None = None
    wants_training: bool = False
    training_wanted: str = ""
    difficulties: list[str] = field(default_factory=list)
    note: str = ""


# --- small checks -------------------------------------------------------------------------------


def _text(
    value: str, name: str, what: str, limit: int, errors: Errors, *, required: bool = False
) -> str:
    value = (value or "").strip()
    if required and not value:
        errors.setdefault(name, []).append(f"请填写{what}。")
    elif len(value) > limit:
        errors.setdefault(name, []).append(f"{what}最多{limit}个字，您填了{len(value)}个。")
    return value


def _run(errors: Errors, name: str, clean: Any, value: str) -> str:
    try:
        return str(clean(value))
    except ValidationError as exc:
        errors.setdefault(name, []).extend(exc.messages)
        return value


def _division(code: str | None, level: str, name: str, what: str, errors: Errors) -> str:
    code = (code or "").strip()
    found = division_by_code(code) if code else None
    if not code:
        errors.setdefault(name, []).append(f"请选择{what}。")
    elif found is None or found.level != level or not code.startswith(settings.PROVINCE_CODE):
        errors.setdefault(name, []).append(f"这个{what}不对，请从列表里重新选择。")
    return code


def _survey_date(day: datetime.date | None, today: datetime.date, errors: Errors) -> None:
    if day is None:
        errors.setdefault("surveyed_on", []).append("请填写调查日期。")
    elif day > today:
        errors.setdefault("surveyed_on", []).append("调查日期不能晚于今天，请核对。")
    elif day.year < 2000:
        errors.setdefault("surveyed_on", []).append("调查日期太早了，请核对年份。")


def _wage(amount: Amount | None, unit: str, name: str, errors: Errors) -> None:
    if amount is None or unit not in WAGE_RANGE:
        return
    low, high = WAGE_RANGE[WageUnit(unit)]
    if not low <= amount <= high:
        errors.setdefault(name, []).append(
            f"{WageUnit(unit).label}的工资应在{amount_text(low)}到{high}之间，请核对。"
        )


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


# --- demand survey ------------------------------------------------------------------------------


def clean_demand_survey(
    data: DemandSurveyInput, *, today: datetime.date | None = None
) -> DemandSurveyInput:
    errors: Errors = {}
    uscc = (data.employer_uscc or "").strip()
    industry = (data.industry_code or "").strip() or None
    if industry is not None and industry not in reference_codes().industries:
        errors.setdefault("industry_code", []).append("没有这个行业，请重新选择。")
    cleaned = dataclasses.replace(
        data,
        employer_name=_text(
            data.employer_name, "employer_name", "单位名称", 128, errors, required=True
        ),
        employer_uscc=_run(errors, "employer_uscc", clean_uscc, uscc) if uscc else "",
        county_code=_division(
            data.county_code, DivisionLevel.COUNTY, "county_code", "县区", errors
        ),
        industry_code=industry,
        contact_name=_text(data.contact_name, "contact_name", "联系人", 32, errors, required=True),
        contact_phone=_run(errors, "contact_phone", clean_mobile, data.contact_phone),
        note=_text(data.note, "note", "备注", 500, errors),
    )
    _survey_date(data.surveyed_on, today or local_today(), errors)
    _raise(errors)
    return cleaned


def clean_position(data: PositionInput) -> PositionInput:
    errors: Errors = {}
    occupation = (data.occupation_code or "").strip() or None
    if occupation is not None and occupation not in reference_codes().occupations:
        errors.setdefault("occupation_code", []).append("没有这个职业，请从列表里重新选择。")
    if data.headcount is None or not 1 <= data.headcount <= 10_000:
        errors.setdefault("headcount", []).append("需求人数请填1到10000之间的数。")
    if (data.wage_min is None) != (data.wage_max is None):
        errors.setdefault("wage_min", []).append("最低和最高工资要一起填；面议就都空着。")
    elif data.wage_min is not None and data.wage_max is not None and data.wage_min > data.wage_max:
        errors.setdefault("wage_max", []).append("最高工资不能比最低工资少，请核对。")
    if data.wage_unit not in WageUnit.values:
        errors.setdefault("wage_unit", []).append("请从列表里重新选择工资单位。")
    else:
        _wage(data.wage_min, data.wage_unit, "wage_min", errors)
        _wage(data.wage_max, data.wage_unit, "wage_max", errors)
    if data.education not in Education.values:
        errors.setdefault("education", []).append("请从列表里重新选择学历要求。")
    cleaned = dataclasses.replace(
        data,
        title=_text(data.title, "title", "岗位名称", 60, errors, required=True),
        occupation_code=occupation,
        skills=_text(data.skills, "skills", "技能要求", 500, errors),
    )
    _raise(errors)
    return cleaned


def demand_survey_key(data: DemandSurveyInput) -> str:
    """One survey of an employer (by USCC, else by name) in a county per day."""
    who = data.employer_uscc or data.employer_name
    assert data.surveyed_on is not None
    return hashlib.sha256(
        f"demand|{who}|{data.county_code}|{data.surveyed_on:%Y-%m-%d}".encode()
    ).hexdigest()


def demand_survey_field_values(data: DemandSurveyInput) -> dict[str, Any]:
    return {
        "employer_name": data.employer_name,
        "employer_uscc": data.employer_uscc,
        "county_id": data.county_code,
        "industry_id": data.industry_code,
        "contact_name": data.contact_name,
        "contact_phone": data.contact_phone,
        "contact_phone_masked": crypto.mask_phone(data.contact_phone),
        "surveyed_on": data.surveyed_on,
        "note": data.note,
        "natural_key": demand_survey_key(data),
    }


def position_field_values(data: PositionInput) -> dict[str, Any]:
    return {
        "title": data.title,
        "occupation_id": data.occupation_code,
        "headcount": data.headcount,
        "wage_min": data.wage_min,
        "wage_max": data.wage_max,
        "wage_unit": data.wage_unit,
        "skills": data.skills,
        "education": data.education,
        "needed_by": data.needed_by,
    }


# --- employment survey --------------------------------------------------------------------------


def clean_employment_survey(
    data: EmploymentSurveyInput, *, today: datetime.date | None = None
) -> EmploymentSurveyInput:
    errors: Errors = {}
    codes = reference_codes()
    if not data.consent:
        errors.setdefault("consent", []).append("本人没有同意登记，不能保存。请先请本人签字同意。")
    if data.work_status not in WorkStatus.values:
        errors.setdefault("work_status", []).append("请从列表里选择目前就业状态。")
    if data.wants_work is None:
        errors.setdefault("wants_work", []).append("请填写是否想找工作。")
    wanted = list(dict.fromkeys(data.wanted_occupation_codes))
    if any(code not in codes.occupations for code in wanted) or len(wanted) > MAX_WANTED:
        errors.setdefault("wanted_occupation_codes", []).append(
            f"想做的工作请从列表里选，最多{MAX_WANTED}个。"
        )
    areas = list(dict.fromkeys(data.wanted_area_codes))
    if any(code not in codes.divisions for code in areas) or len(areas) > MAX_WANTED:
        errors.setdefault("wanted_area_codes", []).append(
            f"想去的地方请从列表里选，最多{MAX_WANTED}个。"
        )
    if any(d not in Difficulty.values for d in data.difficulties):
        errors.setdefault("difficulties", []).append("就业困难请从列表里选。")
    _wage(data.expected_wage, WageUnit.MONTH, "expected_wage", errors)
    cleaned = dataclasses.replace(
        data,
        name=_text(data.name, "name", "姓名", 32, errors, required=True),
        id_number=_run(errors, "id_number", clean_id_number, data.id_number),
        phone=_run(errors, "phone", clean_mobile, data.phone),
        residence_code=_division(
            data.residence_code, DivisionLevel.TOWNSHIP, "residence_code", "乡镇街道", errors
        ),
        wanted_work=_text(data.wanted_work, "wanted_work", "想做的工作", 200, errors),
        wanted_occupation_codes=wanted,
        wanted_area_codes=areas,
        training_wanted=_text(data.training_wanted, "training_wanted", "想学的技能", 200, errors),
        difficulties=list(dict.fromkeys(data.difficulties)),
        note=_text(data.note, "note", "备注", 500, errors),
    )
    _survey_date(data.surveyed_on, today or local_today(), errors)
    _raise(errors)
    return cleaned


def employment_survey_key(id_number_hash: str, surveyed_on: datetime.date) -> str:
    """One survey of a person per day."""
    return hashlib.sha256(
        f"employment|{id_number_hash}|{surveyed_on:%Y-%m-%d}".encode()
    ).hexdigest()


def employment_survey_field_values(data: EmploymentSurveyInput) -> dict[str, Any]:
    facts = id_number_facts(data.id_number)
    id_hash = crypto.lookup_hash(data.id_number)
    assert data.surveyed_on is not None
    return {
        "name": data.name,
        "id_number": data.id_number,
        "id_number_hash": id_hash,
        "id_number_masked": crypto.mask_id_number(data.id_number),
        "gender": facts.gender,
        "birth_date": facts.birth_date,
        "phone": data.phone,
        "phone_hash": crypto.lookup_hash(data.phone),
        "phone_masked": crypto.mask_phone(data.phone),
        "residence_id": data.residence_code,
        "area_code": data.residence_code,
        "work_status": data.work_status,
        "wants_work": bool(data.wants_work),
        "wanted_work": data.wanted_work,
        "wanted_occupation_codes": data.wanted_occupation_codes,
        "wanted_area_codes": data.wanted_area_codes,
        "expected_wage": data.expected_wage,
        "wants_training": data.wants_training,
        "training_wanted": data.training_wanted,
        "difficulties": data.difficulties,
        "surveyed_on": data.surveyed_on,
        "note": data.note,
        "natural_key": employment_survey_key(id_hash, data.surveyed_on),
    }
