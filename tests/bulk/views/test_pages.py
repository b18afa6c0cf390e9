"""Every bulk page renders for a clerk, and the survey pages' actions work end to end."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengnuan.bulk.choices import ImportKind
from chengnuan.bulk.columns import SPECS
from chengnuan.bulk.models import DemandSurvey
from chengnuan.employment.models import Posting
from tests.bulk.sheets import demand_row, employment_row, filled_template, upload
from tests.employment.views_support import staff_signed_in
from tests.factories import make_uscc

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", list(SPECS))
def test_every_template_downloads(client, clerk, kind):
    staff_signed_in(client, clerk)
    response = client.get(reverse("bulk:template", args=[kind]))
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_every_list_and_form_page_renders(client, clerk):
    upload(
        clerk,
        filled_template(ImportKind.DEMAND_SURVEY, "210106", [demand_row()]),
        kind=ImportKind.DEMAND_SURVEY,
    )
    upload(
        clerk,
        filled_template(ImportKind.EMPLOYMENT_SURVEY, "210106", [employment_row()]),
        kind=ImportKind.EMPLOYMENT_SURVEY,
    )
    staff_signed_in(client, clerk)
    for name in (
        "home",
        "import_list",
        "import_new",
        "demand_list",
        "demand_new",
        "employment_list",
        "employment_new",
        "notice_board",
    ):
        assert client.get(reverse(f"bulk:{name}")).status_code == 200, name
    survey = DemandSurvey.objects.get()
    assert (
        "铁西示范食品厂"
        in client.get(reverse("bulk:demand_list"), {"q": "铁西示范"}).content.decode()
    )
    assert client.get(reverse("bulk:demand_detail", args=[survey.pk])).status_code == 200
    assert client.get(reverse("bulk:position_new", args=[survey.pk])).status_code == 200


def test_region_lists_redraw_without_javascript_keeping_what_was_typed(client, clerk):
    staff_signed_in(client, clerk)
    response = client.post(
        reverse("bulk:employment_new"),
        {"name": "周大姐", "city": "2101", "county": "210106", "_refresh": "region"},
    )
    assert response.status_code == 200 and "周大姐" in response.content.decode()
    assert not response.context["form"].errors
    assert "昆明湖街道" in response.content.decode()


def test_clerk_fills_in_a_wage_for_a_negotiable_position_then_converts_on_the_page(client, clerk):
    upload(
        clerk,
        filled_template(ImportKind.DEMAND_SURVEY, "210106", [demand_row(工资="面议")]),
        kind=ImportKind.DEMAND_SURVEY,
    )
    survey = DemandSurvey.objects.get()
    position = survey.positions.get()
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:demand_detail", args=[survey.pk])).content.decode()
    assert "补上工资" in page
    edit = reverse("bulk:position_edit", args=[survey.pk, position.pk])
    assert client.get(edit).context["form"].initial["wage"] == "面议"
    response = client.post(
        edit, {"title": "包装工", "headcount": "10", "wage": "4500-5500", "education": "不限"}
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert (position.wage_min, position.wage_max) == (4500, 5500)
    valid_until = timezone.localdate() + datetime.timedelta(days=40)
    response = client.post(
        reverse("bulk:demand_convert", args=[survey.pk]),
        {"valid_until": valid_until.isoformat(), "uscc": make_uscc()},
    )
    assert response.status_code == 302
    posting = Posting.objects.get()
    assert posting.valid_until == valid_until and survey.positions.get().posting == posting
    assert "已转" in client.get(reverse("bulk:demand_detail", args=[survey.pk])).content.decode()


def test_conversion_refusal_is_shown_on_the_page(client, clerk):
    upload(
        clerk,
        filled_template(ImportKind.DEMAND_SURVEY, "210106", [demand_row()]),
        kind=ImportKind.DEMAND_SURVEY,
    )
    survey = DemandSurvey.objects.get()
    staff_signed_in(client, clerk)
    response = client.post(
        reverse("bulk:demand_convert", args=[survey.pk]), {"valid_until": "2020-01-01", "uscc": ""}
    )
    assert response.status_code == 200
    assert "统一社会信用代码" in response.content.decode()
    assert Posting.objects.count() == 0
