"""The survey pages: entering a paper form with the sheet's spellings, keeping what was typed,
converting, another area's survey is a 404, a worker's survey read is audited."""

import pytest
from django.urls import reverse

from chengnuan.bulk.choices import SurveySource
from chengnuan.bulk.models import DemandSurvey, EmploymentSurvey
from chengnuan.core.models import AuditAction, AuditEntry
from tests.bulk.sheets import (
    TIEXI,
    demand_row,
    employment_row,
    import_demand,
    import_employment,
    unique_id_number,
)
from tests.employment.factories import DalianClerkFactory
from tests.employment.views_support import staff_signed_in

pytestmark = pytest.mark.django_db


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
