"""A clerk of another city gets nothing through a survey, a sheet or the API: a person or a
company registered in Shenyang is neither shown to a Dalian clerk nor linked, and no posting
goes out in a Shenyang company's name from Dalian. The clerk is told whom to ask instead."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.bulk.choices import ImportKind, ImportStatus
from chengnuan.bulk.models import DemandSurvey, EmploymentSurvey
from chengnuan.bulk.services import surveys as survey_services
from chengnuan.employment.choices import Source
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.services.postings import posting_create
from tests.bulk.sheets import filled_template, posting_row, unique_id_number, upload
from tests.employment.factories import DalianClerkFactory, posting_input
from tests.employment.views_support import staff_signed_in
from tests.factories import DALIAN_GANJINGZI, EmployerFactory, JobSeekerFactory

pytestmark = pytest.mark.django_db
IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)
SHENYANG_NAME = "王秀芝"
SHENYANG_COMPANY = "沈阳铁西保密机械有限公司"


@pytest.fixture
def dalian_clerk():
    return DalianClerkFactory()


@pytest.fixture
def shenyang_seeker():
    return JobSeekerFactory(name=SHENYANG_NAME)


@pytest.fixture
def shenyang_employer():
    return EmployerFactory(name=SHENYANG_COMPANY)


def dalian_employment_row(**overrides):
    row = {"姓名": "调查表上的名字", "身份证号": unique_id_number(male=False), "手机号": "139 1234 5678",
           "现居住县区": "甘井子区", "现居住乡镇街道": "周水子街道", "目前就业状态": "失业",
           "是否想找工作": "是", "想做的工作": "保洁员", "调查日期": "2026年11月20日",
           "本人已同意登记": "是"}  # fmt: skip
    row.update(overrides)
    return row


def dalian_demand_row(**overrides):
    row = {"单位名称": "大连某厂", "单位所在县区": "甘井子区", "联系人": "刘主任",
           "联系电话": "13912345678", "调查日期": "2026/11/20", "岗位名称": "包装工",
           "需求人数": "10人", "工资": "4000-5000"}  # fmt: skip
    row.update(overrides)
    return row


def import_as(clerk, kind, rows):
    return upload(clerk, filled_template(kind, DALIAN_GANJINGZI, rows), kind=kind)


# --- employment survey: a person registered in Shenyang -------------------------------------------


def test_dalian_clerk_converting_a_survey_of_a_shenyang_worker_is_told_and_nothing_is_linked(
    dalian_clerk, shenyang_seeker
):
    job = import_as(
        dalian_clerk,
        ImportKind.EMPLOYMENT_SURVEY,
        [dalian_employment_row(身份证号=shenyang_seeker.id_number)],
    )
    assert job.status == ImportStatus.DONE, job.errors
    survey = EmploymentSurvey.objects.get()
    with pytest.raises(ValidationError) as refused:
        survey_services.employment_survey_convert(survey=survey, actor=dalian_clerk)
    message = " ".join(refused.value.messages)
    assert "其他地区" in message and "12333" in message
    assert SHENYANG_NAME not in message and "沈阳" not in message
    survey.refresh_from_db()
    assert survey.seeker_id is None and JobSeeker.objects.count() == 1


def test_dalian_clerk_converting_on_the_page_sees_no_shenyang_name(
    client, dalian_clerk, shenyang_seeker
):
    import_as(
        dalian_clerk,
        ImportKind.EMPLOYMENT_SURVEY,
        [dalian_employment_row(身份证号=shenyang_seeker.id_number)],
    )
    survey = EmploymentSurvey.objects.get()
    staff_signed_in(client, dalian_clerk)
    response = client.post(reverse("bulk:employment_convert", args=[survey.pk]), follow=True)
    page = response.content.decode()
    assert "其他地区" in page and SHENYANG_NAME not in page
    assert EmploymentSurvey.objects.get().seeker_id is None


def test_a_survey_linked_before_the_person_moved_away_does_not_show_them(
    client, dalian_clerk, shenyang_seeker
):
    import_as(dalian_clerk, ImportKind.EMPLOYMENT_SURVEY, [dalian_employment_row()])
    EmploymentSurvey.objects.update(seeker=shenyang_seeker)  # linked, then the person moved
    staff_signed_in(client, dalian_clerk)
    page = client.get(
        reverse("bulk:employment_detail", args=[EmploymentSurvey.objects.get().pk])
    ).content.decode()
    assert SHENYANG_NAME not in page and shenyang_seeker.id_number_masked not in page
    assert "登记在其他地区" in page


def test_registering_a_shenyang_worker_through_the_api_from_dalian_says_only_already_registered(
    client, dalian_clerk, shenyang_seeker
):
    _token, key = api_token_create(user=dalian_clerk, name="test")
    payload = {
        "name": "随便写",
        "id_number": shenyang_seeker.id_number,
        "phone": "13912345678",
        "residence_code": "210211001",
        "consent_method": "signed",
    }
    response = client.post(
        "/api/v1/office/seekers",
        payload,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422
    body = json.dumps(response.json(), ensure_ascii=False)
    assert "已经登记过了" in body
    assert SHENYANG_NAME not in body and "沈阳" not in body and "铁西" not in body


# --- demand survey: a company registered in Shenyang ---------------------------------------------


def test_demand_form_with_a_shenyang_credit_code_shows_no_name_and_links_nothing(
    client, dalian_clerk, shenyang_employer
):
    staff_signed_in(client, dalian_clerk)
    data = {"employer_name": "大连写的名字", "employer_uscc": shenyang_employer.uscc, "city": "2102",
            "county": DALIAN_GANJINGZI, "contact_name": "孙经理", "contact_phone": "139 1234 5678",
            "surveyed_on": "2026-11-20", "pos-TOTAL_FORMS": "5", "pos-INITIAL_FORMS": "0",
            "pos-0-title": "缝纫工", "pos-0-headcount": "3", "pos-0-wage": "6000"}  # fmt: skip
    response = client.post(reverse("bulk:demand_new"), data, follow=True)
    survey = DemandSurvey.objects.get()
    assert survey.employer_id is None
    page = response.content.decode()
    assert SHENYANG_COMPANY not in page
    assert "不在您负责的区域" in page and "沈阳市铁西区人社部门" in page


def test_dalian_clerk_cannot_turn_a_survey_into_postings_of_a_shenyang_employer(
    dalian_clerk, shenyang_employer
):
    job = import_as(
        dalian_clerk,
        ImportKind.DEMAND_SURVEY,
        [dalian_demand_row(统一社会信用代码=shenyang_employer.uscc)],
    )
    assert job.status == ImportStatus.DONE, job.errors
    survey = DemandSurvey.objects.get()
    assert survey.employer_id is None  # the sheet import links nothing out of area
    with pytest.raises(ValidationError) as refused:
        survey_services.demand_survey_convert(
            survey=survey, actor=dalian_clerk, valid_until=IN_A_MONTH
        )
    assert "自己的账号" in refused.value.message_dict["uscc"][0]
    assert SHENYANG_COMPANY not in str(refused.value)
    assert not Posting.objects.exists()


def test_a_survey_typed_with_the_code_at_conversion_is_refused_too(dalian_clerk, shenyang_employer):
    import_as(dalian_clerk, ImportKind.DEMAND_SURVEY, [dalian_demand_row()])
    with pytest.raises(ValidationError, match="不在您负责的区域"):
        survey_services.demand_survey_convert(
            survey=DemandSurvey.objects.get(),
            actor=dalian_clerk,
            valid_until=IN_A_MONTH,
            uscc=shenyang_employer.uscc,
        )
    assert not Posting.objects.exists()


def test_a_survey_linked_to_a_shenyang_employer_earlier_cannot_be_converted(
    dalian_clerk, shenyang_employer
):
    import_as(dalian_clerk, ImportKind.DEMAND_SURVEY, [dalian_demand_row()])
    DemandSurvey.objects.update(employer=shenyang_employer)  # a link made before the fix
    with pytest.raises(ValidationError, match="不在您负责的区域"):
        survey_services.demand_survey_convert(
            survey=DemandSurvey.objects.get(), actor=dalian_clerk, valid_until=IN_A_MONTH
        )
    assert not Posting.objects.exists()


# --- postings: the sheet and the service ---------------------------------------------------------


def test_posting_sheet_naming_a_shenyang_employer_is_refused_row_by_row(
    dalian_clerk, shenyang_employer
):
    row = posting_row(
        统一社会信用代码=shenyang_employer.uscc,
        单位名称="随便",
        **{"工作地点（县区）": "大连市甘井子区"},
    )
    job = import_as(dalian_clerk, ImportKind.POSTING, [row])
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["column"] == "统一社会信用代码"
    assert "自己的账号" in job.errors[0]["message"]
    assert SHENYANG_COMPANY not in job.errors[0]["message"]
    assert not Posting.objects.exists()


def test_staff_cannot_create_a_posting_for_an_employer_of_another_area(
    dalian_clerk, shenyang_employer
):
    with pytest.raises(ValidationError, match="自己的账号"):
        posting_create(
            employer=shenyang_employer,
            data=posting_input(county_code=DALIAN_GANJINGZI, township_code=None),
            actor=dalian_clerk,
            source=Source.CLERK,
            submit=True,
        )
    assert not Posting.objects.exists()
