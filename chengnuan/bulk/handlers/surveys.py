"""Importing the two survey sheets. A demand-survey sheet has one row per position; rows of
the same employer, county and day make one survey. Re-uploading adds nothing: a survey whose
natural key is already stored is skipped."""

from typing import Any

from django.core.exceptions import ValidationError

from chengnuan.accounts.scoping import scope_filter
from chengnuan.bulk import columns, parsers
from chengnuan.bulk.choices import Difficulty, SurveySource, WorkStatus
from chengnuan.bulk.importer import Screened
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey, ImportJob
from chengnuan.bulk.rows import EDUCATION_WORDS, Cells, RowInvalid, check_gender, read_residence
from chengnuan.bulk.surveys import (
    DemandSurveyInput,
    EmploymentSurveyInput,
    PositionInput,
    clean_demand_survey,
    clean_employment_survey,
    clean_position,
    demand_survey_field_values,
    employment_survey_field_values,
    position_field_values,
)
from chengnuan.employment.choices import Education, WageUnit
from chengnuan.employment.models import Employer
from chengnuan.employment.permissions import is_staff_in_scope
from chengnuan.employment.validation import monthly_wage

OUT_OF_AREA = "这个县区不在您负责的区域内，请只导入您所在区域的调查表。"

# fmt: off
DEMAND_FIELD_COLUMNS = {
    "employer_name": "employer_name", "employer_uscc": "employer_uscc", "county_code": "county",
    "industry_code": "industry", "contact_name": "contact_name", "contact_phone": "contact_phone",
    "surveyed_on": "surveyed_on", "note": "note", "title": "title", "headcount": "headcount",
    "occupation_code": "occupation", "wage_min": "wage", "wage_max": "wage", "wage_unit": "wage_unit",
    "skills": "skills", "education": "education", "needed_by": "needed_by",
}
EMPLOYMENT_FIELD_COLUMNS = {
    "name": "name", "id_number": "id_number", "phone": "phone", "residence_code": "township",
    "work_status": "work_status", "wants_work": "wants_work", "wanted_work": "wanted_work",
    "wanted_occupation_codes": "wanted_work", "wanted_area_codes": "wanted_area",
    "expected_wage": "expected_wage", "training_wanted": "training_wanted",
    "difficulties": "difficulties", "surveyed_on": "surveyed_on", "consent": "consent", "note": "note",
}
WORK_STATUS_WORDS = parsers.ChoiceWords(WorkStatus, {
    "外出务工": WorkStatus.AWAY, "外地务工": WorkStatus.AWAY, "本地务工": WorkStatus.LOCAL,
    "灵活就业": WorkStatus.FLEXIBLE, "打零工": WorkStatus.FLEXIBLE, "务农": WorkStatus.FARMING,
    "失业": WorkStatus.SEEKING, "未就业": WorkStatus.SEEKING, "待业": WorkStatus.SEEKING,
    "料理家务": WorkStatus.HOME, "学生": WorkStatus.STUDENT, "在校": WorkStatus.STUDENT,
    "退休": WorkStatus.RETIRED,
})
DIFFICULTY_WORDS = parsers.ChoiceWords(Difficulty, {
    "缺技能": Difficulty.SKILLS, "没技术": Difficulty.SKILLS, "缺岗位信息": Difficulty.INFORMATION,
    "没有信息": Difficulty.INFORMATION, "年龄大": Difficulty.AGE, "照顾家庭": Difficulty.FAMILY,
    "照顾老人": Difficulty.FAMILY, "照顾孩子": Difficulty.FAMILY, "身体不好": Difficulty.HEALTH,
    "工资低": Difficulty.LOW_WAGE, "交通不便": Difficulty.TRANSPORT,
})
# fmt: on


def _clean_both(
    cells: Cells, checks: list[tuple[Any, Any]], field_columns: dict[str, str]
) -> list[Any]:
    """Run several validation functions, collecting all their errors before giving up."""
    results = []
    for clean, data in checks:
        try:
            results.append(clean(data))
        except ValidationError as exc:
            cells.absorb(exc, field_columns)
    cells.raise_if_invalid()
    return results


def parse_difficulties(value: Any) -> list[str]:
    words = [parsers.normalise(word) for word in parsers.split_list(value)]
    unknown = [w for w in words if w not in DIFFICULTY_WORDS]
    if unknown:
        allowed = "、".join(DIFFICULTY_WORDS.labels)
        raise parsers.CellError(f"「{'、'.join(unknown)}」不在列表里，可以填：{allowed}。")
    return list(dict.fromkeys(DIFFICULTY_WORDS[w] for w in words))


# --- demand survey ------------------------------------------------------------------------------


def read_demand_row(cells: Cells, lookups: Lookups) -> tuple[DemandSurveyInput, PositionInput]:
    unit = cells.parse("wage_unit", parsers.parse_wage_unit)
    wage = cells.parse("wage", parsers.parse_optional_wage, unit)
    survey = DemandSurveyInput(
        employer_name=cells.text("employer_name"),
        employer_uscc=parsers.normalise(cells.raw("employer_uscc")).replace(" ", "").upper(),
        county_code=cells.parse("county", lookups.county) or "",
        industry_code=cells.parse("industry", lookups.industry),
        contact_name=cells.text("contact_name"),
        contact_phone=parsers.parse_phone_cell(cells.raw("contact_phone")),
        surveyed_on=cells.parse("surveyed_on", parsers.parse_date),
        note=cells.text("note"),
    )
    position = PositionInput(
        title=cells.text("title"),
        headcount=cells.parse("headcount", parsers.parse_int),
        occupation_code=cells.parse("occupation", lookups.occupation),
        wage_min=wage.minimum if wage else None,
        wage_max=wage.maximum if wage else None,
        wage_unit=wage.unit if wage else (unit or WageUnit.MONTH),
        skills=cells.text("skills"),
        education=cells.parse("education", parsers.parse_choice, EDUCATION_WORDS, "学历")
        or Education.NONE,
        needed_by=cells.parse("needed_by", parsers.parse_date),
    )
    survey, position = _clean_both(
        cells, [(clean_demand_survey, survey), (clean_position, position)], DEMAND_FIELD_COLUMNS
    )
    return survey, position


class DemandSurveyHandler:
    spec = columns.DEMAND_SURVEY
    writes_per_batch = False

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.user = job.created_by
        self.lookups = lookups

    def prepare(self, cells: Cells) -> tuple[dict[str, Any], dict[str, Any]]:
        survey, position = read_demand_row(cells, self.lookups)
        if not is_staff_in_scope(self.user, survey.county_code):
            raise RowInvalid({"county": [OUT_OF_AREA]})
        return demand_survey_field_values(survey), position_field_values(position)

    def screen(self, batch: list[tuple[int, Any]]) -> Screened:
        keys = {survey["natural_key"] for _, (survey, _) in batch}
        stored = set(
            DemandSurvey.objects.filter(natural_key__in=keys).values_list("natural_key", flat=True)
        )
        screened = Screened()
        for _, item in batch:
            if item[0]["natural_key"] in stored:
                screened.skipped += 1
            else:
                screened.new.append(item)
        return screened

    def write(self, items: list[tuple[dict[str, Any], dict[str, Any]]]) -> int:
        surveys: dict[str, dict[str, Any]] = {}
        for survey, _ in items:
            surveys.setdefault(survey["natural_key"], survey)
        usccs = {s["employer_uscc"] for s in surveys.values() if s["employer_uscc"]}
        # Only employers registered in the clerk's area are linked (permissions.employer_in_reach).
        in_area = scope_filter(Employer.objects.filter(uscc__in=usccs), self.user, "county_id")
        employers = dict(in_area.values_list("uscc", "pk"))
        created = DemandSurvey.objects.bulk_create(
            DemandSurvey(
                **values,
                employer_id=employers.get(values["employer_uscc"]),
                source=SurveySource.IMPORT,
                import_job=self.job,
                created_by=self.user,
            )
            for values in surveys.values()
        )
        ids = {survey.natural_key: survey.pk for survey in created}
        DemandSurveyPosition.objects.bulk_create(
            DemandSurveyPosition(survey_id=ids[survey["natural_key"]], **position)
            for survey, position in items
        )
        return len(created)


# --- employment survey --------------------------------------------------------------------------


def read_employment_row(cells: Cells, lookups: Lookups) -> EmploymentSurveyInput:
    id_number = cells.parse("id_number", parsers.parse_id_number_cell) or ""
    check_gender(cells, id_number)
    wage = cells.parse("expected_wage", parsers.parse_optional_wage)
    monthly = monthly_wage(wage.minimum, wage.unit) if wage else None
    data = EmploymentSurveyInput(
        name=cells.text("name"),
        id_number=id_number,
        phone=parsers.parse_phone_cell(cells.raw("phone")),
        residence_code=read_residence(cells, lookups),
        work_status=cells.parse("work_status", parsers.parse_choice, WORK_STATUS_WORDS, "就业状态")
        or "",
        wants_work=cells.parse("wants_work", parsers.parse_yes_no),
        surveyed_on=cells.parse("surveyed_on", parsers.parse_date),
        consent=bool(cells.parse("consent", parsers.parse_yes_no)),
        wanted_work=cells.text("wanted_work"),
        wanted_occupation_codes=lookups.known_occupations(cells.raw("wanted_work")),
        wanted_area_codes=cells.parse("wanted_area", lookups.areas) or [],
        expected_wage=monthly,
        wants_training=bool(cells.parse("wants_training", parsers.parse_yes_no)),
        training_wanted=cells.text("training_wanted"),
        difficulties=cells.parse("difficulties", parse_difficulties) or [],
        note=cells.text("note"),
    )
    return _clean_both(cells, [(clean_employment_survey, data)], EMPLOYMENT_FIELD_COLUMNS)[0]


class EmploymentSurveyHandler:
    spec = columns.EMPLOYMENT_SURVEY
    writes_per_batch = True

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.user = job.created_by
        self.lookups = lookups
        self.seen: dict[str, int] = {}

    def prepare(self, cells: Cells) -> dict[str, Any]:
        data = read_employment_row(cells, self.lookups)
        if not is_staff_in_scope(self.user, data.residence_code):
            raise RowInvalid({"township": [OUT_OF_AREA]})
        return employment_survey_field_values(data)

    def screen(self, batch: list[tuple[int, dict[str, Any]]]) -> Screened:
        keys = {values["natural_key"] for _, values in batch}
        stored = set(
            EmploymentSurvey.objects.filter(natural_key__in=keys).values_list(
                "natural_key", flat=True
            )
        )
        screened = Screened()
        for row, values in batch:
            key = values["natural_key"]
            # The sheet's own earlier rows first: on PostgreSQL they may already be written.
            if key in self.seen:
                screened.errors[row] = {
                    "id_number": [f"和第{self.seen[key]}行是同一个人同一天的调查，请删掉一行。"]
                }
            elif key in stored:
                screened.skipped += 1
            else:
                self.seen[key] = row
                screened.new.append(values)
        return screened

    def write(self, items: list[dict[str, Any]]) -> int:
        created = EmploymentSurvey.objects.bulk_create(
            EmploymentSurvey(
                **values, source=SurveySource.IMPORT, import_job=self.job, created_by=self.user
            )
            for values in items
        )
        return len(created)
