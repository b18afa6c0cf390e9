"""Every staff page and API route that shows a person writes the audit row that says so, by
whatever route (page, API, export): PIPL wants every staff read of a person's record logged.
The walk opens every staff route; wherever a person's name or masked 身份证号 appears in the
answer, an audit row written during that request must name that person (or, for an export,
record the export)."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.core.models import AuditAction, AuditEntry
from tests.bulk.sheets import unique_id_number
from tests.employment.views_support import staff_signed_in
from tests.factories import SHENYANG_TIEXI
from tests.security.staff_routes import filled, staff_routes

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def shown_text(response) -> str:
    """What the answer shows: the page or JSON text, or every cell of a workbook."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith(XLSX):
        book = load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    return content.decode(errors="replace")


def names(entry: AuditEntry, object_type: str, pk: int) -> bool:
    """Whether an audit row is about this record: itself, or a list it is in, or an export."""
    if entry.action == AuditAction.EXPORT:
        return True
    if entry.object_type != object_type:
        return False
    return entry.object_id == str(pk) or pk in entry.detail.get("list", [])


@pytest.fixture
def people(client, world):
    """The seeker of the area, and a worker's survey the clerk entered in the form."""
    staff_signed_in(client, world["clerk"])
    client.post(
        "/office/bulk/surveys/employment/new/",
        {"name": "钱秋菊", "id_number": unique_id_number(male=False), "phone": "13911112222",
         "city": "2101", "county": SHENYANG_TIEXI, "township": "210106001",
         "work_status": "没有工作，想找工作", "wants_work": "是", "surveyed_on": "2026-11-20",
         "consent": "on"},
        follow=True,  # its "saved" message is shown here, not on the walk's first page
    )  # fmt: skip
    from chengnuan.bulk.models import EmploymentSurvey

    survey = EmploymentSurvey.objects.get(name="钱秋菊")
    world["ids"]["employment"] = survey.pk
    seeker = world["seeker"]
    return [
        ("employment.jobseeker", seeker.pk, (seeker.name, seeker.id_number_masked)),
        ("bulk.employmentsurvey", survey.pk, (survey.name, survey.id_number_masked)),
    ]


def test_every_staff_route_that_shows_a_person_writes_the_audit_row(client, world, people):
    _token, key = api_token_create(user=world["clerk"], name="测试")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    requests = [((api if r.startswith("api/") else client), "get", filled(r, world["ids"]), {})
                for r in staff_routes()]  # fmt: skip
    requests += [
        (api, "post", "/api/v1/office/seekers/search", {"name": world["seeker"].name}),
        (client, "post", "/office/seekers/", {"name": world["seeker"].name}),
    ]
    showing = 0
    for caller, method, url, data in requests:
        last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        if method == "get":
            response = caller.get(url, follow=True)
        else:
            response = (
                caller.post(url, data, content_type="application/json", follow=True)
                if (caller is api)
                else caller.post(url, data, follow=True)
            )
        text = shown_text(response)
        written = list(AuditEntry.objects.filter(id__gt=last, actor=world["clerk"]))
        for object_type, pk, marks in people:
            if any(mark in text for mark in marks):
                showing += 1
                assert any(names(e, object_type, pk) for e in written), (url, object_type)
    # The walk did meet people: lists, records and exports on pages and in the API.
    assert showing >= 8
