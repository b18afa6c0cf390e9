"""After every staff route has been used as a clerk uses it (pages and API, looking people up
by number, registering them, entering surveys, revealing a phone with a purpose), no clear
身份证号 or mobile number is found in the audit table (which can never be erased), in the logs,
or in any URL the requests went to (what a web server's access log keeps)."""

import pytest
from django.test import Client

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.bulk.models import EmploymentSurvey
from chengnuan.core.models import AuditEntry
from tests.bulk.sheets import unique_id_number
from tests.employment.views_support import staff_signed_in
from tests.factories import SHENYANG_TIEXI
from tests.security.conftest import PHONE
from tests.security.scan import audit_table_text, clear_numbers
from tests.security.staff_routes import Visits, filled, staff_routes

pytestmark = pytest.mark.django_db


def test_no_clear_number_in_audit_rows_logs_or_urls_after_every_staff_route(
    client, world, caplog, capsys
):
    caplog.set_level("DEBUG")
    clerk, seeker, ids = world["clerk"], world["seeker"], world["ids"]
    page = Visits(staff_signed_in(client, clerk))
    _token, key = api_token_create(user=clerk, name="测试")
    api = Visits(Client(HTTP_AUTHORIZATION=f"Bearer {key}"))
    typed_id = unique_id_number()

    # What clerks type: look-ups, a registration, a survey, a phone reveal.
    page.submit("/office/seekers/", {"id_number": seeker.id_number, "phone": PHONE})
    page.submit("/office/seekers/", {"id_number": typed_id})
    page.post(
        "/office/bulk/surveys/employment/new/",
        {"name": "钱大伯", "id_number": typed_id, "phone": "13911112222", "city": "2101",
         "county": SHENYANG_TIEXI, "township": "210106001", "work_status": "没有工作，想找工作",
         "wants_work": "是", "surveyed_on": "2026-11-20", "consent": "on"},
    )  # fmt: skip
    ids["employment"] = EmploymentSurvey.objects.get().pk
    page.post(f"/office/seekers/{seeker.pk}/contact/", {"purpose": "recommend"})
    api.post(
        "/api/v1/office/seekers/search",
        {"id_number": seeker.id_number, "phone": "139 8765 4321"},
        content_type="application/json",
    )
    api.post(
        f"/api/v1/office/seekers/{seeker.pk}/contact",
        {"purpose": "verify"},
        content_type="application/json",
    )
    # Every staff route, as it is opened.
    for route in staff_routes():
        (api if route.startswith("api/") else page).get(filled(route, ids))

    numbers = {seeker.id_number, seeker.phone, typed_id, "13911112222"}
    audit = audit_table_text()
    captured = capsys.readouterr()
    logs = "\n".join([caplog.text, captured.out, captured.err])
    access_log = "\n".join(page.urls + api.urls)
    for where, text in (("audit", audit), ("logs", logs), ("URLs", access_log)):
        assert not [n for n in numbers if n in text], where
        assert not clear_numbers(text), where
    assert AuditEntry.objects.filter(detail__revealed="phone").count() == 2  # the walk happened
