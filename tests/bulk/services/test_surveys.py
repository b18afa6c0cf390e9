"""Turning surveys into postings or a seeker registration (services/surveys.py) through the
employment services, keeping the link."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from chengnuan.bulk.models import DemandSurvey, EmploymentSurvey
from chengnuan.bulk.services import surveys as survey_services
from chengnuan.employment.choices import EmployerStatus, PostingStatus, RegisteredVia, Source
from chengnuan.employment.models import Employer, JobSeeker, Posting
from tests.bulk.sheets import (
    demand_row,
    employment_row,
    import_demand,
    import_employment,
)
from tests.factories import EmployerFactory, JobSeekerFactory, make_uscc

pytestmark = pytest.mark.django_db
IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)


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
