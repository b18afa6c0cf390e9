"""Importing 求职登记 sheets: the clerk's journey, all-or-nothing, the valid-rows mode with its
returned sheet, no duplicates on re-upload, consent and area scope."""

import pytest
from django.db import connection

from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.employment.choices import RegisteredVia
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker
from tests.bulk.sheets import (
    TIEXI,
    filled_template,
    fix_returned_sheet,
    seeker_row,
    sheet_rows,
    three_fixes,
    twenty_rows_three_wrong,
    upload,
)
from tests.employment.factories import DalianClerkFactory

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
        "工友4": "「身份证号」校验位不对，请逐位核对，特别是最后一位。",
        "工友9": "「手机号」这不是有效的手机号，请核对11位号码。",
        "工友15": "「现居住乡镇街道」沈阳市铁西区没有叫「幸福大街」的乡镇街道，请核对名字。",
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


def test_valid_rows_mode_imports_good_rows_and_returns_only_the_bad_ones(clerk):
    rows = [seeker_row(姓名="好1"), seeker_row(姓名="坏1", 本人已同意登记="否"), seeker_row(姓名="好2"),
            seeker_row(姓名="坏2", 最早到岗日期="2026-13-45")]  # fmt: skip
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    assert job.status == ImportStatus.DONE
    assert (job.created, job.error_count) == (2, 2)
    assert set(JobSeeker.objects.values_list("name", flat=True)) == {"好1", "好2"}
    returned = sheet_rows(job.error_file.read())
    assert [r[1] for r in returned[1:]] == ["坏1", "坏2"]
    assert "本人没有同意登记" in returned[1][0]
    assert "「最早到岗日期」日期「2026-13-45」不存在" in returned[2][0]


def test_returned_sheet_of_the_valid_rows_mode_can_be_fixed_and_uploaded(clerk):
    rows = [seeker_row(姓名="好"), seeker_row(姓名="坏", 现居住县区="火星区")]
    job = upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, rows), mode=ImportMode.VALID_ROWS)
    fixed = fix_returned_sheet(job.error_file.read(), {"坏": {"现居住县区": "沈阳市铁西区"}})
    again = upload(clerk, fixed, mode=ImportMode.VALID_ROWS)
    assert (again.created, again.error_count) == (1, 0)
    assert JobSeeker.objects.count() == 2


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
    row = seeker_row(户籍地="河南省周口市郸城县", 想去的地方="于洪区、大连市甘井子区", 想参加技能培训="√",
                     最早到岗日期="2026年12月1日")  # fmt: skip
    upload(clerk, filled_template(ImportKind.SEEKER, TIEXI, [row]))
    seeker = JobSeeker.objects.get()
    assert seeker.id_number == row["身份证号"]
    assert seeker.phone == row["手机号"].replace(" ", "")
    assert seeker.id_number_masked.startswith("210106") and "*" in seeker.id_number_masked
    assert seeker.residence_id == "210106001" and seeker.area_code == "210106001"
    assert seeker.hukou_area_id == "411625"
    assert sorted(seeker.wanted_areas.values_list("code", flat=True)) == ["210114", "210211"]
    assert seeker.wanted_occupations.get().name == "装配钳工"
    assert seeker.wants_training is True
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
