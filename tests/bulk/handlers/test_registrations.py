"""Posting and seeker sheets (handlers/registrations.py through employment's bulk services):
the clerk's journey, all-or-nothing, the valid-rows mode with its returned sheet, no
duplicates on re-upload, new employers, consent and area scope."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import (
    EmployerStatus,
    PostingStatus,
    RegisteredVia,
    Source,
    WageUnit,
)
from chengnuan.employment.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    Employer,
    JobSeeker,
    Posting,
)
from tests.bulk.sheets import (
    TIEXI,
    filled_template,
    fix_returned_sheet,
    posting_row,
    seeker_row,
    sheet_rows,
    three_fixes,
    twenty_rows_three_wrong,
    upload,
    worker_name,
)
from tests.employment.factories import DalianClerkFactory
from tests.factories import EmployerFactory, make_uscc

pytestmark = pytest.mark.django_db


def test_clerk_journey_three_wrong_rows_fixed_in_the_returned_sheet_gives_twenty_seekers(clerk):
    rows = twenty_rows_three_wrong()
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), name="11月求职登记.xlsx")

    assert job.status == ImportStatus.REJECTED
    assert (job.total, job.created, job.error_count) == (20, 0, 3)
    assert JobSeeker.objects.count() == 0
    messages = [(e["row"], e["column"], e["message"]) for e in job.errors]
    assert messages == [
        (7, "身份证号", "校验位不对，请逐位核对，特别是最后一位。"),
        (12, "手机号", "这不是有效的手机号，请核对11位号码。"),
        (18, "现居住乡镇街道", "沈阳市铁西区没有叫「幸福大街」的乡镇街道，请核对名字。"),
    ]

    returned = job.error_file.read()
    returned_rows = sheet_rows(returned)
    assert returned_rows[0][0] == "错误原因"
    reasons = {r[1]: r[0] for r in returned_rows[1:] if r[0]}
    assert reasons == {
        worker_name(4): "「身份证号」校验位不对，请逐位核对，特别是最后一位。",
        worker_name(9): "「手机号」这不是有效的手机号，请核对11位号码。",
        worker_name(15): "「现居住乡镇街道」沈阳市铁西区没有叫「幸福大街」的乡镇街道，请核对名字。",
    }

    fixed = fix_returned_sheet(returned, three_fixes())
    second = upload(clerk, fixed, name="11月求职登记-错误原因.xlsx")
    assert second.status == ImportStatus.DONE, second.errors
    assert (second.total, second.created, second.skipped, second.error_count) == (20, 20, 0, 0)
    assert JobSeeker.objects.count() == 20

    third = upload(clerk, fixed)
    assert (third.status, third.created, third.skipped) == (ImportStatus.DONE, 0, 20)
    assert JobSeeker.objects.count() == 20


def test_all_or_nothing_writes_nothing_when_one_row_is_wrong(clerk):
    rows = [seeker_row(), seeker_row(), seeker_row(手机号="12")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows))
    assert job.status == ImportStatus.REJECTED
    assert JobSeeker.objects.count() == 0
    assert Consent.objects.count() == 0
    assert len(sheet_rows(job.error_file.read())) == 1 + 1 + 3  # headers, the example, every row


def test_valid_rows_mode_returns_the_bad_rows_at_the_row_numbers_the_page_shows(clerk):
    rows = [seeker_row(姓名="好一"), seeker_row(姓名="坏一", 本人已同意登记="否"), seeker_row(姓名="好二"),
            seeker_row(姓名="坏二", 最早到岗日期="2026-13-45")]  # fmt: skip
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    assert job.status == ImportStatus.DONE
    assert (job.created, job.error_count) == (2, 2)
    assert set(JobSeeker.objects.values_list("name", flat=True)) == {"好一", "好二"}
    returned = sheet_rows(job.error_file.read())  # returned[0] is the sheet's row 1
    shown = {e["row"] for e in job.errors}
    assert {n for n, row in enumerate(returned, start=1) if n > 1 and any(row)} == shown
    by_name = {row[1]: (n, row[0]) for n, row in enumerate(returned, start=1) if n > 1 and row[1]}
    assert set(by_name) == {"坏一", "坏二"}
    assert "本人没有同意登记" in by_name["坏一"][1]
    assert "「最早到岗日期」日期「2026-13-45」不存在" in by_name["坏二"][1]


def test_returned_sheet_keeps_the_drop_downs_and_joins_messages_cleanly(clerk):
    rows = [seeker_row(手机号="12", 最早到岗日期="2026-13-45")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    book = load_workbook(io.BytesIO(job.error_file.read()))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    county = get_column_letter(headers.index("现居住县区*") + 1)
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert any(county in str(dv.sqref) for dv in lists)
    assert book["选项"].sheet_state == "hidden"
    reason = next(row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value)
    assert "。；" not in reason and reason.endswith("。") and reason.count("；") == 1


def test_returned_sheet_of_the_valid_rows_mode_can_be_fixed_and_uploaded(clerk):
    rows = [seeker_row(姓名="好人"), seeker_row(姓名="坏人", 现居住县区="火星区")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    fixed = fix_returned_sheet(job.error_file.read(), {"坏人": {"现居住县区": "沈阳市铁西区"}})
    again = upload(clerk, fixed, mode=ImportMode.VALID_ROWS)
    assert (again.created, again.error_count) == (1, 0)
    assert JobSeeker.objects.count() == 2


def test_seeker_sheet_takes_mianyi_as_no_expected_wage_and_common_words_as_wanted_jobs(clerk):
    rows = [seeker_row(姓名="面议", 期望工资="面议", 想做的工作="普工、力工"),
            seeker_row(姓名="空着", 期望工资="", 想做的工作="保洁")]  # fmt: skip
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows))
    assert job.status == ImportStatus.DONE, job.errors
    negotiable = JobSeeker.objects.get(name="面议")
    assert negotiable.expected_wage is None and negotiable.expected_wage_text == "面议"
    wanted = set(negotiable.wanted_occupations.values_list("code", flat=True))
    assert wanted == {"6-00-00-00", "4-02-05-01"}  # 生产制造及有关人员, 装卸搬运工
    assert JobSeeker.objects.get(name="空着").wanted_occupations.get().code == "4-09-08-01"


def test_a_wanted_job_that_only_resembles_an_occupation_is_still_refused(clerk):
    job = upload(
        clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row(想做的工作="好工作")])
    )
    assert job.status == ImportStatus.REJECTED
    assert "「好工作」不在职业（工种）列表里" in job.errors[0]["message"]


def test_same_person_twice_in_one_sheet_is_an_error_naming_the_first_row(clerk):
    row = seeker_row()
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [row, seeker_row(), dict(row)]))
    assert job.errors == [
        {
            "row": 5,
            "column": "身份证号",
            "message": "和第3行是同一个人（身份证号相同），请删掉一行。",
        }
    ]


def test_imported_seekers_are_complete_encrypted_and_consented(clerk):
    start = today() + datetime.timedelta(days=10)  # a start date the checks accept on any day
    row = seeker_row(户籍地="河南省周口市郸城县", 想去的地方="于洪区、大连市甘井子区", 想参加技能培训="√",
                     最早到岗日期=f"{start.year}年{start.month}月{start.day}日")  # fmt: skip
    upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [row]))
    seeker = JobSeeker.objects.get()
    assert seeker.id_number == row["身份证号"]
    assert seeker.phone == row["手机号"].replace(" ", "")
    assert seeker.id_number_masked.startswith("210106") and "*" in seeker.id_number_masked
    assert seeker.residence_id == "210106001" and seeker.area_code == "210106001"
    assert seeker.hukou_area_id == "411625"
    assert sorted(seeker.wanted_areas.values_list("code", flat=True)) == ["210114", "210211"]
    assert seeker.wanted_occupations.get().name == "装配钳工"
    assert seeker.wants_training is True and seeker.available_from == start
    assert seeker.registered_via == RegisteredVia.IMPORT and seeker.registered_by == clerk
    consents = set(
        Consent.objects.filter(seeker=seeker).values_list("purpose", "granted", "method")
    )
    assert consents == {
        (ConsentPurpose.REGISTRATION, True, ConsentMethod.SIGNED),
        (ConsentPurpose.PUSH, True, ConsentMethod.SIGNED),
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id_number, phone FROM employment_jobseeker WHERE id = %s", [seeker.pk]
        )
        stored_id, stored_phone = cursor.fetchone()
    assert (
        row["身份证号"] not in stored_id and seeker.phone not in stored_phone
    )  # encrypted at rest


def test_seeker_living_outside_the_clerks_area_is_refused(db):
    dalian_clerk = DalianClerkFactory()
    job = upload(
        dalian_clerk,
        filled_template(ImportKind.SEEKER, "210211", [seeker_row(现居住县区="沈阳市铁西区")]),
    )
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["column"] == "现居住乡镇街道"
    assert "不在您负责的区域内" in job.errors[0]["message"]


def test_untouched_example_row_is_not_imported(clerk):
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [seeker_row()]))
    assert (job.total, job.created) == (1, 1)


def test_successful_import_is_audited_with_who_file_and_counts(clerk):
    job = upload(
        clerk,
        filled_template(ImportKind.SEEKER, TIEXI, [seeker_row(), seeker_row()]),
        name="十月.xlsx",
    )
    entry = AuditEntry.objects.get(action=AuditAction.IMPORT, object_id=str(job.pk))
    assert entry.actor == clerk and entry.result == AuditResult.OK
    assert entry.detail["file_name"] == "十月.xlsx"
    assert (
        entry.detail["total"],
        entry.detail["created"],
        entry.detail["skipped"],
        entry.detail["errors"],
    ) == (2, 2, 0, 0)


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


def test_imported_wages_keep_piece_rates_exact_month_counts_and_daily_pay(clerk):
    rows = [posting_row(岗位名称="缝纫工", 工资="0.5元/件"),
            posting_row(岗位名称="装配工", 工资="6000-8000·13薪"),
            posting_row(岗位名称="质检员", 工资="8k-10k×14薪"),
            posting_row(岗位名称="装卸工", 工资="日结200")]  # fmt: skip
    job = upload(clerk, filled_template(ImportKind.POSTING, TIEXI, rows), kind=ImportKind.POSTING)
    assert job.status == ImportStatus.DONE, job.errors
    postings = {p.title: p for p in Posting.objects.all()}
    sewing = postings["缝纫工"]
    assert (sewing.wage_min, sewing.wage_unit) == (Decimal("0.5"), WageUnit.PIECE)
    assert sewing.wage_text == "0.5 元/件"
    assert (postings["装配工"].wage_min, postings["装配工"].wage_months) == (6000, 13)
    assert postings["装配工"].wage_text == "6000–8000 元/月·13薪"
    assert (postings["质检员"].wage_max, postings["质检员"].wage_months) == (10000, 14)
    daily = postings["装卸工"]
    assert (daily.wage_min, daily.wage_unit, daily.monthly_wage_min) == (200, WageUnit.DAY, 4350)


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
