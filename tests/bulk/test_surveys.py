"""The two field surveys: imported from sheets, entered in forms, and turned into postings
or a seeker registration through the employment services, keeping the link."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from chengnuan.bulk.choices import ImportKind, ImportStatus, SurveySource, WorkStatus
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey
from chengnuan.bulk.services import surveys as survey_services
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, PostingStatus, RegisteredVia, Source
from chengnuan.employment.models import Employer, JobSeeker, Posting
from tests.bulk.sheets import filled_template, unique_id_number, upload
from tests.employment.factories import DalianClerkFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import EmployerFactory, JobSeekerFactory, make_uscc

pytestmark = pytest.mark.django_db
TIEXI = "210106"
IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def demand_row(**overrides):
    row = {"单位名称": "铁西示范食品厂", "单位所在县区": "铁西区", "联系人": "刘主任", "联系电话": "13912345678",
           "调查日期": "2026/11/20", "岗位名称": "包装工", "需求人数": "10人", "工资": "4000-5000", "需要到岗时间": "2027.3.1"}  # fmt: skip
    row.update(overrides)
    return row


def import_demand(clerk, rows):
    return upload(
        clerk, filled_template(ImportKind.DEMAND_SURVEY, TIEXI, rows), kind=ImportKind.DEMAND_SURVEY
    )


def test_demand_sheet_rows_of_one_employer_and_day_make_one_survey(clerk):
    job = import_demand(clerk, [
        demand_row(), demand_row(岗位名称="搬运工", 工资="面议"),
        demand_row(单位名称="另一家厂", 统一社会信用代码=make_uscc(), 岗位名称="保洁员", 工资="150元/天"),
    ])  # fmt: skip
    assert job.status == ImportStatus.DONE, job.errors
    assert job.created == 2
    survey = DemandSurvey.objects.get(employer_name="铁西示范食品厂")
    assert (
        survey.source == SurveySource.IMPORT
        and survey.import_job == job
        and survey.created_by == clerk
    )
    assert (
        survey.surveyed_on == datetime.date(2026, 11, 20)
        and survey.contact_phone_masked == "139****5678"
    )
    positions = {p.title: p for p in survey.positions.all()}
    assert (positions["包装工"].wage_min, positions["包装工"].headcount) == (4000, 10)
    assert positions["搬运工"].has_wage is False  # 面议 is recorded as said
    assert positions["包装工"].needed_by == datetime.date(2027, 3, 1)


def test_demand_sheet_uploaded_again_adds_nothing(clerk):
    rows = [demand_row(), demand_row(岗位名称="搬运工")]
    import_demand(clerk, rows)
    again = import_demand(clerk, rows)
    assert (again.created, again.skipped) == (0, 2)
    assert DemandSurvey.objects.count() == 1 and DemandSurveyPosition.objects.count() == 2


def test_converting_a_demand_survey_registers_the_employer_and_links_each_posting(clerk):
    import_demand(clerk, [demand_row(), demand_row(岗位名称="搬运工", 工资="面议")])
    survey = DemandSurvey.objects.get()
    uscc = make_uscc()
    postings = survey_services.demand_survey_convert(
        survey=survey, actor=clerk, valid_until=IN_A_MONTH, uscc=uscc
    )
    assert len(postings) == 1
    posting = postings[0]
    assert (posting.title, posting.status, posting.source) == (
        "包装工",
        PostingStatus.PENDING,
        Source.SURVEY,
    )
    assert (posting.wage_min, posting.wage_max, posting.headcount) == (4000, 5000, 10)
    assert posting.employer.uscc == uscc and posting.employer.status == EmployerStatus.VERIFIED
    survey.refresh_from_db()
    assert survey.employer == posting.employer
    assert survey.positions.get(title="包装工").posting == posting
    assert survey.positions.get(title="搬运工").posting is None  # 面议: waits for a wage
    with pytest.raises(ValidationError, match="没有可以转的岗位"):
        survey_services.demand_survey_convert(survey=survey, actor=clerk, valid_until=IN_A_MONTH)


def test_converting_uses_the_employer_already_registered(clerk):
    employer = EmployerFactory()
    import_demand(clerk, [demand_row(统一社会信用代码=employer.uscc)])
    survey = DemandSurvey.objects.get()
    assert survey.employer == employer
    survey_services.demand_survey_convert(survey=survey, actor=clerk, valid_until=IN_A_MONTH)
    assert Employer.objects.count() == 1 and Posting.objects.get().employer == employer


def test_a_position_the_posting_rules_refuse_stops_the_whole_conversion(clerk):
    import_demand(clerk, [demand_row(), demand_row(岗位名称="保安（限男性）")])
    survey = DemandSurvey.objects.get()
    with pytest.raises(ValidationError, match="岗位「保安（限男性）」不能转"):
        survey_services.demand_survey_convert(
            survey=survey, actor=clerk, valid_until=IN_A_MONTH, uscc=make_uscc()
        )
    assert Posting.objects.count() == 0 and Employer.objects.count() == 0


def test_without_uscc_the_conversion_asks_for_it(clerk):
    import_demand(clerk, [demand_row()])
    with pytest.raises(ValidationError) as refused:
        survey_services.demand_survey_convert(
            survey=DemandSurvey.objects.get(), actor=clerk, valid_until=IN_A_MONTH
        )
    assert "统一社会信用代码" in refused.value.message_dict["uscc"][0]


def employment_row(**overrides):
    row = {"姓名": "赵桂兰", "身份证号": unique_id_number(male=False), "手机号": "139 1234 5678",
           "现居住县区": "铁西区", "现居住乡镇街道": "昆明湖街道", "目前就业状态": "失业", "是否想找工作": "是",
           "想做的工作": "保洁员、看孩子", "期望工资": "3000", "是否想参加培训": "√", "想学什么技能": "育婴",
           "就业困难": "要照顾家里、年龄大", "调查日期": "2026年11月20日", "本人已同意登记": "是"}  # fmt: skip
    row.update(overrides)
    return row


def import_employment(clerk, rows):
    return upload(
        clerk,
        filled_template(ImportKind.EMPLOYMENT_SURVEY, TIEXI, rows),
        kind=ImportKind.EMPLOYMENT_SURVEY,
    )


def test_employment_sheet_row_becomes_an_encrypted_survey(clerk):
    row = employment_row()
    job = import_employment(clerk, [row])
    assert job.status == ImportStatus.DONE, job.errors
    survey = EmploymentSurvey.objects.get()
    assert survey.id_number == row["身份证号"] and survey.gender == "F"
    assert survey.work_status == WorkStatus.SEEKING and survey.wants_work is True
    assert (
        survey.wanted_work == "保洁员、看孩子" and len(survey.wanted_occupation_codes) == 1
    )  # 看孩子 stays as text
    assert survey.difficulty_labels() == ["要照顾家里", "年龄偏大"]
    assert survey.residence_id == "210106001"


def test_employment_survey_needs_consent_and_a_known_difficulty(clerk):
    job = import_employment(clerk, [employment_row(本人已同意登记="否", 就业困难="不想干")])
    columns = {e["column"] for e in job.errors}
    assert columns == {"本人已同意登记", "就业困难"}


def test_converting_an_employment_survey_registers_the_seeker_with_the_link(clerk):
    import_employment(clerk, [employment_row()])
    survey = EmploymentSurvey.objects.get()
    seeker = survey_services.employment_survey_convert(survey=survey, actor=clerk)
    assert seeker.id_number == survey.id_number and seeker.registered_via == RegisteredVia.IMPORT
    assert seeker.expected_wage == 3000 and seeker.wants_training is True
    survey.refresh_from_db()
    assert survey.seeker == seeker
    with pytest.raises(ValidationError, match="已经转成"):
        survey_services.employment_survey_convert(survey=survey, actor=clerk)


def test_converting_a_person_already_registered_links_without_a_duplicate(clerk):
    existing = JobSeekerFactory()
    import_employment(clerk, [employment_row(身份证号=existing.id_number)])
    seeker = survey_services.employment_survey_convert(
        survey=EmploymentSurvey.objects.get(), actor=clerk
    )
    assert seeker == existing and JobSeeker.objects.count() == 1


def test_a_worker_who_does_not_want_work_is_not_registered(clerk):
    import_employment(clerk, [employment_row(是否想找工作="否", 目前就业状态="料理家务")])
    with pytest.raises(ValidationError, match="不想找工作"):
        survey_services.employment_survey_convert(
            survey=EmploymentSurvey.objects.get(), actor=clerk
        )


# --- the forms ------------------------------------------------------------------------------------


def test_clerk_enters_a_demand_survey_in_the_form_with_the_sheet_spellings(client, clerk):
    staff_signed_in(client, clerk)
    data = {"employer_name": "表单示范厂", "city": "2101", "county": TIEXI, "contact_name": "孙经理",
            "contact_phone": "139 1234 5678", "surveyed_on": "2026-11-20", "pos-TOTAL_FORMS": "5",
            "pos-INITIAL_FORMS": "0", "pos-0-title": "缝纫工", "pos-0-headcount": "3人", "pos-0-wage": "6千-8千",
            "pos-1-title": "学徒", "pos-1-headcount": "2", "pos-1-wage": "面议"}  # fmt: skip
    response = client.post(reverse("bulk:demand_new"), data)
    survey = DemandSurvey.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "bulk:demand_detail", args=[survey.pk]
    )
    assert survey.source == SurveySource.FORM
    assert sorted(survey.positions.values_list("title", "wage_min", "wage_max")) == [
        ("学徒", None, None),
        ("缝纫工", 6000, 8000),
    ]
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(survey.pk)).exists()


def test_demand_form_keeps_what_was_typed_and_names_the_bad_position(client, clerk):
    staff_signed_in(client, clerk)
    data = {"employer_name": "表单示范厂", "city": "2101", "county": TIEXI, "contact_name": "孙经理",
            "contact_phone": "12345", "surveyed_on": "2026-11-20", "pos-TOTAL_FORMS": "5", "pos-INITIAL_FORMS": "0",
            "pos-0-title": "缝纫工", "pos-0-headcount": "3", "pos-0-wage": "好多"}  # fmt: skip
    response = client.post(reverse("bulk:demand_new"), data)
    assert response.status_code == 200 and DemandSurvey.objects.count() == 0
    assert "contact_phone" in response.context["form"].errors
    assert "看不懂这个工资" in str(response.context["positions"][0].errors["wage"])
    assert "表单示范厂" in response.content.decode()


def test_clerk_enters_an_employment_survey_and_converts_it(client, clerk):
    staff_signed_in(client, clerk)
    number = unique_id_number()
    data = {"name": "钱大伯", "id_number": number, "phone": "13912345678", "city": "2101", "county": TIEXI,
            "township": "210106001", "work_status": "没有工作，想找工作", "wants_work": "是", "wanted_work": "保安员",
            "difficulties": ["年龄偏大"], "surveyed_on": "2026-11-20", "consent": "on"}  # fmt: skip
    response = client.post(reverse("bulk:employment_new"), data)
    survey = EmploymentSurvey.objects.get()
    assert response.status_code == 302
    assert survey.difficulties == ["age"] and survey.source == SurveySource.FORM
    response = client.post(reverse("bulk:employment_convert", args=[survey.pk]))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.seeker.id_number == number


def test_clerk_cannot_open_a_survey_of_another_area(client, clerk):
    import_employment(clerk, [employment_row()])
    import_demand(clerk, [demand_row()])
    staff_signed_in(client, DalianClerkFactory())
    assert (
        client.get(
            reverse("bulk:employment_detail", args=[EmploymentSurvey.objects.get().pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("bulk:demand_detail", args=[DemandSurvey.objects.get().pk])).status_code
        == 404
    )
    assert (
        client.post(
            reverse("bulk:employment_convert", args=[EmploymentSurvey.objects.get().pk])
        ).status_code
        == 404
    )


def test_reading_a_workers_survey_is_audited(client, clerk):
    import_employment(clerk, [employment_row()])
    survey = EmploymentSurvey.objects.get()
    staff_signed_in(client, clerk)
    client.get(reverse("bulk:employment_detail", args=[survey.pk]))
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, object_type="bulk.employmentsurvey", object_id=str(survey.pk)
    ).exists()
