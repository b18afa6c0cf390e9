"""The two survey sheets (handlers/surveys.py): rows of one employer and day make one demand
survey; a worker's row becomes an encrypted survey; re-uploading adds nothing."""

import datetime

import pytest

from chengnuan.bulk.choices import ImportStatus, SurveySource, WorkStatus
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey
from tests.bulk.sheets import (
    demand_row,
    employment_row,
    import_demand,
    import_employment,
)
from tests.factories import make_uscc

pytestmark = pytest.mark.django_db


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
