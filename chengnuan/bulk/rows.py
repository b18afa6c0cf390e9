"""One sheet row into a checked input, with the same rules as the forms.

Cells are parsed leniently (parsers.py), then the employment validation functions (the very
ones the forms and services use) check the result. Every problem of a row is collected, keyed
by the column it belongs to, so the clerk sees all of them at once.
"""

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.core.exceptions import ValidationError

from chengnuan.bulk import parsers
from chengnuan.bulk.columns import SheetSpec
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.parsers import CellError
from chengnuan.employment.choices import Benefit, ContractType, Education, Shift, WageUnit
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.validation import clean_posting, clean_seeker

T = TypeVar("T")
Errors = dict[str, list[str]]


class RowInvalid(Exception):
    """The row's problems, column key -> messages."""

    def __init__(self, errors: Errors) -> None:
        super().__init__(errors)
        self.errors = errors


class Cells:
    """A row's cells by column key, and the problems found in them so far."""

    def __init__(self, spec: SheetSpec, values: dict[str, Any]) -> None:
        self.spec = spec
        self.values = values
        self.errors: Errors = {}
        self.suppressed: set[str] = set()

    def raw(self, key: str) -> Any:
        return self.values.get(key)

    def text(self, key: str) -> str:
        return parsers.plain_text(self.values.get(key))

    def fail(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def parse(self, key: str, parser: Callable[..., T | None], *args: Any) -> T | None:
        """The parsed cell, or None when it is blank (an error if the column is required) or
        cannot be understood (an error)."""
        value = self.values.get(key)
        if parsers.is_blank(value):
            if self.spec.column(key).required:
                self.fail(key, "这一格不能空着，请填写。")
            return None
        try:
            return parser(value, *args)
        except CellError as exc:
            self.fail(key, exc.message)
            return None

    def absorb(self, error: ValidationError, field_columns: dict[str, str]) -> None:
        """A validation function's errors, each under its column; a column whose cell could
        not even be read keeps that first message only."""
        unreadable = set(self.errors) | self.suppressed
        for name, messages in error.message_dict.items():
            key = field_columns.get(name, "")
            if key in unreadable:
                continue
            for message in messages:
                if message not in self.errors.get(key, []):
                    self.fail(key, message)

    def raise_if_invalid(self) -> None:
        if self.errors:
            raise RowInvalid(self.errors)


def prepare_row(handler: Any, number: int, values: dict[str, Any]) -> tuple[int, bool, Any]:
    """(sheet row, ok, the handler's checked item or the row's errors): one row checked, in
    the importing process or in a worker (parallel.py)."""
    try:
        return number, True, handler.prepare(Cells(handler.spec, values))
    except RowInvalid as invalid:
        return number, False, invalid.errors


def clean_with(cells: Cells, clean: Callable[[T], T], data: T, field_columns: dict[str, str]) -> T:
    """Run a validation function; its errors join the row's, and any error ends the row."""
    try:
        cleaned = clean(data)
    except ValidationError as exc:
        cells.absorb(exc, field_columns)
        raise RowInvalid(cells.errors) from None
    cells.raise_if_invalid()
    return cleaned


# --- coded values by label or by the words clerks use ------------------------------------------


EDUCATION_WORDS = parsers.ChoiceWords(
    Education,
    {
        "无": Education.NONE, "无要求": Education.NONE, "学历不限": Education.NONE,
        "小学及以上": Education.PRIMARY, "初中及以上": Education.JUNIOR,
        "高中": Education.SENIOR, "中专": Education.SENIOR, "技校": Education.SENIOR, "职高": Education.SENIOR,
        "高中及以上": Education.SENIOR, "中专及以上": Education.SENIOR,
        "专科": Education.COLLEGE, "大专及以上": Education.COLLEGE,
        "本科": Education.BACHELOR, "研究生": Education.BACHELOR, "硕士": Education.BACHELOR,
    },
)  # fmt: skip
SHIFT_WORDS = parsers.ChoiceWords(
    Shift,
    {"白班": Shift.DAY, "常白班": Shift.DAY, "长白": Shift.DAY, "两班": Shift.TWO, "三班": Shift.THREE,
     "弹性": Shift.FLEXIBLE, "灵活": Shift.FLEXIBLE, "弹性工作": Shift.FLEXIBLE},
)  # fmt: skip
CONTRACT_WORDS = parsers.ChoiceWords(
    ContractType,
    {"全日制": ContractType.FULL_TIME, "长期": ContractType.FULL_TIME, "非全日制": ContractType.PART_TIME,
     "小时工": ContractType.PART_TIME, "季节工": ContractType.SEASONAL, "季节性用工": ContractType.SEASONAL},
)  # fmt: skip
BENEFIT_WORDS: dict[str, tuple[str, ...]] = {label: (code,) for code, label in Benefit.choices} | {
    "包吃住": (Benefit.MEALS, Benefit.HOUSING),
    "管吃住": (Benefit.MEALS, Benefit.HOUSING),
    "管吃": (Benefit.MEALS,),
    "管饭": (Benefit.MEALS,),
    "工作餐": (Benefit.MEALS,),
    "免费午餐": (Benefit.MEALS,),
    "管住": (Benefit.HOUSING,),
    "宿舍": (Benefit.HOUSING,),
    "提供住宿": (Benefit.HOUSING,),
    "免费住宿": (Benefit.HOUSING,),
    "五险": (Benefit.INSURANCE,),
    "社保": (Benefit.SOCIAL_INSURANCE,),
    "缴纳社保": (Benefit.SOCIAL_INSURANCE,),
    "交通补助": (Benefit.TRANSPORT,),
    "车补": (Benefit.TRANSPORT,),
    "班车": (Benefit.TRANSPORT,),
    "带薪年假": (Benefit.PAID_LEAVE,),
    "年假": (Benefit.PAID_LEAVE,),
    "当天结": (Benefit.DAILY_PAY,),
    "培训": (Benefit.TRAINING,),
    "免费培训": (Benefit.TRAINING,),
    "带薪培训": (Benefit.TRAINING,),
}


def benefits_and_rest(value: Any) -> tuple[list[str], list[str]]:
    """Benefit codes named in the cell, and the words that are no listed benefit (双休, 年终奖…),
    which go into the description rather than being lost."""
    codes: list[str] = []
    rest: list[str] = []
    for word in parsers.split_list(value):
        if word in BENEFIT_WORDS:
            codes.extend(BENEFIT_WORDS[word])
        else:
            rest.append(word)
    return list(dict.fromkeys(codes)), rest


# --- postings -----------------------------------------------------------------------------------

POSTING_FIELD_COLUMNS = {
    "title": "title", "occupation_code": "occupation", "industry_code": "occupation",
    "county_code": "county", "township_code": "county", "address": "address", "lng": "address",
    "lat": "address", "wage_min": "wage", "wage_max": "wage", "wage_unit": "wage_unit",
    "headcount": "headcount", "age_min": "age", "age_max": "age", "education": "education",
    "benefits": "benefits", "shift": "shift", "contract_type": "contract_type",
    "description": "description", "contact_name": "contact_name", "contact_phone": "contact_phone",
    "valid_until": "valid_until",
}  # fmt: skip
EMPLOYER_FIELD_COLUMNS = {
    "uscc": "employer_uscc", "name": "employer_name", "county_code": "county",
    "contact_name": "contact_name", "contact_phone": "contact_phone", "address": "address",
}  # fmt: skip


def read_posting(
    cells: Cells, lookups: Lookups, today: datetime.date | None = None
) -> tuple[PostingInput, EmployerInput]:
    """A checked posting and the employer the row names (checked by the caller, once per USCC)."""
    unit = cells.parse("wage_unit", parsers.parse_wage_unit)
    wage = cells.parse("wage", parsers.parse_wage, unit)
    ages = cells.parse("age", parsers.parse_age_range) or parsers.AgeRange(None, None)
    benefits, other_benefits = benefits_and_rest(cells.raw("benefits"))
    description = cells.text("description")
    if other_benefits:
        description = f"{description}\n其他福利：{'、'.join(other_benefits)}".strip()
    county = cells.parse("county", lookups.county) or ""
    data = PostingInput(
        title=cells.text("title"),
        county_code=county,
        wage_min=wage.minimum if wage else None,  # type: ignore[arg-type]  # None is reported by the check
        wage_max=wage.maximum if wage else None,  # type: ignore[arg-type]
        wage_unit=wage.unit if wage else (unit or WageUnit.MONTH),
        wage_months=wage.months if wage else None,
        contact_name=cells.text("contact_name"),
        contact_phone=parsers.parse_phone_cell(cells.raw("contact_phone")),
        valid_until=cells.parse("valid_until", parsers.parse_date),  # type: ignore[arg-type]
        occupation_code=cells.parse("occupation", lookups.occupation),
        address=cells.text("address"),
        headcount=cells.parse("headcount", parsers.parse_int) or 1,
        age_min=ages.minimum,
        age_max=ages.maximum,
        education=cells.parse("education", parsers.parse_choice, EDUCATION_WORDS, "学历")
        or Education.NONE,
        benefits=benefits,
        shift=cells.parse("shift", parsers.parse_choice, SHIFT_WORDS, "班次") or "",
        contract_type=cells.parse("contract_type", parsers.parse_choice, CONTRACT_WORDS, "用工形式")
        or ContractType.FULL_TIME,
        description=description,
    )
    employer = EmployerInput(
        uscc=parsers.normalise(cells.raw("employer_uscc")).replace(" ", "").upper(),
        name=cells.text("employer_name"),
        county_code=county,
        contact_name=data.contact_name,
        contact_phone=data.contact_phone,
    )
    clean = partial(clean_posting, today=today)
    return clean_with(cells, clean, data, POSTING_FIELD_COLUMNS), employer


# --- job seekers --------------------------------------------------------------------------------

SEEKER_FIELD_COLUMNS = {
    "name": "name", "id_number": "id_number", "phone": "phone", "hukou_area_code": "hukou",
    "residence_code": "township", "wanted_occupation_codes": "wanted_occupations",
    "wanted_area_codes": "wanted_areas", "expected_wage": "expected_wage",
    "expected_wage_unit": "expected_wage", "available_from": "available_from", "skills": "skills",
    "certificates": "certificates", "experience": "experience",
}  # fmt: skip


def read_residence(cells: Cells, lookups: Lookups) -> str:
    county = cells.parse("county", lookups.county)
    if county is None:
        cells.suppressed.add("township")  # no county, so no township can be checked
        return ""
    return cells.parse("township", lookups.township, county) or ""


def check_gender(cells: Cells, id_number: str) -> None:
    """A 性别 column, when filled, must agree with the 17th digit of the 身份证号: a mismatch
    almost always means a mistyped number."""
    gender = cells.parse("gender", parsers.parse_gender)
    if gender is None or len(id_number) != 18 or not id_number[16].isdigit():
        return
    from_number = "M" if int(id_number[16]) % 2 else "F"
    if gender != from_number:
        said, number_says = ("男", "女") if gender == "M" else ("女", "男")
        cells.fail(
            "id_number", f"性别填的是{said}，但身份证号第17位表示{number_says}，请核对身份证号。"
        )


def read_seeker(cells: Cells, lookups: Lookups, today: datetime.date | None = None) -> SeekerInput:
    id_number = cells.parse("id_number", parsers.parse_id_number_cell) or ""
    check_gender(cells, id_number)
    if cells.parse("consent", parsers.parse_yes_no) is False:
        cells.fail("consent", "本人没有同意登记，不能导入。请先请本人签字同意。")
    expected = cells.parse("expected_wage", parsers.parse_optional_wage)
    data = SeekerInput(
        name=cells.text("name"),
        id_number=id_number,
        phone=parsers.parse_phone_cell(cells.raw("phone")),
        residence_code=read_residence(cells, lookups),
        hukou_area_code=cells.parse("hukou", lookups.hukou),
        wanted_occupation_codes=cells.parse("wanted_occupations", lookups.occupations) or [],
        wanted_area_codes=cells.parse("wanted_areas", lookups.areas) or [],
        expected_wage=expected.minimum if expected else None,
        expected_wage_unit=expected.unit if expected else WageUnit.MONTH,
        available_from=cells.parse("available_from", parsers.parse_date),
        skills=cells.text("skills"),
        certificates=cells.text("certificates"),
        experience=cells.text("experience"),
        wants_training=bool(cells.parse("wants_training", parsers.parse_yes_no)),
        is_poverty_alleviated=bool(cells.parse("poverty", parsers.parse_yes_no)),
    )
    return clean_with(cells, partial(clean_seeker, today=today), data, SEEKER_FIELD_COLUMNS)
