"""Exports of scoped lists to xlsx: postings, job seekers and the two surveys.

Only what the staff member's area covers is exported, personal numbers only masked, and
every export is audited (who, what, how many rows, which filters). Rows are streamed from
the database with .values_list(named=True).iterator() into an openpyxl write-only
workbook, so 100,000 rows take seconds and little memory; names of places and occupations
come from in-memory maps instead of joins.

Each export is a table of (column header, how to get the cell from a row).
"""

import datetime
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.bulk.choices import Difficulty, WorkStatus
from chengnuan.bulk.models import DemandSurveyPosition, EmploymentSurvey
from chengnuan.classifications.models import Occupation
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import (
    Benefit,
    Education,
    Gender,
    PostingStatus,
    RegisteredVia,
    SeekerStatus,
    Source,
)
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.texts import age_range_text, wage_range_text
from chengnuan.regions import selectors as regions

CHUNK = 5000


class Names:
    """Codes to names for one export, each looked up once; the occupations a seeker wants."""

    def __init__(self) -> None:
        self._places: dict[str | None, str] = {None: ""}
        self._occupations: dict[str, str] | None = None
        self.wanted: dict[int, list[str]] = {}

    def place(self, code: str | None) -> str:
        if code not in self._places:
            path = [d for d in regions.division_path(code or "") if d.level != "province"]
            self._places[code] = "".join(d.name for d in path)
        return self._places[code]

    def occupation(self, code: str | None) -> str:
        if self._occupations is None:
            self._occupations = dict(Occupation.objects.values_list("code", "name"))
        return self._occupations.get(code or "", "")

    def load_wanted(self, seekers: QuerySet[JobSeeker]) -> None:
        through = JobSeeker.wanted_occupations.through.objects.filter(jobseeker__in=seekers)
        for seeker_id, code in through.values_list("jobseeker_id", "occupation_id").iterator(
            chunk_size=CHUNK
        ):
            self.wanted.setdefault(seeker_id, []).append(self.occupation(code))


def _label(choices: Any) -> Callable[[str], str]:
    labels = dict(choices.choices)
    return lambda value: str(labels.get(value, value or ""))


def _day(value: datetime.date | datetime.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _yes(value: bool) -> str:
    return "是" if value else "否"


Cell = Callable[[Any, Names], Any]
education, posting_status, source = _label(Education), _label(PostingStatus), _label(Source)
gender, seeker_status, via, work_status = (
    _label(Gender),
    _label(SeekerStatus),
    _label(RegisteredVia),
    _label(WorkStatus),
)
BENEFITS, DIFFICULTIES = dict(Benefit.choices), dict(Difficulty.choices)


@dataclass(frozen=True)
class ExportSpec:
    title: str
    # The rows the user may export, narrowed by the filters (status, area prefix).
    rows: Callable[[User, dict[str, str]], QuerySet[Any]]
    # (header, field read, cell from the row); a None cell only reads a field for another.
    columns: tuple[tuple[str, str, Cell | None], ...]
    wanted: bool = False  # load the occupations seekers want

    @property
    def fields(self) -> list[str]:
        return list(dict.fromkeys(field for _, field, _ in self.columns))


def _narrowed(
    queryset: QuerySet[Any], filters: dict[str, str], area: str, statuses: Any
) -> QuerySet[Any]:
    if statuses is not None and filters.get("status") in statuses.values:
        queryset = queryset.filter(status=filters["status"])
    if filters.get("area", "").isdigit():
        queryset = queryset.filter(**{f"{area}__startswith": filters["area"]})
    return queryset.order_by("pk")


def scoped_postings(user: User, filters: dict[str, str]) -> QuerySet[Posting]:
    return _narrowed(
        scope_filter(Posting.objects.all(), user, "county_id"), filters, "county_id", PostingStatus
    )


def scoped_seekers(user: User, filters: dict[str, str]) -> QuerySet[JobSeeker]:
    return _narrowed(
        scope_filter(JobSeeker.objects.all(), user, "area_code"), filters, "area_code", SeekerStatus
    )


def scoped_positions(user: User, filters: dict[str, str]) -> QuerySet[DemandSurveyPosition]:
    positions = scope_filter(DemandSurveyPosition.objects.all(), user, "survey__county__code")
    return _narrowed(positions, filters, "survey__county__code", None)


def scoped_employment_surveys(user: User, filters: dict[str, str]) -> QuerySet[EmploymentSurvey]:
    return _narrowed(
        scope_filter(EmploymentSurvey.objects.all(), user, "area_code"), filters, "area_code", None
    )


# fmt: off
POSTINGS = ExportSpec("岗位", scoped_postings, (
    ("编号", "id", lambda r, n: r.id),
    ("岗位名称", "title", lambda r, n: r.title),
    ("单位名称", "employer__name", lambda r, n: r.employer__name),
    ("统一社会信用代码", "employer__uscc", lambda r, n: r.employer__uscc),
    ("工作地点", "county_id", lambda r, n: n.place(r.county_id)),
    ("工资", "wage_min", lambda r, n: wage_range_text(r.wage_min, r.wage_max, r.wage_unit, r.wage_months)),
    ("", "wage_max", None), ("", "wage_unit", None), ("", "wage_months", None),
    ("招聘人数", "headcount", lambda r, n: r.headcount),
    ("年龄要求", "age_min", lambda r, n: age_range_text(r.age_min, r.age_max)), ("", "age_max", None),
    ("学历要求", "education", lambda r, n: education(r.education)),
    ("福利待遇", "benefits", lambda r, n: "、".join(str(BENEFITS.get(b, b)) for b in r.benefits)),
    ("联系人", "contact_name", lambda r, n: r.contact_name),
    ("联系电话（部分隐藏）", "contact_phone_masked", lambda r, n: r.contact_phone_masked),
    ("有效期至", "valid_until", lambda r, n: _day(r.valid_until)),
    ("状态", "status", lambda r, n: posting_status(r.status)),
    ("来源", "source", lambda r, n: source(r.source)),
    ("发布时间", "published_at", lambda r, n: _day(r.published_at)),
))

SEEKERS = ExportSpec("求职人员", scoped_seekers, (
    ("编号", "id", lambda r, n: r.id),
    ("姓名", "name", lambda r, n: r.name),
    ("身份证号（部分隐藏）", "id_number_masked", lambda r, n: r.id_number_masked),
    ("手机号（部分隐藏）", "phone_masked", lambda r, n: r.phone_masked),
    ("性别", "gender", lambda r, n: gender(r.gender)),
    ("出生日期", "birth_date", lambda r, n: _day(r.birth_date)),
    ("现居住地", "residence_id", lambda r, n: n.place(r.residence_id)),
    ("户籍地", "hukou_area_id", lambda r, n: n.place(r.hukou_area_id)),
    ("想做的工作", "id", lambda r, n: "、".join(n.wanted.get(r.id, []))),
    ("期望工资", "expected_wage", lambda r, n: wage_range_text(r.expected_wage, r.expected_wage, r.expected_wage_unit) if r.expected_wage else ""),
    ("", "expected_wage_unit", None),
    ("最早到岗日期", "available_from", lambda r, n: _day(r.available_from)),
    ("想参加培训", "wants_training", lambda r, n: _yes(r.wants_training)),
    ("脱贫劳动力", "is_poverty_alleviated", lambda r, n: _yes(r.is_poverty_alleviated)),
    ("大龄", "is_older", lambda r, n: _yes(r.is_older)),
    ("状态", "status", lambda r, n: seeker_status(r.status)),
    ("登记方式", "registered_via", lambda r, n: via(r.registered_via)),
    ("登记时间", "created_at", lambda r, n: _day(r.created_at)),
), wanted=True)

DEMAND_SURVEYS = ExportSpec("岗位需求调查", scoped_positions, (
    ("调查表编号", "survey_id", lambda r, n: r.survey_id),
    ("单位名称", "survey__employer_name", lambda r, n: r.survey__employer_name),
    ("统一社会信用代码", "survey__employer_uscc", lambda r, n: r.survey__employer_uscc),
    ("县区", "survey__county_id", lambda r, n: n.place(r.survey__county_id)),
    ("联系人", "survey__contact_name", lambda r, n: r.survey__contact_name),
    ("联系电话（部分隐藏）", "survey__contact_phone_masked", lambda r, n: r.survey__contact_phone_masked),
    ("调查日期", "survey__surveyed_on", lambda r, n: _day(r.survey__surveyed_on)),
    ("岗位名称", "title", lambda r, n: r.title),
    ("职业", "occupation_id", lambda r, n: n.occupation(r.occupation_id)),
    ("需求人数", "headcount", lambda r, n: r.headcount),
    ("工资", "wage_min", lambda r, n: wage_range_text(r.wage_min, r.wage_max, r.wage_unit)),
    ("", "wage_max", None), ("", "wage_unit", None),
    ("技能要求", "skills", lambda r, n: r.skills),
    ("需要到岗时间", "needed_by", lambda r, n: _day(r.needed_by)),
    ("已转成岗位", "posting_id", lambda r, n: _yes(r.posting_id is not None)),
))

EMPLOYMENT_SURVEYS = ExportSpec("就业需求调查", scoped_employment_surveys, (
    ("编号", "id", lambda r, n: r.id),
    ("姓名", "name", lambda r, n: r.name),
    ("身份证号（部分隐藏）", "id_number_masked", lambda r, n: r.id_number_masked),
    ("手机号（部分隐藏）", "phone_masked", lambda r, n: r.phone_masked),
    ("性别", "gender", lambda r, n: gender(r.gender)),
    ("现居住地", "residence_id", lambda r, n: n.place(r.residence_id)),
    ("目前就业状态", "work_status", lambda r, n: work_status(r.work_status)),
    ("想找工作", "wants_work", lambda r, n: _yes(r.wants_work)),
    ("想做的工作", "wanted_work", lambda r, n: r.wanted_work),
    ("期望月工资", "expected_wage", lambda r, n: r.expected_wage or ""),
    ("想参加培训", "wants_training", lambda r, n: _yes(r.wants_training)),
    ("想学的技能", "training_wanted", lambda r, n: r.training_wanted),
    ("就业困难", "difficulties", lambda r, n: "、".join(str(DIFFICULTIES.get(d, d)) for d in r.difficulties)),
    ("调查日期", "surveyed_on", lambda r, n: _day(r.surveyed_on)),
    ("已转求职登记", "seeker_id", lambda r, n: _yes(r.seeker_id is not None)),
))
# fmt: on

EXPORTS: dict[str, ExportSpec] = {
    "postings": POSTINGS,
    "seekers": SEEKERS,
    "demand_surveys": DEMAND_SURVEYS,
    "employment_surveys": EMPLOYMENT_SURVEYS,
}


@contextmanager
def export_workbook(
    *, kind: str, user: User, filters: dict[str, str]
) -> Iterator[tuple[IO[bytes], int]]:
    """The export as an open temporary xlsx file and its row count; the export is audited."""
    spec = EXPORTS[kind]
    queryset = spec.rows(user, filters)
    names = Names()
    if spec.wanted:
        names.load_wanted(queryset)
    cells = [cell for header, _, cell in spec.columns if cell is not None]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(spec.title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append(
        [_bold(sheet, header, bold) for header, _, cell in spec.columns if cell is not None]
    )
    count = 0
    for row in queryset.values_list(*spec.fields, named=True).iterator(chunk_size=CHUNK):
        sheet.append([cell(row, names) for cell in cells])
        count += 1
    with tempfile.TemporaryFile() as handle:
        book.save(handle)
        handle.seek(0)
        audit_record(
            actor=user,
            action=AuditAction.EXPORT,
            object_type=f"bulk.export.{kind}",
            detail={"rows": count, "filters": filters, "scope": user.scope_prefix},
        )
        yield handle, count


def _bold(sheet: Any, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell
