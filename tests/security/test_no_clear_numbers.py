"""After every staff route has been used as a clerk uses it (pages and API, looking people up
by number, registering them, entering surveys, revealing a phone with a purpose), no clear
身份证号 or mobile number is found in the audit table (which can never be erased), in the logs,
or in any URL the requests went to (what a web server's access log keeps)."""

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from chengnuan.accounts.services import api_token_create
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey
from chengnuan.core.models import AuditEntry
from tests.bulk.sheets import filled_template, seeker_row, unique_id_number, upload
from tests.employment.views_support import staff_signed_in
from tests.factories import (
    SHENYANG_TIEXI,
    EmployerFactory,
    JobSeekerFactory,
    PostingFactory,
    StaffFactory,
)
from tests.security.scan import audit_table_text, clear_numbers

pytestmark = pytest.mark.django_db

PHONE = "13987654321"


def routes(patterns=None, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(route, name) of every URL pattern, e.g. ("office/seekers/<int:pk>/", "office_seeker_detail")."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name or ""


def _query(data: dict | None) -> str:
    return "?" + urlencode(data, doseq=True) if data else ""


class Visits:
    """A test client that keeps every URL it asked for, redirects included: the access log."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.urls: list[str] = []

    def get(self, url: str, data: dict | None = None, **extra) -> None:
        self._keep(self.client.get(url, data, follow=True, **extra), url + _query(data))

    def post(self, url: str, data: dict, **extra) -> None:
        self._keep(self.client.post(url, data, follow=True, **extra), url)

    def submit(self, url: str, data: dict) -> None:
        """Fill the form of the page at `url` that holds the first field of `data`, and send it
        the way the page says (its method and action), as a browser would."""
        html = self.client.get(url).content.decode()
        before = html[: html.index(f'name="{next(iter(data))}"')]
        opening = before[before.rindex("<form") :]
        opening = opening[: opening.index(">")]
        method = re.search(r'method="(\w+)"', opening)
        action = re.search(r'action="([^"]*)"', opening)
        target = action.group(1).replace("&amp;", "&") if action and action.group(1) else url
        if method and method.group(1).lower() == "post":
            self.post(target, data)
        else:
            self.get(target, data=data)

    def _keep(self, response, url: str) -> None:
        self.urls.append(url)
        self.urls += [hop for hop, _status in getattr(response, "redirect_chain", [])]
        assert response.status_code < 500, (url, response.status_code)


@pytest.fixture
def world(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    clerk = StaffFactory()
    seeker = JobSeekerFactory(name="周凤兰", phone=PHONE)
    employer = EmployerFactory()
    posting = PostingFactory(employer=employer)
    job = upload(clerk, filled_template("seeker", SHENYANG_TIEXI, [seeker_row()]))
    demand = DemandSurvey.objects.create(
        employer_name="示例厂", county_id=SHENYANG_TIEXI, contact_name="刘", contact_phone=PHONE,
        contact_phone_masked="139****4321", surveyed_on="2026-11-20", natural_key="k", created_by=clerk,
    )  # fmt: skip
    position = DemandSurveyPosition.objects.create(survey=demand, title="包装工")
    return {
        "clerk": clerk,
        "seeker": seeker,
        "ids": {
            "seekers": seeker.pk,
            "employers": employer.pk,
            "postings": posting.pk,
            "imports": job.pk,
            "demand": demand.pk,
            "employment": 0,  # filled in once the clerk has entered one
            "position_pk": position.pk,
        },
    }


def filled(route: str, ids: dict[str, int]) -> str:
    """The route with its parameters set to records of the clerk's area."""

    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        if name == "kind":
            return "seeker"
        if name == "position_pk":
            return str(ids["position_pk"])
        for key in ("seekers", "employers", "postings", "imports", "demand", "employment"):
            if f"/{key}/" in route:
                return str(ids[key])
        return str(ids["postings"])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


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
    for route, _name in routes():
        if route.startswith("office/"):
            page.get(filled(route, ids))
        elif route.startswith("api/v1/office/"):
            api.get(filled(route, ids))

    numbers = {seeker.id_number, seeker.phone, typed_id, "13911112222"}
    audit = audit_table_text()
    captured = capsys.readouterr()
    logs = "\n".join([caplog.text, captured.out, captured.err])
    access_log = "\n".join(page.urls + api.urls)
    for where, text in (("audit", audit), ("logs", logs), ("URLs", access_log)):
        assert not [n for n in numbers if n in text], where
        assert not clear_numbers(text), where
    assert AuditEntry.objects.filter(detail__revealed="phone").count() == 2  # the walk happened
