"""Importing 岗位 sheets: messy values, employers registered for review, natural-key
dedupe, and the posting rules of the forms (wages, dates, discrimination)."""

import pytest

from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source, WageUnit
from chengnuan.employment.models import Employer, Posting
from tests.bulk.sheets import TIEXI, filled_template, posting_row, upload
from tests.employment.factories import DalianClerkFactory
from tests.factories import EmployerFactory, make_uscc

pytestmark = pytest.mark.django_db


def test_messy_posting_rows_become_pending_postings_of_a_new_pending_employer(
    clerk, django_capture_on_commit_callbacks, index_calls
):
    rows = [posting_row(), posting_row(岗位名称="叉车司机", 工资="6千-1.2万", 工作地点="铁西"),
            posting_row(岗位名称="小时工", 工资="25元/小时", 用工形式="兼职")]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        job = upload(
            clerk, filled_template(ImportKind.POSTING, TIEXI, rows), kind=ImportKind.POSTING
        )
    assert job.status == ImportStatus.DONE, job.errors
    assert job.created == 3
    employer = Employer.objects.get()
    assert (employer.status, employer.source, employer.created_by) == (
        EmployerStatus.PENDING,
        Source.IMPORT,
        clerk,
    )
    postings = {p.title: p for p in Posting.objects.all()}
    assert {p.status for p in postings.values()} == {PostingStatus.PENDING}
    assert (
        postings["装配工"].wage_min,
        postings["装配工"].wage_max,
        postings["装配工"].headcount,
    ) == (4000, 6000, 5)
    assert postings["装配工"].benefits == ["meals", "housing"]
    assert "其他福利：双休" in postings["装配工"].description
    assert (postings["叉车司机"].wage_min, postings["叉车司机"].wage_max) == (6000, 12000)
    assert (
        postings["小时工"].wage_unit == WageUnit.HOUR
        and postings["小时工"].monthly_wage_min == 4350
    )
    assert (
        postings["装配工"].contact_phone == "13912345678"
        and postings["装配工"].contact_phone_masked == "139****5678"
    )
    assert postings["装配工"].city_code == "2101" and postings["装配工"].created_by == clerk
    assert sorted(index_calls[0]) == sorted(p.pk for p in postings.values())


def test_existing_employer_is_reused_not_duplicated(clerk):
    employer = EmployerFactory()
    upload(
        clerk,
        filled_template(ImportKind.POSTING, TIEXI, [posting_row(统一社会信用代码=employer.uscc)]),
        kind=ImportKind.POSTING,
    )
    assert Employer.objects.count() == 1
    assert Posting.objects.get().employer == employer


def test_same_posting_sheet_uploaded_twice_adds_nothing(clerk):
    content = filled_template(
        ImportKind.POSTING, TIEXI, [posting_row(), posting_row(岗位名称="焊工")]
    )
    first = upload(clerk, content, kind=ImportKind.POSTING)
    second = upload(clerk, content, kind=ImportKind.POSTING)
    assert (first.created, second.created, second.skipped) == (2, 0, 2)
    assert Posting.objects.count() == 2 and Posting.objects.exclude(import_key=None).count() == 2


def test_a_row_repeated_in_the_sheet_is_imported_once(clerk):
    job = upload(
        clerk,
        filled_template(ImportKind.POSTING, TIEXI, [posting_row(), posting_row()]),
        kind=ImportKind.POSTING,
    )
    assert (job.created, job.skipped) == (1, 1)


@pytest.mark.parametrize(
    ("overrides", "column", "says"),
    [
        ({"工资": "面议"}, "工资", "不能写「面议」"),
        ({"工资": "500"}, "工资", "太低了"),
        ({"统一社会信用代码": "91210106MA0Y8D2K73"}, "统一社会信用代码", "校验位不对"),
        ({"有效期至": "2020-01-01"}, "有效期至", "已经过了"),
        ({"岗位名称": "普工（限男性）"}, "岗位名称", "性别歧视"),
        ({"工作地点（县区）": "火星市"}, "工作地点（县区）", "不认识"),
        ({"年龄要求": "14-50"}, "年龄要求", "16"),
    ],
)
def test_posting_rules_of_the_form_apply_to_each_row(clerk, overrides, column, says):
    job = upload(
        clerk,
        filled_template(ImportKind.POSTING, TIEXI, [posting_row(**overrides)]),
        kind=ImportKind.POSTING,
    )
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["row"] == 3 and job.errors[0]["column"] == column
    assert says in job.errors[0]["message"]
    assert Posting.objects.count() == 0 and Employer.objects.count() == 0


def test_employer_refused_by_staff_cannot_get_imported_postings(clerk):
    employer = EmployerFactory(status=EmployerStatus.REJECTED, verified_at=None)
    job = upload(
        clerk,
        filled_template(ImportKind.POSTING, TIEXI, [posting_row(统一社会信用代码=employer.uscc)]),
        kind=ImportKind.POSTING,
    )
    assert job.errors[0]["column"] == "统一社会信用代码" and "暂停" in job.errors[0]["message"]


def test_posting_outside_the_clerks_area_is_refused(db):
    job = upload(
        DalianClerkFactory(),
        filled_template(ImportKind.POSTING, "210211", [posting_row()]),
        kind=ImportKind.POSTING,
    )
    assert "不在您负责的区域内" in job.errors[0]["message"]


def test_valid_rows_mode_registers_only_employers_of_imported_rows(clerk):
    bad = posting_row(统一社会信用代码=make_uscc(), 单位名称="坏行单位", 工资="面议")
    job = upload(
        clerk,
        filled_template(ImportKind.POSTING, TIEXI, [posting_row(), bad]),
        kind=ImportKind.POSTING,
        mode=ImportMode.VALID_ROWS,
    )
    assert (job.created, job.error_count) == (1, 1)
    assert list(Employer.objects.values_list("name", flat=True)) == ["沈阳示范机械有限公司"]
